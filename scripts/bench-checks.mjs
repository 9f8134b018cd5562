// Object checks per second from the browser against the GCS stand-in (tests/fakes/gcs-standin), beside the
// stand-in's own capacity measured in the same run at the same concurrency: node sending the same signed
// HEADs over at most 6 keep-alive sockets, as many as a browser opens to one HTTP/1.1 host and as many
// as the check keeps in flight (wasm/app/cloud_checks.cpp). The ratio tells a slow client from a
// saturated server. Figures, not pass/fail.
// node scripts/bench-checks.mjs [--objects N] [--runs N] [--latency-ms N]
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { launch, openApp, clickItem, waitState } from '../tests/e2e/helpers/browser.mjs';
import { startServer } from '../tests/e2e/helpers/server.mjs';
import { startGcsStandin, measureCapacity, signUrl, loadServiceAccounts, DEMO_KEY_PATH } from '../tests/fakes/gcs-standin/index.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const opt = (name, dflt) => (args.includes(name) ? Number(args[args.indexOf(name) + 1]) : dflt);
const objects = opt('--objects', 2000);
const runs = opt('--runs', 3);
const latencyMs = opt('--latency-ms', 0);
const concurrency = 6;

const names = Array.from({ length: objects }, (_, i) => `bench/img-${String(i).padStart(6, '0')}.jpg`);
const standin = await startGcsStandin({
  buckets: [{ name: 'eic-bench', cors: [], objects: names.map((name) => ({ name, size: 1024 + (name.length % 7), contentType: 'image/jpeg' })) }],
  latencyMs,
});
const server = await startServer({ extraArgs: ['--connect', standin.origin], testPages: false });
standin.setCors('eic-bench', [{ origin: [new URL(server.url).origin], method: ['GET', 'HEAD'],
  responseHeader: ['Content-Type', 'Content-Length', 'Date'], maxAgeSeconds: 3600 }]);
const browser = await launch();
const key = fs.readFileSync(DEMO_KEY_PATH, 'utf8');
const account = [...loadServiceAccounts([DEMO_KEY_PATH]).values()][0];
const manifest = JSON.stringify({ images: names.map((n, i) => ({ objectUrl: `gs://eic-bench/${n}`, title: `img ${i}` })) });

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const browserRates = [], capacityRates = [];
try {
  for (let run = 0; run < runs; ++run) {
    const { context, page } = await openApp(browser, server.url);
    await page.evaluate((m) => window.eic.openManifest('bench.json', m), manifest);
    await waitState(page, (s) => s.manifest.tabs?.length === 1 && !s.manifest.validating, 60000);
    await clickItem(page, 'View');
    await clickItem(page, 'Cloud: buckets and signed URLs');
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), clickItem(page, 'Open key file…', { window: 'Cloud' })]);
    await chooser.setFiles({ name: 'demo-key.json', mimeType: 'application/json', buffer: Buffer.from(key) });
    await waitState(page, (s) => s.cloud.keyEmail !== '');
    await clickItem(page, 'Endpoint', { window: 'Cloud' });
    await page.keyboard.type(standin.origin);
    await waitState(page, (s) => s.cloud.fields.endpoint === standin.origin, 20000);
    standin.reset();  // clears the faults too: put the latency back
    standin.setFaults({ latencyMs });
    const t0 = process.hrtime.bigint();
    await clickItem(page, 'Check objects', { window: 'Cloud' });
    const s = await waitState(page, (x) => x.cloud.check && !x.cloud.check.running && x.cloud.check.done === objects, 600000);
    const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
    const exist = s.cloud.check.counts.exists || 0;
    if (exist !== objects) throw new Error(`only ${exist} of ${objects} objects were found: ${JSON.stringify(s.cloud.check.counts)}`);
    browserRates.push(s.cloud.check.rate || objects / seconds);
    await context.close();

    // The same signed HEADs from node, at the same concurrency, against the same server.
    const cap = await measureCapacity({ origin: standin.origin, concurrency, requests: objects,
      sign: (i) => signUrl({ account, origin: standin.origin, bucket: 'eic-bench', object: names[i], method: 'HEAD' }) });
    capacityRates.push(cap.requestsPerSecond);
    console.log(`run ${run + 1}: browser ${browserRates.at(-1).toFixed(0)} checks/s (${seconds.toFixed(2)} s from the click), ` +
      `stand-in capacity ${cap.requestsPerSecond.toFixed(0)} HEADs/s at ${concurrency} in flight`);
  }
  const b = median(browserRates), c = median(capacityRates);
  console.log(`\nobject checks, ${objects} objects, ${concurrency} in flight, ${latencyMs} ms added latency, median of ${runs}:`);
  console.log(`  browser (eic, emscripten fetch + WebCrypto signing): ${b.toFixed(0)} checks/s`);
  console.log(`  stand-in capacity (node client, pre-signed):         ${c.toFixed(0)} HEADs/s`);
  console.log(`  ratio browser / capacity: ${(b / c).toFixed(2)}`);
} finally {
  await browser.close();
  server.stop();
  await standin.close();
}

// How fast the standalone page opens and how much it downloads, against the plugin issue's goals (first
// frame under 1 s on localhost; the wasm and JS the page loads under 1.5 MB gzipped). First frame: the
// page's 'eic-first-frame' mark (web/page.js, set when create() resolved: the first frame is drawn),
// from navigation start, cold (a new browser context: no HTTP cache, no service worker, no compiled
// code) and warm (a reload: files from the service worker's cache). Sizes: every file of build/web the
// cold load fetched, as served and gzip -9. Figures, not pass/fail.
// node scripts/bench-load.mjs [--runs N]
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { launch } from '../tests/e2e/helpers/browser.mjs';
import { startServer } from '../tests/e2e/helpers/server.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const web = process.env.EIC_WEB_ROOT || path.join(root, 'build', 'web');
const args = process.argv.slice(2);
const runs = args.includes('--runs') ? Number(args[args.indexOf('--runs') + 1]) : 5;
const goalMs = 1000, goalBytes = 1.5e6;

const server = await startServer({ testPages: false });
const browser = await launch();
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const firstFrame = (page) => page.evaluate(async () => {
  while (!window.eic) await new Promise((r) => setTimeout(r, 5));
  return performance.getEntriesByName('eic-first-frame')[0].startTime;
});
const cold = [], warm = [];
let loaded = new Set();
try {
  for (let run = 0; run < runs; ++run) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    const fetched = new Set();
    page.on('response', (r) => { if (r.url().startsWith(server.url)) fetched.add(r.url().slice(server.url.length).replace(/[?#].*/, '') || 'index.html'); });
    await page.goto(server.url);
    cold.push(await firstFrame(page));
    loaded = fetched;
    // The warm load comes from the service worker once it is active.
    await page.evaluate(async () => {
      const r = await navigator.serviceWorker.ready;
      if (r.active.state !== 'activated') await new Promise((res) => r.active.addEventListener('statechange', res));
    });
    await page.reload();
    warm.push(await firstFrame(page));
    await context.close();
  }
} finally {
  await browser.close();
  await server.stop();
}

const rows = [...loaded].filter((f) => fs.existsSync(path.join(web, f))).sort().map((f) => {
  const bytes = fs.readFileSync(path.join(web, f));
  return { f, raw: bytes.length, gz: zlib.gzipSync(bytes, { level: 9 }).length };
});
const code = rows.filter((r) => /\.(wasm|js)$/.test(r.f));
const sum = (xs, k) => xs.reduce((a, r) => a + r[k], 0);
console.log(`load: first frame over ${runs} runs (median; goal under ${goalMs} ms):`);
console.log(`  cold (new context, nothing cached)   ${median(cold).toFixed(0)} ms  (${(median(cold) / goalMs).toFixed(2)}x the goal)  runs: ${cold.map((x) => x.toFixed(0)).join(', ')}`);
console.log(`  warm (reload, service worker cache)  ${median(warm).toFixed(0)} ms  (${(median(warm) / goalMs).toFixed(2)}x the goal)  runs: ${warm.map((x) => x.toFixed(0)).join(', ')}`);
console.log('load: files the cold load fetched (raw / gzip -9 bytes):');
for (const r of rows) console.log(`  ${r.f.padEnd(28)} ${String(r.raw).padStart(10)} ${String(r.gz).padStart(10)}`);
console.log(`  wasm + js: ${sum(code, 'raw')} raw, ${sum(code, 'gz')} gzipped (${(sum(code, 'gz') / goalBytes).toFixed(2)}x the 1.5 MB goal); ` +
  `all files: ${sum(rows, 'gz')} gzipped`);

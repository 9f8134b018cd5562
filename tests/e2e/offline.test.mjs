// The standalone page's service worker (web/sw.js.in, scripts/write-sw.mjs, web/sw-register.js): after
// one visit the page opens with the network off and the server stopped (Playwright's offline mode does
// not reach a worker's own requests), the last schema draft and the open manifests come back, and
// validation works; the worker caches the build's files and nothing else; a new build is picked up on
// the next load, a set that does not match its hashes never.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { openApp, waitState } from './helpers/browser.mjs';
import { startServer } from './helpers/server.mjs';
import { useBrowser } from './helpers/session.mjs';

const session = useBrowser();
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const builtWeb = process.env.EIC_WEB_ROOT || path.join(root, 'build', 'web');

// The page's worker, once it is active (it installs after the app is up).
const workerActive = (page) => page.evaluate(async () => {
  const registration = await navigator.serviceWorker.ready;
  const worker = registration.active;
  if (worker.state !== 'activated') await new Promise((resolve) => worker.addEventListener('statechange', () => worker.state === 'activated' && resolve()));
  return registration.scope;
});
// Polls an async predicate in the page (waitForFunction takes a promise for a truthy answer).
async function until(page, predicate, timeout = 20000) {
  const deadline = Date.now() + timeout;
  while (!(await page.evaluate(predicate))) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${predicate}`);
    await page.waitForTimeout(100);
  }
}
const cachedUrls = (page) => page.evaluate(async () => {
  const out = {};
  for (const name of await caches.keys()) out[name] = (await (await caches.open(name)).keys()).map((r) => r.url);
  return out;
});

const draft = JSON.stringify({ 'scene.weather': { ty: 'enum', values: ['sun', 'rain'] }, 'qa.score': { ty: 'number' } });
const manifest = JSON.stringify({ images: [
  { objectUrl: 'gs://my-bucket/a.jpg', title: 'a' },
  { objectUrl: 'https://storage.cloud.google.com/my-bucket/b c.jpg', title: 'b' },
] });

test('after one visit the page opens offline with its draft and manifest back, and validates', async () => {
  const server = await startServer();
  const { context, page, errors } = await openApp(session.browser, server.url);
  assert.equal(await workerActive(page), server.url, 'the worker serves the page\'s folder');
  await page.evaluate((t) => window.eic.openSchema(t, 'offline.json'), draft);
  await page.evaluate((t) => window.eic.openManifest('offline.json', t), manifest);
  let st = await waitState(page, (x) => x.manifest?.fileName === 'offline.json' && !x.manifest.validating, 15000);
  const codes = st.manifest.codes;
  const { keys, fileName: draftName } = st.schema;
  assert.ok(Object.keys(codes).length > 0, 'the manifest has findings to compare');
  await page.waitForTimeout(1500);  // the manifests' autosave waits for the tabs to be quiet

  await server.stop();
  await context.setOffline(true);
  await page.reload();
  await page.waitForFunction(() => window.eic !== undefined, null, { timeout: 30000 });
  assert.ok(await page.evaluate(() => navigator.serviceWorker.controller !== null), 'the page came from the worker');
  st = await waitState(page, (x) => x.manifest?.tabs?.length === 1 && !x.manifest.validating, 20000);
  assert.equal(st.schema.fileName, draftName, 'the draft is back');
  assert.equal(st.schema.keys, keys);
  assert.deepEqual(st.manifest.tabs, ['offline.json'], 'the manifest is back');
  assert.deepEqual(st.manifest.codes, codes, 'and validated again, offline');

  // A new manifest validates offline too.
  await page.evaluate(() => window.eic.openManifest('new.json', '{"images": [{"objectUrl": 7}]}'));
  st = await waitState(page, (x) => x.manifest?.fileName === 'new.json' && !x.manifest.validating && x.manifest.summary, 15000);
  assert.ok(st.manifest.summary.errors >= 1, JSON.stringify(st.manifest.summary));
  await page.screenshot({ path: path.join(session.artifacts, 'offline-reloaded.png') });
  assert.deepEqual(errors.filter((e) => !/ERR_INTERNET_DISCONNECTED|Failed to load resource/.test(e)), []);
  await context.close();
});

test('the worker caches the build\'s own files and answers nothing else', async () => {
  const server = await startServer();
  try {
    const { context, page } = await openApp(session.browser, server.url);
    await workerActive(page);
    await page.reload();
    await page.waitForFunction(() => window.eic !== undefined, null, { timeout: 30000 });
    // A request of a controlled page that is not one of the build's files goes to the network: the
    // server's 404, not a cached answer, and it is not stored.
    const status = await page.evaluate(async (u) => (await fetch(u)).status, `${server.url}remote/not-a-build-file.json`);
    assert.equal(status, 404);
    const listed = JSON.parse(fs.readFileSync(path.join(builtWeb, 'eic-files.json'), 'utf8'));
    const cached = await cachedUrls(page);
    assert.deepEqual(Object.keys(cached), [`eic-app-${listed.build}`]);
    assert.deepEqual(cached[`eic-app-${listed.build}`].map((u) => u.slice(server.url.length)).sort(),
      listed.files.map((f) => f.path).sort());
    for (const file of ['index.html', 'page.js', 'encord-console.js', 'eic-app.js', 'eic-app.wasm', 'eic-core.js', 'fonts/DejaVuSans.ttf'])
      assert.ok(listed.files.some((f) => f.path === file), `${file} is cached`);
    assert.ok(!listed.files.some((f) => /sw\.js$|\.d\.ts$|package\.json$/.test(f.path)), 'nothing the page does not load');

    // The server's policy changes (scripts/run --demo's stand-ins come up on new ports): the next load
    // has today's policy, not the one cached with the page.
    await server.stop();
    const again = await startServer({ port: server.port, extraArgs: ['--connect', 'http://127.0.0.1:5999'] });
    try {
      await page.reload();
      await page.waitForFunction(() => window.eic !== undefined, null, { timeout: 30000 });
      const policy = await page.evaluate(() => document.querySelector('meta[http-equiv="Content-Security-Policy"]').content);
      assert.match(policy, /connect-src [^;]*http:\/\/127\.0\.0\.1:5999/);
      assert.ok(await page.evaluate(() => navigator.serviceWorker.controller !== null));
    } finally {
      await again.stop();
    }
    await context.close();
  } finally {
    await server.stop();
  }
});

test('a new build is picked up on the next load; a set that does not match its hashes is not', async () => {
  const web = fs.mkdtempSync(path.join(os.tmpdir(), 'eic-web-'));
  fs.cpSync(builtWeb, web, { recursive: true });
  const rewrite = () => execFileSync(process.execPath, [path.join(root, 'scripts', 'write-sw.mjs'), path.join(root, 'web', 'sw.js.in'), web]);
  const server = await startServer({ webRoot: web });
  const served = (page) => page.evaluate(async () => (await (await fetch('style.css')).text()).match(/build-mark: (\w+)/)?.[1] ?? 'none');
  try {
    const { context, page, errors } = await openApp(session.browser, server.url);
    await workerActive(page);

    // Build 2 is deployed. The next load still runs build 1, whole, while build 2 installs.
    fs.appendFileSync(path.join(web, 'style.css'), '\n/* build-mark: two */\n');
    rewrite();
    await page.reload();
    await page.waitForFunction(() => window.eic !== undefined, null, { timeout: 30000 });
    assert.equal(await served(page), 'none', 'the page runs the build it started with');

    await until(page, async () => (await navigator.serviceWorker.getRegistration())?.waiting?.state === 'installed');

    // The load after that takes build 2, whole, and build 1's cache is gone.

    await page.reload();
    await page.waitForFunction(() => window.eic !== undefined, null, { timeout: 30000 });
    assert.equal(await served(page), 'two');
    const caches2 = Object.keys(await cachedUrls(page));
    const build2 = JSON.parse(fs.readFileSync(path.join(web, 'eic-files.json'), 'utf8')).build;
    assert.deepEqual(caches2, [`eic-app-${build2}`]);

    // Build 3's list names a style.css the server does not give (a deploy half done): it never installs.
    fs.appendFileSync(path.join(web, 'style.css'), '\n/* build-mark: three */\n');
    rewrite();
    fs.appendFileSync(path.join(web, 'style.css'), '\n/* build-mark: half */\n');
    const outcome = await page.evaluate(() => new Promise((resolve) => {
      navigator.serviceWorker.getRegistration().then((r) => {
        r.addEventListener('updatefound', () => {
          const w = r.installing;
          w.addEventListener('statechange', () => ['redundant', 'installed'].includes(w.state) && resolve(w.state));
        });
        r.update().catch((err) => resolve(`update: ${err.message}`));
      });
    }));
    assert.equal(outcome, 'redundant', 'build 3 failed to install');
    await page.reload();
    await page.waitForFunction(() => window.eic !== undefined, null, { timeout: 30000 });
    assert.equal(await served(page), 'two', 'the page stays on build 2');
    assert.deepEqual(Object.keys(await cachedUrls(page)), [`eic-app-${build2}`]);
    assert.deepEqual(errors, []);
    await context.close();
  } finally {
    await server.stop();
    fs.rmSync(web, { recursive: true, force: true });
  }
});

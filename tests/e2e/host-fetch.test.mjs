// The host's fetch as the transport (create({canvas, fetch})): a developer console may hand eic a fetch
// that reaches where the page cannot. Here the host's fetch runs in node (Playwright's exposeFunction), so
// it is not bound by the bucket's CORS: objects of a bucket with no CORS configuration, which the page's
// own transport reports as blocked (gcs-check.test.mjs), are checked through it and exist.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { spawnSync } from 'node:child_process';
import { launch, clickItem, waitState } from './helpers/browser.mjs';
import { startServer, artifacts } from './helpers/server.mjs';
import { openWithHostFetch } from './helpers/host-fetch.mjs';
import { startGcsStandin, DEMO_KEY_PATH } from '../fakes/gcs-standin/index.mjs';
import { makeDemoBucket, DEFAULT_OUT } from '../fakes/make-demo-bucket.mjs';

const noFfmpeg = spawnSync('ffmpeg', ['-version']).error ? 'ffmpeg is missing (scripts/setup installs it)' : false;
const s = { standin: null, server: null, browser: null };

before(async () => {
  if (noFfmpeg) return;
  fs.mkdirSync(artifacts, { recursive: true });
  await makeDemoBucket(DEFAULT_OUT);
  s.standin = await startGcsStandin({ seed: DEFAULT_OUT });
  s.server = await startServer({ extraArgs: ['--connect', s.standin.origin] });
  s.browser = await launch();
});
after(async () => {
  await s.browser?.close();
  s.server?.stop();
  await s.standin?.close();
});

test('with the host\'s fetch, checks go through it and reach a bucket the page\'s CORS would block', { skip: noFfmpeg }, async () => {
  const { context, page, hostCalls } = await openWithHostFetch(s.browser, s.server.url);
  const objects = ['images/photo-64x48.jpg', 'images/diagram-320x240.png', 'images/not-there.jpg'];
  await page.evaluate((m) => window.eic.openManifest('host.json', m),
    JSON.stringify({ images: objects.map((o) => ({ objectUrl: `gs://eic-demo-nocors/${o}`, title: o })) }));
  await waitState(page, (st) => st.manifest?.tabs?.length === 1 && !st.manifest.validating, 15000);
  await clickItem(page, 'View');
  await clickItem(page, 'Cloud: buckets and signed URLs');
  await waitState(page, (st) => st.cloud.open);
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), clickItem(page, 'Open key file…', { window: 'Cloud' })]);
  await chooser.setFiles({ name: 'demo-key.json', mimeType: 'application/json', buffer: fs.readFileSync(DEMO_KEY_PATH) });
  await waitState(page, (st) => st.cloud.keyEmail !== '');
  await clickItem(page, 'Endpoint', { window: 'Cloud' });
  await page.keyboard.type(s.standin.origin);
  await waitState(page, (x) => x.cloud.fields.endpoint === s.standin.origin);
  await clickItem(page, 'Check objects', { window: 'Cloud' });
  const st = await waitState(page, (x) => x.cloud.check && !x.cloud.check.running && x.cloud.check.done === 3, 20000);
  assert.equal(st.cloud.check.transport, 'host fetch');
  const state = Object.fromEntries(st.cloud.check.objects.map((o) => [o.url.replace('gs://eic-demo-nocors/', ''), o.state]));
  assert.deepEqual(state, { 'images/photo-64x48.jpg': 'exists', 'images/diagram-320x240.png': 'exists', 'images/not-there.jpg': 'missing' });
  const heads = hostCalls.filter((c) => c.startsWith('HEAD '));
  assert.equal(heads.length, 3, hostCalls.join('\n'));
  assert.equal(s.standin.stats.get({ api: 'xml', method: 'HEAD', bucket: 'eic-demo-nocors' }).requests, 3);
  await context.close();
});

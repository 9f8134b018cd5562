// The Encord window's Upload tab in headless Chromium against the Encord stand-in: a manifest of 3,000
// images, some of whose objects are missing, sent as upload jobs to a folder and followed to the end,
// with faults injected (5xx and 429 on polls, a start whose answer is lost) and a page reload in the
// middle; the failed units and the batches that did not get through opened as tabs and sent again.
// In the end every object that exists is registered exactly once, and the missing ones were reported.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { openApp, clickItem, waitState, framesPass } from './helpers/browser.mjs';
import { artifacts } from './helpers/server.mjs';
import { connectEncord, openEncord, useEncordStandins } from './helpers/encord.mjs';
import { DEMO_INTEGRATION, demoOptions } from '../fakes/encord-standin/index.mjs';

const N = 3000;
const url = (i) => `https://storage.cloud.google.com/eic-upload/img-${String(i).padStart(4, '0')}.jpg`;
const missing = new Set();
for (let i = 7; i < N; i += 120) missing.add(url(i));  // 25 objects the bucket lacks
const manifest = JSON.stringify({ images: Array.from({ length: N }, (_, i) => ({ objectUrl: url(i), title: `img-${i}` })) });
const FOLDER = { uuid: '0d6a2c84-7d1e-4c55-9a51-3f7b5e2d9c11', name: 'imports' };
// `exists`: which objects the bucket holds (the stand-in fails the units of the others).
const s = useEncordStandins({
  encord: (rig) => ({ ...demoOptions(), folders: [FOLDER], objectExists: async (u) => rig.exists(u), unitsPerSecond: 400 }),
}, { exists: (u) => !missing.has(u) });

const upload = (st) => st.encord.upload;

const connect = (page) => connectEncord(page, s.encord.origin);

async function chooseDestination(page) {
  await clickItem(page, 'Folders', { window: 'Encord' });
  await waitState(page, (x) => x.encord.folders?.listings >= 1 && !x.encord.folders.running &&
    x.encord.integrations?.listings >= 1 && !x.encord.integrations.running, 20000);
  await clickItem(page, `Use ${FOLDER.name}`, { window: 'Encord' });
  let st = await waitState(page, (x) => x.encord.folders.destination.folderUuid === FOLDER.uuid);
  if (st.encord.folders.destination.integrationUuid !== DEMO_INTEGRATION.integrationUuid) {
    await clickItem(page, 'Integration', { window: 'Encord' });
    await clickItem(page, DEMO_INTEGRATION.title);
    st = await waitState(page, (x) => x.encord.folders.destination.integrationUuid === DEMO_INTEGRATION.integrationUuid);
  }
}

async function openManifest(page, name, text) {
  await page.evaluate(([n, t]) => window.eic.openManifest(n, t), [name, text]);
  return waitState(page, (x) => x.manifest?.fileName === name && !x.manifest.validating, 30000);
}

// Clicks the upload button and waits for that run (counted by starts) to finish.
async function uploadInFront(page, timeout = 90000, errors = []) {
  const before = upload(await waitState(page, () => true)).starts;
  await clickItem(page, 'Upload the manifest in front', { window: 'Encord' });
  await waitState(page, (x) => upload(x).starts === before + 1, 10000);
  try {
    return await waitState(page, (x) => upload(x).run?.finished, timeout);
  } catch (err) {
    console.error('console errors before the wait failed:', JSON.stringify(errors));
    throw err;
  }
}

test('3,000 images go up in jobs through faults and a reload; failed and unsent units are sent again, each registered once', async () => {
  const { context, page, errors } = await openApp(s.browser, s.server.url);
  await connect(page);
  await chooseDestination(page);
  let st = await openManifest(page, 'photos.json', manifest);
  assert.equal(st.manifest.units, N);

  await clickItem(page, 'Upload', { window: 'Encord' });
  await clickItem(page, 'Items per job', { window: 'Encord' });
  await page.keyboard.press('Control+A');
  await page.keyboard.type('250');
  await page.keyboard.press('Enter');
  await clickItem(page, 'Ignore individual file errors', { window: 'Encord' });
  // Polls meet 503s and 429s with Retry-After: GETs, sent again by the retry policy.
  s.encord.setFaults({ script: [
    { route: 'storage/folders/{folder}/data-upload-jobs/{job}', method: 'GET', status: 503, times: 4 },
    { route: 'storage/folders/{folder}/data-upload-jobs/{job}', method: 'GET', status: 429, retryAfter: 1, times: 3 },
  ] });
  await clickItem(page, 'Upload the manifest in front', { window: 'Encord' });
  st = await waitState(page, (x) => upload(x).run?.jobs.filter((j) => j.jobUuid).length >= 4, 60000);
  assert.equal(upload(st).run.jobs.length, 12, '3,000 items at 250 a job');
  await page.screenshot({ path: path.join(artifacts, 'encord-upload-running.png') });

  // A reload in the middle: the page forgets everything but what IndexedDB holds.
  const startedBefore = s.encord.stats.jobsStarted;
  await page.reload();
  await page.waitForFunction(() => window.eic !== undefined, null, { timeout: 30000 });
  st = await waitState(page, (x) => upload(x).saved?.present, 10000);
  assert.equal(upload(st).saved.manifest, 'photos.json');
  assert.equal(upload(st).saved.batches, 12);
  await connect(page);
  await clickItem(page, 'Upload', { window: 'Encord' });
  // The first start after the reload loses its answer: the job runs in Encord, the page never learns it.
  s.encord.setFaults({ script: [
    { route: 'storage/folders/{folder}/data-upload-jobs', method: 'POST', drop: 'after', times: 1 },
    { route: 'storage/folders/{folder}/data-upload-jobs/{job}', method: 'GET', status: 500, times: 2 },
  ] });
  await clickItem(page, 'Resume the saved upload', { window: 'Encord' });
  st = await waitState(page, (x) => upload(x).run?.finished, 90000);
  let run = upload(st).run;
  assert.equal(run.restored, true);
  assert.ok(s.encord.stats.jobsStarted >= startedBefore);
  // The start whose answer was lost: eic sends it once and calls it an unknown outcome, never re-sending
  // it; but Chromium itself may re-send a POST whose reused connection closed without an answer, and then
  // the second job answers (and skip_duplicate_urls keeps its files from being registered twice).
  const unknown = run.jobs.filter((j) => j.state === 'unknown_outcome');
  if (unknown.length > 0) assert.ok(run.unsentBatches >= 1);
  assert.ok(run.failedUnits > 0 && run.failedUnits <= missing.size);
  for (const e of run.unitErrors) {
    assert.ok(e.urls.every((u) => missing.has(u)), `only missing objects fail: ${e.urls}`);
    assert.equal(e.row, parseInt(e.where.split('/')[2], 10) + 1, 'each error is on its row of the reopened manifest');
  }
  await page.screenshot({ path: path.join(artifacts, 'encord-upload-after-reload.png') });

  // The failed units, exported and opened as a tab; what did not get through, opened as another.
  const [download] = await Promise.all([page.waitForEvent('download'),
    clickItem(page, 'Export the failed units…', { window: 'Encord' })]);
  const exported = JSON.parse(fs.readFileSync(await download.path(), 'utf8'));
  assert.equal(exported.skip_duplicate_urls, true);
  assert.equal(exported.images.length, run.failedUnits);
  await clickItem(page, 'Open the failed units as a tab', { window: 'Encord' });
  await waitState(page, (x) => x.manifest?.fileName === 'failed-units.json' && !x.manifest.validating, 30000);
  s.encord.setFaults({});
  s.exists = () => true;
  if (run.unsentBatches > 0) {
    await clickItem(page, 'Open what was not sent as a tab', { window: 'Encord' });
    st = await waitState(page, (x) => x.manifest?.fileName === 'not-sent.json' && !x.manifest.validating, 30000);
    // The bucket is fixed; the rest goes up. skip_duplicate_urls keeps the lost start's files from
    // being registered twice.
    st = await uploadInFront(page, 90000, errors);
    assert.deepEqual(upload(st).run.jobs.map((j) => j.state).filter((x) => x !== 'final'), []);
    assert.equal(upload(st).run.failedUnits, 0);
    // The Encord window covers the Manifest panel's tabs: put it away to bring the other tab in front.
    await clickItem(page, 'View');
    await clickItem(page, 'Encord: connection and schema');
    await waitState(page, (x) => !x.encord.open);
    await clickItem(page, /^failed-units\.json/, { window: 'Manifest' });
    await waitState(page, (x) => x.manifest?.fileName === 'failed-units.json');
    await openEncord(page);
    await clickItem(page, 'Upload', { window: 'Encord' });
  }
  st = await uploadInFront(page, 90000, errors);
  assert.equal(upload(st).run.failedUnits, 0);

  const regs = s.encord.registrations(FOLDER.uuid);
  const byUrl = new Map(regs.map((r) => [r.url, r.count]));
  for (let i = 0; i < N; ++i) assert.equal(byUrl.get(url(i)), 1, `${url(i)} registered exactly once`);
  assert.equal(regs.length, N);
  // The browser logs each injected error status; nothing else may reach the console.
  // No request was refused its signature, and none went out unsigned: once the probe had an answer, a
  // dropped connection is the network's, with no no-cors HEAD sent to tell it from CORS (web/net-bridge.js).
  const refused = s.encord.stats.entries().filter((e) => e.answers?.[401] || e.method === 'HEAD');
  assert.deepEqual(refused, [], 'no request was refused its signature or sent unsigned');
  assert.deepEqual(errors.filter((e) => !/^Failed to load resource: (the server responded with a status of (429|5\d\d)|net::ERR_EMPTY_RESPONSE)/.test(e)), []);
  await context.close();
});

test('an upload is refused with the reason while the manifest has errors or no folder is chosen', async () => {
  const { context, page } = await openApp(s.browser, s.server.url);
  await connect(page);
  await clickItem(page, 'Upload', { window: 'Encord' });
  await openManifest(page, 'bad.json', JSON.stringify({ images: [{ objectUrl: 'https://storage.cloud.google.com/eic-upload/a b.jpg' }] }));
  let st = await waitState(page, (x) => /1 error/.test(upload(x).cannotStart), 10000);
  assert.match(upload(st).cannotStart, /Encord would refuse it/);
  const before = s.encord.stats.jobsStarted;
  await clickItem(page, 'Upload the manifest in front', { window: 'Encord' });
  await framesPass(page, 4);
  st = await waitState(page, () => true);
  assert.equal(upload(st).starts, 0, 'the button is disabled');
  assert.equal(s.encord.stats.jobsStarted, before);
  await page.screenshot({ path: path.join(artifacts, 'encord-upload-refused.png') });
  // A valid manifest with no folder chosen: the reason names the Folders tab.
  await openManifest(page, 'good.json', JSON.stringify({ images: [{ objectUrl: url(1) }] }));
  st = await waitState(page, (x) => /folder/.test(upload(x).cannotStart));
  assert.match(upload(st).cannotStart, /Folders tab/);
  await context.close();
});

test('a host hears an upload end once, with the totals state() shows (job-finished)', async () => {
  const { context, page, errors } = await openApp(s.browser, s.server.url);
  await page.evaluate(() => { window.__jobs = []; window.eic.on('job-finished', (d) => window.__jobs.push(d)); });
  await connect(page);
  await chooseDestination(page);
  await openManifest(page, 'two.json', JSON.stringify({ images: [{ objectUrl: url(1) }, { objectUrl: url(2) }] }));
  await clickItem(page, 'Upload', { window: 'Encord' });
  const st = await uploadInFront(page, 60000, errors);
  assert.equal(upload(st).run.error, '');
  let heard = [];
  for (const end = Date.now() + 5000; heard.length === 0 && Date.now() < end; await page.waitForTimeout(50)) {
    heard = await page.evaluate(() => window.__jobs);
  }
  await framesPass(page, 3);
  heard = await page.evaluate(() => window.__jobs);
  assert.deepEqual(heard, [{ kind: 'upload', outcome: 'finished', error: '', totals: upload(st).run.totals }]);
  assert.equal(upload(st).run.totals.done, 2);
  assert.deepEqual(errors, []);
  await context.close();
});

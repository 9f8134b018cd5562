// A whole check-and-upload in headless Chromium, driven as a person does (widgets clicked through
// debug.items()), under mixes of the faults the stand-ins inject (tests/fakes/*/faults.mjs): latency, 429 with
// Retry-After, 5xx, connections dropped before and after handling, and bodies that break off or arrive cut
// short. Under each mix the end state is asserted:
// - the bucket check: every object answered (exists, missing, forbidden) or reported failed after its
//   retries, none pending, each counted once, and the stand-in saw no more requests than the app's attempts
//   (plus, for a connection that closed without an answer, the page's no-cors probe and Chromium's own
//   re-send);
// - the upload: every unit registered exactly once at the Encord stand-in or reported failed by the app, no
//   URL twice, each job the app shows matching the stand-in's, and the jobs the app never learned of
//   accounted for by the starts whose answers were lost;
// - the page draws frames and answers a click throughout;
// - after a reload in the middle, "Resume the saved upload" shows the jobs as the stand-in has them.
import { test, before, after, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { launch, openApp, clickItem, waitState } from './helpers/browser.mjs';
import { startServer, artifacts } from './helpers/server.mjs';
import { connectEncord } from './helpers/encord.mjs';
import { listBucketInto, openCloudKeyFile, openCloudWindow, setCloudEndpoint, useCloudToken } from './helpers/gcs.mjs';
import { watchFrames, menuAnswers } from './helpers/responsive.mjs';
import { startGcsStandin, DEMO_KEY_PATH } from '../fakes/gcs-standin/index.mjs';
import { startEncordStandin, objectExistsInBuckets, DEMO_INTEGRATION, demoOptions } from '../fakes/encord-standin/index.mjs';

// CRC-32 (ISO 3309, PNG Annex D), bit by bit: zlib.crc32 is not in every node this runs on.
function crc32(bytes) {
  let c = 0xffffffff;
  for (const b of bytes) {
    c ^= b;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  }
  return (c ^ 0xffffffff) >>> 0;
}

// A small grey PNG of w x h (PNG §5: signature, IHDR, IDAT, IEND, each chunk with its CRC).
function png(w, h) {
  const chunk = (type, data) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(Buffer.concat([Buffer.from(type, 'latin1'), data])));
    return Buffer.concat([len, Buffer.from(type, 'latin1'), data, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(w, 0);
  ihdr.writeUInt32BE(h, 4);
  ihdr[8] = 8;  // bit depth; colour type 0 (grey), no interlace
  return Buffer.concat([Buffer.from('89504e470d0a1a0a', 'hex'), chunk('IHDR', ihdr),
    chunk('IDAT', zlib.deflateSync(Buffer.alloc((w + 1) * h))), chunk('IEND', Buffer.alloc(0))]);
}

const BUCKET = 'eic-mix';
const PRESENT = Array.from({ length: 24 }, (_, i) => `images/img-${String(i).padStart(2, '0')}.png`);
const SIZES = Object.fromEntries(PRESENT.map((n, i) => [n, [16 + i, 8 + i]]));
const MISSING = ['images/gone-a.png', 'images/gone-b.png'];
const FORBIDDEN = ['images/private.png'];
const buckets = [{
  name: BUCKET,
  objects: [
    ...PRESENT.map((name) => ({ name, data: png(...SIZES[name]), contentType: 'image/png' })),
    ...FORBIDDEN.map((name) => ({ name, data: png(4, 4), contentType: 'image/png', forbidden: true })),
  ],
}];
const gs = (name) => `gs://${BUCKET}/${name}`;
const nameOf = (url) => decodeURIComponent(url.replace(/^.*?eic-mix\//, ''));
// The manifest a person would open: the objects, two the bucket lacks and one it refuses.
const NAMES = [...PRESENT, ...MISSING, ...FORBIDDEN];
const manifest = JSON.stringify({ images: NAMES.map((n) => ({ objectUrl: gs(n), title: n })) });
const FOLDER = { uuid: '5b0e8f2c-6a1d-4e3b-9f7a-2c4d6e8f0a13', name: 'fault-mix' };
// 27 items at 7 a job: 4 jobs, as many as the app polls at once (UploadRunOptions.max_polls_in_flight).
const PER_JOB = 7;

const key = fs.readFileSync(DEMO_KEY_PATH, 'utf8');
const s = { gcs: null, encord: null, server: null, browser: null };
before(async () => {
  fs.mkdirSync(artifacts, { recursive: true });
  s.gcs = await startGcsStandin({ buckets });
  s.encord = await startEncordStandin({ ...demoOptions(), folders: [FOLDER], objectExists: objectExistsInBuckets(buckets), unitsPerSecond: 50 });
  s.server = await startServer({ extraArgs: ['--connect', s.gcs.origin, '--connect', s.encord.origin] });
  s.gcs.setCors(BUCKET, [{ origin: [new URL(s.server.url).origin], method: ['GET', 'HEAD'],
    responseHeader: ['Content-Type', 'Content-Length', 'Content-Range', 'Date', 'ETag'], maxAgeSeconds: 3600 }]);
  s.browser = await launch();
});
afterEach(async () => {
  for (const context of s.browser?.contexts() ?? []) await context.close();
});
after(async () => {
  await s.browser?.close();
  await s.server?.stop();
  await s.gcs?.close();
  await s.encord?.close();
});

// Each test starts with no faults, no statistics, no jobs or registrations, and the stand-in's pace.
function fresh() {
  s.gcs.reset();
  s.encord.reset();
  s.encord.resetData();
  s.encord.setUnitsPerSecond(50);
  s.encord.setLongPollCapS(60);
}

const upload = (st) => st.encord.upload;

async function openManifest(page, name, text) {
  await page.evaluate(([n, t]) => window.eic.openManifest(n, t), [name, text]);
  return waitState(page, (x) => x.manifest?.fileName === name && !x.manifest.validating, 30000);
}

// The Cloud window with the demo key and the stand-in as endpoint, as gcs-check.test.mjs opens it.
async function openCloud(page) {
  await openCloudWindow(page);
  await openCloudKeyFile(page, key, 'demo-key.json');
  await setCloudEndpoint(page, s.gcs.origin);
}

// The Cloud window with the GCS stand-in's demo token and no key: the check goes to the JSON API.
async function openCloudWithToken(page) {
  await openCloudWindow(page);
  await useCloudToken(page, 'eic-demo-token');
  await setCloudEndpoint(page, s.gcs.origin);
}

async function closeCloud(page) {
  await clickItem(page, 'View');
  await clickItem(page, 'Cloud: buckets and signed URLs');
  await waitState(page, (st) => !st.cloud.open);
}

// Runs the object check of the manifest in front and waits for its end, checking meanwhile that the page
// answers a click while requests are out. Gives the check's state and the frame watch. The GCS stand-in's
// statistics start again with it (its faults go on).
async function checkObjects(page, timeout = 90000) {
  const runs = (await waitState(page, () => true)).cloud.check?.runs ?? 0;
  s.gcs.stats.reset();
  const frames = watchFrames(page);
  await clickItem(page, 'Objects', { window: 'Cloud' });
  await clickItem(page, 'Check objects', { window: 'Cloud' });
  await waitState(page, (x) => x.cloud.check?.runs === runs + 1, 10000);
  const clickMs = await menuAnswers(page);
  const inFlight = (await waitState(page, () => true)).cloud.check.running;
  const st = await waitState(page, (x) => x.cloud.check?.runs === runs + 1 && !x.cloud.check.running, timeout);
  return { check: st.cloud.check, clickMs, inFlight, frames: await frames.stop() };
}

// What the JSON API check says of a 200 whose object resource could not be read.

// The check's end state against the truth (the bucket) and the stand-in's statistics.
function assertCheck(check, names) {
  assert.equal(check.total, names.length);
  assert.equal(check.done, check.total, 'every object has an outcome');
  assert.equal(check.counts.pending ?? 0, 0, 'nothing pending');
  assert.equal(Object.values(check.counts).reduce((a, b) => a + b, 0), check.total, 'each object counted once');
  assert.deepEqual(check.objects.map((o) => nameOf(o.url)).sort(), [...names].sort(), 'each object listed once');
  const failed = ['error', 'timeout', 'blocked by CORS or network'];
  const outcomes = {};
  debug('check', check.objects.filter((o) => o.attempts > 1 || o.state !== 'exists').map((o) => [nameOf(o.url), o.state, o.attempts, o.detail]));
  for (const o of check.objects) {
    const name = nameOf(o.url);
    const truth = PRESENT.includes(name) ? 'exists' : MISSING.includes(name) ? 'missing' : 'forbidden';
    outcomes[o.state] = (outcomes[o.state] || 0) + 1;
    if (failed.includes(o.state)) {
      // Reported failed, after its retries: a 5xx, a 429 or a body cut short three times, or no answer twice.
      assert.ok(o.attempts >= 2, `${name}: ${o.state} after ${o.attempts} attempt(s): ${o.detail}`);
      assert.ok(o.detail, `${name}: a failure says why`);
    } else {
      assert.equal(o.state, truth, `${name}: ${o.detail}`);
    }
    // The stand-in saw the app's attempts (a HEAD and the GET that reads a refusal's reason; a JSON API GET),
    // no more, save the no-cors probe and Chromium's own re-send of each that got no whole answer.
    const seen = { requests: 0, answers: {} };
    for (const api of ['xml', 'json']) {
      const e = s.gcs.stats.get({ api, bucket: BUCKET, object: name });
      seen.requests += e.requests;
      for (const [k, n] of Object.entries(e.answers)) seen.answers[k] = (seen.answers[k] ?? 0) + n;
    }
    const lost = (seen.answers.dropped ?? 0) + (seen.answers.truncated ?? 0);
    assert.ok(seen.requests >= o.attempts && seen.requests <= o.attempts + 2 * lost,
      `${name}: ${seen.requests} requests for ${o.attempts} attempts, ${lost} without a whole answer: ${JSON.stringify(seen.answers)}`);
  }
  return outcomes;
}

function assertResponsive(label, { frames, clickMs }) {
  assert.ok(frames.samples >= 2, `${label}: the frames were watched`);
  assert.ok(frames.longestStallMs < 3000, `${label}: no frame for ${frames.longestStallMs} ms`);
  assert.ok(frames.fps >= 2, `${label}: ${frames.fps.toFixed(1)} frames a second`);
  assert.ok(clickMs < 5000, `${label}: a click answered after ${clickMs} ms`);
}

async function chooseDestination(page) {
  await clickItem(page, 'Folders', { window: 'Encord' });
  await waitState(page, (x) => x.encord.folders?.listings >= 1 && !x.encord.folders.running &&
    x.encord.integrations?.listings >= 1 && !x.encord.integrations.running, 30000);
  await clickItem(page, `Use ${FOLDER.name}`, { window: 'Encord' });
  let st = await waitState(page, (x) => x.encord.folders.destination.folderUuid === FOLDER.uuid);
  if (st.encord.folders.destination.integrationUuid !== DEMO_INTEGRATION.integrationUuid) {
    await clickItem(page, 'Integration', { window: 'Encord' });
    await clickItem(page, DEMO_INTEGRATION.title);
    st = await waitState(page, (x) => x.encord.folders.destination.integrationUuid === DEMO_INTEGRATION.integrationUuid);
  }
}

// The Upload tab set as the tests use it: `perJob` items a job, failed files listed instead of failing the job.
async function uploadOptions(page, perJob = PER_JOB) {
  await clickItem(page, 'Upload', { window: 'Encord' });
  await clickItem(page, 'Items per job', { window: 'Encord' });
  await page.keyboard.press('Control+A');
  await page.keyboard.type(String(perJob));
  await page.keyboard.press('Enter');
  await clickItem(page, 'Ignore individual file errors', { window: 'Encord' });
}

// Clicks the upload button, waits for that run to start and, unless `wait` is false, to end, watching the
// frames and answering a click meanwhile.
async function uploadInFront(page, { timeout = 150000, wait = true } = {}) {
  const before = upload(await waitState(page, () => true)).starts;
  const frames = watchFrames(page);
  await clickItem(page, 'Upload the manifest in front', { window: 'Encord' });
  await waitState(page, (x) => upload(x).starts === before + 1, 10000);
  const clickMs = await menuAnswers(page);
  if (!wait) return { frames, clickMs };
  const st = await waitState(page, (x) => upload(x).run?.finished, timeout);
  return { run: upload(st).run, clickMs, frames: await frames.stop() };
}

// Each job the app shows (in one run) as it stands at the Encord stand-in; gives their ids.
function assertJobsMatch(run) {
  const server = new Map(s.encord.jobs().map((j) => [j.jobUuid, j]));
  const known = new Set();
  for (const j of run.jobs) {
    if (!j.jobUuid) {
      assert.ok(['planned', 'unknown_outcome', 'rejected'].includes(j.state), `${j.file}: ${j.state} without a job`);
      continue;
    }
    known.add(j.jobUuid);
    const sj = server.get(j.jobUuid);
    assert.ok(sj, `${j.file}: job ${j.jobUuid} exists at the stand-in`);
    assert.equal(sj.folderUuid, FOLDER.uuid);
    assert.equal(j.state, 'final', `${j.file}: followed to its end (${j.message})`);
    assert.deepEqual(j.counts, { pending: sj.unitsPendingCount, done: sj.unitsDoneCount, error: sj.unitsErrorCount, cancelled: sj.unitsCancelledCount },
      `${j.file}: the app's counts are the stand-in's`);
  }
  return known;
}

// The jobs the stand-in ran for the folder that none of the runs knows of.
function unknownJobs(runs) {
  const known = new Set(runs.flatMap((run) => [...assertJobsMatch(run)]));
  return s.encord.jobs().filter((j) => j.folderUuid === FOLDER.uuid && !known.has(j.jobUuid));
}

// Sends again, as a person does, what did not get through: "Open what was not sent as a tab", then upload it;
// `faults[i]` are the Encord stand-in's faults for round i (null: those in force go on; none once the list
// runs out). Gives every run, the first included.
async function sendAgain(page, first, faults = []) {
  const runs = [first];
  for (let round = 0; runs.at(-1).unsentBatches > 0; round++) {
    assert.ok(round < 6, 'the unsent batches get through in the end');
    if (round >= faults.length) s.encord.setFaults({});
    else if (faults[round] !== null) s.encord.setFaults(faults[round]);
    const tabs = (await waitState(page, () => true)).manifest.tabs.length;
    await clickItem(page, 'Open what was not sent as a tab', { window: 'Encord' });
    await waitState(page, (x) => x.manifest.tabs.length === tabs + 1 && x.manifest.fileName === 'not-sent.json' && !x.manifest.validating, 30000);
    const r = await uploadInFront(page);
    assertResponsive(`send again ${round + 1}`, r);
    runs.push(r.run);
  }
  return runs;
}

// The end state of the upload: each object the bucket holds registered exactly once; each one it lacks or
// refuses never registered and reported as a failed unit by one of the runs; no URL twice; the jobs the app
// never learned of accounted for by lost start answers.
function assertRegistered(runs, { present = PRESENT, failing = [...MISSING, ...FORBIDDEN] } = {}) {
  const regs = s.encord.registrations(FOLDER.uuid);
  debug('runs', runs.map((r) => ({ jobs: r.jobs.map((j) => [j.state, j.counts?.done, j.counts?.error, j.message.slice(0, 80)]), unsent: r.unsentBatches, failed: r.failedUnits })));
  debug('encord stats', s.encord.stats.entries().filter((e) => e.method !== 'OPTIONS'));
  debug('gcs stats', s.gcs.stats.total);
  const twice = regs.filter((r) => r.count !== 1);
  assert.deepEqual(twice.map((r) => [r.url, r.count]), [], 'no URL registered twice');
  const registered = new Set(regs.map((r) => nameOf(r.url)));
  const reported = new Set(runs.flatMap((run) => run.unitErrors.flatMap((e) => e.urls.map(nameOf))));
  for (const n of present) assert.ok(registered.has(n), `${n} registered`);
  for (const n of failing) {
    assert.ok(!registered.has(n), `${n} not registered`);
    assert.ok(reported.has(n), `${n} reported failed`);
  }
  assert.equal(regs.length, present.length);
  const start = s.encord.stats.get({ route: 'storage/folders/{folder}/data-upload-jobs', method: 'POST' }).answers;
  return { lostStarts: (start.dropped ?? 0) + (start.truncated ?? 0) };
}

// Every job the app never learned of is accounted for by a start whose answer was lost after it was handled.
function assertUnknownJobs(unknown, lostStarts) {
  assert.ok(unknown.length <= lostStarts, `${unknown.length} job(s) the app never learned of, ${lostStarts} start answer(s) lost`);
}

// With EIC_DEBUG set, what a test saw, for looking into a run.
const debug = (label, value) => { if (process.env.EIC_DEBUG) console.log(`${label}: ${JSON.stringify(value)}`); };

// The console may show the browser's own lines for injected statuses and failed transfers, nothing else.
const unexpected = (errors) => errors.filter((e) => !/^Failed to load resource|^Access to XMLHttpRequest/.test(e));

test('latency, 429 with Retry-After and 503s; a reload in the middle of the upload and "Resume the saved upload"', async () => {
  fresh();
  const { page, errors } = await openApp(s.browser, s.server.url);
  let st = await openManifest(page, 'mix-statuses.json', manifest);
  assert.equal(st.manifest.units, NAMES.length);

  // The check: every request 150 ms late; one object rate-limited, one 503 twice (then answered), one 503
  // each time (reported failed after three), a missing one after a 503.
  await openCloud(page);
  s.gcs.setFaults({
    latencyMs: 150,
    objects: {
      [`${BUCKET}/${PRESENT[1]}`]: { answers: [{ status: 429, retryAfter: 1 }] },
      [`${BUCKET}/${PRESENT[2]}`]: { answers: [{ status: 503, times: 2 }] },
      [`${BUCKET}/${PRESENT[3]}`]: { answers: [{ status: 503, times: 5 }] },
      [`${BUCKET}/${MISSING[0]}`]: { answers: [{ status: 502 }] },
    },
  });
  const c = await checkObjects(page);
  assert.ok(c.inFlight, 'the click was answered while the check ran');
  assertResponsive('check', c);
  const outcomes = assertCheck(c.check, NAMES);
  const obj = (n) => c.check.objects.find((o) => nameOf(o.url) === n);
  assert.deepEqual([obj(PRESENT[1]).state, obj(PRESENT[1]).attempts], ['exists', 2]);
  assert.deepEqual([obj(PRESENT[2]).state, obj(PRESENT[2]).attempts], ['exists', 3]);
  assert.deepEqual([obj(PRESENT[3]).state, obj(PRESENT[3]).attempts, obj(PRESENT[3]).status], ['error', 3, 503]);
  assert.deepEqual([obj(MISSING[0]).state, obj(MISSING[0]).attempts], ['missing', 2]);
  assert.deepEqual(outcomes, { exists: PRESENT.length - 1, missing: MISSING.length, forbidden: FORBIDDEN.length, error: 1 });
  await closeCloud(page);

  // The upload: polls meet 503s and 429s; the stand-in holds the units back until the page has reloaded.
  await connectEncord(page, s.encord.origin);
  await chooseDestination(page);
  await uploadOptions(page);
  s.encord.setUnitsPerSecond(0);
  s.encord.setLongPollCapS(1);
  s.encord.setFaults({ latencyMs: 100, script: [
    { route: 'storage/folders/{folder}/data-upload-jobs/{job}', method: 'GET', status: 503, times: 3 },
    { route: 'storage/folders/{folder}/data-upload-jobs/{job}', method: 'GET', status: 429, retryAfter: 1, times: 2 },
  ] });
  const u = await uploadInFront(page, { wait: false });
  assert.ok(!upload(await waitState(page, () => true)).run.finished, 'the click was answered while the jobs ran');
  assertResponsive('upload', { frames: await u.frames.stop(), clickMs: u.clickMs });
  st = await waitState(page, (x) => upload(x).run?.jobs.every((j) => j.jobUuid), 60000);
  assert.equal(upload(st).run.jobs.length, Math.ceil(NAMES.length / PER_JOB));
  s.encord.stepJobs(2);  // two units of each job
  // The page has seen the steps and stored its ledger: what it shows is what the stand-in has.
  // (In the order of the app's keys, for comparing their JSON.)
  const serverCounts = () => Object.fromEntries(s.encord.jobs().map((j) => [j.jobUuid,
    { cancelled: j.unitsCancelledCount, done: j.unitsDoneCount, error: j.unitsErrorCount, pending: j.unitsPendingCount }]));
  const matches = (x) => upload(x).run?.jobs.every((j) => JSON.stringify(j.counts) === JSON.stringify(serverCounts()[j.jobUuid]));
  st = await waitState(page, (x) => matches(x) && upload(x).store.stored === upload(x).store.written, 60000);
  const beforeReload = upload(st).run.jobs;
  assert.ok(beforeReload.every((j) => j.state === 'started' && j.counts.pending > 0));

  await page.reload();
  await page.waitForFunction(() => window.eic !== undefined, null, { timeout: 30000 });
  st = await waitState(page, (x) => upload(x).saved?.present, 10000);
  assert.equal(upload(st).saved.manifest, 'mix-statuses.json');
  assert.equal(upload(st).saved.batches, beforeReload.length);
  await connectEncord(page, s.encord.origin);
  await clickItem(page, 'Upload', { window: 'Encord' });
  s.encord.setFaults({ script: [{ route: 'storage/folders/{folder}/data-upload-jobs/{job}', method: 'GET', status: 503, times: 2 }] });
  await clickItem(page, 'Resume the saved upload', { window: 'Encord' });
  // At once: the saved ledger, which is the stand-in's state (its units are held back).
  st = await waitState(page, (x) => upload(x).run?.restored, 10000);
  assert.deepEqual(upload(st).run.jobs.map((j) => [j.jobUuid, j.state, j.counts]), beforeReload.map((j) => [j.jobUuid, j.state, j.counts]));
  assert.deepEqual(upload(st).run.jobs.map((j) => j.counts), upload(st).run.jobs.map((j) => serverCounts()[j.jobUuid]));
  // Then followed to the end once the stand-in lets the units go.
  const frames = watchFrames(page);
  s.encord.setUnitsPerSecond(50);
  const clickMs = await menuAnswers(page);
  st = await waitState(page, (x) => upload(x).run?.finished, 120000);
  assertResponsive('resumed upload', { frames: await frames.stop(), clickMs });
  const run = upload(st).run;
  assert.equal(run.restored, true);
  assert.equal(run.unsentBatches, 0);
  assert.deepEqual(unknownJobs([run]), [], 'the stand-in ran no job the app does not know');
  assert.equal(run.totals.done, PRESENT.length);
  assert.equal(run.totals.error, MISSING.length + FORBIDDEN.length);
  assertRegistered([run]);
  assert.equal(s.encord.stats.jobsStarted, beforeReload.length, 'no job started twice');
  const polls = s.encord.stats.get({ route: 'storage/folders/{folder}/data-upload-jobs/{job}', method: 'GET' }).answers;
  assert.deepEqual([polls[503], polls[429]], [5, 2], 'the polls met the faults');
  await page.screenshot({ path: path.join(artifacts, 'fault-mix-statuses.png') });
  assert.deepEqual(unexpected(errors), []);
});

test('connections dropped before and after handling: object checks, job starts and polls', async () => {
  fresh();
  const { page, errors } = await openApp(s.browser, s.server.url);
  await openManifest(page, 'mix-drops.json', manifest);
  await openCloud(page);
  // A dropped connection looks like a CORS refusal to the page (its no-cors probe is answered), which it sends
  // once more; dropping the probe too makes it the network's, which is retried.
  s.gcs.setFaults({
    latencyMs: 50,
    objects: {
      [`${BUCKET}/${PRESENT[4]}`]: { dropFirst: 1 },
      [`${BUCKET}/${PRESENT[5]}`]: { dropFirst: 2 },
      [`${BUCKET}/${PRESENT[6]}`]: { dropFirst: 3 },
      [`${BUCKET}/${PRESENT[7]}`]: { dropFirst: 6 },
      [`${BUCKET}/${MISSING[1]}`]: { dropFirst: 1 },
      [`${BUCKET}/${FORBIDDEN[0]}`]: { dropFirst: 1 },
    },
  });
  const c = await checkObjects(page);
  assertResponsive('check', c);
  const outcomes = assertCheck(c.check, NAMES);
  assert.ok(outcomes.exists >= PRESENT.length - 4, JSON.stringify(outcomes));
  assert.equal(s.gcs.stats.get({ method: 'HEAD' }).answers.dropped >= 6, true, 'the HEADs met the drops');
  await closeCloud(page);

  await connectEncord(page, s.encord.origin);
  await chooseDestination(page);
  await uploadOptions(page);
  const start = 'storage/folders/{folder}/data-upload-jobs';
  const poll = `${start}/{job}`;
  // The first start runs in Encord but its answer is lost; the next three starts are dropped before they are
  // handled. Chromium itself sends a POST again when the kept-alive connection it reused closed without an
  // answer, so the first start's lost answer may be followed by its own re-sends, until one goes out on a new
  // connection and the page hears of the failure. Polls lose their connections before and after.
  const pollDrops = [{ route: poll, method: 'GET', drop: 'before', times: 2 }, { route: poll, method: 'GET', drop: 'after' }];
  s.encord.setFaults({ latencyMs: 50, script: [{ route: start, method: 'POST', drop: 'after' }, { route: start, method: 'POST', drop: 'before', times: 3 }, ...pollDrops] });
  const first = await uploadInFront(page);
  assertResponsive('upload', first);
  const runs = await sendAgain(page, first.run, [{ latencyMs: 50, script: pollDrops }]);
  const unknown = unknownJobs(runs);
  const { lostStarts } = assertRegistered(runs);
  assertUnknownJobs(unknown, lostStarts);
  assert.ok(s.encord.stats.get({ route: start, method: 'POST' }).answers.dropped >= 2, 'starts lost their connections');
  assert.ok(runs.some((run) => run.jobs.some((j) => j.state === 'unknown_outcome')), 'the page heard of a lost start');
  assert.ok(s.encord.stats.get({ route: poll, method: 'GET' }).answers.dropped >= 1, 'polls lost their connections');
  // A start sent once by the app and lost is an unknown outcome, never sent again by the app itself.
  for (const run of runs) {
    for (const j of run.jobs.filter((x) => x.state === 'unknown_outcome')) assert.match(j.message, /skip_duplicate_urls/);
  }
  assert.deepEqual(unexpected(errors), []);
});

test('truncated bodies: bucket listings and media reads that break off or arrive cut; Encord listings, job starts and polls', async () => {
  fresh();
  const { page, errors } = await openApp(s.browser, s.server.url);
  await openCloud(page);
  // The first listing's XML is cut (complete-looking, malformed); the second breaks off; two images' header
  // reads are cut to 12 bytes, before the PNG's size.
  s.gcs.setFaults({
    latencyMs: 30,
    objects: {
      [`${BUCKET}/`]: { answers: [{ truncate: 'cut' }, { truncate: 'short' }] },
      [`${BUCKET}/${PRESENT[6]}`]: { answers: [{ truncate: 'cut', keep: 12 }] },
      [`${BUCKET}/${PRESENT[7]}`]: { answers: [{ truncate: 'short', keep: 12 }] },
    },
  });
  const listingRequests = () => s.gcs.stats.get({ method: 'GET', bucket: BUCKET, object: '' }).requests;
  let st;
  const attempts = [];
  for (let i = 0; ; i++) {
    assert.ok(i < 4, 'the listing gets through once the truncations are used up');
    const before = listingRequests();
    if (i === 0) await listBucketInto(page, BUCKET, 'images/');
    else await clickItem(page, 'List into a manifest', { window: 'Cloud' });
    for (const end = Date.now() + 20000; listingRequests() === before; await new Promise((r) => setTimeout(r, 20))) {
      assert.ok(Date.now() < end, 'the listing was sent');
    }
    st = await waitState(page, (x) => x.cloud.import && !x.cloud.import.running, 60000);
    attempts.push({ error: st.cloud.import.error, listed: st.cloud.import.listed, tabs: st.manifest?.tabs.length ?? 0 });
    if (!st.cloud.import.error) break;
  }
  debug('listings', attempts);
  // A listing that came cut short is an error, never a shorter manifest.
  assert.ok(attempts.length >= 2, `the cut listing was refused: ${JSON.stringify(attempts)}`);
  for (const a of attempts.slice(0, -1)) assert.equal(a.tabs, 0, `a failed listing opens no manifest: ${JSON.stringify(a)}`);
  const listed = [...PRESENT, ...FORBIDDEN];
  st = await waitState(page, (x) => x.manifest?.tabs.length === 1 && !x.manifest.validating, 30000);
  assert.equal(st.cloud.import.listed, listed.length, JSON.stringify(attempts));
  assert.equal(st.manifest.units, listed.length);
  assert.equal(s.gcs.stats.get({ method: 'GET', bucket: BUCKET, object: '' }).answers.truncated, 2);

  // The media metadata: read whole, or left out with a finding on its row; never from a cut header.
  const imp = st.cloud.import;
  debug('import', imp);
  const findingItems = new Set(imp.findings.map((f) => f.item));
  assert.equal(imp.withMetadata + findingItems.size, listed.length, JSON.stringify(imp));
  await closeCloud(page);
  await clickItem(page, 'Export…', { window: 'Manifest' });
  const [dl] = await Promise.all([page.waitForEvent('download'), clickItem(page, 'Save as JSON (pretty)')]);
  const exported = JSON.parse(fs.readFileSync(await dl.path(), 'utf8'));
  for (const item of exported.images) {
    const name = nameOf(item.objectUrl);
    if (!item.imageMetadata) continue;
    assert.ok(PRESENT.includes(name), `${name} has metadata`);
    assert.deepEqual([item.imageMetadata.width, item.imageMetadata.height, item.imageMetadata.file_size],
      [...SIZES[name], buckets[0].objects.find((o) => o.name === name).data.length], `${name}: its true size`);
  }
  const noMetadata = exported.images.filter((i) => !i.imageMetadata).map((i) => nameOf(i.objectUrl)).sort();
  assert.ok(noMetadata.includes(FORBIDDEN[0]));
  assert.ok(noMetadata.every((n) => [PRESENT[6], PRESENT[7], ...FORBIDDEN].includes(n)), JSON.stringify(noMetadata));

  // The check of the listed manifest (HEADs: nothing to cut).
  await clickItem(page, 'View');
  await clickItem(page, 'Cloud: buckets and signed URLs');
  await waitState(page, (x) => x.cloud.open);
  const c = await checkObjects(page);
  assertResponsive('check', c);
  assert.deepEqual(assertCheck(c.check, listed), { exists: PRESENT.length, forbidden: 1 });
  await closeCloud(page);

  // Encord: the folder listing's JSON arrives cut, the integrations' breaks off.
  await connectEncord(page, s.encord.origin);
  s.encord.setFaults({ latencyMs: 30, script: [
    { route: 'storage/folders', method: 'GET', truncate: 'cut' },
    { route: 'cloud-integrations', method: 'GET', truncate: 'short' },
  ] });
  await clickItem(page, 'Folders', { window: 'Encord' });
  st = await waitState(page, (x) => x.encord.folders?.started >= 1 && !x.encord.folders.running && (x.encord.folders.listings >= 1 || x.encord.folders.error) &&
    x.encord.integrations?.started >= 1 && !x.encord.integrations.running && (x.encord.integrations.listings >= 1 || x.encord.integrations.error), 60000);
  assert.notEqual(st.encord.folders.error, '', 'a cut folder listing is an error, not a list');
  assert.equal(st.encord.folders.count, 0);
  // The listing that broke off was sent again by the retry policy (a GET), and answered.
  assert.equal(st.encord.integrations.error, '');
  assert.equal(st.encord.integrations.count, 1);
  await clickItem(page, 'List folders', { window: 'Encord' });
  await waitState(page, (x) => !x.encord.folders.running && x.encord.folders.count === 1, 30000);
  await chooseDestination(page);
  await uploadOptions(page);

  // The upload: polls cut and broken off; the third job's start answer cut, then (sent again) a start answer
  // that breaks off. Each start ran in Encord; the app must not take a cut id for the job's.
  const start = 'storage/folders/{folder}/data-upload-jobs';
  const poll = `${start}/{job}`;
  s.encord.setFaults({ latencyMs: 30, script: [{ route: poll, method: 'GET', truncate: 'short' }] });
  const uploading = uploadInFront(page);
  for (const end = Date.now() + 60000; s.encord.stats.jobsStarted < 2; await new Promise((r) => setTimeout(r, 2))) {
    assert.ok(Date.now() < end, 'two jobs started');
  }
  s.encord.setFaults({ latencyMs: 30, script: [{ route: start, method: 'POST', truncate: 'cut' }, { route: poll, method: 'GET', truncate: 'cut' }] });
  const first = await uploading;
  assertResponsive('upload', first);
  const cutJob = first.run.jobs[2];
  assert.equal(cutJob.state, 'unknown_outcome', JSON.stringify(cutJob));
  assert.match(cutJob.message, /did not name it/);
  const runs = await sendAgain(page, first.run, [{ script: [{ route: start, method: 'POST', truncate: 'short' }] }]);
  assert.ok(runs.length >= 3, 'the start that broke off was not taken for one that worked');
  assert.equal(runs[1].jobs[0].state, 'unknown_outcome', JSON.stringify(runs[1].jobs[0]));
  const unknown = unknownJobs(runs);
  const { lostStarts } = assertRegistered(runs, { present: PRESENT, failing: FORBIDDEN });
  assert.equal(lostStarts, 2);
  assertUnknownJobs(unknown, lostStarts);
  assert.equal(unknown.length, 2, 'both starts whose answers were cut ran in Encord');
  const polls = s.encord.stats.get({ route: poll, method: 'GET' }).answers;
  assert.ok(polls.truncated >= 1, JSON.stringify(polls));
  assert.deepEqual(unexpected(errors), []);
});

test('all of it at once at a seeded random rate, through the JSON API with a token', async () => {
  fresh();
  const { page, errors } = await openApp(s.browser, s.server.url);
  await openManifest(page, 'mix-random.json', manifest);
  await openCloudWithToken(page);
  const mix = [{ status: 503 }, { truncate: 'cut' }, { status: 429, retryAfter: 1 }, { drop: true }, { truncate: 'short' }, { status: 500 }];
  s.gcs.setFaults({ latencyMs: 40, random: { rate: 0.25, seed: 4, mix } });
  const c = await checkObjects(page);
  assertResponsive('check', c);
  assert.ok(c.check.objects.every((o) => o.attempts >= 1));
  const outcomes = assertCheck(c.check, NAMES);
  assert.equal(s.gcs.stats.get({ api: 'xml' }).requests, 0, 'the JSON API only');
  const faulted = s.gcs.stats.get({ api: 'json' }).answers;
  assert.ok(faulted.truncated >= 2 && faulted.dropped >= 1 && faulted[503] >= 1, JSON.stringify(faulted));
  assert.ok(outcomes.exists >= PRESENT.length - 6, JSON.stringify(outcomes));
  await closeCloud(page);

  await connectEncord(page, s.encord.origin);
  await chooseDestination(page);
  await uploadOptions(page);
  const emix = [{ status: 503 }, { truncate: 'cut' }, { drop: 'after' }, { status: 429, retryAfter: 1 }, { truncate: 'short' },
    { drop: 'before' }, { status: 502 }];
  const random = { latencyMs: 40, random: { rate: 0.3, seed: 2, mix: emix } };
  s.encord.setFaults(random);
  const first = await uploadInFront(page);
  assertResponsive('upload', first);
  const runs = await sendAgain(page, first.run, [null, null]);
  const unknown = unknownJobs(runs);
  const { lostStarts } = assertRegistered(runs);
  assertUnknownJobs(unknown, lostStarts);
  const answers = s.encord.stats.get({}).answers;
  assert.ok(answers.truncated >= 1 && answers[503] >= 1, JSON.stringify(answers));
  assert.deepEqual(unexpected(errors), []);
});

// What the mixes found the app doing wrong, each reproduced alone; each is fixed, with a native test beside
// the fix (upload_run_test, listing_job_test, media_probe_test, object_check_json_test).

test('every started job is followed while more jobs run than the page polls at once', async () => {
  fresh();
  s.encord.setLongPollCapS(1.5);  // Encord holds a poll until the job changes, up to the poll's timeout
  const { page } = await openApp(s.browser, s.server.url);
  await openManifest(page, 'many-jobs.json', manifest);
  await connectEncord(page, s.encord.origin);
  await chooseDestination(page);
  await uploadOptions(page, 4);  // 27 items: 7 jobs
  s.encord.setUnitsPerSecond(0);  // the jobs run, slowly: a unit when the test lets one go
  await clickItem(page, 'Upload the manifest in front', { window: 'Encord' });
  let st = await waitState(page, (x) => upload(x).run?.jobs.length === 7 && upload(x).run.jobs.every((j) => j.jobUuid), 60000);
  s.encord.stepJobs(1);
  // Each job has let one unit go: done, or an error for the last job's objects (missing, forbidden).
  // Within 12 s (8 long polls shared by 7 jobs) the page shows what the stand-in has, for every job.
  const truth = () => new Map(s.encord.jobs().map((j) => [j.jobUuid, [j.unitsDoneCount, j.unitsErrorCount]]));
  const shown = (x) => upload(x).run.jobs.map((j) => [j.counts?.done ?? null, j.counts?.error ?? null]);
  const matches = (x) => {
    const t = truth();
    return upload(x).run.jobs.every((j) => JSON.stringify([j.counts?.done, j.counts?.error]) === JSON.stringify(t.get(j.jobUuid)));
  };
  try {
    st = await waitState(page, (x) => matches(x) && [...truth().values()].every(([d, e]) => d + e === 1), 12000);
  } catch {
    st = await waitState(page, () => true);
  }
  s.encord.setUnitsPerSecond(50);
  const t = truth();
  assert.deepEqual(shown(st), upload(st).run.jobs.map((j) => t.get(j.jobUuid)), 'every job shows its unit');
  assert.deepEqual(shown(st).map(([d, e]) => d + e), [1, 1, 1, 1, 1, 1, 1]);
});

test('a bucket listing whose transfer broke off is sent again, not reported as refused by CORS', async () => {
  fresh();
  const { page } = await openApp(s.browser, s.server.url);
  await openCloud(page);
  s.gcs.setFaults({ objects: { [`${BUCKET}/`]: { answers: [{ truncate: 'short' }] } } });
  await listBucketInto(page, BUCKET, 'images/');
  const st = await waitState(page, (x) => x.cloud.import && !x.cloud.import.running && (x.cloud.import.error !== '' || x.manifest?.tabs.length === 1), 60000);
  assert.equal(s.gcs.stats.get({ method: 'GET', bucket: BUCKET, object: '' }).answers.truncated, 1);
  assert.equal(st.cloud.import.error, '', 'the page sent the listing again');
  assert.equal(st.cloud.import.listed, PRESENT.length + FORBIDDEN.length);
});

test('a JSON API object check whose answer came cut short is sent again', async () => {
  fresh();
  const { page } = await openApp(s.browser, s.server.url);
  await openManifest(page, 'one.json', JSON.stringify({ images: [{ objectUrl: gs(PRESENT[0]) }] }));
  await openCloudWithToken(page);
  s.gcs.setFaults({ objects: { [`${BUCKET}/${PRESENT[0]}`]: { answers: [{ truncate: 'cut' }] } } });
  const { check } = await checkObjects(page);
  assert.equal(s.gcs.stats.get({ api: 'json', object: PRESENT[0] }).answers.truncated, 1);
  assert.deepEqual([check.objects[0].state, check.objects[0].attempts], ['exists', 2], check.objects[0].detail);
});

// Checking a manifest's objects from the browser against the GCS stand-in (tests/fakes/gcs-standin):
// the demo key opened in the Cloud window, signed HEADs through emscripten's fetch, and every outcome a
// browser can tell apart: exists, missing, forbidden, blocked by the bucket's CORS, refused by the page's
// Content-Security-Policy, not checkable; with 503s and a dropped connection injected, and nothing lost
// or counted twice.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { launch, openApp, clickItem, waitState, findItem } from './helpers/browser.mjs';
import { startServer, artifacts } from './helpers/server.mjs';
import { listBucketInto } from './helpers/gcs.mjs';
import { startGcsStandin, DEMO_KEY_PATH } from '../fakes/gcs-standin/index.mjs';
import { makeDemoBucket, DEFAULT_OUT } from '../fakes/make-demo-bucket.mjs';

const noFfmpeg = spawnSync('ffmpeg', ['-version']).error ? 'ffmpeg is missing (scripts/setup installs it)' : false;
const key = fs.readFileSync(DEMO_KEY_PATH, 'utf8');
const s = { standin: null, server: null, browser: null };

before(async () => {
  if (noFfmpeg) return;
  fs.mkdirSync(artifacts, { recursive: true });
  await makeDemoBucket(DEFAULT_OUT);
  s.standin = await startGcsStandin({ seed: DEFAULT_OUT });
  s.server = await startServer({ extraArgs: ['--connect', s.standin.origin] });
  // eic-demo lets this page's origin read it; eic-demo-nocors has no CORS configuration at all.
  const page = new URL(s.server.url).origin;
  s.standin.setCors('eic-demo', [{ origin: [page], method: ['GET', 'HEAD'],
    responseHeader: ['Content-Type', 'Content-Length', 'Date', 'ETag', 'Range', 'Content-Range'], maxAgeSeconds: 3600 }]);
  s.browser = await launch();
});
after(async () => {
  await s.browser?.close();
  s.server?.stop();
  await s.standin?.close();
});

const url = (bucket, object) => `gs://${bucket}/${object}`;

// Opens the Cloud window, the demo key through its file picker, and types the stand-in's origin as the
// endpoint, as a person would; typed text reaches ImGui a character or so a frame, so it waits for it.
async function openCloud(page, origin) {
  await clickItem(page, 'View');
  await clickItem(page, 'Cloud: buckets and signed URLs');
  await waitState(page, (st) => st.cloud.open);
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), clickItem(page, 'Open key file…', { window: 'Cloud' })]);
  await chooser.setFiles({ name: 'demo-key.json', mimeType: 'application/json', buffer: Buffer.from(key) });
  await waitState(page, (st) => st.cloud.keyEmail !== '');
  await clickItem(page, 'Endpoint', { window: 'Cloud' });
  await page.keyboard.type(origin);
  await waitState(page, (x) => x.cloud.fields.endpoint === origin);
  await page.keyboard.press('Enter');
}

test('the objects of a manifest are checked from the browser and each outcome is told apart', { skip: noFfmpeg }, async () => {
  const { standin } = s;
  standin.reset();
  // 503 twice, then the object; the first connection for another one is dropped; one answers slowly.
  standin.setFaults({
    latencyMs: 5,
    objects: {
      'eic-demo/images/diagram-320x240.png': { answers: [{ status: 503, times: 2 }] },
      'eic-demo/images/badge-40x30.gif': { dropFirst: 1 },
    },
  });
  const manifest = {
    images: [
      { objectUrl: url('eic-demo', 'images/photo-64x48.jpg'), title: 'photo' },
      { objectUrl: url('eic-demo', 'images/diagram-320x240.png'), title: 'diagram' },
      { objectUrl: url('eic-demo', 'images/badge-40x30.gif'), title: 'badge' },
      { objectUrl: `${standin.origin.replace('127.0.0.1', 'localhost')}/x.jpg`, title: 'elsewhere' },
      { objectUrl: url('eic-demo', 'images/not-there.jpg'), title: 'missing' },
      { objectUrl: url('eic-demo', 'private/secret.jpg'), title: 'forbidden' },
      { objectUrl: url('eic-demo-nocors', 'images/photo-64x48.jpg'), title: 'no cors' },
      { objectUrl: 'https://storage.cloud.google.com/eic-demo/caf%C3%A9/na%C3%AFve%20photo.jpg', title: 'accents' },
      { objectUrl: url('eic-demo', 'a/../b.jpg'), title: 'dot segments' },
    ],
    image_groups: [{ title: 'walk', createVideo: false,
      objectUrl_0: url('eic-demo', 'sequences/walk/frame-0001.png'), objectUrl_1: url('eic-demo', 'sequences/walk/frame-0099.png') }],
  };
  const { context, page, errors } = await openApp(s.browser, s.server.url);
  await page.evaluate((m) => window.eic.openManifest('bucket.json', m), JSON.stringify(manifest, null, 2));
  await waitState(page, (st) => st.manifest.tabs?.length === 1 && !st.manifest.validating, 15000);

  await openCloud(page, standin.origin);
  await clickItem(page, 'Check objects', { window: 'Cloud' });
  const st = await waitState(page, (x) => x.cloud.check && !x.cloud.check.running && x.cloud.check.done === x.cloud.check.total, 30000);
  const check = st.cloud.check;
  assert.equal(check.endpoint, standin.origin);
  assert.equal(check.transport, 'browser');
  if (process.env.EIC_DEBUG) console.log(JSON.stringify(check.objects, null, 1), JSON.stringify(standin.stats.entries()));
  const byTitle = {};
  check.objects.forEach((o) => { byTitle[o.url] = o; });
  const state = (u) => byTitle[u]?.state;
  assert.equal(state(url('eic-demo', 'images/photo-64x48.jpg')), 'exists');
  assert.equal(byTitle[url('eic-demo', 'images/photo-64x48.jpg')].size, fs.statSync(path.join(DEFAULT_OUT, 'files', 'eic-demo', 'images', 'photo-64x48.jpg')).size);
  assert.equal(byTitle[url('eic-demo', 'images/photo-64x48.jpg')].contentType, 'image/jpeg');
  assert.equal(state(url('eic-demo', 'images/diagram-320x240.png')), 'exists');
  assert.equal(byTitle[url('eic-demo', 'images/diagram-320x240.png')].attempts, 3, 'two 503s, then the answer');
  assert.equal(state(url('eic-demo', 'images/badge-40x30.gif')), 'exists');
  assert.equal(state(url('eic-demo', 'images/not-there.jpg')), 'missing');
  assert.equal(state(url('eic-demo', 'private/secret.jpg')), 'forbidden');
  assert.equal(byTitle[url('eic-demo', 'private/secret.jpg')].errorCode, 'AccessDenied');
  assert.equal(state(url('eic-demo-nocors', 'images/photo-64x48.jpg')), 'blocked by CORS or network');
  assert.match(byTitle[url('eic-demo-nocors', 'images/photo-64x48.jpg')].detail, /CORS/);
  assert.equal(state('https://storage.cloud.google.com/eic-demo/caf%C3%A9/na%C3%AFve%20photo.jpg'), 'exists');
  assert.equal(state(url('eic-demo', 'a/../b.jpg')), 'not checkable');
  assert.equal(state(url('eic-demo', 'sequences/walk/frame-0099.png')), 'missing');
  assert.equal(check.counts.pending ?? 0, 0, 'nothing is left unchecked');

  // Nothing counted twice: the stand-in saw one HEAD per attempt of each object, and one per no-cors probe
  // of an attempt that got no answer.
  const heads = (bucket, object) => standin.stats.get({ api: 'xml', method: 'HEAD', bucket, object }).requests;
  assert.equal(heads('eic-demo', 'images/photo-64x48.jpg'), 1);
  assert.equal(heads('eic-demo', 'images/diagram-320x240.png'), 3);
  // The dropped connection, the page's no-cors probe (which the server answered, so it looked like CORS),
  // and the second send that tells a drop from a refusal. Unless Chromium sent the HEAD again by itself
  // (it does when a reused keep-alive connection closes without an answer): then the page saw one
  // attempt that succeeded, and the stand-in two HEADs.
  const badgeAttempts = byTitle[url('eic-demo', 'images/badge-40x30.gif')].attempts;
  assert.ok(badgeAttempts === 1 || badgeAttempts === 2, `attempts ${badgeAttempts}`);
  assert.equal(heads('eic-demo', 'images/badge-40x30.gif'), badgeAttempts === 2 ? 3 : 2);
  assert.equal(heads('eic-demo', 'images/not-there.jpg'), 1);

  await page.screenshot({ path: path.join(artifacts, 'gcs-check-cloud.png') });
  // The table shows the Bucket column; the findings list the check's findings on their rows.
  await clickItem(page, 'View');
  await clickItem(page, 'Cloud: buckets and signed URLs');
  await waitState(page, (x) => !x.cloud.open);
  await findItem(page, 'Bucket', { window: 'Manifest' });
  await page.screenshot({ path: path.join(artifacts, 'gcs-check-table.png') });
  // The browser's own console lines for the refused and failed requests are expected; nothing else.
  assert.deepEqual(errors.filter((e) => !/^Failed to load resource|^Access to XMLHttpRequest/.test(e)), []);
  await context.close();
});

test('a re-run skips what is settled; a request the page\'s policy refuses says so', { skip: noFfmpeg }, async () => {
  const { standin } = s;
  standin.reset();
  standin.setFaults({});
  // A page whose connect-src does not list the stand-in (no test pages, which allow every local
  // origin): every probe is refused before it leaves.
  const strict = await startServer({ testPages: false });
  const manifest = { images: [{ objectUrl: url('eic-demo', 'images/photo-64x48.jpg'), title: 'photo' }] };
  const { context, page } = await openApp(s.browser, strict.url,
    { expectViolations: (v) => v.directive === 'connect-src' && v.blocked.startsWith(standin.origin) });
  await page.evaluate((m) => window.eic.openManifest('strict.json', m), JSON.stringify(manifest));
  await waitState(page, (st) => st.manifest.tabs?.length === 1 && !st.manifest.validating, 15000);
  await openCloud(page, standin.origin);
  await clickItem(page, 'Check objects', { window: 'Cloud' });
  const st = await waitState(page, (x) => x.cloud.check && !x.cloud.check.running && x.cloud.check.done === 1, 20000);
  const o = st.cloud.check.objects[0];
  assert.equal(o.state, 'blocked by policy');
  assert.ok(o.detail.includes(standin.origin), o.detail);
  assert.match(o.detail, /connect-src/);
  assert.equal(standin.stats.get({ api: 'xml', method: 'HEAD' }).requests, 0, 'nothing reached the server');
  await context.close();
  strict.stop();

  // On the permissive page: a first check, then a second that asks nothing again.
  const p2 = await openApp(s.browser, s.server.url);
  await p2.page.evaluate((m) => window.eic.openManifest('again.json', m), JSON.stringify(manifest));
  await waitState(p2.page, (st2) => st2.manifest.tabs?.length === 1 && !st2.manifest.validating, 15000);
  await openCloud(p2.page, standin.origin);
  // Wait for the run the click started, so a run that has not started yet is not taken for one that ended.
  const run = async (label) => {
    const runs = (await waitState(p2.page, () => true)).cloud.check?.runs ?? 0;
    await clickItem(p2.page, label, { window: 'Cloud' });
    return waitState(p2.page, (x) => x.cloud.check?.runs === runs + 1 && !x.cloud.check.running, 20000);
  };
  let r = await run('Check objects');
  assert.match(r.log.last, /again\.json: Checked 1 object: 1 exists/);
  assert.equal(standin.stats.get({ api: 'xml', method: 'HEAD' }).requests, 1);
  r = await run('Check objects');
  assert.equal(r.cloud.check.objects[0].state, 'exists');
  assert.equal(standin.stats.get({ api: 'xml', method: 'HEAD' }).requests, 1, 'a settled object is not asked again');
  r = await run('Check all again');
  assert.equal(standin.stats.get({ api: 'xml', method: 'HEAD' }).requests, 2);
  await p2.context.close();
});

test('the demo bucket is listed into a manifest with its image and video metadata read from the bucket', { skip: noFfmpeg }, async () => {
  const { standin } = s;
  standin.reset();
  standin.setFaults({ objects: { 'eic-demo/images/scan-50x70.bmp': { answers: [{ status: 503, times: 1 }] } } });
  const demo = JSON.parse(fs.readFileSync(path.join(DEFAULT_OUT, 'demo-bucket.json'), 'utf8'));
  const expected = Object.fromEntries(demo.buckets.find((b) => b.name === 'eic-demo').objects.map((o) => [o.name, o]));
  const { context, page, errors } = await openApp(s.browser, s.server.url);
  await openCloud(page, standin.origin);
  await listBucketInto(page, 'eic-demo', 'images/');
  const st = await waitState(page, (x) => x.cloud.import && !x.cloud.import.running && x.manifest.tabs?.length === 1
    && !x.manifest.validating, 30000);
  const imp = st.cloud.import;
  assert.equal(imp.error, '');
  const images = Object.keys(expected).filter((n) => n.startsWith('images/'));
  assert.equal(imp.listed, images.length);
  assert.equal(imp.items, images.length);
  assert.equal(imp.withMetadata, images.length, JSON.stringify(imp.findings));
  assert.deepEqual(imp.findings, []);
  assert.equal(st.manifest.summary.errors, 0);
  // The manifest in the panel, exported as the user would, has each image's true size and type.
  await clickItem(page, 'View');
  await clickItem(page, 'Cloud: buckets and signed URLs');
  await waitState(page, (x) => !x.cloud.open);
  await clickItem(page, 'Export…', { window: 'Manifest' });
  const [dl] = await Promise.all([page.waitForEvent('download'), clickItem(page, 'Save as JSON (pretty)')]);
  assert.equal(dl.suggestedFilename(), 'eic-demo-images.json');
  const m = JSON.parse(fs.readFileSync(await dl.path(), 'utf8'));
  assert.equal(m.images.length, images.length);
  {
    for (const item of m.images) {
      const name = decodeURIComponent(item.objectUrl.replace('https://storage.cloud.google.com/eic-demo/', ''));
      const e = expected[name].expect;
      assert.equal(item.imageMetadata.width, e.width, name);
      assert.equal(item.imageMetadata.height, e.height, name);
      assert.equal(item.imageMetadata.mime_type, e.mimeType, name);
      assert.equal(item.imageMetadata.file_size, e.size, name);
    }
  }
  assert.ok(standin.stats.get({ api: 'xml', method: 'GET', bucket: 'eic-demo', object: 'images/scan-50x70.bmp' }).requests >= 2,
    'the 503 was retried');
  await page.screenshot({ path: path.join(artifacts, 'gcs-list.png') });
  assert.deepEqual(errors.filter((e) => !/^Failed to load resource/.test(e)), []);
  await context.close();
});

test('an image whose header cannot be read keeps no metadata, and its finding is on its row', { skip: noFfmpeg }, async () => {
  const demoDir = path.join(DEFAULT_OUT, 'files', 'eic-demo', 'images');
  const odd = await startGcsStandin({
    buckets: [{
      name: 'eic-odd',
      objects: [
        { name: 'images/a-good.png', data: fs.readFileSync(path.join(demoDir, 'diagram-320x240.png')), contentType: 'image/png' },
        { name: 'images/b-broken.png', data: Buffer.from('this is not a PNG, only text that says it is'), contentType: 'image/png' },
        { name: 'images/c-good.gif', data: fs.readFileSync(path.join(demoDir, 'badge-40x30.gif')), contentType: 'image/gif' },
      ],
    }],
  });
  const server = await startServer({ extraArgs: ['--connect', odd.origin] });
  odd.setCors('eic-odd', [{ origin: [new URL(server.url).origin], method: ['GET', 'HEAD'],
    responseHeader: ['Content-Type', 'Content-Range'], maxAgeSeconds: 3600 }]);
  try {
    const { context, page, errors } = await openApp(s.browser, server.url);
    await openCloud(page, odd.origin);
    await clickItem(page, 'List a bucket', { window: 'Cloud' });
    await clickItem(page, 'List bucket', { window: 'Cloud' });
    await page.keyboard.type('eic-odd');
    await waitState(page, (x) => x.cloud.fields.listBucket === 'eic-odd');
    await clickItem(page, 'List into a manifest', { window: 'Cloud' });
    const st = await waitState(page, (x) => x.cloud.import && !x.cloud.import.running && x.manifest?.tabs?.length === 1
      && !x.manifest.validating && x.cloud.mediaFindings.length > 0, 30000);
    const imp = st.cloud.import;
    assert.equal(imp.items, 3);
    assert.equal(imp.withMetadata, 2);
    assert.equal(imp.findings.length, 1);
    assert.match(imp.findings[0].item, /b-broken\.png/);
    // The finding is on the broken image's row ("#" 2: the listing is in name order), not only in the Log.
    assert.deepEqual(st.cloud.mediaFindings, [{ item: 2, code: imp.findings[0].code }]);
    await clickItem(page, 'View');
    await clickItem(page, 'Cloud: buckets and signed URLs');
    await waitState(page, (x) => !x.cloud.open);
    await clickItem(page, 'Findings', { window: 'Manifest' });
    const label = `${imp.findings[0].code} (1), media headers`;
    await findItem(page, label, { window: 'Manifest' });
    await page.screenshot({ path: path.join(artifacts, 'gcs-list-findings.png') });
    // The group starts open; its entry shows the row.
    await clickItem(page, /^item 2 {2}/, { window: 'Manifest' });
    const after = await waitState(page, (x) => x.manifest.selected?.unit === 1);
    assert.equal(after.manifest.pane, 'table');
    assert.deepEqual(errors.filter((e) => !/^Failed to load resource/.test(e)), []);
    await context.close();
  } finally {
    server.stop();
    await odd.close();
  }
});

test('GCS refusing the signature shows its canonical request beside eic\'s', { skip: noFfmpeg }, async () => {
  // A stand-in that signs the host with its port, as python-storage does, while eic leaves it out as the
  // published vectors do: every signature eic makes is refused with 403 SignatureDoesNotMatch.
  const strictHost = await startGcsStandin({ seed: DEFAULT_OUT, keepPortInSignedHost: true });
  const server = await startServer({ extraArgs: ['--connect', strictHost.origin] });
  strictHost.setCors('eic-demo', [{ origin: [new URL(server.url).origin], method: ['GET', 'HEAD'],
    responseHeader: ['Content-Type'], maxAgeSeconds: 3600 }]);
  try {
    const { context, page } = await openApp(s.browser, server.url);
    await page.evaluate((m) => window.eic.openManifest('sig.json', m),
      JSON.stringify({ images: [{ objectUrl: url('eic-demo', 'images/photo-64x48.jpg'), title: 'photo' }] }));
    await waitState(page, (st) => st.manifest.tabs?.length === 1 && !st.manifest.validating, 15000);
    await openCloud(page, strictHost.origin);
    await clickItem(page, 'Check objects', { window: 'Cloud' });
    const st = await waitState(page, (x) => x.cloud.check && !x.cloud.check.running && x.cloud.check.done === 1, 20000);
    const o = st.cloud.check.objects[0];
    assert.equal(o.state, 'forbidden');
    assert.equal(o.errorCode, 'SignatureDoesNotMatch');
    const port = new URL(strictHost.origin).port;
    assert.match(o.serverCanonicalRequest, new RegExp(`host:127\\.0\\.0\\.1:${port}`));
    assert.match(o.eicCanonicalRequest, /host:127\.0\.0\.1\n/);
    await findItem(page, 'Copy both', { window: 'Cloud' });
    await page.screenshot({ path: path.join(artifacts, 'gcs-signature-mismatch.png') });
    await context.close();
  } finally {
    server.stop();
    await strictHost.close();
  }
});

test('with an access token and no key the check goes to the JSON API; a refused token pauses it until a new one', { skip: noFfmpeg }, async () => {
  const { standin } = s;
  standin.reset();
  standin.setFaults({});
  // Good for two requests, then refused, as an expired token is.
  standin.addToken({ token: 'short-lived-token', expiresAfterRequests: 2 });
  const names = ['images/photo-64x48.jpg', 'images/diagram-320x240.png', 'images/badge-40x30.gif', 'images/gone.jpg'];
  const { context, page } = await openApp(s.browser, s.server.url);
  await page.evaluate((m) => window.eic.openManifest('token.json', m),
    JSON.stringify({ images: names.map((n) => ({ objectUrl: url('eic-demo', n), title: n })) }));
  await waitState(page, (st) => st.manifest.tabs?.length === 1 && !st.manifest.validating, 15000);
  await clickItem(page, 'View');
  await clickItem(page, 'Cloud: buckets and signed URLs');
  await waitState(page, (st) => st.cloud.open);
  await clickItem(page, 'Access token', { window: 'Cloud' });
  await page.keyboard.type('short-lived-token');
  await page.keyboard.press('Enter');
  let st = await waitState(page, (x) => x.cloud.hasToken, 10000);
  assert.ok(!JSON.stringify(st).includes('short-lived-token'), 'the token is nowhere in the state');
  await clickItem(page, 'Endpoint', { window: 'Cloud' });
  await page.keyboard.type(standin.origin);
  await waitState(page, (x) => x.cloud.fields.endpoint === standin.origin);
  await page.keyboard.press('Enter');
  await clickItem(page, 'Check objects', { window: 'Cloud' });
  st = await waitState(page, (x) => x.cloud.check?.waitingForToken, 20000);
  assert.ok((st.cloud.check.counts['waiting for a token'] ?? 0) > 0, JSON.stringify(st.cloud.check.counts));
  await clickItem(page, 'New token', { window: 'Cloud' });
  await page.keyboard.type('eic-demo-token');
  await page.keyboard.press('Enter');
  st = await waitState(page, (x) => x.cloud.check && !x.cloud.check.running && x.cloud.check.done === names.length, 20000);
  const state = Object.fromEntries(st.cloud.check.objects.map((o) => [o.url, o.state]));
  assert.equal(state[url('eic-demo', 'images/photo-64x48.jpg')], 'exists');
  assert.equal(state[url('eic-demo', 'images/diagram-320x240.png')], 'exists');
  assert.equal(state[url('eic-demo', 'images/badge-40x30.gif')], 'exists');
  assert.equal(state[url('eic-demo', 'images/gone.jpg')], 'missing');
  // All through the JSON API, and each object answered (200 or 404) exactly once.
  assert.equal(standin.stats.get({ api: 'xml' }).requests, 0);
  for (const n of names) {
    const a = standin.stats.get({ api: 'json', method: 'GET', bucket: 'eic-demo', object: n }).answers;
    assert.equal((a[200] ?? 0) + (a[404] ?? 0), 1, `${n}: ${JSON.stringify(a)}`);
  }
  await context.close();
});

test('with a token and an account to sign as, IAM signBlob signs: a signed URL that fetches, and a check through V4 URLs', { skip: noFfmpeg }, async () => {
  const { standin } = s;
  standin.reset();
  standin.setFaults({});
  const account = JSON.parse(key).client_email;
  const { context, page, errors } = await openApp(s.browser, s.server.url);
  await page.evaluate((m) => window.eic.openManifest('iam.json', m), JSON.stringify({ images: [
    { objectUrl: url('eic-demo', 'images/photo-64x48.jpg'), title: 'photo' },
    { objectUrl: url('eic-demo', 'images/gone.jpg'), title: 'gone' }] }));
  await waitState(page, (st) => st.manifest.tabs?.length === 1 && !st.manifest.validating, 15000);
  await clickItem(page, 'View');
  await clickItem(page, 'Cloud: buckets and signed URLs');
  await waitState(page, (st) => st.cloud.open);
  await clickItem(page, 'Access token', { window: 'Cloud' });
  await page.keyboard.type('eic-demo-token');
  await page.keyboard.press('Enter');
  await waitState(page, (x) => x.cloud.hasToken, 10000);
  const typeInto = async (label, text, field) => {
    await clickItem(page, label, { window: 'Cloud' });
    await page.keyboard.type(text);
    await waitState(page, (x) => x.cloud.fields[field] === text);
    await page.keyboard.press('Enter');
  };
  await typeInto('Sign as', account, 'signAs');
  await typeInto('IAM endpoint', standin.origin, 'iamEndpoint');
  await typeInto('Endpoint', standin.origin, 'endpoint');

  // The signed-URL tool, with no key file: IAM signs, and the URL works for anyone who has it.
  await clickItem(page, 'Sign a URL', { window: 'Cloud' });
  await typeInto('Bucket', 'eic-demo', 'bucket');
  await typeInto('Object', 'images/photo-64x48.jpg', 'object');
  await clickItem(page, 'Sign', { window: 'Cloud' });
  let st = await waitState(page, (x) => x.cloud.url !== '' || x.cloud.signError !== '', 15000);
  assert.equal(st.cloud.signError, '');
  assert.ok(st.cloud.url.startsWith(`${standin.origin}/eic-demo/images/photo-64x48.jpg?X-Goog-Algorithm=GOOG4-RSA-SHA256`), st.cloud.url);
  assert.match(st.cloud.url, new RegExp(`X-Goog-Credential=${encodeURIComponent(account).replace(/\./g, '\\.')}%2F`));
  const got = await fetch(st.cloud.url);
  assert.equal(got.status, 200);
  const demoFile = path.join(DEFAULT_OUT, 'files', 'eic-demo', 'images', 'photo-64x48.jpg');
  assert.equal(Buffer.compare(Buffer.from(await got.arrayBuffer()), fs.readFileSync(demoFile)), 0);
  assert.equal(standin.stats.get({ api: 'iam', method: 'POST' }).requests, 1);
  assert.ok(!JSON.stringify(st).includes('eic-demo-token'), 'the token is nowhere in the state');

  // The check goes to the XML API with URLs IAM signed, as with a key file.
  await clickItem(page, 'Objects', { window: 'Cloud' });
  await clickItem(page, 'Check objects', { window: 'Cloud' });
  st = await waitState(page, (x) => x.cloud.check && !x.cloud.check.running && x.cloud.check.done === 2, 20000);
  const state = Object.fromEntries(st.cloud.check.objects.map((o) => [o.url, o.state]));
  assert.equal(state[url('eic-demo', 'images/photo-64x48.jpg')], 'exists');
  assert.equal(state[url('eic-demo', 'images/gone.jpg')], 'missing');
  assert.equal(standin.stats.get({ api: 'json' }).requests, 0);
  assert.equal(standin.stats.get({ api: 'xml', method: 'HEAD' }).requests, 2);
  assert.equal(standin.stats.get({ api: 'iam', method: 'POST' }).requests, 3);
  assert.deepEqual(errors.filter((e) => !/^Failed to load resource/.test(e)), []);
  await context.close();
});

test('the CORS doctor tells why the bucket refuses this page, and the configuration it gives makes it read', { skip: noFfmpeg }, async () => {
  const { standin } = s;
  standin.reset();
  const page0 = new URL(s.server.url).origin;
  const { context, page, errors } = await openApp(s.browser, s.server.url);
  await openCloud(page, standin.origin);
  await clickItem(page, 'Bucket CORS', { window: 'Cloud' });
  await clickItem(page, 'CORS bucket', { window: 'Cloud' });
  await page.keyboard.type('eic-demo-nocors');
  await waitState(page, (x) => x.cloud.fields.corsBucket === 'eic-demo-nocors');
  await clickItem(page, 'Object to try', { window: 'Cloud' });
  await page.keyboard.type('images/photo-64x48.jpg');
  await waitState(page, (x) => x.cloud.fields.corsObject === 'images/photo-64x48.jpg');
  // Waits for the run the click started, not the one before it.
  const diagnose = async () => {
    const runs = (await waitState(page, () => true)).cloud.cors?.runs ?? 0;
    await clickItem(page, 'Diagnose', { window: 'Cloud' });
    return (await waitState(page, (x) => x.cloud.cors?.runs === runs + 1 && !x.cloud.cors.running && x.cloud.cors.verdict, 20000)).cloud.cors;
  };
  try {
    let cors = await diagnose();
    // No configuration: GCS answered the no-cors probe but the browser withheld the signed HEAD's answer.
    assert.equal(cors.verdict, 'refused by CORS', cors.explanation);
    assert.equal(cors.fixCommand, 'gcloud storage buckets update gs://eic-demo-nocors --cors-file=cors.json');
    const fix = JSON.parse(cors.fixConfig);
    assert.ok(fix[0].origin.includes(page0), cors.fixConfig);
    assert.ok(fix[0].origin.includes('https://app.encord.com'), cors.fixConfig);
    await page.screenshot({ path: path.join(artifacts, 'gcs-cors-doctor.png') });
    // Applied as gcloud would, the configuration lets the page read the bucket, every header eic reads included.
    standin.setCors('eic-demo-nocors', fix);
    cors = await diagnose();
    assert.equal(cors.verdict, 'allowed', `${cors.explanation}\n${JSON.stringify(fix)}`);
    assert.deepEqual(cors.missingHeaders, []);
    assert.equal(standin.stats.get({ api: 'xml', method: 'HEAD', bucket: 'eic-demo-nocors' }).requests >= 2, true);
  } finally {
    standin.setCors('eic-demo-nocors', null);
  }
  assert.deepEqual(errors.filter((e) => !/^Failed to load resource|^Access to XMLHttpRequest/.test(e)), []);
  await context.close();
});

test('an open manifest\'s images and videos get their media metadata from the bucket, as one undo step', { skip: noFfmpeg }, async () => {
  const { standin } = s;
  standin.reset();
  standin.setFaults({});
  const demo = JSON.parse(fs.readFileSync(path.join(DEFAULT_OUT, 'demo-bucket.json'), 'utf8'));
  const expected = Object.fromEntries(demo.buckets.find((b) => b.name === 'eic-demo').objects.map((o) => [o.name, o.expect]));
  const { context, page, errors } = await openApp(s.browser, s.server.url);
  await page.evaluate((m) => window.eic.openManifest('fill.json', m), JSON.stringify({
    images: [
      { objectUrl: url('eic-demo', 'images/photo-64x48.jpg'), title: 'photo' },
      { objectUrl: url('eic-demo', 'images/gone.jpg'), title: 'gone' },
      { objectUrl: url('eic-demo', 'images/diagram-320x240.png'), title: 'diagram' },
    ],
    videos: [{ objectUrl: url('eic-demo', 'videos/clip-moov-at-end.mp4'), title: 'clip' }],
  }));
  await waitState(page, (st) => st.manifest?.tabs?.length === 1 && !st.manifest.validating, 15000);
  await openCloud(page, standin.origin);
  await clickItem(page, 'Fill media metadata', { window: 'Cloud' });
  const st = await waitState(page, (x) => x.cloud.fill && !x.cloud.fill.running && x.manifest.undoLabel !== ''
    && x.cloud.mediaFindings.length === 1, 30000);
  assert.equal(st.cloud.fill.targets, 4);
  assert.equal(st.cloud.fill.filled, 3);
  assert.equal(st.cloud.fill.unreadable, 1);
  assert.equal(st.manifest.undoLabel, 'Fill the media metadata of 3 items');
  assert.equal(st.cloud.mediaFindings[0].item, 2, JSON.stringify(st.cloud.mediaFindings));
  await page.screenshot({ path: path.join(artifacts, 'gcs-fill.png') });
  await clickItem(page, 'View');
  await clickItem(page, 'Cloud: buckets and signed URLs');
  await waitState(page, (x) => !x.cloud.open);
  await clickItem(page, 'Export…', { window: 'Manifest' });
  const [dl] = await Promise.all([page.waitForEvent('download'), clickItem(page, 'Save as JSON (pretty)')]);
  const m = JSON.parse(fs.readFileSync(await dl.path(), 'utf8'));
  const photo = m.images.find((i) => i.title === 'photo').imageMetadata;
  assert.deepEqual([photo.width, photo.height, photo.mime_type, photo.file_size],
    [expected['images/photo-64x48.jpg'].width, expected['images/photo-64x48.jpg'].height, 'image/jpeg', expected['images/photo-64x48.jpg'].size]);
  assert.equal(m.images.find((i) => i.title === 'gone').imageMetadata, undefined);
  const clip = m.videos[0].videoMetadata;
  assert.equal(clip.width, expected['videos/clip-moov-at-end.mp4'].width);
  assert.equal(clip.height, expected['videos/clip-moov-at-end.mp4'].height);
  assert.equal(clip.mime_type, 'video/mp4');
  assert.deepEqual(errors.filter((e) => !/^Failed to load resource/.test(e)), []);
  await context.close();
});

test('a listing whose token GCS refuses waits for a new one and goes on', { skip: noFfmpeg }, async () => {
  const { standin } = s;
  standin.reset();
  standin.setFaults({});
  standin.addToken({ token: 'spent-token', expiresAfterRequests: 0 });
  const { context, page } = await openApp(s.browser, s.server.url);
  await clickItem(page, 'View');
  await clickItem(page, 'Cloud: buckets and signed URLs');
  await waitState(page, (st) => st.cloud.open);
  await clickItem(page, 'Access token', { window: 'Cloud' });
  await page.keyboard.type('spent-token');
  await page.keyboard.press('Enter');
  await waitState(page, (x) => x.cloud.hasToken, 10000);
  await clickItem(page, 'Endpoint', { window: 'Cloud' });
  await page.keyboard.type(standin.origin);
  await waitState(page, (x) => x.cloud.fields.endpoint === standin.origin);
  await page.keyboard.press('Enter');
  await clickItem(page, 'List a bucket', { window: 'Cloud' });
  await clickItem(page, 'List bucket', { window: 'Cloud' });
  await page.keyboard.type('eic-demo');
  await waitState(page, (x) => x.cloud.fields.listBucket === 'eic-demo');
  await clickItem(page, 'Read image and video metadata', { window: 'Cloud' });  // off: the listing alone
  await clickItem(page, 'List into a manifest', { window: 'Cloud' });
  let st = await waitState(page, (x) => x.cloud.import?.waitingForToken, 15000);
  assert.equal(st.cloud.import.error, '');
  await clickItem(page, 'New token', { window: 'Cloud' });
  await page.keyboard.type('eic-demo-token');
  await page.keyboard.press('Enter');
  st = await waitState(page, (x) => x.cloud.import && !x.cloud.import.running && x.manifest?.tabs?.length === 1, 20000);
  assert.equal(st.cloud.import.error, '');
  assert.ok(st.cloud.import.listed > 5, JSON.stringify(st.cloud.import));
  // One refused request, then the same page with the new token.
  const a = standin.stats.get({ api: 'json', method: 'GET', bucket: 'eic-demo', object: '' }).answers;
  assert.equal(a[401], 1, JSON.stringify(a));
  await context.close();
});

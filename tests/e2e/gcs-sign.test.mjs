// V4 signed URLs in the browser: the core's steps with WebCrypto hashing and signing, checked against
// Google's 29 published conformance vectors (tests/data/gcs-v4, Apache-2.0, see its README.md), and
// refusals that name what is wrong without quoting the key.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { useBrowser } from './helpers/session.mjs';
import { openApp, clickItem, waitState, watchPolicy } from './helpers/browser.mjs';

const session = useBrowser();
const data = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'data', 'gcs-v4');
const vectors = JSON.parse(fs.readFileSync(path.join(data, 'v4_signatures.json'), 'utf8')).signingV4Tests;
const key = fs.readFileSync(path.join(data, fs.readdirSync(data).find((f) => f.startsWith('test_service_account'))), 'utf8');

// A vector as a signUrl request: the flags of `eic sign-url` (tests/unit/gcs/v4_vectors.hpp maps them the
// same way: hostname, then client endpoint, then emulator host become the one endpoint).
function requestOf(t) {
  const r = { method: t.method, bucket: t.bucket, expires: t.expiration, timestamp: t.timestamp };
  if (t.object) r.object = t.object;
  if (t.headers) r.headers = t.headers;
  if (t.queryParameters) r.query = t.queryParameters;
  if (t.scheme) r.scheme = t.scheme;
  if (t.urlStyle === 'VIRTUAL_HOSTED_STYLE') r.urlStyle = 'virtual-hosted';
  if (t.urlStyle === 'BUCKET_BOUND_HOSTNAME') r.urlStyle = 'bucket-bound';
  if (t.bucketBoundHostname) r.bucketBoundHostname = t.bucketBoundHostname;
  if (t.universeDomain) r.universeDomain = t.universeDomain;
  const scheme = t.scheme || 'https';
  const host = t.hostname || t.clientEndpoint || t.emulatorHostname;
  if (host) r.endpoint = host.includes('://') ? host : `${scheme}://${host}`;
  return r;
}

async function headlessPage() {
  const context = await session.browser.newContext();
  await watchPolicy(context);
  const page = await context.newPage();
  await page.goto(session.server.url + '__test__/blank.html');
  await page.evaluate(async () => {
    const { create } = await import('/encord-console.js');
    window.core = await create({ headless: true });
  });
  return { context, page };
}

test('WebCrypto signs all 29 published V4 vectors to their expected URLs', async () => {
  const { context, page } = await headlessPage();
  assert.equal(vectors.length, 29);
  const results = await page.evaluate(async ([list, k]) => {
    const out = [];
    for (const r of list) {
      try {
        out.push(await window.core.signUrl(r, { key: k }));
      } catch (e) {
        out.push({ error: String(e.message) });
      }
    }
    return out;
  }, [vectors.map(requestOf), key]);
  const failed = [];
  vectors.forEach((t, i) => {
    const r = results[i];
    if (r.error) failed.push(`${i + 1} ${t.description}: ${r.error}`);
    else {
      if (r.stringToSign !== t.expectedStringToSign) failed.push(`${i + 1} ${t.description}: string to sign`);
      if (r.url !== t.expectedUrl) failed.push(`${i + 1} ${t.description}: URL`);
    }
  });
  assert.deepEqual(failed, []);
  await context.close();
});

test('signUrl refuses a bad request or key, naming the field and never quoting the key', async () => {
  const { context, page } = await headlessPage();
  const errors = await page.evaluate(async (k) => {
    const attempt = async (req, keyFile) => {
      try {
        await window.core.signUrl(req, { key: keyFile });
        return 'signed';
      } catch (e) {
        return { message: e.message, codes: (e.diagnostics || []).map((d) => d.code), pointers: (e.diagnostics || []).map((d) => d.pointer) };
      }
    };
    const good = { method: 'GET', bucket: 'test-bucket', object: 'o', expires: 10 };
    const parsed = JSON.parse(k);
    return {
      tooLong: await attempt({ ...good, expires: 604801 }, k),
      noBucket: await attempt({ method: 'GET', expires: 10 }, k),
      notJson: await attempt(good, '{not json'),
      noKey: await attempt(good, JSON.stringify({ ...parsed, private_key: undefined })),
      badPem: await attempt(good, JSON.stringify({ ...parsed, private_key: '-----BEGIN PRIVATE KEY-----\nSECRETSTUFF\n-----END PRIVATE KEY-----' })),
    };
  }, key);
  assert.deepEqual(errors.tooLong.codes, ['gcs.sign.expires']);
  assert.deepEqual(errors.noBucket.codes, ['gcs.sign.request']);
  assert.deepEqual(errors.noBucket.pointers, ['/bucket']);
  assert.match(errors.notJson.message, /not JSON/);
  assert.match(errors.noKey.message, /no "private_key"/);
  assert.match(errors.badPem.message, /not an RSA private key|not a PEM/);
  assert.ok(!JSON.stringify(errors).includes('SECRETSTUFF'), 'the key is never quoted');
  assert.ok(!JSON.stringify(errors).includes('MIIE'), 'the key is never quoted');
  await context.close();
});

test('a signed URL reads back in the browser and verifies with its key; a changed one does not', async () => {
  const { context, page } = await headlessPage();
  const r = await page.evaluate(async (k) => {
    const { url } = await window.core.signUrl({ method: 'GET', bucket: 'test-bucket', object: 'a b.jpg', expires: 900 }, { key: k });
    const good = await window.core.inspectSignedUrl(url, { key: k });
    const changed = await window.core.inspectSignedUrl(url.replace('a%20b.jpg', 'c.jpg'), { key: k });
    const noKey = await window.core.inspectSignedUrl(url);
    const notSigned = await window.core.inspectSignedUrl('https://storage.googleapis.com/test-bucket/a.jpg');
    return { good, changed, noKey, notSigned };
  }, key);
  assert.equal(r.good.verified, true);
  assert.equal(r.good.info.signer, 'test-iam-credentials@dummy-project-id.iam.gserviceaccount.com');
  assert.equal(r.good.info.expires, 900);
  assert.ok(r.good.info.secondsLeft > 800 && r.good.info.secondsLeft <= 900, String(r.good.info.secondsLeft));
  assert.deepEqual(r.good.diagnostics, []);
  assert.equal(r.changed.verified, false);
  assert.equal(r.noKey.verified, null);
  assert.equal(r.notSigned.info, undefined);
  assert.equal(r.notSigned.diagnostics[0].code, 'gcs.url.not-signed');
  await context.close();
});

test('the Cloud window opens a key file, signs a URL for an object and reads it back', async () => {
  const { context, page, errors } = await openApp(session.browser, session.server.url);
  await clickItem(page, 'View');
  await clickItem(page, 'Cloud: buckets and signed URLs');
  await waitState(page, (s) => s.cloud.open);
  // A file that is not a key is refused where the user acted, naming the file.
  let [chooser] = await Promise.all([page.waitForEvent('filechooser'), clickItem(page, 'Open key file…', { window: 'Cloud' })]);
  await chooser.setFiles({ name: 'notes.json', mimeType: 'application/json', buffer: Buffer.from('{"a": 1}') });
  let s = await waitState(page, (st) => st.cloud.keyError !== '');
  assert.match(s.cloud.keyError, /^notes\.json: the key file has no "client_email"/);
  [chooser] = await Promise.all([page.waitForEvent('filechooser'), clickItem(page, 'Open key file…', { window: 'Cloud' })]);
  await chooser.setFiles({ name: 'sa.json', mimeType: 'application/json', buffer: Buffer.from(key) });
  s = await waitState(page, (st) => st.cloud.keyEmail !== '');
  assert.equal(s.cloud.keyEmail, 'test-iam-credentials@dummy-project-id.iam.gserviceaccount.com');
  assert.ok(!JSON.stringify(s).includes('PRIVATE KEY'), 'the key is nowhere in the app state');

  await clickItem(page, 'Sign a URL', { window: 'Cloud' });
  await clickItem(page, 'Bucket', { window: 'Cloud' });
  await page.keyboard.type('test-bucket');
  await clickItem(page, 'Object', { window: 'Cloud' });
  await page.keyboard.type('images/a b.jpg');
  await clickItem(page, 'Sign', { window: 'Cloud' });
  s = await waitState(page, (st) => st.cloud.url !== '' || st.cloud.signError !== '');
  assert.equal(s.cloud.signError, '');
  assert.match(s.cloud.url, /^https:\/\/storage\.googleapis\.com\/test-bucket\/images\/a%20b\.jpg\?X-Goog-Algorithm=GOOG4-RSA-SHA256&.*X-Goog-Expires=900&.*&X-Goog-Signature=[0-9a-f]{512}$/);
  // The same URL, checked by the headless API with the key file.
  const check = await page.evaluate(([u, k]) => window.eic.inspectSignedUrl(u, { key: k }), [s.cloud.url, key]);
  assert.equal(check.verified, true);

  // Read it back in the window: it verifies with the open key.
  await clickItem(page, 'Inspect it', { window: 'Cloud' });
  await clickItem(page, 'Inspect', { window: 'Cloud' });
  s = await waitState(page, (st) => st.cloud.inspection && st.cloud.inspection.verified !== undefined);
  assert.equal(s.cloud.inspection.verified, true);
  assert.equal(s.cloud.inspection.info.expires, 900);
  await page.screenshot({ path: path.join(session.artifacts, 'cloud-signed-url.png') });
  assert.deepEqual(errors, []);
  await context.close();
});

// The Encord window in headless Chromium: the user's Ed25519 key opened through the file picker or pasted,
// read by eic's core and imported into WebCrypto; a key of another type refused with the SDK's reason; the
// domain chosen. The key never appears in the page's state.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { openApp, clickItem, waitState } from './helpers/browser.mjs';
import { openEncord, connectEncord as connect, fetchSchema as fetchSchemaState, useEncordStandins } from './helpers/encord.mjs';
import { artifacts } from './helpers/server.mjs';
import { DEMO_KEY_PATH, demoOptions } from '../fakes/encord-standin/index.mjs';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..', '..');
const keyText = fs.readFileSync(DEMO_KEY_PATH, 'utf8');
// Encord's keyid: the hex of the raw 32-byte public key, the end of the public key line's blob.
const pubBlob = Buffer.from(fs.readFileSync(`${DEMO_KEY_PATH}.pub`, 'utf8').split(' ')[1], 'base64');
const keyid = pubBlob.subarray(pubBlob.length - 32).toString('hex');
const liveSchema = { 'team.fps': { ty: 'variant', hint: 'number' }, species: { ty: 'enum', values: ['cat', 'dog'] } };
// An organisation that knows another key only: the demo key's signature is refused there.
const otherKey = fs.readFileSync(path.join(root, 'tests', 'data', 'encord-keys', 'ed25519-second.pub'), 'utf8').trim();
const s = useEncordStandins({
  encord: { ...demoOptions(), schema: liveSchema },
  stranger: { ...demoOptions(), publicKeys: [otherKey] },
});


test('the Encord key is opened, read by core and held by WebCrypto; the state shows only its id', async () => {
  const { context, page, errors } = await openApp(s.browser, s.server.url);
  await openEncord(page);
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), clickItem(page, 'Open key file…', { window: 'Encord' })]);
  await chooser.setFiles({ name: 'eic-demo-ed25519.txt', mimeType: 'text/plain', buffer: Buffer.from(keyText) });
  const st = await waitState(page, (x) => x.encord.keyState === 'ready' || x.encord.keyState === 'refused', 10000);
  assert.equal(st.encord.keyError, '');
  assert.equal(st.encord.keyState, 'ready');
  assert.equal(st.encord.keyid, keyid);
  assert.equal(st.encord.keyComment, 'eic-demo');
  assert.ok(!JSON.stringify(st).includes('OPENSSH'), 'no key text in the state');
  await page.screenshot({ path: path.join(artifacts, 'encord-key.png') });
  await clickItem(page, 'Forget key', { window: 'Encord' });
  await waitState(page, (x) => x.encord.keyState === 'none');
  assert.deepEqual(errors, []);
  await context.close();
});

test('a pasted RSA key is refused with the SDK\'s reason; the domain choice is checked', async () => {
  const { context, page } = await openApp(s.browser, s.server.url);
  await openEncord(page);
  const rsa = fs.readFileSync(path.join(root, 'tests', 'data', 'encord-keys', 'rsa'), 'utf8');
  await clickItem(page, 'Paste key', { window: 'Encord' });
  await page.evaluate((t) => navigator.clipboard?.writeText?.(t).catch(() => {}), rsa).catch(() => {});
  await page.keyboard.insertText(rsa);
  await clickItem(page, 'Use pasted key', { window: 'Encord' });
  let st = await waitState(page, (x) => x.encord.keyState === 'refused', 10000);
  assert.match(st.encord.keyError, /Ed25519/);
  assert.equal(st.encord.keyid, '');

  assert.equal(st.encord.domain, 'https://api.encord.com');
  await clickItem(page, 'Domain', { window: 'Encord' });
  await clickItem(page, 'https://api.us.encord.com (US)');
  st = await waitState(page, (x) => x.encord.domain === 'https://api.us.encord.com');
  await clickItem(page, 'Domain', { window: 'Encord' });
  await clickItem(page, 'another (private deployment)');
  await clickItem(page, 'Address', { window: 'Encord' });
  await page.keyboard.type('http://encord.example.com');
  st = await waitState(page, (x) => x.encord.domainError !== '');
  assert.equal(st.encord.domain, 'https://api.us.encord.com', 'a refused address does not replace the domain');
  await context.close();
});

const fetchSchema = async (page) => (await fetchSchemaState(page)).encord.schema;

test('the live schema is fetched with requests the page signs, and compared with the draft', async () => {
  s.encord.reset();
  const { context, page, errors } = await openApp(s.browser, s.server.url);
  await connect(page, s.encord.origin);
  const schema = await fetchSchema(page);
  assert.equal(schema.error, '');
  assert.equal(schema.ok, true);
  assert.equal(schema.keys, 2);
  // The stand-in verified the Ed25519 signature (Content-Digest, created window, keyid) before answering,
  // twice: the first request to a domain is the probe of how the page reaches it (the same signed GET,
  // core/encord/transport_probe.hpp), then the fetch itself.
  const got = s.encord.stats.get({ method: 'GET', route: 'organisation/client-metadata-schema-v2' });
  assert.deepEqual(got, { requests: 2, answers: { 200: 2 } });
  await clickItem(page, 'Compare with the draft', { window: 'Encord' });
  await waitState(page, (x) => x.schema.comparing);
  await page.screenshot({ path: path.join(artifacts, 'encord-schema.png') });
  assert.deepEqual(errors, []);
  await context.close();
});

test('an organisation that does not know the key refuses it, and the window says so', async () => {
  const { context, page } = await openApp(s.browser, s.server.url);
  await connect(page, s.stranger.origin);
  const schema = await fetchSchema(page);
  assert.equal(schema.ok, false);
  assert.match(schema.error, /^Encord refused the request \(HTTP 401, AuthenticationError\): Unknown key/);
  await context.close();
});

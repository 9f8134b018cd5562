// Keys and tokens never leave the page's memory except where they are used (issue 16: "never in logs,
// URLs, files, autosave or error messages"): a session that opens the Encord key, fetches the live
// schema, pastes a GCS access token and lists a bucket with it, opens a service-account key, signs a URL
// and checks objects, then every output channel is searched for the secrets: console and page errors,
// every request's URL and body (and its headers, but for the token's own Authorization header to GCS),
// localStorage and IndexedDB, the app's state, the Log as copied, the page's text (the live region),
// and the host events. Then File's "Keys held" menu forgets them all.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { launch, openApp, clickItem, waitState, findItem } from './helpers/browser.mjs';
import { startServer, artifacts } from './helpers/server.mjs';
import { connectEncord, fetchSchema } from './helpers/encord.mjs';
import { listBucketInto, openCloudKeyFile, openCloudWindow, setCloudEndpoint, signInWindow, useCloudToken } from './helpers/gcs.mjs';
import { startGcsStandin, DEMO_KEY_PATH as GCS_KEY_PATH, DEMO_TOKEN } from '../fakes/gcs-standin/index.mjs';
import { DEMO_KEY_PATH as ENCORD_KEY_PATH, demoOptions, startEncordStandin } from '../fakes/encord-standin/index.mjs';
import { makeDemoBucket, DEFAULT_OUT } from '../fakes/make-demo-bucket.mjs';

const noFfmpeg = spawnSync('ffmpeg', ['-version']).error ? 'ffmpeg is missing (scripts/setup installs it)' : false;
const gcsKey = fs.readFileSync(GCS_KEY_PATH, 'utf8');
const encordKey = fs.readFileSync(ENCORD_KEY_PATH, 'utf8');

// Pieces of each secret long enough to be unmistakable: each line of the keys' base64 bodies (24
// characters at a time), the service account's private_key_id, and the token.
function fragments() {
  const out = new Map();
  const body = (pem) => pem.split('\n').filter((l) => l && !l.startsWith('-----')).join('');
  const pieces = (name, b64) => { for (let i = 0; i + 24 <= b64.length; i += 24) out.set(b64.slice(i, i + 24), name); };
  const sa = JSON.parse(gcsKey);
  pieces('service-account private key', body(sa.private_key));
  out.set(sa.private_key_id, 'service-account private_key_id');
  pieces('Encord key', body(encordKey));
  out.set(DEMO_TOKEN, 'access token');
  return out;
}

const s = {};
before(async () => {
  if (noFfmpeg) return;
  fs.mkdirSync(artifacts, { recursive: true });
  await makeDemoBucket(DEFAULT_OUT);
  s.gcs = await startGcsStandin({ seed: DEFAULT_OUT });
  s.encord = await startEncordStandin(demoOptions());
  s.server = await startServer({ extraArgs: ['--connect', s.gcs.origin, '--connect', s.encord.origin] });
  const page = new URL(s.server.url).origin;
  s.gcs.setCors('eic-demo', [{ origin: [page], method: ['GET', 'HEAD'],
    responseHeader: ['Content-Type', 'Content-Length', 'Date', 'ETag', 'Range', 'Content-Range'], maxAgeSeconds: 3600 }]);
  s.browser = await launch();
});
after(async () => {
  await s.browser?.close();
  await s.server?.stop();
  await s.gcs?.close();
  await s.encord?.close();
});

test('no key or token reaches a log, a URL, storage, the state or the page; Forget keys drops them all', { skip: noFfmpeg }, async () => {
  const { context, page } = await openApp(s.browser, s.server.url);
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const channels = [];  // [where, text]
  page.on('console', (m) => channels.push([`console.${m.type()}`, m.text()]));
  page.on('pageerror', (e) => channels.push(['pageerror', String(e.stack || e)]));
  page.on('request', (r) => {
    channels.push(['request URL', r.url()]);
    if (r.postData()) channels.push([`request body ${r.url()}`, r.postData()]);
    for (const [name, value] of Object.entries(r.headers())) {
      const tokensOwnUse = name === 'authorization' && value === `Bearer ${DEMO_TOKEN}` && r.url().startsWith(s.gcs.origin);
      if (!tokensOwnUse) channels.push([`request header ${name}`, value]);
    }
  });
  await page.evaluate(() => {
    window.eicEvents = [];
    for (const e of ['manifest-validated', 'schema-saved', 'job-finished', 'download', 'error']) {
      window.eic.on(e, (d) => window.eicEvents.push([e, JSON.stringify(d)]));
    }
  });

  // Encord: the key through its picker, a signed request for the live schema.
  await connectEncord(page, s.encord.origin);
  assert.equal((await fetchSchema(page)).encord.schema.ok, true, 'the stand-in took the signed request');

  // GCS with a token: a listing through the JSON API.
  await openCloudWindow(page);
  await useCloudToken(page, DEMO_TOKEN);
  let st = await waitState(page, (x) => /access token/.test(x.secretsHeld));
  assert.match(st.secretsHeld, /^the Encord key and an access token$/);
  await setCloudEndpoint(page, s.gcs.origin);
  await listBucketInto(page, 'eic-demo', 'images/');
  await waitState(page, (x) => x.cloud.import && !x.cloud.import.running && x.manifest?.tabs?.length === 1 && !x.manifest.validating, 30000);
  await clickItem(page, 'Forget token', { window: 'Cloud' });
  await waitState(page, (x) => !x.cloud.hasToken);

  // GCS with the service-account key: a signed URL, and the listed objects checked with signed HEADs.
  await clickItem(page, 'Objects', { window: 'Cloud' });
  await openCloudKeyFile(page, gcsKey);
  await clickItem(page, 'Check objects', { window: 'Cloud' });
  await waitState(page, (x) => x.cloud.check && !x.cloud.check.running && x.cloud.check.done === x.cloud.check.total, 30000);
  st = await signInWindow(page, 'eic-demo', 'images/photo-64x48.jpg');
  assert.equal(st.cloud.signError, '');
  assert.equal(st.secretsHeld, 'the Encord key, the service-account key and signed URLs on screen');

  // The Log as the user copies it, and every store of the page.
  await clickItem(page, 'Copy', { window: 'Log' });
  channels.push(['the Log, copied', await page.evaluate(() => navigator.clipboard.readText())]);
  channels.push(['state()', JSON.stringify(await page.evaluate(() => window.eic.state()))]);
  channels.push(['host events', JSON.stringify(await page.evaluate(() => window.eicEvents))]);
  channels.push(['localStorage', await page.evaluate(() => JSON.stringify({ ...localStorage }))]);
  channels.push(['page text', await page.evaluate(() => document.documentElement.outerHTML + document.body.innerText)]);
  channels.push(['IndexedDB', await page.evaluate(() => new Promise((resolve, reject) => {
    const req = indexedDB.open('eic');
    req.onerror = () => reject(req.error);
    req.onsuccess = async () => {
      const db = req.result;
      const out = [];
      for (const name of db.objectStoreNames) {
        const all = await new Promise((res) => { const r = db.transaction(name).objectStore(name).getAll(); r.onsuccess = () => res(r.result); });
        for (const v of all) out.push(v instanceof Uint8Array ? new TextDecoder().decode(v) : typeof v === 'string' ? v : JSON.stringify(v));
      }
      db.close();
      resolve(out.join('\n'));
    };
  }))]);

  const secrets = fragments();
  const found = [];
  for (const [where, text] of channels) {
    for (const [piece, what] of secrets) if (text.includes(piece)) found.push(`${what} in ${where}`);
  }
  assert.deepEqual([...new Set(found)], [], 'no secret in any output channel');
  // The channels did see the secrets' uses: signed HEADs to GCS and signed requests to Encord.
  assert.ok(channels.some(([w, t]) => w === 'request URL' && t.startsWith(s.gcs.origin) && /X-Goog-Signature=[0-9a-f]{512}/.test(t)));
  assert.ok(channels.some(([w, t]) => w.startsWith('request header') && /signature/i.test(w + t)), "Encord's signed headers were seen");

  // Forget them all from the menu bar's "Keys held" menu.
  await clickItem(page, /^Keys held \(3\)/);
  await page.screenshot({ path: path.join(artifacts, 'keys-held.png') });
  await clickItem(page, 'Forget keys and tokens');
  st = await waitState(page, (x) => x.secretsHeld === '');
  assert.equal(st.encord.keyState, 'none');
  assert.equal(st.cloud.keyEmail, '');
  assert.equal(st.cloud.url, '');
  assert.match(st.log.last, /^Forgot the Encord key, the service-account key and signed URLs on screen$/);
  await assert.rejects(findItem(page, /^Keys held/, { timeout: 500 }), 'the menu is gone once nothing is held');
  await context.close();
});

// "Remember this key in this browser" (opt-in, issue 16): the Encord key and the service-account key
// kept as non-extractable CryptoKeys in IndexedDB (web/idb-records.js writeKey), back after a reload and
// signing without the key files; the stored records hold no key material the page can read; unticking,
// Forget key and File > Forget keys and tokens delete them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { openApp, clickItem, waitState } from './helpers/browser.mjs';
import { connectEncord, fetchSchema, openEncord, useEncordStandins } from './helpers/encord.mjs';
import { openCloudKeyFile, openCloudWindow, signInWindow } from './helpers/gcs.mjs';
import { demoOptions } from '../fakes/encord-standin/index.mjs';
import { DEMO_KEY_PATH as GCS_KEY_PATH } from '../fakes/gcs-standin/index.mjs';

const gcsKey = fs.readFileSync(GCS_KEY_PATH, 'utf8');
const s = useEncordStandins({ encord: demoOptions() });

// The page's remembered keys: for each record, what a script of the page can learn of it.
const stored = (page) => page.evaluate(() => new Promise((resolve, reject) => {
  const req = indexedDB.open('eic');
  req.onerror = () => reject(req.error);
  req.onsuccess = () => {
    const db = req.result;
    const all = db.transaction('keys').objectStore('keys').getAllKeys();
    all.onsuccess = async () => {
      const out = {};
      for (const name of all.result) {
        const rec = await new Promise((res) => { const r = db.transaction('keys').objectStore('keys').get(name); r.onsuccess = () => res(r.result); });
        const exported = await crypto.subtle.exportKey('pkcs8', rec.key).then(() => 'exported', (e) => e.name);
        out[name] = { fields: Object.keys(rec).sort(), extractable: rec.key.extractable, algorithm: rec.key.algorithm.name, exported };
      }
      db.close();
      resolve(out);
    };
  };
}));

test('remembered keys come back after a reload, sign, cannot be read out, and are forgotten on request', async () => {
  const { context, page, errors } = await openApp(s.browser, s.server.url);
  await connectEncord(page, s.encord.origin);
  let st = await waitState(page, (x) => x.encord.keyState === 'ready');
  assert.equal(st.encord.keyRemembered, false, 'off by default');
  assert.deepEqual(await stored(page), {});

  await clickItem(page, 'Remember this key in this browser', { window: 'Encord' });
  await waitState(page, (x) => x.encord.keyRemembered);
  // Unticked: deleted again.
  await clickItem(page, 'Remember this key in this browser', { window: 'Encord' });
  await waitState(page, (x) => !x.encord.keyRemembered);
  assert.deepEqual(await stored(page), {});
  await clickItem(page, 'Remember this key in this browser', { window: 'Encord' });
  await waitState(page, (x) => x.encord.keyRemembered);
  await openCloudWindow(page);
  await openCloudKeyFile(page, gcsKey);
  await clickItem(page, 'Remember this key in this browser', { window: 'Cloud' });
  await waitState(page, (x) => x.cloud.keyRemembered);

  const records = await stored(page);
  assert.deepEqual(records, {
    cloud: { fields: ['clientEmail', 'key'], extractable: false, algorithm: 'RSASSA-PKCS1-v1_5', exported: 'InvalidAccessError' },
    encord: { fields: ['comment', 'key', 'keyid'], extractable: false, algorithm: 'Ed25519', exported: 'InvalidAccessError' },
  });

  // After a reload, without the key files: both windows sign.
  await page.reload();
  await page.waitForFunction(() => window.eic !== undefined);
  st = await waitState(page, (x) => x.encord.keyState === 'ready' && x.cloud.keyEmail !== '', 15000);
  assert.equal(st.encord.keyRemembered, true);
  assert.equal(st.cloud.keyRemembered, true);
  assert.equal(st.cloud.keyEmail, JSON.parse(gcsKey).client_email);
  await openEncord(page);
  const schema = (await fetchSchema(page)).encord.schema;
  assert.equal(schema.error, '');
  assert.equal(schema.ok, true, 'the stand-in verified the remembered key\'s signature');
  await openCloudWindow(page);
  st = await signInWindow(page, 'b', 'o.jpg');
  assert.equal(st.cloud.signError, '');
  assert.match(st.cloud.url, /X-Goog-Signature=[0-9a-f]{512}$/);

  // File > Forget keys and tokens deletes the remembered copies too.
  await clickItem(page, 'File');
  await clickItem(page, 'Forget keys and tokens');
  await waitState(page, (x) => x.secretsHeld === '');
  for (let i = 0; i < 100 && Object.keys(await stored(page)).length; ++i) await page.waitForTimeout(30);
  assert.deepEqual(await stored(page), {});
  await page.reload();
  await page.waitForFunction(() => window.eic !== undefined);
  st = await waitState(page, (x) => x.frames > 10);
  assert.equal(st.encord.keyState, 'none');
  assert.equal(st.cloud.keyEmail, '');
  assert.deepEqual(errors, []);
  await context.close();
});

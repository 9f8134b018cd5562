// File > Open recent (core/app/recent_files, wasm/app/recent_store, web/idb-records.js): the files the
// user opened come back on the list after a reload and reopen from the copy kept in IndexedDB; a draft
// with unsaved changes is asked about first; a copy that is gone is said on screen and taken off; "Clear
// the list" deletes the copies too.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { openApp, clickItem, findItem, waitState } from './helpers/browser.mjs';
import { useBrowser } from './helpers/session.mjs';

const session = useBrowser();

const manifest = JSON.stringify({
  videos: [{ objectUrl: 'gs://bucket/a.mp4', title: 'a' }],
}, null, 2);
// A schema draft file as Save writes it (core/schema/draft): opened, it has no unsaved changes.
const draft = JSON.stringify({
  format: 'eic-schema-draft', version: 1, title: 'Recent', target: 'index',
  schema: { 'camera.model': { ty: 'varchar' }, reviewed: { ty: 'boolean' } },
});

// The copies and the list in the page's IndexedDB (web/idb-records.js: store "autosave").
const storedKeys = (page) => page.evaluate(() => new Promise((resolve, reject) => {
  const req = indexedDB.open('eic');
  req.onerror = () => reject(req.error);
  req.onsuccess = () => {
    const keys = req.result.transaction('autosave').objectStore('autosave').getAllKeys();
    keys.onsuccess = () => { resolve(keys.result.filter((k) => String(k).startsWith('manifests:recent'))); req.result.close(); };
  };
}));

async function pick(page, menuItem, name, text) {
  await clickItem(page, 'File');
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), clickItem(page, menuItem)]);
  await chooser.setFiles({ name, mimeType: 'application/json', buffer: Buffer.from(text) });
}

async function chooseRecent(page, name) {
  await clickItem(page, 'File');
  await clickItem(page, 'Open recent');
  const item = await findItem(page, new RegExp(`^${name.replace(/\./g, '\\.')} \\(`));
  await clickItem(page, item.label);
}

test('recent files come back after a reload and reopen from their kept copies', async () => {
  const { context, page, errors } = await openApp(session.browser, session.server.url);
  await waitState(page, (s) => s.recent.restored && s.recent.files.length === 0);
  await pick(page, 'Open manifest…', 'batch.json', manifest);
  await waitState(page, (s) => s.manifest?.tabs?.includes('batch.json'));
  await pick(page, 'Open schema draft…', 'draft.json', draft);
  let s = await waitState(page, (x) => x.schema.keys === 2 && x.recent.files.length === 2);
  assert.deepEqual(s.recent.files.map((f) => [f.name, f.kind, f.kept]), [['draft.json', 'schema', true], ['batch.json', 'manifest', true]]);
  assert.equal(s.recent.files[1].bytes, Buffer.byteLength(manifest));
  assert.deepEqual((await storedKeys(page)).sort(), ['manifests:recent', 'manifests:recent/1', 'manifests:recent/2']);
  // The open tab's own autosave, written once the tabs have been quiet for half a second, comes back too.
  await page.waitForTimeout(1500);

  // After a reload: the list is back; a new draft, then the recent one reopens from its copy.
  await page.reload();
  await page.waitForFunction(() => window.eic !== undefined);
  s = await waitState(page, (x) => x.recent.restored && x.recent.files.length === 2 && x.manifest?.tabs?.length === 1, 15000);
  assert.equal(s.recent.files[0].name, 'draft.json');
  await clickItem(page, 'New', { window: 'Schema' });
  await waitState(page, (x) => x.schema.keys === 0);
  await chooseRecent(page, 'draft.json');
  s = await waitState(page, (x) => x.schema.keys === 2 && x.schema.fileName === 'draft.json');
  assert.equal(s.schema.dirty, false);

  // The manifest reopens as a tab of its own, and goes first on the list.
  const tabsBefore = s.manifest.tabs.length;
  await chooseRecent(page, 'batch.json');
  s = await waitState(page, (x) => x.manifest.tabs.length === tabsBefore + 1 && x.recent.files[0].name === 'batch.json');
  assert.equal(s.manifest.fileName, 'batch.json');
  assert.equal(s.recent.files.length, 2);
  await page.screenshot({ path: path.join(session.artifacts, 'recent-files.png') });
  assert.deepEqual(errors, []);
  await context.close();
});

test('over unsaved changes a recent draft asks first; a lost copy is said and taken off; Clear deletes the copies', async () => {
  const { context, page, errors } = await openApp(session.browser, session.server.url);
  await waitState(page, (s) => s.recent.restored);
  await pick(page, 'Open schema draft…', 'draft.json', draft);
  await pick(page, 'Open manifest…', 'batch.json', manifest);
  await waitState(page, (x) => x.recent.files.length === 2 && x.manifest?.tabs?.includes('batch.json'));

  // A wire schema opened is a draft not saved yet (as in schema.test.mjs's Ctrl+O case).
  await page.evaluate(() => window.eic.openSchema('{"a.b": {"ty": "boolean"}}', 'dirty.json'));
  await waitState(page, (x) => x.schema.dirty);
  await chooseRecent(page, 'draft.json');
  await waitState(page, (x) => x.popups.some((p) => p.startsWith('Open the recent draft?')));
  await clickItem(page, 'Open the recent draft');
  await waitState(page, (x) => x.schema.fileName === 'draft.json' && x.schema.keys === 2 && !x.schema.dirty);

  // The manifest's copy is deleted behind the app's back: choosing it says so and takes it off.
  await page.evaluate(() => new Promise((resolve) => {
    const req = indexedDB.open('eic');
    req.onsuccess = () => {
      const tx = req.result.transaction('autosave', 'readwrite');
      tx.objectStore('autosave').delete('manifests:recent/2');
      tx.oncomplete = () => { req.result.close(); resolve(); };
    };
  }));
  await chooseRecent(page, 'batch.json');
  let s = await waitState(page, (x) => x.notices.some((n) => /copy of batch\.json kept in recent files could not be read/.test(n.message)));
  s = await waitState(page, (x) => x.recent.files.length === 1);
  assert.equal(s.recent.files[0].name, 'draft.json');

  await clickItem(page, 'File');
  await clickItem(page, 'Open recent');
  await clickItem(page, 'Clear the list');
  await waitState(page, (x) => x.recent.files.length === 0);
  for (let i = 0; i < 100 && (await storedKeys(page)).length !== 1; ++i) await page.waitForTimeout(30);
  assert.deepEqual(await storedKeys(page), ['manifests:recent'], 'only the (empty) list is left');
  assert.deepEqual(errors, []);
  await context.close();
});

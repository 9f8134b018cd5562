// The schema designer in headless Chromium, as a user drives it: build a schema with one key of every
// type by clicking and typing, delete and restore, undo and redo, save the draft, reload, open the
// saved file and get the identical schema.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openApp, clickItem, findItem, waitState, framesPass } from './helpers/browser.mjs';
import { useBrowser } from './helpers/session.mjs';

const session = useBrowser();

const schemaOf = (page) => page.evaluate(() => window.eic.state().schema);

async function typeInto(page, label, text) {
  await clickItem(page, label, { window: 'Schema' });
  await page.keyboard.press('Control+A');
  await page.keyboard.type(text);
}

async function addKey(page, key, type, { options, size } = {}) {
  await typeInto(page, 'Key name', key);
  await clickItem(page, 'Key type', { window: 'Schema' });
  await clickItem(page, type, { window: '##Combo_00' });
  if (options) await typeInto(page, 'Options', options.join('\n'));
  if (size) await typeInto(page, 'Size', String(size));
  const before = (await schemaOf(page)).keys;
  await clickItem(page, 'Add key', { window: 'Schema' });
  await waitState(page, (s) => s.schema.keys === before + 1);
}

async function rowAction(page, leaf, action) {
  await clickItem(page, leaf, { window: 'Schema' });
  await clickItem(page, action);
}

test('a user builds, edits, saves and reopens a schema with one key of every type', async () => {
  const { context, page, errors } = await openApp(session.browser, session.server.url);
  await addKey(page, 'qa.flag', 'boolean');
  await addKey(page, 'qa.when', 'datetime');
  await addKey(page, 'qa.count', 'number');
  await addKey(page, 'qa.id', 'uuid');
  await addKey(page, 'qa.name', 'varchar');
  await addKey(page, 'qa.caption', 'text');
  await addKey(page, 'scene.colour', 'enum', { options: ['red', 'green', 'blue'] });
  await addKey(page, 'scene.clip', 'embedding', { size: 256 });
  await addKey(page, 'scene.where', 'geospatial');

  let s = await schemaOf(page);
  assert.equal(s.dirty, true);
  assert.deepEqual(s.wire['qa.flag'], { ty: 'variant', hint: 'boolean' });
  assert.deepEqual(s.wire['qa.when'], { ty: 'variant', hint: 'datetime' });
  assert.deepEqual(s.wire['qa.caption'], { ty: 'variant', hint: 'text' });
  assert.deepEqual(s.wire['scene.colour'], { ty: 'enum', values: ['blue', 'green', 'red'] });
  assert.deepEqual(s.wire['scene.clip'], { ty: 'embedding', size: 256, api: null });
  assert.deepEqual(s.wire['scene.where'], { ty: 'geospatial' });

  // A bad name is refused at the field, before anything is committed.
  await typeInto(page, 'Key name', '$secret');
  await framesPass(page);
  const addButton = await findItem(page, 'Add key', { window: 'Schema' });
  await page.mouse.click(addButton.x + addButton.w / 2, addButton.y + addButton.h / 2);
  await framesPass(page);
  assert.equal((await schemaOf(page)).keys, 9, 'the disabled Add button added nothing');
  await typeInto(page, 'Key name', '');

  // Soft delete, then restore, through the row's menu.
  await rowAction(page, 'count', 'Delete');
  s = await waitState(page, (st) => st.schema.wire['qa.count'].ty === 'tombstone');
  assert.deepEqual(s.schema.wire['qa.count'], { ty: 'tombstone', deleted_ty: { ty: 'variant', hint: 'number' } });
  await rowAction(page, 'count', 'Restore');
  await waitState(page, (st) => st.schema.wire['qa.count'].ty === 'variant');

  // Hard delete asks first; undo brings the key back, redo deletes it again, undo once more.
  await rowAction(page, 'where', 'Delete permanently…');
  await clickItem(page, 'Delete permanently', { window: 'Delete permanently?' });
  s = await waitState(page, (st) => st.schema.wire['scene.where'].deleted_ty === null);
  await clickItem(page, 'Undo', { window: 'Schema' });
  await waitState(page, (st) => st.schema.wire['scene.where'].ty === 'geospatial');
  await clickItem(page, 'Redo', { window: 'Schema' });
  await waitState(page, (st) => st.schema.wire['scene.where'].ty === 'tombstone');
  await page.keyboard.press('Control+Z');
  s = await waitState(page, (st) => st.schema.wire['scene.where'].ty === 'geospatial');
  assert.ok(s.schema.history.includes('Hard-deleted scene.where'));

  await page.screenshot({ path: path.join(session.artifacts, 'schema-table.png') });
  const built = (await schemaOf(page)).wire;

  // Save downloads the draft file; the title loses its unsaved mark.
  const [download] = await Promise.all([page.waitForEvent('download'), clickItem(page, 'Save', { window: 'Schema' })]);
  const saved = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'eic-')), download.suggestedFilename());
  await download.saveAs(saved);
  assert.equal(download.suggestedFilename(), 'Untitled schema.eic-schema.json');
  const file = JSON.parse(fs.readFileSync(saved, 'utf8'));
  assert.equal(file.format, 'eic-schema-draft');
  assert.equal(file.version, 1);
  assert.deepEqual(file.schema, built);
  await waitState(page, (st) => !st.schema.dirty);

  // Reload: the autosaved draft comes back; start a new one, then open the saved file.
  await page.reload();
  await page.waitForFunction(() => window.eic !== undefined);
  s = await waitState(page, (st) => st.schema.keys === 9);
  assert.deepEqual(s.schema.wire, built);
  assert.equal(s.schema.dirty, false);
  await clickItem(page, 'New', { window: 'Schema' });
  await waitState(page, (st) => st.schema.keys === 0);
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), clickItem(page, 'Open…', { window: 'Schema' })]);
  await chooser.setFiles(saved);
  s = await waitState(page, (st) => st.schema.keys === 9);
  assert.deepEqual(s.schema.wire, built);
  assert.equal(s.schema.dirty, false);
  assert.deepEqual(errors, []);
  await context.close();
});

test('opening a broken file keeps the draft and logs the place of the error', async () => {
  const { context, page } = await openApp(session.browser, session.server.url);
  await addKey(page, 'kept', 'number');
  const result = await page.evaluate(() => window.eic.openSchema('{\n  "format": "eic-schema-draft",\n  "version": 1,\n  "schema": {,}\n}', 'bad.json'));
  assert.equal(result.summary.errors, 1);
  assert.equal(result.diagnostics[0].line, 4);
  const s = await page.evaluate(() => window.eic.state());
  assert.equal(s.schema.keys, 1);
  assert.match(s.log.last, /^bad\.json:4:\d+: /);
  await context.close();
});

test('comparing with another schema lists the plan with safe and destructive marks', async () => {
  const { context, page } = await openApp(session.browser, session.server.url);
  await page.evaluate(() => window.eic.openSchema(JSON.stringify({
    fps: { ty: 'variant', hint: 'number' }, colour: { ty: 'enum', values: ['red'] },
  }), 'remote.json'));
  await rowAction(page, 'fps', 'Delete');
  await waitState(page, (s) => s.schema.wire.fps.ty === 'tombstone');
  const remote = JSON.stringify({ fps: { ty: 'variant', hint: 'number' }, colour: { ty: 'enum', values: ['red'] } });
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), clickItem(page, 'Compare…', { window: 'Schema' })]);
  await chooser.setFiles({ name: 'remote.json', mimeType: 'application/json', buffer: Buffer.from(remote) });
  const s = await waitState(page, (st) => st.schema.comparing && st.schema.comparison);
  assert.equal(s.schema.comparison.readable, true);
  // The plan as the CLI's `schema diff --output json` prints it.
  const brief = ({ key, kind, destructive, refused }) => ({ key, kind, destructive, refused });
  assert.deepEqual(s.schema.comparison.changes.map(brief), [{ key: 'fps', kind: 'deleted-soft', destructive: true, refused: false }]);
  assert.deepEqual(s.schema.comparison.conflicts, []);
  assert.equal(s.schema.comparison.post.fps.ty, 'tombstone', 'the body a push would POST');
  await findItem(page, 'Close comparison', { window: 'Schema' });
  await page.screenshot({ path: path.join(session.artifacts, 'schema-compare.png') });
  const items = await page.evaluate(() => window.eic.debug.items());
  assert.ok(items.some((it) => it.label === 'Export merged map'));
  await context.close();
});

test('the headless core diffs schemas as the CLI does', async () => {
  const { context, page } = await openApp(session.browser, session.server.url);
  const result = await page.evaluate(async () => {
    const { create } = await import('./encord-console.js');
    const core = await create({ headless: true });
    const remote = { fps: { ty: 'variant', hint: 'number' }, tag: { ty: 'enum', values: ['a'] } };
    const draft = { fps: { ty: 'variant', hint: 'text' }, tag: { ty: 'variant', hint: 'text' } };
    return { diff: await core.schemaDiff(remote, draft), same: await core.schemaDiff(remote, JSON.stringify(remote)),
      broken: await core.schemaDiff('{"a": ', draft) };
  });
  assert.equal(result.diff.differs, true);
  const byKey = Object.fromEntries(result.diff.changes.map((c) => [c.key, c]));
  assert.equal(byKey.fps.kind, 'retyped');
  assert.equal(byKey.fps.refused, false);
  assert.equal(byKey.tag.refused, true, 'an enum cannot become a scalar');
  assert.equal(result.diff.post, null, 'a refused plan has nothing to POST');
  assert.ok(result.diff.summary.errors >= 1);
  assert.equal(result.same.differs, false);
  assert.deepEqual(result.same.changes, []);
  assert.equal(result.broken.differs, true);
  assert.equal(result.broken.diagnostics[0].code, 'json.truncated');
  assert.equal(result.broken.diagnostics[0].file, 'A');
  await context.close();
});

test('unsaved edits survive a reload through autosave', async () => {
  const { context, page } = await openApp(session.browser, session.server.url);
  await addKey(page, 'draft.only', 'text');
  await page.reload();
  await page.waitForFunction(() => window.eic !== undefined);
  const s = await waitState(page, (st) => st.schema.keys === 1);
  assert.equal(s.schema.dirty, true, 'still marked unsaved');
  assert.deepEqual(s.schema.wire['draft.only'], { ty: 'variant', hint: 'text' });
  assert.match(s.log.last, /Restored the draft/);
  await context.close();
});

test('a schema file dropped on the canvas or pasted opens as a draft', async () => {
  const { context, page } = await openApp(session.browser, session.server.url);
  await page.evaluate(() => {
    const dt = new DataTransfer();
    dt.items.add(new File([JSON.stringify({ dropped: { ty: 'variant', hint: 'uuid' } })], 'dropped.json', { type: 'application/json' }));
    window.eic.canvas.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
  });
  let s = await waitState(page, (st) => st.schema.keys === 1);
  assert.deepEqual(s.schema.wire.dropped, { ty: 'variant', hint: 'uuid' });
  assert.equal(s.schema.fileName, 'dropped.eic-schema.json');

  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.evaluate(() => navigator.clipboard.writeText(JSON.stringify({ pasted: { ty: 'geospatial' } })));
  await clickItem(page, 'History', { window: 'Schema' });  // focus the Schema panel (and close the popup)
  await page.keyboard.press('Escape');
  await page.keyboard.press('Control+V');
  s = await waitState(page, (st) => st.schema.wire.pasted !== undefined);
  assert.deepEqual(s.schema.wire, { pasted: { ty: 'geospatial' } });
  await context.close();
});

test('keyboard in the Schema panel: Ctrl+F goes to Filter keys, Ctrl+O opens the picker (asking first over unsaved changes)', async () => {
  const { context, page, errors } = await openApp(session.browser, session.server.url);
  await clickItem(page, 'Title', { window: 'Schema' });
  await page.keyboard.press('Escape');
  await waitState(page, (x) => x.wantTextInput === false);
  await page.keyboard.press('Control+F');
  await waitState(page, (x) => x.wantTextInput === true);
  await page.keyboard.type('weather');
  await page.keyboard.press('Escape');
  await waitState(page, (x) => x.wantTextInput === false);
  const [chooser] = await Promise.all([page.waitForEvent('filechooser', { timeout: 5000 }), page.keyboard.press('Control+O')]);
  await chooser.setFiles([]);
  // Over unsaved changes, Ctrl+O asks first, as Open… does.
  await page.evaluate(() => window.eic.openSchema('{"a.b": {"ty": "boolean"}}', 'dirty.json'));
  await waitState(page, (x) => x.schema.dirty);
  await clickItem(page, 'Title', { window: 'Schema' });
  await page.keyboard.press('Escape');
  await page.keyboard.press('Control+O');
  await waitState(page, (x) => x.popups.some((p) => p.includes('###open')));
  assert.deepEqual(errors, []);
  await context.close();
});

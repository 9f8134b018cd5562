// The Manifest panel in headless Chromium: open a manifest through the picker or by dropping it, see
// it validated against the Schema panel's schema, and the findings listed with their places.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { openApp, clickItem, findItem, waitState } from './helpers/browser.mjs';
import { useBrowser } from './helpers/session.mjs';
import fs from 'node:fs';
import { DEMO_KEY_PATH as ENCORD_KEY_PATH } from '../fakes/encord-standin/demo.mjs';
import { DEMO_KEY_PATH as GCS_KEY_PATH } from '../fakes/gcs-standin/demo.mjs';

const session = useBrowser();

const manifest = JSON.stringify({
  images: [
    { objectUrl: 'https://storage.cloud.google.com/my-bucket/a.jpg', title: 'a', clientMetadata: { fps: 30 } },
    { objectUrl: 'https://storage.cloud.google.com/my-bucket/b.jpg', title: 'b', clientMetadata: { fps: 'fast' } },
    { objectUrl: 'ftp://example.com/c.jpg', title: 'c' },
  ],
}, null, 2);

test('a picked manifest is validated against the schema and its findings are listed', async () => {
  const { context, page, errors } = await openApp(session.browser, session.server.url);
  await page.evaluate(() => window.eic.openSchema('{"fps": {"ty": "variant", "hint": "number"}}', 'remote.json'));
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), clickItem(page, 'Open manifest…', { window: 'Manifest' })]);
  await chooser.setFiles({ name: 'batch.json', mimeType: 'application/json', buffer: Buffer.from(manifest) });
  const s = await waitState(page, (st) => st.manifest && st.manifest.summary);
  assert.equal(s.manifest.fileName, 'batch.json');
  assert.equal(s.manifest.summary.items, 3);
  // fps "fast" is an error; the ftp: URL a warning (no source says Encord refuses other schemes)
  assert.equal(s.manifest.summary.errors, 1, JSON.stringify(s.manifest));
  assert.ok(s.manifest.summary.warnings >= 1, JSON.stringify(s.manifest));
  const codes = Object.keys(s.manifest.codes);
  assert.ok(codes.length >= 2, codes.join());
  await findItem(page, 'Validate', { window: 'Manifest' });
  await page.screenshot({ path: path.join(session.artifacts, 'manifest-findings.png') });
  assert.deepEqual(errors, []);

  // With an empty schema nothing checks fps: validating again drops that finding, not the URL's.
  await clickItem(page, 'New', { window: 'Schema' });
  await clickItem(page, 'Discard changes', { window: 'Discard changes?' });
  await waitState(page, (st) => st.schema.keys === 0);
  await clickItem(page, 'Validate', { window: 'Manifest' });
  const after = await waitState(page, (st) => st.manifest.summary.errors < s.manifest.summary.errors);
  assert.deepEqual(Object.keys(after.manifest.codes), ['manifest.url.scheme']);
  await context.close();
});

test('a manifest dropped on the canvas goes to the Manifest panel, a schema to the Schema panel', async () => {
  const { context, page } = await openApp(session.browser, session.server.url);
  await page.evaluate((m) => {
    const drop = (name, text) => {
      const dt = new DataTransfer();
      dt.items.add(new File([text], name));
      window.eic.canvas.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
    };
    drop('batch.csv', 'ObjectUrl,Image title\nhttps://storage.cloud.google.com/my-bucket/a.jpg,a\n');
    drop('schema.json', '{"fps": {"ty": "variant", "hint": "number"}}');
  }, manifest);
  const s = await waitState(page, (st) => st.manifest && st.manifest.summary && st.schema.keys === 1);
  assert.equal(s.manifest.fileName, 'batch.csv');
  assert.equal(s.manifest.summary.format, 'csv');
  assert.equal(s.manifest.summary.items, 1);
  await context.close();
});

test('a large manifest validates in steps: the canvas keeps drawing its progress, the promise waits for the findings', async () => {
  const { context, page, errors } = await openApp(session.browser, session.server.url);
  const n = 400000;
  // Not awaited: the test watches the app while the manifest opens.
  await page.evaluate((count) => {
    const items = [];
    for (let i = 0; i < count; i++) items.push(`{"objectUrl":"https://storage.cloud.google.com/my-bucket/img/${i}.jpg","title":"t${i}"}`);
    window.__opened = window.eic.openManifest('large.json', `{"images":[${items.join(',')}]}`);
  }, n);
  const during = await waitState(page, (st) => st.manifest && st.manifest.validating && st.manifest.progress > 0);
  const later = await waitState(page, (st) => !st.manifest.validating || st.frames >= during.frames + 3);
  if (later.manifest.validating) {
    assert.ok(later.frames >= during.frames + 3, 'frames are drawn while the file validates');
  }
  const m = await page.evaluate(() => window.__opened);
  assert.equal(m.validating, false, 'openManifest resolves once the findings are in');
  assert.equal(m.summary.items, n);
  assert.equal(m.summary.errors, 0);
  assert.equal(m.units, n);
  assert.deepEqual(errors, []);
  await context.close();
});

test('keyboard: F8 and Shift+F8 step through the findings, Ctrl+F goes to Search, Ctrl+O opens the picker', async () => {
  const { context, page, errors } = await openApp(session.browser, session.server.url);
  const text = JSON.stringify({ images: [
    { objectUrl: 7 }, { objectUrl: 'https://storage.cloud.google.com/my-bucket/ok.jpg', title: 'ok' },
    { objectUrl: 'ftp://example.com/c.jpg', title: 'c' }] });
  await page.evaluate((t) => window.eic.openManifest('keys.json', t), text);
  let st = await waitState(page, (x) => x.manifest?.summary && !x.manifest.validating, 15000);
  const { errors: e, warnings: w, infos: i } = st.manifest.summary;
  assert.ok(e + w + i >= 2, 'two findings or more to step through');
  await clickItem(page, 'Table', { window: 'Manifest' });  // the panel takes the keys

  const selected = async () => (await page.evaluate(() => window.eic.state())).manifest;
  await page.keyboard.press('F8');
  st = await waitState(page, (x) => x.manifest.selectedFinding);
  const first = st.manifest.selectedFinding;
  assert.equal(st.manifest.pane, 'table', 'F8 jumps to the finding\'s cell');
  assert.ok(st.manifest.selected, 'its row is selected');
  await page.keyboard.press('Shift+F8');
  await waitState(page, (x) => JSON.stringify(x.manifest.selectedFinding) !== JSON.stringify(first));
  const last = (await selected()).selectedFinding;
  await page.keyboard.press('F8');
  await waitState(page, (x) => JSON.stringify(x.manifest.selectedFinding) === JSON.stringify(first));
  assert.notDeepEqual(last, first, 'Shift+F8 from the first wrapped round to the last');

  // Ctrl+F: the Search field takes what is typed; the table shows the matching rows only.
  await page.keyboard.press('Control+F');
  await waitState(page, (x) => x.wantTextInput === true);
  await page.keyboard.type('ok.jpg');
  st = await waitState(page, (x) => x.manifest.rows === 1);
  await page.keyboard.press('Escape');

  // Ctrl+O: the manifest picker, once no text field takes the keys.
  await clickItem(page, 'Table', { window: 'Manifest' });
  await waitState(page, (x) => x.wantTextInput === false);
  // 15 s: under a loaded machine the frame that reads the shortcut can come late.
  const [chooser] = await Promise.all([page.waitForEvent('filechooser', { timeout: 15000 }), page.keyboard.press('Control+O')]);
  assert.equal(chooser.isMultiple(), false);
  await chooser.setFiles([]);
  assert.deepEqual(errors, []);
  await context.close();
});

test('key files dropped on the canvas go to the windows that take them, by their content', async () => {
  const { context, page, errors } = await openApp(session.browser, session.server.url);
  const keys = { encord: fs.readFileSync(ENCORD_KEY_PATH, 'utf8'), gcs: fs.readFileSync(GCS_KEY_PATH, 'utf8') };
  await page.evaluate((k) => {
    const drop = (name, text) => {
      const dt = new DataTransfer();
      dt.items.add(new File([text], name));
      window.eic.canvas.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
    };
    // Names that say nothing: the content decides.
    drop('download (1)', k.encord);
    drop('download (2).json', k.gcs);
  }, keys);
  const st = await waitState(page, (x) => x.encord.keyState === 'ready' && x.cloud.keyEmail !== '', 15000);
  assert.equal(st.encord.open, true, 'the Encord window opened');
  assert.equal(st.cloud.open, true, 'the Cloud window opened');
  assert.equal(st.cloud.keyEmail, JSON.parse(keys.gcs).client_email);
  assert.equal(st.schema.keys, 0, 'neither went to the Schema panel');
  assert.equal(st.manifest, null, 'nor to the Manifest panel');
  assert.deepEqual(errors, []);
  await context.close();
});

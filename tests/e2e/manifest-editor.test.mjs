// The manifest editor end to end, as a user works: open a manifest with known errors, read the
// counts, jump from a finding to its cell, fix one finding with its quick fix and another by editing
// the cell, undo and redo, export JSON and CSV, split into batches and read the batch files, and look
// at the embedding map. Screenshots of the table, the findings and the map go to build/test-artifacts.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import fs from 'node:fs';
import { unzipSync, strFromU8 } from 'fflate';
import { openApp, clickItem, findItem, waitState, framesPass } from './helpers/browser.mjs';
import { useBrowser } from './helpers/session.mjs';

const session = useBrowser();

const wire = JSON.stringify({
  fps: { ty: 'variant', hint: 'number' },
  split: { ty: 'enum', values: ['test', 'train', 'val'] },
  emb: { ty: 'embedding', size: 4, api: null },
});

// 2,500 images: three recommended batches. Exactly three errors: an enum typo (row 1), a string
// where a number belongs (row 2), a space in a URL (row 3).
function manifestText() {
  const images = [];
  for (let i = 0; i < 2500; i++) {
    images.push({
      objectUrl: `https://storage.cloud.google.com/my-bucket/frames/${i}.jpg`,
      title: `frame ${i}`,
      clientMetadata: {
        fps: 24 + (i % 7),
        split: ['train', 'val', 'test'][i % 3],
        emb: [Math.cos(i / 40) + (i % 3), Math.sin(i / 40), (i % 3) / 2, (i % 11) / 11],
      },
    });
  }
  images[0].clientMetadata.split = 'trian';
  images[1].clientMetadata.fps = 'fast';
  images[2].objectUrl = 'https://storage.cloud.google.com/my-bucket/frames/b c.jpg';
  return JSON.stringify({ images }, null, 2);
}

async function openManifest(page, name, text) {
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), clickItem(page, 'Open manifest…', { window: 'Manifest' })]);
  await chooser.setFiles({ name, mimeType: name.endsWith('.csv') ? 'text/csv' : 'application/json', buffer: Buffer.from(text) });
}

async function download(page, label) {
  const [dl] = await Promise.all([page.waitForEvent('download'), clickItem(page, label)]);
  const file = await dl.path();
  return { name: dl.suggestedFilename(), bytes: fs.readFileSync(file) };
}

// Opens a finding in the Findings view (its group is open while there are few groups): the entry
// whose text matches.
async function selectFinding(page, code, entry) {
  // After an edit the full pass follows a pause and re-numbers the places: let it settle first.
  await waitState(page, (st) => !st.manifest.stale && !st.manifest.validating, 10000);
  await clickItem(page, 'Findings', { window: 'Manifest' });
  await findItem(page, new RegExp(`^${code.replace(/\./g, '\\.')} \\(`), { window: 'Manifest' });
  await clickItem(page, entry, { window: 'Manifest' });
  return waitState(page, (st) => st.manifest.selectedFinding && st.manifest.selectedFinding.code === code);
}

test('find, jump, fix, edit, undo, export and split a manifest', async () => {
  const { context, page, errors } = await openApp(session.browser, session.server.url, { width: 1600, height: 1000 });
  await page.evaluate((w) => window.eic.openSchema(w, 'remote.json'), wire);
  await openManifest(page, 'frames.json', manifestText());
  let s = await waitState(page, (st) => st.manifest && st.manifest.summary && !st.manifest.validating, 20000);
  assert.equal(s.manifest.units, 2500);
  assert.equal(s.manifest.summary.errors, 3, JSON.stringify(s.manifest.codes));
  assert.equal(s.manifest.codes['manifest.metadata.enum'], 1);
  assert.equal(s.manifest.codes['manifest.metadata.type'], 1);
  assert.equal(s.manifest.codes['manifest.url.whitespace'], 1);
  await findItem(page, 'Bulk edit', { window: 'Manifest' });
  await page.screenshot({ path: path.join(session.artifacts, 'editor-table.png') });

  // The enum typo: its finding shows the source line, jumps to the row's "split" cell, and its
  // quick fix takes the closest option.
  s = await selectFinding(page, 'manifest.metadata.enum', /^item \d+, .*\d+:\d+ .*trian/);
  assert.ok(s.manifest.selectedFinding.line > 0);
  assert.ok(s.manifest.selectedFinding.excerpt >= 3, 'the source excerpt shows the line and its neighbours');
  assert.equal(s.manifest.selectedFinding.fix, 'Use "train"');
  await page.screenshot({ path: path.join(session.artifacts, 'editor-findings.png') });
  await clickItem(page, 'Jump to cell', { window: 'Manifest' });
  s = await waitState(page, (st) => st.manifest.pane === 'table' && st.manifest.selected);
  assert.equal(s.manifest.selected.unit, 0);
  assert.equal(s.manifest.selected.column, 'split');
  assert.equal(s.manifest.selected.cells.split, 'trian');
  await findItem(page, 'Bulk edit', { window: 'Manifest' });  // the table is on screen
  await clickItem(page, 'Fix: Use "train"', { window: 'Manifest' });
  s = await waitState(page, (st) => st.manifest.summary.errors === 2);
  assert.equal(s.manifest.codes['manifest.metadata.enum'], undefined);

  // The string fps: jump to its cell and type a number into the cell editor.
  await selectFinding(page, 'manifest.metadata.type', /^item \d+, .*\d+:\d+ .*fps/);
  await clickItem(page, 'Jump to cell', { window: 'Manifest' });
  s = await waitState(page, (st) => st.manifest.pane === 'table' && st.manifest.selected && st.manifest.selected.unit === 1);
  assert.equal(s.manifest.selected.column, 'fps');
  await findItem(page, 'Bulk edit', { window: 'Manifest' });
  await clickItem(page, 'Value', { window: 'Manifest' });
  await page.keyboard.press('Control+A');
  await page.keyboard.type('25');
  await page.keyboard.press('Enter');
  s = await waitState(page, (st) => st.manifest.summary.errors === 1);
  assert.equal(s.manifest.selected.cells.fps, '25');
  assert.equal(s.manifest.undoLabel, 'Edit fps');

  // Undo brings the error back; redo fixes it again.
  await clickItem(page, 'Undo', { window: 'Manifest' });
  await waitState(page, (st) => st.manifest.summary.errors === 2);
  await clickItem(page, 'Redo', { window: 'Manifest' });
  await waitState(page, (st) => st.manifest.summary.errors === 1);

  // The URL with a space: its quick fix percent-encodes it. No errors remain after the full pass.
  await selectFinding(page, 'manifest.url.whitespace', /^item \d+, .*\d+:\d+ .*whitespace/);
  await clickItem(page, 'Fix: Percent-encode the whitespace in the URL', { window: 'Manifest' });
  s = await waitState(page, (st) => st.manifest.summary.errors === 0 && !st.manifest.stale && !st.manifest.validating, 10000);
  assert.equal(s.manifest.summary.warnings, 0);

  // Export as pretty JSON: the fixes are in the file, everything else as it was.
  await clickItem(page, 'Export…', { window: 'Manifest' });
  const json = await download(page, 'Save as JSON (pretty)');
  assert.equal(json.name, 'frames.json');
  const exported = JSON.parse(json.bytes.toString('utf8'));
  assert.equal(exported.images.length, 2500);
  assert.equal(exported.images[0].clientMetadata.split, 'train');
  assert.equal(exported.images[1].clientMetadata.fps, 25);
  assert.equal(exported.images[2].objectUrl, 'https://storage.cloud.google.com/my-bucket/frames/b%20c.jpg');
  assert.deepEqual(exported.images[7], JSON.parse(manifestText()).images[7]);
  assert.ok(json.bytes.toString('utf8').startsWith('{\n  "images": [\n'));

  // Split at the recommended size: one zip of three batches that hold every image once.
  await clickItem(page, 'Split…', { window: 'Manifest' });
  const zip = await download(page, 'Split and download');
  assert.equal(zip.name, 'frames.batches.zip');
  const files = unzipSync(new Uint8Array(zip.bytes));
  const names = Object.keys(files).sort();
  assert.deepEqual(names, ['frames.part-001-of-003.json', 'frames.part-002-of-003.json', 'frames.part-003-of-003.json']);
  const parts = names.map((n) => JSON.parse(strFromU8(files[n])).images);
  assert.deepEqual(parts.map((p) => p.length), [1000, 1000, 500]);
  assert.equal(parts[2][499].objectUrl, exported.images[2499].objectUrl);

  // The embedding map projects every image and colours it by a key.
  await clickItem(page, 'Insight', { window: 'Manifest' });
  s = await waitState(page, (st) => st.manifest.insight.points === 2500, 15000);
  await framesPass(page);
  await page.screenshot({ path: path.join(session.artifacts, 'editor-embedding-map.png') });
  assert.deepEqual(errors, []);
  await context.close();
});

test('a CSV manifest in a second tab: fix a URL, export CSV', async () => {
  const { context, page, errors } = await openApp(session.browser, session.server.url, { width: 1400, height: 900 });
  await openManifest(page, 'first.json', JSON.stringify({ videos: [{ objectUrl: 'https://storage.cloud.google.com/my-bucket/v.mp4' }] }));
  await waitState(page, (st) => st.manifest && st.manifest.summary && !st.manifest.validating);
  const csv = 'ObjectUrl,Image title\nhttps://storage.cloud.google.com/my-bucket/a b.jpg,a\nhttps://storage.cloud.google.com/my-bucket/c.jpg,c\n';
  await openManifest(page, 'second.csv', csv);
  let s = await waitState(page, (st) => st.manifest.fileName === 'second.csv' && st.manifest.summary && !st.manifest.validating);
  assert.deepEqual(s.manifest.tabs, ['first.json', 'second.csv']);
  assert.equal(s.manifest.summary.format, 'csv');
  assert.equal(s.manifest.summary.errors, 1);
  await selectFinding(page, 'manifest.url.whitespace', /^item 1, row 1, ObjectUrl/);
  await clickItem(page, 'Fix: Percent-encode the whitespace in the URL', { window: 'Manifest' });
  s = await waitState(page, (st) => st.manifest.summary.errors === 0);
  assert.equal(s.manifest.dirty, true);
  await clickItem(page, 'Export…', { window: 'Manifest' });
  const out = await download(page, 'Save as CSV');
  assert.equal(out.name, 'second.csv');
  assert.equal(out.bytes.toString('utf8'),
    'ObjectUrl,Image title\nhttps://storage.cloud.google.com/my-bucket/a%20b.jpg,a\nhttps://storage.cloud.google.com/my-bucket/c.jpg,c\n');
  s = await waitState(page, (st) => st.manifest.dirty === false);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a manifest pasted into the Manifest panel opens in a new tab; Ctrl+Z undoes an edit there', async () => {
  const { context, page, errors } = await openApp(session.browser, session.server.url);
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.evaluate(() => navigator.clipboard.writeText('ObjectUrl,Video title\nhttps://storage.cloud.google.com/my-bucket/a b.mp4,a\n'));
  await clickItem(page, 'Strict client-only', { window: 'Manifest' });  // focus the panel
  await clickItem(page, 'Strict client-only', { window: 'Manifest' });  // and leave the option as it was
  await page.keyboard.press('Control+V');
  let s = await waitState(page, (st) => st.manifest && st.manifest.summary && !st.manifest.validating);
  assert.equal(s.manifest.fileName, 'pasted.csv');
  assert.equal(s.manifest.summary.errors, 1);
  await selectFinding(page, 'manifest.url.whitespace', /^item 1, row 1, ObjectUrl/);
  await clickItem(page, 'Fix: Percent-encode the whitespace in the URL', { window: 'Manifest' });
  await waitState(page, (st) => st.manifest.summary.errors === 0);
  await page.keyboard.press('Control+Z');
  s = await waitState(page, (st) => st.manifest.summary.errors === 1 && !st.manifest.canUndo);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a CSV of several data types opens as rows of each type and exports as one mixed CSV', async () => {
  const { context, page, errors } = await openApp(session.browser, session.server.url, { width: 1280, height: 800 });
  const base = 'https://storage.cloud.google.com/my-bucket';
  // Encord's GCP import guide: one CSV may combine data types; a row's type is the title column it fills.
  const csv = 'ObjectUrl,Image title,Video title,Image group title\n' +
    `${base}/a.jpg,a,,\n${base}/v.mp4,,v,\n${base}/g0.jpg,,,g\n${base}/g1.jpg,,,g\n${base}/both.jpg,x,y,\n`;
  await openManifest(page, 'mixed.csv', csv);
  let s = await waitState(page, (st) => st.manifest && st.manifest.fileName === 'mixed.csv' && st.manifest.summary && !st.manifest.validating);
  assert.equal(s.manifest.summary.format, 'csv');
  assert.equal(s.manifest.summary.errors, 0, JSON.stringify(s.manifest.codes));
  assert.equal(s.manifest.units, 3);  // an image, a video, a group of two; the row filling two titles is left out
  assert.deepEqual(s.manifest.codes, { 'csv.row.type-ambiguous': 1 });
  await selectFinding(page, 'csv.row.type-ambiguous', /row 5, Image title/);
  await page.screenshot({ path: path.join(session.artifacts, 'manifest-mixed-csv.png') });
  await clickItem(page, 'Export…', { window: 'Manifest' });
  const out = await download(page, 'Save as CSV');
  assert.equal(out.bytes.toString('utf8'),
    'ObjectUrl,Image title,Video title,Image group title\n' +
    `${base}/a.jpg,a,,\n${base}/v.mp4,,v,\n${base}/g0.jpg,,,g\n${base}/g1.jpg,,,g\n`);
  assert.deepEqual(errors, []);
  await context.close();
});

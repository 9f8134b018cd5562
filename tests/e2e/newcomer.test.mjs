// The canvas as a newcomer meets it, at 1280x800: every control of both panels on screen and whole,
// findings that filter, jump and explain themselves, dialogs that answer Enter and Escape, Save named
// after the draft's title, failures said where the user acted, and screenshots of both themes at
// 1280x800 and 1920x1080 in build/test-artifacts/.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { openApp, clickItem, findItem, waitState, framesPass } from './helpers/browser.mjs';
import { useBrowser } from './helpers/session.mjs';

const session = useBrowser();
const data = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'data', 'manifest');
const schemaText = fs.readFileSync(path.join(data, 'schema.json'), 'utf8');
const errorsText = fs.readFileSync(path.join(data, 'errors.json'), 'utf8');

// A schema with eight keys and the hand-written manifest with mistakes of every kind, validated.
async function openErrors(page) {
  await page.evaluate(([s, m]) => {
    window.eic.openSchema(s, 'schema.json');
    return window.eic.openManifest('errors.json', m);
  }, [schemaText, errorsText]);
  return waitState(page, (s) => s.manifest?.summary && !s.manifest.validating);
}

const items = (page) => page.evaluate(() => window.eic.debug.items());

// Finds a widget in a scrolled list, wheeling the list under `over` down until it shows.
async function scrollTo(page, label, over) {
  for (let i = 0; i < 40; i++) {
    // Whole in height (a long finding is cut at the list's right edge, and still clickable).
    const hit = (await items(page)).find((it) => it.window === 'Manifest' && label.test(it.label) && it.h >= it.fullH - 0.5);
    if (hit) return hit;
    await page.mouse.move(over.x + 20, over.y + over.h / 2);
    await page.mouse.wheel(0, 60);
    await framesPass(page, 2);
  }
  throw new Error(`${label} never scrolled into view`);
}

// Opens the Findings view, unfolds the group of `code` and selects its finding whose text matches.
async function selectFinding(page, code, text) {
  await clickItem(page, 'Findings', { window: 'Manifest' });
  await waitState(page, (s) => s.manifest.pane === 'findings');
  const header = new RegExp(`^${code.replace(/\./g, '\\.')} \\(`);
  const first = await findItem(page, /^[a-z]+\.[a-z.-]+ \(\d+\)$/, { window: 'Manifest' });
  if (!(await items(page)).some((it) => text.test(it.label))) {
    const h = await scrollTo(page, header, first);
    await page.mouse.move(h.x + 10, h.y + h.h / 2);
    await framesPass(page, 1);
    await page.mouse.click(h.x + 10, h.y + h.h / 2);
  }
  const f = await scrollTo(page, text, first);
  await page.mouse.move(f.x + f.w / 2, f.y + f.h / 2);
  await framesPass(page, 1);
  await page.mouse.click(f.x + f.w / 2, f.y + f.h / 2);
  return waitState(page, (s) => s.manifest.selectedFinding?.code === code);
}

// Every control named must be found in its panel, whole (not cut by the panel's edge) and inside the
// page. ImGui does not report an item it clips away entirely, so the test lists what it must find.
async function assertReachable(page, window, labels, { width = 1280, height = 800 } = {}) {
  await framesPass(page, 3);  // the clicks before are answered
  const all = await items(page);
  const problems = [];
  for (const label of labels) {
    const hits = all.filter((it) => (label instanceof RegExp ? label.test(it.label) : it.label === label) &&
      (it.window === window || it.window.startsWith(`${window} `)));
    if (hits.length === 0) { problems.push(`${label}: not on screen`); continue; }
    // A control repeated down a scrolled list may be cut at the list's edge; one must be whole.
    const whole = hits.filter((it) => !it.clipped);
    if (whole.length === 0) problems.push(`${label}: cut off at ${hits[0].x},${hits[0].y} ${hits[0].w}x${hits[0].h}`);
    for (const it of hits) {
      if (it.x < 0 || it.y < 0 || it.x + it.w > width || it.y + it.h > height) problems.push(`${label}: outside the page`);
    }
  }
  assert.deepEqual(problems, [], `${window} at ${width}x${height}`);
}

test('at 1280x800 every control of the Schema and Manifest panels is on screen and whole', async () => {
  const { context, page, errors } = await openApp(session.browser, session.server.url);
  await openErrors(page);
  await assertReachable(page, 'Schema', ['New', 'Open…', 'Save', 'Save as…', 'Export wire map', 'Undo', 'Redo',
    'History', 'Compare…', 'Title', 'Target', 'Filter keys', 'Type', 'Key name', 'Key type', 'Add key']);
  await assertReachable(page, 'Manifest', ['Open manifest…', 'New manifest', 'Open URL…', 'Strict client-only',
    'Plan', 'Validate', 'Undo', 'Redo', 'Export…', 'Split…', 'Infer schema', 'Table', 'Findings', 'Insight',
    'Type', 'Status', 'Search', 'in', 'Add row…', 'Row', 'Bulk edit']);
  // A row with findings and a fix: the editor's controls and each finding's Fix are reachable.
  await clickItem(page, '3', { window: 'Manifest' });  // item 3: the URL with a space, fixable
  await waitState(page, (s) => s.manifest.selected?.unit === 2);
  await assertReachable(page, 'Manifest', ['Delete row', 'Cell', 'Value', 'Apply', /^Fix: /, 'What is this?']);
  await clickItem(page, 'Bulk edit', { window: 'Manifest' });
  await assertReachable(page, 'Manifest', ['Set key', 'to value', 'Set on shown rows', 'Find', 'Replace with',
    'Replace in URLs', 'Encode whitespace in URLs']);
  await selectFinding(page, 'manifest.metadata.enum', /clientMetadata\.species/);
  await assertReachable(page, 'Manifest', ['Show rows', 'What is this?']);
  await assertReachable(page, 'Manifest', ['Jump to cell', 'Copy', 'What is this?']);
  assert.deepEqual(errors, []);
  await context.close();
});

test('Show rows on a finding group filters the table to its rows', async () => {
  const { context, page } = await openApp(session.browser, session.server.url);
  const s = await openErrors(page);
  await clickItem(page, 'Findings', { window: 'Manifest' });
  await waitState(page, (st) => st.manifest.pane === 'findings');
  // The group header's click area covered the button: the click must reach the button.
  const groups = (await items(page)).filter((it) => it.label === 'Show rows');
  assert.ok(groups.length >= 3, 'the groups have Show rows');
  const first = await findItem(page, /^[a-z]+\.[a-z.-]+ \(\d+\)$/, { window: 'Manifest' });
  const enumGroup = await scrollTo(page, /^manifest\.metadata\.enum \(/, first);
  const button = (await items(page)).find((b) => b.label === 'Show rows' && Math.abs(b.y - enumGroup.y) < 4);
  assert.ok(button, 'the enum group has its own Show rows');
  await page.mouse.move(button.x + button.w / 2, button.y + button.h / 2);
  await framesPass(page, 1);
  await page.mouse.click(button.x + button.w / 2, button.y + button.h / 2);
  const after = await waitState(page, (st) => st.manifest.codeFilter === 'manifest.metadata.enum');
  await waitState(page, (st) => st.manifest.pane === 'table' && st.manifest.rows === 1);
  assert.equal(after.manifest.units, s.manifest.units);
  await findItem(page, 'code: manifest.metadata.enum ×', { window: 'Manifest' });
  // The filter's own button clears it.
  await clickItem(page, 'code: manifest.metadata.enum ×', { window: 'Manifest' });
  await waitState(page, (st) => st.manifest.codeFilter === '' && st.manifest.rows === s.manifest.units);
  await context.close();
});

test('Jump to cell scrolls the table to the cell; clicking a cell opens the editor on its column', async () => {
  const { context, page } = await openApp(session.browser, session.server.url);
  await openErrors(page);
  // "where" is the schema's last key: its column is far right, off screen at 1280 px.
  await selectFinding(page, 'manifest.metadata.geo-range', /clientMetadata\.where/);
  await clickItem(page, 'Jump to cell', { window: 'Manifest' });
  // Visible: at least 90% of the cell (the last column's padding may sit under the scroll bar).
  const s = await waitState(page, (st) => st.manifest.pane === 'table' && st.manifest.selected?.cell?.visible >= 0.9);
  assert.equal(s.manifest.selected.column, 'where');
  assert.equal(s.manifest.selected.unit, 5);
  const cell = s.manifest.selected.cell;
  assert.ok(cell.x >= 640 && cell.x + cell.w <= 1280, `the cell is inside the Manifest panel: ${JSON.stringify(cell)}`);
  await page.screenshot({ path: path.join(session.artifacts, 'newcomer-jump.png') });

  // A click on another row's "where" cell selects that row and opens the editor on "where".
  const rows = (await items(page)).filter((it) => it.window === 'Manifest' && /^\d+$/.test(it.label) && it.label !== '6');
  assert.ok(rows.length > 0, 'other rows are in view');
  const row = rows[0];
  const header = await findItem(page, 'where', { window: 'Manifest' });  // the column header
  await page.mouse.move(header.x + 10, row.y + row.h / 2);
  await framesPass(page, 1);
  await page.mouse.click(header.x + 10, row.y + row.h / 2);
  const picked = await waitState(page, (st) => st.manifest.selected?.unit === Number(row.label) - 1);
  assert.equal(picked.manifest.selected.column, 'where');
  await context.close();
});

test('Save names the file after the title; Save as takes Enter; Escape closes every dialog', async () => {
  const { context, page } = await openApp(session.browser, session.server.url);
  // Enter in Key name adds the key and leaves the field ready for the next one.
  await clickItem(page, 'Key name', { window: 'Schema' });
  await page.keyboard.type('team.fps');
  await page.keyboard.press('Enter');
  await waitState(page, (s) => s.schema.keys === 1);
  await framesPass(page, 3);  // the field takes the focus back in the frames after the Enter
  assert.equal((await page.evaluate(() => window.eic.state())).wantTextInput, true, 'the name field has the focus');
  await page.keyboard.type('team.camera');
  await page.keyboard.press('Enter');
  const added = await waitState(page, (s) => s.schema.keys === 2);
  assert.deepEqual(Object.keys(added.schema.wire).sort(), ['team.camera', 'team.fps']);

  await clickItem(page, 'Title', { window: 'Schema' });
  await page.keyboard.press('Control+A');
  await page.keyboard.type('Acme videos');
  await page.keyboard.press('Tab');
  await waitState(page, (s) => s.schema.title === 'Acme videos');
  const [download] = await Promise.all([page.waitForEvent('download'), clickItem(page, 'Save', { window: 'Schema' })]);
  assert.equal(download.suggestedFilename(), 'Acme videos.eic-schema.json');

  // Save as: the field has the focus, Enter saves under the name typed.
  await clickItem(page, 'Save as…', { window: 'Schema' });
  await waitState(page, (s) => s.popups.some((p) => p.startsWith('Save as')) && s.wantTextInput);
  await page.keyboard.press('Control+A');
  await page.keyboard.type('acme-v2.eic-schema.json');
  const [second] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
  assert.equal(second.suggestedFilename(), 'acme-v2.eic-schema.json');
  await waitState(page, (s) => s.popups.length === 0 && s.schema.fileName === 'acme-v2.eic-schema.json');

  // Escape closes the dialogs: Save as, and the hard delete, which opens centred in the page.
  await clickItem(page, 'Save as…', { window: 'Schema' });
  await waitState(page, (s) => s.popups.length === 1);
  await page.keyboard.press('Escape');
  await waitState(page, (s) => s.popups.length === 0);
  await clickItem(page, 'fps', { window: 'Schema' });  // the key's row, under its namespace "team"
  await clickItem(page, 'Delete permanently…');
  await waitState(page, (s) => s.popups.some((p) => p.startsWith('Delete permanently?')));
  const confirm = await findItem(page, 'Delete permanently', { window: 'Delete permanently?' });
  assert.ok(confirm.y > 250 && confirm.y < 550, `the dialog is centred, not pinned to the top: y=${confirm.y}`);
  await page.screenshot({ path: path.join(session.artifacts, 'newcomer-hard-delete.png') });
  await page.keyboard.press('Escape');
  await waitState(page, (s) => s.popups.length === 0);
  assert.equal((await page.evaluate(() => window.eic.state())).schema.keys, 2, 'Escape deleted nothing');
  await context.close();
});

test('exports ask when errors remain, refusals name their items, and failures stay on screen', async () => {
  // A fetch the policy refuses on purpose (https://example.invalid), whose failure must stay on screen.
  const { context, page } = await openApp(session.browser, session.server.url,
    { expectViolations: (v) => v.directive === 'connect-src' && v.blocked.startsWith('https://example.invalid/') });
  await openErrors(page);
  await clickItem(page, 'Export…', { window: 'Manifest' });
  await clickItem(page, 'Save as JSON (pretty)');
  let s = await waitState(page, (st) => st.popups.some((p) => p.startsWith('Export anyway?')));
  await findItem(page, 'Export anyway', { window: 'Export anyway?' });
  await page.screenshot({ path: path.join(session.artifacts, 'newcomer-export-errors.png') });
  await page.keyboard.press('Escape');
  await waitState(page, (st) => st.popups.length === 0);
  await clickItem(page, 'Export…', { window: 'Manifest' });
  await clickItem(page, 'Save as JSON (pretty)');
  await waitState(page, (st) => st.popups.some((p) => p.startsWith('Export anyway?')));
  const [download] = await Promise.all([page.waitForEvent('download'), clickItem(page, 'Export anyway')]);
  assert.equal(download.suggestedFilename(), 'errors.json');

  // CSV cannot hold clientMetadata: refused, with the items named, in a notice that stays.
  await clickItem(page, 'Export…', { window: 'Manifest' });
  await clickItem(page, 'Save as CSV');
  s = await waitState(page, (st) => st.notices.length === 1);
  assert.equal(s.notices[0].level, 'error');
  assert.match(s.notices[0].message, /^CSV export of errors\.json refused/);
  assert.match(s.notices[0].message, /item 6: this item has clientMetadata/);
  await framesPass(page, 30);
  assert.equal((await page.evaluate(() => window.eic.state())).notices.length, 1, 'the notice stays until read');
  await page.screenshot({ path: path.join(session.artifacts, 'newcomer-notice.png') });
  await clickItem(page, 'Dismiss', { window: 'Notices' });
  await waitState(page, (st) => st.notices.length === 0);
  assert.match((await page.evaluate(() => window.eic.state())).log.last, /^CSV export of errors\.json refused/);

  // A fetch the page's policy blocks is said on screen too.
  await clickItem(page, 'Open URL…', { window: 'Manifest' });
  await clickItem(page, 'URL');
  await page.keyboard.type('https://example.invalid/m.json');
  await clickItem(page, 'Fetch');
  s = await waitState(page, (st) => st.notices.length === 1, 15000);
  assert.match(s.notices[0].message, /example\.invalid/);
  await context.close();
});

test('Help lists the shortcuts and explains a finding code; findings copy as text', async () => {
  const { context, page } = await openApp(session.browser, session.server.url);
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await openErrors(page);
  await clickItem(page, 'Help');
  await clickItem(page, 'Keyboard shortcuts');
  await waitState(page, (s) => s.help.shortcuts);
  await findItem(page, 'Keyboard shortcuts', { window: 'Keyboard shortcuts' });
  await page.screenshot({ path: path.join(session.artifacts, 'newcomer-shortcuts.png') });
  await clickItem(page, 'Help');
  await clickItem(page, 'Keyboard shortcuts');  // closes it again
  await waitState(page, (s) => !s.help.shortcuts);
  await selectFinding(page, 'manifest.metadata.enum', /clientMetadata\.species/);
  await page.keyboard.press('Control+C');
  await framesPass(page, 3);
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  assert.match(copied, /^manifest\.metadata\.enum {2}item 6, clientMetadata\.species, \d+:\d+ {2}\S/);

  const help = (await items(page)).filter((it) => it.label === 'What is this?' && it.window === 'Manifest').pop();
  await page.mouse.move(help.x + help.w / 2, help.y + help.h / 2);
  await framesPass(page, 1);
  await page.mouse.click(help.x + help.w / 2, help.y + help.h / 2);
  const s = await waitState(page, (st) => st.help.codes && st.help.code === 'manifest.metadata.enum');
  assert.ok(s.help.code);
  await findItem(page, 'manifest.metadata.enum', { window: 'Finding codes' });
  await page.screenshot({ path: path.join(session.artifacts, 'newcomer-codes.png') });
  await context.close();
});

test('two tabs of one file name are told apart; a new manifest has a plain name', async () => {
  const { context, page } = await openApp(session.browser, session.server.url);
  await page.evaluate(async () => {
    await window.eic.openManifest('batch.json', '{"images":[]}');
    await window.eic.openManifest('batch.json', '{"videos":[]}');
  });
  await clickItem(page, 'New manifest', { window: 'Manifest' });
  const s = await waitState(page, (st) => st.manifest.tabs.length === 3);
  assert.deepEqual(s.manifest.tabLabels, ['batch.json', 'batch.json (2)', 'manifest.json']);
  await findItem(page, 'batch.json (2)', { window: 'Manifest' });
  await context.close();
});

// Screenshots a person looks at: both themes, both sizes, the table with a row selected and the findings.
for (const [width, height] of [[1280, 800], [1920, 1080]]) {
  for (const colorScheme of ['dark', 'light']) {
    test(`screenshots at ${width}x${height}, ${colorScheme}`, async () => {
      const { context, page, errors } = await openApp(session.browser, session.server.url, { width, height, colorScheme });
      await openErrors(page);
      await clickItem(page, '3', { window: 'Manifest' });
      await waitState(page, (s) => s.manifest.selected?.unit === 2);
      await page.screenshot({ path: path.join(session.artifacts, `newcomer-table-${width}x${height}-${colorScheme}.png`) });
      await selectFinding(page, 'manifest.metadata.enum', /clientMetadata\.species/);
      await page.screenshot({ path: path.join(session.artifacts, `newcomer-findings-${width}x${height}-${colorScheme}.png`) });
      assert.deepEqual(errors, []);
      await context.close();
    });
  }
}

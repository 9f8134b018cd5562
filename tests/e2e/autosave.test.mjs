// The open manifests come back after a reload (core/app/manifest_autosave.hpp, web/idb-records.js): a
// clean JSON file as opened, and an edited CSV file with its edit (as JSON), the one in front in front
// again, and both validated again.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { openApp, clickItem, findItem, waitState } from './helpers/browser.mjs';
import { useBrowser } from './helpers/session.mjs';

const session = useBrowser();

const clean = JSON.stringify({ images: [{ objectUrl: 'https://storage.cloud.google.com/my-bucket/clean.jpg', title: 'clean' }] });
const csv = 'ObjectUrl,Image title\n' +
  'https://storage.cloud.google.com/my-bucket/one.jpg,one\n' +
  'https://storage.cloud.google.com/my-bucket/t wo.jpg,two\n';

test('open manifests and an edit come back after a reload, the front tab in front, validated again', async () => {
  const { context, page, errors } = await openApp(session.browser, session.server.url);
  await page.evaluate((t) => window.eic.openManifest('clean.json', t), clean);
  await page.evaluate((t) => window.eic.openManifest('m.csv', t), csv);
  let st = await waitState(page, (x) => x.manifest?.fileName === 'm.csv' && !x.manifest.validating, 15000);
  assert.equal(st.manifest.codes['manifest.url.whitespace'], 1, JSON.stringify(st.manifest.codes));
  const errorsBefore = st.manifest.summary.errors;

  // The quick fix of the space in the URL: an edit the autosave must keep.
  await clickItem(page, 'Findings', { window: 'Manifest' });
  await findItem(page, /^manifest\.url\.whitespace \(/, { window: 'Manifest' });
  await clickItem(page, /^item 2, row 2, ObjectUrl/, { window: 'Manifest' });
  st = await waitState(page, (x) => x.manifest.selectedFinding?.code === 'manifest.url.whitespace');
  const fix = st.manifest.selectedFinding.fix;
  assert.ok(fix, 'the finding has a quick fix');
  await clickItem(page, `Fix: ${fix}`, { window: 'Manifest' });
  st = await waitState(page, (x) => x.manifest.summary?.errors === errorsBefore - 1 && !x.manifest.stale && !x.manifest.validating, 15000);
  assert.equal(st.manifest.dirty, true);
  // The autosave writes once the tabs are quiet for half a second.
  await page.waitForTimeout(1500);

  await page.reload();
  await page.waitForFunction(() => window.eic !== undefined, null, { timeout: 30000 });
  st = await waitState(page, (x) => x.manifest?.tabs?.length === 2 && !x.manifest.validating, 20000);
  assert.deepEqual(st.manifest.tabs, ['clean.json', 'm.json'], 'the edited CSV file comes back as JSON');
  assert.equal(st.manifest.active, 1, 'the tab in front is in front again');
  assert.equal(st.manifest.units, 2);
  assert.equal(st.manifest.summary.errors, errorsBefore - 1, 'the edit came back, and was validated again');
  assert.equal(st.manifest.codes['manifest.url.whitespace'], undefined);
  assert.equal(st.manifest.dirty, true, 'its edit was never exported: closing it still asks');
  assert.match(st.log.last, /Restored 2 manifests|Validated/);
  await page.screenshot({ path: path.join(session.artifacts, 'autosave-restored.png') });
  assert.deepEqual(errors, []);
  await context.close();
});

test('a schema draft the page\'s storage refuses (its quota full) is said on screen, once', async () => {
  const { context, page, errors } = await openApp(session.browser, session.server.url);
  // Fill localStorage to its quota, as other pages of the origin might have.
  const filled = await page.evaluate(() => {
    let size = 1 << 20, n = 0;
    while (size >= 1) {
      try { localStorage.setItem(`junk.${n++}`, 'x'.repeat(size)); } catch { size >>= 1; }
    }
    return n;
  });
  assert.ok(filled > 1);
  await page.evaluate(() => window.eic.openSchema('{"scene.weather": {"ty": "enum", "values": ["sun"]}}', 'full.json'));
  const st = await waitState(page, (x) => x.notices.some((n) => /schema draft could not be autosaved/.test(n.message)));
  const notice = st.notices.find((n) => /schema draft could not be autosaved/.test(n.message));
  assert.equal(notice.level, 'error');
  assert.match(notice.message, /quota|exceeded/i, 'the browser\'s reason is given');
  assert.match(notice.message, /Save it to a file/);
  // Further failures for the same reason add nothing.
  await page.evaluate(() => window.eic.openSchema('{"qa.score": {"ty": "number"}}', 'full2.json'));
  await page.waitForTimeout(300);
  const again = await page.evaluate(() => window.eic.state().notices.filter((n) => /could not be autosaved/.test(n.message)));
  assert.equal(again.length, 1);
  await page.evaluate(() => localStorage.clear());
  assert.deepEqual(errors, []);
  await context.close();
});

test('the Cloud window\'s settings come back after a reload, and hold no secret', async () => {
  const { context, page, errors } = await openApp(session.browser, session.server.url);
  await page.evaluate(() => window.eic.showPanel('cloud'));
  await clickItem(page, 'Endpoint', { window: 'Cloud' });
  await page.keyboard.type('http://127.0.0.1:9');
  await waitState(page, (x) => x.cloud.fields.endpoint === 'http://127.0.0.1:9', 10000);
  await page.keyboard.press('Tab');
  // Written once the fields are quiet for half a second.
  await page.waitForFunction(() => (localStorage.getItem('eic.autosave.cloud') || '').includes('127.0.0.1'), null, { timeout: 5000 });
  const record = await page.evaluate(() => JSON.parse(JSON.parse(localStorage.getItem('eic.autosave.cloud')).text));
  assert.deepEqual(record, { endpoint: 'http://127.0.0.1:9' });

  await page.reload();
  await page.waitForFunction(() => window.eic !== undefined, null, { timeout: 30000 });
  const st = await page.evaluate(() => window.eic.state());
  assert.equal(st.cloud.fields.endpoint, 'http://127.0.0.1:9', 'the endpoint is back');
  assert.deepEqual(errors, []);
  await context.close();
});

test('saved Cloud settings that cannot be read are said on screen, and the window starts empty', async () => {
  const { context, page, errors } = await openApp(session.browser, session.server.url);
  await page.evaluate(() => localStorage.setItem('eic.autosave.cloud', JSON.stringify({ name: '', text: '[1]', dirty: false })));
  await page.reload();
  await page.waitForFunction(() => window.eic !== undefined, null, { timeout: 30000 });
  const st = await waitState(page, (x) => x.notices.some((n) => /Cloud window's settings saved before/.test(n.message)));
  assert.equal(st.notices[0].message, 'The Cloud window\'s settings saved before could not be read back (the saved Cloud settings are not a JSON object)');
  assert.equal(st.cloud.fields.endpoint, '');
  assert.deepEqual(errors, []);
  await context.close();
});

test('a tab closed in the middle of a run of edits comes back with its work at most a second old', async () => {
  const { context, page, errors } = await openApp(session.browser, session.server.url);
  await page.evaluate((t) => window.eic.openManifest('edits.json', t),
    JSON.stringify({ images: [{ objectUrl: 'https://storage.cloud.google.com/my-bucket/a.jpg', title: 't0' }] }));
  await waitState(page, (x) => x.manifest?.tabs?.length === 1 && !x.manifest.validating, 15000);
  await clickItem(page, '1', { window: 'Manifest' });
  await waitState(page, (x) => x.manifest.selected?.row === 0);
  // Edits with no pause of half a second between them: the autosave's pause alone would never write.
  const appliedAt = [Date.now()];
  for (let i = 1; Date.now() - appliedAt[0] < 4000; ++i) {
    await clickItem(page, 'Value', { window: 'Manifest' });
    await page.keyboard.press('Control+A');
    await page.keyboard.type(`t${i}`);
    await page.keyboard.press('Enter');
    await waitState(page, (x) => x.manifest.selected?.cells?.Title === `t${i}`);
    appliedAt.push(Date.now());
  }
  const closedAt = Date.now();
  if (process.env.EIC_DEBUG) console.log(appliedAt.map((t, i) => (i ? t - appliedAt[i - 1] : 0)).join(' '));
  await page.close();

  const again = await context.newPage();
  await again.goto(session.server.url);
  await again.waitForFunction(() => window.eic !== undefined, null, { timeout: 30000 });
  const st = await waitState(again, (x) => x.manifest?.tabs?.length === 1 && !x.manifest.validating && x.manifest.units === 1, 20000);
  await clickItem(again, '1', { window: 'Manifest' });
  const title = (await waitState(again, (x) => x.manifest.selected?.row === 0)).manifest.selected.cells.Title;
  const k = Number(title.slice(1));
  assert.ok(Number.isInteger(k) && k > 0, `an edit came back (${title})`);
  // What came back was the manifest as it stood until the next edit: that one came less than a second
  // before the tab closed (or it is the last edit itself).
  const supersededAt = k + 1 < appliedAt.length ? appliedAt[k + 1] : closedAt;
  assert.ok(closedAt - supersededAt < 1000, `t${k} of t${appliedAt.length - 1} came back: ${closedAt - supersededAt} ms old`);
  assert.equal(st.manifest.dirty, true);
  assert.deepEqual(errors, []);
  await context.close();
});

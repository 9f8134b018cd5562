// Sharing a schema draft as a link (app/share_link.hpp, web/share-link.js): Copy link in the Schema panel
// puts a link on the clipboard; opening it in a fresh browser loads the same draft, and the fragment
// goes; over unsaved changes the app asks first; a damaged link and a draft too large for a link are
// said on screen, and nothing the user has is replaced.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { openApp, clickItem, waitState } from './helpers/browser.mjs';
import { useBrowser } from './helpers/session.mjs';

const session = useBrowser();
const wire = {
  'scene.weather': { ty: 'enum', values: ['sun', 'rain', 'snow'] },
  'qa.score': { ty: 'number' },
  'capture.where': { ty: 'geospatial' },
};
const notice = (page, re) => waitState(page, (x) => x.notices.some((n) => re.test(n.message)))
  .then((s) => s.notices.find((n) => re.test(n.message)));

test('Copy link puts the draft in a link; opening it elsewhere loads the same draft', async () => {
  const first = await openApp(session.browser, session.server.url);
  await first.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(session.server.url).origin });
  await first.page.evaluate((t) => window.eic.openSchema(t, 'shared.json'), JSON.stringify(wire));
  const { fileName, wire: shared } = (await first.page.evaluate(() => window.eic.state())).schema;
  await clickItem(first.page, 'Copy link', { window: 'Schema' });
  const copied = await notice(first.page, /^Copied a link to /);
  const link = await first.page.evaluate(() => navigator.clipboard.readText());
  assert.ok(link.startsWith(`${session.server.url}#schema=`), link.slice(0, 80));
  assert.equal(copied.message, `Copied a link to ${fileName} (${link.length} characters): opening it in eic loads the draft.`);
  assert.equal(copied.level, 'info');
  assert.deepEqual(first.errors, []);
  await first.context.close();

  // A fresh browser context: no autosave, nothing but the link.
  const second = await openApp(session.browser, link);
  const st = await waitState(second.page, (x) => x.schema.fileName === fileName);
  assert.deepEqual(st.schema.wire, shared);
  assert.equal(await second.page.evaluate(() => location.hash), '', 'the fragment is gone: a reload does not open it again');
  await second.page.screenshot({ path: path.join(session.artifacts, 'share-link-opened.png') });

  // Over unsaved changes the app asks; Cancel keeps the draft, the other button replaces it.
  await second.page.evaluate(() => window.eic.openSchema('{"mine.only": {"ty": "boolean"}}', 'mine.json'));
  const mine = (await second.page.evaluate(() => window.eic.state())).schema;
  assert.equal(mine.dirty, true);
  await second.page.evaluate((l) => window.eic.openSharedLink(l), link);
  await waitState(second.page, (x) => x.popups.some((p) => p.includes('###shared')));
  await clickItem(second.page, 'Cancel');
  let now = await waitState(second.page, (x) => x.popups.length === 0);
  assert.deepEqual(now.schema.wire, mine.wire, 'Cancel kept the unsaved draft');
  await second.page.evaluate((l) => window.eic.openSharedLink(l), link);
  await waitState(second.page, (x) => x.popups.some((p) => p.includes('###shared')));
  await clickItem(second.page, 'Open the shared draft');
  now = await waitState(second.page, (x) => x.popups.length === 0 && x.schema.fileName === fileName);
  assert.deepEqual(now.schema.wire, shared);
  assert.deepEqual(second.errors, []);
  await second.context.close();
});

test('a damaged link and a draft too large for a link are said on screen, and nothing is replaced', async () => {
  const { context, page, errors } = await openApp(session.browser, session.server.url);
  await page.evaluate((t) => window.eic.openSchema(t, 'kept.json'), JSON.stringify(wire));
  const before = (await page.evaluate(() => window.eic.state())).schema;

  assert.equal(await page.evaluate(() => window.eic.openSharedLink('#schema=AAAA-not-deflate&name=x.json')), null);
  let n = await notice(page, /^The shared link could not be read/);
  assert.equal(n.level, 'error');
  assert.match(n.message, /damaged .*cut short/);
  assert.equal(await page.evaluate(() => window.eic.openSharedLink(`#schema=${'A'.repeat(9000)}`)), null);
  n = await notice(page, /up to 8192/);
  assert.match(n.message, /^The shared link could not be read: the link is \d+ characters long/);
  assert.deepEqual((await page.evaluate(() => window.eic.state())).schema.wire, before.wire, 'the draft is untouched');

  // Keys with names that do not compress: the link would be far over the limit.
  const big = {};
  let seed = 7;
  for (let i = 0; i < 900; ++i) {
    seed = (seed * 48271) % 2147483647;
    big[`k${seed.toString(36)}.v${(seed * 31 % 99991).toString(36)}`] = { ty: 'number' };
  }
  await page.evaluate((t) => window.eic.openSchema(t, 'big.json'), JSON.stringify(big));
  await clickItem(page, 'Copy link', { window: 'Schema' });
  n = await notice(page, /too large to share as a link/);
  assert.equal(n.level, 'warning');
  assert.match(n.message, /: \d+ characters compressed, over the 8192 a link may have\. Share it as a file \(Save\)\.$/);
  assert.deepEqual(errors, []);
  await context.close();
});

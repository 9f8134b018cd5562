// Touch on the canvas (web/canvas-input.js): a finger that moves scrolls what is under it, the content
// following the finger; a finger that lifts without moving is a click. Touches are sent as the browser
// gets them from a touch screen (CDP Input.dispatchTouchEvent), in a context with touch.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findItem, waitState, watchPolicy } from './helpers/browser.mjs';
import { useBrowser } from './helpers/session.mjs';

const session = useBrowser();
const rows = JSON.stringify({ images: Array.from({ length: 300 }, (_, i) => ({
  objectUrl: `https://storage.cloud.google.com/my-bucket/img-${i}.jpg`, title: `image ${i}` })) });

test('a finger drag scrolls the manifest table with the finger; a tap clicks', async () => {
  const context = await session.browser.newContext({ viewport: { width: 1280, height: 800 }, hasTouch: true });
  await watchPolicy(context);
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (err) => errors.push(String(err)));
  await page.goto(session.server.url);
  await page.waitForFunction(() => window.eic !== undefined, null, { timeout: 30000 });
  await page.evaluate((t) => window.eic.openManifest('touch.json', t), rows);
  await waitState(page, (x) => x.manifest?.summary && !x.manifest.validating, 15000);

  const cdp = await context.newCDPSession(page);
  const touch = (type, x, y) => cdp.send('Input.dispatchTouchEvent', { type, touchPoints: type === 'touchEnd' ? [] : [{ x, y }] });
  const labels = async () => (await page.evaluate(() => window.eic.debug.items()))
    .filter((it) => it.window === 'Manifest' && /^\d+$/.test(it.label)).map((it) => Number(it.label));
  assert.ok((await labels()).includes(1));
  const row5 = await findItem(page, '5', { window: 'Manifest' });
  const x = row5.x + 4, y = row5.y + row5.h / 2;
  // Drag up by 100 px in steps, as a finger moves: about five rows.
  await touch('touchStart', x, y);
  for (let d = 10; d <= 100; d += 10) await touch('touchMove', x, y - d);
  await touch('touchEnd');
  await page.waitForFunction(() => !window.eic.debug.items().some((it) => it.window === 'Manifest' && it.label === '1'), null, { timeout: 5000 });
  const shown = await labels();
  assert.ok(Math.min(...shown) >= 3 && Math.max(...shown) >= 12, `the table scrolled with the finger: rows ${shown.join(', ')}`);
  assert.equal((await page.evaluate(() => window.eic.state())).manifest.selected, undefined, 'the drag selected no row');

  // A tap on the Findings tab opens it.
  const tab = await findItem(page, 'Findings', { window: 'Manifest' });
  await touch('touchStart', tab.x + tab.w / 2, tab.y + tab.h / 2);
  await touch('touchEnd');
  await waitState(page, (s) => s.manifest.pane === 'findings');
  assert.deepEqual(errors, []);
  await context.close();
});

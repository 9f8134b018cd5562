// The app shell in headless Chromium: it loads without console errors, its panels are laid out, real
// widgets found through debug.items() respond to clicks and typing, and it stays crisp at any DPR.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import fs from 'node:fs';
import { openApp, clickItem, findItem, waitState, framesPass } from './helpers/browser.mjs';
import { useBrowser } from './helpers/session.mjs';

const session = useBrowser();
// The version has one source, CMake's project(); the build writes it into build/web/package.json.
const version = JSON.parse(fs.readFileSync(path.join(session.artifacts, '..', 'web', 'package.json'), 'utf8')).version;
const cmakeVersion = fs.readFileSync(path.join(session.artifacts, '..', '..', 'CMakeLists.txt'), 'utf8').match(/project\(eic VERSION ([0-9.]+)/)[1];

test('the page loads, lays out three panels and logs no console error', async () => {
  const { context, page, errors } = await openApp(session.browser, session.server.url);
  const s = await page.evaluate(() => window.eic.state());
  assert.equal(typeof s.frameMs, 'number');
  assert.ok(s.frameMs > 0, 'the frame build is timed');  // speed is scripts/bench's, not a test's
  const later = await framesPass(page, 3);
  assert.ok(later.frames >= s.frames + 3, 'the canvas keeps drawing frames');
  for (const name of ['Schema', 'Manifest', 'Log']) assert.equal(s.panels[name].open, true, name);
  assert.deepEqual(s.display, { width: 1280, height: 800, dpr: 1 });
  const schema = await findItem(page, /^Schema — /, { window: 'Schema' });
  const manifest = await findItem(page, 'Manifest', { window: 'Manifest' });
  const log = await findItem(page, 'Log', { window: 'Log' });
  assert.ok(schema.x < manifest.x, 'Schema is left of Manifest');
  assert.ok(log.y > schema.y + 100, 'Log is below');
  await page.evaluate(() => window.eic.log('info', 'Схема: Ελληνικά, café, naïve'));
  await framesPass(page);
  await page.screenshot({ path: path.join(session.artifacts, 'shell-1280x800.png') });
  assert.deepEqual(errors, []);
  await context.close();
});

test('clicking View > Log closes and reopens the Log panel', async () => {
  const { context, page, errors } = await openApp(session.browser, session.server.url);
  await clickItem(page, 'View');
  await clickItem(page, 'Log', { window: '##Menu_00' });
  let s = await waitState(page, (s) => !s.panels.Log.open);
  assert.equal(s.panels.Schema.open, true);
  await assert.rejects(findItem(page, 'Copy', { timeout: 300 }), /no widget labelled "Copy"/);
  await clickItem(page, 'View');
  await clickItem(page, 'Log', { window: '##Menu_00' });
  s = await waitState(page, (s) => s.panels.Log.open);
  await findItem(page, 'Copy', { window: 'Log' });
  assert.deepEqual(errors, []);
  await context.close();
});

test('the theme follows the system and can be switched from the menu', async () => {
  const { context, page } = await openApp(session.browser, session.server.url, { colorScheme: 'light' });
  let s = await page.evaluate(() => window.eic.state());
  assert.equal(s.theme, 'light');
  assert.equal(s.themePreference, 'system');
  await clickItem(page, 'View');
  await clickItem(page, 'Theme');
  await clickItem(page, 'Dark');
  s = await waitState(page, (s) => s.theme === 'dark');
  assert.equal(s.themePreference, 'dark');
  await context.close();
});

test('typing into the log filter reaches the text field', async () => {
  const { context, page } = await openApp(session.browser, session.server.url);
  const items = await page.evaluate(() => window.eic.debug.items());
  assert.ok(items.every((it) => it.label !== '' && !it.label.includes('##')), 'labels carry no ## suffix');
  await clickItem(page, 'Filter', { window: 'Log' });
  await page.keyboard.type('café');
  const s = await waitState(page, (s) => s.log.filter === 'café');
  assert.equal(s.wantTextInput, true);
  await context.close();
});

test('dragging a panel hands it to the user; Reset layout tiles it again', async () => {
  const { context, page } = await openApp(session.browser, session.server.url);
  const title = await findItem(page, 'Manifest', { window: 'Manifest' });
  await page.mouse.move(title.x + 200, title.y + 8);
  await page.mouse.down();
  await page.mouse.move(title.x + 120, title.y + 90, { steps: 8 });
  await page.mouse.up();
  let s = await waitState(page, (s) => s.panels.Manifest.userPlaced);
  assert.equal(s.panels.Schema.userPlaced, false);
  await clickItem(page, 'View');
  await clickItem(page, 'Reset layout');
  s = await waitState(page, (s) => !s.panels.Manifest.userPlaced);
  const moved = await findItem(page, 'Manifest', { window: 'Manifest' });
  assert.equal(moved.x, title.x);
  assert.equal(moved.y, title.y);
  await context.close();
});

test('the canvas follows the page size', async () => {
  const { context, page } = await openApp(session.browser, session.server.url);
  await page.setViewportSize({ width: 700, height: 600 });
  const s = await waitState(page, (s) => s.display.width === 700 && s.display.height === 600);
  assert.equal(s.display.dpr, 1);
  const schema = await findItem(page, /^Schema — /, { window: 'Schema' });
  const manifest = await findItem(page, 'Manifest', { window: 'Manifest' });
  assert.ok(manifest.y > schema.y, 'narrow pages stack Schema above Manifest');
  await context.close();
});

for (const dpr of [1.5, 2]) {
  test(`at devicePixelRatio ${dpr} the drawing buffer is in device pixels and ImGui in CSS pixels`, async () => {
    const { context, page, errors } = await openApp(session.browser, session.server.url, { dpr });
    const s = await page.evaluate(() => window.eic.state());
    assert.equal(s.display.dpr, dpr);
    assert.equal(s.display.width, 1280);
    const buffer = await page.evaluate(() => [window.eic.canvas.width, window.eic.canvas.height]);
    assert.deepEqual(buffer, [Math.round(1280 * dpr), Math.round(800 * dpr)]);
    assert.ok(Math.abs(s.fontScale - 1 / dpr) < 1e-6);
    // A click at CSS coordinates still lands on the widget.
    await clickItem(page, 'Help');
    await clickItem(page, 'About eic');
    await waitState(page, (s) => s.aboutOpen);
    await page.screenshot({ path: path.join(session.artifacts, `shell-dpr${dpr}.png`) });
    assert.deepEqual(errors, []);
    await context.close();
  });
}

test('the headless core runs in a page and in a worker', async () => {
  const { context, page } = await openApp(session.browser, session.server.url);
  const inPage = await page.evaluate(async (base) => {
    const { default: create } = await import(base + 'encord-console.js');
    const eic = await create({ headless: true });
    return { version: eic.version(), headless: eic.headless, hasItems: 'debug' in eic };
  }, session.server.url);
  assert.equal(version, cmakeVersion, 'package.json has CMake\'s version');
  assert.deepEqual(inPage, { version, headless: true, hasItems: false });
  const inWorker = await page.evaluate(() => new Promise((resolve, reject) => {
    const w = new Worker('/__test__/headless-worker.js', { type: 'module' });
    w.onmessage = (e) => resolve(e.data);
    w.onerror = (e) => reject(new Error(e.message || 'worker failed'));
  }));
  assert.equal(inWorker, version);
  await context.close();
});

test('create() refuses a call without a canvas or headless', async () => {
  const { context, page } = await openApp(session.browser, session.server.url);
  const message = await page.evaluate(async () => {
    const { create } = await import('./encord-console.js');
    try { await create({}); return 'resolved'; } catch (e) { return e.message; }
  });
  assert.match(message, /needs \{canvas\} or \{headless: true\}/);
  await context.close();
});

test('an idle canvas is not redrawn; input that changes it is', async () => {
  const { context, page, errors } = await openApp(session.browser, session.server.url);
  await page.mouse.move(1000, 700);  // over nothing that reacts
  await framesPass(page, 5);
  const idle = await page.evaluate(() => window.eic.state());
  const still = await framesPass(page, 10);
  assert.ok(still.frames >= idle.frames + 10, 'frames are still built');
  assert.equal(still.presented, idle.presented, 'an unchanged frame is not rendered again');
  // Hovering a button highlights it: that frame is rendered.
  const button = await findItem(page, 'Open manifest…', { window: 'Manifest' });
  await page.mouse.move(button.x + button.w / 2, button.y + button.h / 2);
  const hovered = await waitState(page, (s) => s.presented > still.presented);
  assert.ok(hovered.presented > still.presented);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a screen reader hears the state: a live region inside the canvas follows the panel, counts and last message', async () => {
  const { context, page, errors } = await openApp(session.browser, session.server.url);
  const region = page.locator('#eic-canvas [role="status"]');
  await region.waitFor({ state: 'attached' });
  assert.equal(await region.getAttribute('aria-live'), 'polite');
  await page.waitForFunction(() => /Schema draft .*: \d+ keys?/.test(document.querySelector('#eic-canvas [role="status"]').textContent));
  assert.match(await region.textContent(), /No manifest open\./);

  await page.evaluate(() => window.eic.openManifest('heard.json', '{"images": [{"objectUrl": 7}, {"objectUrl": "gs://b/x.jpg"}]}'));
  const st = await waitState(page, (x) => x.manifest?.fileName === 'heard.json' && x.manifest.summary && !x.manifest.validating, 15000);
  const { items, errors: n } = st.manifest.summary;
  assert.ok(n >= 1);
  const expected = `Manifest heard.json: ${items} items, ${n} error${n === 1 ? '' : 's'}`;
  await page.waitForFunction((e) => document.querySelector('#eic-canvas [role="status"]').textContent.includes(e), expected, { timeout: 5000 });
  // The panel with focus is named once the user clicks into one.
  await clickItem(page, 'Findings', { window: 'Manifest' });
  await page.waitForFunction(() => document.querySelector('#eic-canvas [role="status"]').textContent.startsWith('Manifest panel. '), null, { timeout: 5000 });
  // The browser's accessibility tree has it: the canvas' fallback content is exposed, though never drawn.
  const cdp = await context.newCDPSession(page);
  const { nodes } = await cdp.send('Accessibility.getFullAXTree');
  const heard = nodes.filter((n) => !n.ignored && /^Manifest panel\. Manifest heard\.json: /.test(n.name?.value ?? ''));
  assert.equal(heard.length, 1, JSON.stringify(nodes.filter((n) => n.role?.value === 'status')));
  assert.deepEqual(errors, []);
  await context.close();
});

test('the layout comes back after a reload: a closed panel, a placed one where it was, the theme', async () => {
  const { context, page, errors } = await openApp(session.browser, session.server.url);
  await clickItem(page, 'View');
  await clickItem(page, 'Log', { window: '##Menu_00' });
  await waitState(page, (s) => !s.panels.Log.open);
  const title = await findItem(page, 'Manifest', { window: 'Manifest' });
  await page.mouse.move(title.x + 200, title.y + 8);
  await page.mouse.down();
  await page.mouse.move(title.x + 120, title.y + 90, { steps: 8 });
  await page.mouse.up();
  await waitState(page, (s) => s.panels.Manifest.userPlaced);
  await page.evaluate(() => window.eic.setTheme('light'));
  const placed = await findItem(page, 'Manifest', { window: 'Manifest' });
  // Written once the layout is quiet for half a second.
  const stored = () => page.evaluate(() => {
    const saved = localStorage.getItem('eic.autosave.layout');
    return saved ? JSON.parse(JSON.parse(saved).text) : null;
  });
  const deadline = Date.now() + 5000;
  let record;
  while (!((record = await stored()) && !record.panels.Log.open && record.panels.Manifest.userPlaced && record.theme === 'light')) {
    assert.ok(Date.now() < deadline, `the layout was stored: ${JSON.stringify(record)}`);
    await page.waitForTimeout(100);
  }
  assert.match(record.imgui, /\[Window\]\[###manifest\]\nPos=/, 'with the placed window\'s place');
  await page.waitForTimeout(700);  // the window's place settles after the drag

  await page.reload();
  await page.waitForFunction(() => window.eic !== undefined, null, { timeout: 30000 });
  const s = await waitState(page, (x) => x.panels.Manifest.userPlaced);
  assert.equal(s.panels.Log.open, false, 'the Log stays closed');
  assert.equal(s.panels.Schema.userPlaced, false);
  assert.equal(s.themePreference, 'light');
  const back = await findItem(page, 'Manifest', { window: 'Manifest' });
  assert.deepEqual([back.x, back.y], [placed.x, placed.y], 'the placed panel is where the user put it');
  await assert.rejects(findItem(page, 'Copy', { window: 'Log', timeout: 300 }), /no widget labelled "Copy"/);
  assert.deepEqual(errors, []);
  await context.close();
});

// Embedding: a host page on another origin (its own server, another port, a strict CSP of its own)
// loads the app's ES module across origins and embeds two <encord-import-console> elements. Each
// starts, says 'ready' to a listener added right after it was appended, takes its attributes, opens a
// manifest of its own through element.app and reports it with 'manifest-validated'; removing one
// destroys its instance: its WebGL context is lost, its listeners are gone, and the other one still
// draws and answers. No console error on the way.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import path from 'node:path';
import fs from 'node:fs';
import { launch, watchPolicy } from './helpers/browser.mjs';
import { startServer, artifacts } from './helpers/server.mjs';

let app, host, browser;

// The host page: the element's module from the app's origin; nothing inline (the policy forbids it).
function hostPage(appUrl) {
  const appOrigin = new URL(appUrl).origin;
  const csp = `default-src 'none'; script-src 'self' ${appOrigin} 'wasm-unsafe-eval'; connect-src ${appOrigin}; ` +
    "style-src 'self'; img-src 'self' data: blob:; base-uri 'none'; form-action 'none'";
  const files = {
    '/': ['text/html; charset=utf-8', `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>A developer console</title><link rel="icon" href="data:,">
<link rel="stylesheet" href="/host.css">
<script type="module" src="${appUrl}encord-import-console.js"></script>
</head><body><header><h1>Host console</h1><input id="host-input" aria-label="host search"></header>
<main id="slots"></main></body></html>`],
    // The host styles its own page and sizes the elements from outside; the app styles only its shadow root.
    '/host.css': ['text/css; charset=utf-8', `
body { margin: 0; font: 14px sans-serif; background: rgb(255, 250, 240); }
header { height: 40px; display: flex; gap: 16px; align-items: center; padding: 0 8px; }
h1 { font-size: 16px; margin: 0; }
canvas, textarea { border: 5px solid rgb(255, 0, 0); }
encord-import-console { height: 370px; margin-bottom: 10px; }`],
  };
  return http.createServer((req, res) => {
    const file = files[new URL(req.url, 'http://x').pathname];
    if (!file) return res.writeHead(404).end();
    res.writeHead(200, { 'content-type': file[0], 'content-security-policy': csp, 'cache-control': 'no-store' });
    res.end(file[1]);
  });
}

before(async () => {
  fs.mkdirSync(artifacts, { recursive: true });
  app = await startServer();
  host = hostPage(app.url);
  await new Promise((resolve) => host.listen(0, '127.0.0.1', resolve));
  browser = await launch();
});

after(async () => {
  await browser?.close();
  host?.close();
  app?.stop();
});

const manifests = {
  a: JSON.stringify({ images: [{ objectUrl: 'https://storage.cloud.google.com/bucket-a/1.jpg' },
    { objectUrl: 'https://storage.cloud.google.com/bucket-a/2.jpg' }] }),
  b: JSON.stringify({ images: [{ objectUrl: 'https://storage.cloud.google.com/bucket-b/1.jpg' },
    { objectUrl: 'gs://bucket-b/2.jpg' }, { objectUrl: 'https://storage.cloud.google.com/bucket-b/a b.jpg' }] }),
};

async function openHost() {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, colorScheme: 'light' });
  // The host's own policy is enforced as the app's is: a violation fails the test when its context closes.
  await watchPolicy(context);
  const page = await context.newPage();
  const errors = [];
  page.on('console', (msg) => { if (msg.type() === 'error') errors.push(msg.text()); });
  page.on('pageerror', (err) => errors.push(String(err)));
  // Every WebGL context the page makes, with its canvas, to count them after a removal.
  await page.addInitScript(() => {
    const getContext = HTMLCanvasElement.prototype.getContext;
    window.__contexts = [];
    HTMLCanvasElement.prototype.getContext = function (type, attrs) {
      const ctx = getContext.call(this, type, attrs);
      if (ctx && !window.__contexts.some((c) => c.ctx === ctx)) window.__contexts.push({ ctx, canvas: this });
      return ctx;
    };
    // Every event the elements dispatch, heard where a host listens: on the document.
    window.__events = [];
    for (const type of ['ready', 'manifest-validated', 'schema-saved', 'job-finished', 'download', 'error']) {
      document.addEventListener(type, (e) => {
        const detail = type === 'ready' ? { app: !!e.detail.app } : e.detail;
        window.__events.push({ type, id: e.target.id, composed: e.composed, bubbles: e.bubbles, detail });
      });
    }
  });
  const hostUrl = `http://127.0.0.1:${host.address().port}/`;
  assert.notEqual(new URL(hostUrl).origin, new URL(app.url).origin, 'the host page is on another origin');
  await page.goto(hostUrl);
  return { context, page, errors };
}

// Appends the two elements and resolves once each said 'ready' to a listener added right after it.
function appendTwo(page) {
  return page.evaluate(async () => {
    await customElements.whenDefined('encord-import-console');
    const attrs = { a: { theme: 'light', panel: 'manifest' }, b: { theme: 'dark', panel: 'encord', domain: 'https://api.us.encord.com' } };
    const ready = [];
    for (const id of ['a', 'b']) {
      const el = document.createElement('encord-import-console');
      el.id = id;
      for (const [k, v] of Object.entries(attrs[id])) el.setAttribute(k, v);
      document.getElementById('slots').append(el);
      ready.push(new Promise((resolve) => el.addEventListener('ready', (e) => resolve({ id, same: e.detail.app === el.app }))));
    }
    return Promise.all(ready);
  });
}

const stateOf = (page, id) => page.evaluate((i) => document.getElementById(i).app.state(), id);

async function waitFor(page, fn, arg, timeout = 15000) {
  const deadline = Date.now() + timeout;
  for (;;) {
    const v = await page.evaluate(fn, arg);
    if (v) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${fn}`);
    await page.waitForTimeout(50);
  }
}

test('two elements on a host page of another origin: events, attributes, the JS API, and removal', async () => {
  const { context, page, errors } = await openHost();
  const ready = await appendTwo(page);
  assert.deepEqual(ready, [{ id: 'a', same: true }, { id: 'b', same: true }]);

  // Nothing outside the elements: no textarea, canvas or style in the host's light DOM.
  const outside = await page.evaluate(() => ({
    canvases: document.querySelectorAll('canvas').length, textareas: document.querySelectorAll('textarea').length,
    styles: document.querySelectorAll('style').length, inShadow: document.getElementById('a').shadowRoot.querySelectorAll('canvas, textarea').length,
    border: getComputedStyle(document.getElementById('a').shadowRoot.querySelector('canvas')).borderTopWidth,
  }));
  assert.deepEqual(outside, { canvases: 0, textareas: 0, styles: 0, inShadow: 2, border: '0px' },
    'the app lives in its shadow root and the host\'s CSS does not reach its canvas');

  // Attributes: theme, panel and domain per element.
  const [sa, sb] = [await stateOf(page, 'a'), await stateOf(page, 'b')];
  assert.equal(sa.themePreference, 'light');
  assert.equal(sb.themePreference, 'dark');
  assert.equal(sb.encord.open, true, 'panel="encord" opened the Encord window');
  assert.equal(sa.encord.open, false);
  assert.equal(sb.encord.domain, 'https://api.us.encord.com');
  await page.evaluate(() => document.getElementById('a').setAttribute('theme', 'dark'));
  assert.equal((await stateOf(page, 'a')).themePreference, 'dark', 'a changed attribute is applied');
  // A value the app does not know is an 'error' event with the reason, and changes nothing.
  await page.evaluate(() => document.getElementById('a').setAttribute('theme', 'sepia'));
  const refused = await waitFor(page, () => window.__events.find((e) => e.type === 'error' && e.id === 'a'));
  assert.match(refused.detail.message, /theme="sepia".*system, dark or light/);
  assert.equal((await stateOf(page, 'a')).themePreference, 'dark');
  await page.evaluate(() => document.getElementById('a').setAttribute('theme', 'light'));
  // So is a domain the Encord window would refuse; the one in use stays.
  await page.evaluate(() => document.getElementById('b').setAttribute('domain', 'not a domain'));
  const badDomain = await waitFor(page, () => window.__events.find((e) => e.type === 'error' && e.id === 'b'));
  assert.match(badDomain.detail.message, /^<encord-import-console domain="not a domain">: Encord domain: ./);
  assert.equal((await stateOf(page, 'b')).encord.domain, 'https://api.us.encord.com');

  // The JS API through element.app: a manifest each, each heard with its own result.
  const opened = await page.evaluate(async (m) => {
    const [a, b] = ['a', 'b'].map((id) => document.getElementById(id).app);
    const [ma, mb] = await Promise.all([a.openManifest('a.json', m.a), b.openManifest('b.json', m.b)]);
    return { a: ma.summary, b: mb.summary };
  }, manifests);
  assert.equal(opened.a.errors, 0);
  assert.ok(opened.b.errors > 0, 'b has findings');
  const validated = await waitFor(page, () => {
    const v = window.__events.filter((e) => e.type === 'manifest-validated');
    return v.length >= 2 && v;
  });
  const byId = Object.fromEntries(validated.map((e) => [e.id, e]));
  assert.equal(byId.a.detail.fileName, 'a.json');
  assert.equal(byId.a.detail.summary.items, 2);
  assert.equal(byId.a.detail.summary.errors, 0);
  assert.equal(byId.b.detail.fileName, 'b.json');
  assert.equal(byId.b.detail.summary.items, 3);
  assert.deepEqual(byId.b.detail.summary, opened.b, 'the event carries what state() says');
  assert.ok(validated.every((e) => e.bubbles && e.composed));
  assert.equal(validated.length, 2, 'one event per validation');

  // Saving a's schema draft: a click on its own Save button; 'schema-saved' and 'download' from a.
  const save = await page.evaluate(() => document.getElementById('a').app.debug.items().find((it) => it.label === 'Save' && it.window.startsWith('Schema')));
  await page.mouse.move(save.x + save.w / 2, save.y + save.h / 2);
  await page.waitForTimeout(100);
  await page.mouse.click(save.x + save.w / 2, save.y + save.h / 2);
  const saved = await waitFor(page, () => window.__events.find((e) => e.type === 'schema-saved'));
  assert.equal(saved.id, 'a');
  assert.match(saved.detail.fileName, /\.json$/);
  await waitFor(page, () => window.__events.find((e) => e.type === 'download' && e.id === 'a'));

  // Keys typed into the host's own field stay the host's.
  await page.click('#host-input');
  await page.keyboard.type('query');
  assert.equal(await page.inputValue('#host-input'), 'query');
  assert.equal((await stateOf(page, 'a')).wantTextInput, false);
  await page.screenshot({ path: path.join(artifacts, 'embed-two-1280x800.png') });

  // Removing a destroys its instance and gives its WebGL context back.
  const removed = await page.evaluate(async () => {
    const el = document.getElementById('a');
    const instance = el.app;
    const canvas = el.shadowRoot.querySelector('canvas');
    let destroyed = false;
    instance.on('destroy', () => { destroyed = true; });
    el.remove();
    await new Promise((r) => setTimeout(r, 50));
    let afterwards = '';
    try { instance.state(); } catch (e) { afterwards = e.message; }
    const live = window.__contexts.filter((c) => !c.ctx.isContextLost());
    return {
      destroyed, app: el.app, afterwards,
      lost: window.__contexts.filter((c) => c.canvas === canvas).every((c) => c.ctx.isContextLost()),
      mine: window.__contexts.filter((c) => c.canvas === canvas).length,
      live: live.length, liveIsB: live.every((c) => c.canvas === document.getElementById('b').shadowRoot.querySelector('canvas')),
    };
  });
  assert.deepEqual(removed, { destroyed: true, app: null, afterwards: 'eic: this instance was destroyed', lost: true, mine: 1, live: 1, liveIsB: true });

  // b still draws and answers.
  const before = (await stateOf(page, 'b')).frames;
  await waitFor(page, (n) => document.getElementById('b').app.state().frames > n + 3, before);
  const again = await page.evaluate((m) => document.getElementById('b').app.openManifest('a-in-b.json', m), manifests.a);
  assert.equal(again.summary.errors, 0);
  assert.deepEqual((await stateOf(page, 'b')).manifest.tabs, ['b.json', 'a-in-b.json']);
  await page.screenshot({ path: path.join(artifacts, 'embed-one-left-1280x800.png') });
  // Only the standalone page registers a service worker (web/page.js): the host's origin has none.
  assert.deepEqual(await page.evaluate(async () => (await navigator.serviceWorker.getRegistrations()).length), 0);
  assert.deepEqual(errors, []);
  await context.close();
});

test('create() from the module: on("ready") added after create resolved hears it; destroy loses the context', async () => {
  const { context, page, errors } = await openHost();
  const result = await page.evaluate(async (base) => {
    const { create } = await import(base + 'encord-console.js');
    const canvas = document.createElement('canvas');
    canvas.width = 400;
    canvas.height = 300;
    document.body.append(canvas);
    const app = await create({ canvas });
    const heard = await new Promise((resolve) => {
      app.on('ready', (instance) => resolve(instance === app));
      setTimeout(() => resolve('never'), 2000);
    });
    const gl = window.__contexts.find((c) => c.canvas === canvas).ctx;
    app.destroy();
    return { heard, lost: gl.isContextLost(), textareas: document.querySelectorAll('textarea').length };
  }, app.url);
  assert.deepEqual(result, { heard: true, lost: true, textareas: 0 });
  assert.deepEqual(errors, []);
  await context.close();
});

test('an element removed while it loads destroys its instance once loaded: no context stays live', async () => {
  const { context, page, errors } = await openHost();
  const canvasLost = await page.evaluate(async () => {
    await customElements.whenDefined('encord-import-console');
    const el = document.createElement('encord-import-console');
    let ready = false;
    el.addEventListener('ready', () => { ready = true; });
    document.getElementById('slots').append(el);
    const canvas = el.shadowRoot.querySelector('canvas');
    el.remove();
    for (const end = Date.now() + 20000; Date.now() < end; await new Promise((r) => setTimeout(r, 50))) {
      const mine = window.__contexts.filter((c) => c.canvas === canvas);
      if (mine.length > 0 && mine.every((c) => c.ctx.isContextLost())) return { lost: true, ready, app: el.app };
    }
    return { lost: false, ready, app: el.app };
  });
  assert.deepEqual(canvasLost, { lost: true, ready: false, app: null });
  assert.deepEqual(errors, []);
  await context.close();
});

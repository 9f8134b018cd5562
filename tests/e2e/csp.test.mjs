// The page's Content-Security-Policy: connect-src comes from one list (web/connect-origins.txt), in the
// built index.html's <meta> and in scripts/serve.mjs's header alike; --connect adds an origin to both.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServer } from './helpers/server.mjs';
import { launch, openApp } from './helpers/browser.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const listed = fs.readFileSync(path.join(root, 'web', 'connect-origins.txt'), 'utf8').split('\n')
  .map((l) => l.trim()).filter((l) => l && !l.startsWith('#'));
const connectSrc = (policy) => policy.match(/connect-src ([^;"]*)/)[1].trim().split(/\s+/);
const metaPolicy = (html) => html.match(/http-equiv="Content-Security-Policy" content="([^"]*)"/)[1];

test('the list names the GCS, IAM Credentials and Encord origins', () => {
  for (const o of ['https://storage.googleapis.com', 'https://*.storage.googleapis.com',
    'https://iamcredentials.googleapis.com', 'https://api.encord.com', 'https://api.us.encord.com']) {
    assert.ok(listed.includes(o), o);
  }
});

test('the built page and the served header allow the same origins; --connect adds to both', async () => {
  const built = fs.readFileSync(path.join(root, 'build', 'web', 'index.html'), 'utf8');
  assert.deepEqual(connectSrc(metaPolicy(built)), ["'self'", ...listed]);

  const plain = await startServer({ testPages: false });
  const extra = await startServer({ testPages: false, extraArgs: ['--connect', 'http://127.0.0.1:9911'] });
  try {
    let res = await fetch(plain.url);
    assert.deepEqual(connectSrc(res.headers.get('content-security-policy')), ["'self'", ...listed]);
    assert.deepEqual(connectSrc(metaPolicy(await res.text())), ["'self'", ...listed]);
    res = await fetch(extra.url);
    const withExtra = ["'self'", ...listed, 'http://127.0.0.1:9911'];
    assert.deepEqual(connectSrc(res.headers.get('content-security-policy')), withExtra);
    assert.deepEqual(connectSrc(metaPolicy(await res.text())), withExtra);
  } finally {
    plain.stop();
    extra.stop();
  }
});

test('the policy allows Encord\'s two public API hosts and no other Encord host; a private one comes with --connect', async () => {
  const built = fs.readFileSync(path.join(root, 'build', 'web', 'index.html'), 'utf8');
  const encordHosts = (list) => list.filter((o) => /encord/.test(o));
  assert.deepEqual(encordHosts(connectSrc(metaPolicy(built))), ['https://api.encord.com', 'https://api.us.encord.com']);
  const custom = await startServer({ testPages: false, extraArgs: ['--connect', 'https://encord.example.com'] });
  try {
    const res = await fetch(custom.url);
    const expected = ['https://api.encord.com', 'https://api.us.encord.com', 'https://encord.example.com'];
    assert.deepEqual(encordHosts(connectSrc(res.headers.get('content-security-policy'))), expected);
    assert.deepEqual(encordHosts(connectSrc(metaPolicy(await res.text()))), expected);
    // The demo's settings exist only in demo mode.
    assert.equal((await fetch(new URL('/demo/config.json', custom.url))).status, 404);
  } finally {
    custom.stop();
  }
});

test('the e2e runs enforce the policy: a violation the test did not expect fails it when its context closes', async () => {
  const strict = await startServer({ testPages: false });
  const browser = await launch();
  try {
    const { context, page, violations } = await openApp(browser, strict.url);
    // A connection the policy does not allow, as a page bug would make one.
    await page.evaluate(() => fetch('https://not-allowed.example/x').catch(() => {}));
    await waitFor(() => violations.length > 0);
    assert.equal(violations[0].directive, 'connect-src');
    assert.match(violations[0].blocked, /^https:\/\/not-allowed\.example/);
    await assert.rejects(context.close(), /Content-Security-Policy was violated: .*not-allowed\.example/);

    // The same, expected by the test: closing is clean.
    const expected = await openApp(browser, strict.url, { expectViolations: (v) => v.blocked.startsWith('https://not-allowed.example') });
    await expected.page.evaluate(() => fetch('https://not-allowed.example/y').catch(() => {}));
    await waitFor(() => expected.violations.length > 0);
    await expected.context.close();
  } finally {
    await browser.close();
    strict.stop();
  }
});

async function waitFor(pred, ms = 5000) {
  const end = Date.now() + ms;
  while (!pred()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 20));
  }
}

test('what came from a file or a server is text: the page\'s modules have no HTML or code sinks', () => {
  // The canvas draws text; the page's own DOM (live region, loading line, links) is written with
  // textContent. A sink here would let a manifest or an answer become markup or code (SECURITY.md).
  const sinks = /\.innerHTML\b|\.outerHTML\s*=|insertAdjacentHTML|document\.write|\beval\s*\(|new Function\s*\(|setTimeout\(\s*['"`]/;
  const dir = path.join(root, 'web');
  const files = fs.readdirSync(dir).filter((f) => f.endsWith('.js') || f.endsWith('.js.in'));
  assert.ok(files.length > 10, 'the scan sees the modules');
  for (const f of files) {
    const text = fs.readFileSync(path.join(dir, f), 'utf8');
    assert.doesNotMatch(text, sinks, f);
  }
  // The same scan finds a sink when there is one.
  assert.match('el.innerHTML = answer;', sinks);
});

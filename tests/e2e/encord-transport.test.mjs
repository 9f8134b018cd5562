// How the page reaches Encord (core/encord/transport_probe.hpp): the first request to a domain is a probe
// of the page's own transport (the signed schema GET). With an Encord stand-in that refuses cross-origin
// requests, the window says so plainly when no host fetch was given, and eic falls back to the host's fetch
// when one was; the probe is the only request the page itself makes. The domain (never the key) is
// remembered across reloads; scripts/serve.mjs --demo opens the page connected to both stand-ins.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { openApp, clickItem, findItem, waitState, watchPolicy } from './helpers/browser.mjs';
import { startServer, artifacts } from './helpers/server.mjs';
import { demoOptions } from '../fakes/encord-standin/index.mjs';
import { openEncord, connectEncord as connect, fetchSchema, useEncordStandins } from './helpers/encord.mjs';
import { startDemo } from './helpers/demo.mjs';
import { openWithHostFetch } from './helpers/host-fetch.mjs';

const liveSchema = { species: { ty: 'enum', values: ['cat', 'dog'] } };
const SCHEMA = 'organisation/client-metadata-schema-v2';
const noFfmpeg = spawnSync('ffmpeg', ['-version']).error ? 'ffmpeg is missing (scripts/setup installs it): the demo is not made' : false;
// Encord as it may be: it answers, but never lets a browser page read the answer (no CORS).
const s = useEncordStandins({ closed: { ...demoOptions(), schema: liveSchema, corsOrigins: false } });


test('without a host fetch, an Encord that refuses the page\'s requests (CORS) is said so in the window', async () => {
  s.closed.reset();
  const { context, page } = await openApp(s.browser, s.server.url);
  await connect(page, s.closed.origin);
  let st = await waitState(page, (x) => x.encord.transport.probe === 'none');
  assert.equal(st.encord.transport.message, '', 'nothing is probed before the first request');
  st = await fetchSchema(page);
  assert.equal(st.encord.transport.probe, 'refused');
  assert.match(st.encord.transport.message,
    new RegExp(`^Encord at ${s.closed.origin} does not answer this page's requests \\(CORS`));
  assert.match(st.encord.transport.message, /create\(\{fetch\}\)/);
  assert.equal(st.encord.schema.ok, false);
  assert.match(st.encord.schema.error, /CORS/);
  // The browser's preflights were refused, so no GET reached the stand-in.
  assert.equal(s.closed.stats.get({ method: 'GET', route: SCHEMA }).requests, 0);
  assert.ok(s.closed.stats.get({ method: 'OPTIONS', route: SCHEMA }).requests >= 1);
  await findItem(page, 'Try again', { window: 'Encord' });
  await page.screenshot({ path: path.join(artifacts, 'encord-transport-refused.png') });
  await context.close();
});

test('with the host\'s fetch, the refused probe moves Encord to it; the page sent the probe only', async () => {
  s.closed.reset();
  const { context, page, hostCalls } = await openWithHostFetch(s.browser, s.server.url);
  await connect(page, s.closed.origin);
  let st = await fetchSchema(page);
  assert.equal(st.encord.transport.probe, 'host');
  assert.match(st.encord.transport.message, /does not answer this page's own requests \(CORS.*through the host page's fetch/);
  assert.equal(st.encord.schema.error, '');
  assert.equal(st.encord.schema.ok, true);
  assert.equal(st.encord.schema.keys, 1);
  await page.screenshot({ path: path.join(artifacts, 'encord-transport-host.png') });

  // Again: straight through the host's fetch, no second probe.
  st = await fetchSchema(page);
  assert.equal(st.encord.schema.ok, true);
  const get = `GET ${s.closed.origin}/v2/public/${SCHEMA}`;
  assert.deepEqual(hostCalls, [get, get], 'the host fetched the schema twice, the probe never');
  // The page's own transport made one attempt, the probe: its preflight, refused (then the page's no-cors
  // HEAD that tells CORS from the network). Every GET the stand-in saw came through the host's fetch.
  assert.deepEqual(s.closed.stats.get({ method: 'OPTIONS', route: SCHEMA }), { requests: 1, answers: { 405: 1 } });
  assert.deepEqual(s.closed.stats.get({ method: 'GET', route: SCHEMA }), { requests: 2, answers: { 200: 2 } });
  await context.close();
});

test('the domain is remembered across reloads; the key is not', async () => {
  const { context, page } = await openApp(s.browser, s.server.url);
  await connect(page, s.closed.origin);
  await page.reload();
  await page.waitForFunction(() => window.eic !== undefined, null, { timeout: 30000 });
  let st = await waitState(page, (x) => x.encord.domain === s.closed.origin);
  assert.equal(st.encord.keyState, 'none');
  const stored = await page.evaluate(() => JSON.stringify(localStorage));
  assert.ok(stored.includes(s.closed.origin));
  assert.ok(!stored.includes('OPENSSH') && !stored.includes('PRIVATE'), 'no key text in storage');
  // The window shows the remembered domain as the "another" choice with its address, and keeps it.
  await openEncord(page);
  await findItem(page, 'Address', { window: 'Encord' });
  st = await waitState(page, (x) => x.encord.open);
  assert.equal(st.encord.domain, s.closed.origin);

  await clickItem(page, 'Domain', { window: 'Encord' });
  await clickItem(page, 'https://api.us.encord.com (US)');
  await waitState(page, (x) => x.encord.domain === 'https://api.us.encord.com');
  await page.reload();
  await page.waitForFunction(() => window.eic !== undefined, null, { timeout: 30000 });
  await waitState(page, (x) => x.encord.domain === 'https://api.us.encord.com');
  await context.close();
});

test('a host that passes its own storage gets the domain remembered there, not in localStorage', async () => {
  const ctx = await s.browser.newContext({ viewport: { width: 1280, height: 800 } });
  await watchPolicy(ctx);
  const p = await ctx.newPage();
  await p.goto(`${s.server.url}__test__/blank.html`);
  const domain = await p.evaluate(async (origin) => {
    const { create } = await import('/encord-console.js');
    const canvas = document.createElement('canvas');
    document.body.appendChild(canvas);
    const saved = new Map();
    window.hostStorage = { getItem: (k) => (saved.has(k) ? saved.get(k) : null), setItem: (k, v) => saved.set(k, String(v)) };
    const first = await create({ canvas, storage: window.hostStorage });
    const { errors } = await first.connect({ encord: { domain: origin } });
    if (errors.length) throw new Error(errors.join('; '));
    first.destroy();
    const second = await create({ canvas, storage: window.hostStorage });
    const restored = second.state().encord.domain;
    second.destroy();
    return { restored, stored: window.hostStorage.getItem('eic.encord.domain'), local: localStorage.getItem('eic.encord.domain') };
  }, s.closed.origin);
  assert.deepEqual(domain, { restored: s.closed.origin, stored: s.closed.origin, local: null });
  await ctx.close();
});

test('a domain the page\'s Content-Security-Policy does not allow is said so, with the fix', async () => {
  // Served without --connect (and without the test pages' loopback allowance): the stand-in is not allowed.
  const strict = await startServer({ testPages: false });
  try {
    s.closed.reset();
    const { context, page, violations } = await openApp(s.browser, strict.url,
      { expectViolations: (v) => v.directive === 'connect-src' && v.blocked.startsWith(s.closed.origin) });
    await connect(page, s.closed.origin);
    const st = await fetchSchema(page);
    assert.equal(st.encord.transport.probe, 'refused');
    assert.match(st.encord.transport.message,
      new RegExp(`^This page's Content-Security-Policy does not allow ${s.closed.origin} \\(connect-src\\)`));
    assert.ok(st.encord.transport.message.includes(`scripts/serve.mjs --connect ${s.closed.origin}`));
    assert.equal(s.closed.stats.total.requests, 0, 'nothing left the page');
    assert.ok(violations.length >= 1, 'the browser reported the refusal');
    const items = await page.evaluate(() => window.eic.debug.items());
    assert.ok(!items.some((it) => it.label === 'Try again'), 'a policy refusal needs the page served again, not a retry');
    await page.screenshot({ path: path.join(artifacts, 'encord-transport-csp.png') });
    await context.close();
  } finally {
    strict.stop();
  }
});

// Starts serve.mjs --demo and reads its lines up to the Encord key's.
async function startEncordDemo() {
  const { child, line } = await startDemo();
  return {
    child,
    url: line(/^eic is served at (http:\/\/127\.0\.0\.1:\d+\/\?demo)$/m),
    encord: line(/^demo: Encord stand-in at (http:\/\/127\.0\.0\.1:\d+) /m),
    gcs: line(/^demo: GCS stand-in at (http:\/\/127\.0\.0\.1:\d+) /m),
  };
}

test('scripts/serve.mjs --demo opens the page connected to both stand-ins', { skip: noFfmpeg, timeout: 120000 }, async () => {
  const demo = await startEncordDemo();
  try {
    assert.ok(demo.url && demo.encord && demo.gcs, 'the page\'s ?demo URL and both stand-ins are printed');
    const config = await (await fetch(new URL('/demo/config.json', demo.url))).json();
    assert.equal(config.encord.domain, demo.encord);
    assert.equal(config.gcs.endpoint, demo.gcs);
    const { context, page, errors } = await openApp(s.browser, demo.url);
    let st = await waitState(page, (x) => x.encord.keyState === 'ready' && x.cloud.keyEmail !== '', 15000);
    assert.equal(st.encord.domain, demo.encord);
    assert.equal(st.cloud.fields.endpoint, demo.gcs);
    // The demo's domain lives as long as the demo: it is not remembered.
    assert.equal(await page.evaluate(() => localStorage.getItem('eic.encord.domain')), null);
    await openEncord(page);
    st = await fetchSchema(page);
    assert.equal(st.encord.schema.error, '');
    assert.equal(st.encord.schema.ok, true);
    assert.equal(st.encord.transport.probe, 'page');
    await page.screenshot({ path: path.join(artifacts, 'encord-transport-demo.png') });
    assert.deepEqual(errors, []);
    await context.close();
    // Without --demo there are no demo settings.
    assert.equal((await fetch(new URL('/demo/config.json', s.server.url))).status, 404);
  } finally {
    demo.child.kill();
  }
});

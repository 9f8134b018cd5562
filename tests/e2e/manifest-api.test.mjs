// The manifest functions of the headless JS API in headless Chromium: the same findings as the CLI,
// Blobs read in slices, and clear refusals of bad options.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, watchPolicy } from './helpers/browser.mjs';
import { startServer } from './helpers/server.mjs';

let server, browser, context, page;
before(async () => {
  server = await startServer();
  browser = await launch();
  context = await browser.newContext();
  await watchPolicy(context);
  page = await context.newPage();
  await page.goto(server.url + '__test__/blank.html');
  await page.evaluate(async () => {
    const { create } = await import('/encord-console.js');
    window.core = await create({ headless: true });
  });
});
after(async () => {
  await browser?.close();
  server?.stop();
});

const manifest = JSON.stringify({
  images: [
    { objectUrl: 'https://storage.cloud.google.com/my-bucket/a.jpg', clientMetadata: { fps: 30 } },
    { objectUrl: 'https://storage.cloud.google.com/my-bucket/b.jpg', clientMetadata: { fps: 'fast' } },
  ],
}, null, 2);
const schema = { fps: { ty: 'variant', hint: 'number' } };

test('validateManifest reports a schema violation at its line and pointer, from text, bytes and a Blob', async () => {
  const results = await page.evaluate(async ({ manifest, schema }) => {
    const text = await core.validateManifest(manifest, { schema });
    const bytes = await core.validateManifest(new TextEncoder().encode(manifest), { schema: JSON.stringify(schema) });
    const blob = await core.validateManifest(new Blob([manifest]), { schema });
    return [text, bytes, blob];
  }, { manifest, schema });
  for (const r of results) {
    assert.equal(r.summary.items, 2);
    assert.ok(r.summary.errors >= 1);
    const d = r.diagnostics.find((x) => x.pointer === '/images/1/clientMetadata/fps');
    assert.ok(d, JSON.stringify(r.diagnostics));
    assert.equal(d.severity, 'error');
    assert.equal(d.collection, 'images');
    assert.equal(d.item, 1);
    assert.equal(typeof d.line, 'number');
  }
  assert.deepEqual(results[0].diagnostics, results[2].diagnostics);
});

test('a truncated manifest is a finding with its place, not a crash', async () => {
  const r = await page.evaluate((m) => core.validateManifest(m.slice(0, 60)), manifest);
  assert.ok(r.summary.errors >= 1);
  assert.equal(r.diagnostics[0].code, 'json.truncated');
  assert.ok(r.diagnostics[0].line >= 1);
});

test('bad options reject with a clear message', async () => {
  const messages = await page.evaluate(async (m) => {
    const out = [];
    for (const o of [{ plan: 'gold' }, { schema: '{"fps": ' }, { maxDiagnostics: -3 }]) {
      try { await core.validateManifest(m, o); out.push('resolved'); } catch (e) { out.push(e.message); }
    }
    return out;
  }, manifest);
  assert.match(messages[0], /plan must be "enterprise", "team" or "free"/);
  assert.match(messages[1], /schema option is not a usable schema/);
  assert.match(messages[2], /maxDiagnostics must be a whole number/);
});

test('convert, split and infer work in the browser', async () => {
  const r = await page.evaluate(async (m) => {
    const csv = 'ObjectUrl,Image title\nhttps://storage.cloud.google.com/b1/x.jpg,x\nhttps://storage.cloud.google.com/b1/y.jpg,y\n';
    return {
      converted: await core.convertManifest(csv, { to: 'json' }),
      refused: await core.convertManifest(m, { to: 'csv' }),
      split: await core.splitManifest(m, { maxItems: 1, fileName: 'batch.json' }),
      inferred: await core.inferSchema(m, { fileName: 'batch.json' }),
    };
  }, manifest);
  assert.equal(JSON.parse(r.converted.output).images.length, 2);
  assert.equal(r.refused.output, null);
  assert.ok(r.refused.summary.errors >= 1);
  assert.deepEqual(r.split.parts.map((p) => p.name), ['batch.part-001-of-002.json', 'batch.part-002-of-002.json']);
  assert.equal(JSON.parse(r.split.parts[1].text).images[0].objectUrl, 'https://storage.cloud.google.com/my-bucket/b.jpg');
  assert.equal(r.inferred.draft.format, 'eic-schema-draft');
});

// A copy into wasm memory that malloc refuses (web/encord-console.js wasmAlloc) is a clear "not enough
// memory" error from the call that needed it, and what the app holds is untouched; the app goes on.
// The test build's debug.failAllocationsOver(bytes) makes malloc refuse as a full memory would.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openApp, framesPass, waitState } from './helpers/browser.mjs';
import { useBrowser } from './helpers/session.mjs';

const session = useBrowser({ testBuild: true });

const manifest = JSON.stringify({ images: [{ objectUrl: 'gs://b/0.jpg' }] });

test('a refused allocation rejects the call with its size, and the work so far is kept', async () => {
  const { context, page, errors } = await openApp(session.browser, session.server.url);
  await page.evaluate((t) => window.eic.openManifest('kept.json', t), manifest);
  await page.evaluate(() => window.eic.openSchema('{"format":"eic-schema-draft","version":1,"title":"t","target":"index","schema":{"a":{"ty":"boolean"}}}', 'kept.eic-schema.json'));
  const before = await waitState(page, (s) => s.manifest?.tabs?.includes('kept.json') && s.schema.keys === 1);

  await page.evaluate(() => window.eic.debug.failAllocationsOver(4096));
  const bigSchema = JSON.stringify({ x: { ty: 'enum', values: Array.from({ length: 1000 }, (_, i) => `v${i}`) } });
  const refused = await page.evaluate((t) => window.eic.openSchema(t, 'big.json').then(() => 'opened', (e) => `${e.name}: ${e.message}`), bigSchema);
  assert.match(refused, new RegExp(`^EicMemoryError: not enough memory in this tab for the schema \\(${Buffer.byteLength(bigSchema)} bytes\\)`));
  // A string handed over (here a message for the Log) is refused the same way, synchronously.
  const logged = await page.evaluate(() => { try { window.eic.log('info', 'x'.repeat(10000)); return 'logged'; } catch (e) { return e.name; } });
  assert.equal(logged, 'EicMemoryError');

  // Nothing changed, and the app still draws and answers.
  await framesPass(page, 5);
  const after = await page.evaluate(() => window.eic.state());
  assert.deepEqual(after.manifest.tabs, before.manifest.tabs);
  assert.equal(after.schema.keys, 1);
  assert.equal(after.schema.fileName, 'kept.eic-schema.json');

  await page.evaluate(() => window.eic.debug.failAllocationsOver(Infinity));
  await page.evaluate((t) => window.eic.openSchema(t, 'big.json'), bigSchema);
  await waitState(page, (s) => s.schema.keys === 1 && s.schema.wire.x?.values.length === 1000);
  assert.deepEqual(errors, []);
  await context.close();
});

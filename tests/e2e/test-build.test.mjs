// The test build flag (wasm/web.cmake, wasm/test_hooks): the page users load (build/web) has only
// debug.items() and none of the test hooks' code; the test build (build/web-test) has the hooks the
// file and insight tests drive, and is otherwise the same page.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { launch, openApp } from './helpers/browser.mjs';
import { startServer } from './helpers/server.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const release = process.env.EIC_WEB_ROOT || path.join(root, 'build', 'web');
const testBuild = process.env.EIC_WEB_TEST_ROOT || path.join(root, 'build', 'web-test');
const hooks = ['download', 'downloadZip', 'fetchFile', 'setMaxFileBytes', 'failAllocationsOver', 'insightDemo', 'insightDemoState'];

test('the page users load has no test hooks; the test build has them all', async () => {
  const browser = await launch();
  try {
    for (const [folder, testHooks] of [[release, false], [testBuild, true]]) {
      const server = await startServer({ webRoot: folder });
      try {
        const { context, page, errors } = await openApp(browser, server.url);
        const keys = await page.evaluate(() => Object.keys(window.eic.debug).sort());
        assert.deepEqual(keys, (testHooks ? ['items', ...hooks] : ['items']).sort(), folder);
        assert.ok((await page.evaluate(() => window.eic.debug.items())).length > 0, 'items() works in both');
        assert.deepEqual(errors, []);
        await context.close();
      } finally {
        await server.stop();
      }
    }
  } finally {
    await browser.close();
  }
});

test('the release wasm and glue hold none of the hooks; the test build differs only in the app', () => {
  const glue = fs.readFileSync(path.join(release, 'eic-app.js'), 'utf8');
  const wasm = fs.readFileSync(path.join(release, 'eic-app.wasm'));
  for (const name of ['eic_app_debug_download', 'eic_app_debug_fetch', 'eic_app_debug_insight_demo']) {
    assert.ok(!glue.includes(name), `${name} is not in build/web/eic-app.js`);
  }
  assert.equal(wasm.indexOf('Insight demo###insight-demo'), -1, 'the insight demo window is not in the release wasm');
  assert.ok(fs.readFileSync(path.join(testBuild, 'eic-app.wasm')).indexOf('Insight demo###insight-demo') >= 0,
    'the test build has it (the check above can fail)');
  // Every other file of the page is the release's own.
  for (const f of ['encord-console.js', 'index.html', 'eic-core.wasm', 'page.js']) {
    assert.ok(fs.readFileSync(path.join(release, f)).equals(fs.readFileSync(path.join(testBuild, f))), f);
  }
});

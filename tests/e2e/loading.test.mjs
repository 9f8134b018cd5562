// Loading the standalone page: while the wasm downloads (compiling as it arrives, web/wasm-stream.js)
// the page shows how much has come, then that it starts; both go once the first frame is drawn. A wasm
// that cannot be loaded is said on the page, not left as an endless "Loading".
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { watchPolicy } from './helpers/browser.mjs';
import { useBrowser } from './helpers/session.mjs';

const session = useBrowser();

// Records every text the status line shows and every value of the progress bar, from the first moment.
async function recordingPage(browser) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  await watchPolicy(context);
  await context.addInitScript(() => {
    window.__statuses = [];
    window.__progress = [];
    document.addEventListener('DOMContentLoaded', () => {
      const status = document.getElementById('eic-status');
      const bar = document.getElementById('eic-progress');
      new MutationObserver(() => {
        window.__statuses.push(status.hidden ? '(hidden)' : status.textContent);
        window.__progress.push({ value: bar.value, max: bar.max, hidden: bar.hidden });
      }).observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
    });
  });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (err) => errors.push(String(err)));
  return { context, page, errors };
}

test('the page shows the download\'s progress, then that it starts, then the app', async () => {
  const { context, page, errors } = await recordingPage(session.browser);
  await page.goto(session.server.url);
  await page.waitForFunction(() => window.eic !== undefined, null, { timeout: 30000 });
  const { statuses, bars } = await page.evaluate(() => ({ statuses: window.__statuses, bars: window.__progress }));
  const wasmMb = (fs.statSync(path.join(session.artifacts, '..', 'web', 'eic-app.wasm')).size / 1e6).toFixed(1);
  const percents = statuses.map((s) => s.match(/^Loading eic… (\d+)% \((\d+\.\d) of (\d+\.\d) MB\)$/)).filter(Boolean);
  assert.ok(percents.length >= 2, `several steps of the download were shown: ${JSON.stringify(statuses)}`);
  assert.ok(percents.every((m) => m[3] === wasmMb), `the size is the wasm's, ${wasmMb} MB`);
  const values = percents.map((m) => Number(m[1]));
  assert.deepEqual(values, [...values].sort((a, b) => a - b), 'the percentage only grows');
  assert.equal(values.at(-1), 100);
  assert.ok(statuses.includes('Starting eic…'));
  assert.equal(statuses.at(-1), '(hidden)');
  assert.ok(bars.some((b) => b.max > 1e6 && b.value > 0 && b.value < b.max), 'the bar moved');
  assert.equal(bars.at(-1).hidden, true);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a wasm that cannot be loaded is said on the page', async () => {
  {
    const { context, page } = await recordingPage(session.browser);
    await page.route('**/eic-app.wasm', (route) => route.fulfill({ status: 404, body: 'not found' }));
    await page.goto(session.server.url);
    await page.waitForFunction(() => document.getElementById('eic-status').classList.contains('error'), null, { timeout: 30000 });
    const shown = await page.evaluate(() => ({
      text: document.getElementById('eic-status').textContent, bar: document.getElementById('eic-progress').hidden,
    }));
    assert.deepEqual(shown, { text: 'eic could not start: could not load eic-app.wasm: HTTP 404', bar: true });
    await context.close();
  }
});

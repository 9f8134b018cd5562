// The page's work loop (web/work-loop.js) under node with a stand-in for the wasm module: it steps the
// work while the module is busy, and a step that throws (a wasm trap) stops it and reaches onFault once.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { installWorkLoop } from '../../web/work-loop.js';

const until = async (pred, ms = 2000) => {
  const end = Date.now() + ms;
  while (!pred()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 5));
  }
};

test('steps the work until the module is no longer busy', async () => {
  let left = 5, calls = 0;
  const mod = { _eic_app_busy: () => (left > 0 ? 1 : 0), _eic_app_validating: () => 0,
    _eic_app_work: () => { ++calls; return --left > 0 ? 1 : 0; } };
  const loop = installWorkLoop(mod, { onFault: (err) => assert.fail(err) });
  loop.afterFrame();
  await until(() => left === 0);
  await new Promise((r) => setTimeout(r, 30));
  assert.equal(calls, 5, 'one step a task while busy, none after');
  loop.stop();
});

test('a step that throws stops the loop and reaches onFault once, rejecting those who wait', async () => {
  let calls = 0;
  const faults = [];
  const mod = { _eic_app_busy: () => 1, _eic_app_validating: () => 1,
    _eic_app_work: () => { ++calls; throw new Error('RuntimeError: memory access out of bounds'); } };
  let loop;
  loop = installWorkLoop(mod, { onFault: (err) => { faults.push(err); loop.stop('the app stopped after an internal error'); } });
  const waiting = loop.whenValidated(1);
  await assert.rejects(waiting, /internal error/);
  await new Promise((r) => setTimeout(r, 30));
  loop.afterFrame();  // after the fault nothing steps again
  await new Promise((r) => setTimeout(r, 30));
  assert.equal(calls, 1);
  assert.equal(faults.length, 1);
  assert.match(faults[0].message, /out of bounds/);
});

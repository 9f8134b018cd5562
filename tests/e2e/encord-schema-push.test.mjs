// Pushing the Schema panel's draft to Encord from the Encord window's Schema tab, in headless Chromium
// against the Encord stand-in: the plan after a fetch, one confirmation that lists the destructive change,
// the POST and its read-back (verified), and a push refused without any POST when Encord's schema changed
// after the fetch, with the new diff shown, then confirmed again.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { openApp, clickItem, waitState } from './helpers/browser.mjs';
import { artifacts } from './helpers/server.mjs';
import { connectEncord, fetchSchema, useEncordStandins } from './helpers/encord.mjs';
import { DEMO_KEY_PATH, demoOptions, signRequest } from '../fakes/encord-standin/index.mjs';

const route = 'organisation/client-metadata-schema-v2';
const liveSchema = { fps: { ty: 'variant', hint: 'number' }, species: { ty: 'enum', values: ['cat', 'dog'] } };
// The draft: started from the live schema (its base), adds a caption key; the test then soft-deletes fps
// in the Schema panel, as a person would.
const draft = {
  format: 'eic-schema-draft', version: 1, title: 'push test',
  schema: { ...liveSchema, caption: { ty: 'variant', hint: 'text' } },
  base: { fetchedAt: '2026-12-01T10:00:00Z', schema: liveSchema },
};
const s = useEncordStandins({ encord: { ...demoOptions(), schema: liveSchema } });


const posts = () => s.encord.stats.get({ method: 'POST', route }).requests;
const gets = () => s.encord.stats.get({ method: 'GET', route }).requests;
const confirmOpen = (st) => st.popups.some((name) => name.startsWith('Push to Encord?'));

// Someone else changes Encord's schema: a request signed with the demo key, as the SDK would send it.
async function changeEncordSchema(map) {
  const target = `/v2/public/${route}`;
  const body = JSON.stringify(map);
  const headers = { ...signRequest({ key: DEMO_KEY_PATH, method: 'POST', target, body }), 'Content-Type': 'application/json' };
  const r = await fetch(s.encord.origin + target, { method: 'POST', headers, body });
  assert.equal(r.status, 200, await r.text());
}

// Opens the draft and soft-deletes fps through the row's menu; connects and fetches the live schema.
async function draftAndFetch(page) {
  await page.evaluate((text) => window.eic.openSchema(text, 'push-test.eic-schema.json'), JSON.stringify(draft));
  await clickItem(page, 'fps', { window: 'Schema' });
  await clickItem(page, 'Delete');
  await waitState(page, (st) => st.schema.wire.fps?.ty === 'tombstone');
  await connectEncord(page, s.encord.origin);
  return (await fetchSchema(page)).encord;
}

// Opens the confirmation and pushes; resolves with the state once that push (counted) has ended.
async function confirmAndPush(page, { screenshot } = {}) {
  const before = (await waitState(page, () => true)).encord.push.pushes;
  await clickItem(page, 'Push to Encord…', { window: 'Encord' });
  await waitState(page, confirmOpen);
  if (screenshot) await page.screenshot({ path: path.join(artifacts, screenshot) });
  await clickItem(page, 'Push', { window: 'Push to Encord?' });
  return waitState(page, (st) => st.encord.push.pushes === before + 1 && !st.encord.push.running, 20000);
}

const pushedMap = (extra = {}) => ({
  ...liveSchema,
  ...extra,
  caption: { ty: 'variant', hint: 'text' },
  fps: { ty: 'tombstone', deleted_ty: { ty: 'variant', hint: 'number' } },
});

test('the draft is pushed after one confirmation listing the destructive change, then verified by reading it back', async () => {
  s.encord.resetData();
  s.encord.reset();
  const { context, page, errors } = await openApp(s.browser, s.server.url);
  await page.setViewportSize({ width: 1280, height: 800 });
  const encord = await draftAndFetch(page);
  assert.equal(encord.schema.ok, true);
  const plan = encord.push.plan;
  assert.deepEqual([plan.changes, plan.remoteChanges, plan.conflicts, plan.applicable], [2, 0, 0, true]);
  assert.deepEqual(plan.destructive, [
    'delete "fps": number -> soft deleted (can be restored) — data indexed under it may stop being usable until the key is restored',
  ]);
  assert.equal(encord.push.cannotPush, '');

  // Cancel closes the confirmation and sends nothing.
  await clickItem(page, 'Push to Encord…', { window: 'Encord' });
  await waitState(page, confirmOpen);
  await clickItem(page, 'Cancel', { window: 'Push to Encord?' });
  await waitState(page, (st) => !confirmOpen(st));
  assert.equal(posts(), 0);

  // A host hears the push end once, with its outcome (app.on('job-finished')).
  await page.evaluate(() => { window.__jobs = []; window.eic.on('job-finished', (d) => window.__jobs.push(d)); });
  const st = await confirmAndPush(page, { screenshot: 'encord-push-confirm.png' });
  const push = st.encord.push;
  assert.equal(push.error, '');
  assert.equal(push.outcome, 'verified');
  assert.equal(push.verified, true);
  assert.deepEqual(await page.evaluate(() => window.__jobs),
    [{ kind: 'schema-push', outcome: 'verified', verified: true, error: '' }]);
  assert.deepEqual(push.differences, []);
  assert.equal(push.keys, 3);
  assert.deepEqual(s.encord.schema(), pushedMap(), 'Encord holds exactly the pushed map');
  assert.equal(posts(), 1);
  assert.equal(gets(), 4, 'the transport probe (once per domain), the fetch, the fetch just before pushing, the read-back');
  // What Encord holds is now the draft's base: nothing more to push.
  assert.equal(st.schema.history.at(-1), 'Pushed to Encord');
  assert.equal(push.plan.changes, 0);
  assert.equal(push.cannotPush, "Nothing to push: Encord already has the draft's schema.");
  await page.screenshot({ path: path.join(artifacts, 'encord-push-verified.png') });
  assert.deepEqual(errors, []);
  await context.close();
});

test('a push is refused without a POST when Encord changed after the fetch; the new diff is shown and confirmed again', async () => {
  s.encord.resetData();
  const { context, page, errors } = await openApp(s.browser, s.server.url);
  await page.setViewportSize({ width: 1280, height: 800 });
  await draftAndFetch(page);
  const changed = { ...liveSchema, where: { ty: 'geospatial' } };
  await changeEncordSchema(changed);
  s.encord.reset();  // count the page's requests only

  let st = await confirmAndPush(page);
  let push = st.encord.push;
  assert.equal(push.outcome, 'refused');
  assert.equal(push.refused, true);
  assert.equal(push.pushed, false);
  assert.deepEqual(push.changedSince, ['add "where": geospatial']);
  assert.equal(posts(), 0, 'nothing was POSTed');
  assert.deepEqual(s.encord.schema(), changed, "Encord's schema is unchanged");
  // The plan is made again against what Encord has now: the draft's two changes, one change in Encord.
  assert.deepEqual([push.plan.changes, push.plan.remoteChanges, push.plan.conflicts], [2, 1, 0]);
  assert.equal(push.cannotPush, '');
  await page.screenshot({ path: path.join(artifacts, 'encord-push-refused.png') });

  st = await confirmAndPush(page);
  push = st.encord.push;
  assert.equal(push.outcome, 'verified');
  assert.deepEqual(s.encord.schema(), pushedMap({ where: { ty: 'geospatial' } }), "the other change is kept");
  assert.equal(posts(), 1);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a push whose answer is lost is an unknown outcome, shown in the window and never sent again by eic', async () => {
  s.encord.resetData();
  s.encord.reset();
  const { context, page } = await openApp(s.browser, s.server.url);
  await draftAndFetch(page);
  // Encord takes the POST, then the connection drops before the answer. Chromium itself sends a request
  // again, once or twice, when a reused keep-alive connection closes without an answer (its
  // HttpNetworkTransaction retries), so every send the browser makes is dropped the same way.
  s.encord.setFaults({ script: [{ route, method: 'POST', drop: 'after', times: 3 }] });
  const st = await confirmAndPush(page);
  const push = st.encord.push;
  assert.equal(push.outcome, 'failed');
  assert.equal(push.verified, false);
  assert.match(push.error, /it is not known whether Encord acted on it; eic does not send it again/);
  assert.equal(push.requests, 2, 'eic sent the fetch before and the POST, once, and read nothing back');
  const sent = posts();
  assert.ok(sent >= 1 && sent <= 3, `the browser's own sends of that one request: ${sent}`);
  assert.equal(gets(), 3, 'the transport probe and the two fetches; no read-back after a lost answer');
  assert.deepEqual(s.encord.schema(), pushedMap(), 'Encord did act on it');
  // The draft's base is not moved: fetching again shows what Encord has, and nothing is left to push.
  s.encord.reset();
  const { encord } = await fetchSchema(page);
  assert.equal(encord.push.plan.changes, 0);
  assert.equal(encord.push.plan.remoteChanges, 2, "Encord's schema differs from the draft's base by the push");
  assert.notEqual(st.schema.history.at(-1), 'Pushed to Encord');
  assert.equal(posts(), 0, 'nothing was sent again');
  await context.close();
});

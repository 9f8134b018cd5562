// The Encord window's Folders tab in headless Chromium against the Encord stand-in: the integrations
// listed and one chosen, folders listed a page at a time (nextPageToken), searched, opened and left by the
// breadcrumb, a folder created under the one viewed, and chosen with an integration as the upload
// destination. A create whose answer is lost is sent once and reported as an unknown outcome.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { openApp, clickItem, waitState, framesPass } from './helpers/browser.mjs';
import { artifacts } from './helpers/server.mjs';
import { connectEncord, useEncordStandins } from './helpers/encord.mjs';
import { DEMO_FOLDERS, DEMO_INTEGRATION, demoOptions } from '../fakes/encord-standin/index.mjs';

const EIC_DEMO = DEMO_FOLDERS[0].uuid;
const Q1 = '7a3c2f10-51de-4b8e-a0c4-6d2b9e8f1b01';
const CATS = '7a3c2f10-51de-4b8e-a0c4-6d2b9e8f1b02';
const SECOND = { integrationUuid: '5e1f0c9a-0d3e-4a6b-9c2d-3e4f5a6b7c99', title: 'second-gcs' };
// 14 top-level folders (the demo's two and twelve batches), and a small tree under eic-demo.
const batches = Array.from({ length: 12 }, (_, i) => ({ name: `batch-${String(i + 1).padStart(2, '0')}` }));
const folders = [
  ...DEMO_FOLDERS,
  ...batches,
  { uuid: Q1, name: '2026-q1', description: 'first quarter', parent: EIC_DEMO },
  { uuid: CATS, name: 'cats', parent: Q1 },
];
const s = useEncordStandins({ encord: { ...demoOptions(), folders, integrations: [DEMO_INTEGRATION, SECOND] } });


const folderState = (st) => st.encord.folders;

const connect = (page) => connectEncord(page, s.encord.origin);

// Opening the tab lists the integrations and the top level once by itself.
async function openFoldersTab(page) {
  await clickItem(page, 'Folders', { window: 'Encord' });
  return waitState(page, (x) => x.encord.integrations.listings >= 1 && !x.encord.integrations.running &&
    folderState(x).listings >= 1 && !folderState(x).running, 20000);
}

// Clicks `label` and waits for the folder listing it starts to finish.
async function listBy(page, label) {
  const before = folderState(await waitState(page, () => true)).listings;
  await clickItem(page, label, { window: 'Encord' });
  const st = await waitState(page, (x) => folderState(x).listings === before + 1 && !folderState(x).running, 20000);
  return folderState(st);
}

async function typeInto(page, label, text, window = 'Encord') {
  await clickItem(page, label, { window });
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Backspace');
  if (text) await page.keyboard.type(text);
  await framesPass(page, 2);
}

const names = (f) => f.items.map((x) => x.name);

test('integrations and folders are listed, paged, searched and opened; a new folder becomes the destination', async () => {
  s.encord.reset();
  s.encord.resetData();
  const { context, page, errors } = await openApp(s.browser, s.server.url);
  await connect(page);
  let st = await openFoldersTab(page);
  const ints = st.encord.integrations;
  assert.equal(ints.error, '');
  assert.deepEqual(ints.items, [
    { uuid: DEMO_INTEGRATION.integrationUuid, title: 'demo-gcs' },
    { uuid: SECOND.integrationUuid, title: 'second-gcs' },
  ]);
  assert.equal(ints.chosen, null, 'two integrations: the user chooses');
  let f = folderState(st);
  assert.equal(f.error, '');
  assert.equal(f.count, 14, 'the top level in one page of 100');
  assert.equal(f.truncated, false);
  assert.ok(!names(f).includes('2026-q1'), 'children are not at the top level');

  // Ten a page: two pages, the second by the first's nextPageToken.
  await clickItem(page, 'Per page', { window: 'Encord' });
  await clickItem(page, '10');
  await waitState(page, (x) => folderState(x).pageSize === 10);
  f = await listBy(page, 'List folders');
  assert.equal(f.count, 10);
  assert.equal(f.pages, 1);
  assert.equal(f.truncated, true);
  assert.deepEqual(names(f).slice(0, 3), ['batch-01', 'batch-02', 'batch-03']);
  await page.screenshot({ path: path.join(artifacts, 'encord-folders-page.png') });
  f = await listBy(page, 'Load more');
  assert.equal(f.count, 14);
  assert.equal(f.pages, 2);
  assert.equal(f.truncated, false);
  assert.equal(new Set(f.items.map((x) => x.uuid)).size, 14, 'no folder twice');
  assert.deepEqual(names(f).slice(-2), ['eic-demo', 'eic-sandbox']);
  // The tab's first listing, the first page of ten, and the next page: no page asked twice.
  assert.equal(s.encord.stats.get({ route: 'storage/folders', method: 'GET' }).requests, 3);

  // A search at the top level looks through every folder.
  await typeInto(page, 'Search', 'batch-1');
  f = await listBy(page, 'Search folders');
  assert.equal(f.search, 'batch-1');
  assert.deepEqual(names(f), ['batch-10', 'batch-11', 'batch-12']);
  await typeInto(page, 'Search', 'CATS');
  f = await listBy(page, 'Search folders');
  assert.deepEqual(names(f), ['cats']);
  assert.equal(f.items[0].path, '/eic-demo/2026-q1/cats');
  assert.equal(s.encord.stats.get({ route: 'storage/search/folders', method: 'GET' }).requests, 2);

  // Open the result, then back up the breadcrumb to eic-demo.
  f = await listBy(page, 'Open cats');
  assert.deepEqual(f.where.map((c) => c.name), ['eic-demo', '2026-q1', 'cats']);
  assert.equal(f.count, 0);
  assert.equal(f.search, '');
  f = await listBy(page, 'eic-demo');
  assert.deepEqual(f.where, [{ uuid: EIC_DEMO, name: 'eic-demo' }]);
  assert.deepEqual(names(f), ['2026-q1']);
  assert.equal(f.items[0].description, 'first quarter');
  assert.equal(f.items[0].role, 'admin');

  // A new folder under eic-demo, the folder viewed.
  await clickItem(page, 'New folder…', { window: 'Encord' });
  await typeInto(page, 'Folder name', 'batch-new', 'New folder');
  await typeInto(page, 'Folder description', 'made by the e2e test', 'New folder');
  await page.screenshot({ path: path.join(artifacts, 'encord-folders-new.png') });
  await clickItem(page, 'Create', { window: 'New folder' });
  st = await waitState(page, (x) => folderState(x).create.done === 1, 20000);
  f = folderState(st);
  assert.equal(f.create.error, '');
  assert.equal(f.create.created.name, 'batch-new');
  const made = s.encord.folders().find((x) => x.name === 'batch-new');
  assert.ok(made, 'the stand-in holds the new folder');
  assert.equal(made.parent, EIC_DEMO);
  assert.equal(made.description, 'made by the e2e test');
  assert.equal(made.uuid, f.create.created.uuid);
  assert.deepEqual(names(f), ['2026-q1', 'batch-new'], 'shown where it was made');
  assert.equal(s.encord.stats.get({ route: 'storage/folders', method: 'POST' }).requests, 1);

  // The destination: the new folder and the demo integration.
  await clickItem(page, 'Use batch-new', { window: 'Encord' });
  await waitState(page, (x) => folderState(x).destination.folderUuid === made.uuid);
  await clickItem(page, 'Integration', { window: 'Encord' });
  await clickItem(page, 'demo-gcs');
  st = await waitState(page, (x) => folderState(x).destination.integrationUuid === DEMO_INTEGRATION.integrationUuid);
  const d = folderState(st).destination;
  assert.equal(d.folderName, 'batch-new');
  assert.equal(d.integrationTitle, 'demo-gcs');
  assert.equal(d.text, `Uploads go to folder batch-new (${made.uuid}) through integration demo-gcs (${DEMO_INTEGRATION.integrationUuid}).`);
  assert.equal(st.encord.integrations.chosen, DEMO_INTEGRATION.integrationUuid);
  await page.screenshot({ path: path.join(artifacts, 'encord-folders.png') });
  assert.deepEqual(errors, []);
  await context.close();
});

test('a blank name cannot be created; a create whose answer is lost is sent once and its outcome is unknown', async () => {
  s.encord.reset();
  s.encord.resetData();
  // Encord makes the folder, then the connection drops before the answer. Chromium itself sends a request
  // again, once or twice, when a reused keep-alive connection closes without an answer (its
  // HttpNetworkTransaction retries; the POST goes on the socket of its preflight), so every send the
  // browser makes is dropped the same way.
  s.encord.setFaults({ script: [{ route: 'storage/folders', method: 'POST', drop: 'after', times: 3 }] });
  const { context, page } = await openApp(s.browser, s.server.url);
  await connect(page);
  await openFoldersTab(page);

  // Spaces only: Create stays off and nothing is sent.
  await clickItem(page, 'New folder…', { window: 'Encord' });
  await typeInto(page, 'Folder name', '   ', 'New folder');
  await clickItem(page, 'Create', { window: 'New folder' });
  await framesPass(page, 5);
  assert.equal(folderState(await waitState(page, () => true)).create.started, 0);
  assert.equal(s.encord.stats.get({ route: 'storage/folders', method: 'POST' }).requests, 0);

  await typeInto(page, 'Folder name', 'lost-answer', 'New folder');
  await clickItem(page, 'Create', { window: 'New folder' });
  let st = await waitState(page, (x) => folderState(x).create.done === 1, 20000);
  let f = folderState(st);
  assert.equal(f.create.unknownOutcome, true);
  assert.equal(f.create.created, null);
  assert.match(f.create.cannotCreate, /may have been created: list the folders before trying again/);
  assert.match(f.create.error, /not known whether Encord acted on it/);
  await page.screenshot({ path: path.join(artifacts, 'encord-folders-unknown.png') });
  // Create is off: a second try sends nothing, and the dialog says why.
  await clickItem(page, 'New folder…', { window: 'Encord' });
  await clickItem(page, 'Create', { window: 'New folder' });
  await framesPass(page, 5);
  await page.screenshot({ path: path.join(artifacts, 'encord-folders-unknown-dialog.png') });
  f = folderState(await waitState(page, () => true));
  assert.equal(f.create.started, 1);
  assert.equal(f.create.sends, 1, 'eic sent the create once');
  const posts = s.encord.stats.get({ route: 'storage/folders', method: 'POST' }).requests;
  assert.ok(posts >= 1 && posts <= 3, `the browser's own sends of that one request: ${posts}`);
  const made = s.encord.folders().filter((x) => x.name === 'lost-answer').length;
  assert.equal(made, posts, 'Encord acted on every send');

  await clickItem(page, 'Cancel', { window: 'New folder' });
  // Listing again shows it, and Create is back.
  f = await listBy(page, 'List folders');
  assert.equal(names(f).filter((n) => n === 'lost-answer').length, made, 'the listing shows what Encord made');
  assert.equal(f.create.unknownOutcome, false);
  assert.equal(f.create.cannotCreate, '');
  assert.equal(s.encord.stats.get({ route: 'storage/folders', method: 'POST' }).requests, posts, 'nothing sent again');
  await context.close();
});

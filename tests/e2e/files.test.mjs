// Files in and out of the canvas app in headless Chromium: downloads (one file and a zip) caught
// through Playwright's download event, manifests fetched from a URL with each way that can fail,
// files too large for the browser refused before they are read, and app.openManifest.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import http from 'node:http';
import { unzipSync, strFromU8 } from 'fflate';
import { openApp, clickItem, waitState, watchPolicy } from './helpers/browser.mjs';
import { useBrowser } from './helpers/session.mjs';

// app.debug's download, fetchFile, setMaxFileBytes and insightDemo are the test build's (wasm/test_hooks).
const session = useBrowser({ testBuild: true });

const manifest = JSON.stringify({
  images: [
    { objectUrl: 'https://storage.cloud.google.com/my-bucket/a.jpg', title: 'a' },
    { objectUrl: 'https://storage.cloud.google.com/my-bucket/b.jpg', title: 'b' },
    { objectUrl: 'ftp://example.com/c.jpg', title: 'c' },
  ],
}, null, 2);

// A server on another origin (another port), with or without the CORS header that lets the page read it.
let other;
before(async () => {
  other = http.createServer((req, res) => {
    const headers = { 'content-type': 'application/json' };
    if (req.url.startsWith('/cors/')) headers['access-control-allow-origin'] = '*';
    res.writeHead(200, headers).end(manifest);
  });
  await new Promise((r) => other.listen(0, '127.0.0.1', r));
});
after(() => other?.close());
const otherUrl = (path) => `http://127.0.0.1:${other.address().port}${path}`;

const bytesOf = async (download) => fs.readFileSync(await download.path());
const lastLog = async (page, predicate) => (await waitState(page, (s) => predicate(s.log.last))).log.last;

test('a download from C++ arrives through the download event with its name and bytes', async () => {
  const { context, page, errors } = await openApp(session.browser, session.server.url);
  await page.evaluate(() => { window.downloads = []; window.eic.on('download', (d) => window.downloads.push(d)); });
  const text = '{"images": []}\n' + 'é'.repeat(1000);
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.evaluate((t) => window.eic.debug.download('export.json', t, 'application/json'), text),
  ]);
  assert.equal(download.suggestedFilename(), 'export.json');
  assert.match(download.url(), /^blob:/);
  assert.equal((await bytesOf(download)).toString('utf8'), text);
  const seen = await page.evaluate(() => window.downloads);
  assert.deepEqual(seen, [{ name: 'export.json', bytes: Buffer.byteLength(text), type: 'application/json' }]);
  assert.deepEqual(errors, []);  // nothing the CSP refused
  await context.close();
});

test('several files download as one zip that unzips to the same names and bytes', async () => {
  const { context, page, errors } = await openApp(session.browser, session.server.url);
  const big = 'x'.repeat(9 << 20);  // more than two of zip-blobs.js's slices
  const files = [
    { name: 'batch.part-001-of-003.json', text: manifest },
    { name: 'Ünïcode name.json', text: '' },
    { name: 'big.json', text: big },
  ];
  const [download] = await Promise.all([
    page.waitForEvent('download', { timeout: 30000 }),
    page.evaluate((f) => window.eic.debug.downloadZip('batches.zip', f), files),
  ]);
  assert.equal(download.suggestedFilename(), 'batches.zip');
  const zip = await bytesOf(download);
  assert.ok(zip.length > big.length && zip.length < big.length + 2000, `stored, not deflated: ${zip.length}`);
  const entries = unzipSync(new Uint8Array(zip));
  assert.deepEqual(Object.keys(entries), files.map((f) => f.name));
  for (const f of files) assert.equal(strFromU8(entries[f.name]), f.text, f.name);

  await assert.rejects(page.evaluate(() => window.eic.debug.downloadZip('x.zip', 'not a list')),
    /downloadZip takes an array of \{name, text\}/);
  await assert.rejects(page.evaluate(() => window.eic.debug.downloadZip('x.zip', [{ name: 1 }])),
    /downloadZip takes an array/);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a manifest fetched from a URL opens like a picked one, without cookies or referrer', async () => {
  const { context, page } = await openApp(session.browser, session.server.url);
  await context.addCookies([{ name: 'session', value: 'secret', url: session.server.url }]);
  let sent;
  await page.route('**/remote/batch.json*', (route) => {
    sent = route.request().headers();
    route.fulfill({ status: 200, contentType: 'application/json', body: manifest });
  });
  await page.evaluate((u) => window.eic.debug.fetchFile(u), `${session.server.url}remote/batch.json?X-Goog-Signature=abc`);
  const s = await waitState(page, (st) => st.manifest && st.manifest.summary);
  assert.equal(s.manifest.fileName, 'batch.json');
  assert.equal(s.manifest.summary.items, 3);
  assert.equal(sent.cookie, undefined);
  assert.equal(sent.referer, undefined);
  await context.close();
});

test('a fetch that fails says why: HTTP status, CSP, CORS, not a URL; a query is never logged', async () => {
  // The CSP case is provoked on purpose: a fetch of http://example.com, which connect-src does not allow.
  const { context, page } = await openApp(session.browser, session.server.url,
    { expectViolations: (v) => v.directive === 'connect-src' && v.blocked.startsWith('http://example.com/') });
  const fetchUrl = (u) => page.evaluate((x) => window.eic.debug.fetchFile(x), u);
  const base = session.server.url;

  await fetchUrl(`${base}no-such/manifest.json?X-Goog-Signature=topsecret`);
  const notFound = await lastLog(page, (m) => m.includes('HTTP'));
  assert.equal(notFound, `Could not open ${base}no-such/manifest.json: HTTP 404 Not Found`);

  // The standalone page's CSP allows 'self' and the origins of web/connect-origins.txt.
  await fetchUrl('http://example.com/manifest.json');
  assert.equal(await lastLog(page, (m) => m.includes('example.com')),
    "Could not open http://example.com/manifest.json: this page's Content-Security-Policy does not allow " +
    "connecting to http://example.com (connect-src): add http://example.com to connect-src in the page's policy " +
    '(scripts/serve.mjs: --connect http://example.com)');

  await fetchUrl('ftp://example.com/m.json');
  assert.match(await lastLog(page, (m) => m.includes('ftp:')), /only http and https URLs can be opened/);
  await fetchUrl('http://[::1');
  assert.equal(await lastLog(page, (m) => m.includes('[::1')), 'Could not open http://[::1: that is not a URL');
  await fetchUrl('http://user:pw@127.0.0.1/m.json');
  assert.match(await lastLog(page, (m) => m.includes('user name')), /eic sends no credentials/);

  const s = await page.evaluate(() => window.eic.state());
  assert.equal(s.manifest, null);
  assert.ok(!JSON.stringify(s).includes('topsecret'));
  await context.close();
});

test('another origin works when the host page allows it and the server sends CORS, and says CORS when not', async () => {
  // A host page whose CSP (the server's header) allows http://127.0.0.1:*, unlike the standalone page.
  const context = await session.browser.newContext();
  await watchPolicy(context);
  const page = await context.newPage();
  await page.goto(session.server.url + '__test__/blank.html');
  await page.evaluate(async () => {
    const canvas = document.createElement('canvas');
    canvas.style.cssText = 'width: 800px; height: 600px; display: block';
    document.body.append(canvas);
    const { create } = await import('/encord-console.js');
    window.eic = await create({ canvas, storage: null });
  });
  await page.evaluate((u) => window.eic.debug.fetchFile(u), otherUrl('/plain/batch.json'));
  assert.match(await lastLog(page, (m) => m.includes('/plain/')),
    /^Could not open http:\/\/127\.0\.0\.1:\d+\/plain\/batch\.json: no answer this page may read: .*CORS/);

  await page.evaluate((u) => window.eic.debug.fetchFile(u), otherUrl('/cors/batch.json'));
  const s = await waitState(page, (st) => st.manifest && st.manifest.summary);
  assert.equal(s.manifest.summary.items, 3);
  await context.close();
});

test('a file over the browser limit is refused before it is read, with its size and the CLI command', async () => {
  const { context, page } = await openApp(session.browser, session.server.url);
  await page.evaluate(() => window.eic.debug.setMaxFileBytes(1000));
  const refusal = (name) => `${name} is 2.0 kB; the browser can hold about 1.0 kB — validate it with the CLI: eic validate ${name}`;
  const padded = manifest + ' '.repeat(2000 - manifest.length);

  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), clickItem(page, 'Open manifest…', { window: 'Manifest' })]);
  await chooser.setFiles({ name: 'picked.json', mimeType: 'application/json', buffer: Buffer.from(padded) });
  assert.equal(await lastLog(page, (m) => m.includes('picked.json')), refusal('picked.json'));

  await page.evaluate((text) => {
    const dt = new DataTransfer();
    dt.items.add(new File([text], "it's big.json"));
    window.eic.canvas.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
  }, padded);
  assert.equal(await lastLog(page, (m) => m.includes('big.json')),
    "it's big.json is 2.0 kB; the browser can hold about 1.0 kB — validate it with the CLI: eic validate 'it'\\''s big.json'");

  // A fetched file is refused on its Content-Length, before the body is read.
  await page.route('**/remote/large.json', (route) => route.fulfill({ status: 200, body: padded }));
  await page.evaluate((u) => window.eic.debug.fetchFile(u), `${session.server.url}remote/large.json`);
  assert.equal(await lastLog(page, (m) => m.includes('large.json')), refusal('large.json'));

  await assert.rejects(page.evaluate((t) => window.eic.openManifest('api.json', t), padded),
    new RegExp(refusal('api.json').replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
  assert.equal((await page.evaluate(() => window.eic.state())).manifest, null);

  // Under the limit the same file opens.
  await page.evaluate(() => window.eic.debug.setMaxFileBytes(2000));
  const opened = await page.evaluate((t) => window.eic.openManifest('api.json', t), padded);
  assert.equal(opened.bytes, 2000);
  await context.close();
});

test('openManifest opens text, bytes and Blobs in the Manifest panel and resolves to its state', async () => {
  const { context, page, errors } = await openApp(session.browser, session.server.url);
  const results = await page.evaluate(async (text) => {
    const app = window.eic;
    // Started together: they are read one after another, each into its own buffer.
    return Promise.all([
      app.openManifest('text.json', text),
      app.openManifest('bytes.json', new TextEncoder().encode(text)),
      app.openManifest('blob.csv', new Blob(['ObjectUrl,Image title\nhttps://storage.cloud.google.com/b/a.jpg,a\n'])),
    ]);
  }, manifest);
  assert.deepEqual(results.map((r) => [r.fileName, r.summary.items, r.summary.format]),
    [['text.json', 3, 'json'], ['bytes.json', 3, 'json'], ['blob.csv', 1, 'csv']]);
  // An ftp: URL is a warning: no source says Encord refuses other schemes (docs/diagnostics.md).
  assert.equal(results[0].summary.errors, 0);
  assert.equal(results[0].summary.warnings, 1);
  assert.deepEqual(Object.keys(results[0].codes), ['manifest.url.scheme']);
  const s = await page.evaluate(() => window.eic.state());
  assert.equal(s.manifest.fileName, 'blob.csv');
  assert.match(s.log.last, /^Validated blob\.csv: 1 item, 1 error,/);
  assert.deepEqual(errors, []);
  await context.close();
});

// Helpers for the GCS stand-in tests: requests sent with the path exactly as given (fetch would
// normalise it), XML elements read back, and eic's own signer (`eic sign-url`) when it is built.
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { clickItem, waitState } from './browser.mjs';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
export const eicPath = path.join(root, 'build', 'native', 'eic');
export const haveEic = fs.existsSync(eicPath);
export const demoKeyPath = path.join(root, 'tests', 'data', 'gcs-v4', 'test_service_account.not-a-test.json');

// {status, headers, body (Buffer)}; {dropped: true} when the connection closed without an answer.
export function send(method, url, headers = {}, body = undefined) {
  const u = new URL(url);
  const target = url.slice(url.indexOf('/', u.protocol.length + 2));
  return new Promise((resolve, reject) => {
    const req = http.request({ host: u.hostname, port: u.port, method, path: target, headers, agent: false }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', (err) => (err.code === 'ECONNRESET' || err.message === 'socket hang up' ? resolve({ dropped: true }) : reject(err)));
    req.end(body);
  });
}

const unescapeXml = (t) => t.replace(/&(amp|lt|gt|quot|apos);/g, (_, e) => ({ amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" })[e]);

// The text of every <name> element, unescaped.
export function xmlAll(xml, name) {
  return [...String(xml).matchAll(new RegExp(`<${name}>([\\s\\S]*?)</${name}>`, 'g'))].map((m) => unescapeXml(m[1]));
}
export const xmlOne = (xml, name) => xmlAll(xml, name)[0];

// A V4 URL from `eic sign-url` (see its --help), pointed at `origin`, valid from now.
export function eicSignUrl({ origin, bucket, object, method = 'GET', expires = 900, timestamp = new Date(), query = [] }) {
  const args = ['sign-url', '--key', demoKeyPath, '--bucket', bucket, '--method', method, '--expires', String(expires),
    '--timestamp', timestamp.toISOString().replace(/\.\d{3}Z$/, 'Z'), '--endpoint', origin];
  if (object !== undefined) args.push('--object', object);
  for (const [n, v] of query) args.push('--query', `${n}=${v}`);
  return execFileSync(eicPath, args, { encoding: 'utf8' }).trim();
}

// The Cloud window's "List a bucket" tab as a person fills it (typed text reaches ImGui a character or
// so a frame, so each field is waited for), then "List into a manifest". The caller waits for the end.
export async function listBucketInto(page, bucket, prefix) {
  await clickItem(page, 'List a bucket', { window: 'Cloud' });
  await clickItem(page, 'List bucket', { window: 'Cloud' });
  await page.keyboard.type(bucket);
  await waitState(page, (x) => x.cloud.fields.listBucket === bucket);
  await clickItem(page, 'Prefix', { window: 'Cloud' });
  await page.keyboard.type(prefix);
  await waitState(page, (x) => x.cloud.fields.listPrefix === prefix);
  await clickItem(page, 'List into a manifest', { window: 'Cloud' });
}

// The Cloud window's "Sign a URL" tab: bucket and object typed, Sign clicked; resolves to the state once
// the window shows a URL or why it could not sign.
export async function signInWindow(page, bucket, object) {
  await clickItem(page, 'Sign a URL', { window: 'Cloud' });
  await clickItem(page, 'Bucket', { window: 'Cloud' });
  await page.keyboard.type(bucket);
  await clickItem(page, 'Object', { window: 'Cloud' });
  await page.keyboard.type(object);
  await clickItem(page, 'Sign', { window: 'Cloud' });
  return waitState(page, (x) => x.cloud.url !== '' || x.cloud.signError !== '', 10000);
}

// The Cloud window as a person opens it: from the View menu; a service-account key through its file
// picker; a pasted access token; the endpoint typed (typed text reaches ImGui a character or so a frame).
export async function openCloudWindow(page) {
  await clickItem(page, 'View');
  await clickItem(page, 'Cloud: buckets and signed URLs');
  await waitState(page, (st) => st.cloud.open);
}

export async function openCloudKeyFile(page, keyText, name = 'sa.json') {
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), clickItem(page, 'Open key file…', { window: 'Cloud' })]);
  await chooser.setFiles({ name, mimeType: 'application/json', buffer: Buffer.from(keyText) });
  return waitState(page, (x) => x.cloud.keyEmail !== '');
}

export async function useCloudToken(page, token) {
  await clickItem(page, 'Access token', { window: 'Cloud' });
  await page.keyboard.type(token);
  await page.keyboard.press('Enter');
  return waitState(page, (x) => x.cloud.hasToken, 10000);
}

export async function setCloudEndpoint(page, origin) {
  await clickItem(page, 'Endpoint', { window: 'Cloud' });
  await page.keyboard.type(origin);
  await waitState(page, (x) => x.cloud.fields.endpoint === origin, 20000);
  await page.keyboard.press('Enter');
}

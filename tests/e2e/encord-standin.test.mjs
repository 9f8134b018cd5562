// The Encord stand-in (tests/fakes/encord-standin): its signature checks against requests signed here
// with node's crypto from the committed demo key (a signer written in this file from the SDK's
// encord/http/v2/request_signer.py, independent of the stand-in's own), then the schema, integrations,
// folders, upload jobs (unit errors, long polling, cancel, duplicates), faults, CORS and main.mjs.
// Node only, no browser; the stand-ins run in this process.
import { test, before, after, beforeEach } from 'node:test';
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import {
  startEncordStandin, signRequest, readPrivateKey, parsePublicKey, publicKeyLine, generateKey, gcsLocation,
  objectExistsInBuckets, objectExistsInGcsStandin, DEMO_KEY_PATH, DEMO_PUBLIC_KEY_PATH, DEMO_INTEGRATION, DEMO_FOLDERS,
} from '../fakes/encord-standin/index.mjs';
import { startGcsStandin } from '../fakes/gcs-standin/index.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const nowS = () => Math.floor(Date.now() / 1000);
const until = async (ok, ms = 3000) => {
  for (const end = Date.now() + ms; !ok(); await sleep(10)) if (Date.now() > end) throw new Error('timed out');
};
const b64sha256 = (body) => crypto.createHash('sha256').update(body).digest('base64');

// The demo key read from its OpenSSH file (PROTOCOL.key in openssh-portable): "openssh-key-v1\0", then
// length-prefixed cipher, kdf, kdf options, a key count, the public blob and the private section
// (two check words, type, public key, 64 bytes seed||public, comment). The 32-byte seed is wrapped as
// PKCS#8 (RFC 8410) for node's crypto.
function loadOpenSshKey(file) {
  const b = Buffer.from(fs.readFileSync(file, 'utf8').replace(/-----[A-Z ]+-----/g, '').replace(/\s+/g, ''), 'base64');
  assert.equal(b.subarray(0, 15).toString('latin1'), 'openssh-key-v1\0');
  let at = 15;
  const str = (buf = b) => { const n = buf.readUInt32BE(at); const v = buf.subarray(at + 4, at + 4 + n); at += 4 + n; return v; };
  assert.equal(str().toString(), 'none');
  assert.equal(str().toString(), 'none');
  str();
  assert.equal(b.readUInt32BE(at), 1);
  at += 4;
  str();
  const priv = str();
  at = 8;
  assert.equal(str(priv).toString(), 'ssh-ed25519');
  const pub = str(priv);
  const secret = str(priv);
  const privateKey = crypto.createPrivateKey({
    key: Buffer.concat([Buffer.from('302e020100300506032b657004220420', 'hex'), secret.subarray(0, 32)]), format: 'der', type: 'pkcs8',
  });
  return { privateKey, keyId: pub.toString('hex') };
}
const demoKey = loadOpenSshKey(DEMO_KEY_PATH);

// The SDK's signature, built here: Content-Digest, Signature-Input, Signature over the four-line base.
function sign({ key = demoKey, method, target, body = '', created = nowS() - 30, keyId = key.keyId, digest, components, alg = 'ed25519' }) {
  const d = digest ?? `sha-256=:${b64sha256(body)}:`;
  const params = `(${components ?? '"@method" "@request-target" "content-digest"'});created=${created};keyid="${keyId}";alg="${alg}"`;
  const base = `"@method": ${method}\n"@request-target": ${target}\n"content-digest": ${d}\n"@signature-params": ${params}`;
  return {
    'Content-Digest': d,
    'Signature-Input': `encord-sig=${params}`,
    Signature: `encord-sig=:${crypto.sign(null, Buffer.from(base, 'utf8'), key.privateKey).toString('base64')}:`,
  };
}

// {status, headers, text, json} or {dropped: true}; `target` goes on the wire exactly as given.
function send(origin, method, target, { headers = {}, body } = {}) {
  const u = new URL(origin);
  return new Promise((resolve, reject) => {
    const req = http.request({ host: u.hostname, port: u.port, method, path: target, headers, agent: false }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        let json;
        try { json = text ? JSON.parse(text) : undefined; } catch { json = undefined; }
        resolve({ status: res.statusCode, headers: res.headers, text, json });
      });
    });
    req.on('error', (err) => (err.code === 'ECONNRESET' || err.message === 'socket hang up' ? resolve({ dropped: true }) : reject(err)));
    req.end(body);
  });
}

const BUCKET = 'eic-test';
const PRESENT = ['videos/a.mp4', 'images/b.jpg', 'groups/g/0.png', 'groups/g/1.png', 'dicom/s/0.dcm', 'dicom/s/1.dcm', 'café/naïve photo.jpg',
  ...Array.from({ length: 5 }, (_, i) => `many/${i}.jpg`)];
const buckets = [{ name: BUCKET, objects: [...PRESENT.map((name) => ({ name, data: name })), { name: 'secret.jpg', data: 'x', forbidden: true }] }];
const gs = (o) => `gs://${BUCKET}/${o}`;
const STRICT = { integrationUuid: '0b6f1e2a-3c4d-4e5f-8a9b-0c1d2e3f4a5b', title: 'strict-gcs', strictClientOnly: true };
const VIEWER = { integrationUuid: '1c7a2b3d-4e5f-4a6b-9c8d-7e6f5a4b3c2d', title: 'view-only', role: 'user' };

let standin;
let api;
before(async () => {
  standin = await startEncordStandin({
    objectExists: objectExistsInBuckets(buckets),
    integrations: [DEMO_INTEGRATION, STRICT, VIEWER],
  });
  // A request signed with the demo key (or sent as given with `raw`).
  api = (method, target, value, { headers = {}, key, raw } = {}) => {
    const body = raw ?? (value === undefined ? undefined : JSON.stringify(value));
    const h = { ...sign({ key, method, target: `/v2/public/${target}`, body: body ?? '' }), ...headers };
    if (body !== undefined && !('Content-Type' in headers)) h['Content-Type'] = 'application/json';
    return send(standin.origin, method, `/v2/public/${target}`, { headers: h, body });
  };
});
after(() => standin.close());
beforeEach(() => {
  standin.reset();
  standin.setUnitsPerSecond(1000);
  standin.setCors(true);
  standin.setLongPollCapS(60);
});

const newFolder = async (name = `f-${crypto.randomUUID().slice(0, 8)}`, extra = {}) => {
  const r = await api('POST', 'storage/folders', { name, ...extra });
  assert.equal(r.status, 200, r.text);
  return r.json;
};
const startJob = async (folder, externalFiles, extra = {}) => {
  const r = await api('POST', `storage/folders/${folder}/data-upload-jobs`, { externalFiles, integrationHash: DEMO_INTEGRATION.integrationUuid, ignoreErrors: false, ...extra });
  assert.equal(r.status, 200, r.text);
  assert.match(r.text, /^"[0-9a-f-]{36}"$/, 'the job id is a bare JSON string');
  return r.json;
};
const poll = (folder, job, timeoutSeconds = 10) => api('GET', `storage/folders/${folder}/data-upload-jobs/${job}?timeoutSeconds=${timeoutSeconds}`);
const finish = async (folder, job) => {
  for (;;) {
    const r = await poll(folder, job);
    assert.equal(r.status, 200, r.text);
    if (r.json.status !== 'PENDING') return r.json;
  }
};

test('the demo key: the .pub line, the private key and the stand-in agree on the keyid; the stand-in signs as this test does', () => {
  const line = fs.readFileSync(DEMO_PUBLIC_KEY_PATH, 'utf8').trim();
  const blob = Buffer.from(line.split(' ')[1], 'base64');
  assert.equal(blob.subarray(blob.length - 32).toString('hex'), demoKey.keyId);
  assert.match(line, /^ssh-ed25519 AAAA\S+ eic-demo$/);
  assert.equal(parsePublicKey(line).keyId, demoKey.keyId);
  assert.equal(parsePublicKey(demoKey.keyId).keyId, demoKey.keyId, 'raw hex is taken too');
  assert.equal(readPrivateKey(DEMO_KEY_PATH).keyId, demoKey.keyId);
  assert.equal(publicKeyLine(Buffer.from(demoKey.keyId, 'hex'), 'eic-demo'), line);
  // Ed25519 is deterministic, so both signers give the same headers for the same request.
  const req = { method: 'POST', target: '/v2/public/storage/folders?x=a+b', body: '{"name":"n"}', created: 1767225600 };
  assert.deepEqual(signRequest({ key: DEMO_KEY_PATH, ...req }), sign(req));
  assert.throws(() => parsePublicKey('ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAABAQ x'), /Ed25519 keys only/);
  assert.throws(() => parsePublicKey('ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIA== x'), /ends early|32-byte/);
});

test('good signatures pass (GET with a query, POST with a body); a bearer token from user/bearer-token passes too', async () => {
  let r = await api('GET', 'cloud-integrations?filterIntegrationTitles=demo-gcs');
  assert.equal(r.status, 200, r.text);
  assert.deepEqual(r.json, { result: [{ integrationUuid: DEMO_INTEGRATION.integrationUuid, title: 'demo-gcs' }] });
  r = await api('POST', 'storage/folders', { name: 'signed post' });
  assert.equal(r.status, 200, r.text);
  r = await api('GET', 'user/bearer-token');
  assert.equal(r.status, 200);
  const { token } = r.json;
  assert.ok(token);
  r = await send(standin.origin, 'GET', '/v2/public/cloud-integrations', { headers: { Authorization: `Bearer ${token}` } });
  assert.equal(r.status, 200);
  r = await send(standin.origin, 'GET', '/v2/public/cloud-integrations', { headers: { Authorization: 'Bearer not-a-token' } });
  assert.deepEqual([r.status, r.json.message], [401, 'Unknown bearer token.']);
  assert.equal(standin.stats.counters.tokensIssued, 1);
});

test('refusals: a tampered body, a wrong digest, a wrong or unknown keyid, created outside the window, an unknown key, a changed target; each a 401 that says why', async () => {
  const target = '/v2/public/storage/folders';
  const good = '{"name":"good"}';
  const other = generateKey('stranger');
  const second = generateKey('second');
  standin.addPublicKey(publicKeyLine(second.raw, 'second'));
  const cases = [
    ['no authentication at all', {}, good, /neither a signature .* nor an Authorization header/],
    ['a tampered body', sign({ method: 'POST', target, body: good }), '{"name":"evil"}', /Content-Digest does not match the body received/],
    ['a digest that is not the body\'s', sign({ method: 'POST', target, body: good, digest: `sha-256=:${b64sha256('other')}:` }), good, /Content-Digest does not match/],
    ['a tampered body with its digest fixed up', { ...sign({ method: 'POST', target, body: good }), 'Content-Digest': `sha-256=:${b64sha256('{"name":"evil"}')}:` }, '{"name":"evil"}', /Signature does not verify/],
    ['the keyid of another registered key', sign({ method: 'POST', target, body: good, keyId: second.keyId }), good, /Signature does not verify with key/],
    ['a keyid nobody registered', sign({ method: 'POST', target, body: good, keyId: 'ab'.repeat(32) }), good, /Unknown key: no public key with keyid abab/],
    ['an unregistered key', sign({ key: other, method: 'POST', target, body: good }), good, new RegExp(`Unknown key: no public key with keyid ${other.keyId}`)],
    ['created 400 s ago', sign({ method: 'POST', target, body: good, created: nowS() - 400 }), good, /created 4\d\d s in the past .* within 300 s either way/],
    ['created 400 s ahead', sign({ method: 'POST', target, body: good, created: nowS() + 400 }), good, /in the future .* within 300 s/],
    ['a keyid in upper case', sign({ method: 'POST', target, body: good, keyId: demoKey.keyId.toUpperCase() }), good, /not 64 lowercase hex digits/],
    ['two covered components', sign({ method: 'POST', target, body: good, components: '"@method" "@request-target"' }), good, /covers .*in that order/],
    ['another alg', sign({ method: 'POST', target, body: good, alg: 'rsa-pss-sha512' }), good, /alg must be "ed25519"/],
    ['a signature with another label', { ...sign({ method: 'POST', target, body: good }), Signature: 'sig1=:AAAA:' }, good, /Signature is not "encord-sig=:<base64>:"/],
    ['only some signature headers', { Signature: sign({ method: 'POST', target, body: good }).Signature }, good, /lacks the content-digest, signature-input header/],
  ];
  for (const [what, headers, body, why] of cases) {
    const r = await send(standin.origin, 'POST', target, { headers: { ...headers, 'Content-Type': 'application/json' }, body });
    assert.equal(r.status, 401, `${what}: ${r.text}`);
    assert.match(r.json.message, why, what);
  }
  // The target is the path and query as sent: signing without the query does not cover it.
  const h = sign({ method: 'GET', target: '/v2/public/storage/folders' });
  let r = await send(standin.origin, 'GET', '/v2/public/storage/folders?pageSize=1', { headers: h });
  assert.equal(r.status, 401);
  assert.match(r.json.signatureBase, /"@request-target": \/v2\/public\/storage\/folders\?pageSize=1\n/);
  // The method is covered too.
  r = await send(standin.origin, 'DELETE', '/v2/public/storage/folders', { headers: h });
  assert.match(r.json.message, /does not verify/);
  // Just inside the window passes; the window can be narrowed.
  r = await send(standin.origin, 'GET', '/v2/public/cloud-integrations', { headers: sign({ method: 'GET', target: '/v2/public/cloud-integrations', created: nowS() - 290 }) });
  assert.equal(r.status, 200, r.text);
  standin.setCreatedWindowS(10);
  r = await api('GET', 'cloud-integrations');
  assert.match(r.json.message, /within 10 s either way/, 'the SDK\'s own created = now - 30 is outside a 10 s window');
  standin.setCreatedWindowS(300);
  assert.equal(standin.stats.counters.foldersCreated, 0, 'no refused request created anything');
});

test('schema: empty is null, POST overwrites the whole map, GET returns it; a bad map is a 400 that names the key', async () => {
  const fresh = await startEncordStandin({ emptySchemaStatus: 204 });
  try {
    const t = '/v2/public/organisation/client-metadata-schema-v2';
    const r = await send(fresh.origin, 'GET', t, { headers: sign({ method: 'GET', target: t }) });
    assert.deepEqual([r.status, r.text], [204, '']);
  } finally {
    await fresh.close();
  }
  standin.resetData();
  let r = await api('GET', 'organisation/client-metadata-schema-v2');
  assert.deepEqual([r.status, r.text], [200, 'null']);
  const first = {
    emb: { ty: 'embedding', size: 512, api: null }, en: { ty: 'enum', values: ['a', 'b'] }, s: { ty: 'variant', hint: 'varchar' },
    geo: { ty: 'geospatial' }, x: { ty: 'tombstone', deleted_ty: { ty: 'variant', hint: 'number' } }, d: { ty: 'tombstone', deleted_ty: null },
    'video.description': { ty: 'text' }, 'Team Name_1-x': { ty: 'number', format: 'F32' },
  };
  r = await api('POST', 'organisation/client-metadata-schema-v2', first);
  assert.equal(r.status, 200, r.text);
  assert.deepEqual((await api('GET', 'organisation/client-metadata-schema-v2')).json, first);
  const second = { k: { ty: 'variant', hint: 'number' } };
  assert.equal((await api('POST', 'organisation/client-metadata-schema-v2', second)).status, 200);
  assert.deepEqual((await api('GET', 'organisation/client-metadata-schema-v2')).json, second, 'a POST replaces the whole map');
  const bad = [
    [[], /must be a JSON object/],
    [null, /must be a JSON object/],
    [{ k: { ty: 'bogus' } }, /"k" has ty "bogus"/],
    [{ k: 'varchar' }, /"k" is not an object/],
    [{ k: { ty: 'enum', values: [] } }, /1 to 256 strings/],
    [{ k: { ty: 'embedding', size: 5000 } }, /1 to 4096/],
    [{ k: { ty: 'variant', hint: 'geospatial' } }, /hint "geospatial"/],
    [{ k: { ty: 'tombstone', deleted_ty: { ty: 'tombstone', deleted_ty: null } } }, /tombstone inside a tombstone/],
    [{ 'a/b': { ty: 'text' } }, /a\/b is an invalid format for a metadata key/],
    [{ key_frames: { ty: 'text' } }, /invalid format/],
  ];
  for (const [map, why] of bad) {
    r = await api('POST', 'organisation/client-metadata-schema-v2', map);
    assert.equal(r.status, 400, JSON.stringify(map));
    assert.match(r.json.message, why);
  }
  r = await api('POST', 'organisation/client-metadata-schema-v2', undefined, { raw: '{"k":', headers: { 'Content-Type': 'application/json' } });
  assert.match(r.json.message, /not valid JSON/);
  r = await api('POST', 'organisation/client-metadata-schema-v2', undefined, { raw: JSON.stringify(second), headers: { 'Content-Type': 'text/plain' } });
  assert.deepEqual([r.status, r.json.message], [400, 'The body must be sent as Content-Type: application/json, not text/plain.']);
  assert.deepEqual((await api('GET', 'organisation/client-metadata-schema-v2')).json, second, 'refused writes change nothing');
  assert.equal(standin.stats.schemaWrites, 2);
  assert.deepEqual(standin.stats.get({ route: 'organisation/client-metadata-schema-v2', method: 'POST' }).answers, { 200: 2, 400: 12 });
});

test('cloud integrations: every one, or filtered by repeated uuids or exact titles', async () => {
  let r = await api('GET', 'cloud-integrations');
  assert.deepEqual(r.json.result.map((i) => i.title), ['demo-gcs', 'strict-gcs', 'view-only']);
  assert.deepEqual(Object.keys(r.json.result[0]), ['integrationUuid', 'title']);
  r = await api('GET', `cloud-integrations?filterIntegrationUuids=${STRICT.integrationUuid}&filterIntegrationUuids=${VIEWER.integrationUuid}&includeOrgAccess=False`);
  assert.deepEqual(r.json.result.map((i) => i.title), ['strict-gcs', 'view-only']);
  r = await api('GET', 'cloud-integrations?filterIntegrationTitles=demo&filterIntegrationTitles=view-only');
  assert.deepEqual(r.json.result.map((i) => i.title), ['view-only'], 'titles match exactly');
  r = await api('GET', 'cloud-integrations?filterIntegrationUuids=nope');
  assert.deepEqual([r.status, r.json.message], [400, 'filterIntegrationUuids must be a UUID, not "nope".']);
  r = await api('GET', 'cloud-integrations?includeOrgAccess=maybe');
  assert.equal(r.status, 400);
});

test('folders: create with every field, get, children with paging past pageSize, order, search; bad input refused', async () => {
  const parent = await newFolder('parent', { description: 'the parent', clientMetadata: JSON.stringify({ team: 'a' }) });
  assert.deepEqual(Object.keys(parent).sort(), ['clientMetadata', 'createdAt', 'description', 'lastEditedAt', 'name', 'owner', 'parent', 'pathToRoot', 'syncedDatasetHash', 'userRole', 'uuid']);
  assert.deepEqual({ ...parent, uuid: 'u', createdAt: 't', lastEditedAt: 't' }, {
    uuid: 'u', parent: null, name: 'parent', description: 'the parent', clientMetadata: '{"team":"a"}', owner: 'eic-demo@example.com',
    createdAt: 't', lastEditedAt: 't', userRole: 'admin', syncedDatasetHash: null, pathToRoot: [],
  });
  assert.ok(!Number.isNaN(Date.parse(parent.createdAt)));
  // 101 children: one more than the default page.
  const names = Array.from({ length: 101 }, (_, i) => `child-${String((i * 37) % 101).padStart(3, '0')}`);
  for (const name of names) await newFolder(name, { parent: parent.uuid });
  const sorted = [...names].sort();
  let r = await api('GET', `storage/folders/${parent.uuid}/folders`);
  assert.equal(r.json.results.length, 100);
  assert.ok(r.json.nextPageToken);
  const rest = await api('GET', `storage/folders/${parent.uuid}/folders?pageToken=${encodeURIComponent(r.json.nextPageToken)}`);
  assert.deepEqual([...r.json.results, ...rest.json.results].map((f) => f.name), sorted);
  assert.equal(rest.json.nextPageToken, null);
  // pageSize 30, descending: four pages, every child once.
  const seen = [];
  let token;
  do {
    r = await api('GET', `storage/folders/${parent.uuid}/folders?order=name&desc=True&pageSize=30${token ? `&pageToken=${token}` : ''}`);
    assert.equal(r.status, 200, r.text);
    seen.push(...r.json.results.map((f) => f.name));
    token = r.json.nextPageToken;
  } while (token);
  assert.deepEqual(seen, [...sorted].reverse());
  r = await api('GET', `storage/folders/${parent.uuid}/folders?order=createdAt&pageSize=3`);
  assert.deepEqual(r.json.results.map((f) => f.name), names.slice(0, 3));
  r = await api('GET', `storage/folders/${parent.uuid}/folders?search=CHILD-00&pageSize=1000`);
  assert.deepEqual(r.json.results.map((f) => f.name), sorted.filter((n) => n.startsWith('child-00')));
  // The top level holds the parent, not its children; a recursive search finds both.
  r = await api('GET', 'storage/folders?pageSize=1000&search=child-050');
  assert.deepEqual(r.json.results, []);
  r = await api('GET', 'storage/folders?pageSize=1000&search=child-050&isRecursive=True');
  assert.deepEqual(r.json.results.map((f) => f.name), ['child-050']);
  r = await api('GET', 'storage/search/folders?search=child-050');
  const child = r.json.results[0];
  assert.equal(child.parent, parent.uuid);
  const grandchild = await newFolder('grandchild', { parent: child.uuid });
  assert.deepEqual(grandchild.pathToRoot, [
    { uuid: child.uuid, parentUuid: parent.uuid, name: 'child-050', syncedDatasetHash: null },
    { uuid: parent.uuid, parentUuid: null, name: 'parent', syncedDatasetHash: null },
  ]);
  r = await api('GET', `storage/folders/${grandchild.uuid.toUpperCase()}`);
  assert.deepEqual(r.json, grandchild);
  const bad = [
    ['GET', 'storage/folders?pageSize=0', undefined, 400, /pageSize must be an integer from 1 to 1000/],
    ['GET', 'storage/folders?pageSize=1001', undefined, 400, /pageSize/],
    ['GET', 'storage/folders?pageSize=ten', undefined, 400, /pageSize/],
    ['GET', 'storage/folders?order=size', undefined, 400, /order must be one of name, createdAt/],
    ['GET', 'storage/folders?pageToken=garbage', undefined, 400, /pageToken is not a token of this listing/],
    ['POST', 'storage/folders', {}, 400, /name is required/],
    ['POST', 'storage/folders', { name: '  ' }, 400, /name is required/],
    ['POST', 'storage/folders', { name: 'x', parent: crypto.randomUUID() }, 404, /Parent folder .* not found/],
    ['POST', 'storage/folders', { name: 'x', parent: 'root' }, 400, /parent must be a UUID/],
    ['POST', 'storage/folders', { name: 'x', clientMetadata: { team: 'a' } }, 400, /JSON text of an object/],
    ['POST', 'storage/folders', { name: 'x', clientMetadata: '{"team":' }, 400, /JSON text of an object/],
    ['GET', `storage/folders/${crypto.randomUUID()}`, undefined, 404, /Folder .* not found/],
    ['GET', `storage/folders/${crypto.randomUUID()}/folders`, undefined, 404, /not found/],
    ['GET', 'storage/folders/not-a-uuid', undefined, 400, /The folder id must be a UUID/],
  ];
  for (const [method, target, body, status, why] of bad) {
    r = await api(method, target, body);
    assert.equal(r.status, status, `${method} ${target}: ${r.text}`);
    assert.match(r.json.message, why, target);
  }
  // A page token from one listing is refused by another.
  r = await api('GET', `storage/folders/${parent.uuid}/folders?pageSize=1`);
  const other = await api('GET', `storage/folders/${parent.uuid}/folders?pageSize=1&desc=True&pageToken=${r.json.nextPageToken}`);
  assert.equal(other.status, 400);
  assert.equal(standin.stats.counters.foldersCreated, 103);
});

// Six units of every kind, by URL form; two miss an object.
const MIXED = {
  videos: [{ objectUrl: gs('videos/a.mp4') }, { objectUrl: gs('videos/missing.mp4'), title: 'gone' }],
  images: [{ objectUrl: `https://storage.googleapis.com/${BUCKET}/caf%C3%A9/na%C3%AFve%20photo.jpg`, clientMetadata: { k: 1 } }],
  image_groups: [
    { title: 'group ok', objectUrl_1: `https://storage.cloud.google.com/${BUCKET}/groups/g/1.png`, objectUrl_0: gs('groups/g/0.png') },
    { title: 'group broken', objectUrl_0: gs('groups/g/0.png'), objectUrl_1: gs('groups/g/missing.png') },
  ],
  dicom_series: [{ title: 'series', objectUrl_0: gs('dicom/s/0.dcm'), objectUrl_1: gs('dicom/s/1.dcm') }],
};

test('upload jobs: missing objects end ERROR with ignoreErrors false and DONE with true, with counts, unit errors and items', async () => {
  const folder = await newFolder();
  const done = await finish(folder.uuid, await startJob(folder.uuid, MIXED, { ignoreErrors: true, fileName: 'mixed.json' }));
  assert.equal(done.status, 'DONE');
  assert.deepEqual([done.unitsPendingCount, done.unitsDoneCount, done.unitsErrorCount, done.unitsCancelledCount], [0, 4, 2, 0]);
  assert.equal(done.fileName, 'mixed.json');
  // A title defaults to the URL's path, as sent (the bucket is gs://'s host).
  assert.deepEqual(done.itemsWithNames.map((i) => i.name), ['/videos/a.mp4', `/${BUCKET}/caf%C3%A9/na%C3%AFve%20photo.jpg`, 'group ok', 'series']);
  assert.deepEqual(done.unitErrors.map(({ subtaskUuid, ...e }) => e), [
    { objectUrls: [gs('videos/missing.mp4')], error: `Object not found: ${gs('videos/missing.mp4')}`, actionDescription: 'Uploading video' },
    { objectUrls: [gs('groups/g/0.png'), gs('groups/g/missing.png')], error: `Object not found: ${gs('groups/g/missing.png')}`, actionDescription: 'Uploading image group' },
  ]);
  assert.ok(done.unitErrors.every((e) => /^[0-9a-f-]{36}$/.test(e.subtaskUuid)));
  assert.deepEqual(done.errors, done.unitErrors.map((e) => e.error));
  assert.deepEqual(standin.registrations(folder.uuid).map((e) => [e.kind, e.urls.length, e.count]),
    [['video', 1, 1], ['image', 1, 1], ['image_group', 2, 1], ['dicom_series', 2, 1]]);
  assert.deepEqual(standin.registrations(folder.uuid)[2].urls, [gs('groups/g/0.png'), `https://storage.cloud.google.com/${BUCKET}/groups/g/1.png`], 'objectUrl_N in order');

  // ignoreErrors false: the first failure (the second unit) ends the job; what ran before stays.
  const strictFolder = await newFolder();
  const err = await finish(strictFolder.uuid, await startJob(strictFolder.uuid, MIXED, { ignoreErrors: false }));
  assert.equal(err.status, 'ERROR');
  assert.deepEqual([err.unitsPendingCount, err.unitsDoneCount, err.unitsErrorCount, err.unitsCancelledCount], [0, 1, 1, 4]);
  assert.equal(err.fileName, undefined);
  assert.deepEqual(standin.registrations(strictFolder.uuid).map((e) => e.url), [gs('videos/a.mp4')]);

  // Without abortOnUnitError every unit runs and the job still ends ERROR.
  const all = await startEncordStandin({ objectExists: objectExistsInBuckets(buckets), abortOnUnitError: false });
  try {
    const t = (p) => `/v2/public/${p}`;
    const post = async (p, v) => {
      const body = JSON.stringify(v);
      return send(all.origin, 'POST', t(p), { headers: { ...sign({ method: 'POST', target: t(p), body }), 'Content-Type': 'application/json' }, body });
    };
    const f = (await post('storage/folders', { name: 'all' })).json;
    const job = (await post(`storage/folders/${f.uuid}/data-upload-jobs`, { externalFiles: MIXED, integrationHash: DEMO_INTEGRATION.integrationUuid, ignoreErrors: false })).json;
    let s;
    do {
      const p = t(`storage/folders/${f.uuid}/data-upload-jobs/${job}?timeoutSeconds=5`);
      s = (await send(all.origin, 'GET', p, { headers: sign({ method: 'GET', target: p }) })).json;
    } while (s.status === 'PENDING');
    assert.deepEqual([s.status, s.unitsDoneCount, s.unitsErrorCount, s.unitsCancelledCount], ['ERROR', 4, 2, 0]);
  } finally {
    await all.close();
  }
  assert.equal(standin.stats.jobsStarted, 2);
});

test('upload jobs: strict client-only integrations need media metadata, forbidden objects fail, a view-only integration is refused', async () => {
  const folder = await newFolder();
  const spec = {
    videos: [{ objectUrl: gs('videos/a.mp4') }, { objectUrl: gs('videos/a.mp4'), videoMetadata: { fps: 25, duration: 1, width: 64, height: 48, file_size: 10, mime_type: 'video/mp4' } }],
    images: [{ objectUrl: gs('secret.jpg'), imageMetadata: { mime_type: 'image/jpeg', file_size: 1, width: 1, height: 1 } }],
  };
  const s = await finish(folder.uuid, await startJob(folder.uuid, spec, { integrationHash: STRICT.integrationUuid, ignoreErrors: true }));
  assert.deepEqual([s.status, s.unitsDoneCount, s.unitsErrorCount], ['DONE', 1, 2]);
  assert.match(s.unitErrors[0].error, /videoMetadata must be given .*Strict client-only/);
  assert.equal(s.unitErrors[1].error, `Access denied to gs://${BUCKET}/secret.jpg`);
  const r = await api('POST', `storage/folders/${folder.uuid}/data-upload-jobs`, { externalFiles: spec, integrationHash: VIEWER.integrationUuid, ignoreErrors: true });
  assert.deepEqual([r.status, r.json.message], [403, 'You are not authorised to register data with integration "view-only".']);
});

test('long polling holds until the job changes, answers at its timeout otherwise, and is capped', async () => {
  const folder = await newFolder();
  standin.setUnitsPerSecond(0);
  const job = await startJob(folder.uuid, { images: [{ objectUrl: gs('many/0.jpg') }, { objectUrl: gs('many/1.jpg') }] });
  let settled = false;
  const t0 = Date.now();
  const held = poll(folder.uuid, job, 30).then((r) => { settled = true; return r; });
  await sleep(400);
  assert.equal(settled, false, 'no change, no answer');
  standin.stepJobs(1);
  let r = await held;
  assert.ok(Date.now() - t0 >= 400);
  assert.deepEqual([r.json.status, r.json.unitsPendingCount, r.json.unitsDoneCount], ['PENDING', 1, 1]);
  // Nothing changes: the poll answers at its own timeout, unchanged.
  let t = Date.now();
  r = await poll(folder.uuid, job, 1);
  assert.ok(Date.now() - t >= 950, `answered after ${Date.now() - t} ms`);
  assert.deepEqual([r.json.status, r.json.unitsPendingCount, r.json.unitsDoneCount], ['PENDING', 1, 1]);
  // timeoutSeconds=0 answers at once; the cap shortens a long timeout.
  t = Date.now();
  r = await poll(folder.uuid, job, 0);
  assert.ok(Date.now() - t < 1000, `answered after ${Date.now() - t} ms`);
  standin.setLongPollCapS(0.3);
  t = Date.now();
  r = await poll(folder.uuid, job, 3600);
  assert.ok(Date.now() - t >= 280 && Date.now() - t < 2000, `capped poll took ${Date.now() - t} ms`);
  standin.setLongPollCapS(60);
  // The last unit: the poll held meanwhile answers DONE; a poll on an ended job answers at once.
  const last = poll(folder.uuid, job, 30);
  await sleep(100);
  standin.stepJobs(1);
  assert.equal((await last).json.status, 'DONE');
  t = Date.now();
  r = await poll(folder.uuid, job, 30);
  assert.ok(Date.now() - t < 1000, `answered after ${Date.now() - t} ms`);
  assert.deepEqual([r.json.status, r.json.unitsDoneCount, r.json.itemsWithNames.length], ['DONE', 2, 2]);
  r = await api('GET', `storage/folders/${folder.uuid}/data-upload-jobs/${job}?timeoutSeconds=-1`);
  assert.equal(r.status, 400);
  r = await api('GET', `storage/folders/${folder.uuid}/data-upload-jobs/${crypto.randomUUID()}?timeoutSeconds=1`);
  assert.deepEqual([r.status, Object.keys(r.json)], [404, ['message']]);
});

test('cancel: units not yet started are cancelled and the job ends CANCELLED', async () => {
  const folder = await newFolder();
  const elsewhere = await newFolder();
  standin.setUnitsPerSecond(0);
  const job = await startJob(folder.uuid, { images: Array.from({ length: 5 }, (_, i) => ({ objectUrl: gs(`many/${i}.jpg`) })) });
  standin.stepJobs(2);
  await until(() => standin.jobs().find((j) => j.jobUuid === job).unitsDoneCount === 2);
  let s;
  let r = await api('POST', `storage/folders/${elsewhere.uuid}/data-upload-jobs/${job}/cancel`);
  assert.equal(r.status, 404, 'a job is found only in its own folder');
  r = await api('POST', `storage/folders/${folder.uuid}/data-upload-jobs/${job}/cancel`);
  assert.deepEqual([r.status, r.json], [200, { unitsCancelledCount: 3 }]);
  s = (await poll(folder.uuid, job, 5)).json;
  assert.deepEqual([s.status, s.unitsPendingCount, s.unitsDoneCount, s.unitsErrorCount, s.unitsCancelledCount], ['CANCELLED', 0, 2, 0, 3]);
  r = await api('POST', `storage/folders/${folder.uuid}/data-upload-jobs/${job}/cancel`);
  assert.deepEqual(r.json, { unitsCancelledCount: 0 });
  standin.stepJobs(5);
  await sleep(50);
  assert.equal(standin.registrations(folder.uuid).length, 2, 'nothing runs after a cancel');
});

test('skip_duplicate_urls: URLs already in the folder are skipped, not registered again; without it they register again', async () => {
  const folder = await newFolder();
  const x = gs('many/0.jpg');
  const y = gs('many/1.jpg');
  const z = gs('many/2.jpg');
  const group = { title: 'g', objectUrl_0: gs('groups/g/0.png'), objectUrl_1: gs('groups/g/1.png') };
  let s = await finish(folder.uuid, await startJob(folder.uuid, { images: [{ objectUrl: x }, { objectUrl: y }], image_groups: [group] }));
  assert.equal(s.itemsWithNames.length, 3);
  s = await finish(folder.uuid, await startJob(folder.uuid, { images: [{ objectUrl: x }, { objectUrl: y }, { objectUrl: z }], image_groups: [group], skip_duplicate_urls: true }));
  assert.deepEqual([s.status, s.unitsDoneCount, s.itemsWithNames.map((i) => i.name)], ['DONE', 4, [`/many/2.jpg`]]);
  const counts = () => Object.fromEntries(standin.registrations(folder.uuid).map((e) => [e.urls.join(' '), e.count]));
  assert.deepEqual(counts(), { [x]: 1, [y]: 1, [z]: 1, [`${group.objectUrl_0} ${group.objectUrl_1}`]: 1 });
  s = await finish(folder.uuid, await startJob(folder.uuid, { images: [{ objectUrl: x }] }));
  assert.equal(s.itemsWithNames.length, 1);
  assert.equal(counts()[x], 2, 'without skip_duplicate_urls a URL registers again');
  // Duplicates are per folder.
  const other = await newFolder();
  s = await finish(other.uuid, await startJob(other.uuid, { images: [{ objectUrl: x }], skip_duplicate_urls: true }));
  assert.equal(s.itemsWithNames.length, 1);
  const r = await api('POST', `storage/folders/${folder.uuid}/data-upload-jobs`, { externalFiles: { images: [{ objectUrl: x }], skip_duplicate_urls: 'yes' }, integrationHash: DEMO_INTEGRATION.integrationUuid });
  assert.equal(r.status, 400);
});

test('faults: 429 with Retry-After on one route, 500, a dropped connection, latency; a job start whose answer is dropped ran exactly once', async () => {
  const folder = await newFolder();
  const start = 'storage/folders/{folder}/data-upload-jobs';
  standin.setFaults({ script: [{ route: 'cloud-integrations', status: 429, retryAfter: 2, times: 2 }, { route: 'storage/folders', method: 'GET', status: 500 }] });
  let r = await api('GET', 'storage/folders');
  assert.deepEqual([r.status, Object.keys(r.json)], [500, ['message']]);
  for (let i = 0; i < 2; i++) {
    r = await api('GET', 'cloud-integrations');
    assert.deepEqual([r.status, r.headers['retry-after'], r.json.message], [429, '2', 'Too many requests.']);
  }
  assert.equal((await api('GET', 'cloud-integrations')).status, 200);
  assert.equal((await api('GET', 'storage/folders')).status, 200);
  assert.deepEqual(standin.stats.get({ route: 'cloud-integrations' }), { requests: 3, answers: { 429: 2, 200: 1 } });

  // Dropped before handling: no folder is made.
  standin.setFaults({ script: [{ route: 'storage/folders', method: 'POST', drop: 'before' }] });
  const made = standin.stats.counters.foldersCreated;
  assert.deepEqual(await api('POST', 'storage/folders', { name: 'never' }), { dropped: true });
  assert.equal(standin.stats.counters.foldersCreated, made);
  assert.ok(!standin.folders().some((f) => f.name === 'never'));

  // Dropped after handling: the job started, the client never heard its id.
  const spec = { images: [{ objectUrl: gs('many/3.jpg') }, { objectUrl: gs('many/4.jpg') }] };
  standin.setFaults({ script: [{ route: start, drop: 'after' }] });
  r = await api('POST', `storage/folders/${folder.uuid}/data-upload-jobs`, { externalFiles: spec, integrationHash: DEMO_INTEGRATION.integrationUuid, ignoreErrors: false });
  assert.deepEqual(r, { dropped: true });
  assert.equal(standin.stats.jobsStarted, 1);
  const [lost] = standin.jobs().filter((j) => j.folderUuid === folder.uuid);
  await finish(folder.uuid, lost.jobUuid);
  // The client's safe retry: the same spec with skip_duplicate_urls registers nothing twice.
  const retry = await finish(folder.uuid, await startJob(folder.uuid, { ...spec, skip_duplicate_urls: true }));
  assert.deepEqual([retry.status, retry.unitsDoneCount, retry.itemsWithNames], ['DONE', 2, []]);
  assert.deepEqual(standin.registrations(folder.uuid).map((e) => e.count), [1, 1], 'each object registered exactly once');
  assert.deepEqual(standin.stats.get({ route: start, method: 'POST' }).answers, { dropped: 1, 200: 1 });
  assert.equal(standin.stats.jobsStarted, 2);

  standin.setFaults({ latencyMs: 200 });
  const t = Date.now();
  assert.equal((await api('GET', 'cloud-integrations')).status, 200);
  assert.ok(Date.now() - t >= 190);
  standin.setFaults({ random: { rate: 0.5, status: 503, seed: 3 } });
  const statuses = [];
  for (let i = 0; i < 6; i++) statuses.push((await api('GET', 'cloud-integrations')).status);
  assert.deepEqual(statuses.filter((s) => s === 503).length, 3);
});

test('CORS: preflights and answers for allowed origins expose Retry-After; setCors(false) or a list refuses the others', async () => {
  const preflight = (origin, headers = 'content-digest,signature-input,signature,content-type') => send(standin.origin, 'OPTIONS', '/v2/public/storage/folders', {
    headers: { Origin: origin, 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': headers },
  });
  let r = await preflight('http://app.test');
  assert.equal(r.status, 204);
  assert.equal(r.headers['access-control-allow-origin'], 'http://app.test');
  assert.deepEqual(r.headers['access-control-allow-headers'].split(', '), ['Content-Digest', 'Signature-Input', 'Signature', 'Authorization', 'Content-Type']);
  assert.match(r.headers['access-control-allow-methods'], /POST/);
  r = await api('GET', 'cloud-integrations', undefined, { headers: { Origin: 'http://app.test' } });
  assert.equal(r.headers['access-control-allow-origin'], 'http://app.test');
  assert.equal(r.headers['access-control-expose-headers'], 'Retry-After');
  standin.setFaults({ script: [{ status: 429, retryAfter: 1 }] });
  r = await api('GET', 'cloud-integrations', undefined, { headers: { Origin: 'http://app.test' } });
  assert.deepEqual([r.status, r.headers['access-control-allow-origin']], [429, 'http://app.test'], 'a 429 carries CORS headers, so the page can read Retry-After');

  standin.setCors(false);
  r = await preflight('http://app.test');
  assert.equal(r.status, 405);
  assert.equal(r.headers['access-control-allow-origin'], undefined);
  r = await api('GET', 'cloud-integrations', undefined, { headers: { Origin: 'http://app.test' } });
  assert.equal(r.status, 200, 'the server still answers; the browser withholds it');
  assert.equal(r.headers['access-control-allow-origin'], undefined);

  standin.setCors(['http://a.test']);
  assert.equal((await preflight('http://a.test')).headers['access-control-allow-origin'], 'http://a.test');
  assert.equal((await preflight('http://b.test')).headers['access-control-allow-origin'], undefined);
  assert.deepEqual(standin.stats.get({ method: 'OPTIONS' }).answers, { 204: 2, 405: 2 });
});

test('errors in the SDK shape: 404, 405, 413, 501, and upload requests the API would refuse', async () => {
  const folder = await newFolder();
  const hash = DEMO_INTEGRATION.integrationUuid;
  const cases = [
    ['GET', 'storage/nothing', undefined, 404, /No route for GET \/v2\/public\/storage\/nothing/],
    ['DELETE', 'cloud-integrations', undefined, 405, /DELETE is not allowed on cloud-integrations/],
    ['DELETE', `storage/folders/${folder.uuid}`, undefined, 501, /not implemented by the Encord stand-in/],
    ['POST', `storage/folders/${crypto.randomUUID()}/data-upload-jobs`, { externalFiles: { images: [] }, integrationHash: hash }, 404, /Folder .* not found/],
    ['POST', `storage/folders/${folder.uuid}/data-upload-jobs`, { externalFiles: { images: [{ objectUrl: 'gs://b/a b.jpg' }] }, integrationHash: hash }, 400, /whitespace/],
    ['POST', `storage/folders/${folder.uuid}/data-upload-jobs`, { externalFiles: { text: [{ objectUrl: 'gs://b/a.txt' }] }, integrationHash: hash }, 400, /externalFiles has text; the top-level keys are/],
    ['POST', `storage/folders/${folder.uuid}/data-upload-jobs`, { externalFiles: {}, integrationHash: hash }, 400, /names no data units/],
    ['POST', `storage/folders/${folder.uuid}/data-upload-jobs`, { externalFiles: { videos: {} }, integrationHash: hash }, 400, /videos must be a list/],
    ['POST', `storage/folders/${folder.uuid}/data-upload-jobs`, { externalFiles: { videos: [{ title: 'no url' }] }, integrationHash: hash }, 400, /videos\[0\]\.objectUrl must be a non-empty string/],
    ['POST', `storage/folders/${folder.uuid}/data-upload-jobs`, { externalFiles: { image_groups: [{ objectUrl_0: 'gs://b/a.png' }] }, integrationHash: hash }, 400, /title is required/],
    ['POST', `storage/folders/${folder.uuid}/data-upload-jobs`, { externalFiles: { image_groups: [{ title: 't', objectUrl: 'gs://b/a.png' }] }, integrationHash: hash }, 400, /objectUrl_0, objectUrl_1/],
    ['POST', `storage/folders/${folder.uuid}/data-upload-jobs`, { externalFiles: { images: [{ objectUrl: 'gs://b/a.png' }] } }, 400, /integrationHash is required/],
    ['POST', `storage/folders/${folder.uuid}/data-upload-jobs`, { externalFiles: { images: [{ objectUrl: 'gs://b/a.png' }] }, integrationHash: crypto.randomUUID() }, 404, /Integration .* not found/],
    ['POST', `storage/folders/${folder.uuid}/data-upload-jobs`, { externalFiles: { images: [{ objectUrl: 'gs://b/a.png' }] }, integrationHash: hash, ignoreErrors: 'yes' }, 400, /ignoreErrors must be true or false/],
    ['POST', `storage/folders/${folder.uuid}/data-upload-jobs`, { dataItems: { images: [] }, integrationHash: hash }, 501, /dataItems form is not implemented/],
    ['POST', `storage/folders/${folder.uuid}/data-upload-jobs`, [], 400, /must be a JSON object/],
  ];
  for (const [method, target, body, status, why] of cases) {
    const r = await api(method, target, body);
    assert.equal(r.status, status, `${method} ${target} ${JSON.stringify(body)}: ${r.text}`);
    assert.match(r.json.message, why);
  }
  assert.equal(standin.stats.jobsStarted, 0);
  // A route outside /v2/public/ needs no signature to be told it is not there.
  const r = await send(standin.origin, 'GET', '/v1/public');
  assert.deepEqual([r.status, Object.keys(r.json)], [404, ['message']]);

  const small = await startEncordStandin({ maxBodyBytes: 200, maxUnitsPerJob: 2 });
  try {
    const post = (p, v) => {
      const body = JSON.stringify(v);
      const target = `/v2/public/${p}`;
      return send(small.origin, 'POST', target, { headers: { ...sign({ method: 'POST', target, body }), 'Content-Type': 'application/json' }, body });
    };
    let res = await post('storage/folders', { name: 'x'.repeat(300) });
    assert.deepEqual([res.status, res.json.message], [413, 'Request payload is too large: this server takes at most 200 bytes.']);
    const f = (await post('storage/folders', { name: 'small' })).json;
    res = await post(`storage/folders/${f.uuid}/data-upload-jobs`, { externalFiles: { images: [1, 2, 3].map((i) => ({ objectUrl: `gs://b/${i}` })) }, integrationHash: hash });
    assert.deepEqual([res.status, res.json.message], [400, 'The upload spec has 3 data units; at most 2 are accepted at one time.']);
  } finally {
    await small.close();
  }
});

test('object existence from the GCS stand-in: every URL form maps to bucket and object; a job through it fails missing and forbidden objects', async () => {
  const gcs = await startGcsStandin({ buckets });
  const enc = await startEncordStandin({ objectExists: objectExistsInGcsStandin(gcs) });
  try {
    const forms = [
      [gs('café/naïve photo.jpg'), { bucket: BUCKET, object: 'café/naïve photo.jpg' }],
      [`https://storage.cloud.google.com/${BUCKET}/caf%C3%A9/na%C3%AFve%20photo.jpg`, { bucket: BUCKET, object: 'café/naïve photo.jpg' }],
      [`https://storage.googleapis.com/${BUCKET}/images/b.jpg?x=1`, { bucket: BUCKET, object: 'images/b.jpg' }],
      [`${gcs.origin}/${BUCKET}/images/b.jpg`, { bucket: BUCKET, object: 'images/b.jpg' }],
      ['https://example.com/eic-test/images/b.jpg', null],
      ['gs://bucket-only/', null],
    ];
    for (const [u, want] of forms) assert.deepEqual(gcsLocation(u, { origins: [gcs.origin] }), want, u);
    const exists = objectExistsInGcsStandin(gcs);
    assert.equal(await exists(`https://storage.googleapis.com/${BUCKET}/caf%C3%A9/na%C3%AFve%20photo.jpg`), true);
    assert.equal(await exists(`${gcs.origin}/${BUCKET}/images/b.jpg`), true);
    assert.equal(await exists(gs('nope.jpg')), false);
    assert.equal(await exists('gs://no-such-bucket/a.jpg'), false);
    await assert.rejects(exists(gs('secret.jpg')), /Access denied/);
    await assert.rejects(exists('https://example.com/a.jpg'), /not a Google Cloud Storage object URL/);
    const inProcess = objectExistsInBuckets(buckets);
    assert.equal(await inProcess(gs('café/naïve photo.jpg')), true);
    assert.equal(await inProcess(gs('nope.jpg')), false);

    const call = (method, p, v) => {
      const body = v === undefined ? undefined : JSON.stringify(v);
      const target = `/v2/public/${p}`;
      return send(enc.origin, method, target, { headers: { ...sign({ method, target, body: body ?? '' }), ...(body ? { 'Content-Type': 'application/json' } : {}) }, body });
    };
    const f = (await call('POST', 'storage/folders', { name: 'from gcs' })).json;
    const job = (await call('POST', `storage/folders/${f.uuid}/data-upload-jobs`, {
      externalFiles: { images: [{ objectUrl: gs('images/b.jpg') }, { objectUrl: gs('nope.jpg') }, { objectUrl: gs('secret.jpg') }] },
      integrationHash: DEMO_INTEGRATION.integrationUuid, ignoreErrors: true,
    })).json;
    let s;
    do s = (await call('GET', `storage/folders/${f.uuid}/data-upload-jobs/${job}?timeoutSeconds=5`)).json; while (s.status === 'PENDING');
    assert.deepEqual([s.status, s.unitsDoneCount, s.unitsErrorCount], ['DONE', 1, 2]);
    assert.deepEqual(s.unitErrors.map((e) => e.error), [`Object not found: ${gs('nope.jpg')}`, `Access denied to gs://${BUCKET}/secret.jpg`]);
    assert.equal(gcs.stats.get({ api: 'json' }).requests, 3 + 5, 'the checks went through the GCS JSON API');
  } finally {
    await enc.close();
    await gcs.close();
  }
});

test('main.mjs --demo: prints its origin, then the demo; the demo key, integration and folders work', async () => {
  const main = path.join(root, 'tests', 'fakes', 'encord-standin', 'main.mjs');
  const child = spawn(process.execPath, [main, '--port', '0', '--demo', '--gcs-seed', path.join(root, 'no-such-seed-dir-is-needed')], { stdio: ['ignore', 'pipe', 'pipe'] });
  let err = '';
  child.stderr.on('data', (d) => { err += d; });
  const code = await new Promise((resolve) => child.on('exit', resolve));
  assert.notEqual(code, 0, 'a --gcs-seed that does not exist stops it');
  assert.match(err, /no-such-seed-dir-is-needed/);

  const demo = spawn(process.execPath, [main, '--port', '0', '--demo'], { stdio: ['ignore', 'pipe', 'inherit'] });
  try {
    const lines = await new Promise((resolve, reject) => {
      let out = '';
      demo.stdout.on('data', (d) => {
        out += d;
        if (/demo: objects:.*\n/.test(out)) resolve(out.split('\n'));
      });
      demo.on('exit', (c) => reject(new Error(`main.mjs exited with ${c}`)));
    });
    const origin = lines[0];
    assert.match(origin, /^http:\/\/127\.0\.0\.1:\d+$/);
    assert.ok(lines.some((l) => l.includes(DEMO_KEY_PATH) && /guards nothing/.test(l)));
    const get = (p) => send(origin, 'GET', `/v2/public/${p}`, { headers: sign({ method: 'GET', target: `/v2/public/${p}` }) });
    assert.deepEqual((await get('cloud-integrations')).json.result, [DEMO_INTEGRATION]);
    assert.deepEqual((await get('storage/folders')).json.results.map((f) => [f.uuid, f.name, f.description]), DEMO_FOLDERS.map((f) => [f.uuid, f.name, f.description]));
    const schema = await get('organisation/client-metadata-schema-v2');
    assert.deepEqual([schema.status, schema.text], [200, 'null']);
  } finally {
    demo.kill();
  }
});

// {status, headers, text, complete}: complete false when the connection closed before the body that
// Content-Length announced had arrived; {dropped: true} without an answer.
function sendWhole(method, target, { headers = {}, body } = {}) {
  const u = new URL(standin.origin);
  return new Promise((resolve, reject) => {
    const req = http.request({ host: u.hostname, port: u.port, method, path: target, headers, agent: false }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('error', () => {});  // 'aborted': reported as complete: false
      res.on('close', () => resolve({ status: res.statusCode, headers: res.headers, text: Buffer.concat(chunks).toString('utf8'), complete: res.complete }));
    });
    req.on('error', (err) => (err.code === 'ECONNRESET' || err.message === 'socket hang up' ? resolve({ dropped: true }) : reject(err)));
    req.end(body);
  });
}
const signedWhole = (method, target, value) => {
  const body = value === undefined ? undefined : JSON.stringify(value);
  const headers = { ...sign({ method, target: `/v2/public/${target}`, body: body ?? '' }), ...(body ? { 'Content-Type': 'application/json' } : {}) };
  return sendWhole(method, `/v2/public/${target}`, { headers, body });
};
const isJson = (t) => { try { JSON.parse(t); return true; } catch { return false; } };

test('faults: truncated bodies after handling: a job start whose answer broke off or was cut ran once; malformed polls and listings; in the random mix', async () => {
  const folder = await newFolder();
  const start = 'storage/folders/{folder}/data-upload-jobs';
  const job = `${start}/{job}`;
  const body = (urls) => ({ externalFiles: { images: urls.map((u) => ({ objectUrl: gs(u) })) }, integrationHash: DEMO_INTEGRATION.integrationUuid, ignoreErrors: true });
  standin.setFaults({ script: [
    { route: start, truncate: 'short' },
    { route: start, truncate: 'cut' },
    { route: 'storage/folders', method: 'GET', truncate: 'cut', keep: 10 },
  ] });
  // Short: the job id's JSON string was announced whole, half of it came, then the connection closed.
  const short = await signedWhole('POST', `storage/folders/${folder.uuid}/data-upload-jobs`, body(['many/0.jpg']));
  assert.deepEqual([short.status, short.complete, short.headers['content-length']], [200, false, '38']);
  assert.equal(short.text.length, 19);
  // Cut: a complete answer whose JSON string is not closed.
  const cut = await signedWhole('POST', `storage/folders/${folder.uuid}/data-upload-jobs`, body(['many/1.jpg']));
  assert.deepEqual([cut.status, cut.complete, cut.headers['content-length'], cut.text.length], [200, true, '19', 19]);
  assert.ok(!isJson(cut.text));
  // Both jobs ran, once each: the client just could not read their ids.
  const jobs = standin.jobs().filter((j) => j.folderUuid === folder.uuid);
  assert.equal(jobs.length, 2);
  assert.ok(jobs.some((j) => `"${j.jobUuid}"`.startsWith(short.text)) && jobs.some((j) => `"${j.jobUuid}"`.startsWith(cut.text)));
  for (const j of jobs) await finish(folder.uuid, j.jobUuid);
  assert.deepEqual(standin.registrations(folder.uuid).map((e) => [e.url, e.count]).sort(), [[gs('many/0.jpg'), 1], [gs('many/1.jpg'), 1]]);
  assert.deepEqual(standin.stats.get({ route: start, method: 'POST' }).answers, { truncated: 2 });
  assert.equal(standin.stats.jobsStarted, 2);
  const list = await signedWhole('GET', 'storage/folders');
  assert.deepEqual([list.status, list.complete, list.text.length], [200, true, 10]);
  assert.ok(!isJson(list.text));
  assert.equal((await api('GET', 'storage/folders')).status, 200, 'the script is used up: whole again');

  // A long poll whose answer is cut, then one that breaks off; the next is whole.
  const id = await startJob(folder.uuid, body(['many/2.jpg']).externalFiles, { ignoreErrors: true });
  standin.setFaults({ script: [{ route: job, truncate: 'cut' }, { route: job, truncate: 'short', keep: 5 }] });
  const target = `storage/folders/${folder.uuid}/data-upload-jobs/${id}?timeoutSeconds=5`;
  const p1 = await signedWhole('GET', target);
  assert.deepEqual([p1.status, p1.complete, isJson(p1.text)], [200, true, false]);
  const p2 = await signedWhole('GET', target);
  assert.deepEqual([p2.status, p2.complete, p2.text.length], [200, false, 5]);
  assert.equal((await finish(folder.uuid, id)).status, 'DONE');
  assert.deepEqual(standin.stats.get({ route: job }).answers.truncated, 2);

  // The random mix: what the picked requests get, in turn; the same again after setFaults.
  const pattern = async () => {
    standin.setFaults({ random: { rate: 0.5, seed: 5, mix: [{ status: 503 }, { drop: 'before' }, { truncate: 'short' }, { truncate: 'cut' }] } });
    const out = [];
    for (let i = 0; i < 8; i++) {
      const r = await signedWhole('GET', 'cloud-integrations');
      out.push(r.dropped ? 'dropped' : !r.complete ? 'broke off' : !isJson(r.text) ? 'malformed' : String(r.status));
    }
    return out;
  };
  const first = await pattern();
  assert.deepEqual([...first].sort(), ['200', '200', '200', '200', '503', 'broke off', 'dropped', 'malformed']);
  assert.deepEqual(await pattern(), first);
});

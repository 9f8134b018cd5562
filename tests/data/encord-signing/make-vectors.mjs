// Writes vectors.json (and the request bodies under bodies/): the Content-Digest, Signature-Input and
// Signature headers Encord's SDK would send for each case below, computed here with node's built-in crypto
// module alone, independently of eic's C++ code, from the algorithm of encord/http/v2/request_signer.py in
// encord-team/encord-client-python:
//   Content-Digest  = "sha-256=:" + base64(sha256(body bytes)) + ":"
//   params          = '("@method" "@request-target" "content-digest");created=N;keyid="HEX";alg="ed25519"'
//   signature base  = '"@method": M\n"@request-target": T\n"content-digest": D\n"@signature-params": P'
//   Signature-Input = "encord-sig=" + params;  Signature = "encord-sig=:" + base64(Ed25519(base)) + ":"
// keyid is the hex of the public key node derives from the key's seed (as the SDK derives it with
// private_key.public_key()), checked against the copy in the key file. The request target is the URL's
// path and query as WHATWG's URL parser gives them (what a browser sends), checked to equal the text of the
// URL as given.
//
// Run from anywhere: node tests/data/encord-signing/make-vectors.mjs
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const keysDir = path.join(here, '..', 'encord-keys');

// OpenSSH's private key format (PROTOCOL.key), unencrypted Ed25519 only: enough to take the seed out.
function readOpenSshEd25519(file) {
  const text = fs.readFileSync(path.join(keysDir, file), 'utf8');
  const b64 = text.split('-----BEGIN OPENSSH PRIVATE KEY-----')[1].split('-----END OPENSSH PRIVATE KEY-----')[0];
  const buf = Buffer.from(b64.replace(/\s+/g, ''), 'base64');
  let at = 0;
  const u32 = () => { const v = buf.readUInt32BE(at); at += 4; return v; };
  const str = () => { const n = u32(); const s = buf.subarray(at, at + n); at += n; return s; };
  const magic = buf.subarray(0, 15).toString('latin1');
  if (magic !== 'openssh-key-v1\0') throw new Error(`${file}: not openssh-key-v1`);
  at = 15;
  if (str().toString() !== 'none' || str().toString() !== 'none') throw new Error(`${file}: encrypted`);
  str();
  if (u32() !== 1) throw new Error(`${file}: not one key`);
  str();  // public key blob
  const priv = str();
  at = 0;
  const b = priv;
  const r32 = () => { const v = b.readUInt32BE(at); at += 4; return v; };
  const rs = () => { const n = r32(); const s = b.subarray(at, at + n); at += n; return s; };
  if (r32() !== r32()) throw new Error(`${file}: check numbers differ`);
  if (rs().toString() !== 'ssh-ed25519') throw new Error(`${file}: not ssh-ed25519`);
  const pub = rs();
  const pair = rs();
  return { seed: Buffer.from(pair.subarray(0, 32)), filePublicKey: Buffer.from(pub) };
}

function loadKey(file) {
  const { seed, filePublicKey } = readOpenSshEd25519(file);
  // PKCS#8 PrivateKeyInfo of an Ed25519 key (RFC 8410 section 7): a fixed prefix and the seed.
  const der = Buffer.concat([Buffer.from('302e020100300506032b657004220420', 'hex'), seed]);
  const privateKey = crypto.createPrivateKey({ key: der, format: 'der', type: 'pkcs8' });
  const publicKey = crypto.createPublicKey(privateKey);
  const raw = Buffer.from(publicKey.export({ format: 'jwk' }).x, 'base64url');
  if (!raw.equals(filePublicKey)) throw new Error(`${file}: the seed does not give the file's public key`);
  return { privateKey, publicKey, keyid: raw.toString('hex') };
}

// The path and query of the URL exactly as written (no fragment; "/" when there is no path).
function targetAsWritten(url) {
  const rest = url.replace(/^[a-z]+:\/\/[^/?#]*/i, '').split('#')[0];
  return rest.startsWith('/') ? rest : '/' + rest;
}

const cases = [
  { name: 'get-query-plus', description: 'GET with a query: + for a space, several parameters',
    key: 'ed25519', method: 'GET', url: 'https://api.encord.com/v2/public/storage/folders?search=a+b&pageSize=100',
    created: 1762080000 },
  { name: 'get-query-encoded-repeated', description: 'GET with %20 and %2F escapes and a repeated key (a list)',
    key: 'ed25519', method: 'GET',
    url: 'https://api.encord.com/v2/public/storage/items?title=my%20file.jpg&uuids=a%2Fb&uuids=c&desc=False',
    created: 1762080001 },
  { name: 'post-json', description: 'POST with a JSON body', key: 'ed25519', method: 'POST',
    url: 'https://api.encord.com/v2/public/storage/folders',
    body: '{"name":"eic import","description":"made by eic","parent":null}', created: 1762080030 },
  { name: 'post-empty-body', description: 'POST with an empty body: the digest of ""', key: 'ed25519',
    method: 'POST', url: 'https://api.encord.com/v2/public/storage/folders/0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0/cancel',
    body: '', created: 1762080031 },
  { name: 'post-non-ascii', description: 'POST with a UTF-8 body that is not ASCII', key: 'ed25519',
    method: 'POST', url: 'https://api.encord.com/v2/public/organisation/client-metadata-schema-v2',
    body: '{"title":"Ünïcode 日本 ✓","clientMetadata":{"note":"café"}}\n', created: 1762080032 },
  { name: 'lower-case-method', description: 'a lower-case method is signed upper-cased', key: 'ed25519',
    method: 'put', url: 'https://api.encord.com/v2/public/storage/items/abc?x=1', body: '{}', created: 1 },
  { name: 'get-no-query', description: 'GET of a path with no query, created 0', key: 'ed25519-second',
    method: 'GET', url: 'https://api.encord.com/v2/public/user/bearer-token', created: 0 },
  { name: 'no-path-port', description: 'a URL with a port and no path: the target is "/" and the query',
    key: 'ed25519-second', method: 'GET', url: 'http://127.0.0.1:8787?probe=1', created: 1700000000 },
  { name: 'fragment-dropped', description: 'the fragment is never sent, so it is not signed',
    key: 'ed25519-second', method: 'DELETE',
    url: 'https://api.us.encord.com/v2/public/storage/folders/f?pageToken=abc%2Fdef%3D%3D#top', created: 999999999999999 },
];

const keys = {};
const vectors = [];
for (const c of cases) {
  keys[c.key] ??= loadKey(c.key);
  const { privateKey, publicKey, keyid } = keys[c.key];
  const u = new URL(c.url);
  const target = u.pathname + u.search;
  if (target !== targetAsWritten(c.url)) throw new Error(`${c.name}: a browser would send ${target}`);
  const body = Buffer.from(c.body ?? '', 'utf8');
  let bodyFile = null;
  if (c.body !== undefined) {
    bodyFile = `bodies/${c.name}.txt`;
    fs.writeFileSync(path.join(here, bodyFile), body);
  }
  const digest = `sha-256=:${crypto.createHash('sha256').update(body).digest('base64')}:`;
  const params = `("@method" "@request-target" "content-digest");created=${c.created};keyid="${keyid}";alg="ed25519"`;
  const base = [`"@method": ${c.method.toUpperCase()}`, `"@request-target": ${target}`,
                `"content-digest": ${digest}`, `"@signature-params": ${params}`].join('\n');
  const signature = crypto.sign(null, Buffer.from(base, 'utf8'), privateKey);
  if (!crypto.verify(null, Buffer.from(base, 'utf8'), publicKey, signature)) throw new Error(`${c.name}: verify`);
  vectors.push({
    name: c.name, description: c.description, key: c.key, keyid, method: c.method, url: c.url,
    body_file: bodyFile, created: c.created, request_target: target, signature_base: base,
    headers: { 'Content-Digest': digest, 'Signature-Input': `encord-sig=${params}`,
               'Signature': `encord-sig=:${signature.toString('base64')}:` },
  });
}

const out = {
  comment: 'Generated by make-vectors.mjs with node\'s crypto module; keys in ../encord-keys (test-only). ' +
           'Do not edit: run node tests/data/encord-signing/make-vectors.mjs',
  vectors,
};
fs.writeFileSync(path.join(here, 'vectors.json'), JSON.stringify(out, null, 2) + '\n');
console.log(`wrote ${vectors.length} vectors to ${path.join(here, 'vectors.json')}`);

// Ed25519 keys in the forms Encord uses. A public key is registered as an OpenSSH line
// ("ssh-ed25519 AAAA... comment", https://docs.encord.com/docs/annotate-public-keys) or as the raw key
// in hex; the keyid of a v2 signature is the lowercase hex of the raw 32-byte public key
// (`public_key_hex` in encord/configs.py of encord-team/encord-client-python). The private key is an
// unencrypted OpenSSH file (the SDK loads it with cryptography's load_ssh_private_key), whose layout is
// PROTOCOL.key in openssh-portable. Node 20 reads neither OpenSSH form, so both are parsed here.
import crypto from 'node:crypto';
import fs from 'node:fs';

// DER prefixes that wrap a raw Ed25519 key as SPKI (public) and PKCS#8 (private seed); RFC 8410.
const SPKI_PREFIX = Buffer.from('302a300506032b6570032100', 'hex');
const PKCS8_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex');

// Reads the length-prefixed strings of the SSH wire format (RFC 4251 section 5).
function reader(buf, what) {
  let at = 0;
  const need = (n) => {
    if (at + n > buf.length) throw new Error(`${what} ends early`);
  };
  return {
    u32() { need(4); const v = buf.readUInt32BE(at); at += 4; return v; },
    bytes() { const n = this.u32(); need(n); const v = buf.subarray(at, at + n); at += n; return v; },
    text() { return this.bytes().toString('utf8'); },
    get rest() { return buf.length - at; },
    get at() { return at; },
  };
}

// The raw 32-byte key of an "ssh-ed25519" public key blob.
function rawFromBlob(blob, what) {
  const r = reader(blob, what);
  const type = r.text();
  if (type !== 'ssh-ed25519') throw new Error(`${what} is a ${type} key, not ssh-ed25519`);
  const raw = r.bytes();
  if (raw.length !== 32 || r.rest !== 0) throw new Error(`${what} does not hold one 32-byte Ed25519 key`);
  return Buffer.from(raw);
}

// "ssh-ed25519 AAAA... comment" or 64 hex digits → {raw, keyId, comment}.
export function parsePublicKey(text) {
  const t = String(text).trim();
  if (/^[0-9a-fA-F]{64}$/.test(t)) {
    const raw = Buffer.from(t, 'hex');
    return { raw, keyId: raw.toString('hex'), comment: '' };
  }
  const m = /^(\S+)\s+([A-Za-z0-9+/]+={0,2})(?:\s+(.*))?$/.exec(t);
  if (!m) throw new Error('a public key is an OpenSSH line "ssh-ed25519 AAAA... comment" or 64 hex digits');
  if (m[1] !== 'ssh-ed25519') throw new Error(`the public key is of type ${m[1]}; Encord takes Ed25519 keys only`);
  const blob = Buffer.from(m[2], 'base64');
  if (blob.toString('base64') !== m[2]) throw new Error('the public key is not canonical base64');
  const raw = rawFromBlob(blob, 'the public key');
  return { raw, keyId: raw.toString('hex'), comment: m[3] || '' };
}

export const publicKeyObject = (raw) => crypto.createPublicKey({ key: Buffer.concat([SPKI_PREFIX, raw]), format: 'der', type: 'spki' });

// An unencrypted OpenSSH private key file's text → {privateKey (KeyObject), raw (public), keyId, comment}.
export function parsePrivateKey(text) {
  const m = /-----BEGIN OPENSSH PRIVATE KEY-----([\s\S]*?)-----END OPENSSH PRIVATE KEY-----/.exec(String(text));
  if (!m) throw new Error('not an OpenSSH private key (no BEGIN OPENSSH PRIVATE KEY block)');
  const buf = Buffer.from(m[1].replace(/\s+/g, ''), 'base64');
  const magic = Buffer.from('openssh-key-v1\0', 'latin1');
  if (!buf.subarray(0, magic.length).equals(magic)) throw new Error('not an openssh-key-v1 private key');
  const r = reader(buf.subarray(magic.length), 'the private key');
  const cipher = r.text();
  const kdf = r.text();
  r.bytes(); // kdf options
  // Encord's docs: the private key must not be password protected (https://docs.encord.com/sdk-documentation/general-sdk/authentication-sdk).
  if (cipher !== 'none' || kdf !== 'none') throw new Error('the private key is password protected; Encord keys are not');
  if (r.u32() !== 1) throw new Error('the file holds more than one key');
  const raw = rawFromBlob(r.bytes(), 'the private key\'s public part');
  const p = reader(r.bytes(), 'the private section');
  if (p.u32() !== p.u32()) throw new Error('the private section\'s check numbers differ');
  const type = p.text();
  if (type !== 'ssh-ed25519') throw new Error(`the private key is a ${type} key, not ssh-ed25519`);
  const pub = p.bytes();
  const secret = p.bytes(); // seed (32) || public (32)
  const comment = p.text();
  if (!pub.equals(raw) || secret.length !== 64 || !secret.subarray(32).equals(raw)) {
    throw new Error('the private key\'s parts do not agree');
  }
  const privateKey = crypto.createPrivateKey({ key: Buffer.concat([PKCS8_PREFIX, secret.subarray(0, 32)]), format: 'der', type: 'pkcs8' });
  // The seed must give the public key the file names.
  const derived = crypto.createPublicKey(privateKey).export({ format: 'der', type: 'spki' }).subarray(SPKI_PREFIX.length);
  if (!derived.equals(raw)) throw new Error('the private key does not match its public key');
  return { privateKey, raw: Buffer.from(raw), keyId: raw.toString('hex'), comment };
}

export const readPrivateKey = (file) => parsePrivateKey(fs.readFileSync(file, 'utf8'));

// An OpenSSH public key line for a raw key (to register a key made in a test).
export function publicKeyLine(raw, comment = '') {
  const str = (b) => { const n = Buffer.alloc(4); n.writeUInt32BE(b.length); return Buffer.concat([n, b]); };
  const blob = Buffer.concat([str(Buffer.from('ssh-ed25519')), str(Buffer.from(raw))]);
  return `ssh-ed25519 ${blob.toString('base64')}${comment ? ` ${comment}` : ''}`;
}

// A fresh key pair in the same shape as parsePrivateKey's answer (for tests: an unregistered key).
export function generateKey(comment = '') {
  const { privateKey, publicKey } = crypto.generateKeyPairSync('ed25519');
  const raw = publicKey.export({ format: 'der', type: 'spki' }).subarray(SPKI_PREFIX.length);
  return { privateKey, raw: Buffer.from(raw), keyId: Buffer.from(raw).toString('hex'), comment };
}

// The browser's cryptography for eic: SHA-256 and RSASSA-PKCS1-v1_5 with SHA-256 from WebCrypto
// (crypto.subtle), never written by hand. A service-account key file's private key is imported as a
// non-extractable CryptoKey and kept in memory only: it is never logged, stored or put in a URL.
// https://developer.mozilla.org/en-US/docs/Web/API/SubtleCrypto/importKey (PKCS #8)
// https://developer.mozilla.org/en-US/docs/Web/API/SubtleCrypto/sign (RSASSA-PKCS1-v1_5)

const encoder = new TextEncoder();

export function toHex(buffer) {
  return Array.from(new Uint8Array(buffer), (b) => b.toString(16).padStart(2, '0')).join('');
}

export async function sha256Hex(text) {
  return toHex(await crypto.subtle.digest('SHA-256', encoder.encode(text)));
}

// The DER bytes inside a PEM block ("-----BEGIN PRIVATE KEY-----", RFC 7468).
function pemBody(pem, label) {
  const begin = `-----BEGIN ${label}-----`;
  const end = `-----END ${label}-----`;
  const a = pem.indexOf(begin);
  const b = pem.indexOf(end, a + begin.length);
  if (a < 0 || b < 0) return null;
  const base64 = pem.slice(a + begin.length, b).replace(/\s+/g, '');
  try {
    return Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
  } catch {
    return null;
  }
}

// A service-account key file (JSON text or object) -> {clientEmail, key: CryptoKey}. Throws an Error
// that names what is wrong, never quoting the key.
export async function importServiceAccount(keyFile) {
  let json = keyFile;
  if (typeof keyFile === 'string') {
    try {
      json = JSON.parse(keyFile);
    } catch {
      throw new Error('the key file is not JSON: a Google service-account key file is');
    }
  }
  if (!json || typeof json !== 'object') throw new Error('the key file is not a JSON object');
  if (typeof json.client_email !== 'string' || !json.client_email) throw new Error('the key file has no "client_email"');
  if (typeof json.private_key !== 'string') throw new Error('the key file has no "private_key"');
  const der = pemBody(json.private_key, 'PRIVATE KEY');
  if (!der) throw new Error('the key file\'s "private_key" is not a PEM "PRIVATE KEY" (PKCS #8) block');
  let key;
  try {
    key = await crypto.subtle.importKey('pkcs8', der, { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' }, false, ['sign']);
  } catch {
    throw new Error('the key file\'s "private_key" is not an RSA private key WebCrypto can import');
  }
  return { clientEmail: json.client_email, key };
}

export async function rsaSha256SignHex(key, text) {
  return toHex(await crypto.subtle.sign('RSASSA-PKCS1-v1_5', key, encoder.encode(text)));
}

// An Encord key's 32-byte Ed25519 seed (read from the OpenSSH file by eic's core, encord/openssh_key.hpp) as
// a non-extractable CryptoKey. WebCrypto imports an Ed25519 private key as PKCS #8, not raw
// (https://w3c.github.io/webcrypto/#ed25519-operations): the seed goes into the fixed RFC 8410 wrapping,
// OneAsymmetricKey { version 0, AlgorithmIdentifier { id-Ed25519 1.3.101.112 }, OCTET STRING { OCTET STRING seed } }.
const ED25519_PKCS8_PREFIX = [0x30, 0x2e, 0x02, 0x01, 0x00, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x04, 0x22, 0x04, 0x20];

export async function importEd25519Seed(seed) {
  if (!(seed instanceof Uint8Array) || seed.length !== 32) throw new Error('an Ed25519 seed is 32 bytes');
  const der = new Uint8Array(48);
  der.set(ED25519_PKCS8_PREFIX, 0);
  der.set(seed, 16);
  try {
    return await crypto.subtle.importKey('pkcs8', der, { name: 'Ed25519' }, false, ['sign']);
  } catch (err) {
    throw new Error(`this browser's WebCrypto cannot import an Ed25519 key (${err.message})`);
  } finally {
    der.fill(0);
  }
}

export async function ed25519SignHex(key, text) {
  return toHex(await crypto.subtle.sign({ name: 'Ed25519' }, key, encoder.encode(text)));
}

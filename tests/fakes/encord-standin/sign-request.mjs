// The stand-in's own v2 request signer, written from the SDK's (encord/http/v2/request_signer.py in
// encord-team/encord-client-python), for its tests, the demo and other tests' set-up. It shares
// http-signature.mjs with the verifier, so it proves nothing about a client's signer: eic's own signer
// is checked against the stand-in with `eic sign-request`.
import crypto from 'node:crypto';
import { LABEL, contentDigest, signatureParams, signatureBase } from './http-signature.mjs';
import { parsePrivateKey, readPrivateKey } from './ssh-keys.mjs';

// key: {privateKey, keyId} as parsePrivateKey gives, an OpenSSH private key's text, or a file path.
export function loadKey(key) {
  if (key && key.privateKey) return key;
  const text = String(key);
  return text.includes('-----BEGIN') ? parsePrivateKey(text) : readPrivateKey(text);
}

// Headers for one request. target: the path and query exactly as they go on the wire
// ('/v2/public/storage/folders?pageSize=10'). created: unix seconds, by default now minus 30 s as the
// SDK writes it ("clock skew"). keyId overrides the key's own id (to test refusals).
export function signRequest({ key, method, target, body, created, keyId }) {
  const k = loadKey(key);
  const bytes = body === undefined ? Buffer.alloc(0) : Buffer.isBuffer(body) ? body : Buffer.from(String(body), 'utf8');
  const digest = contentDigest(bytes);
  const params = signatureParams({ created: created ?? Math.floor(Date.now() / 1000) - 30, keyId: keyId ?? k.keyId });
  const base = signatureBase({ method, target, digest, params });
  const signature = crypto.sign(null, Buffer.from(base, 'utf8'), k.privateKey);
  return {
    'Content-Digest': digest,
    'Signature-Input': `${LABEL}=${params}`,
    Signature: `${LABEL}=:${signature.toString('base64')}:`,
  };
}

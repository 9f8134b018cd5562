// Who sent a request: an Ed25519 HTTP message signature checked against the registered public keys,
// or `Authorization: Bearer <token>` with a registered or issued token (BearerConfig in
// encord/configs.py of encord-team/encord-client-python sends that and no signature).
// The signature is rebuilt exactly as encord/http/v2/request_signer.py makes it (http-signature.mjs):
// the Content-Digest must be the SHA-256 of the body as received, the Signature-Input must cover
// "@method" "@request-target" "content-digest" with created, keyid and alg="ed25519", keyid must name a
// registered key, created must be within windowS of the stand-in's clock, and the Ed25519 signature
// must verify over the four-line signature base with "@request-target" the path and query as received.
// Every refusal is a 401 whose message says which check failed (Encord's own texts are not published).
import crypto from 'node:crypto';
import { LABEL, COMPONENTS, contentDigest, signatureBase } from './http-signature.mjs';
import { parsePublicKey, publicKeyObject } from './ssh-keys.mjs';
import { ApiError } from './errors.mjs';

export const DEFAULT_USER = 'eic-demo@example.com';

// keys: OpenSSH lines, hex, or {key, user}. tokens: strings or {token, user, expiresAtMs}.
export function makeAuth({ keys = [], tokens = [], clock, windowS = 300 }) {
  const byId = new Map();
  const tokenMap = new Map();
  const addKey = (k) => {
    const spec = typeof k === 'string' ? { key: k } : { ...k };
    const parsed = parsePublicKey(spec.key);
    // Encord refuses a public key that is already registered (https://docs.encord.com/docs/annotate-public-keys).
    if (byId.has(parsed.keyId)) throw new Error(`public key ${parsed.keyId} is already registered`);
    byId.set(parsed.keyId, { keyId: parsed.keyId, user: spec.user || DEFAULT_USER, verifyKey: publicKeyObject(parsed.raw) });
    return parsed.keyId;
  };
  const addToken = (t) => {
    const spec = typeof t === 'string' ? { token: t } : { ...t };
    if (!spec.token) throw new Error('a token needs a token string');
    tokenMap.set(spec.token, { user: DEFAULT_USER, ...spec });
    return spec.token;
  };
  keys.forEach(addKey);
  tokens.forEach(addToken);
  let window = Number(windowS);

  const refuse = (why, extra) => { throw new ApiError(401, why, extra); };

  function bySignature(req, body) {
    const h = req.headers;
    const missing = ['content-digest', 'signature-input', 'signature'].filter((n) => h[n] === undefined);
    if (missing.length) refuse(`The request is signed but lacks the ${missing.join(', ')} header(s).`);
    const digest = contentDigest(body);
    if (h['content-digest'] !== digest) {
      refuse(`Content-Digest does not match the body received: the body's digest is ${digest}, the header says ${h['content-digest']}.`);
    }
    const input = parseSignatureInput(h['signature-input']);
    if (input.error) refuse(`Signature-Input is not accepted: ${input.error}.`);
    const { created, keyid } = input.params;
    const key = byId.get(keyid);
    if (!key) refuse(`Unknown key: no public key with keyid ${keyid} is registered (keyid is the lowercase hex of the raw 32-byte Ed25519 public key).`);
    const now = clock.nowS();
    if (Math.abs(now - created) > window) {
      const off = now - created;
      refuse(`Signature created ${Math.abs(off)} s ${off > 0 ? 'in the past' : 'in the future'} of the server's clock (created=${created}, server time ${now}); created must be within ${window} s either way.`);
    }
    const sig = /^encord-sig=:([A-Za-z0-9+/]+={0,2}):$/.exec(h.signature || '');
    if (!sig) refuse(`Signature is not "${LABEL}=:<base64>:".`);
    const bytes = Buffer.from(sig[1], 'base64');
    if (bytes.length !== 64) refuse(`Signature holds ${bytes.length} bytes; an Ed25519 signature has 64.`);
    const base = signatureBase({ method: req.method, target: req.url, digest, params: input.raw });
    if (!crypto.verify(null, Buffer.from(base, 'utf8'), key.verifyKey, bytes)) {
      refuse(`Signature does not verify with key ${keyid} over the signature base the server built from the request as received.`, { signatureBase: base });
    }
    return { user: key.user, keyId: keyid, via: 'signature' };
  }

  return {
    addKey,
    addToken,
    get windowS() { return window; },
    setWindowS(s) { window = Number(s); },
    // {user, keyId?, via} for an accepted request; throws ApiError(401) otherwise.
    authenticate(req, body) {
      const h = req.headers;
      if (h.signature !== undefined || h['signature-input'] !== undefined) return bySignature(req, body);
      const auth = h.authorization;
      if (auth === undefined) {
        refuse('You are not authenticated to access the Encord platform: the request has neither a signature (Signature-Input, Signature, Content-Digest) nor an Authorization header.');
      }
      const m = /^Bearer (\S+)$/.exec(auth);
      if (!m) refuse('Authorization must be "Bearer <token>" (or sign the request instead).');
      const t = tokenMap.get(m[1]);
      if (!t) refuse('Unknown bearer token.');
      if (t.expiresAtMs !== undefined && clock.nowMs() >= t.expiresAtMs) refuse('The bearer token has expired.');
      return { user: t.user, via: 'token' };
    },
  };
}

// Parses "encord-sig=(...);created=N;keyid=\"...\";alg=\"ed25519\"" strictly: one signature labelled
// encord-sig, covering exactly the SDK's three components in its order, with exactly the parameters
// created (integer), keyid (64 lowercase hex digits) and alg ("ed25519"). Gives {raw, params} where raw
// is the value after the label as received (the signature base's "@signature-params"), or {error}.
export function parseSignatureInput(value) {
  const m = /^([^=]+)=(\(.*)$/.exec(value || '');
  if (!m) return { error: 'it is not "encord-sig=(...);created=...;keyid=...;alg=..."' };
  if (m[1] !== LABEL) return { error: `the signature label is "${m[1]}", not "${LABEL}"` };
  const raw = m[2];
  const list = /^\(([^)]*)\)/.exec(raw);
  if (!list) return { error: 'the covered components are not a parenthesised list' };
  const covered = list[1] === '' ? [] : list[1].split(' ').map((c) => (/^"[^"]*"$/.test(c) ? c.slice(1, -1) : null));
  if (covered.includes(null) || covered.join(' ') !== COMPONENTS.join(' ')) {
    return { error: `it covers (${list[1]}); Encord's signature covers ("@method" "@request-target" "content-digest"), in that order` };
  }
  const params = {};
  const re = /;([a-z][a-z0-9_.*-]*)=(-?\d+|"[^"\\]*")/y;
  re.lastIndex = list[0].length;
  while (re.lastIndex < raw.length) {
    const p = re.exec(raw);
    if (!p) return { error: `its parameters cannot be read from "${raw.slice(list[0].length)}"` };
    if (p[1] in params) return { error: `parameter ${p[1]} appears twice` };
    params[p[1]] = p[2].startsWith('"') ? p[2].slice(1, -1) : Number(p[2]);
  }
  const extra = Object.keys(params).filter((k) => !['created', 'keyid', 'alg'].includes(k));
  if (extra.length) return { error: `parameter ${extra.join(', ')} is not one Encord's signer sends (created, keyid, alg)` };
  if (!Number.isSafeInteger(params.created)) return { error: 'created must be an integer (unix seconds)' };
  if (typeof params.keyid !== 'string') return { error: 'keyid must be a quoted string' };
  if (!/^[0-9a-f]{64}$/.test(params.keyid)) return { error: `keyid "${params.keyid}" is not 64 lowercase hex digits` };
  if (params.alg !== 'ed25519') return { error: `alg must be "ed25519", not ${JSON.stringify(params.alg)}` };
  return { raw, params };
}

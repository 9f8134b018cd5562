// The pieces of Encord's v2 request signature, shared by the verifier (auth.mjs) and the stand-in's
// own signer (sign-request.mjs). Encord's SDK (encord/http/v2/request_signer.py in
// encord-team/encord-client-python) follows the IETF draft HTTP Message Signatures (now RFC 9421):
//   Content-Digest:  sha-256=:<base64 sha256(body as sent)>:          (RFC 9530)
//   Signature-Input: encord-sig=("@method" "@request-target" "content-digest");created=N;keyid="<hex>";alg="ed25519"
//   Signature:       encord-sig=:<base64 Ed25519 signature>:
// The signature covers the UTF-8 bytes of four lines joined by "\n", no trailing newline:
//   "@method": POST
//   "@request-target": /v2/public/...?query        (path and query as sent)
//   "content-digest": sha-256=:...:
//   "@signature-params": ("@method" "@request-target" "content-digest");created=N;keyid="...";alg="ed25519"
import crypto from 'node:crypto';

export const LABEL = 'encord-sig';
export const COMPONENTS = ['@method', '@request-target', 'content-digest'];

export const contentDigest = (body) =>
  `sha-256=:${crypto.createHash('sha256').update(body ?? Buffer.alloc(0)).digest('base64')}:`;

// The SDK's serialisation of the signature parameters, in its order.
export const signatureParams = ({ created, keyId }) =>
  `(${COMPONENTS.map((c) => `"${c}"`).join(' ')});created=${created};keyid="${keyId}";alg="ed25519"`;

export function signatureBase({ method, target, digest, params }) {
  return [
    `"@method": ${method.toUpperCase()}`,
    `"@request-target": ${target}`,
    `"content-digest": ${digest}`,
    `"@signature-params": ${params}`,
  ].join('\n');
}

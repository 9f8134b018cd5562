// The stand-in's own V4 URL signer, built on the same canonical pieces as its verifier. It makes load
// for measureCapacity and URLs for tests of the stand-in itself; it is not evidence that signing is
// right (eic's signer is checked against the stand-in with `eic sign-url`, and the pieces against
// Google's vectors in tests/e2e/gcs-standin.test.mjs).
import crypto from 'node:crypto';
import { googDate } from './clock.mjs';
import { encodeText } from './rfc3986.mjs';
import { canonicalQuery, canonicalHeaders, canonicalRequest, stringToSign, signedHost } from './v4-canonical.mjs';

// account: {email, privateKey} (service-accounts.mjs). origin: 'http://127.0.0.1:PORT'.
// query: extra parameters {name: value}; headers: extra signed headers {name: value}.
export function signUrl({ account, origin, bucket, object = '', method = 'GET', nowMs = Date.now(), expiresS = 900,
  query = {}, headers = {}, keepPort = false }) {
  const path = '/' + encodeText(bucket) + (object === '' ? '' : '/' + object.split('/').map(encodeText).join('/'));
  const datetime = googDate(nowMs);
  const scope = `${datetime.slice(0, 8)}/auto/storage/goog4_request`;
  const signed = { host: signedHost(new URL(origin).host, keepPort) };
  for (const [n, v] of Object.entries(headers)) signed[n.toLowerCase()] = v;
  const names = Object.keys(signed);
  const { lines, signedHeaders } = canonicalHeaders(names, (n) => [signed[n]]);
  const all = {
    'X-Goog-Algorithm': 'GOOG4-RSA-SHA256',
    'X-Goog-Credential': `${account.email}/${scope}`,
    'X-Goog-Date': datetime,
    'X-Goog-Expires': String(expiresS),
    'X-Goog-SignedHeaders': signedHeaders,
    ...query,
  };
  const params = Object.entries(all).map(([name, value]) => ({ name, value, encName: encodeText(name), encValue: encodeText(value) }));
  const queryText = canonicalQuery(params);
  const canonical = canonicalRequest({ method, path, query: queryText, headerLines: lines, signedHeaders, payload: 'UNSIGNED-PAYLOAD' });
  const toSign = stringToSign({ algorithm: 'GOOG4-RSA-SHA256', datetime, scope, canonical });
  const signature = crypto.sign('sha256', Buffer.from(toSign, 'utf8'), account.privateKey).toString('hex');
  return `${origin}${path}?${queryText}&X-Goog-Signature=${signature}`;
}

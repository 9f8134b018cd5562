// Checks a V4 signed URL (GOOG4-RSA-SHA256) as it arrived, following the checking recipe of Google's
// pages: https://cloud.google.com/storage/docs/authentication/canonical-requests (what is signed),
// https://cloud.google.com/storage/docs/authentication/signatures (scope, string to sign, the window
// "from 15 minutes before X-Goog-Date until X-Goog-Date + X-Goog-Expires", at most 604800 s),
// https://cloud.google.com/storage/docs/access-control/signed-urls (query parameters).
// Answers {ok: true, account} or a refusal {ok: false, status, code, message, details, extra} that the
// XML API sends as an <Error> document. Where Google documents no status or code (the window, the
// account), the choice is written next to it and in README.md.
import crypto from 'node:crypto';
import { parseGoogDate } from './clock.mjs';
import {
  splitTarget, parseQuery, canonicalQuery, canonicalHeaders, canonicalRequest, stringToSign, signedHost,
} from './v4-canonical.mjs';

const SIGNING_PARAMS = ['x-goog-algorithm', 'x-goog-credential', 'x-goog-date', 'x-goog-expires', 'x-goog-signedheaders', 'x-goog-signature'];
const MAX_EXPIRES_S = 604800;
const EARLY_MS = 15 * 60 * 1000;
const iso = (ms) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');

const refuse = (status, code, message, details, extra = []) => ({ ok: false, status, code, message, details, extra });
const invalid = (details) => refuse(400, 'InvalidArgument', 'Invalid argument.', details);

// Whether the request carries V4 query-string authentication at all (names compare without case:
// `gcloud storage sign-url` writes them in lower case).
export function carriesSignature(params) {
  return params.some((p) => SIGNING_PARAMS.includes(p.name.toLowerCase()) || p.name.toLowerCase().startsWith('x-amz-'));
}

// `headers`: the request's headers as node's req.headersDistinct gives them (lower-case name -> values).
export function verifyV4({ method, target, headers, accounts, nowMs, keepPort = false }) {
  const { path, rawQuery } = splitTarget(target);
  const params = parseQuery(rawQuery);
  if (!params) return invalid('The query string has a malformed percent-encoding.');
  if (params.some((p) => p.name.toLowerCase().startsWith('x-amz-'))) {
    return invalid('X-Amz- (HMAC) signed URLs are not implemented by this stand-in.');
  }
  const v = {};
  for (const name of SIGNING_PARAMS) {
    const found = params.filter((p) => p.name.toLowerCase() === name);
    if (found.length === 0) return invalid(`The signed URL has no ${name} parameter.`);
    if (found.length > 1) return invalid(`The signed URL has ${name} more than once.`);
    v[name] = found[0].value;
  }
  if (v['x-goog-algorithm'] !== 'GOOG4-RSA-SHA256') {
    return invalid(`Unsupported X-Goog-Algorithm ${v['x-goog-algorithm']}: this stand-in checks GOOG4-RSA-SHA256 only.`);
  }

  // AUTHORIZER/DATE/LOCATION/storage/goog4_request; the authorizer may itself hold no '/'.
  const parts = v['x-goog-credential'].split('/');
  const dateMs = parseGoogDate(v['x-goog-date']);
  if (parts.length !== 5 || parts[3] !== 'storage' || parts[4] !== 'goog4_request' || !parts[0]) {
    return invalid('X-Goog-Credential must be EMAIL/YYYYMMDD/LOCATION/storage/goog4_request.');
  }
  if (dateMs === null) return invalid("X-Goog-Date must be YYYYMMDD'T'HHMMSS'Z'.");
  if (parts[1] !== v['x-goog-date'].slice(0, 8)) return invalid('The credential scope date is not the day of X-Goog-Date.');
  if (!/^\d{1,12}$/.test(v['x-goog-expires']) || Number(v['x-goog-expires']) < 1) {
    return invalid('X-Goog-Expires must be a whole number of seconds from 1 to 604800.');
  }
  const expiresS = Number(v['x-goog-expires']);
  if (expiresS > MAX_EXPIRES_S) return invalid('Max allowed expiration interval is seven days (604800 seconds).');

  // Expired: 400 ExpiredToken "The provided token has expired" is what public fixtures show (not a
  // documented answer). Not yet valid: Google documents the window, not the refusal; this stand-in
  // answers 403 AccessDenied, the code GCS uses for other authorization refusals.
  const endMs = dateMs + expiresS * 1000;
  if (nowMs > endMs) return refuse(400, 'ExpiredToken', 'The provided token has expired.', `Request signature expired at: ${iso(endMs)}`);
  if (nowMs < dateMs - EARLY_MS) {
    return refuse(403, 'AccessDenied', 'Access denied.',
      `Request is not valid yet: X-Goog-Date ${iso(dateMs)} is more than 15 minutes after the server's time ${iso(nowMs)}.`);
  }

  const email = parts[0];
  const account = accounts.get(email);
  if (!account) {
    return refuse(403, 'AccessDenied', 'Access denied.', `The credential's service account ${email} is unknown, or has no key that signs here.`);
  }

  const signedNames = v['x-goog-signedheaders'].split(';').map((n) => n.toLowerCase());
  if (!signedNames.includes('host')) return invalid('X-Goog-SignedHeaders must include host.');
  // Every x-goog-* header the request sends must be signed, but x-goog-content-sha256 (canonical-requests page).
  const unsigned = Object.keys(headers).filter((n) => n.startsWith('x-goog-') && n !== 'x-goog-content-sha256' && !signedNames.includes(n));
  if (unsigned.length) return invalid(`The request sends headers it does not sign: ${unsigned.join(', ')}.`);

  const valuesOf = (name) => (name === 'host' ? [signedHost(headers.host?.[0], keepPort)] : headers[name] || []);
  const { lines, signedHeaders } = canonicalHeaders(signedNames, valuesOf);
  const payload = headers['x-goog-content-sha256']?.[0] ?? 'UNSIGNED-PAYLOAD';
  const canonical = canonicalRequest({ method, path, query: canonicalQuery(params), headerLines: lines, signedHeaders, payload });
  const toSign = stringToSign({ algorithm: 'GOOG4-RSA-SHA256', datetime: v['x-goog-date'], scope: parts.slice(1).join('/'), canonical });

  const hex = v['x-goog-signature'];
  const good = /^(?:[0-9a-f]{2})+$/.test(hex) &&
    crypto.verify('sha256', Buffer.from(toSign, 'utf8'), account.publicKey, Buffer.from(hex, 'hex'));
  if (!good) {
    return refuse(403, 'SignatureDoesNotMatch', 'Access denied.',
      'The request signature we calculated does not match the signature you provided. Check your Google secret key and signing method.',
      [['StringToSign', toSign], ['CanonicalRequest', canonical]]);
  }
  return { ok: true, account, canonicalRequest: canonical, stringToSign: toSign };
}

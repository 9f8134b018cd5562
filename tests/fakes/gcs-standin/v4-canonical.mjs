// The pieces of a V4 canonical request and string to sign, rebuilt from a request as it arrived
// (https://cloud.google.com/storage/docs/authentication/canonical-requests,
// https://cloud.google.com/storage/docs/authentication/signatures). Written from Google's pages and
// the published vectors (tests/data/gcs-v4), not from eic's C++, so the two check each other.
import crypto from 'node:crypto';
import { decodeBytes, encodeBytes } from './rfc3986.mjs';

// The request target split at the first '?': the path exactly as sent, and the raw query.
export function splitTarget(target) {
  const q = target.indexOf('?');
  return q < 0 ? { path: target, rawQuery: '' } : { path: target.slice(0, q), rawQuery: target.slice(q + 1) };
}

// Query parameters in arrival order, each with its decoded text and its canonical (re-encoded) form.
// null when a parameter's percent-encoding is malformed.
export function parseQuery(rawQuery) {
  const params = [];
  for (const part of rawQuery.split('&')) {
    if (part === '') continue;
    const eq = part.indexOf('=');
    const rawName = eq < 0 ? part : part.slice(0, eq);
    const rawValue = eq < 0 ? '' : part.slice(eq + 1);
    const name = decodeBytes(rawName);
    const value = decodeBytes(rawValue);
    if (name === null || value === null) return null;
    params.push({
      name: name.toString('utf8'), value: value.toString('utf8'),
      encName: encodeBytes(name), encValue: encodeBytes(value),
    });
  }
  return params;
}

// Every parameter but the signature, sorted by encoded name (then value) in byte order and joined
// with '&'. The client libraries disagree on what they sort for exotic names (raw or encoded keys);
// the encoded names are what the doc's examples sort, and they agree for every published vector.
export function canonicalQuery(params) {
  return params
    .filter((p) => p.name.toLowerCase() !== 'x-goog-signature')
    .map((p) => [p.encName, p.encValue])
    .sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0))
    .map(([n, v]) => `${n}=${v}`)
    .join('&');
}

// A header value as the canonical headers carry it: outer whitespace trimmed, inner runs of spaces,
// tabs and line breaks made one space (vectors "Headers should be trimmed", "Header value with
// multiple inline values").
export const canonicalValue = (v) => String(v).replace(/^[ \t\r\n]+|[ \t\r\n]+$/g, '').replace(/[ \t\r\n]+/g, ' ');

// The host as signed. The published vectors for emulator and endpoint hosts (http://localhost:8080)
// sign "host:localhost", without the port, as nodejs-storage does; python-storage keeps the port.
// keepPort picks python's convention.
export function signedHost(hostHeader, keepPort) {
  const host = String(hostHeader || '');
  if (keepPort) return host;
  if (host.startsWith('[')) return host.slice(0, host.indexOf(']') + 1);
  const colon = host.lastIndexOf(':');
  return colon < 0 ? host : host.slice(0, colon);
}

// Canonical header lines for the signed header names: lower-case names in code-point order, each
// "name:value\n"; a header sent several times has its values joined with ',' in request order.
// `valuesOf(name)` gives the request's values for a lower-case name (an array, maybe empty).
export function canonicalHeaders(signedNames, valuesOf) {
  const names = [...new Set(signedNames.map((n) => n.toLowerCase()))].sort();
  const lines = names.map((n) => `${n}:${valuesOf(n).map(canonicalValue).join(',')}\n`).join('');
  return { lines, signedHeaders: names.join(';') };
}

export function canonicalRequest({ method, path, query, headerLines, signedHeaders, payload }) {
  return [method, path, query, headerLines, signedHeaders, payload].join('\n');
}

export const sha256Hex = (text) => crypto.createHash('sha256').update(text, 'utf8').digest('hex');

export function stringToSign({ algorithm, datetime, scope, canonical }) {
  return [algorithm, datetime, scope, sha256Hex(canonical)].join('\n');
}

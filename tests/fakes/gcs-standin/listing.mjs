// One page of a bucket listing, shared by the XML API (max-keys, marker / continuation-token) and the
// JSON API (maxResults, pageToken, startOffset, endOffset). Names are in lexicographic order of their
// UTF-8 bytes; with a delimiter, names holding it after the prefix roll up into one common prefix each
// (https://cloud.google.com/storage/docs/xml-api/get-bucket-list,
// https://cloud.google.com/storage/docs/json_api/v1/objects/list). An object and a common prefix both
// count as one entry against the page size.
import { byteOrder } from './store.mjs';

// Page tokens are opaque to clients: here base64url of {k: last key, p: whether it was a prefix}.
export function encodeToken(key, isPrefix) {
  return Buffer.from(JSON.stringify({ k: key, p: isPrefix ? 1 : 0 }), 'utf8').toString('base64url');
}

export function decodeToken(token) {
  try {
    const t = JSON.parse(Buffer.from(token, 'base64url').toString('utf8'));
    return typeof t.k === 'string' ? { key: t.k, isPrefix: t.p === 1 } : null;
  } catch {
    return null;
  }
}

// after: {key, isPrefix} to continue after (exclusive; a prefix skips everything under it).
// Returns {objects, prefixes, truncated, last: {key, isPrefix}}.
export function listPage(bucket, { prefix = '', delimiter = '', after = null, maxKeys = 1000, startOffset = '', endOffset = '' }) {
  const objects = [];
  const prefixes = [];
  let last = null;
  let truncated = false;
  for (const name of bucket.names) {
    if (!name.startsWith(prefix)) {
      if (byteOrder(name, prefix) > 0) break;  // past the names that hold the prefix
      continue;
    }
    if (startOffset && byteOrder(name, startOffset) < 0) continue;
    if (endOffset && byteOrder(name, endOffset) >= 0) break;
    if (after && (byteOrder(name, after.key) <= 0 || (after.isPrefix && name.startsWith(after.key)))) continue;
    const at = delimiter ? name.indexOf(delimiter, prefix.length) : -1;
    const entry = at < 0 ? { key: name, isPrefix: false } : { key: name.slice(0, at + delimiter.length), isPrefix: true };
    if (entry.isPrefix && last?.isPrefix && last.key === entry.key) continue;  // one entry per common prefix
    if (objects.length + prefixes.length === maxKeys) { truncated = true; break; }
    if (entry.isPrefix) prefixes.push(entry.key);
    else objects.push(bucket.objects.get(name));
    last = entry;
  }
  return { objects, prefixes, truncated, last };
}

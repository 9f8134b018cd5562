// Paged listings as Encord's v2 API answers them: {"results": [...], "nextPageToken": "..."|null}; the
// client sends the token back as pageToken (encord/http/v2/payloads.py `Page`,
// ApiClient.get_paged_iterator in encord-team/encord-client-python). pageSize is 1..1000, default 100
// (ListFoldersParams, StorageFolder._list_folders). The token here is base64url JSON of the next
// offset and a fingerprint of the listing's other parameters; clients must treat it as opaque, and a
// token used with another listing is refused (400).
import crypto from 'node:crypto';
import { badRequest } from './errors.mjs';

const fingerprint = (listing) => crypto.createHash('sha256').update(JSON.stringify(listing)).digest('base64url').slice(0, 16);

// items: the whole sorted listing; listing: the parameters that define it (not pageToken/pageSize).
export function page(items, { pageSize, pageToken, listing }) {
  const fp = fingerprint(listing);
  let offset = 0;
  if (pageToken !== undefined) {
    let t;
    try {
      t = JSON.parse(Buffer.from(pageToken, 'base64url').toString('utf8'));
    } catch {
      t = null;
    }
    if (!t || !Number.isSafeInteger(t.o) || t.o < 0 || t.f !== fp) throw badRequest('pageToken is not a token of this listing.');
    offset = t.o;
  }
  const results = items.slice(offset, offset + pageSize);
  const next = offset + pageSize < items.length
    ? Buffer.from(JSON.stringify({ o: offset + pageSize, f: fp })).toString('base64url')
    : null;
  return { results, nextPageToken: next };
}

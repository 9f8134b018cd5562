// An object's bytes or headers, as the XML API's GET/HEAD and the JSON API's alt=media send them:
// the response headers of https://cloud.google.com/storage/docs/xml-api/reference-headers
// (x-goog-generation, x-goog-metageneration, x-goog-stored-content-length, one x-goog-hash header per
// hash, ETag the quoted MD5 hex), and a Range served as 206 with Content-Range.
import { httpDate } from './clock.mjs';
import { parseRange } from './range.mjs';

export function objectHeaders(obj) {
  return {
    'Content-Type': obj.contentType,
    'Last-Modified': httpDate(obj.updatedMs),
    ETag: `"${obj.md5Hex}"`,
    'x-goog-generation': obj.generation,
    'x-goog-metageneration': obj.metageneration,
    'x-goog-stored-content-length': String(obj.size),
    'x-goog-stored-content-encoding': 'identity',
    'x-goog-hash': [`crc32c=${obj.crc32cBase64}`, `md5=${obj.md5Base64}`],
    'x-goog-storage-class': 'STANDARD',
    'Accept-Ranges': 'bytes',
    'Cache-Control': 'private, max-age=0',
  };
}

// `unsatisfiable(headers)` sends the API's own 416 error with the given Content-Range header.
export function sendObject(ctx, obj, unsatisfiable) {
  const headers = objectHeaders(obj);
  if (ctx.method === 'HEAD') return ctx.send(200, headers, undefined, obj.size);
  const range = parseRange(ctx.req.headers.range, obj.size);
  if (range.kind === 'unsatisfiable') return unsatisfiable({ 'Content-Range': `bytes */${obj.size}` });
  if (range.kind === 'range') {
    headers['Content-Range'] = `bytes ${range.start}-${range.end}/${obj.size}`;
    return ctx.send(206, headers, obj.data.subarray(range.start, range.end + 1));
  }
  return ctx.send(200, headers, obj.data);
}

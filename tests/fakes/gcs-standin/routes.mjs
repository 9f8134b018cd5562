// Which API a request is for, and the bucket and object it names, from the path as sent.
//   /storage/v1/b/B[/o[/O]]              JSON API (https://cloud.google.com/storage/docs/json_api)
//   /download/storage/v1/b/B/o/O         JSON API media download
//   /v1/projects/P/serviceAccounts/A:signBlob   IAM Credentials signBlob
//   /B[/O]                               XML API, path style (https://cloud.google.com/storage/docs/xml-api/overview)
// The JSON API takes an object name as one percent-encoded segment ('/' as %2F); the XML API's object
// is the rest of the path after the bucket, percent-decoded.
import { decodeText } from './rfc3986.mjs';

const jsonPath = /^\/(download\/)?storage\/v1\/b\/([^/]+)(?:\/(o)(?:\/(.*))?)?$/;
const signBlobPath = /^\/v1\/projects\/([^/]+)\/serviceAccounts\/([^/]+):signBlob$/;

export function route(path) {
  let m = jsonPath.exec(path);
  if (m) {
    const bucket = decodeText(m[2]) ?? m[2];
    const raw = m[4];
    if (m[1]) return { api: 'json', kind: raw && !raw.includes('/') ? 'media' : 'unknown', bucket, object: decodeText(raw || '') ?? '' };
    if (!m[3]) return { api: 'json', kind: 'bucket', bucket, object: '' };
    if (raw === undefined || raw === '') return { api: 'json', kind: 'list', bucket, object: '' };
    // A raw '/' inside the object segment is no object name the JSON API takes.
    if (raw.includes('/')) return { api: 'json', kind: 'unknown', bucket, object: decodeText(raw) ?? raw };
    return { api: 'json', kind: 'object', bucket, object: decodeText(raw) ?? raw };
  }
  if (path.startsWith('/storage/') || path.startsWith('/download/')) return { api: 'json', kind: 'unknown', bucket: '', object: '' };
  m = signBlobPath.exec(path);
  if (m) return { api: 'iam', kind: 'signBlob', project: decodeText(m[1]) ?? m[1], bucket: '', object: decodeText(m[2]) ?? m[2] };
  if (path.startsWith('/v1/')) return { api: 'iam', kind: 'unknown', bucket: '', object: '' };
  const slash = path.indexOf('/', 1);
  const rawBucket = slash < 0 ? path.slice(1) : path.slice(1, slash);
  const rawObject = slash < 0 ? '' : path.slice(slash + 1);
  const object = decodeText(rawObject);
  return {
    api: 'xml',
    kind: rawBucket === '' ? 'root' : rawObject === '' ? 'bucket' : 'object',
    bucket: decodeText(rawBucket) ?? rawBucket,
    object: object ?? rawObject,
    malformed: object === null,
  };
}

// The JSON API, read-only, with an OAuth bearer token: objects.get (metadata, or the bytes with
// alt=media), objects.list, and buckets.get (so a CORS check can read ?fields=cors).
// https://cloud.google.com/storage/docs/json_api/v1/objects/get, .../objects/list, .../buckets/get;
// errors as https://cloud.google.com/storage/docs/json_api/v1/status-codes shows them.
import { bearerOf } from './tokens.mjs';
import { storageError, loginRequired, invalidCredentials } from './json-errors.mjs';
import { parseFields, applyFields } from './fields.mjs';
import { listPage, encodeToken, decodeToken } from './listing.mjs';
import { sendObject } from './object-answer.mjs';
import { rfc3339 } from './clock.mjs';
import { encodeText } from './rfc3986.mjs';

// Protocol-buffer varint, for etags shaped like the ones GCS shows (base64 of a message holding the
// generation and the metageneration); clients must treat them as opaque.
function varint(n) {
  const out = [];
  let v = BigInt(n);
  do {
    let b = Number(v & 0x7fn);
    v >>= 7n;
    if (v) b |= 0x80;
    out.push(b);
  } while (v);
  return out;
}
const etagOf = (generation, metageneration) =>
  Buffer.from([0x08, ...varint(generation), 0x10, ...varint(metageneration)]).toString('base64');

export function objectResource(obj, origin) {
  const path = `/b/${encodeText(obj.bucket)}/o/${encodeText(obj.name)}`;
  const time = rfc3339(obj.updatedMs);
  return {
    kind: 'storage#object',
    id: `${obj.bucket}/${obj.name}/${obj.generation}`,
    selfLink: `${origin}/storage/v1${path}`,
    mediaLink: `${origin}/download/storage/v1${path}?generation=${obj.generation}&alt=media`,
    name: obj.name,
    bucket: obj.bucket,
    generation: obj.generation,
    metageneration: obj.metageneration,
    contentType: obj.contentType,
    storageClass: 'STANDARD',
    size: String(obj.size),
    md5Hash: obj.md5Base64,
    crc32c: obj.crc32cBase64,
    etag: etagOf(obj.generation, obj.metageneration),
    timeCreated: time,
    updated: time,
    timeStorageClassUpdated: time,
  };
}

function bucketResource(bucket, origin) {
  const out = {
    kind: 'storage#bucket', id: bucket.name, selfLink: `${origin}/storage/v1/b/${encodeText(bucket.name)}`,
    projectNumber: '0', name: bucket.name, metageneration: '1', location: 'US', locationType: 'multi-region',
    storageClass: 'STANDARD', etag: 'CAE=', timeCreated: '2026-01-01T00:00:00.000Z', updated: '2026-01-01T00:00:00.000Z',
  };
  if (bucket.cors) out.cors = bucket.cors;
  return out;
}

const denied = (who) =>
  `${who} does not have storage.objects.get access to the Google Cloud Storage object. Permission 'storage.objects.get' denied on resource (or it may not exist).`;

export function handleJson(ctx) {
  const r = ctx.route;
  const { state } = ctx;
  if (r.kind === 'unknown') return ctx.json(404, storageError(404, 'notFound', 'Not Found'));
  if (ctx.method !== 'GET') {
    return ctx.json(501, storageError(501, 'notImplemented', `The stand-in is read-only: ${ctx.method} is not implemented.`));
  }
  const token = bearerOf(ctx.req);
  const wwwAuth = { 'WWW-Authenticate': 'Bearer realm="https://accounts.google.com/"' };
  if (!token) return ctx.json(401, loginRequired(), wwwAuth);
  const t = state.tokens.use(token);
  if (t.status !== 'ok') return ctx.json(401, invalidCredentials(), wwwAuth);

  const q = new URLSearchParams(ctx.rawQuery);
  const fieldsText = q.get('fields');
  const fields = fieldsText === null ? true : parseFields(fieldsText);
  if (!fields) {
    return ctx.json(400, storageError(400, 'invalidParameter', `Invalid field selection ${fieldsText}`,
      { locationType: 'parameter', location: 'fields' }));
  }
  const reply = (value) => ctx.json(200, applyFields(value, fields));

  const bucket = state.store.get(r.bucket);
  if (!bucket) return ctx.json(404, storageError(404, 'notFound', 'The specified bucket does not exist.'));
  if (r.kind === 'bucket') return reply(bucketResource(bucket, state.origin));
  if (r.kind === 'list') return list(ctx, bucket, q, reply);

  const obj = bucket.objects.get(r.object);
  if (!obj) return ctx.json(404, storageError(404, 'notFound', `No such object: ${r.bucket}/${r.object}`));
  if (obj.forbidden) return ctx.json(403, storageError(403, 'forbidden', denied(t.principal)));
  if (r.kind === 'media' || q.get('alt') === 'media') {
    return sendObject(ctx, obj, (headers) =>
      ctx.json(416, storageError(416, 'requestedRangeNotSatisfiable', 'Request range not satisfiable'), headers));
  }
  return reply(objectResource(obj, state.origin));
}

// objects.list: prefix, delimiter, pageToken, maxResults (at most 1000, counting items and prefixes),
// startOffset, endOffset. Empty lists are left out of the answer, as Google's APIs do.
function list(ctx, bucket, q, reply) {
  const bad = (name, value) =>
    ctx.json(400, storageError(400, 'invalid', `Invalid value for ${name}: ${value}`, { locationType: 'parameter', location: name }));
  const maxText = q.get('maxResults');
  if (maxText !== null && !/^\d{1,9}$/.test(maxText)) return bad('maxResults', maxText);
  const maxKeys = Math.max(1, Math.min(1000, maxText === null ? 1000 : Number(maxText)));
  const pageToken = q.get('pageToken');
  const after = pageToken ? decodeToken(pageToken) : null;
  if (pageToken && !after) return bad('pageToken', pageToken);
  const page = listPage(bucket, {
    prefix: q.get('prefix') ?? '', delimiter: q.get('delimiter') ?? '', after, maxKeys,
    startOffset: q.get('startOffset') ?? '', endOffset: q.get('endOffset') ?? '',
  });
  const out = { kind: 'storage#objects' };
  if (page.truncated) out.nextPageToken = encodeToken(page.last.key, page.last.isPrefix);
  if (page.prefixes.length) out.prefixes = page.prefixes;
  if (page.objects.length) out.items = page.objects.map((o) => objectResource(o, ctx.state.origin));
  return reply(out);
}

// The XML API, path style, read-only: HEAD/GET of an object (https://cloud.google.com/storage/docs/xml-api/get-object,
// .../head-object) and GET of a bucket, a listing (https://cloud.google.com/storage/docs/xml-api/get-bucket-list).
// Requests are authorized by a V4 signed URL (v4-verify.mjs) or an OAuth bearer token; anonymous
// callers are refused, as for a bucket that is not public.
import { carriesSignature, verifyV4 } from './v4-verify.mjs';
import { parseQuery } from './v4-canonical.mjs';
import { bearerOf } from './tokens.mjs';
import { sendObject } from './object-answer.mjs';
import { listPage, encodeToken, decodeToken } from './listing.mjs';
import { escapeXml, XML_DECLARATION } from './xml.mjs';
import { rfc3339 } from './clock.mjs';
import { encodeText } from './rfc3986.mjs';

const denied = (who, permission, what) =>
  `${who} does not have ${permission} access to the Google Cloud Storage ${what}. Permission '${permission}' denied on resource (or it may not exist).`;

// The caller's name, or null once a refusal has been sent.
function authorize(ctx, params) {
  const { state } = ctx;
  if (carriesSignature(params)) {
    const v = verifyV4({
      method: ctx.method, target: ctx.req.url, headers: ctx.req.headersDistinct,
      accounts: state.accounts, nowMs: state.clock.nowMs(), keepPort: state.keepPort,
    });
    if (v.ok) return v.account.email;
    ctx.xmlError(v.status, v.code, v.message, v.details, v.extra);
    return null;
  }
  const token = bearerOf(ctx.req);
  if (token) {
    const t = state.tokens.use(token);
    if (t.status === 'ok') return t.principal;
    ctx.xmlError(401, 'AuthenticationRequired', 'Authentication required.', `The bearer token is ${t.status}.`);
    return null;
  }
  const bucketLevel = ctx.route.kind === 'bucket';
  ctx.xmlError(403, 'AccessDenied', 'Access denied.',
    denied('Anonymous caller', bucketLevel ? 'storage.objects.list' : 'storage.objects.get', bucketLevel ? 'bucket' : 'object'));
  return null;
}

export function handleXml(ctx) {
  const r = ctx.route;
  if (r.kind === 'root') {
    return ctx.xmlError(400, 'InvalidArgument', 'Invalid argument.', 'This stand-in serves path-style URLs, /BUCKET or /BUCKET/OBJECT.');
  }
  if (ctx.method !== 'GET' && ctx.method !== 'HEAD') {
    return ctx.xmlError(501, 'NotImplemented', 'A header or query you provided requested a function that is not implemented.',
      `The stand-in is read-only: the XML API takes GET and HEAD, not ${ctx.method}.`);
  }
  const params = parseQuery(ctx.rawQuery);
  if (!params || r.malformed) return ctx.xmlError(400, 'InvalidArgument', 'Invalid argument.', 'The URL has a malformed percent-encoding.');
  const principal = authorize(ctx, params);
  if (!principal) return;
  const bucket = ctx.state.store.get(r.bucket);
  if (!bucket) return ctx.xmlError(404, 'NoSuchBucket', 'The specified bucket does not exist.');
  if (r.kind === 'bucket') {
    return ctx.method === 'HEAD' ? ctx.send(200, { 'Content-Type': 'application/xml; charset=UTF-8' }) : listBucket(ctx, bucket, params);
  }
  const obj = bucket.objects.get(r.object);
  if (obj?.forbidden) return ctx.xmlError(403, 'AccessDenied', 'Access denied.', denied(principal, 'storage.objects.get', 'object'));
  if (!obj) return ctx.xmlError(404, 'NoSuchKey', 'The specified key does not exist.');
  return sendObject(ctx, obj, (headers) =>
    ctx.xmlError(416, 'InvalidRange', 'The requested range cannot be satisfied.', undefined, [], headers));
}

// Listing, after https://cloud.google.com/storage/docs/xml-api/get-bucket-list: list-type 1 (the
// default) pages with marker / NextMarker, list-type=2 with continuation-token / NextContinuationToken
// (and start-after, KeyCount); max-keys is at most 1000 ("The XML API does not return lists longer
// than 1000 objects"); encoding-type=url URL-encodes names. The response elements are those of the
// S3-compatible ListBucketResult the page names, with GCS's Generation and MetaGeneration per object.
// Owner (fetch-owner) and versions (generation-marker) are not implemented.
function listBucket(ctx, bucket, params) {
  const q = (name) => params.find((p) => p.name === name)?.value;
  const bad = (details) => ctx.xmlError(400, 'InvalidArgument', 'Invalid argument.', details);
  const listType = q('list-type') ?? '1';
  if (listType !== '1' && listType !== '2') return bad(`list-type must be 1 or 2, not ${listType}.`);
  const v2 = listType === '2';
  const maxText = q('max-keys');
  if (maxText !== undefined && !/^\d{1,9}$/.test(maxText)) return bad('max-keys must be a whole number.');
  const maxKeys = Math.min(1000, maxText === undefined ? 1000 : Number(maxText));
  if (maxKeys < 1) return bad('max-keys must be at least 1.');
  const prefix = q('prefix') ?? '';
  const delimiter = q('delimiter') ?? '';
  const token = v2 ? q('continuation-token') : undefined;
  let after = null;
  if (token !== undefined) {
    after = decodeToken(token);
    if (!after) return bad('The continuation-token is not one this bucket listing gave.');
  } else if (v2 && q('start-after')) {
    after = { key: q('start-after'), isPrefix: false };
  } else if (!v2 && q('marker')) {
    after = { key: q('marker'), isPrefix: Boolean(delimiter) && q('marker').endsWith(delimiter) };
  }
  const urlEncoded = q('encoding-type') === 'url';
  const name = (n) => escapeXml(urlEncoded ? n.split('/').map(encodeText).join('/') : n);
  const page = listPage(bucket, { prefix, delimiter, after, maxKeys });

  let body = `${XML_DECLARATION}<ListBucketResult xmlns="http://doc.s3.amazonaws.com/2006-03-01">`;
  body += `<Name>${escapeXml(bucket.name)}</Name><Prefix>${name(prefix)}</Prefix>`;
  if (v2) body += `<KeyCount>${page.objects.length + page.prefixes.length}</KeyCount>`;
  else if (q('marker') !== undefined) body += `<Marker>${name(q('marker'))}</Marker>`;
  body += `<MaxKeys>${maxKeys}</MaxKeys>`;
  if (delimiter) body += `<Delimiter>${name(delimiter)}</Delimiter>`;
  if (urlEncoded) body += '<EncodingType>url</EncodingType>';
  body += `<IsTruncated>${page.truncated}</IsTruncated>`;
  if (v2 && token !== undefined) body += `<ContinuationToken>${escapeXml(token)}</ContinuationToken>`;
  if (page.truncated) {
    body += v2
      ? `<NextContinuationToken>${escapeXml(encodeToken(page.last.key, page.last.isPrefix))}</NextContinuationToken>`
      : `<NextMarker>${name(page.last.key)}</NextMarker>`;
  }
  for (const o of page.objects) {
    body += `<Contents><Key>${name(o.name)}</Key><Generation>${o.generation}</Generation>` +
      `<MetaGeneration>${o.metageneration}</MetaGeneration><LastModified>${rfc3339(o.updatedMs)}</LastModified>` +
      `<ETag>"${o.md5Hex}"</ETag><Size>${o.size}</Size></Contents>`;
  }
  for (const p of page.prefixes) body += `<CommonPrefixes><Prefix>${name(p)}</Prefix></CommonPrefixes>`;
  body += '</ListBucketResult>';
  return ctx.send(200, { 'Content-Type': 'application/xml; charset=UTF-8' }, body);
}

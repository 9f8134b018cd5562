// CORS as GCS answers it (https://cloud.google.com/storage/docs/cross-origin):
// - XML API endpoints (signed URLs included) follow only the bucket's configuration, a list of
//   {origin, method, responseHeader, maxAgeSeconds}; "*" matches any origin or method; the first rule
//   whose origin and method match wins (https://cloud.google.com/storage/docs/xml-api/put-bucket-cors).
//   A matched preflight gets Allow-Origin (the request's Origin), Allow-Methods, Allow-Headers (the
//   rule's responseHeader) and Max-Age; a matched request gets Allow-Origin and Expose-Headers (the
//   same responseHeader). No match, no CORS headers at all: the browser then withholds the answer.
// - JSON API endpoints always allow any origin: methods DELETE, GET, HEAD, PATCH, POST, PUT, the
//   requested headers, Max-Age 3600, credentials on simple requests, and common headers exposed.
//   signBlob (IAM Credentials, whose CORS Google does not document) is treated the same way here.

const JSON_METHODS = 'DELETE,GET,HEAD,PATCH,POST,PUT';
// The "common HTTP headers" the JSON API exposes; its list is not published, so these are the ones a
// client of this project reads.
const JSON_EXPOSED = [
  'Content-Type', 'Content-Length', 'Content-Range', 'Date', 'ETag', 'Location', 'Range',
  'x-goog-generation', 'x-goog-hash', 'x-goog-metageneration', 'x-goog-stored-content-length',
].join(',');

const matches = (list, value) => Array.isArray(list) && (list.includes('*') || list.includes(value));

export function matchRule(rules, origin, method) {
  return (rules || []).find((r) => matches(r.origin, origin) && matches(r.method, method)) || null;
}

// Headers for an XML API answer to `method` from `origin` (undefined when the request had no Origin).
export function xmlCorsHeaders(rules, origin, method) {
  if (!origin) return {};
  const rule = matchRule(rules, origin, method);
  if (!rule) return {};
  const h = { 'Access-Control-Allow-Origin': origin, Vary: 'Origin' };
  if (rule.responseHeader?.length) h['Access-Control-Expose-Headers'] = rule.responseHeader.join(',');
  return h;
}

export function xmlPreflightHeaders(rules, origin, requestMethod) {
  const rule = origin && requestMethod ? matchRule(rules, origin, requestMethod) : null;
  if (!rule) return {};
  const h = {
    'Access-Control-Allow-Origin': origin,
    'Access-Control-Allow-Methods': rule.method.join(','),
    Vary: 'Origin',
  };
  if (rule.responseHeader?.length) h['Access-Control-Allow-Headers'] = rule.responseHeader.join(',');
  if (rule.maxAgeSeconds !== undefined) h['Access-Control-Max-Age'] = String(rule.maxAgeSeconds);
  return h;
}

export function jsonCorsHeaders(origin) {
  if (!origin) return {};
  return {
    'Access-Control-Allow-Origin': origin,
    'Access-Control-Allow-Credentials': 'true',
    'Access-Control-Expose-Headers': JSON_EXPOSED,
    Vary: 'Origin',
  };
}

export function jsonPreflightHeaders(origin, requestHeaders) {
  if (!origin) return {};
  const h = {
    'Access-Control-Allow-Origin': origin,
    'Access-Control-Allow-Methods': JSON_METHODS,
    'Access-Control-Max-Age': '3600',
    Vary: 'Origin',
  };
  if (requestHeaders) h['Access-Control-Allow-Headers'] = requestHeaders;
  return h;
}

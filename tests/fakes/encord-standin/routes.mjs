// The v2 routes, named by their path templates under /v2/public/ (the base path of
// encord/http/v2/api_client.py in encord-team/encord-client-python). A route is known with the
// methods it answers; a known path with another method gets 405; a route the reference documents but
// the stand-in does not implement gets 501. Path parameters are returned as sent, undecoded (folder and
// job ids are UUIDs, so nothing in them needs decoding).

export const BASE = '/v2/public/';

const TEMPLATES = [
  ['user/bearer-token', ['GET']],
  ['organisation/client-metadata-schema-v2', ['GET', 'POST']],
  ['cloud-integrations', ['GET']],
  ['storage/folders', ['GET', 'POST']],
  ['storage/search/folders', ['GET']],
  ['storage/folders/{folder}', ['GET']],
  ['storage/folders/{folder}/folders', ['GET']],
  ['storage/folders/{folder}/data-upload-jobs', ['POST']],
  ['storage/folders/{folder}/data-upload-jobs/{job}', ['GET']],
  ['storage/folders/{folder}/data-upload-jobs/{job}/cancel', ['POST']],
];

// Documented in encord/storage.py and encord/metadata_schema.py but not implemented here.
const UNIMPLEMENTED = [
  ['organisation/client-metadata-schema', ['GET', 'POST']],
  ['storage/folders/{folder}', ['DELETE', 'PATCH']],
  ['storage/folders/{folder}/summary', ['GET']],
  ['storage/folders/{folder}/items', ['GET']],
  ['storage/folders/{folder}/cloud-synced-folder-syncs', ['POST']],
];

const compile = ([template, methods], implemented) => ({
  template,
  methods,
  implemented,
  names: [...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1]),
  re: new RegExp(`^${template.replace(/\{\w+\}/g, '([^/]+)')}$`),
});
const ROUTES = [...TEMPLATES.map((t) => compile(t, true)), ...UNIMPLEMENTED.map((t) => compile(t, false))];

// {template, params, allowed, implemented} for a path below BASE, or {template: null} when unknown.
// `allowed` lists the methods of every route with this template (implemented or not).
export function route(method, path) {
  if (!path.startsWith(BASE)) return { template: null, params: {}, allowed: [] };
  const rest = path.slice(BASE.length);
  const hits = ROUTES.filter((r) => r.re.test(rest));
  if (!hits.length) return { template: null, params: {}, allowed: [] };
  const allowed = hits.flatMap((r) => r.methods);
  const hit = hits.find((r) => r.methods.includes(method)) || hits[0];
  const m = hit.re.exec(rest);
  const params = Object.fromEntries(hit.names.map((n, i) => [n, m[i + 1]]));
  return { template: hit.template, params, allowed, implemented: hit.implemented && hit.methods.includes(method) };
}

// startEncordStandin: an HTTP server on 127.0.0.1 that answers like Encord's v2 public API for the
// routes eic uses: request signatures, the metadata schema, cloud integrations, storage folders and
// upload jobs (start, long poll, cancel), with CORS, injectable faults and request statistics.
// See README.md for what it implements and where each rule comes from.
import http from 'node:http';
import { makeClock } from './clock.mjs';
import { makeAuth } from './auth.mjs';
import { makeFaults } from './faults.mjs';
import { makeCors } from './cors.mjs';
import { Stats } from './stats.mjs';
import { route } from './routes.mjs';
import { makeQuery } from './query.mjs';
import { ApiError } from './errors.mjs';
import { makeContext } from './context.mjs';
import { makeFolders } from './folders.mjs';
import { makeIntegrations } from './integrations.mjs';
import { makeRegistry } from './registry.mjs';
import { makeJobs } from './jobs.mjs';
import { validateSchema } from './schema.mjs';
import { getSchema, postSchema, listIntegrations, bearerToken } from './org-api.mjs';
import { createFolder, getFolder, listFolders, searchFolders, listChildren } from './folder-api.mjs';
import { startJob, pollJob, cancelJob } from './upload-api.mjs';
import { DEMO_PUBLIC_KEY, DEMO_USER, DEMO_INTEGRATION } from './demo.mjs';

const HANDLERS = {
  'GET user/bearer-token': bearerToken,
  'GET organisation/client-metadata-schema-v2': getSchema,
  'POST organisation/client-metadata-schema-v2': postSchema,
  'GET cloud-integrations': listIntegrations,
  'GET storage/folders': listFolders,
  'POST storage/folders': createFolder,
  'GET storage/search/folders': searchFolders,
  'GET storage/folders/{folder}': getFolder,
  'GET storage/folders/{folder}/folders': listChildren,
  'POST storage/folders/{folder}/data-upload-jobs': startJob,
  'GET storage/folders/{folder}/data-upload-jobs/{job}': pollJob,
  'POST storage/folders/{folder}/data-upload-jobs/{job}/cancel': cancelJob,
};

async function dispatch(ctx, r, rawQuery) {
  const { req, state } = ctx;
  const origin = req.headers.origin;
  if (req.method === 'OPTIONS') {
    ctx.cors = {};
    const p = state.cors.preflight(origin, req.headers['access-control-request-method']);
    return p.status === 204 ? ctx.send(204, p.headers) : ctx.error(405, 'HTTP method OPTIONS is not allowed.', { Allow: r.allowed.join(', ') });
  }
  const f = state.faults.decide(ctx.at.route, req.method);
  if (f?.drop === 'before') {
    state.stats.answer(ctx.at, 'dropped');
    req.socket.destroy();
    return undefined;
  }
  if (f?.status) {
    const headers = f.retryAfter !== undefined ? { 'Retry-After': String(f.retryAfter) } : {};
    return ctx.error(Number(f.status), f.message, headers);
  }
  if (f?.drop === 'after') ctx.dropAnswer = true;
  if (f?.truncate) ctx.truncate = f;
  const body = await ctx.readBody(state.maxBodyBytes);
  if (body === null) throw new ApiError(413, `Request payload is too large: this server takes at most ${state.maxBodyBytes} bytes.`);
  ctx.body = body;
  if (!r.template) throw new ApiError(404, `No route for ${req.method} ${req.url.split('?')[0]}.`);
  ctx.user = state.auth.authenticate(req, body);
  if (!r.allowed.includes(req.method)) {
    throw new ApiError(405, `HTTP method ${req.method} is not allowed on ${r.template}.`, { headers: { Allow: [...new Set(r.allowed)].join(', ') } });
  }
  if (!r.implemented) throw new ApiError(501, `${req.method} ${r.template} is not implemented by the Encord stand-in.`);
  ctx.params = r.params;
  ctx.query = makeQuery(rawQuery);
  return HANDLERS[`${req.method} ${r.template}`](ctx);
}

// options (README.md has the table):
//   port; publicKeys (OpenSSH lines, hex, or {key, user}; default the demo key); tokens (strings or
//   {token, user, expiresAtMs}); integrations ([{integrationUuid?, title, strictClientOnly?, role?}],
//   default demo-gcs); folders (initial [{uuid?, name, description?, parent?, clientMetadata?}]);
//   schema (initial map or null); emptySchemaStatus (200: `null`, or 204); objectExists (async url →
//   boolean; default: nothing exists); unitsPerSecond (default 1000; 0: only stepJobs()); abortOnUnitError
//   (default true); longPollCapS (60); createdWindowS (300); clockOffsetS; corsOrigins (true: any, a
//   list, or false); faults (faults.mjs); latencyMs; maxBodyBytes (100 MB); maxUnitsPerJob (10000).
export async function startEncordStandin(options = {}) {
  const clock = makeClock(options.clockOffsetS);
  const initialFaults = { ...(options.faults || {}) };
  if (options.latencyMs !== undefined) initialFaults.latencyMs = options.latencyMs;
  const registry = makeRegistry();
  const state = {
    clock,
    auth: makeAuth({
      keys: options.publicKeys || [{ key: DEMO_PUBLIC_KEY, user: DEMO_USER }],
      tokens: options.tokens || [],
      clock,
      windowS: options.createdWindowS ?? 300,
    }),
    faults: makeFaults(initialFaults),
    cors: makeCors(options.corsOrigins ?? true),
    stats: new Stats(),
    integrations: makeIntegrations(options.integrations || [DEMO_INTEGRATION]),
    folders: makeFolders(clock),
    registry,
    schema: null,
    emptySchemaStatus: options.emptySchemaStatus === 204 ? 204 : 200,
    objectExists: options.objectExists || (async () => false),
    longPollCapS: options.longPollCapS ?? 60,
    maxBodyBytes: options.maxBodyBytes ?? 100 * 1024 * 1024,
    maxUnitsPerJob: options.maxUnitsPerJob ?? 10000,
  };
  state.jobs = makeJobs({
    registry,
    objectExists: (url) => state.objectExists(url),
    unitsPerSecond: options.unitsPerSecond ?? 1000,
    abortOnUnitError: options.abortOnUnitError ?? true,
  });
  const seed = () => {
    state.schema = options.schema ? validateSchema(structuredClone(options.schema)) : null;
    for (const f of options.folders || []) state.folders.create(f, f.owner || DEMO_USER, f.uuid);
  };
  seed();

  const timers = new Set();
  const server = http.createServer((req, res) => {
    const q = req.url.indexOf('?');
    const path = q < 0 ? req.url : req.url.slice(0, q);
    const rawQuery = q < 0 ? '' : req.url.slice(q + 1);
    const r = route(req.method, path);
    const at = { route: r.template || 'unknown', method: req.method };
    state.stats.request(at);
    const ctx = makeContext(req, res, state, at);
    ctx.cors = state.cors.answerHeaders(req.headers.origin);
    const go = () => dispatch(ctx, r, rawQuery).catch((err) => {
      if (err instanceof ApiError) {
        const { headers = {}, ...extra } = err.extra;
        return ctx.error(err.status, err.message, headers, extra);
      }
      return ctx.error(500, `stand-in error: ${err.message}`);
    });
    const delay = state.faults.latencyMs();
    if (delay <= 0) return go();
    const t = setTimeout(() => { timers.delete(t); go(); }, delay);
    timers.add(t);
    return undefined;
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', resolve);
  });
  const port = server.address().port;

  return {
    origin: `http://127.0.0.1:${port}`,
    port,
    stats: state.stats,
    clock,
    // Replaces the faults (faults.mjs) and restarts their counters.
    setFaults: (f) => state.faults.set(f),
    // Clears the statistics (and counters) and the faults; data stays.
    reset() {
      state.stats.reset();
      state.faults.set({});
    },
    // Back to the data given at start: schema, folders; no jobs, no registrations.
    resetData() {
      state.jobs.clear();
      state.registry.clear();
      state.folders.clear();
      seed();
    },
    // true (any origin), false (refuse every cross-origin request), or a list of origins.
    setCors: (p) => state.cors.set(p),
    setClockOffsetS: (s) => clock.setOffsetS(s),
    setCreatedWindowS: (s) => state.auth.setWindowS(s),
    setUnitsPerSecond: (x) => state.jobs.setUnitsPerSecond(x),
    // Lets n more units of every running job (or of one job) start.
    stepJobs: (n = 1, jobUuid = undefined) => state.jobs.step(n, jobUuid),
    setLongPollCapS: (s) => { state.longPollCapS = Number(s); },
    setObjectExists: (fn) => { state.objectExists = fn; },
    addPublicKey: (k) => state.auth.addKey(k),
    addToken: (t) => state.auth.addToken(t),
    // [{folderUuid, kind, urls, url, count, itemUuids, items}] (registry.mjs), optionally for one folder.
    registrations: (folderUuid) => state.registry.list(folderUuid),
    jobs: () => state.jobs.list(),
    folders: () => state.folders.all(),
    schema: () => (state.schema === null ? null : structuredClone(state.schema)),
    integrations: () => state.integrations.all().map((i) => ({ ...i })),
    close() {
      for (const t of timers) clearTimeout(t);
      timers.clear();
      state.jobs.close();
      return new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
}

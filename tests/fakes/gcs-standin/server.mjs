// startGcsStandin: an HTTP server on 127.0.0.1 that answers like Google Cloud Storage for the XML API
// (V4 signed URLs), the JSON API (bearer tokens) and IAM Credentials signBlob, with each bucket's
// CORS configuration, injectable faults and request statistics. See README.md for what it implements.
import http from 'node:http';
import { makeClock } from './clock.mjs';
import { readSeed, makeStore } from './store.mjs';
import { loadServiceAccounts } from './service-accounts.mjs';
import { makeTokens } from './tokens.mjs';
import { makeFaults } from './faults.mjs';
import { Stats } from './stats.mjs';
import { splitTarget } from './v4-canonical.mjs';
import { route } from './routes.mjs';
import { storageError } from './json-errors.mjs';
import { xmlCorsHeaders, xmlPreflightHeaders, jsonCorsHeaders, jsonPreflightHeaders } from './cors.mjs';
import { handleXml } from './xml-api.mjs';
import { handleJson } from './json-api.mjs';
import { handleSignBlob } from './sign-blob.mjs';
import { makeContext } from './context.mjs';
import { DEMO_KEY_PATH, DEMO_TOKEN } from './demo.mjs';

// Codes for scripted or random fault answers. GCS documents the statuses a client must retry
// (https://cloud.google.com/storage/docs/retry-strategy) but not these bodies; a fault may name its own.
const FAULT_XML = {
  408: 'RequestTimeout', 429: 'TooManyRequests', 500: 'InternalError', 502: 'BadGateway', 503: 'ServiceUnavailable', 504: 'GatewayTimeout',
};
const FAULT_JSON = {
  408: 'requestTimeout', 429: 'rateLimitExceeded', 500: 'backendError', 502: 'backendError', 503: 'backendError', 504: 'backendError',
};

function preflight(ctx) {
  const { req, route: r, state } = ctx;
  const origin = req.headers.origin;
  const headers = r.api === 'xml'
    ? xmlPreflightHeaders(state.store.get(r.bucket)?.cors, origin, req.headers['access-control-request-method'])
    : jsonPreflightHeaders(origin, req.headers['access-control-request-headers']);
  ctx.send(200, headers);
}

function faultAnswer(ctx, f) {
  const status = Number(f.status);
  const retry = f.retryAfter !== undefined ? { 'Retry-After': String(f.retryAfter) } : {};
  const text = f.message || http.STATUS_CODES[status] || 'Error';
  if (ctx.route.api === 'xml') {
    return ctx.xmlError(status, f.code || FAULT_XML[status] || 'InternalError', text, 'Injected by the stand-in.', [], retry);
  }
  return ctx.json(status, storageError(status, f.code || FAULT_JSON[status] || 'backendError', text), retry);
}

async function dispatch(ctx, at) {
  const { req, route: r, state } = ctx;
  if (req.method === 'OPTIONS') return preflight(ctx);
  const origin = req.headers.origin;
  ctx.cors = r.api === 'xml' ? xmlCorsHeaders(state.store.get(r.bucket)?.cors, origin, req.method) : jsonCorsHeaders(origin);
  if (r.api !== 'iam' && r.bucket) {
    const f = state.faults.decide(r.bucket, r.object);
    if (f?.drop) {
      state.stats.answer(at, 'dropped');
      req.socket.destroy();
      return undefined;
    }
    if (f?.truncate) ctx.truncate = f;  // handled as usual, its answer cut short (faults.mjs)
    else if (f) return faultAnswer(ctx, f);
  }
  if (r.api === 'xml') return handleXml(ctx);
  if (r.api === 'json') return handleJson(ctx);
  return handleSignBlob(ctx);
}

// options:
//   port (0: a free one); seed (a folder with demo-bucket.json, or that file) or buckets (inline, as
//   in demo-bucket.json, objects with data, file or size); serviceAccountKeys (key files: paths,
//   texts or objects; default the demo key); tokens (strings or {token, principal, expiresAtMs,
//   expiresAfterRequests}; default the demo token); clockOffsetS; keepPortInSignedHost (sign host
//   with its port, python-storage's convention; default without, the published vectors' one);
//   corsOrigins (origins added to every rule of the buckets that have a CORS configuration, as the
//   page's own origin would be); faults (faults.mjs); latencyMs (shorthand for faults.latencyMs).
export async function startGcsStandin(options = {}) {
  const clock = makeClock(options.clockOffsetS);
  let buckets = options.buckets || [];
  let dir = process.cwd();
  if (options.seed) ({ doc: { buckets }, dir } = readSeed(options.seed));
  const store = makeStore(buckets, dir);
  const corsOrigins = options.corsOrigins || [];
  if (corsOrigins.length) {
    for (const b of store.values()) {
      if (b.cors) b.cors = b.cors.map((rule) => ({ ...rule, origin: [...(rule.origin || []), ...corsOrigins] }));
    }
  }
  const initialFaults = { ...(options.faults || {}) };
  if (options.latencyMs !== undefined) initialFaults.latencyMs = options.latencyMs;
  const state = {
    store, clock, origin: '',
    accounts: loadServiceAccounts(options.serviceAccountKeys || [DEMO_KEY_PATH]),
    tokens: makeTokens(options.tokens || [DEMO_TOKEN], clock),
    faults: makeFaults(initialFaults),
    stats: new Stats(),
    keepPort: Boolean(options.keepPortInSignedHost),
  };
  const timers = new Set();
  const server = http.createServer((req, res) => {
    const { path, rawQuery } = splitTarget(req.url);
    const r = route(path);
    const at = { api: req.method === 'OPTIONS' ? 'preflight' : r.api, method: req.method, bucket: r.bucket, object: r.object };
    state.stats.request(at);
    const ctx = makeContext(req, res, state, at, r, rawQuery);
    const go = () => dispatch(ctx, at).catch((err) => {
      if (res.headersSent) res.destroy();
      else ctx.send(500, { 'Content-Type': 'text/plain' }, `stand-in error: ${err.message}`);
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
  state.origin = `http://127.0.0.1:${port}`;

  return {
    origin: state.origin,
    port,
    stats: state.stats,
    accounts: state.accounts,
    clock,
    // Replaces the faults (faults.mjs) and restarts their counters.
    setFaults: (f) => state.faults.set(f),
    // Clears the statistics, the faults and the tokens' use counts.
    reset() {
      state.stats.reset();
      state.faults.set({});
      state.tokens.resetUse();
    },
    setClockOffsetS: (s) => clock.setOffsetS(s),
    addToken: (t) => state.tokens.add(t),
    // Sets (or with [] / null removes) a bucket's CORS configuration.
    setCors(bucket, rules) {
      const b = store.get(bucket);
      if (!b) throw new Error(`no bucket ${bucket}`);
      b.cors = Array.isArray(rules) && rules.length ? rules : null;
    },
    bucketNames: () => [...store.keys()],
    close() {
      for (const t of timers) clearTimeout(t);
      timers.clear();
      return new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
}

// Serves build/web on 127.0.0.1 with the headers the page expects: correct MIME types (wasm streaming
// compilation needs application/wasm), a strict Content-Security-Policy and no caching surprises. The
// app's files but its pages carry Access-Control-Allow-Origin: *, so a host page on another origin can
// embed the module and the element (tests/e2e/embed.test.mjs).
// node scripts/serve.mjs [--port 8080] [--root build/web] [--connect ORIGIN]... [--test-pages]
//                        [--demo [--demo-latency-ms N] [--demo-error-rate R]]
//
// connect-src lists the origins of ROOT/connect-origins.txt (from web/connect-origins.txt: the one
// list, also written into index.html's <meta> policy by the build) and each --connect ORIGIN, in the
// header and in index.html's <meta> alike: a page enforces both policies, so an origin allowed in only
// one of them stays blocked. --test-pages adds the local origins browser tests serve from.
// --demo makes the demo bucket (tests/fakes/make-demo-bucket.mjs, into build/demo-bucket) if needed,
// starts the GCS stand-in (tests/fakes/gcs-standin) on a free port with this page's origin allowed by
// the eic-demo bucket's CORS, adds the stand-in's origin to connect-src as --connect would, and prints
// the stand-in's origin, the demo service-account key and the demo bearer token; it also starts the Encord
// stand-in (tests/fakes/encord-standin) with the demo organisation and prints its origin and key. The
// page's URL is printed with ?demo: the page then reads /demo/config.json (served in demo mode only: the
// stand-ins' origins, the eic-demo bucket and the demo's public test keys, as data) and opens connected.
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const args = process.argv.slice(2);
const opt = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] ? args[i + 1] : fallback;
};
const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(opt('--root', path.join(here, '..', 'build', 'web')));
const port = Number(opt('--port', '8080'));
// Extra folders under URL prefixes: browser tests mount their pages (workers, embedding hosts) at
// /__test__/ with --test-pages; benchmarks mount theirs with --mount /__bench__/=DIR.
const mounts = [];
if (args.includes('--test-pages')) mounts.push(['/__test__/', path.resolve(here, '..', 'tests', 'e2e', 'helpers', 'pages')]);
args.forEach((a, i) => {
  if (a !== '--mount' || !args[i + 1]) return;
  const [prefix, dir] = args[i + 1].split('=');
  mounts.push([prefix.endsWith('/') ? prefix : prefix + '/', path.resolve(dir)]);
});
const host = '127.0.0.1';

const types = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8', '.wasm': 'application/wasm', '.json': 'application/json; charset=utf-8',
  '.ttf': 'font/ttf', '.txt': 'text/plain; charset=utf-8', '.png': 'image/png', '.svg': 'image/svg+xml',
  '.d.ts': 'text/plain; charset=utf-8',
};
const listed = (() => {
  try {
    return fs.readFileSync(path.join(root, 'connect-origins.txt'), 'utf8').split('\n')
      .map((l) => l.trim()).filter((l) => l && !l.startsWith('#'));
  } catch {
    return [];
  }
})();
const extra = args.flatMap((a, i) => (a === '--connect' && args[i + 1] ? [args[i + 1]] : []));
if (args.includes('--test-pages')) extra.push('http://127.0.0.1:*', 'http://localhost:*');
// Set again once the demo's stand-in has its origin, before the page's URL is printed.
let connectSrc, csp;
function setPolicy() {
  connectSrc = ["'self'", ...listed, ...extra].join(' ');
  csp = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data: blob:; " +
    `font-src 'self'; connect-src ${connectSrc}; worker-src 'self'; object-src 'none'; ` +
    "base-uri 'none'; form-action 'none'; frame-ancestors 'self'";
}
setPolicy();

// The demo's settings for the page (web/demo-config.js), once the stand-ins run; null otherwise.
let demoConfig = null;

const server = http.createServer((req, res) => {
  let rel;
  try {
    rel = decodeURIComponent(new URL(req.url, 'http://x').pathname);
  } catch {
    res.writeHead(400).end('bad request');
    return;
  }
  if (rel === '/demo/config.json' && demoConfig) {
    const body = Buffer.from(JSON.stringify(demoConfig));
    res.writeHead(200, {
      'content-type': types['.json'], 'content-length': body.length, 'content-security-policy': csp,
      'x-content-type-options': 'nosniff', 'referrer-policy': 'no-referrer', 'cache-control': 'no-store',
    });
    res.end(req.method === 'HEAD' ? undefined : body);
    return;
  }
  if (rel.endsWith('/')) rel += 'index.html';
  let base = root;
  for (const [prefix, dir] of mounts) {
    if (!rel.startsWith(prefix)) continue;
    base = dir;
    rel = rel.slice(prefix.length - 1);
    break;
  }
  const file = path.resolve(base, '.' + rel);
  if (!file.startsWith(base + path.sep)) {
    res.writeHead(403).end('forbidden');
    return;
  }
  fs.stat(file, (err, st) => {
    if (err || !st.isFile()) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    const ext = file.endsWith('.d.ts') ? '.d.ts' : path.extname(file);
    // The page's own <meta> policy gets the same connect-src as the header.
    let body = null;
    if (path.basename(file) === 'index.html' && base === root) {
      body = Buffer.from(fs.readFileSync(file, 'utf8').replace(/connect-src [^;"]*/, `connect-src ${connectSrc}`));
    }
    // A host page on another origin embeds the app (ES module, custom element): module scripts, and the
    // wasm and fonts they fetch, are CORS requests (https://html.spec.whatwg.org/multipage/webappapis.html#fetch-a-single-module-script),
    // so the app's own files may be read by any origin; they hold no secrets. Pages (.html) and test
    // mounts are not shared.
    const shared = base === root && ext !== '.html';
    res.writeHead(200, {
      'content-type': types[ext] || 'application/octet-stream',
      'content-length': body ? body.length : st.size,
      'content-security-policy': csp,
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'no-referrer',
      'cache-control': 'no-cache',
      ...(shared ? { 'access-control-allow-origin': '*' } : {}),
    });
    if (req.method === 'HEAD') { res.end(); return; }
    if (body) { res.end(body); return; }
    fs.createReadStream(file).pipe(res);
  });
});

server.on('error', (err) => {
  console.error(`serve: ${err.message}`);
  process.exit(1);
});
// The demo's GCS stand-in, serving build/demo-bucket to this page's origin. Gives the lines to print.
async function startDemo(pageOrigins) {
  const { makeDemoBucket } = await import('../tests/fakes/make-demo-bucket.mjs');
  const { startGcsStandin, DEMO_KEY_PATH, DEMO_TOKEN } = await import('../tests/fakes/gcs-standin/index.mjs');
  const seed = path.resolve(here, '..', 'build', 'demo-bucket');
  const doc = await makeDemoBucket(seed, { log: (m) => console.error(m) });
  const faults = {};
  if (opt('--demo-latency-ms')) faults.latencyMs = Number(opt('--demo-latency-ms'));
  if (opt('--demo-error-rate')) faults.random = { rate: Number(opt('--demo-error-rate')), status: 503, seed: 1 };
  const standin = await startGcsStandin({ seed, corsOrigins: pageOrigins, faults });
  // The Encord stand-in: the demo organisation, key and integration; upload jobs fail the units whose
  // objects the demo bucket lacks.
  const encord = await import('../tests/fakes/encord-standin/index.mjs');
  const encordStandin = await encord.startEncordStandin({
    ...encord.demoOptions(),
    objectExists: encord.objectExistsInBuckets(doc.buckets, { origins: [standin.origin] }),
    corsOrigins: pageOrigins,
    faults,
  });
  extra.push(standin.origin, encordStandin.origin);
  setPolicy();
  demoConfig = {
    format: 'eic-demo-config',
    version: 1,
    encord: { domain: encordStandin.origin, key: fs.readFileSync(encord.DEMO_KEY_PATH, 'utf8') },
    gcs: { endpoint: standin.origin, bucket: 'eic-demo', key: fs.readFileSync(DEMO_KEY_PATH, 'utf8') },
  };
  return [
    `demo: GCS stand-in at ${standin.origin} (buckets ${doc.buckets.map((b) => b.name).join(', ')}; XML API, JSON API, signBlob)`,
    `demo: service-account key ${DEMO_KEY_PATH}`,
    `demo: bearer token ${DEMO_TOKEN}`,
    `demo: Encord stand-in at ${encordStandin.origin} (the page's URL with ?demo connects to it)`,
    `demo: Encord key ${encord.DEMO_KEY_PATH}`,
  ];
}

server.listen(port, host, async () => {
  const actual = server.address().port;
  let demoLines = [];
  if (args.includes('--demo')) {
    try {
      demoLines = await startDemo([`http://${host}:${actual}`, `http://localhost:${actual}`]);
    } catch (err) {
      console.error(`serve: the demo did not start: ${err.code === 'ENOENT' ? 'ffmpeg is missing (run scripts/setup)' : err.message}`);
      process.exit(1);
    }
  }
  // With the demo, the URL opens the page connected to the stand-ins (web/demo-config.js).
  console.log(`eic is served at http://${host}:${actual}/${demoConfig ? '?demo' : ''}`);
  for (const line of demoLines) console.log(line);
});

// scripts/bench: validation speed against the named peer, measured in the same run (never a timed test).
//   1. browser: eic validateManifest vs TextDecoder + JSON.parse + ajv (allErrors), ~55 MB manifest
//   2. native:  build/native/eic validate vs node JSON.parse + ajv, same file
//   3. browser: a ~1 GB manifest through validateManifest(Blob), wasm memory vs file size
// node scripts/bench.mjs [--images N] [--large-images N | --no-large] [--runs N]
// EIC_WEB_ROOT and EIC_NATIVE_DIR measure another build tree (default build/web and build/native).
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Ajv from 'ajv';
import standaloneCode from 'ajv/dist/standalone/index.js';
import { launch } from '../tests/e2e/helpers/browser.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const opt = (name, fallback) => { const i = args.indexOf(name); return i >= 0 ? Number(args[i + 1]) : fallback; };
const images = opt('--images', 100000);
const largeImages = args.includes('--no-large') ? 0 : opt('--large-images', 1850000);
const runs = opt('--runs', 5);
const out = path.join(root, 'build', 'bench');
fs.mkdirSync(out, { recursive: true });
const MB = 1e6;
const webRoot = path.resolve(process.env.EIC_WEB_ROOT || path.join(root, 'build', 'web'));
const nativeDir = path.resolve(process.env.EIC_NATIVE_DIR || path.join(root, 'build', 'native'));

function generate(name, count) {
  const file = path.join(out, name);
  const schema = path.join(out, 'schema.json');
  if (fs.existsSync(file) && fs.existsSync(schema) && fs.statSync(file).mtimeMs > fs.statSync(path.join(root, 'scripts/bench-data/gen_manifest.py')).mtimeMs) return file;
  console.log(`bench: generating ${count} images into ${path.relative(root, file)}`);
  const r = spawnSync('python3', [path.join(root, 'scripts/bench-data/gen_manifest.py'), file, '--images', String(count), '--schema', schema], { stdio: 'inherit' });
  if (r.status !== 0) throw new Error('manifest generation failed');
  return file;
}

// The JSON Schema the peer validates with: what eic checks on this file (types, enum, embedding
// length, datetime pattern, URL pattern, title length), derived from the Encord wire schema.
function peerSchema(wire) {
  const hintTypes = { number: { type: 'number' }, boolean: { type: 'boolean' }, text: { type: 'string' },
    varchar: { type: 'string', maxLength: 8192 }, uuid: { type: 'string', pattern: '^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$' },
    datetime: { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}(T\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?(Z|[+-]\\d{2}:?\\d{2})?)?$' } };
  const meta = {};
  for (const [key, t] of Object.entries(wire)) {
    if (t.ty === 'variant') meta[key] = hintTypes[t.hint];
    else if (t.ty === 'enum') meta[key] = { enum: t.values };
    else if (t.ty === 'embedding') meta[key] = { type: 'array', minItems: t.size, maxItems: t.size, items: { type: 'number' } };
  }
  return {
    type: 'object', additionalProperties: false,
    properties: { images: { type: 'array', items: { type: 'object', required: ['objectUrl'], additionalProperties: false,
      properties: {
        objectUrl: { type: 'string', maxLength: 16384, pattern: '^https://storage\\.(cloud\\.google|googleapis)\\.com/[a-z0-9][a-z0-9._-]{1,220}[a-z0-9]/[^\\s]+$' },
        title: { type: 'string', maxLength: 300 },
        clientMetadata: { type: 'object', properties: meta },
      } } } },
  };
}

function serve() {
  const child = spawn(process.execPath, [path.join(root, 'scripts/serve.mjs'), '--port', '0', '--root', webRoot,
    '--mount', `/__bench__/=${path.join(root, 'scripts/bench-pages')}`, '--mount', `/__data__/=${out}`],
  { stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve) => child.stdout.on('data', (d) => {
    const m = String(d).match(/http:\/\/127\.0\.0\.1:\d+\//);
    if (m) resolve({ url: m[0], stop: () => child.kill() });
  }));
}

function nativeEic(file, schema) {
  let best = Infinity;
  for (let i = 0; i < 3; ++i) {
    const t = process.hrtime.bigint();
    const r = spawnSync(path.join(nativeDir, 'eic'), ['validate', file, '--schema', schema, '--output', 'json', '--max-diagnostics', '100'], { maxBuffer: 1 << 28 });
    const ms = Number(process.hrtime.bigint() - t) / 1e6;
    if (r.status !== 0 && r.status !== 1) throw new Error(`eic validate failed: ${r.stderr}`);
    best = Math.min(best, ms);
  }
  return best;
}

function nativePeer(file, validate) {
  let best = Infinity;
  for (let i = 0; i < 3; ++i) {
    const t = process.hrtime.bigint();
    const doc = JSON.parse(fs.readFileSync(file, 'utf8'));
    validate(doc);
    best = Math.min(best, Number(process.hrtime.bigint() - t) / 1e6);
  }
  return best;
}

const file = generate(`manifest-${images}.json`, images);
const schemaFile = path.join(out, 'schema.json');
const schemaText = fs.readFileSync(schemaFile, 'utf8');
const jsonSchema = peerSchema(JSON.parse(schemaText));
const ajv = new Ajv({ allErrors: true, unicode: false, code: { source: true, esm: true } });
const validate = ajv.compile(jsonSchema);
fs.writeFileSync(path.join(root, 'scripts/bench-pages/ajv-validate.mjs'), `// generated by scripts/bench.mjs (ajv standalone)\n${standaloneCode(ajv, validate)}`);
const size = fs.statSync(file).size;

const server = await serve();
const browser = await launch();
const results = {};
try {
  const page = await (await browser.newContext()).newPage();
  page.on('pageerror', (e) => console.error('page error:', e));
  await page.goto(`${server.url}__bench__/bench.html`);
  await page.waitForFunction(() => window.benchReady === true);
  const b = await page.evaluate((a) => window.benchCompare(a), { url: `/__data__/${path.basename(file)}`, schemaText, runs });
  results.browser = b;
  const eicRate = b.bytes / MB / (b.eicMs / 1000), peerRate = b.bytes / MB / (b.peerMs / 1000);
  console.log(`browser  ${(b.bytes / MB).toFixed(1)} MB, median of ${runs}: eic validateManifest ${b.eicMs.toFixed(0)} ms (${eicRate.toFixed(0)} MB/s), ` +
    `TextDecoder+JSON.parse+ajv ${b.peerMs.toFixed(0)} ms (${peerRate.toFixed(0)} MB/s): ratio ${(b.peerMs / b.eicMs).toFixed(2)}x`);
  console.log(`         first call (a fresh module): eic ${b.eicFirstMs.toFixed(0)} ms`);
  console.log(`         findings: eic ${b.eicSummary.errors} errors / ${b.eicSummary.warnings} warnings over ${b.eicSummary.items} items; ajv ${b.peerErrors} errors`);

  // A fresh module's first calls, on a new page and then on a second page of the same context (which
  // may reuse the compiled code Chromium cached for the module).
  const firsts = [];
  const ctx = await browser.newContext();
  for (let i = 0; i < 2; ++i) {
    const p = await ctx.newPage();
    await p.goto(`${server.url}__bench__/bench.html`);
    await p.waitForFunction(() => window.benchReady === true);
    firsts.push(await p.evaluate((a) => window.benchFirst(a), { url: `/__data__/${path.basename(file)}`, schemaText }));
    await p.close();
  }
  await ctx.close();
  results.first = firsts;
  const callsText = (f) => f.calls.map((ms) => ms.toFixed(0)).join(', ');
  console.log(`         fresh module: instantiate ${firsts[0].createMs.toFixed(0)} ms, calls ${callsText(firsts[0])} ms; ` +
    `second page (code cache): instantiate ${firsts[1].createMs.toFixed(0)} ms, calls ${callsText(firsts[1])} ms`);

  const eicNative = nativeEic(file, schemaFile), peerNative = nativePeer(file, validate);
  console.log(`native   eic validate ${eicNative.toFixed(0)} ms (${(size / MB / (eicNative / 1000)).toFixed(0)} MB/s, one core, process start and file read included), ` +
    `node JSON.parse+ajv ${peerNative.toFixed(0)} ms (${(size / MB / (peerNative / 1000)).toFixed(0)} MB/s): ratio ${(peerNative / eicNative).toFixed(2)}x`);
  results.native = { eicMs: eicNative, peerMs: peerNative, bytes: size };

  if (largeImages) {
    const large = generate(`manifest-${largeImages}.json`, largeImages);
    const page2 = await (await browser.newContext()).newPage();
    await page2.goto(`${server.url}__bench__/bench.html`);
    await page2.waitForFunction(() => window.benchReady === true);
    const l = await page2.evaluate((a) => window.benchLarge(a), { url: `/__data__/${path.basename(large)}`, schemaText });
    results.large = l;
    console.log(`large    ${(l.bytes / MB).toFixed(0)} MB in the browser: validateManifest(Blob) ${(l.ms / 1000).toFixed(1)} s (${(l.bytes / MB / (l.ms / 1000)).toFixed(0)} MB/s), ` +
      `${l.summary.items} items; wasm memory ${(l.memoryAfter / MB).toFixed(0)} MB = ${(l.memoryAfter / l.bytes).toFixed(2)}x the file ` +
      `(V8's longest string is ${(l.maxStringLength / MB).toFixed(0)} MB, so JSON.parse cannot take this file)`);
  }
} finally {
  await browser.close();
  server.stop();
}
fs.writeFileSync(path.join(out, 'results.json'), JSON.stringify(results, null, 2));

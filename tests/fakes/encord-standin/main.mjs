#!/usr/bin/env node
// The Encord stand-in as a process, for the demo and for manual runs:
//   node tests/fakes/encord-standin/main.mjs --port N [--demo] [--gcs-origin URL | --gcs-seed DIR]
//     [--gcs-token T] [--units-per-second R] [--latency-ms N] [--faults FILE.json] [--cors-origin ORIGIN]...
//     [--no-cors] [--public-key LINE|FILE]... [--token T]... [--clock-offset-s S] [--created-window-s S]
//     [--long-poll-cap-s S] [--empty-schema-204]
// Prints its origin (http://127.0.0.1:PORT) on stdout, alone on the first line (with --demo, lines
// describing the demo follow), and runs until SIGINT or SIGTERM.
// Objects exist when the GCS stand-in at --gcs-origin has them (asked through its JSON API with
// --gcs-token, default the GCS demo token), or when the buckets of --gcs-seed (a folder with
// demo-bucket.json) list them; --demo uses build/demo-bucket when neither is given and it exists.
import fs from 'node:fs';
import { startEncordStandin } from './server.mjs';
import { demoOptions, DEMO_PUBLIC_KEY, DEMO_KEY_PATH, DEMO_INTEGRATION, DEMO_FOLDERS, DEMO_GCS_SEED_DIR } from './demo.mjs';
import { objectExistsInGcsStandin, objectExistsInBuckets, bucketsFromSeed } from './gcs-objects.mjs';

const usage = 'usage: main.mjs --port N [--demo] [--gcs-origin URL | --gcs-seed DIR] [--gcs-token T] [--units-per-second R]\n' +
  '         [--latency-ms N] [--faults FILE.json] [--cors-origin ORIGIN]... [--no-cors] [--public-key LINE|FILE]...\n' +
  '         [--token T]... [--clock-offset-s S] [--created-window-s S] [--long-poll-cap-s S] [--empty-schema-204]';
const flags = ['--demo', '--no-cors', '--empty-schema-204'];
const valued = ['--port', '--gcs-origin', '--gcs-seed', '--gcs-token', '--units-per-second', '--latency-ms', '--faults',
  '--cors-origin', '--public-key', '--token', '--clock-offset-s', '--created-window-s', '--long-poll-cap-s'];
const args = process.argv.slice(2);
const given = {};
for (let i = 0; i < args.length; i++) {
  const a = args[i];
  if (flags.includes(a)) { given[a] = [true]; continue; }
  if (a === '--help' || a === '-h') { console.log(usage); process.exit(0); }
  if (!valued.includes(a) || args[i + 1] === undefined) { console.error(`encord-standin: unexpected ${a}\n${usage}`); process.exit(2); }
  (given[a] ||= []).push(args[++i]);
}
const one = (name) => given[name]?.at(-1);
const number = (name, fallback) => {
  const v = one(name);
  if (v === undefined) return fallback;
  if (v === 'Infinity') return Infinity;
  if (!Number.isFinite(Number(v))) { console.error(`encord-standin: ${name} takes a number, not ${v}`); process.exit(2); }
  return Number(v);
};
const demo = Boolean(one('--demo'));
if (one('--gcs-origin') && one('--gcs-seed')) { console.error('encord-standin: give --gcs-origin or --gcs-seed, not both'); process.exit(2); }

const options = demo ? demoOptions() : {};
const notes = [];
if (one('--gcs-origin')) {
  options.objectExists = objectExistsInGcsStandin(one('--gcs-origin'), one('--gcs-token') ? { token: one('--gcs-token') } : {});
  notes.push(`objects: asked of the GCS stand-in at ${one('--gcs-origin')}`);
} else {
  const seed = one('--gcs-seed') || (demo && fs.existsSync(DEMO_GCS_SEED_DIR) ? DEMO_GCS_SEED_DIR : null);
  if (seed && !fs.existsSync(seed)) { console.error(`encord-standin: --gcs-seed ${seed} does not exist`); process.exit(2); }
  if (seed) {
    options.objectExists = objectExistsInBuckets(bucketsFromSeed(seed));
    notes.push(`objects: the buckets of ${seed}`);
  } else {
    notes.push('objects: no GCS source given, so every unit fails as "Object not found" (--gcs-origin or --gcs-seed)');
  }
}
const keys = (given['--public-key'] || []).map((k) => (fs.existsSync(k) ? fs.readFileSync(k, 'utf8').trim() : k));
// Added to the demo key, which stays registered.
if (keys.length) options.publicKeys = [...(options.publicKeys || [DEMO_PUBLIC_KEY]), ...keys];
if (given['--token']) options.tokens = given['--token'];
if (one('--no-cors')) options.corsOrigins = false;
else if (given['--cors-origin']) options.corsOrigins = given['--cors-origin'];
const faults = one('--faults') ? JSON.parse(fs.readFileSync(one('--faults'), 'utf8')) : {};
if (one('--latency-ms') !== undefined) faults.latencyMs = number('--latency-ms', 0);
options.faults = faults;
options.port = number('--port', 0);
options.unitsPerSecond = number('--units-per-second', demo ? 5 : 1000);
options.clockOffsetS = number('--clock-offset-s', 0);
options.createdWindowS = number('--created-window-s', 300);
options.longPollCapS = number('--long-poll-cap-s', 60);
if (one('--empty-schema-204')) options.emptySchemaStatus = 204;

const standin = await startEncordStandin(options);
console.log(standin.origin);
if (demo) {
  console.log(`demo: Encord stand-in at ${standin.origin}/v2/public/ (signed requests or bearer tokens)`);
  console.log(`demo: Ed25519 key ${DEMO_KEY_PATH} (public, test-only; it guards nothing)`);
  console.log(`demo: integration "${DEMO_INTEGRATION.title}" ${DEMO_INTEGRATION.integrationUuid}`);
  for (const f of DEMO_FOLDERS) console.log(`demo: folder "${f.name}" ${f.uuid}`);
  for (const n of notes) console.log(`demo: ${n}`);
}
const stop = () => standin.close().then(() => process.exit(0));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);

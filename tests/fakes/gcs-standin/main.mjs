#!/usr/bin/env node
// The GCS stand-in as a process, for the demo and for manual runs:
//   node tests/fakes/gcs-standin/main.mjs --port N --seed DIR [--latency-ms N] [--error-rate R]
//     [--error-seed S] [--faults FILE.json] [--clock-offset-s S] [--cors-origin ORIGIN]...
//     [--token T]... [--keep-port-in-signed-host]
// Prints its origin (http://127.0.0.1:PORT) on stdout, alone on the first line, and runs until
// SIGINT or SIGTERM. DIR holds demo-bucket.json (tests/fakes/make-demo-bucket.mjs makes one).
import fs from 'node:fs';
import { startGcsStandin } from './server.mjs';
import { DEMO_TOKEN } from './demo.mjs';

const usage = 'usage: main.mjs --port N --seed DIR [--latency-ms N] [--error-rate R] [--error-seed S] [--faults FILE.json]\n' +
  '         [--clock-offset-s S] [--cors-origin ORIGIN]... [--token T]... [--keep-port-in-signed-host]';
const valued = ['--port', '--seed', '--latency-ms', '--error-rate', '--error-seed', '--faults', '--clock-offset-s', '--cors-origin', '--token'];
const args = process.argv.slice(2);
const given = {};
for (let i = 0; i < args.length; i++) {
  const a = args[i];
  if (a === '--keep-port-in-signed-host') { given[a] = [true]; continue; }
  if (a === '--help' || a === '-h') { console.log(usage); process.exit(0); }
  if (!valued.includes(a) || args[i + 1] === undefined) { console.error(`gcs-standin: unexpected ${a}\n${usage}`); process.exit(2); }
  (given[a] ||= []).push(args[++i]);
}
const one = (name) => given[name]?.at(-1);
const number = (name, fallback) => {
  const v = one(name);
  if (v === undefined) return fallback;
  if (!Number.isFinite(Number(v))) { console.error(`gcs-standin: ${name} takes a number, not ${v}`); process.exit(2); }
  return Number(v);
};
if (!one('--seed')) { console.error(`gcs-standin: --seed DIR is required\n${usage}`); process.exit(2); }

const faults = one('--faults') ? JSON.parse(fs.readFileSync(one('--faults'), 'utf8')) : {};
if (one('--latency-ms') !== undefined) faults.latencyMs = number('--latency-ms', 0);
if (one('--error-rate') !== undefined) faults.random = { rate: number('--error-rate', 0), status: 503, seed: number('--error-seed', 0) };

const standin = await startGcsStandin({
  port: number('--port', 0),
  seed: one('--seed'),
  faults,
  clockOffsetS: number('--clock-offset-s', 0),
  corsOrigins: given['--cors-origin'] || [],
  tokens: given['--token'] || [DEMO_TOKEN],
  keepPortInSignedHost: Boolean(one('--keep-port-in-signed-host')),
});
console.log(standin.origin);
const stop = () => standin.close().then(() => process.exit(0));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);

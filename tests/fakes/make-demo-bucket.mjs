#!/usr/bin/env node
// Makes the demo buckets the GCS stand-in serves: small real media made with ffmpeg (Debian package
// ffmpeg; its lavfi test source, no sample files), and OUTDIR/demo-bucket.json, which lists the
// buckets (with their CORS configurations), the objects and the facts a client should find in each
// (width, height, MIME type, size; for videos duration, frame rate, frames and where the moov box is).
//   node tests/fakes/make-demo-bucket.mjs [OUTDIR]      (default build/demo-bucket)
// Idempotent: when OUTDIR/demo-bucket.json has this script's VERSION and every file is there with its
// size, nothing is made again. Bump VERSION when the recipe changes.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { fileURLToPath, pathToFileURL } from 'node:url';

const run = promisify(execFile);
export const VERSION = 1;
const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const DEFAULT_OUT = path.join(repoRoot, 'build', 'demo-bucket');

const MIME = {
  '.jpg': 'image/jpeg', '.png': 'image/png', '.webp': 'image/webp', '.gif': 'image/gif', '.bmp': 'image/bmp',
  '.tiff': 'image/tiff', '.mp4': 'video/mp4', '.mov': 'video/quicktime',
};

// What the eic-demo bucket allows: reads (GET, HEAD) from the page served by scripts/serve.mjs on its
// default port; the stand-in adds the page's actual origin (its corsOrigins option). responseHeader
// is both the preflight's Access-Control-Allow-Headers (Range is a request header a check sends) and
// the answer's Access-Control-Expose-Headers (Date for clock skew, ETag, Content-Range and
// x-goog-generation are not CORS-safelisted): https://cloud.google.com/storage/docs/cross-origin.
const DEMO_CORS = [{
  origin: ['http://127.0.0.1:8080', 'http://localhost:8080'],
  method: ['GET', 'HEAD'],
  responseHeader: ['Content-Type', 'Content-Length', 'Date', 'ETag', 'Range', 'Content-Range', 'x-goog-generation'],
  maxAgeSeconds: 3600,
}];

const image = (name, width, height, extra = {}) => ({ name, kind: 'image', width, height, ...extra });
const video = (name, width, height, fps, seconds, moov) => ({ name, kind: 'video', width, height, fps, seconds, moov });
const frames = Array.from({ length: 8 }, (_, i) => `sequences/walk/frame-${String(i + 1).padStart(4, '0')}.png`);

// Distinct sizes, so a client that mixes objects up is caught.
const EIC_DEMO = [
  image('images/photo-64x48.jpg', 64, 48),
  image('images/diagram-320x240.png', 320, 240),
  image('images/sticker-17x31.webp', 17, 31),
  image('images/badge-40x30.gif', 40, 30),
  image('images/scan-50x70.bmp', 50, 70),
  image('images/page-120x90.tiff', 120, 90),
  ...frames.map((name, i) => image(name, 32, 24, { frame: i })),
  image('groups/mixed/a-64x64.png', 64, 64),
  image('groups/mixed/b-100x50.jpg', 100, 50),
  image('groups/mixed/c-30x60.webp', 30, 60),
  image('groups/mixed/d-90x90.gif', 90, 90),
  video('videos/clip-faststart.mp4', 160, 120, 10, 1, 'start'),
  video('videos/clip-moov-at-end.mp4', 176, 144, 12, 1.5, 'end'),
  video('videos/clip.mov', 128, 96, 15, 2, 'start'),
  image('café/naïve photo.jpg', 33, 21),
  image('with spaces/a b & c.png', 25, 25),
  image('private/secret.jpg', 48, 48, { forbidden: true }),
];
const NOCORS = ['images/photo-64x48.jpg', 'images/diagram-320x240.png', 'videos/clip-faststart.mp4'];

const even = (n) => n + (n % 2);
const exact = ['-fflags', '+bitexact', '-flags', '+bitexact', '-map_metadata', '-1'];

function ffmpegArgs(spec, out) {
  if (spec.kind === 'video') {
    const src = `testsrc2=size=${spec.width}x${spec.height}:rate=${spec.fps}`;
    const args = ['-nostdin', '-v', 'error', '-y', '-f', 'lavfi', '-i', src, '-t', String(spec.seconds), '-c:v', 'libx264',
      '-pix_fmt', 'yuv420p', '-g', String(spec.fps), '-crf', '40', ...exact];
    if (spec.moov === 'start') args.push('-movflags', '+faststart');
    return [...args, out];
  }
  // An even-sized test card, cropped in RGB so odd sizes survive (yuv420p rounds them down); the
  // frames of a sequence turn its hue, so no two are the same.
  const hue = spec.frame === undefined ? '' : `,hue=h=${spec.frame * 40}`;
  const src = `testsrc2=size=${even(spec.width)}x${even(spec.height)}:rate=1${hue},format=rgb24,crop=${spec.width}:${spec.height}:0:0`;
  return ['-nostdin', '-v', 'error', '-y', '-f', 'lavfi', '-i', src, '-frames:v', '1', ...exact, out];
}

async function probe(file) {
  const { stdout } = await run('ffprobe', ['-v', 'error', '-select_streams', 'v:0', '-count_frames',
    '-show_entries', 'stream=width,height,nb_read_frames:format=duration', '-of', 'json', file]);
  const j = JSON.parse(stdout);
  return { width: j.streams[0].width, height: j.streams[0].height, frames: Number(j.streams[0].nb_read_frames), duration: Number(j.format.duration) };
}

// Top-level ISO BMFF boxes in order (ISO/IEC 14496-12), to record whether moov comes before mdat.
function moovPosition(bytes) {
  const order = [];
  for (let at = 0, n = 0; at + 8 <= bytes.length && n < 64; n++) {
    let size = bytes.readUInt32BE(at);
    const type = bytes.toString('latin1', at + 4, at + 8);
    if (size === 1) size = Number(bytes.readBigUInt64BE(at + 8));
    if (size === 0) size = bytes.length - at;
    if (size < 8) break;
    order.push(type);
    at += size;
  }
  return order.indexOf('moov') < order.indexOf('mdat') ? 'start' : 'end';
}

async function makeOne(spec, outDir, index) {
  const file = path.join('files', 'eic-demo', spec.name);
  const abs = path.join(outDir, file);
  fs.mkdirSync(path.dirname(abs), { recursive: true });
  await run('ffmpeg', ffmpegArgs(spec, abs));
  const got = await probe(abs);
  if (got.width !== spec.width || got.height !== spec.height) {
    throw new Error(`${spec.name}: ffmpeg made ${got.width}x${got.height}, not ${spec.width}x${spec.height}`);
  }
  const bytes = fs.readFileSync(abs);
  const mimeType = MIME[path.extname(spec.name)];
  const expect = { mimeType, width: spec.width, height: spec.height, size: bytes.length };
  if (spec.kind === 'video') {
    Object.assign(expect, { durationS: Math.round(got.duration * 1000) / 1000, fps: spec.fps, frames: got.frames, moov: moovPosition(bytes) });
    if (expect.moov !== spec.moov) throw new Error(`${spec.name}: moov is at the ${expect.moov}, not the ${spec.moov}`);
  }
  const updated = new Date(Date.parse('2026-01-02T03:04:05.000Z') + index * 1000).toISOString();
  const o = { name: spec.name, file, contentType: mimeType, updated, kind: spec.kind, expect };
  if (spec.forbidden) o.forbidden = true;
  return o;
}

function isMade(outDir) {
  try {
    const doc = JSON.parse(fs.readFileSync(path.join(outDir, 'demo-bucket.json'), 'utf8'));
    if (doc.version !== VERSION) return null;
    for (const b of doc.buckets) for (const o of b.objects) if (fs.statSync(path.join(outDir, o.file)).size !== o.expect.size) return null;
    return doc;
  } catch {
    return null;
  }
}

// Makes OUTDIR (unless it is already made) and gives the demo-bucket.json document.
export async function makeDemoBucket(outDir = DEFAULT_OUT, { log = () => {} } = {}) {
  const made = isMade(outDir);
  if (made) return made;
  log(`make-demo-bucket: making ${outDir} with ffmpeg`);
  fs.rmSync(path.join(outDir, 'files'), { recursive: true, force: true });
  const objects = new Array(EIC_DEMO.length);
  let next = 0;
  const worker = async () => {
    while (next < EIC_DEMO.length) {
      const i = next++;
      objects[i] = await makeOne(EIC_DEMO[i], outDir, i);
    }
  };
  await Promise.all([worker(), worker()]);  // two at a time: the machines have two cores
  const group = objects.map((o) => o.name).filter((n) => n.startsWith('groups/mixed/'));
  const doc = {
    version: VERSION,
    madeBy: 'tests/fakes/make-demo-bucket.mjs',
    serviceAccountKey: 'tests/data/gcs-v4/test_service_account.not-a-test.json',
    token: 'eic-demo-token',
    buckets: [
      { name: 'eic-demo', cors: DEMO_CORS, objects },
      { name: 'eic-demo-nocors', objects: objects.filter((o) => NOCORS.includes(o.name)) },
    ],
    collections: [
      { kind: 'image-sequence', bucket: 'eic-demo', prefix: 'sequences/walk/', objects: frames },
      { kind: 'image-group', bucket: 'eic-demo', prefix: 'groups/mixed/', objects: group },
    ],
  };
  const tmp = path.join(outDir, 'demo-bucket.json.tmp');
  fs.writeFileSync(tmp, JSON.stringify(doc, null, 2) + '\n');
  fs.renameSync(tmp, path.join(outDir, 'demo-bucket.json'));
  return doc;
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  const out = path.resolve(process.argv[2] || DEFAULT_OUT);
  try {
    const doc = await makeDemoBucket(out, { log: (m) => console.error(m) });
    console.log(`${path.join(out, 'demo-bucket.json')}: ${doc.buckets.map((b) => `${b.name} (${b.objects.length} objects)`).join(', ')}`);
  } catch (err) {
    console.error(`make-demo-bucket: ${err.code === 'ENOENT' ? 'ffmpeg is missing: run scripts/setup' : err.message}`);
    process.exit(1);
  }
}

// The buckets and objects the stand-in serves, read once at start: from a seed folder's
// demo-bucket.json (tests/fakes/make-demo-bucket.mjs writes it; object files are relative to it), or
// given inline. Each object gets the metadata GCS reports: size, MD5, CRC32C, generation, updated.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { crc32cBase64 } from './crc32c.mjs';

const DEFAULT_UPDATED = '2026-01-02T03:04:05.000Z';
const byteOrder = (a, b) => Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'));

// `seed`: a folder holding demo-bucket.json, or that file. Gives the parsed document and its folder.
export function readSeed(seed) {
  const file = fs.statSync(seed).isDirectory() ? path.join(seed, 'demo-bucket.json') : seed;
  return { doc: JSON.parse(fs.readFileSync(file, 'utf8')), dir: path.dirname(file) };
}

// Object bytes: `data` (Buffer or text), `file` (relative to `dir`), or `size` (deterministic filler,
// for large synthetic buckets).
function bytesOf(o, dir) {
  if (o.data !== undefined) return Buffer.isBuffer(o.data) ? o.data : Buffer.from(String(o.data), 'utf8');
  if (o.file !== undefined) return fs.readFileSync(path.resolve(dir, o.file));
  if (o.size !== undefined) return Buffer.alloc(Number(o.size), o.name);
  throw new Error(`object ${o.name} has no data, file or size`);
}

function makeObject(bucket, o, dir, index) {
  const data = bytesOf(o, dir);
  const updatedMs = Date.parse(o.updated || DEFAULT_UPDATED);
  if (Number.isNaN(updatedMs)) throw new Error(`object ${o.name}: updated is not a date`);
  const md5 = crypto.createHash('md5').update(data).digest();
  return {
    bucket,
    name: o.name,
    data,
    size: data.length,
    contentType: o.contentType || 'application/octet-stream',
    forbidden: Boolean(o.forbidden),
    updatedMs,
    // Generations are microsecond timestamps in GCS; distinct per object here.
    generation: String(o.generation || updatedMs * 1000 + index),
    metageneration: '1',
    md5Hex: md5.toString('hex'),
    md5Base64: md5.toString('base64'),
    crc32cBase64: crc32cBase64(data),
  };
}

// `buckets`: [{name, cors?, objects: [{name, data|file|size, contentType?, forbidden?, updated?, generation?}]}].
export function makeStore(buckets, dir = process.cwd()) {
  const store = new Map();
  for (const b of buckets) {
    if (!b.name) throw new Error('a bucket needs a name');
    const objects = new Map();
    (b.objects || []).forEach((o, i) => {
      if (!o.name) throw new Error(`an object of bucket ${b.name} has no name`);
      objects.set(o.name, makeObject(b.name, o, dir, i));
    });
    store.set(b.name, {
      name: b.name,
      cors: Array.isArray(b.cors) && b.cors.length ? b.cors : null,
      objects,
      names: [...objects.keys()].sort(byteOrder),
    });
  }
  return store;
}

export { byteOrder };

// Whether an object a unit names exists: the stand-in asks an injected `objectExists(url)`; these make
// one from the GCS stand-in (tests/fakes/gcs-standin), in process or over HTTP.
// URL forms read as bucket + object:
//   gs://BUCKET/OBJECT                                   (CloudSyncedFolderParams in encord/orm/storage.py)
//   https://storage.cloud.google.com/BUCKET/OBJECT       (Encord's own GCP integration tests, SDK commit 9b0d63a2)
//   https://storage.googleapis.com/BUCKET/OBJECT         (https://cloud.google.com/storage/docs/request-endpoints)
//   ORIGIN/BUCKET/OBJECT for a GCS stand-in's origin      (its XML API, path style)
// In the https forms the path is percent-decoded (https://cloud.google.com/storage/docs/request-endpoints#encoding);
// gs:// names are taken literally, as gsutil does. Which of these Encord accepts for a GCP integration
// is not documented beyond storage.cloud.google.com; the stand-in takes them all.
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';

const HOSTS = ['https://storage.cloud.google.com/', 'https://storage.googleapis.com/'];

function decode(text) {
  try {
    return decodeURIComponent(text);
  } catch {
    return null;
  }
}

// {bucket, object} or null for a URL that is no GCS object URL. origins: stand-in origins to accept.
export function gcsLocation(url, { origins = [] } = {}) {
  const u = String(url);
  if (u.startsWith('gs://')) {
    const rest = u.slice(5);
    const slash = rest.indexOf('/');
    if (slash <= 0 || slash === rest.length - 1) return null;
    return { bucket: rest.slice(0, slash), object: rest.slice(slash + 1) };
  }
  const prefix = [...HOSTS, ...origins.map((o) => `${String(o).replace(/\/+$/, '')}/`)].find((p) => u.startsWith(p));
  if (!prefix) return null;
  const rest = u.slice(prefix.length).replace(/[?#].*$/, '');
  const slash = rest.indexOf('/');
  if (slash <= 0 || slash === rest.length - 1) return null;
  const bucket = decode(rest.slice(0, slash));
  const object = decode(rest.slice(slash + 1));
  return bucket && object ? { bucket, object } : null;
}

// Bucket definitions as the GCS stand-in takes them (its `buckets` option, or demo-bucket.json's
// `buckets`): [{name, objects: [{name, forbidden?}]}], or the Map its store keeps (name → {objects: Map}).
// Gives objectExists: true for an object there, false for one that is not, and throws for a
// `forbidden` object (GCS refuses everyone, so the unit fails as access denied) or a non-GCS URL.
export function objectExistsInBuckets(buckets, { origins = [] } = {}) {
  const names = new Map();
  const entries = buckets instanceof Map ? [...buckets.values()] : buckets;
  for (const b of entries) {
    const objects = b.objects instanceof Map ? [...b.objects.values()] : (b.objects || []);
    names.set(b.name, new Map(objects.map((o) => [o.name, Boolean(o.forbidden)])));
  }
  return async (url) => {
    const loc = gcsLocation(url, { origins });
    if (!loc) throw new Error(`${url} is not a Google Cloud Storage object URL`);
    const b = names.get(loc.bucket);
    if (!b) return false;
    if (b.get(loc.object)) throw new Error(`Access denied to gs://${loc.bucket}/${loc.object}`);
    return b.has(loc.object);
  };
}

// The bucket definitions of a GCS stand-in seed (a folder holding demo-bucket.json, or that file).
export function bucketsFromSeed(seed) {
  const file = fs.statSync(seed).isDirectory() ? path.join(seed, 'demo-bucket.json') : seed;
  return JSON.parse(fs.readFileSync(file, 'utf8')).buckets || [];
}

// Asks a running GCS stand-in (an object with `origin`, or an origin string) through its JSON API,
// objects.get with ?fields=name and a bearer token, the way Encord's servers read a bucket through an
// integration. 200: exists; 404: does not; 403 and anything else: the unit fails with that reason.
// These requests show in the GCS stand-in's statistics (api 'json') and meet its faults; use
// objectExistsInBuckets where a test counts or scripts the GCS stand-in's requests.
export function objectExistsInGcsStandin(gcs, { token = 'eic-demo-token' } = {}) {
  const origin = typeof gcs === 'string' ? gcs : gcs.origin;
  return async (url) => {
    const loc = gcsLocation(url, { origins: [origin] });
    if (!loc) throw new Error(`${url} is not a Google Cloud Storage object URL`);
    const target = `${origin}/storage/v1/b/${encodeURIComponent(loc.bucket)}/o/${encodeURIComponent(loc.object)}?fields=name`;
    const status = await getStatus(target, { Authorization: `Bearer ${token}` });
    if (status === 200) return true;
    if (status === 404) return false;
    if (status === 403) throw new Error(`Access denied to gs://${loc.bucket}/${loc.object}`);
    throw new Error(`Reading gs://${loc.bucket}/${loc.object} failed with ${typeof status === 'number' ? `HTTP ${status}` : status}`);
  };
}

// node:http, not fetch: tests that load emscripten 3.1.6 output run node 20 with --no-experimental-fetch.
function getStatus(url, headers) {
  return new Promise((resolve) => {
    const req = http.get(url, { headers, agent: false }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode));
    });
    req.on('error', (err) => resolve(`a connection error (${err.code || err.message})`));
  });
}

// scripts/serve.mjs --demo: the demo buckets made by tests/fakes/make-demo-bucket.mjs (build/demo-bucket)
// served by the GCS stand-in, with the page's origin allowed by eic-demo's CORS and the stand-in's
// origin in the page's connect-src, header and <meta> alike. Making the bucket runs ffmpeg the first
// time (some seconds); later runs find it made.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { signUrl, loadServiceAccounts } from '../fakes/gcs-standin/index.mjs';
import { send, root } from './helpers/gcs.mjs';
import { startDemo as startServerDemo } from './helpers/demo.mjs';

const noFfmpeg = spawnSync('ffmpeg', ['-version']).error ? 'ffmpeg is missing (scripts/setup installs it): the demo is not made' : false;
const connectSrc = (policy) => policy.match(/connect-src ([^;"]*)/)[1].trim().split(/\s+/);

// The first bytes each demo format starts with.
const MAGIC = {
  'image/jpeg': (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff,
  'image/png': (b) => b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])),
  'image/gif': (b) => b.toString('latin1', 0, 4) === 'GIF8',
  'image/bmp': (b) => b.toString('latin1', 0, 2) === 'BM',
  'image/tiff': (b) => ['II*\0', 'MM\0*'].includes(b.toString('latin1', 0, 4)),
  'image/webp': (b) => b.toString('latin1', 0, 4) === 'RIFF' && b.toString('latin1', 8, 12) === 'WEBP',
  'video/mp4': (b) => b.toString('latin1', 4, 8) === 'ftyp',
  'video/quicktime': (b) => b.toString('latin1', 4, 8) === 'ftyp',
};

// Starts serve.mjs --demo and reads its lines up to the bearer token's.
async function startDemo() {
  const { child, line } = await startServerDemo(/^demo: bearer token .+$/m);
  return {
    child,
    page: line(/^eic is served at (http:\/\/127\.0\.0\.1:\d+)\/(?:\?demo)?$/m),
    standin: line(/^demo: GCS stand-in at (http:\/\/127\.0\.0\.1:\d+) /m),
    key: line(/^demo: service-account key (.+)$/m),
    token: line(/^demo: bearer token (.+)$/m),
  };
}

test('serve.mjs --demo serves the demo buckets as demo-bucket.json describes them, to the page', { skip: noFfmpeg, timeout: 120000 }, async () => {
  const demo = await startDemo();
  try {
    assert.ok(demo.page && demo.standin, 'the page and the stand-in origins are printed');
    assert.equal(demo.key, path.join(root, 'tests', 'data', 'gcs-v4', 'test_service_account.not-a-test.json'));
    const res = await fetch(`${demo.page}/`);
    assert.ok(connectSrc(res.headers.get('content-security-policy')).includes(demo.standin));
    const html = await res.text();
    if (res.status === 200) assert.ok(connectSrc(html.match(/http-equiv="Content-Security-Policy" content="([^"]*)"/)[1]).includes(demo.standin));

    const doc = JSON.parse(fs.readFileSync(path.join(root, 'build', 'demo-bucket', 'demo-bucket.json'), 'utf8'));
    const account = [...loadServiceAccounts([demo.key]).values()][0];
    const [cors, nocors] = doc.buckets;
    assert.deepEqual([cors.name, nocors.name, nocors.cors], ['eic-demo', 'eic-demo-nocors', undefined]);
    const listed = await send('GET', `${demo.standin}/storage/v1/b/eic-demo/o?fields=items(name,size,contentType)`, { Authorization: `Bearer ${demo.token}` });
    const items = JSON.parse(listed.body.toString()).items;
    const byteOrder = (a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b));
    assert.deepEqual(items.map((i) => i.name), cors.objects.map((o) => o.name).sort(byteOrder));

    for (const o of cors.objects) {
      const u = signUrl({ account, origin: demo.standin, bucket: 'eic-demo', object: o.name });
      const r = await send('GET', u, { Origin: demo.page, Range: 'bytes=0-15' });
      assert.equal(r.headers['access-control-allow-origin'], demo.page, o.name);
      if (o.forbidden) {
        assert.equal(r.status, 403, o.name);
        continue;
      }
      assert.equal(r.status, 206, o.name);
      assert.equal(r.headers['content-range'], `bytes 0-15/${o.expect.size}`, o.name);
      assert.equal(r.headers['content-type'], o.expect.mimeType, o.name);
      assert.ok(MAGIC[o.expect.mimeType](r.body), `${o.name} starts as a ${o.expect.mimeType} does`);
      assert.ok(o.expect.width > 0 && o.expect.height > 0, o.name);
      if (o.kind === 'video') assert.ok(o.expect.durationS > 0 && o.expect.fps > 0 && o.expect.frames > 0, o.name);
    }
    assert.ok(cors.objects.some((o) => o.forbidden), 'one object is forbidden');
    assert.deepEqual(cors.objects.filter((o) => o.kind === 'video').map((o) => o.expect.moov).sort(), ['end', 'start', 'start']);

    const plain = signUrl({ account, origin: demo.standin, bucket: 'eic-demo-nocors', object: nocors.objects[0].name, method: 'HEAD' });
    const r = await send('HEAD', plain, { Origin: demo.page });
    assert.equal(r.status, 200);
    assert.equal(r.headers['access-control-allow-origin'], undefined, 'no CORS configuration, no CORS headers');
  } finally {
    demo.child.kill();
  }
});

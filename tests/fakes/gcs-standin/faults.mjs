// Faults to inject, set at start or with setFaults (which replaces them and restarts their counters):
//   latencyMs   delay before every request is handled
//   objects     {'BUCKET/OBJECT': {dropFirst: N, answers: [{status, times = 1, retryAfter, code, message}
//               | {truncate, keep, times = 1}]}}: the first N requests for the object lose their connection
//               without an answer, then the scripted answers are sent in order (each `times` times), then
//               the object is served. 'BUCKET/' scripts the bucket's listings.
//   random      {rate, status = 503, seed = 0, mix}: a fraction `rate` of the storage requests get `status`,
//               picked by a seeded counter, not Math.random, so a run is repeatable: request k (from 0)
//               fails when floor((k + 1) * rate + phase) > floor(k * rate + phase), phase from the seed.
//               `mix` (optional) lists the faults the picked requests get in turn instead, each a
//               {status, retryAfter?}, {drop: true} or {truncate} as above: [{status: 503}, {drop: true}].
// Truncated bodies ({truncate: 'short' | 'cut', keep}): the request is handled as usual, then its answer's
// body is cut to `keep` bytes (default half of it, always at least one byte short):
//   'short'  the headers declare the whole body's Content-Length, the first `keep` bytes are sent and the
//            connection is closed: the client sees a transfer that broke off;
//   'cut'    the Content-Length is the cut body's: the client gets a complete-looking answer whose XML or
//            JSON is malformed.
// They count as 'truncated' in the statistics (as drops count as 'dropped'). An answer with no body (a
// HEAD, an empty one) has nothing to cut: it is sent whole and counted under its status.
// Preflights and signBlob are never faulted; latency applies to every request.

export function makeFaults(initial = {}) {
  let spec = {};
  let perObject = new Map();
  let counter = 0;
  let picked = 0;
  let phase = 0;

  const set = (f = {}) => {
    spec = { ...f };
    perObject = new Map(Object.entries(f.objects || {}).map(([key, o]) => [key, {
      dropsLeft: Number(o.dropFirst || 0),
      answers: (o.answers || []).map((a) => ({ ...a, left: Number(a.times ?? 1) })),
    }]));
    counter = 0;
    picked = 0;
    const seed = Number(f.random?.seed || 0);
    phase = (((seed * 0.6180339887498949) % 1) + 1) % 1;
  };
  set(initial);

  return {
    set,
    get spec() { return spec; },
    latencyMs: () => Number(spec.latencyMs || 0),
    // What to do with a storage request for bucket/object: null (serve it), {drop: true},
    // {truncate, keep?} (serve it, cut short), or {status, retryAfter?, code?, message?}.
    decide(bucket, object) {
      const o = perObject.get(`${bucket}/${object}`);
      if (o && o.dropsLeft > 0) { o.dropsLeft -= 1; return { drop: true }; }
      const scripted = o?.answers.find((a) => a.left > 0);
      if (scripted) { scripted.left -= 1; return scripted; }
      const rate = Number(spec.random?.rate || 0);
      if (rate > 0) {
        const k = counter++;
        if (Math.floor((k + 1) * rate + phase) > Math.floor(k * rate + phase)) {
          const mix = spec.random.mix;
          return mix?.length ? mix[picked++ % mix.length] : { status: Number(spec.random.status || 503) };
        }
      }
      return null;
    },
  };
}

// Sends an answer under a truncate fault (see above): one definition for both stand-ins.
export { sendTruncated } from '../truncate.mjs';

// Faults to inject, set at start or with setFaults (which replaces them and restarts their counters):
//   latencyMs   delay before every request is handled (preflights included)
//   script      [{route?, method?, times = 1, ...what}] in order; a request takes the first entry whose
//               route (a path template of routes.mjs, e.g. 'storage/folders/{folder}/data-upload-jobs')
//               and method match and that has uses left. What it does:
//                 {status: 429, retryAfter: 3, message?}  answer that status (SDK error shape; 429 with
//                                                          Retry-After in whole seconds, as the SDK reads it)
//                 {status: 500}                           any other status
//                 {drop: 'before'}                        close the connection without handling the request
//                 {drop: 'after'}                         handle the request (a job starts, a folder is made,
//                                                          a schema is written), then close the connection
//                                                          instead of answering: the client cannot know it ran
//                 {truncate: 'short', keep?}              handle the request, then send its answer's headers
//                                                          with the whole body's Content-Length but only the
//                                                          first `keep` bytes of the body (default half, always
//                                                          at least one byte short), and close the connection:
//                                                          a transfer that broke off
//                 {truncate: 'cut', keep?}                handle the request, then send the body cut to `keep`
//                                                          bytes with a Content-Length that matches the cut: a
//                                                          complete-looking answer whose JSON is malformed
//   random      {rate, status = 503, seed = 0, mix}: a fraction `rate` of requests get `status`, picked by a
//               seeded counter (not Math.random), so a run repeats; as the GCS stand-in's faults.mjs.
//               `mix` (optional) lists what the picked requests get in turn instead, each a `what` above:
//               [{status: 503}, {drop: 'before'}, {truncate: 'cut'}].
// Scripted and random faults come before authentication, as a gateway's would; preflights are never faulted.
// A truncated answer counts as 'truncated' in the statistics (as a dropped one counts as 'dropped'); an
// answer without a body has nothing to cut and is sent whole.

export function makeFaults(initial = {}) {
  let spec = {};
  let script = [];
  let counter = 0;
  let picked = 0;
  let phase = 0;

  const set = (f = {}) => {
    spec = { ...f };
    script = (f.script || []).map((s) => ({ ...s, left: Number(s.times ?? 1) }));
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
    // What to do with a request: null (handle it), {drop: 'before'|'after'}, {truncate, keep?} or
    // {status, retryAfter?, message?}.
    decide(template, method) {
      const s = script.find((e) => e.left > 0 && (!e.route || e.route === template) && (!e.method || e.method === method));
      if (s) {
        s.left -= 1;
        return s;
      }
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

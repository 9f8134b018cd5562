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
//   random      {rate, status = 503, seed = 0}: a fraction `rate` of requests get `status`, picked by a
//               seeded counter (not Math.random), so a run repeats; as the GCS stand-in's faults.mjs.
// Scripted and random faults come before authentication, as a gateway's would; preflights are never faulted.

export function makeFaults(initial = {}) {
  let spec = {};
  let script = [];
  let counter = 0;
  let phase = 0;

  const set = (f = {}) => {
    spec = { ...f };
    script = (f.script || []).map((s) => ({ ...s, left: Number(s.times ?? 1) }));
    counter = 0;
    const seed = Number(f.random?.seed || 0);
    phase = (((seed * 0.6180339887498949) % 1) + 1) % 1;
  };
  set(initial);

  return {
    set,
    get spec() { return spec; },
    latencyMs: () => Number(spec.latencyMs || 0),
    // What to do with a request: null (handle it), {drop: 'before'|'after'} or {status, retryAfter?, message?}.
    decide(template, method) {
      const s = script.find((e) => e.left > 0 && (!e.route || e.route === template) && (!e.method || e.method === method));
      if (s) {
        s.left -= 1;
        return s;
      }
      const rate = Number(spec.random?.rate || 0);
      if (rate > 0) {
        const k = counter++;
        if (Math.floor((k + 1) * rate + phase) > Math.floor(k * rate + phase)) return { status: Number(spec.random.status || 503) };
      }
      return null;
    },
  };
}

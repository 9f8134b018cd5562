// What the stand-in received and answered, per (route, method), so tests can assert that a client sent
// a request once and how each was answered. route is a path template of routes.mjs ('cloud-integrations',
// 'storage/folders/{folder}/data-upload-jobs', ...), or 'unknown'; preflights count under method
// 'OPTIONS'. answers counts by status, plus 'dropped' for connections closed without an answer and
// 'truncated' for answers whose body was cut short (faults.mjs).
// counters: schemaWrites (accepted schema POSTs), jobsStarted, foldersCreated, tokensIssued.

const COUNTERS = ['schemaWrites', 'jobsStarted', 'foldersCreated', 'tokensIssued'];

export class Stats {
  #entries = new Map();
  counters = Object.fromEntries(COUNTERS.map((c) => [c, 0]));

  #entry({ route, method }) {
    const key = `${method} ${route}`;
    let e = this.#entries.get(key);
    if (!e) this.#entries.set(key, (e = { route, method, requests: 0, answers: {} }));
    return e;
  }

  request(at) { this.#entry(at).requests += 1; }
  answer(at, status) {
    const e = this.#entry(at);
    e.answers[status] = (e.answers[status] || 0) + 1;
  }
  count(name) { this.counters[name] += 1; }

  // Sums over the entries that match every given field: get({route: 'storage/folders', method: 'POST'}).
  get(filter = {}) {
    const out = { requests: 0, answers: {} };
    for (const e of this.#entries.values()) {
      if (Object.entries(filter).some(([k, v]) => e[k] !== v)) continue;
      out.requests += e.requests;
      for (const [s, n] of Object.entries(e.answers)) out.answers[s] = (out.answers[s] || 0) + n;
    }
    return out;
  }

  entries() { return [...this.#entries.values()].map((e) => ({ ...e, answers: { ...e.answers } })); }
  get total() { return this.get(); }
  get schemaWrites() { return this.counters.schemaWrites; }
  get jobsStarted() { return this.counters.jobsStarted; }
  reset() {
    this.#entries.clear();
    for (const c of COUNTERS) this.counters[c] = 0;
  }
}

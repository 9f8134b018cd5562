// What the stand-in received and answered, per (api, method, bucket, object), so tests can assert that
// a client sent each request once and how each was answered. api is 'xml', 'json', 'iam' or
// 'preflight'; a bucket-level request (a listing) has object ''; signBlob has the account as object.
// answers counts by status code, plus 'dropped' for connections closed without an answer and 'truncated'
// for answers whose body was cut short (faults.mjs).

export class Stats {
  #entries = new Map();

  #entry({ api, method, bucket, object }) {
    const key = JSON.stringify([api, method, bucket, object]);
    let e = this.#entries.get(key);
    if (!e) this.#entries.set(key, (e = { api, method, bucket, object, requests: 0, answers: {} }));
    return e;
  }

  request(at) { this.#entry(at).requests += 1; }
  answer(at, status) {
    const e = this.#entry(at);
    e.answers[status] = (e.answers[status] || 0) + 1;
  }

  // Sums over the entries that match every given field: get({method: 'HEAD', bucket: 'b', object: 'o'}).
  get(filter = {}) {
    const out = { requests: 0, answers: {} };
    for (const e of this.#entries.values()) {
      if (Object.entries(filter).some(([k, v]) => e[k] !== v)) continue;
      out.requests += e.requests;
      for (const [s, n] of Object.entries(e.answers)) out.answers[s] = (out.answers[s] || 0) + n;
    }
    return out;
  }

  // Every entry, as plain data.
  entries() { return [...this.#entries.values()].map((e) => ({ ...e, answers: { ...e.answers } })); }
  get total() { return this.get(); }
  reset() { this.#entries.clear(); }
}

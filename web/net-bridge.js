// The page's side of the browser transports (wasm/app/net/): which failure a status-0 answer was, and
// requests through the fetch the host page passed to create({fetch}).
//
// An XMLHttpRequest reports every failure as status 0 (Fetch standard, "network error"). Afterwards:
// - a securitypolicyviolation event for the request's origin means the page's Content-Security-Policy
//   refused it (https://w3c.github.io/webappsec-csp/#violation-events);
// - else a no-cors HEAD of the same URL: an opaque answer means the server answered and CORS withheld it
//   from the page (https://fetch.spec.whatwg.org/#concept-filtered-response-opaque); a rejection means no
//   answer (network), or a refusal by the policy, which then fires its event.

const Kind = { policy: 1, cors: 2, network: 3, aborted: 4 };

const originOf = (url) => {
  try { return new URL(url).origin; } catch { return String(url); }
};
const nextTask = () => new Promise((resolve) => setTimeout(resolve, 0));

export function installNetBridge(mod, { hostFetch, listen, withString }) {
  const violations = [];  // {origin, at}: connect-src refusals seen lately
  listen(document, 'securitypolicyviolation', (e) => {
    const directive = e.effectiveDirective || String(e.violatedDirective || '').split(' ')[0];
    if (directive !== 'connect-src') return;
    violations.push({ origin: originOf(e.blockedURI), at: performance.now() });
    if (violations.length > 64) violations.shift();
  });
  const refusedLately = (origin) => violations.some((v) => v.origin === origin && performance.now() - v.at < 60000);
  const policyMessage = (origin) =>
    `the page's Content-Security-Policy does not allow ${origin}: add it to connect-src ` +
    `(scripts/serve.mjs --connect ${origin}, or the host page's policy)`;
  const classified = (id, kind, message) => withString(mod, message, (m) => mod._eic_app_net_classified(id, kind, m));

  const controllers = new Map();
  const hostAnswer = (id, status, headerLines, bytes, kind, message) => {
    const ptr = bytes && bytes.length ? mod._eic_malloc(bytes.length) : 0;
    // An answer that does not fit in wasm memory is a failed request, never an empty body.
    if (bytes && bytes.length && !ptr) {
      return hostAnswer(id, 0, '', null, Kind.network, `not enough memory in this tab for the answer (${bytes.length} bytes)`);
    }
    if (ptr) mod.HEAPU8.set(bytes, ptr);
    try {
      withString(mod, headerLines, (h) => withString(mod, message, (m) =>
        mod._eic_app_net_host_answer(id, status, h, ptr, ptr ? bytes.length : 0, kind, m)));
    } finally {
      if (ptr) mod._eic_free(ptr);
    }
  };

  mod.eicNet = {
    hostFetch: typeof hostFetch === 'function' ? hostFetch : null,

    async classify(id, url) {
      const origin = originOf(url);
      await nextTask();  // the violation event is queued as a task of its own
      if (refusedLately(origin)) return classified(id, Kind.policy, policyMessage(origin));
      try {
        await fetch(url, { method: 'HEAD', mode: 'no-cors', cache: 'no-store', credentials: 'omit' });
        classified(id, Kind.cors, `${origin} answered, but its CORS configuration does not let this page ` +
          `(${location.origin}) read the answer`);
      } catch {
        await nextTask();
        if (refusedLately(origin)) classified(id, Kind.policy, policyMessage(origin));
        else classified(id, Kind.network, `no answer from ${origin} (offline, DNS, or a refused or dropped connection)`);
      }
    },

    hostSend(id, method, url, headers, body) {
      const controller = new AbortController();
      controllers.set(id, controller);
      (async () => {
        try {
          const res = await mod.eicNet.hostFetch(url, { method, headers, body: body || undefined, signal: controller.signal });
          const bytes = new Uint8Array(await res.arrayBuffer());
          if (!controllers.delete(id)) return;  // aborted meanwhile
          if (res.type === 'opaque' || res.status === 0) {
            hostAnswer(id, 0, '', null, Kind.cors, `the host's fetch got an opaque answer from ${originOf(url)}`);
            return;
          }
          let lines = '';
          res.headers.forEach((value, name) => { lines += `${name}: ${value}\r\n`; });
          hostAnswer(id, res.status, lines, bytes, 0, '');
        } catch (err) {
          if (!controllers.delete(id)) return;
          const aborted = err && err.name === 'AbortError';
          hostAnswer(id, 0, '', null, aborted ? Kind.aborted : Kind.network,
            `the host's fetch failed: ${err && err.message ? err.message : String(err)}`);
        }
      })();
    },

    hostAbort(id) {
      const controller = controllers.get(id);
      controllers.delete(id);
      if (controller) controller.abort();
    },
  };
}

// CORS for the browser app. Whether api.encord.com answers browsers at all, and with which headers, is
// not documented anywhere public, so the app must cope with both; the stand-in can do either:
//   allowed (default: any origin, or a list): a preflight for a method the API takes gets 204 with
//     Allow-Origin (the request's Origin), Allow-Methods, Allow-Headers (the headers a signed or bearer
//     request needs: Content-Digest, Signature-Input, Signature, Authorization, Content-Type) and
//     Max-Age; an answer gets Allow-Origin and Expose-Headers: Retry-After (not CORS-safelisted, and the
//     client needs it after a 429; https://fetch.spec.whatwg.org/#cors-safelisted-response-header-name).
//   refused (setCors(false), or an origin not in the list): a preflight gets 405, as from a server
//     that routes no OPTIONS, and no answer carries CORS headers, so the browser withholds it. The
//     request itself is still handled when it arrives (a server cannot tell), as a real one would.
// No credentials mode: the API is called with signatures or bearer tokens, never cookies.

export const ALLOWED_HEADERS = ['Content-Digest', 'Signature-Input', 'Signature', 'Authorization', 'Content-Type'];
export const ALLOWED_METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'];
export const EXPOSED_HEADERS = ['Retry-After'];

// policy: true (any origin), false (none), or a list of origins.
export function makeCors(initial = true) {
  let policy = initial;
  const allows = (origin) => Boolean(origin) && (policy === true || (Array.isArray(policy) && policy.includes(origin)));
  return {
    set(p) { policy = p === undefined || p === null ? true : p; },
    get policy() { return policy; },
    allows,
    // Headers for an answer to a request from `origin`.
    answerHeaders(origin) {
      if (!allows(origin)) return {};
      return { 'Access-Control-Allow-Origin': origin, 'Access-Control-Expose-Headers': EXPOSED_HEADERS.join(', '), Vary: 'Origin' };
    },
    // {status, headers} for a preflight.
    preflight(origin, method) {
      if (!allows(origin) || !ALLOWED_METHODS.includes(method)) return { status: 405, headers: {} };
      return {
        status: 204,
        headers: {
          'Access-Control-Allow-Origin': origin,
          'Access-Control-Allow-Methods': ALLOWED_METHODS.join(', '),
          'Access-Control-Allow-Headers': ALLOWED_HEADERS.join(', '),
          'Access-Control-Max-Age': '600',
          Vary: 'Origin',
        },
      };
    },
  };
}

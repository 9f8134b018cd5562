// OAuth bearer tokens the stand-in accepts (JSON API, signBlob, and the XML API's Authorization header).
// A token may expire at a time on the server's clock (expiresAtMs) or after a number of requests
// (expiresAfterRequests: that many are authorized, the next ones are not), so a test can have a
// token run out in the middle of a job.

export function makeTokens(list, clock) {
  const tokens = new Map();
  const add = (t) => {
    const spec = typeof t === 'string' ? { token: t } : { ...t };
    if (!spec.token) throw new Error('a token needs a token string');
    tokens.set(spec.token, { principal: 'demo-user@example.com', ...spec, used: 0 });
  };
  list.forEach(add);
  return {
    add,
    // 'ok' (and counts the use), 'expired' or 'unknown'. {status, principal}.
    use(token) {
      const t = tokens.get(token);
      if (!t) return { status: 'unknown' };
      if (t.expiresAtMs !== undefined && clock.nowMs() >= t.expiresAtMs) return { status: 'expired' };
      if (t.expiresAfterRequests !== undefined && t.used >= t.expiresAfterRequests) return { status: 'expired' };
      t.used += 1;
      return { status: 'ok', principal: t.principal };
    },
    resetUse() { for (const t of tokens.values()) t.used = 0; },
  };
}

// The token of an "Authorization: Bearer T" header, '' when there is none.
export function bearerOf(req) {
  const m = /^Bearer\s+(\S+)\s*$/i.exec(req.headers.authorization || '');
  return m ? m[1] : '';
}

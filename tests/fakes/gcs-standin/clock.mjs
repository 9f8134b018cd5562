// The stand-in's clock: the machine's clock shifted by clockOffsetS, so tests can put the server ahead
// of or behind the client. Every answer's Date header and every expiry check read this clock.

export function makeClock(offsetS = 0) {
  let offset = Number(offsetS) || 0;
  return {
    nowMs: () => Date.now() + offset * 1000,
    get offsetS() { return offset; },
    setOffsetS(s) { offset = Number(s) || 0; },
  };
}

// RFC 9110 IMF-fixdate, as in Date and Last-Modified.
export const httpDate = (ms) => new Date(ms).toUTCString();

// RFC 3339 with milliseconds, as the JSON API's updated and the XML listing's LastModified.
export const rfc3339 = (ms) => new Date(ms).toISOString();

// X-Goog-Date is YYYYMMDD'T'HHMMSS'Z' (https://cloud.google.com/storage/docs/authentication/signatures).
export function parseGoogDate(text) {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(text || '');
  if (!m) return null;
  const [y, mo, d, h, mi, s] = m.slice(1).map(Number);
  const ms = Date.UTC(y, mo - 1, d, h, mi, s);
  const back = new Date(ms);
  // Refuse dates that Date.UTC would roll over (20260231T...).
  if (back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d || h > 23 || mi > 59 || s > 59) return null;
  return ms;
}

export function googDate(ms) {
  return new Date(ms).toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
}

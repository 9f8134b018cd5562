// A Range request header against an object's size (RFC 9110 section 14: https://www.rfc-editor.org/rfc/rfc9110#section-14).
// One range of bytes=a-b, bytes=a- or bytes=-n is served as 206; a range that starts at or past the
// end (or a zero-length suffix) is unsatisfiable, 416. Anything else (no header, other units, several
// ranges, a > b) is ignored and the whole object is served, as RFC 9110 allows.

export function parseRange(header, size) {
  if (header === undefined) return { kind: 'whole' };
  const m = /^bytes=(\d*)-(\d*)$/.exec(String(header).trim());
  if (!m || (m[1] === '' && m[2] === '')) return { kind: 'whole' };
  if (m[1] === '') {
    const n = Number(m[2]);
    if (n === 0 || size === 0) return { kind: 'unsatisfiable' };
    return { kind: 'range', start: Math.max(0, size - n), end: size - 1 };
  }
  const start = Number(m[1]);
  const end = m[2] === '' ? size - 1 : Number(m[2]);
  if (m[2] !== '' && end < start) return { kind: 'whole' };
  if (start >= size) return { kind: 'unsatisfiable' };
  return { kind: 'range', start, end: Math.min(end, size - 1) };
}

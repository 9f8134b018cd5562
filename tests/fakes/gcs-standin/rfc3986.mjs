// Percent-encoding as V4 signing uses it: every byte but RFC 3986's unreserved set
// (A-Z a-z 0-9 - . _ ~) becomes %XX with upper-case hex, over UTF-8 bytes
// (https://cloud.google.com/storage/docs/authentication/canonical-requests; the conformance vector
// "Query Parameter Encoding" in tests/data/gcs-v4/v4_signatures.json pins it). Work on bytes, so a
// name that is not valid UTF-8 re-encodes exactly as it arrived.

const unreserved = (b) =>
  (b >= 0x41 && b <= 0x5a) || (b >= 0x61 && b <= 0x7a) || (b >= 0x30 && b <= 0x39) ||
  b === 0x2d || b === 0x2e || b === 0x5f || b === 0x7e;

export function encodeBytes(bytes) {
  let out = '';
  for (const b of bytes) out += unreserved(b) ? String.fromCharCode(b) : '%' + b.toString(16).toUpperCase().padStart(2, '0');
  return out;
}

export const encodeText = (text) => encodeBytes(Buffer.from(text, 'utf8'));

// The bytes of a percent-encoded text, or null when a '%' is not followed by two hex digits.
// '+' stays '+': RFC 3986 gives it no meaning, and the signers encode a space as %20.
export function decodeBytes(text) {
  const raw = Buffer.from(text, 'utf8');
  const out = Buffer.alloc(raw.length);
  let n = 0;
  for (let i = 0; i < raw.length; i++) {
    if (raw[i] !== 0x25) { out[n++] = raw[i]; continue; }
    const hex = raw.subarray(i + 1, i + 3).toString('latin1');
    if (!/^[0-9a-fA-F]{2}$/.test(hex)) return null;
    out[n++] = parseInt(hex, 16);
    i += 2;
  }
  return out.subarray(0, n);
}

export function decodeText(text) {
  const bytes = decodeBytes(text);
  return bytes === null ? null : bytes.toString('utf8');
}

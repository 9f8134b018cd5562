// CRC32C (Castagnoli, reflected polynomial 0x82F63B78), which GCS reports in x-goog-hash and the JSON
// API's crc32c as base64 of the big-endian 4 bytes (RFC 4960 Appendix B;
// https://cloud.google.com/storage/docs/json_api/v1/objects). node:zlib's crc32 is the other CRC-32.

const table = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? (c >>> 1) ^ 0x82f63b78 : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

export function crc32c(bytes) {
  let c = 0xffffffff;
  for (const b of bytes) c = table[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

export function crc32cBase64(bytes) {
  const out = Buffer.alloc(4);
  out.writeUInt32BE(crc32c(bytes));
  return out.toString('base64');
}

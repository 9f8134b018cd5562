// The stand-ins' truncated answers (tests/fakes/gcs-standin/faults.mjs and encord-standin/faults.mjs):
// 'cut' sends the first `keep` bytes (default half) with a Content-Length that matches them, a whole
// answer that is malformed; 'short' declares the whole length, sends the part and closes the connection.

// Sends `buf` as the answer under a truncate fault and closes the connection for 'short'.
// Returns false when there is nothing to cut (the caller sends the answer whole).
export function sendTruncated(req, res, status, headers, buf, { truncate, keep }) {
  if (req.method === 'HEAD' || buf.length === 0) return false;
  const n = Math.max(0, Math.min(buf.length - 1, keep ?? Math.floor(buf.length / 2)));
  const part = buf.subarray(0, n);
  if (truncate === 'cut') {
    res.writeHead(status, { ...headers, 'Content-Length': String(n) });
    res.end(part);
    return true;
  }
  res.writeHead(status, { ...headers, 'Content-Length': String(buf.length) });
  // Once the part is on the wire, the connection closes without the rest.
  res.write(part, () => req.socket.destroy());
  return true;
}

// measureCapacity: how many signed HEADs a second the stand-in answers when node itself sends them,
// over a keep-alive agent with at most `concurrency` sockets. The benchmark sets the browser's
// object checks a second beside this figure at the same concurrency, to tell a slow client from a
// saturated server.
import http from 'node:http';

// sign(i) gives the URL of request i (may return a promise); all are signed before the clock starts,
// so signing cost is not counted. Or pass the URLs as `urls`.
export async function measureCapacity({ origin, concurrency = 8, requests = 1000, sign, urls }) {
  const list = urls ? urls.slice(0, requests) : await Promise.all(Array.from({ length: requests }, (_, i) => sign(i)));
  if (list.length === 0) throw new Error('measureCapacity needs at least one request');
  for (const u of list) if (origin && !u.startsWith(origin)) throw new Error(`${u} is not on ${origin}`);
  const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });
  const statuses = {};
  let next = 0;
  const head = (url) => new Promise((resolve) => {
    const req = http.request(url, { method: 'HEAD', agent }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode));
    });
    req.on('error', () => resolve('error'));
    req.end();
  });
  const worker = async () => {
    while (next < list.length) {
      const status = await head(list[next++]);
      statuses[status] = (statuses[status] || 0) + 1;
    }
  };
  const start = process.hrtime.bigint();
  await Promise.all(Array.from({ length: Math.min(concurrency, list.length) }, worker));
  const elapsedMs = Number(process.hrtime.bigint() - start) / 1e6;
  agent.destroy();
  return { requests: list.length, concurrency, elapsedMs, requestsPerSecond: list.length / (elapsedMs / 1000), statuses };
}

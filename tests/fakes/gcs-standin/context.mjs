// The answer side of one request: send() with the server's Date, the request's CORS headers and a
// Content-Length, counted in the statistics, or cut short under a truncate fault (faults.mjs); XML and
// JSON error bodies; the request body, bounded.
import { httpDate } from './clock.mjs';
import { errorDocument } from './xml.mjs';
import { sendTruncated } from './faults.mjs';

export function makeContext(req, res, state, at, r, rawQuery) {
  const ctx = {
    req, res, state, route: r, rawQuery, method: req.method, cors: {}, truncate: null,
    // Sends one answer. For HEAD, Content-Length is `headLength` (an object's size) or the body's.
    send(status, headers = {}, body = undefined, headLength = undefined) {
      if (res.headersSent || res.destroyed) return;
      const buf = body === undefined ? Buffer.alloc(0) : Buffer.isBuffer(body) ? body : Buffer.from(body, 'utf8');
      const all = { Date: httpDate(state.clock.nowMs()), ...ctx.cors, ...headers };
      if (ctx.truncate && sendTruncated(req, res, status, all, buf, ctx.truncate)) {
        state.stats.answer(at, 'truncated');
        return;
      }
      res.writeHead(status, { ...all, 'Content-Length': String(headLength ?? buf.length) });
      res.end(req.method === 'HEAD' ? undefined : buf);
      state.stats.answer(at, status);
    },
    xmlError(status, code, message, details, extra = [], headers = {}) {
      ctx.send(status, { 'Content-Type': 'application/xml; charset=UTF-8', ...headers }, errorDocument(code, message, details, extra));
    },
    json(status, value, headers = {}) {
      ctx.send(status, { 'Content-Type': 'application/json; charset=UTF-8', ...headers }, JSON.stringify(value));
    },
    // The request body, or null past `limit` bytes.
    readBody(limit) {
      return new Promise((resolve, reject) => {
        const chunks = [];
        let size = 0;
        req.on('data', (c) => {
          size += c.length;
          if (size <= limit) chunks.push(c);
        });
        req.on('end', () => resolve(size > limit ? null : Buffer.concat(chunks)));
        req.on('error', reject);
      });
    },
  };
  return ctx;
}

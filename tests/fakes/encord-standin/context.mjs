// The answer side of one request: send() with the request's CORS headers and a Content-Length,
// counted in the statistics, or, under a {drop: 'after'} fault, the connection closed instead, or under a
// {truncate} fault the body cut short (faults.mjs); JSON and SDK-shaped error answers; the request body
// (bounded) and its JSON.
import http from 'node:http';
import { apiError, badRequest, DEFAULT_MESSAGES } from './errors.mjs';
import { sendTruncated } from './faults.mjs';

export function makeContext(req, res, state, at) {
  const ctx = {
    req, res, state, at, cors: {}, dropAnswer: false, truncate: null, body: Buffer.alloc(0), user: null, params: {}, query: null,
    send(status, headers = {}, body = undefined) {
      if (res.headersSent || res.destroyed) return;
      if (ctx.dropAnswer) {
        state.stats.answer(at, 'dropped');
        req.socket.destroy();
        return;
      }
      const buf = body === undefined ? Buffer.alloc(0) : Buffer.isBuffer(body) ? body : Buffer.from(body, 'utf8');
      if (ctx.truncate && sendTruncated(req, res, status, { ...ctx.cors, ...headers }, buf, ctx.truncate)) {
        state.stats.answer(at, 'truncated');
        return;
      }
      res.writeHead(status, { ...ctx.cors, ...headers, 'Content-Length': String(buf.length) });
      res.end(req.method === 'HEAD' ? undefined : buf);
      state.stats.answer(at, status);
    },
    json(status, value, headers = {}) {
      ctx.send(status, { 'Content-Type': 'application/json', ...headers }, JSON.stringify(value));
    },
    error(status, message, headers = {}, extra = {}) {
      ctx.json(status, apiError(status, message || DEFAULT_MESSAGES[status] || http.STATUS_CODES[status], extra), headers);
    },
    // The body as sent, or null past `limit` bytes (the rest is still read, so the answer can be sent).
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
    // The body's JSON; 400 when it is not JSON or not sent as application/json (the SDK's `requests`
    // sets that type for every JSON body). An empty body is `undefined`.
    jsonBody() {
      if (ctx.body.length === 0) return undefined;
      const type = String(ctx.req.headers['content-type'] || '').split(';')[0].trim().toLowerCase();
      if (type !== 'application/json') throw badRequest(`The body must be sent as Content-Type: application/json, not ${type || 'no type'}.`);
      try {
        return JSON.parse(ctx.body.toString('utf8'));
      } catch (err) {
        throw badRequest(`The body is not valid JSON: ${err.message}`);
      }
    },
  };
  return ctx;
}

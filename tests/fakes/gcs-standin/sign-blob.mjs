// IAM Credentials signBlob (https://cloud.google.com/iam/docs/reference/credentials/rest/v1/projects.serviceAccounts/signBlob):
// POST /v1/projects/-/serviceAccounts/EMAIL:signBlob {"payload": base64} with a bearer token answers
// {"keyId", "signedBlob": base64 RSASSA-PKCS1-v1_5 SHA-256 signature}, here by the service account's
// own key, so a V4 URL signed this way verifies like one signed with the key file.
import crypto from 'node:crypto';
import { bearerOf } from './tokens.mjs';
import { rpcError } from './json-errors.mjs';

const MAX_BODY = 1 << 20;
const SEE = ' Expected OAuth 2 access token, login cookie or other valid authentication credential.';

export async function handleSignBlob(ctx) {
  const r = ctx.route;
  const { state } = ctx;
  if (r.kind !== 'signBlob') return ctx.json(404, rpcError(404, 'NOT_FOUND', 'The requested URL was not found on this server.'));
  if (ctx.method !== 'POST') return ctx.json(405, rpcError(405, 'UNIMPLEMENTED', `signBlob takes POST, not ${ctx.method}.`));
  const token = bearerOf(ctx.req);
  if (!token) return ctx.json(401, rpcError(401, 'UNAUTHENTICATED', 'Request is missing required authentication credential.' + SEE));
  if (state.tokens.use(token).status !== 'ok') {
    return ctx.json(401, rpcError(401, 'UNAUTHENTICATED', 'Request had invalid authentication credentials.' + SEE));
  }
  // "The - wildcard character is required; replacing it with a project ID is invalid."
  if (r.project !== '-') return ctx.json(400, rpcError(400, 'INVALID_ARGUMENT', "The project segment of the name must be '-'."));
  const account = state.accounts.get(r.object);
  if (!account) {
    return ctx.json(403, rpcError(403, 'PERMISSION_DENIED', "Permission 'iam.serviceAccounts.signBlob' denied on resource (or it may not exist)."));
  }
  const body = await ctx.readBody(MAX_BODY);
  if (body === null) return ctx.json(413, rpcError(413, 'INVALID_ARGUMENT', 'The request body is too large.'));
  let payload;
  try {
    payload = JSON.parse(body.toString('utf8')).payload;
  } catch {
    return ctx.json(400, rpcError(400, 'INVALID_ARGUMENT', 'The request body is not JSON.'));
  }
  // proto3 JSON bytes: standard or URL-safe base64.
  if (typeof payload !== 'string' || !/^[A-Za-z0-9+/_-]*={0,2}$/.test(payload)) {
    return ctx.json(400, rpcError(400, 'INVALID_ARGUMENT', 'payload must be base64 bytes.'));
  }
  const bytes = Buffer.from(payload.replace(/-/g, '+').replace(/_/g, '/'), 'base64');
  const signedBlob = crypto.sign('sha256', bytes, account.privateKey).toString('base64');
  return ctx.json(200, { keyId: account.keyId, signedBlob });
}

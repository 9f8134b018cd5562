// The organisation-level routes: the metadata schema (schema.mjs), cloud integrations
// (integrations.mjs) and GET user/bearer-token, which answers a signed request with {"token": ...}
// that is then accepted as "Authorization: Bearer <token>" (EncordClient.get_bearer_token,
// encord/orm/bearer_request.py, BearerConfig in encord/configs.py of encord-team/encord-client-python).
// Token lifetime is not documented; issued tokens last until the stand-in stops.
import crypto from 'node:crypto';
import { validateSchema } from './schema.mjs';

export function getSchema(ctx) {
  const { state } = ctx;
  if (state.schema === null) {
    if (state.emptySchemaStatus === 204) return ctx.send(204);
    return ctx.json(200, null);
  }
  return ctx.json(200, state.schema);
}

export function postSchema(ctx) {
  const map = validateSchema(ctx.jsonBody());
  ctx.state.schema = map;
  ctx.state.stats.count('schemaWrites');
  return ctx.json(200, null);
}

export const listIntegrations = (ctx) => ctx.json(200, ctx.state.integrations.list(ctx.query));

export function bearerToken(ctx) {
  const token = `eic-standin-${crypto.randomBytes(24).toString('base64url')}`;
  ctx.state.auth.addToken({ token, user: ctx.user.user });
  ctx.state.stats.count('tokensIssued');
  return ctx.json(200, { token });
}

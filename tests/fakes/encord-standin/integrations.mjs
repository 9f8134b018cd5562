// Cloud integrations: GET cloud-integrations → {"result": [{"integrationUuid", "title"}]}, filtered by
// filterIntegrationUuids and filterIntegrationTitles (repeated keys; titles match exactly), and
// includeOrgAccess (GetCloudIntegrationsParams, GetCloudIntegrationsResponse in
// encord/orm/cloud_integration.py and EncordUserClient.get_cloud_integrations in
// encord-team/encord-client-python). Only those two fields are answered: the SDK exposes no provider
// type or strict-client-only flag, and whether the server sends more is not known.
// Each integration here also carries what the stand-in needs to register data through it (never
// answered): `strictClientOnly` (videos and images then need videoMetadata / imageMetadata,
// https://docs.encord.com/platform-documentation/General/annotate-data-integrations) and `role`
// ('admin' or 'user': only an Admin may register data with an integration, same page).
import crypto from 'node:crypto';
import { uuidOf } from './query.mjs';

export function makeIntegrations(list) {
  const byId = new Map();
  for (const i of list) {
    if (!i.title) throw new Error('an integration needs a title');
    const id = i.integrationUuid ? uuidOf(i.integrationUuid, 'integrationUuid') : crypto.randomUUID();
    byId.set(id, {
      integrationUuid: id,
      title: i.title,
      strictClientOnly: Boolean(i.strictClientOnly),
      role: i.role || 'admin',
    });
  }
  return {
    get: (id) => byId.get(String(id).toLowerCase()),
    all: () => [...byId.values()],
    list(query) {
      const uuids = query.list('filterIntegrationUuids').map((u) => uuidOf(u, 'filterIntegrationUuids'));
      const titles = query.list('filterIntegrationTitles');
      query.bool('includeOrgAccess', false);
      const result = [...byId.values()]
        .filter((i) => !uuids.length || uuids.includes(i.integrationUuid))
        .filter((i) => !titles.length || titles.includes(i.title))
        .map(({ integrationUuid, title }) => ({ integrationUuid, title }));
      return { result };
    },
  };
}

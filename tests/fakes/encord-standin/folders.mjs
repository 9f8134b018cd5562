// Storage folders (Index "Files"), from encord/storage.py and encord/orm/storage.py in
// encord-team/encord-client-python:
//   POST storage/folders {name, description?, parent?, clientMetadata?: JSON text,
//        cloudSyncedFolderParams?} → the folder (CreateStorageFolderPayload → StorageFolder)
//   GET  storage/folders (top level), storage/search/folders (every folder),
//        storage/folders/{uuid}/folders (children) → a page of folders (ListFoldersParams: search,
//        isRecursive, datasetSynced, includeOrgAccess, order name|createdAt, desc, pageToken, pageSize)
//   GET  storage/folders/{uuid} → the folder
// A folder has every field of StorageFolder: uuid, parent, name, description (a string, "" when none
// was given, since the DTO requires one), clientMetadata (JSON text or null), owner, createdAt,
// lastEditedAt, userRole, syncedDatasetHash (always null: no dataset sync here), pathToRoot.
import crypto from 'node:crypto';
import { badRequest, notFound, ApiError } from './errors.mjs';
import { uuidOf } from './query.mjs';
import { page } from './paging.mjs';

export function makeFolders(clock) {
  const folders = new Map();
  let seq = 0;

  // Ancestors from the parent up to the top level (the folder itself is not in its own path).
  const pathToRoot = (f) => {
    const out = [];
    for (let p = f.parent && folders.get(f.parent); p; p = p.parent && folders.get(p.parent)) {
      out.push({ uuid: p.uuid, parentUuid: p.parent, name: p.name, syncedDatasetHash: null });
    }
    return out;
  };
  const view = (f) => ({
    uuid: f.uuid,
    parent: f.parent,
    name: f.name,
    description: f.description,
    clientMetadata: f.clientMetadata,
    owner: f.owner,
    createdAt: f.createdAt,
    lastEditedAt: f.lastEditedAt,
    userRole: 'admin',
    syncedDatasetHash: null,
    pathToRoot: pathToRoot(f),
  });

  // Checks a create payload and stores the folder. Throws ApiError 400/404/501. `fixedUuid` is for
  // the stand-in's own set-up (the demo's folders keep their ids); a client cannot choose one.
  function create(body, owner, fixedUuid = undefined) {
    if (body === null || typeof body !== 'object' || Array.isArray(body)) throw badRequest('The folder must be a JSON object.');
    const { name, description, parent, clientMetadata, cloudSyncedFolderParams } = body;
    if (typeof name !== 'string' || name.trim() === '') throw badRequest('name is required and must be a non-empty string.');
    if (description !== undefined && description !== null && typeof description !== 'string') throw badRequest('description must be a string.');
    let parentUuid = null;
    if (parent !== undefined && parent !== null) {
      parentUuid = uuidOf(parent, 'parent');
      if (!folders.has(parentUuid)) throw notFound(`Parent folder ${parentUuid} not found.`);
    }
    if (clientMetadata !== undefined && clientMetadata !== null) {
      // The SDK sends json.dumps(client_metadata): JSON text of an object.
      let parsed;
      try {
        parsed = typeof clientMetadata === 'string' ? JSON.parse(clientMetadata) : undefined;
      } catch {
        parsed = undefined;
      }
      if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
        throw badRequest('clientMetadata must be the JSON text of an object (a string), as the SDK sends json.dumps(client_metadata).');
      }
    }
    if (cloudSyncedFolderParams !== undefined && cloudSyncedFolderParams !== null) {
      throw new ApiError(501, 'Cloud-synced folders are not implemented by the Encord stand-in.');
    }
    const now = clock.iso();
    const f = {
      uuid: fixedUuid ? uuidOf(fixedUuid, 'uuid') : crypto.randomUUID(),
      parent: parentUuid,
      name,
      description: description ?? '',
      clientMetadata: clientMetadata ?? null,
      owner,
      createdAt: now,
      lastEditedAt: now,
      seq: seq++,
    };
    if (folders.has(f.uuid)) throw new Error(`folder ${f.uuid} exists`);
    folders.set(f.uuid, f);
    return view(f);
  }

  const mustGet = (raw) => {
    const id = uuidOf(raw, 'The folder id');
    const f = folders.get(id);
    if (!f) throw notFound(`Folder ${id} not found.`);
    return f;
  };

  const isUnder = (f, ancestor) => {
    for (let p = f.parent; p; p = folders.get(p)?.parent) if (p === ancestor) return true;
    return false;
  };

  // One page of the folders under `parent` (null: the top level), filtered and sorted.
  function list(parent, query, { recursive: forced } = {}) {
    const search = query.string('search');
    const recursive = forced ?? query.bool('isRecursive', false);
    const datasetSynced = query.bool('datasetSynced', undefined);
    query.bool('includeOrgAccess', false);
    const order = query.oneOf('order', ['name', 'createdAt'], 'name');
    const desc = query.bool('desc', false);
    const pageSize = query.int('pageSize', { min: 1, max: 1000, fallback: 100 });
    let all = [...folders.values()].filter((f) => (recursive ? (parent === null || isUnder(f, parent)) : f.parent === parent));
    // Search: a case-insensitive substring of the name (Encord does not document the match).
    if (search) all = all.filter((f) => f.name.toLowerCase().includes(search.toLowerCase()));
    // No folder is synced with a dataset here.
    if (datasetSynced === true) all = [];
    const cmp = order === 'name'
      ? (a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : a.seq - b.seq)
      : (a, b) => a.seq - b.seq;
    all.sort(desc ? (a, b) => cmp(b, a) : cmp);
    const listing = { parent, search, recursive, datasetSynced, order, desc, pageSize };
    const p = page(all, { pageSize, pageToken: query.string('pageToken'), listing });
    return { results: p.results.map(view), nextPageToken: p.nextPageToken };
  }

  return {
    create,
    get: (raw) => view(mustGet(raw)),
    mustGet,
    list,
    children: (raw, query) => list(mustGet(raw).uuid, query),
    all: () => [...folders.values()].map(view),
    clear() { folders.clear(); },
  };
}

// The page's IndexedDB database: the Encord upload's plan and ledger (upload-store.js) and the autosave of
// the open manifests, each in an object store of its own. IndexedDB rather than localStorage: a manifest
// of many MB fits, and a write is confirmed only once its transaction completed.
//
// Records are data: read back as text and parsed by core (app/manifest_autosave.hpp,
// app/upload_session.hpp, encord/upload_ledger.hpp).
const DB = 'eic';
const VERSION = 2;  // 1: uploads; 2: autosave
export const STORES = { uploads: 'uploads', autosave: 'autosave' };

export function openDb(idb) {
  if (!idb) return Promise.reject(new Error('this page has no IndexedDB'));
  return new Promise((resolve, reject) => {
    const req = idb.open(DB, VERSION);
    req.onupgradeneeded = () => {
      for (const name of Object.values(STORES))
        if (!req.result.objectStoreNames.contains(name)) req.result.createObjectStore(name);
    };
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error || new Error('IndexedDB could not be opened'));
    req.onblocked = () => reject(new Error('IndexedDB is blocked by another tab of this page'));
  });
}

// Writes `text` under `key` (an empty text deletes the record); resolves once the transaction completed.
export async function writeRecord(db, store, key, text) {
  const d = await db;
  const tx = d.transaction(store, 'readwrite');
  if (text === '') tx.objectStore(store).delete(key);
  else tx.objectStore(store).put(text, key);
  await new Promise((resolve, reject) => {
    tx.oncomplete = resolve;
    tx.onerror = () => reject(tx.error || new Error('the write failed'));
    tx.onabort = () => reject(tx.error || new Error('the write was aborted (the disk may be full)'));
  });
}

// The texts under `keys` ('' for a record that is absent).
export async function readRecords(db, store, keys) {
  const d = await db;
  const tx = d.transaction(store, 'readonly');
  return Promise.all(keys.map((key) => new Promise((resolve, reject) => {
    const req = tx.objectStore(store).get(key);
    req.onsuccess = () => resolve(typeof req.result === 'string' ? req.result : '');
    req.onerror = () => reject(req.error);
  })));
}

// The open manifests' autosave: installs mod.eicRecords.saveManifests(text), writes arriving while one
// is under way keep only the newest, and hands the last session's record to wasm once read. Without
// IndexedDB (`idb` absent) there is nothing to restore, and the first write says why nothing is saved;
// with `db` null (the host asked for none) nothing is restored or written. `key`: the record's name.
export function installManifestAutosave(mod, { withString, db, idb, key = 'manifests' }) {
  let writing = false;
  let next = null;
  const fail = (err) => withString(mod, err.message || String(err), (r) => mod._eic_app_autosave_failed(r));
  const drain = async () => {
    if (writing) return;
    writing = true;
    while (next !== null) {
      const text = next;
      next = null;
      try { await writeRecord(db, STORES.autosave, key, text); } catch (err) { fail(err); }
    }
    writing = false;
  };
  mod.eicRecords = {
    saveManifests(text) {
      if (db === null) return;
      next = text;
      drain();
    },
  };
  (async () => {
    let record = '', error = '';
    try {
      if (db !== null) [record] = await readRecords(db, STORES.autosave, [key]);
    } catch (err) {
      if (idb) error = err.message || String(err);
    }
    const bytes = new TextEncoder().encode(record);
    const ptr = mod._eic_malloc(Math.max(1, bytes.length));
    if (!ptr) return fail(new Error('not enough memory to read the autosaved manifests back'));
    mod.HEAPU8.set(bytes, ptr);
    try {
      withString(mod, error, (e) => mod._eic_app_restore_manifests(ptr, bytes.length, e));
    } finally {
      mod._eic_free(ptr);
    }
  })();
}

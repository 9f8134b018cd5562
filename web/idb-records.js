// The page's IndexedDB database: the Encord upload's plan and ledger (upload-store.js), the autosave of
// the open manifests and the recent files, and the keys the user chose to remember, each in an object
// store of its own. IndexedDB rather than localStorage: a manifest
// of many MB fits, and a write is confirmed only once its transaction completed.
//
// Records are data: read back as text and parsed by core (app/manifest_autosave.hpp,
// app/upload_session.hpp, encord/upload_ledger.hpp).
const DB = 'eic';
const VERSION = 3;  // 1: uploads; 2: autosave; 3: keys
export const STORES = { uploads: 'uploads', autosave: 'autosave', keys: 'keys' };

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

// File > Open recent (wasm/app/recent_store.hpp): installs mod.eicRecent. The list is a text record and
// each kept copy a byte record, all in the autosave store under `${key}:recent` and `${key}:recent/N`;
// operations run in the order wasm asked for them (a copy is written before the list that names it, and
// deleted after). A copy read back goes to the file bridge (`deliver(purpose, File)`) as a picked file
// would. With `db` null (the host asked for no autosave) the list lives as long as the page.
export function installRecentFiles(mod, { withString, db, idb, key = 'manifests', deliver }) {
  const name = (k) => `${key}:${k}`;
  let queue = Promise.resolve();
  const inOrder = (work) => (queue = queue.then(work, work));
  let failed = '';
  const fail = (err) => {
    const reason = err.message || String(err);
    if (reason === failed) return;
    failed = reason;
    withString(mod, reason, (r) => mod._eic_app_recent_write_failed(r));
  };
  const write = (k, value) => inOrder(async () => {
    if (db === null) return;
    try {
      const d = await db;
      const tx = d.transaction(STORES.autosave, 'readwrite');
      if (value === undefined) tx.objectStore(STORES.autosave).delete(name(k));
      else tx.objectStore(STORES.autosave).put(value, name(k));
      await new Promise((resolve, reject) => {
        tx.oncomplete = resolve;
        tx.onerror = () => reject(tx.error || new Error('the write failed'));
        tx.onabort = () => reject(tx.error || new Error('the write was aborted (the disk may be full)'));
      });
    } catch (err) {
      fail(err);
    }
  });
  const read = async (k) => {
    const d = await db;
    const tx = d.transaction(STORES.autosave, 'readonly');
    return new Promise((resolve, reject) => {
      const req = tx.objectStore(STORES.autosave).get(name(k));
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
  };
  mod.eicRecent = {
    writeList(text) { write('recent', text); },
    writeCopy(copyKey, bytes) { write(copyKey, bytes); },
    deleteCopy(copyKey) { write(copyKey, undefined); },
    readCopy(copyKey, purpose, fileName, id) {
      inOrder(async () => {
        let bytes;
        try {
          if (db === null) throw new Error('this page keeps no copies');
          bytes = await read(copyKey);
        } catch (err) {
          bytes = err;
        }
        if (!mod._eic_app_recent_copy_missing) return;  // destroyed meanwhile
        if (!(bytes instanceof Uint8Array)) {
          const reason = bytes instanceof Error ? bytes.message : 'it is no longer in this browser\'s storage';
          withString(mod, reason, (r) => mod._eic_app_recent_copy_missing(id, r));
          return;
        }
        deliver(purpose, new File([bytes], fileName));
      });
    },
  };
  inOrder(async () => {
    let record = '', error = '';
    try {
      if (db !== null) {
        const text = await read('recent');
        record = typeof text === 'string' ? text : '';
      }
    } catch (err) {
      if (idb) error = err.message || String(err);
    }
    if (!mod._eic_app_restore_recent) return;
    withString(mod, record, (r) => withString(mod, error, (e) => mod._eic_app_restore_recent(r, e)));
  });
}

// The keys the user chose to remember ("Remember this key in this browser", off by default): under
// "encord" and "cloud", a record holding the non-extractable CryptoKey itself (IndexedDB keeps a CryptoKey
// as it is, unable to give its key material back: https://w3c.github.io/webcrypto/#cryptokey-interface,
// [[extractable]]) and what the window shows of it (keyid and comment, or the account). Never the key
// file's text. `record` null deletes.
export async function writeKey(db, name, record) {
  const d = await db;
  const tx = d.transaction(STORES.keys, 'readwrite');
  if (record === null) tx.objectStore(STORES.keys).delete(name);
  else tx.objectStore(STORES.keys).put(record, name);
  await new Promise((resolve, reject) => {
    tx.oncomplete = resolve;
    tx.onerror = () => reject(tx.error || new Error('the write failed'));
    tx.onabort = () => reject(tx.error || new Error('the write was aborted (the disk may be full)'));
  });
}

// {encord, cloud}: the remembered records (undefined when none); a record whose key is not a
// non-extractable CryptoKey able to sign is left out, as data that is not what this page wrote.
export async function readKeys(db) {
  const d = await db;
  const tx = d.transaction(STORES.keys, 'readonly');
  const get = (name) => new Promise((resolve, reject) => {
    const req = tx.objectStore(STORES.keys).get(name);
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
  const usable = (r) => r && typeof CryptoKey !== 'undefined' && r.key instanceof CryptoKey && r.key.extractable === false &&
    r.key.usages.includes('sign') ? r : undefined;
  const [encord, cloud] = await Promise.all([get('encord'), get('cloud')]);
  return { encord: usable(encord), cloud: usable(cloud) };
}

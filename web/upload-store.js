// The upload's records in the page's IndexedDB (wasm/app/encord/encord_upload.hpp): the plan, written once
// before the first upload job is started, and the ledger, written after every change. IndexedDB rather
// than localStorage: a manifest of a few hundred MB fits, and a write is confirmed only once its
// transaction completed, which is when wasm lets the upload-job start it announced go out.
//
// Records are data: read back as text and parsed by core (app/upload_session.hpp, encord/upload_ledger.hpp).
const DB = 'eic';
const STORE = 'uploads';

function openDb(idb) {
  return new Promise((resolve, reject) => {
    const req = idb.open(DB, 1);
    req.onupgradeneeded = () => req.result.createObjectStore(STORE);
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error || new Error('IndexedDB could not be opened'));
    req.onblocked = () => reject(new Error('IndexedDB is blocked by another tab of this page'));
  });
}

// Installs mod.eicUploadStore.write(ticket, key, text) (an empty text deletes the record) and hands the
// records found to wasm. `idb`: the IndexedDB factory (absent in some embeddings: every write then fails,
// and the Upload tab says so).
export function installUploadStore(mod, { withString, idb = globalThis.indexedDB }) {
  const db = idb ? openDb(idb) : Promise.reject(new Error('this page has no IndexedDB'));
  db.catch(() => {});  // each write reports it
  const answer = (ticket, ok, error) =>
    withString(mod, error, (e) => mod._eic_app_upload_store_answer(ticket, ok ? 1 : 0, e));

  mod.eicUploadStore = {
    // Writes complete in the order they were asked: every transaction has the one store in scope.
    async write(ticket, key, text) {
      try {
        const d = await db;
        const tx = d.transaction(STORE, 'readwrite');
        if (text === '') tx.objectStore(STORE).delete(key);
        else tx.objectStore(STORE).put(text, key);
        await new Promise((resolve, reject) => {
          tx.oncomplete = resolve;
          tx.onerror = () => reject(tx.error || new Error('the write failed'));
          tx.onabort = () => reject(tx.error || new Error('the write was aborted (the disk may be full)'));
        });
        answer(ticket, true, '');
      } catch (err) {
        answer(ticket, false, err.message);
      }
    },
  };

  // The records a page closed earlier left: both, or none (a plan without a ledger was never started).
  (async () => {
    let plan = '', ledger = '', error = '';
    try {
      const d = await db;
      const tx = d.transaction(STORE, 'readonly');
      const get = (key) => new Promise((resolve, reject) => {
        const req = tx.objectStore(STORE).get(key);
        req.onsuccess = () => resolve(typeof req.result === 'string' ? req.result : '');
        req.onerror = () => reject(req.error);
      });
      [plan, ledger] = await Promise.all([get('upload.plan'), get('upload.ledger')]);
    } catch (err) {
      if (!idb) return;
      error = `the saved upload could not be read: ${err.message}`;
    }
    if (!error && (!plan || !ledger)) return;
    withString(mod, plan, (p) => withString(mod, ledger, (l) => withString(mod, error, (e) =>
      mod._eic_app_upload_saved(p, l, e))));
  })();
}

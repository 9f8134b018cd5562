// The upload's records in the page's IndexedDB (web/idb-records.js; wasm/app/encord/encord_upload.hpp):
// the plan, written once before the first upload job is started, and the ledger, written after every
// change. A write is confirmed only once its transaction completed, which is when wasm lets the
// upload-job start it announced go out.
import { STORES, readRecords, writeRecord } from './idb-records.js';

// Installs mod.eicUploadStore.write(ticket, key, text) (an empty text deletes the record) and hands the
// records found to wasm. `db`: openDb's promise; `idb`: the IndexedDB factory (absent in some embeddings:
// every write then fails, and the Upload tab says so).
export function installUploadStore(mod, { withString, db, idb = globalThis.indexedDB }) {
  const answer = (ticket, ok, error) =>
    withString(mod, error, (e) => mod._eic_app_upload_store_answer(ticket, ok ? 1 : 0, e));

  mod.eicUploadStore = {
    // Writes complete in the order they were asked: every transaction has the one store in scope.
    async write(ticket, key, text) {
      try {
        await writeRecord(db, STORES.uploads, key, text);
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
      [plan, ledger] = await readRecords(db, STORES.uploads, ['upload.plan', 'upload.ledger']);
    } catch (err) {
      if (!idb) return;
      error = `the saved upload could not be read: ${err.message}`;
    }
    if (!error && (!plan || !ledger)) return;
    withString(mod, plan, (p) => withString(mod, ledger, (l) => withString(mod, error, (e) =>
      mod._eic_app_upload_saved(p, l, e))));
  })();
}

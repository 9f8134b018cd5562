// eic's JS API: an ES module whose default export, create(), makes an instance.
//   await create({ headless: true })        the core without a canvas (pages and workers)
//   await create({ canvas, fetch, storage }) the canvas app mounted on a <canvas>
// Each instance loads its own wasm module, so several can live on one page; destroy() gives back its
// WebGL context and drops every reference to its module, so its memory can be collected.
// <encord-import-console> (encord-import-console.js) wraps create() as a custom element.

import { installFileBridge, FilePurpose } from './file-bridge.js';
import { importServiceAccount, sha256Hex, rsaSha256SignHex, importEd25519Seed, ed25519SignHex } from './web-crypto.js';
import { installWorkLoop } from './work-loop.js';
import { installCanvasInput } from './canvas-input.js';
import { installNetBridge } from './net-bridge.js';
import { installUploadStore } from './upload-store.js';
import { installManifestAutosave, installRecentFiles, openDb, readKeys, writeKey } from './idb-records.js';
import { installLiveRegion } from './live-region.js';
import { wasmStreamLoader } from './wasm-stream.js';
import { makeShareLink, readShareLink } from './share-link.js';

const moduleUrl = (name) => new URL(name, import.meta.url).href;
// Where the Encord domain in use is remembered (the host's storage, else localStorage); never the key.
const DOMAIN_KEY = 'eic.encord.domain';
// What an instance tells its host through on(name, cb): the moments wasm reports (wasm/app/host_events.hpp),
// files offered for download, a stop after an internal error, and its start and end. The custom element
// dispatches each (but destroy) as a DOM event of the same name. Types: encord-console.d.ts (EicEvents).
export const EVENTS = ['ready', 'manifest-validated', 'schema-saved', 'job-finished', 'download', 'error', 'destroy'];

async function loadBytes(name) {
  const res = await fetch(moduleUrl(name));
  if (!res.ok) throw new Error(`could not load ${name}: HTTP ${res.status}`);
  return new Uint8Array(await res.arrayBuffer());
}

// Every copy into wasm memory goes through wasmAlloc: malloc answers 0 when the memory cannot grow
// (the 4 GB ceiling, or the browser's own limit), and writing there would overwrite the app's data at
// address 0. Refused, it throws this error instead: the call that needed the memory fails with a
// sentence that says so, and nothing the app holds is touched.
export class EicMemoryError extends Error {
  constructor(bytes, what) {
    super(`not enough memory in this tab for ${what} (${bytes} bytes): close other files or tabs, ` +
      'or use the eic CLI for files this large');
    this.name = 'EicMemoryError';
    this.bytes = bytes;
  }
}

function wasmAlloc(mod, size, what) {
  const ptr = mod._eic_malloc(Math.max(1, size));
  if (!ptr) throw new EicMemoryError(size, what);
  return ptr;
}

// Copies a JS string into wasm memory as NUL-terminated UTF-8; the caller frees it.
function allocString(mod, text) {
  const size = mod.lengthBytesUTF8(text) + 1;
  const ptr = wasmAlloc(mod, size, 'a text');
  mod.stringToUTF8(text, ptr, size);
  return ptr;
}

function withString(mod, text, fn) {
  const ptr = allocString(mod, text);
  try { return fn(ptr); } finally { mod._eic_free(ptr); }
}

function allocBytes(mod, bytes, what = 'the data') {
  const ptr = wasmAlloc(mod, bytes.length, what);
  mod.HEAPU8.set(bytes, ptr);
  return ptr;
}

function safeLocalStorage() {
  try { return globalThis.localStorage || null; } catch { return null; }  // blocked in some iframes
}

function makeEmitter() {
  const handlers = new Map();
  return {
    on(event, cb) {
      if (!handlers.has(event)) handlers.set(event, new Set());
      handlers.get(event).add(cb);
      return () => handlers.get(event).delete(cb);
    },
    emit(event, payload) {
      for (const cb of handlers.get(event) || []) {
        try { cb(payload); } catch (err) { console.error(err); }
      }
    },
  };
}

// Schemas and manifests may be given as text, bytes or (schemas) parsed objects.
function toBytes(input) {
  if (input instanceof Uint8Array) return input;
  if (input instanceof ArrayBuffer) return new Uint8Array(input);
  if (typeof input === 'string') return new TextEncoder().encode(input);
  return new TextEncoder().encode(JSON.stringify(input));
}

function coreApi(mod) {
  // Calls fn with each input copied into wasm memory as (pointer, length); null inputs pass (0, 0).
  const withBuffers = (inputs, fn) => {
    const ptrs = inputs.map((b) => (b ? allocBytes(mod, b) : 0));
    try {
      return fn(...inputs.flatMap((b, i) => [ptrs[i], b ? b.length : 0]));
    } finally {
      ptrs.forEach((p) => p && mod._eic_free(p));
    }
  };
  // Copies a manifest into wasm memory: a Blob in 16 MiB slices (never one big string), text encoded,
  // bytes as they are. Returns [pointer, length]; the caller frees the pointer.
  const manifestIntoWasm = async (input) => {
    if (typeof Blob !== 'undefined' && input instanceof Blob) {
      const ptr = wasmAlloc(mod, input.size, 'the manifest');
      // The browser reads the next slices while this thread copies one in: reading and copying overlap.
      const slice = 16 << 20, ahead = 2;
      const read = (at) => (at < input.size ? input.slice(at, at + slice).arrayBuffer() : null);
      const pending = [];
      for (let i = 0; i < ahead; ++i) pending.push(read(i * slice));
      try {
        for (let at = 0; at < input.size; at += slice) {
          const chunk = new Uint8Array(await pending.shift());
          pending.push(read(at + ahead * slice));
          mod.HEAPU8.set(chunk, ptr + at);  // HEAPU8 after each await: memory may have grown
        }
      } catch (err) {
        pending.forEach((p) => p && p.catch(() => {}));  // reads still under way fail quietly
        mod._eic_free(ptr);
        throw err;
      }
      return [ptr, input.size];
    }
    const bytes = toBytes(input);
    return [allocBytes(mod, bytes, 'the manifest'), bytes.length];
  };
  const manifestCall = async (fn, input, options = {}) => {
    const opts = { ...options };
    if (opts.schema !== undefined && opts.schema !== null && typeof opts.schema !== 'string') opts.schema = JSON.stringify(opts.schema);
    if (typeof Blob !== 'undefined' && input instanceof Blob && input.name && !opts.fileName) opts.fileName = input.name;
    const [ptr, length] = await manifestIntoWasm(input);
    try {
      const result = JSON.parse(withString(mod, JSON.stringify(opts), (o) => mod.UTF8ToString(fn(ptr, length, o))));
      if (result.error) throw new Error(result.error);
      return result;
    } finally {
      mod._eic_free(ptr);
    }
  };
  return {
    version: () => mod.UTF8ToString(mod._eic_version()),
    // Bytes of wasm memory this instance holds now (it grows, never shrinks): for capacity checks.
    memoryBytes: () => mod.HEAPU8.length,
    // Validates a manifest (Uint8Array, string or Blob) as `eic validate --output json` does. Options:
    // {schema (wire map or draft, text or object), format, strictClientOnly, plan, maxDiagnostics, fileName}.
    validateManifest: (input, options) => manifestCall(mod._eic_manifest_validate, input, options),
    // {to: 'json'|'csv', from?, fileName?, pretty?} -> {output, from, summary, diagnostics}
    convertManifest: (input, options) => manifestCall(mod._eic_manifest_convert, input, options),
    // {profile?|maxItems?, fileName?, pretty?} -> {parts: [{name, text, items, urls}], summary, diagnostics}
    splitManifest: (input, options) => manifestCall(mod._eic_manifest_split, input, options),
    // {fileName?, title?} -> {draft, text, summary, diagnostics}
    inferSchema: (input, options) => manifestCall(mod._eic_manifest_infer, input, options),
    // What pushing `draft` to an Encord that has `remote` would change (base: what the draft started
    // from; default: the draft's own base). Resolves to {summary, diagnostics, changes, remoteChanges,
    // conflicts, post, differs}.
    // A V4 signed URL (GOOG4-RSA-SHA256) for `request` ({method, bucket, object, expires, timestamp?,
    // headers?, query?, scheme?, endpoint?, urlStyle?, bucketBoundHostname?, universeDomain?}, the flags
    // of `eic sign-url`), signed with a service-account key file (JSON text or object) by WebCrypto.
    // Resolves to {url, canonicalRequest, stringToSign}; rejects with the findings' messages. The key
    // stays in this call: it is imported as a non-extractable CryptoKey and never enters wasm memory.
    async signUrl(request, { key, account: imported } = {}) {
      const account = imported || await importServiceAccount(key);
      const call = (fn, ...texts) => {
        const ptrs = texts.map((t) => allocString(mod, t));
        try {
          return JSON.parse(mod.UTF8ToString(fn(...ptrs)));
        } finally {
          ptrs.forEach((p) => mod._eic_free(p));
        }
      };
      const refuse = (r) => {
        const err = new Error(r.diagnostics.map((d) => `${d.code}: ${d.message}`).join('; ') || 'signing failed');
        err.diagnostics = r.diagnostics;
        throw err;
      };
      const text = JSON.stringify({ ...request, clientEmail: account.clientEmail });
      const ptr = allocString(mod, text);
      let r;
      try {
        r = JSON.parse(mod.UTF8ToString(mod._eic_gcs_sign_prepare(ptr, Math.floor(Date.now() / 1000))));
      } finally {
        mod._eic_free(ptr);
      }
      if (!r.prepared) refuse(r);
      const digest = await sha256Hex(r.prepared.canonicalRequest);
      r = call(mod._eic_gcs_sign_hashed, JSON.stringify(r.prepared), digest);
      if (!r.prepared) refuse(r);
      const prepared = r.prepared;
      const signature = await rsaSha256SignHex(account.key, prepared.stringToSign);
      r = call(mod._eic_gcs_sign_finish, JSON.stringify(prepared), signature);
      if (!r.url) refuse(r);
      return { url: r.url, canonicalRequest: prepared.canonicalRequest, stringToSign: prepared.stringToSign };
    },
    // A V4 signed URL read back: {info: {algorithm, signer, scope, datetime, start, expires, secondsLeft,
    // signedHeaders, signature}, diagnostics, verified}. With `key` (the signer's key file) and a URL
    // that signs only the host header, verified says whether signing its canonical request for `method`
    // again gives its signature (RSASSA-PKCS1-v1_5 is deterministic); otherwise verified is null.
    async inspectSignedUrl(url, { key, account: imported, method = 'GET' } = {}) {
      const inspect = (hash) => {
        const ptrs = [String(url), String(method), hash].map((t) => allocString(mod, t));
        try {
          return JSON.parse(mod.UTF8ToString(mod._eic_gcs_inspect(ptrs[0], ptrs[1], Math.floor(Date.now() / 1000), ptrs[2])));
        } finally {
          ptrs.forEach((p) => mod._eic_free(p));
        }
      };
      const r = inspect('');
      r.verified = null;
      if (!r.info || !(key || imported) || r.canonicalRequest === undefined) return r;
      const account = imported || await importServiceAccount(key);
      const withHash = inspect(await sha256Hex(r.canonicalRequest));
      r.verified = account.clientEmail === r.info.signer &&
        (await rsaSha256SignHex(account.key, withHash.stringToSign)) === r.info.signature;
      return r;
    },
    async schemaDiff(remote, draft, { base } = {}) {
      const inputs = [toBytes(remote), toBytes(draft), base === undefined ? null : toBytes(base)];
      return JSON.parse(mod.UTF8ToString(withBuffers(inputs, (...args) => mod._eic_schema_diff(...args))));
    },
  };
}

async function createHeadless() {
  const { default: factory } = await import('./eic-core.js');
  const mod = await factory({ print: (t) => console.log(t), printErr: (t) => console.warn(t) });
  const emitter = makeEmitter();
  return { ...coreApi(mod), headless: true, on: emitter.on, destroy() {} };
}

async function createCanvasApp(options) {
  const canvas = options.canvas;
  if (!(canvas instanceof HTMLCanvasElement)) throw new TypeError('create({canvas}) needs an HTMLCanvasElement');

  const [{ default: factory }, uiFont, monoFont] = await Promise.all([
    import('./eic-app.js'), loadBytes('fonts/DejaVuSans.ttf'), loadBytes('fonts/DejaVuSansMono.ttf'),
  ]);
  // `let`: destroy() drops it, so that nothing this instance leaves behind holds the module's memory.
  const wasm = wasmStreamLoader(moduleUrl('eic-app.wasm'), options.onProgress);
  let mod = await Promise.race([wasm.failed, factory({
    canvas, instantiateWasm: wasm.instantiateWasm, print: (t) => console.log(t), printErr: (t) => console.warn(t),
  })]);
  const emitter = makeEmitter();
  // wasm reports within a frame or a step of work; listeners hear it once that call has returned, so
  // they may call the instance (state(), openManifest ...) without re-entering wasm mid-frame.
  mod.eicHostEvent = (name, detail) => queueMicrotask(() => { if (!destroyed) emitter.emit(name, detail); });
  const darkQuery = window.matchMedia('(prefers-color-scheme: dark)');
  const initError = mod.UTF8ToString(mod._eic_app_init(
    allocBytes(mod, uiFont), uiFont.length, allocBytes(mod, monoFont), monoFont.length, darkQuery.matches ? 1 : 0));
  if (initError) throw new Error(initError);

  // Autosave: the host may pass its own storage (getItem/setItem), else the page's localStorage.
  const storage = options.storage !== undefined ? options.storage : safeLocalStorage();
  const autosaveKey = (slot) => `eic.autosave.${slot}`;
  mod.eicAutosave = (slot, name, text, dirty) => {
    try { storage?.setItem(autosaveKey(slot), JSON.stringify({ name, text, dirty, at: new Date().toISOString() })); }
    catch (err) { storageFailed(slot, err, 0); }
  };
  const storageFailed = (slot, err, reading) =>
    withString(mod, slot, (s) => withString(mod, err.message || String(err), (r) => mod._eic_app_storage_failed(s, r, reading)));
  try {
    const saved = storage && JSON.parse(storage.getItem(autosaveKey('schema')) || 'null');
    if (saved && typeof saved.text === 'string') {
      const bytes = new TextEncoder().encode(saved.text);
      const ptr = allocBytes(mod, bytes, 'the autosaved draft');
      withString(mod, String(saved.name || 'schema.json'), (p) => mod._eic_app_restore_schema(p, ptr, bytes.length, saved.dirty ? 1 : 0));
      mod._eic_free(ptr);
    }
  } catch (err) {
    storageFailed('schema', err, 1);
  }
  // The Cloud window's settings (no secrets: app/cloud_settings.hpp) and the layout (app/layout_record.hpp),
  // kept the same way.
  for (const [slot, restore] of [['cloud', '_eic_app_restore_cloud_settings'], ['layout', '_eic_app_restore_layout']]) {
    try {
      const saved = storage && JSON.parse(storage.getItem(autosaveKey(slot)) || 'null');
      if (saved && typeof saved.text === 'string') withString(mod, saved.text, (p) => mod[restore](p));
    } catch (err) {
      storageFailed(slot, err, 1);
    }
  }

  const abort = new AbortController();
  const listen = (target, type, fn, opts = {}) => target.addEventListener(type, fn, { ...opts, signal: abort.signal });
  const sink = installCanvasInput(mod, canvas, { listen, withString });
  listen(darkQuery, 'change', (e) => mod._eic_app_set_system_theme(e.matches ? 1 : 0));

  // Files: picked through the app's own buttons, dropped on the canvas, fetched from a URL; downloads.
  // A trap in wasm (out-of-bounds memory, abort) leaves its memory untrustworthy: stop drawing and working,
  // and say so where a user looks (the 'error' event; the standalone page shows it over the canvas) rather
  // than leave a canvas that silently stops answering.
  let fault = null;
  let raf = 0;
  const halt = (err) => {
    if (fault) return;
    fault = err;
    cancelAnimationFrame(raf);
    work.stop('the app stopped after an internal error');
    const message = `eic stopped after an internal error (${err && err.message ? err.message : err}). Reload the ` +
      'page to go on: the schema draft, the open manifests and an upload in progress are saved in this browser.';
    console.error(message);
    emitter.emit('error', { message });
  };
  const work = installWorkLoop(mod, { onFault: halt });
  const live = installLiveRegion(mod, canvas, { stopped: () => fault !== null });
  // "Copy link" in the Schema panel: the link is made here and judged (its length) and copied by the app,
  // after the frame that asked for it. The page that opens links: `shareLinkBase`, else this page.
  const shareBase = () => String(options.shareLinkBase ?? location.href);
  mod.eicShareLink = async (name, text) => {
    let link = '', error = '';
    try { link = await makeShareLink(shareBase(), name, text); } catch (err) { error = err.message || String(err); }
    if (!mod) return;
    withString(mod, name, (n) => withString(mod, link, (l) => withString(mod, error, (e) => mod._eic_app_share_link_made(n, l, e))));
  };
  const files = installFileBridge(mod, { emitter, withString, whenValidated: work.whenValidated });
  listen(canvas, 'dragover', (e) => { e.preventDefault(); e.dataTransfer.dropEffect = 'copy'; });
  listen(canvas, 'drop', (e) => {
    e.preventDefault();
    const file = e.dataTransfer.files && e.dataTransfer.files[0];
    if (file) mod.eicDeliverFile(FilePurpose.dropped, file);
  });

  // Requests to buckets go through emscripten's fetch, or through the host's fetch when it passed one.
  installNetBridge(mod, { hostFetch: options.fetch, listen, withString });

  // The Cloud window's key: read and imported here (web-crypto.js), held as a non-extractable CryptoKey
  // in this closure only; wasm learns the account's email, never the key.
  const core = coreApi(mod);
  let cloudKey = null;
  const cloudAnswer = (tag, answer) => withString(mod, JSON.stringify(answer), (p) => mod._eic_app_cloud_answer(tag, p));
  const useCloudKeyText = async (name, text) => {
    try {
      cloudKey = await importServiceAccount(text);
      withString(mod, cloudKey.clientEmail, (e) => withString(mod, '', (x) => mod._eic_app_cloud_key(e, x)));
    } catch (err) {
      cloudKey = null;
      withString(mod, '', (e) => withString(mod, `${name}: ${err.message}`, (x) => mod._eic_app_cloud_key(e, x)));
    }
  };
  mod.eicCloud = {
    openKey() {
      const input = document.createElement('input');
      input.type = 'file';
      input.accept = '.json,application/json';
      input.addEventListener('change', async () => {
        const file = input.files && input.files[0];
        if (file) await useCloudKeyText(file.name, await file.text());
      });
      input.click();
    },
    // A key file dropped on the canvas: wasm recognised it (app/file_kind.hpp) and hands its text back.
    useKeyText(name, text) { useCloudKeyText(name, text); },
    forgetKey() { cloudKey = null; keys.drop('cloud'); },
    // For the object checks' signer (wasm/app/gcs/webcrypto_probe_signer.cpp): one step at a time.
    async crypto(id, op, text) {
      let hex = '', error = '';
      try {
        if (op === 0) hex = await sha256Hex(text);
        else if (op === 2) {
          if (!encordKey) error = 'no Encord key is open';
          else hex = await ed25519SignHex(encordKey, text);
        } else if (!cloudKey) error = 'no key file is open';
        else hex = await rsaSha256SignHex(cloudKey.key, text);
      } catch (err) {
        error = err.message;
      }
      withString(mod, hex, (h) => withString(mod, error, (e) => mod._eic_app_crypto_answer(id, h, e)));
    },
    async sign(tag, requestJson) {
      try {
        if (!cloudKey) throw new Error('no key file is open');
        cloudAnswer(tag, { url: (await core.signUrl(JSON.parse(requestJson), { account: cloudKey })).url });
      } catch (err) {
        cloudAnswer(tag, { error: err.message });
      }
    },
    async inspect(tag, url, method) {
      try {
        cloudAnswer(tag, { result: await core.inspectSignedUrl(url, { account: cloudKey || undefined, method }) });
      } catch (err) {
        cloudAnswer(tag, { error: err.message });
      }
    },
  };

  // The Encord window's key: core reads the OpenSSH file (encord/openssh_key.hpp) and hands over the
  // 32-byte seed, imported here as a non-extractable CryptoKey (web-crypto.js) and held in this closure only.
  let encordKey = null;
  mod.eicEncord = {
    openKey() {
      const input = document.createElement('input');
      input.type = 'file';
      input.addEventListener('change', async () => {
        const file = input.files && input.files[0];
        if (!file) return;
        withString(mod, await file.text(), (p) => mod._eic_app_encord_key_text(p));
      });
      input.click();
    },
    async importSeed(seed) {
      try {
        encordKey = await importEd25519Seed(seed);
        withString(mod, '', (e) => mod._eic_app_encord_key_imported(1, e));
      } catch (err) {
        encordKey = null;
        withString(mod, err.message, (e) => mod._eic_app_encord_key_imported(0, e));
      } finally {
        seed.fill(0);
      }
    },
    forgetKey() { encordKey = null; keys.drop('encord'); },
    // The domain only: the key is stored only when the user ticks "Remember this key" (keys, below).
    rememberDomain(domain) {
      try { storage?.setItem(DOMAIN_KEY, domain); } catch (err) { console.warn(`eic: the Encord domain was not remembered: ${err.message}`); }
    },
  };
  // The Encord domain of the last session, from the same storage as the autosave.
  try {
    const domain = storage?.getItem(DOMAIN_KEY);
    if (domain) {
      const refused = withString(mod, String(domain), (p) => mod.UTF8ToString(mod._eic_app_encord_set_domain(p, 0)));
      if (refused) console.warn(`eic: the remembered Encord domain was not restored: ${refused}`);
    }
  } catch (err) {
    console.warn(`eic: the remembered Encord domain was not restored: ${err.message}`);
  }

  // IndexedDB (idb-records.js): the Encord upload's plan and ledger, so a reload resumes it
  // (upload-store.js), the open manifests' autosave, opened again as tabs now, and the recent files.
  const idb = globalThis.indexedDB;
  const db = openDb(idb);
  db.catch(() => {});  // each read and write reports it
  installUploadStore(mod, { withString, db, idb });
  const manifestsKey = options.manifestsAutosaveKey === undefined ? 'manifests' : options.manifestsAutosaveKey;
  installManifestAutosave(mod, { withString, db: manifestsKey === null ? null : db, idb: manifestsKey === null ? null : idb,
    key: manifestsKey ?? 'manifests' });
  // "Remember this key in this browser" (opt-in, per window): the non-extractable CryptoKey goes to
  // IndexedDB (idb-records.js writeKey) and comes back at the next start without the key file; Forget
  // deletes it. `which`: 'encord' or 'cloud'. What fails is said on screen (wasm/app/secrets.hpp).
  const keyFailed = (which, message) =>
    withString(mod, which, (w) => withString(mod, message, (m) => mod._eic_app_key_store_failed(w, m)));
  const keys = {
    async remember(which, on, info) {
      const record = which === 'encord' ? encordKey && { key: encordKey, keyid: info.keyid, comment: info.comment }
        : cloudKey && { key: cloudKey.key, clientEmail: cloudKey.clientEmail };
      try {
        if (on && !record) throw new Error('no key is open');
        await writeKey(db, which, on ? record : null);
        if (mod) withString(mod, which, (w) => mod._eic_app_key_remembered(w, on ? 1 : 0));
      } catch (err) {
        if (mod) keyFailed(which, `could not be ${on ? 'remembered' : 'forgotten'} in this browser: ${err.message || err}`);
      }
    },
    drop(which) {
      writeKey(db, which, null).catch((err) => {
        if (idb && mod) keyFailed(which, `could not be removed from this browser's storage: ${err.message || err}`);
      });
    },
  };
  mod.eicKeys = { remember: (which, on, infoJson) => keys.remember(which, on, JSON.parse(infoJson)) };
  readKeys(db).then(({ encord, cloud }) => {
    if (!mod) return;
    if (encord && !encordKey) {
      encordKey = encord.key;
      withString(mod, String(encord.keyid || ''), (k) => withString(mod, String(encord.comment || ''),
        (c) => mod._eic_app_encord_key_restored(k, c)));
    }
    if (cloud && !cloudKey) {
      cloudKey = { key: cloud.key, clientEmail: String(cloud.clientEmail || '') };
      withString(mod, cloudKey.clientEmail, (e) => mod._eic_app_cloud_key_restored(e));
    }
  }, (err) => { if (idb && mod) keyFailed('both', `could not be read back: ${err.message || err}`); });

  // File > Open recent's list and copies, under the same key (null: kept for this page's life only).
  installRecentFiles(mod, { withString, db: manifestsKey === null ? null : db, idb: manifestsKey === null ? null : idb,
    key: manifestsKey ?? 'manifests', deliver: (purpose, file) => mod.eicDeliverFile(purpose, file) });

  let destroyed = false;
  let resolveReady, rejectReady;
  const ready = new Promise((res, rej) => { resolveReady = res; rejectReady = rej; });
  const frame = (t) => {
    if (destroyed || fault) return;
    try {
      drawFrame(t);
    } catch (err) {
      halt(err);
      if (resolveReady) rejectReady(err);  // create() rejects: the page reports it as a failed start
      resolveReady = null;
      return;
    }
    if (resolveReady) { resolveReady(); resolveReady = null; }
    raf = requestAnimationFrame(frame);
  };
  const drawFrame = (t) => {
    const r = canvas.getBoundingClientRect();
    const dpr = window.devicePixelRatio || 1;
    // The drawing buffer follows the CSS size times the device pixel ratio; ImGui works in CSS pixels.
    const bw = Math.max(1, Math.round(r.width * dpr));
    const bh = Math.max(1, Math.round(r.height * dpr));
    if (canvas.width !== bw) canvas.width = bw;
    if (canvas.height !== bh) canvas.height = bh;
    mod._eic_app_frame(r.width, r.height, dpr, t / 1000);
    work.afterFrame();
  };
  raf = requestAnimationFrame(frame);
  await ready;

  const instance = {
    ...core,
    headless: false,
    canvas,
    state: () => JSON.parse(mod.UTF8ToString(mod._eic_app_state())),
    on: emitter.on,
    // The theme ('system', 'dark' or 'light'; the View menu's choice) and the panel in front ('schema',
    // 'manifest', 'log', 'encord' or 'cloud'), as a host sets them (<encord-import-console theme panel>).
    // Throw a TypeError naming the accepted values for anything else.
    setTheme(theme) {
      const refused = withString(mod, String(theme), (p) => mod.UTF8ToString(mod._eic_app_set_theme(p)));
      if (refused) throw new TypeError(`eic: theme "${theme}": ${refused}`);
    },
    showPanel(panel) {
      const refused = withString(mod, String(panel), (p) => mod.UTF8ToString(mod._eic_app_show_panel(p)));
      if (refused) throw new TypeError(`eic: panel "${panel}": ${refused}`);
    },
    // Opens the schema draft a shared link holds (a URL or its fragment, "#schema=...&name=..."), as the
    // Schema panel's Copy link made it; over unsaved changes the app asks first. A link that cannot be
    // read is said on screen. Returns the draft's name, or null when the link could not be read.
    async openSharedLink(urlOrFragment) {
      let shared = null, error = '';
      try { shared = await readShareLink(urlOrFragment, mod._eic_app_share_link_max_chars()); } catch (err) { error = err.message || String(err); }
      if (!mod) return null;  // destroyed meanwhile
      const bytes = new TextEncoder().encode(shared ? shared.text : '');
      const ptr = allocBytes(mod, bytes, 'the shared draft');
      try {
        withString(mod, shared ? shared.name : '', (n) => withString(mod, error, (e) => mod._eic_app_open_shared_schema(n, ptr, bytes.length, e)));
      } finally {
        mod._eic_free(ptr);
      }
      return shared ? shared.name : null;
    },
    // Opens a schema draft or an Encord wire map (text or bytes) in the Schema panel, as a picked file
    // would be; resolves to {summary, diagnostics}.
    async openSchema(input, name = 'schema.json') {
      const bytes = typeof input === 'string' ? new TextEncoder().encode(input)
        : input instanceof Blob ? new Uint8Array(await input.arrayBuffer()) : input;
      const ptr = allocBytes(mod, bytes, 'the schema');
      try {
        return JSON.parse(withString(mod, name, (p) => mod.UTF8ToString(mod._eic_app_open_schema(p, ptr, bytes.length))));
      } finally {
        mod._eic_free(ptr);
      }
    },
    // Connects the windows as a person would, from settings a host (or the offline demo) already holds:
    // {encord: {domain, key, remember}, gcs: {endpoint, bucket, key}}, every part optional. Keys are file
    // texts (the OpenSSH Encord key; the service-account JSON), read and imported as the windows' own
    // buttons do and held in memory only. remember: false keeps the domain out of storage. Resolves to
    // {errors}: what was refused, in words; the Encord key's import ends later (state().encord.keyState).
    async connect({ encord, gcs } = {}) {
      const errors = [];
      if (encord && encord.domain !== undefined) {
        const refused = withString(mod, String(encord.domain),
          (p) => mod.UTF8ToString(mod._eic_app_encord_set_domain(p, encord.remember === false ? 0 : 1)));
        if (refused) errors.push(`Encord domain: ${refused}`);
      }
      if (encord && encord.key) withString(mod, String(encord.key), (p) => mod._eic_app_encord_key_text(p));
      if (gcs) {
        withString(mod, String(gcs.endpoint || ''), (e) => withString(mod, String(gcs.bucket || ''),
          (b) => mod._eic_app_cloud_fields(e, b)));
        if (gcs.key) {
          try {
            cloudKey = await importServiceAccount(gcs.key);
            withString(mod, cloudKey.clientEmail, (e) => withString(mod, '', (x) => mod._eic_app_cloud_key(e, x)));
          } catch (err) {
            cloudKey = null;
            errors.push(`service-account key: ${err.message}`);
          }
        }
      }
      return { errors };
    },
    // Opens a manifest (text, bytes or Blob) in the Manifest panel as a picked file would be; resolves
    // to state().manifest, rejects with the reason when it is not opened (e.g. too large).
    openManifest: (name, input) => files.openManifest(name, input),
    // Forgets every key and token the instance holds, and the signed URLs on screen (File > Forget keys
    // and tokens); the Cloud and Encord windows then ask for a key again.
    forgetKeys() { mod._eic_app_forget_secrets(); },
    log(level, message) {
      const levels = { debug: 0, info: 1, warning: 2, error: 3 };
      withString(mod, String(message), (p) => mod._eic_app_log(levels[level] ?? 1, p));
    },
    debug: {
      // Widgets of the last frame, in CSS pixels relative to the page's viewport: click the centre.
      items() {
        const r = canvas.getBoundingClientRect();
        return JSON.parse(mod.UTF8ToString(mod._eic_app_debug_items()))
          .map((it) => ({ ...it, x: it.x + r.left, y: it.y + r.top }));
      },
    },
    // Stops drawing and working, removes every listener and the keyboard sink, gives the WebGL context
    // back (WEBGL_lose_context: browsers cap live contexts per page) and drops the module: afterwards
    // every method but on() and destroy() throws.
    destroy() {
      if (destroyed) return;
      destroyed = true;
      cancelAnimationFrame(raf);
      work.stop();
      abort.abort();
      sink.remove();
      live.remove();
      // The context emscripten made on this canvas: getContext returns the existing one.
      const gl = canvas.getContext('webgl2');
      if (!fault) mod._eic_app_shutdown();
      gl?.getExtension('WEBGL_lose_context')?.loseContext();
      for (const key of Object.keys(mod)) if (key.startsWith('eic')) delete mod[key];
      mod = null;
      encordKey = null;
      cloudKey = null;
      const gone = () => { throw new Error('eic: this instance was destroyed'); };
      for (const key of Object.keys(instance)) if (typeof instance[key] === 'function' && key !== 'on' && key !== 'destroy') instance[key] = gone;
      for (const key of Object.keys(instance.debug)) instance.debug[key] = gone;
      emitter.emit('destroy');
    },
  };
  // The test build (build/web-test, wasm/test_hooks) has more debug helpers; the app users load has
  // only items().
  if (mod._eic_app_debug_download) {
    Object.assign(instance.debug, {
      // File plumbing the panels' buttons use: a download, a zip of {name, text} files,
      // a fetch as the URL field does (purpose: FilePurpose, default open manifest), the size limit.
      download(name, text, mime = 'application/octet-stream') {
        const bytes = typeof text === 'string' ? new TextEncoder().encode(text) : text;
        const ptr = allocBytes(mod, bytes);
        try {
          withString(mod, name, (n) => withString(mod, mime, (m) => mod._eic_app_debug_download(n, m, ptr, bytes.length)));
        } finally {
          mod._eic_free(ptr);
        }
      },
      downloadZip(zipName, list) {
        const refused = withString(mod, zipName, (z) => withString(mod, JSON.stringify(list),
          (l) => mod.UTF8ToString(mod._eic_app_debug_download_zip(z, l))));
        if (refused) throw new TypeError(refused);
      },
      fetchFile(url, purpose = FilePurpose.openManifest) {
        withString(mod, url, (u) => mod._eic_app_debug_fetch(purpose, u));
      },
      setMaxFileBytes(bytes) { mod._eic_app_debug_set_max_file_bytes(bytes); },
      // Makes every copy into wasm memory larger than `bytes` fail as a full memory would (Infinity: none).
      failAllocationsOver(bytes) {
        mod.eicRealMalloc ??= mod._eic_malloc;
        const real = mod.eicRealMalloc;
        mod._eic_malloc = (size) => (size > bytes ? 0 : real(size));
      },
      // The insight views (embedding map, summaries) in a window of their own, on a synthetic manifest
      // of n units (0 closes it); insightDemoState() says what they show, its probe (where unit 0's
      // point is) in page CSS pixels like items().
      insightDemo(n = 200000) { mod._eic_app_debug_insight_demo(n); },
      insightDemoState() {
        const s = JSON.parse(mod.UTF8ToString(mod._eic_app_debug_insight_demo_state()));
        const r = canvas.getBoundingClientRect();
        if (s.probe) s.probe = { x: s.probe.x + r.left, y: s.probe.y + r.top };
        return s;
      },
    });
  }
  // 'ready' fires in a task of its own, after create() has resolved: `(await create(...)).on('ready', cb)` hears it.
  setTimeout(() => { if (!destroyed) emitter.emit('ready', instance); }, 0);
  return instance;
}

export async function create(options = {}) {
  if (options.headless) return createHeadless(options);
  if (!options.canvas) throw new TypeError('create() needs {canvas} or {headless: true}');
  return createCanvasApp(options);
}

export default create;

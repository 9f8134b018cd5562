// JS the canvas app calls from C++ (emscripten --js-library). Prefix eic_js_. Everything reaches the
// page through Module.canvas, which the ES module wrapper passes in, so several instances and host
// pages with their own canvases work.
mergeInto(LibraryManager.library, {
  // Lets emscripten_webgl_create_context("!eic-canvas") find the canvas we were given, whatever its id.
  eic_js_bind_canvas__deps: ['$specialHTMLTargets'],
  eic_js_bind_canvas: function() {
    specialHTMLTargets['!eic-canvas'] = Module['canvas'];
  },

  eic_js_set_cursor: function(cursor) {
    var names = ['default', 'text', 'move', 'ns-resize', 'ew-resize', 'nesw-resize', 'nwse-resize',
                 'pointer', 'not-allowed'];
    var c = cursor < 0 ? 'none' : (names[cursor] || 'default');
    var canvas = Module['canvas'];
    if (canvas && canvas.style.cursor !== c) canvas.style.cursor = c;
  },

  // Writes to the system clipboard. ImGui calls this while handling Ctrl+C, one frame after the key
  // press, which is still within the browser's transient user activation.
  eic_js_clipboard_write: function(ptr) {
    var text = UTF8ToString(ptr);
    if (Module['onClipboardWrite']) Module['onClipboardWrite'](text);
    if (typeof navigator != 'undefined' && navigator.clipboard && navigator.clipboard.writeText) {
      navigator.clipboard.writeText(text).catch(function() {});
    }
  },

  // The Cloud window's key and signing (web/encord-console.js installs Module.eicCloud): the key file is
  // read and imported in JavaScript and never enters wasm memory; answers come back through
  // eic_app_cloud_key and eic_app_cloud_answer.
  eic_js_cloud_open_key: function() { Module['eicCloud'].openKey(); },
  eic_js_cloud_use_key_text: function(name, text, length) {
    Module['eicCloud'].useKeyText(UTF8ToString(name), UTF8ToString(text, length >>> 0));
  },
  eic_js_cloud_forget_key: function() { Module['eicCloud'].forgetKey(); },
  eic_js_cloud_sign: function(tag, request) { Module['eicCloud'].sign(tag, UTF8ToString(request)); },
  // op 0: SHA-256 of text; 1: RSA-SHA256 signature of text with the open key. Both hex, through
  // eic_app_crypto_answer (app/gcs/web_crypto_calls.hpp).
  eic_js_cloud_crypto: function(id, op, text) { Module['eicCloud'].crypto(id, op, UTF8ToString(text)); },
  // Base64 with the browser's btoa/atob (https://html.spec.whatwg.org/multipage/webappapis.html#atob), for
  // app/browser_base64.hpp. Encode: the base64 text of len bytes, written at out (4 * ceil(len / 3) bytes).
  eic_js_base64_encode: function(data, len, out) {
    var bin = '';
    for (var i = 0; i < len; ++i) bin += String.fromCharCode(HEAPU8[data + i]);
    var text = btoa(bin);
    for (var j = 0; j < text.length; ++j) HEAPU8[out + j] = text.charCodeAt(j);
  },
  // Decode: the bytes of len characters of base64 text written at out (room for 3 * len / 4); their count,
  // or -1 when the text is not base64.
  eic_js_base64_decode: function(text, len, out) {
    var s = '';
    for (var i = 0; i < len; ++i) s += String.fromCharCode(HEAPU8[text + i]);
    var bin;
    try { bin = atob(s); } catch (e) { return -1; }
    for (var j = 0; j < bin.length; ++j) HEAPU8[out + j] = bin.charCodeAt(j);
    return bin.length;
  },
  // This page's origin (self.origin, "null" for an opaque one) into out, for the CORS doctor.
  eic_js_page_origin: function(out, cap) { stringToUTF8(String(self.origin), out, cap); },
  // The Encord key (web/encord-console.js installs Module.eicEncord): a file picker whose text comes back
  // through eic_app_encord_key_text; the 32-byte seed core read from it, copied here at once and imported as
  // a non-extractable CryptoKey, answered through eic_app_encord_key_imported.
  eic_js_encord_open_key: function() { Module['eicEncord'].openKey(); },
  eic_js_encord_import_seed: function(seed) { Module['eicEncord'].importSeed(HEAPU8.slice(seed, seed + 32)); },
  eic_js_encord_forget_key: function() { Module['eicEncord'].forgetKey(); },
  // "Remember this key in this browser": which is 'encord' or 'cloud'; info a JSON object (keyid, comment).
  eic_js_key_remember: function(which, on, info) {
    Module['eicKeys'].remember(UTF8ToString(which), !!on, UTF8ToString(info));
  },
  eic_js_upload_store_write: function(ticket, key, text, length) {
    Module['eicUploadStore'].write(ticket, UTF8ToString(key), UTF8ToString(text, length));
  },
  // The domain (never the key) into the host's storage or localStorage, restored at the next start.
  eic_js_encord_remember_domain: function(domain) { Module['eicEncord'].rememberDomain(UTF8ToString(domain)); },
  eic_js_cloud_inspect: function(tag, url, method) {
    Module['eicCloud'].inspect(tag, UTF8ToString(url), UTF8ToString(method));
  },

  eic_js_now_ms: function() {
    return performance.now();
  },

  // Shows the browser's file picker; the chosen file's bytes come back through eic_app_file_opened
  // with the same purpose (web/file-bridge.js reads them). The picker needs a recent user gesture, which the click that asked has.
  eic_js_open_file: function(purpose, accept) {
    var input = document.createElement('input');
    input.type = 'file';
    input.accept = UTF8ToString(accept);
    input.addEventListener('change', function() {
      var file = input.files && input.files[0];
      if (file) Module['eicDeliverFile'](purpose, file);
    });
    input.click();
  },

  // Downloads: the bytes are copied once, by the Blob constructor, straight from the wasm heap; the
  // caller's buffer may go away as soon as this returns (and a heap that grows later detaches views).
  // web/file-bridge.js offers the Blob and, for zips, builds the archive around the Blobs.
  // A link holding the schema draft: made by web/share-link.js, answered through _eic_app_share_link_made.
  eic_js_share_link: function(name, text, length) {
    Module['eicShareLink'](UTF8ToString(name), UTF8ToString(text, length >>> 0));
  },

  eic_js_download: function(name, mime, data, length) {
    data >>>= 0;  // pointers past 2 GB arrive negative
    var blob = new Blob([HEAPU8.subarray(data, data + (length >>> 0))], { type: UTF8ToString(mime) });
    Module['eicOfferDownload'](UTF8ToString(name), blob);
  },

  // entries: `count` records of four 32-bit words (name, name length, data, data length).
  eic_js_download_zip: function(zipName, entries, count) {
    var files = [];
    for (var i = 0; i < count; ++i) {
      var at = (entries >>> 2) + i * 4;
      var name = UTF8ToString(HEAPU32[at], HEAPU32[at + 1]);
      var data = HEAPU32[at + 2], length = HEAPU32[at + 3];
      files.push({ name: name, blob: new Blob([HEAPU8.subarray(data, data + length)]) });
    }
    Module['eicZipDownload'](UTF8ToString(zipName), files);
  },

  // Reads a URL the user typed; the bytes (or what went wrong) come back like a picked file's.
  eic_js_fetch_file: function(purpose, url) {
    Module['eicFetchFile'](purpose, UTF8ToString(url));
  },

  // A moment the host page hears (app/host_events.hpp): web/encord-console.js emits it on the instance.
  eic_js_host_event: function(name, detail) {
    if (Module['eicHostEvent']) Module['eicHostEvent'](UTF8ToString(name), JSON.parse(UTF8ToString(detail)));
  },

  // The open manifests' autosave record (wasm/app/manifests_autosave.hpp) into IndexedDB (web/idb-records.js).
  eic_js_autosave_manifests: function(text, length) {
    if (Module['eicRecords']) Module['eicRecords'].saveManifests(UTF8ToString(text, length));
  },
  // File > Open recent (wasm/app/recent_store.hpp): the list, the kept copies (copied out of wasm memory
  // at once), and a copy read back and delivered like a picked file.
  eic_js_recent_write_list: function(text, length) {
    if (Module['eicRecent']) Module['eicRecent'].writeList(UTF8ToString(text, length));
  },
  eic_js_recent_write_copy: function(key, data, length) {
    data >>>= 0;
    if (Module['eicRecent']) Module['eicRecent'].writeCopy(UTF8ToString(key), HEAPU8.slice(data, data + (length >>> 0)));
  },
  eic_js_recent_delete_copy: function(key) {
    if (Module['eicRecent']) Module['eicRecent'].deleteCopy(UTF8ToString(key));
  },
  eic_js_recent_read_copy: function(key, purpose, name, id) {
    if (Module['eicRecent']) Module['eicRecent'].readCopy(UTF8ToString(key), purpose, UTF8ToString(name), id);
  },
  // Keeps the open draft in the page's storage so a reload loses nothing (drafts hold no secrets).
  eic_js_autosave: function(slot, name, text, dirty) {
    if (Module['eicAutosave']) Module['eicAutosave'](UTF8ToString(slot), UTF8ToString(name), UTF8ToString(text), !!dirty);
  },
});

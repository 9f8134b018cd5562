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

  eic_js_now_ms: function() {
    return performance.now();
  },

  // Shows the browser's file picker; the chosen file's bytes come back through eic_app_file_opened
  // with the same purpose. The picker needs a recent user gesture, which the click that asked has.
  eic_js_open_file: function(purpose, accept) {
    var input = document.createElement('input');
    input.type = 'file';
    input.accept = UTF8ToString(accept);
    input.addEventListener('change', function() {
      var file = input.files && input.files[0];
      if (file && Module['eicDeliverFile']) Module['eicDeliverFile'](purpose, file);
    });
    input.click();
  },

  // Offers bytes as a download (no save dialog exists for the web; the browser picks the folder).
  eic_js_save_file: function(name, mime, data, length) {
    var bytes = HEAPU8.slice(data, data + length);
    var blob = new Blob([bytes], { type: UTF8ToString(mime) });
    var url = URL.createObjectURL(blob);
    var a = document.createElement('a');
    a.href = url;
    a.download = UTF8ToString(name);
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(function() { URL.revokeObjectURL(url); }, 10000);
  },

  // Keeps the open draft in the page's storage so a reload loses nothing (drafts hold no secrets).
  eic_js_autosave: function(slot, name, text, dirty) {
    if (Module['eicAutosave']) Module['eicAutosave'](UTF8ToString(slot), UTF8ToString(name), UTF8ToString(text), !!dirty);
  },
});

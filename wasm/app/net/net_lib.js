// JS the browser transports call from C++ (wasm/app/net/*.cpp; emscripten --js-library). The work is in
// web/net-bridge.js, which installs Module.eicNet; this file only reaches it and emscripten's Fetch state.
mergeInto(LibraryManager.library, {
  // Emscripten 3.1.6's emscripten_fetch_close frees the request without aborting its XHR, whose handlers
  // would later write into the freed struct (src/Fetch.js, fetchXHR): detach them, then abort.
  eic_js_net_xhr_abort__deps: ['$Fetch'],
  eic_js_net_xhr_abort: function(id) {
    var xhr = Fetch.xhrs[id - 1];
    if (!xhr) return;
    xhr.onload = xhr.onerror = xhr.ontimeout = xhr.onprogress = xhr.onreadystatechange = null;
    try { xhr.abort(); } catch (e) {}
  },
  eic_js_net_classify: function(id, url) { Module['eicNet'].classify(id, UTF8ToString(url)); },
  eic_js_net_host_available: function() { return Module['eicNet'] && Module['eicNet'].hostFetch ? 1 : 0; },
  eic_js_net_host_send: function(id, method, url, headers, body, length) {
    var bytes = length > 0 ? HEAPU8.slice(body >>> 0, (body >>> 0) + length) : null;
    Module['eicNet'].hostSend(id, UTF8ToString(method), UTF8ToString(url), JSON.parse(UTF8ToString(headers)), bytes);
  },
  eic_js_net_host_abort: function(id) { Module['eicNet'].hostAbort(id); },
});

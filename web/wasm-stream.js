// Loads the app's wasm with a progress report while keeping streaming compilation: the response body
// passes through a counting stream into WebAssembly.instantiateStreaming, so compiling starts with the
// first bytes, as emscripten's own loader does (its Module.instantiateWasm hook hands the work to us).
// Progress: {loaded, total, done}; total is 0 when the size is not known (no Content-Length, or a
// compressed transfer, whose Content-Length counts other bytes than those read).
export function wasmStreamLoader(url, onProgress) {
  let fail;
  const failed = new Promise((_, reject) => { fail = reject; });
  const report = (p) => { try { onProgress?.(p); } catch (err) { console.warn(`eic: onProgress threw: ${err.message}`); } };
  const instantiateWasm = (imports, receive) => {
    (async () => {
      const response = await fetch(url, { credentials: 'same-origin' });
      if (!response.ok) throw new Error(`could not load ${url.split('/').pop()}: HTTP ${response.status}`);
      const encoded = response.headers.get('content-encoding');
      const total = encoded && encoded !== 'identity' ? 0 : Number(response.headers.get('content-length')) || 0;
      let loaded = 0;
      report({ loaded, total, done: false });
      const counted = response.body.pipeThrough(new TransformStream({
        transform(chunk, controller) {
          loaded += chunk.byteLength;
          report({ loaded, total, done: false });
          controller.enqueue(chunk);
        },
        flush() { report({ loaded, total, done: true }); },
      }));
      const { instance, module } = await WebAssembly.instantiateStreaming(
        new Response(counted, { headers: { 'content-type': 'application/wasm' } }), imports);
      receive(instance, module);
    })().catch((err) => fail(err));
    return {};  // the exports come later, through receive
  };
  return { instantiateWasm, failed };
}

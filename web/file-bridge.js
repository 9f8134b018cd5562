// Files between the page and the canvas app's wasm (the C++ side is wasm/app/files.hpp): picked,
// dropped and fetched files are read into a buffer C++ owns, downloads leave wasm memory as Blobs.

// Matches eic::web::FilePurpose.
export const FilePurpose = { openSchema: 1, compareSchema: 2, dropped: 3, openManifest: 4, recentSchema: 5 };

const SLICE = 64 << 20;              // read large files in slices: the page never holds a whole copy
const ANSWER_TIMEOUT_MS = 30000;     // a URL that gives no response headers by then is reported, not awaited
const REVOKE_AFTER_MS = 60000;       // the click only starts a download; Firefox and Safari still read the URL

export function installFileBridge(mod, { emitter, withString, whenValidated }) {
  const str = (text, fn) => withString(mod, String(text), fn);
  const report = (purpose, source, message, status = 0) =>
    str(source, (s) => str(message, (m) => mod._eic_app_file_failed(purpose, s, m, status)));

  // One file at a time: C++ keeps a single incoming buffer.
  let queue = Promise.resolve();
  const serially = (work) => (queue = queue.then(work, work));

  // Reads a Blob into the buffer C++ hands out, unless C++ says it is too large (it reports that
  // itself, with the size and the CLI command). Resolves to whether the bytes are there.
  async function readIntoWasm(purpose, name, blob) {
    if (!str(name, (p) => mod._eic_app_file_fits(purpose, p, blob.size))) return false;
    const ptr = mod._eic_app_file_begin(blob.size) >>> 0;
    if (!ptr) {
      report(purpose, name, `${name} (${blob.size} bytes) does not fit in this tab's memory now; ` +
        `close other files or validate it with the CLI: eic validate ${name}`);
      return false;
    }
    // The next slice is read while this one is copied: two slices at most are held at once.
    const read = (at) => (at < blob.size ? blob.slice(at, at + SLICE).arrayBuffer() : null);
    let next = read(0);
    try {
      for (let at = 0; at < blob.size; at += SLICE) {
        const chunk = new Uint8Array(await next);
        next = read(at + SLICE);
        mod.HEAPU8.set(chunk, ptr + at);  // HEAPU8 after each await: the heap may have grown
      }
    } catch (err) {
      next?.catch(() => {});  // a read still under way fails quietly
      report(purpose, name, `Could not read ${name}: ${err.message}`);
      return false;
    }
    return true;
  }

  const deliver = (purpose, name, blob) => serially(async () => {
    if (await readIntoWasm(purpose, name, blob)) str(name, (p) => mod._eic_app_file_opened(purpose, p));
  });

  // fetch() for a URL the user typed: no cookies or HTTP credentials, no referrer.
  async function fetchFile(purpose, text) {
    let url;
    try {
      url = new URL(text, document.baseURI);
    } catch {
      report(purpose, text, `Could not open ${text}: that is not a URL`);
      return;
    }
    const shown = url.origin + url.pathname;  // a signed URL's query is a credential: never logged
    const fail = (message, status = 0) => report(purpose, shown, `Could not open ${shown}: ${message}`, status);
    if (url.protocol !== 'https:' && url.protocol !== 'http:') return fail('only http and https URLs can be opened');
    if (url.username || url.password) return fail('URLs with a user name or password are not fetched (eic sends no credentials)');
    const name = decodeURIComponent(url.pathname.split('/').pop() || '') || url.hostname;

    // A fetch that the page's CSP blocks fails exactly like one refused by CORS; the violation event
    // tells them apart.
    let blockedByCsp = false;
    const onViolation = (e) => {
      if (e.effectiveDirective === 'connect-src' && String(e.blockedURI).startsWith(url.origin)) blockedByCsp = true;
    };
    const abort = new AbortController();
    const timer = setTimeout(() => abort.abort(), ANSWER_TIMEOUT_MS);
    document.addEventListener('securitypolicyviolation', onViolation);
    let res;
    try {
      res = await fetch(url.href, { credentials: 'omit', mode: 'cors', referrerPolicy: 'no-referrer', signal: abort.signal });
    } catch {
      await new Promise((r) => setTimeout(r, 50));  // the violation event is a task of its own
      if (blockedByCsp) {
        return fail(`this page's Content-Security-Policy does not allow connecting to ${url.origin} (connect-src): ` +
          `add ${url.origin} to connect-src in the page's policy (scripts/serve.mjs: --connect ${url.origin})`);
      }
      if (abort.signal.aborted) return fail(`no answer within ${ANSWER_TIMEOUT_MS / 1000} s`);
      return fail(`no answer this page may read: the server is unreachable, or it does not allow ${location.origin} ` +
        'to read it (CORS: it must send Access-Control-Allow-Origin)');
    } finally {
      clearTimeout(timer);
      document.removeEventListener('securitypolicyviolation', onViolation);
    }
    if (!res.ok) {
      res.body?.cancel().catch(() => {});
      return fail(`HTTP ${res.status}${res.statusText ? ` ${res.statusText}` : ''}`, res.status);
    }
    // Refuse a file that is too large before downloading it, when the server says how large it is.
    const declared = Number(res.headers.get('content-length'));
    if (declared > 0 && !str(name, (p) => mod._eic_app_file_fits(purpose, p, declared))) {
      res.body?.cancel().catch(() => {});
      return;
    }
    let blob;
    try {
      blob = await res.blob();
    } catch (err) {
      return fail(`the download broke off (${err.message})`);
    }
    await deliver(purpose, name, blob);
  }

  function offerDownload(name, blob) {
    const url = URL.createObjectURL(blob);
    const a = document.createElement('a');
    a.href = url;
    a.download = name;
    a.style.display = 'none';
    // Beside the canvas (in an element's shadow root), not in the host's document.
    (mod.canvas?.parentNode || document.body).appendChild(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), REVOKE_AFTER_MS);
    emitter.emit('download', { name, bytes: blob.size, type: blob.type });
  }

  async function zipDownload(zipName, files) {
    try {
      const { zipBlobs } = await import('./zip-blobs.js');
      offerDownload(zipName, await zipBlobs(files));
    } catch (err) {
      str(`Could not write ${zipName}: ${err.message}`, (p) => mod._eic_app_log(3, p));
    }
  }

  // The hooks wasm/app/eic_app_lib.js calls.
  mod.eicDeliverFile = (purpose, file) => deliver(purpose, file.name, file);
  mod.eicFetchFile = (purpose, url) => { fetchFile(purpose, url); };
  mod.eicOfferDownload = offerDownload;
  mod.eicZipDownload = (zipName, files) => { zipDownload(zipName, files); };

  return {
    // Opens a manifest (text, bytes or Blob) in the Manifest panel; resolves to state().manifest once
    // it is validated, or rejects with the reason it was not opened (e.g. too large for the browser).
    openManifest(name, input) {
      const blob = input instanceof Blob ? input
        : new Blob([typeof input === 'string' || ArrayBuffer.isView(input) || input instanceof ArrayBuffer ? input : JSON.stringify(input)]);
      const opened = serially(async () => {
        if (!(await readIntoWasm(FilePurpose.openManifest, name, blob))) {
          throw new Error(JSON.parse(mod.UTF8ToString(mod._eic_app_state())).log.last);  // what C++ logged
        }
        return str(name, (p) => mod._eic_app_open_manifest(p));
      });
      // Validation runs in steps between frames (the canvas shows its progress); the next file may be
      // read meanwhile.
      return opened.then(async (tab) => {
        await whenValidated(tab);
        return JSON.parse(mod.UTF8ToString(mod._eic_app_state())).manifest;
      });
    },
    fetchFile,
  };
}

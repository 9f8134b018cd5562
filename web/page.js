// The standalone page: mounts one instance on the page's canvas and exposes it as window.eic once
// the first frame is drawn. With ?demo (scripts/run --demo), it connects to the demo's stand-ins.
// It alone registers the service worker (web/sw.js.in): an embedded instance leaves its host's origin alone.
import { demoRequested, loadDemoConfig } from './demo-config.js';
import { takeWaitingUpdate, registerServiceWorker } from './sw-register.js';
import { holdsSharedDraft } from './share-link.js';

const status = document.getElementById('eic-status');
const progress = document.getElementById('eic-progress');
try {
  // A build installed during an earlier visit takes over before the app loads, then the page reloads.
  if (await takeWaitingUpdate()) {
    status.textContent = 'Loading the updated eic…';
    location.reload();
    await new Promise(() => {});
  }
  const { create } = await import('./encord-console.js');
  const instance = await create({ canvas: document.getElementById('eic-canvas'), onProgress: showProgress });
  performance.mark('eic-first-frame');  // scripts/bench-load.mjs reads it
  status.hidden = true;
  progress.hidden = true;
  window.eic = instance;
  // The app stopped after an internal error: the message goes over the canvas, where it is seen.
  instance.on('error', ({ message }) => {
    status.textContent = message;
    status.classList.add('error');
    status.hidden = false;
  });
  registerServiceWorker().then((problem) => {
    if (problem) instance.log('warning', `eic will not open offline in this browser: ${problem}`);
  });
  // A shared draft's link (the Schema panel's Copy link): opened once, then the fragment goes, so a
  // reload does not open it again over later edits.
  if (holdsSharedDraft(location.hash)) {
    await instance.openSharedLink(location.hash);
    history.replaceState(null, '', location.pathname + location.search);
  }
  if (demoRequested()) await connectDemo(instance);
} catch (err) {
  progress.hidden = true;
  status.textContent = `eic could not start: ${err && err.message ? err.message : err}`;
  status.classList.add('error');
  console.error(err);
}

async function connectDemo(instance) {
  try {
    const config = await loadDemoConfig();
    const { errors } = await instance.connect(config);
    if (errors.length) throw new Error(errors.join('; '));
    instance.log('info', `Demo: Encord stand-in at ${config.encord.domain}, GCS stand-in at ${config.gcs.endpoint} ` +
      `(bucket ${config.gcs.bucket}); the keys are the demo's public test keys.`);
  } catch (err) {
    instance.log('error', `The demo did not connect: ${err.message}`);
    status.textContent = `The demo did not connect: ${err.message}`;
    status.classList.add('error');
    status.hidden = false;
  }
}

// The status line while the wasm downloads (it compiles as it arrives), then while it starts.
function showProgress({ loaded, total, done }) {
  const mb = (n) => (n / 1e6).toFixed(1);
  if (total) {
    progress.max = total;
    progress.value = Math.min(loaded, total);
  } else if (done) {
    progress.removeAttribute('value');  // indeterminate while it starts
  }
  if (done) status.textContent = 'Starting eic…';
  else if (total) status.textContent = `Loading eic… ${Math.min(100, Math.floor((100 * loaded) / total))}% (${mb(loaded)} of ${mb(total)} MB)`;
  else status.textContent = `Loading eic… ${mb(loaded)} MB`;
}

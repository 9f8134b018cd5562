// The standalone page: mounts one instance on the page's canvas and exposes it as window.eic once
// the first frame is drawn. With ?demo (scripts/run --demo), it connects to the demo's stand-ins.
import { create } from './encord-console.js';
import { demoRequested, loadDemoConfig } from './demo-config.js';

const status = document.getElementById('eic-status');
try {
  const instance = await create({ canvas: document.getElementById('eic-canvas') });
  status.hidden = true;
  window.eic = instance;
  // The app stopped after an internal error: the message goes over the canvas, where it is seen.
  instance.on('error', ({ message }) => {
    status.textContent = message;
    status.classList.add('error');
    status.hidden = false;
  });
  if (demoRequested()) await connectDemo(instance);
} catch (err) {
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

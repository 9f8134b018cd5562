// The standalone page: mounts one instance on the page's canvas and exposes it as window.eic once
// the first frame is drawn.
import { create } from './encord-console.js';

const status = document.getElementById('eic-status');
try {
  const instance = await create({ canvas: document.getElementById('eic-canvas') });
  status.hidden = true;
  window.eic = instance;
} catch (err) {
  status.textContent = `eic could not start: ${err && err.message ? err.message : err}`;
  status.classList.add('error');
  console.error(err);
}

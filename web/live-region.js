// A canvas is invisible to assistive technology: this keeps a text of the app's state (the panel with
// focus, the manifest in front's counts, the draft, the last message: app/state_summary.hpp) in a
// role="status" element inside the canvas. A canvas' children are not drawn but are in the
// accessibility tree (https://html.spec.whatwg.org/multipage/canvas.html#canvas-fallback-content), so the
// region stays inside what the app owns: nothing is added to the host's page. The text is read from wasm
// between frames, once a second, and set only when it changed, so a screen reader announces each change once.
export function installLiveRegion(mod, canvas, { every = 1000, stopped = () => false } = {}) {
  const region = document.createElement('div');
  region.setAttribute('role', 'status');
  region.setAttribute('aria-live', 'polite');
  region.setAttribute('aria-atomic', 'true');
  region.className = 'eic-live';
  canvas.append(region);
  const update = () => {
    if (stopped()) return;
    const text = mod.UTF8ToString(mod._eic_app_state_summary());
    if (region.textContent !== text) region.textContent = text;
  };
  const timer = setInterval(update, every);
  return {
    update,
    remove() {
      clearInterval(timer);
      region.remove();
    },
  };
}

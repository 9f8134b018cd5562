// Input from the page to the canvas app: pointer, wheel, keys, composed text and paste, in CSS pixels
// relative to the canvas. Keyboard focus lives in a hidden textarea beside the canvas (the sink).

// Wheel deltas to ImGui steps, as SDL's emscripten port does: 100 px or 3 lines make one step.
function wheelSteps(e) {
  const m = e.deltaMode === 1 ? 1 / 3 : e.deltaMode === 2 ? 80 : 1 / 100;
  return [-e.deltaX * m, -e.deltaY * m];
}

// A finger moved this far (CSS px) scrolls rather than clicks; this many px make one wheel step (about
// what ImGui scrolls for one: twice the font size).
const TOUCH_SLOP_PX = 8;
const TOUCH_PX_PER_STEP = 30;

// Shortcuts the browser keeps: clipboard (so the paste event fires), reload, dev tools, tabs.
function browserKeeps(e) {
  const mod = e.ctrlKey || e.metaKey;
  if (['F5', 'F11', 'F12'].includes(e.code)) return true;
  if (mod && ['KeyC', 'KeyV', 'KeyX', 'KeyR', 'KeyT', 'KeyW', 'KeyN', 'KeyL', 'Tab'].includes(e.code)) return true;
  if (mod && e.shiftKey && ['KeyI', 'KeyJ'].includes(e.code)) return true;
  return false;
}

// Keyboard focus lives in a hidden textarea beside the canvas, not on the canvas: only a text field
// receives composed text (dead keys, IME) and text inserted by assistive tools.
function makeKeyboardSink(canvas) {
  const sink = document.createElement('textarea');
  sink.setAttribute('aria-label', canvas.getAttribute('aria-label') || 'Encord Import Console input');
  sink.setAttribute('autocomplete', 'off');
  sink.setAttribute('autocapitalize', 'off');
  sink.setAttribute('spellcheck', 'false');
  Object.assign(sink.style, {
    position: 'fixed', left: '0', top: '0', width: '1px', height: '1px', opacity: '0',
    padding: '0', border: '0', resize: 'none', pointerEvents: 'none', zIndex: '-1',
  });
  canvas.insertAdjacentElement('afterend', sink);
  return sink;
}

// Forwards the canvas' and the sink's events to the app; `listen` ties each listener to the
// instance's lifetime. Returns the sink (destroy() removes it).
export function installCanvasInput(mod, canvas, { listen, withString }) {
  const localPos = (e) => {
    const r = canvas.getBoundingClientRect();
    return [e.clientX - r.left, e.clientY - r.top];
  };
  const sink = makeKeyboardSink(canvas);

  // Touch: ImGui has no touch scrolling, so a finger is held back until it shows what it does. One that
  // lifts without moving is a click where it touched; one that moves scrolls what is under it, as wheel
  // steps in proportion to the distance (the content follows the finger).
  let touch = null;  // {id, x, y, scrolling} of the primary finger down
  listen(canvas, 'pointermove', (e) => {
    if (touch && e.pointerId === touch.id) {
      const [x, y] = localPos(e);
      if (!touch.scrolling && Math.hypot(x - touch.x, y - touch.y) < TOUCH_SLOP_PX) return;
      touch.scrolling = true;
      mod._eic_app_mouse_wheel((x - touch.x) / TOUCH_PX_PER_STEP, (y - touch.y) / TOUCH_PX_PER_STEP);
      Object.assign(touch, { x, y });
      return;
    }
    mod._eic_app_mouse_pos(...localPos(e));
  });
  listen(canvas, 'pointerdown', (e) => {
    sink.focus({ preventScroll: true });
    canvas.setPointerCapture(e.pointerId);
    mod._eic_app_mouse_pos(...localPos(e));
    e.preventDefault();
    if (e.pointerType === 'touch') {
      if (e.isPrimary) touch = { id: e.pointerId, x: localPos(e)[0], y: localPos(e)[1], scrolling: false };
      return;
    }
    mod._eic_app_mouse_button(e.button, 1);
  });
  listen(canvas, 'pointerup', (e) => {
    if (touch && e.pointerId === touch.id) {
      const tapped = !touch.scrolling;
      touch = null;
      if (tapped) {
        mod._eic_app_mouse_button(0, 1);
        mod._eic_app_mouse_button(0, 0);
      }
      return;
    }
    mod._eic_app_mouse_pos(...localPos(e));
    mod._eic_app_mouse_button(e.button, 0);
  });
  listen(canvas, 'pointercancel', (e) => { if (touch && e.pointerId === touch.id) touch = null; });
  listen(canvas, 'pointerleave', (e) => {
    if (!canvas.hasPointerCapture(e.pointerId)) mod._eic_app_mouse_pos(-3.4e38, -3.4e38);
  });
  listen(canvas, 'wheel', (e) => { mod._eic_app_mouse_wheel(...wheelSteps(e)); e.preventDefault(); }, { passive: false });
  listen(canvas, 'contextmenu', (e) => e.preventDefault());
  const key = (e, down) => {
    withString(mod, e.code, (p) => mod._eic_app_key(p, down, e.ctrlKey, e.shiftKey, e.altKey, e.metaKey));
    // Text arrives through the sink's input event; keys that type text, compose or belong to the
    // browser keep their default action.
    const types = !e.ctrlKey && !e.metaKey && ([...e.key].length === 1 || e.key === 'Dead' || e.key === 'Process');
    if (!types && !e.isComposing && !browserKeeps(e)) e.preventDefault();
  };
  const sendText = () => {
    for (const ch of sink.value) mod._eic_app_char(ch.codePointAt(0));
    sink.value = '';
  };
  listen(sink, 'keydown', (e) => key(e, 1));
  listen(sink, 'keyup', (e) => key(e, 0));
  listen(sink, 'input', (e) => { if (!e.isComposing) sendText(); });
  listen(sink, 'compositionend', sendText);
  listen(sink, 'focus', () => mod._eic_app_focus(1));
  listen(sink, 'blur', () => mod._eic_app_focus(0));
  listen(sink, 'paste', (e) => {
    // ImGui inserts the text itself on the Ctrl+V it has already received.
    withString(mod, e.clipboardData ? e.clipboardData.getData('text/plain') : '', (p) => mod._eic_app_set_clipboard(p));
    e.preventDefault();
  });
  return sink;
}

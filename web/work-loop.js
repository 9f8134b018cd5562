// Work the canvas app does between frames. While validations run, a task of its own steps them for a
// few milliseconds at a time (a MessageChannel message runs as soon as the page is free, without
// setTimeout's clamped delay); the browser still runs each frame between those tasks, so a large file
// validates at close to full speed while the canvas draws its progress. The C++ side is
// CanvasApp::work (wasm/app/canvas_app.hpp).

const SLICE_MS = 8;  // at most this late for a frame: half of a 60 Hz frame

// `onFault(err)`: a step of wasm threw (a trap: its memory can no longer be trusted); the loop stops.
export function installWorkLoop(mod, { onFault = (err) => { throw err; } } = {}) {
  const channel = new MessageChannel();
  let scheduled = false;
  let stopped = false;
  let waiters = [];  // {tab, resolve, reject}: openManifest calls awaiting their tab's findings

  const settle = () => {
    if (waiters.length === 0) return;
    const still = [];
    for (const w of waiters) {
      if (mod._eic_app_validating(w.tab)) still.push(w);
      else w.resolve();
    }
    waiters = still;
  };
  const kick = () => {
    if (scheduled || stopped) return;
    scheduled = true;
    channel.port2.postMessage(0);
  };
  channel.port1.onmessage = () => {
    scheduled = false;
    if (stopped) return;
    let busy;
    try {
      busy = mod._eic_app_work(SLICE_MS);
      settle();
    } catch (err) {
      return onFault(err);
    }
    if (busy) kick();
  };

  return {
    // After each frame: the frame's own step may have ended a validation, or a picked file started one.
    afterFrame() {
      if (stopped) return;
      settle();
      if (mod._eic_app_busy()) kick();
    },
    // Resolves once the tab's validation has ended (at once when none runs).
    whenValidated(tab) {
      return new Promise((resolve, reject) => {
        if (stopped) return reject(new Error('the app was destroyed'));
        if (!mod._eic_app_validating(tab)) return resolve();
        waiters.push({ tab, resolve, reject });
        kick();
      });
    },
    stop(reason = 'the app was destroyed') {
      stopped = true;
      channel.port1.close();
      for (const w of waiters) w.reject(new Error(reason));
      waiters = [];
    },
  };
}

// The standalone page's side of the service worker (web/sw.js.in). Only web/page.js imports this.

// True when a newer build waits (installed during an earlier visit) and took over: the caller reloads
// before loading anything else, so the page never mixes two builds. The worker refuses while other
// windows of the page are open (they keep the build they run); then the page goes on with its own.
export async function takeWaitingUpdate({ timeoutMs = 3000 } = {}) {
  const sw = navigator.serviceWorker;
  if (!sw || !sw.controller) return false;
  try {
    const registration = await sw.getRegistration();
    const waiting = registration && registration.waiting;
    if (!waiting) return false;
    const took = new Promise((resolve) => sw.addEventListener('controllerchange', () => resolve(true), { once: true }));
    const answer = new Promise((resolve) => {
      const channel = new MessageChannel();
      channel.port1.onmessage = (event) => resolve(!!(event.data && event.data.activated));
      waiting.postMessage({ type: 'eic-activate' }, [channel.port2]);
    });
    const timeout = new Promise((resolve) => setTimeout(() => resolve(false), timeoutMs));
    if (!(await Promise.race([answer, timeout]))) return false;
    return await Promise.race([took, timeout]);
  } catch (err) {
    console.warn(`eic: the waiting update was not taken: ${err.message}`);
    return false;
  }
}

// Registers the worker (which also checks for a newer build); resolves to '' or why it could not be.
export async function registerServiceWorker() {
  if (!navigator.serviceWorker) return 'this browser (or this page\'s address) has no service workers';
  try {
    await navigator.serviceWorker.register('sw.js');
    return '';
  } catch (err) {
    return err && err.message ? err.message : String(err);
  }
}

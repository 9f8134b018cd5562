// Launches Debian's headless Chromium through playwright-core with the flags this machine needs
// (no background networking: the sandbox's closed network refuses it) and collects console errors.
import { chromium } from 'playwright-core';

export const CHROMIUM = process.env.EIC_CHROMIUM || '/usr/bin/chromium';

export async function launch() {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--use-angle=swiftshader', '--enable-unsafe-swiftshader', '--disable-gpu-sandbox',
      '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run',
      '--disable-quic', '--disable-dev-shm-usage'],
  });
}

// Enforces the page's Content-Security-Policy in a test: every violation in the context's pages (a
// securitypolicyviolation event, https://w3c.github.io/webappsec-csp/#violation-events) is recorded, and
// closing the context fails with the ones `expect` does not accept. Tests that provoke a violation on
// purpose pass `expect` (e.g. (v) => v.directive === 'connect-src' && v.blocked.startsWith(origin)).
// Returns the list, which grows as violations happen.
export async function watchPolicy(context, { expect = () => false } = {}) {
  const violations = [];
  await context.exposeBinding('__eicPolicyViolation', (_source, v) => { violations.push(v); });
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      window.__eicPolicyViolation({ directive: e.effectiveDirective, blocked: e.blockedURI, sample: e.sample,
        source: e.sourceFile ? `${e.sourceFile}:${e.lineNumber}` : '' });
    });
  });
  const close = context.close.bind(context);
  context.close = async (...args) => {
    await close(...args);
    const unexpected = violations.filter((v) => !expect(v));
    if (unexpected.length) throw new Error(`the page's Content-Security-Policy was violated: ${JSON.stringify(unexpected)}`);
  };
  return violations;
}

// Opens the app, waits for window.eic, and records console errors and page errors; the page's policy is
// enforced (watchPolicy; `expectViolations` accepts those a test provokes).
export async function openApp(browser, baseUrl, { width = 1280, height = 800, dpr = 1, colorScheme = 'dark',
  expectViolations } = {}) {
  const context = await browser.newContext({ viewport: { width, height }, deviceScaleFactor: dpr, colorScheme });
  const violations = await watchPolicy(context, { expect: expectViolations });
  const page = await context.newPage();
  const errors = [];
  page.on('console', (msg) => { if (msg.type() === 'error') errors.push(msg.text()); });
  page.on('pageerror', (err) => errors.push(String(err)));
  await page.goto(baseUrl);
  await page.waitForFunction(() => window.eic !== undefined, null, { timeout: 30000 });
  return { context, page, errors, violations };
}

// Finds a widget of the last frame by its label (a string, or a RegExp for titles that carry state)
// and optionally its window, and clicks its centre.
export async function clickItem(page, label, { window } = {}) {
  // Input given before (a click that changes the layout) is answered first, so the widget is found
  // where it is now, not where the frame before that input drew it.
  await framesPass(page, 2);
  const item = await findItem(page, label, { window });
  // Hover first, as a person does: ImGui decides hovering per frame, before the press.
  await page.mouse.move(item.x + item.w / 2, item.y + item.h / 2);
  await framesPass(page, 1);
  await page.mouse.click(item.x + item.w / 2, item.y + item.h / 2);
  return item;
}

export async function findItem(page, label, { window, timeout = 5000 } = {}) {
  const deadline = Date.now() + timeout;
  for (;;) {
    const items = await page.evaluate(() => window.eic.debug.items());
    // Window titles may carry state ("Schema — file.json •"): match the title's start.
    const labelled = (it) => (label instanceof RegExp ? label.test(it.label) : it.label === label);
    const hit = items.find((it) => labelled(it) && (!window || it.window === window || it.window.startsWith(`${window} `)));
    if (hit) return hit;
    if (Date.now() > deadline) {
      const labels = [...new Set(items.map((it) => `${it.window}/${it.label}`))].join(', ');
      throw new Error(`no widget labelled "${label}"${window ? ` in ${window}` : ''}; seen: ${labels}`);
    }
    await page.waitForTimeout(50);
  }
}

// Waits until the app's state satisfies a predicate. Polled from node: the page's CSP forbids the
// string evaluation that page.waitForFunction would need.
// Waits until the app has drawn `n` more frames, so input given before has been seen and answered:
// tests wait on the app's state, never on a fixed sleep.
export async function framesPass(page, n = 2, timeout = 10000) {
  const start = (await page.evaluate(() => window.eic.state())).frames;
  return waitState(page, (s) => s.frames >= start + n, timeout);
}

export async function waitState(page, predicate, timeout = 5000) {
  const deadline = Date.now() + timeout;
  for (;;) {
    const s = await page.evaluate(() => window.eic.state());
    if (predicate(s)) return s;
    if (Date.now() > deadline) throw new Error(`state never matched ${predicate}: ${JSON.stringify(s)}`);
    await page.waitForTimeout(30);
  }
}

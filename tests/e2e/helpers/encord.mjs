// The Encord window as a person uses it, for browser tests: open it, point it at a domain and open the
// demo key (tests/fakes/encord-standin/demo-key, a public test key), fetch the live schema.
import fs from 'node:fs';
import { before, after } from 'node:test';
import { clickItem, launch, waitState } from './browser.mjs';
import { startServer, artifacts } from './server.mjs';
import { DEMO_KEY_PATH, startEncordStandin } from '../../fakes/encord-standin/index.mjs';

export const demoKeyText = fs.readFileSync(DEMO_KEY_PATH, 'utf8');

// The rig of a test file: before its tests, an Encord stand-in per entry of `standins` ({name: options},
// options a function of the rig when they refer to it), the app's server allowed to connect to each, and
// a browser; after them, all stopped. Returns the rig: {server, browser, [name]: stand-in}, with
// `fields` merged in for the file's own use.
export function useEncordStandins(standins, fields = {}) {
  const rig = { server: null, browser: null, ...fields };
  before(async () => {
    fs.mkdirSync(artifacts, { recursive: true });
    const connect = [];
    for (const [name, options] of Object.entries(standins)) {
      rig[name] = await startEncordStandin(typeof options === 'function' ? options(rig) : options);
      connect.push('--connect', rig[name].origin);
    }
    rig.server = await startServer({ extraArgs: connect });
    rig.browser = await launch();
  });
  after(async () => {
    await rig.browser?.close();
    rig.server?.stop();
    for (const name of Object.keys(standins)) await rig[name]?.close();
  });
  return rig;
}

export async function openEncord(page) {
  await clickItem(page, 'View');
  await clickItem(page, 'Encord: connection and schema');
  await waitState(page, (st) => st.encord.open);
}

// Points the window at `origin` (the "another" domain; left alone when the remembered domain is already
// it) and opens the demo key through the file picker, as a person does. Typing waits long: under load the
// canvas takes a character a frame.
export async function connectEncord(page, origin) {
  await openEncord(page);
  if ((await waitState(page, () => true)).encord.domain !== origin) {
    await clickItem(page, 'Domain', { window: 'Encord' });
    await clickItem(page, 'another (private deployment)');
    await clickItem(page, 'Address', { window: 'Encord' });
    await page.keyboard.press('Control+A');
    await page.keyboard.type(origin);
    await waitState(page, (x) => x.encord.domain === origin, 20000);
  }
  await openDemoKey(page);
}

export async function openDemoKey(page) {
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), clickItem(page, 'Open key file…', { window: 'Encord' })]);
  await chooser.setFiles({ name: 'eic-demo-ed25519.txt', mimeType: 'text/plain', buffer: Buffer.from(demoKeyText) });
  await waitState(page, (x) => x.encord.keyState === 'ready', 10000);
}

// Clicks "Fetch the live schema" and resolves to the state once that fetch has ended.
export async function fetchSchema(page, timeout = 40000) {
  const before = (await waitState(page, () => true)).encord.schema?.fetches ?? 0;
  await clickItem(page, 'Fetch the live schema', { window: 'Encord' });
  return waitState(page, (x) => x.encord.schema?.fetches === before + 1 && !x.encord.schema.running, timeout);
}

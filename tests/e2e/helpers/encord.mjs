// The Encord window as a person uses it, for browser tests: open it, point it at a domain and open the
// demo key (tests/fakes/encord-standin/demo-key, a public test key), fetch the live schema.
import fs from 'node:fs';
import { clickItem, waitState } from './browser.mjs';
import { DEMO_KEY_PATH } from '../../fakes/encord-standin/index.mjs';

export const demoKeyText = fs.readFileSync(DEMO_KEY_PATH, 'utf8');

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

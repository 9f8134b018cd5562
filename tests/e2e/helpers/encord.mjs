// What the Encord window's browser tests share: opening the window, connecting it to a stand-in with the
// demo key (opened through the file picker, as a person does), and fetching the live schema.
import fs from 'node:fs';
import { clickItem, waitState } from './browser.mjs';
import { DEMO_KEY_PATH } from '../../fakes/encord-standin/index.mjs';

export const demoKeyText = fs.readFileSync(DEMO_KEY_PATH, 'utf8');

export async function openEncord(page) {
  await clickItem(page, 'View');
  await clickItem(page, 'Encord: connection and schema');
  await waitState(page, (st) => st.encord.open);
}

// Opens the demo key and points the window at `origin` (the "another" domain), as a person would.
export async function connect(page, origin) {
  await openEncord(page);
  await clickItem(page, 'Domain', { window: 'Encord' });
  await clickItem(page, 'another (private deployment)');
  await clickItem(page, 'Address', { window: 'Encord' });
  await page.keyboard.type(origin);
  // Typed text reaches ImGui about a character a frame: on a loaded machine that takes a while.
  await waitState(page, (x) => x.encord.domain === origin, 20000);
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), clickItem(page, 'Open key file…', { window: 'Encord' })]);
  await chooser.setFiles({ name: 'eic-demo-ed25519.txt', mimeType: 'text/plain', buffer: Buffer.from(demoKeyText) });
  await waitState(page, (x) => x.encord.keyState === 'ready', 10000);
}

// Clicks "Fetch the live schema" and waits for that fetch (counted, so no stale state is read) to end.
export async function fetchSchema(page) {
  const before = (await waitState(page, () => true)).encord.schema?.fetches ?? 0;
  await clickItem(page, 'Fetch the live schema', { window: 'Encord' });
  return (await waitState(page, (x) => x.encord.schema?.fetches === before + 1 && !x.encord.schema.running, 20000)).encord;
}

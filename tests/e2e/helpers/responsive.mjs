// Whether the app stays responsive while work runs, for browser tests: it keeps drawing frames (state().frames
// goes on increasing) and a click on a widget is answered at once.
import { clickItem, waitState } from './browser.mjs';

// Samples state().frames every `everyMs` from node until stop(), which resolves to {samples, seconds, fps,
// longestStallMs}: the longest time between two samples with no new frame between them (0 when every sample saw
// one). A page that navigates meanwhile ends the watch.
export function watchFrames(page, { everyMs = 200 } = {}) {
  let stopped = false;
  const samples = [];
  const loop = (async () => {
    while (!stopped) {
      let frames;
      try {
        frames = await page.evaluate(() => window.eic?.state().frames);
      } catch {
        break;  // navigating or closed
      }
      if (frames === undefined) break;
      samples.push({ at: Date.now(), frames });
      await new Promise((resolve) => setTimeout(resolve, everyMs));
    }
  })();
  return {
    async stop() {
      stopped = true;
      await loop;
      let longestStallMs = 0;
      let since = samples[0]?.at;
      for (let i = 1; i < samples.length; i++) {
        if (samples[i].frames > samples[i - 1].frames) since = samples[i].at;
        else longestStallMs = Math.max(longestStallMs, samples[i].at - since);
      }
      const seconds = samples.length > 1 ? (samples.at(-1).at - samples[0].at) / 1000 : 0;
      const fps = seconds > 0 ? (samples.at(-1).frames - samples[0].frames) / seconds : 0;
      return { samples: samples.length, seconds, fps, longestStallMs };
    },
  };
}

// Opens the View menu and closes it again, as a person checking that the page answers; resolves to the
// milliseconds from the click to the menu being shown.
export async function menuAnswers(page, timeout = 5000) {
  const t0 = Date.now();
  await clickItem(page, 'View');
  await waitState(page, (x) => x.popups.length > 0, timeout);
  const ms = Date.now() - t0;
  await page.keyboard.press('Escape');
  await waitState(page, (x) => x.popups.length === 0, timeout);
  return ms;
}

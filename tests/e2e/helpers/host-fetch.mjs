// A page that embeds eic as a developer console would, passing its own fetch to create({canvas, fetch}).
// Here the host's fetch is node's (Playwright's exposeFunction), so it is not bound by the page's CORS.
// hostCalls lists what it was asked, "METHOD URL" without the query. Bodies travel as text and base64.
import { watchPolicy } from './browser.mjs';

export async function openWithHostFetch(browser, serverUrl) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, colorScheme: 'dark' });
  await watchPolicy(context);
  const page = await context.newPage();
  const hostCalls = [];
  await page.exposeFunction('nodeFetch', async (url, method, headers, body) => {
    hostCalls.push(`${method} ${url.split('?')[0]}`);
    const r = await fetch(url, { method, headers, body: body || undefined });
    return { status: r.status, headers: [...r.headers.entries()], body: Buffer.from(await r.arrayBuffer()).toString('base64') };
  });
  await page.goto(`${serverUrl}__test__/blank.html`);
  await page.evaluate(async () => {
    const { create } = await import('/encord-console.js');
    const canvas = document.createElement('canvas');
    canvas.style.cssText = 'position:fixed;left:0;top:0;width:100vw;height:100vh';
    document.body.style.margin = '0';
    document.body.appendChild(canvas);
    const hostFetch = async (url, init = {}) => {
      const body = init.body ? await new Response(init.body).text() : '';
      const r = await window.nodeFetch(url, init.method || 'GET', init.headers || {}, body);
      const bytes = Uint8Array.from(atob(r.body), (c) => c.charCodeAt(0));
      const nullBody = init.method === 'HEAD' || [204, 304].includes(r.status);
      return new Response(nullBody ? null : bytes, { status: r.status, headers: r.headers });
    };
    window.eic = await create({ canvas, fetch: hostFetch });
  });
  return { context, page, hostCalls };
}

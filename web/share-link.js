// A schema draft as a link: the draft file's UTF-8 bytes, deflated (raw DEFLATE, fflate: see
// docs/dependencies.md) and in base64url, in the URL's fragment ("#schema=...&name=..."). A fragment is
// never sent to a server, so the draft travels only with the link. The app decides whether a link is
// short enough to copy (app/share_link.hpp); reading one refuses fragments over that length before
// inflating, so a hostile link cannot ask for more than about a thousand times its size. fflate is
// imported when a link is made or read, not with the page.

const base64url = (bytes) => {
  let bin = '';
  for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
};
const fromBase64url = (text) => {
  if (!/^[A-Za-z0-9_-]*$/.test(text)) throw new Error('the link\'s draft is not base64url text');
  const bin = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
  return Uint8Array.from(bin, (c) => c.charCodeAt(0));
};

// The link to `base` (the page that opens it; its own fragment dropped) holding the draft.
export async function makeShareLink(base, name, text) {
  const { deflateSync } = await import('./fflate.js');
  const data = base64url(deflateSync(new TextEncoder().encode(text), { level: 9 }));
  return `${String(base).split('#')[0]}#schema=${data}&name=${encodeURIComponent(name)}`;
}

// Whether a URL or fragment holds a shared draft.
export function holdsSharedDraft(urlOrFragment) {
  return /(^|[#&])schema=/.test(String(urlOrFragment).slice(String(urlOrFragment).indexOf('#') + 1));
}

// {name, text} from a URL or its fragment; throws with the reason when it cannot be read.
export async function readShareLink(urlOrFragment, maxChars) {
  const s = String(urlOrFragment);
  const fragment = s.slice(s.indexOf('#') + 1);
  if (fragment.length > maxChars) throw new Error(`the link is ${fragment.length} characters long; eic makes and reads links up to ${maxChars}`);
  const params = new URLSearchParams(fragment);
  const data = params.get('schema');
  if (!data) throw new Error('the link holds no draft (no schema= in its fragment)');
  const { inflateSync } = await import('./fflate.js');
  let bytes;
  try {
    bytes = inflateSync(fromBase64url(data));
  } catch (err) {
    throw new Error(`the link's draft is damaged (${err.message}); was the link cut short?`);
  }
  let text;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new Error('the link\'s draft is not UTF-8 text');
  }
  return { name: params.get('name') || 'shared.eic-schema.json', text };
}

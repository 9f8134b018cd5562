// The offline demo (scripts/run --demo): scripts/serve.mjs --demo serves the stand-ins' settings at
// /demo/config.json on the page's own origin, and prints the page's URL with ?demo. The page reads them as
// data (JSON, every field a checked string; nothing in them is run) and connects the windows with
// instance.connect(). Only the page's own origin is asked, and only when the URL says ?demo.

const FORMAT = 'eic-demo-config';

export const demoRequested = (loc = location) => new URLSearchParams(loc.search).has('demo');

export async function loadDemoConfig(loc = location) {
  const url = new URL('demo/config.json', loc.href);
  if (url.origin !== loc.origin) throw new Error('the demo\'s settings must come from the page\'s own origin');
  const res = await fetch(url, { cache: 'no-store', credentials: 'omit' });
  if (!res.ok) {
    throw new Error(`the demo's settings (${url.pathname}) could not be read (HTTP ${res.status}); ` +
      'start the demo with scripts/run --demo');
  }
  const raw = await res.json();
  const text = (value, name) => {
    if (typeof value !== 'string' || value === '') throw new Error(`the demo's settings have no ${name}`);
    return value;
  };
  if (!raw || raw.format !== FORMAT) throw new Error(`the demo's settings are not an ${FORMAT} file`);
  return {
    // The stand-in's domain is not remembered: it lives only as long as the demo.
    encord: { domain: text(raw.encord?.domain, 'encord.domain'), key: text(raw.encord?.key, 'encord.key'), remember: false },
    gcs: {
      endpoint: text(raw.gcs?.endpoint, 'gcs.endpoint'),
      bucket: text(raw.gcs?.bucket, 'gcs.bucket'),
      key: text(raw.gcs?.key, 'gcs.key'),
    },
  };
}

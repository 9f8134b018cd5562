// The JSON API's standard `fields` parameter, a partial response: "name,size", "items(name,size),nextPageToken"
// (https://cloud.google.com/storage/docs/json_api/v1/parameters#fields). Sub-selections with '/'
// (a/b) are read as a(b). null for a selection that does not parse.

export function parseFields(text) {
  let i = 0;
  const list = () => {
    const out = {};
    for (;;) {
      const m = /^[A-Za-z0-9_*]+/.exec(text.slice(i));
      if (!m) return null;
      i += m[0].length;
      let sub = true;
      if (text[i] === '(') {
        i += 1;
        sub = list();
        if (!sub || text[i] !== ')') return null;
        i += 1;
      } else if (text[i] === '/') {
        i += 1;
        const inner = list1();
        if (!inner) return null;
        sub = inner;
      }
      out[m[0]] = sub;
      if (text[i] !== ',') return out;
      i += 1;
    }
  };
  const list1 = () => {  // one path step after '/'
    const m = /^[A-Za-z0-9_*]+/.exec(text.slice(i));
    if (!m) return null;
    i += m[0].length;
    let sub = true;
    if (text[i] === '/') { i += 1; sub = list1(); if (!sub) return null; }
    return { [m[0]]: sub };
  };
  const tree = list();
  return tree && i === text.length ? tree : null;
}

export function applyFields(value, tree) {
  if (tree === true || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((v) => applyFields(v, tree));
  if (tree['*']) return value;
  const out = {};
  for (const [k, sub] of Object.entries(tree)) if (value[k] !== undefined) out[k] = applyFields(value[k], sub);
  return out;
}

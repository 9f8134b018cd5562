// Query parameters as Encord's SDK sends them: camelCase names, lists as repeated keys, booleans as
// Python writes them (True/False), spaces as '+' (the `requests` library's encoding); see
// encord/orm/base_dto and encord/http/v2/api_client.py in encord-team/encord-client-python. A value the
// server could not read is a 400. Booleans are also taken in lower case (true/false), as a JSON-minded
// client writes them; parameters the stand-in does not know are ignored, as pydantic-style servers do.
import { badRequest } from './errors.mjs';

export const UUID_RE = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;

// A UUID from a path or a body, lower-cased; 400 when it is not one.
export function uuidOf(value, what) {
  if (typeof value !== 'string' || !UUID_RE.test(value)) throw badRequest(`${what} must be a UUID, not ${JSON.stringify(value)}.`);
  return value.toLowerCase();
}

export function makeQuery(rawQuery) {
  const q = new URLSearchParams(rawQuery || '');
  const one = (name) => {
    const all = q.getAll(name);
    if (all.length > 1) throw badRequest(`Query parameter ${name} is given ${all.length} times.`);
    return all[0];
  };
  return {
    has: (name) => q.has(name),
    string: (name) => one(name),
    list: (name) => q.getAll(name),
    bool(name, fallback) {
      const v = one(name);
      if (v === undefined) return fallback;
      if (v === 'True' || v === 'true') return true;
      if (v === 'False' || v === 'false') return false;
      throw badRequest(`Query parameter ${name} must be True or False, not ${JSON.stringify(v)}.`);
    },
    int(name, { min, max, fallback }) {
      const v = one(name);
      if (v === undefined) return fallback;
      if (!/^-?\d+$/.test(v) || Number(v) < min || Number(v) > max) {
        throw badRequest(`Query parameter ${name} must be an integer from ${min} to ${max}, not ${JSON.stringify(v)}.`);
      }
      return Number(v);
    },
    oneOf(name, values, fallback) {
      const v = one(name);
      if (v === undefined) return fallback;
      if (!values.includes(v)) throw badRequest(`Query parameter ${name} must be one of ${values.join(', ')}, not ${JSON.stringify(v)}.`);
      return v;
    },
  };
}

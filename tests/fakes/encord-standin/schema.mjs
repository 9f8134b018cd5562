// The organisation's custom metadata schema, v2 (encord/metadata_schema.py in
// encord-team/encord-client-python):
//   GET  organisation/client-metadata-schema-v2  → the stored map; with none stored, 200 `null` by
//        default (the SDK reads null or 204 as "empty", allow_none=True; `emptySchemaStatus: 204`
//        answers 204 instead). null is the default because schema v2 (SDK commit 837036b9) predates the
//        SDK's handling of 204 (commit 3b875bbb), so the server answered 200 then.
//   POST the same path with the whole map → replaces the stored map (the SDK posts the full map on
//        save(); Encord's docs: "Performing multiple schema imports overwrites the current schema with
//        the new schema", https://docs.encord.com/platform-documentation/Active/active-basics/active-custom-metadata).
//        The SDK ignores the answer; the stand-in answers 200 `null`.
// A posted map is checked as the SDK's pydantic models would parse it (_ClientMetadataSchemaOption,
// discriminated by "ty") and its keys by the SDK's _is_valid_metadata_key; anything else is a 400 that
// names the key. The map is stored as sent (no defaults filled in).
import { badRequest } from './errors.mjs';

const HINTS = ['number', 'varchar', 'text', 'boolean', 'datetime', 'uuid', 'string', 'long_string'];
const isObject = (v) => v !== null && typeof v === 'object' && !Array.isArray(v);
const isInt = (v) => Number.isInteger(v);

// _is_valid_metadata_key: not empty, not starting with '$'; without '-', '_', ' ' and '.', non-empty,
// not 'keyframes', and alphanumeric as Python's str.isalnum (Unicode letters and digits).
export function isValidKey(key) {
  if (key === '' || key.startsWith('$')) return false;
  const rest = key.replace(/[-_ .]/g, '');
  if (rest === '' || rest === 'keyframes') return false;
  return /^[\p{L}\p{N}]+$/u.test(rest);
}

// Why a type object is not accepted, or null. `inTombstone`: a tombstone's deleted_ty, which may be
// any type but a tombstone.
function typeProblem(t, inTombstone = false) {
  if (!isObject(t)) return 'is not an object';
  const f = (name) => t[name];
  switch (t.ty) {
    case 'variant':
      if (f('hint') !== undefined && !HINTS.includes(f('hint'))) return `has hint ${JSON.stringify(f('hint'))}; hints are ${HINTS.slice(0, 6).join(', ')}`;
      return null;
    case 'enum': {
      const v = f('values');
      if (!Array.isArray(v) || v.length < 1 || v.length > 256) return 'needs values: a list of 1 to 256 strings';
      if (v.some((x) => typeof x !== 'string')) return 'has a value that is not a string';
      return null;
    }
    case 'embedding': {
      const size = f('size');
      if (!isInt(size) || size < 1 || size > 4096) return 'needs size: an integer from 1 to 4096';
      if (f('api') !== undefined && f('api') !== null && !isObject(f('api'))) return 'has an api that is neither an object nor null';
      return null;
    }
    case 'number':
      if (f('format') !== undefined && !['F32', 'F64'].includes(f('format'))) return 'has a format other than F32 or F64';
      return null;
    case 'varchar':
      if (f('max_length') !== undefined && (!isInt(f('max_length')) || f('max_length') < 0 || f('max_length') > 8192)) return 'has a max_length outside 0..8192';
      return null;
    case 'datetime':
      if (f('timezone') !== undefined && f('timezone') !== 'UTC') return 'has a timezone other than UTC';
      return null;
    case 'geospatial': case 'boolean': case 'text': case 'uuid': case 'user':
      return null;
    case 'tombstone': {
      if (inTombstone) return 'is a tombstone inside a tombstone';
      const d = f('deleted_ty');
      if (d === undefined || d === null) return null;
      const p = typeProblem(d, true);
      return p && `has a deleted_ty that ${p}`;
    }
    default:
      return `has ty ${JSON.stringify(t.ty)}, which is none of variant, enum, embedding, geospatial, tombstone, number, varchar, datetime, boolean, text, uuid, user`;
  }
}

export function validateSchema(map) {
  if (!isObject(map)) throw badRequest('The metadata schema must be a JSON object mapping keys to type objects.');
  for (const [key, t] of Object.entries(map)) {
    if (!isValidKey(key)) throw badRequest(`${key} is an invalid format for a metadata key`);
    const p = typeProblem(t);
    if (p) throw badRequest(`The type of key ${JSON.stringify(key)} ${p}.`);
  }
  return map;
}

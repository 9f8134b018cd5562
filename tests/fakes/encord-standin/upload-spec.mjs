// The private-cloud upload spec ("externalFiles": the JSON file form, passed unchanged by the SDK's
// StorageFolder._add_data_to_folder_start in encord-team/encord-client-python) read into job units.
// Top-level keys (https://docs.encord.com/platform-documentation/Index/add-files/index-register-cloud-data):
// videos, audio, image_groups, images, dicom_series, and skip_duplicate_urls (boolean, default false).
// A unit is one video, image, audio file, image group or DICOM series (the SDK's DatasetDataLongPolling
// note). Per item:
//   videos[], images[], audio[]: objectUrl (required), title?, clientMetadata? (object),
//     videoMetadata? / imageMetadata? / audioMetadata? (objects)
//   image_groups[]: title (the SDK: "required if using cloud integration"), objectUrl_0, objectUrl_1, ...
//     in display order (Encord's integration test builds exactly that), createVideo?, clientMetadata?
//   dicom_series[]: title, objectUrl_N as for image groups (the file form's key is not documented;
//     objectUrl_N is the likeliest reading), clientMetadata?
// "Object URLs must not contain any whitespace" (https://docs.encord.com/datasets/private-cloud-integration/).
// A spec the server could not read is a 400 naming where; unknown keys are refused rather than ignored.
import { badRequest } from './errors.mjs';

const isObject = (v) => v !== null && typeof v === 'object' && !Array.isArray(v);
const KINDS = {
  videos: { kind: 'video', action: 'Uploading video', metadata: 'videoMetadata' },
  images: { kind: 'image', action: 'Uploading image', metadata: 'imageMetadata' },
  audio: { kind: 'audio', action: 'Uploading audio', metadata: 'audioMetadata' },
  image_groups: { kind: 'image_group', action: 'Uploading image group', multi: true },
  dicom_series: { kind: 'dicom_series', action: 'Uploading DICOM series', multi: true },
};
const TOP = [...Object.keys(KINDS), 'skip_duplicate_urls'];
const SINGLE_KEYS = ['objectUrl', 'title', 'clientMetadata'];

function url(value, where) {
  if (typeof value !== 'string' || value === '') throw badRequest(`${where} must be a non-empty string.`);
  if (/\s/.test(value)) throw badRequest(`${where} contains whitespace; object URLs must not contain any whitespace.`);
  if (value.length > 16384) throw badRequest(`${where} is longer than 16 KB.`);
  return value;
}

function common(item, where) {
  if (item.title !== undefined && typeof item.title !== 'string') throw badRequest(`${where}.title must be a string.`);
  if (item.clientMetadata !== undefined && !isObject(item.clientMetadata)) throw badRequest(`${where}.clientMetadata must be an object.`);
}

// The default title is the URL's path (the index-register-cloud-data page's example).
function defaultTitle(u) {
  const m = /^[a-z][a-z0-9+.-]*:\/\/[^/]*(\/[^?#]*)?/i.exec(u);
  return m?.[1] || u;
}

function readItem(key, item, i) {
  const k = KINDS[key];
  const where = `externalFiles.${key}[${i}]`;
  if (!isObject(item)) throw badRequest(`${where} must be an object.`);
  common(item, where);
  if (!k.multi) {
    const extra = Object.keys(item).filter((n) => !SINGLE_KEYS.includes(n) && n !== k.metadata);
    if (extra.length) throw badRequest(`${where} has ${extra.join(', ')}, which ${key} items do not take.`);
    if (item[k.metadata] !== undefined && !isObject(item[k.metadata])) throw badRequest(`${where}.${k.metadata} must be an object.`);
    const u = url(item.objectUrl, `${where}.objectUrl`);
    return { kind: k.kind, action: k.action, urls: [u], title: item.title ?? defaultTitle(u), hasMetadata: item[k.metadata] !== undefined, metadataKey: k.metadata };
  }
  const slots = [];
  for (const n of Object.keys(item)) {
    const m = /^objectUrl_(0|[1-9]\d*)$/.exec(n);
    if (m) slots.push([Number(m[1]), url(item[n], `${where}.${n}`)]);
    else if (!['title', 'clientMetadata', 'createVideo'].includes(n)) throw badRequest(`${where} has ${n}, which ${key} items do not take (images are objectUrl_0, objectUrl_1, ...).`);
  }
  if (item.createVideo !== undefined && typeof item.createVideo !== 'boolean') throw badRequest(`${where}.createVideo must be true or false.`);
  if (typeof item.title !== 'string' || item.title === '') throw badRequest(`${where}.title is required for ${key} registered through a cloud integration.`);
  if (!slots.length) throw badRequest(`${where} names no objects (objectUrl_0, objectUrl_1, ...).`);
  slots.sort((a, b) => a[0] - b[0]);
  return { kind: k.kind, action: k.action, urls: slots.map((s) => s[1]), title: item.title, hasMetadata: true };
}

// externalFiles → {units: [{kind, action, urls, title, hasMetadata, metadataKey}], skipDuplicateUrls}.
export function readSpec(spec) {
  if (!isObject(spec)) throw badRequest('externalFiles must be the JSON object of an upload spec.');
  const unknown = Object.keys(spec).filter((k) => !TOP.includes(k));
  if (unknown.length) throw badRequest(`externalFiles has ${unknown.join(', ')}; the top-level keys are ${TOP.join(', ')}.`);
  const skip = spec.skip_duplicate_urls ?? false;
  if (typeof skip !== 'boolean') throw badRequest('externalFiles.skip_duplicate_urls must be true or false.');
  const units = [];
  for (const key of Object.keys(KINDS)) {
    if (spec[key] === undefined) continue;
    if (!Array.isArray(spec[key])) throw badRequest(`externalFiles.${key} must be a list.`);
    spec[key].forEach((item, i) => units.push(readItem(key, item, i)));
  }
  if (!units.length) throw badRequest('externalFiles names no data units.');
  return { units, skipDuplicateUrls: skip };
}

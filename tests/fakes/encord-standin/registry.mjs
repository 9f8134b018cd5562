// What each folder holds: one entry per distinct unit URL list (a video's or image's URL, an image
// group's or DICOM series' URLs in order), with the items registered for it. Without
// skip_duplicate_urls a URL registered again makes another item (the count goes up); with it, a unit
// whose URLs "exactly match existing images/videos" is skipped (Encord's GCP import guide, and
// https://docs.encord.com/platform-documentation/Index/add-files/index-register-cloud-data).
// Tests read it through registrations() to assert "registered exactly once".
import crypto from 'node:crypto';

export function makeRegistry() {
  const byFolder = new Map();
  const keyOf = (urls) => JSON.stringify(urls);
  const folder = (f) => {
    let m = byFolder.get(f);
    if (!m) byFolder.set(f, (m = new Map()));
    return m;
  };
  return {
    has: (folderUuid, urls) => folder(folderUuid).has(keyOf(urls)),
    // Registers one item for the unit; gives its uuid.
    register(folderUuid, unit, jobUuid) {
      const m = folder(folderUuid);
      const key = keyOf(unit.urls);
      let e = m.get(key);
      if (!e) m.set(key, (e = { folderUuid, kind: unit.kind, urls: [...unit.urls], items: [] }));
      const itemUuid = crypto.randomUUID();
      e.items.push({ itemUuid, name: unit.title, jobUuid });
      return itemUuid;
    },
    // [{folderUuid, kind, urls, url (the first), count, itemUuids, items}], optionally for one folder.
    list(folderUuid) {
      const out = [];
      for (const [f, m] of byFolder) {
        if (folderUuid && f !== folderUuid) continue;
        for (const e of m.values()) {
          out.push({ folderUuid: f, kind: e.kind, urls: [...e.urls], url: e.urls[0], count: e.items.length, itemUuids: e.items.map((i) => i.itemUuid), items: e.items.map((i) => ({ ...i })) });
        }
      }
      return out;
    },
    clear() { byFolder.clear(); },
  };
}

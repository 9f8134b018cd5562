// Media metadata read from a file (media/media_info.hpp, filled by gcs/media_probe.hpp) as the object an
// item carries under its collection's metadata key: `imageMetadata` for images, `videoMetadata` for videos
// (format.hpp's collection table). The fields are the kind's (format::media_fields), named as
// format::media_field_info() spells them for the file form: snake_case (`file_size`, `mime_type`), the
// spelling of the file-form example (docs/media-metadata.md says why); readers accept both spellings.
#pragma once

#include <nlohmann/json.hpp>

#include "manifest/format.hpp"
#include "manifest/model.hpp"
#include "media/media_info.hpp"

namespace eic::manifest {

// The metadata object for `info` (every field of its kind); integers for width, height and file_size,
// numbers for fps and duration (the SDK's VideoMetadata and ImageMetadata, encord/orm/storage.py).
nlohmann::ordered_json media_metadata_json(const media::MediaInfo& info);

// The kind of metadata a collection's items carry, as media kinds; nullopt when it is neither images nor
// videos (image groups, DICOM, audio...).
std::optional<media::MediaKind> media_kind_of(Collection c);

// Sets the item's metadata object under the collection's key, replacing one there. False, and the item
// unchanged, when the collection's items carry no metadata of the info's kind.
bool set_media_metadata(Item& item, Collection c, const media::MediaInfo& info);

}  // namespace eic::manifest

// A manifest built from a bucket listing (gcs/listing_job.hpp): every object whose media kind is known
// becomes an item of the collection format.hpp gives that kind, so a prefix full of files becomes an
// import manifest without writing one by hand.
//
// - The kind comes from the file extension (format::extension_kind) and, when the listing carries one
//   (the JSON API does, the XML API does not), from the content type (format::content_type_kind); when
//   both are known and disagree the content type wins (it is what GCS serves, and so what Encord reads)
//   and the disagreement is reported.
// - Images are single items, or grouped by folder (the name up to its last '/') into image groups or
//   image sequences: Encord's image_groups with createVideo false or true (Encord's docs, "Image
//   sequences use the image_groups key with createVideo: true"), files in name order as objectUrl_0,
//   objectUrl_1, ... DICOM files are always grouped by folder into dicom_series, the only DICOM
//   collection of the file form.
// - Titles: an item's file name, a group's folder name; where two items (or groups) of one collection
//   would share a title, they get the full object (or folder) name instead.
// - Nothing is dropped silently: folder placeholders (names ending in '/'), objects of no known kind,
//   text/PDF/NIfTI files (Encord documents them for the structured form only) unless asked for, and
//   objects whose URL the validator refuses (manifest/values.hpp: whitespace in a gs:// URL, a file name
//   over 300 characters, ...) are listed in `skipped` with the reason.
// - Encord's per-file limits (manifest/limits.hpp) are not enforced here: going over them is a warning
//   that says to split (eic split).
#pragma once

#include <string>
#include <vector>

#include "gcs/listing.hpp"
#include "manifest/format.hpp"
#include "manifest/model.hpp"

namespace eic::manifest {

// The form of the objectUrls written. Encord documents https://storage.cloud.google.com/BUCKET/OBJECT
// (manifest/values.hpp; the validator notes gs:// once per file); gs:// keeps names raw, so a name with
// whitespace cannot be written that way and is skipped.
enum class ListingUrlForm { cloud_console, gs };

enum class ListingGrouping { none, image_groups, image_sequences };

struct FromListingOptions {
    std::string bucket;
    ListingUrlForm url_form = ListingUrlForm::cloud_console;
    ListingGrouping grouping = ListingGrouping::none;
    bool titles = true;                    // titles for single items (groups always have one: the SDK
                                           // requires it with a cloud integration)
    bool include_structured_only = false;  // write text, pdf and nifti items (the validator notes them)
    bool skip_duplicate_urls = false;      // write "skip_duplicate_urls": true
};

enum class SkipReason {
    folder,           // a name ending in '/': a folder placeholder, not a file
    unknown_type,     // neither the extension nor the content type names a media kind
    structured_only,  // text, PDF or NIfTI, which Encord documents for the structured form only
    url_rejected,     // the validator refuses the URL (detail: its message)
};
const char* skip_reason_name(SkipReason reason);

struct SkippedObject {
    std::string name;
    SkipReason reason = SkipReason::unknown_type;
    std::string detail;  // what made it so, in a sentence
};

// An object whose extension and content type name different kinds; it was placed by its content type.
struct TypeDisagreement {
    std::string name;
    std::string content_type;
    format::ExtensionKind by_extension = format::ExtensionKind::unknown;
    format::ExtensionKind by_content_type = format::ExtensionKind::unknown;
};

struct FromListingResult {
    Manifest manifest;
    std::string json;  // write_json(manifest): 2-space indent, collections and items in a stable order
    std::vector<SkippedObject> skipped;  // in name order
    std::vector<TypeDisagreement> disagreements;
    std::vector<std::string> warnings;  // Encord's limits exceeded, batches recommended
};

FromListingResult manifest_from_listing(const std::vector<gcs::ListedObject>& objects,
                                        const FromListingOptions& options);

}  // namespace eic::manifest

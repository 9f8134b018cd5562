#include "diag/codes.hpp"

#include <unordered_map>

#include "diag/code_table.hpp"

namespace eic::diag {
namespace {

using namespace code_table;

// The codes of this file, then the cloud work's (diag/codes_cloud.cpp), Encord's keys and request signing
// (diag/codes_encord.cpp) and Encord's API (diag/codes_encord_api.cpp).
std::vector<CodeInfo> with_later_codes(std::vector<CodeInfo> codes) {
    for (const auto* more : {&cloud_codes(), &encord_codes(), &encord_api_codes()})
        codes.insert(codes.end(), more->begin(), more->end());
    return codes;
}

const std::vector<CodeInfo>& table() {
    static const std::vector<CodeInfo> codes = with_later_codes({
        // ---- Schema: key names ------------------------------------------------------------------
        {"schema.key.empty", E, varies, kSchema, "Key names", EIC_SDK_SCHEMA " (`_is_valid_metadata_key`)",
         "The key is empty. The SDK refuses it. (Like every key-name error, it is a warning for a key the draft "
         "leaves unchanged from its base, which Encord already holds.)"},
        {"schema.key.dollar", E, varies, kSchema, "Key names", EIC_SDK_SCHEMA " (`_is_valid_metadata_key`)",
         "The key starts with `$`, which the SDK refuses: Encord reserves it."},
        {"schema.key.character", E, varies, kSchema, "Key names",
         "Encord's GCP import guide (Metadata Schema Table); " EIC_SDK_SCHEMA,
         "The key has a character other than ASCII letters, digits, space, `-`, `_` and `.`, the characters Encord's "
         "documentation lists. For keys a draft adds, eic follows the documentation. Non-ASCII letters and digits, "
         "which the SDK lets through, are `schema.key.non-ascii` (a warning) in a wire map or a draft's base; other "
         "characters (`/`, `:`) the SDK refuses too."},
        {"schema.key.non-ascii", W, fixed, kSchema, "Key names", EIC_SDK_SCHEMA " (`_is_valid_metadata_key`)",
         "A key in a wire map (or in a draft's base schema) has non-ASCII letters or digits (`Ünïcode`, `日本`). The "
         "SDK checks keys with Python's `isalnum`, which accepts any Unicode letter or digit, so Encord may hold such "
         "keys, while the documentation lists only a-z, A-Z and 0-9. Keys a draft adds get `schema.key.character` "
         "instead."},
        {"schema.key.no-alnum", E, varies, kSchema, "Key names", EIC_SDK_SCHEMA " (`_is_valid_metadata_key`)",
         "The key has only separators (space, `-`, `_`, `.`); the SDK refuses a key with no letter or digit."},
        {"schema.key.reserved", E, varies, kSchema, "Key names",
         EIC_SDK_SCHEMA " (`_is_valid_metadata_key`); https://docs.encord.com/docs/index-keyframes",
         "Without its separators the key reads `keyframes` (`key_frames`, `key.frames`, ...), which Encord uses for "
         "video key frames; the SDK refuses it. Keys are case sensitive: `Keyframes` is allowed."},
        {"schema.key.whitespace", W, fixed, kSchema, "Key names", "",
         "The key starts or ends with a space, which is easy to miss in a manifest. Allowed, but consider removing "
         "it."},
        {"schema.key.case-collision", W, fixed, kSchema, "Key names",
         "Encord's GCP import guide (keys are case sensitive)",
         "Two live keys differ only by case. Encord treats them as two keys, which manifests easily mix up."},

        // ---- Schema: key life cycle --------------------------------------------------------------
        {"schema.key.exists", E, fixed, kSchema, "Key life cycle", EIC_SDK_SCHEMA " (\"is already defined\")",
         "The key is already defined (live, or soft deleted: restore it instead), and only a scalar key can change "
         "type. The SDK's \"is already defined\"."},
        {"schema.key.not-defined", E, fixed, kSchema, "Key life cycle", EIC_SDK_SCHEMA " (\"is not defined\")",
         "The key does not exist (the SDK wrongly says \"already defined\" when adding options to a missing enum)."},
        {"schema.key.hard-deleted", E, fixed, kSchema, "Key life cycle",
         "Encord's GCP import guide (Delete Schema Keys); " EIC_SDK_SCHEMA,
         "The key was hard deleted, which is permanent: it cannot be restored, re-added or changed."},
        {"schema.key.deleted-other-type", E, fixed, kSchema, "Key life cycle",
         EIC_SDK_SCHEMA " (\"is cannot be restored with this type\")",
         "A soft-deleted key can only come back with its deleted type (a deleted scalar may come back as any "
         "scalar). The SDK's \"is cannot be restored with this type\"."},
        {"schema.key.already-deleted", E, fixed, kSchema, "Key life cycle", EIC_SDK_SCHEMA " (\"is already deleted\")",
         "The key is already a tombstone. To hard-delete a soft-deleted key, restore it first (as the SDK "
         "requires)."},
        {"schema.key.not-deleted", E, fixed, kSchema, "Key life cycle",
         EIC_SDK_SCHEMA " (\"is not currently deleted\")", "Restore was asked for a key that is not deleted."},
        {"schema.key.dropped", E, fixed, kSchema, "Key life cycle",
         "https://docs.encord.com/platform-documentation/Active/active-basics/active-custom-metadata (an import "
         "overwrites the schema); Encord's GCP import guide (Delete Schema Keys)",
         "A key that Encord (or the draft's base) has is missing. A push overwrites the whole schema and Encord never "
         "forgets a key: delete it (soft or hard) instead."},

        // ---- Schema: types -----------------------------------------------------------------------
        {"schema.type.alias", W, fixed, kSchema, "Types", "Encord's GCP import guide (Metadata Schema Table)",
         "`string` (now `varchar`) or `long_string` (now `text`): accepted, but Encord strongly recommends the new "
         "names, and eic writes them."},
        {"schema.type.unknown", E, fixed, kSchema, "Types", EIC_SDK_SCHEMA " (\"Unknown simple schema type\")",
         "Not a scalar type name (`number`, `varchar`, `text`, `boolean`, `datetime`, `uuid`). Names are lower case. "
         "The SDK's \"Unknown simple schema type\"."},
        {"schema.type.not-scalar", E, fixed, kSchema, "Types",
         EIC_SDK_SCHEMA " (\"Enum must be created explicitly\", \"Embedding must be created explicitly\")",
         "`enum`, `embedding` or `geospatial` given as a scalar type: create them as such (an enum needs options, an "
         "embedding a size)."},
        {"schema.type.change", E, fixed, kSchema, "Types", EIC_SDK_SCHEMA " (`set_scalar`: \"is already defined\")",
         "The key's type cannot change: only keys created as scalars (`variant`) change hint; enum, embedding "
         "(including its size), geospatial and the server's typed forms keep their type."},

        // ---- Schema: enums -----------------------------------------------------------------------
        {"schema.enum.not-enum", E, fixed, kSchema, "Enums", EIC_SDK_SCHEMA " (\"is not an enum\")",
         "Options can only be added to a live enum key."},
        {"schema.enum.empty", E, varies, kSchema, "Enums", EIC_SDK_SCHEMA " (\"Must provide at least 1 value\")",
         "An enum needs at least 1 option (and adding options needs at least 1 new one)."},
        {"schema.enum.too-many", E, varies, kSchema, "Enums",
         EIC_SDK_SCHEMA " (\"Cannot provide more than 256 values\")",
         "More than 255 options. The SDK refuses 256 or more although its docstring and message say 256."},
        {"schema.enum.duplicate", E, varies, kSchema, "Enums", "",
         "An option a draft adds is listed twice. The SDK does not check this and no documentation forbids it; eic "
         "refuses repeats among new options because they are almost always a mistake. A repeat Encord already holds "
         "(in a wire map) is `schema.wire.enum-repeat`, a warning."},
        {"schema.enum.option-removed", E, fixed, kSchema, "Enums",
         "Encord's GCP import guide (\"Schema key options cannot be deleted\")",
         "An enum lost options compared to Encord or the draft's base. Renaming an option removes the old one: add "
         "the new option and phase the old one out."},

        // ---- Schema: embeddings ------------------------------------------------------------------
        {"schema.embedding.size", E, varies, kSchema, "Embeddings",
         "Encord's GCP import guide (embedding: 1 to 4096); " EIC_SDK_SCHEMA, "The size is outside 1..4096."},
        {"schema.embedding.active-size", E, varies, kSchema, "Embeddings",
         "Encord's GCP import guide (\"1 to 2000 for Active\")",
         "The size is over 2000 and the target is Active, which accepts 1..2000 (Index accepts up to 4096)."},
        {"schema.embedding.index-only", I, fixed, kSchema, "Embeddings", "Encord's GCP import guide",
         "The size is over 2000: fine for Index, too large for Active."},

        // ---- Schema: wire maps -------------------------------------------------------------------
        {"schema.wire.duplicate-key", E, fixed, kSchema, "Wire maps", "RFC 8259 §4",
         "A member name is given twice in one object of the file. JSON readers keep only one (RFC 8259 leaves which "
         "to the reader), so one of them would be lost silently."},
        {"schema.wire.not-object", E, fixed, kSchema, "Wire maps", EIC_SDK_SCHEMA,
         "The schema is not a JSON object of keys to types (`null` and an empty body are the empty schema)."},
        {"schema.wire.entry", E, fixed, kSchema, "Wire maps", EIC_SDK_SCHEMA,
         "A key's type is neither a type object nor a deprecated flat type name."},
        {"schema.wire.missing-field", E, fixed, kSchema, "Wire maps", EIC_SDK_SCHEMA,
         "A required field is missing: `ty`; `values` of an enum; `size` of an embedding; `deleted_ty` of a tombstone "
         "(eic does not guess: a missing `deleted_ty` read as null would be a hard delete)."},
        {"schema.wire.unknown-ty", E, fixed, kSchema, "Wire maps", EIC_SDK_SCHEMA,
         "The `ty` is not one the SDK reads (`variant`, `enum`, `embedding`, `geospatial`, `tombstone`, `number`, "
         "`varchar`, `datetime`, `boolean`, `text`, `uuid`, `user`)."},
        {"schema.wire.field-value", E, fixed, kSchema, "Wire maps", EIC_SDK_SCHEMA,
         "A field has the wrong JSON type or value (e.g. a fractional `size`, `max_length` outside 0..8192, a "
         "`format` other than `F32`/`F64`, a tombstone inside a tombstone)."},
        {"schema.wire.enum-repeat", W, fixed, kSchema, "Wire maps", EIC_SDK_SCHEMA " (`add_enum_options`)",
         "A wire map lists an enum option twice. The SDK's `add_enum_options` appends without removing repeats, so "
         "Encord can hold such a list. Options a draft adds get `schema.enum.duplicate` instead."},
        {"schema.wire.unknown-field", I, fixed, kSchema, "Wire maps", "",
         "A type object has a field eic does not know. It is kept unchanged, so writing the map back loses nothing."},
        {"schema.wire.legacy", W, fixed, kSchema, "Wire maps", "SDK `encord/client_metadata_schema.py` (deprecated)",
         "The deprecated flat form `{\"key\": \"string\"}`. eic reads it and writes the current form."},
        {"schema.wire.legacy-incomplete", E, fixed, kSchema, "Wire maps", EIC_SDK_SCHEMA,
         "The flat form `\"enum\"` or `\"embedding\"` cannot say the options or the size, which the current form "
         "requires: write the type object."},

        // ---- Schema: draft files -----------------------------------------------------------------
        {"schema.draft.format", E, fixed, kSchema, "Draft files", "`core/schema/draft.hpp` (the draft format)",
         "`format` is missing or not `eic-schema-draft`: the file is not an eic schema draft. Nothing else is read."},
        {"schema.draft.version", E, fixed, kSchema, "Draft files", "`core/schema/draft.hpp` (the draft format)",
         "`version` is missing or not 1, the only version this eic reads. Nothing else is read."},
        {"schema.draft.target", E, fixed, kSchema, "Draft files", "`core/schema/draft.hpp` (the draft format)",
         "`target` is not `index` or `active`."},
        {"schema.draft.field", E, fixed, kSchema, "Draft files", "`core/schema/draft.hpp` (the draft format)",
         "A draft field has the wrong shape (`title`, `description`, `notes`, `base`, `base.fetchedAt`) or `schema` "
         "(or `base.schema`) is missing."},
        {"schema.draft.note-orphan", W, fixed, kSchema, "Draft files", "",
         "A note is about a key the draft's schema does not have."},
        {"app.schema.unreadable", E, fixed, kSchema, "Draft files", "`core/schema/draft.hpp`; " EIC_SDK_SCHEMA,
         "The browser app was given a file that is neither a schema draft nor an Encord wire map, and no more "
         "precise finding explains why."},

        // ---- Schema: plans -----------------------------------------------------------------------
        {"schema.plan.conflict", E, fixed, kSchema, "Plans (diff and push)",
         "https://docs.encord.com/platform-documentation/Active/active-basics/active-custom-metadata (an import "
         "overwrites the schema)",
         "The key changed both in the draft and in Encord since the draft's base, differently (enum options added on "
         "both sides merge instead). A push would overwrite Encord's change: fetch Encord's schema again and redo the "
         "change."},

        // ---- Tools: CSV reading ------------------------------------------------------------------
        {"csv.empty", E, fixed, kTools, "CSV reading",
         "Encord's GCP import guide (the column headers specify the data type)",
         "The file has no header line (it is empty, or holds only line breaks)."},
        {"csv.unterminated-quote", E, fixed, kTools, "CSV reading", "RFC 4180 §2",
         "A quoted field is never closed, so it runs to the end of the file. Add the closing `\"`; the place is the "
         "opening quote."},
        {"csv.stray-quote", E, fixed, kTools, "CSV reading", "RFC 4180 §2",
         "A `\"` inside a field that does not start with one. Quote the whole field and write the quote as `\"\"`."},
        {"csv.after-quote", E, fixed, kTools, "CSV reading", "RFC 4180 §2",
         "Text between a closing quote and the next `,` or line break (`\"ab\"c`). Quote the whole field."},
        {"csv.ragged-row", E, fixed, kTools, "CSV reading", "RFC 4180 §2",
         "The row has more or fewer fields than the header. Quote fields that contain commas."},
        {"csv.invalid-utf8", W, fixed, kTools, "CSV reading", "",
         "A byte sequence that is not UTF-8 (reported once per row); the bytes are kept as they are. No source says "
         "which encodings Encord reads in a CSV, so this is a warning: save the file as UTF-8 to be sure."},
        {"csv.column.missing-url", E, fixed, kTools, "CSV reading",
         "Encord's GCP import guide (the `ObjectUrl` column)",
         "The header has no `ObjectUrl` column; nothing can be read."},
        {"csv.column.duplicate", W, fixed, kTools, "CSV reading", "",
         "A column appears twice; only the first is read. No source says how Encord reads such a file: remove one."},
        {"csv.column.spelling", W, fixed, kTools, "CSV reading", "",
         "A column read as a manifest column although spelled differently (`object_url`, `image-title`: spaces, "
         "underscores or hyphens apart). Case and surrounding spaces never matter, and the likely spellings of each "
         "column (`DICOM title`, `Dicom series title`) are read silently; see docs/manifest-csv.md."},
        {"csv.column.unknown", W, fixed, kTools, "CSV reading", "",
         "A column that is neither `ObjectUrl`, a title column nor `Create video`; it is ignored."},
        {"csv.url.empty", E, fixed, kTools, "CSV reading",
         "Encord's GCP import guide (each row links a file by its `ObjectUrl`)",
         "A row without an object URL; it is left out of the items."},
        {"csv.group.missing-title", W, fixed, kTools, "CSV reading", "",
         "A row of an image group, image sequence or DICOM series without a title, which is what groups rows. How "
         "Encord treats such a row is not documented; conversion leaves it out."},
        {"csv.row.type-ambiguous", W, fixed, kTools, "CSV reading", "",
         "In a CSV with several title columns, the row fills two or more title cells, so its data type is unclear. "
         "How Encord treats it is not documented; conversion leaves the row out. Fill one title cell per row."},
        {"csv.row.type-missing", W, fixed, kTools, "CSV reading", "",
         "In a CSV with several title columns, the row fills none, so its data type is unknown; conversion leaves "
         "the row out. Fill the title cell of the row's type."},
        {"csv.video-expected", E, fixed, kTools, "CSV reading",
         "Encord's GCP import guide (\"Expected a video, got a file of type XXX\")",
         "`ObjectUrl` is the only recognised column, which Encord reads as a request for video upload, and this row's "
         "file has the extension of another type (an image, say). Encord refuses it with \"Expected a video, got a "
         "file of type XXX\". Add the title column of the row's type (`Image title`, ...)."},
        {"csv.create-video", W, fixed, kTools, "CSV reading", "",
         "A `Create video` value that is not `TRUE` or `FALSE`, or a `Create video` column without an `Image group "
         "title` column. How Encord reads it is not documented."},

        // ---- Tools: JSON reading -----------------------------------------------------------------
        {"load.top-level", E, fixed, kTools, "JSON reading", EIC_DOCS_REGISTER " (the top-level keys)",
         "The document is not a JSON object."},
        {"load.collection", E, fixed, kTools, "JSON reading", EIC_DOCS_REGISTER,
         "A collection (`videos`, `images`, ...) is not an array; it is ignored."},
        {"load.item", E, fixed, kTools, "JSON reading", EIC_DOCS_REGISTER, "An item is not an object; it is skipped."},
        {"load.field-type", E, fixed, kTools, "JSON reading", EIC_SDK_STORAGE " (field types)",
         "`objectUrl`, `objectUrl_N`, `title`, `createVideo` or `skip_duplicate_urls` has the wrong JSON type; it is "
         "kept as an unknown field."},
        {"load.url-index", W, fixed, kTools, "JSON reading", EIC_DOCS_REGISTER " (`objectUrl_{position_number}`)",
         "`objectUrl_N` in a group with a number that is not 0, 1, 2, ... (leading zeros, not a number) or that "
         "repeats; kept as an unknown field, so nothing is lost."},
        {"load.duplicate-key", W, fixed, kTools, "JSON reading", "RFC 8259 §4",
         "A member name appears twice in one object; the last one is used."},
        {"load.number", E, fixed, kTools, "JSON reading", "RFC 8259 §6",
         "A number beyond the range of a double; it is read as null."},

        // ---- Tools: conversion to CSV ------------------------------------------------------------
        {"convert.csv.collection", E, fixed, kTools, "Conversion to CSV",
         "Encord's GCP import guide (CSV headers give the object URL and the data type only)",
         "`text`, `pdf` and `nifti` items have no CSV column."},
        {"convert.csv.client-metadata", E, fixed, kTools, "Conversion to CSV",
         "Encord's GCP import guide (CSV headers give the object URL and the data type only)",
         "The item has `clientMetadata` (an empty object is fine), which CSV cannot hold."},
        {"convert.csv.media-metadata", E, fixed, kTools, "Conversion to CSV",
         "Encord's GCP import guide (CSV headers give the object URL and the data type only)",
         "The item has `videoMetadata`, `imageMetadata`, `audioMetadata`, ..., which CSV cannot hold."},
        {"convert.csv.unknown-field", E, fixed, kTools, "Conversion to CSV",
         "Encord's GCP import guide (CSV headers give the object URL and the data type only)",
         "The item has fields eic does not know, or `createVideo` outside image groups, which CSV cannot hold."},
        {"convert.csv.top-level", E, fixed, kTools, "Conversion to CSV",
         "Encord's GCP import guide (CSV headers give the object URL and the data type only)",
         "`\"skip_duplicate_urls\": true` or another top-level key, which CSV cannot express."},
        {"convert.csv.no-url", E, fixed, kTools, "Conversion to CSV",
         "Encord's GCP import guide (CSV headers give the object URL and the data type only)",
         "The item has no object URL, so it would have no row."},
        {"convert.csv.group-title", E, fixed, kTools, "Conversion to CSV",
         "Encord's GCP import guide (CSV headers give the object URL and the data type only)",
         "A group without a title: in CSV, rows are grouped by title."},
        {"convert.csv.duplicate-title", E, fixed, kTools, "Conversion to CSV",
         "Encord's GCP import guide (CSV headers give the object URL and the data type only)",
         "Two groups share a title, so in CSV they would become one group."},
        {"convert.csv.title-filled", W, fixed, kTools, "Conversion to CSV",
         "docs.encord.com, Index: register cloud data (an untitled file's title \"defaults to the URL path\")",
         "In a CSV of several data types a row's type is the title column it fills, so an untitled item is written "
         "with the title Encord would give it anyway, its URL path. The finding names the item."},
        {"convert.csv.entries", W, fixed, kTools, "Conversion to CSV",
         "Encord's GCP import guide (\"up to 10,000 entries\" in a CSV file)",
         "The CSV has more than 10,000 rows, the most Encord accepts in a CSV file; split it."},

        // ---- Tools: split ------------------------------------------------------------------------
        {"split.item-too-large", W, fixed, kTools, "Split", "",
         "One item alone is over a limit of the profile (URLs, bytes, media size). Items are never split, so it gets "
         "a part of its own."},
        {"split.empty", W, fixed, kTools, "Split", "", "The manifest has no items, so no part is written."},

        // ---- Tools: schema inference -------------------------------------------------------------
        {"infer.conflict", E, fixed, kTools, "Schema inference",
         "Encord's GCP import guide (one data type per schema key)",
         "The key's values have several JSON types (say numbers and strings), and a schema key has one type. The "
         "message lists each type with its count and an example place; the key is left out of the draft rather than "
         "guessed."},
        {"infer.embedding-size", E, fixed, kTools, "Schema inference",
         "Encord's GCP import guide (embedding: 1 to 4096)",
         "Number arrays of several lengths under one key, or of length 0 or over 4096: an embedding has one size from "
         "1 to 4096. The key is left out."},
        {"infer.unsupported", W, fixed, kTools, "Schema inference", "",
         "Arrays that are not all numbers, or objects other than `{latitude, longitude}`: no schema type holds them. "
         "The key is left out."},
        {"infer.key-name", W, fixed, kTools, "Schema inference", "",
         "The key breaks Encord's key rules (`eic schema check` explains which); it is left out. `keyframes` itself "
         "is reserved and skipped silently."},
        {"infer.not-object", W, fixed, kTools, "Schema inference", "",
         "An item's `clientMetadata` is not an object; it is ignored."},
        {"infer.only-null", I, fixed, kTools, "Schema inference", "",
         "The key is null wherever it appears, so its type is unknown; it is left out."},
        {"infer.no-metadata", W, fixed, kTools, "Schema inference", "",
         "No item has `clientMetadata` (a CSV never has): the draft has no keys."},

        // ---- JSON syntax -------------------------------------------------------------------------
        {"json.syntax", E, fixed, kJson, "", "RFC 8259",
         "A character that cannot appear here: a missing `,` or `:`, a trailing comma, a single-quoted string, a "
         "comment, an unquoted key, a bad literal. The message says what was expected."},
        {"json.truncated", E, fixed, kJson, "", "RFC 8259",
         "The file ends where more was required (an unclosed string, object or array). Usually a file cut short "
         "while copying; the place is the end of the file."},
        {"json.bad-escape", E, fixed, kJson, "", "RFC 8259 §7",
         "A backslash escape JSON does not have (`\\x`, `\\'`), a bad `\\u` escape, or a lone surrogate in "
         "`\\uD800`-style escapes."},
        {"json.invalid-utf8", E, fixed, kJson, "", "RFC 8259 §8.1",
         "Bytes that are not UTF-8. Save the file as UTF-8."},
        {"json.control-char", E, fixed, kJson, "", "RFC 8259 §7",
         "A raw control character (below U+0020, e.g. a tab or line break) inside a string. Write it escaped (`\\t`, "
         "`\\n`)."},
        {"json.depth", E, fixed, kJson, "", "RFC 8259 §9 (a parser may limit nesting)",
         "Containers nested deeper than 512 levels."},
        {"json.trailing", E, fixed, kJson, "", "RFC 8259 §2",
         "Something follows the top-level value (a second document, stray text)."},
        {"json.empty", E, fixed, kJson, "", "RFC 8259 §2", "The file is empty or holds only whitespace."},
        {"json.number-overflow", E, fixed, kJson, "", "RFC 8259 §6 (a parser may limit the range of numbers)",
         "A number too large for a double (only where a value is converted)."},
        {"json.number-range", E, fixed, kJson, "", "RFC 8259 §6 (a parser may limit the range of numbers)",
         "An integer outside the range of the field it fills."},
        {"json.not-integer", E, fixed, kJson, "", EIC_SDK_SCHEMA " (integer fields)",
         "A number with a fraction or exponent where an integer is required."},

        // ---- Manifest: structure -----------------------------------------------------------------
        {"manifest.top-level", E, fixed, kManifest, "Structure", EIC_DOCS_REGISTER " (the top-level keys)",
         "The manifest is not a JSON object. It is `{\"images\": [...], ...}`; a bare array of items must be wrapped "
         "in its collection."},
        {"manifest.unknown-key", W, fixed, kManifest, "Structure", EIC_DOCS_REGISTER " (the top-level keys)",
         "A top-level key Encord does not read (with \"did you mean\"). Encord reads `videos`, `audio`, "
         "`image_groups`, `images`, `dicom_series` and `skip_duplicate_urls` and ignores other top-level keys, so "
         "nothing under this key is imported. The structured-form names `imageGroups`, `dicomSeries`, "
         "`skipDuplicateUrls`, `upsertMetadata` get the file-form name."},
        {"manifest.duplicate-key", W, fixed, kManifest, "Structure", "RFC 8259 §4",
         "A top-level key given twice: JSON readers usually keep only the last, so the first collection may be lost. "
         "Merge them."},
        {"manifest.type", E, fixed, kManifest, "Structure", EIC_SDK_STORAGE " (field types); " EIC_DOCS_REGISTER,
         "A value of the wrong JSON type: a collection that is not an array, `skip_duplicate_urls`/`upsert_metadata`/"
         "`createVideo` not a boolean, a URL or title not a string, `clientMetadata` or a media metadata object not "
         "an object."},
        {"manifest.item.type", E, fixed, kManifest, "Structure", EIC_DOCS_REGISTER,
         "An element of a collection is not an object."},
        {"manifest.item.missing-url", E, fixed, kManifest, "Structure", EIC_DOCS_REGISTER " (`objectUrl` is required)",
         "An item of `videos`, `images`, `audio`, `text`, `pdf` or `nifti` has no `objectUrl`."},
        {"manifest.item.unknown-field", W, fixed, kManifest, "Structure", "",
         "An item field Encord does not read (with \"did you mean\"); e.g. `objectUrl` in an image group, "
         "`createVideo` outside image groups, `videoMetadata` on an image."},
        {"manifest.item.field-spelling", W, fixed, kManifest, "Structure", "",
         "An item field in snake_case (`object_url`, `object_url_0`, `client_metadata`, `create_video`, "
         "`video_metadata`, ...). Encord's docs use `objectUrl`, `clientMetadata`, ..., and the SDK passes a manifest "
         "file through untouched, so no source says Encord reads the snake_case names. Write the documented name; "
         "`eic convert` keeps such fields as written."},
        {"manifest.item.duplicate-key", W, fixed, kManifest, "Structure", "RFC 8259 §4",
         "A field given twice in one item or metadata object (also `file_size` and `fileSize` together); only the "
         "last counts."},
        {"manifest.group.no-urls", W, fixed, kManifest, "Structure", "",
         "An image group or DICOM series without any `objectUrl_N`: it names no file to import."},
        {"manifest.group.url-gap", W, fixed, kManifest, "Structure",
         EIC_DOCS_REGISTER " (`objectUrl_{position_number}`)",
         "The `objectUrl_N` positions of a group have gaps (`objectUrl_0`, `objectUrl_2`) or start at 1. Encord's "
         "docs do not say that it refuses them; number them 0, 1, 2, ... to be sure of the order."},
        {"manifest.group.url-index", W, fixed, kManifest, "Structure", "",
         "A key `objectUrl_N` whose N is not a position (leading zeros, not a number, beyond 1,000,000). How Encord "
         "reads it is not documented."},
        {"manifest.group.missing-title", W, fixed, kManifest, "Structure",
         EIC_SDK_STORAGE " (`DataUploadImageGroup.title`, `DataUploadDicomSeries.title`)",
         "An image group or DICOM series without `title`, which the SDK says is \"required if using cloud "
         "integration\"."},
        {"manifest.structured-collection", I, fixed, kManifest, "Structure", EIC_DOCS_REGISTER,
         "`text`, `pdf` or `nifti`: collections of Encord's structured (SDK) form. Encord documents only `videos`, "
         "`audio`, `image_groups`, `images` and `dicom_series` for manifest files, so the upload may refuse them."},
        {"manifest.upsert-metadata", I, fixed, kManifest, "Structure",
         "SDK `encord/orm/storage.py` (`DataUploadItems`)",
         "`upsert_metadata` is documented for the structured form only, and acts only with `skip_duplicate_urls: "
         "true`."},
        {"manifest.empty", W, fixed, kManifest, "Structure", "", "The manifest has no items (or a CSV no rows)."},

        // ---- Manifest: URLs and names ------------------------------------------------------------
        {"manifest.url.empty", E, fixed, kManifest, "URLs and names", EIC_DOCS_REGISTER " (`objectUrl` is required)",
         "The URL is an empty string."},
        {"manifest.url.whitespace", E, fixed, kManifest, "URLs and names",
         "Encord's GCP import guide (\"Object URLs can't contain whitespace\")",
         "The URL contains whitespace, which Encord does not accept: percent-encode it (`%20`)."},
        {"manifest.url.too-long", E, fixed, kManifest, "URLs and names",
         EIC_DOCS_REGISTER " (\"each URL up to 16 KB\")", "The URL has more than 16,384 bytes."},
        {"manifest.url.scheme", W, fixed, kManifest, "URLs and names", "",
         "Not an `https://` or `gs://` URL (`http://`, `s3://`, a bare path). No source lists the schemes Encord "
         "fetches for a GCP integration; the form it documents is `https://storage.cloud.google.com/...`."},
        {"manifest.url.gs-form", I, fixed, kManifest, "URLs and names", "",
         "A `gs://` URL: accepted, but Encord documents `https://storage.cloud.google.com/...`. Noted once per file."},
        {"manifest.url.googleapis-form", I, fixed, kManifest, "URLs and names", "",
         "A `https://storage.googleapis.com/...` URL: the same note. Noted once per file."},
        {"manifest.url.query", W, fixed, kManifest, "URLs and names", "",
         "A `?` or `#` in an https URL: that part is not the object name (and Encord signs URLs itself). "
         "Percent-encode it (`%3F`, `%23`) if it is part of the name."},
        {"manifest.url.no-object", E, fixed, kManifest, "URLs and names", EIC_GCS_OBJECTS " (1 to 1,024 bytes)",
         "The URL has no bucket (or host) or no object after it, so it names no file."},
        {"manifest.url.bad-escape", W, fixed, kManifest, "URLs and names", "RFC 3986 §2.1",
         "A `%` not followed by two hexadecimal digits. How Encord decodes such a URL is not documented; write `%25` "
         "for a literal `%`."},
        {"manifest.url.dot-segment", W, fixed, kManifest, "URLs and names", "https://url.spec.whatwg.org/",
         "A `.` or `..` path segment (also `%2e` forms): URL parsers such as browsers' remove them, so the object may "
         "not be fetched by this URL. How Encord handles it is not documented."},
        {"manifest.url.folder", W, fixed, kManifest, "URLs and names", "",
         "The URL ends with `/`: it names a folder, not a file."},
        {"manifest.url.file-name-too-long", E, fixed, kManifest, "URLs and names",
         "Encord's GCP import guide (\"file names up to 300 characters\")",
         "The object's file name (its last segment, decoded) has more than 300 characters, Encord's file-name "
         "limit."},
        {"manifest.url.duplicate", W, fixed, kManifest, "URLs and names",
         "Encord's GCP import guide (`skip_duplicate_urls`)",
         "The file is already named earlier in the manifest (the message gives line and column of the first). The "
         "GCS forms compare by bucket and decoded object, so `gs://b/x` and `https://storage.cloud.google.com/b/x` "
         "match. Encord imports it twice unless `skip_duplicate_urls` is true."},
        {"manifest.title.too-long", E, fixed, kManifest, "URLs and names",
         "Encord's GCP import guide (\"file names up to 300 characters\")",
         "A `title` (CSV: the title column) over 300 characters; the title is the name the file gets in Encord."},
        {"gcs.bucket.character", E, fixed, kManifest, "URLs and names", EIC_GCS_BUCKETS,
         "The bucket name has characters other than `a-z`, `0-9`, `-`, `_`, `.` (upper case included)."},
        {"gcs.bucket.length", E, fixed, kManifest, "URLs and names", EIC_GCS_BUCKETS,
         "The bucket name is not 3-63 characters (222 with dots), or a dot-separated part is over 63."},
        {"gcs.bucket.edge", E, fixed, kManifest, "URLs and names", EIC_GCS_BUCKETS,
         "The bucket name starts or ends with `-`, `_` or `.`."},
        {"gcs.bucket.ip", E, fixed, kManifest, "URLs and names", EIC_GCS_BUCKETS,
         "The bucket name is a dotted-decimal IP address."},
        {"gcs.bucket.google", E, fixed, kManifest, "URLs and names", EIC_GCS_BUCKETS,
         "The bucket name starts with `goog` or contains `google` (or `g00gle`-like misspellings)."},
        {"gcs.bucket.dns", W, fixed, kManifest, "URLs and names", EIC_GCS_BUCKETS,
         "`_`, `..`, `-.` or `.-` in the bucket name: not DNS compatible, some URL forms and tools cannot reach it."},
        {"gcs.bucket.dots", W, fixed, kManifest, "URLs and names", EIC_GCS_BUCKETS,
         "A dotted bucket name: needs domain verification and breaks virtual-hosted HTTPS."},
        {"gcs.object.length", E, fixed, kManifest, "URLs and names", EIC_GCS_OBJECTS,
         "The object name is empty or over 1,024 bytes of UTF-8."},
        {"gcs.object.utf8", E, fixed, kManifest, "URLs and names", EIC_GCS_OBJECTS,
         "The decoded object name is not UTF-8 (a bad percent-escape such as `%FF`)."},
        {"gcs.object.newline", E, fixed, kManifest, "URLs and names", EIC_GCS_OBJECTS,
         "The object name contains CR or LF."},
        {"gcs.object.dot", E, fixed, kManifest, "URLs and names", EIC_GCS_OBJECTS,
         "The object name is exactly `.` or `..`."},
        {"gcs.object.acme", E, fixed, kManifest, "URLs and names", EIC_GCS_OBJECTS,
         "The object name starts with `.well-known/acme-challenge/`."},
        {"gcs.object.control", W, fixed, kManifest, "URLs and names", EIC_GCS_OBJECTS,
         "U+007F-U+0084 or U+0086-U+009F in the object name: it breaks XML listings."},
        {"gcs.object.hash", W, fixed, kManifest, "URLs and names", EIC_GCS_OBJECTS,
         "`#` in the object name: gcloud reads `#<digits>` as a generation."},
        {"gcs.object.wildcard", W, fixed, kManifest, "URLs and names", EIC_GCS_OBJECTS,
         "`[`, `]`, `*` or `?` in the object name: gcloud and gsutil treat them as wildcards."},

        // ---- Manifest: clientMetadata against the schema -----------------------------------------
        {"manifest.metadata.type", E, fixed, kManifest, "clientMetadata against the schema",
         "Encord's GCP import guide (Metadata Schema Table)",
         "The value's JSON type does not fit the key's type: number, boolean, string (varchar, text, datetime, uuid, "
         "enum), a list of numbers (embedding), an object (geospatial)."},
        {"manifest.metadata.null", W, fixed, kManifest, "clientMetadata against the schema", "",
         "`null` for a schema key: not a documented value; leave the key out."},
        {"manifest.metadata.varchar-length", E, fixed, kManifest, "clientMetadata against the schema",
         EIC_SDK_SCHEMA " (`varchar` `max_length`)",
         "A varchar value longer than its `max_length` (8,192 by default) in characters. Long values belong in a "
         "text key."},
        {"manifest.metadata.number-range", E, fixed, kManifest, "clientMetadata against the schema",
         "RFC 8259 §6; " EIC_SDK_SCHEMA " (`number` `format` F32/F64)",
         "A number that is not finite as a double (`1e400`), or outside ±3.4028235e38 for an `F32` number key; also "
         "an embedding element."},
        {"manifest.metadata.datetime", E, fixed, kManifest, "clientMetadata against the schema",
         "Encord's GCP import guide (datetime: ISO 8601)",
         "Not an ISO 8601 date (`2024-05-01`) or date-time (`2024-05-01T13:45[:00[.123]]` with optional `Z` or "
         "`±HH:MM`; a space for `T` is accepted), or an impossible date."},
        {"manifest.metadata.uuid", E, fixed, kManifest, "clientMetadata against the schema",
         "https://docs.encord.com/platform-documentation/Active/active-basics/active-custom-metadata (uuid: UUIDv4)",
         "Not a canonical UUID (8-4-4-4-12 hexadecimal digits, no braces)."},
        {"manifest.metadata.uuid-version", W, fixed, kManifest, "clientMetadata against the schema",
         "https://docs.encord.com/platform-documentation/Active/active-basics/active-custom-metadata (uuid: UUIDv4)",
         "A UUID whose version is not 4; Encord documents uuid values as UUIDv4."},
        {"manifest.metadata.enum", E, fixed, kManifest, "clientMetadata against the schema",
         "Encord's GCP import guide (enum: a predefined set of values)",
         "Not one of the enum's options (case sensitive; with \"did you mean\")."},
        {"manifest.metadata.embedding-size", E, fixed, kManifest, "clientMetadata against the schema",
         EIC_SDK_SCHEMA " (embedding `size`)", "An embedding with another number of elements than the key's `size`."},
        {"manifest.metadata.embedding", E, fixed, kManifest, "clientMetadata against the schema",
         "Encord's GCP import guide (embedding)",
         "An embedding element that is not a number (reported once per embedding)."},
        {"manifest.metadata.geo-shape", E, fixed, kManifest, "clientMetadata against the schema",
         "SDK `encord/orm/metadata_schema.py` (`GeospatialCoordinates`)",
         "A geospatial value with fields other than `latitude`/`longitude`, a missing one, or a non-number."},
        {"manifest.metadata.geo-range", E, fixed, kManifest, "clientMetadata against the schema",
         "SDK `encord/orm/metadata_schema.py` (`GeospatialCoordinates`)",
         "Latitude outside -90..90 or longitude outside -180..180."},
        {"manifest.metadata.keyframes", E, fixed, kManifest, "clientMetadata against the schema",
         "https://docs.encord.com/docs/index-keyframes", "`keyframes` is not a list of non-negative integers."},
        {"manifest.metadata.unknown-key", W, fixed, kManifest, "clientMetadata against the schema", "",
         "The schema has no such key: Encord stores the value but cannot filter on it (with \"did you mean\")."},
        {"manifest.metadata.deleted-key", W, fixed, kManifest, "clientMetadata against the schema", EIC_SDK_SCHEMA,
         "The key is soft deleted (not indexed until restored) or hard deleted (never indexed again)."},

        // ---- Manifest: media metadata and strict client-only access ------------------------------
        {"manifest.media.unknown-field", W, fixed, kManifest, "Media metadata and strict client-only access",
         EIC_SDK_STORAGE, "A field the object does not have (the message lists its fields)."},
        {"manifest.media.type", E, fixed, kManifest, "Media metadata and strict client-only access",
         EIC_SDK_STORAGE " (field types)",
         "`fps`/`duration` not a number; `width`, `height`, `file_size`, `sample_rate`, `bit_depth`, `num_channels`, "
         "`num_pages` not an integer; `mime_type`/`codec` not a string."},
        {"manifest.media.range", W, fixed, kManifest, "Media metadata and strict client-only access", "",
         "A negative size or duration, zero width/height/fps. The SDK's fields have no bounds, so no source says "
         "Encord refuses it, but no real file has such values, and under strict client-only access Encord relies on "
         "them."},
        {"manifest.media.mime-type", W, fixed, kManifest, "Media metadata and strict client-only access", "",
         "A `mime_type` that is not `video/*`, `image/*` or `audio/*` as the object's kind expects."},
        {"manifest.media.incomplete", W, varies, kManifest, "Media metadata and strict client-only access",
         EIC_SDK_STORAGE "; " EIC_DOCS_INTEGRATIONS,
         "The object lacks fields the SDK requires. A warning, and an error with `--strict-client-only` for "
         "`videoMetadata` and `imageMetadata`, which Encord's docs say must be given under strict client-only "
         "access."},
        {"manifest.strict.missing-metadata", E, fixed, kManifest, "Media metadata and strict client-only access",
         EIC_DOCS_INTEGRATIONS,
         "With `--strict-client-only`: a video without `videoMetadata` or an image without `imageMetadata`; Encord "
         "does not read the file, so it relies on them."},
        {"manifest.strict.csv", E, fixed, kManifest, "Media metadata and strict client-only access",
         EIC_DOCS_INTEGRATIONS " (metadata must be specified); Encord's GCP import guide (CSV columns)",
         "With `--strict-client-only`: a CSV manifest of videos or images, which cannot carry the metadata. Use "
         "JSON."},
        {"manifest.strict.image-sequence", W, fixed, kManifest, "Media metadata and strict client-only access",
         "Encord's GCP import guide (\"server-side media features will not be available\")",
         "With `--strict-client-only`: an image sequence (`createVideo: true`). Encord makes a sequence into a video "
         "on its own servers, a server-side media feature that strict client-only access turns off, so the sequence "
         "may not be built."},

        // ---- Manifest: limits --------------------------------------------------------------------
        {"manifest.limit.urls", E, fixed, kManifest, "Limits", EIC_DOCS_REGISTER,
         "The URL beyond 1,000,000 in one file. Split the manifest."},
        {"manifest.limit.items", E, fixed, kManifest, "Limits", EIC_DOCS_REGISTER,
         "The item beyond 500,000 in one file."},
        {"manifest.limit.csv-entries", E, fixed, kManifest, "Limits",
         "Encord's GCP import guide (\"up to 10,000 entries\" in a CSV file)",
         "The CSV row beyond 10,000, the most entries Encord supports in a CSV file. Split the file."},
        {"manifest.plan.file-size", E, fixed, kManifest, "Limits", EIC_DOCS_BEST,
         "The file is larger than the plan's JSON file limit."},
        {"manifest.plan.entries", E, fixed, kManifest, "Limits", EIC_DOCS_BEST,
         "More items than the plan accepts at one time."},
        {"manifest.plan.media-size", E, fixed, kManifest, "Limits", EIC_DOCS_BEST,
         "A stated `file_size` above the plan's media file limit."},
        {"manifest.plan.resolution", E, fixed, kManifest, "Limits", EIC_DOCS_BEST, "Stated width x height above 4K."},
        {"manifest.plan.frames", E, fixed, kManifest, "Limits", EIC_DOCS_BEST,
         "A video with more frames (`fps` x `duration`) than the plan allows."},
        {"manifest.batch.recommended", I, fixed, kManifest, "Limits",
         "Encord's GCP import guide (Step 6); " EIC_DOCS_BEST,
         "With `--plan`: the manifest is larger than one recommended batch (100 videos, 1,000 images, 2 GB); the "
         "message gives the batch count (`eic split`)."},
        {"manifest.capped", I, fixed, kManifest, "Limits", "",
         "Findings beyond `--max-diagnostics` were counted, not listed; the message lists the counts per code."},
    });
    return codes;
}

}  // namespace

#undef EIC_SDK_SCHEMA
#undef EIC_SDK_STORAGE
#undef EIC_DOCS_REGISTER
#undef EIC_DOCS_BEST
#undef EIC_DOCS_INTEGRATIONS
#undef EIC_GCS_OBJECTS
#undef EIC_GCS_BUCKETS
#undef EIC_GCS_CANONICAL
#undef EIC_GCS_SIGNATURES
#undef EIC_GCS_XML_STATUS
#undef EIC_GCS_CORS
#undef EIC_GCS_CORS_ORDER
#undef EIC_FILL_BY_HAND

const std::vector<CodeInfo>& all_codes() { return table(); }

std::string plain_text(std::string_view markdown) {
    std::string out;
    out.reserve(markdown.size());
    for (std::size_t i = 0; i < markdown.size(); ++i) {
        if (markdown[i] == '`') continue;
        if (markdown.compare(i, 2, "**") == 0) {
            ++i;
            continue;
        }
        out += markdown[i];
    }
    return out;
}

const CodeInfo* find_code(std::string_view code) {
    static const std::unordered_map<std::string_view, const CodeInfo*> index = [] {
        std::unordered_map<std::string_view, const CodeInfo*> m;
        for (const auto& c : table()) m.emplace(c.code, &c);
        return m;
    }();
    auto it = index.find(code);
    return it == index.end() ? nullptr : it->second;
}

}  // namespace eic::diag

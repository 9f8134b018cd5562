#include "diag/codes.hpp"

#include <unordered_map>

namespace eic::diag {
namespace {

constexpr Severity E = Severity::error;
constexpr Severity W = Severity::warning;
constexpr Severity I = Severity::info;
constexpr bool fixed = false;
constexpr bool varies = true;

// Sections (the "## " headings of docs/diagnostics.md).
constexpr const char* kSchema = "Schema";
constexpr const char* kTools = "Conversion, split and inference";
constexpr const char* kJson = "JSON syntax";
constexpr const char* kManifest = "Manifest";
constexpr const char* kSigning = "Signed URLs";
constexpr const char* kChecks = "Object checks";
constexpr const char* kCors = "Bucket CORS";
constexpr const char* kMedia = "Media metadata";

// Sources, cited the same way everywhere (macros, so they join adjacent string literals).
#define EIC_SDK_SCHEMA "SDK `encord/metadata_schema.py`"
#define EIC_SDK_STORAGE "SDK `encord/orm/storage.py`"
#define EIC_DOCS_REGISTER "https://docs.encord.com/platform-documentation/Index/add-files/index-register-cloud-data"
#define EIC_DOCS_BEST "https://docs.encord.com/platform-documentation/General/best-practices"
#define EIC_DOCS_INTEGRATIONS "https://docs.encord.com/platform-documentation/General/annotate-data-integrations"
#define EIC_GCS_OBJECTS "https://cloud.google.com/storage/docs/naming-objects"
#define EIC_GCS_BUCKETS "https://cloud.google.com/storage/docs/naming-buckets"
#define EIC_GCS_CANONICAL "https://cloud.google.com/storage/docs/authentication/canonical-requests"
#define EIC_GCS_SIGNATURES "https://cloud.google.com/storage/docs/authentication/signatures"
#define EIC_GCS_XML_STATUS "https://cloud.google.com/storage/docs/xml-api/reference-status"
#define EIC_GCS_CORS "https://cloud.google.com/storage/docs/cross-origin"
#define EIC_GCS_CORS_ORDER "https://cloud.google.com/storage/docs/xml-api/put-bucket-cors"
#define EIC_FILL_BY_HAND                                                                                      \
    " eic writes no metadata object for the item; under strict client-only access Encord needs one, so give " \
    "it by hand (Encord's docs: fps, duration, width and height from `ffmpeg -i`, the file size from `ls -l`)."

const std::vector<CodeInfo>& table() {
    static const std::vector<CodeInfo> codes = {
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

        // ---- Signed URLs -------------------------------------------------------------------------
        {"gcs.sign.expires", E, fixed, kSigning, "", EIC_GCS_CANONICAL " (`X-Goog-Expires`, at most 604800)",
         "The expiry is not 1 to 604,800 seconds (7 days), the longest a V4 signed URL can be valid. `eic sign-url` "
         "exits 2."},
        {"gcs.sign.method", E, fixed, kSigning, "", EIC_GCS_CANONICAL " (HTTP verbs)",
         "The method is not `DELETE`, `GET`, `HEAD`, `POST` or `PUT` (upper case). A signed `POST` can only start "
         "a resumable upload (`x-goog-resumable: start`)."},
        {"gcs.url.not-signed", E, fixed, kSigning, "",
         "https://cloud.google.com/storage/docs/access-control/signed-urls",
         "The URL is not a V4 signed URL: it lacks one of the `X-Goog-Algorithm`, `X-Goog-Credential`, "
         "`X-Goog-Date`, `X-Goog-Expires`, `X-Goog-SignedHeaders`, `X-Goog-Signature` parameters, or its query is "
         "malformed."},
        {"gcs.url.algorithm", E, fixed, kSigning, "", EIC_GCS_SIGNATURES " (`GOOG4-RSA-SHA256`, `GOOG4-HMAC-SHA256`)",
         "`X-Goog-Algorithm` names no V4 signing algorithm."},
        {"gcs.url.date", E, fixed, kSigning, "", EIC_GCS_SIGNATURES " (credential scope, `X-Goog-Date`)",
         "`X-Goog-Date` is not `YYYYMMDD'T'HHMMSS'Z'`, or the credential scope's date is not its date."},
        {"gcs.url.expires", E, fixed, kSigning, "", EIC_GCS_CANONICAL " (`X-Goog-Expires`, at most 604800)",
         "`X-Goog-Expires` is not a whole number of seconds from 1 to 604,800."},
        {"gcs.url.expired", E, fixed, kSigning, "", EIC_GCS_SIGNATURES " (`X-Goog-Date` plus `X-Goog-Expires`)",
         "The URL's validity (`X-Goog-Date` plus `X-Goog-Expires`) has ended: GCS refuses it. Sign a new one."},
        {"gcs.url.not-yet-valid", W, fixed, kSigning, "", "",
         "`X-Goog-Date` is more than 15 minutes ahead of this clock: the URL is not valid yet, or the clock is "
         "behind. No page states the allowance, so this is a warning."},
        {"gcs.sign.request", E, fixed, kSigning, "",
         "this repository: `core/gcs/v4_request_json.hpp` (the JS API's `signUrl`)",
         "The `signUrl` request is not a JSON object, lacks `method`, `bucket` or `expires`, or a field has the wrong "
         "type; the pointer names the field."},
        {"gcs.sign.timestamp", E, fixed, kSigning, "", EIC_GCS_CANONICAL " (`X-Goog-Date`, `YYYYMMDD'T'HHMMSS'Z'`)",
         "The timestamp lies outside the years 0001-9999, which `X-Goog-Date` cannot hold."},
        {"gcs.sign.bucket", E, fixed, kSigning, "", EIC_GCS_BUCKETS,
         "The bucket name is empty or has characters other than `a-z`, `0-9`, `-`, `_` and `.`, so no bucket has "
         "it (and it could not be put in the URL as it is)."},
        {"gcs.sign.header", E, fixed, kSigning, "", EIC_GCS_CANONICAL " (canonical headers); RFC 9110 §5.1",
         "A header name is empty or has a space, a control character, a non-ASCII byte or `:`; or the `host` "
         "header was given, which is signed from the URL's host."},
        {"gcs.sign.query", E, fixed, kSigning, "", EIC_GCS_CANONICAL " (required query string parameters)",
         "A query parameter the signature sets itself (`X-Goog-Algorithm`, `X-Goog-Credential`, `X-Goog-Date`, "
         "`X-Goog-Expires`, `X-Goog-SignedHeaders`, `X-Goog-Signature`, in any case) was given."},
        {"gcs.sign.endpoint", E, fixed, kSigning, "",
         "RFC 3986 §3.2; https://cloud.google.com/storage/docs/request-endpoints",
         "The endpoint is not `SCHEME://HOST[:PORT]` with `http` or `https`; the bucket-bound hostname is missing, "
         "malformed or given without the bucket-bound style; the universe domain is not a DNS name; or the "
         "scheme, endpoint, universe domain and bucket-bound hostname contradict each other."},
        {"gcs.sign.key-file", E, fixed, kSigning, "", "https://cloud.google.com/iam/docs/keys-create-delete",
         "The key file is not a service-account key: not a JSON object, a `type` other than `service_account`, or "
         "no `client_email` or `private_key` string. The pointer names the field; the message never quotes a "
         "value."},
        {"gcs.sign.private-key", E, fixed, kSigning, "", "RFC 7468 (PEM); RFC 8017 §8.2 (RSASSA-PKCS1-v1_5)",
         "The key file's `private_key` is not an RSA private key in PEM form that can be read without a pass "
         "phrase, so it cannot make the RSA-SHA256 signature `GOOG4-RSA-SHA256` needs."},

        // ---- Object checks ------------------------------------------------------------------------
        {"gcs.object.missing", E, fixed, kChecks, "",
         "https://cloud.google.com/storage/docs/xml-api/head-object; " EIC_GCS_XML_STATUS
         " (404); https://cloud.google.com/storage/docs/json_api/v1/status-codes (404 `notFound`)",
         "GCS answered the signed HEAD (or the JSON API's objects.get) with 404 Not Found: no object has this name "
         "in the bucket. Check the spelling (names are case sensitive) and whether it was uploaded."},
        {"gcs.object.forbidden", E, fixed, kChecks, "",
         EIC_GCS_XML_STATUS " (401, 403); https://cloud.google.com/storage/docs/json_api/v1/status-codes (403)",
         "GCS refused the request (XML API 401 or 403, JSON API 403): the service account that signs, or the account "
         "whose access token eic uses, lacks `storage.objects.get` on the bucket (or the bucket is another "
         "project's). The message quotes GCS's reason when it sent one."},
        {"gcs.object.signature-mismatch", E, fixed, kChecks, "",
         EIC_GCS_CANONICAL "; https://cloud.google.com/storage/docs/authentication/signatures",
         "GCS answered 403 `SignatureDoesNotMatch`: the signature does not match the request GCS received. GCS's "
         "error body carries the canonical request and string to sign it computed (observed, not documented); eic "
         "keeps them beside its own so the difference shows. Usual causes: the key is not the account's, the clock "
         "is off, or a proxy changed the request."},
        {"gcs.object.blocked", W, fixed, kChecks, "",
         "https://cloud.google.com/storage/docs/cross-origin; https://fetch.spec.whatwg.org/#concept-network-error",
         "The browser got no answer it may show: the bucket's CORS configuration does not allow this origin and "
         "`HEAD`, the page's Content-Security-Policy blocked the request, or the network failed (a browser cannot "
         "always tell these apart). Nothing is known about the object."},
        {"gcs.object.timeout", W, fixed, kChecks, "", "https://cloud.google.com/storage/docs/retry-strategy",
         "No answer came in time, on every attempt. Nothing is known about the object; check again later."},
        {"gcs.object.check-failed", W, fixed, kChecks, "",
         "https://cloud.google.com/storage/docs/retry-strategy; " EIC_GCS_XML_STATUS,
         "The check ended without an answer about the object: GCS answered 429 or 5xx on every attempt (the "
         "message counts them), answered with another status (the message quotes it), or the probe could not be "
         "signed. Nothing is known about the object."},
        {"gcs.object.not-checkable", W, fixed, kChecks, "", "https://url.spec.whatwg.org/#path-state",
         "The URL cannot be probed: it is not a GCS URL (another cloud's, or not a URL), it is malformed, or the "
         "object name has a `.` or `..` segment, which a browser's URL parser removes, so the object cannot be "
         "addressed by path. This says nothing about whether the object exists."},
        {"gcs.object.needs-token", W, fixed, kChecks, "",
         "https://cloud.google.com/storage/docs/json_api/v1/status-codes (401); RFC 6750 §3.1 (`invalid_token`)",
         "The object was not checked because the OAuth access token was refused (401: it has expired or is not "
         "valid) or is missing; the check waits, and probes these objects again once a new token is set and it "
         "resumes. With IAM `signBlob`, IAM Credentials refused the token. Nothing is known about the object yet."},
        {"gcs.clock.skew", W, fixed, kChecks, "",
         "RFC 9110 §6.6.1 (Date); https://cloud.google.com/storage/docs/access-control/signed-urls",
         "GCS's `Date` header differs from this computer's clock by more than a minute. Signed URLs carry the "
         "signing time, and GCS refuses them when the clocks disagree too much: set the clock right. Reported once "
         "per check."},
        // ---- Bucket CORS --------------------------------------------------------------------------
        {"gcs.cors.none", E, fixed, kCors, "", EIC_GCS_CORS,
         "The bucket has no CORS configuration. The XML API, where signed URLs go, then answers no request from "
         "another origin, so the browser withholds every answer from eic's page. The fix is a configuration for "
         "the page's origin, applied with `gcloud storage buckets update gs://BUCKET --cors-file=cors.json`."},
        {"gcs.cors.origin", E, fixed, kCors, "", EIC_GCS_CORS "; " EIC_GCS_CORS_ORDER,
         "No rule of the bucket's CORS configuration names the page's origin (or `*`). GCS adds no CORS headers "
         "for it, and the browser withholds every answer. The fix puts a rule for the origin first and keeps the "
         "existing rules after it."},
        {"gcs.cors.method", E, fixed, kCors, "", EIC_GCS_CORS_ORDER,
         "A rule names the page's origin, but no rule for it allows a method eic needs (`GET` and `HEAD`, and "
         "`PUT` and `POST` to upload). GCS matches origin and method together, so those requests get no CORS "
         "headers."},
        {"gcs.cors.header", W, fixed, kCors, "",
         EIC_GCS_CORS_ORDER "; https://fetch.spec.whatwg.org/#cors-safelisted-response-header-name",
         "The requests are allowed, but the rule GCS applies (the first that matches the origin and method) does "
         "not list a header eic reads or sends in `responseHeader`. The browser then hides it, and the message "
         "says what degrades: without `Date`, for example, there is no clock-skew warning. Only the CORS-safelisted "
         "response headers (Content-Length, Content-Type, Last-Modified...) are readable without being listed."},
        {"gcs.cors.refused", E, fixed, kCors, "",
         EIC_GCS_CORS "; https://fetch.spec.whatwg.org/#concept-filtered-response-opaque",
         "The page's signed `HEAD` got no readable answer, while a `no-cors` request of the same URL reached GCS "
         "(or the browser reported a CORS refusal). The bucket's CORS configuration does not allow the page's "
         "origin with `HEAD`, or there is none. Reading the configuration with an access token tells which."},
        {"gcs.cors.unknown", W, fixed, kCors, "", "",
         "The doctor cannot tell. Either the page's Content-Security-Policy blocked the request, the network "
         "failed for the `no-cors` request too (not CORS), nothing was observed, or the configuration allows the "
         "page while its request was still refused. The message says which."},
        {"gcs.cors.config", E, fixed, kCors, "",
         "https://cloud.google.com/storage/docs/gsutil/commands/cors; "
         "https://cloud.google.com/storage/docs/json_api/v1/buckets (`cors`)",
         "The text is not a CORS configuration. A configuration is a JSON array of rules, each an object whose "
         "`origin`, `method` and `responseHeader` are arrays of strings and whose `maxAgeSeconds` is a whole "
         "number. The pointer names the value at fault."},
        {"gcs.cors.rule", W, fixed, kCors, "",
         EIC_GCS_CORS_ORDER "; https://html.spec.whatwg.org/multipage/browsers.html#ascii-serialisation-of-an-origin",
         "A rule, or a value in it, matches no browser's request. The rule may lack `origin` or `method`. An origin "
         "may have a path or trailing `/`, upper case, or a `*` inside a host (GCS documents `*` only as a whole "
         "value). The methods may list `OPTIONS`, which GCS answers itself. Browsers send origins as "
         "`SCHEME://HOST[:PORT]`, in lower case, with no path."},

        // ---- Media metadata -----------------------------------------------------------------------
        {"media.object.missing", E, fixed, kMedia, "",
         "https://cloud.google.com/storage/docs/xml-api/get-object-download; " EIC_GCS_XML_STATUS " (404)",
         "GCS answered the signed ranged `GET` with 404 Not Found: no object has this name in the bucket, so "
         "there is no metadata to read." EIC_FILL_BY_HAND},
        {"media.object.forbidden", E, fixed, kMedia, "", EIC_GCS_XML_STATUS " (401, 403)",
         "GCS refused the ranged `GET` (401 or 403): the service account that signs lacks `storage.objects.get` "
         "on the bucket. The message quotes GCS's reason when it sent one." EIC_FILL_BY_HAND},
        {"media.object.blocked", W, fixed, kMedia, "",
         "https://cloud.google.com/storage/docs/cross-origin; https://fetch.spec.whatwg.org/#concept-network-error",
         "The browser got no answer it may show: the bucket's CORS configuration does not allow this origin and "
         "`GET`, the page's Content-Security-Policy blocked the request, or the network failed. (A single-range "
         "`Range` header needs no preflight.)" EIC_FILL_BY_HAND},
        {"media.object.timeout", W, fixed, kMedia, "", "https://cloud.google.com/storage/docs/retry-strategy",
         "No answer came in time, on every attempt; try again later." EIC_FILL_BY_HAND},
        {"media.object.read-failed", W, fixed, kMedia, "",
         "https://cloud.google.com/storage/docs/retry-strategy; " EIC_GCS_XML_STATUS,
         "The read ended without the bytes asked for: GCS answered 429 or 5xx on every attempt (the message "
         "counts them), answered with another status or other bytes than asked for, or the request could not be "
         "signed." EIC_FILL_BY_HAND},
        {"media.object.not-checkable", W, fixed, kMedia, "", "https://url.spec.whatwg.org/#path-state",
         "The URL cannot be read: it is not a GCS URL, it is malformed, or the object name has a `.` or `..` "
         "segment, which a browser's URL parser removes." EIC_FILL_BY_HAND},
        {"media.header.not-recognised", W, fixed, kMedia, "",
         "ITU-T T.81; https://www.w3.org/TR/png-3/; RFC 9649; GIF89a; TIFF 6.0; ISO/IEC 14496-12; Apple QTFF",
         "The object's first bytes are none of the formats eic reads for the item's kind: JPEG, PNG, WebP, GIF, "
         "BMP or TIFF for `images`; MP4 or QuickTime (with a video track) for `videos`. It may be another "
         "format, or a file of the other kind (a video listed under `images`)." EIC_FILL_BY_HAND},
        {"media.header.unsupported", W, fixed, kMedia, "", "TIFF 6.0; ITU-T T.81 B.2.5; ISO/IEC 14496-12 §8.8",
         "The format is known but this variant is not read: BigTIFF, a JPEG whose height comes in a DNL segment, "
         "Apple's CgBI PNG, a fragmented MP4 (frames in movie fragments), or a moov box of size 0 when the "
         "object's size is unknown." EIC_FILL_BY_HAND},
        {"media.header.malformed", W, fixed, kMedia, "",
         "ITU-T T.81 B.2.2; https://www.w3.org/TR/png-3/#11IHDR; ISO/IEC 14496-12 §4.2",
         "The header breaks its format's rules: a segment or box size that points past the end of the object or "
         "of its container, a size of 0, a missing IHDR or movie header, a video track without samples, or an "
         "object that ends inside its header. The message says where." EIC_FILL_BY_HAND},
        {"media.header.too-large", W, fixed, kMedia, "", "",
         "The header lies beyond what eic reads of one object: for images, more than 3 follow-up reads or 1 MiB in "
         "all; for videos, more than 6 follow-ups or a moov box over 8 MiB (a long movie's sample tables). eic "
         "never reads a whole object." EIC_FILL_BY_HAND},
        {"media.header.size-unknown", W, fixed, kMedia, "",
         "RFC 9110 §14.4 (Content-Range); https://fetch.spec.whatwg.org/#cors-safelisted-response-header-name",
         "The header was read but not the object's size (`file_size`): in a browser, `Content-Range` is readable "
         "only when the bucket's CORS configuration lists it in `responseHeader`. Add it there, or check the "
         "objects first (a `HEAD` gives the size)." EIC_FILL_BY_HAND},
        {"media.orientation.quarter-turn", I, fixed, kMedia, "",
         "JEITA CP-3451 (Exif, Orientation 5-8); https://www.w3.org/TR/css-images-3/#the-image-orientation; "
         "ISO/IEC 14496-12 §8.3.2 (tkhd matrix)",
         "The file asks to be shown a quarter turn from how it is stored (an Exif Orientation of 5 to 8, a video "
         "track matrix of 90 or 270 degrees), so a browser shows it with width and height swapped. eic writes the "
         "stored size, which the format header states and `ffmpeg -i` prints; no Encord source says which of the "
         "two Encord expects. Swap them by hand if Encord should see the shown size."},
        {"media.object.range-ignored", I, fixed, kMedia, "", "RFC 9110 §14.2",
         "The server answered a range request with the whole object (200, which RFC 9110 allows); eic kept only "
         "the bytes it asked for. The metadata was read; the transfer was larger than needed."},
    };
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

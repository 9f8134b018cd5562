// docs/diagnostics.md, rendered from the registry (codes.cpp). scripts/gen-docs writes the file with
// `eic docs diagnostics`; a test fails when the committed file differs from diagnostics_markdown().
#include <string>
#include <vector>

#include "diag/codes.hpp"

namespace eic::diag {
namespace {

constexpr const char* kTitle = "# Diagnostics";

constexpr const char* kIntro =
    "Every finding eic reports has a stable `code`, a `severity` (`error`, `warning` or `info`), a message\n"
    "that says what is wrong and what to do, and a place: `line` and `column` (1-based, column in\n"
    "characters) plus a JSON `pointer`, or a CSV `row` and `field`. Codes never change meaning; a new\n"
    "meaning gets a new code. The CLI prints them as text (`FILE:LINE:COL: error CODE: message`), as JSON\n"
    "(`--output json`) or as SARIF 2.1.0 (`--output sarif`); see `core/diag/report.hpp`.\n"
    "\n"
    "Exit codes of the CLI: 0 when there is no error, 1 when there is at least one error (for `schema diff`:\n"
    "when the schemas differ), 2 for a usage or I/O problem.\n"
    "\n"
    "Each table gives a code's default severity, the source of its rule and its meaning. A false error on a\n"
    "file Encord accepts is the worst defect a validator can have, so every error names its source: Encord's\n"
    "GCP import guide (docs.encord.com, import GCP data), another page of Encord's docs, a file of Encord's\n"
    "Python SDK (`encord-team/encord-client-python`, e.g. `encord/orm/storage.py`), a standard (RFC 8259,\n"
    "RFC 4180, RFC 3986) or Google's GCS naming docs; for eic's own file formats and outputs, the file of\n"
    "this repository that defines them. A rule no source states is a warning or info (Source: none); an\n"
    "error listed with Source: none is a known gap, still to be sourced or made a warning.\n"
    "\"error or warning\" means the context picks the severity, as the meaning says.\n"
    "\n"
    "This file is generated from the registry in `core/diag/codes.cpp` by `scripts/gen-docs`\n"
    "(`eic docs diagnostics`); edit the registry, not this file.";

}  // namespace

const std::vector<DocSection>& doc_sections() {
    static const std::vector<DocSection> sections = {
        {"Schema", "",
         "Findings about custom metadata schemas: wire maps (what Encord's `client-metadata-schema-v2`\n"
         "returns and accepts, `encord/metadata_schema.py` in Encord's SDK) and schema drafts\n"
         "(`*.eic-schema.json`, defined in `core/schema/draft.hpp`). A file that is not valid JSON gets the JSON\n"
         "reader's own codes (`json.*`). A wire map is what Encord already holds, so whatever the SDK can save\n"
         "is never an error in a wire map or in a draft's base schema, only a warning; keys a draft adds follow\n"
         "Encord's documentation (Encord's GCP import guide, the metadata schema pages). An error about a key the\n"
         "draft leaves unchanged from its base is therefore reported as a warning."},
        {"Schema", "Key names", ""},
        {"Schema", "Key life cycle", ""},
        {"Schema", "Types", ""},
        {"Schema", "Enums", ""},
        {"Schema", "Embeddings", ""},
        {"Schema", "Wire maps", ""},
        {"Schema", "Draft files", ""},
        {"Schema", "Plans (diff and push)", ""},
        {"Conversion, split and inference", "",
         "Findings of `eic convert`, `eic split` and `eic infer-schema` (and the JS API's `convertManifest`,\n"
         "`splitManifest`, `inferSchema`). These commands read a manifest leniently into a model\n"
         "(`core/manifest/load.hpp`): they keep what they can, report what they had to drop, and leave checking\n"
         "against Encord's rules to `eic validate`. Whenever something would be lost, nothing is written (exit 1).\n"
         "JSON syntax errors carry the JSON reader's own codes (`json.*`)."},
        {"Conversion, split and inference", "CSV reading",
         "The CSV tokenizer (`core/csv/reader.hpp`) is shared with the validator. `row` is the data row (1 is the\n"
         "first line after the header), `field` the column name from the header; `line` and `column` are where the\n"
         "problem starts in the file. Column names are in `docs/manifest-csv.md`. Encord's GCP import guide: the\n"
         "column headers specify the data type, a CSV file may hold one data type or several, and a file whose\n"
         "only column is `ObjectUrl` is a request for video upload."},
        {"Conversion, split and inference", "JSON reading", ""},
        {"Conversion, split and inference", "Conversion to CSV",
         "CSV holds object URLs and titles only. Each refusal names the item (`collection`, `item`, a JSON\n"
         "`pointer` and the item's line and column)."},
        {"Conversion, split and inference", "Split", ""},
        {"Conversion, split and inference", "Schema inference",
         "Places point at the item whose `clientMetadata` holds the key (`pointer` ends in `/clientMetadata/KEY`).\n"
         "Thresholds are in `docs/manifest-csv.md` (\"Schema inference\")."},
        {"JSON syntax", "",
         "Every JSON file eic reads (manifests, schema files) goes through one strict RFC 8259 reader\n"
         "(`core/json/reader.hpp`). It stops at the first syntax error, which is reported at the offending byte\n"
         "with these codes; findings made before that point are still reported. `eic validate` counts a syntax\n"
         "error as an error finding (exit 1), not as an I/O problem."},
        {"Manifest", "",
         "Findings of `eic validate` (and the JS API's `validateManifest`) about import manifests: Encord's JSON\n"
         "file form and CSV manifests (Encord's GCP import guide;\n"
         "https://docs.encord.com/platform-documentation/Index/add-files/index-register-cloud-data; the SDK's\n"
         "`encord/orm/storage.py`; GCS naming: https://cloud.google.com/storage/docs/naming-objects and\n"
         "https://cloud.google.com/storage/docs/naming-buckets). Every finding has a place: `line` and `column` of\n"
         "the value, and for JSON a `pointer` (`/images/3/clientMetadata/score`), for CSV the data `row` and the\n"
         "column name in `field` (pointer null); `collection` and 0-based `item` name the item. The validator\n"
         "never stops at the first finding. `--max-diagnostics N` (default 1000, 0 = all) bounds the list; the\n"
         "summary still counts every finding, and `suppressed` counts the unlisted ones per code.\n"
         "\n"
         "The summary (`--output json`): `file`, `format` (`json`/`csv`), `bytes`, `items`, `urls`,\n"
         "`collections` (items per collection), `errors`, `warnings`, `infos`, `ms`, `batches` (how many batches a\n"
         "split under the recommended profile makes: 100 videos, 1,000 other items, 2 GB of stated media size),\n"
         "`suppressed` and `cancelled`."},
        {"Manifest", "Structure", ""},
        {"Manifest", "URLs and names",
         "URL forms: `https://storage.cloud.google.com/BUCKET/OBJECT` is the form Encord documents for GCS.\n"
         "`gs://BUCKET/OBJECT` and `https://storage.googleapis.com/BUCKET/OBJECT` are accepted with a note; any\n"
         "other `https://` URL (another cloud, a pre-signed URL) is accepted with the generic rules only (whitespace,\n"
         "length, escapes, dot segments, file name). For the GCS forms the object name is percent-decoded (not\n"
         "for `gs://`) and checked against GCS's rules; bucket rules are reported once per bucket."},
        {"Manifest", "clientMetadata against the schema",
         "With `--schema` (a wire map or a draft), each `clientMetadata` key is looked up. Tombstoned and unknown\n"
         "keys are reported once per key (the first use). `keyframes` is checked with or without a schema.\n"
         "Geospatial values have the shape of the SDK's `GeospatialCoordinates`, `{\"latitude\": -90..90,\n"
         "\"longitude\": -180..180}`; Encord's docs do not document another form, so `{\"lat\",\"lng\"}` and GeoJSON "
         "are\n"
         "reported as `geo-shape`."},
        {"Manifest", "Media metadata and strict client-only access",
         "`videoMetadata`, `imageMetadata`, `audioMetadata` (and `textMetadata`, `pdfMetadata` for the structured\n"
         "collections) have the SDK's fields (`encord/orm/storage.py`), all required inside the object. Names are\n"
         "accepted in snake_case (the file form: `file_size`, `mime_type`) and camelCase (the structured form:\n"
         "`fileSize`, `mimeType`)."},
        {"Manifest", "Limits",
         "The figures are in one table, `core/manifest/limits.hpp`. Per file, always: 1,000,000 URLs, 500,000\n"
         "items, CSV 10,000 rows (Encord's GCP import guide: \"Encord supports up to 10,000 entries for upload in\n"
         "the CSV file\"). With `--plan`, Encord's best-practices table\n"
         "(https://docs.encord.com/platform-documentation/General/best-practices): JSON file size (100 MB / 100 MB /\n"
         "10 MB), entries at one time (10,000 / 2,500 / 1,000), media file size from `file_size` (1 GB / 1 GB /\n"
         "25 MB), 4K resolution (read as 4096x2160 either way) and 200,000 frames per video (`fps` x `duration`)."},
        {"Signed URLs", "",
         "Findings of `eic sign-url` (and of the core's V4 signing, `core/gcs/v4_signing.hpp`) when a V4 signed\n"
         "URL (GOOG4-RSA-SHA256) cannot be made: the request or the service-account key file is at fault.\n"
         "Signing follows https://cloud.google.com/storage/docs/authentication/canonical-requests and\n"
         "https://cloud.google.com/storage/docs/authentication/signatures, and is checked against Google's\n"
         "published conformance vectors (`tests/data/gcs-v4/`). `eic sign-url` prints each finding as\n"
         "`eic sign-url: error CODE: message` (findings about the key file start with its path) and exits 2."},
        {"Object checks", "",
         "Findings of the object check (`core/gcs/object_check.hpp`): every object a manifest names is probed with\n"
         "a V4 signed `HEAD` on the XML API host, `https://storage.googleapis.com/BUCKET/OBJECT`, whatever form the\n"
         "manifest uses (`storage.cloud.google.com` never answers cross-origin requests), or, with an OAuth access\n"
         "token and no key, with the JSON API's objects.get (`/storage/v1/b/BUCKET/o/OBJECT`). A finding sits on\n"
         "the manifest row of the URL; `gcs.clock.skew` is about the whole check."},
        {"Bucket CORS", "",
         "Findings of the CORS doctor (`core/gcs/cors_doctor.hpp`). From a browser page, signed URLs go to GCS's XML\n"
         "API, which answers another origin only as the bucket's CORS configuration allows\n"
         "(https://cloud.google.com/storage/docs/cross-origin); the JSON API, used with an access token, answers\n"
         "every origin. The doctor reads what the page observed: its own signed `HEAD`, a `no-cors` request of the\n"
         "same URL, and the configuration when an access token can read it (`GET /storage/v1/b/BUCKET?fields=cors`).\n"
         "It evaluates the configuration as GCS does: rules in order, and the first whose origin and method match\n"
         "the request decides. Each finding carries a fix: the configuration to apply, eic's rule first with the\n"
         "bucket's own rules kept after it, and the `gcloud storage buckets update` command that applies it."},
        {"Media metadata", "",
         "Findings of media metadata reading (`core/gcs/media_probe.hpp`), which fills `imageMetadata` and\n"
         "`videoMetadata` for strict client-only access: the start of each object is read with signed `GET`s of\n"
         "byte ranges (64 KiB first; a few capped follow-ups, never the whole object) and its header is parsed\n"
         "(JPEG, PNG, WebP, GIF, BMP, TIFF; MP4 and QuickTime). An item whose metadata could not be read gets a\n"
         "finding on its row and no metadata object: never a half-filled one. What is written, and in which\n"
         "spelling, is in `docs/media-metadata.md`."},
        {"Encord request signing", "",
         "Findings of `eic sign-request` (and of the core's Encord signing, `core/encord/openssh_key.hpp` and\n"
         "`core/encord/request_signing.hpp`). Encord's v2 API takes requests signed with an Ed25519 key in OpenSSH\n"
         "format, as its Python SDK signs them (`encord/http/v2/request_signer.py`): `Content-Digest`,\n"
         "`Signature-Input` and `Signature` headers over the method, the path and query, and the body's SHA-256.\n"
         "Signing is checked against vectors computed independently with node's crypto module\n"
         "(`tests/data/encord-signing/`). `eic sign-request` prints each finding as `FILE: error CODE: message`\n"
         "(the key file's path, or `eic sign-request` for the request) and exits 2. No message quotes key bytes."},
        {"Encord request signing", "Keys", ""},
        {"Encord request signing", "Requests", ""},
        {"Encord API", "",
         "Findings of calls to Encord's v2 API (`core/encord/`): the custom metadata schema, cloud integrations,\n"
         "folders and upload jobs, built and read as Encord's Python SDK does (`encord-team/encord-client-python`).\n"
         "Requests are sent again as the SDK's urllib3 policy does (413, 429, 500, 502, 503 and lost answers; 3\n"
         "retries after 0, 3 and 6 s, or `Retry-After`), except creating a folder and starting an upload job, which\n"
         "are never sent twice. Each finding's message is the SDK's text for the answer, with Encord's own words."},
        {"Encord API", "Answers", ""},
        {"Encord API", "No answer",
         "Without an answer (status 0) the browser says little; eic tells apart what the platform reports."},
        {"Encord API", "Upload batches",
         "A manifest is sent as batches (`core/encord/upload_plan.hpp`): the items and JSON bytes of a limits profile\n"
         "(`core/manifest/limits.hpp`) and 2 GB of media per batch by default (Encord's best practices,\n"
         "https://docs.encord.com/platform-documentation/General/best-practices). Unit errors of a job are traced\n"
         "back to the items of its batch by object URL; they carry the item's `pointer`, `line` and `column`."},
    };
    return sections;
}

namespace {

std::string severity_label(const CodeInfo& c) {
    std::string s = severity_name(c.severity);
    if (c.severity_varies) s += c.severity == Severity::error ? " or warning" : " or error";
    return s;
}

// The table of one (sub)section, without its final line break; empty when it has no codes.
std::string table(const std::string& section, const std::string& subsection) {
    std::string out;
    for (const CodeInfo& c : all_codes()) {
        if (section != c.section || subsection != c.subsection) continue;
        if (out.empty()) out = "| Code | Severity | Source | Meaning |\n|---|---|---|---|";
        out += "\n| `";
        out += c.code;
        out += "` | ";
        out += severity_label(c);
        out += " | ";
        out += *c.source ? c.source : "none";
        out += " | ";
        out += c.explanation;
        out += " |";
    }
    return out;
}

}  // namespace

// Blocks (the title, paragraphs, headings, tables) are separated by one blank line.
std::string diagnostics_markdown() {
    std::vector<std::string> blocks = {kTitle, kIntro};
    for (const DocSection& s : doc_sections()) {
        blocks.push_back(*s.subsection ? std::string("### ") + s.subsection : std::string("## ") + s.section);
        if (*s.intro) blocks.push_back(s.intro);
        std::string t = table(s.section, s.subsection);
        if (!t.empty()) blocks.push_back(std::move(t));
    }
    std::string out;
    for (const auto& b : blocks) {
        if (!out.empty()) out += "\n\n";
        out += b;
    }
    out += "\n";
    return out;
}

}  // namespace eic::diag

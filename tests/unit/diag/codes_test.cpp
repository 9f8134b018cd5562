// The registry of diagnostic codes (core/diag/codes.hpp): docs/diagnostics.md is generated from it, every
// code the layers emit is registered, with its severity, and every error names a source.
#include "diag/codes.hpp"

#include <algorithm>
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "csv/reader.hpp"
#include "encord/signing_codes.hpp"
#include "gcs/cors_codes.hpp"
#include "gcs/media_probe_codes.hpp"
#include "gcs/names.hpp"
#include "gcs/object_check_codes.hpp"
#include "gcs/sign_codes.hpp"
#include "json/error.hpp"
#include "manifest/codes.hpp"
#include "manifest/infer.hpp"
#include "manifest/load.hpp"
#include "manifest/split.hpp"
#include "manifest/validate.hpp"
#include "manifest/write.hpp"
#include "schema/codes.hpp"
#include "schema/document.hpp"

using namespace eic;
using diag::CodeInfo;
using diag::find_code;

namespace {

std::string read_text(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return {};
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

// Every finding in `ds` is registered, with the registered severity unless the code's severity varies.
void check_registered(const Diagnostics& ds, const std::string& input) {
    for (const auto& d : ds) {
        INFO("input: " << input << "\ncode: " << d.code << "\nmessage: " << d.message);
        const CodeInfo* info = find_code(d.code);
        CHECK(info != nullptr);
        if (info && !info->severity_varies) {
            INFO("emitted " << severity_name(d.severity) << ", registered " << severity_name(info->severity));
            CHECK(d.severity == info->severity);
        }
    }
}

}  // namespace

TEST_CASE("docs/diagnostics.md is generated from the registry", "[diag][codes]") {
    const std::string path = std::string(EIC_TEST_DATA) + "/../../docs/diagnostics.md";
    const std::string committed = read_text(path);
    REQUIRE(!committed.empty());
    const std::string generated = diag::diagnostics_markdown();
    INFO("docs/diagnostics.md is stale: run scripts/gen-docs and commit the result");
    CHECK(committed == generated);
}

TEST_CASE("registered codes are unique, explained, and every fixed error has a source", "[diag][codes]") {
    std::set<std::string> seen;
    for (const CodeInfo& c : diag::all_codes()) {
        INFO(c.code);
        CHECK(seen.insert(c.code).second);
        CHECK(std::string(c.explanation).size() > 10);
        CHECK(std::string(c.section).size() > 0);
        if (c.severity == Severity::error && !c.severity_varies) CHECK(std::string(c.source).size() > 0);
        // A table cell cannot hold a bar or a line break; the repository cites public sources only.
        for (const std::string& text : {std::string(c.source), std::string(c.explanation)}) {
            CHECK(text.find('|') == std::string::npos);
            CHECK(text.find('\n') == std::string::npos);
            CHECK(text.find("reference/") == std::string::npos);
            CHECK(text.find("shared/") == std::string::npos);
        }
        // Each code sits in a documented section.
        bool placed = false;
        for (const auto& s : diag::doc_sections())
            placed = placed || (std::string(s.section) == c.section && std::string(s.subsection) == c.subsection);
        CHECK(placed);
        CHECK(find_code(c.code) == &c);
    }
    CHECK(find_code("no.such-code") == nullptr);
    // Removed on purpose: several title columns are allowed (Encord's GCP import guide).
    CHECK(find_code("csv.column.conflict") == nullptr);
    const std::string doc = diag::diagnostics_markdown();
    CHECK(doc.find("reference/") == std::string::npos);
    CHECK(doc.find("stricter of the two") == std::string::npos);
    // Every subsection has a table.
    for (const auto& s : diag::doc_sections()) {
        if (!*s.subsection) continue;
        bool any = false;
        for (const CodeInfo& c : diag::all_codes())
            any = any || (std::string(s.section) == c.section && std::string(s.subsection) == c.subsection);
        INFO(s.subsection);
        CHECK(any);
    }
}

TEST_CASE("every code constant of the layers is registered", "[diag][codes]") {
    std::vector<std::string> codes;
    for (const char* c : schema::code::all()) codes.push_back(c);
    for (const char* c : manifest::code::all()) codes.push_back(c);
    for (const char* c : gcs::sign_code::all()) codes.push_back(c);
    for (const char* c : gcs::check_code::all()) codes.push_back(c);
    for (const char* c : gcs::cors_code::all()) codes.push_back(c);
    for (const char* c : gcs::media_code::all()) codes.push_back(c);
    for (const char* c : encord::signing_code::all()) codes.push_back(c);
    namespace lc = manifest::load_code;
    for (const char* c :
         {lc::top_level, lc::collection, lc::item, lc::field_type, lc::url_index, lc::duplicate_key, lc::number})
        codes.push_back(c);
    namespace vc = manifest::csv_code;
    for (const char* c :
         {vc::no_url_column, vc::duplicate_column, vc::column_spelling, vc::unknown_column, vc::create_video,
          vc::empty_url, vc::group_title, vc::row_ambiguous, vc::row_missing, vc::video_expected})
        codes.push_back(c);
    for (int e = int(json::Errc::syntax); e <= int(json::Errc::not_integer); ++e)
        codes.push_back(json::errc_code(json::Errc(e)));
    namespace cc = csv::code;
    for (const char* c :
         {cc::unterminated_quote, cc::stray_quote, cc::after_quote, cc::ragged_row, cc::invalid_utf8, cc::empty})
        codes.push_back(c);
    namespace wc = manifest::write_code;
    for (const char* c :
         {wc::csv_collection, wc::csv_client_metadata, wc::csv_media_metadata, wc::csv_unknown_field, wc::csv_top_level,
          wc::csv_no_url, wc::csv_group_title, wc::csv_duplicate_title, wc::csv_title_filled, wc::csv_entries})
        codes.push_back(c);
    for (const char* c : {manifest::split_code::item_too_large, manifest::split_code::empty}) codes.push_back(c);
    namespace ic = manifest::infer_code;
    for (const char* c : {ic::conflict, ic::embedding_size, ic::unsupported, ic::key_name, ic::not_object,
                          ic::only_null, ic::no_metadata})
        codes.push_back(c);
    for (const auto& code : codes) {
        INFO(code);
        CHECK(find_code(code) != nullptr);
    }
}

TEST_CASE("GCS name issues are registered with their severity", "[diag][codes]") {
    std::vector<gcs::NameIssue> issues;
    const std::vector<std::string> buckets = {"Ab",        "-a-",   "192.168.1.1",       "goog-x",
                                              "my_bucket", "a.b.c", std::string(64, 'a')};
    for (const auto& bucket : buckets)
        for (auto& i : gcs::check_bucket_name(bucket)) issues.push_back(std::move(i));
    for (const char* object : {"", "a\nb", ".", ".well-known/acme-challenge/x", "a\xc2\x80", "a#1", "a*"})
        for (auto& i : gcs::check_object_name(object)) issues.push_back(std::move(i));
    for (const auto& i : gcs::check_object_name(std::string("\xff"))) issues.push_back(i);
    REQUIRE(issues.size() >= 10);
    for (const auto& i : issues) {
        INFO(i.code);
        const CodeInfo* info = find_code(i.code);
        REQUIRE(info != nullptr);
        if (!info->severity_varies) CHECK((i.error ? Severity::error : Severity::warning) == info->severity);
    }
}

TEST_CASE("the validator emits only registered codes, with their registered severity", "[diag][codes]") {
    const std::string data = EIC_TEST_DATA;
    manifest::ValidateOptions with_schema;
    {
        auto load = schema::load_schema_text(read_text(data + "/manifest/schema.json"));
        REQUIRE(load.file);
        with_schema.schema = load.file->draft.schema;
    }
    manifest::ValidateOptions strict = with_schema;
    strict.strict_client_only = true;
    strict.plan = manifest::Plan::free;
    strict.max_diagnostics = 0;

    // Every manifest under tests/data (the schema file aside). Named here so the test reads files the way
    // the others do, under node too; natively, a new fixture not named here fails the test.
    const std::vector<std::string> names = {
        "/manifest/clean.json",     "/manifest/errors.json",   "/manifest/errors.csv",
        "/manifest/truncated.json", "/manifest/warnings.json", "/manifest/mixed.csv",
        "/csv/image_groups.csv",    "/csv/images.csv",         "/csv/videos_bom.csv"};
    std::vector<std::string> files;
    for (const auto& n : names) files.push_back(data + n);
#ifndef __EMSCRIPTEN__
    for (const char* dir : {"/manifest", "/csv"})
        for (const auto& entry : std::filesystem::directory_iterator(data + dir)) {
            const std::string name = std::string(dir) + "/" + entry.path().filename().string();
            if (name == "/manifest/schema.json") continue;
            INFO("a fixture the registry test does not validate: " << name);
            CHECK(std::find(names.begin(), names.end(), name) != names.end());
        }
#endif
    std::set<std::string> emitted;
    for (const auto& f : files) {
        const std::string bytes = read_text(f);
        INFO(f);
        REQUIRE(!bytes.empty());
        for (const auto* o : {&with_schema, &strict}) {
            manifest::ValidateOptions opt = *o;
            if (f.substr(f.size() - 4) == ".csv") opt.format = manifest::InputFormat::csv;
            auto r = manifest::validate_manifest(bytes, opt);
            check_registered(r.diagnostics, f);
            for (const auto& d : r.diagnostics) emitted.insert(d.code);
        }
    }

    // Inline inputs for codes the data files do not reach.
    const std::vector<std::pair<std::string, std::string>> inputs = {
        {"json", "[]"},
        {"json", "{\"images\": [{\"objectUrl\": \"gs://b/a.jpg\"}], \"images\": []}"},
        {"json",
         "{\"imagez\": [], \"image_groups\": [{\"objectUrl_0\": \"gs://b/0.jpg\", \"objectUrl_2\": "
         "\"gs://b/2.jpg\", \"objectUrl_01\": \"gs://b/1.jpg\"}, {\"title\": \"g\"}]}"},
        {"json",
         "{\"videos\": [{\"objectUrl\": \"ftp://b/%zz/../v.mp4\", \"videoMetadata\": {\"fps\": 0, "
         "\"duration\": -1, \"width\": 0, \"height\": 1, \"file_size\": 1, \"mime_type\": \"text/plain\"}}]}"},
        {"json",
         "{\"images\": [{\"objectUrl\": \"https://storage.cloud.google.com/Bad_Bucket/a b?.jpg\"}, "
         "{\"objectUrl\": \"\"}, {}, 7, {\"objectUrl\": \"gs://bucket-ok/dir/\"}]}"},
        {"json", "{\"images\": [{\"objectUrl\": \"gs://b/a.jpg\""},
        {"json", "{\"skip_duplicate_urls\": 1, \"text\": [], \"upsert_metadata\": true}"},
        {"csv", "ObjectUrl,ObjectUrl\ngs://b/a.mp4,gs://b/b.mp4\n"},
        {"csv", "ObjectUrl,Image group title\ngs://b/a.jpg,\n"},
        {"csv", "ObjectUrl,Image title,Video title\ngs://b/a.jpg,a,\n"},
        {"csv", "Title\nx\n"},
        {"csv", "ObjectUrl\n\"gs://b/a.mp4\n"},
    };
    for (const auto& [format, text] : inputs) {
        for (const auto* o : {&with_schema, &strict}) {
            manifest::ValidateOptions opt = *o;
            opt.format = format == "csv" ? manifest::InputFormat::csv : manifest::InputFormat::json;
            auto r = manifest::validate_manifest(text, opt);
            check_registered(r.diagnostics, text);
            for (const auto& d : r.diagnostics) emitted.insert(d.code);
        }
    }
    // The inputs reach a good part of the registry (a guard against inputs that silently stop working).
    CHECK(emitted.size() >= 40);
}

TEST_CASE("loading, conversion and inference emit only registered codes", "[diag][codes]") {
    const std::string data = EIC_TEST_DATA;
    for (const char* name : {"/manifest/errors.json", "/manifest/warnings.json", "/manifest/clean.json",
                             "/manifest/errors.csv", "/csv/image_groups.csv", "/csv/images.csv"}) {
        const std::string path = data + name;
        const std::string bytes = read_text(path);
        REQUIRE(!bytes.empty());
        auto loaded = manifest::load(bytes, manifest::detect_format(bytes, path));
        check_registered(loaded.diagnostics, path);
        if (loaded.manifest) check_registered(manifest::write_csv(*loaded.manifest).diagnostics, path);
        check_registered(manifest::infer_schema(bytes).diagnostics, path);
    }
}

TEST_CASE("registry texts read as plain text in the canvas", "[diag][codes]") {
    CHECK(eic::diag::plain_text("The key starts with `$`, **never** allowed.") ==
          "The key starts with $, never allowed.");
    CHECK(eic::diag::plain_text("") == "");
    CHECK(eic::diag::plain_text("a * b") == "a * b");
}

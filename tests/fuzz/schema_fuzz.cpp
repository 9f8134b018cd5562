// Fuzzes schema files as a user's file or Encord's answer reaches eic (`eic schema check`, `eic schema diff`,
// `eic validate --schema`, the Schema panel): the draft codec (core/schema/draft.hpp) and the wire codec
// (core/schema/wire.hpp) behind load_schema_text (core/schema/document.hpp), the rule checks, the diff
// report (core/schema/diff_report.hpp), and the app's open/save cycle (core/app/schema_document.hpp).
// Invariants: a file the Schema panel opens saves as a draft that opens again without errors and saves to
// the same text; its plain wire map likewise; a wire map written from a schema reads back to that schema.
#include <cstddef>
#include <cstdint>
#include <string>

#include "app/schema_document.hpp"
#include "diag/report.hpp"
#include "fuzz_support.hpp"
#include "schema/diff_report.hpp"
#include "schema/document.hpp"
#include "schema/wire.hpp"

using eic::fuzz::check;
namespace s = eic::schema;

namespace {

// tests/data/schema/remote.json: a small map Encord might hold.
constexpr const char* kRemote = R"({
  "fps": {"ty": "variant", "hint": "text"},
  "tags": {"ty": "enum", "values": ["a", "b"]},
  "tmp": {"ty": "geospatial"}
})";

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view in = eic::fuzz::text(data, size);

    const s::SchemaLoad load = s::load_schema_text(in);
    eic::report::dump(eic::report::diagnostics_json(load.diagnostics));
    if (load.file) {
        s::check_schema_file(*load.file, s::Target::index);
        s::check_schema_file(*load.file, s::Target::active);
        const eic::schema::WireRead wire = s::read_wire(s::write_wire(load.file->draft.schema));
        check(wire.broken_keys.empty() && !eic::has_error(wire.diagnostics));
        check(wire.schema == load.file->draft.schema);
    }

    eic::report::dump(s::diff_json(s::diff_schemas({"remote.json", kRemote}, {"draft", in}, std::nullopt)));
    eic::report::dump(s::diff_json(s::diff_schemas({"draft", in}, {"remote.json", kRemote}, std::nullopt)));

    eic::app::SchemaDocument doc;
    if (eic::has_error(doc.open(in, "draft.eic-schema.json"))) return 0;
    doc.check();
    const std::string saved = doc.draft_text();
    eic::app::SchemaDocument reopened;
    check(!eic::has_error(reopened.open(saved, "draft.eic-schema.json")));
    check(reopened.draft_text() == saved);

    const std::string wire_text = doc.wire_text();
    eic::app::SchemaDocument from_wire;
    check(!eic::has_error(from_wire.open(wire_text, "remote.json")));
    check(from_wire.wire_text() == wire_text);
    return 0;
}

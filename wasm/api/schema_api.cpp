// Schema functions of the headless JS API (prefix eic_schema_). Inputs are UTF-8 bytes with lengths;
// results are JSON, valid until the next call of the same function.
#include <emscripten/emscripten.h>

#include <optional>
#include <string>

#include "diag/report.hpp"
#include "schema/diff_report.hpp"

namespace {
std::string g_diff;
}

extern "C" {

// What pushing B to an Encord that has A would change; C (nullable) is the base. The same JSON as
// `eic schema diff --output json`, plus "differs".
EMSCRIPTEN_KEEPALIVE const char* eic_schema_diff(const char* a, int a_len, const char* b, int b_len, const char* c,
                                                 int c_len) {
    std::optional<eic::schema::DiffInput> base;
    if (c) base = eic::schema::DiffInput{"C", std::string_view(c, c_len > 0 ? c_len : 0)};
    const auto d = eic::schema::diff_schemas({"A", std::string_view(a, a_len > 0 ? a_len : 0)},
                                             {"B", std::string_view(b, b_len > 0 ? b_len : 0)}, base);
    auto json = eic::schema::diff_json(d);
    json["differs"] = d.differs;
    g_diff = eic::report::dump(json, -1);
    return g_diff.c_str();
}

}  // extern "C"

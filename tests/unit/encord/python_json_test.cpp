// JSON written as Python's json.dumps writes it (core/encord/python_json.hpp); expected texts are
// Python 3.11's output.
#include "encord/python_json.hpp"

#include <catch2/catch.hpp>

using namespace eic::encord;
using Json = nlohmann::ordered_json;

TEST_CASE("python_json: separators, member order, ensure_ascii escapes", "[encord-api]") {
    const Json v = Json::parse(R"({"z": 1, "a": [true, false, null, -7, 18446744073709551615], "e": {}, "l": []})");
    CHECK(python_json(v) == R"({"z": 1, "a": [true, false, null, -7, 18446744073709551615], "e": {}, "l": []})");
    // json.dumps({"name": "n", "description": "d\n\x7f😀\\/"}) (the SDK's folder create body).
    Json folder = Json::object();
    folder["name"] = "n";
    folder["description"] = "d\n\x7f\xF0\x9F\x98\x80\\/";
    CHECK(python_json(folder) == R"({"name": "n", "description": "d\n\u007f\ud83d\ude00\\/"})");
    CHECK(python_json(Json("Scans \xC3\xA9 \"2024\"\t\x01")) == R"("Scans \u00e9 \"2024\"\t\u0001")");
    // Bytes that are not UTF-8 cannot be in a Python str: U+FFFD.
    CHECK(python_json(Json(std::string("a\xFFz"))) == R"("a\ufffdz")");
}

TEST_CASE("python_float is repr()", "[encord-api]") {
    CHECK(python_float(1.5) == "1.5");
    CHECK(python_float(100.0) == "100.0");
    CHECK(python_float(1e15) == "1000000000000000.0");
    CHECK(python_float(1e16) == "1e+16");
    CHECK(python_float(1e-5) == "1e-05");
    CHECK(python_float(0.0001) == "0.0001");
    CHECK(python_float(123456789.125) == "123456789.125");
    CHECK(python_float(-0.0) == "-0.0");
    CHECK(python_float(0.0) == "0.0");
    CHECK(python_float(1.5e300) == "1.5e+300");
    CHECK(python_float(5e-324) == "5e-324");
    CHECK(python_float(-2.5e-7) == "-2.5e-07");
    CHECK(python_float(0.1) == "0.1");
    CHECK(python_json(Json::parse("[0.5, 1e20]")) == "[0.5, 1e+20]");
}

#include <catch2/catch.hpp>
#include <sstream>

#include "cli/commands.hpp"
#include "diag/codes.hpp"

using eic::cli::dispatch;

TEST_CASE("eic --help prints usage and exits 0", "[cli]") {
    std::ostringstream out, err;
    CHECK(dispatch({"--help"}, out, err) == 0);
    CHECK(out.str().find("usage: eic COMMAND") != std::string::npos);
    CHECK(err.str().empty());
}

TEST_CASE("eic with no command or an unknown one is a usage error", "[cli]") {
    std::ostringstream out, err;
    CHECK(dispatch({}, out, err) == 2);
    CHECK(err.str().find("usage:") != std::string::npos);
    std::ostringstream out2, err2;
    CHECK(dispatch({"frobnicate"}, out2, err2) == 2);
    CHECK(err2.str().find("unknown command 'frobnicate'") != std::string::npos);
}

TEST_CASE("eic docs diagnostics prints the generated docs/diagnostics.md", "[cli]") {
    std::ostringstream out, err;
    CHECK(dispatch({"docs", "diagnostics"}, out, err) == 0);
    CHECK(out.str() == eic::diag::diagnostics_markdown());
    CHECK(err.str().empty());
    std::ostringstream out2, err2;
    CHECK(dispatch({"docs"}, out2, err2) == 2);
    CHECK(err2.str().find("usage: eic docs diagnostics") != std::string::npos);
    std::ostringstream out3, err3;
    CHECK(dispatch({"docs", "readme"}, out3, err3) == 2);
    CHECK(err3.str().find("unknown document 'readme'") != std::string::npos);
}

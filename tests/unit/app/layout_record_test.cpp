#include "app/layout_record.hpp"

#include <catch2/catch.hpp>
#include <string>

using namespace eic::app;

TEST_CASE("the layout record round-trips panels, theme and ImGui's window settings", "[app][layout_record]") {
    LayoutRecord r;
    r.panels[1] = {true, true};
    r.panels[2] = {false, false};
    r.theme = "light";
    r.imgui_ini = "[Window][Manifest###manifest]\nPos=100,60\nSize=500,400\n";
    std::string error;
    const LayoutRecord back = read_layout(write_layout(r), error);
    CHECK(error.empty());
    CHECK(back.panels[0].open);
    CHECK_FALSE(back.panels[0].user_placed);
    CHECK(back.panels[1].user_placed);
    CHECK_FALSE(back.panels[2].open);
    CHECK(back.theme == "light");
    CHECK(back.imgui_ini == r.imgui_ini);
}

TEST_CASE("a layout record that is not what eic writes restores nothing and says why", "[app][layout_record]") {
    std::string error;
    read_layout("[]", error);
    CHECK(error == "the saved layout is not a JSON object");
    read_layout(R"({"theme": "dark"})", error);
    CHECK(error == "the saved layout has no panels");
    const LayoutRecord r = read_layout(R"({"panels": {"Log": {"open": "no", "userPlaced": false}}})", error);
    CHECK(error == "the saved layout has an unreadable entry for Log");
    CHECK(r.panels[2].open);  // the default
    read_layout(R"({"panels": {}, "imgui": 5})", error);
    CHECK(error == "the saved layout has window settings that are not text");
    // A panel it does not name keeps its default.
    const LayoutRecord partial = read_layout(R"({"panels": {"Log": {"open": false, "userPlaced": false}}})", error);
    CHECK(error.empty());
    CHECK(partial.panels[0].open);
    CHECK_FALSE(partial.panels[2].open);
}

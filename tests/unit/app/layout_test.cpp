#include "app/layout.hpp"

#include <catch2/catch.hpp>

using namespace eic::app;

static float right(const Rect& r) { return r.x + r.w; }
static float bottom(const Rect& r) { return r.y + r.h; }

TEST_CASE("the default layout tiles the whole area below the menu without overlap", "[app][layout]") {
    auto r = default_layout(1280, 800, 20);
    const auto& s = r[(int)Panel::schema];
    const auto& m = r[(int)Panel::manifest];
    const auto& l = r[(int)Panel::log];
    CHECK(s.x == 0);
    CHECK(s.y == 20);
    CHECK(right(s) == m.x);
    CHECK(right(m) == 1280);
    CHECK(bottom(s) == l.y);
    CHECK(bottom(l) == Approx(800));
    CHECK(l.w == 1280);
    CHECK(l.h >= 120);
    CHECK(l.h <= 0.21f * 780);  // the Log is a fifth of the height
    CHECK(m.w > s.w);           // the manifest table gets the larger share
}

TEST_CASE("narrow canvases stack the upper panels", "[app][layout]") {
    auto r = default_layout(600, 900, 24);
    CHECK(r[0].w == 600);
    CHECK(r[1].w == 600);
    CHECK(bottom(r[0]) == r[1].y);
    CHECK(bottom(r[1]) == r[2].y);
}

TEST_CASE("a degenerate area still gives non-negative rectangles", "[app][layout]") {
    for (auto& rect : default_layout(0, 0, 30)) {
        CHECK(rect.w >= 0);
        CHECK(rect.h >= 0);
    }
    CHECK(std::string(panel_title(Panel::log)) == "Log");
}

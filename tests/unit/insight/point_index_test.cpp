// The embedding map's hover and box-selection lookups (core/insight/point_index.hpp), checked against
// brute force on random clouds and on the inputs a projection can produce: nothing, one spot, a line,
// NaN and infinity.
#include "insight/point_index.hpp"

#include <catch2/catch.hpp>
#include <cmath>
#include <cstdint>
#include <limits>
#include <optional>
#include <random>
#include <vector>

using eic::insight::PointIndex;

namespace {
using Ids = std::vector<std::uint32_t>;

std::optional<std::uint32_t> brute_nearest(const std::vector<float>& xy, float x, float y, float r) {
    std::optional<std::uint32_t> best;
    double best_d2 = (double)r * r;
    for (std::uint32_t i = 0; i < xy.size() / 2; ++i) {
        if (!std::isfinite(xy[2 * i]) || !std::isfinite(xy[2 * i + 1])) continue;
        const double dx = (double)xy[2 * i] - x, dy = (double)xy[2 * i + 1] - y, d2 = dx * dx + dy * dy;
        if (d2 < best_d2 || (d2 == best_d2 && !best)) best = i, best_d2 = d2;
    }
    return best;
}

Ids brute_box(const std::vector<float>& xy, float x0, float y0, float x1, float y1) {
    Ids out;
    for (std::uint32_t i = 0; i < xy.size() / 2; ++i)
        if (xy[2 * i] >= x0 && xy[2 * i] <= x1 && xy[2 * i + 1] >= y0 && xy[2 * i + 1] <= y1) out.push_back(i);
    return out;
}

Ids box(const PointIndex& index, float x0, float y0, float x1, float y1) {
    Ids out;
    index.in_box(x0, y0, x1, y1, out);
    return out;
}

std::vector<float> clusters(std::size_t n, std::uint32_t seed) {
    std::mt19937 rng(seed);
    std::normal_distribution<float> noise(0.f, 1.f);
    std::vector<float> xy;
    for (std::size_t i = 0; i < n; ++i) {
        const float cx = (float)(i % 5) * 10.f - 20.f, cy = (float)(i % 3) * 6.f;
        xy.push_back(cx + noise(rng));
        xy.push_back(cy + 0.3f * noise(rng));
    }
    return xy;
}
}  // namespace

TEST_CASE("point index: nearest within a radius", "[insight][point_index]") {
    const std::vector<float> xy = {0, 0, 1, 0, 0, 2, 5, 5};
    PointIndex index;
    index.build(xy.data(), 4);
    CHECK(index.size() == 4);
    CHECK(index.nearest(0.1f, 0.1f, 0.5f) == std::optional<std::uint32_t>(0));
    CHECK(index.nearest(0.9f, 0.f, 0.5f) == std::optional<std::uint32_t>(1));
    CHECK(index.nearest(5.f, 5.f, 0.f) == std::optional<std::uint32_t>(3));    // an exact hit at radius 0
    CHECK_FALSE(index.nearest(2.5f, 2.5f, 1.f));                               // nothing that close
    CHECK_FALSE(index.nearest(100.f, 100.f, 3.f));                             // far outside the bounds
    CHECK(index.nearest(0.5f, 0.f, 0.5f) == std::optional<std::uint32_t>(0));  // a tie goes to the lower id
}

TEST_CASE("point index: nearest and box agree with brute force on clusters", "[insight][point_index]") {
    const auto xy = clusters(5000, 7);
    PointIndex index;
    index.build(xy.data(), xy.size() / 2);
    REQUIRE(index.indexed() == 5000);
    std::mt19937 rng(11);
    std::uniform_real_distribution<float> ux(-25.f, 25.f), uy(-3.f, 15.f), ur(0.f, 2.f);
    for (int q = 0; q < 300; ++q) {
        const float x = ux(rng), y = uy(rng), r = ur(rng);
        const auto got = index.nearest(x, y, r);
        const auto want = brute_nearest(xy, x, y, r);
        REQUIRE(got.has_value() == want.has_value());
        if (got) {
            // Equal distance is enough: the brute force and the grid may meet ties in another order.
            const auto d = [&](std::uint32_t i) { return std::hypot(xy[2 * i] - x, xy[2 * i + 1] - y); };
            CHECK(d(*got) == Approx(d(*want)));
        }
    }
    for (int q = 0; q < 100; ++q) {
        const float x0 = ux(rng), x1 = ux(rng), y0 = uy(rng), y1 = uy(rng);
        CHECK(box(index, x0, y0, x1, y1) ==
              brute_box(xy, std::min(x0, x1), std::min(y0, y1), std::max(x0, x1), std::max(y0, y1)));
    }
}

TEST_CASE("point index: boxes take corners in any order and include their edges", "[insight][point_index]") {
    const std::vector<float> xy = {0, 0, 1, 1, 2, 2, 3, 3};
    PointIndex index;
    index.build(xy.data(), 4);
    CHECK(box(index, 1, 1, 2, 2) == Ids{1, 2});
    CHECK(box(index, 2, 2, 1, 1) == Ids{1, 2});
    CHECK(box(index, -10, -10, 10, 10) == Ids{0, 1, 2, 3});
    CHECK(box(index, 5, 5, 6, 6).empty());
    CHECK(box(index, 0.2f, 0.2f, 0.8f, 0.8f).empty());
    Ids out = {99};  // appends, leaving what was there
    index.in_box(0, 0, 0, 0, out);
    CHECK(out == Ids{99, 0});
}

TEST_CASE("point index: empty, single spot and collinear input", "[insight][point_index]") {
    PointIndex index;
    index.build(nullptr, 0);
    CHECK(index.indexed() == 0);
    CHECK_FALSE(index.nearest(0, 0, 1));
    CHECK(box(index, -1, -1, 1, 1).empty());

    const std::vector<float> same(2 * 1000, 3.f);  // every point on one spot
    index.build(same.data(), 1000);
    CHECK(index.nearest(3.f, 3.f, 0.1f) == std::optional<std::uint32_t>(0));
    CHECK(box(index, 2, 2, 4, 4).size() == 1000);

    std::vector<float> line;  // a vertical line: zero width
    for (int i = 0; i < 100; ++i) line.push_back(1.f), line.push_back((float)i);
    index.build(line.data(), 100);
    CHECK(index.nearest(1.2f, 41.9f, 0.5f) == std::optional<std::uint32_t>(42));
    CHECK(box(index, 0, 10.5f, 2, 13) == Ids{11, 12, 13});
}

TEST_CASE("point index: NaN and infinite coordinates are never returned", "[insight][point_index]") {
    const float nan = std::numeric_limits<float>::quiet_NaN(), inf = std::numeric_limits<float>::infinity();
    const std::vector<float> xy = {nan, 0, 1, 1, inf, 2, 2, -inf, 3, 3};
    PointIndex index;
    index.build(xy.data(), 5);
    CHECK(index.size() == 5);
    CHECK(index.indexed() == 2);
    CHECK(box(index, -1e30f, -1e30f, 1e30f, 1e30f) == Ids{1, 4});
    CHECK(index.nearest(0, 0, 100) == std::optional<std::uint32_t>(1));
    CHECK(index.min_x() == 1.f);
    CHECK(index.max_y() == 3.f);

    // Bad queries: nothing, rather than a crash or a scan of everything.
    CHECK_FALSE(index.nearest(nan, 0, 1));
    CHECK_FALSE(index.nearest(1, 1, -1));
    CHECK_FALSE(index.nearest(1, 1, nan));
    CHECK_FALSE(index.nearest(1, 1, inf));
    CHECK(box(index, nan, 0, 5, 5).empty());
    CHECK(box(index, -inf, -inf, inf, inf).empty());

    const std::vector<float> all_nan(8, nan);
    index.build(all_nan.data(), 4);
    CHECK(index.indexed() == 0);
    CHECK_FALSE(index.nearest(0, 0, 1e30f));
}

TEST_CASE("point index: extreme coordinates do not overflow", "[insight][point_index]") {
    const float big = std::numeric_limits<float>::max();
    const std::vector<float> xy = {-big, -big, big, big, 0, 0};
    PointIndex index;
    index.build(xy.data(), 3);
    CHECK(index.nearest(0, 0, 1) == std::optional<std::uint32_t>(2));
    CHECK(index.nearest(big, big, 1) == std::optional<std::uint32_t>(1));
    CHECK(box(index, -1, -1, 1, 1) == Ids{2});
}

TEST_CASE("point index: 200,000 points build and answer", "[insight][point_index]") {
    const auto xy = clusters(200000, 3);
    PointIndex index;
    index.build(xy.data(), xy.size() / 2);
    CHECK(index.indexed() == 200000);
    // A hover query near a dense cluster centre still finds its nearest point.
    const auto hit = index.nearest(0.f, 6.f, 0.5f);
    REQUIRE(hit);
    CHECK(*hit == *brute_nearest(xy, 0.f, 6.f, 0.5f));
    Ids all;
    index.in_box(-100, -100, 100, 100, all);
    CHECK(all.size() == 200000);
}

#include "insight/pca.hpp"

#include <catch2/catch.hpp>
#include <cmath>
#include <cstdint>
#include <limits>
#include <vector>

using eic::insight::pca_2d;
using eic::insight::PcaOptions;
using eic::insight::Projection;

namespace {

// Deterministic noise, the same natively and in wasm (no std:: distributions, which differ by library).
struct Noise {
    std::uint64_t state;
    explicit Noise(std::uint64_t seed) : state(seed) {}
    double uniform() {  // [-1, 1)
        state = state * 6364136223846793005ull + 1442695040888963407ull;
        return double(state >> 11) / 4503599627370496.0 - 1.0;
    }
    double gaussian() {  // Irwin-Hall: close enough to normal for spectra
        double s = 0;
        for (int i = 0; i < 12; ++i) s += uniform() * 0.5;
        return s;
    }
};

// n rows of `dim` whose latent coordinate k (variance sigma[k]^2) runs along `axes[k]` (unit vectors),
// plus `offset` in every column.
std::vector<float> latent_rows(std::size_t n, std::size_t dim, const std::vector<std::vector<double>>& axes,
                               const std::vector<double>& sigma, double offset, std::uint64_t seed) {
    Noise noise(seed);
    std::vector<float> rows(n * dim);
    for (std::size_t i = 0; i < n; ++i) {
        std::vector<double> x(dim, offset);
        for (std::size_t k = 0; k < axes.size(); ++k) {
            double c = sigma[k] * noise.gaussian();
            for (std::size_t j = 0; j < dim; ++j) x[j] += c * axes[k][j];
        }
        for (std::size_t j = 0; j < dim; ++j) rows[i * dim + j] = float(x[j]);
    }
    return rows;
}

// `count` orthonormal vectors of `dim` from noise (Gram-Schmidt).
std::vector<std::vector<double>> random_frame(std::size_t dim, std::size_t count, std::uint64_t seed) {
    Noise noise(seed);
    std::vector<std::vector<double>> frame;
    while (frame.size() < count) {
        std::vector<double> v(dim);
        for (double& x : v) x = noise.uniform();
        for (const auto& u : frame) {
            double d = 0;
            for (std::size_t j = 0; j < dim; ++j) d += v[j] * u[j];
            for (std::size_t j = 0; j < dim; ++j) v[j] -= d * u[j];
        }
        double norm = 0;
        for (double x : v) norm += x * x;
        for (double& x : v) x /= std::sqrt(norm);
        frame.push_back(v);
    }
    return frame;
}

// Largest |a - b| over the coordinates, relative to the largest |b|.
double relative_gap(const std::vector<float>& a, const std::vector<float>& b) {
    double worst = 0, scale = 0;
    for (std::size_t i = 0; i < a.size(); ++i) {
        worst = std::max(worst, std::fabs(double(a[i]) - double(b[i])));
        scale = std::max(scale, std::fabs(double(b[i])));
    }
    return worst / scale;
}

}  // namespace

TEST_CASE("pca: 2-D points on a rotated grid come out in the grid's own coordinates", "[insight]") {
    // Axes u = (0.6, 0.8) and v = (-0.8, 0.6); a in {-3,-1,1,3} (variance 5), b in {-1,1} (variance 1),
    // uncorrelated, mean zero. The sign rule keeps u and turns v into (0.8, -0.6), so a point a*u + b*v
    // projects to (a, -b).
    std::vector<float> rows;
    std::vector<std::pair<double, double>> ab;
    for (double a : {-3.0, -1.0, 1.0, 3.0}) {
        for (double b : {-1.0, 1.0}) {
            rows.push_back(float(0.6 * a - 0.8 * b));
            rows.push_back(float(0.8 * a + 0.6 * b));
            ab.emplace_back(a, b);
        }
    }
    Projection p = pca_2d(rows.data(), ab.size(), 2);
    REQUIRE(p.ok);
    REQUIRE(p.xy.size() == 2 * ab.size());
    for (std::size_t i = 0; i < ab.size(); ++i) {
        CHECK(p.xy[2 * i] == Approx(ab[i].first).margin(1e-5));
        CHECK(p.xy[2 * i + 1] == Approx(-ab[i].second).margin(1e-5));
    }
    CHECK(p.explained[0] == Approx(5.0 / 6));
    CHECK(p.explained[1] == Approx(1.0 / 6));
    CHECK(p.error.empty());
}

TEST_CASE("pca: 3-D box corners with variances 9, 4, 1 along a rotated frame", "[insight]") {
    // An orthonormal frame with exactly representable components, e0 = (0, 0, 1), e1 = (0.6, 0.8, 0),
    // e2 = (0.8, -0.6, 0), and the corners (±3, ±2, ±1) in it, shifted by 100 in every column.
    const double e0[3] = {0, 0, 1}, e1[3] = {0.6, 0.8, 0}, e2[3] = {0.8, -0.6, 0};
    std::vector<float> rows;
    std::vector<std::pair<double, double>> expected;
    for (double a : {-3.0, 3.0})
        for (double b : {-2.0, 2.0})
            for (double c : {-1.0, 1.0}) {
                for (int j = 0; j < 3; ++j) rows.push_back(float(a * e0[j] + b * e1[j] + c * e2[j] + 100));
                expected.emplace_back(a, b);  // e0 and e1 already satisfy the sign rule
            }
    Projection p = pca_2d(rows.data(), expected.size(), 3);
    REQUIRE(p.ok);
    for (std::size_t i = 0; i < expected.size(); ++i) {
        CHECK(p.xy[2 * i] == Approx(expected[i].first).margin(1e-4));
        CHECK(p.xy[2 * i + 1] == Approx(expected[i].second).margin(1e-4));
    }
    CHECK(p.explained[0] == Approx(9.0 / 14));
    CHECK(p.explained[1] == Approx(4.0 / 14));
}

TEST_CASE("pca: the sign rule makes mirrored data give mirrored points, not mirrored axes", "[insight]") {
    auto frame = random_frame(6, 3, 7);
    std::vector<float> rows = latent_rows(500, 6, frame, {5, 2, 1}, 0, 11);
    std::vector<float> mirrored(rows.size());
    for (std::size_t i = 0; i < rows.size(); ++i) mirrored[i] = -rows[i];
    Projection a = pca_2d(rows.data(), 500, 6), b = pca_2d(mirrored.data(), 500, 6);
    REQUIRE(a.ok);
    REQUIRE(b.ok);
    for (std::size_t i = 0; i < a.xy.size(); ++i) CHECK(b.xy[i] == Approx(-a.xy[i]).margin(1e-4));
    CHECK(a.explained[0] == Approx(b.explained[0]));
    // Shares follow the latent variances 25 : 4 : 1 (sample noise aside).
    CHECK(a.explained[0] == Approx(25.0 / 30).epsilon(0.1));
    CHECK(a.explained[1] == Approx(4.0 / 30).epsilon(0.3));
}

TEST_CASE("pca: the same rows always give the same points", "[insight]") {
    auto frame = random_frame(100, 4, 3);
    std::vector<float> rows = latent_rows(2000, 100, frame, {4, 3, 2, 1}, 0.5, 5);
    Projection a = pca_2d(rows.data(), 2000, 100), b = pca_2d(rows.data(), 2000, 100);
    REQUIRE(a.ok);
    CHECK(a.xy == b.xy);
    CHECK(a.explained[0] == b.explained[0]);
}

TEST_CASE("pca: degenerate inputs are answered", "[insight]") {
    SECTION("no rows") {
        Projection p = pca_2d(nullptr, 0, 16);
        CHECK(p.ok);
        CHECK(p.xy.empty());
        CHECK(p.explained[0] == 0);
    }
    SECTION("one row sits at the origin") {
        std::vector<float> row = {1, 2, 3};
        Projection p = pca_2d(row.data(), 1, 3);
        CHECK(p.ok);
        CHECK(p.xy == std::vector<float>{0, 0});
        CHECK(p.explained[0] == 0);
        CHECK(p.explained[1] == 0);
    }
    SECTION("constant rows all sit at the origin") {
        std::vector<float> rows(200 * 70, 0.25f);
        Projection p = pca_2d(rows.data(), 200, 70);
        CHECK(p.ok);
        CHECK(p.xy == std::vector<float>(400, 0.0f));
        CHECK(p.explained[0] == 0);
    }
    SECTION("dim 1: the value minus the mean, the second coordinate 0") {
        std::vector<float> rows = {1, 2, 6};
        Projection p = pca_2d(rows.data(), 3, 1);
        REQUIRE(p.ok);
        CHECK(p.xy == std::vector<float>{-2, 0, -1, 0, 3, 0});
        CHECK(p.explained[0] == 1);
        CHECK(p.explained[1] == 0);
    }
    SECTION("rank 1 in 5 dimensions: everything on the first axis") {
        std::vector<float> rows;
        for (int i = 0; i < 10; ++i)
            for (int j = 0; j < 5; ++j) rows.push_back(float(i * (j + 1)));
        Projection p = pca_2d(rows.data(), 10, 5);
        REQUIRE(p.ok);
        CHECK(p.explained[0] == Approx(1));
        CHECK(p.explained[1] == Approx(0).margin(1e-6));
        for (int i = 0; i < 10; ++i) CHECK(p.xy[2 * i + 1] == Approx(0).margin(1e-4));
        CHECK(p.xy[2] - p.xy[0] == Approx(std::sqrt(55.0)));  // |(1,2,3,4,5)| per step of i
    }
    SECTION("rank 1 in 200 dimensions (iterative path)") {
        std::vector<float> rows;
        for (int i = 0; i < 50; ++i)
            for (int j = 0; j < 200; ++j) rows.push_back(float((i % 7) * ((j % 3) - 1)));
        Projection p = pca_2d(rows.data(), 50, 200);
        REQUIRE(p.ok);
        CHECK(p.explained[0] == Approx(1));
        CHECK(p.explained[1] == Approx(0).margin(1e-6));
    }
    SECTION("two rows in many dimensions") {
        std::vector<float> rows(2 * 300, 0.0f);
        rows[300 + 17] = 2;
        Projection p = pca_2d(rows.data(), 2, 300);
        REQUIRE(p.ok);
        CHECK(p.xy[0] == Approx(-1));
        CHECK(p.xy[2] == Approx(1));
        CHECK(p.explained[0] == Approx(1));
    }
}

TEST_CASE("pca: bad input is refused with the row and index named", "[insight]") {
    std::vector<float> rows(5 * 4, 1.0f);
    rows[3 * 4 + 1] = std::numeric_limits<float>::quiet_NaN();
    Projection p = pca_2d(rows.data(), 5, 4);
    CHECK_FALSE(p.ok);
    CHECK(p.xy.empty());
    CHECK(p.error == "row 3 has NaN at index 1: embeddings must be finite numbers");

    rows[3 * 4 + 1] = 1;
    rows[4 * 4 + 3] = -std::numeric_limits<float>::infinity();
    p = pca_2d(rows.data(), 5, 4);
    CHECK_FALSE(p.ok);
    CHECK(p.error == "row 4 has an infinity at index 3: embeddings must be finite numbers");

    // The first bad row is named, also on the iterative path's sizes.
    std::vector<float> wide(10 * 100, 0.5f);
    wide[7 * 100 + 99] = std::numeric_limits<float>::infinity();
    wide[9 * 100] = std::numeric_limits<float>::quiet_NaN();
    CHECK(pca_2d(wide.data(), 10, 100).error == "row 7 has an infinity at index 99: embeddings must be finite numbers");

    CHECK(pca_2d(rows.data(), 5, 0).error == "5 rows of dimension 0: there is nothing to project");
    CHECK(pca_2d(nullptr, 5, 4).error == "no row data was given");
    Projection huge = pca_2d(rows.data(), std::numeric_limits<std::size_t>::max() / 2, 8);
    CHECK_FALSE(huge.ok);
    CHECK(huge.error.find("do not fit in memory") != std::string::npos);
}

TEST_CASE("pca: data far from the origin keeps its small spread", "[insight]") {
    // Offsets of 1000 with a spread of 0.01: sum(x^2) - n*mean^2 would cancel to noise in float.
    std::vector<float> rows;
    for (int i = 0; i < 64; ++i) {
        rows.push_back(1000.0f + 0.01f * float(i % 8));
        rows.push_back(-1000.0f);
    }
    Projection p = pca_2d(rows.data(), 64, 2);
    REQUIRE(p.ok);
    CHECK(p.explained[0] == Approx(1));
    CHECK(p.xy[2 * 7] - p.xy[0] == Approx(double(rows[2 * 7]) - double(rows[0])).epsilon(1e-5));
}

TEST_CASE("pca: the iterative path finds the axes the dense path finds", "[insight]") {
    // dim 100 > max_dense_dim (64) by default; max_dense_dim = 1000 forces the covariance matrix.
    PcaOptions dense;
    dense.max_dense_dim = 1000;
    SECTION("a clear spectrum") {
        auto frame = random_frame(100, 6, 21);
        std::vector<float> rows = latent_rows(3000, 100, frame, {10, 6, 3, 2, 1.5, 1}, 2, 22);
        Projection it = pca_2d(rows.data(), 3000, 100), ex = pca_2d(rows.data(), 3000, 100, dense);
        REQUIRE(it.ok);
        REQUIRE(ex.ok);
        CHECK(relative_gap(it.xy, ex.xy) < 1e-4);
        CHECK(it.explained[0] == Approx(ex.explained[0]).epsilon(1e-5));
        CHECK(it.explained[1] == Approx(ex.explained[1]).epsilon(1e-5));
    }
    SECTION("many rows: the strided sample warm start") {
        // Noise in every dimension too, so the block of the iteration cannot hold the whole signal.
        auto frame = random_frame(80, 80, 31);
        std::vector<double> sigma(80, 0.3);
        sigma[0] = 8, sigma[1] = 5, sigma[2] = 2, sigma[3] = 1, sigma[4] = 0.5;
        std::vector<float> rows = latent_rows(40000, 80, frame, sigma, -1, 32);
        Projection it = pca_2d(rows.data(), 40000, 80), ex = pca_2d(rows.data(), 40000, 80, dense);
        REQUIRE(it.ok);
        CHECK(relative_gap(it.xy, ex.xy) < 1e-4);
        CHECK(it.explained[1] == Approx(ex.explained[1]).epsilon(1e-5));
    }
    SECTION("no gap after the 2nd eigenvalue: any axis of the tie is as good") {
        // Isotropic noise in all 100 dimensions under one strong direction: the 2nd axis is arbitrary,
        // but the variance it captures must match the best possible to a fraction of a percent.
        auto frame = random_frame(100, 100, 41);
        std::vector<double> sigma(100, 1.0);
        sigma[0] = 5;
        std::vector<float> rows = latent_rows(2000, 100, frame, sigma, 0, 42);
        Projection it = pca_2d(rows.data(), 2000, 100), ex = pca_2d(rows.data(), 2000, 100, dense);
        REQUIRE(it.ok);
        CHECK(it.explained[0] == Approx(ex.explained[0]).epsilon(1e-4));
        CHECK(it.explained[1] == Approx(ex.explained[1]).epsilon(0.02));
        CHECK(it.explained[1] <= ex.explained[1] * (1 + 1e-6));
    }
}

#include "insight/symmetric_eigen.hpp"

#include <catch2/catch.hpp>
#include <cmath>
#include <cstdint>
#include <vector>

using eic::insight::fix_sign;
using eic::insight::symmetric_eigen;
using eic::insight::SymmetricEigen;

namespace {

// |A v_k - lambda_k v_k| for every k, largest; and |V^T V - I|, largest entry.
double worst_residual(const std::vector<double>& a, std::size_t m, const SymmetricEigen& e) {
    double worst = 0;
    for (std::size_t k = 0; k < m; ++k) {
        for (std::size_t i = 0; i < m; ++i) {
            double av = 0;
            for (std::size_t j = 0; j < m; ++j) av += a[i * m + j] * e.vectors[j * m + k];
            worst = std::max(worst, std::fabs(av - e.values[k] * e.vectors[i * m + k]));
        }
    }
    return worst;
}

double worst_orthogonality(std::size_t m, const SymmetricEigen& e) {
    double worst = 0;
    for (std::size_t p = 0; p < m; ++p) {
        for (std::size_t q = 0; q < m; ++q) {
            double d = 0;
            for (std::size_t i = 0; i < m; ++i) d += e.vectors[i * m + p] * e.vectors[i * m + q];
            worst = std::max(worst, std::fabs(d - (p == q ? 1.0 : 0.0)));
        }
    }
    return worst;
}

}  // namespace

TEST_CASE("symmetric eigen: a 2x2 with known eigenpairs", "[insight]") {
    SymmetricEigen e = symmetric_eigen({2, 1, 1, 2}, 2);
    CHECK(e.values[0] == Approx(3));
    CHECK(e.values[1] == Approx(1));
    // (1, 1)/sqrt(2) and (1, -1)/sqrt(2), each up to sign.
    CHECK(std::fabs(e.vectors[0]) == Approx(std::sqrt(0.5)));
    CHECK(e.vectors[0] * e.vectors[2] > 0);
    CHECK(e.vectors[1] * e.vectors[3] < 0);
}

TEST_CASE("symmetric eigen: only the upper triangle is read", "[insight]") {
    SymmetricEigen e = symmetric_eigen({2, 1, 999, 2}, 2);
    CHECK(e.values[0] == Approx(3));
    CHECK(e.values[1] == Approx(1));
}

TEST_CASE("symmetric eigen: a diagonal matrix is sorted, ties keep their diagonal order", "[insight]") {
    SymmetricEigen e = symmetric_eigen({1, 0, 0, 0, 5, 0, 0, 0, 5}, 3);
    CHECK(e.values == std::vector<double>{5, 5, 1});
    // Column 0 is e1 (row 1 of the input), column 1 is e2, column 2 is e0.
    CHECK(e.vectors == std::vector<double>{0, 0, 1, 1, 0, 0, 0, 1, 0});
}

TEST_CASE("symmetric eigen: degenerate sizes and the zero matrix", "[insight]") {
    SymmetricEigen none = symmetric_eigen({}, 0);
    CHECK(none.values.empty());
    CHECK(none.vectors.empty());
    SymmetricEigen one = symmetric_eigen({-4}, 1);
    CHECK(one.values == std::vector<double>{-4});
    CHECK(one.vectors == std::vector<double>{1});
    SymmetricEigen zero = symmetric_eigen(std::vector<double>(16, 0.0), 4);
    CHECK(zero.values == std::vector<double>(4, 0.0));
    CHECK(worst_orthogonality(4, zero) == 0);
}

TEST_CASE("symmetric eigen: random symmetric matrices satisfy A v = lambda v", "[insight]") {
    std::uint64_t state = 12345;
    auto next = [&state] {
        state = state * 6364136223846793005ull + 1442695040888963407ull;
        return double(state >> 11) / 9007199254740992.0 - 0.5;
    };
    for (std::size_t m : {2, 3, 7, 16, 40}) {
        std::vector<double> a(m * m);
        for (std::size_t i = 0; i < m; ++i)
            for (std::size_t j = i; j < m; ++j) a[i * m + j] = a[j * m + i] = next() * 100;
        SymmetricEigen e = symmetric_eigen(a, m);
        INFO("m = " << m);
        CHECK(worst_residual(a, m, e) < 1e-9);
        CHECK(worst_orthogonality(m, e) < 1e-12);
        for (std::size_t k = 1; k < m; ++k) CHECK(e.values[k - 1] >= e.values[k]);
        double trace = 0, sum = 0;
        for (std::size_t i = 0; i < m; ++i) trace += a[i * m + i], sum += e.values[i];
        CHECK(sum == Approx(trace).margin(1e-9));
    }
}

TEST_CASE("symmetric eigen: wildly different magnitudes still converge", "[insight]") {
    std::vector<double> a = {1e12, 1e-3, 0, 1e-3, 1, 1e-9, 0, 1e-9, 1e-12};
    SymmetricEigen e = symmetric_eigen(a, 3);
    CHECK(e.values[0] == Approx(1e12));
    CHECK(e.values[1] == Approx(1));
    CHECK(worst_orthogonality(3, e) < 1e-12);
}

TEST_CASE("fix_sign: the largest-magnitude component becomes positive, the first on ties", "[insight]") {
    std::vector<double> v = {0.1, -0.9, 0.3};
    fix_sign(v.data(), 3);
    CHECK(v == std::vector<double>{-0.1, 0.9, -0.3});
    fix_sign(v.data(), 3);  // already fixed: unchanged
    CHECK(v == std::vector<double>{-0.1, 0.9, -0.3});

    std::vector<double> tie = {-0.5, 0.5};
    fix_sign(tie.data(), 2);
    CHECK(tie == std::vector<double>{0.5, -0.5});

    // A column of a row-major 3x2 block: stride 2.
    std::vector<double> block = {1, -0.2, 2, -0.7, 3, 0.1};
    fix_sign(block.data() + 1, 3, 2);
    CHECK(block == std::vector<double>{1, 0.2, 2, 0.7, 3, -0.1});

    fix_sign(nullptr, 0);  // nothing to do, and no read
}

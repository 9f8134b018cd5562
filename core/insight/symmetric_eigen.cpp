#include "insight/symmetric_eigen.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace eic::insight {

namespace {

// Quadratic convergence makes more than a dozen sweeps rare; the cap only guards against a matrix
// whose rounding keeps the off-diagonal from settling.
constexpr int kMaxSweeps = 64;

double off_diagonal_squares(const std::vector<double>& a, std::size_t m) {
    double sum = 0;
    for (std::size_t p = 0; p < m; ++p)
        for (std::size_t q = p + 1; q < m; ++q) sum += a[p * m + q] * a[p * m + q];
    return sum;
}

}  // namespace

SymmetricEigen symmetric_eigen(std::vector<double> a, std::size_t m) {
    for (std::size_t p = 0; p < m; ++p)
        for (std::size_t q = p + 1; q < m; ++q) a[q * m + p] = a[p * m + q];
    std::vector<double> v(m * m, 0.0);
    for (std::size_t i = 0; i < m; ++i) v[i * m + i] = 1.0;

    double norm = 0;
    for (double x : a) norm += x * x;
    // Below this the off-diagonal is rounding noise of the diagonal: further rotations change nothing.
    const double settled = norm * 1e-32;

    for (int sweep = 0; sweep < kMaxSweeps; ++sweep) {
        double off = off_diagonal_squares(a, m);
        if (off == 0 || off <= settled) break;
        for (std::size_t p = 0; p < m; ++p) {
            for (std::size_t q = p + 1; q < m; ++q) {
                double apq = a[p * m + q];
                if (apq == 0) continue;
                // The rotation angle that zeroes a[p][q], in the stable form (the smaller root of
                // t^2 + 2*theta*t - 1 = 0), and its large-theta limit where theta^2 would overflow.
                double theta = (a[q * m + q] - a[p * m + p]) / (2 * apq);
                double t = std::fabs(theta) > 1e150
                               ? 1 / (2 * theta)
                               : std::copysign(1.0, theta) / (std::fabs(theta) + std::sqrt(theta * theta + 1));
                double c = 1 / std::sqrt(t * t + 1), s = t * c;
                for (std::size_t k = 0; k < m; ++k) {  // A <- A J
                    double akp = a[k * m + p], akq = a[k * m + q];
                    a[k * m + p] = c * akp - s * akq;
                    a[k * m + q] = s * akp + c * akq;
                }
                for (std::size_t k = 0; k < m; ++k) {  // A <- J^T A
                    double apk = a[p * m + k], aqk = a[q * m + k];
                    a[p * m + k] = c * apk - s * aqk;
                    a[q * m + k] = s * apk + c * aqk;
                }
                a[p * m + q] = a[q * m + p] = 0;       // exactly, not the rounding residue
                for (std::size_t k = 0; k < m; ++k) {  // V <- V J
                    double vkp = v[k * m + p], vkq = v[k * m + q];
                    v[k * m + p] = c * vkp - s * vkq;
                    v[k * m + q] = s * vkp + c * vkq;
                }
            }
        }
    }

    std::vector<std::size_t> order(m);
    std::iota(order.begin(), order.end(), std::size_t(0));
    std::stable_sort(order.begin(), order.end(),
                     [&](std::size_t x, std::size_t y) { return a[x * m + x] > a[y * m + y]; });
    SymmetricEigen out;
    out.values.resize(m);
    out.vectors.resize(m * m);
    for (std::size_t k = 0; k < m; ++k) {
        out.values[k] = a[order[k] * m + order[k]];
        for (std::size_t i = 0; i < m; ++i) out.vectors[i * m + k] = v[i * m + order[k]];
    }
    return out;
}

void fix_sign(double* v, std::size_t len, std::size_t stride) {
    std::size_t best = 0;
    double best_abs = -1;
    for (std::size_t i = 0; i < len; ++i) {
        double x = std::fabs(v[i * stride]);
        if (x > best_abs) {
            best_abs = x;
            best = i;
        }
    }
    if (len == 0 || v[best * stride] >= 0) return;
    for (std::size_t i = 0; i < len; ++i) v[i * stride] = -v[i * stride];
}

}  // namespace eic::insight

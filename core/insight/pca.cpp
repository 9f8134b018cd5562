#include "insight/pca.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cfloat>
#include <cmath>
#include <cstdint>
#include <limits>

#include "insight/symmetric_eigen.hpp"

namespace eic::insight {

namespace {

// Subspace width of the iterative path: the two wanted axes plus two more, which make convergence
// depend on the 5th eigenvalue rather than the 3rd, for twice the work per pass. A compile-time
// constant so the inner loops unroll.
constexpr std::size_t kBlock = 4;
// Rows of the evenly strided sample the iterative path converges on before touching all rows.
constexpr std::size_t kSampleRows = 4096;

// Column means and the total variance (sum over columns of squared deviations, not divided by n).
struct Moments {
    std::vector<double> mean;
    double total_squares = 0;
};

// Finds the first non-finite value; every later step assumes there is none.
bool find_non_finite(const float* rows, std::size_t n, std::size_t dim, std::string& error) {
    for (std::size_t i = 0; i < n; ++i) {
        const float* x = rows + i * dim;
        // An OR over the whole row vectorises; the column is only looked for once a row is bad.
        unsigned bad = 0;
        for (std::size_t j = 0; j < dim; ++j) bad |= !(std::fabs(x[j]) <= FLT_MAX);
        if (!bad) continue;
        std::size_t j = 0;
        while (std::fabs(x[j]) <= FLT_MAX) ++j;
        error = fmt::format("row {} has {} at index {}: embeddings must be finite numbers", i,
                            std::isnan(x[j]) ? "NaN" : "an infinity", j);
        return true;
    }
    return false;
}

// Sums are taken relative to the first row (the "shifted data" method): embeddings far from the
// origin with a small spread would otherwise lose their variance to cancellation in sum(x^2) - n*mean^2.
Moments moments(const float* rows, std::size_t n, std::size_t dim) {
    std::vector<double> shift(rows, rows + dim), sum(dim, 0.0), squares(dim, 0.0);
    for (std::size_t i = 0; i < n; ++i) {
        const float* x = rows + i * dim;
        for (std::size_t j = 0; j < dim; ++j) {
            double d = double(x[j]) - shift[j];
            sum[j] += d;
            squares[j] += d * d;
        }
    }
    Moments m;
    m.mean.resize(dim);
    for (std::size_t j = 0; j < dim; ++j) {
        m.mean[j] = shift[j] + sum[j] / double(n);
        m.total_squares += std::max(0.0, squares[j] - sum[j] * sum[j] / double(n));
    }
    return m;
}

// The top two eigenvectors of the covariance matrix, formed in full; as unit vectors of `dim` each.
void dense_axes(const float* rows, std::size_t n, std::size_t dim, const std::vector<double>& mean,
                std::vector<double>& axis0, std::vector<double>& axis1) {
    std::vector<double> cov(dim * dim, 0.0), d(dim);
    for (std::size_t i = 0; i < n; ++i) {
        const float* x = rows + i * dim;
        for (std::size_t j = 0; j < dim; ++j) d[j] = double(x[j]) - mean[j];
        for (std::size_t p = 0; p < dim; ++p) {  // upper triangle only: symmetric_eigen mirrors it
            double dp = d[p];
            double* row = cov.data() + p * dim;
            for (std::size_t q = p; q < dim; ++q) row[q] += dp * d[q];
        }
    }
    SymmetricEigen e = symmetric_eigen(std::move(cov), dim);
    for (std::size_t j = 0; j < dim; ++j) {
        axis0[j] = e.vectors[j * dim];
        if (dim > 1) axis1[j] = e.vectors[j * dim + 1];
    }
}

// ---- the iterative path ------------------------------------------------------------------------
// Blocks are dim x kBlock, row-major: column c of block B is B[j*kBlock + c].

// A fixed-seed generator (splitmix64) so the starting block, and hence the result, never varies.
struct StartingNoise {
    std::uint64_t state = 0x9E3779B97F4A7C15ull;
    double next() {
        std::uint64_t z = (state += 0x9E3779B97F4A7C15ull);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
        z ^= z >> 31;
        return double(z >> 11) * (2.0 / 9007199254740992.0) - 1.0;  // uniform in [-1, 1)
    }
};

double column_dot(const std::vector<double>& a, std::size_t ca, const std::vector<double>& b, std::size_t cb,
                  std::size_t dim) {
    double s = 0;
    for (std::size_t j = 0; j < dim; ++j) s += a[j * kBlock + ca] * b[j * kBlock + cb];
    return s;
}

// Modified Gram-Schmidt, twice per column (once is not enough when columns are nearly parallel, as
// they become when the data has fewer than kBlock directions of variance). A column that vanishes is
// replaced with fresh noise, so the block always stays orthonormal.
void orthonormalise(std::vector<double>& b, std::size_t dim, StartingNoise& noise) {
    double largest = 0;
    for (std::size_t c = 0; c < kBlock; ++c) largest = std::max(largest, std::sqrt(column_dot(b, c, b, c, dim)));
    for (std::size_t c = 0; c < kBlock; ++c) {
        // dim > kBlock on this path, so noise is independent of the earlier columns at the first try
        // but for a fluke; the cap only makes a hang impossible.
        for (int attempt = 0; attempt < 8; ++attempt) {
            for (int pass = 0; pass < 2; ++pass) {
                for (std::size_t prev = 0; prev < c; ++prev) {
                    double proj = column_dot(b, c, b, prev, dim);
                    for (std::size_t j = 0; j < dim; ++j) b[j * kBlock + c] -= proj * b[j * kBlock + prev];
                }
            }
            double norm = std::sqrt(column_dot(b, c, b, c, dim));
            if (norm > 1e-12 * largest && norm > 0) {
                for (std::size_t j = 0; j < dim; ++j) b[j * kBlock + c] /= norm;
                break;
            }
            for (std::size_t j = 0; j < dim; ++j) b[j * kBlock + c] = noise.next();
            largest = std::max(largest, 1.0);
        }
    }
}

// z = (centred rows)^T (centred rows) v over rows 0, stride, 2*stride, ... (count of them): the
// covariance times v up to a factor, in one pass over the data without forming the covariance.
// Rows go in pairs: each load of v and each read-modify-write of z then serves two rows, which is
// what bounds this loop (z is dim*kBlock doubles, 32 KB at dim 1024), and the two rows' dot products
// are independent chains for the adder.
void covariance_times(const float* rows, std::size_t dim, std::size_t stride, std::size_t count,
                      const std::vector<double>& mean, const std::vector<double>& v, std::vector<double>& z,
                      std::vector<double>& centred) {
    std::fill(z.begin(), z.end(), 0.0);
    double* c0 = centred.data();
    double* c1 = centred.data() + dim;
    std::size_t r = 0;
    for (; r + 1 < count; r += 2) {
        const float* x0 = rows + r * stride * dim;
        const float* x1 = x0 + stride * dim;
        double y0[kBlock] = {}, y1[kBlock] = {};
        for (std::size_t j = 0; j < dim; ++j) {
            double d0 = double(x0[j]) - mean[j], d1 = double(x1[j]) - mean[j];
            c0[j] = d0;
            c1[j] = d1;
            for (std::size_t c = 0; c < kBlock; ++c) {
                y0[c] += d0 * v[j * kBlock + c];
                y1[c] += d1 * v[j * kBlock + c];
            }
        }
        for (std::size_t k = 0; k < dim; ++k) {
            double d0 = c0[k], d1 = c1[k];
            for (std::size_t c = 0; c < kBlock; ++c) z[k * kBlock + c] += d0 * y0[c] + d1 * y1[c];
        }
    }
    if (r < count) {  // the odd row out
        const float* x = rows + r * stride * dim;
        double y[kBlock] = {};
        for (std::size_t j = 0; j < dim; ++j) {
            double d = double(x[j]) - mean[j];
            c0[j] = d;
            for (std::size_t c = 0; c < kBlock; ++c) y[c] += d * v[j * kBlock + c];
        }
        for (std::size_t k = 0; k < dim; ++k)
            for (std::size_t c = 0; c < kBlock; ++c) z[k * kBlock + c] += c0[k] * y[c];
    }
}

struct Subspace {
    std::vector<double> basis;  // dim x kBlock, orthonormal: the current guess
    std::vector<double> ritz;   // dim x kBlock: the best axes within it, by captured variance
};

// Subspace iteration with a Rayleigh-Ritz step each pass, until the two leading axes are eigenvectors
// to `residual_tol` or the variance they capture stops growing (to `stable_tol`, relative), or after
// `max_passes`. The second test ends the loop when eigenvalues beyond the 2nd are close to the 2nd:
// then no axis among them is better than another for a scatter plot, and waiting for the residual
// could take thousands of passes.
void iterate(const float* rows, std::size_t dim, std::size_t stride, std::size_t count, const Moments& m,
             double residual_tol, double stable_tol, int max_passes, Subspace& s, StartingNoise& noise) {
    std::vector<double> z(dim * kBlock), centred(2 * dim), w(dim * kBlock);
    double previous[2] = {0, 0};
    for (int it = 0; it < std::max(1, max_passes); ++it) {  // one at least: it sets s.ritz
        covariance_times(rows, dim, stride, count, m.mean, s.basis, z, centred);
        std::vector<double> h(kBlock * kBlock);
        for (std::size_t a = 0; a < kBlock; ++a)
            for (std::size_t b = a; b < kBlock; ++b)
                h[a * kBlock + b] = 0.5 * (column_dot(s.basis, a, z, b, dim) + column_dot(s.basis, b, z, a, dim));
        SymmetricEigen e = symmetric_eigen(std::move(h), kBlock);
        // Ritz vectors u = basis * S and their images w = z * S (= covariance * u).
        for (std::size_t j = 0; j < dim; ++j) {
            for (std::size_t c = 0; c < kBlock; ++c) {
                double u = 0, im = 0;
                for (std::size_t k = 0; k < kBlock; ++k) {
                    u += s.basis[j * kBlock + k] * e.vectors[k * kBlock + c];
                    im += z[j * kBlock + k] * e.vectors[k * kBlock + c];
                }
                s.ritz[j * kBlock + c] = u;
                w[j * kBlock + c] = im;
            }
        }
        double scale = std::max(e.values[0], std::numeric_limits<double>::min());
        bool converged = true, stable = true;
        for (std::size_t c = 0; c < 2; ++c) {
            double r = 0;
            for (std::size_t j = 0; j < dim; ++j) {
                double d = w[j * kBlock + c] - e.values[c] * s.ritz[j * kBlock + c];
                r += d * d;
            }
            if (std::sqrt(r) > residual_tol * scale) converged = false;
            if (it == 0 || std::fabs(e.values[c] - previous[c]) > stable_tol * scale) stable = false;
            previous[c] = e.values[c];
        }
        if (converged || stable) return;
        s.basis = w;
        orthonormalise(s.basis, dim, noise);
    }
}

void iterative_axes(const float* rows, std::size_t n, std::size_t dim, const Moments& m, const PcaOptions& options,
                    std::vector<double>& axis0, std::vector<double>& axis1) {
    StartingNoise noise;
    Subspace s;
    s.basis.resize(dim * kBlock);
    s.ritz.resize(dim * kBlock);
    for (double& x : s.basis) x = noise.next();
    orthonormalise(s.basis, dim, noise);
    const double budget = double(options.max_sample_passes) * double(kSampleRows);  // row-passes
    if (n >= 4 * kSampleRows) {
        // The sample's axes are only as good as its sampling error allows: a loose tolerance.
        iterate(rows, dim, n / kSampleRows, kSampleRows, m, 1e-4, 1e-5, options.max_sample_passes, s, noise);
        s.basis = s.ritz;  // orthonormal already: an orthogonal rotation of the basis
        iterate(rows, dim, 1, n, m, 1e-7, 1e-8, options.max_full_passes, s, noise);
    } else {
        int passes = int(std::min(1e6, std::max(double(options.max_full_passes), budget / double(n))));
        iterate(rows, dim, 1, n, m, 1e-7, 1e-8, passes, s, noise);
    }
    for (std::size_t j = 0; j < dim; ++j) {
        axis0[j] = s.ritz[j * kBlock];
        axis1[j] = s.ritz[j * kBlock + 1];
    }
}

}  // namespace

Projection pca_2d(const float* rows, std::size_t n, std::size_t dim, const PcaOptions& options) {
    Projection out;
    if (n == 0) {
        out.ok = true;
        return out;
    }
    if (dim == 0) {
        out.error = fmt::format("{} rows of dimension 0: there is nothing to project", n);
        return out;
    }
    if (n > std::numeric_limits<std::size_t>::max() / dim / sizeof(float) || n > out.xy.max_size() / 2) {
        out.error = fmt::format("{} rows of {} values do not fit in memory", n, dim);
        return out;
    }
    if (!rows) {
        out.error = "no row data was given";
        return out;
    }
    if (find_non_finite(rows, n, dim, out.error)) return out;

    Moments m = moments(rows, n, dim);
    out.xy.assign(2 * n, 0.0f);
    out.ok = true;
    // Constant rows (and a single row) have no direction of variance: every point is the mean.
    if (!(m.total_squares > 0)) return out;

    std::vector<double> axis0(dim, 0.0), axis1(dim, 0.0);
    if (dim <= options.max_dense_dim || dim <= kBlock)
        dense_axes(rows, n, dim, m.mean, axis0, axis1);
    else
        iterative_axes(rows, n, dim, m, options, axis0, axis1);
    fix_sign(axis0.data(), dim);
    fix_sign(axis1.data(), dim);

    // Offsets of the mean along each axis, so a row is projected without centring it first.
    double mean0 = 0, mean1 = 0;
    for (std::size_t j = 0; j < dim; ++j) {
        mean0 += m.mean[j] * axis0[j];
        mean1 += m.mean[j] * axis1[j];
    }
    double squares0 = 0, squares1 = 0;
    for (std::size_t i = 0; i < n; ++i) {
        const float* x = rows + i * dim;
        double p0 = 0, p1 = 0;
        for (std::size_t j = 0; j < dim; ++j) {
            p0 += double(x[j]) * axis0[j];
            p1 += double(x[j]) * axis1[j];
        }
        p0 -= mean0;
        p1 -= mean1;
        out.xy[2 * i] = float(p0);
        out.xy[2 * i + 1] = float(p1);
        squares0 += p0 * p0;
        squares1 += p1 * p1;
    }
    // The variance along each axis, measured on the points themselves, so both paths report the same
    // quantity; clamped because rounding can push a share a hair past 1.
    out.explained[0] = float(std::min(1.0, squares0 / m.total_squares));
    out.explained[1] = float(std::min(1.0, squares1 / m.total_squares));
    return out;
}

}  // namespace eic::insight

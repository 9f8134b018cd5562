// Principal component analysis to two dimensions, for the manifest editor's embedding map.
//
// Every item's embedding (a row of `dim` floats) becomes a point: its coordinates along the two
// directions in which the embeddings vary most. Sizes go to n = 200,000 rows of up to 1,024 floats, in
// wasm, so the work is shaped by cost:
// - dim <= PcaOptions::max_dense_dim: the covariance matrix (O(n*dim^2), in double) and its exact
//   eigenvectors (symmetric_eigen.hpp);
// - larger dim: block subspace iteration on the centred data itself, never forming the dim x dim
//   matrix (O(n*dim) per pass), converged on an evenly strided sample of the rows first so that only
//   a few passes over all of them are needed.
// Both are deterministic: the same rows give the same points, and each axis' largest-magnitude
// component is positive (fix_sign), so the map does not mirror itself between runs.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace eic::insight {

struct Projection {
    std::vector<float> xy;        // 2 per row, row-major: row i is at (xy[2i], xy[2i+1])
    float explained[2] = {0, 0};  // share of the total variance along each axis (0 when there is none)
    bool ok = false;
    std::string error;  // why not, when !ok: in user words, naming the offending row (0-based)
};

struct PcaOptions {
    // Up to this dimension the covariance matrix is formed; above it, subspace iteration.
    std::size_t max_dense_dim = 64;
    // Caps on the iterative path's passes, which bound its time whatever the spectrum: a spectrum
    // without a gap after the 2nd eigenvalue converges slowly, but then no axis of the tie is better
    // than another for a scatter plot. Passes over the strided sample (or, with few rows, over all of
    // them as long as they do no more work than this many sample passes) ...
    int max_sample_passes = 100;
    // ... then passes over all rows, which only refine the sample's answer.
    int max_full_passes = 4;
};

// rows: n*dim floats, row-major. Degenerate inputs are answered, not refused: n = 0 gives no points,
// a single row or constant rows give points at the origin (explained {0, 0}), dim = 1 puts every
// point on the first axis (the second coordinate is 0). Refused (ok = false, no points): a NaN or an
// infinity (the first such row and column are named), dim = 0 with rows, a null `rows` with n*dim > 0,
// and n*dim beyond the address space.
Projection pca_2d(const float* rows, std::size_t n, std::size_t dim, const PcaOptions& options = {});

}  // namespace eic::insight

// Eigenvalues and eigenvectors of a small dense symmetric matrix (cyclic Jacobi rotations).
//
// The PCA needs the top eigenpairs of a covariance matrix of at most a few dozen rows, or of the
// small Rayleigh-Ritz matrix of its iterative path. Jacobi is exact to rounding on such sizes, has no
// convergence corner cases for repeated eigenvalues, and is deterministic (no random start, a fixed
// rotation order), so the embedding map does not change between runs on the same data.
#pragma once

#include <cstddef>
#include <vector>

namespace eic::insight {

struct SymmetricEigen {
    std::vector<double> values;   // descending
    std::vector<double> vectors;  // m*m, column k (vectors[i*m + k]) is the unit eigenvector of values[k]
};

// `a` is m*m, row-major; only its upper triangle is read (the lower is assumed to mirror it).
// Ties in value keep the order of the diagonal they came from, so identity-like inputs stay put.
SymmetricEigen symmetric_eigen(std::vector<double> a, std::size_t m);

// Flips v (len values, `stride` apart) so that its largest-magnitude component is positive; on ties
// in magnitude the first such component decides. Eigenvectors have no sign of their own: this picks
// one that does not depend on the solver's path, so axes do not flip when the data barely changes.
void fix_sign(double* v, std::size_t len, std::size_t stride = 1);

}  // namespace eic::insight

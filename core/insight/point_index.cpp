#include "insight/point_index.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

namespace eic::insight {
namespace {

// Past this a grid costs more memory than it saves time (a cell per 4 points at 1M points is 250k).
constexpr std::size_t kMaxCells = std::size_t(1) << 20;

bool finite(float v) { return std::isfinite(v); }

}  // namespace

void PointIndex::clear() { *this = PointIndex(); }

int PointIndex::cell_x(float x) const {
    const float c = (x - min_x_) * inv_cell_w_;
    if (!(c > 0)) return 0;  // also catches NaN
    return c >= (float)nx_ ? nx_ - 1 : (int)c;
}

int PointIndex::cell_y(float y) const {
    const float c = (y - min_y_) * inv_cell_h_;
    if (!(c > 0)) return 0;
    return c >= (float)ny_ ? ny_ - 1 : (int)c;
}

void PointIndex::build(const float* xy, std::size_t n, std::size_t per_cell) {
    clear();
    count_ = n;
    if (!xy || n == 0) return;
    if (per_cell < 1) per_cell = 1;

    std::size_t finite_count = 0;
    float lo_x = std::numeric_limits<float>::max(), lo_y = lo_x;
    float hi_x = std::numeric_limits<float>::lowest(), hi_y = hi_x;
    for (std::size_t i = 0; i < n; ++i) {
        const float x = xy[2 * i], y = xy[2 * i + 1];
        if (!finite(x) || !finite(y)) continue;
        ++finite_count;
        lo_x = std::min(lo_x, x), hi_x = std::max(hi_x, x);
        lo_y = std::min(lo_y, y), hi_y = std::max(hi_y, y);
    }
    if (finite_count == 0) return;
    min_x_ = lo_x, min_y_ = lo_y, max_x_ = hi_x, max_y_ = hi_y;

    // Square-ish cells: split the cell budget in proportion to the extent of each axis. Extents are
    // computed in double so that points near float's limits cannot overflow to infinity.
    const double w = (double)hi_x - lo_x, h = (double)hi_y - lo_y;
    const double cells = (double)std::min(kMaxCells, std::max<std::size_t>(1, finite_count / per_cell));
    if (w > 0 && h > 0) {
        const double side = std::sqrt(w * h / cells);
        nx_ = (int)std::clamp(std::ceil(w / side), 1.0, cells);
        ny_ = (int)std::clamp(std::floor(cells / nx_), 1.0, cells);
    } else {
        // All points on a line (or one spot): cells along the line only.
        nx_ = w > 0 ? (int)cells : 1;
        ny_ = h > 0 ? (int)cells : 1;
    }
    inv_cell_w_ = w > 0 ? (float)(nx_ / w) : 0.f;
    inv_cell_h_ = h > 0 ? (float)(ny_ / h) : 0.f;

    // Counting sort into cells; ids stay ascending within each cell.
    cell_start_.assign((std::size_t)nx_ * ny_ + 1, 0);
    std::vector<std::uint32_t> cell_of(n, std::numeric_limits<std::uint32_t>::max());
    for (std::size_t i = 0; i < n; ++i) {
        const float x = xy[2 * i], y = xy[2 * i + 1];
        if (!finite(x) || !finite(y)) continue;
        cell_of[i] = (std::uint32_t)cell_y(y) * nx_ + cell_x(x);
        ++cell_start_[cell_of[i] + 1];
    }
    for (std::size_t c = 1; c < cell_start_.size(); ++c) cell_start_[c] += cell_start_[c - 1];
    order_.resize(finite_count);
    xy_.resize(2 * finite_count);
    std::vector<std::uint32_t> fill(cell_start_.begin(), cell_start_.end() - 1);
    for (std::size_t i = 0; i < n; ++i) {
        if (cell_of[i] == std::numeric_limits<std::uint32_t>::max()) continue;
        const std::uint32_t at = fill[cell_of[i]]++;
        order_[at] = (std::uint32_t)i;
        xy_[2 * at] = xy[2 * i];
        xy_[2 * at + 1] = xy[2 * i + 1];
    }
}

std::optional<std::uint32_t> PointIndex::nearest(float x, float y, float radius) const {
    if (order_.empty() || !finite(x) || !finite(y) || !finite(radius) || radius < 0) return std::nullopt;
    // Outside the bounds by more than the radius: nothing can be close.
    if (x < min_x_ - radius || x > max_x_ + radius || y < min_y_ - radius || y > max_y_ + radius) return std::nullopt;
    const int cx0 = cell_x(x - radius), cx1 = cell_x(x + radius);
    const int cy0 = cell_y(y - radius), cy1 = cell_y(y + radius);
    const double r2 = (double)radius * radius;
    double best = r2;
    std::optional<std::uint32_t> found;
    for (int cy = cy0; cy <= cy1; ++cy) {
        for (int cx = cx0; cx <= cx1; ++cx) {
            const std::size_t c = (std::size_t)cy * nx_ + cx;
            for (std::uint32_t k = cell_start_[c]; k < cell_start_[c + 1]; ++k) {
                const double dx = (double)xy_[2 * k] - x, dy = (double)xy_[2 * k + 1] - y;
                const double d2 = dx * dx + dy * dy;
                if (d2 < best || (d2 == best && d2 <= r2 && (!found || order_[k] < *found))) {
                    best = d2;
                    found = order_[k];
                }
            }
        }
    }
    return found;
}

void PointIndex::in_box(float x0, float y0, float x1, float y1, std::vector<std::uint32_t>& out) const {
    if (order_.empty() || !finite(x0) || !finite(y0) || !finite(x1) || !finite(y1)) return;
    if (x0 > x1) std::swap(x0, x1);
    if (y0 > y1) std::swap(y0, y1);
    if (x1 < min_x_ || x0 > max_x_ || y1 < min_y_ || y0 > max_y_) return;
    const std::size_t first = out.size();
    const int cx0 = cell_x(x0), cx1 = cell_x(x1), cy0 = cell_y(y0), cy1 = cell_y(y1);
    for (int cy = cy0; cy <= cy1; ++cy) {
        for (int cx = cx0; cx <= cx1; ++cx) {
            const std::size_t c = (std::size_t)cy * nx_ + cx;
            for (std::uint32_t k = cell_start_[c]; k < cell_start_[c + 1]; ++k) {
                const float px = xy_[2 * k], py = xy_[2 * k + 1];
                if (px >= x0 && px <= x1 && py >= y0 && py <= y1) out.push_back(order_[k]);
            }
        }
    }
    std::sort(out.begin() + (std::ptrdiff_t)first, out.end());
}

}  // namespace eic::insight

// A uniform grid over 2-D points, so the embedding map can answer "which point is under the cursor"
// and "which points are in this box" at interactive rates with hundreds of thousands of points.
// Built once per data revision (O(n), a counting sort into cells); queries touch only the cells
// they overlap. Points whose coordinates are not finite are kept out of the index, never returned.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <vector>

namespace eic::insight {

class PointIndex {
public:
    // `xy` holds two floats per point. The index keeps no pointer to it: it copies what it needs.
    // `per_cell` is the average number of points a cell should hold (clamped to at least 1).
    void build(const float* xy, std::size_t n, std::size_t per_cell = 4);
    void clear();

    std::size_t size() const { return count_; }            // points given to build()
    std::size_t indexed() const { return order_.size(); }  // of those, the finite ones

    // The point nearest to (x, y) no farther than `radius`; ties go to the lower index.
    // Nothing when the radius is negative or not finite, or no point is that close.
    std::optional<std::uint32_t> nearest(float x, float y, float radius) const;

    // Every point with x0 <= x <= x1 and y0 <= y <= y1 (corners in any order), in ascending index order.
    // Appends to `out`; a box with a non-finite corner selects nothing.
    void in_box(float x0, float y0, float x1, float y1, std::vector<std::uint32_t>& out) const;

    // The bounds of the indexed points (all zero when none).
    float min_x() const { return min_x_; }
    float min_y() const { return min_y_; }
    float max_x() const { return max_x_; }
    float max_y() const { return max_y_; }

private:
    int cell_x(float x) const;
    int cell_y(float y) const;

    std::size_t count_ = 0;
    int nx_ = 0, ny_ = 0;
    float min_x_ = 0, min_y_ = 0, max_x_ = 0, max_y_ = 0;
    float inv_cell_w_ = 0, inv_cell_h_ = 0;
    std::vector<std::uint32_t> cell_start_;  // nx*ny + 1 offsets into order_
    std::vector<std::uint32_t> order_;       // point ids grouped by cell, ascending within a cell
    std::vector<float> xy_;                  // positions in order_'s order, so a cell scan reads memory in sequence
};

}  // namespace eic::insight

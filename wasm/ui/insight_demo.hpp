// Debug only: a synthetic manifest for the insight views before the real table feeds them, and for
// the browser tests and benchmarks (app.debug.insightDemo(n)). N units with a 32-D embedding drawn
// from a few Gaussian clusters, an enum key that mostly follows the cluster, a number, a boolean and
// a datetime, each missing for some units.
#pragma once

#include <cstddef>
#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "ui/insight_source.hpp"

namespace eic::ui {

class InsightDemoSource : public InsightSource {
public:
    static constexpr std::size_t kDim = 32;
    explicit InsightDemoSource(std::size_t n, std::uint32_t seed = 1);

    std::uint64_t revision() const override { return revision_; }
    std::vector<InsightKey> keys() const override;
    std::size_t unit_count() const override { return cluster_.size(); }
    void embeddings(const std::string& key, std::size_t dim, std::vector<float>& out,
                    std::vector<std::uint32_t>& units) override;
    void numbers(const std::string& key, const std::vector<std::uint32_t>& units,
                 std::vector<std::optional<double>>& out) override;
    void strings(const std::string& key, const std::vector<std::uint32_t>& units,
                 std::vector<std::optional<std::string>>& out) override;
    std::vector<std::uint32_t> filtered_units() override;
    std::string describe(std::uint32_t unit) override;
    void select_units(std::vector<std::uint32_t> units) override;

    // What the views told the table, for tests.
    const std::vector<std::uint32_t>& selection() const { return selection_; }
    std::size_t select_calls() const { return select_calls_; }

private:
    std::uint64_t revision_;
    std::vector<float> embedding_;  // kDim per unit
    std::vector<std::uint8_t> cluster_, category_;
    std::vector<float> score_;            // NaN: missing
    std::vector<std::int8_t> reviewed_;   // -1 missing, 0, 1
    std::vector<std::int64_t> captured_;  // seconds since the epoch; INT64_MIN: missing
    std::vector<std::uint32_t> selection_;
    std::size_t select_calls_ = 0;
};

// Opens (or replaces) the demo window with n units; n = 0 closes it.
void open_insight_demo(std::size_t n);
// {"open", "units", "points", "projecting", "selected", "selectCalls", "hovered", "tooltip", "probe": {x, y}}
// probe: where unit 0's point is on the canvas (CSS pixels), so a test can hover it.
nlohmann::json insight_demo_state();

}  // namespace eic::ui

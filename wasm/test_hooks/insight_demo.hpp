// Test build only (wasm/test_hooks): a synthetic manifest for the insight views, for the browser tests
// (app.debug.insightDemo(n)). N units with a 32-D embedding drawn
// from a few Gaussian clusters, an enum key that mostly follows the cluster, a number, a boolean and
// a datetime, each missing for some units.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "app/insight_source.hpp"
#include "ui/insight_view.hpp"

struct ImGuiContextHook;

namespace eic::ui {

class InsightDemoSource : public app::InsightSource {
public:
    static constexpr std::size_t kDim = 32;
    explicit InsightDemoSource(std::size_t n, std::uint32_t seed = 1);

    std::uint64_t revision() const override { return revision_; }
    std::vector<app::InsightKey> keys() const override;
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

// The demo window: its source, what the views remember, and the frame hook that draws it
// (test_hooks.cpp owns the one instance).
class InsightDemo {
public:
    InsightDemo() = default;
    // The frame hook points at this object: it must not be copied or moved.
    InsightDemo(const InsightDemo&) = delete;
    InsightDemo& operator=(const InsightDemo&) = delete;
    ~InsightDemo();

    // Opens (or replaces) the demo window with n units; n = 0 closes it.
    void open(std::size_t n);
    // {"open", "units", "points", "projecting", "explained", "projectMs", "selected", "mapSelected",
    // "selectCalls", "hovered", "tooltip", "summaries", "probe": {x, y}}. probe: where unit 0's point is
    // on the canvas (CSS pixels), so a test can hover it.
    nlohmann::json state() const;

private:
    // Runs at the end of ImGui::NewFrame (hook->UserData is this object).
    static void on_new_frame(ImGuiContext* ctx, ImGuiContextHook* hook);
    void draw();

    std::unique_ptr<InsightDemoSource> source_;
    InsightView view_;
    bool open_ = false;
    ImGuiContext* hooked_ = nullptr;  // the context our frame hook is installed in
    ImGuiID hook_id_ = 0;
};

}  // namespace eic::ui

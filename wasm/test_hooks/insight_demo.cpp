#include "test_hooks/insight_demo.hpp"

#include <imgui.h>
#include <imgui_internal.h>

#include <cmath>
#include <ctime>
#include <limits>
#include <memory>
#include <random>

namespace eic::ui {
namespace {

const char* const kCategories[] = {"animal", "building", "food", "person", "plant", "vehicle", "sign", "water"};
constexpr std::size_t kClusters = 8;
constexpr std::int64_t kMissingTime = std::numeric_limits<std::int64_t>::min();
constexpr std::int64_t kFirstCapture = 1704067200;  // 2024-01-01T00:00:00Z

std::string iso_utc(std::int64_t seconds) {
    const std::time_t t = (std::time_t)seconds;
    std::tm tm{};
    gmtime_r(&t, &tm);
    char buf[32];
    std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
    return buf;
}

}  // namespace

InsightDemoSource::InsightDemoSource(std::size_t n, std::uint32_t seed) : revision_(n * 7919 + seed) {
    std::mt19937 rng(seed);
    std::normal_distribution<float> normal(0.f, 1.f);
    std::uniform_real_distribution<float> uniform(0.f, 1.f);
    float centres[kClusters][kDim];
    for (auto& c : centres)
        for (float& v : c) v = 4.f * normal(rng);
    embedding_.resize(n * kDim);
    cluster_.resize(n);
    category_.resize(n);
    score_.resize(n);
    reviewed_.resize(n);
    captured_.resize(n);
    for (std::size_t i = 0; i < n; ++i) {
        // Clusters of unequal size, so the legend and the bars are not flat.
        const std::size_t c =
            std::min<std::size_t>(kClusters - 1, (std::size_t)(kClusters * std::pow(uniform(rng), 1.6f)));
        cluster_[i] = (std::uint8_t)c;
        for (std::size_t d = 0; d < kDim; ++d) embedding_[i * kDim + d] = centres[c][d] + 1.5f * normal(rng);
        // Mostly the cluster's own label: mislabelled units stand out on the map.
        category_[i] = uniform(rng) < 0.93f ? (std::uint8_t)c : (std::uint8_t)(rng() % kClusters);
        score_[i] = uniform(rng) < 0.06f ? std::numeric_limits<float>::quiet_NaN()
                                         : 0.1f * (float)c + 0.25f * embedding_[i * kDim] / 4.f + 0.1f * normal(rng);
        reviewed_[i] = uniform(rng) < 0.2f ? -1 : (std::int8_t)(uniform(rng) < 0.35f);
        captured_[i] = uniform(rng) < 0.1f ? kMissingTime : kFirstCapture + (std::int64_t)(uniform(rng) * 300 * 86400);
    }
}

std::vector<app::InsightKey> InsightDemoSource::keys() const {
    using schema::KeyType;
    using schema::ScalarHint;
    std::vector<std::string> options(std::begin(kCategories), std::end(kCategories));
    return {{"captured_at", KeyType::variant(ScalarHint::datetime)},
            {"category", KeyType::enumeration(options)},
            {"clip_embedding", KeyType::embedding(kDim)},
            {"reviewed", KeyType::variant(ScalarHint::boolean)},
            {"score", KeyType::variant(ScalarHint::number)}};
}

void InsightDemoSource::embeddings(const std::string& key, std::size_t dim, std::vector<float>& out,
                                   std::vector<std::uint32_t>& units) {
    if (key != "clip_embedding" || dim != kDim) return;
    out.insert(out.end(), embedding_.begin(), embedding_.end());
    for (std::uint32_t i = 0; i < cluster_.size(); ++i) units.push_back(i);
}

void InsightDemoSource::numbers(const std::string& key, const std::vector<std::uint32_t>& units,
                                std::vector<std::optional<double>>& out) {
    out.assign(units.size(), std::nullopt);
    if (key != "score") return;
    for (std::size_t i = 0; i < units.size(); ++i)
        if (units[i] < score_.size() && !std::isnan(score_[units[i]])) out[i] = score_[units[i]];
}

void InsightDemoSource::strings(const std::string& key, const std::vector<std::uint32_t>& units,
                                std::vector<std::optional<std::string>>& out) {
    out.assign(units.size(), std::nullopt);
    for (std::size_t i = 0; i < units.size(); ++i) {
        const std::uint32_t u = units[i];
        if (u >= cluster_.size()) continue;
        if (key == "category")
            out[i] = kCategories[category_[u]];
        else if (key == "reviewed" && reviewed_[u] >= 0)
            out[i] = reviewed_[u] ? "true" : "false";
        else if (key == "captured_at" && captured_[u] != kMissingTime)
            out[i] = iso_utc(captured_[u]);
    }
}

std::vector<std::uint32_t> InsightDemoSource::filtered_units() {
    std::vector<std::uint32_t> all(cluster_.size());
    for (std::uint32_t i = 0; i < all.size(); ++i) all[i] = i;
    return all;
}

std::string InsightDemoSource::describe(std::uint32_t unit) {
    if (unit >= cluster_.size()) return "unit " + std::to_string(unit) + " (not in this manifest)";
    char name[32];
    std::snprintf(name, sizeof name, "frame_%06u.jpg", unit);
    return std::string("image · ") + name + "\ngs://demo-bucket/frames/" + name + "\nunit " + std::to_string(unit);
}

void InsightDemoSource::select_units(std::vector<std::uint32_t> units) {
    selection_ = std::move(units);
    ++select_calls_;
}

// ---- the debug window --------------------------------------------------------------------------

InsightDemo::~InsightDemo() {
    // A context that is no longer current may be gone: only a live one still holds the hook.
    if (hooked_ && ImGui::GetCurrentContext() == hooked_) ImGui::RemoveContextHook(hooked_, hook_id_);
}

// The window is drawn from a NewFrame hook, so it is part of the app's frame (and of frameMs) without
// the app's own frame code knowing about a debug tool.
void InsightDemo::on_new_frame(ImGuiContext*, ImGuiContextHook* hook) {
    static_cast<InsightDemo*>(hook->UserData)->draw();
}

void InsightDemo::draw() {
    if (!open_ || !source_) return;
    ImGui::SetNextWindowSize(ImVec2(1040, 660), ImGuiCond_Appearing);
    ImGui::SetNextWindowPos(ImGui::GetMainViewport()->GetCenter(), ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
    ImGui::SetNextWindowBgAlpha(1.f);  // the panels behind would show through the map's margins
    if (ImGui::Begin("Insight demo###insight-demo", &open_, ImGuiWindowFlags_NoCollapse)) draw_insight(*source_, view_);
    ImGui::End();
}

void InsightDemo::open(std::size_t n) {
    ImGuiContext* ctx = ImGui::GetCurrentContext();
    if (ctx && hooked_ != ctx) {
        ImGuiContextHook hook;
        hook.Type = ImGuiContextHookType_NewFramePost;
        hook.Callback = on_new_frame;
        hook.UserData = this;
        hook_id_ = ImGui::AddContextHook(ctx, &hook);
        hooked_ = ctx;
    }
    open_ = n > 0;
    source_ = n > 0 ? std::make_unique<InsightDemoSource>(n) : nullptr;
    view_.model.forget_selection();  // the new source has no selection
    view_.map.selected.clear();
    ++view_.map.selection_revision;
}

nlohmann::json InsightDemo::state() const {
    const app::InsightModel& m = view_.model;
    nlohmann::json s = {{"open", open_ && source_ != nullptr},
                        {"units", source_ ? source_->unit_count() : 0},
                        {"points", m.units().size()},
                        {"projecting", view_.projecting},
                        {"explained", {m.projection().explained[0], m.projection().explained[1]}},
                        {"projectMs", m.project_ms()},
                        {"selected", source_ ? source_->selection().size() : 0},
                        {"mapSelected", view_.map.selected.size()},
                        {"selectCalls", source_ ? source_->select_calls() : 0},
                        {"hovered", m.hovered_unit() ? nlohmann::json(*m.hovered_unit()) : nlohmann::json()},
                        {"tooltip", m.hovered_unit() ? m.tooltip() : ""},
                        {"summaries", m.summaries().size()},
                        {"probe", nullptr}};
    const auto& xy = m.projection().xy;
    for (std::size_t i = 0; i < m.units().size() && 2 * i + 1 < xy.size(); ++i) {
        if (m.units()[i] != 0) continue;
        const ImVec2 p = point_map_to_screen(view_.map, xy[2 * i], xy[2 * i + 1]);
        s["probe"] = {{"x", p.x}, {"y", p.y}};
        break;
    }
    return s;
}

}  // namespace eic::ui

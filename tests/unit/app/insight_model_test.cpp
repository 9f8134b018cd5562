#include "app/insight_model.hpp"

#include <catch2/catch.hpp>
#include <cmath>
#include <cstdio>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "app/insight_colours.hpp"
#include "app/insight_text.hpp"
#include "app/rgba.hpp"

using namespace eic::app;
using eic::schema::KeyType;
using eic::schema::ScalarHint;
using eic::schema::TypeKind;

namespace {

// A table in memory that counts what the model asks of it: unit ids are indices into `units`, the
// filter is `filter` (ids, in table order).
class FakeSource final : public InsightSource {
public:
    struct Unit {
        std::map<std::string, std::vector<float>> embeddings;
        std::map<std::string, double> numbers;
        std::map<std::string, std::string> strings;
    };

    std::uint64_t rev = 1;
    std::vector<InsightKey> key_list;
    std::vector<Unit> units;
    std::vector<std::uint32_t> filter;
    bool short_rows = false;  // embeddings() gives one number too few

    mutable int keys_calls = 0;
    int embedding_calls = 0, numbers_calls = 0, strings_calls = 0, filtered_calls = 0, describe_calls = 0;
    std::vector<std::vector<std::uint32_t>> selections;

    // Adds a unit to the table and its filter; returns its id.
    std::uint32_t add(Unit u) {
        units.push_back(std::move(u));
        filter.push_back(std::uint32_t(units.size() - 1));
        return filter.back();
    }

    std::uint64_t revision() const override { return rev; }
    std::vector<InsightKey> keys() const override {
        ++keys_calls;
        return key_list;
    }
    std::size_t unit_count() const override { return filter.size(); }
    void embeddings(const std::string& key, std::size_t dim, std::vector<float>& out,
                    std::vector<std::uint32_t>& ids) override {
        ++embedding_calls;
        out.clear();
        ids.clear();
        for (std::uint32_t u : filter) {
            auto it = units[u].embeddings.find(key);
            if (it == units[u].embeddings.end() || it->second.size() != dim) continue;
            out.insert(out.end(), it->second.begin(), it->second.end());
            ids.push_back(u);
        }
        if (short_rows && !out.empty()) out.pop_back();
    }
    void numbers(const std::string& key, const std::vector<std::uint32_t>& ids,
                 std::vector<std::optional<double>>& out) override {
        ++numbers_calls;
        out.assign(ids.size(), std::nullopt);
        for (std::size_t i = 0; i < ids.size(); ++i)
            if (auto it = units[ids[i]].numbers.find(key); it != units[ids[i]].numbers.end()) out[i] = it->second;
    }
    void strings(const std::string& key, const std::vector<std::uint32_t>& ids,
                 std::vector<std::optional<std::string>>& out) override {
        ++strings_calls;
        out.assign(ids.size(), std::nullopt);
        for (std::size_t i = 0; i < ids.size(); ++i)
            if (auto it = units[ids[i]].strings.find(key); it != units[ids[i]].strings.end()) out[i] = it->second;
    }
    std::vector<std::uint32_t> filtered_units() override {
        ++filtered_calls;
        return filter;
    }
    std::string describe(std::uint32_t unit) override {
        ++describe_calls;
        return "unit " + std::to_string(unit);
    }
    void select_units(std::vector<std::uint32_t> ids) override { selections.push_back(std::move(ids)); }
};

FakeSource::Unit unit_at(float x, float y, const std::string& kind = "", std::optional<double> score = {}) {
    FakeSource::Unit u;
    u.embeddings["emb"] = {x, y};
    if (!kind.empty()) u.strings["kind"] = kind;
    if (score) u.numbers["score"] = *score;
    return u;
}

std::vector<std::string> names(const std::vector<const InsightKey*>& keys) {
    std::vector<std::string> out;
    for (const auto* k : keys) out.push_back(k->name);
    return out;
}

// A table with an embedding, an enum, a number and a few keys the map cannot use.
FakeSource small_table() {
    FakeSource s;
    s.key_list = {{"caption", KeyType::variant(ScalarHint::text)},
                  {"emb", KeyType::embedding(2)},
                  {"emb3", KeyType::embedding(3)},
                  {"kind", KeyType::enumeration({"a", "b"})},
                  {"place", KeyType::geospatial()},
                  {"reviewed", KeyType::variant(ScalarHint::boolean)},
                  {"score", KeyType::variant(ScalarHint::number)}};
    s.add(unit_at(0, 0, "a", 1));
    s.add(unit_at(1, 0, "a", 2));
    s.add(unit_at(0, 1, "b", 3));
    s.add(unit_at(1, 1, "b"));
    return s;
}

}  // namespace

TEST_CASE("insight model: the first embedding key and, once, the first category key are chosen", "[app][insight]") {
    FakeSource s = small_table();
    InsightModel m;
    m.refresh_keys(s);
    CHECK(m.embedding_key() == "emb");
    CHECK(m.colour_key() == "kind");  // the first enum or boolean, in key order
    CHECK(m.summary_key().empty());
    CHECK(names(m.embedding_keys()) == std::vector<std::string>{"emb", "emb3"});
    CHECK(names(m.colour_keys()) == std::vector<std::string>{"kind", "reviewed", "score"});
    CHECK(names(m.summary_keys()) == std::vector<std::string>{"caption", "kind", "reviewed", "score"});

    // "no colour" is a choice the default does not override.
    m.choose_colour("");
    m.refresh_keys(s);
    CHECK(m.colour_key().empty());

    // Choices that are not offered are settled: another embedding, no colour, every key.
    m.choose_embedding("missing");
    m.choose_colour("caption");  // text cannot colour
    m.choose_summary("emb");     // embeddings are the map's
    m.refresh_keys(s);
    CHECK(m.embedding_key() == "emb");
    CHECK(m.colour_key().empty());
    CHECK(m.summary_key().empty());
    m.choose_embedding("emb3");
    m.choose_summary("score");
    m.refresh_keys(s);
    CHECK(m.embedding_key() == "emb3");
    CHECK(m.summary_key() == "score");
}

TEST_CASE("insight model: the colour default waits for an embedding key", "[app][insight]") {
    FakeSource s;
    s.key_list = {{"kind", KeyType::enumeration({"a"})}};
    InsightModel m;
    m.refresh_keys(s);
    CHECK(m.embedding_key().empty());
    CHECK(m.colour_key().empty());
    s.key_list.push_back({"emb", KeyType::embedding(2)});
    m.refresh_keys(s);  // same revision: the keys are not read again
    CHECK(s.keys_calls == 1);
    CHECK(m.embedding_key().empty());
    ++s.rev;
    m.refresh_keys(s);
    CHECK(s.keys_calls == 2);
    CHECK(m.embedding_key() == "emb");
    CHECK(m.colour_key() == "kind");
}

TEST_CASE("insight model: the map is projected again only when the revision or the key changes", "[app][insight]") {
    FakeSource s = small_table();
    InsightModel m;
    m.refresh_keys(s);
    CHECK(m.projection_due(s));
    InsightChanges c = m.update(s);
    CHECK(c.projected);
    CHECK(c.recoloured);
    CHECK(c.summarised);
    CHECK(s.embedding_calls == 1);
    CHECK_FALSE(m.projection_due(s));
    CHECK(m.projected_key() == "emb");
    REQUIRE(m.projection().ok);
    CHECK(m.units() == std::vector<std::uint32_t>{0, 1, 2, 3});
    CHECK(m.projection().xy.size() == 8);
    const std::uint64_t data = m.data_revision();
    const int strings = s.strings_calls;

    c = m.update(s);  // nothing changed: nothing is asked of the source
    CHECK_FALSE(c.projected);
    CHECK_FALSE(c.recoloured);
    CHECK_FALSE(c.summarised);
    CHECK(s.embedding_calls == 1);
    CHECK(s.strings_calls == strings);
    CHECK(s.keys_calls == 1);
    CHECK(m.data_revision() == data);

    m.choose_colour("score");  // a new colour recolours without projecting
    c = m.update(s);
    CHECK_FALSE(c.projected);
    CHECK(c.recoloured);
    CHECK(s.embedding_calls == 1);
    CHECK(m.data_revision() > data);

    m.choose_embedding("emb3");  // no unit has one: an empty map, every unit missing
    CHECK(m.projection_due(s));
    c = m.update(s);
    CHECK(c.projected);
    CHECK(s.embedding_calls == 2);
    CHECK(m.units().empty());
    CHECK(m.missing_embeddings() == 4);

    m.choose_embedding("emb");
    ++s.rev;
    m.update(s);
    CHECK(s.embedding_calls == 3);
    CHECK(s.keys_calls == 2);
    CHECK(m.units().size() == 4);
}

TEST_CASE("insight model: units without a valid embedding are counted as missing", "[app][insight]") {
    FakeSource s = small_table();
    FakeSource::Unit no_embedding;
    no_embedding.strings["kind"] = "a";
    FakeSource::Unit wrong_size;
    wrong_size.embeddings["emb"] = {1, 2, 3};
    s.add(no_embedding);
    s.add(wrong_size);
    s.add(unit_at(2, 2, "b"));
    InsightModel m;
    m.update(s);
    CHECK(m.units() == std::vector<std::uint32_t>{0, 1, 2, 3, 6});
    CHECK(m.missing_embeddings() == 2);
    CHECK(m.colours().size() == 5);
}

TEST_CASE("insight model: a source that gives the wrong number of floats is reported", "[app][insight]") {
    FakeSource s = small_table();
    s.short_rows = true;
    InsightModel m;
    m.update(s);
    CHECK_FALSE(m.projection().ok);
    CHECK(m.projection().error == "The table gave 7 numbers for 4 embeddings of 2.");
    CHECK(m.units().empty());
    CHECK(m.colours().empty());
}

TEST_CASE("insight model: categories get the palette's nine colours, then other and missing", "[app][insight]") {
    FakeSource s;
    s.key_list = {{"emb", KeyType::embedding(2)}, {"kind", KeyType::variant(ScalarHint::boolean)}};
    // Twelve values: "c00" on 12 units, "c01" on 11, ... "c11" on one; then 3 units without a value.
    for (int c = 0; c < 12; ++c)
        for (int k = 0; k < 12 - c; ++k) {
            char name[8];
            std::snprintf(name, sizeof name, "c%02d", c);
            s.add(unit_at(float(c), float(k), name));
        }
    for (int k = 0; k < 3; ++k) s.add(unit_at(20, float(k)));
    const std::size_t n = s.units.size();
    REQUIRE(n == 81);
    InsightModel m;
    m.update(s);
    CHECK(m.coloured_key() == "kind");
    CHECK(m.colour_kind() == InsightKind::category);
    CHECK_FALSE(m.ramp());
    const auto& legend = m.legend();
    REQUIRE(legend.size() == kColourCategories + 2);
    for (std::size_t i = 0; i < kColourCategories; ++i) {
        CHECK(legend[i].label == "c0" + std::to_string(i));
        CHECK(legend[i].count == 12 - i);
        CHECK(legend[i].colour == kCategoryPalette[i]);
    }
    CHECK(legend[9].label == "other");
    CHECK(legend[9].count == 3 + 2 + 1);
    CHECK(legend[9].colour == kOtherColour);
    CHECK(legend[10].label == "missing");
    CHECK(legend[10].count == 3);
    CHECK(legend[10].colour == kMissingColour);

    // Every point has its legend entry's colour, made translucent for the map's density.
    REQUIRE(m.colour_category().size() == n);
    REQUIRE(m.colours().size() == n);
    CHECK(m.colour_value().empty());
    const std::uint32_t alpha = point_alpha(n);
    for (std::size_t i = 0; i < n; ++i)
        CHECK(m.colours()[i] == with_alpha(legend[std::size_t(m.colour_category()[i])].colour, alpha));
    CHECK(m.colour_category()[0] == 0);       // c00
    CHECK(m.colour_category()[n - 4] == 9);   // c11, beyond the palette
    CHECK(m.colour_category()[n - 1] == 10);  // no value
    CHECK(m.point_value_text(0) == "c00");
    CHECK(m.point_value_text(std::uint32_t(n - 4)) == "other");
    CHECK(m.point_value_text(std::uint32_t(n - 1)) == "missing");
}

TEST_CASE("insight model: numbers are coloured along the ramp, missing ones grey", "[app][insight]") {
    FakeSource s = small_table();
    s.units[1].numbers["score"] = 6;  // scores 1, 6, 3 and none
    InsightModel m;
    m.choose_colour("score");
    m.update(s);
    CHECK(m.colour_kind() == InsightKind::number);
    CHECK(m.ramp());
    CHECK(m.ramp_min() == 1);
    CHECK(m.ramp_max() == 6);
    REQUIRE(m.colour_value().size() == 4);
    CHECK(m.colour_value()[0] == 1.f);
    CHECK(m.colour_value()[1] == 6.f);
    CHECK(m.colour_value()[2] == 3.f);
    CHECK(std::isnan(m.colour_value()[3]));
    CHECK(m.colour_category().empty());
    const std::uint32_t alpha = point_alpha(4);
    CHECK(m.colours()[0] == with_alpha(ramp_colour(0.f), alpha));
    CHECK(m.colours()[1] == with_alpha(ramp_colour(1.f), alpha));
    CHECK(m.colours()[2] == with_alpha(ramp_colour(0.4f), alpha));
    CHECK(m.colours()[3] == with_alpha(kMissingColour, alpha / 2));
    REQUIRE(m.legend().size() == 1);
    CHECK(m.legend()[0].label == "missing");
    CHECK(m.legend()[0].count == 1);
    CHECK(m.point_value_text(1) == "6");
    CHECK(m.point_value_text(3) == "—");
}

TEST_CASE("insight model: datetimes are coloured by their time, and shown as dates", "[app][insight]") {
    FakeSource s = small_table();
    s.key_list.push_back({"taken", KeyType::variant(ScalarHint::datetime)});
    s.units[0].strings["taken"] = "2024-01-01";
    s.units[1].strings["taken"] = "2024-01-11T00:00:00Z";
    s.units[2].strings["taken"] = "not a date";
    InsightModel m;
    m.choose_colour("taken");
    m.update(s);
    CHECK(m.colour_kind() == InsightKind::datetime);
    CHECK(m.ramp_min() == 1704067200);  // 2024-01-01T00:00:00Z
    CHECK(m.ramp_max() == 1704067200 + 10 * 86400);
    CHECK(m.colours()[0] == with_alpha(ramp_colour(0.f), point_alpha(4)));
    CHECK(m.colours()[1] == with_alpha(ramp_colour(1.f), point_alpha(4)));
    CHECK(m.legend().at(0).count == 2);  // a text that is not a date is missing, like no value
    CHECK(m.point_value_text(1) == "2024-01-11");
}

TEST_CASE("insight model: no colour key leaves every point the plain colour", "[app][insight]") {
    FakeSource s = small_table();
    InsightModel m;
    m.choose_colour("");
    m.update(s);
    CHECK(m.coloured_key().empty());
    CHECK(m.legend().empty());
    for (std::uint32_t c : m.colours()) CHECK(c == with_alpha(kUncolouredColour, point_alpha(4)));
}

TEST_CASE("insight model: summaries cover the filter, or the map's selection when there is one", "[app][insight]") {
    FakeSource s = small_table();
    InsightModel m;
    m.update(s);
    CHECK(s.filtered_calls == 1);
    CHECK_FALSE(m.summarises_selection());
    CHECK(m.summarised_units() == 4);
    // One per key but the embeddings and the geospatial key, in key order.
    const auto& sums = m.summaries();
    REQUIRE(sums.size() == 4);
    CHECK(sums[0].key == "caption");
    CHECK(sums[0].kind == InsightKind::text);
    CHECK(sums[0].missing() == 4);
    CHECK(sums[1].key == "kind");
    CHECK(sums[1].kind == InsightKind::category);
    CHECK(sums[1].bars.bars == std::vector<std::pair<std::string, std::uint64_t>>{{"a", 2}, {"b", 2}});
    CHECK(sums[3].key == "score");
    CHECK(sums[3].kind == InsightKind::number);
    CHECK(sums[3].histogram.total == 4);
    CHECK(sums[3].missing() == 1);
    CHECK(sums[3].histogram.min == 1);
    CHECK(sums[3].histogram.max == 3);
    CHECK(sums[3].histogram.counts.size() == InsightModel::kHistogramBins);

    // A box on the map around points 0 and 2: the table is told their units, the summaries follow.
    m.select_points(s, {2, 0, 9});  // 9 is not a point
    REQUIRE(s.selections.size() == 1);
    CHECK(s.selections[0] == std::vector<std::uint32_t>{0, 2});
    CHECK(m.selected_units() == std::vector<std::uint32_t>{0, 2});
    CHECK(m.selected_points() == std::vector<std::uint32_t>{0, 2});
    CHECK(m.update_summaries(s));
    CHECK(s.filtered_calls == 1);  // the selection is summarised, not the filter
    CHECK(m.summarises_selection());
    CHECK(m.summarised_units() == 2);
    CHECK(m.summaries()[1].bars.bars == std::vector<std::pair<std::string, std::uint64_t>>{{"a", 1}, {"b", 1}});
    CHECK_FALSE(m.update_summaries(s));

    // One key only.
    m.choose_summary("score");
    CHECK(m.update_summaries(s));
    REQUIRE(m.summaries().size() == 1);
    CHECK(m.summaries()[0].histogram.total == 2);

    // Clearing the selection summarises the filter again.
    m.select_points(s, {});
    CHECK(s.selections.back().empty());
    CHECK(m.update_summaries(s));
    CHECK(m.summarised_units() == 4);
    CHECK(s.filtered_calls == 2);
}

TEST_CASE("insight model: the selection is kept by unit across a re-projection", "[app][insight]") {
    FakeSource s = small_table();
    InsightModel m;
    m.update(s);
    m.select_points(s, {1, 3});
    CHECK(m.selected_units() == std::vector<std::uint32_t>{1, 3});
    // The table's filter drops unit 0 and unit 1 loses its embedding: the points move down.
    s.filter = {1, 2, 3};
    s.units[1].embeddings.clear();
    ++s.rev;
    const InsightChanges c = m.update(s);
    CHECK(c.projected);
    CHECK(m.units() == std::vector<std::uint32_t>{2, 3});
    CHECK(m.selected_units() == std::vector<std::uint32_t>{1, 3});  // still what the user chose
    CHECK(m.selected_points() == std::vector<std::uint32_t>{1});    // unit 3 is point 1 now
    CHECK(s.selections.size() == 1);                                // the table is not told again

    m.forget_selection();
    CHECK(m.selected_units().empty());
    CHECK(m.selected_points().empty());
    CHECK(s.selections.size() == 1);
}

TEST_CASE("insight model: hovering a point describes its unit once, with its colour value", "[app][insight]") {
    FakeSource s = small_table();
    InsightModel m;
    m.update(s);
    m.hover(s, 2u);
    REQUIRE(m.hovered_unit());
    CHECK(*m.hovered_unit() == 2);
    CHECK(m.tooltip() == "unit 2\nkind: b");
    m.hover(s, 2u);
    CHECK(s.describe_calls == 1);
    m.hover(s, 17u);  // not a point
    CHECK_FALSE(m.hovered_unit());
    m.hover(s, 0u);
    CHECK(m.tooltip() == "unit 0\nkind: a");
    m.hover(s, std::nullopt);
    CHECK_FALSE(m.hovered_unit());
    CHECK(s.describe_calls == 2);
}

TEST_CASE("insight kind follows the schema type", "[app][insight]") {
    CHECK(insight_kind(KeyType::variant(ScalarHint::number)) == InsightKind::number);
    CHECK(insight_kind(KeyType::variant(ScalarHint::datetime)) == InsightKind::datetime);
    CHECK(insight_kind(KeyType::variant(ScalarHint::boolean)) == InsightKind::category);
    CHECK(insight_kind(KeyType::variant(ScalarHint::text)) == InsightKind::text);
    CHECK(insight_kind(KeyType::variant(ScalarHint::varchar)) == InsightKind::text);
    CHECK(insight_kind(KeyType::variant(ScalarHint::uuid)) == InsightKind::text);
    CHECK(insight_kind(KeyType::enumeration({"x"})) == InsightKind::category);
    CHECK(insight_kind(KeyType::embedding(512)) == InsightKind::embedding);
    CHECK(insight_kind(KeyType::embedding(4096)) == InsightKind::embedding);
    CHECK(insight_kind(KeyType::embedding(0)) == InsightKind::other);
    CHECK(insight_kind(KeyType::embedding(4097)) == InsightKind::other);
    CHECK(insight_kind(KeyType::geospatial()) == InsightKind::other);
    KeyType typed;
    const std::pair<TypeKind, InsightKind> server_types[] = {
        {TypeKind::number, InsightKind::number},    {TypeKind::datetime, InsightKind::datetime},
        {TypeKind::boolean, InsightKind::category}, {TypeKind::varchar, InsightKind::text},
        {TypeKind::text, InsightKind::text},        {TypeKind::uuid, InsightKind::text},
        {TypeKind::user, InsightKind::other}};
    for (const auto& [kind, expected] : server_types) {
        typed.kind = kind;
        CHECK(insight_kind(typed) == expected);
    }
    CHECK(can_colour(InsightKind::category));
    CHECK_FALSE(can_colour(InsightKind::text));
    CHECK(can_summarise(InsightKind::text));
    CHECK_FALSE(can_summarise(InsightKind::embedding));
}

TEST_CASE("insight text: counts, values over a span, shares", "[app][insight]") {
    CHECK(count_text(0) == "0");
    CHECK(count_text(999) == "999");
    CHECK(count_text(1000) == "1,000");
    CHECK(count_text(200000) == "200,000");
    CHECK(count_text(1234567) == "1,234,567");
    const double t = 1704067200 + 13 * 3600 + 5 * 60;                         // 2024-01-01T13:05:00Z
    CHECK(value_text(t, InsightKind::datetime, 3600) == "2024-01-01 13:05");  // a short span shows the time
    CHECK(value_text(t, InsightKind::datetime, 3 * 86400) == "2024-01-01 13:05");
    CHECK(value_text(t, InsightKind::datetime, 10 * 86400) == "2024-01-01");  // a long one the date
    CHECK(value_text(-86400, InsightKind::datetime, 1e9) == "1969-12-31");
    CHECK(value_text(t, InsightKind::number) == "1.704e+09");
    CHECK(value_text(1234.5678, InsightKind::number) == "1235");
    CHECK(value_text(0.5, InsightKind::number) == "0.5");
    CHECK(value_text(std::nan(""), InsightKind::datetime) == "—");
    CHECK(value_text(INFINITY, InsightKind::number) == "—");
    CHECK(percent_text(1, 8) == "12.5%");
    CHECK(percent_text(3, 3) == "100.0%");
    CHECK(percent_text(0, 0) == "0.0%");
}

TEST_CASE("packed colours use ImGui's IM_COL32 layout, red in the low byte", "[app][insight]") {
    STATIC_REQUIRE(rgba(0x12, 0x34, 0x56, 0x78) == 0x78563412u);
    STATIC_REQUIRE(rgba(1, 2, 3) == 0xFF030201u);
    STATIC_REQUIRE(with_alpha(rgba(1, 2, 3), 0x40) == 0x40030201u);
    CHECK(red_of(kOtherColour) == 0xBA);
    CHECK(blue_of(kOtherColour) == 0xAC);
    CHECK(alpha_of(ramp_colour(0.3f)) == 255);
    // Viridis runs from dark purple to yellow.
    CHECK(ramp_colour(0.f) == rgba(68, 1, 84));
    CHECK(ramp_colour(1.f) == rgba(253, 231, 37));
    CHECK(ramp_colour(std::nanf("")) == ramp_colour(0.f));
    CHECK(green_of(ramp_colour(0.5f)) > green_of(ramp_colour(0.f)));
}

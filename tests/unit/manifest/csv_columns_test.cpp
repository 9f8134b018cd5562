// The CSV column table.
#include "manifest/csv_columns.hpp"

#include <catch2/catch.hpp>

using namespace eic::manifest;
namespace cols = eic::manifest::csv_columns;

TEST_CASE("csv columns: exact and loose lookup") {
    REQUIRE(cols::find("ObjectUrl"));
    CHECK(cols::find("ObjectUrl")->column == cols::Column::object_url);
    CHECK(cols::find(" Image title ")->collection == Collection::images);
    CHECK_FALSE(cols::find("objecturl"));
    CHECK_FALSE(cols::find("Image Title"));
    REQUIRE(cols::find_loose("object_url"));
    CHECK(cols::find_loose("object_url")->column == cols::Column::object_url);
    CHECK(cols::find_loose("image-group-title")->column == cols::Column::image_group_title);
    CHECK_FALSE(cols::find_loose("Foo"));
    CHECK_FALSE(cols::find_loose(""));
}

TEST_CASE("csv columns: title columns name the data type") {
    CHECK(cols::info(cols::Column::image_sequence_title).create_video);
    CHECK(cols::info(cols::Column::image_sequence_title).groups_rows);
    CHECK(cols::info(cols::Column::dicom_series_title).collection == Collection::dicom_series);
    CHECK_FALSE(cols::info(cols::Column::video_title).groups_rows);
    CHECK(std::string(cols::title_column_for(Collection::image_groups, true)->name) == "Image sequence title");
    CHECK(std::string(cols::title_column_for(Collection::image_groups, false)->name) == "Image group title");
    CHECK(std::string(cols::title_column_for(Collection::audio)->name) == "Audio title");
    CHECK(cols::title_column_for(Collection::text) == nullptr);
    CHECK(cols::kMaxCsvEntries == 10000);
}

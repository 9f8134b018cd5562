// The format module: collections, item field spellings, CSV columns, extensions and detection.
#include "manifest/format.hpp"

#include <catch2/catch.hpp>

#include "manifest/limits.hpp"
#include "manifest/model.hpp"

using namespace eic::manifest;
namespace f = eic::manifest::format;

TEST_CASE("format: collections by file-form and structured names", "[manifest][format]") {
    REQUIRE(f::find_collection("image_groups"));
    CHECK(f::find_collection("image_groups")->id == Collection::image_groups);
    CHECK(f::find_collection("imageGroups") == nullptr);  // the structured form is not a file-form key
    REQUIRE(f::find_structured_collection("dicomSeries"));
    CHECK(f::find_structured_collection("dicomSeries")->key == "dicom_series");
    CHECK(f::find_structured_collection("images") == nullptr);  // same in both forms: not "structured"
    CHECK(*f::file_form_of_structured("skipDuplicateUrls") == "skip_duplicate_urls");
    CHECK_FALSE(f::file_form_of_structured("videos"));
    for (Collection c : kAllCollections) {
        CHECK(f::info(c).id == c);
        CHECK(collection_from_key(collection_key(c)) == c);
    }
    CHECK_FALSE(collection_from_key("imageGroups"));
    CHECK(f::info(Collection::videos).video);
    CHECK_FALSE(f::info(Collection::images).video);
    CHECK(f::info(Collection::dicom_series).grouped);
    CHECK_FALSE(f::info(Collection::nifti).file_form_documented);
}

TEST_CASE("format: item fields, documented and snake_case spellings", "[manifest][format]") {
    auto url = f::match_item_field(Collection::images, "objectUrl");
    REQUIRE(url);
    CHECK(url->field == f::Field::object_url);
    CHECK(url->documented);
    auto snake = f::match_item_field(Collection::images, "object_url");
    REQUIRE(snake);
    CHECK(snake->field == f::Field::object_url);
    CHECK_FALSE(snake->documented);
    CHECK(snake->documented_as == "objectUrl");
    // groups: objectUrl_N with its position; a bad suffix is a group URL without a position
    auto g = f::match_item_field(Collection::image_groups, "objectUrl_12");
    REQUIRE(g);
    CHECK(g->field == f::Field::group_url);
    CHECK(g->position == 12u);
    CHECK_FALSE(f::match_item_field(Collection::image_groups, "objectUrl_01")->position);
    CHECK_FALSE(f::match_item_field(Collection::image_groups, "objectUrl_x")->position);
    CHECK_FALSE(f::match_item_field(Collection::image_groups, "object_url_3")->documented);
    CHECK_FALSE(f::match_item_field(Collection::images, "objectUrl_0"));  // single-file items have objectUrl
    CHECK_FALSE(f::match_item_field(Collection::image_groups, "objectUrl"));
    CHECK(f::match_item_field(Collection::image_groups, "createVideo")->field == f::Field::create_video);
    CHECK_FALSE(f::match_item_field(Collection::images, "createVideo"));
    CHECK(f::match_item_field(Collection::videos, "videoMetadata")->field == f::Field::media_metadata);
    CHECK_FALSE(f::match_item_field(Collection::videos, "video_metadata")->documented);
    CHECK_FALSE(f::match_item_field(Collection::images, "videoMetadata"));
    CHECK(f::match_item_field(Collection::videos, "sampling_rate")->field == f::Field::video_option);
    CHECK(f::match_item_field(Collection::videos, "keyframe_mode")->field == f::Field::video_option);
    CHECK_FALSE(f::match_item_field(Collection::images, "sampling_rate"));
    CHECK_FALSE(f::match_item_field(Collection::images, "objectURL"));
    CHECK(f::snake_spelling("clientMetadata") == "client_metadata");
}

TEST_CASE("format: detection by extension, then content", "[manifest][format]") {
    using FF = f::FileFormat;
    CHECK(f::detect("{}", "a.CSV") == FF::csv);
    CHECK(f::detect("ObjectUrl\n", "m.Json") == FF::json);
    CHECK(f::detect("\xEF\xBB\xBF \n{\"videos\":[]}") == FF::json);
    CHECK(f::detect("ObjectUrl\nx\n") == FF::csv);
    CHECK(f::detect("[1]") == FF::json);
    CHECK(f::detect("42") == FF::json);
    CHECK(f::detect("null") == FF::json);
    CHECK(f::detect("nullable,ObjectUrl\n") == FF::csv);
    CHECK(f::detect("\"just a string\"") == FF::json);
    // a quoted CSV header is CSV, not a JSON string
    CHECK(f::detect("\"ObjectUrl\",\"Image title\"\nhttps://x/y.jpg,a\n") == FF::csv);
    CHECK(f::detect("\"ObjectUrl\"\nhttps://x/y.mp4\n") == FF::csv);
    CHECK(f::detect("") == FF::json);
}

TEST_CASE("format: CSV headers read case-insensitively under every likely spelling", "[manifest][format][csv]") {
    REQUIRE(f::find_column(" objecturl "));
    CHECK(f::find_column(" objecturl ")->column == f::Column::object_url);
    CHECK(f::find_column("IMAGE TITLE")->column == f::Column::image_title);
    for (const char* s : {"Dicom title", "DICOM title", "DICOM series title", "dicom series title"})
        CHECK(f::find_column(s)->column == f::Column::dicom_series_title);
    CHECK(f::find_column("Image sequence title")->create_video);
    CHECK(f::find_column("Create video")->column == f::Column::create_video);
    CHECK_FALSE(f::find_column("object_url"));
    REQUIRE(f::find_column_loose("object_url"));
    CHECK(f::find_column_loose("image-group-title")->column == f::Column::image_group_title);
    CHECK_FALSE(f::find_column_loose("Foo"));
    // the spellings eic writes
    CHECK(f::title_column_for(Collection::image_groups, true)->name() == "Image sequence title");
    CHECK(f::title_column_for(Collection::dicom_series)->name() == "DICOM series title");
    CHECK(f::title_column_for(Collection::text) == nullptr);
    CHECK(f::parse_csv_bool(" TRUE ") == true);
    CHECK(f::parse_csv_bool("false") == false);
    CHECK(f::parse_csv_bool("") == false);
    CHECK_FALSE(f::parse_csv_bool("yes"));
    CHECK(file_limits().csv_max_entries == 10000);
}

TEST_CASE("format: a CSV row's type is the title column it fills", "[manifest][format][csv]") {
    auto layout = f::read_csv_header({"ObjectUrl", "Image title", "Video title", "Image group title", "Create video"});
    CHECK_FALSE(layout.lone_url());
    REQUIRE(layout.titles.size() == 3);
    auto row = [&](std::vector<std::string_view> cells) {
        return f::classify_csv_row(layout,
                                   [&](std::size_t i) { return i < cells.size() ? cells[i] : std::string_view(); });
    };
    using S = f::CsvRowType::Status;
    auto image = row({"u", "a", "", "", ""});
    CHECK(image.status == S::ok);
    CHECK(image.collection == Collection::images);
    CHECK(image.title == "a");
    auto video = row({"u", "", "v"});
    CHECK(video.collection == Collection::videos);
    auto seq = row({"u", "", "", "g", "TRUE"});
    CHECK(seq.collection == Collection::image_groups);
    CHECK(seq.create_video);
    CHECK(seq.grouped);
    auto bad = row({"u", "", "", "g", "maybe"});
    CHECK(bad.bad_create_video);
    CHECK_FALSE(bad.create_video);
    auto two = row({"u", "a", "v"});
    CHECK(two.status == S::ambiguous);
    CHECK(two.filled == std::vector<std::string_view>{"Image title", "Video title"});
    CHECK(row({"u"}).status == S::missing);

    auto lone = f::read_csv_header({"ObjectUrl"});
    CHECK(lone.lone_url());
    auto single = f::read_csv_header({"Image title", "objecturl", "Image Title"});
    REQUIRE(single.url);
    CHECK(*single.url == 1);
    CHECK(single.titles.size() == 1);
    CHECK(single.cells[2].repeated);
}

TEST_CASE("format: file extensions name the media kind", "[manifest][format]") {
    CHECK(f::extension_kind("https://storage.cloud.google.com/b/a.JPG") == f::ExtensionKind::image);
    CHECK(f::extension_kind("gs://b/v.mp4?x=1") == f::ExtensionKind::video);
    CHECK(f::extension_kind("gs://b/scan.nii.gz") == f::ExtensionKind::nifti);
    CHECK(f::extension_of("gs://b/scan.nii.gz") == "nii.gz");
    CHECK(f::extension_kind("gs://b/noext") == f::ExtensionKind::unknown);
    CHECK(f::extension_kind("gs://b/.hidden") == f::ExtensionKind::unknown);
    CHECK(f::extension_kind("gs://b/dir.v2/file") == f::ExtensionKind::unknown);
    CHECK(f::extension_kind("gs://b/a.xyz") == f::ExtensionKind::unknown);
}

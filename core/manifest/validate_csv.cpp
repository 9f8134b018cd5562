// The Validator's CSV manifests (validator.hpp).
#include <fmt/format.h>

#include <algorithm>
#include <string>

#include "csv/reader.hpp"
#include "manifest/csv_manifest.hpp"
#include "manifest/validator.hpp"

namespace eic::manifest::detail {

// CSV manifests: rows are read as Encord reads them, through the same reader as the loader
// (csv_manifest.hpp: its findings about columns and rows are passed through). Each kept row's
// ObjectUrl gets the URL rules and its item's title the file-name rule. Findings carry the data row
// and the column name (pointer null), and the collection and item as the loader numbers them.
void Validator::run_csv() {
    csv_ = true;
    CsvManifestReader reader(bytes_);
    if (!reader.readable()) {
        pass_through(reader.take_diagnostics());
        return;
    }
    const format::CsvLayout& layout = reader.layout();
    const csv::Record& header = reader.header_record();
    if (opt_.strict_client_only) {
        bool media = layout.titles.empty();  // lone ObjectUrl: videos
        for (const auto& t : layout.titles)
            media = media || t.info->collection == Collection::videos || t.info->collection == Collection::images;
        if (media)
            emit(Severity::error, code::strict_csv, header.offset, At::value, [&] {
                return std::string(
                    "Strict client-only access needs videoMetadata and imageMetadata for every video and "
                    "image (docs: annotate-data-integrations), which a CSV manifest cannot carry. Use a "
                    "JSON manifest (eic convert).");
            });
    }
    const std::uint64_t max_rows = file_limits().csv_max_entries;
    std::uint64_t rows = 0;
    CsvEntry e;
    while (!cancelled_ && reader.next(e)) {
        const csv::Record& rec = *e.record;
        ++rows;
        csv_row_ = rec.row;
        item_index_ = -1;
        coll_ = kNoCollection;
        csv_field_.clear();
        if (rows == max_rows + 1)
            emit(Severity::error, code::limit_csv_entries, rec.offset, At::value, [&] {
                return fmt::format(
                    "This row is beyond the {} entries Encord accepts in a CSV file (Encord's GCP import "
                    "guide). Split the file (eic split).",
                    max_rows);
            });
        pass_through(reader.take_diagnostics());
        if (!e.kept) continue;
        coll_ = int(e.type.collection);
        coll_present_[std::size_t(coll_)] = true;
        item_index_ = std::int64_t(e.item);
        if (e.first_of_item) {
            count_item();
            if (e.title && !e.title->value.empty()) {
                csv_field_ = reader.column_name(*e.type.title_index);
                check_title(e.title->value, e.title->offset);
            }
            if (opt_.strict_client_only && e.type.collection == Collection::image_groups && e.type.create_video)
                warn_image_sequence(rec.offset, At::value);
        }
        csv_field_ = reader.column_name(*layout.url);
        check_url(e.url->value, e.url->offset);
        if (opt_.progress && rec.offset >= next_progress_) {
            next_progress_ = rec.offset + std::max<std::size_t>(opt_.progress_every, 1);
            if (!opt_.progress(rec.offset, bytes_.size())) cancelled_ = true;
        }
    }
    pass_through(reader.take_diagnostics());
    csv_row_ = 0;
    csv_field_.clear();
    item_index_ = -1;
    coll_ = kNoCollection;
    if (!cancelled_ && rows == 0)
        emit(Severity::warning, code::empty, 0, At::value,
             [&] { return std::string("The manifest has no rows: add one row per file under the header."); });
    json::ReadResult ok;
    top_is_object_ = false;  // the JSON-only empty check in finish() does not apply
    finish(ok);
}

}  // namespace eic::manifest::detail

#include "manifest/convert.hpp"

namespace eic::manifest {

ConvertResult convert(std::string_view input, const ConvertOptions& options) {
    ConvertResult r;
    r.from = options.from ? *options.from : detect_format(input, options.file_name);
    LoadResult loaded = load(input, r.from);
    r.diagnostics = std::move(loaded.diagnostics);
    if (!loaded.manifest) return r;
    std::optional<std::string> bytes;
    if (options.to == Format::json) {
        bytes = write_json(*loaded.manifest, options.json);
    } else {
        CsvWriteResult w = write_csv(*loaded.manifest, options.csv);
        r.diagnostics.insert(r.diagnostics.end(), w.diagnostics.begin(), w.diagnostics.end());
        bytes = std::move(w.bytes);
    }
    if (!has_error(r.diagnostics)) r.bytes = std::move(bytes);
    return r;
}

}  // namespace eic::manifest

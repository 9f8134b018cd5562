// Which panel a file dropped on the canvas belongs to: a metadata schema (draft or wire map) or an
// import manifest. Decided from the first member of the top-level object, so a 1 GB manifest is not
// parsed to find out.
#pragma once

#include <string_view>

namespace eic::app {

enum class FileKind { schema, manifest };

// CSV files (manifest::format::detect) are manifests; a JSON object whose first member is a manifest's
// top-level key (a collection, in either form, or a flag) is a manifest; anything else is offered to
// the Schema panel, whose loader explains what is wrong with it.
FileKind sniff_file_kind(std::string_view name, std::string_view bytes);

}  // namespace eic::app

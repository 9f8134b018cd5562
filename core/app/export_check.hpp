// What the user is told about an export: why a CSV export was refused, naming the items, and what an
// export would change if it were read back. An export must never drop or change data without saying
// so, whatever a writer's bug: the check reads the exported bytes back with the same reader that
// opens files and compares them with what was exported.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "diag/diagnostic.hpp"
#include "manifest/load.hpp"
#include "manifest/model.hpp"

namespace eic::app {

// The item number a person sees (the table's "#") of the collection's index-th item; 0 when unknown.
using ItemNumber = std::function<std::uint64_t(manifest::Collection, std::size_t index)>;

// The writer's findings of one severity (errors: why it refused; warnings: what it changed), one line
// per distinct message, each naming its items ("items 3, 5 and 9: …"), at most `max_lines` lines and
// 8 items a line ("… and 12 more").
std::vector<std::string> export_reasons(const Diagnostics& ds, const ItemNumber& number, std::size_t max_lines = 6,
                                        Severity severity = Severity::error);

// What reading `bytes` back (as `format`) gives that differs from `before`: items lost or added per
// collection, and per item URLs, title, metadata, createVideo and other fields that changed. At most
// `max` lines, the last saying how many more. A CSV's title filled with the URL path for an untitled
// item is not listed: the CSV writer warns of it itself (convert.csv.title-filled).
std::vector<std::string> export_changes(const manifest::Manifest& before, std::string_view bytes,
                                        manifest::Format format, const ItemNumber& number, std::size_t max = 6);

}  // namespace eic::app

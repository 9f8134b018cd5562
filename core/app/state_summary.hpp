// The app's state in one short text for assistive technology. A canvas is invisible to a screen reader,
// so the page keeps this text in an off-canvas live region (web/live-region.js; the plugin issue: "a
// screen-reader-visible summary of state ... with the current panel, counts and last message"). It is
// short and changes only when the state does, so a reader announces each change once.
#pragma once

#include <cstdint>
#include <string>

namespace eic::app {

struct StateFacts {
    std::string panel;     // the window with focus ("Manifest", "Schema", ...), or empty
    std::string manifest;  // the file name of the manifest in front, or empty when none is open
    bool validating = false;
    bool validated = false;  // a result exists (it may be stale while validating again)
    std::uint64_t items = 0, errors = 0, warnings = 0;
    std::string schema;  // the schema draft's file name
    std::uint64_t keys = 0;
    bool schema_unsaved = false;
    std::string message;  // the newest notice on screen, else the last log line
};

std::string state_summary(const StateFacts& facts);

}  // namespace eic::app

#include "app/state_summary.hpp"

#include "app/counted.hpp"

namespace eic::app {

std::string state_summary(const StateFacts& f) {
    std::string out;
    if (!f.panel.empty()) out += f.panel + " panel. ";
    if (f.manifest.empty()) {
        out += "No manifest open. ";
    } else {
        out += "Manifest " + f.manifest;
        if (f.validating)
            out += ": validating";
        else if (f.validated)
            out += ": " + counted(f.items, "item") + ", " + counted(f.errors, "error") + ", " +
                   counted(f.warnings, "warning");
        out += ". ";
    }
    out += "Schema draft " + f.schema + ": " + counted(f.keys, "key");
    if (f.schema_unsaved) out += ", unsaved changes";
    out += ".";
    if (!f.message.empty()) out += " Last message: " + f.message;
    return out;
}

}  // namespace eic::app

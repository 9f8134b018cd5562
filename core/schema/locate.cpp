#include "schema/locate.hpp"

namespace eic::schema {

void locate(Diagnostics& diagnostics, const Locator& locator) {
    if (!locator.value_at) return;
    for (auto& d : diagnostics) {
        if (!d.pointer || d.line != 0) continue;
        const bool at_key = d.code.rfind("schema.key.", 0) == 0;
        std::string p = *d.pointer;
        for (bool first = true;; first = false) {
            std::optional<LinePosition> pos;
            if (first && at_key && locator.key_at && !p.empty()) pos = locator.key_at(p);
            if (!pos) pos = locator.value_at(p);
            if (pos) {
                d.line = pos->first;
                d.column = pos->second;
                break;
            }
            if (p.empty()) break;
            p.erase(p.rfind('/'));
        }
    }
}

void rebase(Diagnostics& diagnostics, const std::string& prefix) {
    for (auto& d : diagnostics)
        if (d.pointer) d.pointer = prefix + *d.pointer;
}

}  // namespace eic::schema

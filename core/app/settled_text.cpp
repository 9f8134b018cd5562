#include "app/settled_text.hpp"

namespace eic::app {

std::optional<std::string> SettledText::due(const std::string& current, double now_s) {
    if (current == stored_) {
        changed_at_ = -1;
        return std::nullopt;
    }
    if (current != pending_ || changed_at_ < 0) {
        pending_ = current;
        changed_at_ = now_s;
    }
    if (now_s - changed_at_ < pause_s_) return std::nullopt;
    stored_ = current;
    changed_at_ = -1;
    return current;
}

}  // namespace eic::app

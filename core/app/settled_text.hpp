// A record written to the page's storage once what it holds has stopped changing for a pause (typing
// changes a field with each key; a dragged window moves each frame), and only when it differs from what
// is stored: the Cloud settings (app/cloud_settings.hpp) and the layout (app/layout_record.hpp).
#pragma once

#include <optional>
#include <string>
#include <utility>

namespace eic::app {

class SettledText {
public:
    // `stored`: what storage holds before anything is written (the record of no settings, say).
    explicit SettledText(double pause_s = 0.5, std::string stored = {})
        : pause_s_(pause_s), stored_(std::move(stored)) {}
    void stored(std::string text) { stored_ = std::move(text); }
    // The text to store now, or nullopt.
    std::optional<std::string> due(const std::string& current, double now_s);

private:
    double pause_s_;
    std::string stored_, pending_;
    double changed_at_ = -1;
};

}  // namespace eic::app

// The Cloud window's settings, kept between sessions (the plugin issue: "Everything the user is working
// on autosaves (... connection settings without secrets)"): where requests go and what they name. Never
// a key, a token, request headers or a signed URL (a signed URL is a credential).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>

namespace eic::app {

struct CloudSettings {
    std::string endpoint, bucket, object, sign_as, iam_endpoint, list_bucket, list_prefix, cors_bucket, cors_object;
    bool operator==(const CloudSettings& o) const;
};

// The record to store (a JSON object of strings; empty fields left out).
std::string write_cloud_settings(const CloudSettings& s);

// The settings in a record; members it does not know, or that are not strings, are ignored. `error`
// says why a record that is not a JSON object was not read (then the settings are empty).
CloudSettings read_cloud_settings(std::string_view record, std::string& error);

// A text to store once it has stopped changing for a pause (typing changes a field with each key), and
// only when it differs from what is stored.
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

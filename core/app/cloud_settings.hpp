// The Cloud window's settings, kept between sessions (the plugin issue: "Everything the user is working
// on autosaves (... connection settings without secrets)"): where requests go and what they name. Never
// a key, a token, request headers or a signed URL (a signed URL is a credential).
#pragma once

#include <string>
#include <string_view>

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

}  // namespace eic::app

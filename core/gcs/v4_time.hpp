// Times for V4 signing: the RFC 3339 timestamps the caller gives and the X-Goog-Date form the canonical
// request carries (https://cloud.google.com/storage/docs/authentication/canonical-requests: "YYYYMMDD'T'HHMMSS'Z'",
// UTC). Seconds since 1970-01-01T00:00:00Z, leap seconds not counted (POSIX time).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace eic::gcs {

// An RFC 3339 date-time (section 5.6): "2019-02-01T09:00:00Z", "2019-02-01t10:00:00.5+01:00". A fraction
// of a second is dropped (X-Goog-Date has whole seconds). nullopt for anything else, an impossible date,
// or a leap second (23:59:60, which X-Goog-Date cannot hold).
std::optional<std::int64_t> parse_rfc3339(std::string_view text);

// "20190201T090000Z"; nullopt outside the years 0001-9999, which the form cannot hold.
std::optional<std::string> x_goog_date(std::int64_t unix_seconds);

}  // namespace eic::gcs

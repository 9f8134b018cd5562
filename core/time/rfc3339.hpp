// A POSIX time as an RFC 3339 date-time in UTC with whole seconds, "2026-12-02T14:45:00Z": the form a
// draft's base.fetchedAt is written in (schema/draft.hpp).
#pragma once

#include <cstdint>
#include <string>

namespace eic::calendar {

// Empty outside the years 0001-9999, which the form's four-digit year cannot hold.
std::string rfc3339_utc(std::int64_t posix_seconds);

}  // namespace eic::calendar

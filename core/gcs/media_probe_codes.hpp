// Every diagnostic code of media metadata reading (gcs/media_findings.hpp). Codes are stable and explained
// in docs/diagnostics.md ("## Media metadata", generated from diag/codes.cpp). Never rename one; add a new
// code instead.
#pragma once

#include <vector>

namespace eic::gcs::media_code {

// The object could not be read.
inline constexpr const char* missing = "media.object.missing";
inline constexpr const char* forbidden = "media.object.forbidden";
inline constexpr const char* blocked = "media.object.blocked";
inline constexpr const char* timeout = "media.object.timeout";
inline constexpr const char* failed = "media.object.read-failed";
inline constexpr const char* not_checkable = "media.object.not-checkable";
// The object was read, its metadata could not be.
inline constexpr const char* not_recognised = "media.header.not-recognised";
inline constexpr const char* unsupported = "media.header.unsupported";
inline constexpr const char* malformed = "media.header.malformed";
inline constexpr const char* too_large = "media.header.too-large";
inline constexpr const char* size_unknown = "media.header.size-unknown";
// The metadata was read; something about it to know.
inline constexpr const char* quarter_turn = "media.orientation.quarter-turn";
inline constexpr const char* range_ignored = "media.object.range-ignored";

inline const std::vector<const char*>& all() {
    static const std::vector<const char*> codes = {missing,       forbidden,      blocked,      timeout,   failed,
                                                   not_checkable, not_recognised, unsupported,  malformed, too_large,
                                                   size_unknown,  quarter_turn,   range_ignored};
    return codes;
}

}  // namespace eic::gcs::media_code

// Object-check results (gcs/object_check.hpp) as diagnostics for the manifest table: one finding per
// object that is not there or could not be checked, placed on the caller's id (the app maps ids to
// manifest units and units to rows), and one for the job as a whole when the clocks disagree. Codes:
// gcs/object_check_codes.hpp.
#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include "diag/diagnostic.hpp"
#include "gcs/object_check.hpp"

namespace eic::gcs {

struct ObjectFinding {
    std::optional<std::uint64_t> id;  // the target's id; none for a finding about the whole check
    Diagnostic diagnostic;
};

// Findings for `results` (objects that exist or are pending give none) and for `skew`.
std::vector<ObjectFinding> object_findings(const std::vector<ObjectResult>& results,
                                           const std::optional<ClockSkew>& skew);

}  // namespace eic::gcs

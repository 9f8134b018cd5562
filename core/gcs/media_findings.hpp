// Media-probe results (gcs/media_probe.hpp) as diagnostics for the manifest table: one finding for each
// object whose metadata could not be read, placed on the caller's id (the app maps ids to manifest items),
// so the item keeps no half-filled metadata object; and notes about metadata that was read (a picture shown
// a quarter turn from its stored size, a server that ignored the range). Codes: gcs/media_probe_codes.hpp.
#pragma once

#include <cstdint>
#include <vector>

#include "diag/diagnostic.hpp"
#include "gcs/media_probe.hpp"

namespace eic::gcs {

struct MediaFinding {
    std::uint64_t id = 0;  // the target's id
    Diagnostic diagnostic;
};

// Findings for `results`, in their order; pending results give none.
std::vector<MediaFinding> media_findings(const std::vector<MediaProbeResult>& results);

}  // namespace eic::gcs

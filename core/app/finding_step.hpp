// "Next diagnostic" (F8) and "previous" (Shift+F8) in the Manifest panel: which finding is selected next.
// Findings are in file order; the step wraps around the ends, and with none selected it starts at the
// first (forward) or the last (backward).
#pragma once

#include <cstddef>

namespace eic::app {

// The index to select among `count` findings after `current` (-1: none selected); -1 when there are none.
int step_finding(std::size_t count, int current, bool forward);

}  // namespace eic::app

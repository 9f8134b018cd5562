// The page's two clocks, for the jobs core steps: steady seconds (timeouts, back-off, budgets: never go
// back) and wall-clock POSIX seconds (signing timestamps, `created`). One definition for every caller.
#pragma once

#include <chrono>

namespace eic::web {

inline double steady_seconds() {
    return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count();
}

inline double wall_seconds() {
    return std::chrono::duration<double>(std::chrono::system_clock::now().time_since_epoch()).count();
}

}  // namespace eic::web

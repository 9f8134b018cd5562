#include "app/finding_step.hpp"

namespace eic::app {

int step_finding(std::size_t count, int current, bool forward) {
    if (count == 0) return -1;
    const long n = long(count);
    if (current < 0 || current >= n) return forward ? 0 : int(n - 1);
    return int(((long(current) + (forward ? 1 : -1)) % n + n) % n);
}

}  // namespace eic::app

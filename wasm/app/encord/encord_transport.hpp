// The transport every Encord job is given (EncordConnection::calls()): the page's own (emscripten's Fetch)
// or the host page's fetch, chosen once per domain by the probe core decides on
// (encord/transport_probe.hpp). The page steps it each frame, so a probe runs on while no job polls.
#pragma once

#include "encord/transport_probe.hpp"

namespace eic::web {
encord::ProbedTransport& encord_transport();
}  // namespace eic::web

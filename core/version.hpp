// eic's version. It comes from one place, `project(eic VERSION ...)` in CMakeLists.txt, which compiles
// core/version.cpp with EIC_VERSION; the CLI, SARIF output, the JS API and build/web/package.json use it.
#pragma once

namespace eic {

const char* version();

}  // namespace eic

#include "version.hpp"

#ifndef EIC_VERSION
#error "EIC_VERSION is set by CMakeLists.txt from project(eic VERSION ...)"
#endif

namespace eic {

const char* version() { return EIC_VERSION; }

}  // namespace eic

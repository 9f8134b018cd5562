// The C ABI of the core that both browser modules export (prefix eic_). The headless JS API is built
// on these; later capabilities (validation, conversion, signing) add their functions here.
#include <emscripten/emscripten.h>

#include <cstdlib>

#include "version.hpp"

extern "C" {

EMSCRIPTEN_KEEPALIVE const char* eic_version() { return eic::version(); }

EMSCRIPTEN_KEEPALIVE void* eic_malloc(int size) { return std::malloc(size > 0 ? (size_t)size : 1); }

EMSCRIPTEN_KEEPALIVE void eic_free(void* p) { std::free(p); }

}  // extern "C"

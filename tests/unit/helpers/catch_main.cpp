// The one Catch2 main for native and wasm test runs.
#define CATCH_CONFIG_MAIN
#include <catch2/catch.hpp>

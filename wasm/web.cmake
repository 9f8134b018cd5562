# The browser build: Dear ImGui (from scripts/setup), the canvas app module and the headless core
# module, both ES modules written straight into build/web with the page's own files.
set(IMGUI_DIR "${EIC_THIRD_PARTY}/imgui")
if(NOT EXISTS "${IMGUI_DIR}/imgui.cpp")
  message(FATAL_ERROR "Dear ImGui sources are missing in ${IMGUI_DIR}: run scripts/setup")
endif()
# A second build tree can write its page elsewhere (-DEIC_WEB_OUT=...), so two builds never share files.
set(EIC_WEB_OUT "${CMAKE_SOURCE_DIR}/build/web" CACHE PATH "Where the page and its modules are written")
file(MAKE_DIRECTORY "${EIC_WEB_OUT}")

add_library(eic_imgui STATIC
  "${IMGUI_DIR}/imgui.cpp" "${IMGUI_DIR}/imgui_draw.cpp" "${IMGUI_DIR}/imgui_tables.cpp"
  "${IMGUI_DIR}/imgui_widgets.cpp" "${IMGUI_DIR}/backends/imgui_impl_opengl3.cpp")
target_include_directories(eic_imgui PUBLIC "${IMGUI_DIR}" "${IMGUI_DIR}/backends")
# The test-engine hooks are how debug.items() learns every widget's label and rectangle.
target_compile_definitions(eic_imgui PUBLIC IMGUI_ENABLE_TEST_ENGINE IMGUI_DISABLE_FILE_FUNCTIONS
                           IMGUI_IMPL_OPENGL_ES3 IMGUI_DISABLE_OBSOLETE_FUNCTIONS)

# Flags both modules share. No eval anywhere (strict CSP), no threads (a plugin must not force
# cross-origin isolation on its host), memory that grows to 4 GB for large manifests.
set(EIC_WEB_LINK_FLAGS
  -sMODULARIZE=1 -sEXPORT_ES6=1 -sUSE_ES6_IMPORT_META=1 -sDYNAMIC_EXECUTION=0
  -sALLOW_MEMORY_GROWTH=1 -sMAXIMUM_MEMORY=4GB -sTOTAL_STACK=1048576 -sFILESYSTEM=0
  -sEXPORTED_RUNTIME_METHODS=UTF8ToString,stringToUTF8,lengthBytesUTF8
  -sINCOMING_MODULE_JS_API=canvas,print,printErr,locateFile,onAbort,instantiateWasm)

file(GLOB EIC_API_SOURCES CONFIGURE_DEPENDS "${CMAKE_SOURCE_DIR}/wasm/api/*.cpp")
file(GLOB_RECURSE EIC_APP_SOURCES CONFIGURE_DEPENDS "${CMAKE_SOURCE_DIR}/wasm/app/*.cpp" "${CMAKE_SOURCE_DIR}/wasm/ui/*.cpp")

# Headless: the core and the exported API, for pages, workers and the JS API's headless mode.
add_executable(eic_core_module ${EIC_API_SOURCES})
target_include_directories(eic_core_module PRIVATE "${CMAKE_SOURCE_DIR}/wasm")
target_link_libraries(eic_core_module PRIVATE eic_core)
set_target_properties(eic_core_module PROPERTIES OUTPUT_NAME "eic-core" SUFFIX ".js"
                      RUNTIME_OUTPUT_DIRECTORY "${EIC_WEB_OUT}")
target_link_options(eic_core_module PRIVATE ${EIC_WEB_LINK_FLAGS} -sENVIRONMENT=web,worker
                    -sEXPORT_NAME=createEicCore)

# The canvas app: the same API plus the ImGui UI on WebGL2. Its objects are compiled once and linked
# twice: the app users load (build/web) and the test build (build/web-test, below), which adds
# wasm/test_hooks/.
add_library(eic_app_objects OBJECT ${EIC_API_SOURCES} ${EIC_APP_SOURCES})
target_include_directories(eic_app_objects PRIVATE "${CMAKE_SOURCE_DIR}/wasm")
target_link_libraries(eic_app_objects PRIVATE eic_core eic_imgui)
set(EIC_APP_LINK_FLAGS ${EIC_WEB_LINK_FLAGS} -sENVIRONMENT=web
    -sEXPORT_NAME=createEicApp -sMIN_WEBGL_VERSION=2 -sMAX_WEBGL_VERSION=2
    "--js-library=${CMAKE_SOURCE_DIR}/wasm/app/eic_app_lib.js"
    "--js-library=${CMAKE_SOURCE_DIR}/wasm/app/net/net_lib.js"
    # emscripten's Fetch API (app/net/fetch_client.hpp), without the IndexedDB cache it would
    # otherwise open on the page's origin.
    -sFETCH=1 -sFETCH_SUPPORT_INDEXEDDB=0)
# One app module: the shared objects plus the sources after `out_dir`, written as eic-app.js/.wasm into `out_dir`.
function(eic_app_module target out_dir)
  add_executable(${target} $<TARGET_OBJECTS:eic_app_objects> ${ARGN})
  target_include_directories(${target} PRIVATE "${CMAKE_SOURCE_DIR}/wasm")
  target_link_libraries(${target} PRIVATE eic_core eic_imgui)
  set_target_properties(${target} PROPERTIES OUTPUT_NAME "eic-app" SUFFIX ".js" RUNTIME_OUTPUT_DIRECTORY "${out_dir}")
  target_link_options(${target} PRIVATE ${EIC_APP_LINK_FLAGS})
  set_property(TARGET ${target} APPEND PROPERTY LINK_DEPENDS "${CMAKE_SOURCE_DIR}/wasm/app/eic_app_lib.js"
               "${CMAKE_SOURCE_DIR}/wasm/app/net/net_lib.js")
endfunction()
eic_app_module(eic_app_module "${EIC_WEB_OUT}")
# The canvas' own GLSL (shaders/*.vert, *.frag) becomes string constants in a generated header in the
# build tree (#include "shaders/embedded_shaders.hpp"), regenerated when a shader changes.
file(GLOB EIC_SHADER_SOURCES CONFIGURE_DEPENDS "${CMAKE_SOURCE_DIR}/shaders/*.vert" "${CMAKE_SOURCE_DIR}/shaders/*.frag")
set(EIC_SHADER_HEADER "${CMAKE_BINARY_DIR}/generated/shaders/embedded_shaders.hpp")
add_custom_command(OUTPUT "${EIC_SHADER_HEADER}"
  COMMAND ${CMAKE_COMMAND} "-DSHADER_DIR=${CMAKE_SOURCE_DIR}/shaders" "-DOUT=${EIC_SHADER_HEADER}"
          -P "${CMAKE_SOURCE_DIR}/shaders/embed.cmake"
  DEPENDS ${EIC_SHADER_SOURCES} "${CMAKE_SOURCE_DIR}/shaders/embed.cmake"
  COMMENT "Embedding shaders/ into the app module")
target_sources(eic_app_objects PRIVATE "${EIC_SHADER_HEADER}")
target_include_directories(eic_app_objects PRIVATE "${CMAKE_BINARY_DIR}/generated")

# The page's own files and the font (DejaVu Sans: Latin, Greek and Cyrillic, from fonts-dejavu-core).
file(GLOB EIC_WEB_STATIC CONFIGURE_DEPENDS "${CMAKE_SOURCE_DIR}/web/*")
# index.html is written with the origins of web/connect-origins.txt in its Content-Security-Policy
# (connect-src): one list for the page, scripts/serve.mjs's header and the README.
list(REMOVE_ITEM EIC_WEB_STATIC "${CMAKE_SOURCE_DIR}/web/index.html")
set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS "${CMAKE_SOURCE_DIR}/web/connect-origins.txt"
                                                              "${CMAKE_SOURCE_DIR}/web/index.html")
file(STRINGS "${CMAKE_SOURCE_DIR}/web/connect-origins.txt" EIC_CONNECT_LINES REGEX "^[^#].*[^ ]")
list(JOIN EIC_CONNECT_LINES " " EIC_CONNECT_SRC)
configure_file("${CMAKE_SOURCE_DIR}/web/index.html" "${EIC_WEB_OUT}/index.html" @ONLY)
# The package a host installs (cd build/web && npm pack): its version is project()'s, its `files` the
# modules, wasm, fonts and licences the app loads (tests/e2e/package.test.mjs checks them), not the page.
list(REMOVE_ITEM EIC_WEB_STATIC "${CMAKE_SOURCE_DIR}/web/package.json.in" "${CMAKE_SOURCE_DIR}/web/sw.js.in")
configure_file("${CMAKE_SOURCE_DIR}/web/package.json.in" "${EIC_WEB_OUT}/package.json" @ONLY)
set(EIC_FONT_DIR "/usr/share/fonts/truetype/dejavu")
# fflate's ES module build (npm, pinned in package.json) as fflate.js: web/zip-blobs.js writes zips with it.
set(EIC_FFLATE_DIR "${CMAKE_SOURCE_DIR}/node_modules/fflate")
if(NOT EXISTS "${EIC_FFLATE_DIR}/esm/browser.js")
  message(FATAL_ERROR "fflate is missing in ${EIC_FFLATE_DIR}: run scripts/setup (npm ci)")
endif()
add_custom_target(eic_web_static ALL
  COMMAND ${CMAKE_COMMAND} -E make_directory "${EIC_WEB_OUT}/fonts"
  COMMAND ${CMAKE_COMMAND} -E copy_if_different ${EIC_WEB_STATIC} "${EIC_WEB_OUT}/"
  COMMAND ${CMAKE_COMMAND} -E copy_if_different "${EIC_FONT_DIR}/DejaVuSans.ttf" "${EIC_FONT_DIR}/DejaVuSansMono.ttf" "${EIC_WEB_OUT}/fonts/"
  COMMAND ${CMAKE_COMMAND} -E copy_if_different "/usr/share/doc/fonts-dejavu-core/copyright" "${EIC_WEB_OUT}/fonts/DejaVu-LICENSE.txt"
  COMMAND ${CMAKE_COMMAND} -E copy_if_different "${EIC_FFLATE_DIR}/esm/browser.js" "${EIC_WEB_OUT}/fflate.js"
  COMMAND ${CMAKE_COMMAND} -E copy_if_different "${EIC_FFLATE_DIR}/LICENSE" "${EIC_WEB_OUT}/fflate-LICENSE.txt"
  DEPENDS ${EIC_WEB_STATIC} "${EIC_FFLATE_DIR}/esm/browser.js"
  COMMENT "Copying web/, the font and fflate into build/web")

# The standalone page's service worker (web/sw.js.in): written after everything else, with the hash of
# every file the build wrote, so each build is its own cache (scripts/write-sw.mjs).
find_program(EIC_NODE node REQUIRED)
add_custom_target(eic_web_sw ALL
  COMMAND "${EIC_NODE}" "${CMAKE_SOURCE_DIR}/scripts/write-sw.mjs" "${CMAKE_SOURCE_DIR}/web/sw.js.in" "${EIC_WEB_OUT}"
  DEPENDS "${CMAKE_SOURCE_DIR}/web/sw.js.in" "${CMAKE_SOURCE_DIR}/scripts/write-sw.mjs"
  COMMENT "Writing the service worker's file list")
add_dependencies(eic_web_sw eic_web_static eic_app_module eic_core_module)

# The test build: the same page, whose app also has wasm/test_hooks/ (app.debug's download, downloadZip,
# fetchFile, setMaxFileBytes, insightDemo): the browser tests that drive those run against
# build/web-test; every other test, the package and the benchmarks use build/web, which has none of it.
set(EIC_WEB_TEST_OUT "${EIC_WEB_OUT}-test" CACHE PATH "Where the test build's page is written")
file(GLOB EIC_TEST_HOOK_SOURCES CONFIGURE_DEPENDS "${CMAKE_SOURCE_DIR}/wasm/test_hooks/*.cpp")
eic_app_module(eic_app_test_module "${CMAKE_BINARY_DIR}/test-app" ${EIC_TEST_HOOK_SOURCES})
add_custom_target(eic_web_test ALL
  COMMAND ${CMAKE_COMMAND} -E rm -rf "${EIC_WEB_TEST_OUT}"
  COMMAND ${CMAKE_COMMAND} -E copy_directory "${EIC_WEB_OUT}" "${EIC_WEB_TEST_OUT}"
  COMMAND ${CMAKE_COMMAND} -E copy "${CMAKE_BINARY_DIR}/test-app/eic-app.js" "${CMAKE_BINARY_DIR}/test-app/eic-app.wasm"
          "${EIC_WEB_TEST_OUT}/"
  COMMAND "${EIC_NODE}" "${CMAKE_SOURCE_DIR}/scripts/write-sw.mjs" "${CMAKE_SOURCE_DIR}/web/sw.js.in" "${EIC_WEB_TEST_OUT}"
  COMMENT "Writing the test build's page into ${EIC_WEB_TEST_OUT}")
add_dependencies(eic_web_test eic_web_sw eic_app_test_module)

// Where a V4 signed URL points: scheme, the URL's authority, the `host` header that is signed, and the
// path, from a request's URL style, endpoint, bucket-bound hostname and universe domain.
#pragma once

#include <optional>
#include <string>

#include "diag/diagnostic.hpp"
#include "gcs/v4_request.hpp"

namespace eic::gcs {

struct V4Target {
    std::string scheme;     // "https" or "http"
    std::string authority;  // the URL's host and port as given: "localhost:8080"
    std::string host;       // the signed host header: the host name without the port ("localhost")
    std::string path;       // percent-encoded: "/test-bucket/a%20b", "/a%20b", "/test-bucket"
};

struct V4TargetResult {
    std::optional<V4Target> target;
    Diagnostics diagnostics;  // gcs.sign.endpoint, gcs.sign.bucket
};

// The host header drops the port, as Google's published V4 conformance vectors (21, 22, 23, 25) and
// nodejs-storage (`src/signer.ts`) do, while the URL keeps it.
V4TargetResult resolve_target(const V4Request& request);

}  // namespace eic::gcs

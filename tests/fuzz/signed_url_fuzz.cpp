// Fuzzes the reading of URLs from outside: a V4 signed URL read back by the JS API's inspectSignedUrl
// (core/gcs/signed_url_inspect.hpp), and a manifest's object URLs as the bucket check, the media probes and
// the bucket import read them (core/gcs/object_url.hpp). Invariants: a signed URL read has all its parts and
// its canonical request names its path; an object URL read as GCS has a bucket, and its XML API and console
// URLs read back to the same bucket and object.
#include <cstddef>
#include <cstdint>
#include <string>

#include "fuzz_support.hpp"
#include "gcs/object_url.hpp"
#include "gcs/signed_url_inspect.hpp"

using eic::fuzz::check;
namespace g = eic::gcs;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view in = eic::fuzz::text(data, size);

    const g::SignedUrlInspection r = g::inspect_signed_url(in, 1767225600);  // 2026-01-01T00:00:00Z
    check(r.info || !r.diagnostics.empty());
    if (r.info) {
        check(!r.info->signed_headers.empty() && !r.info->path.empty() && r.info->path[0] == '/');
        if (const auto canonical = g::canonical_request_of(*r.info, "GET"))
            check(canonical->rfind("GET\n" + r.info->path + "\n", 0) == 0);
        g::string_to_sign_of(*r.info, std::string(64, '0'));
    }

    const g::ObjectUrl o = g::parse_object_url(in);
    if (o.checkable()) {
        check(!o.bucket.empty());
        for (const std::string& url : {g::xml_api_url(o.bucket, o.object), g::console_url(o.bucket, o.object)}) {
            const g::ObjectUrl again = g::parse_object_url(url);
            check(again.checkable() && again.bucket == o.bucket && again.object == o.object);
        }
    }
    return 0;
}

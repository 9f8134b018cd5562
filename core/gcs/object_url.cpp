#include "gcs/object_url.hpp"

#include <optional>

#include "gcs/names.hpp"
#include "gcs/v4_encoding.hpp"

namespace eic::gcs {
namespace {

bool starts_with_nocase(std::string_view s, std::string_view prefix) {
    return s.size() >= prefix.size() && ascii_lower(s.substr(0, prefix.size())) == prefix;
}

ObjectUrl fail(ObjectUrlStatus status, std::string reason) {
    ObjectUrl out;
    out.status = status;
    out.reason = std::move(reason);
    return out;
}

// Bucket and raw object as written; `decode` for the https forms.
ObjectUrl finish(std::string_view bucket, std::string_view object, bool decode) {
    if (bucket.empty()) return fail(ObjectUrlStatus::malformed, "The URL names no bucket.");
    for (const NameIssue& issue : check_bucket_name(bucket))
        if (issue.error)
            return fail(ObjectUrlStatus::malformed, "The bucket name is one GCS refuses (" + issue.message + ")");
    std::string name;
    if (decode) {
        auto decoded = percent_decode(object);
        if (!decoded)
            return fail(ObjectUrlStatus::malformed, "The object name has a '%' that is not a percent-escape.");
        name = std::move(*decoded);
    } else {
        name = std::string(object);
    }
    if (name.empty()) return fail(ObjectUrlStatus::malformed, "The URL names a bucket but no object.");
    ObjectUrl out;
    out.bucket = std::string(bucket);
    out.object = std::move(name);
    // The probe's path is built from the decoded name with '/' kept as the separator, and a browser's
    // URL parser removes "." and ".." segments from it, encoded or not (https://url.spec.whatwg.org/#path-state),
    // so such an object cannot be reached path-style from a page: it is not checkable, which says
    // nothing about whether it exists.
    std::size_t start = 0;
    const std::string& o = out.object;
    while (start <= o.size()) {
        std::size_t end = o.find('/', start);
        if (end == std::string::npos) end = o.size();
        const std::string_view seg(o.data() + start, end - start);
        if (seg == "." || seg == "..") {
            out.status = ObjectUrlStatus::dot_segment;
            out.reason = "The object name has a \"" + std::string(seg) +
                         "\" segment, which a browser removes from the URL path, so the object cannot be "
                         "addressed by path and was not checked.";
            return out;
        }
        start = end + 1;
    }
    out.status = ObjectUrlStatus::ok;
    return out;
}

}  // namespace

ObjectUrl parse_object_url(std::string_view url) {
    static constexpr std::string_view kGs = "gs://";
    static constexpr std::string_view kHttps = "https://";
    if (starts_with_nocase(url, kGs)) {
        const std::string_view rest = url.substr(kGs.size());
        const std::size_t slash = rest.find('/');
        if (slash == std::string_view::npos) return finish(rest, {}, false);
        return finish(rest.substr(0, slash), rest.substr(slash + 1), false);
    }
    if (!starts_with_nocase(url, kHttps))
        return fail(ObjectUrlStatus::not_gcs,
                    "Not a GCS URL (https://storage.cloud.google.com/, "
                    "https://storage.googleapis.com/ or gs://), so eic cannot check it.");
    std::string_view rest = url.substr(kHttps.size());
    rest = rest.substr(0, rest.find_first_of("?#"));
    const std::size_t slash = rest.find('/');
    const std::string host = ascii_lower(rest.substr(0, slash));
    const std::string_view path = slash == std::string_view::npos ? std::string_view() : rest.substr(slash + 1);
    if (host == "storage.cloud.google.com" || host == "storage.googleapis.com") {
        const std::size_t s = path.find('/');
        if (s == std::string_view::npos) return finish(path, {}, true);
        return finish(path.substr(0, s), path.substr(s + 1), true);
    }
    static constexpr std::string_view kVirtual = ".storage.googleapis.com";
    if (host.size() > kVirtual.size() && host.compare(host.size() - kVirtual.size(), kVirtual.size(), kVirtual) == 0)
        return finish(std::string_view(host).substr(0, host.size() - kVirtual.size()), path, true);
    return fail(ObjectUrlStatus::not_gcs, "Not a GCS URL (host " + host + "), so eic cannot check it.");
}

std::string xml_api_url(std::string_view bucket, std::string_view object) {
    return "https://storage.googleapis.com/" + std::string(bucket) + "/" + encode_object_path(object);
}

std::string console_url(std::string_view bucket, std::string_view object) {
    return "https://storage.cloud.google.com/" + std::string(bucket) + "/" + encode_object_path(object);
}

std::string gs_url(std::string_view bucket, std::string_view object) {
    return "gs://" + std::string(bucket) + "/" + std::string(object);
}

}  // namespace eic::gcs

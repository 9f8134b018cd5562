#include "gcs/object_findings.hpp"

#include <cmath>

#include "gcs/object_check_codes.hpp"

namespace eic::gcs {
namespace {

std::string where(const ObjectResult& r) { return "gs://" + r.bucket + "/" + r.object; }

std::optional<Diagnostic> finding(const ObjectResult& r) {
    namespace cc = check_code;
    switch (r.state) {
        case ObjectState::pending:
        case ObjectState::exists:
            return std::nullopt;
        case ObjectState::missing:
            return Diagnostic::error(cc::missing, where(r) + " does not exist (GCS answered 404 Not Found).");
        case ObjectState::forbidden:
            if (r.error_code == "SignatureDoesNotMatch")
                return Diagnostic::error(
                    cc::signature_mismatch,
                    "GCS did not accept eic's signature for " + where(r) +
                        " (403 SignatureDoesNotMatch): the key is not the service account's, the clock is off, or "
                        "eic signed another request than it sent. Compare GCS's canonical request with eic's.");
            return Diagnostic::error(cc::forbidden,
                                     where(r) + ": access denied (GCS answered " + std::to_string(r.status) +
                                         (r.error_code.empty() ? "" : " " + r.error_code) + "). Give " +
                                         (r.api == ProbeApi::json ? "the account whose access token eic uses"
                                                                  : "the service account that signs") +
                                         " storage.objects.get on the bucket." +
                                         (r.detail.empty() ? "" : " GCS: " + r.detail));
        case ObjectState::blocked_policy:
            return Diagnostic::warning(cc::blocked, "The page's Content-Security-Policy blocked the request for " +
                                                        where(r) + "; the object was not checked.");
        case ObjectState::blocked_cors_or_network:
            return Diagnostic::warning(cc::blocked,
                                       "No answer for " + where(r) +
                                           ": the bucket's CORS configuration does not allow this page's origin "
                                           "and HEAD, or the network failed. The object was not checked.");
        case ObjectState::timeout:
            return Diagnostic::warning(
                cc::timeout, "No answer for " + where(r) + " in time (" + r.detail + "); the object was not checked.");
        case ObjectState::error:
            return Diagnostic::warning(
                cc::failed, "The check of " + (r.bucket.empty() ? r.url : where(r)) + " failed: " + r.detail);
        case ObjectState::not_checkable:
            return Diagnostic::warning(cc::not_checkable, r.detail);
        case ObjectState::needs_token:
            return Diagnostic::warning(cc::needs_token, where(r) + " was not checked: " + r.detail);
    }
    return std::nullopt;
}

}  // namespace

std::vector<ObjectFinding> object_findings(const std::vector<ObjectResult>& results,
                                           const std::optional<ClockSkew>& skew) {
    std::vector<ObjectFinding> out;
    if (skew) {
        const long s = std::lround(skew->seconds);
        out.push_back({std::nullopt,
                       Diagnostic::warning(check_code::clock_skew,
                                           "This computer's clock is off: GCS's Date (" + skew->date + ") is " +
                                               std::to_string(std::labs(s)) + " s " + (s > 0 ? "ahead of" : "behind") +
                                               " it. Signed URLs are refused when the clocks disagree; set the "
                                               "clock right.")});
    }
    for (const ObjectResult& r : results)
        if (auto d = finding(r)) out.push_back({r.id, std::move(*d)});
    return out;
}

}  // namespace eic::gcs

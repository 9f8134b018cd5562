#include "gcs/media_findings.hpp"

#include "gcs/media_probe_codes.hpp"

namespace eic::gcs {
namespace {

namespace mc = media_code;

std::string where(const MediaProbeResult& r) { return "gs://" + r.bucket + "/" + r.object; }

std::string metadata_of(const MediaProbeResult& r) {
    return r.kind == media::MediaKind::video ? "videoMetadata" : "imageMetadata";
}

// The sentence every "could not read" finding ends with.
std::string fill_by_hand(const MediaProbeResult& r) {
    return " eic wrote no " + metadata_of(r) +
           " for it; give it by hand if the integration uses strict client-only "
           "access.";
}

void unreadable(const MediaProbeResult& r, std::vector<Diagnostic>& out) {
    const std::string what = where(r) + ": ";
    switch (r.verdict) {
        case media::ReadVerdict::not_recognised:
            out.push_back(Diagnostic::warning(mc::not_recognised, what + r.detail + fill_by_hand(r)));
            return;
        case media::ReadVerdict::unsupported:
            out.push_back(Diagnostic::warning(mc::unsupported, what + r.detail + fill_by_hand(r)));
            return;
        case media::ReadVerdict::too_large:
            out.push_back(Diagnostic::warning(mc::too_large, what + r.detail + fill_by_hand(r)));
            return;
        case media::ReadVerdict::size_unknown:
            out.push_back(Diagnostic::warning(
                mc::size_unknown,
                what +
                    "the header was read, but not the file size: the bucket's CORS configuration does not expose "
                    "Content-Range (add it to responseHeader), or check the objects first so their sizes are "
                    "known." +
                    fill_by_hand(r)));
            return;
        default:
            out.push_back(Diagnostic::warning(mc::malformed, what + r.detail + fill_by_hand(r)));
            return;
    }
}

void findings_of(const MediaProbeResult& r, std::vector<Diagnostic>& out) {
    switch (r.state) {
        case MediaProbeState::pending:
            return;
        case MediaProbeState::ok:
            if (r.info && r.info->quarter_turn)
                out.push_back(Diagnostic::info(
                    mc::quarter_turn,
                    where(r) + " is stored " + std::to_string(r.info->width) + "x" + std::to_string(r.info->height) +
                        " and asks to be shown a quarter turn, so a browser shows it " +
                        std::to_string(r.info->height) + "x" + std::to_string(r.info->width) +
                        ". eic wrote the stored " + "size; swap width and height if Encord should see the shown one."));
            if (r.range_ignored)
                out.push_back(Diagnostic::info(mc::range_ignored,
                                               where(r) + ": the server ignored the range request and sent the "
                                                          "whole object (200); eic kept only the bytes it asked for."));
            return;
        case MediaProbeState::unreadable:
            return unreadable(r, out);
        case MediaProbeState::not_found:
            out.push_back(Diagnostic::error(
                mc::missing, where(r) + " does not exist (GCS answered 404 Not Found)." + fill_by_hand(r)));
            return;
        case MediaProbeState::forbidden:
            out.push_back(Diagnostic::error(mc::forbidden,
                                            where(r) + ": access denied (GCS answered " + std::to_string(r.status) +
                                                (r.error_code.empty() ? "" : " " + r.error_code) +
                                                "). Give the service account storage.objects.get on the bucket." +
                                                (r.detail.empty() ? "" : " GCS: " + r.detail)));
            return;
        case MediaProbeState::blocked_policy:
            out.push_back(Diagnostic::warning(
                mc::blocked,
                "The page's Content-Security-Policy blocked the request for " + where(r) + "." + fill_by_hand(r)));
            return;
        case MediaProbeState::blocked_cors_or_network:
            out.push_back(Diagnostic::warning(mc::blocked, "No answer for " + where(r) +
                                                               ": the bucket's CORS configuration does not allow this "
                                                               "page's origin and GET, or the network failed." +
                                                               fill_by_hand(r)));
            return;
        case MediaProbeState::timeout:
            out.push_back(Diagnostic::warning(
                mc::timeout, "No answer for " + where(r) + " in time (" + r.detail + ")." + fill_by_hand(r)));
            return;
        case MediaProbeState::not_checkable:
            out.push_back(Diagnostic::warning(mc::not_checkable, r.detail + fill_by_hand(r)));
            return;
        case MediaProbeState::failed:
            out.push_back(Diagnostic::warning(mc::failed, "Reading " + (r.bucket.empty() ? r.url : where(r)) +
                                                              " failed: " + r.detail + fill_by_hand(r)));
            return;
    }
}

}  // namespace

std::vector<MediaFinding> media_findings(const std::vector<MediaProbeResult>& results) {
    std::vector<MediaFinding> out;
    std::vector<Diagnostic> ds;
    for (const MediaProbeResult& r : results) {
        ds.clear();
        findings_of(r, ds);
        for (Diagnostic& d : ds) out.push_back({r.id, std::move(d)});
    }
    return out;
}

}  // namespace eic::gcs

#include "media/media_info.hpp"

namespace eic::media {

const char* media_kind_name(MediaKind k) { return k == MediaKind::video ? "video" : "image"; }

const char* header_status_name(HeaderStatus s) {
    switch (s) {
        case HeaderStatus::ok:
            return "ok";
        case HeaderStatus::need_more:
            return "need more bytes";
        case HeaderStatus::not_recognised:
            return "not recognised";
        case HeaderStatus::unsupported:
            return "unsupported";
        case HeaderStatus::malformed:
            return "malformed";
    }
    return "ok";
}

}  // namespace eic::media

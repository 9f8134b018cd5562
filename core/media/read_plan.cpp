#include "media/read_plan.hpp"

#include <algorithm>

#include "media/image_header.hpp"
#include "media/mp4_header.hpp"

namespace eic::media {
namespace {

ReadStep finish(ReadVerdict v, std::string reason) {
    ReadStep s;
    s.verdict = v;
    s.reason = std::move(reason);
    return s;
}

ReadVerdict verdict_of(HeaderStatus s) {
    switch (s) {
        case HeaderStatus::not_recognised:
            return ReadVerdict::not_recognised;
        case HeaderStatus::unsupported:
            return ReadVerdict::unsupported;
        case HeaderStatus::malformed:
            return ReadVerdict::malformed;
        case HeaderStatus::ok:
            return ReadVerdict::ok;
        case HeaderStatus::need_more:
            return ReadVerdict::read;
    }
    return ReadVerdict::malformed;
}

std::string mib(std::uint64_t bytes) {
    return bytes % (1 << 20) == 0 ? std::to_string(bytes >> 20) + " MiB" : std::to_string(bytes) + " bytes";
}

// The next range for a reader that lacks `need`, within the caps.
ReadStep follow_up(const ReadState& st, const ReadLimits& lim, ByteRange need, bool need_is_moov) {
    const bool image = st.kind == MediaKind::image;
    const int cap = image ? lim.image_follow_ups : lim.video_follow_ups;
    if (st.reads - 1 >= cap)
        return finish(ReadVerdict::too_large, "The header was not complete after " + std::to_string(st.reads) +
                                                  " reads (it goes on past offset " + std::to_string(need.begin) +
                                                  "); eic reads no further.");
    if (need_is_moov && need.size() > lim.max_moov)
        return finish(ReadVerdict::too_large, "The movie box (moov) is " + std::to_string(need.size()) +
                                                  " bytes; eic reads at most " + mib(lim.max_moov) + " of it.");
    ByteRange r;
    r.begin = st.bytes.first_missing(need.begin);
    r.end = std::max(need.end, r.begin + (image ? lim.follow_up : lim.video_follow_up));
    if (st.file_size) r.end = std::min(r.end, *st.file_size);
    if (image) {
        const std::uint64_t room = lim.image_total > st.bytes.held() ? lim.image_total - st.bytes.held() : 0;
        if (need.end - r.begin > room)
            return finish(ReadVerdict::too_large, "The image header goes on past offset " + std::to_string(need.begin) +
                                                      "; eic reads at most " + mib(lim.image_total) + " of an image.");
        r.end = std::min(r.end, r.begin + room);
    }
    ReadStep s;
    s.range = r;
    return s;
}

}  // namespace

const char* read_verdict_name(ReadVerdict v) {
    switch (v) {
        case ReadVerdict::read:
            return "read";
        case ReadVerdict::ok:
            return "ok";
        case ReadVerdict::not_recognised:
            return "not recognised";
        case ReadVerdict::unsupported:
            return "unsupported";
        case ReadVerdict::malformed:
            return "malformed";
        case ReadVerdict::too_large:
            return "too large";
        case ReadVerdict::size_unknown:
            return "size unknown";
    }
    return "read";
}

ReadStep next_read(const ReadState& st, const ReadLimits& lim) {
    if (st.file_size && *st.file_size == 0)
        return finish(ReadVerdict::not_recognised, "The object is empty (0 bytes).");
    if (st.reads == 0) {
        ReadStep s;
        s.range = {0, st.file_size ? std::min(lim.first_read, *st.file_size) : lim.first_read};
        return s;
    }
    MediaInfo info;
    info.kind = st.kind;
    if (st.kind == MediaKind::image) {
        const ImageHeader h = read_image_header(st.bytes, st.file_size);
        if (h.status == HeaderStatus::need_more) return follow_up(st, lim, h.need, false);
        if (!h.ok()) return finish(verdict_of(h.status), h.reason);
        info.mime_type = h.mime_type;
        info.width = h.width;
        info.height = h.height;
        info.quarter_turn = h.orientation >= 5;
    } else {
        const VideoHeader h = read_mp4_header(st.bytes, st.file_size);
        if (h.status == HeaderStatus::need_more) return follow_up(st, lim, h.need, h.need_is_moov);
        if (!h.ok()) return finish(verdict_of(h.status), h.reason);
        info.mime_type = h.mime_type;
        info.width = h.width;
        info.height = h.height;
        info.fps = h.fps;
        info.duration = h.duration;
        info.quarter_turn = h.quarter_turn;
    }
    if (!st.file_size)
        return finish(ReadVerdict::size_unknown,
                      "The header was read, but not the file's size: the answer's Content-Range was not readable "
                      "and no size was given.");
    info.file_size = *st.file_size;
    ReadStep s;
    s.verdict = ReadVerdict::ok;
    s.info = std::move(info);
    return s;
}

}  // namespace eic::media

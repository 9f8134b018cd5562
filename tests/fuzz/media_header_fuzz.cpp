// Fuzzes the image and MP4/QuickTime header readers (core/media/image_header.hpp, mp4_header.hpp) the way
// the media probes drive them (core/gcs/media_probe.hpp): the read plan (core/media/read_plan.hpp) asks for
// ranges of the object, here served from the input as the file, until it has an answer; once as an image and
// once as a video, with the file's size known (from a listing) and unknown. Small read limits make the plan
// take follow-up reads. Invariants: every range asked for is non-empty, within the file when its size is
// known, and holds a byte not read yet (or the probe would ask forever); the plan ends within its caps; a
// header read gives a MIME type, and a video's fps and duration are finite and not negative.
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>

#include "fuzz_support.hpp"
#include "media/image_header.hpp"
#include "media/mp4_header.hpp"
#include "media/read_plan.hpp"

using eic::fuzz::check;
namespace md = eic::media;

namespace {

void probe(std::string_view file, md::MediaKind kind, bool size_known) {
    md::ReadLimits limits;
    limits.first_read = 64 + file.size() % 512;
    limits.follow_up = 128;
    limits.video_follow_up = 256;
    limits.image_total = 16 << 10;
    limits.max_moov = 16 << 10;
    md::ReadState state;
    state.kind = kind;
    if (size_known) state.file_size = file.size();
    for (int step = 0;; ++step) {
        check(step < 16);
        const md::ReadStep next = md::next_read(state, limits);
        if (next.verdict != md::ReadVerdict::read) {
            if (next.verdict == md::ReadVerdict::ok) {
                check(!next.info.mime_type.empty());
                check(std::isfinite(next.info.fps) && next.info.fps >= 0);
                check(std::isfinite(next.info.duration) && next.info.duration >= 0);
            } else {
                check(!next.reason.empty());
            }
            return;
        }
        const md::ByteRange r = next.range;
        check(r.begin < r.end);
        if (size_known) check(r.end <= file.size());
        check(state.bytes.first_missing(r.begin) < r.end);
        // The server sends what the file has of the range; past its end, nothing (a 416).
        if (r.begin >= file.size()) return;
        state.bytes.add(r.begin, file.substr(r.begin, r.end - r.begin));
        ++state.reads;
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view file = eic::fuzz::text(data, size);
    md::read_image_header(file);
    md::read_image_header(file, size);
    md::read_mp4_header(md::SparseBytes(file), size);
    for (auto kind : {md::MediaKind::image, md::MediaKind::video}) {
        probe(file, kind, true);
        probe(file, kind, false);
    }
    return 0;
}

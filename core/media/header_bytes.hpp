// How the header readers (image_header.cpp, mp4_header.cpp) take bytes from a SparseBytes: a request for
// [offset, offset + n) gives the bytes, or records what stops the reading: the bytes are not read yet
// (need_more), or the file is known to end before them (malformed: the header is cut short).
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "media/byte_ranges.hpp"
#include "media/media_info.hpp"

namespace eic::media {

class HeaderBytes {
public:
    HeaderBytes(const SparseBytes& bytes, std::optional<std::uint64_t> file_size) : bytes_(bytes), size_(file_size) {}

    // The bytes [offset, offset + n) of `what` (for a message: "the PNG header"); nullopt when they are not
    // there, and stop() says why.
    std::optional<std::string_view> get(std::uint64_t offset, std::uint64_t n, const char* what) {
        const auto end = add_offsets(offset, n);
        if (!end || (size_ && *end > *size_)) {
            status_ = HeaderStatus::malformed;
            reason_ = "The file ends (at " + std::to_string(size_.value_or(0)) + " bytes) inside " + what + ".";
            return std::nullopt;
        }
        if (auto v = bytes_.view(offset, n)) return v;
        status_ = HeaderStatus::need_more;
        need_ = ByteRange{offset, *end};
        return std::nullopt;
    }
    // The held bytes from `offset` on, up to `n` (fewer at a gap): for data read only when it is there.
    std::string_view available(std::uint64_t offset, std::uint64_t n) const { return bytes_.run(offset, n); }
    const std::optional<std::uint64_t>& file_size() const { return size_; }

    // Copies why the last get() failed into `out`.
    void stop(HeaderRead& out) const {
        out.status = status_;
        out.need = need_;
        out.reason = reason_;
    }

private:
    const SparseBytes& bytes_;
    std::optional<std::uint64_t> size_;
    HeaderStatus status_ = HeaderStatus::need_more;
    ByteRange need_;
    std::string reason_;
};

// Sets `out` to a final status with a reason; returns it, for `return fail(r, ...)`.
template <class Result>
Result& fail(Result& out, HeaderStatus status, std::string reason) {
    out.status = status;
    out.reason = std::move(reason);
    out.need = {};
    return out;
}

}  // namespace eic::media

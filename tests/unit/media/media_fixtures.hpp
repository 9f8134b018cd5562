// The media fixtures of tests/data/media (made by tests/data/media/make-fixtures.sh), read through
// EIC_TEST_DATA like every fixture, so the wasm tier (NODERAWFS) reads the same files.
#pragma once

#include <algorithm>
#include <fstream>
#include <sstream>
#include <string>

#include "media/read_plan.hpp"

namespace eic::test {

inline std::string media_fixture(const std::string& name) {
    std::ifstream in(std::string(EIC_TEST_DATA) + "/media/" + name, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

// Runs the read plan against `file` as a server would answer ranges (the size learnt from the first answer's
// Content-Range when `size_known`); returns the last step and counts the reads.
inline media::ReadStep read_as_server(media::MediaKind kind, const std::string& file, const media::ReadLimits& limits,
                                      int& reads, bool size_known = true) {
    media::ReadState st;
    st.kind = kind;
    for (;;) {
        media::ReadStep step = media::next_read(st, limits);
        if (step.verdict != media::ReadVerdict::read) {
            reads = st.reads;
            return step;
        }
        const std::uint64_t begin = step.range.begin, end = std::min<std::uint64_t>(step.range.end, file.size());
        if (begin < end) st.bytes.add(begin, std::string_view(file).substr(begin, end - begin));
        if (size_known) st.file_size = file.size();
        ++st.reads;
        if (st.reads > 100) return step;  // a plan that never ends fails the test
    }
}

}  // namespace eic::test

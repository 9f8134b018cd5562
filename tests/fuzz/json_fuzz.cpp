// Fuzzes eic's own strict JSON reader (core/json/reader.hpp), which every JSON input goes through first:
// manifests (validated as they stream), schema files (core/json/positioned.hpp), the drop sniffer. It is
// judged against nlohmann's parser (also strict RFC 8259, the one the rest of core uses for small
// documents): both must accept the same texts (those without a NUL byte, where nlohmann stops), the
// positioned DOM must equal nlohmann's, and every number must convert exactly as the C library converts it
// (core/json/number.hpp promises correct rounding). A read paused and resumed every few bytes (as the
// validator does in wasm) must see the same events as one read.
#include <cerrno>
#include <charconv>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <nlohmann/json.hpp>
#include <string>

#include "fuzz_support.hpp"
#include "json/number.hpp"
#include "json/positioned.hpp"
#include "json/reader.hpp"

using eic::fuzz::check;
namespace j = eic::json;

namespace {

// Every event as text, and each number checked against the C library's conversions.
struct Trace {
    std::string out;
    bool overflow = false;  // a number beyond the double range, which nlohmann refuses
    void add(char kind, std::string_view s, std::size_t offset) {
        out += kind;
        out.append(s.data(), s.size());
        out += '@' + std::to_string(offset) + ' ';
    }
    bool begin_object(std::size_t o) { return add('{', {}, o), true; }
    bool end_object(std::size_t o) { return add('}', {}, o), true; }
    bool begin_array(std::size_t o) { return add('[', {}, o), true; }
    bool end_array(std::size_t o) { return add(']', {}, o), true; }
    bool key(std::string_view k, std::size_t o) { return add('k', k, o), true; }
    bool string(std::string_view s, std::size_t o) { return add('s', s, o), true; }
    bool boolean(bool v, std::size_t o) { return add(v ? 't' : 'f', {}, o), true; }
    bool null(std::size_t o) { return add('n', {}, o), true; }
    bool number(const j::Number& n, std::size_t o) {
        add('#', n.text, o);
        check(n.negative == (n.text[0] == '-'));
        const std::string text(n.text);
        double ours = 0;
        const j::Errc e = j::to_double(n.text, ours);
        errno = 0;
        const double libc = std::strtod(text.c_str(), nullptr);
        if (std::isinf(libc)) {
            check(e == j::Errc::number_overflow);
            overflow = true;
        } else {
            check(e == j::Errc::none && std::memcmp(&ours, &libc, sizeof ours) == 0);
        }
        if (n.integer) {
            std::int64_t i = 0, want = 0;
            const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), want);
            const bool fits = ec == std::errc() && end == text.data() + text.size();
            check((j::to_int64(n.text, i) == j::Errc::none) == fits && (!fits || i == want));
        }
        return true;
    }
};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view in = eic::fuzz::text(data, size);
    j::ReadOptions options;
    options.max_depth = size + 1;  // no depth limit: nlohmann has none

    Trace whole;
    const j::ReadResult r = j::read(in, whole, options);
    check(!r.stopped && !r.paused);
    check(r.error.offset <= size);

    Trace sliced;
    j::ReadOptions pausing = options;
    pausing.pause_every = 1 + size % 7;
    j::Reader reader;
    j::ReadResult p = reader.read(in, sliced, pausing);
    for (int n = 0; p.paused; ++n) {
        check(n <= int(size));
        p = reader.resume(in, sliced, pausing);
    }
    check(sliced.out == whole.out && p.error.errc == r.error.errc && p.error.offset == r.error.offset);

    const bool ours = r.ok() && !whole.overflow;
    // nlohmann takes a NUL byte for the end of the input (for C strings), so it accepts "1\0x"; eic does not.
    if (in.find('\0') == std::string_view::npos) check(ours == nlohmann::json::accept(in));

    const j::PositionedResult doc = j::parse_positioned(in, size + 1);
    check(doc.doc.has_value() == ours);
    if (doc.doc) check(doc.doc->value == nlohmann::ordered_json::parse(in));
    return 0;
}

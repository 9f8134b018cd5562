#include "manifest/validate.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <string>
#include <utility>
#include <vector>

#include "json/reader.hpp"
#include "manifest/format.hpp"
#include "manifest/validator.hpp"
#include "manifest/validator_handlers.hpp"  // the SAX handlers, inlined into the reader instantiated here

namespace eic::manifest {
namespace detail {

bool Validator::is_csv() const {
    return opt_.format == InputFormat::csv || (opt_.format == InputFormat::auto_detect &&
                                               format::detect(bytes_, opt_.file_name) == format::FileFormat::csv);
}

ValidationResult Validator::run() {
    auto t0 = std::chrono::steady_clock::now();
    const bool csv = is_csv();
    if (csv) {
        run_csv();
    } else {
        // Paused reads: in wasm, a 1 GB manifest in one call would run wholly in V8's baseline tier.
        json::ReadOptions o;
        o.pause_every = 1 << 20;
        json::Reader reader;
        json::ReadResult r = reader.read(bytes_, *this, o);
        while (r.paused) r = reader.resume(bytes_, *this, o);
        if (r.stopped && !cancelled_) r.stopped = false;
        finish(r);
    }
    return summarize(csv, std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count());
}

ValidationResult Validator::summarize(bool csv, double ms) {
    auto& s = res_.summary;
    s.format = csv ? "csv" : "json";
    s.bytes = bytes_.size();
    s.items = items_;
    s.urls = urls_;
    for (std::size_t c = 0; c < kCollectionCount; ++c)
        if (coll_present_[c]) s.collections[std::string(format::collections()[c].key)] = coll_items_[c];
    s.batches = batch_count(BatchTotals{videos_, others_, known_bytes_});
    s.cancelled = cancelled_;
    // Item-level findings come at the item's end but point at its start: restore file order.
    std::stable_sort(res_.diagnostics.begin(), res_.diagnostics.end(), [](const Diagnostic& a, const Diagnostic& b) {
        auto key = [](const Diagnostic& d) { return std::make_pair(d.line ? d.line : UINT32_MAX, d.column); };
        return key(a) < key(b);
    });
    if (!s.suppressed.empty()) {
        std::uint64_t total = 0;
        std::string list;
        for (const auto& [code, n] : s.suppressed) {
            total += n;
            list += fmt::format("{}{} {}", list.empty() ? "" : ", ", n, code);
        }
        Diagnostic d;
        d.severity = Severity::info;
        d.code = code::capped;
        d.message = fmt::format("{} more findings are not listed (--max-diagnostics {}): {}.", total,
                                opt_.max_diagnostics, list);
        d.pointer = "";
        ++s.infos;
        res_.diagnostics.push_back(std::move(d));
    }
    s.ms = ms;
    return std::move(res_);
}

// ---- the steppable form ------------------------------------------------------------------------
// The SAX reader cannot pause, so a job walks the manifest's outer structure itself ('{', member
// names, ':', '[', ',', ']', '}') and hands each collection item, and each other top-level value, to
// the reader as a document of its own, with offsets shifted to the whole file. The reader then stops
// at the byte after the value with json.trailing, which is where the walk continues. The Validator sees
// exactly the events of a one-call run. When the outer structure is not what a manifest looks like
// (not an object, a syntax error between items), the job parses the whole file once more without a
// handler to get the reader's own error, so findings are identical to validate_manifest's.

struct Shift {
    Validator& v;
    std::size_t base;
    bool begin_object(std::size_t o) { return v.begin_object(base + o); }
    bool end_object(std::size_t o) { return v.end_object(base + o); }
    bool begin_array(std::size_t o) { return v.begin_array(base + o); }
    bool end_array(std::size_t o) { return v.end_array(base + o); }
    bool key(std::string_view k, std::size_t o) { return v.key(k, base + o); }
    bool string(std::string_view x, std::size_t o) { return v.string(x, base + o); }
    bool number(const json::Number& n, std::size_t o) { return v.number(n, base + o); }
    bool boolean(bool b, std::size_t o) { return v.boolean(b, base + o); }
    bool null(std::size_t o) { return v.null(base + o); }
};

// A member name read as a string document, delivered to the Validator as a key.
struct KeyAsString : Shift {
    bool string(std::string_view x, std::size_t o) { return v.key(x, base + o); }
};

struct NoHandler {
    bool begin_object(std::size_t) { return true; }
    bool end_object(std::size_t) { return true; }
    bool begin_array(std::size_t) { return true; }
    bool end_array(std::size_t) { return true; }
    bool key(std::string_view, std::size_t) { return true; }
    bool string(std::string_view, std::size_t) { return true; }
    bool number(const json::Number&, std::size_t) { return true; }
    bool boolean(bool, std::size_t) { return true; }
    bool null(std::size_t) { return true; }
};

class Stepper {
public:
    Stepper(std::string_view bytes, ValidateOptions options)
        : bytes_(bytes), options_(std::move(options)), v_(bytes_, options_) {}

    bool step(std::size_t max_bytes) {
        if (finished_) return true;
        auto t0 = std::chrono::steady_clock::now();
        if (state_ == St::start && (v_.is_csv() || !starts_with_object())) {
            // CSV (at most 10,000 rows) and non-object JSON are validated in one step.
            result_ = v_.run();
            finished_ = true;
            return true;
        }
        if (v_.cancelled_ && state_ != St::start) end_stopped();
        const std::size_t stop = pos_ + std::max<std::size_t>(max_bytes, 1);
        while (!finished_ && pos_ < stop && advance()) {
        }
        ms_ += std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
        if (finished_) result_ = v_.summarize(false, ms_);
        return finished_;
    }
    void cancel() { v_.cancelled_ = true; }
    std::size_t done() const { return finished_ ? bytes_.size() : pos_; }
    std::size_t total() const { return bytes_.size(); }
    bool finished() const { return finished_; }
    const ValidationResult& result() const { return result_; }

private:
    enum class St {
        start,
        first_member,
        member,
        colon,
        value,
        first_element,
        element,
        after_element,
        after_member,
        end
    };

    bool starts_with_object() {
        std::size_t p = bytes_.substr(0, 3) == "\xEF\xBB\xBF" ? 3 : 0;
        while (p < bytes_.size() && json::detail::is_ws(static_cast<unsigned char>(bytes_[p]))) ++p;
        return p < bytes_.size() && bytes_[p] == '{';
    }
    void skip_ws() {
        while (pos_ < bytes_.size() && json::detail::is_ws(static_cast<unsigned char>(bytes_[pos_]))) ++pos_;
    }
    char at() const { return pos_ < bytes_.size() ? bytes_[pos_] : '\0'; }
    bool at_end() const { return pos_ >= bytes_.size(); }

    // The outer structure is broken: the reader's own error for the whole file.
    bool fail() {
        NoHandler none;
        json::ReadResult r = json::read(bytes_, none);
        end_with(r);
        return false;
    }
    // Ends as a cancelled read (the handler stopped it); returns false so advance() stops.
    bool end_stopped() {
        json::ReadResult c;
        c.stopped = true;
        end_with(c);
        return false;
    }
    void end_with(json::ReadResult r) {
        if (v_.cancelled_) r.stopped = true;
        v_.finish(r);
        finished_ = true;
    }
    // Reads one value at pos_ into the Validator; continues after it.
    template <class Handler>
    bool one_value(Handler h, std::size_t max_depth) {
        if (bytes_.substr(pos_, 3) == "\xEF\xBB\xBF") return fail();  // the reader would take it for a BOM
        json::ReadOptions o;
        o.max_depth = max_depth;
        json::ReadResult r = reader_.read(bytes_.substr(pos_), h, o);
        if (r.stopped) return end_stopped();
        if (r.error.errc == json::Errc::trailing) {
            pos_ += r.error.offset;
            return true;
        }
        if (r.error) return fail();
        pos_ = bytes_.size();
        return true;
    }

    bool advance() {
        switch (state_) {
            case St::start:
                pos_ = bytes_.substr(0, 3) == "\xEF\xBB\xBF" ? 3 : 0;
                skip_ws();
                v_.begin_object(pos_);
                ++pos_;
                state_ = St::first_member;
                return true;
            case St::first_member:
                skip_ws();
                if (at() == '}') return close_top();
                state_ = St::member;
                return true;
            case St::member:
                skip_ws();
                if (at() != '"') return fail();
                if (!one_value(KeyAsString{{v_, pos_}}, 512)) return false;
                state_ = St::colon;
                return true;
            case St::colon:
                skip_ws();
                if (at() != ':') return fail();
                ++pos_;
                skip_ws();
                if (at_end()) return fail();
                state_ = St::value;
                return true;
            case St::value:
                if (v_.pending_ == Expect::collection && at() == '[') {
                    v_.begin_array(pos_);
                    ++pos_;
                    state_ = St::first_element;
                    return true;
                }
                if (!one_value(Shift{v_, pos_}, 511)) return false;
                state_ = St::after_member;
                return true;
            case St::first_element:
                skip_ws();
                if (at() == ']') return close_collection();
                if (at_end()) return fail();
                state_ = St::element;
                return true;
            case St::element:
                if (!one_value(Shift{v_, pos_}, 510)) return false;
                if (v_.cancelled_) return end_stopped();
                state_ = St::after_element;
                return true;
            case St::after_element:
                skip_ws();
                if (at() == ']') return close_collection();
                if (at() != ',') return fail();
                ++pos_;
                skip_ws();
                if (at_end()) return fail();
                state_ = St::element;
                return true;
            case St::after_member:
                skip_ws();
                if (at() == '}') return close_top();
                if (at() != ',') return fail();
                ++pos_;
                state_ = St::member;
                return true;
            case St::end:
                skip_ws();
                if (!at_end()) return fail();
                end_with(json::ReadResult{});
                return false;
        }
        return false;
    }
    bool close_collection() {
        v_.end_array(pos_);
        ++pos_;
        state_ = St::after_member;
        return true;
    }
    bool close_top() {
        v_.end_object(pos_);
        ++pos_;
        state_ = St::end;
        return true;
    }

    std::string_view bytes_;
    ValidateOptions options_;  // owned: the Validator keeps a reference
    Validator v_;
    json::Reader reader_;
    St state_ = St::start;
    std::size_t pos_ = 0;
    double ms_ = 0;
    bool finished_ = false;
    ValidationResult result_;
};

}  // namespace detail

struct ValidationJob::Impl : detail::Stepper {
    using Stepper::Stepper;
};

ValidationJob::ValidationJob(std::string_view bytes, ValidateOptions options)
    : impl_(std::make_unique<Impl>(bytes, std::move(options))) {}
ValidationJob::~ValidationJob() = default;
ValidationJob::ValidationJob(ValidationJob&&) noexcept = default;
ValidationJob& ValidationJob::operator=(ValidationJob&&) noexcept = default;
bool ValidationJob::step(std::size_t max_bytes) { return impl_->step(max_bytes); }
void ValidationJob::cancel() { impl_->cancel(); }
bool ValidationJob::finished() const { return impl_->finished(); }
std::size_t ValidationJob::done_bytes() const { return impl_->done(); }
std::size_t ValidationJob::total_bytes() const { return impl_->total(); }
const ValidationResult& ValidationJob::result() const { return impl_->result(); }

ValidationResult validate_manifest(std::string_view bytes, const ValidateOptions& options) {
    detail::Validator v(bytes, options);
    return v.run();
}

nlohmann::ordered_json summary_json(const ValidationSummary& s) {
    nlohmann::ordered_json j;
    j["format"] = s.format;
    j["bytes"] = s.bytes;
    j["items"] = s.items;
    j["urls"] = s.urls;
    j["collections"] = nlohmann::ordered_json::object();
    for (const auto& [name, n] : s.collections) j["collections"][name] = n;
    j["errors"] = s.errors;
    j["warnings"] = s.warnings;
    j["infos"] = s.infos;
    j["ms"] = std::round(s.ms * 1000) / 1000;
    j["batches"] = s.batches;
    j["suppressed"] = nlohmann::ordered_json::object();
    for (const auto& [code, n] : s.suppressed) j["suppressed"][code] = n;
    j["cancelled"] = s.cancelled;
    return j;
}

}  // namespace eic::manifest

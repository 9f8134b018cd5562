// The Validator's URLs (validator.hpp): the per-file URL limit, the URL rules (values.hpp), bucket
// names (gcs/names.hpp) and duplicate URLs.
#include <fmt/format.h>

#include <functional>
#include <string>
#include <vector>

#include "csv/reader.hpp"
#include "gcs/names.hpp"
#include "manifest/validator.hpp"

namespace eic::manifest::detail {
namespace {

// Captures the first string of a document; used to read an earlier URL again.
struct FirstString {
    std::string value;
    bool begin_object(std::size_t) { return false; }
    bool end_object(std::size_t) { return false; }
    bool begin_array(std::size_t) { return false; }
    bool end_array(std::size_t) { return false; }
    bool key(std::string_view, std::size_t) { return false; }
    bool string(std::string_view s, std::size_t) {
        value.assign(s);
        return false;
    }
    bool number(const json::Number&, std::size_t) { return false; }
    bool boolean(bool, std::size_t) { return false; }
    bool null(std::size_t) { return false; }
};

}  // namespace

void Validator::count_url(std::size_t off) {
    ++urls_;
    if (urls_ == file_limits().max_urls + 1)
        emit(Severity::error, code::limit_urls, off, At::value, [&] {
            return fmt::format(
                "This URL is beyond Encord's limit of {} URLs per manifest file. Split the manifest (eic split).",
                file_limits().max_urls);
        });
}

void Validator::check_url(std::string_view url, std::size_t off) {
    count_url(off);
    UrlCheck u = analyse_url(url, url_buffer_);
    if (const UrlFormNote* note = url_form_note(u.form)) {
        bool& noted = u.form == UrlForm::gs ? noted_gs_ : noted_googleapis_;
        if (!noted) {
            noted = true;
            emit(Severity::info, note->code, off, At::value, [&] { return std::string(note->message); });
        }
    }
    for (const UrlIssue& issue : u.issues)
        emit(issue.severity, issue.code, off, At::value, [&] { return issue.message; });
    if (!u.bucket.empty() && u.bucket != last_bucket_) {
        last_bucket_.assign(u.bucket.data(), u.bucket.size());
        if (checked_buckets_.size() < 10000 && checked_buckets_.insert(last_bucket_).second)
            for (const auto& issue : gcs::check_bucket_name(u.bucket))
                emit(issue.error ? Severity::error : Severity::warning, issue.code, off, At::value, [&] {
                    return fmt::format("Bucket {}: {} (Reported for its first URL only.)", shown(u.bucket),
                                       issue.message);
                });
    }
    if (!url.empty()) check_duplicate(u.identity, u.gcs, off);
}

// The table: one 64-bit slot per URL, half full at most: the low 24 bits of the URL's hash (they
// place it, so the table can grow to 2^24 slots without the URLs) and 40 bits of offset + 1 (0 = empty).
// Beside it, one byte per slot of other hash bits (0 = empty): probes read only those, a quarter of a
// megabyte per 100,000 URLs, which stays in cache, and the slot is read only when they match. Equal
// stored bits are only a candidate, confirmed by reading the earlier URL again.
void Validator::check_duplicate(std::string_view identity, bool gcs, std::size_t off) {
    constexpr int kHashBits = 24;
    constexpr std::uint64_t kOffsetMask = (std::uint64_t(1) << 40) - 1;
    if (dup_.empty()) {
        dup_.resize(1024);
        dup_tag_.resize(1024);
    }
    if ((dup_used_ + 1) * 2 > dup_.size()) {
        if (dup_.size() >= (std::size_t(1) << kHashBits) || off + 1 > kOffsetMask)
            return;  // far beyond Encord's limits
        std::vector<std::uint64_t> bigger(dup_.size() * 2);
        std::vector<std::uint8_t> bigger_tag(bigger.size());
        const std::size_t mask = bigger.size() - 1;
        for (std::size_t j = 0; j < dup_.size(); ++j) {
            if (!dup_tag_[j]) continue;
            std::size_t i = std::size_t(dup_[j] >> 40) & mask;
            while (bigger_tag[i]) i = (i + 1) & mask;
            bigger[i] = dup_[j];
            bigger_tag[i] = dup_tag_[j];
        }
        dup_.swap(bigger);
        dup_tag_.swap(bigger_tag);
    }
    const std::size_t hash = std::hash<std::string_view>{}(identity) + gcs;  // 32 bits in wasm
    const std::uint64_t h = hash & ((std::uint64_t(1) << kHashBits) - 1);
    const std::uint8_t tag = std::uint8_t(hash >> kHashBits) ? std::uint8_t(hash >> kHashBits) : 1;
    const std::size_t mask = dup_.size() - 1;
    std::size_t i = std::size_t(h) & mask;
    while (dup_tag_[i]) {
        if (dup_tag_[i] == tag && (dup_[i] >> 40) == h) {
            // Read the earlier URL again and compare identities, so a hash collision is never a finding.
            const std::size_t first = std::size_t((dup_[i] & kOffsetMask) - 1);
            FirstString fs;
            if (csv_) {
                csv::Options o;
                o.header = false;
                o.check_ragged = false;
                csv::Reader again(bytes_.substr(first), o);
                csv::Record rec;
                if (again.next(rec) && rec.size() > 0) fs.value.assign(rec[0].value);
            } else {
                json::read(bytes_.substr(first), fs);
            }
            std::string other_buffer;
            const UrlCheck other = analyse_url(fs.value, other_buffer);
            if (other.gcs == gcs && other.identity == identity) {
                emit(Severity::warning, code::url_duplicate, off, At::value, [&] {
                    json::Position p = lines_.position(first);
                    return fmt::format(
                        "This file is already named at line {}, column {}{}; Encord imports it twice unless "
                        "skip_duplicate_urls is true. Remove one.",
                        p.line, p.column, gcs ? " (same bucket and object)" : "");
                });
                return;
            }
        }
        i = (i + 1) & mask;
    }
    dup_[i] = (h << 40) | (std::uint64_t(off) + 1);
    dup_tag_[i] = tag;
    ++dup_used_;
}

}  // namespace eic::manifest::detail

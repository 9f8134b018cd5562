#include "app/manifest_document.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <cstring>

#include "app/counted.hpp"
#include "manifest/codes.hpp"
#include "manifest/format.hpp"
#include "manifest/limits.hpp"
#include "manifest/suggest.hpp"

namespace eic::app {

namespace {

using Json = nlohmann::ordered_json;

constexpr std::size_t kMaxListed = 10000;      // a list longer than this is read by code, not by people
constexpr std::size_t kMaxIncremental = 2000;  // more changed units than this wait for the full pass
constexpr std::size_t kItemCache = 4096;       // parsed items kept (the rows on screen, and some)

// Findings about the whole file, which validating one item alone cannot judge.
bool file_level(const std::string& code) {
    return code == manifest::code::url_gs_form || code == manifest::code::url_googleapis_form ||
           code == manifest::code::empty || code.rfind("manifest.limit.", 0) == 0 ||
           code.rfind("manifest.plan.", 0) == 0 || code.rfind("manifest.batch.", 0) == 0 ||
           code == manifest::code::capped;
}

void count(manifest::ValidationSummary& s, Severity sev, int delta) {
    std::uint64_t& n = sev == Severity::error ? s.errors : sev == Severity::warning ? s.warnings : s.infos;
    n = std::uint64_t(std::int64_t(n) + delta);
}

bool is_ws(unsigned char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

// Leading and trailing whitespace removed, inner whitespace percent-encoded.
std::string encode_whitespace(std::string_view url) {
    std::size_t a = 0, b = url.size();
    while (a < b && is_ws((unsigned char)url[a])) ++a;
    while (b > a && is_ws((unsigned char)url[b - 1])) --b;
    std::string out;
    for (std::size_t i = a; i < b; ++i) {
        unsigned char c = (unsigned char)url[i];
        if (is_ws(c))
            out += fmt::format("%{:02X}", c);
        else
            out += char(c);
    }
    return out;
}

// "/images/0/clientMetadata/x" -> "/images/7/clientMetadata/x"
std::string reindex_pointer(const std::string& p, std::uint64_t k) {
    std::size_t a = p.find('/', 1);
    if (a == std::string::npos) return p;
    std::size_t b = p.find('/', a + 1);
    return p.substr(0, a + 1) + std::to_string(k) + (b == std::string::npos ? "" : p.substr(b));
}

}  // namespace

struct ManifestDocument::Job {
    std::shared_ptr<const std::string> text;
    std::vector<manifest::ItemSpan> spans;
    std::optional<manifest::ValidationJob> job;
    std::vector<std::vector<std::uint32_t>> by_collection;  // units as the validated text lists them
    bool index_units = false;  // the first pass over a JSON file: build the units from its spans
    bool rebase = false;       // the text is what the units wrote: point them into it afterwards
    std::uint64_t edits_at_start = 0;
    std::chrono::steady_clock::time_point started;
};

ManifestDocument::ManifestDocument() = default;
ManifestDocument::~ManifestDocument() = default;
ManifestDocument::ManifestDocument(ManifestDocument&&) noexcept = default;
ManifestDocument& ManifestDocument::operator=(ManifestDocument&&) noexcept = default;

// ---------------------------------------------------------------- opening and validation

manifest::ValidateOptions ManifestDocument::options() const {
    manifest::ValidateOptions o;
    if (!schema_.empty()) o.schema = schema_;
    o.strict_client_only = checks_.strict_client_only;
    o.plan = checks_.plan;
    o.max_diagnostics = kMaxListed;
    return o;
}

void ManifestDocument::open(std::string file_name, std::string bytes, const schema::Schema& schema,
                            const ManifestChecks& checks) {
    file_name_ = std::move(file_name);
    format_ = manifest::detect_format(bytes, file_name_);
    schema_ = schema;
    checks_ = checks;
    open_ = true;
    undo_.clear();
    redo_.clear();
    saved_depth_ = 0;
    cache_.clear();
    result_.reset();
    stale_ = false;
    auto text = std::make_shared<const std::string>(std::move(bytes));
    source_ = text;
    edited_ = false;
    units_ = ManifestUnits();
    editable_ = false;
    if (format_ == manifest::Format::csv) {
        manifest::LoadResult r = manifest::load_csv(*text);
        if (r.manifest) units_.reset_from_manifest(*r.manifest);
        editable_ = r.manifest.has_value();
    }
    start_job(std::move(text), format_);
    job_->index_units = format_ == manifest::Format::json;
    ++revision_;
}

void ManifestDocument::open_new(std::string file_name, const schema::Schema& schema, const ManifestChecks& checks) {
    open(std::move(file_name), fmt::format("{{\"{}\":[]}}", manifest::collection_key(manifest::Collection::images)),
         schema, checks);
}

void ManifestDocument::validate(const schema::Schema& schema, const ManifestChecks& checks) {
    if (!open_) return;
    schema_ = schema;
    checks_ = checks;
    job_.reset();
    const bool json = format_ == manifest::Format::json;
    if (!editable_) {
        // Not indexed to the end: read the bytes as opened again (and index them, for JSON).
        start_job(source_, format_);
        job_->index_units = json;
    } else if (json && units_.pristine()) {
        start_job(units_.bytes(), manifest::Format::json);
    } else if (!json && !edited_) {
        start_job(source_, manifest::Format::csv);
    } else {
        // Edited: validate what would be written, then point the units into it. An edited CSV
        // manifest is checked in its JSON form, so findings can be placed whatever the edit was.
        start_job(std::make_shared<const std::string>(units_.write_json(false)), manifest::Format::json);
        job_->rebase = true;
    }
}

ManifestDocument::CurrentText ManifestDocument::current_text() const {
    if (!open_) return {};
    const bool json = format_ == manifest::Format::json;
    if (!editable_ || (!json && !edited_)) return {source_, format_};
    if (json && units_.pristine()) return {units_.bytes(), manifest::Format::json};
    return {std::make_shared<const std::string>(units_.write_json(false)), manifest::Format::json};
}

void ManifestDocument::start_job(std::shared_ptr<const std::string> text, manifest::Format format) {
    job_ = std::make_unique<Job>();
    job_->text = std::move(text);
    job_->by_collection = units_.items_by_collection();
    job_->edits_at_start = edits_;
    job_->started = std::chrono::steady_clock::now();
    manifest::ValidateOptions o = options();
    o.format = format == manifest::Format::csv ? manifest::InputFormat::csv : manifest::InputFormat::json;
    o.spans = &job_->spans;
    job_->job.emplace(*job_->text, std::move(o));
}

bool ManifestDocument::step(std::size_t max_bytes) {
    if (!job_) return true;
    const bool done = job_->job->step(max_bytes);
    double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - job_->started).count();
    if (s > 0) rate_mb_s_ = double(job_->job->done_bytes()) / 1e6 / s;
    if (done) finish_job();
    return done;
}

void ManifestDocument::cancel() {
    if (!job_) return;
    job_->job->cancel();
    while (!job_->job->step(1 << 20)) {
    }
    finish_job();
}

double ManifestDocument::progress() const {
    if (!job_ || job_->job->total_bytes() == 0) return job_ ? 0.0 : 1.0;
    return double(job_->job->done_bytes()) / double(job_->job->total_bytes());
}

void ManifestDocument::finish_job() {
    std::unique_ptr<Job> job = std::move(job_);
    result_ = job->job->result();
    validated_text_ = job->text;
    const bool edited_meanwhile = job->edits_at_start != edits_;
    if (job->index_units) {
        units_.reset_from_spans(job->text, job->spans);
        job->by_collection = units_.items_by_collection();
        // Units from a partial reading must not be written back: the rest of the file would be lost.
        editable_ = !result_->summary.cancelled &&
                    std::none_of(result_->diagnostics.begin(), result_->diagnostics.end(), [](const Diagnostic& d) {
                        return d.code.rfind("json.", 0) == 0 || d.code == manifest::code::top_level;
                    });
        cache_.clear();
    } else if (job->rebase && !edited_meanwhile && !result_->summary.cancelled) {
        if (units_.rebase(job->text, job->spans)) cache_.clear();
    }
    stale_ = edited_meanwhile || result_->summary.cancelled;
    // Place each finding on its unit by (collection, item) as the validated text listed them.
    diag_unit_.assign(result_->diagnostics.size(), kNoUnit);
    for (std::size_t i = 0; i < result_->diagnostics.size(); ++i) {
        const Diagnostic& d = result_->diagnostics[i];
        if (!d.collection || !d.item) continue;
        auto c = manifest::collection_from_key(*d.collection);
        if (!c) continue;
        const auto& ids = job->by_collection[std::size_t(*c)];
        if (*d.item < ids.size()) diag_unit_[i] = ids[*d.item];
    }
    reindex_findings();
}

void ManifestDocument::reindex_findings() {
    unit_diags_.assign(units_.size(), {});
    status_.assign(units_.size(), 0);
    if (!result_) return;
    for (std::size_t i = 0; i < diag_unit_.size(); ++i) {
        std::uint32_t u = diag_unit_[i];
        if (u == kNoUnit || u >= units_.size()) continue;
        unit_diags_[u].push_back(std::uint32_t(i));
        Severity s = result_->diagnostics[i].severity;
        status_[u] |= s == Severity::error ? status_error : s == Severity::warning ? status_warning : status_info;
    }
    ++revision_;
}

const std::vector<std::uint32_t>& ManifestDocument::findings_of(std::uint32_t unit) const {
    static const std::vector<std::uint32_t> none;
    return unit < unit_diags_.size() ? unit_diags_[unit] : none;
}

std::map<std::string, std::uint64_t> ManifestDocument::counts_by_code() const {
    std::map<std::string, std::uint64_t> out;
    if (!result_) return out;
    for (const auto& d : result_->diagnostics)
        if (d.code != manifest::code::capped) ++out[d.code];
    for (const auto& [code, n] : result_->summary.suppressed) out[code] += n;
    return out;
}

const manifest::Item* ManifestDocument::item(std::uint32_t unit) const {
    if (unit >= units_.size()) return nullptr;
    auto it = cache_.find(unit);
    if (it == cache_.end()) {
        if (cache_.size() >= kItemCache) cache_.clear();
        it = cache_.emplace(unit, read_unit(units_.text(unit), units_.unit(unit).collection)).first;
    }
    return it->second ? &*it->second : nullptr;
}

// ---------------------------------------------------------------- incremental validation

void ManifestDocument::revalidate_units(const std::vector<std::uint32_t>& changed) {
    stale_ = true;
    if (!result_) return;
    if (changed.size() > kMaxIncremental) {
        ++revision_;
        return;  // the full pass the UI starts after edits will place them
    }
    std::vector<char> is_changed(units_.size(), 0);
    for (std::uint32_t u : changed)
        if (u < units_.size()) is_changed[u] = 1;
    // Drop the changed units' findings.
    auto& ds = result_->diagnostics;
    std::vector<Diagnostic> kept;
    std::vector<std::uint32_t> kept_unit;
    kept.reserve(ds.size());
    for (std::size_t i = 0; i < ds.size(); ++i) {
        std::uint32_t u = i < diag_unit_.size() ? diag_unit_[i] : kNoUnit;
        if (u != kNoUnit && u < is_changed.size() && is_changed[u]) {
            count(result_->summary, ds[i].severity, -1);
            continue;
        }
        kept.push_back(std::move(ds[i]));
        kept_unit.push_back(u);
    }
    // Validate each live changed unit on its own, as item k of its collection.
    auto by = units_.items_by_collection();
    std::vector<std::uint32_t> position(units_.size(), kNoUnit);
    for (const auto& ids : by)
        for (std::size_t k = 0; k < ids.size(); ++k) position[ids[k]] = std::uint32_t(k);
    manifest::ValidateOptions o = options();
    o.plan.reset();
    o.max_diagnostics = 0;
    o.format = manifest::InputFormat::json;
    for (std::uint32_t u : changed) {
        if (u >= units_.size() || units_.unit(u).deleted) continue;
        const char* key = manifest::collection_key(units_.unit(u).collection);
        std::string doc = fmt::format("{{\"{}\":[{}]}}", key, units_.text(u));
        manifest::ValidationResult r = manifest::validate_manifest(doc, o);
        for (auto& d : r.diagnostics) {
            if (file_level(d.code) || !d.item) continue;
            d.item = position[u];
            if (d.pointer) d.pointer = reindex_pointer(*d.pointer, position[u]);
            d.line = d.column = 0;  // the place is the cell; the file's text has not been written yet
            count(result_->summary, d.severity, +1);
            kept.push_back(std::move(d));
            kept_unit.push_back(u);
        }
    }
    ds = std::move(kept);
    diag_unit_ = std::move(kept_unit);
    reindex_findings();
}

// ---------------------------------------------------------------- edits and undo

void ManifestDocument::apply(const Op& op, bool forward) {
    ++edits_;
    std::vector<std::uint32_t> touched;
    if (op.units_before) {
        units_ = forward ? *op.units_after : *op.units_before;
        cache_.clear();
        stale_ = true;
        // Collections moved between units and top-level: only a full pass can place findings now.
        diag_unit_.assign(diag_unit_.size(), kNoUnit);
        reindex_findings();
        return;
    }
    auto one = [&](const Change& ch) {
        if (ch.added) {
            if (forward)
                units_.add(ch.collection, *ch.after);
            else
                units_.pop_back();
        } else {
            if (ch.before && ch.after) units_.set_text(ch.unit, forward ? *ch.after : *ch.before);
            if (ch.deleted_before != ch.deleted_after)
                units_.set_deleted(ch.unit, forward ? ch.deleted_after : ch.deleted_before);
        }
        cache_.erase(ch.unit);
        touched.push_back(ch.unit);
    };
    if (forward)
        for (const auto& ch : op.changes) one(ch);
    else
        for (auto it = op.changes.rbegin(); it != op.changes.rend(); ++it) one(*it);
    if (unit_diags_.size() < units_.size()) {
        unit_diags_.resize(units_.size());
        status_.resize(units_.size(), 0);
    }
    revalidate_units(touched);
}

void ManifestDocument::commit(Op op) {
    if (op.changes.empty() && !op.units_before) return;
    apply(op, true);
    edited_ = true;
    if (saved_depth_ > undo_.size()) saved_depth_ = ~std::size_t(0);  // the saved state can no longer be reached
    undo_.push_back(std::move(op));
    redo_.clear();
}

void ManifestDocument::undo() {
    if (undo_.empty()) return;
    Op op = std::move(undo_.back());
    undo_.pop_back();
    apply(op, false);
    redo_.push_back(std::move(op));
}

void ManifestDocument::redo() {
    if (redo_.empty()) return;
    Op op = std::move(redo_.back());
    redo_.pop_back();
    apply(op, true);
    undo_.push_back(std::move(op));
}

std::string ManifestDocument::text_change(std::uint32_t unit, manifest::Item item, Op& op) {
    std::string after = unit_text(item, units_.unit(unit).collection);
    std::string before(units_.text(unit));
    if (after == before) return "";
    Change ch;
    ch.unit = unit;
    ch.collection = units_.unit(unit).collection;
    ch.before = std::move(before);
    ch.after = std::move(after);
    op.changes.push_back(std::move(ch));
    return "";
}

std::string ManifestDocument::set_cell(std::uint32_t unit, const Column& column, std::string_view text) {
    if (!editable_) return "This manifest could not be read to the end; fix the file first (see its findings).";
    if (unit >= units_.size() || units_.unit(unit).deleted) return "No such row.";
    const manifest::Item* current = item(unit);
    if (!current) return "This row's item cannot be read.";
    manifest::Item copy = *current;
    std::string err = apply_cell(copy, units_.unit(unit).collection, column, text);
    if (!err.empty()) return err;
    Op op;
    op.label = "Edit " + column.label;
    text_change(unit, std::move(copy), op);
    commit(std::move(op));
    return "";
}

std::string ManifestDocument::bulk_set_cell(const std::vector<std::uint32_t>& units, const Column& column,
                                            std::string_view text) {
    if (!editable_) return "This manifest could not be read to the end; fix the file first (see its findings).";
    Op op;
    op.label = "Set " + column.label + " on " + counted(units.size(), "row");
    for (std::uint32_t u : units) {
        if (u >= units_.size() || units_.unit(u).deleted) continue;
        const manifest::Item* current = item(u);
        if (!current) continue;
        manifest::Item copy = *current;
        std::string err = apply_cell(copy, units_.unit(u).collection, column, text);
        if (!err.empty()) return err;  // the same text fails every row alike: nothing is changed
        text_change(u, std::move(copy), op);
    }
    commit(std::move(op));
    return "";
}

std::uint32_t ManifestDocument::add_unit(manifest::Collection c) {
    if (!editable_) return kNoUnit;
    manifest::Item blank;
    blank.urls.push_back("");
    Change ch;
    ch.added = true;
    ch.collection = c;
    ch.unit = std::uint32_t(units_.size());
    ch.after = unit_text(blank, c);
    Op op;
    op.label = fmt::format("Add a row to {}", manifest::collection_key(c));
    op.changes.push_back(std::move(ch));
    commit(std::move(op));
    return std::uint32_t(units_.size() - 1);
}

void ManifestDocument::delete_units(const std::vector<std::uint32_t>& units) {
    if (!editable_) return;
    Op op;
    op.label = units.size() == 1 ? "Delete a row" : "Delete " + counted(units.size(), "row");
    for (std::uint32_t u : units) {
        if (u >= units_.size() || units_.unit(u).deleted) continue;
        Change ch;
        ch.unit = u;
        ch.collection = units_.unit(u).collection;
        ch.deleted_before = false;
        ch.deleted_after = true;
        op.changes.push_back(std::move(ch));
    }
    commit(std::move(op));
}

std::size_t ManifestDocument::edit_items(
    const std::vector<std::uint32_t>& units,
    const std::function<bool(std::uint32_t, manifest::Item&, manifest::Collection)>& edit,
    const std::function<std::string(std::size_t)>& label) {
    if (!editable_) return 0;
    Op op;
    std::size_t changed = 0;
    for (std::uint32_t u : units) {
        if (u >= units_.size() || units_.unit(u).deleted) continue;
        const manifest::Item* current = item(u);
        if (!current) continue;
        manifest::Item copy = *current;
        if (!edit(u, copy, units_.unit(u).collection)) continue;
        text_change(u, std::move(copy), op);
        ++changed;
    }
    op.label = label(changed);
    commit(std::move(op));
    return changed;
}

std::size_t ManifestDocument::edit_urls(const std::vector<std::uint32_t>& units,
                                        const std::function<std::string(const std::string&)>& rewrite,
                                        const char* label) {
    std::size_t changed = 0;
    edit_items(
        units,
        [&](std::uint32_t, manifest::Item& item, manifest::Collection) {
            bool any = false;
            for (auto& url : item.urls) {
                std::string next = rewrite(url);
                if (next == url) continue;
                url = std::move(next);
                any = true;
                ++changed;
            }
            return any;
        },
        [&](std::size_t) { return std::string(label) + " " + counted(changed, "URL"); });
    return changed;
}

std::size_t ManifestDocument::bulk_replace_in_urls(const std::vector<std::uint32_t>& units, std::string_view find,
                                                   std::string_view replace) {
    if (find.empty()) return 0;
    return edit_urls(
        units,
        [&](const std::string& url) {
            std::string out;
            std::size_t at = 0;
            for (std::size_t p; (p = url.find(find, at)) != std::string::npos; at = p + find.size()) {
                out.append(url, at, p - at);
                out += replace;
            }
            out.append(url, at, std::string::npos);
            return out;
        },
        "Replace in");
}

std::size_t ManifestDocument::bulk_encode_url_whitespace(const std::vector<std::uint32_t>& units) {
    return edit_urls(
        units, [](const std::string& url) { return encode_whitespace(url); }, "Encode whitespace in");
}

// ---------------------------------------------------------------- export

manifest::CsvWriteResult ManifestDocument::export_csv() const { return manifest::write_csv(units_.to_manifest()); }

ItemNumber ManifestDocument::item_numbers() const {
    auto by = std::make_shared<const std::vector<std::vector<std::uint32_t>>>(units_.items_by_collection());
    return [by](manifest::Collection c, std::size_t index) -> std::uint64_t {
        const auto& ids = (*by)[std::size_t(c)];
        return index < ids.size() ? std::uint64_t(ids[index]) + 1 : 0;
    };
}

manifest::SplitResult ManifestDocument::split(const manifest::SplitProfile& profile, manifest::Format format) const {
    manifest::SplitOptions o;
    o.profile = profile;
    o.file_name = file_name_;
    o.from = manifest::Format::json;
    o.json.pretty = false;
    manifest::SplitResult r = manifest::split(units_.write_json(false), o);
    if (format == manifest::Format::csv && !r.parts.empty()) {
        // Parts as CSV: each JSON part converted; anything CSV cannot hold refuses the whole split.
        manifest::SplitResult csv;
        for (const auto& part : r.parts) {
            manifest::LoadResult l = manifest::load_json(part.bytes);
            manifest::CsvWriteResult w = manifest::write_csv(*l.manifest);
            csv.diagnostics.insert(csv.diagnostics.end(), w.diagnostics.begin(), w.diagnostics.end());
            if (!w.bytes) return {{}, csv.diagnostics};
            csv.parts.push_back(
                {manifest::part_name(file_name_, csv.parts.size() + 1, r.parts.size(), manifest::Format::csv),
                 std::move(*w.bytes), part.items, part.urls});
        }
        return csv;
    }
    return r;
}

manifest::InferResult ManifestDocument::infer_schema() const {
    manifest::InferOptions o;
    o.file_name = file_name_;
    return manifest::infer_schema(units_.to_manifest(), o);
}

}  // namespace eic::app

#include "app/upload_session.hpp"

#include <algorithm>
#include <nlohmann/json.hpp>

#include "app/counted.hpp"
#include "encord/unit_error_map.hpp"
#include "manifest/load.hpp"
#include "manifest/split.hpp"
#include "manifest/write.hpp"

namespace eic::app {
namespace {

constexpr const char* kPlanFormat = "eic-upload-plan";
constexpr int kPlanVersion = 1;

encord::UploadPlanOptions plan_options(const SavedPlan& saved) {
    encord::UploadPlanOptions o;
    if (auto p = manifest::split_profile(saved.profile)) o.profile = *p;
    if (saved.max_items && (!o.profile.max_items || saved.max_items < o.profile.max_items))
        o.profile.max_items = saved.max_items;
    o.skip_duplicate_urls = saved.skip_duplicate_urls;
    o.file_name = saved.manifest_name;
    return o;
}

// "x.csv" is sent as "x.json": the job's fileName names the JSON it carries.
std::string json_name(const std::string& name) {
    const auto dot = name.rfind('.');
    const std::string stem = dot == std::string::npos ? name : name.substr(0, dot);
    return (stem.empty() ? std::string("manifest") : stem) + ".json";
}

// Consecutive items of one collection as [key, first, count], so a million-item plan stays small.
nlohmann::ordered_json runs_json(const std::vector<manifest::ItemRef>& refs) {
    nlohmann::ordered_json out = nlohmann::ordered_json::array();
    for (std::size_t k = 0; k < refs.size();) {
        std::size_t n = 1;
        while (k + n < refs.size() && refs[k + n].collection == refs[k].collection &&
               refs[k + n].index == refs[k].index + n)
            ++n;
        out.push_back({manifest::collection_key(refs[k].collection), refs[k].index, n});
        k += n;
    }
    return out;
}

}  // namespace

std::string cannot_upload(const ManifestDocument& doc, const UploadChoice& choice) {
    if (!doc.is_open()) return "Open a manifest first.";
    if (doc.validating()) return "The manifest is being validated.";
    if (!doc.result() || doc.stale()) return "Validate the manifest first: it changed since it was last validated.";
    if (doc.result()->has_errors())
        return "The manifest has " + counted(doc.result()->summary.errors, "error") +
               ": Encord would refuse it. Fix them first (the Findings view lists them).";
    if (doc.units().live_count() == 0) return "The manifest has no items.";
    if (choice.folder_uuid.empty()) return "Choose the folder to upload to (Folders tab).";
    if (choice.integration_uuid.empty())
        return "Choose the cloud integration Encord reads the bucket with (Folders tab).";
    if (!manifest::split_profile(choice.profile)) return "Unknown limits profile \"" + choice.profile + "\".";
    return "";
}

encord::ObjectSizes object_sizes(const BucketCheck* check) {
    encord::ObjectSizes sizes;
    if (!check) return sizes;
    for (const gcs::ObjectResult& r : check->results())
        if (r.state == gcs::ObjectState::exists && r.size) sizes[r.url] = *r.size;
    return sizes;
}

// ---- the plan record --------------------------------------------------------------------------------

std::string to_json(const SavedPlan& plan) {
    nlohmann::ordered_json batches = nlohmann::ordered_json::array();
    for (const auto& b : plan.batches) batches.push_back(runs_json(b));
    nlohmann::ordered_json j = {{"format", kPlanFormat},
                                {"version", kPlanVersion},
                                {"manifestName", plan.manifest_name},
                                {"manifestJson", plan.manifest_json},
                                {"folderName", plan.folder_name},
                                {"integrationTitle", plan.integration_title},
                                {"skipDuplicateUrls", plan.skip_duplicate_urls},
                                {"profile", plan.profile},
                                {"maxItems", plan.max_items},
                                {"batches", std::move(batches)}};
    return j.dump();
}

encord::Parsed<SavedPlan> parse_saved_plan(std::string_view text) {
    using P = encord::Parsed<SavedPlan>;
    const auto fail = [](std::string message, std::string pointer) { return P{std::nullopt, {message, pointer}}; };
    const nlohmann::json j = nlohmann::json::parse(text, nullptr, false);
    if (j.is_discarded() || !j.is_object()) return fail("The saved upload plan is not a JSON object.", "");
    if (j.value("format", "") != kPlanFormat) return fail("Not an eic upload plan.", "/format");
    if (!j.contains("version") || j["version"] != kPlanVersion)
        return fail("An upload plan of another eic version (version 1 is read).", "/version");
    SavedPlan p;
    const auto str = [&](const char* key, std::string& out) {
        if (!j.contains(key) || !j[key].is_string()) return false;
        out = j[key].get<std::string>();
        return true;
    };
    for (auto [key, out] : {std::pair{"manifestName", &p.manifest_name},
                            {"manifestJson", &p.manifest_json},
                            {"folderName", &p.folder_name},
                            {"integrationTitle", &p.integration_title},
                            {"profile", &p.profile}})
        if (!str(key, *out)) return fail("Expected a string.", std::string("/") + key);
    if (!j.contains("skipDuplicateUrls") || !j["skipDuplicateUrls"].is_boolean())
        return fail("Expected true or false.", "/skipDuplicateUrls");
    p.skip_duplicate_urls = j["skipDuplicateUrls"].get<bool>();
    if (!j.contains("maxItems") || !j["maxItems"].is_number_unsigned()) return fail("Expected a count.", "/maxItems");
    p.max_items = j["maxItems"].get<std::uint64_t>();
    if (!j.contains("batches") || !j["batches"].is_array()) return fail("Expected an array.", "/batches");
    for (std::size_t b = 0; b < j["batches"].size(); ++b) {
        const auto& runs = j["batches"][b];
        const std::string at = "/batches/" + std::to_string(b);
        if (!runs.is_array()) return fail("Expected an array of runs.", at);
        std::vector<manifest::ItemRef> refs;
        for (std::size_t r = 0; r < runs.size(); ++r) {
            const auto& run = runs[r];
            const std::string rat = at + "/" + std::to_string(r);
            if (!run.is_array() || run.size() != 3 || !run[0].is_string() || !run[1].is_number_unsigned() ||
                !run[2].is_number_unsigned())
                return fail("Expected [collection, first, count].", rat);
            const auto c = manifest::collection_from_key(run[0].get<std::string>());
            if (!c) return fail("Not a collection of the file form.", rat + "/0");
            const auto first = run[1].get<std::size_t>(), count = run[2].get<std::size_t>();
            for (std::size_t k = 0; k < count; ++k) refs.push_back({*c, first + k});
        }
        p.batches.push_back(std::move(refs));
    }
    return P{std::move(p), {}};
}

// ---- the session ------------------------------------------------------------------------------------

UploadSession::UploadSession(const ManifestDocument& doc, TabId tab, const encord::ObjectSizes& sizes,
                             const UploadChoice& choice) {
    saved_.manifest_name = json_name(doc.file_name());
    saved_.manifest_json = doc.export_json(false);
    saved_.folder_name = choice.folder_name;
    saved_.integration_title = choice.integration_title;
    saved_.skip_duplicate_urls = choice.skip_duplicate_urls;
    saved_.profile = choice.profile;
    saved_.max_items = choice.max_items;
    load_manifest();
    if (!error_.empty()) return;
    plan_ = encord::plan_upload(manifest_, sizes, plan_options(saved_));
    for (const auto& b : plan_.batches) saved_.batches.push_back(b.units);
    trace_rows_in(tab, doc);
}

UploadSession::UploadSession(SavedPlan plan, encord::UploadLedger ledger) : saved_(std::move(plan)) {
    restored_ = true;
    restored_ledger_ = std::move(ledger);
    load_manifest();
    if (!error_.empty()) return;
    for (const auto& refs : saved_.batches)
        for (const auto& r : refs)
            if (r.index >= manifest_[r.collection].size()) {
                error_ = "The saved plan names an item the saved manifest does not have.";
                return;
            }
    plan_.batches = encord::rebuild_batches(manifest_, saved_.batches, plan_options(saved_));
    if (restored_ledger_->entries.size() != plan_.batches.size())
        error_ = "The saved ledger and plan disagree on the number of batches.";
}

void UploadSession::load_manifest() {
    manifest::LoadResult loaded = manifest::load_json(saved_.manifest_json);
    if (!loaded.manifest) {
        error_ = "The manifest to upload could not be read back as JSON.";
        return;
    }
    manifest_ = std::move(*loaded.manifest);
}

const encord::UploadLedger& UploadSession::ledger() const {
    static const encord::UploadLedger none;
    if (run_) return run_->ledger();
    return restored_ledger_ ? *restored_ledger_ : none;
}

std::shared_ptr<encord::UploadRun> UploadSession::start(const encord::ApiContext& context,
                                                        encord::UploadRunOptions options) {
    if (!error_.empty() || run_) return run_;
    options.manifest = &manifest_;
    options.manifest_file_name = saved_.manifest_name;
    if (restored_)
        run_ = std::make_shared<encord::UploadRun>(context, *restored_ledger_, plan_.batches, std::move(options));
    else
        run_ = std::make_shared<encord::UploadRun>(context, plan_.batches, std::move(options));
    return run_;
}

void UploadSession::trace_rows_in(TabId tab, const ManifestDocument& doc) {
    tab_ = tab;
    tab_revision_ = doc.revision();
    rows_ = doc.units().items_by_collection();
    for (manifest::Collection c : manifest_.order)
        if (std::size_t(c) >= rows_.size() || rows_[std::size_t(c)].size() != manifest_[c].size()) {
            rows_.clear();  // not the manifest as sent: no rows
            return;
        }
}

std::optional<std::uint32_t> UploadSession::row_of(const manifest::ItemRef& item, const ManifestDocument& doc) const {
    if (rows_.empty() || doc.revision() != tab_revision_) return std::nullopt;
    const auto c = std::size_t(item.collection);
    if (c >= rows_.size() || item.index >= rows_[c].size()) return std::nullopt;
    return rows_[c][item.index];
}

namespace {
std::vector<UnitErrorRow> unit_error_rows_of(const encord::UploadRun& run, const manifest::Manifest& manifest) {
    std::vector<UnitErrorRow> out;
    for (std::size_t b = 0; b < run.size(); ++b) {
        const encord::BatchReport& r = run.report(b);
        if (!r.state || r.state->unit_errors.empty() || !r.unit_errors) continue;
        const auto& errors = r.state->unit_errors;
        std::vector<std::optional<manifest::ItemRef>> item_of(errors.size());
        for (const encord::FailedUnit& f : r.unit_errors->failed)
            for (std::size_t e : f.errors)
                if (e < item_of.size() && !item_of[e]) item_of[e] = f.unit;
        for (std::size_t e = 0; e < errors.size(); ++e) {
            UnitErrorRow row{b, errors[e], item_of[e], ""};
            if (item_of[e]) {
                const manifest::Item& it = manifest[item_of[e]->collection][item_of[e]->index];
                row.where = std::string("/") + manifest::collection_key(item_of[e]->collection) + "/" +
                            std::to_string(item_of[e]->index);
                if (it.source.line)
                    row.where += " (line " + std::to_string(it.source.line) + ", column " +
                                 std::to_string(it.source.column) + ")";
            }
            out.push_back(std::move(row));
        }
    }
    return out;
}

std::vector<manifest::ItemRef> failed_items(const encord::UploadRun& run) {
    std::vector<manifest::ItemRef> out;
    for (std::size_t b = 0; b < run.size(); ++b)
        if (const auto& m = run.report(b).unit_errors)
            for (const encord::FailedUnit& f : m->failed) out.push_back(f.unit);
    std::sort(out.begin(), out.end(), [](const manifest::ItemRef& a, const manifest::ItemRef& b) {
        return a.collection != b.collection ? a.collection < b.collection : a.index < b.index;
    });
    out.erase(std::unique(out.begin(), out.end(),
                          [](const manifest::ItemRef& a, const manifest::ItemRef& b) {
                              return a.collection == b.collection && a.index == b.index;
                          }),
              out.end());
    return out;
}

std::vector<std::size_t> unsent_batches(const encord::UploadRun& run) {
    std::vector<std::size_t> out = run.needs_rerun();
    for (std::size_t b : run.not_started()) out.push_back(b);
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
}
}  // namespace

const UploadSession::Derived& UploadSession::derived() const {
    const std::uint64_t at = run_ ? run_->changes() : 0;
    if (derived_.run == run_.get() && derived_.at_changes == at) return derived_;
    derived_ = Derived{};
    derived_.run = run_.get();
    derived_.at_changes = at;
    if (!run_) return derived_;
    derived_.rows = unit_error_rows_of(*run_, manifest_);
    derived_.failed = failed_items(*run_);
    derived_.unsent = unsent_batches(*run_);
    return derived_;
}

const std::vector<UnitErrorRow>& UploadSession::unit_error_rows() const { return derived().rows; }

std::size_t UploadSession::unsent_batch_count() const { return derived().unsent.size(); }

std::string UploadSession::unsent_manifest() const {
    std::vector<manifest::ItemRef> refs;
    for (std::size_t b : derived().unsent)
        if (b < plan_.batches.size())
            refs.insert(refs.end(), plan_.batches[b].units.begin(), plan_.batches[b].units.end());
    if (refs.empty()) return "";
    manifest::Manifest part = manifest::manifest_part(manifest_, refs);
    part.skip_duplicate_urls = true;
    return manifest::write_json(part, manifest::JsonWriteOptions{true});
}

std::size_t UploadSession::failed_unit_count() const { return derived().failed.size(); }

std::string UploadSession::failed_units_manifest() const {
    const auto& refs = derived().failed;
    if (refs.empty()) return "";
    manifest::Manifest part = manifest::manifest_part(manifest_, refs);
    part.skip_duplicate_urls = true;
    return manifest::write_json(part, manifest::JsonWriteOptions{true});
}

}  // namespace eic::app

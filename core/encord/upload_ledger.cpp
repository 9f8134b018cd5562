#include "encord/upload_ledger.hpp"

#include <nlohmann/json.hpp>

namespace eic::encord {
namespace {

using Json = nlohmann::ordered_json;

struct StateName {
    BatchState state;
    const char* name;
};
constexpr StateName kStates[] = {{BatchState::planned, "planned"},   {BatchState::starting, "starting"},
                                 {BatchState::started, "started"},   {BatchState::unknown_outcome, "unknown_outcome"},
                                 {BatchState::rejected, "rejected"}, {BatchState::final, "final"}};

constexpr JobStatus kStatuses[] = {JobStatus::pending, JobStatus::done, JobStatus::error, JobStatus::cancelled};

// A strict reader: every member is checked for its type, unknown members are refused, and the first
// error is kept with its JSON pointer.
class Reader {
public:
    ParseError error;
    bool fail(const std::string& at, const std::string& message) {
        error = {message, at};
        return false;
    }
    bool only(const Json& obj, const std::string& at, std::initializer_list<const char*> names) {
        if (!obj.is_object()) return fail(at, "Expected an object.");
        for (auto it = obj.begin(); it != obj.end(); ++it) {
            bool known = false;
            for (const char* n : names) known = known || it.key() == n;
            if (!known) return fail(at + "/" + it.key(), "Unknown member \"" + it.key() + "\".");
        }
        return true;
    }
    const Json* get(const Json& obj, const std::string& at, const char* name, bool required) {
        const auto it = obj.find(name);
        if (it == obj.end()) {
            if (required) fail(at + "/" + name, std::string("Missing \"") + name + "\".");
            return nullptr;
        }
        return &*it;
    }
    bool string(const Json& obj, const std::string& at, const char* name, std::string& out, bool required = true) {
        const Json* v = get(obj, at, name, required);
        if (!v) return !required;
        if (!v->is_string()) return fail(at + "/" + name, "Expected a string.");
        out = v->get<std::string>();
        return true;
    }
    bool boolean(const Json& obj, const std::string& at, const char* name, bool& out) {
        const Json* v = get(obj, at, name, true);
        if (!v) return false;
        if (!v->is_boolean()) return fail(at + "/" + name, "Expected true or false.");
        out = v->get<bool>();
        return true;
    }
    template <class Int>
    bool integer(const Json& obj, const std::string& at, const char* name, Int& out) {
        const Json* v = get(obj, at, name, true);
        if (!v) return false;
        if (!v->is_number_integer() || (std::is_unsigned<Int>::value && !v->is_number_unsigned()))
            return fail(at + "/" + name, std::is_unsigned<Int>::value ? "Expected a whole number 0 or more."
                                                                      : "Expected a whole number.");
        out = v->get<Int>();
        return true;
    }
};

bool read_entry(Reader& in, const Json& e, const std::string& at, LedgerEntry& out) {
    if (!in.only(e, at, {"batch", "fileName", "state", "jobUuid", "status", "counts", "message"})) return false;
    std::string state;
    if (!in.integer(e, at, "batch", out.batch) || !in.string(e, at, "fileName", out.file_name) ||
        !in.string(e, at, "state", state) || !in.string(e, at, "jobUuid", out.job_uuid, false) ||
        !in.string(e, at, "message", out.message, false))
        return false;
    bool known = false;
    for (const auto& s : kStates)
        if (state == s.name) known = true, out.state = s.state;
    if (!known) return in.fail(at + "/state", "Unknown state \"" + state + "\".");
    if ((out.state == BatchState::started || out.state == BatchState::final) && out.job_uuid.empty())
        return in.fail(at + "/jobUuid", "A " + state + " batch needs its job's UUID.");
    if (const Json* s = in.get(e, at, "status", false)) {
        bool read = false;
        for (JobStatus j : kStatuses)
            if (s->is_string() && s->get<std::string>() == job_status_name(j)) read = true, out.status = j;
        if (!read) return in.fail(at + "/status", "Expected PENDING, DONE, ERROR or CANCELLED.");
    }
    if (out.state == BatchState::final && (!out.status || !is_final(*out.status)))
        return in.fail(at + "/status", "A final batch needs DONE, ERROR or CANCELLED.");
    if (const Json* c = in.get(e, at, "counts", false)) {
        const std::string cat = at + "/counts";
        UnitCounts n;
        if (!in.only(*c, cat, {"pending", "done", "error", "cancelled"}) ||
            !in.integer(*c, cat, "pending", n.pending) || !in.integer(*c, cat, "done", n.done) ||
            !in.integer(*c, cat, "error", n.error) || !in.integer(*c, cat, "cancelled", n.cancelled))
            return false;
        out.counts = n;
    }
    return true;
}

}  // namespace

const char* batch_state_name(BatchState state) {
    for (const auto& s : kStates)
        if (s.state == state) return s.name;
    return "planned";
}

std::string to_json(const UploadLedger& ledger) {
    Json doc = {{"format", kLedgerFormat},
                {"version", kLedgerVersion},
                {"domain", ledger.domain},
                {"folderUuid", ledger.folder_uuid},
                {"integrationUuid", ledger.integration_uuid},
                {"ignoreErrors", ledger.ignore_errors},
                {"manifestFileName", ledger.manifest_file_name},
                {"createdAt", ledger.created_at}};
    Json batches = Json::array();
    for (const LedgerEntry& e : ledger.entries) {
        Json b = {{"batch", e.batch}, {"fileName", e.file_name}, {"state", batch_state_name(e.state)}};
        if (!e.job_uuid.empty()) b["jobUuid"] = e.job_uuid;
        if (e.status) b["status"] = job_status_name(*e.status);
        if (e.counts)
            b["counts"] = {{"pending", e.counts->pending},
                           {"done", e.counts->done},
                           {"error", e.counts->error},
                           {"cancelled", e.counts->cancelled}};
        if (!e.message.empty()) b["message"] = e.message;
        batches.push_back(std::move(b));
    }
    doc["batches"] = std::move(batches);
    return doc.dump(2, ' ', false, Json::error_handler_t::replace);
}

Parsed<UploadLedger> parse_ledger(std::string_view text) {
    Parsed<UploadLedger> out;
    const Json doc = Json::parse(text.begin(), text.end(), nullptr, false);
    if (doc.is_discarded()) {
        out.error = {"This is not JSON.", ""};
        return out;
    }
    Reader in;
    UploadLedger l;
    std::string format;
    int version = 0;
    const bool read =
        (doc.is_object() || in.fail("", "Expected an object.")) && in.string(doc, "", "format", format) &&
        (format == kLedgerFormat || in.fail("/format", std::string("Expected \"") + kLedgerFormat + "\".")) &&
        in.integer(doc, "", "version", version) &&
        (version == kLedgerVersion ||
         in.fail("/version", "Version " + std::to_string(version) + " is not one this eic reads (it reads " +
                                 std::to_string(kLedgerVersion) + ").")) &&
        in.only(doc, "",
                {"format", "version", "domain", "folderUuid", "integrationUuid", "ignoreErrors", "manifestFileName",
                 "createdAt", "batches"}) &&
        in.string(doc, "", "domain", l.domain) && in.string(doc, "", "folderUuid", l.folder_uuid) &&
        in.string(doc, "", "integrationUuid", l.integration_uuid) &&
        in.boolean(doc, "", "ignoreErrors", l.ignore_errors) &&
        in.string(doc, "", "manifestFileName", l.manifest_file_name) && in.integer(doc, "", "createdAt", l.created_at);
    if (!read) {
        out.error = in.error;
        return out;
    }
    const Json* batches = in.get(doc, "", "batches", true);
    if (!batches || (!batches->is_array() && !in.fail("/batches", "Expected an array."))) {
        out.error = in.error;
        return out;
    }
    for (std::size_t i = 0; i < batches->size(); ++i) {
        LedgerEntry e;
        if (!read_entry(in, (*batches)[i], "/batches/" + std::to_string(i), e)) {
            out.error = in.error;
            return out;
        }
        l.entries.push_back(std::move(e));
    }
    out.value = std::move(l);
    return out;
}

}  // namespace eic::encord

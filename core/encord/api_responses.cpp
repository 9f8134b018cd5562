#include "encord/api_responses.hpp"

#include "encord/api_codes.hpp"
#include "encord/api_requests.hpp"
#include "json/reader.hpp"

namespace eic::encord {
namespace {

using Json = nlohmann::ordered_json;

const char* type_name(const Json& v) {
    switch (v.type()) {
        case Json::value_t::object:
            return "an object";
        case Json::value_t::array:
            return "an array";
        case Json::value_t::string:
            return "a string";
        case Json::value_t::boolean:
            return "a boolean";
        case Json::value_t::null:
            return "null";
        default:
            return "a number";
    }
}

// Reads members of objects, keeping the first error.
class Reader {
public:
    ParseError error;
    bool failed = false;

    bool fail(std::string pointer, std::string message) {
        if (!failed) error = {std::move(message), std::move(pointer)};
        failed = true;
        return false;
    }
    bool expect(const Json& v, const std::string& at, Json::value_t type, const char* what) {
        if (v.type() == type) return true;
        return fail(at, std::string("Expected ") + what + ", found " + type_name(v) + ".");
    }
    // The member `name` of `obj` (at `at`): nullptr when absent; a missing required member is an error.
    const Json* member(const Json& obj, const std::string& at, const char* name, bool required) {
        const auto it = obj.find(name);
        if (it != obj.end()) return &*it;
        if (required) fail(at, std::string("The member \"") + name + "\" is missing.");
        return nullptr;
    }
    bool string(const Json& obj, const std::string& at, const char* name, std::string& out, bool required = true) {
        const Json* v = member(obj, at, name, required);
        if (!v) return !failed;
        if (!expect(*v, at + "/" + name, Json::value_t::string, "a string")) return false;
        out = v->get<std::string>();
        return true;
    }
    // Absent or null: nullopt.
    bool optional_string(const Json& obj, const std::string& at, const char* name, std::optional<std::string>& out) {
        const Json* v = member(obj, at, name, false);
        if (!v || v->is_null()) return true;
        if (!expect(*v, at + "/" + name, Json::value_t::string, "a string or null")) return false;
        out = v->get<std::string>();
        return true;
    }
    bool uuid_text(const Json& v, const std::string& at, std::string& out) {
        if (!expect(v, at, Json::value_t::string, "a UUID string")) return false;
        const auto canonical = canonical_uuid(v.get<std::string>());
        if (!canonical) return fail(at, "Expected a UUID, found \"" + v.get<std::string>() + "\".");
        out = *canonical;
        return true;
    }
    bool uuid(const Json& obj, const std::string& at, const char* name, std::string& out) {
        const Json* v = member(obj, at, name, true);
        return v && uuid_text(*v, at + "/" + name, out);
    }
    bool optional_uuid(const Json& obj, const std::string& at, const char* name, std::optional<std::string>& out) {
        const Json* v = member(obj, at, name, false);
        if (!v || v->is_null()) return true;
        std::string s;
        if (!uuid_text(*v, at + "/" + name, s)) return false;
        out = std::move(s);
        return true;
    }
    bool count(const Json& obj, const std::string& at, const char* name, std::uint64_t& out) {
        const Json* v = member(obj, at, name, true);
        if (!v) return false;
        if (v->is_number_unsigned() || (v->is_number_integer() && v->get<std::int64_t>() >= 0)) {
            out = v->is_number_unsigned() ? v->get<std::uint64_t>() : std::uint64_t(v->get<std::int64_t>());
            return true;
        }
        return fail(at + "/" + name, std::string("Expected a count (a whole number from 0), found ") +
                                         (v->is_number() ? v->dump() : type_name(*v)) + ".");
    }
    // An array member; absent and not required: nullptr without an error.
    const Json* array(const Json& obj, const std::string& at, const char* name, bool required = true) {
        const Json* v = member(obj, at, name, required);
        if (!v) return nullptr;
        return expect(*v, at + "/" + name, Json::value_t::array, "an array") ? v : nullptr;
    }
    bool object(const Json& v, const std::string& at) { return expect(v, at, Json::value_t::object, "an object"); }
    // Calls read(element, its pointer) for each element of the array member `name`, up to the first false.
    template <class Read>
    bool each(const Json& obj, const std::string& at, const char* name, Read read, bool required = true) {
        const Json* list = array(obj, at, name, required);
        if (!list) return !failed;
        for (std::size_t i = 0; i < list->size(); ++i)
            if (!read((*list)[i], at + "/" + name + "/" + std::to_string(i))) return false;
        return true;
    }
    bool strings(const Json& obj, const std::string& at, const char* name, std::vector<std::string>& out) {
        return each(obj, at, name, [&](const Json& v, const std::string& here) {
            if (!expect(v, here, Json::value_t::string, "a string")) return false;
            out.push_back(v.get<std::string>());
            return true;
        });
    }
};

// The body as JSON, or why not. `allow_no_content`: a 204 is JSON null.
std::optional<Json> body_json(const net::HttpResponse& r, bool allow_no_content, ParseError& error) {
    if (r.status != 200 && r.status != 204) {
        error = {"HTTP " + std::to_string(r.status) + " is not a success (200 or 204).", ""};
        return std::nullopt;
    }
    if (r.status == 204) {
        if (allow_no_content) return Json(nullptr);
        error = {"Encord answered 204 No Content where content was expected.", ""};
        return std::nullopt;
    }
    if (r.body_truncated) {
        error = {"The platform kept only the start of the answer, so it cannot be read.", ""};
        return std::nullopt;
    }
    Json doc = Json::parse(r.body, nullptr, false);
    if (!doc.is_discarded()) return doc;
    // nlohmann says only that it failed: the strict reader says why and where.
    json::VirtualHandler ignore;
    const json::ReadResult read = json::read(r.body, ignore);
    error = {read.error ? "The answer is not JSON: " + read.error.message + " (at byte " +
                              std::to_string(read.error.offset) + ")."
                        : std::string("The answer is not JSON."),
             ""};
    return std::nullopt;
}

// The body read into a T by read(reader, document, value), or why not.
template <class T, class Read>
Parsed<T> parse_answer(const net::HttpResponse& response, Read read, bool allow_no_content = false) {
    Parsed<T> p;
    std::optional<Json> doc = body_json(response, allow_no_content, p.error);
    if (!doc) return p;
    Reader in;
    T value{};
    if (!read(in, *doc, value) || in.failed) {
        p.error = std::move(in.error);
        return p;
    }
    p.value = std::move(value);
    return p;
}

bool read_folder(Reader& in, const Json& v, const std::string& at, Folder& f) {
    if (!in.object(v, at)) return false;
    if (!in.uuid(v, at, "uuid", f.uuid) || !in.optional_uuid(v, at, "parent", f.parent) ||
        !in.string(v, at, "name", f.name) || !in.string(v, at, "description", f.description, false) ||
        !in.optional_string(v, at, "clientMetadata", f.client_metadata) || !in.string(v, at, "owner", f.owner, false) ||
        !in.string(v, at, "createdAt", f.created_at, false) ||
        !in.string(v, at, "lastEditedAt", f.last_edited_at, false) ||
        !in.string(v, at, "userRole", f.user_role, false) ||
        !in.optional_uuid(v, at, "syncedDatasetHash", f.synced_dataset_hash))
        return false;
    return in.each(
        v, at, "pathToRoot",
        [&](const Json& e, const std::string& here) {
            PathElement p;
            if (!in.object(e, here) || !in.uuid(e, here, "uuid", p.uuid) ||
                !in.optional_uuid(e, here, "parentUuid", p.parent_uuid) || !in.string(e, here, "name", p.name) ||
                !in.optional_uuid(e, here, "syncedDatasetHash", p.synced_dataset_hash))
                return false;
            f.path_to_root.push_back(std::move(p));
            return true;
        },
        false);
}

std::optional<JobStatus> job_status_from(const std::string& s) {
    for (JobStatus st : {JobStatus::pending, JobStatus::done, JobStatus::error, JobStatus::cancelled})
        if (s == job_status_name(st)) return st;
    return std::nullopt;
}

}  // namespace

Diagnostic to_diagnostic(const ParseError& error) {
    std::string text = error.message;
    if (!text.empty() && text.back() == '.') text.pop_back();
    if (!error.pointer.empty()) text += " (at " + error.pointer + " in the answer)";
    return Diagnostic::error(api_code::malformed_answer, "Encord's answer cannot be read: " + text + ".");
}

const char* job_status_name(JobStatus status) {
    switch (status) {
        case JobStatus::pending:
            return "PENDING";
        case JobStatus::done:
            return "DONE";
        case JobStatus::error:
            return "ERROR";
        case JobStatus::cancelled:
            return "CANCELLED";
    }
    return "PENDING";
}

bool is_final(JobStatus status) { return status != JobStatus::pending; }

Parsed<Json> parse_schema(const net::HttpResponse& response) {
    return parse_answer<Json>(
        response,
        [](Reader& in, const Json& doc, Json& map) {
            if (doc.is_null()) {  // allow_none: no schema yet
                map = Json::object();
                return true;
            }
            if (!doc.is_object())
                return in.fail("", std::string("Expected the schema map (an object), found ") + type_name(doc) + ".");
            map = doc;
            return true;
        },
        true);
}

Parsed<std::vector<CloudIntegration>> parse_integrations(const net::HttpResponse& response) {
    return parse_answer<std::vector<CloudIntegration>>(response, [](Reader& in, const Json& doc, auto& out) {
        return in.object(doc, "") && in.each(doc, "", "result", [&](const Json& v, const std::string& at) {
            CloudIntegration c;
            if (!in.object(v, at) || !in.uuid(v, at, "integrationUuid", c.uuid) || !in.string(v, at, "title", c.title))
                return false;
            out.push_back(std::move(c));
            return true;
        });
    });
}

Parsed<Folder> parse_folder(const net::HttpResponse& response) {
    return parse_answer<Folder>(response,
                                [](Reader& in, const Json& doc, Folder& f) { return read_folder(in, doc, "", f); });
}

Parsed<FolderPage> parse_folder_page(const net::HttpResponse& response) {
    return parse_answer<FolderPage>(response, [](Reader& in, const Json& doc, FolderPage& page) {
        return in.object(doc, "") && in.each(doc, "", "results", [&](const Json& v, const std::string& at) {
            Folder f;
            if (!read_folder(in, v, at, f)) return false;
            page.results.push_back(std::move(f));
            return true;
        }) && in.optional_string(doc, "", "nextPageToken", page.next_page_token);
    });
}

Parsed<std::string> parse_upload_job_id(const net::HttpResponse& response) {
    return parse_answer<std::string>(
        response, [](Reader& in, const Json& doc, std::string& id) { return in.uuid_text(doc, "", id); });
}

Parsed<UploadJobState> parse_upload_job_state(const net::HttpResponse& response) {
    return parse_answer<UploadJobState>(response, [](Reader& in, const Json& v, UploadJobState& s) {
        std::string status;
        if (!in.object(v, "") || !in.string(v, "", "status", status)) return false;
        const std::optional<JobStatus> known = job_status_from(status);
        if (!known) return in.fail("/status", "Expected PENDING, DONE, ERROR or CANCELLED, found \"" + status + "\".");
        s.status = *known;
        return in.count(v, "", "unitsPendingCount", s.units_pending) &&
               in.count(v, "", "unitsDoneCount", s.units_done) && in.count(v, "", "unitsErrorCount", s.units_error) &&
               in.count(v, "", "unitsCancelledCount", s.units_cancelled) && in.strings(v, "", "errors", s.errors) &&
               in.optional_string(v, "", "fileName", s.file_name) &&
               in.each(v, "", "itemsWithNames",
                       [&](const Json& e, const std::string& at) {
                           ItemWithName item;
                           if (!in.object(e, at) || !in.uuid(e, at, "itemUuid", item.item_uuid) ||
                               !in.string(e, at, "name", item.name))
                               return false;
                           s.items_with_names.push_back(std::move(item));
                           return true;
                       }) &&
               in.each(v, "", "unitErrors", [&](const Json& e, const std::string& at) {
                   UnitError u;
                   if (!in.object(e, at) || !in.strings(e, at, "objectUrls", u.object_urls) ||
                       !in.string(e, at, "error", u.error) || !in.uuid(e, at, "subtaskUuid", u.subtask_uuid) ||
                       !in.string(e, at, "actionDescription", u.action_description))
                       return false;
                   s.unit_errors.push_back(std::move(u));
                   return true;
               });
    });
}

Parsed<std::uint64_t> parse_cancel(const net::HttpResponse& response) {
    return parse_answer<std::uint64_t>(response, [](Reader& in, const Json& doc, std::uint64_t& n) {
        return in.object(doc, "") && in.count(doc, "", "unitsCancelledCount", n);
    });
}

}  // namespace eic::encord

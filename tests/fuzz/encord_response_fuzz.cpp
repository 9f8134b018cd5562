// Fuzzes the readers of Encord's v2 API answers (core/encord/api_responses.hpp: the schema, cloud
// integrations, folders and folder pages, upload-job ids, job states, cancellations), the reading of
// unsuccessful answers as the SDK reads them (core/encord/api_errors.hpp) with a Retry-After header
// (core/net/retry.hpp), and the schema map fetched, read with the wire codec (core/schema/wire.hpp) as the
// Encord window does. The first line of the input is the Retry-After value, the rest the body; every body is
// read as each answer. Invariants: a parse gives a value or an error that says why; UUIDs read are
// canonical; a wait after a 429 stays within the policy's ceiling.
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <string>

#include "diag/report.hpp"
#include "encord/api_errors.hpp"
#include "encord/api_responses.hpp"
#include "encord/retry_policy.hpp"
#include "fuzz_support.hpp"
#include "schema/wire.hpp"

using eic::fuzz::check;
namespace e = eic::encord;

namespace {

bool canonical(const std::string& uuid) {
    if (uuid.size() != 36) return false;
    for (std::size_t i = 0; i < uuid.size(); ++i) {
        const char c = uuid[i];
        if (i == 8 || i == 13 || i == 18 || i == 23 ? c != '-' : !((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f')))
            return false;
    }
    return true;
}

template <class T>
const T* parsed(const e::Parsed<T>& p) {
    check(p.ok() || !p.error.message.empty());
    if (!p.ok()) eic::report::dump(eic::report::diagnostic_json(e::to_diagnostic(p.error)));
    return p.ok() ? &*p.value : nullptr;
}

void folder(const e::Folder& f) {
    check(canonical(f.uuid));
    if (f.parent) check(canonical(*f.parent));
    for (const auto& p : f.path_to_root) check(canonical(p.uuid));
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view in = eic::fuzz::text(data, size);
    const std::size_t line = in.find('\n');
    eic::net::HttpResponse r;
    r.status = 200;
    r.body = std::string(line == std::string_view::npos ? in : in.substr(line + 1));
    if (line != std::string_view::npos) r.headers.emplace_back("retry-after", std::string(in.substr(0, line)));

    const auto schema = e::parse_schema(r);
    if (const auto* map = parsed(schema)) {
        check(map->is_object());
        eic::schema::read_wire(*map);
    }
    const auto integrations = e::parse_integrations(r);
    if (const auto* list = parsed(integrations))
        for (const auto& i : *list) check(canonical(i.uuid));
    const auto one = e::parse_folder(r);
    if (const auto* f = parsed(one)) folder(*f);
    const auto page = e::parse_folder_page(r);
    if (const auto* p = parsed(page))
        for (const auto& f : p->results) folder(f);
    const auto id = e::parse_upload_job_id(r);
    if (const auto* text = parsed(id)) check(canonical(*text));
    const auto state = e::parse_upload_job_state(r);
    if (const auto* job = parsed(state)) {
        for (const auto& u : job->unit_errors) check(canonical(u.subtask_uuid));
        for (const auto& i : job->items_with_names) check(canonical(i.item_uuid));
    }
    parsed(e::parse_cancel(r));

    const e::ApiRequest request = e::schema_get();
    for (int status : {400, 401, 403, 404, 405, 413, 429, 500, 503}) {
        r.status = status;
        const auto error = e::api_error(r);
        check(error && error->status == status && !error->message.empty());
        eic::report::dump(eic::report::diagnostic_json(e::to_diagnostic(*error)));
        const e::RetryDecision next = e::decide(request, r, 1);
        check(std::isfinite(next.delay_s) && next.delay_s >= 0 && next.delay_s <= e::retry_policy().max_delay_s);
    }
    return 0;
}

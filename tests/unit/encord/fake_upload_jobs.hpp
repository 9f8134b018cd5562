// A fake Encord for upload jobs, shared by the tests of encord/upload_run.hpp and app/upload_session.hpp:
// starts answer job UUIDs 1, 2, ... in order; each job answers PENDING to its first `pending_polls` polls,
// then `final_body` (DONE by default), or CANCELLED once cancelled.
#pragma once

#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "encord_client_fixture.hpp"

namespace eic::test {

inline const std::string kFolder = "3f1e0000-0000-4000-8000-00000000abcd";
inline const std::string kIntegration = "aaaaaaaa-0000-4000-8000-000000000001";
inline const std::string kJobsUrl = std::string(kApi) + "storage/folders/" + kFolder + "/data-upload-jobs";

inline std::string job_uuid(std::size_t n) { return "bbbbbbbb-0000-4000-8000-00000000000" + std::to_string(n); }

inline std::string state(const char* status, int pending, int done, int error, int cancelled,
                         const std::string& unit_errors = "[]") {
    return std::string(R"({"status": ")") + status + R"(", "itemsWithNames": [], "errors": [], "unitsPendingCount": )" +
           std::to_string(pending) + R"(, "unitsDoneCount": )" + std::to_string(done) + R"(, "unitsErrorCount": )" +
           std::to_string(error) + R"(, "unitsCancelledCount": )" + std::to_string(cancelled) + R"(, "unitErrors": )" +
           unit_errors + "}";
}

struct FakeEncord {
    EncordClientFixture& f;
    int pending_polls = 1;
    std::map<std::string, std::string> final_body;  // job uuid -> body
    std::map<std::string, int> polls;
    std::set<std::string> cancelled;
    std::vector<std::string> started_files;
    std::optional<FakeAnswer> start_answer;  // instead of the next job UUID
    int poll_delay = 0;

    explicit FakeEncord(EncordClientFixture& fixture) : f(fixture) {
        f.http.respond = [this](const net::HttpRequest& r) { return respond_to(r); };
    }
    std::optional<FakeAnswer> respond_to(const net::HttpRequest& r) {
        const std::string path = r.url.substr(0, r.url.find('?'));
        if (r.method == "POST" && path == kJobsUrl) {
            const auto body = nlohmann::json::parse(r.body);
            started_files.push_back(body.value("fileName", ""));
            if (start_answer) return *start_answer;
            return test::answer(200, {}, "\"" + job_uuid(started_files.size()) + "\"");
        }
        if (path.rfind(kJobsUrl + "/", 0) != 0) return std::nullopt;
        std::string job = path.substr(kJobsUrl.size() + 1);
        if (r.method == "POST" && job.size() > 7 && job.compare(job.size() - 7, 7, "/cancel") == 0) {
            cancelled.insert(job.substr(0, job.size() - 7));
            return test::answer(200, {}, R"({"unitsCancelledCount": 1})");
        }
        const int n = polls[job]++;
        std::string body = state("PENDING", 1, 0, 0, 0);
        if (cancelled.count(job))
            body = state("CANCELLED", 0, 0, 0, 1);
        else if (n >= pending_polls)
            body = final_body.count(job) ? final_body[job] : state("DONE", 0, 1, 0, 0);
        return test::answer(200, {}, body, poll_delay);
    }
};

}  // namespace eic::test

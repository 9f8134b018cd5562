// What the Encord client tests share: a fake clock, the fake transport (tests/unit/helpers/fake_http.hpp),
// a signer with the test key, and an ApiContext over them; plus a loop that steps a job while the clock
// moves on.
#pragma once

#include <catch2/catch.hpp>
#include <memory>
#include <string>

#include "../helpers/fake_http.hpp"
#include "encord/api_call.hpp"
#include "encord/request_signer.hpp"
#include "encord_test_data.hpp"
#include "jobs/job_runner.hpp"

namespace eic::test {

inline constexpr const char* kApi = "https://api.encord.com/v2/public/";
inline constexpr double kWallStart = 1700000000;

struct EncordClientFixture {
    double now = 0;
    FakeHttp http;
    encord::OpenSshKeyRead key = read_test_key("ed25519");
    std::unique_ptr<encord::KeyRequestSigner> signer;

    EncordClientFixture() {
        REQUIRE(key.key);
        signer = std::make_unique<encord::KeyRequestSigner>(platform_crypto(), *key.key);
    }
    encord::ApiContext context(encord::RequestSigner* other = nullptr) {
        return {&http, other ? other : signer.get(), encord::kDefaultDomain, [this] { return now; },
                [this] { return kWallStart + now; }};
    }
    // Steps `job` until it finishes, the clock moving `dt` seconds per step; false if it did not finish.
    bool run(jobs::Job& job, int max_steps = 10000, double dt = 0.5) {
        for (int i = 0; i < max_steps && !job.finished(); ++i) {
            job.step(1 << 16);
            now += dt;
        }
        return job.finished();
    }
    std::size_t count_sent(const std::string& method, const std::string& url_part) const {
        std::size_t n = 0;
        for (const auto& r : http.sent) n += r.method == method && r.url.find(url_part) != std::string::npos ? 1 : 0;
        return n;
    }
};

inline const std::string* header_of(const net::HttpRequest& r, const std::string& name) {
    for (const auto& h : r.headers)
        if (h.first == name) return &h.second;
    return nullptr;
}

}  // namespace eic::test

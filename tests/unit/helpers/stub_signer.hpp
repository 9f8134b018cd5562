// A probe signer for tests (gcs/probe_signer.hpp): makes "https://storage.googleapis.com/B/O?sig=METHODTIME"
// with a canonical request naming the object, synchronously or after some polls, and passes the target's
// unsigned headers (Range) on as V4ProbeSigner does. `api` says which API the requests are taken to go to.
#pragma once

#include <map>
#include <string>
#include <utility>
#include <vector>

#include "gcs/object_url.hpp"
#include "gcs/probe_signer.hpp"

namespace eic::test {

class StubSigner : public gcs::ProbeSigner {
public:
    int delay_polls = 0;
    gcs::ProbeApi api_kind = gcs::ProbeApi::xml;
    std::string fail;  // when set, every request fails to sign with this error
    std::vector<std::string> started;
    std::vector<Ticket> forgotten;

    gcs::ProbeApi api() const override { return api_kind; }
    Ticket start(const gcs::ProbeTarget& target, std::int64_t now) override {
        const std::string& method = target.method;
        const std::string& bucket = target.bucket;
        const std::string& object = target.object;
        gcs::ProbeRequest p;
        if (fail.empty()) {
            p.http.method = method;
            p.http.url = gcs::xml_api_url(bucket, object) + "?sig=" + method + std::to_string(now);
            p.http.headers = target.headers;
            p.canonical_request = method + "\n/" + bucket + "/" + object + "\nEIC";
            p.string_to_sign = "GOOG4-RSA-SHA256\nEIC";
        } else {
            p.error = fail;
        }
        started.push_back(method + " " + bucket + "/" + object);
        pending_[next_] = {p, delay_polls};
        return next_++;
    }
    std::optional<gcs::ProbeRequest> poll(Ticket t) override {
        auto it = pending_.find(t);
        if (it == pending_.end() || it->second.second-- > 0) return std::nullopt;
        gcs::ProbeRequest p = it->second.first;
        pending_.erase(it);
        return p;
    }
    void forget(Ticket t) override {
        pending_.erase(t);
        forgotten.push_back(t);
    }

private:
    Ticket next_ = 1;
    std::map<Ticket, std::pair<gcs::ProbeRequest, int>> pending_;
};

}  // namespace eic::test

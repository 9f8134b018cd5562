// One run of the CORS doctor (gcs/cors_doctor.hpp) from the page: it gathers the evidence a browser can,
// then gives the verdict. Two requests at most, side by side:
//   - a signed XML API HEAD of an object, when an XML API signer is at hand (a key, or a token with an
//     account IAM signs as): the request the bucket's CORS configuration governs. The transport tells a
//     withheld answer (CORS) from one that never came (network) with a no-cors probe of the same URL
//     (net/http.hpp's Failure), which is the evidence's `no_cors_reached`;
//   - the configuration itself, with an access token: JSON API buckets.get with fields=cors, which answers
//     any origin (https://cloud.google.com/storage/docs/cross-origin) but needs storage.buckets.get.
// With neither, the verdict is unknown and the fix is the configuration to apply for this page's origin.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "gcs/cors_doctor.hpp"
#include "gcs/probe_signer.hpp"
#include "net/http.hpp"

namespace eic::app {

struct CorsDoctorRequest {
    std::string origin;  // this page's origin (self.origin)
    std::string bucket;
    std::string object;              // to HEAD; empty: no HEAD
    bool uploads = false;            // the fix allows uploads too
    bool also_encord = true;         // the fix also lets Encord's web apps read the bucket
    std::string token;               // empty: the configuration is not read
    std::string json_endpoint;       // "SCHEME://HOST[:PORT]" of the JSON API; empty: https://storage.googleapis.com
    double timeout_s = 30;           // per request, on `steady`
    std::function<double()> steady;  // seconds, never decreasing; empty: no timeout
};

class CorsDoctorRun {
public:
    // `client` and `signer` (nullptr: none, or one that does not speak the XML API) must outlive the run.
    CorsDoctorRun(net::HttpClient& client, gcs::ProbeSigner* signer, CorsDoctorRequest request, std::int64_t now_posix);
    ~CorsDoctorRun();  // aborts what is still out
    CorsDoctorRun(const CorsDoctorRun&) = delete;
    CorsDoctorRun& operator=(const CorsDoctorRun&) = delete;

    // Polls what is out; returns whether the run has finished (the diagnosis is then there).
    bool step();
    bool finished() const { return diagnosis_.has_value(); }
    const std::optional<gcs::CorsDiagnosis>& diagnosis() const { return diagnosis_; }
    const CorsDoctorRequest& request() const { return request_; }
    // What the run asked, in words ("a signed HEAD of gs://b/o", "the bucket's CORS configuration").
    const std::vector<std::string>& asked() const { return asked_; }

private:
    struct Out {
        net::RequestId id = 0;
        double sent_at = 0;
        std::optional<net::HttpResponse> answer;
    };
    double now() const { return request_.steady ? request_.steady() : 0; }
    void send(Out& out, net::HttpRequest r);
    void poll(Out& out);
    void finish();

    net::HttpClient& client_;
    gcs::ProbeSigner* signer_;
    CorsDoctorRequest request_;
    gcs::ProbeSigner::Ticket ticket_ = 0;  // the HEAD being signed
    std::optional<gcs::ProbeRequest> signed_;
    Out head_, config_;
    bool want_head_ = false, want_config_ = false;
    std::vector<std::string> asked_;
    std::optional<gcs::CorsDiagnosis> diagnosis_;
};

}  // namespace eic::app

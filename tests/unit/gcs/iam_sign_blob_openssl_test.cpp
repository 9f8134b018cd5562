// IAM signBlob against V4 signing with the key (native only): a fake IAM Credentials signs the payload with
// the published test key through OpenSSL, as Google signs with the account's managed key. RSASSA-PKCS1-v1_5
// is deterministic, so the URLs must be byte for byte those V4ProbeSigner makes with the key itself.
#include <catch2/catch.hpp>
#include <map>
#include <nlohmann/json.hpp>

#include "crypto/openssl.hpp"
#include "gcs/iam_sign_blob.hpp"
#include "gcs/probe_signer.hpp"
#include "v4_vectors.hpp"

using namespace eic;

namespace {

// IAM Credentials' signBlob for one service account, answering at the next poll.
class FakeIamCredentials : public net::HttpClient {
public:
    explicit FakeIamCredentials(gcs::ServiceAccount account) : account_(std::move(account)) {}
    std::vector<net::HttpRequest> sent;

    net::RequestId send(net::HttpRequest request) override {
        net::HttpResponse r;
        const auto body = nlohmann::json::parse(request.body, nullptr, false);
        const auto payload = body.is_object() && body.contains("payload")
                                 ? crypto::openssl().base64_decode(body["payload"].get<std::string>())
                                 : std::nullopt;
        if (request.url != gcs::sign_blob_url("", account_.client_email) || !payload) {
            r.status = 400;
        } else {
            const crypto::Signature sig = crypto::openssl().rsa_sha256_sign(account_.private_key, *payload);
            r.status = 200;
            r.body = nlohmann::json{{"keyId", "test-key"}, {"signedBlob", crypto::openssl().base64_encode(sig.bytes)}}
                         .dump();
        }
        sent.push_back(std::move(request));
        answers_[next_] = std::move(r);
        return next_++;
    }
    std::optional<net::HttpResponse> poll(net::RequestId id) override {
        auto it = answers_.find(id);
        if (it == answers_.end()) return std::nullopt;
        net::HttpResponse r = std::move(it->second);
        answers_.erase(it);
        return r;
    }
    void abort(net::RequestId id) override { answers_.erase(id); }

private:
    gcs::ServiceAccount account_;
    net::RequestId next_ = 1;
    std::map<net::RequestId, net::HttpResponse> answers_;
};

}  // namespace

TEST_CASE("IAM signBlob + OpenSSL: the URLs equal those signed with the key itself", "[gcs][iam]") {
    const gcs::ServiceAccount account = test::v4_test_account();
    REQUIRE_FALSE(account.private_key.empty());
    FakeIamCredentials iam(account);
    gcs::IamSignBlobOptions options;
    options.service_account = account.client_email;
    options.v4.expires_s = 600;
    options.v4.endpoint = "http://127.0.0.1:9023";
    gcs::IamSignBlobSigner via_iam("ya29.user-token", crypto::openssl(), iam, options);
    gcs::V4ProbeSigner with_key(account, crypto::openssl(), options.v4);

    std::vector<gcs::ProbeTarget> targets(3);
    targets[0].bucket = "test-bucket";
    targets[0].object = "dir/a b&c.jpg";
    targets[1].method = "GET";
    targets[1].bucket = "test-bucket";
    targets[1].object = "video.mp4";
    targets[1].headers = {{"Range", "bytes=0-65535"}};
    targets[2].method = "GET";
    targets[2].bucket = "test-bucket";
    targets[2].query = {{"list-type", "2"}, {"prefix", "a b/"}};
    for (const auto& target : targets) {
        INFO(target.method << " " << target.object);
        const auto ticket = via_iam.start(target, 1549011600);
        std::optional<gcs::ProbeRequest> signed_by_iam;
        for (int i = 0; i < 3 && !signed_by_iam; ++i) signed_by_iam = via_iam.poll(ticket);
        const auto signed_with_key = with_key.poll(with_key.start(target, 1549011600));
        REQUIRE(signed_by_iam);
        REQUIRE(signed_with_key);
        REQUIRE(signed_by_iam->ok());
        CHECK(signed_by_iam->http.url == signed_with_key->http.url);
        CHECK(signed_by_iam->http.method == signed_with_key->http.method);
        CHECK(signed_by_iam->http.headers == signed_with_key->http.headers);
        CHECK(signed_by_iam->canonical_request == signed_with_key->canonical_request);
        CHECK(signed_by_iam->string_to_sign == signed_with_key->string_to_sign);
        CHECK(signed_by_iam->http.url.find("&X-Goog-Signature=") + 18 + 512 == signed_by_iam->http.url.size());
    }
    CHECK(iam.sent.size() == 3);
    for (const auto& post : iam.sent) {
        CHECK(post.headers[0] == std::pair<std::string, std::string>{"Authorization", "Bearer ya29.user-token"});
        CHECK(post.url.find("ya29") == std::string::npos);
    }
}

// Google's published V4 signed-URL conformance vectors (tests/data/gcs-v4/v4_signatures.json, from
// googleapis/conformance-tests `storage/v1/v4_signatures.json`) as eic requests and as `eic sign-url`
// arguments, for the signing tests.
#pragma once

#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "gcs/service_account.hpp"
#include "gcs/v4_request.hpp"
#include "gcs/v4_time.hpp"

namespace eic::test {

inline std::string gcs_v4_data(const std::string& name) { return std::string(EIC_TEST_DATA) + "/gcs-v4/" + name; }

inline std::string read_text_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

// The vectors' test key (inactive, published with them).
inline std::string v4_key_path() { return gcs_v4_data("test_service_account.not-a-test.json"); }

struct V4Vector {
    std::size_t index = 0;
    std::string description;
    gcs::V4Request request;         // client_email left empty: the key file gives it
    std::vector<std::string> args;  // `eic sign-url` arguments for the same request
    std::string expected_url, expected_canonical_request, expected_string_to_sign;
};

// Fields of the SigningV4Test message (`storage/v1/proto/google/cloud/conformance/storage/v1/tests.proto`).
// `hostname`, `clientEndpoint` and `emulatorHostname` are client-library settings that the vectors give in
// order of precedence (hostname, then client endpoint, then emulator; cases 20 to 26); each becomes the one
// endpoint eic takes, with the case's scheme when it has none.
inline std::vector<V4Vector> load_v4_vectors() {
    const auto file = nlohmann::ordered_json::parse(read_text_file(gcs_v4_data("v4_signatures.json")));
    std::vector<V4Vector> out;
    for (const auto& t : file.at("signingV4Tests")) {
        V4Vector v;
        v.index = out.size();
        v.description = t.at("description").get<std::string>();
        v.expected_url = t.at("expectedUrl").get<std::string>();
        v.expected_canonical_request = t.at("expectedCanonicalRequest").get<std::string>();
        v.expected_string_to_sign = t.at("expectedStringToSign").get<std::string>();
        auto text = [&t](const char* name) { return t.contains(name) ? t.at(name).get<std::string>() : std::string(); };

        gcs::V4Request& r = v.request;
        auto& a = v.args;
        a = {"sign-url", "--key", v4_key_path()};
        r.method = text("method");
        r.bucket = text("bucket");
        r.object = text("object");
        r.expires = t.at("expiration").get<std::int64_t>();
        const std::string timestamp = text("timestamp");
        r.timestamp = gcs::parse_rfc3339(timestamp).value_or(0);
        a.insert(a.end(), {"--bucket", r.bucket, "--method", r.method, "--expires", std::to_string(r.expires),
                           "--timestamp", timestamp});
        if (!r.object.empty()) a.insert(a.end(), {"--object", r.object});
        if (t.contains("headers"))
            for (const auto& [name, value] : t.at("headers").items()) {
                r.headers.emplace_back(name, value.get<std::string>());
                a.insert(a.end(), {"--header", name + ":" + value.get<std::string>()});
            }
        if (t.contains("queryParameters")) {
            nlohmann::ordered_json with_equals = nlohmann::ordered_json::object();
            for (const auto& [name, value] : t.at("queryParameters").items()) {
                r.query.emplace_back(name, value.get<std::string>());
                if (name.find('=') != std::string::npos)
                    with_equals[name] = value;  // --query splits at the first '='
                else
                    a.insert(a.end(), {"--query", name + "=" + value.get<std::string>()});
            }
            if (!with_equals.empty()) a.insert(a.end(), {"--query-json", with_equals.dump()});
        }
        r.scheme = text("scheme");
        if (!r.scheme.empty()) a.insert(a.end(), {"--scheme", r.scheme});
        const std::string style = text("urlStyle");
        if (style == "VIRTUAL_HOSTED_STYLE") {
            r.style = gcs::UrlStyle::virtual_hosted;
            a.insert(a.end(), {"--url-style", "virtual-hosted"});
        } else if (style == "BUCKET_BOUND_HOSTNAME") {
            r.style = gcs::UrlStyle::bucket_bound;
            a.insert(a.end(), {"--url-style", "bucket-bound"});
        }
        r.bucket_bound_hostname = text("bucketBoundHostname");
        if (!r.bucket_bound_hostname.empty()) a.insert(a.end(), {"--bucket-bound-hostname", r.bucket_bound_hostname});
        r.universe_domain = text("universeDomain");
        if (!r.universe_domain.empty()) a.insert(a.end(), {"--universe-domain", r.universe_domain});

        const std::string scheme = r.scheme.empty() ? "https" : r.scheme;
        auto with_scheme = [&scheme](const std::string& host) {
            return host.find("://") == std::string::npos ? scheme + "://" + host : host;
        };
        if (!text("hostname").empty())
            r.endpoint = with_scheme(text("hostname"));
        else if (!text("clientEndpoint").empty())
            r.endpoint = with_scheme(text("clientEndpoint"));
        else if (!text("emulatorHostname").empty())
            r.endpoint = with_scheme(text("emulatorHostname"));
        if (!r.endpoint.empty()) a.insert(a.end(), {"--endpoint", r.endpoint});
        out.push_back(std::move(v));
    }
    return out;
}

// The published canonical request, with the one known error upstream mended: in case 28 (universe domain,
// virtual-hosted style) it has the path-style path "/test-bucket/test-object", while the string to sign
// (its SHA-256 line) and the signature in the URL are those of the virtual-hosted path "/test-object".
inline std::string corrected_canonical_request(const V4Vector& v) {
    if (v.index != 28) return v.expected_canonical_request;
    std::string fixed = v.expected_canonical_request;
    const std::string wrong = "\n/test-bucket/test-object\n", right = "\n/test-object\n";
    if (auto at = fixed.find(wrong); at != std::string::npos) fixed.replace(at, wrong.size(), right);
    return fixed;
}

inline gcs::ServiceAccount v4_test_account() {
    return gcs::read_service_account(read_text_file(v4_key_path())).account.value_or(gcs::ServiceAccount{});
}

}  // namespace eic::test

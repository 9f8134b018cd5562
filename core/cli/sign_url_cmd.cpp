#include "cli/sign_url_cmd.hpp"

#include <nlohmann/json.hpp>

#include "cli/args.hpp"
#include "cli/commands.hpp"
#include "cli/file_io.hpp"
#include "diag/report.hpp"
#include "gcs/service_account.hpp"
#include "gcs/sign_codes.hpp"
#include "gcs/signed_url.hpp"
#include "gcs/v4_signing.hpp"
#include "gcs/v4_time.hpp"

namespace eic::cli {

namespace {

constexpr const char* kUsage =
    "usage: eic sign-url --key SA.json --bucket B [--object O] --method M --expires SECONDS --timestamp RFC3339\n"
    "         [--header NAME:VALUE]... [--query NAME=VALUE]... [--query-json '{\"NAME\":\"VALUE\"}']\n"
    "         [--scheme https|http] [--endpoint SCHEME://HOST[:PORT]] [--url-style path|virtual-hosted|bucket-bound]\n"
    "         [--bucket-bound-hostname H] [--universe-domain D]\n"
    "Prints a GCS V4 signed URL (GOOG4-RSA-SHA256) signed with a service-account key file. --expires is 1 to\n"
    "604800 seconds after --timestamp (2019-02-01T09:00:00Z). --header splits at the first ':', --query at the\n"
    "first '='; --query-json carries names that contain '='. With --endpoint the URL keeps the port while the\n"
    "signed host header does not.\n";

const std::vector<std::string> kValued = {"key",
                                          "bucket",
                                          "object",
                                          "method",
                                          "expires",
                                          "timestamp",
                                          "query-json",
                                          "scheme",
                                          "endpoint",
                                          "url-style",
                                          "bucket-bound-hostname",
                                          "universe-domain"};

std::string required(const Args& a, const std::string& name) {
    auto v = a.get(name);
    if (!v) throw UsageError{"--" + name + " is required"};
    return *v;
}

// Digits only. The signer checks the range (gcs.sign.expires); a number too long to hold is refused here.
std::int64_t parse_expires(const std::string& text) {
    if (text.empty() || text.find_first_not_of("0123456789") != std::string::npos)
        throw UsageError{"--expires must be a whole number of seconds"};
    if (text.size() > 12) throw UsageError{"--expires is at most 604800 seconds (7 days)"};
    return std::stoll(text);
}

std::pair<std::string, std::string> split_at(const std::string& text, char sep, const char* option) {
    const auto at = text.find(sep);
    if (at == std::string::npos)
        throw UsageError{std::string("--") + option + " takes NAME" + sep + "VALUE, not \"" + text + "\""};
    return {text.substr(0, at), text.substr(at + 1)};
}

gcs::NameValues parse_query_json(const std::string& text) {
    const char* shape = "--query-json must be a JSON object whose values are strings";
    nlohmann::json doc = nlohmann::json::parse(text, nullptr, false);
    if (doc.is_discarded() || !doc.is_object()) throw UsageError{shape};
    gcs::NameValues out;
    for (const auto& [name, value] : doc.items()) {
        if (!value.is_string()) throw UsageError{shape};
        out.emplace_back(name, value.get<std::string>());
    }
    return out;
}

gcs::UrlStyle url_style(const std::string& name) {
    if (name == "virtual-hosted") return gcs::UrlStyle::virtual_hosted;
    if (name == "bucket-bound") return gcs::UrlStyle::bucket_bound;
    return gcs::UrlStyle::path;
}

// Findings about the key file carry its path; the others are about the request.
void write_findings(std::ostream& err, const Diagnostics& ds, const std::string& key_path) {
    for (const auto& d : ds) {
        const bool key = d.code == gcs::sign_code::key_file || d.code == gcs::sign_code::private_key;
        err << report::text_line(d, key ? key_path : "eic sign-url") << '\n';
    }
}

}  // namespace

int run_sign_url(const std::vector<std::string>& args, std::ostream& out, std::ostream& err,
                 const crypto::Crypto* crypto) {
    try {
        Args a(args, kValued, {"help"}, {{"-h", "help"}}, {"header", "query"});
        if (a.flag("help")) {
            out << kUsage;
            return kExitClean;
        }
        if (!a.positional().empty()) throw UsageError{"sign-url takes options only, not \"" + a.positional()[0] + "\""};

        gcs::V4Request request;
        const std::string key_path = required(a, "key");
        request.bucket = required(a, "bucket");
        request.object = a.get("object").value_or("");
        request.method = required(a, "method");
        request.expires = parse_expires(required(a, "expires"));
        const auto timestamp = gcs::parse_rfc3339(required(a, "timestamp"));
        if (!timestamp) throw UsageError{"--timestamp must be an RFC 3339 date-time such as 2019-02-01T09:00:00Z"};
        request.timestamp = *timestamp;
        for (const auto& h : a.all("header")) request.headers.push_back(split_at(h, ':', "header"));
        for (const auto& q : a.all("query")) request.query.push_back(split_at(q, '=', "query"));
        if (auto json = a.get("query-json"))
            for (auto& q : parse_query_json(*json)) request.query.push_back(std::move(q));
        if (a.get("scheme")) request.scheme = a.choice("scheme", {"https", "http"});
        request.style = url_style(a.choice("url-style", {"path", "virtual-hosted", "bucket-bound"}));
        request.endpoint = a.get("endpoint").value_or("");
        request.bucket_bound_hostname = a.get("bucket-bound-hostname").value_or("");
        request.universe_domain = a.get("universe-domain").value_or("");

        const gcs::ServiceAccountRead key = gcs::read_service_account(read_file(key_path));
        write_findings(err, key.diagnostics, key_path);
        if (!key.account) return kExitUsage;

        if (!crypto) {
            request.client_email = key.account->client_email;
            const gcs::V4Preparation checked = gcs::prepare_v4(request);
            write_findings(err, checked.diagnostics, key_path);
            err << "eic sign-url: this build has no synchronous crypto to sign with\n";
            return kExitUsage;
        }
        const gcs::SignedUrl signed_url = gcs::sign_url_v4(request, *key.account, *crypto);
        write_findings(err, signed_url.diagnostics, key_path);
        if (signed_url.url.empty()) return kExitUsage;
        out << signed_url.url << '\n';
        return kExitClean;
    } catch (const UsageError& e) {
        err << "eic sign-url: " << e.message << "\n" << kUsage;
        return kExitUsage;
    } catch (const IoError& e) {
        err << "eic sign-url: " << e.message << "\n";
        return kExitUsage;
    }
}

}  // namespace eic::cli

#include "cli/sign_request_cmd.hpp"

#include <chrono>
#include <nlohmann/json.hpp>

#include "cli/args.hpp"
#include "cli/commands.hpp"
#include "cli/file_io.hpp"
#include "diag/report.hpp"
#include "encord/openssh_key.hpp"
#include "encord/request_signing.hpp"

namespace eic::cli {

namespace {

constexpr const char* kName = "eic sign-request";

constexpr const char* kUsage =
    "usage: eic sign-request --key ED25519_OPENSSH_FILE --method M --url URL [--body-file F] [--created UNIX]\n"
    "         [--output text|json]\n"
    "Prints the Content-Digest, Signature-Input and Signature headers that sign one Encord v2 API request, as\n"
    "Encord's SDK signs it. The path and query of --url are signed exactly as given; --body-file holds the body\n"
    "bytes exactly as sent (none: an empty body). --created is the Unix time written into Signature-Input\n"
    "(default: now minus 30 seconds, as the SDK does).\n";

std::string required(const Args& a, const std::string& name) {
    auto v = a.get(name);
    if (!v) throw UsageError{"--" + name + " is required"};
    return *v;
}

// Digits without a leading zero, so the value written is the text given; at most 15 digits, the largest
// integer a structured field holds (RFC 8941 section 3.3.1).
std::int64_t parse_created(const std::string& text) {
    if (text.empty() || text.size() > 15 || text.find_first_not_of("0123456789") != std::string::npos ||
        (text.size() > 1 && text[0] == '0'))
        throw UsageError{"--created must be a whole number of seconds since 1970 (at most 15 digits, no leading zero)"};
    return std::stoll(text);
}

std::int64_t default_created() {
    const auto now = std::chrono::system_clock::now().time_since_epoch();
    return encord::created_for(std::chrono::duration_cast<std::chrono::seconds>(now).count());
}

}  // namespace

int run_sign_request(const std::vector<std::string>& args, std::ostream& out, std::ostream& err,
                     const crypto::Crypto* crypto) {
    try {
        Args a(args, {"key", "method", "url", "body-file", "created", "output"}, {"help"}, {{"-h", "help"}});
        if (a.flag("help")) {
            out << kUsage;
            return kExitClean;
        }
        if (!a.positional().empty())
            throw UsageError{"sign-request takes options only, not \"" + a.positional()[0] + "\""};
        const std::string key_path = required(a, "key");
        const std::string method = required(a, "method");
        const std::string url = required(a, "url");
        const std::string output = a.choice("output", {"text", "json"});
        const std::int64_t created = a.get("created") ? parse_created(*a.get("created")) : default_created();
        const std::string body = a.get("body-file") ? read_file(*a.get("body-file")) : std::string();
        if (!crypto) {
            err << kName << ": this build has no synchronous crypto to sign with\n";
            return kExitUsage;
        }

        const encord::OpenSshKeyRead key = encord::read_openssh_private_key(read_file(key_path), *crypto);
        for (const auto& d : key.diagnostics) err << report::text_line(d, key_path) << '\n';
        if (!key.key) return kExitUsage;

        const encord::SignedRequest signed_request =
            encord::sign_request(*crypto, *key.key, method, url, body, created);
        for (const auto& d : signed_request.diagnostics) err << report::text_line(d, kName) << '\n';
        if (!signed_request.headers) return kExitUsage;
        const encord::SignatureHeaders& h = *signed_request.headers;
        if (output == "json") {
            nlohmann::ordered_json doc = {{encord::kContentDigestHeader, h.content_digest},
                                          {encord::kSignatureInputHeader, h.signature_input},
                                          {encord::kSignatureHeader, h.signature}};
            out << report::dump(doc) << '\n';
        } else {
            out << encord::kContentDigestHeader << ": " << h.content_digest << '\n'
                << encord::kSignatureInputHeader << ": " << h.signature_input << '\n'
                << encord::kSignatureHeader << ": " << h.signature << '\n';
        }
        return kExitClean;
    } catch (const UsageError& e) {
        err << kName << ": " << e.message << "\n" << kUsage;
        return kExitUsage;
    } catch (const IoError& e) {
        err << kName << ": " << e.message << "\n";
        return kExitUsage;
    }
}

}  // namespace eic::cli

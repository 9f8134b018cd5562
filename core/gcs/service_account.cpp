#include "gcs/service_account.hpp"

#include <fmt/format.h>

#include <nlohmann/json.hpp>

#include "gcs/sign_codes.hpp"

namespace eic::gcs {
namespace {

Diagnostic key_file_error(std::string message, std::string pointer) {
    return Diagnostic::error(sign_code::key_file, std::move(message)).at_pointer(std::move(pointer));
}

}  // namespace

ServiceAccountRead read_service_account(std::string_view text) {
    ServiceAccountRead out;
    nlohmann::json doc;
    try {
        doc = nlohmann::json::parse(text.begin(), text.end());
    } catch (const nlohmann::json::parse_error& e) {
        // e.what() may quote the text around the error, which could be the private key: the byte only.
        out.diagnostics.push_back(key_file_error(
            fmt::format("The key file is not valid JSON (the error is at byte {}); a service-account key file is "
                        "the JSON object Google Cloud gives when a key is created.",
                        e.byte),
            ""));
        return out;
    } catch (const nlohmann::json::exception&) {
        // The parser throws out_of_range for a number beyond the double range (1e400): JSON's grammar allows
        // it, but it is not a key file either.
        out.diagnostics.push_back(
            key_file_error("The key file is not valid JSON (a number in it is too large); a service-account key file "
                           "is the JSON object Google Cloud gives when a key is created.",
                           ""));
        return out;
    }
    if (!doc.is_object()) {
        out.diagnostics.push_back(
            key_file_error("The key file is JSON but not an object; a service-account key file is a JSON object with "
                           "client_email and private_key.",
                           ""));
        return out;
    }
    if (auto type = doc.find("type"); type != doc.end() && (!type->is_string() || *type != kServiceAccountType)) {
        const std::string named = type->is_string() ? "\"" + type->get<std::string>() + "\"" : "not a string";
        out.diagnostics.push_back(key_file_error(
            fmt::format("The key file's type is {}, not \"service_account\": V4 signed URLs are signed with a "
                        "service account's key.",
                        named),
            "/type"));
        return out;
    }
    ServiceAccount account;
    for (auto [field, target] : {std::pair<const char*, std::string*>{"client_email", &account.client_email},
                                 std::pair<const char*, std::string*>{"private_key", &account.private_key}}) {
        auto it = doc.find(field);
        if (it == doc.end() || !it->is_string() || it->get_ref<const std::string&>().empty()) {
            out.diagnostics.push_back(key_file_error(
                fmt::format("The key file has no {} (a non-empty string); is it a service-account key file?", field),
                std::string("/") + field));
            continue;
        }
        *target = it->get<std::string>();
    }
    if (out.diagnostics.empty()) out.account = std::move(account);
    return out;
}

}  // namespace eic::gcs

// The Encord test data: the test keys (tests/data/encord-keys/, made by ssh-keygen; test-only) and the
// request-signing vectors (tests/data/encord-signing/vectors.json, written by make-vectors.mjs there with
// node's crypto module, independently of eic's code), read with the platform's crypto.
#pragma once

#include <catch2/catch.hpp>
#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "../gcs/v4_vectors.hpp"  // read_text_file
#include "crypto/crypto.hpp"
#include "encord/openssh_key.hpp"

namespace eic::test {

// The crypto the test runner installed: OpenSSL natively, node's crypto module in the wasm run.
inline const crypto::Crypto& platform_crypto() {
    REQUIRE(crypto::platform() != nullptr);
    return *crypto::platform();
}

inline std::string encord_key_path(const std::string& name) {
    return std::string(EIC_TEST_DATA) + "/encord-keys/" + name;
}
inline std::string encord_signing_data(const std::string& name) {
    return std::string(EIC_TEST_DATA) + "/encord-signing/" + name;
}

// A test key file read by eic's reader.
inline encord::OpenSshKeyRead read_test_key(const std::string& name) {
    return encord::read_openssh_private_key(read_text_file(encord_key_path(name)), platform_crypto());
}

struct SigningVector {
    std::string name, description;
    std::string key;    // file name under tests/data/encord-keys
    std::string keyid;  // hex of the public key node derived from the seed
    std::string method, url;
    std::string body_file;  // path, or empty for no body
    std::string body;       // the body file's bytes
    std::int64_t created = 0;
    std::string request_target, signature_base;
    std::string content_digest, signature_input, signature;  // the expected headers
};

inline std::vector<SigningVector> load_signing_vectors() {
    const auto file = nlohmann::json::parse(read_text_file(encord_signing_data("vectors.json")));
    std::vector<SigningVector> out;
    for (const auto& v : file.at("vectors")) {
        SigningVector s;
        s.name = v.at("name").get<std::string>();
        s.description = v.at("description").get<std::string>();
        s.key = v.at("key").get<std::string>();
        s.keyid = v.at("keyid").get<std::string>();
        s.method = v.at("method").get<std::string>();
        s.url = v.at("url").get<std::string>();
        if (!v.at("body_file").is_null()) {
            s.body_file = encord_signing_data(v.at("body_file").get<std::string>());
            s.body = read_text_file(s.body_file);
        }
        s.created = v.at("created").get<std::int64_t>();
        s.request_target = v.at("request_target").get<std::string>();
        s.signature_base = v.at("signature_base").get<std::string>();
        const auto& h = v.at("headers");
        s.content_digest = h.at("Content-Digest").get<std::string>();
        s.signature_input = h.at("Signature-Input").get<std::string>();
        s.signature = h.at("Signature").get<std::string>();
        out.push_back(std::move(s));
    }
    return out;
}

}  // namespace eic::test

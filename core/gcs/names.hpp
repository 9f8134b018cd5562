// Google Cloud Storage bucket and object name rules (https://cloud.google.com/storage/docs/buckets#naming and
// https://cloud.google.com/storage/docs/objects#naming), for the manifest validator and the bucket tools. Pure
// functions over bytes; nothing allocates unless a rule is broken.
//
// Each rule broken gives one NameIssue with a stable code (documented in docs/diagnostics.md, section
// "Manifest"). `error` issues are names GCS refuses (or that cannot exist); the others are names GCS
// strongly discourages or that break tools (gcloud wildcards, DNS compatibility): warnings.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace eic::gcs {

struct NameIssue {
    bool error = true;
    const char* code = "";  // e.g. "gcs.bucket.length"
    std::string message;    // what is wrong and what to do
};

// Bucket names: 3–63 characters of a-z, 0-9, '-', '_', '.'; up to 222 with dots, each dot-separated
// part at most 63; start and end with a letter or digit; not a dotted-decimal IP address; no "goog"
// prefix, no "google" (or close misspellings such as "g00gle"). Warnings: '_', "..", "-." and ".-"
// (not DNS compatible), and dots (they need domain verification and break virtual-hosted HTTPS).
std::vector<NameIssue> check_bucket_name(std::string_view name);

// Object names: 1–1024 bytes of valid UTF-8, no CR or LF, not "." or "..", not under
// ".well-known/acme-challenge/". Warnings: control characters U+007F–U+0084 and U+0086–U+009F (they
// break XML listings), '#' (gcloud reads "#<digits>" as a generation), '[', ']', '*', '?' (wildcards).
std::vector<NameIssue> check_object_name(std::string_view name);

// True when `bytes` is well-formed UTF-8 (no overlongs, no surrogates, nothing above U+10FFFF).
bool is_valid_utf8(std::string_view bytes);

}  // namespace eic::gcs

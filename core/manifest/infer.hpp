// Inferring a custom metadata schema draft from the clientMetadata of a manifest's items.
//
// Each key's values across all items (nulls ignored) decide its type:
//   booleans                               boolean
//   numbers                                number
//   strings, all ISO 8601 (values.hpp)     datetime
//   strings, all UUIDv4                    uuid
//   strings, the longest over 255 chars    text      (text_min_chars = 256)
//   strings, low cardinality               enum      (see below)
//   other strings                          varchar
//   arrays of numbers, all of one length   embedding with that size (1..4096)
//   objects {latitude, longitude} numbers  geospatial
// "Low cardinality": at most 255 distinct values (Encord's enum limit) and every value used at least
// twice on average (occurrences >= 2 x distinct values), and no value over 255 characters. The options
// are the distinct values, sorted.
// A key whose values have different JSON types (say numbers in some items and strings in others) is not
// guessed: it is left out and reported (infer.conflict) with the types, their counts and an example place
// of each. `keyframes` is reserved by Encord (a list of frame numbers) and skipped; other keys that
// Encord refuses (schema key rules) are skipped with a warning.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "diag/diagnostic.hpp"
#include "manifest/load.hpp"
#include "manifest/model.hpp"
#include "schema/draft.hpp"
#include "schema/rules.hpp"

namespace eic::manifest {

namespace infer_code {
inline constexpr const char* conflict = "infer.conflict";  // error: several JSON types for one key
inline constexpr const char* embedding_size =
    "infer.embedding-size";  // error: number arrays of several lengths, or over 4096
inline constexpr const char* unsupported = "infer.unsupported";  // warning: other arrays and objects
inline constexpr const char* key_name = "infer.key-name";        // warning: a key Encord refuses
inline constexpr const char* not_object = "infer.not-object";    // warning: clientMetadata is not an object
inline constexpr const char* only_null = "infer.only-null";      // info: a key that is always null
inline constexpr const char* no_metadata = "infer.no-metadata";  // warning: no clientMetadata at all
}  // namespace infer_code

struct InferOptions {
    std::string title;                  // the draft's title; default "Inferred from FILE" / "Inferred schema"
    std::string file_name;              // names the source in the title and the description
    std::size_t enum_max_values = 255;  // most distinct values of an enum
    std::size_t enum_min_repeat = 2;    // occurrences >= enum_min_repeat x distinct values
    std::size_t text_min_chars = 256;   // a string this long (in characters) makes the key text
    std::size_t embedding_max_size = std::size_t(schema::max_embedding_size);
};

struct InferResult {
    schema::Draft draft;      // the keys that could be inferred, with a note each
    Diagnostics diagnostics;  // loading's findings, then inference's
    std::size_t items = 0;    // items read
    std::size_t items_with_metadata = 0;
    bool loaded = false;  // false when the input could not be read (then the draft is empty)
};

InferResult infer_schema(const Manifest& m, const InferOptions& options = {});
// Loads JSON or CSV bytes (detected from options.file_name or the content), then infers.
InferResult infer_schema(std::string_view bytes, const InferOptions& options = {});

// The draft file's bytes (pretty JSON, a final newline), through the schema draft codec.
std::string write_draft_file(const schema::Draft& draft);

}  // namespace eic::manifest

// The Encord wire map: the body of GET/POST organisation/client-metadata-schema-v2
// (encord-client-python, encord/orm/metadata_schema.py, dumped with pydantic's model_dump(mode="json")). Reading
// accepts every form the server or an old file may hold; writing produces what the SDK's model_dump(mode="json")
// produces (equal as JSON, not as bytes).
#pragma once

#include <nlohmann/json.hpp>
#include <set>
#include <string>

#include "diag/diagnostic.hpp"
#include "schema/model.hpp"

namespace eic::schema {

struct WireRead {
    Schema schema;
    Diagnostics diagnostics;  // pointers relative to the map's root
    // Keys whose type object could not be read. They are absent from `schema`; rules that compare
    // schemas skip them, since the reading error already says what is wrong.
    std::set<std::string> broken_keys;
};

// Reads a wire map. `null` (the server's "no schema yet") and `{}` are the empty schema. Also reads the
// deprecated flat form {"key": "string"} (with a schema.wire.legacy warning per key) and keeps unknown
// fields of type objects (an info each), so that writing the map back loses nothing. Never throws.
WireRead read_wire(const nlohmann::ordered_json& body);

// The map to POST. Enum options are written sorted, an embedding's `api` as read (null by default),
// defaults explicitly (`"hint": "text"`), keys in byte order.
nlohmann::ordered_json write_wire(const Schema& schema);
nlohmann::ordered_json write_type(const KeyType& type);
nlohmann::ordered_json write_entry(const KeyEntry& entry);

}  // namespace eic::schema

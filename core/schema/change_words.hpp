// Changes in the words a person confirms a push with (the Encord window's confirmation lists every change
// of the plan and, set apart, the destructive ones). The consequences follow what Encord says of each
// mutation: a hard delete "prevents indexing of this key unconditionally" and cannot be restored, a soft
// delete can be (encord-client-python, encord/metadata_schema.py delete_key and restore_key; Encord's GCP
// import guide, "Delete Schema Keys"); which changes are destructive is Change::destructive (transition.hpp).
#pragma once

#include <string>
#include <vector>

#include "schema/plan.hpp"
#include "schema/transition.hpp"

namespace eic::schema {

// One line: what happens to the key, e.g. `delete "fps": number -> soft deleted (can be restored)`.
std::string change_words(const Change& change);

// What a destructive change does to data already indexed, e.g. "data indexed under it may stop being
// usable until the key is restored"; empty for a change that is not destructive.
std::string destructive_consequence(const Change& change);

// The destructive changes of the plan, one line each: change_words, then its consequence.
std::vector<std::string> destructive_changes(const Plan& plan);

}  // namespace eic::schema

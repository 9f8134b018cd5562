// What eic checks in the name of a folder the user is about to create in Encord (POST storage/folders).
//
// Encord's SDK takes any string (`CreateStorageFolderPayload.name: str`, encord/orm/storage.py, with no
// length or character rule), and no Encord page states a limit. Encord's GCP import guide (step 5, "Create
// a folder") and https://docs.encord.com/platform-documentation/Index/index-files ask for "a meaningful
// name": a blank name is the one error. Everything else here has no source and is a warning, which never
// stops the create.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "diag/diagnostic.hpp"
#include "encord/api_responses.hpp"

namespace eic::app {

struct FolderNameFinding {
    Severity severity = Severity::warning;
    std::string message;
};

// The findings for `name`, errors first. `siblings`: the folders already listed beside the new one (the
// same parent), for a warning on a repeated name.
std::vector<FolderNameFinding> check_folder_name(std::string_view name, const std::vector<encord::Folder>& siblings);

bool has_error(const std::vector<FolderNameFinding>& findings);

}  // namespace eic::app

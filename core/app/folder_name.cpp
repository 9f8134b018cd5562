#include "app/folder_name.hpp"

#include <algorithm>

namespace eic::app {
namespace {

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

}  // namespace

std::vector<FolderNameFinding> check_folder_name(std::string_view name, const std::vector<encord::Folder>& siblings) {
    std::vector<FolderNameFinding> out;
    if (std::all_of(name.begin(), name.end(), is_space)) {
        out.push_back({Severity::error,
                       "Give the folder a name: Encord's folder dialog asks for a meaningful name, and a blank one "
                       "cannot be told apart in Files or when choosing where uploads go."});
        return out;
    }
    if (is_space(name.front()) || is_space(name.back()))
        out.push_back({Severity::warning,
                       "The name starts or ends with a space; Encord keeps it as typed, so it will look like "
                       "another folder's name."});
    if (std::any_of(name.begin(), name.end(), [](char c) { return static_cast<unsigned char>(c) < 0x20; }))
        out.push_back({Severity::warning, "The name holds a control character (a tab or a line break)."});
    if (name.find('/') != std::string_view::npos)
        out.push_back({Severity::warning,
                       "The name holds a '/'; folder paths are shown with '/' between names, so this one will read "
                       "as two folders."});
    const auto same =
        std::find_if(siblings.begin(), siblings.end(), [&](const encord::Folder& f) { return f.name == name; });
    if (same != siblings.end())
        out.push_back({Severity::warning, "A folder named \"" + same->name +
                                              "\" is already here; Encord allows it, but the two will be told apart "
                                              "only by their UUIDs."});
    return out;
}

bool has_error(const std::vector<FolderNameFinding>& findings) {
    return std::any_of(findings.begin(), findings.end(),
                       [](const FolderNameFinding& f) { return f.severity == Severity::error; });
}

}  // namespace eic::app

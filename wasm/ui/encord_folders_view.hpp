// What the user typed in the Encord window's Folders tab (encord_folders_tab.cpp); the listing itself is
// core/app/folder_browser.hpp's.
#pragma once

namespace eic::ui {

struct EncordFoldersView {
    char search[256] = "";
    int page_size_choice = 2;  // into kFolderPageSizes (encord_folders_tab.cpp): 100, Encord's default
    char new_name[512] = "";
    char new_description[2048] = "";
    bool listed_once = false;  // the first view of the tab lists integrations and folders by itself
};

}  // namespace eic::ui

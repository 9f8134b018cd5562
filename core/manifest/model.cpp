#include "manifest/model.hpp"

#include <algorithm>

namespace eic::manifest {

const char* collection_key(Collection c) {
    switch (c) {
        case Collection::videos:
            return "videos";
        case Collection::images:
            return "images";
        case Collection::image_groups:
            return "image_groups";
        case Collection::dicom_series:
            return "dicom_series";
        case Collection::audio:
            return "audio";
        case Collection::text:
            return "text";
        case Collection::pdf:
            return "pdf";
        case Collection::nifti:
            return "nifti";
    }
    return "";
}

std::optional<Collection> collection_from_key(std::string_view key) {
    for (Collection c : kAllCollections)
        if (key == collection_key(c)) return c;
    if (key == "imageGroups") return Collection::image_groups;
    if (key == "dicomSeries") return Collection::dicom_series;
    return std::nullopt;
}

bool is_grouped(Collection c) { return c == Collection::image_groups || c == Collection::dicom_series; }

const char* metadata_key(Collection c) {
    switch (c) {
        case Collection::videos:
            return "videoMetadata";
        case Collection::images:
            return "imageMetadata";
        case Collection::audio:
            return "audioMetadata";
        case Collection::text:
            return "textMetadata";
        case Collection::pdf:
            return "pdfMetadata";
        default:
            return "";
    }
}

std::size_t Manifest::item_count() const {
    std::size_t n = 0;
    for (const auto& list : items) n += list.size();
    return n;
}

std::size_t Manifest::url_count() const {
    std::size_t n = 0;
    for (const auto& list : items)
        for (const auto& item : list) n += item.urls.size();
    return n;
}

std::vector<Collection> Manifest::collections() const {
    std::vector<Collection> out;
    for (Collection c : order)
        if (std::find(out.begin(), out.end(), c) == out.end()) out.push_back(c);
    for (Collection c : kAllCollections)
        if (!(*this)[c].empty() && std::find(out.begin(), out.end(), c) == out.end()) out.push_back(c);
    return out;
}

std::string snake_case(std::string_view name) {
    std::string out;
    out.reserve(name.size() + 4);
    for (char c : name) {
        if (c >= 'A' && c <= 'Z') {
            if (!out.empty()) out += '_';
            out += char(c - 'A' + 'a');
        } else {
            out += c;
        }
    }
    return out;
}

}  // namespace eic::manifest

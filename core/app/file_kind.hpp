// Which panel a file dropped on the canvas belongs to: a metadata schema (draft or wire map), an
// import manifest, or a key: an Encord key (OpenSSH text) for the Encord window, a service-account key
// (JSON with "type": "service_account") for the Cloud window. Decided from the start of the file and
// the top-level object's leading scalar members, so a 1 GB manifest is not parsed to find out.
#pragma once

#include <string_view>

namespace eic::app {

enum class FileKind { schema = 0, manifest = 1, encord_key = 2, service_account = 3 };

// CSV files (manifest::format::detect) are manifests; a JSON object whose first member is a manifest's
// top-level key (a collection, in either form, or a flag) is a manifest; anything else is offered to
// the Schema panel, whose loader explains what is wrong with it. A file that starts (after blanks) with
// an OpenSSH private key's first line is an Encord key; a service-account key file by a "type" member
// among its first 16, all with scalar values (Google writes "type" first).
FileKind sniff_file_kind(std::string_view name, std::string_view bytes);

}  // namespace eic::app

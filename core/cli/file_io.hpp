// Whole-file reads and writes for the CLI commands; failures throw IoError (exit 2).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace eic::cli {

// Sized up front and read in one go: a 1 GB manifest is not copied through a string stream.
std::string read_file(const std::string& path);
// A whole file as read-only bytes for `eic validate`: mapped where the system can, so a 1 GB manifest
// is neither zeroed nor copied before it is read; otherwise read into memory. A file changed while
// mapped is the caller's problem, as with any mapping (grep and ripgrep accept the same).
class FileBytes {
public:
    explicit FileBytes(const std::string& path);
    ~FileBytes();
    FileBytes(const FileBytes&) = delete;
    FileBytes& operator=(const FileBytes&) = delete;
    std::string_view view() const { return map_ ? std::string_view(map_, size_) : std::string_view(copy_); }

private:
    const char* map_ = nullptr;
    std::size_t size_ = 0;
    std::string copy_;
};

void write_file(const std::string& path, const std::string& bytes);
// The last path segment ("dir/a.json" -> "a.json").
std::string base_name(const std::string& path);

}  // namespace eic::cli

#include "cli/file_io.hpp"

#include <filesystem>
#include <fstream>
#include <system_error>

// Natively only: the CLI's wasm build (the tests under node) reads through emscripten's file system.
#if (defined(__unix__) || defined(__APPLE__)) && !defined(__EMSCRIPTEN__)
#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>
#define EIC_HAVE_MMAP 1
#endif

#include "cli/args.hpp"

namespace eic::cli {

std::string read_file(const std::string& path) {
    std::error_code ec;
    if (std::filesystem::is_directory(path, ec)) throw IoError{"cannot read " + path + ": it is a folder"};
    std::ifstream in(path, std::ios::binary);
    if (!in) throw IoError{"cannot read " + path};
    in.seekg(0, std::ios::end);
    const auto size = in.tellg();
    if (size < 0) throw IoError{"cannot read " + path};  // a pipe
    std::string out(std::size_t(size), '\0');
    in.seekg(0, std::ios::beg);
    if (size > 0 && !in.read(&out[0], size)) throw IoError{"cannot read " + path};
    return out;
}

FileBytes::FileBytes(const std::string& path) {
#if defined(EIC_HAVE_MMAP)
    const int fd = ::open(path.c_str(), O_RDONLY);
    if (fd < 0) throw IoError{"cannot read " + path};
    struct stat st {};
    if (::fstat(fd, &st) == 0 && S_ISDIR(st.st_mode)) {
        ::close(fd);
        throw IoError{"cannot read " + path + ": it is a folder"};
    }
    if (S_ISREG(st.st_mode) && st.st_size > 0) {
        void* m = ::mmap(nullptr, std::size_t(st.st_size), PROT_READ, MAP_PRIVATE, fd, 0);
        if (m != MAP_FAILED) {
            ::madvise(m, std::size_t(st.st_size), MADV_SEQUENTIAL);
            map_ = static_cast<const char*>(m);
            size_ = std::size_t(st.st_size);
        }
    }
    ::close(fd);
    if (map_) return;
#endif
    copy_ = read_file(path);
}

FileBytes::~FileBytes() {
#if defined(EIC_HAVE_MMAP)
    if (map_) ::munmap(const_cast<char*>(map_), size_);
#endif
}

void write_file(const std::string& path, const std::string& bytes) {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    if (!out) throw IoError{"cannot write " + path};
    out.write(bytes.data(), std::streamsize(bytes.size()));
    out.close();
    if (!out) throw IoError{"cannot write " + path};
}

std::string base_name(const std::string& path) {
    auto slash = path.find_last_of("/\\");
    return slash == std::string::npos ? path : path.substr(slash + 1);
}

}  // namespace eic::cli

#include "cli/file_io.hpp"

#include <fstream>

#include "cli/args.hpp"

namespace eic::cli {

std::string read_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw IoError{"cannot read " + path};
    in.seekg(0, std::ios::end);
    const auto size = in.tellg();
    if (size < 0) throw IoError{"cannot read " + path};  // a directory, a pipe
    std::string out(std::size_t(size), '\0');
    in.seekg(0, std::ios::beg);
    if (size > 0 && !in.read(&out[0], size)) throw IoError{"cannot read " + path};
    return out;
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

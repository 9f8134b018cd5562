// Argument parsing and file I/O shared by the manifest commands (convert, split, infer-schema).
#pragma once

#include <algorithm>
#include <fstream>
#include <map>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

namespace eic::cli::manifest_cli {

struct UsageError {
    std::string message;
};
struct IoError {
    std::string message;
};

// Positional arguments, options with a value (--name V, --name=V, or a short alias -o V) and flags.
struct Args {
    std::vector<std::string> positional;
    std::map<std::string, std::string> options;
    std::vector<std::string> flags_set;

    Args(const std::vector<std::string>& args, const std::vector<std::string>& valued,
         const std::vector<std::string>& flags, const std::map<std::string, std::string>& aliases = {}) {
        for (std::size_t i = 0; i < args.size(); ++i) {
            std::string a = args[i];
            if (auto al = aliases.find(a); al != aliases.end()) a = "--" + al->second;
            if (a.size() < 2 || a[0] != '-' || a == "-") {
                positional.push_back(a);
                continue;
            }
            if (a.compare(0, 2, "--") != 0) throw UsageError{"unknown option " + a};
            std::string name = a.substr(2), value;
            bool has_value = false;
            if (auto eq = name.find('='); eq != std::string::npos) {
                value = name.substr(eq + 1);
                name.resize(eq);
                has_value = true;
            }
            if (std::find(flags.begin(), flags.end(), name) != flags.end()) {
                if (has_value) throw UsageError{"--" + name + " takes no value"};
                flags_set.push_back(name);
                continue;
            }
            if (std::find(valued.begin(), valued.end(), name) == valued.end())
                throw UsageError{"unknown option --" + name};
            if (!has_value) {
                if (i + 1 >= args.size()) throw UsageError{"--" + name + " needs a value"};
                value = args[++i];
            }
            if (!options.emplace(name, value).second) throw UsageError{"--" + name + " given twice"};
        }
    }
    std::optional<std::string> get(const std::string& name) const {
        auto it = options.find(name);
        return it == options.end() ? std::nullopt : std::optional<std::string>(it->second);
    }
    bool flag(const std::string& name) const {
        return std::find(flags_set.begin(), flags_set.end(), name) != flags_set.end();
    }
};

inline std::string read_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw IoError{"cannot read " + path};
    std::ostringstream s;
    s << in.rdbuf();
    if (in.bad()) throw IoError{"cannot read " + path};
    return s.str();
}

inline void write_file(const std::string& path, const std::string& bytes) {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    if (!out) throw IoError{"cannot write " + path};
    out.write(bytes.data(), std::streamsize(bytes.size()));
    out.close();
    if (!out) throw IoError{"cannot write " + path};
}

// The last path segment ("dir/a.json" -> "a.json").
inline std::string base_name(const std::string& path) {
    auto slash = path.find_last_of("/\\");
    return slash == std::string::npos ? path : path.substr(slash + 1);
}

}  // namespace eic::cli::manifest_cli

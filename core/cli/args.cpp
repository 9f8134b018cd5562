#include "cli/args.hpp"

#include <algorithm>

namespace eic::cli {

namespace {
bool contains(const std::vector<std::string>& list, const std::string& s) {
    return std::find(list.begin(), list.end(), s) != list.end();
}
}  // namespace

Args::Args(const std::vector<std::string>& args, const std::vector<std::string>& valued,
           const std::vector<std::string>& flags, const std::map<std::string, std::string>& aliases,
           const std::vector<std::string>& repeatable) {
    for (std::size_t i = 0; i < args.size(); ++i) {
        std::string a = args[i];
        if (auto al = aliases.find(a); al != aliases.end()) a = "--" + al->second;
        if (a.size() < 2 || a[0] != '-') {
            positional_.push_back(a);
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
        if (contains(flags, name)) {
            if (has_value) throw UsageError{"--" + name + " takes no value"};
            flags_set_.push_back(name);
            continue;
        }
        const bool repeats = contains(repeatable, name);
        if (!repeats && !contains(valued, name)) throw UsageError{"unknown option --" + name};
        if (!has_value) {
            if (i + 1 >= args.size()) throw UsageError{"--" + name + " needs a value"};
            value = args[++i];
        }
        if (repeats)
            repeated_[name].push_back(value);
        else if (!options_.emplace(name, value).second)
            throw UsageError{"--" + name + " given twice"};
    }
}

std::optional<std::string> Args::get(const std::string& name) const {
    auto it = options_.find(name);
    return it == options_.end() ? std::nullopt : std::optional<std::string>(it->second);
}

std::vector<std::string> Args::all(const std::string& name) const {
    auto it = repeated_.find(name);
    return it == repeated_.end() ? std::vector<std::string>{} : it->second;
}

bool Args::flag(const std::string& name) const { return contains(flags_set_, name); }

std::string Args::choice(const std::string& name, const std::vector<std::string>& allowed,
                         const std::string& fallback) const {
    auto v = get(name);
    if (!v) return fallback.empty() ? allowed.front() : fallback;
    if (!contains(allowed, *v)) throw UsageError{"--" + name + " must be " + one_of(allowed)};
    return *v;
}

std::string one_of(const std::vector<std::string>& allowed) {
    std::string out;
    for (std::size_t i = 0; i < allowed.size(); ++i)
        out += (i == 0 ? "" : i + 1 == allowed.size() ? " or " : ", ") + allowed[i];
    return out;
}

}  // namespace eic::cli

// The one argument parser every eic command uses, and the two errors that end a command with exit 2.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace eic::cli {

// Bad arguments: the command prints the message and its usage.
struct UsageError {
    std::string message;
};
// A file that cannot be read or written: the command prints the message alone.
struct IoError {
    std::string message;
};

// Positional arguments, options with a value (--name V, --name=V, or a short alias such as -o V) and
// flags (--name). Each option is allowed once, except the `repeatable` ones (`--header A --header B`);
// anything else starting with '-' (except "-" itself, which is a file name) is an unknown option. Throws
// UsageError.
class Args {
public:
    Args(const std::vector<std::string>& args, const std::vector<std::string>& valued,
         const std::vector<std::string>& flags = {}, const std::map<std::string, std::string>& aliases = {},
         const std::vector<std::string>& repeatable = {});

    const std::vector<std::string>& positional() const { return positional_; }
    std::optional<std::string> get(const std::string& name) const;
    // Every value of a repeatable option, in the order given.
    std::vector<std::string> all(const std::string& name) const;
    bool flag(const std::string& name) const;
    // The option's value, which must be one of `allowed`; `fallback` (else the first) when not given.
    std::string choice(const std::string& name, const std::vector<std::string>& allowed,
                       const std::string& fallback = {}) const;

private:
    std::vector<std::string> positional_;
    std::map<std::string, std::string> options_;
    std::map<std::string, std::vector<std::string>> repeated_;
    std::vector<std::string> flags_set_;
};

// "a", "a or b", "a, b or c": how usage messages list the allowed values.
std::string one_of(const std::vector<std::string>& allowed);

}  // namespace eic::cli

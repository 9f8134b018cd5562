// The manifest open in the app: its bytes as read (never re-encoded, so positions stay true) and the
// last validation against the schema the Schema panel holds.
#pragma once

#include <optional>
#include <string>

#include "manifest/validate.hpp"
#include "schema/model.hpp"

namespace eic::app {

struct ManifestChecks {
    bool strict_client_only = false;
    std::optional<manifest::Plan> plan;
};

class ManifestDocument {
public:
    void open(std::string file_name, std::string bytes);
    bool is_open() const { return open_; }
    const std::string& file_name() const { return file_name_; }
    std::size_t size() const { return bytes_.size(); }

    // Validates with every finding kept up to a cap that a list can show; the counts cover all.
    const manifest::ValidationResult& validate(const schema::Schema& schema, const ManifestChecks& checks);
    const std::optional<manifest::ValidationResult>& result() const { return result_; }

private:
    bool open_ = false;
    std::string file_name_;
    std::string bytes_;
    std::optional<manifest::ValidationResult> result_;
};

}  // namespace eic::app

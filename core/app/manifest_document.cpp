#include "app/manifest_document.hpp"

namespace eic::app {

constexpr std::size_t kMaxListed = 10000;  // a list longer than this is read by code, not by people

void ManifestDocument::open(std::string file_name, std::string bytes) {
    file_name_ = std::move(file_name);
    bytes_ = std::move(bytes);
    result_.reset();
    open_ = true;
}

const manifest::ValidationResult& ManifestDocument::validate(const schema::Schema& schema, const ManifestChecks& checks) {
    manifest::ValidateOptions options;
    if (!schema.empty()) options.schema = schema;
    options.strict_client_only = checks.strict_client_only;
    options.plan = checks.plan;
    options.max_diagnostics = kMaxListed;
    const bool csv = file_name_.size() >= 4 && file_name_.compare(file_name_.size() - 4, 4, ".csv") == 0;
    if (csv) options.format = manifest::InputFormat::csv;
    result_ = manifest::validate_manifest(bytes_, options);
    return *result_;
}

}  // namespace eic::app

// Tracing an upload job's unit errors (encord/api_responses.hpp, UnitError: the object URLs of one unit
// that failed, `encord/orm/dataset.py` DataUnitError) back to the manifest items its batch carried
// (encord/upload_plan.hpp), and writing the items that failed as a manifest to send again.
//
// An error matches every item of the batch that names one of its URLs, exactly as written (an image
// group or DICOM series matches through any of its objectUrl_N). An error that matches no item is kept
// and reported, never dropped: Encord may write a URL otherwise than the manifest did.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "diag/diagnostic.hpp"
#include "encord/api_responses.hpp"
#include "encord/upload_plan.hpp"
#include "manifest/model.hpp"
#include "manifest/split.hpp"
#include "manifest/write.hpp"

namespace eic::encord {

struct FailedUnit {
    manifest::ItemRef unit;           // in the manifest the batch was planned from
    std::vector<std::size_t> errors;  // indexes into the job's unit errors
};

struct UnitErrorMap {
    std::vector<FailedUnit> failed;      // in manifest order (collection, then index), each item once
    std::vector<std::size_t> unmatched;  // indexes of errors that match no item of the batch
    // encord.upload.unit-failed on each failed item (its JSON pointer, line and column), and
    // encord.upload.unmatched-error for each error that matched nothing.
    Diagnostics diagnostics;
};

UnitErrorMap map_unit_errors(const manifest::Manifest& manifest, const UploadBatch& batch,
                             const std::vector<UnitError>& errors);

// The failed items as a JSON file form: the batch's top level (its skip_duplicate_urls and the manifest's
// other top-level keys) with only those items. Empty when nothing failed.
std::string failed_units_spec(const manifest::Manifest& manifest, const UploadBatch& batch, const UnitErrorMap& map,
                              const manifest::JsonWriteOptions& json = {});

}  // namespace eic::encord

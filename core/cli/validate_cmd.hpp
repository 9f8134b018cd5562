// `eic validate FILE [--schema S] [--format json|csv|auto] [--strict-client-only]
//  [--plan enterprise|team|free] [--max-diagnostics N] [--output text|json|sarif]`:
// validates an import manifest (core/manifest/validate.hpp). Exit 0 without errors (warnings and
// information alone are 0), 1 with at least one error (a file that is not valid JSON is a finding),
// 2 for usage, an unreadable FILE or an unusable --schema.
#pragma once

#include <ostream>
#include <string>
#include <vector>

namespace eic::cli {

int run_validate(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

}  // namespace eic::cli

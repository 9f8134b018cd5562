// `eic infer-schema IN [-o OUT] [--title T]`: infers a custom metadata schema draft
// (*.eic-schema.json) from the clientMetadata of a manifest (core/manifest/infer.hpp). Without -o the
// draft goes to standard output; findings go to standard error as text. Exit 0 clean (warnings
// allowed), 1 when a key could not be inferred (a conflict) or the input has errors (the draft with the
// other keys is still written when the input could be read), 2 usage or I/O.
#pragma once

#include <ostream>
#include <string>
#include <vector>

namespace eic::cli {

int run_infer_schema(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

}  // namespace eic::cli

// The registry of diagnostic codes: one entry per code eic emits, with its default severity, where
// docs/diagnostics.md lists it, the public source of the rule and what it means. docs/diagnostics.md is
// generated from this table (diagnostics_markdown(), `eic docs diagnostics`, scripts/gen-docs), and the
// tests check that every code the layers emit is registered here.
//
// Fidelity rule: a false error on a file Encord accepts is the worst defect a validator can have. An
// error names its source (Encord's GCP import guide, a docs.encord.com page, a file of Encord's SDK
// encord-team/encord-client-python such as `encord/orm/storage.py`, a standard such as RFC 8259 or
// RFC 4180, or Google's GCS naming docs); a rule without a source is a warning or info.
//
// Codes are stable: never rename one, add a new code instead.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "diag/diagnostic.hpp"

namespace eic::diag {

struct CodeInfo {
    const char* code;         // "manifest.url.whitespace"
    Severity severity;        // the default severity
    bool severity_varies;     // the emitting code picks the severity by context (explained below)
    const char* section;      // "## Manifest" heading text, e.g. "Manifest"
    const char* subsection;   // "### ..." heading text; "" for a section with one table
    const char* source;       // a short public citation; "" when the rule has none
    const char* explanation;  // one paragraph: what it means, why, what to do
};

// Every registered code, in the order of docs/diagnostics.md.
const std::vector<CodeInfo>& all_codes();

// The entry for `code`, or nullptr when it is not registered.
const CodeInfo* find_code(std::string_view code);

// A registry text (markdown: `code`, **strong**) as plain text for the canvas, which draws no markdown.
std::string plain_text(std::string_view markdown);

// One section or subsection of docs/diagnostics.md, in document order. A section entry has an empty
// subsection; its intro comes right under the "## " heading.
struct DocSection {
    const char* section;
    const char* subsection;  // "" for the section itself
    const char* intro;       // markdown paragraphs; "" for none
};
const std::vector<DocSection>& doc_sections();

// The whole of docs/diagnostics.md, rendered from doc_sections() and all_codes().
std::string diagnostics_markdown();

}  // namespace eic::diag

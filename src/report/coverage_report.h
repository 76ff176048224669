// The coverage view (verdict/coverage.h) as a person reads it (table) and as the API
// gives it (JSON), in English or Italian.
#pragma once

#include <string>

#include "core/catalogue.h"
#include "verdict/coverage.h"

namespace addio {

// One row per record type (how many, first and last date, sources, the signs its absence
// leaves unknown), then which signs can be judged and what to import next.
std::string RenderCoverageTable(const Coverage& coverage, Lang lang);

// {"types": [{"type", "label", "records", "first", "last", "sources", "leaves_unknown"}],
//  "judged": [sign keys], "unknown": [sign keys], "next": [{"type", "label", "advice"}],
//  "summary": sentence}. Dates as YYYY-MM-DD or null; sources "" for earlier imports.
std::string RenderCoverageJson(const Coverage& coverage, Lang lang, bool pretty);

}  // namespace addio

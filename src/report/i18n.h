// The words of the reports in English and Italian: headers, verdict, archetype, sign and
// level names, economics and metric labels, and the sentence templates of `explain`.
// One catalogue, keyed by stable names ("verdict.renegotiate", "sign.<key>"),
// so that a missing translation is a test failure rather than a blank in a report.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/catalogue.h"
#include "report/report.h"

namespace addio {

// Shorthands for the catalogue's families.
std::string VerdictName(Verdict verdict, Lang lang);
std::string ArchetypeName(Archetype archetype, Lang lang);
std::string SignTitle(const SignDefinition* sign, Lang lang);
std::string SignShort(const SignDefinition* sign,
                      Lang lang);  // a column header of at most 5 letters
std::string LevelName(Level level, Lang lang);
std::string MetricLabel(std::string_view metric, Lang lang);

}  // namespace addio

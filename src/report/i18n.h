// The words of the reports in English and Italian: headers, verdict, archetype, sign and
// level names, economics and metric labels, and the sentence templates of `explain`.
// One catalogue, keyed by stable names ("verdict.renegotiate", "sign.late_payment"),
// so that a missing translation is a test failure rather than a blank in a report.
#pragma once

#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

#include "report/report.h"

namespace addio {

struct CatalogueEntry {
  const char* key;
  const char* en;
  const char* it;
  // True only for words that are the same in both languages on purpose (codes, proper
  // nouns, abbreviations such as "EUR").
  bool same_in_both = false;
};

// Every entry, in a fixed order. Keys are unique.
const std::vector<CatalogueEntry>& Catalogue();

// The text of `key` in `lang`. A key missing from the catalogue (a metric the catalogue
// does not know yet) is returned with '_' turned into spaces, so a report never shows a
// blank.
std::string Tr(std::string_view key, Lang lang);

// Whether the catalogue has `key`.
bool HasTranslation(std::string_view key);

// Tr(key) with "{0}", "{1}", ... replaced by `args` in order.
std::string TrFormat(std::string_view key, Lang lang, std::initializer_list<std::string> args);

// Shorthands for the catalogue's families.
std::string VerdictName(Verdict verdict, Lang lang);
std::string ArchetypeName(Archetype archetype, Lang lang);
std::string SignTitle(const SignDefinition* sign, Lang lang);
std::string SignShort(const SignDefinition* sign,
                      Lang lang);  // a column header of at most 5 letters
std::string LevelName(Level level, Lang lang);
std::string MetricLabel(std::string_view metric, Lang lang);

}  // namespace addio

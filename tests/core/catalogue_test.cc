// The catalogue of words: both languages hold the same keys with the same arguments, and
// messages render numbers, amounts, dates and plurals in the reader's language.
#include "core/catalogue.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <map>
#include <regex>
#include <set>
#include <sstream>

#include "core/money.h"
#include "core/time.h"

namespace addio {
namespace {

// The placeholders "{0}", "{1}" ... a pattern uses.
std::set<std::string> Placeholders(const std::string& pattern) {
  static const std::regex kPlaceholder(R"(\{[0-9]\})");
  std::set<std::string> out;
  for (auto it = std::sregex_iterator(pattern.begin(), pattern.end(), kPlaceholder);
       it != std::sregex_iterator(); ++it) {
    out.insert(it->str());
  }
  return out;
}

TEST(CatalogueFilesTest, BothLanguagesHoldTheSameKeysWithTheSameArguments) {
  std::map<std::string, CatalogueEntryInfo> italian;
  for (CatalogueEntryInfo& entry : CatalogueEntries(Lang::kIt)) {
    italian.emplace(entry.key, std::move(entry));
  }
  const std::vector<CatalogueEntryInfo> english = CatalogueEntries(Lang::kEn);
  ASSERT_GT(english.size(), 100u);
  EXPECT_EQ(english.size(), italian.size());
  for (const CatalogueEntryInfo& en : english) {
    const auto it = italian.find(en.key);
    if (it == italian.end()) {
      ADD_FAILURE() << en.key << " (" << en.file << ") has no Italian entry";
      continue;
    }
    const CatalogueEntryInfo& entry = it->second;
    EXPECT_EQ(en.file.substr(3), entry.file.substr(3)) << en.key << ": not in the same file";
    EXPECT_EQ(en.plural, entry.plural) << en.key;
    // The last form ("other") uses every argument; a "one" form may leave {0} out.
    EXPECT_EQ(Placeholders(en.forms.back()), Placeholders(entry.forms.back())) << en.key;
    for (const std::string& form : entry.forms) EXPECT_FALSE(form.empty()) << en.key;
  }
}

// A text compared as a reader sees it: typographic apostrophes and quotes as plain ones.
std::string Plain(const std::string& text) {
  std::string out = std::regex_replace(text, std::regex("\xE2\x80\x99"), "'");
  return std::regex_replace(out, std::regex("\xE2\x80\x9C|\xE2\x80\x9D"), "\"");
}

// A sentence rather than a label: it ends as a sentence does or has four words or more
// (a word: a run without spaces holding a letter; placeholders are not words).
bool IsSentence(const std::string& text) {
  std::istringstream in(std::regex_replace(text, std::regex(R"(\{[0-9]\})"), ""));
  int words = 0;
  for (std::string token; in >> token;) {
    words += std::any_of(token.begin(), token.end(), [](char c) {
      return std::isalpha(static_cast<unsigned char>(c)) || static_cast<unsigned char>(c) >= 0x80;
    });
  }
  return words >= 4 ||
         (!text.empty() && std::string_view(".?!").find(text.back()) != std::string_view::npos);
}

// One sentence, one key: a sentence written twice drifts apart when one copy is edited.
// Short labels ("Total", "Invoice") may coincide in one language and not in the other.
TEST(CatalogueFilesTest, EverySentenceHasOneKey) {
  for (Lang lang : kAllLangs) {
    std::map<std::string, std::string> key_of;
    for (const CatalogueEntryInfo& entry : CatalogueEntries(lang)) {
      std::set<std::string> forms;  // a plural entry's forms may coincide with each other
      for (const std::string& form : entry.forms) {
        if (IsSentence(form)) forms.insert(Plain(form));
      }
      for (const std::string& form : forms) {
        const auto [it, fresh] = key_of.emplace(form, entry.key);
        EXPECT_TRUE(fresh) << LangKey(lang) << ": \"" << form << "\" is both " << it->second
                           << " and " << entry.key;
      }
    }
  }
}

TEST(CatalogueFilesTest, RendersArgumentsInTheReadersLanguage) {
  const Money amount(123450, Currency::Find("EUR").value());
  EXPECT_EQ(Arg::Amount(amount).Render(Lang::kEn), "1,234.50 EUR");
  EXPECT_EQ(Arg::Amount(amount).Render(Lang::kIt), "1.234,50 EUR");
  EXPECT_EQ(Arg::AmountBare(-amount).Render(Lang::kIt), "-1.234,50");
  EXPECT_EQ(Arg::Num(12.50, 2).Render(Lang::kIt), "12,5");
  EXPECT_EQ(Arg::Num(12.0, 2).Render(Lang::kEn), "12");
  EXPECT_EQ(Arg::Fixed(1234.5, 1).Render(Lang::kEn), "1,234.5");
  EXPECT_EQ(Arg::Fixed(-0.04, 1).Render(Lang::kEn), "0.0");
  EXPECT_EQ(Arg::Percent(0.404).Render(Lang::kIt), "40%");
  const CivilDate date = CivilDate::Parse("2026-02-03").value();
  EXPECT_EQ(Arg::Date(date).Render(Lang::kEn), "3 February 2026");
  EXPECT_EQ(Arg::Date(date).Render(Lang::kIt), "3 febbraio 2026");
  EXPECT_EQ(Arg::Key("level.red").Render(Lang::kIt), "rosso");
  EXPECT_EQ(Arg(int64_t{12345}).Render(Lang::kIt), "12345");
}

TEST(CatalogueFilesTest, FormatsNumbersAndAmountsForTables) {
  const Currency eur = Currency::Find("EUR").value();
  EXPECT_EQ(FormatAmount(Money::Parse("-1234567.50", eur).value(), Lang::kEn), "-1,234,567.50 EUR");
  EXPECT_EQ(FormatAmount(Money::Parse("1234.5", eur).value(), Lang::kIt), "1.234,50 EUR");
  EXPECT_EQ(FormatFixed(12.25, 1, Lang::kIt), "12,3");
  EXPECT_EQ(FormatFixed(-0.04, 1, Lang::kEn), "0.0");
  EXPECT_EQ(FormatPercentOf(0.404), "40%");
}

TEST(CatalogueFilesTest, MessagesFillPatternsAndChoosePlurals) {
  EXPECT_EQ(Msg("label.as_of", "2026-11-30").In(Lang::kEn), "as of 2026-11-30");
  EXPECT_EQ(Msg("label.as_of", "2026-11-30").In(Lang::kIt), "al 2026-11-30");
  EXPECT_EQ(Msg("common.errors", 1).In(Lang::kEn), "1 error");
  EXPECT_EQ(Msg("common.errors", 3).In(Lang::kEn), "3 errors");
  EXPECT_EQ(Msg("common.errors", 1).In(Lang::kIt), "1 errore");
  EXPECT_EQ(Msg("common.errors", 3).In(Lang::kIt), "3 errori");
  EXPECT_EQ(Message{}.In(Lang::kIt), "");
}

TEST(CatalogueFilesTest, AMissingKeyShowsItselfRatherThanABlank) {
  EXPECT_FALSE(HasEntry("no.such_key"));
  EXPECT_EQ(Msg("no.such_key", "x").In(Lang::kEn), "no.such_key x");
  EXPECT_EQ(Tr("metric.some_new_metric", Lang::kIt), "some new metric");
}

TEST(CatalogueFilesTest, ParsesLanguagesAsTheEnvironmentNamesThem) {
  EXPECT_EQ(ParseLang("it_IT.UTF-8"), Lang::kIt);
  EXPECT_EQ(ParseLang("en"), Lang::kEn);
  EXPECT_EQ(ParseLang("de"), std::nullopt);
  EXPECT_EQ(ParseLang("i"), std::nullopt);
  EXPECT_STREQ(LangKey(Lang::kIt), "it");
}

}  // namespace
}  // namespace addio

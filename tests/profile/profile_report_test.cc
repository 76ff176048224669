// Renderings of a screening and of a client type's strategy, and the strategy in
// `explain`.
#include "report/profile_report.h"

#include <gtest/gtest.h>

#include "gen/demo.h"
#include "report/report.h"

namespace addio {
namespace {

ScreeningReport Sample() {
  IntakeAnswers a;
  a.budget_ratio = 0.5;
  a.timeline_ratio = 0.4;
  a.payment_reputation = PaymentReputation::kGood;
  ScreeningReport report;
  report.screening = ScreenProspect(a);
  report.prospect = "Acme";
  report.hourly_rate = Money(6000, Currency());
  return report;
}

TEST(ProfileReportTest, JsonHasTheShapeOfTheDesign) {
  const std::string json = RenderScreening(Sample(), {Format::kJson, Lang::kEn});
  // Keys in the order of DESIGN.md section 6.
  const std::vector<std::string> keys = {"\"decision\": \"decline\"",
                                         "\"risk\": 28",
                                         "\"archetype\": \"bargain_hunter\"",
                                         "\"signals\": {",
                                         "\"no_contract\": {",
                                         "\"severity\": \"green\"",
                                         "\"reasons\": [",
                                         "\"terms\": {",
                                         "\"deposit_percent\": 30",
                                         "\"minimum_fee_hours\": 8",
                                         "\"minimum_fee\": \"480.00\"",
                                         "\"strategy\": \""};
  size_t at = 0;
  for (const std::string& key : keys) {
    const size_t found = json.find(key, at);
    ASSERT_NE(found, std::string::npos) << key << "\n" << json;
    at = found;
  }
  EXPECT_EQ(json.find("\"similar\""), std::string::npos);  // none known
  EXPECT_NE(json.find(StrategyFor((Archetype{"bargain_hunter"})).prospect.In(Lang::kEn)),
            std::string::npos);
}

TEST(ProfileReportTest, JsonListsSimilarClientsWhenThereAreAny) {
  ScreeningReport report = Sample();
  report.hourly_rate.reset();
  report.similar.push_back(
      {"gallo", "Gallo Eventi S.r.l.", 0.9, Verdict::kPartWays, 50, (Archetype{"non_payer"})});
  const std::string json = RenderScreening(report, {Format::kJson, Lang::kIt});
  EXPECT_NE(json.find("\"minimum_fee\": null"), std::string::npos);
  EXPECT_NE(json.find("\"similar\": ["), std::string::npos);
  EXPECT_NE(json.find("\"verdict\": \"part_ways\""), std::string::npos);
  EXPECT_NE(json.find(StrategyFor((Archetype{"bargain_hunter"})).prospect.In(Lang::kIt)),
            std::string::npos);
}

TEST(ProfileReportTest, TextFormatsSpeakTheChosenLanguage) {
  const ScreeningReport report = Sample();
  const std::string en = RenderScreening(report, {Format::kTable, Lang::kEn});
  EXPECT_NE(en.find("Prospect screening: Acme"), std::string::npos);
  EXPECT_NE(en.find("Decline · risk 28/100 · likely type: Bargain hunter"), std::string::npos);
  EXPECT_NE(en.find("Minimum fee"), std::string::npos);
  EXPECT_NE(en.find("8 hours (480.00 EUR)"), std::string::npos);
  const std::string it = RenderScreening(report, {Format::kMarkdown, Lang::kIt});
  EXPECT_NE(it.find("Rifiutare l'incarico"), std::string::npos);
  EXPECT_NE(it.find("Condizioni consigliate"), std::string::npos);
  EXPECT_NE(it.find("8 ore (480,00 EUR)"), std::string::npos);
  const std::string html = RenderScreening(report, {Format::kHtml, Lang::kIt});
  EXPECT_NE(html.find("<html lang=\"it\">"), std::string::npos);
  EXPECT_NE(html.find("class=\"verdict decision decline red\""), std::string::npos);
}

TEST(ProfileReportTest, StrategySectionsShowTermsOnlyWhenAsked) {
  const Strategy& s = StrategyFor((Archetype{"scope_creeper"}));
  const std::string with = StrategyText(s, true, std::nullopt, Lang::kEn);
  EXPECT_NE(with.find("How to work with this client (Scope creeper)"), std::string::npos);
  EXPECT_NE(with.find(s.summary.In(Lang::kEn)), std::string::npos);
  EXPECT_NE(with.find("Revision rounds included"), std::string::npos);
  const std::string without = StrategyMarkdown(s, false, std::nullopt, Lang::kIt);
  EXPECT_NE(without.find(s.summary.In(Lang::kIt)), std::string::npos);
  EXPECT_EQ(without.find("Revisioni incluse"), std::string::npos);
}

TEST(ProfileReportTest, ExplainCarriesTheStrategyOfTheClientsType) {
  auto assessment = Assess(DemoLedger(), DemoAsOf(), "colombo");
  ASSERT_TRUE(assessment.has_value());
  const ClientAssessment& colombo = assessment->clients.front();
  ASSERT_EQ(colombo.archetype, (Archetype{"slow_payer"}));
  const std::string json = RenderExplain(*assessment, colombo, {Format::kJson, Lang::kEn});
  EXPECT_NE(json.find("\"strategy\": {\n    \"archetype\": \"slow_payer\""), std::string::npos);
  const std::string text = RenderExplain(*assessment, colombo, {Format::kTable, Lang::kIt});
  EXPECT_NE(text.find("Come gestire questo cliente (Pagatore ritardatario)"), std::string::npos);
  const std::string html = RenderExplain(*assessment, colombo, {Format::kHtml, Lang::kEn});
  EXPECT_NE(html.find("<section class=\"strategy slow_payer\">"), std::string::npos);
}

}  // namespace
}  // namespace addio

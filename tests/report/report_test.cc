// Renderings of an assessment: the JSON shape of DESIGN.md section 7, stable bytes, the
// aligned table, escaping in Markdown and HTML, the distances of `explain`, and the
// Italian catalogue.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "report/i18n.h"
#include "report/report.h"
#include "report/report_internal.h"
#include "verdict/assessment.h"

namespace addio {
namespace {

using nlohmann::ordered_json;

CivilDate D(const char* text) { return *CivilDate::Parse(text); }
Money Eur(const char* text) { return *Money::Parse(text, Currency()); }

// A small builder for findings.
class AFinding {
 public:
  AFinding(const SignDefinition* sign, Level level) {
    finding_.sign = sign;
    finding_.level = level;
  }
  AFinding& Number(const char* name, double v) {
    finding_.metrics.push_back(Metric::Number(name, v));
    return *this;
  }
  AFinding& Count(const char* name, int64_t v) {
    finding_.metrics.push_back(Metric::Count(name, v));
    return *this;
  }
  AFinding& Amount(const char* name, const char* v) {
    finding_.metrics.push_back(Metric::Amount(name, Eur(v)));
    return *this;
  }
  AFinding& Unknown(const char* name) {
    finding_.metrics.push_back(Metric::Unknown(name));
    return *this;
  }
  AFinding& Reason(Message reason) {
    finding_.reasons.push_back(std::move(reason));
    return *this;
  }
  AFinding& Invoice(const char* id, const char* date, const char* amount, double days) {
    finding_.evidence.push_back(
        {"invoice", id, D(date), Eur(amount), days,
         Msg("signs.late_payment.evidence.paid_late", static_cast<int64_t>(days))});
    return *this;
  }
  AFinding& Threshold(const char* metric, double limit, bool at_least, Level level) {
    finding_.thresholds.push_back({metric, std::string("x.") + metric, limit, at_least, level});
    return *this;
  }
  operator Finding() const { return finding_; }  // NOLINT: a builder converts implicitly

 private:
  Finding finding_;
};

ClientAssessment MakeClient(std::string id, std::string name, Findings signs, Economics economics,
                            const Context& context) {
  Client client;
  client.id = std::move(id);
  client.name = std::move(name);
  return Conclude(client, std::move(signs), std::move(economics), context);
}

struct Sample {
  Workspace workspace;
  Assessment assessment;

  Sample() {
    workspace.name = "Studio Rossi";
    Context context;
    context.workspace = &workspace;
    context.as_of = D("2026-03-31");

    Economics slow;
    slow.revenue = Eur("12000.00");
    slow.hours = 160.5;
    slow.effective_rate = Eur("74.77");
    slow.overdue_amount = Eur("1200.00");
    slow.late_cost = Eur("33.10");
    slow.underpay_gap = Eur("0.00");
    slow.unbilled_extras = Eur("0.00");
    slow.written_off = Eur("0.00");
    slow.hidden_cost = Eur("1233.10");
    slow.net_value = Eur("10766.90");
    slow.statutory_interest = Eur("161.20");
    slow.statutory_invoices = 2;
    Findings slow_signs = {
        AFinding(SignNamed("no_contract"), Level::kGreen).Number("uncovered_hours", 0),
        AFinding(SignNamed("scope_creep"), Level::kUnknown).Unknown("creep_ratio"),
        AFinding(SignNamed("time_drain"), Level::kGreen)
            .Count("inbound_contacts", 20)
            .Number("after_hours_share", 0.15)
            .Threshold("after_hours_share", 0.25, true, Level::kAmber),
        AFinding(SignNamed("underpaying"), Level::kGreen)
            .Amount("effective_rate", "74.77")
            .Number("rate_ratio", 1.1)
            .Threshold("rate_ratio", 0.8, false, Level::kAmber),
        AFinding(SignNamed("late_payment"), Level::kRed)
            .Count("due_invoices", 6)
            .Count("late_invoices", 5)
            .Number("late_share", 5.0 / 6.0)
            .Number("median_days_late", 41)
            .Reason(Msg("signs.late_payment.reason.recent_late", 5, 6))
            .Invoice("2026-003", "2026-01-31", "1200.00", 41)
            .Threshold("late_share", 0.5, true, Level::kAmber)
            .Threshold("late_share", 0.8, true, Level::kRed),
        AFinding(SignNamed("non_payment"), Level::kAmber)
            .Amount("overdue_amount", "1200.00")
            .Count("unpaid_60_no_payment", 0)
            .Threshold("unpaid_60_no_payment", 1, true, Level::kRed),
    };
    Economics good;
    good.revenue = good.net_value = Eur("5000.00");
    Findings good_signs;
    for (const SignDefinition* sign : AllSigns())
      good_signs.push_back(AFinding(sign, Level::kGreen));

    assessment.as_of = context.as_of;
    assessment.workspace_name = workspace.name;
    assessment.target_hourly_rate = Eur("60.00");
    assessment.clients.push_back(
        MakeClient("acme", "ACME | S.r.l. <b>&</b>", slow_signs, slow, context));
    assessment.clients.push_back(MakeClient("zeta", "Zeta", good_signs, good, context));
  }

  std::string Render(Format format, Lang lang = Lang::kEn, bool color = false) const {
    return RenderAssessment(assessment, {format, lang, color});
  }
};

std::vector<std::string> Keys(const ordered_json& object) {
  std::vector<std::string> keys;
  for (const auto& [key, value] : object.items()) keys.push_back(key);
  return keys;
}

// ---- JSON ----

TEST(JsonReportTest, ShapeOfDesignSection7) {
  const Sample sample;
  const ordered_json doc = ordered_json::parse(sample.Render(Format::kJson));
  EXPECT_EQ(Keys(doc),
            (std::vector<std::string>{"as_of", "window_days", "currency", "settings", "clients"}));
  EXPECT_EQ(doc["as_of"], "2026-03-31");
  EXPECT_EQ(doc["window_days"], 365);
  EXPECT_EQ(doc["currency"], "EUR");
  EXPECT_EQ(doc["settings"]["grace_days"], 3);
  EXPECT_EQ(doc["settings"]["late_interest.fixed"], "40.00");
  EXPECT_EQ(doc["settings"]["target_hourly_rate"], "60.00");

  ASSERT_EQ(doc["clients"].size(), 2u);
  const ordered_json& acme = doc["clients"][0];
  EXPECT_EQ(Keys(acme), (std::vector<std::string>{"client", "name", "verdict", "score", "archetype",
                                                  "signals", "economics", "actions"}));
  EXPECT_EQ(acme["client"], "acme");
  EXPECT_EQ(acme["verdict"], "renegotiate");
  EXPECT_EQ(acme["archetype"], "slow_payer");
  EXPECT_TRUE(acme["score"].is_number_integer());
  EXPECT_EQ(Keys(acme["signals"]),
            (std::vector<std::string>{"no_contract", "scope_creep", "time_drain", "underpaying",
                                      "late_payment", "non_payment"}));
  for (const auto& [key, sign] : acme["signals"].items()) {
    EXPECT_EQ(Keys(sign), (std::vector<std::string>{"severity", "metrics", "reasons", "evidence"}))
        << key;
  }
  const ordered_json& late = acme["signals"]["late_payment"];
  EXPECT_EQ(late["severity"], "red");
  EXPECT_EQ(late["metrics"]["due_invoices"], 6);
  EXPECT_EQ(late["metrics"]["late_share"].dump(), "0.8333");  // 4 decimals, stable
  EXPECT_EQ(late["reasons"][0], "5 of the last 6 invoices were late.");
  EXPECT_EQ(late["evidence"][0]["id"], "2026-003");
  EXPECT_EQ(late["evidence"][0]["amount"], "1200.00");
  EXPECT_EQ(acme["signals"]["scope_creep"]["metrics"]["creep_ratio"], nullptr);
  EXPECT_EQ(acme["signals"]["underpaying"]["metrics"]["effective_rate"], "74.77");

  const ordered_json& economics = acme["economics"];
  for (const char* money :
       {"revenue", "overdue_amount", "late_cost", "underpay_gap", "unbilled_extras", "written_off",
        "hidden_cost", "net_value", "statutory_interest", "effective_rate"}) {
    EXPECT_TRUE(economics[money].is_string()) << money;
  }
  EXPECT_EQ(economics["net_value"], "10766.90");
  EXPECT_EQ(economics["hours"], 160.5);
  EXPECT_EQ(doc["clients"][1]["economics"]["effective_rate"], nullptr);

  ASSERT_FALSE(acme["actions"].empty());
  for (const auto& action : acme["actions"]) {
    EXPECT_EQ(Keys(action), (std::vector<std::string>{"code", "text"}));
  }
  EXPECT_TRUE(doc["clients"][1]["actions"].empty());
}

TEST(JsonReportTest, SameInputSameBytes) {
  const Sample a;
  const Sample b;
  for (Format format : {Format::kJson, Format::kTable, Format::kMarkdown, Format::kHtml}) {
    for (Lang lang : {Lang::kEn, Lang::kIt}) {
      EXPECT_EQ(a.Render(format, lang), b.Render(format, lang));
    }
  }
}

TEST(JsonReportTest, ItalianTextsInItalianJson) {
  const Sample sample;
  const ordered_json doc = ordered_json::parse(sample.Render(Format::kJson, Lang::kIt));
  const ordered_json& acme = doc["clients"][0];
  EXPECT_EQ(acme["signals"]["late_payment"]["reasons"][0],
            "5 delle ultime 6 fatture erano in ritardo.");
  EXPECT_EQ(acme["signals"]["late_payment"]["evidence"][0]["note"],
            "Pagata 41 giorni dopo la scadenza");
  // Keys and codes do not change with the language.
  EXPECT_EQ(acme["verdict"], "renegotiate");
  const std::string text = acme["actions"][0]["text"];
  EXPECT_NE(text, sample.assessment.clients[0].actions[0].text.In(Lang::kEn));
  EXPECT_EQ(text, sample.assessment.clients[0].actions[0].text.In(Lang::kIt));
}

// ---- Table ----

TEST(TableReportTest, AlignedColumnsAndSummary) {
  const Sample sample;
  const std::string table = sample.Render(Format::kTable);
  std::istringstream lines(table);
  std::string line;
  std::vector<std::string> grid;
  while (std::getline(lines, line)) {
    if (line.rfind("Client  ", 0) == 0 || line.rfind("acme ", 0) == 0 ||
        line.rfind("zeta ", 0) == 0) {
      grid.push_back(line);
    }
  }
  ASSERT_EQ(grid.size(), 3u) << table;
  // The last column is right-aligned, so every line of the grid ends at the same column.
  const auto width = [](const std::string& s) {
    size_t w = 0;
    for (char c : s) w += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
    return w;
  };
  EXPECT_EQ(width(grid[0]), width(grid[1]));
  EXPECT_EQ(width(grid[1]), width(grid[2]));
  EXPECT_NE(table.find("Renegotiate"), std::string::npos);
  EXPECT_NE(table.find("10,766.90"), std::string::npos);
  EXPECT_NE(table.find("Part ways"), std::string::npos);  // summary lists every verdict
  EXPECT_EQ(table.find('\x1b'), std::string::npos);       // no colour unless asked
  EXPECT_NE(sample.Render(Format::kTable, Lang::kEn, true).find("\x1b[31m"), std::string::npos);
}

TEST(TableReportTest, ItalianWords) {
  const Sample sample;
  const std::string table = sample.Render(Format::kTable, Lang::kIt);
  for (const char* word : {"Rinegoziare", "Mantenere", "Cliente", "Punteggio", "Valore netto",
                           "10.766,90", "Legenda", "ultimi 365 giorni"}) {
    EXPECT_NE(table.find(word), std::string::npos) << word;
  }
  EXPECT_EQ(table.find("Renegotiate"), std::string::npos);
}

// ---- Markdown and HTML ----

TEST(MarkupReportTest, MarkdownEscapesLedgerText) {
  const Sample sample;
  const std::string md = sample.Render(Format::kMarkdown);
  EXPECT_NE(md.find("ACME \\| S.r.l. \\<b\\>&\\</b\\>"), std::string::npos) << md;
  EXPECT_EQ(md.find("ACME | S.r.l."), std::string::npos);
  EXPECT_NE(md.find("`claim_late_interest`"), std::string::npos);
}

TEST(MarkupReportTest, HtmlIsSelfContainedAndEscaped) {
  const Sample sample;
  const std::string html = sample.Render(Format::kHtml, Lang::kIt);
  EXPECT_EQ(html.rfind("<!DOCTYPE html>", 0), 0u);
  EXPECT_NE(html.find("<html lang=\"it\">"), std::string::npos);
  EXPECT_NE(html.find("<style>"), std::string::npos);
  EXPECT_EQ(html.find("<script"), std::string::npos);
  EXPECT_EQ(html.find("<link"), std::string::npos);
  EXPECT_NE(html.find("ACME | S.r.l. &lt;b&gt;&amp;&lt;/b&gt;"), std::string::npos);
  EXPECT_EQ(html.find("<b>&</b>"), std::string::npos);
  EXPECT_NE(html.find("class=\"sign late_payment red\""), std::string::npos);
  EXPECT_NE(html.find("Rinegoziare"), std::string::npos);
}

// ---- Explain ----

TEST(ExplainTest, DistanceToTheNextThreshold) {
  Finding late = AFinding(SignNamed("late_payment"), Level::kGreen)
                     .Count("due_invoices", 6)
                     .Count("late_invoices", 2)
                     .Number("late_share", 2.0 / 6.0);
  const Threshold amber{"late_share", "late_payment.habit_share", 0.5, true, Level::kAmber};
  EXPECT_EQ(ThresholdSentence(late, amber, Lang::kEn),
            "Amber when share paid late ≥ 0.5: now 0.33: 0.17 to go (1 more late invoice of 6)");
  EXPECT_EQ(ThresholdSentence(late, amber, Lang::kIt),
            "Ambra quando quota pagata in ritardo ≥ 0,5: ora 0,33: mancano 0,17 (un'altra "
            "fattura in ritardo su 6)");

  late = AFinding(SignNamed("late_payment"), Level::kRed)
             .Count("due_invoices", 6)
             .Count("late_invoices", 5)
             .Number("late_share", 5.0 / 6.0);
  const Threshold red{"late_share", "late_payment.red_share", 0.8, true, Level::kRed};
  // 5 of 6 reach 0.8; 4 of 6 (0.67) do not: one fewer clears it.
  EXPECT_NE(ThresholdSentence(late, red, Lang::kEn)
                .find("reached; 0.03 less would clear it "
                      "(1 late invoice fewer of 6)"),
            std::string::npos)
      << ThresholdSentence(late, red, Lang::kEn);
  // 3 fewer to drop under amber (2 of 6).
  EXPECT_NE(ThresholdSentence(late, amber, Lang::kEn).find("(3 late invoices fewer of 6)"),
            std::string::npos);
}

TEST(ExplainTest, BelowThresholdsCountsAndUnknown) {
  const Finding up = AFinding(SignNamed("underpaying"), Level::kAmber).Number("rate_ratio", 0.7);
  EXPECT_EQ(ThresholdSentence(up, {"rate_ratio", "", 0.8, false, Level::kAmber}, Lang::kEn),
            "Amber when effective over reference rate < 0.8: now 0.70: reached; 0.1 more would "
            "clear it");
  EXPECT_EQ(ThresholdSentence(up, {"rate_ratio", "", 0.6, false, Level::kRed}, Lang::kEn),
            "Red when effective over reference rate < 0.6: now 0.70: 0.1 above the line");
  const Finding np =
      AFinding(SignNamed("non_payment"), Level::kGreen).Count("unpaid_60_no_payment", 0);
  EXPECT_EQ(ThresholdSentence(np, {"unpaid_60_no_payment", "", 1, true, Level::kRed}, Lang::kEn),
            "Red when 60+ days past due, nothing received ≥ 1: now 0: 1 to go");
  const Finding sc = AFinding(SignNamed("scope_creep"), Level::kUnknown).Unknown("creep_ratio");
  EXPECT_NE(ThresholdSentence(sc, {"creep_ratio", "", 0.1, true, Level::kAmber}, Lang::kIt)
                .find("non ancora misurabile"),
            std::string::npos);
}

TEST(ExplainTest, TextShowsEverySignWorstFirst) {
  const Sample sample;
  const ClientAssessment& acme = sample.assessment.clients[0];
  const std::string text = RenderExplain(sample.assessment, acme, {Format::kTable, Lang::kEn});
  const size_t late = text.find("Late payment: red");
  const size_t non_payment = text.find("Non-payment: amber");
  const size_t no_contract = text.find("No contract: green");
  const size_t scope = text.find("Scope creep: unknown");
  ASSERT_NE(late, std::string::npos) << text;
  EXPECT_LT(late, non_payment);
  EXPECT_LT(non_payment, no_contract);
  EXPECT_LT(no_contract, scope);
  EXPECT_NE(
      text.find("Invoice 2026-003 · 2026-01-31 · 1,200.00 EUR · Paid 41 days after the due date"),
      std::string::npos);
  EXPECT_NE(text.find("Late interest you can claim"), std::string::npos);
  EXPECT_NE(text.find("[claim_late_interest]"), std::string::npos);

  const std::string it = RenderExplain(sample.assessment, acme, {Format::kTable, Lang::kIt});
  EXPECT_NE(it.find("Pagamenti in ritardo: rosso"), std::string::npos) << it;
  EXPECT_NE(it.find("Cosa fare"), std::string::npos);
}

TEST(ExplainTest, JsonAddsThresholds) {
  const Sample sample;
  const ordered_json doc = ordered_json::parse(
      RenderExplain(sample.assessment, sample.assessment.clients[0], {Format::kJson, Lang::kEn}));
  EXPECT_EQ(doc["as_of"], "2026-03-31");
  EXPECT_EQ(doc["client"], "acme");
  const ordered_json& thresholds = doc["signals"]["late_payment"]["thresholds"];
  ASSERT_EQ(thresholds.size(), 2u);
  EXPECT_EQ(thresholds[1]["severity"], "red");
  EXPECT_EQ(thresholds[1]["limit"], 0.8);
  EXPECT_TRUE(thresholds[1]["text"].is_string());
  const ClientAssessment& acme = sample.assessment.clients[0];
  const std::string md = RenderExplain(sample.assessment, acme, {Format::kMarkdown, Lang::kIt});
  EXPECT_NE(md.find("altri 2 contatti fuori orario su 20"), std::string::npos) << md;
  const std::string html = RenderExplain(sample.assessment, acme, {Format::kHtml, Lang::kIt});
  EXPECT_NE(html.find("una fattura in ritardo in meno su 6"), std::string::npos) << html;
  EXPECT_NE(html.find("<section class=\"sign late_payment red\">"), std::string::npos);
}

// ---- History ----

TEST(HistoryReportTest, JsonAndTable) {
  std::vector<HistoryPoint> points(2);
  points[0].date = D("2026-01-31");
  points[0].score = 100;
  points[0].verdict = Verdict::kKeep;
  points[0].archetype = kPartner;
  points[0].levels = {Level::kGreen, Level::kGreen, Level::kGreen,
                      Level::kGreen, Level::kGreen, Level::kGreen};
  points[0].net_value = Eur("100.00");
  points[1] = points[0];
  points[1].date = D("2026-02-28");
  points[1].score = 80;
  points[1].verdict = Verdict::kRenegotiate;
  points[1].levels[4] = Level::kRed;
  const ordered_json doc =
      ordered_json::parse(RenderHistory("acme", "ACME", points, {Format::kJson, Lang::kEn}));
  EXPECT_EQ(Keys(doc), (std::vector<std::string>{"client", "name", "points"}));
  EXPECT_EQ(doc["points"][1]["verdict"], "renegotiate");
  EXPECT_EQ(doc["points"][1]["signals"]["late_payment"], "red");
  EXPECT_EQ(doc["points"][1]["net_value"], "100.00");
  const std::string table = RenderHistory("acme", "ACME", points, {Format::kTable, Lang::kIt});
  EXPECT_NE(table.find("Andamento del punteggio"), std::string::npos);
  EXPECT_NE(table.find("2026-02-28"), std::string::npos);
  EXPECT_NE(table.find("Rinegoziare"), std::string::npos);
}

// ---- Catalogue and options ----

TEST(CatalogueTest, CoversEveryVerdictTypeSignAndLevel) {
  for (const char* v : {"keep", "watch", "renegotiate", "part_ways", "insufficient_data"}) {
    EXPECT_TRUE(HasEntry(std::string("verdict.") + v)) << v;
  }
  for (const char* a : {"partner", "newcomer", "non_payer", "contract_averse", "slow_payer",
                        "bargain_hunter", "scope_creeper", "firefighter"}) {
    EXPECT_TRUE(HasEntry(std::string("archetype.") + a)) << a;
  }
  for (const SignDefinition* sign : AllSigns()) {
    EXPECT_TRUE(HasEntry(std::string("sign.") + SignKey(sign)));
    EXPECT_TRUE(HasEntry(std::string("sign_short.") + SignKey(sign)));
  }
  for (Level level : {Level::kGreen, Level::kAmber, Level::kRed, Level::kUnknown}) {
    EXPECT_TRUE(HasEntry(std::string("level.") + LevelKey(level)));
  }
  EXPECT_EQ(VerdictName(Verdict::kRenegotiate, Lang::kIt), "Rinegoziare");
  EXPECT_EQ(Tr("metric.some_new_metric", Lang::kEn), "some new metric");
}

// Whatever the signs measure, a report names it in both languages.
TEST(CatalogueTest, EveryMetricAndRecordTypeTheSignsProduceIsTranslated) {
  Ledger ledger;
  ledger.workspace.target_hourly_rate = Eur("60.00");
  ledger.clients.push_back({"acme", "ACME"});
  Contract contract;
  contract.id = "k1";
  contract.client = "acme";
  contract.sent = D("2025-06-01");
  contract.refused = D("2025-06-05");
  ledger.contracts.push_back(contract);
  Project project;
  project.id = "p1";
  project.client = "acme";
  project.budget_hours = 10;
  project.start = D("2025-06-01");
  ledger.projects.push_back(project);
  const Instant evening = ParseInstant("2026-02-03T21:40:00+01:00", TimeZone::Utc())->instant;
  Request request;
  request.id = "r1";
  request.client = "acme";
  request.project = "p1";
  request.at = evening;
  request.in_scope = false;
  request.estimate_hours = 6;
  request.deadline = evening.AddSeconds(3600);
  ledger.requests.push_back(request);
  WorkEntry work;
  work.id = "w1";
  work.client = "acme";
  work.project = "p1";
  work.request = "r1";
  work.start = evening;
  work.minutes = 600;
  ledger.work.push_back(work);
  Contact contact;
  contact.id = "m1";
  contact.client = "acme";
  contact.at = evening;
  contact.minutes = 15;
  ledger.contacts.push_back(contact);
  ledger.invoices.push_back(
      {"i1", "acme", D("2025-11-01"), D("2025-12-01"), Eur("300.00"), InvoiceStatus::kIssued});
  ledger.invoices.push_back(
      {"i2", "acme", D("2025-12-01"), D("2026-01-01"), Eur("200.00"), InvoiceStatus::kWrittenOff});
  ledger.payments.push_back({"pay1", "acme", "i1", D("2026-01-20"), Eur("100.00")});
  RateChange raise;
  raise.id = "rc1";
  raise.client = "acme";
  raise.at = D("2025-09-01");
  raise.outcome = RateOutcome::kRefused;
  ledger.rate_changes.push_back(raise);

  const Result<Assessment> assessment = Assess(ledger, D("2026-03-31"));
  ASSERT_TRUE(assessment.has_value()) << assessment.error().message;
  for (const Finding& finding : assessment->clients[0].signs) {
    for (const Metric& metric : finding.metrics) {
      EXPECT_TRUE(HasEntry("metric." + metric.name)) << metric.name;
    }
    for (const Evidence& evidence : finding.evidence) {
      EXPECT_TRUE(HasEntry("record." + evidence.record_type)) << evidence.record_type;
    }
    for (const Threshold& threshold : finding.thresholds) {
      EXPECT_TRUE(HasEntry("metric." + threshold.metric)) << threshold.metric;
    }
  }
}

TEST(OptionsTest, ParseFormatAndLang) {
  EXPECT_EQ(ParseFormat("md"), Format::kMarkdown);
  EXPECT_EQ(ParseFormat("markdown"), Format::kMarkdown);
  EXPECT_EQ(ParseFormat("html"), Format::kHtml);
  EXPECT_EQ(ParseFormat("xml"), std::nullopt);
  EXPECT_EQ(ParseLang("it"), Lang::kIt);
  EXPECT_EQ(ParseLang("it_IT.UTF-8"), Lang::kIt);
  EXPECT_EQ(ParseLang("en_GB"), Lang::kEn);
  EXPECT_EQ(ParseLang("C"), std::nullopt);
  EXPECT_EQ(ParseLang("fr_FR"), std::nullopt);
  EXPECT_EQ(ParseLang("italian"), std::nullopt);
}

}  // namespace
}  // namespace addio

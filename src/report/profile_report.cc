// `addio screen` and the strategy section of `explain`, in every format.
#include "report/profile_report.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <string_view>

#include "report/i18n.h"
#include "report/json_writer.h"
#include "report/report_internal.h"

namespace addio {
namespace {

// The words of this file are catalogue entries render.profile.<key>
// (src/report/i18n/<lang>/render.json), filled with `args`.
std::string W(std::string_view key, Lang lang, const std::vector<Arg>& args = {}) {
  return Render("render.profile." + std::string(key), lang, args);
}

// The strategy sections, led by `lead`: the summary for a client, the prospect sentence
// for a screening.
std::string StrategyTextLed(const Strategy& strategy, const Message& lead, bool with_terms,
                            const std::optional<Money>& hourly_rate, Lang lang);
std::string StrategyMarkdownLed(const Strategy& strategy, const Message& lead, bool with_terms,
                                const std::optional<Money>& hourly_rate, Lang lang);
std::string StrategyHtmlLed(const Strategy& strategy, const Message& lead, bool with_terms,
                            const std::optional<Money>& hourly_rate, Lang lang);

std::string DecisionName(Decision decision, Lang lang) {
  return W(std::string("decision.") + DecisionKey(decision), lang);
}

// The tone of a decision, for colours and CSS: decline red, with terms amber, accept green.
Level DecisionTone(Decision decision) {
  switch (decision) {
    case Decision::kDecline:
      return Level::kRed;
    case Decision::kAcceptWithTerms:
      return Level::kAmber;
    case Decision::kAccept:
      return Level::kGreen;
  }
  return Level::kUnknown;
}

std::optional<Money> MinimumFee(const Terms& terms, const std::optional<Money>& hourly_rate) {
  if (!hourly_rate) return std::nullopt;
  return hourly_rate->MulDiv(terms.minimum_fee_hours, 1);
}

// The terms as (label, value) rows.
std::vector<Row> TermsRows(const Terms& terms, const std::optional<Money>& hourly_rate, Lang lang) {
  std::vector<Row> rows;
  std::string deposit = terms.deposit_percent == 0 ? W("none", lang)
                        : terms.deposit_percent >= 100
                            ? W("prepaid", lang, {"100"})
                            : std::to_string(terms.deposit_percent) + "%";
  rows.push_back({W("deposit", lang), deposit});
  rows.push_back({W("payment_terms", lang),
                  terms.payment_terms_days == 0
                      ? W("on_receipt", lang)
                      : W("days", lang, {std::to_string(terms.payment_terms_days)})});
  rows.push_back({W("rush_fee", lang), "+" + std::to_string(terms.rush_fee_percent) + "%"});
  rows.push_back({W("revisions", lang), std::to_string(terms.revision_limit)});
  std::string minimum = W("hours", lang, {terms.minimum_fee_hours});
  if (const auto fee = MinimumFee(terms, hourly_rate))
    minimum += " (" + FormatAmount(*fee, lang) + ")";
  rows.push_back({W("minimum_fee", lang), minimum});
  return rows;
}

std::string RowsText(const std::vector<Row>& rows, const std::string& indent) {
  size_t width = 0;
  for (const Row& row : rows) width = std::max(width, DisplayWidth(row.label));
  std::string out;
  for (const Row& row : rows) out += indent + PadRight(row.label, width) + "  " + row.value + "\n";
  return out;
}

void WriteTermsJson(JsonWriter& json, const Terms& terms, const std::optional<Money>& rate) {
  json.BeginObject();
  json.Key("deposit_percent");
  json.Int(terms.deposit_percent);
  json.Key("payment_terms_days");
  json.Int(terms.payment_terms_days);
  json.Key("rush_fee_percent");
  json.Int(terms.rush_fee_percent);
  json.Key("revision_limit");
  json.Int(terms.revision_limit);
  json.Key("minimum_fee_hours");
  json.Int(terms.minimum_fee_hours);
  json.Key("minimum_fee");
  if (const auto fee = MinimumFee(terms, rate)) {
    json.String(fee->ToString());
  } else {
    json.Null();
  }
  json.EndObject();
}

// "87%".
std::string SimilarityText(double similarity) {
  return std::to_string(static_cast<int>(std::lround(similarity * 100))) + "%";
}

// An answer as a person reads it: booleans as yes/no, the rest as written.
std::string AnswerValue(const IntakeQuestion& q, const std::string& value, Lang lang) {
  if (q.kind == AnswerKind::kBoolean) return W(value == "true" ? "yes" : "no", lang);
  if (q.kind == AnswerKind::kRatio) {
    std::string text = value;
    if (lang == Lang::kIt) std::replace(text.begin(), text.end(), '.', ',');
    return text;
  }
  return value;
}

std::string Headline(const ScreeningReport& report, Lang lang) {
  std::string title = W("title", lang);
  if (!report.prospect.empty()) title += ": " + report.prospect;
  return title;
}

std::string Summary(const Screening& s, Lang lang) {
  return W("risk", lang, {std::to_string(s.risk)}) + " · " +
         W("likely", lang, {ArchetypeName(s.archetype, lang)});
}

std::string ScreeningJson(const ScreeningReport& report, Lang lang) {
  const Screening& s = report.screening;
  JsonWriter json;
  json.BeginObject();
  json.Key("decision");
  json.String(DecisionKey(s.decision));
  json.Key("risk");
  json.Int(s.risk);
  json.Key("archetype");
  json.String(ArchetypeKey(s.archetype));
  json.Key("signals");
  json.BeginObject();
  for (const PredictedSign& sign : s.signals) {
    json.Key(SignKey(sign.sign));
    json.BeginObject();
    json.Key("severity");
    json.String(LevelKey(sign.level));
    json.Key("reasons");
    json.BeginArray();
    for (const Message& reason : sign.reasons) json.String(reason.In(LangCode(lang)));
    json.EndArray();
    json.EndObject();
  }
  json.EndObject();
  json.Key("terms");
  WriteTermsJson(json, s.terms, report.hourly_rate);
  json.Key("strategy");
  json.String(s.strategy().prospect.In(LangCode(lang)));
  if (!report.similar.empty()) {
    json.Key("similar");
    json.BeginArray();
    for (const SimilarClient& c : report.similar) {
      json.BeginObject();
      json.Key("client");
      json.String(c.client);
      json.Key("name");
      json.String(c.name);
      json.Key("similarity");
      json.Number(c.similarity);
      json.Key("verdict");
      json.String(VerdictKey(c.verdict));
      json.Key("score");
      json.Int(c.score);
      json.Key("archetype");
      json.String(ArchetypeKey(c.archetype));
      json.EndObject();
    }
    json.EndArray();
  }
  json.EndObject();
  return json.Take();
}

std::string ScreeningText(const ScreeningReport& report, Lang lang, bool color) {
  const Screening& s = report.screening;
  const std::string_view code = LangCode(lang);
  std::string out = Headline(report, lang) + "\n\n";
  out += Colorize(DecisionName(s.decision, lang), DecisionTone(s.decision), color) + " · " +
         Summary(s, lang) + "\n\n" + W("signals", lang) + "\n";
  for (const PredictedSign& sign : s.signals) {
    out += "  " + SignTitle(sign.sign, lang) + ": " +
           Colorize(LevelName(sign.level, lang), sign.level, color) + "\n";
    for (const Message& reason : sign.reasons) out += "    - " + reason.In(code) + "\n";
  }
  out +=
      "\n" + W("terms", lang) + "\n" + RowsText(TermsRows(s.terms, report.hourly_rate, lang), "  ");
  out += "\n" + StrategyTextLed(s.strategy(), s.strategy().prospect, false, std::nullopt, lang);
  if (!report.similar.empty()) {
    out += "\n" + W("similar", lang);
    if (report.as_of) out += " (" + Render("label.as_of", lang, {report.as_of->ToString()}) + ")";
    out += "\n";
    std::vector<std::vector<std::string>> rows = {
        {Tr("header.client", lang), Tr("header.name", lang), W("similarity", lang),
         Tr("header.verdict", lang), Tr("header.score", lang), Tr("header.type", lang)}};
    for (const SimilarClient& c : report.similar) {
      rows.push_back({c.client, c.name, SimilarityText(c.similarity), VerdictName(c.verdict, lang),
                      std::to_string(c.score), ArchetypeName(c.archetype, lang)});
    }
    std::vector<size_t> widths(rows.front().size(), 0);
    for (const auto& row : rows) {
      for (size_t i = 0; i < row.size(); ++i) widths[i] = std::max(widths[i], DisplayWidth(row[i]));
    }
    for (const auto& row : rows) {
      std::string line = " ";
      for (size_t i = 0; i < row.size(); ++i) {
        const bool numeric = i == 2 || i == 4;
        line += " " + (numeric ? PadLeft(row[i], widths[i]) : PadRight(row[i], widths[i])) + " ";
      }
      while (!line.empty() && line.back() == ' ') line.pop_back();
      out += line + "\n";
    }
  }
  std::vector<Row> answers;
  const IntakeDraft draft = DraftFromAnswers(s.answers);
  for (const IntakeQuestion& q : IntakeQuestions()) {
    answers.push_back({q.key, AnswerValue(q, draft.at(q.key), lang)});
  }
  out += "\n" + W("answers", lang) + "\n" + RowsText(answers, "  ");
  return out;
}

std::string ScreeningMarkdown(const ScreeningReport& report, Lang lang) {
  const Screening& s = report.screening;
  const std::string_view code = LangCode(lang);
  const auto md = [](std::string_view text) { return MarkdownEscape(text); };
  std::string out = "# " + md(Headline(report, lang)) + "\n\n**" +
                    md(DecisionName(s.decision, lang)) + "** · " + md(Summary(s, lang)) + "\n\n";
  out += "## " + md(W("signals", lang)) + "\n\n| | | |\n|---|---|---|\n";
  for (const PredictedSign& sign : s.signals) {
    std::string reasons;
    for (const Message& reason : sign.reasons) {
      reasons += (reasons.empty() ? "" : "<br>") + md(reason.In(code));
    }
    out += "| " + md(SignTitle(sign.sign, lang)) + " | " + md(LevelName(sign.level, lang)) + " | " +
           reasons + " |\n";
  }
  out += "\n## " + md(W("terms", lang)) + "\n\n| | |\n|---|---|\n";
  for (const Row& row : TermsRows(s.terms, report.hourly_rate, lang)) {
    out += "| " + md(row.label) + " | " + md(row.value) + " |\n";
  }
  out += "\n" + StrategyMarkdownLed(s.strategy(), s.strategy().prospect, false, std::nullopt, lang);
  if (!report.similar.empty()) {
    out += "\n## " + md(W("similar", lang)) + "\n\n| " + md(Tr("header.client", lang)) + " | " +
           md(W("similarity", lang)) + " | " + md(Tr("header.verdict", lang)) + " | " +
           md(Tr("header.score", lang)) + " | " + md(Tr("header.type", lang)) +
           " |\n|---|--:|---|--:|---|\n";
    for (const SimilarClient& c : report.similar) {
      out += "| " + md(c.name) + " (`" + c.client + "`) | " + SimilarityText(c.similarity) + " | " +
             md(VerdictName(c.verdict, lang)) + " | " + std::to_string(c.score) + " | " +
             md(ArchetypeName(c.archetype, lang)) + " |\n";
    }
  }
  out += "\n## " + md(W("answers", lang)) + "\n\n";
  const IntakeDraft draft = DraftFromAnswers(s.answers);
  for (const IntakeQuestion& q : IntakeQuestions()) {
    out += "- " + md(q.prompt.In(code)) + " `" + AnswerValue(q, draft.at(q.key), lang) + "`\n";
  }
  return out;
}

std::string ScreeningHtml(const ScreeningReport& report, Lang lang) {
  const Screening& s = report.screening;
  const std::string_view code = LangCode(lang);
  const auto h = [](std::string_view text) { return HtmlEscape(text); };
  const std::string title = Headline(report, lang);
  std::string out = HtmlBegin(title, lang) + "<h1>" + h(title) + "</h1>\n";
  out += "<p><span class=\"verdict decision " + std::string(DecisionKey(s.decision)) + " " +
         LevelKey(DecisionTone(s.decision)) + "\">" + h(DecisionName(s.decision, lang)) +
         "</span> · " + h(Summary(s, lang)) + "</p>\n";
  out += "<h2>" + h(W("signals", lang)) + "</h2>\n<ul class=\"signs\">\n";
  for (const PredictedSign& sign : s.signals) {
    out += "<li class=\"sign " + std::string(SignKey(sign.sign)) + " " + LevelKey(sign.level) +
           "\"><strong>" + h(SignTitle(sign.sign, lang)) + "</strong>: <span class=\"level " +
           LevelKey(sign.level) + "\">" + h(LevelName(sign.level, lang)) + "</span><ul>";
    for (const Message& reason : sign.reasons) out += "<li>" + h(reason.In(code)) + "</li>";
    out += "</ul></li>\n";
  }
  out += "</ul>\n<h2>" + h(W("terms", lang)) + "</h2>\n<table class=\"terms\">\n";
  for (const Row& row : TermsRows(s.terms, report.hourly_rate, lang)) {
    out += "<tr><th>" + h(row.label) + "</th><td>" + h(row.value) + "</td></tr>\n";
  }
  out += "</table>\n" +
         StrategyHtmlLed(s.strategy(), s.strategy().prospect, false, std::nullopt, lang);
  if (!report.similar.empty()) {
    out += "<h2>" + h(W("similar", lang)) + "</h2>\n<table class=\"similar\">\n<thead><tr><th>" +
           h(Tr("header.client", lang)) + "</th><th class=\"num\">" + h(W("similarity", lang)) +
           "</th><th>" + h(Tr("header.verdict", lang)) + "</th><th class=\"num\">" +
           h(Tr("header.score", lang)) + "</th><th>" + h(Tr("header.type", lang)) +
           "</th></tr></thead>\n<tbody>\n";
    for (const SimilarClient& c : report.similar) {
      out += "<tr><td>" + h(c.name) + " <code>" + h(c.client) + "</code></td><td class=\"num\">" +
             SimilarityText(c.similarity) + "</td><td><span class=\"verdict " +
             VerdictKey(c.verdict) + "\">" + h(VerdictName(c.verdict, lang)) +
             "</span></td><td class=\"num\">" + std::to_string(c.score) + "</td><td>" +
             h(ArchetypeName(c.archetype, lang)) + "</td></tr>\n";
    }
    out += "</tbody>\n</table>\n";
  }
  out += "<h2>" + h(W("answers", lang)) + "</h2>\n<table class=\"answers\">\n";
  const IntakeDraft draft = DraftFromAnswers(s.answers);
  for (const IntakeQuestion& q : IntakeQuestions()) {
    out += "<tr><th>" + h(q.prompt.In(code)) + "</th><td><code>" +
           h(AnswerValue(q, draft.at(q.key), lang)) + "</code></td></tr>\n";
  }
  return out + "</table>\n" + HtmlEnd();
}

std::string StrategyTextLed(const Strategy& strategy, const Message& lead, bool with_terms,
                            const std::optional<Money>& hourly_rate, Lang lang) {
  const std::string_view code = LangCode(lang);
  std::string out = W("strategy", lang) + " (" + ArchetypeName(strategy.archetype, lang) + ")\n";
  out += "  " + lead.In(code) + "\n";
  out += RowsText({{W("channel", lang), strategy.channel.In(code)},
                   {W("cadence", lang), strategy.cadence.In(code)},
                   {W("tone", lang), strategy.tone.In(code)}},
                  "  ");
  out += "  " + W("in_writing", lang) + "\n";
  for (const Message& item : strategy.in_writing) out += "    - " + item.In(code) + "\n";
  out += "  " + W("say_no_to", lang) + "\n";
  for (const Message& item : strategy.say_no_to) out += "    - " + item.In(code) + "\n";
  if (with_terms) {
    out += "  " + W("terms", lang) + "\n" +
           RowsText(TermsRows(strategy.terms, hourly_rate, lang), "    ");
  }
  return out;
}

std::string StrategyMarkdownLed(const Strategy& strategy, const Message& lead, bool with_terms,
                                const std::optional<Money>& hourly_rate, Lang lang) {
  const std::string_view code = LangCode(lang);
  const auto md = [](std::string_view text) { return MarkdownEscape(text); };
  std::string out = "## " + md(W("strategy", lang)) + " (" +
                    md(ArchetypeName(strategy.archetype, lang)) + ")\n\n" + md(lead.In(code)) +
                    "\n\n";
  out += "- **" + md(W("channel", lang)) + ":** " + md(strategy.channel.In(code)) + "\n";
  out += "- **" + md(W("cadence", lang)) + ":** " + md(strategy.cadence.In(code)) + "\n";
  out += "- **" + md(W("tone", lang)) + ":** " + md(strategy.tone.In(code)) + "\n";
  out += "\n**" + md(W("in_writing", lang)) + "**\n\n";
  for (const Message& item : strategy.in_writing) out += "- " + md(item.In(code)) + "\n";
  out += "\n**" + md(W("say_no_to", lang)) + "**\n\n";
  for (const Message& item : strategy.say_no_to) out += "- " + md(item.In(code)) + "\n";
  if (with_terms) {
    out += "\n**" + md(W("terms", lang)) + "**\n\n| | |\n|---|---|\n";
    for (const Row& row : TermsRows(strategy.terms, hourly_rate, lang)) {
      out += "| " + md(row.label) + " | " + md(row.value) + " |\n";
    }
  }
  return out;
}

std::string StrategyHtmlLed(const Strategy& strategy, const Message& lead, bool with_terms,
                            const std::optional<Money>& hourly_rate, Lang lang) {
  const std::string_view code = LangCode(lang);
  const auto h = [](std::string_view text) { return HtmlEscape(text); };
  std::string out = "<section class=\"strategy " + std::string(ArchetypeKey(strategy.archetype)) +
                    "\">\n<h2>" + h(W("strategy", lang)) + " (" +
                    h(ArchetypeName(strategy.archetype, lang)) + ")</h2>\n<p>" + h(lead.In(code)) +
                    "</p>\n<dl>\n";
  for (const auto& [key, text] : {std::pair{"channel", &strategy.channel},
                                  {"cadence", &strategy.cadence},
                                  {"tone", &strategy.tone}}) {
    out += "<dt>" + h(W(key, lang)) + "</dt><dd>" + h(text->In(code)) + "</dd>\n";
  }
  out += "</dl>\n<h3>" + h(W("in_writing", lang)) + "</h3>\n<ul>\n";
  for (const Message& item : strategy.in_writing) out += "<li>" + h(item.In(code)) + "</li>\n";
  out += "</ul>\n<h3>" + h(W("say_no_to", lang)) + "</h3>\n<ul>\n";
  for (const Message& item : strategy.say_no_to) out += "<li>" + h(item.In(code)) + "</li>\n";
  out += "</ul>\n";
  if (with_terms) {
    out += "<h3>" + h(W("terms", lang)) + "</h3>\n<table class=\"terms\">\n";
    for (const Row& row : TermsRows(strategy.terms, hourly_rate, lang)) {
      out += "<tr><th>" + h(row.label) + "</th><td>" + h(row.value) + "</td></tr>\n";
    }
    out += "</table>\n";
  }
  return out + "</section>\n";
}

}  // namespace

std::string RenderScreening(const ScreeningReport& report, const RenderOptions& options) {
  switch (options.format) {
    case Format::kJson:
      return ScreeningJson(report, options.lang);
    case Format::kMarkdown:
      return ScreeningMarkdown(report, options.lang);
    case Format::kHtml:
      return ScreeningHtml(report, options.lang);
    case Format::kTable:
      break;
  }
  return ScreeningText(report, options.lang, options.color);
}

std::string StrategyText(const Strategy& strategy, bool with_terms,
                         const std::optional<Money>& hourly_rate, Lang lang) {
  return StrategyTextLed(strategy, strategy.summary, with_terms, hourly_rate, lang);
}

std::string StrategyMarkdown(const Strategy& strategy, bool with_terms,
                             const std::optional<Money>& hourly_rate, Lang lang) {
  return StrategyMarkdownLed(strategy, strategy.summary, with_terms, hourly_rate, lang);
}

std::string StrategyHtml(const Strategy& strategy, bool with_terms,
                         const std::optional<Money>& hourly_rate, Lang lang) {
  return StrategyHtmlLed(strategy, strategy.summary, with_terms, hourly_rate, lang);
}

void WriteStrategyJson(JsonWriter& json, const Strategy& strategy,
                       const std::optional<Money>& hourly_rate, Lang lang) {
  const std::string_view code = LangCode(lang);
  json.BeginObject();
  json.Key("archetype");
  json.String(ArchetypeKey(strategy.archetype));
  json.Key("summary");
  json.String(strategy.summary.In(code));
  json.Key("channel");
  json.String(strategy.channel.In(code));
  json.Key("cadence");
  json.String(strategy.cadence.In(code));
  json.Key("tone");
  json.String(strategy.tone.In(code));
  json.Key("in_writing");
  json.BeginArray();
  for (const Message& item : strategy.in_writing) json.String(item.In(code));
  json.EndArray();
  json.Key("say_no_to");
  json.BeginArray();
  for (const Message& item : strategy.say_no_to) json.String(item.In(code));
  json.EndArray();
  json.Key("terms");
  WriteTermsJson(json, strategy.terms, hourly_rate);
  json.EndObject();
}

}  // namespace addio

// `addio explain CLIENT`: one client sign by sign, worst first, with the measures, the
// reasons, the records behind them, and how far each measure is from the thresholds
// that would change the level, so that the advice can be acted on ("one more late
// invoice and this turns red").
#include <cmath>
#include <cstdint>
#include <string>

#include "report/i18n.h"
#include "report/profile_report.h"
#include "report/report_internal.h"

namespace addio {
namespace {

// A threshold or distance as a person writes it: up to 2 decimals, no trailing zeros.
std::string Short(double value, Lang lang) {
  std::string text = FormatFixed(value, 2, lang);
  const char decimal = lang == Lang::kIt ? ',' : '.';
  if (text.find(decimal) != std::string::npos) {
    while (text.back() == '0') text.pop_back();
    if (text.back() == decimal) text.pop_back();
  }
  return text;
}

std::optional<double> ValueOf(const Metric& metric) {
  switch (metric.kind) {
    case Metric::Kind::kNumber:
      return metric.number;
    case Metric::Kind::kCount:
      return static_cast<double>(metric.count);
    case Metric::Kind::kMoney:
      return metric.money.ToDouble();
    case Metric::Kind::kUnknown:
      break;
  }
  return std::nullopt;
}

// For a share of a counted whole (late invoices of those due, after-hours contacts of
// the inbound ones), the distance in whole records: "(1 more late invoice of 6)".
std::string InRecords(const Finding& finding, const Threshold& threshold, double value,
                      bool reached, Lang lang) {
  std::string family;
  const Metric* whole = nullptr;
  if (threshold.metric == "late_share") {
    family = "late";
    whole = finding.FindMetric("due_invoices");
  } else if (threshold.metric == "after_hours_share") {
    family = "after_hours";
    whole = finding.FindMetric("inbound_contacts");
  }
  if (whole == nullptr || !threshold.at_least) return "";
  const std::optional<double> total = ValueOf(*whole);
  if (!total || *total <= 0) return "";
  const int64_t n = std::llround(*total);
  const int64_t now = std::llround(value * static_cast<double>(n));
  // The fewest records whose share reaches the limit.
  const int64_t needed = static_cast<int64_t>(std::ceil(threshold.limit * n - 1e-9));
  int64_t k = 0;
  std::string key;
  if (!reached) {
    k = needed - now;
    if (k <= 0 || needed > n) return "";
    key = "thr.more_" + family;
  } else {
    k = now - (needed - 1);
    if (k <= 0) return "";
    key = "thr.fewer_" + family;
  }
  key += k == 1 ? ".one" : ".many";
  return " (" + Render(key, lang, {std::to_string(k), std::to_string(n)}) + ")";
}

}  // namespace

std::string ThresholdSentence(const Finding& finding, const Threshold& threshold, Lang lang) {
  const char* head_key = !threshold.at_least ? "thr.when_below"
                         : threshold.strict  ? "thr.when_above"
                                             : "thr.when_at_least";
  std::string head = Render(head_key, lang,
                            {Capitalize(LevelName(threshold.level, lang)),
                             MetricLabel(threshold.metric, lang), Short(threshold.limit, lang)});
  if (!threshold.condition.empty()) head += " " + threshold.condition.In(LangCode(lang));
  const Metric* metric = finding.FindMetric(threshold.metric);
  const std::optional<double> value = metric ? ValueOf(*metric) : std::nullopt;
  if (!value) return head + ": " + Tr("thr.unknown", lang);
  const std::string now = MetricValueText(*metric, lang);
  const bool count = metric->kind == Metric::Kind::kCount;
  // The smallest visible step: one record for counts, 0.01 for ratios.
  const double step = count ? 1.0 : 0.01;
  std::string tail;
  if (threshold.at_least) {
    // The first value that triggers: the limit itself, or just above it when strict.
    const double trigger = !threshold.strict
                               ? (count ? std::ceil(threshold.limit) : threshold.limit)
                           : count ? std::floor(threshold.limit) + 1
                                   : threshold.limit + step;
    const bool reached = threshold.strict ? *value > threshold.limit : *value >= threshold.limit;
    if (!reached) {
      tail = Render("thr.to_go", lang, {now, Short(std::max(trigger - *value, step), lang)});
    } else {
      // Clearing means going below the trigger: one record under it, or down to the limit.
      const double drop = count ? *value - trigger + 1 : *value - threshold.limit;
      tail = Render("thr.reached_drop", lang, {now, Short(std::max(drop, step), lang)});
    }
    tail += InRecords(finding, threshold, *value, reached, lang);
  } else {
    const bool reached = *value < threshold.limit;
    if (!reached) {
      tail = Render("thr.above", lang, {now, Short(*value - threshold.limit, lang)});
    } else {
      tail = Render("thr.reached_rise", lang,
                    {now, Short(std::max(threshold.limit - *value, step), lang)});
    }
  }
  return head + ": " + tail;
}

std::vector<const Threshold*> RelevantThresholds(const Finding& finding) {
  std::vector<const Threshold*> out;
  for (const Threshold& threshold : finding.thresholds) out.push_back(&threshold);
  return out;
}

std::string ExplainText(const Assessment& assessment, const ClientAssessment& client, Lang lang,
                        bool color) {
  std::string out = Tr("title.explain", lang) + ": " + client.name + " (" + client.client + ")\n" +
                    ContextLine(assessment, lang) + "\n\n";
  out += Colorize(VerdictName(client.verdict, lang), VerdictTone(client.verdict), color) + " · " +
         Render("label.score_of", lang, {std::to_string(client.score)}) + " · " +
         ArchetypeName(client.archetype, lang) + "\n";

  for (const Finding* finding : WorstFirst(client)) {
    const std::string level = LevelName(finding->level, lang);
    out += "\n" + SignTitle(finding->sign, lang) + ": " + Colorize(level, finding->level, color) +
           "\n";
    if (!finding->reasons.empty()) {
      out += "  " + Tr("header.reasons", lang) + "\n";
      for (const Message& reason : finding->reasons)
        out += "    - " + reason.In(LangCode(lang)) + "\n";
    }
    if (!finding->metrics.empty()) {
      size_t width = 0;
      for (const Metric& metric : finding->metrics) {
        width = std::max(width, DisplayWidth(MetricLabel(metric.name, lang)));
      }
      out += "  " + Tr("header.metrics", lang) + "\n";
      for (const Metric& metric : finding->metrics) {
        out += "    " + PadRight(MetricLabel(metric.name, lang), width) + "  " +
               MetricValueText(metric, lang) + "\n";
      }
    }
    const std::vector<const Threshold*> thresholds = RelevantThresholds(*finding);
    if (!thresholds.empty()) {
      out += "  " + Tr("header.thresholds", lang) + "\n";
      for (const Threshold* threshold : thresholds) {
        out += "    - " + ThresholdSentence(*finding, *threshold, lang) + "\n";
      }
    }
    if (!finding->evidence.empty()) {
      out += "  " + Tr("header.evidence", lang) + "\n";
      for (const Evidence& evidence : finding->evidence) {
        out += "    - " + EvidenceLine(evidence, lang) + "\n";
      }
    }
  }

  out += "\n" + Tr("header.economics", lang) + "\n";
  const std::vector<Row> rows = EconomicsRows(client.economics, lang);
  size_t label_width = 0;
  size_t value_width = 0;
  for (const Row& row : rows) {
    label_width = std::max(label_width, DisplayWidth(row.label));
    value_width = std::max(value_width, DisplayWidth(row.value));
  }
  for (const Row& row : rows) {
    out += "  " + PadRight(row.label, label_width) + "  " + PadLeft(row.value, value_width) + "\n";
  }

  out += "\n" + Tr("header.actions", lang) + "\n";
  if (client.actions.empty()) out += "  " + Tr("label.no_actions", lang) + "\n";
  for (size_t i = 0; i < client.actions.size(); ++i) {
    const Action& action = client.actions[i];
    out += "  " + std::to_string(i + 1) + ". " + action.text.In(LangCode(lang)) + " [" +
           action.code + "]\n";
  }
  out += "\n" + StrategyText(StrategyFor(client.archetype), /*with_terms=*/true,
                             assessment.target_hourly_rate, lang);
  return out;
}

std::string ExplainMarkdown(const Assessment& assessment, const ClientAssessment& client,
                            Lang lang) {
  const auto md = [](std::string_view text) { return MarkdownEscape(text); };
  std::string out = "# " + md(Tr("title.explain", lang)) + ": " + md(client.name) + " (`" +
                    client.client + "`)\n\n" + md(ContextLine(assessment, lang)) + "\n\n";
  out += "**" + md(VerdictName(client.verdict, lang)) + "** · " +
         md(Render("label.score_of", lang, {std::to_string(client.score)})) + " · " +
         md(ArchetypeName(client.archetype, lang)) + "\n";
  for (const Finding* finding : WorstFirst(client)) {
    out += "\n## " + md(SignTitle(finding->sign, lang)) + ": " +
           md(LevelName(finding->level, lang)) + "\n\n";
    for (const Message& reason : finding->reasons)
      out += "- " + md(reason.In(LangCode(lang))) + "\n";
    if (!finding->metrics.empty()) {
      out += "\n| " + md(Tr("header.metrics", lang)) + " | " + md(Tr("header.value", lang)) +
             " |\n|---|--:|\n";
      for (const Metric& metric : finding->metrics) {
        out += "| " + md(MetricLabel(metric.name, lang)) + " | " +
               md(MetricValueText(metric, lang)) + " |\n";
      }
    }
    const std::vector<const Threshold*> thresholds = RelevantThresholds(*finding);
    if (!thresholds.empty()) {
      out += "\n**" + md(Tr("header.thresholds", lang)) + "**\n\n";
      for (const Threshold* threshold : thresholds) {
        out += "- " + md(ThresholdSentence(*finding, *threshold, lang)) + "\n";
      }
    }
    if (!finding->evidence.empty()) {
      out += "\n**" + md(Tr("header.evidence", lang)) + "**\n\n";
      for (const Evidence& evidence : finding->evidence) {
        out += "- " + md(EvidenceLine(evidence, lang)) + "\n";
      }
    }
  }
  out += "\n## " + md(Tr("header.economics", lang)) + "\n\n| | |\n|---|--:|\n";
  for (const Row& row : EconomicsRows(client.economics, lang)) {
    out += "| " + md(row.label) + " | " + md(row.value) + " |\n";
  }
  out += "\n## " + md(Tr("header.actions", lang)) + "\n\n";
  if (client.actions.empty()) out += md(Tr("label.no_actions", lang)) + "\n";
  for (size_t i = 0; i < client.actions.size(); ++i) {
    out += std::to_string(i + 1) + ". " + md(client.actions[i].text.In(LangCode(lang))) + " `" +
           client.actions[i].code + "`\n";
  }
  out += "\n" + StrategyMarkdown(StrategyFor(client.archetype), /*with_terms=*/true,
                                 assessment.target_hourly_rate, lang);
  return out;
}

std::string ExplainHtml(const Assessment& assessment, const ClientAssessment& client, Lang lang) {
  const auto h = [](std::string_view text) { return HtmlEscape(text); };
  const std::string title = Tr("title.explain", lang) + ": " + client.name;
  std::string out = HtmlBegin(title, lang);
  out += "<h1>" + h(title) + " <code>" + h(client.client) + "</code></h1>\n<p class=\"context\">" +
         h(ContextLine(assessment, lang)) + "</p>\n";
  out += "<p><span class=\"verdict " + std::string(VerdictKey(client.verdict)) + "\">" +
         h(VerdictName(client.verdict, lang)) + "</span> · " +
         h(Render("label.score_of", lang, {std::to_string(client.score)})) + " · " +
         h(ArchetypeName(client.archetype, lang)) + "</p>\n";
  for (const Finding* finding : WorstFirst(client)) {
    out += "<section class=\"sign " + std::string(SignKey(finding->sign)) + " " +
           LevelKey(finding->level) + "\">\n<h2>" + h(SignTitle(finding->sign, lang)) +
           ": <span class=\"level " + LevelKey(finding->level) + "\">" +
           h(LevelName(finding->level, lang)) + "</span></h2>\n";
    if (!finding->reasons.empty()) {
      out += "<ul class=\"reasons\">\n";
      for (const Message& reason : finding->reasons) {
        out += "<li>" + h(reason.In(LangCode(lang))) + "</li>\n";
      }
      out += "</ul>\n";
    }
    if (!finding->metrics.empty()) {
      out += "<table class=\"metrics\">\n";
      for (const Metric& metric : finding->metrics) {
        out += "<tr><th>" + h(MetricLabel(metric.name, lang)) + "</th><td class=\"num\">" +
               h(MetricValueText(metric, lang)) + "</td></tr>\n";
      }
      out += "</table>\n";
    }
    const std::vector<const Threshold*> thresholds = RelevantThresholds(*finding);
    if (!thresholds.empty()) {
      out += "<h3>" + h(Tr("header.thresholds", lang)) + "</h3>\n<ul class=\"thresholds\">\n";
      for (const Threshold* threshold : thresholds) {
        out += "<li>" + h(ThresholdSentence(*finding, *threshold, lang)) + "</li>\n";
      }
      out += "</ul>\n";
    }
    if (!finding->evidence.empty()) {
      out += "<h3>" + h(Tr("header.evidence", lang)) + "</h3>\n<ul class=\"evidence\">\n";
      for (const Evidence& evidence : finding->evidence) {
        out += "<li>" + h(EvidenceLine(evidence, lang)) + "</li>\n";
      }
      out += "</ul>\n";
    }
    out += "</section>\n";
  }
  out += "<h2>" + h(Tr("header.economics", lang)) + "</h2>\n<table class=\"economics\">\n";
  for (const Row& row : EconomicsRows(client.economics, lang)) {
    out += "<tr><th>" + h(row.label) + "</th><td class=\"num\">" + h(row.value) + "</td></tr>\n";
  }
  out += "</table>\n<h2>" + h(Tr("header.actions", lang)) + "</h2>\n";
  if (client.actions.empty()) {
    out += "<p>" + h(Tr("label.no_actions", lang)) + "</p>\n";
  } else {
    out += "<ol class=\"actions\">\n";
    for (const Action& action : client.actions) {
      out +=
          "<li class=\"" + h(action.code) + "\">" + h(action.text.In(LangCode(lang))) + "</li>\n";
    }
    out += "</ol>\n";
  }
  out += StrategyHtml(StrategyFor(client.archetype), /*with_terms=*/true,
                      assessment.target_hourly_rate, lang);
  return out + HtmlEnd();
}

}  // namespace addio

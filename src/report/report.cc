// Entry points of report/: pick the renderer for the format, and the small text helpers
// every renderer shares.
#include "report/report.h"

#include <cctype>

#include "report/i18n.h"
#include "report/report_internal.h"

namespace addio {

std::optional<Format> ParseFormat(std::string_view name) {
  if (name == "table") return Format::kTable;
  if (name == "json") return Format::kJson;
  if (name == "md" || name == "markdown") return Format::kMarkdown;
  if (name == "html") return Format::kHtml;
  return std::nullopt;
}

std::unique_ptr<AssessmentSink> MakeAssessmentWriter(const RenderOptions& options,
                                                     std::function<void(std::string_view)> out) {
  switch (options.format) {
    case Format::kJson:
      return JsonAssessmentWriterTo(options.lang, options.pretty, std::move(out));
    case Format::kMarkdown:
      return MarkdownAssessmentWriterTo(options.lang, std::move(out));
    case Format::kHtml:
      return HtmlAssessmentWriterTo(options.lang, std::move(out));
    case Format::kTable:
      break;
  }
  return TableAssessmentWriterTo(options.lang, options.color, std::move(out));
}

std::string RenderAssessment(const Assessment& assessment, const RenderOptions& options) {
  std::string text;
  const std::unique_ptr<AssessmentSink> writer =
      MakeAssessmentWriter(options, [&text](std::string_view piece) { text += piece; });
  writer->Begin(assessment);
  for (const ClientAssessment& client : assessment.clients) {
    writer->Write(client, writer->Prepare(client));
  }
  writer->End();
  return text;
}

std::string RenderExplain(const Assessment& assessment, const ClientAssessment& client,
                          const RenderOptions& options) {
  switch (options.format) {
    case Format::kJson:
      return ExplainJson(assessment, client, options.lang);
    case Format::kMarkdown:
      return ExplainMarkdown(assessment, client, options.lang);
    case Format::kHtml:
      return ExplainHtml(assessment, client, options.lang);
    case Format::kTable:
      break;
  }
  return ExplainText(assessment, client, options.lang, options.color);
}

std::string RenderHistory(const std::string& client, const std::string& name,
                          const std::vector<HistoryPoint>& points, const RenderOptions& options) {
  switch (options.format) {
    case Format::kJson:
      return HistoryJson(client, name, points);
    case Format::kMarkdown:
      return HistoryMarkdown(client, name, points, options.lang);
    case Format::kHtml:
      return HistoryHtml(client, name, points, options.lang);
    case Format::kTable:
      break;
  }
  return HistoryTable(client, name, points, options.lang, options.color);
}

// ---- Shared helpers ----

void VerdictTotals::Add(const ClientAssessment& client) {
  auto [it, inserted] = totals_.try_emplace(client.verdict, 0, Money::Zero(currency_));
  ++it->second.first;
  if (client.economics.net_value.currency() == currency_) {
    it->second.second += client.economics.net_value;
  }
}

int VerdictTotals::Count(Verdict verdict) const {
  const auto it = totals_.find(verdict);
  return it == totals_.end() ? 0 : it->second.first;
}

Money VerdictTotals::NetValue(Verdict verdict) const {
  const auto it = totals_.find(verdict);
  return it == totals_.end() ? Money::Zero(currency_) : it->second.second;
}

std::string MetricValueText(const Metric& metric, Lang lang) {
  switch (metric.kind) {
    case Metric::Kind::kNumber: {
      // Ratios read better with 2 decimals, hours and days with 1.
      const bool ratio = metric.name.find("share") != std::string::npos ||
                         metric.name.find("ratio") != std::string::npos || metric.name == "overrun";
      return FormatFixed(metric.number, ratio ? 2 : 1, lang);
    }
    case Metric::Kind::kCount:
      return std::to_string(metric.count);
    case Metric::Kind::kMoney:
      return FormatAmount(metric.money, lang);
    case Metric::Kind::kUnknown:
      break;
  }
  return Tr("label.not_known", lang);
}

std::string EvidenceLine(const Evidence& evidence, Lang lang) {
  std::string line = Capitalize(Tr("record." + evidence.record_type, lang));
  line += " " + evidence.id;
  if (evidence.date) line += " · " + evidence.date->ToString();
  if (evidence.amount) line += " · " + FormatAmount(*evidence.amount, lang);
  const std::string& note = evidence.note.In(LangCode(lang));
  if (!note.empty()) line += " · " + note;
  return line;
}

size_t DisplayWidth(std::string_view text) {
  size_t width = 0;
  for (const char c : text) {
    if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++width;  // not a continuation byte
  }
  return width;
}

std::string Shortened(std::string_view text, size_t width) {
  if (DisplayWidth(text) <= width) return std::string(text);
  size_t end = 0;
  for (size_t columns = 0; end < text.size(); ++end) {
    if ((static_cast<unsigned char>(text[end]) & 0xC0) != 0x80 && ++columns == width) break;
  }
  return std::string(text.substr(0, end)) + "\u2026";
}

std::string PadRight(std::string_view text, size_t width) {
  std::string out(text);
  const size_t w = DisplayWidth(text);
  if (w < width) out.append(width - w, ' ');
  return out;
}

std::string PadLeft(std::string_view text, size_t width) {
  const size_t w = DisplayWidth(text);
  std::string out = w < width ? std::string(width - w, ' ') : std::string();
  out += text;
  return out;
}

const char* LevelMark(Level level) {
  switch (level) {
    case Level::kGreen:
      return ".";
    case Level::kAmber:
      return "!";
    case Level::kRed:
      return "!!";
    case Level::kUnknown:
      break;
  }
  return "?";
}

std::string Colorize(std::string_view text, Level level, bool color) {
  if (!color) return std::string(text);
  const char* code = "\x1b[2m";  // unknown: dim
  if (level == Level::kGreen) code = "\x1b[32m";
  if (level == Level::kAmber) code = "\x1b[33m";
  if (level == Level::kRed) code = "\x1b[31m";
  return code + std::string(text) + "\x1b[0m";
}

Level VerdictTone(Verdict verdict) {
  switch (verdict) {
    case Verdict::kKeep:
      return Level::kGreen;
    case Verdict::kWatch:
      return Level::kAmber;
    case Verdict::kRenegotiate:
    case Verdict::kPartWays:
      return Level::kRed;
    case Verdict::kInsufficientData:
      break;
  }
  return Level::kUnknown;
}

std::string Capitalize(std::string text) {
  if (!text.empty()) text[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(text[0])));
  return text;
}

std::string HtmlEscape(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (const char c : text) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

std::string MarkdownEscape(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (const char c : text) {
    switch (c) {
      case '\\':
      case '`':
      case '*':
      case '_':
      case '[':
      case ']':
      case '<':
      case '>':
      case '|':
      case '#':
        out += '\\';
        out += c;
        break;
      case '\n':
      case '\r':
        out += ' ';  // a record's text never breaks a table row or a list item
        break;
      default:
        out += c;
    }
  }
  return out;
}

std::string ContextLine(const Assessment& assessment, Lang lang) {
  return Render("label.as_of", lang, {assessment.as_of.ToString()}) + " · " +
         Render("label.window", lang, {std::to_string(assessment.window_days)}) + " · " +
         Render("label.currency", lang, {std::string(assessment.currency.code())});
}

std::vector<Row> EconomicsRows(const Economics& e, Lang lang) {
  const auto money = [&](const Money& m) { return FormatAmount(m, lang); };
  std::vector<Row> rows;
  rows.push_back({Tr("econ.revenue", lang), money(e.revenue)});
  rows.push_back({Tr("econ.hours", lang), FormatFixed(e.hours, 1, lang)});
  rows.push_back({Tr("econ.effective_rate", lang),
                  e.effective_rate ? Render("label.per_hour", lang, {money(*e.effective_rate)})
                                   : Tr("label.not_known", lang)});
  rows.push_back({Tr("econ.overdue_amount", lang), money(e.overdue_amount)});
  rows.push_back({Tr("econ.late_cost", lang), money(e.late_cost)});
  rows.push_back({Tr("econ.underpay_gap", lang), money(e.underpay_gap)});
  rows.push_back({Tr("econ.unbilled_extras", lang), money(e.unbilled_extras)});
  rows.push_back({Tr("econ.written_off", lang), money(e.written_off)});
  rows.push_back({Tr("econ.hidden_cost", lang), money(e.hidden_cost)});
  rows.push_back({Tr("econ.net_value", lang), money(e.net_value)});
  rows.push_back({Tr("econ.statutory_interest", lang), money(e.statutory_interest)});
  return rows;
}

std::vector<const Finding*> WorstFirst(const ClientAssessment& client) {
  std::vector<const Finding*> out;
  for (Level level : {Level::kRed, Level::kAmber, Level::kGreen, Level::kUnknown}) {
    for (const Finding& finding : client.signs) {
      if (finding.level == level) out.push_back(&finding);
    }
  }
  return out;
}

}  // namespace addio

// Pieces shared by the renderers of report/: one function per format and report, the
// threshold distances of `explain`, and text helpers. Internal to report/.
#pragma once

#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "report/report.h"
#include "report/spool.h"
#include "verdict/assessment_stream.h"

namespace addio {

// "en" or "it", as the API and the HTML lang attribute name a language.
inline std::string_view LangCode(Lang lang) { return lang == Lang::kIt ? "it" : "en"; }

// A metric's value as a person reads it: numbers with up to 2 decimals, counts, money
// with its currency, "not known" for an unknown metric.
std::string MetricValueText(const Metric& metric, Lang lang);

// Where a finding stands against one of its thresholds, as one sentence such as
// "Amber when share paid late ≥ 0.5: now 0.33: 0.17 to go (1 more late invoice of 6)".
std::string ThresholdSentence(const Finding& finding, const Threshold& threshold, Lang lang);

// The thresholds of a finding to show in `explain`: every one, in the finding's order,
// since each tells how far the client is from a level in one direction or the other.
std::vector<const Threshold*> RelevantThresholds(const Finding& finding);

// A one-line heading for an evidence record: "Invoice 2026-003 · 2026-01-31 · 1,200.00 EUR".
std::string EvidenceLine(const Evidence& evidence, Lang lang);

// Number of terminal columns `text` takes (UTF-8 code points; the reports use no wide
// characters).
size_t DisplayWidth(std::string_view text);
// `text` cut to at most `width` columns (width ≥ 1), the last one an ellipsis "…" when it
// was longer; never splits a UTF-8 sequence.
std::string Shortened(std::string_view text, size_t width);
// `text` padded with spaces to `width` columns, on the right (left-aligned) or left.
std::string PadRight(std::string_view text, size_t width);
std::string PadLeft(std::string_view text, size_t width);

// The mark of a level in plain-text tables: "." green, "!" amber, "!!" red, "?" unknown.
const char* LevelMark(Level level);

// `text` wrapped in the ANSI colour of `level` when `color`, else `text` unchanged.
std::string Colorize(std::string_view text, Level level, bool color);
// The level a verdict is coloured like: keep green, watch amber, renegotiate and part
// ways red, insufficient data as unknown.
Level VerdictTone(Verdict verdict);
// The first letter of `text` in upper case (ASCII letters only).
std::string Capitalize(std::string text);

// Escaping for the markup formats.
std::string HtmlEscape(std::string_view text);
std::string MarkdownEscape(std::string_view text);

// The header line shared by the text formats: "as of 2026-03-31 · last 365 days ·
// amounts in EUR".
std::string ContextLine(const Assessment& assessment, Lang lang);

// The economics of a client as (label, value) rows in reading order, the hidden costs
// between revenue and net value.
struct Row {
  std::string label;
  std::string value;
};
std::vector<Row> EconomicsRows(const Economics& economics, Lang lang);

// The findings of a client, worst first (red, amber, green, unknown), registry order
// within a level.
std::vector<const Finding*> WorstFirst(const ClientAssessment& client);

// The writers of `assess`, one per format (MakeAssessmentWriter picks one).
std::unique_ptr<AssessmentSink> JsonAssessmentWriterTo(Lang lang, bool pretty, TextOut out);
std::unique_ptr<AssessmentSink> TableAssessmentWriterTo(Lang lang, bool color, TextOut out);
std::unique_ptr<AssessmentSink> MarkdownAssessmentWriterTo(Lang lang, TextOut out);
std::unique_ptr<AssessmentSink> HtmlAssessmentWriterTo(Lang lang, TextOut out);

// The summary of `assess` in every format: per verdict, how many clients and their total
// net value (in the assessment currency; a net value in another currency is not added).
class VerdictTotals {
 public:
  explicit VerdictTotals(Currency currency) : currency_(currency) {}
  void Add(const ClientAssessment& client);
  int Count(Verdict verdict) const;
  Money NetValue(Verdict verdict) const;

  // The verdicts in the order the summaries list them, worst last.
  static constexpr Verdict kOrder[] = {Verdict::kKeep, Verdict::kWatch, Verdict::kRenegotiate,
                                       Verdict::kPartWays, Verdict::kInsufficientData};

 private:
  Currency currency_;
  std::map<Verdict, std::pair<int, Money>> totals_;
};

std::string ExplainJson(const Assessment& assessment, const ClientAssessment& client, Lang lang);
std::string ExplainText(const Assessment& assessment, const ClientAssessment& client, Lang lang,
                        bool color);
std::string ExplainMarkdown(const Assessment& assessment, const ClientAssessment& client,
                            Lang lang);
std::string ExplainHtml(const Assessment& assessment, const ClientAssessment& client, Lang lang);

std::string HistoryJson(const std::string& client, const std::string& name,
                        const std::vector<HistoryPoint>& points);
std::string HistoryTable(const std::string& client, const std::string& name,
                         const std::vector<HistoryPoint>& points, Lang lang, bool color);
std::string HistoryMarkdown(const std::string& client, const std::string& name,
                            const std::vector<HistoryPoint>& points, Lang lang);
std::string HistoryHtml(const std::string& client, const std::string& name,
                        const std::vector<HistoryPoint>& points, Lang lang);

// Shared by the HTML renderers: the document head with the inline style sheet, and its end.
std::string HtmlBegin(std::string_view title, Lang lang);
std::string HtmlEnd();

}  // namespace addio

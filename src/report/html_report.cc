// A self-contained HTML page for `assess`, `explain` and `history`: one file with a
// small inline style sheet, no scripts and nothing fetched, so it can be mailed or
// archived as it is. Sign cells carry the sign key and the level as CSS classes
// (class="sign <key> red"); every piece of text is escaped.

#include "report/i18n.h"
#include "report/report_internal.h"

namespace addio {
namespace {

constexpr char kStyle[] = R"css(
body{font:15px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif;color:#1d232a;
  margin:2rem auto;max-width:72rem;padding:0 1rem}
h1{font-size:1.5rem;margin-bottom:.25rem}h2{font-size:1.2rem;margin-top:2rem}h3{font-size:1rem}
.context{color:#5b6570;margin-top:0}
table{border-collapse:collapse;margin:.5rem 0}
th,td{padding:.3rem .6rem;border-bottom:1px solid #e3e6ea;text-align:left}
th{font-weight:600}td.num,th.num{text-align:right;font-variant-numeric:tabular-nums}
td.sign{text-align:center}
.green{color:#1b7f3b}.amber{color:#b26a00}.red{color:#c0262d}.unknown{color:#8a939c}
td.sign.green{background:#e8f5ec}td.sign.amber{background:#fff4e0}
td.sign.red{background:#fde8e9}td.sign.unknown{background:#f2f3f5}
.verdict{font-weight:600}.verdict.keep{color:#1b7f3b}.verdict.watch{color:#b26a00}
.verdict.renegotiate,.verdict.part_ways{color:#c0262d}.verdict.insufficient_data{color:#8a939c}
section.client,section.sign{border-top:1px solid #e3e6ea;margin-top:1.5rem}
code{background:#f2f3f5;padding:0 .25rem;border-radius:3px}
)css";

std::string H(std::string_view text) { return HtmlEscape(text); }

std::string SignHeaderCells(Lang lang) {
  std::string out;
  for (const SignDefinition* sign : AllSigns()) {
    out += "<th class=\"sign " + std::string(SignKey(sign)) + "\" title=\"" +
           H(SignTitle(sign, lang)) + "\">" + H(SignShort(sign, lang)) + "</th>";
  }
  return out;
}

std::string SignCells(const Levels& levels, Lang lang) {
  std::string out;
  for (size_t i = 0; i < AllSigns().size(); ++i) {
    out += "<td class=\"sign " + SignKey(AllSigns()[i]) + " " + LevelKey(levels[i]) +
           "\" title=\"" + H(SignTitle(AllSigns()[i], lang)) + "\">" +
           H(LevelName(levels[i], lang)) + "</td>";
  }
  return out;
}

std::string VerdictSpan(Verdict verdict, Lang lang) {
  return "<span class=\"verdict " + std::string(VerdictKey(verdict)) + "\">" +
         H(VerdictName(verdict, lang)) + "</span>";
}

}  // namespace

std::string HtmlBegin(std::string_view title, Lang lang) {
  return std::string("<!DOCTYPE html>\n<html lang=\"") + LangKey(lang) +
         "\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" "
         "content=\"width=device-width, initial-scale=1\">\n<title>" +
         H(title) + "</title>\n<style>" + kStyle + "</style>\n</head>\n<body>\n";
}

std::string HtmlEnd() { return "</body>\n</html>\n"; }

namespace {

// The HTML page of `assess`: the table rows go out as the clients come; each client's
// section, after the summary, waits in a Spool until End.
class HtmlAssessmentWriter final : public AssessmentSink {
 public:
  HtmlAssessmentWriter(Lang lang, TextOut out) : lang_(lang), out_(std::move(out)) {}

  void Begin(const Assessment& header) override {
    settings_ = header.settings;
    totals_ = VerdictTotals(header.currency);
    std::string title = Tr("title.assessment", lang_);
    if (!header.workspace_name.empty()) title += " · " + header.workspace_name;
    out_(HtmlBegin(title, lang_) + "<h1>" + H(title) + "</h1>\n<p class=\"context\">" +
         H(ContextLine(header, lang_)) + "</p>\n");
  }

  // The client's section of the details.
  std::string Prepare(const ClientAssessment& client) const override {
    const Lang lang = lang_;
    const std::string_view code = LangCode(lang);
    std::string out = "<section class=\"client\" id=\"client-" + H(client.client) + "\">\n<h3>" +
                      H(client.name) + " <code>" + H(client.client) + "</code></h3>\n<p>" +
                      VerdictSpan(client.verdict, lang) + " · " +
                      H(Render("label.score_of", lang, {std::to_string(client.score)})) + " · " +
                      H(ArchetypeName(client.archetype, lang)) + "</p>\n<ul class=\"signs\">\n";
    for (const Finding* finding : WorstFirst(client)) {
      if (finding->level != Level::kRed && finding->level != Level::kAmber) continue;
      out += "<li class=\"sign " + std::string(SignKey(finding->sign)) + " " +
             LevelKey(finding->level) + "\"><strong>" + H(SignTitle(finding->sign, lang)) +
             "</strong> (" + H(LevelName(finding->level, lang)) + "):";
      for (const Message& reason : finding->reasons) out += " " + H(reason.In(code));
      out += "</li>\n";
    }
    out += "<li>" + H(Tr("econ.hidden_cost", lang)) + ": " +
           H(FormatAmount(client.economics.hidden_cost, lang)) + "; " +
           H(Tr("econ.net_value", lang)) + ": " +
           H(FormatAmount(client.economics.net_value, lang)) + "</li>\n</ul>\n";
    if (!client.actions.empty()) {
      out += "<ol class=\"actions\">\n";
      for (const Action& action : client.actions) {
        out += "<li class=\"" + H(action.code) + "\">" + H(action.text.In(code)) + "</li>\n";
      }
      out += "</ol>\n";
    }
    out += "</section>\n";
    return out;
  }

  void Write(const ClientAssessment& client, std::string prepared) override {
    const Lang lang = lang_;
    std::string out;
    if (clients_++ == 0) {
      out += "<table class=\"assessment\">\n<thead><tr><th>" + H(Tr("header.client", lang)) +
             "</th><th>" + H(Tr("header.verdict", lang)) + "</th><th class=\"num\">" +
             H(Tr("header.score", lang)) + "</th>" + SignHeaderCells(lang) + "<th class=\"num\">" +
             H(Tr("header.revenue", lang)) + "</th><th class=\"num\">" +
             H(Tr("header.hidden_cost", lang)) + "</th><th class=\"num\">" +
             H(Tr("header.net_value", lang)) + "</th></tr></thead>\n<tbody>\n";
    }
    totals_.Add(client);
    out += "<tr><td><a href=\"#client-" + H(client.client) + "\">" + H(client.name) +
           "</a></td><td>" + VerdictSpan(client.verdict, lang) + "</td><td class=\"num\">" +
           std::to_string(client.score) + "</td>" + SignCells(LevelsOf(client.signs), lang) +
           "<td class=\"num\">" + H(FormatAmountBare(client.economics.revenue, lang)) +
           "</td><td class=\"num\">" + H(FormatAmountBare(client.economics.hidden_cost, lang)) +
           "</td><td class=\"num\">" + H(FormatAmountBare(client.economics.net_value, lang)) +
           "</td></tr>\n";
    out_(out);
    sections_.Append(prepared);
  }

  void End() override {
    const Lang lang = lang_;
    if (clients_ == 0) {
      out_("<p>" + H(Tr("label.no_clients", lang)) + "</p>\n" + HtmlEnd());
      return;
    }
    std::string out = "</tbody>\n</table>\n";
    out += "<h2>" + H(Tr("header.summary", lang)) + "</h2>\n<table class=\"summary\">\n";
    for (Verdict verdict : VerdictTotals::kOrder) {
      out += "<tr><th>" + VerdictSpan(verdict, lang) + "</th><td class=\"num\">" +
             std::to_string(totals_.Count(verdict)) + "</td></tr>\n";
    }
    out += "</table>\n<h2>" + H(Tr("header.details", lang)) + "</h2>\n";
    out_(out);
    sections_.CopyTo(out_);

    out = "<h2>" + H(Tr("header.settings", lang)) + "</h2>\n<table class=\"settings\">\n";
    for (const Settings::Entry& entry : settings_.Entries()) {
      out += "<tr><th><code>" + H(entry.name) + "</code></th><td class=\"num\">" + H(entry.value) +
             "</td><td>" + H(lang == Lang::kIt ? entry.help_it : entry.help_en) + "</td></tr>\n";
    }
    out += "</table>\n";
    out_(out + HtmlEnd());
  }

 private:
  Lang lang_;
  TextOut out_;
  Settings settings_;
  VerdictTotals totals_{Currency()};  // Begin sets the currency
  Spool sections_;
  size_t clients_ = 0;
};

}  // namespace

std::unique_ptr<AssessmentSink> HtmlAssessmentWriterTo(Lang lang, TextOut out) {
  return std::make_unique<HtmlAssessmentWriter>(lang, std::move(out));
}

std::string HistoryHtml(const std::string& client, const std::string& name,
                        const std::vector<HistoryPoint>& points, Lang lang) {
  const std::string title = Tr("title.history", lang) + ": " + name;
  std::string out = HtmlBegin(title, lang);
  out += "<h1>" + H(title) + " <code>" + H(client) + "</code></h1>\n";
  if (points.empty()) return out + "<p>" + H(Tr("label.no_history", lang)) + "</p>\n" + HtmlEnd();
  out += "<table class=\"history\">\n<thead><tr><th>" + H(Tr("header.date", lang)) +
         "</th><th class=\"num\">" + H(Tr("header.score", lang)) + "</th><th>" +
         H(Tr("header.verdict", lang)) + "</th>" + SignHeaderCells(lang) + "<th class=\"num\">" +
         H(Tr("header.net_value", lang)) + "</th></tr></thead>\n<tbody>\n";
  for (const HistoryPoint& point : points) {
    out += "<tr><td>" + point.date.ToString() + "</td><td class=\"num\">" +
           std::to_string(point.score) + "</td><td>" + VerdictSpan(point.verdict, lang) + "</td>" +
           SignCells(point.levels, lang) + "<td class=\"num\">" +
           H(FormatAmount(point.net_value, lang)) + "</td></tr>\n";
  }
  return out + "</tbody>\n</table>\n" + HtmlEnd();
}

}  // namespace addio

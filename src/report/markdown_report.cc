// Markdown for `assess` and `history`: a report to paste into notes or send to an
// accountant. Every piece of text from the ledger is escaped; codes go in code spans.

#include "report/i18n.h"
#include "report/report_internal.h"

namespace addio {
namespace {

std::string Md(std::string_view text) { return MarkdownEscape(text); }

std::string SignHeaderCells(Lang lang) {
  std::string out;
  for (const SignDefinition* sign : AllSigns()) out += " " + Md(SignTitle(sign, lang)) + " |";
  return out;
}

std::string SignLevelCells(const Levels& levels, Lang lang) {
  std::string out;
  for (Level level : levels) out += " " + Md(LevelName(level, lang)) + " |";
  return out;
}

// The Markdown of `assess`: the table rows go out as the clients come; each client's
// details, which follow the summary, wait in a Spool until End.
class MarkdownAssessmentWriter final : public AssessmentSink {
 public:
  MarkdownAssessmentWriter(Lang lang, TextOut out) : lang_(lang), out_(std::move(out)) {}

  void Begin(const Assessment& header) override {
    settings_ = header.settings;
    totals_ = VerdictTotals(header.currency);
    std::string text = "# " + Md(Tr("title.assessment", lang_));
    if (!header.workspace_name.empty()) text += " · " + Md(header.workspace_name);
    text += "\n\n" + Md(ContextLine(header, lang_)) + "\n\n";
    out_(text);
  }

  // The client's section of the details.
  std::string Prepare(const ClientAssessment& client) const override {
    const Lang lang = lang_;
    const std::string_view code = LangCode(lang);
    std::string out = "\n### " + Md(client.name) + " (`" + client.client + "`)\n\n**" +
                      Md(VerdictName(client.verdict, lang)) + "** · " +
                      Md(Render("label.score_of", lang, {std::to_string(client.score)})) + " · " +
                      Md(ArchetypeName(client.archetype, lang)) + "\n\n";
    for (const Finding* finding : WorstFirst(client)) {
      if (finding->level != Level::kRed && finding->level != Level::kAmber) continue;
      out += "- **" + Md(SignTitle(finding->sign, lang)) + "** (" +
             Md(LevelName(finding->level, lang)) + "):";
      for (const Message& reason : finding->reasons) out += " " + Md(reason.In(code));
      out += "\n";
    }
    out += "- " + Md(Tr("econ.hidden_cost", lang)) + ": " +
           Md(FormatAmount(client.economics.hidden_cost, lang)) + "; " +
           Md(Tr("econ.net_value", lang)) + ": " +
           Md(FormatAmount(client.economics.net_value, lang)) + "\n";
    if (!client.actions.empty()) {
      out += "\n" + Md(Tr("header.actions", lang)) + ":\n\n";
      for (size_t i = 0; i < client.actions.size(); ++i) {
        out += std::to_string(i + 1) + ". " + Md(client.actions[i].text.In(code)) + " `" +
               client.actions[i].code + "`\n";
      }
    }
    return out;
  }

  void Write(const ClientAssessment& client, std::string prepared) override {
    const Lang lang = lang_;
    std::string out;
    if (clients_++ == 0) {
      out += "| " + Md(Tr("header.client", lang)) + " | " + Md(Tr("header.verdict", lang)) + " | " +
             Md(Tr("header.score", lang)) + " |" + SignHeaderCells(lang) + " " +
             Md(Tr("header.revenue", lang)) + " | " + Md(Tr("header.hidden_cost", lang)) + " | " +
             Md(Tr("header.net_value", lang)) + " |\n|---|---|--:|";
      for (size_t i = 0; i < AllSigns().size(); ++i) out += ":-:|";
      out += "--:|--:|--:|\n";
    }
    totals_.Add(client);
    out += "| " + Md(client.name) + " (`" + client.client + "`) | " +
           Md(VerdictName(client.verdict, lang)) + " | " + std::to_string(client.score) + " |" +
           SignLevelCells(LevelsOf(client.signs), lang) + " " +
           Md(FormatAmountBare(client.economics.revenue, lang)) + " | " +
           Md(FormatAmountBare(client.economics.hidden_cost, lang)) + " | " +
           Md(FormatAmountBare(client.economics.net_value, lang)) + " |\n";
    out_(out);
    details_.Append(prepared);
  }

  void End() override {
    const Lang lang = lang_;
    if (clients_ == 0) {
      out_(Md(Tr("label.no_clients", lang)) + "\n");
      return;
    }
    std::string out = "\n## " + Md(Tr("header.summary", lang)) + "\n\n| " +
                      Md(Tr("header.verdict", lang)) + " | " + Md(Tr("header.clients", lang)) +
                      " |\n|---|--:|\n";
    for (Verdict verdict : VerdictTotals::kOrder) {
      out += "| " + Md(VerdictName(verdict, lang)) + " | " +
             std::to_string(totals_.Count(verdict)) + " |\n";
    }
    out += "\n## " + Md(Tr("header.details", lang)) + "\n";
    out_(out);
    details_.CopyTo(out_);

    out = "\n## " + Md(Tr("header.settings", lang)) + "\n\n| " + Md(Tr("header.setting", lang)) +
          " | " + Md(Tr("header.value", lang)) + " | |\n|---|--:|---|\n";
    for (const Settings::Entry& entry : settings_.Entries()) {
      out += "| `" + entry.name + "` | " + Md(entry.value) + " | " +
             Md(lang == Lang::kIt ? entry.help_it : entry.help_en) + " |\n";
    }
    out_(out);
  }

 private:
  Lang lang_;
  TextOut out_;
  Settings settings_;
  VerdictTotals totals_{Currency()};  // Begin sets the currency
  Spool details_;
  size_t clients_ = 0;
};

}  // namespace

std::unique_ptr<AssessmentSink> MarkdownAssessmentWriterTo(Lang lang, TextOut out) {
  return std::make_unique<MarkdownAssessmentWriter>(lang, std::move(out));
}

std::string HistoryMarkdown(const std::string& client, const std::string& name,
                            const std::vector<HistoryPoint>& points, Lang lang) {
  std::string out =
      "# " + Md(Tr("title.history", lang)) + ": " + Md(name) + " (`" + client + "`)\n\n";
  if (points.empty()) return out + Md(Tr("label.no_history", lang)) + "\n";
  out += "| " + Md(Tr("header.date", lang)) + " | " + Md(Tr("header.score", lang)) + " | " +
         Md(Tr("header.verdict", lang)) + " |" + SignHeaderCells(lang) + " " +
         Md(Tr("header.net_value", lang)) + " |\n|---|--:|---|";
  for (size_t i = 0; i < AllSigns().size(); ++i) out += ":-:|";
  out += "--:|\n";
  for (const HistoryPoint& point : points) {
    out += "| " + point.date.ToString() + " | " + std::to_string(point.score) + " | " +
           Md(VerdictName(point.verdict, lang)) + " |" + SignLevelCells(point.levels, lang) + " " +
           Md(FormatAmount(point.net_value, lang)) + " |\n";
  }
  return out;
}

}  // namespace addio

// Markdown for `assess` and `history`: a report to paste into notes or send to an
// accountant. Every piece of text from the ledger is escaped; codes go in code spans.
#include <map>

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

}  // namespace

std::string AssessmentMarkdown(const Assessment& assessment, Lang lang) {
  const std::string_view code = LangCode(lang);
  std::string out = "# " + Md(Tr("title.assessment", lang));
  if (!assessment.workspace_name.empty()) out += " · " + Md(assessment.workspace_name);
  out += "\n\n" + Md(ContextLine(assessment, lang)) + "\n\n";
  if (assessment.clients.empty()) return out + Md(Tr("label.no_clients", lang)) + "\n";

  out += "| " + Md(Tr("header.client", lang)) + " | " + Md(Tr("header.verdict", lang)) + " | " +
         Md(Tr("header.score", lang)) + " |" + SignHeaderCells(lang) + " " +
         Md(Tr("header.revenue", lang)) + " | " + Md(Tr("header.hidden_cost", lang)) + " | " +
         Md(Tr("header.net_value", lang)) + " |\n|---|---|--:|";
  for (size_t i = 0; i < AllSigns().size(); ++i) out += ":-:|";
  out += "--:|--:|--:|\n";
  std::map<Verdict, int> counts;
  for (const ClientAssessment& client : assessment.clients) {
    ++counts[client.verdict];
    out += "| " + Md(client.name) + " (`" + client.client + "`) | " +
           Md(VerdictName(client.verdict, lang)) + " | " + std::to_string(client.score) + " |" +
           SignLevelCells(LevelsOf(client.signs), lang) + " " +
           Md(FormatAmountBare(client.economics.revenue, lang)) + " | " +
           Md(FormatAmountBare(client.economics.hidden_cost, lang)) + " | " +
           Md(FormatAmountBare(client.economics.net_value, lang)) + " |\n";
  }

  out += "\n## " + Md(Tr("header.summary", lang)) + "\n\n| " + Md(Tr("header.verdict", lang)) +
         " | " + Md(Tr("header.clients", lang)) + " |\n|---|--:|\n";
  for (Verdict verdict : {Verdict::kKeep, Verdict::kWatch, Verdict::kRenegotiate,
                          Verdict::kPartWays, Verdict::kInsufficientData}) {
    out += "| " + Md(VerdictName(verdict, lang)) + " | " + std::to_string(counts[verdict]) + " |\n";
  }

  out += "\n## " + Md(Tr("header.details", lang)) + "\n";
  for (const ClientAssessment& client : assessment.clients) {
    out += "\n### " + Md(client.name) + " (`" + client.client + "`)\n\n**" +
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
  }

  out += "\n## " + Md(Tr("header.settings", lang)) + "\n\n| " + Md(Tr("header.setting", lang)) +
         " | " + Md(Tr("header.value", lang)) + " | |\n|---|--:|---|\n";
  for (const Settings::Entry& entry : assessment.settings.Entries()) {
    out += "| `" + entry.name + "` | " + Md(entry.value) + " | " +
           Md(lang == Lang::kIt ? entry.help_it : entry.help_en) + " |\n";
  }
  return out;
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

// Aligned terminal tables for `assess` and `history`. Columns are sized to their widest
// cell; colour (ANSI) is added after padding so that it never disturbs the alignment, and
// only when the caller asks for it.
#include <array>
#include <map>

#include "report/i18n.h"
#include "report/report_internal.h"

namespace addio {
namespace {

constexpr size_t kMaxNameWidth = 32;

enum class Align { kLeft, kRight };

struct Column {
  std::string header;
  Align align = Align::kLeft;
};

// A cell: its text, and the level it is coloured like (nullopt: never coloured).
struct Cell {
  std::string text;
  std::optional<Level> tone;
};

// Cuts `text` to `width` display columns, ending with "…" when it was longer.
std::string Truncate(const std::string& text, size_t width) {
  if (DisplayWidth(text) <= width) return text;
  std::string out;
  size_t columns = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    const bool starts_char = (static_cast<unsigned char>(text[i]) & 0xC0) != 0x80;
    if (starts_char && ++columns > width - 1) break;
    out += text[i];
  }
  return out + "…";
}

std::string RenderGrid(const std::vector<Column>& columns,
                       const std::vector<std::vector<Cell>>& rows, bool color) {
  std::vector<size_t> widths(columns.size());
  for (size_t c = 0; c < columns.size(); ++c) widths[c] = DisplayWidth(columns[c].header);
  for (const auto& row : rows) {
    for (size_t c = 0; c < row.size(); ++c) {
      widths[c] = std::max(widths[c], DisplayWidth(row[c].text));
    }
  }
  const auto pad = [&](const std::string& text, size_t c) {
    return columns[c].align == Align::kLeft ? PadRight(text, widths[c]) : PadLeft(text, widths[c]);
  };
  const auto line = [](std::string text) {
    while (!text.empty() && text.back() == ' ') text.pop_back();
    return text + "\n";
  };
  std::string header;
  for (size_t c = 0; c < columns.size(); ++c) header += (c ? "  " : "") + pad(columns[c].header, c);
  std::string out = line(header);
  for (const auto& row : rows) {
    std::string text;
    for (size_t c = 0; c < row.size(); ++c) {
      const std::string padded = pad(row[c].text, c);
      text += (c ? "  " : "") + (row[c].tone ? Colorize(padded, *row[c].tone, color) : padded);
    }
    out += line(text);
  }
  return out;
}

// "Legend: . green  ! amber  !! red  ? unknown · CTR No contract · ..."
std::string Legend(Lang lang) {
  std::string out = Tr("label.legend", lang) + ":";
  for (Level level : {Level::kGreen, Level::kAmber, Level::kRed, Level::kUnknown}) {
    out += std::string(" ") + LevelMark(level) + " " + LevelName(level, lang) + " ";
  }
  for (const SignDefinition* sign : AllSigns())
    out += "· " + SignShort(sign, lang) + " " + SignTitle(sign, lang) + " ";
  out.pop_back();
  return out + "\n";
}

void AddSignColumns(std::vector<Column>& columns, Lang lang) {
  for (const SignDefinition* sign : AllSigns())
    columns.push_back({SignShort(sign, lang), Align::kLeft});
}

void AddSignCells(std::vector<Cell>& row, const Levels& levels) {
  for (Level level : levels) row.push_back({LevelMark(level), level});
}

}  // namespace

std::string AssessmentTable(const Assessment& assessment, Lang lang, bool color) {
  std::string out = Tr("title.assessment", lang);
  if (!assessment.workspace_name.empty()) out += " · " + assessment.workspace_name;
  out += "\n" + ContextLine(assessment, lang) + "\n\n";
  if (assessment.clients.empty()) return out + Tr("label.no_clients", lang) + "\n";

  std::vector<Column> columns = {{Tr("header.client", lang), Align::kLeft},
                                 {Tr("header.name", lang), Align::kLeft},
                                 {Tr("header.verdict", lang), Align::kLeft},
                                 {Tr("header.score", lang), Align::kRight}};
  AddSignColumns(columns, lang);
  columns.push_back({Tr("header.revenue", lang), Align::kRight});
  columns.push_back({Tr("header.hidden_cost", lang), Align::kRight});
  columns.push_back({Tr("header.net_value", lang), Align::kRight});

  std::vector<std::vector<Cell>> rows;
  // Per verdict: number of clients and their total net value, for the summary.
  std::map<Verdict, std::pair<int, Money>> totals;
  for (const ClientAssessment& client : assessment.clients) {
    const Level tone = VerdictTone(client.verdict);
    std::vector<Cell> row = {{client.client, std::nullopt},
                             {Truncate(client.name, kMaxNameWidth), std::nullopt},
                             {VerdictName(client.verdict, lang), tone},
                             {std::to_string(client.score), tone}};
    AddSignCells(row, LevelsOf(client.signs));
    row.push_back({FormatAmountBare(client.economics.revenue, lang), std::nullopt});
    row.push_back({FormatAmountBare(client.economics.hidden_cost, lang), std::nullopt});
    row.push_back({FormatAmountBare(client.economics.net_value, lang), std::nullopt});
    rows.push_back(std::move(row));
    auto [it, inserted] = totals.try_emplace(client.verdict, 0, Money::Zero(assessment.currency));
    ++it->second.first;
    if (client.economics.net_value.currency() == assessment.currency) {
      it->second.second += client.economics.net_value;
    }
  }
  out += RenderGrid(columns, rows, color);

  // One summary line per verdict, worst last, as the freelancer reads down to the action.
  out += "\n";
  std::vector<Column> summary_columns = {{Tr("header.verdict", lang), Align::kLeft},
                                         {Tr("header.clients", lang), Align::kRight},
                                         {Tr("header.net_value", lang), Align::kRight}};
  std::vector<std::vector<Cell>> summary;
  for (Verdict verdict : {Verdict::kKeep, Verdict::kWatch, Verdict::kRenegotiate,
                          Verdict::kPartWays, Verdict::kInsufficientData}) {
    const auto it = totals.find(verdict);
    const int count = it == totals.end() ? 0 : it->second.first;
    const Money net = it == totals.end() ? Money::Zero(assessment.currency) : it->second.second;
    summary.push_back({{VerdictName(verdict, lang), VerdictTone(verdict)},
                       {std::to_string(count), std::nullopt},
                       {FormatAmountBare(net, lang), std::nullopt}});
  }
  out += RenderGrid(summary_columns, summary, color);
  return out + "\n" + Legend(lang);
}

std::string HistoryTable(const std::string& client, const std::string& name,
                         const std::vector<HistoryPoint>& points, Lang lang, bool color) {
  std::string out = Tr("title.history", lang) + ": " + name + " (" + client + ")\n\n";
  if (points.empty()) return out + Tr("label.no_history", lang) + "\n";
  std::vector<Column> columns = {{Tr("header.date", lang), Align::kLeft},
                                 {Tr("header.score", lang), Align::kRight},
                                 {Tr("header.verdict", lang), Align::kLeft}};
  AddSignColumns(columns, lang);
  columns.push_back({Tr("header.net_value", lang), Align::kRight});
  std::vector<std::vector<Cell>> rows;
  for (const HistoryPoint& point : points) {
    const Level tone = VerdictTone(point.verdict);
    std::vector<Cell> row = {{point.date.ToString(), std::nullopt},
                             {std::to_string(point.score), tone},
                             {VerdictName(point.verdict, lang), tone}};
    AddSignCells(row, point.levels);
    row.push_back({FormatAmount(point.net_value, lang), std::nullopt});
    rows.push_back(std::move(row));
  }
  return out + RenderGrid(columns, rows, color) + "\n" + Legend(lang);
}

}  // namespace addio

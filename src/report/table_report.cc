// Aligned terminal tables for `assess` and `history`. Columns are sized to their widest
// cell; colour (ANSI) is added after padding so that it never disturbs the alignment, and
// only when the caller asks for it.
#include <array>
#include <cstdint>
#include <cstring>
#include <map>
#include <optional>

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

// Grows `widths` (one per column) to fit `row`.
void Fit(std::vector<size_t>& widths, const std::vector<Cell>& row) {
  for (size_t c = 0; c < row.size(); ++c)
    widths[c] = std::max(widths[c], DisplayWidth(row[c].text));
}

// The widths that fit the headers of `columns`.
std::vector<size_t> HeaderWidths(const std::vector<Column>& columns) {
  std::vector<size_t> widths(columns.size());
  for (size_t c = 0; c < columns.size(); ++c) widths[c] = DisplayWidth(columns[c].header);
  return widths;
}

// One line of a grid: the cells padded to `widths`, two spaces apart, no trailing space.
std::string GridLine(const std::vector<Column>& columns, const std::vector<size_t>& widths,
                     const std::vector<Cell>& row, bool color) {
  std::string text;
  for (size_t c = 0; c < row.size(); ++c) {
    const std::string padded = columns[c].align == Align::kLeft ? PadRight(row[c].text, widths[c])
                                                                : PadLeft(row[c].text, widths[c]);
    text += (c ? "  " : "") + (row[c].tone ? Colorize(padded, *row[c].tone, color) : padded);
  }
  while (!text.empty() && text.back() == ' ') text.pop_back();
  return text + "\n";
}

std::vector<Cell> HeaderCells(const std::vector<Column>& columns) {
  std::vector<Cell> cells;
  for (const Column& column : columns) cells.push_back({column.header, std::nullopt});
  return cells;
}

std::string RenderGrid(const std::vector<Column>& columns,
                       const std::vector<std::vector<Cell>>& rows, bool color) {
  std::vector<size_t> widths = HeaderWidths(columns);
  for (const auto& row : rows) Fit(widths, row);
  std::string out = GridLine(columns, widths, HeaderCells(columns), false);
  for (const auto& row : rows) out += GridLine(columns, widths, row, color);
  return out;
}

// A row as bytes in a Spool and back: per cell its tone (a Level, or kNoTone) in one
// byte and its text after its length in 4 bytes, the whole row after its length.
constexpr char kNoTone = 127;

void PutLength(std::string& out, size_t n) {
  const auto v = static_cast<uint32_t>(n);
  out.append(reinterpret_cast<const char*>(&v), sizeof v);
}

size_t GetLength(std::string_view in, size_t& at) {
  uint32_t v = 0;
  std::memcpy(&v, in.data() + at, sizeof v);
  at += sizeof v;
  return v;
}

void SpoolRow(Spool& spool, const std::vector<Cell>& row) {
  std::string bytes;
  for (const Cell& cell : row) {
    bytes += cell.tone ? static_cast<char>(*cell.tone) : kNoTone;
    PutLength(bytes, cell.text.size());
    bytes += cell.text;
  }
  std::string framed;
  PutLength(framed, bytes.size());
  spool.Append(framed);
  spool.Append(bytes);
}

// The next row spooled, or nullopt after the last.
std::optional<std::vector<Cell>> UnspoolRow(Spool& spool) {
  std::string bytes;
  if (!spool.Read(sizeof(uint32_t), bytes)) return std::nullopt;
  size_t at = 0;
  const size_t size = GetLength(bytes, at);
  if (!spool.Read(size, bytes)) return std::nullopt;
  std::vector<Cell> row;
  for (at = 0; at < bytes.size();) {
    const char tone = bytes[at++];
    const size_t length = GetLength(bytes, at);
    row.push_back({bytes.substr(at, length),
                   tone == kNoTone ? std::nullopt : std::optional(static_cast<Level>(tone))});
    at += length;
  }
  return row;
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

// The table of `assess`: every column is as wide as its widest cell, so the rows wait in
// a Spool until the last client has given its width; the header lines go out at once.
class TableAssessmentWriter final : public AssessmentSink {
 public:
  TableAssessmentWriter(Lang lang, bool color, TextOut out)
      : lang_(lang), color_(color), out_(std::move(out)) {}

  void Begin(const Assessment& header) override {
    totals_ = VerdictTotals(header.currency);
    std::string text = Tr("title.assessment", lang_);
    if (!header.workspace_name.empty()) text += " · " + header.workspace_name;
    text += "\n" + ContextLine(header, lang_) + "\n\n";
    out_(text);
    columns_ = {{Tr("header.client", lang_), Align::kLeft},
                {Tr("header.name", lang_), Align::kLeft},
                {Tr("header.verdict", lang_), Align::kLeft},
                {Tr("header.score", lang_), Align::kRight}};
    AddSignColumns(columns_, lang_);
    columns_.push_back({Tr("header.revenue", lang_), Align::kRight});
    columns_.push_back({Tr("header.hidden_cost", lang_), Align::kRight});
    columns_.push_back({Tr("header.net_value", lang_), Align::kRight});
    widths_ = HeaderWidths(columns_);
  }

  std::string Prepare(const ClientAssessment& /*client*/) const override { return {}; }

  void Write(const ClientAssessment& client, std::string /*prepared*/) override {
    const Level tone = VerdictTone(client.verdict);
    std::vector<Cell> row = {{client.client, std::nullopt},
                             {Truncate(client.name, kMaxNameWidth), std::nullopt},
                             {VerdictName(client.verdict, lang_), tone},
                             {std::to_string(client.score), tone}};
    AddSignCells(row, LevelsOf(client.signs));
    row.push_back({FormatAmountBare(client.economics.revenue, lang_), std::nullopt});
    row.push_back({FormatAmountBare(client.economics.hidden_cost, lang_), std::nullopt});
    row.push_back({FormatAmountBare(client.economics.net_value, lang_), std::nullopt});
    Fit(widths_, row);
    SpoolRow(rows_, row);
    totals_.Add(client);
  }

  void End() override {
    if (rows_.empty()) {
      out_(Tr("label.no_clients", lang_) + "\n");
      return;
    }
    out_(GridLine(columns_, widths_, HeaderCells(columns_), false));
    while (std::optional<std::vector<Cell>> row = UnspoolRow(rows_)) {
      out_(GridLine(columns_, widths_, *row, color_));
    }

    // One summary line per verdict, worst last, as the freelancer reads down to the action.
    std::vector<Column> summary_columns = {{Tr("header.verdict", lang_), Align::kLeft},
                                           {Tr("header.clients", lang_), Align::kRight},
                                           {Tr("header.net_value", lang_), Align::kRight}};
    std::vector<std::vector<Cell>> summary;
    for (Verdict verdict : VerdictTotals::kOrder) {
      summary.push_back({{VerdictName(verdict, lang_), VerdictTone(verdict)},
                         {std::to_string(totals_.Count(verdict)), std::nullopt},
                         {FormatAmountBare(totals_.NetValue(verdict), lang_), std::nullopt}});
    }
    out_("\n" + RenderGrid(summary_columns, summary, color_) + "\n" + Legend(lang_));
  }

 private:
  Lang lang_;
  bool color_;
  TextOut out_;
  std::vector<Column> columns_;
  std::vector<size_t> widths_;
  Spool rows_;
  VerdictTotals totals_{Currency()};  // Begin sets the currency
};

}  // namespace

std::unique_ptr<AssessmentSink> TableAssessmentWriterTo(Lang lang, bool color, TextOut out) {
  return std::make_unique<TableAssessmentWriter>(lang, color, std::move(out));
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

// How letters read and look: dates, amounts and rates as a letter writes them, and the
// three formats (plain text, Markdown, HTML) of a composed Letter.
#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <set>

#include "report/letters/letter_internal.h"
#include "report/report_internal.h"

namespace addio {
namespace letters {
namespace {

std::string TwoDigits(int n) { return (n < 10 ? "0" : "") + std::to_string(n); }

// The catalogue's name of the month of `date` ("November" / "novembre").
std::string MonthName(CivilDate date, Lang lang) {
  return Tr("format.month." + std::to_string(date.month()), lang);
}

}  // namespace

std::string LongDate(CivilDate date, Lang lang) {
  // Italian writes the first of the month as an ordinal: "1° gennaio".
  const std::string day =
      date.day() == 1 ? Tr("letter.date.first_day", lang) : std::to_string(date.day());
  return Render("letter.date.long", lang, {day, MonthName(date, lang), date.year()});
}

std::string ShortDate(CivilDate date, Lang lang) {
  // A layout rather than words: Italian tables write dates in figures, English ones with
  // the catalogue's month name cut to three letters.
  if (lang == Lang::kIt) {
    return TwoDigits(date.day()) + "/" + TwoDigits(date.month()) + "/" +
           std::to_string(date.year());
  }
  return std::to_string(date.day()) + " " + MonthName(date, lang).substr(0, 3) + " " +
         std::to_string(date.year());
}

std::string MonthYear(CivilDate date, Lang lang) {
  return Render("letter.date.month_year", lang, {MonthName(date, lang), date.year()});
}

std::string DateAfter(std::string_view key, CivilDate date, Lang lang) {
  const std::string preposition = Tr(key, lang);
  if (lang == Lang::kIt) return ItDate(preposition, date);
  return preposition + " " + LongDate(date, lang);
}

std::string ItDate(const std::string& preposition, CivilDate date) {
  const bool elide = date.day() == 8 || date.day() == 11;
  std::string head = preposition;
  if (elide) {
    // "il" -> "l'", "entro il" -> "entro l'", "dal" -> "dall'", "al" -> "all'".
    if (head.ends_with("il")) {
      head = head.substr(0, head.size() - 2) + "l'";
    } else {
      head += "l'";
    }
    return head + LongDate(date, Lang::kIt);
  }
  return head + " " + LongDate(date, Lang::kIt);
}

std::string Amount(const Money& money, Lang lang) { return FormatAmount(money, lang); }

std::string RatePercent(int basis_points, Lang lang) {
  return FormatFixed(basis_points / 100.0, 2, lang) + "%";
}

std::string HoursText(double hours, Lang lang) {
  const double tenths = std::round(hours * 10.0);
  return FormatFixed(tenths / 10.0, std::fmod(tenths, 10.0) == 0 ? 0 : 1, lang);
}

std::string Count(int64_t n, const std::string& one, const std::string& many) {
  return std::to_string(n) + " " + (n == 1 ? one : many);
}

LetterBlock Paragraph(std::string text) {
  return {LetterBlock::Kind::kParagraph, std::move(text), {}, {}};
}
LetterBlock Heading(std::string text) {
  return {LetterBlock::Kind::kHeading, std::move(text), {}, {}};
}
LetterBlock List(std::vector<std::string> items) {
  return {LetterBlock::Kind::kList, "", std::move(items), {}};
}
LetterBlock Table(LetterTable table) {
  return {LetterBlock::Kind::kTable, "", {}, std::move(table)};
}

Result<Money> Sum(const std::vector<Money>& amounts, const Workspace& workspace) {
  if (amounts.empty()) return Money::Zero(workspace.currency);
  const Currency first = amounts.front().currency();
  const bool one_currency = std::all_of(amounts.begin(), amounts.end(),
                                        [&](const Money& m) { return m.currency() == first; });
  const Currency target = one_currency ? first : workspace.currency;
  Money total = Money::Zero(target);
  for (const Money& amount : amounts) {
    if (amount.currency() == target) {
      total += amount;
      continue;
    }
    auto converted = Convert(amount, target, workspace);
    if (!converted) return std::unexpected(converted.error());
    total += *converted;
  }
  return total;
}

namespace {

constexpr size_t kWidth = 78;

// Whether the line may not break after `word`: legal references ("art. 1454",
// "D.Lgs. 231/2002", "n. 2026-082"), day numbers ("30 November"), amounts before their
// currency code ("960.00 EUR").
bool GluedToNext(const std::string& word, const std::string& next) {
  static const std::set<std::string, std::less<>> kBefore = {"art.", "n.", "D.Lgs.", "Article",
                                                             "§"};
  if (kBefore.contains(word) || word.ends_with("art.")) return true;
  // "30", or "1°" as Italian writes the first of the month.
  const std::string number = word.ends_with("°") ? word.substr(0, word.size() - 2) : word;
  const bool day =
      !number.empty() && number.size() <= 2 &&
      std::all_of(number.begin(), number.end(), [](unsigned char c) { return std::isdigit(c); });
  const bool currency = next.size() >= 3 &&
                        std::all_of(next.begin(), next.begin() + 3,
                                    [](unsigned char c) { return std::isupper(c); }) &&
                        (next.size() == 3 || !std::isalpha(static_cast<unsigned char>(next[3])));
  return day || currency;
}

// `text` wrapped at kWidth columns after `first`; continuation lines start with `indent`.
std::string Wrap(const std::string& text, const std::string& first, const std::string& indent) {
  std::vector<std::string> words;
  for (size_t start = 0; start <= text.size();) {
    size_t end = text.find(' ', start);
    if (end == std::string::npos) end = text.size();
    if (end > start) words.push_back(text.substr(start, end - start));
    start = end + 1;
  }
  // Units that never break inside.
  std::vector<std::string> units;
  for (size_t i = 0; i < words.size(); ++i) {
    std::string unit = words[i];
    while (i + 1 < words.size() && GluedToNext(words[i], words[i + 1])) unit += " " + words[++i];
    units.push_back(std::move(unit));
  }
  std::string out;
  std::string line = first;
  size_t width = DisplayWidth(first);
  bool empty = true;  // no word on `line` yet
  for (const std::string& unit : units) {
    const size_t unit_width = DisplayWidth(unit);
    if (!empty && width + 1 + unit_width > kWidth) {
      out += line + "\n";
      line = indent;
      width = DisplayWidth(indent);
      empty = true;
    }
    if (!empty) {
      line += " ";
      ++width;
    }
    line += unit;
    width += unit_width;
    empty = false;
  }
  return out + line + "\n";
}

std::string TextTable(const LetterTable& table) {
  const size_t columns = table.header.size();
  std::vector<size_t> widths(columns, 0);
  auto measure = [&widths](const std::vector<std::string>& row) {
    for (size_t i = 0; i < row.size() && i < widths.size(); ++i) {
      widths[i] = std::max(widths[i], DisplayWidth(row[i]));
    }
  };
  measure(table.header);
  for (const auto& row : table.rows) measure(row);
  measure(table.total);
  auto line = [&](const std::vector<std::string>& row) {
    std::string out = " ";
    for (size_t i = 0; i < columns; ++i) {
      const std::string cell = i < row.size() ? row[i] : "";
      const bool numeric = i < table.numeric.size() && table.numeric[i];
      out += " " + (numeric ? PadLeft(cell, widths[i]) : PadRight(cell, widths[i])) + " ";
    }
    while (!out.empty() && out.back() == ' ') out.pop_back();
    return out + "\n";
  };
  auto rule = [&]() {
    std::string out = " ";
    for (size_t i = 0; i < columns; ++i) out += " " + std::string(widths[i], '-') + " ";
    while (!out.empty() && out.back() == ' ') out.pop_back();
    return out + "\n";
  };
  std::string out = line(table.header) + rule();
  for (const auto& row : table.rows) out += line(row);
  if (!table.total.empty()) out += rule() + line(table.total);
  return out;
}

std::string PlainText(const Letter& letter) {
  std::string out;
  for (const std::string& line : letter.sender) out += line + "\n";
  out += "\n";
  for (const std::string& line : letter.recipient) out += line + "\n";
  out += "\n" + letter.date_line + "\n\n";
  out += Wrap(Render("letter.subject", letter.lang, {letter.subject}), "", "");
  out += "\n" + letter.salutation + "\n";
  for (const LetterBlock& block : letter.body) {
    out += "\n";
    switch (block.kind) {
      case LetterBlock::Kind::kParagraph:
        out += Wrap(block.text, "", "");
        break;
      case LetterBlock::Kind::kHeading:
        out += Wrap(block.text, "", "");
        break;
      case LetterBlock::Kind::kList:
        for (const std::string& item : block.items) out += Wrap(item, "  - ", "    ");
        break;
      case LetterBlock::Kind::kTable:
        out += TextTable(block.table);
        break;
    }
  }
  out += "\n" + letter.closing + "\n\n" + letter.signature + "\n";
  return out;
}

std::string MarkdownTable(const LetterTable& table) {
  const auto md = [](std::string_view text) { return MarkdownEscape(text); };
  std::string out = "|";
  for (const std::string& cell : table.header) out += " " + md(cell) + " |";
  out += "\n|";
  for (size_t i = 0; i < table.header.size(); ++i) {
    out += i < table.numeric.size() && table.numeric[i] ? "--:|" : "---|";
  }
  out += "\n";
  for (const auto& row : table.rows) {
    out += "|";
    for (const std::string& cell : row) out += " " + md(cell) + " |";
    out += "\n";
  }
  if (!table.total.empty()) {
    out += "|";
    for (const std::string& cell : table.total) {
      out += cell.empty() ? std::string(" |") : " **" + md(cell) + "** |";
    }
    out += "\n";
  }
  return out;
}

std::string Markdown(const Letter& letter) {
  const auto md = [](std::string_view text) { return MarkdownEscape(text); };
  // Lines of one address block end with a backslash: a hard line break in CommonMark.
  auto block = [&md](const std::vector<std::string>& lines) {
    std::string out;
    for (size_t i = 0; i < lines.size(); ++i) {
      out += md(lines[i]) + (i + 1 < lines.size() ? "\\\n" : "\n");
    }
    return out;
  };
  std::string out = block(letter.sender) + "\n" + block(letter.recipient) + "\n" +
                    md(letter.date_line) + "\n\n**" +
                    Render("letter.subject", letter.lang, {md(letter.subject)}) + "**\n\n" +
                    md(letter.salutation) + "\n";
  for (const LetterBlock& b : letter.body) {
    out += "\n";
    switch (b.kind) {
      case LetterBlock::Kind::kParagraph:
        out += md(b.text) + "\n";
        break;
      case LetterBlock::Kind::kHeading:
        out += "**" + md(b.text) + "**\n";
        break;
      case LetterBlock::Kind::kList:
        for (const std::string& item : b.items) out += "- " + md(item) + "\n";
        break;
      case LetterBlock::Kind::kTable:
        out += MarkdownTable(b.table);
        break;
    }
  }
  return out + "\n" + md(letter.closing) + "\n\n" + md(letter.signature) + "\n";
}

constexpr char kLetterStyle[] = R"css(
body{font:15px/1.5 Georgia,"Times New Roman",serif;color:#1d232a;margin:2.5rem auto;
  max-width:44rem;padding:0 1.5rem}
.sender{margin-bottom:2rem}.recipient{margin:0 0 2rem 55%}.date{text-align:right}
.subject{font-weight:bold;margin:1.5rem 0}
table{border-collapse:collapse;margin:.75rem 0;font-size:.9rem}
th,td{padding:.25rem .6rem;border-bottom:1px solid #d8dce0;text-align:left}
td.num,th.num{text-align:right;font-variant-numeric:tabular-nums}
tr.total td{font-weight:bold;border-top:1px solid #1d232a}
.signature{margin-top:2rem}
@media print{body{margin:0 auto}}
)css";

std::string HtmlTable(const LetterTable& table) {
  const auto h = [](std::string_view text) { return HtmlEscape(text); };
  auto cls = [&table](size_t i) {
    return i < table.numeric.size() && table.numeric[i] ? std::string(" class=\"num\"") : "";
  };
  std::string out = "<table>\n<thead><tr>";
  for (size_t i = 0; i < table.header.size(); ++i) {
    out += "<th" + cls(i) + ">" + h(table.header[i]) + "</th>";
  }
  out += "</tr></thead>\n<tbody>\n";
  auto row = [&](const std::vector<std::string>& cells, const char* tr) {
    std::string r = std::string(tr);
    for (size_t i = 0; i < cells.size(); ++i) r += "<td" + cls(i) + ">" + h(cells[i]) + "</td>";
    return r + "</tr>\n";
  };
  for (const auto& cells : table.rows) out += row(cells, "<tr>");
  if (!table.total.empty()) out += row(table.total, "<tr class=\"total\">");
  return out + "</tbody>\n</table>\n";
}

std::string Html(const Letter& letter) {
  const auto h = [](std::string_view text) { return HtmlEscape(text); };
  auto lines = [&h](const std::vector<std::string>& items) {
    std::string out;
    for (size_t i = 0; i < items.size(); ++i) out += (i > 0 ? "<br>" : "") + h(items[i]);
    return out;
  };
  std::string out = std::string("<!DOCTYPE html>\n<html lang=\"") + LangKey(letter.lang) +
                    "\">\n<head>\n<meta charset=\"utf-8\">\n<title>" + h(letter.subject) +
                    "</title>\n<style>" + kLetterStyle + "</style>\n</head>\n<body>\n";
  out += "<p class=\"sender\">" + lines(letter.sender) + "</p>\n<p class=\"recipient\">" +
         lines(letter.recipient) + "</p>\n<p class=\"date\">" + h(letter.date_line) +
         "</p>\n<p class=\"subject\">" +
         Render("letter.subject", letter.lang, {h(letter.subject)}) + "</p>\n<p>" +
         h(letter.salutation) + "</p>\n";
  for (const LetterBlock& b : letter.body) {
    switch (b.kind) {
      case LetterBlock::Kind::kParagraph:
        out += "<p>" + h(b.text) + "</p>\n";
        break;
      case LetterBlock::Kind::kHeading:
        out += "<h3>" + h(b.text) + "</h3>\n";
        break;
      case LetterBlock::Kind::kList:
        out += "<ul>\n";
        for (const std::string& item : b.items) out += "<li>" + h(item) + "</li>\n";
        out += "</ul>\n";
        break;
      case LetterBlock::Kind::kTable:
        out += HtmlTable(b.table);
        break;
    }
  }
  out += "<p>" + h(letter.closing) + "</p>\n<p class=\"signature\">" + h(letter.signature) +
         "</p>\n</body>\n</html>\n";
  return out;
}

}  // namespace
}  // namespace letters

std::string FormatLetter(const Letter& letter, LetterFormat format) {
  switch (format) {
    case LetterFormat::kMarkdown:
      return letters::Markdown(letter);
    case LetterFormat::kHtml:
      return letters::Html(letter);
    case LetterFormat::kText:
      break;
  }
  return letters::PlainText(letter);
}

std::string_view LetterStyleSheet() { return letters::kLetterStyle; }

}  // namespace addio

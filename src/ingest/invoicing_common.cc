// CSV tables, amounts and statuses as invoicing tools write them (invoicing_common.h).
// Dates are read in invoicing_dates.cc; the builder that turns all of it into records is in
// invoicing_builder.cc.
#include "ingest/invoicing_common.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <sstream>

#include "core/ascii.h"
#include "ledger/csv.h"

namespace addio::invoicing {
namespace {

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }
bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool IsAlpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

std::string_view TrimView(std::string_view s) {
  while (!s.empty() && IsSpace(s.front())) s.remove_prefix(1);
  while (!s.empty() && IsSpace(s.back())) s.remove_suffix(1);
  return s;
}

// Counts ',', ';' and '\t' outside quotes on each of the first lines, and returns the most
// frequent on the first line that has any: a preamble line without separators (a title)
// does not decide.
char SniffSeparator(std::string_view text) {
  if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);
  constexpr std::array<char, 3> kCandidates = {',', ';', '\t'};
  bool quoted = false;
  std::array<int, 3> counts = {0, 0, 0};
  int lines = 0;
  for (char c : text) {
    if (c == '"') quoted = !quoted;
    if (quoted) continue;
    if (c == '\n') {
      if (counts[0] + counts[1] + counts[2] > 0 || ++lines >= 10) break;
      continue;
    }
    for (size_t i = 0; i < kCandidates.size(); ++i) counts[i] += c == kCandidates[i];
  }
  size_t best = 0;
  for (size_t i = 1; i < kCandidates.size(); ++i) {
    if (counts[i] > counts[best]) best = i;
  }
  return kCandidates[best];
}

// Symbols amounts carry, longest first so that "US$" is taken whole.
constexpr std::array<std::string_view, 9> kSymbols = {"US$", "R$", "$", "€", "£",
                                                      "¥",   "₪",  "₹", "₣"};

}  // namespace

std::optional<size_t> CsvTable::Find(std::initializer_list<std::string_view> names) const {
  const std::vector<std::string> keys = HeaderKeys(header);
  for (std::string_view name : names) {
    const std::string wanted = AsciiLower(name);
    for (size_t i = 0; i < keys.size(); ++i) {
      if (keys[i] == wanted) return i;
    }
  }
  return std::nullopt;
}

std::string CsvTable::Name(std::optional<size_t> column) const {
  return column && *column < header.size() ? header[*column] : "";
}

std::string Cell(const CsvRow& row, std::optional<size_t> column) {
  if (!column || *column >= row.cells.size()) return "";
  return std::string(TrimView(row.cells[*column]));
}

std::vector<std::string> HeaderKeys(const std::vector<std::string>& header) {
  std::vector<std::string> keys;
  keys.reserve(header.size());
  for (const std::string& name : header) {
    std::string_view trimmed = TrimView(name);
    if (trimmed.starts_with("\xEF\xBB\xBF")) trimmed.remove_prefix(3);
    keys.push_back(AsciiLower(TrimView(trimmed)));
  }
  return keys;
}

bool HasAll(const std::vector<std::string>& keys, std::initializer_list<std::string_view> names) {
  return std::all_of(names.begin(), names.end(), [&keys](std::string_view name) {
    return std::find(keys.begin(), keys.end(), name) != keys.end();
  });
}

std::optional<CsvTable> ParseCsvTable(std::string_view text, const std::string& file,
                                      const HeaderTest& is_header, Diagnostics& out,
                                      char separator) {
  CsvTable table;
  table.file = file;
  table.separator = separator != 0 ? separator : SniffSeparator(text);
  CsvReader reader(text, CsvOptions{table.separator, true});
  std::vector<std::string> fields;
  bool have_header = false;
  while (reader.Next(fields)) {
    if (!have_header) {
      if (!is_header || is_header(HeaderKeys(fields))) {
        for (const std::string& name : fields) table.header.emplace_back(TrimView(name));
        table.header_line = reader.line();
        have_header = true;
      } else {
        table.preamble.emplace_back(fields.empty() ? "" : TrimView(fields[0]));
      }
      continue;
    }
    if (std::all_of(fields.begin(), fields.end(),
                    [](const std::string& f) { return TrimView(f).empty(); })) {
      continue;
    }
    if (!reader.problem().empty()) {
      out.Add({Severity::kError, file, reader.line(), "", "", "", "", reader.problem()});
    }
    table.rows.push_back({reader.line(), fields});
  }
  if (!have_header) return std::nullopt;
  return table;
}

std::optional<CsvTable> LoadCsvTable(const std::string& path, const HeaderTest& is_header,
                                     Diagnostics& out, char separator, TextEncoding encoding) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    out.Add({Severity::kError, path, 0, "", "", "", "", Msg("ingest.cannot_open_file")});
    return std::nullopt;
  }
  std::ostringstream buffer;
  buffer << in.rdbuf();
  const std::optional<std::string> text =
      DecodeCsvText(std::move(buffer).str(), encoding, path, out);
  if (!text) return std::nullopt;
  std::optional<CsvTable> table = ParseCsvTable(*text, path, is_header, out, separator);
  if (!table) {
    out.Add({Severity::kError, path, 0, "", "", "", "", Msg("ingest.csv.no_header")});
  }
  return table;
}

std::vector<std::vector<std::string>> HeadRecords(std::string_view head, int max_records) {
  std::vector<std::vector<std::string>> records;
  CsvReader reader(head, CsvOptions{SniffSeparator(head), true});
  std::vector<std::string> fields;
  while (static_cast<int>(records.size()) < max_records && reader.Next(fields)) {
    records.push_back(HeaderKeys(fields));
  }
  return records;
}

std::string LowerFileName(const std::string& path) {
  return AsciiLower(std::filesystem::path(path).filename().string());
}

// ---------------------------------------------------------------------------------------
// Amounts

std::string_view CurrencySymbol(std::string_view text) {
  for (std::string_view symbol : kSymbols) {
    if (text.find(symbol) != std::string_view::npos) return symbol == "US$" ? "$" : symbol;
  }
  return "";
}

bool SymbolFits(std::string_view symbol, Currency currency) {
  const std::string_view code = currency.code();
  if (symbol.empty()) return true;
  if (symbol == "$") {
    return code.ends_with('D') || code == "MXN" || code == "ARS" || code == "CLP" || code == "COP";
  }
  if (symbol == "R$") return code == "BRL";
  if (symbol == "€") return code == "EUR";
  if (symbol == "£") return code == "GBP";
  if (symbol == "¥") return code == "JPY" || code == "CNY";
  if (symbol == "₪") return code == "ILS";
  if (symbol == "₹") return code == "INR";
  return true;
}

Result<Money> ParseAmount(std::string_view text, Currency currency, NumberFormat format) {
  // `why`: an ingest.amount.* message.
  const auto bad = [&text](const Message& why) {
    return Fail(ErrorCode::kInvalidArgument,
                Msg("ingest.not_an_amount", TrimView(text), Arg::Of(why)));
  };
  const auto one = [](char c) { return std::string(1, c); };
  // Non-breaking spaces (spreadsheets group thousands with them) read as spaces.
  std::string s(TrimView(text));
  for (std::string_view nbsp : {"\xC2\xA0", "\xE2\x80\xAF"}) {
    for (size_t at = s.find(nbsp); at != std::string::npos; at = s.find(nbsp)) {
      s.replace(at, nbsp.size(), " ");
    }
  }
  std::string_view v = TrimView(s);
  if (v.empty()) return bad(Msg("ingest.amount.empty"));
  bool negative = false;
  if (v.front() == '(' && v.back() == ')') {
    negative = true;
    v = TrimView(v.substr(1, v.size() - 2));
  }
  // Peel symbols, currency codes and signs off both ends.
  std::string code;
  const auto peel = [&](bool front) {
    while (!v.empty()) {
      const char c = front ? v.front() : v.back();
      if (c == ' ') {
        front ? v.remove_prefix(1) : v.remove_suffix(1);
        continue;
      }
      if (c == '-' || c == '+') {
        if (c == '-') negative = !negative;
        front ? v.remove_prefix(1) : v.remove_suffix(1);
        continue;
      }
      bool peeled = false;
      for (std::string_view symbol : kSymbols) {
        if (front ? v.starts_with(symbol) : v.ends_with(symbol)) {
          front ? v.remove_prefix(symbol.size()) : v.remove_suffix(symbol.size());
          peeled = true;
          break;
        }
      }
      if (peeled) continue;
      if (v.size() >= 3) {
        const std::string_view word = front ? v.substr(0, 3) : v.substr(v.size() - 3);
        const bool boundary = v.size() == 3 || !IsAlpha(front ? v[3] : v[v.size() - 4]);
        if (boundary && std::all_of(word.begin(), word.end(), IsAlpha)) {
          code = std::string(word);
          front ? v.remove_prefix(3) : v.remove_suffix(3);
          continue;
        }
      }
      break;
    }
  };
  peel(true);
  peel(false);
  if (!code.empty()) {
    Result<Currency> named = Currency::Find(code);
    if (!named) return bad(Msg("ingest.amount.not_a_currency", code));
    if (!(*named == currency)) {
      return bad(Msg("ingest.amount.wrong_currency", named->code(), currency.code()));
    }
  }
  if (v.empty()) return bad(Msg("ingest.amount.no_digits"));

  char decimal = format.decimal;
  char grouping = format.thousands;
  if (decimal == 0) {
    const size_t dots = static_cast<size_t>(std::count(v.begin(), v.end(), '.'));
    const size_t commas = static_cast<size_t>(std::count(v.begin(), v.end(), ','));
    if (dots > 0 && commas > 0) {
      decimal = v.find_last_of(".,") == v.rfind('.') ? '.' : ',';
      grouping = decimal == '.' ? ',' : '.';
    } else if (dots + commas > 1) {
      grouping = dots > 0 ? '.' : ',';
    } else if (dots + commas == 1) {
      const char sep = dots > 0 ? '.' : ',';
      const size_t at = v.find(sep);
      const std::string_view before = v.substr(0, at);
      const std::string_view after = v.substr(at + 1);
      // "1,020" groups thousands; "12,50" and "0,500" are decimals, and so is "1,020" in a
      // currency with three decimals.
      const bool thousands = after.size() == 3 && currency.exponent() < 3 && !before.empty() &&
                             before.size() <= 3 && before != "0" &&
                             std::all_of(after.begin(), after.end(), IsDigit);
      (thousands ? grouping : decimal) = sep;
    }
  }

  std::string_view integer = v;
  std::string_view fraction;
  bool has_fraction = false;
  if (decimal != 0) {
    const size_t at = v.find(decimal);
    if (at != std::string_view::npos) {
      if (v.find(decimal, at + 1) != std::string_view::npos) {
        return bad(Msg("ingest.amount.two_decimal_separators", one(decimal)));
      }
      integer = v.substr(0, at);
      fraction = v.substr(at + 1);
      has_fraction = true;
    }
  }
  if (!std::all_of(fraction.begin(), fraction.end(), IsDigit)) {
    return bad(Msg("ingest.amount.bad_fraction"));
  }
  if (has_fraction && fraction.empty()) return bad(Msg("ingest.amount.no_fraction_digits"));
  std::string digits;
  // Groups: the first of 1 to 3 digits, every other of exactly 3.
  size_t group_size = 0;
  bool grouped = false;
  char last_separator = 0;
  for (char c : integer) {
    if (IsDigit(c)) {
      digits += c;
      ++group_size;
      continue;
    }
    const bool separator = c == ' ' || c == '\'' || (grouping != 0 && c == grouping);
    if (!separator) {
      if (c == '.' || c == ',') {
        return bad(Msg("ingest.amount.unexpected_separator", one(c),
                       decimal != 0 ? Arg(one(decimal)) : Arg::Key("ingest.amount.no_separator")));
      }
      return bad(Msg("ingest.amount.unexpected_character", one(c)));
    }
    if (group_size == 0 || group_size > 3 || (grouped && group_size != 3)) {
      return bad(Msg("ingest.amount.groups_of_3", one(c)));
    }
    grouped = true;
    group_size = 0;
    last_separator = c;
  }
  if (grouped && group_size != 3) {
    return bad(Msg("ingest.amount.groups_of_3", one(last_separator)));
  }
  if (fraction.size() > static_cast<size_t>(currency.exponent())) {
    return bad(Msg("ingest.amount.too_many_decimals", fraction.size(), currency.code(),
                   currency.exponent()));
  }
  if (digits.empty() && fraction.empty()) return bad(Msg("ingest.amount.no_digits"));
  if (digits.empty()) digits = "0";
  std::string canonical = (negative ? "-" : "") + digits;
  if (has_fraction) canonical += "." + std::string(fraction);
  Result<Money> money = Money::Parse(canonical, currency);
  if (!money) return bad(money.error().message);
  return money;
}

// ---------------------------------------------------------------------------------------
// Statuses

namespace {

// "Partially_Paid " -> "partially paid".
std::string StatusWords(std::string_view status) {
  std::string out;
  for (char c : AsciiLower(TrimView(status))) {
    const char w = (c == '_' || c == '-' || c == '\t') ? ' ' : c;
    if (w == ' ' && (out.empty() || out.back() == ' ')) continue;
    out += w;
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

}  // namespace

StatusKind ClassifyStatus(std::string_view status) {
  const std::string s = StatusWords(status);
  if (s.empty()) return StatusKind::kIssued;
  static constexpr std::array<std::string_view, 4> kDraft = {"draft", "drafts", "bozza", "bozze"};
  static constexpr std::array<std::string_view, 16> kVoid = {
      "void",       "voided",    "cancelled", "canceled",  "cancelled invoice", "deleted",
      "reversed",   "refunded",  "annullata", "annullato", "stornata",          "stornato",
      "cancellata", "eliminata", "rejected",  "declined"};
  static constexpr std::array<std::string_view, 11> kWrittenOff = {
      "written off", "write off",     "writeoff",         "writtenoff",
      "bad debt",    "uncollectible", "uncollectable",    "stralciata",
      "inesigibile", "perdita",       "passata a perdita"};
  static constexpr std::array<std::string_view, 44> kIssued = {"sent",
                                                               "viewed",
                                                               "paid",
                                                               "fully paid",
                                                               "partial",
                                                               "partiallypaid",
                                                               "fullypaid",
                                                               "partially paid",
                                                               "partial payment",
                                                               "partly paid",
                                                               "overdue",
                                                               "past due",
                                                               "due",
                                                               "open",
                                                               "unpaid",
                                                               "outstanding",
                                                               "pending",
                                                               "approved",
                                                               "issued",
                                                               "disputed",
                                                               "auto paid",
                                                               "retry",
                                                               "failed",
                                                               "closed",
                                                               "awaiting payment",
                                                               "payment pending",
                                                               "sent to client",
                                                               "late",
                                                               "emessa",
                                                               "emesso",
                                                               "inviata",
                                                               "inviato",
                                                               "pagata",
                                                               "pagato",
                                                               "saldata",
                                                               "parziale",
                                                               "parzialmente pagata",
                                                               "scaduta",
                                                               "aperta",
                                                               "non pagata",
                                                               "da pagare",
                                                               "insoluta",
                                                               "contestata",
                                                               "in ritardo"};
  const auto in = [&s](auto& words) {
    return std::find(words.begin(), words.end(), s) != words.end();
  };
  if (in(kDraft)) return StatusKind::kDraft;
  if (in(kVoid)) return StatusKind::kVoid;
  if (in(kWrittenOff)) return StatusKind::kWrittenOff;
  if (in(kIssued)) return StatusKind::kIssued;
  return StatusKind::kUnknown;
}

bool IsDisputedStatus(std::string_view status) {
  const std::string s = StatusWords(status);
  return s == "disputed" || s == "contestata" || s == "contestato";
}

bool IsTruthy(std::string_view text) {
  const std::string s = AsciiLower(TrimView(text));
  return s == "yes" || s == "true" || s == "y" || s == "1" || s == "x" || s == "si" ||
         s == "s\xC3\xAC" || s == "vero";
}

}  // namespace addio::invoicing

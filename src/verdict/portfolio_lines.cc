#include "verdict/portfolio_lines.h"

#include <algorithm>
#include <charconv>
#include <cstdio>
#include <iterator>
#include <numeric>
#include <utility>

#include "core/ascii.h"
#include "core/build_id.h"
#include "ledger/snapshot.h"
#include "signals/sign.h"
#include "store/store.h"
#include "verdict/stored_assessment.h"
#include "verdict/stored_batches.h"

namespace addio {
namespace {

using verdict_internal::ForEachStoredBatch;

// With more lines than this to make, or more than half of them, one read of the whole
// store beats one read per client (as for the portfolio statistics).
constexpr size_t kMakeOneByOneUpTo = 2000;

// The signs in the order that breaks ties between equal levels for the line's reason.
constexpr std::string_view kReasonPriority[] = {"non_payment", "no_contract", "late_payment",
                                                "underpaying", "scope_creep", "time_drain"};

size_t LangIndex(Lang lang) { return lang == Lang::kIt ? 1 : 0; }

// The finding whose first reason says why: the heaviest red sign, else amber; null when
// every sign is green or unknown.
const Finding* WorstFinding(const ClientAssessment& client) {
  for (const Level level : {Level::kRed, Level::kAmber}) {
    for (const std::string_view key : kReasonPriority) {
      for (const Finding& finding : client.signs) {
        if (finding.level == level && !finding.reasons.empty() && SignKey(finding.sign) == key) {
          return &finding;
        }
      }
    }
  }
  return nullptr;
}

// --- The stored text: fields separated by tabs; a tab, newline or backslash inside a
// field is written "\t", "\n", "\\".

constexpr std::string_view kLayout = "line/2";

// Appends a tab, then `field`.
void Append(std::string& out, std::string_view field) {
  out += '\t';
  for (const char c : field) {
    switch (c) {
      case '\t':
        out += "\\t";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\\':
        out += "\\\\";
        break;
      default:
        out += c;
    }
  }
}

// `field` with its escapes undone.
std::string Unescaped(std::string_view field) {
  std::string out;
  out.reserve(field.size());
  for (size_t i = 0; i < field.size(); ++i) {
    const char c = field[i];
    if (c == '\\' && i + 1 < field.size()) {
      const char next = field[++i];
      out += next == 't' ? '\t' : next == 'n' ? '\n' : next;
    } else {
      out += c;
    }
  }
  return out;
}

std::string Number(double value) {
  char out[32];
  std::snprintf(out, sizeof(out), "%.17g", value);
  return out;
}

std::string OptionalMoney(const std::optional<Money>& money) {
  return money ? money->ToString() : std::string();
}

std::optional<Level> ParseLevel(std::string_view key) {
  for (const Level level : {Level::kGreen, Level::kAmber, Level::kRed, Level::kUnknown}) {
    if (key == LevelKey(level)) return level;
  }
  return std::nullopt;
}

std::optional<int64_t> ParseInt(std::string_view text) {
  int64_t value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc{} || end != text.data() + text.size()) return std::nullopt;
  return value;
}

// Reads the fields of a line in order, in place (a copy only for the text fields, and
// an escape undone only where there is one); any field that does not parse makes it fail.
class FieldReader {
 public:
  FieldReader(std::string_view text, Currency currency) : rest_(text), currency_(currency) {}

  bool ok() const { return ok_; }
  bool AtEnd() const { return done_; }

  // The next field as it is stored (escapes not undone).
  std::string_view Raw() {
    if (done_) {
      ok_ = false;
      return {};
    }
    const size_t tab = rest_.find('\t');
    const std::string_view field = rest_.substr(0, tab);
    if (tab == std::string_view::npos) {
      done_ = true;
      rest_ = {};
    } else {
      rest_.remove_prefix(tab + 1);
    }
    return field;
  }
  std::string Text() {
    const std::string_view field = Raw();
    return field.find('\\') == std::string_view::npos ? std::string(field) : Unescaped(field);
  }
  int64_t Int() {
    const auto value = ParseInt(Raw());
    ok_ = ok_ && value.has_value();
    return value.value_or(0);
  }
  double Real() {
    const std::string_view field = Raw();
    double value = 0;
    const auto [end, error] = std::from_chars(field.data(), field.data() + field.size(), value);
    ok_ = ok_ && !field.empty() && error == std::errc{} && end == field.data() + field.size();
    return value;
  }
  Money Amount() {
    auto money = Money::Parse(Raw(), currency_);
    ok_ = ok_ && money.has_value();
    return money ? *money : Money::Zero(currency_);
  }
  std::optional<Money> OptionalAmount() {
    if (!done_ && rest_.substr(0, rest_.find('\t')).empty()) {
      Raw();
      return std::nullopt;
    }
    return Amount();
  }

 private:
  std::string_view rest_;
  Currency currency_;
  bool done_ = false;
  bool ok_ = true;
};

// The economics' fields in their stored order.
void AppendEconomics(std::string& out, const Economics& e) {
  Append(out, e.revenue.ToString());
  Append(out, Number(e.hours));
  Append(out, OptionalMoney(e.effective_rate));
  for (const Money* money : {&e.overdue_amount, &e.late_cost, &e.underpay_gap, &e.unbilled_extras,
                             &e.written_off, &e.hidden_cost, &e.net_value, &e.statutory_interest}) {
    Append(out, money->ToString());
  }
}

Economics ReadEconomics(FieldReader& in) {
  Economics e;
  e.revenue = in.Amount();
  e.hours = in.Real();
  e.effective_rate = in.OptionalAmount();
  for (Money* money : {&e.overdue_amount, &e.late_cost, &e.underpay_gap, &e.unbilled_extras,
                       &e.written_off, &e.hidden_cost, &e.net_value, &e.statutory_interest}) {
    *money = in.Amount();
  }
  return e;
}

// --- Ordering and filtering.

int VerdictRank(Verdict verdict) {
  switch (verdict) {
    case Verdict::kPartWays:
      return 0;
    case Verdict::kRenegotiate:
      return 1;
    case Verdict::kWatch:
      return 2;
    case Verdict::kInsufficientData:
      return 3;
    case Verdict::kKeep:
      return 4;
  }
  return 5;
}

int Trouble(const PortfolioLine& line) {
  int sum = 0;
  for (const Level level : line.levels) sum += level == Level::kRed ? 3 : level == Level::kAmber;
  return sum;
}

constexpr std::pair<std::string_view, LineColumn> kColumns[] = {
    {"name", LineColumn::kName},          {"verdict", LineColumn::kVerdict},
    {"score", LineColumn::kScore},        {"signs", LineColumn::kSigns},
    {"revenue", LineColumn::kRevenue},    {"hidden_cost", LineColumn::kHiddenCost},
    {"net_value", LineColumn::kNetValue},
};

// <0, 0, >0 as `a` comes before, with, after `b` by `column` alone.
int Compare(const PortfolioLine& a, const PortfolioLine& b, LineColumn column,
            const std::vector<std::string>& folded_names, size_t ia, size_t ib) {
  const auto three_way = [](const auto& x, const auto& y) { return x < y ? -1 : y < x ? 1 : 0; };
  switch (column) {
    case LineColumn::kName:
      return folded_names[ia].compare(folded_names[ib]);
    case LineColumn::kVerdict:
      if (const int c = three_way(VerdictRank(a.verdict), VerdictRank(b.verdict))) return c;
      return three_way(a.score, b.score);
    case LineColumn::kScore:
      return three_way(a.score, b.score);
    case LineColumn::kSigns:
      return three_way(Trouble(a), Trouble(b));
    case LineColumn::kRevenue:
      return three_way(a.economics.revenue, b.economics.revenue);
    case LineColumn::kHiddenCost:
      return three_way(a.economics.hidden_cost, b.economics.hidden_cost);
    case LineColumn::kNetValue:
      return three_way(a.economics.net_value, b.economics.net_value);
  }
  return 0;
}

// What SelectPage compares each line with, worked out once.
struct PreparedFilter {
  std::optional<Verdict> verdict;
  std::optional<size_t> sign;  // the index of the sign in registry order
  bool unknown_sign = false;   // a sign no line has: nothing is kept
  std::string folded_text;
};

PreparedFilter Prepare(const LineFilter& filter) {
  PreparedFilter out{.verdict = filter.verdict, .folded_text = AsciiLower(filter.text)};
  if (!filter.sign.empty()) {
    const std::vector<const SignDefinition*>& signs = AllSigns();
    for (size_t i = 0; i < signs.size(); ++i) {
      if (SignKey(signs[i]) == filter.sign) out.sign = i;
    }
    out.unknown_sign = !out.sign;
  }
  return out;
}

bool Keeps(const PreparedFilter& filter, const PortfolioLine& line) {
  if (filter.unknown_sign) return false;
  if (filter.verdict && line.verdict != *filter.verdict) return false;
  if (filter.sign) {
    const Level level =
        *filter.sign < line.levels.size() ? line.levels[*filter.sign] : Level::kUnknown;
    if (level != Level::kRed && level != Level::kAmber) return false;
  }
  const std::string& folded_text = filter.folded_text;
  if (folded_text.empty()) return true;
  return AsciiLower(line.name).find(folded_text) != std::string::npos ||
         AsciiLower(line.client).find(folded_text) != std::string::npos;
}

// --- Making the lines.

// The line of one client's records.
PortfolioLine MakeLine(const ClientLedger& records, const RateRanking& ranking,
                       const Context& context) {
  const ClientSnapshot snapshot(records, *context.workspace, context.as_of);
  const ClientAssessment assessed = AssessClient(snapshot, ranking, context);
  return LineOf(assessed, ranking.Reference(records.client.id, context), context.held);
}

// Makes the lines of `wanted` (sorted client ids, of `clients` stored) into `made` (by
// client id).
Status MakeLines(Store& store, const RateRanking& ranking, const Context& context,
                 const std::vector<std::string>& wanted, size_t clients,
                 std::vector<PortfolioLine>& made) {
  if (wanted.size() <= kMakeOneByOneUpTo && wanted.size() * 2 <= clients) {
    for (const std::string& id : wanted) {
      auto records = store.LoadClient(id);
      if (!records) return std::unexpected(records.error());
      if (*records) made.push_back(MakeLine(**records, ranking, context));
    }
    return {};
  }
  const auto is_wanted = [&wanted](const std::string& id) {
    return std::binary_search(wanted.begin(), wanted.end(), id);
  };
  return ForEachStoredBatch<std::optional<PortfolioLine>>(
      store,
      [&](ClientLedger& records) -> std::optional<PortfolioLine> {
        if (!is_wanted(records.client.id)) return std::nullopt;
        return MakeLine(records, ranking, context);
      },
      [&made](std::optional<PortfolioLine>&& line) {
        if (line) made.push_back(std::move(*line));
      });
}

}  // namespace

const std::string& PortfolioLine::ReasonIn(Lang lang) const { return reason[LangIndex(lang)]; }
const std::string& PortfolioLine::ActionIn(Lang lang) const { return action[LangIndex(lang)]; }

PortfolioLine LineOf(const ClientAssessment& client, const RateReference& reference,
                     const RecordTypes& held) {
  PortfolioLine line{.client = client.client,
                     .name = client.name,
                     .verdict = client.verdict,
                     .score = client.score,
                     .archetype = client.archetype,
                     .economics = client.economics,
                     .reference = reference,
                     .held = held};
  for (const Finding& finding : client.signs) line.levels.push_back(finding.level);
  if (const Finding* worst = WorstFinding(client)) {
    line.reason_sign = SignKey(worst->sign);
    for (const Lang lang : kAllLangs) {
      line.reason[LangIndex(lang)] = worst->reasons.front().In(lang);
    }
  }
  if (!client.actions.empty()) {
    line.action_code = client.actions.front().code;
    for (const Lang lang : kAllLangs) {
      line.action[LangIndex(lang)] = client.actions.front().text.In(lang);
    }
  }
  return line;
}

std::string EncodeLine(const PortfolioLine& line) {
  std::string out(kLayout);
  Append(out, BuildId());
  Append(out, line.name);
  Append(out, VerdictKey(line.verdict));
  Append(out, std::to_string(line.score));
  Append(out, ArchetypeKey(line.archetype));
  std::string levels;
  for (const Level level : line.levels) {
    if (!levels.empty()) levels += ',';
    levels += LevelKey(level);
  }
  Append(out, levels);
  AppendEconomics(out, line.economics);
  Append(out, line.reason_sign);
  for (const std::string& sentence : line.reason) Append(out, sentence);
  Append(out, line.action_code);
  for (const std::string& sentence : line.action) Append(out, sentence);
  Append(out, OptionalMoney(line.reference.rate));
  Append(out, std::to_string(line.reference.clients));
  Append(out, std::to_string(line.held.Bits()));
  return out;
}

std::optional<PortfolioLine> DecodeLine(std::string_view client, std::string_view text,
                                        Currency currency) {
  FieldReader in(text, currency);
  if (in.Raw() != kLayout || in.Raw() != BuildId()) return std::nullopt;
  PortfolioLine line;
  line.client = client;
  line.name = in.Text();
  const auto verdict = ParseVerdict(in.Raw());
  line.score = static_cast<int>(in.Int());
  const auto archetype = ParseArchetype(in.Raw());
  if (!verdict || !archetype) return std::nullopt;
  line.verdict = *verdict;
  line.archetype = *archetype;
  const std::string_view levels = in.Raw();
  for (size_t start = 0; start <= levels.size();) {
    const size_t comma = std::min(levels.find(',', start), levels.size());
    const auto level = ParseLevel(levels.substr(start, comma - start));
    if (!level) return std::nullopt;
    line.levels.push_back(*level);
    start = comma + 1;
  }
  if (line.levels.size() != AllSigns().size()) return std::nullopt;
  line.economics = ReadEconomics(in);
  line.reason_sign = in.Raw();
  for (std::string& sentence : line.reason) sentence = in.Text();
  line.action_code = in.Raw();
  for (std::string& sentence : line.action) sentence = in.Text();
  line.reference.rate = in.OptionalAmount();
  line.reference.clients = in.Int();
  line.held = RecordTypes::FromBits(static_cast<uint32_t>(in.Int()));
  if (!in.ok() || !in.AtEnd()) return std::nullopt;
  return line;
}

Result<std::vector<PortfolioLine>> StoredLines(Store& store, const Workspace& workspace,
                                               CivilDate as_of) {
  const Result<RecordTypes> held = store.HeldRecordTypes();
  if (!held) return std::unexpected(held.error());
  Result<Context> context = ResolveContext(workspace, as_of, *held);
  if (!context) return std::unexpected(context.error());
  // The kept lines first: a write noted after they were read keeps the lines made below
  // from being saved, since they may have read records older than it.
  auto kept = store.LoadLines(as_of);
  if (!kept) return std::unexpected(kept.error());
  auto ranking = StoredPortfolio(store, *context);
  if (!ranking) return std::unexpected(ranking.error());

  std::vector<PortfolioLine> lines;
  std::vector<std::string> missing;
  lines.reserve(kept->clients.size());
  for (size_t i = 0; i < kept->clients.size(); ++i) {
    const std::string& id = kept->clients[i];
    auto line = DecodeLine(id, kept->lines[i], workspace.currency);
    if (line && line->reference == (*ranking)->Reference(id, *context) &&
        line->held == context->held) {
      lines.push_back(std::move(*line));
    } else {
      missing.push_back(id);
    }
  }
  if (missing.empty()) return lines;

  std::vector<PortfolioLine> made;
  if (Status status = MakeLines(store, **ranking, *context, missing, kept->clients.size(), made);
      !status) {
    return std::unexpected(status.error());
  }
  std::vector<std::pair<std::string, std::string>> encoded;
  encoded.reserve(made.size());
  for (const PortfolioLine& line : made) encoded.emplace_back(line.client, EncodeLine(line));
  if (auto saved = store.SaveLines(as_of, encoded, kept->seen); !saved) {
    return std::unexpected(saved.error());
  }
  std::vector<PortfolioLine> merged;
  merged.reserve(lines.size() + made.size());
  std::ranges::merge(
      std::make_move_iterator(lines.begin()), std::make_move_iterator(lines.end()),
      std::make_move_iterator(made.begin()), std::make_move_iterator(made.end()),
      std::back_inserter(merged),
      [](const PortfolioLine& a, const PortfolioLine& b) { return a.client < b.client; });
  return merged;
}

std::optional<LineOrder> ParseLineOrder(std::string_view text) {
  LineOrder order;
  if (text.starts_with('-')) {
    order.descending = true;
    text.remove_prefix(1);
  }
  for (const auto& [key, column] : kColumns) {
    if (text == key) {
      order.column = column;
      return order;
    }
  }
  return std::nullopt;
}

std::string LineOrderKey(const LineOrder& order) {
  for (const auto& [key, column] : kColumns) {
    if (column == order.column) return (order.descending ? "-" : "") + std::string(key);
  }
  return "verdict";
}

std::vector<uint32_t> OrderLines(const std::vector<PortfolioLine>& lines, const LineOrder& order) {
  std::vector<std::string> folded;
  if (order.column == LineColumn::kName) {
    folded.reserve(lines.size());
    for (const PortfolioLine& line : lines) folded.push_back(AsciiLower(line.name));
  }
  std::vector<uint32_t> indexes(lines.size());
  std::iota(indexes.begin(), indexes.end(), 0u);
  std::ranges::sort(indexes, [&](uint32_t a, uint32_t b) {
    int c = Compare(lines[a], lines[b], order.column, folded, a, b);
    if (order.descending) c = -c;
    if (c != 0) return c < 0;
    return lines[a].client < lines[b].client;
  });
  return indexes;
}

LinePage SelectPage(const std::vector<PortfolioLine>& lines, const std::vector<uint32_t>& order,
                    const LineFilter& filter, size_t page, size_t per_page) {
  LinePage out;
  const PreparedFilter prepared = Prepare(filter);
  const size_t first = page > 0 ? (page - 1) * per_page : 0;
  for (const uint32_t index : order) {
    const PortfolioLine& line = lines[index];
    if (!Keeps(prepared, line)) continue;
    if (out.matched >= first && out.lines.size() < per_page) out.lines.push_back(&line);
    ++out.matched;
  }
  return out;
}

LineTotals TotalLines(const std::vector<PortfolioLine>& lines, Currency currency) {
  LineTotals totals{.revenue = Money::Zero(currency),
                    .hidden_cost = Money::Zero(currency),
                    .net_value = Money::Zero(currency),
                    .overdue_amount = Money::Zero(currency)};
  for (const PortfolioLine& line : lines) {
    ++totals.verdicts[static_cast<size_t>(line.verdict)];
    totals.revenue += line.economics.revenue;
    totals.hidden_cost += line.economics.hidden_cost;
    totals.net_value += line.economics.net_value;
    totals.overdue_amount += line.economics.overdue_amount;
  }
  return totals;
}

}  // namespace addio

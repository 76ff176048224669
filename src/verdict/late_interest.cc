#include "verdict/late_interest.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <utility>

namespace addio {
namespace {

constexpr int64_t kBasisPointsPerUnit = 10000;
constexpr int64_t kDaysPerYear = 365;  // actual/365, leap years included

CivilDate Ymd(int year, int month, int day) { return *CivilDate::FromYmd(year, month, day); }

// Half-years from 2019-H1 on, each with its rate in basis points.
ReferenceRateTable HalfYearTable(const std::vector<int>& rates_bp) {
  std::vector<RatePeriod> periods;
  for (size_t i = 0; i < rates_bp.size(); ++i) {
    const int year = 2019 + static_cast<int>(i / 2);
    const int month = i % 2 == 0 ? 1 : 7;
    periods.push_back({Ymd(year, month, 1), rates_bp[i]});
  }
  return *ReferenceRateTable::FromPeriods(std::move(periods));
}

int ToBasisPoints(double fraction) {
  return static_cast<int>(std::llround(fraction * static_cast<double>(kBasisPointsPerUnit)));
}

bool WorkspaceGives(const Workspace& workspace, const char* name) {
  return workspace.settings.contains(name);
}

Result<Money> InCurrency(const Money& amount, Currency currency, const Workspace& workspace) {
  if (amount.currency() == currency) return amount;
  return Convert(amount, currency, workspace);
}

}  // namespace

const char* JurisdictionKey(Jurisdiction jurisdiction) {
  switch (jurisdiction) {
    case Jurisdiction::kItalyEu:
      return "it_eu";
    case Jurisdiction::kGermanyB2b:
      return "de_b2b";
  }
  return "it_eu";
}

std::optional<Jurisdiction> ParseJurisdiction(std::string_view key) {
  if (key == "it_eu" || key == "it" || key == "eu") return Jurisdiction::kItalyEu;
  if (key == "de_b2b" || key == "de") return Jurisdiction::kGermanyB2b;
  return std::nullopt;
}

ReferenceRateTable ReferenceRateTable::Flat(int rate_bp) {
  return ReferenceRateTable({RatePeriod{CivilDate(), rate_bp}});
}

Result<ReferenceRateTable> ReferenceRateTable::FromPeriods(std::vector<RatePeriod> periods) {
  if (periods.empty()) return Fail(ErrorCode::kInvalidArgument, Msg("verdict.rate_table_empty"));
  for (size_t i = 1; i < periods.size(); ++i) {
    if (!(periods[i - 1].from < periods[i].from)) {
      return Fail(ErrorCode::kInvalidArgument,
                  Msg("verdict.rate_periods_order", periods[i - 1].from.ToString(),
                      periods[i].from.ToString()));
    }
  }
  return ReferenceRateTable(std::move(periods));
}

ReferenceRateTable ReferenceRateTable::WithLatestRate(int rate_bp) const {
  std::vector<RatePeriod> periods = periods_;
  periods.back().rate_bp = rate_bp;
  return ReferenceRateTable(std::move(periods));
}

int ReferenceRateTable::RateOn(CivilDate date) const {
  // The last period starting on or before `date`; the first one for earlier dates.
  auto it = std::upper_bound(periods_.begin(), periods_.end(), date,
                             [](CivilDate d, const RatePeriod& p) { return d < p.from; });
  return it == periods_.begin() ? it->rate_bp : std::prev(it)->rate_bp;
}

std::optional<CivilDate> ReferenceRateTable::NextChangeAfter(CivilDate date) const {
  auto it = std::upper_bound(periods_.begin(), periods_.end(), date,
                             [](CivilDate d, const RatePeriod& p) { return d < p.from; });
  if (it == periods_.end()) return std::nullopt;
  return it->from;
}

const ReferenceRateTable& ItalyReferenceRates() {
  // ECB main refinancing rate on 1 January / 1 July. It was 0.00% from March 2016 until
  // 27 July 2022 (so still 0.00% on 1 July 2022), 2.50% from 21 December 2022, 4.00% from
  // 21 June 2023, 4.50% from 20 September 2023, 4.25% from 12 June 2024, 3.15% from
  // 18 December 2024 and 2.15% from 11 June 2025.
  static const ReferenceRateTable table = HalfYearTable({
      0, 0,      // 2019
      0, 0,      // 2020
      0, 0,      // 2021
      0, 0,      // 2022
      250, 400,  // 2023
      450, 425,  // 2024
      315, 215,  // 2025
      215,       // 2026-H1
  });
  return table;
}

const ReferenceRateTable& GermanyBaseRates() {
  // Basiszinssatz: −0.88% from 1 July 2016 to 31 December 2022, then 1.62%, 3.12%, 3.62%,
  // 3.37%, 2.27%, 1.27%, and 1.27% again for 2026-H1 (the ECB rate it follows was
  // unchanged in the second half of 2025).
  static const ReferenceRateTable table = HalfYearTable({
      -88, -88,  // 2019
      -88, -88,  // 2020
      -88, -88,  // 2021
      -88, -88,  // 2022
      162, 312,  // 2023
      362, 337,  // 2024
      227, 127,  // 2025
      127,       // 2026-H1
  });
  return table;
}

LateInterestRules StatutoryRules(Jurisdiction jurisdiction) {
  const Money forty_euro(4000, Currency());
  switch (jurisdiction) {
    case Jurisdiction::kItalyEu:
      return {jurisdiction, ItalyReferenceRates(), 800, forty_euro};
    case Jurisdiction::kGermanyB2b:
      return {jurisdiction, GermanyBaseRates(), 900, forty_euro};
  }
  return {jurisdiction, ItalyReferenceRates(), 800, forty_euro};
}

Result<LateInterestRules> RulesForWorkspace(Jurisdiction jurisdiction, const Settings& settings,
                                            const Workspace& workspace,
                                            RateOverride override_mode) {
  LateInterestRules rules = StatutoryRules(jurisdiction);
  if (WorkspaceGives(workspace, "late_interest.reference_rate")) {
    const int rate_bp = ToBasisPoints(settings.late_interest_reference_rate);
    rules.reference = override_mode == RateOverride::kFlat
                          ? ReferenceRateTable::Flat(rate_bp)
                          : rules.reference.WithLatestRate(rate_bp);
  }
  if (WorkspaceGives(workspace, "late_interest.margin")) {
    rules.margin_bp = ToBasisPoints(settings.late_interest_margin);
  }
  if (WorkspaceGives(workspace, "late_interest.fixed")) {
    auto fixed = Money::Parse(settings.late_interest_fixed, workspace.currency);
    if (!fixed) {
      return Fail(ErrorCode::kInvalidArgument,
                  Msg("verdict.setting", "late_interest.fixed", Arg::Of(fixed.error().message)));
    }
    rules.fixed_per_invoice = *fixed;
  } else {
    auto fixed = InCurrency(rules.fixed_per_invoice, workspace.currency, workspace);
    if (!fixed) return std::unexpected(fixed.error());
    rules.fixed_per_invoice = *fixed;
  }
  return rules;
}

Result<InvoiceLateInterest> ComputeLateInterest(const Invoice& invoice,
                                                const InvoiceSettlement& settlement,
                                                const LateInterestRules& rules,
                                                const Workspace& workspace, CivilDate as_of) {
  const Currency currency = invoice.amount.currency();
  InvoiceLateInterest out;
  out.invoice = invoice.id;
  out.due = invoice.due;
  out.settled = settlement.settled.has_value() && *settlement.settled <= as_of;
  out.until = out.settled ? *settlement.settled : as_of;
  out.interest = out.fixed = out.total = Money::Zero(currency);

  std::vector<AllocationPart> parts;
  for (const AllocationPart& part : settlement.parts) {
    if (part.date <= as_of) parts.push_back(part);
  }
  std::stable_sort(
      parts.begin(), parts.end(),
      [](const AllocationPart& a, const AllocationPart& b) { return a.date < b.date; });

  // `open` is what is owed at the start of `day`: every part dated before it is deducted.
  // Interest runs on the net amount: what credit notes took off was never owed.
  Money open = settlement.net;
  size_t next_part = 0;
  auto deduct_through = [&](CivilDate last) {
    while (next_part < parts.size() && parts[next_part].date <= last) {
      open -= parts[next_part++].amount;
    }
  };
  deduct_through(invoice.due);

  for (CivilDate day = invoice.due.AddDays(1); day <= out.until && open.is_positive();) {
    // A line ends the day before the rate changes, or on the day of a payment (which
    // lowers the base from the next day), or on the last day counted.
    CivilDate end = out.until;
    if (next_part < parts.size()) end = std::min(end, parts[next_part].date);
    if (auto change = rules.reference.NextChangeAfter(day))
      end = std::min(end, change->AddDays(-1));

    InterestLine line;
    line.from = day;
    line.to = end;
    line.days = DaysBetween(day, end) + 1;
    line.base = open;
    line.reference_rate_bp = rules.reference.RateOn(day);
    // A negative reference rate lowers the margin, but interest is never negative.
    line.annual_rate_bp = std::max(0, line.reference_rate_bp + rules.margin_bp);
    line.interest = open.MulDiv(static_cast<int64_t>(line.annual_rate_bp) * line.days,
                                kBasisPointsPerUnit * kDaysPerYear);
    out.interest += line.interest;
    out.lines.push_back(std::move(line));

    deduct_through(end);
    day = end.AddDays(1);
  }

  if (!out.lines.empty()) {
    auto fixed = InCurrency(rules.fixed_per_invoice, currency, workspace);
    if (!fixed) return std::unexpected(fixed.error());
    out.fixed = *fixed;
  }
  out.total = out.interest + out.fixed;
  return out;
}

Result<ClientLateInterest> ComputeClientLateInterest(const ClientSnapshot& snapshot,
                                                     const LateInterestRules& rules) {
  const ClientLedger& client = snapshot.records();
  const Workspace& workspace = snapshot.workspace();
  const CivilDate as_of = snapshot.as_of();
  const Currency currency = workspace.currency;
  ClientLateInterest out;
  out.client = client.client.id;
  out.name = client.client.name;
  out.as_of = as_of;
  out.interest = out.fixed = out.total = Money::Zero(currency);

  for (size_t i = 0; i < client.invoices.size(); ++i) {
    if (!snapshot.Exists(i) || client.invoices[i].status != InvoiceStatus::kIssued ||
        snapshot.IsVoid(i)) {
      continue;
    }
    auto claim =
        ComputeLateInterest(client.invoices[i], snapshot.settlement(i), rules, workspace, as_of);
    if (!claim) return std::unexpected(claim.error());
    if (claim->lines.empty()) continue;
    auto interest = InCurrency(claim->interest, currency, workspace);
    if (!interest) return std::unexpected(interest.error());
    auto fixed = InCurrency(claim->fixed, currency, workspace);
    if (!fixed) return std::unexpected(fixed.error());
    out.interest += *interest;
    out.fixed += *fixed;
    out.invoices.push_back(std::move(*claim));
  }
  out.total = out.interest + out.fixed;
  return out;
}

}  // namespace addio

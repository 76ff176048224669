// Statutory late-payment interest (DESIGN.md sections 5 and 5b): what a freelancer may
// claim from a client who paid an invoice after its due date, by the law of the
// jurisdiction, with the calculation shown line by line so it can go into a reminder or a
// formal notice as it is.
//
// The rate is a reference rate plus a margin. The reference rate is a DATED table: it
// changes every half-year (Italy: the ECB main refinancing rate in force on 1 January and
// 1 July; Germany: the Bundesbank base rate of § 247 BGB, also set on 1 January and
// 1 July). Interest on an invoice runs day by day from the day after the due date to the
// settlement date (or `as_of` while unpaid) on the amount still open, split into periods
// of constant base and constant rate; simple interest, actual/365. Every amount is exact:
// one Money::MulDiv per line on integer basis points, rounded once, half away from zero.
//
// Data flow: ledger/allocation.h says when money reached each invoice; this file turns
// that into interest lines; verdict/ (economics) and report/ read the result.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/money.h"
#include "core/result.h"
#include "core/time.h"
#include "ledger/allocation.h"
#include "ledger/client_ledger.h"
#include "ledger/records.h"
#include "ledger/snapshot.h"
#include "signals/settings.h"

namespace addio {

enum class Jurisdiction {
  // EU default (Directive 2011/7/EU) as Italy applies it (D.Lgs. 231/2002, art. 5 and 6):
  // reference rate + 8 points, 40 EUR per invoice.
  kItalyEu,
  // Germany, between businesses (§ 288 (2) and (5) BGB): base rate + 9 points, 40 EUR.
  kGermanyB2b,
};
// "it_eu", "de_b2b".
const char* JurisdictionKey(Jurisdiction jurisdiction);
// The inverse of JurisdictionKey, also accepting "it", "eu" and "de"; nullopt otherwise.
std::optional<Jurisdiction> ParseJurisdiction(std::string_view key);

// One period of a dated rate table: `rate_bp` (basis points, 1/100 of a percentage
// point, so 2.15% is 215; may be negative) applies from `from` (inclusive) until the day
// before the next period's `from`.
struct RatePeriod {
  CivilDate from;
  int rate_bp = 0;
  friend bool operator==(const RatePeriod&, const RatePeriod&) = default;
};

// A reference rate as it changed over time.
class ReferenceRateTable {
 public:
  // One rate for every date.
  static ReferenceRateTable Flat(int rate_bp);
  // Error kInvalidArgument when `periods` is empty or its dates are not strictly
  // increasing.
  static Result<ReferenceRateTable> FromPeriods(std::vector<RatePeriod> periods);

  // The same table with the rate of its LAST period replaced by `rate_bp`, so that the
  // new rate applies from that period's start to any later date. This is how a workspace
  // setting corrects or extends the built-in table once a new half-year has begun.
  ReferenceRateTable WithLatestRate(int rate_bp) const;

  // The rate in force on `date`. Dates before the first period take the first period's
  // rate (the tables start in 2019, when the rates had been unchanged for years).
  int RateOn(CivilDate date) const;
  // The first period start strictly after `date`, or nullopt when none follows.
  std::optional<CivilDate> NextChangeAfter(CivilDate date) const;

  const std::vector<RatePeriod>& periods() const { return periods_; }

 private:
  explicit ReferenceRateTable(std::vector<RatePeriod> periods) : periods_(std::move(periods)) {}
  std::vector<RatePeriod> periods_;  // non-empty, strictly increasing `from`
};

// The built-in Italian reference rates: for each half-year from 2019-H1 to 2026-H1, the
// ECB main refinancing rate in force on its first day (1 January / 1 July), as the
// Ministry of Economy publishes it. Compiled from the ECB's decisions as known when this
// was written; a later half-year, or a correction, comes from the workspace setting
// late_interest.reference_rate, which overrides the latest period (RulesForWorkspace).
const ReferenceRateTable& ItalyReferenceRates();

// The built-in German base rates (Basiszinssatz, § 247 BGB) from 2019-H1 to 2026-H1, as
// the Deutsche Bundesbank publishes them; negative until the end of 2022. Same caveat
// and same override as ItalyReferenceRates().
const ReferenceRateTable& GermanyBaseRates();

struct LateInterestRules {
  Jurisdiction jurisdiction = Jurisdiction::kItalyEu;
  ReferenceRateTable reference = ReferenceRateTable::Flat(0);
  int margin_bp = 800;      // added to the reference rate on every day
  Money fixed_per_invoice;  // the flat compensation per late invoice
};

// The rules of the statute with the built-in table: Italy/EU 8 points, Germany 9 points,
// 40.00 EUR each.
LateInterestRules StatutoryRules(Jurisdiction jurisdiction);

// How a workspace's late_interest.reference_rate combines with the built-in table.
enum class RateOverride {
  kFromLatestPeriod,  // replaces the rate of the table's last period (and so every later day)
  kFlat,              // replaces the whole table: one rate on every day
};

// The statutory rules adjusted by the settings the workspace GIVES (those named in
// `workspace.settings`; a default never overrides the statute), with their values read
// from `settings`: late_interest.reference_rate (a fraction, 0.0215 = 2.15%, rounded to
// whole basis points) as `override_mode` says, late_interest.margin (a fraction) and
// late_interest.fixed (in the workspace currency). When the fixed amount is not given it
// is 40 EUR converted into the workspace currency. Errors: kInvalidArgument when
// late_interest.fixed does not parse in the workspace currency; kValidation when 40 EUR
// cannot be converted (no FX rate).
Result<LateInterestRules> RulesForWorkspace(
    Jurisdiction jurisdiction, const Settings& settings, const Workspace& workspace,
    RateOverride override_mode = RateOverride::kFromLatestPeriod);

// One line of the calculation: `days` days, `from` to `to` both included, on a constant
// `base` at a constant `annual_rate_bp` (= reference_rate_bp + margin, never below zero).
// interest = base × annual_rate_bp × days / (10000 × 365), rounded half away from zero.
struct InterestLine {
  CivilDate from;
  CivilDate to;
  int days = 0;
  Money base;
  int reference_rate_bp = 0;
  int annual_rate_bp = 0;
  Money interest;
};

// The claim on one invoice, in the invoice's currency.
struct InvoiceLateInterest {
  std::string invoice;
  CivilDate due;
  CivilDate until;                  // the last day counted: the settlement date, or as_of when open
  bool settled = false;             // paid in full by as_of
  std::vector<InterestLine> lines;  // in date order; periods with nothing open are left out
  Money interest;                   // Σ lines
  Money fixed;                      // the fixed compensation; zero when no day accrued
  Money total;                      // interest + fixed
};

// The interest on `invoice` as of `as_of`, from its allocation. Day t (due < t <= until)
// accrues on what was still open at the start of t: a payment counts on its own day, so
// one full payment on day P gives P − due days, the usual count. Nothing accrues when the
// invoice was settled by its due date. Errors: kValidation when the fixed amount must be
// converted into the invoice's currency and the workspace has no rate for it.
// REQUIRES: `settlement` is the allocation of `invoice` as of `as_of`.
Result<InvoiceLateInterest> ComputeLateInterest(const Invoice& invoice,
                                                const InvoiceSettlement& settlement,
                                                const LateInterestRules& rules,
                                                const Workspace& workspace, CivilDate as_of);

// The claim on every late invoice of a client, totals in the workspace currency.
struct ClientLateInterest {
  std::string client;
  std::string name;
  CivilDate as_of;
  std::vector<InvoiceLateInterest> invoices;  // only those with something to claim
  Money interest;
  Money fixed;
  Money total;
};

// The interest, as of the snapshot's date and from its payment allocation, on each invoice
// issued by then that is neither void nor written off (a written-off invoice is no longer
// being claimed). Disputed invoices are included: the statute does not exempt them.
// Errors: kValidation when an amount needs an FX rate the workspace lacks.
Result<ClientLateInterest> ComputeClientLateInterest(const ClientSnapshot& client,
                                                     const LateInterestRules& rules);

}  // namespace addio

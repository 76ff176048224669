// Typed names for the metrics that code outside a sign reads (letters, charts, other
// signs). A MetricKey<T> names the sign that publishes the metric, the metric's name in
// the generic view (Finding::metrics: JSON, table, explain) and, through T, what it
// holds: double for ratios, hours and days, int64_t for counts, Money for amounts. A
// consumer reads `Read(findings, metrics::kReferenceRate)` and never names a sign or
// spells a metric; a metric renamed or retyped here is a compile error there. Each sign
// builds the metrics it publishes from the same keys (MakeMetric), so the generic view
// and the typed one cannot drift apart.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

#include "core/money.h"
#include "signals/finding.h"
#include "signals/sign.h"

namespace addio {

template <class T>
struct MetricKey {
  std::string_view sign;  // the key of the sign that publishes it
  std::string_view name;  // its name in Finding::metrics
};

// The metrics each sign publishes, sign by sign in registry order.
namespace metrics {

// no_contract
inline constexpr MetricKey<double> kUncoveredHours{"no_contract", "uncovered_hours"};
inline constexpr MetricKey<double> kUncoveredShare{"no_contract", "uncovered_share"};

// scope_creep
inline constexpr MetricKey<int64_t> kExtraRequests{"scope_creep", "extra_requests"};
inline constexpr MetricKey<double> kExtraHours{"scope_creep", "extra_hours"};
inline constexpr MetricKey<double> kCreepRatio{"scope_creep", "creep_ratio"};

// time_drain
inline constexpr MetricKey<int64_t> kInboundContacts{"time_drain", "inbound_contacts"};
inline constexpr MetricKey<int64_t> kAfterHoursContacts{"time_drain", "after_hours_contacts"};
inline constexpr MetricKey<double> kAfterHoursShare{"time_drain", "after_hours_share"};
inline constexpr MetricKey<int64_t> kAfterHoursLunch{"time_drain", "after_hours_lunch"};
inline constexpr MetricKey<int64_t> kAfterHoursEarly{"time_drain", "after_hours_early"};
inline constexpr MetricKey<int64_t> kAfterHoursEvening{"time_drain", "after_hours_evening"};
inline constexpr MetricKey<int64_t> kAfterHoursNight{"time_drain", "after_hours_night"};
inline constexpr MetricKey<int64_t> kAfterHoursWeekendOrHoliday{"time_drain",
                                                                "after_hours_weekend_or_holiday"};
inline constexpr MetricKey<int64_t> kRushRequests{"time_drain", "rush_requests"};
inline constexpr MetricKey<double> kRushPerMonth{"time_drain", "rush_per_month"};
inline constexpr MetricKey<double> kAfterHoursWorkHours{"time_drain", "after_hours_work_hours"};
inline constexpr MetricKey<double> kAfterHoursWorkShare{"time_drain", "after_hours_work_share"};

// underpaying
inline constexpr MetricKey<double> kHours{"underpaying", "hours"};
inline constexpr MetricKey<Money> kRevenue{"underpaying", "revenue"};
inline constexpr MetricKey<Money> kEffectiveRate{"underpaying", "effective_rate"};
inline constexpr MetricKey<Money> kReferenceRate{"underpaying", "reference_rate"};
inline constexpr MetricKey<double> kRateRatio{"underpaying", "rate_ratio"};
inline constexpr MetricKey<int64_t> kRefusedRaises{"underpaying", "refused_raises"};

// late_payment
inline constexpr MetricKey<int64_t> kDueInvoices{"late_payment", "due_invoices"};
inline constexpr MetricKey<int64_t> kLateInvoices{"late_payment", "late_invoices"};
inline constexpr MetricKey<double> kMedianDaysLate{"late_payment", "median_days_late"};

// non_payment
inline constexpr MetricKey<Money> kOverdueAmount{"non_payment", "overdue_amount"};
inline constexpr MetricKey<int64_t> kUnpaidNoPayment{"non_payment", "unpaid_60_no_payment"};
inline constexpr MetricKey<Money> kWrittenOff{"non_payment", "written_off"};

}  // namespace metrics

// The metric `key` of one finding: nullopt when the finding lacks it, or holds it unknown
// or as another type (a count reads as a double; a number does not read as a count).
std::optional<double> Read(const Finding& finding, MetricKey<double> key);
std::optional<int64_t> Read(const Finding& finding, MetricKey<int64_t> key);
std::optional<Money> Read(const Finding& finding, MetricKey<Money> key);

// The same, from the finding of the sign that publishes `key` among a client's findings;
// nullopt also when that sign is not registered. REQUIRES: `findings` in registry order.
template <class T>
std::optional<T> Read(const Findings& findings, MetricKey<T> key) {
  const Finding* finding = FindingOf(findings, key.sign);
  return finding == nullptr ? std::nullopt : Read(*finding, key);
}

// The finding of the sign that publishes `key` (for its evidence), or an empty finding
// when that sign is not registered.
template <class T>
const Finding& FindingWith(const Findings& findings, MetricKey<T> key) {
  return FindingOrEmpty(findings, key.sign);
}

// The metric `key` holding `value`, or unknown when there is none: how a sign builds the
// metrics it publishes.
Metric MakeMetric(MetricKey<double> key, std::optional<double> value);
Metric MakeMetric(MetricKey<int64_t> key, int64_t value);
Metric MakeMetric(MetricKey<Money> key, std::optional<Money> value);

}  // namespace addio

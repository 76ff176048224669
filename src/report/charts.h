// The series behind a client's charts that the assessment does not carry: days late per
// invoice over time, inbound contacts by weekday and hour against the working hours, the
// client's effective rate against the rest of the portfolio, scope burn-up per project
// and the monthly score. A pure function of one client's snapshot, the finished portfolio
// Assessment and the client's History (verdict/assessment.h): it decides nothing a
// verdict depends on, it only lays records out for a chart. It reads the signs' figures
// through typed metrics (signals/metrics.h), never by naming a sign. The API serves it as
// JSON (api/charts.h); the CLI can reach it here.
#pragma once

#include <array>
#include <optional>
#include <string>
#include <vector>

#include "core/money.h"
#include "core/result.h"
#include "core/time.h"
#include "ledger/client_ledger.h"
#include "ledger/records.h"
#include "verdict/assessment.h"

namespace addio {

// One invoice due on or before as_of (void ones left out).
struct InvoiceDelay {
  std::string invoice;
  CivilDate issued;
  CivilDate due;
  Money amount;                      // in the workspace currency (its own when no FX rate)
  std::optional<CivilDate> settled;  // when the allocated payments reached the amount
  int days_late = 0;                 // settled − due, or as_of − due while unsettled
  bool open = false;                 // not settled as of as_of
  bool late = false;                 // days_late > grace_days
  bool in_window = false;            // due inside the assessment window
  InvoiceStatus status = InvoiceStatus::kIssued;
};

// Inbound contacts of the window by local weekday (0 = Monday) and hour.
struct ContactHeatmap {
  std::string timezone;
  std::array<std::array<int, 24>, 7> counts{};
  int total = 0;
  int after_hours = 0;  // as the signs count them (metrics::kAfterHoursContacts)
  int on_holidays = 0;  // of total, on a workspace holiday
  WorkingHours working_hours;
};

struct ClientRatePoint {
  std::string client;
  std::string name;
  Money effective_rate;
  double hours = 0;
  bool is_self = false;
};

struct RateComparison {
  std::optional<Money> effective_rate;
  std::optional<Money> reference_rate;  // metrics::kReferenceRate
  std::optional<Money> target_hourly_rate;
  std::optional<double> rate_ratio;
  double hours = 0;
  std::vector<ClientRatePoint> clients;  // known rates only, highest first, then by id
};

struct BurnUpPoint {
  CivilDate date;
  double worked_hours = 0;  // cumulative
  double extra_hours = 0;   // cumulative
};

// A project's worked hours over time against its agreed hours (signals' AgreedHours).
// Extra hours are those of work linked to an unpaid extra (a request out of scope with
// no accepted change order); on hourly projects only their non-billable part.
struct BurnUp {
  std::string project;
  std::string name;
  Pricing pricing = Pricing::kFixed;
  std::optional<double> agreed_hours;
  std::optional<CivilDate> start;
  std::optional<CivilDate> end;
  double worked_hours = 0;
  double extra_hours = 0;
  std::vector<BurnUpPoint> points;  // one per local day with work, oldest first
};

struct ClientCharts {
  std::string client;
  std::string name;
  CivilDate as_of;
  CivilDate window_start;  // as_of − window_days + 1
  Currency currency;
  int grace_days = 0;
  std::vector<InvoiceDelay> invoices;  // by due date, then id
  ContactHeatmap contacts;
  RateComparison rate;
  std::vector<BurnUp> projects;  // projects with work or agreed hours, as the ledger sorts them
  std::vector<HistoryPoint> score_history;
};

// The charts of `client` from the portfolio `assessment` (as of its date, every client,
// so the rate comparison sees them all), the workspace it was made from and the client's
// `history`. Records dated after the assessment date never count. Errors: kNotFound when
// the assessment has no such client; as MakeContext (signals/signals.h) for an unknown
// time zone or invalid settings.
Result<ClientCharts> ComputeCharts(const ClientLedger& client, const Workspace& workspace,
                                   const Assessment& assessment,
                                   const std::vector<HistoryPoint>& history);

}  // namespace addio

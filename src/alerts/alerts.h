// Alerts (DESIGN.md section 12): what a freelancer should hear about before it is too late.
//   budget     a fixed-price or retainer project has used 50, 75, 90 or 100 % of its
//              budget_hours (the highest reached), with the day the budget runs out at the
//              pace of the last four weeks, or the day it ran out;
//   sign       a sign turned amber or red since `since` (it was lower, or unknown);
//   verdict    the verdict got worse since `since` (keep and insufficient data < watch <
//              renegotiate < part ways);
//   late_risk  an open invoice not yet late entered the high band of the payment forecast
//              (predict/forecast.h) since `since`.
// Every alert has an id that stays the same however often alerts are listed, so that a
// delivery can send each one once.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/catalogue.h"
#include "core/result.h"
#include "core/time.h"
#include "ledger/records.h"
#include "signals/finding.h"
#include "verdict/assessment.h"

namespace addio {

enum class AlertKind { kBudget, kSign, kVerdict, kLateRisk };
const char* AlertKindKey(AlertKind kind);  // "budget", "sign", "verdict", "late_risk"

inline constexpr int kBudgetThresholds[] = {50, 75, 90, 100};  // percent of budget_hours
inline constexpr int kPaceDays = 28;  // the pace a budget's run-out date is measured over
// The look-back when no start is given: a week, what a weekly run covers.
inline constexpr int kDefaultAlertDays = 7;

struct BudgetBurn {
  std::string project;
  std::string project_name;
  int threshold = 0;  // the highest of kBudgetThresholds reached
  double used_hours = 0;
  double budget_hours = 0;
  std::optional<CivilDate> runs_out;  // at the current pace; nullopt without recent work
  std::optional<CivilDate> ran_out;   // the day used hours reached the budget
};

struct Alert {
  AlertKind kind = AlertKind::kBudget;
  std::string id;  // "budget:<project>:<threshold>", "sign:<client>:<sign>:<level>", ...
  std::string client;
  std::string name;
  Message text;  // one sentence: what happened, with the figures
  std::optional<BudgetBurn> budget;
  std::string sign;                // kSign: the sign key
  Level before = Level::kUnknown;  // kSign
  Level now = Level::kUnknown;     // kSign
  std::optional<Verdict> was, is;  // kVerdict
  std::string invoice;             // kLateRisk
  double p_late = 0;               // kLateRisk
  std::optional<CivilDate> due;    // kLateRisk
};

struct AlertReport {
  CivilDate since, as_of;
  std::vector<Alert> alerts;  // by kind (budget, sign, verdict, late_risk), then client
};

// The alerts of `ledger` between `since` and `as_of`. Errors: kInvalidArgument when
// `since` is not before `as_of`; the assessment's errors (kValidation for bad settings).
Result<AlertReport> FindAlerts(const Ledger& ledger, CivilDate since, CivilDate as_of);

}  // namespace addio

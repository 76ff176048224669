// The settings an assessment uses (DESIGN.md section 3), each with a documented name
// and the DESIGN default. A workspace overrides any of them through
// `workspace.settings` (name -> value); the assessment prints the settings it used.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/diagnostics.h"
#include "core/money.h"
#include "core/result.h"
#include "ledger/records.h"

namespace addio {

// Each field is named in `workspace.settings` by its sign key, a dot, and the rest of the
// field name: scope_creep_red_ratio is "scope_creep.red_ratio", late_interest_margin is
// "late_interest.margin"; window_days, grace_days and cost_of_capital keep their names.
struct Settings {
  int window_days = 365;          // look-back of every sign
  int grace_days = 3;             // days after due before an invoice counts as late
  double cost_of_capital = 0.10;  // a year, for late_cost
  // Statutory late interest (EU Directive 2011/7/EU; D.Lgs. 231/2002 in Italy):
  // reference rate + margin, plus a fixed amount per invoice.
  double late_interest_reference_rate = 0.0215;
  double late_interest_margin = 0.08;
  std::string late_interest_fixed = "40.00";  // in the workspace currency

  // no_contract: a contract sent and neither signed nor refused after this many days
  // counts as ignored.
  int no_contract_ignored_days = 14;

  // scope_creep
  double scope_creep_red_ratio = 0.25;
  double scope_creep_red_overrun = 1.5;
  double scope_creep_amber_ratio = 0.10;
  double scope_creep_amber_overrun = 1.2;
  int scope_creep_amber_extras = 3;

  // time_drain
  double time_drain_red_after_hours_share = 0.40;
  double time_drain_amber_after_hours_share = 0.25;
  int time_drain_min_inbound = 10;  // inbound contacts needed for the share rules
  double time_drain_red_rush_per_month = 4;
  double time_drain_amber_rush_per_month = 2;
  double time_drain_red_after_hours_work_share = 0.30;
  double time_drain_amber_after_hours_work_share = 0.15;
  int time_drain_amber_after_hours_contacts = 5;  // in fewer than min_inbound contacts
  double time_drain_rush_hours = 24;
  double time_drain_justified_rate_ratio = 1.5;  // pay that justifies it: one step down

  // underpaying
  double underpaying_min_hours = 10;
  int underpaying_min_reference_clients = 2;
  double underpaying_red_ratio = 0.60;
  double underpaying_amber_ratio = 0.80;

  // late_payment
  int late_payment_recent_invoices = 5;
  int late_payment_habit_recent_late = 3;
  double late_payment_habit_share = 0.5;
  int late_payment_habit_min_due = 3;
  double late_payment_red_median_days = 30;
  double late_payment_red_share = 0.8;
  int late_payment_red_min_invoices = 5;

  // non_payment
  int non_payment_red_days = 60;    // unpaid this long past due with no payment at all
  int non_payment_amber_days = 31;  // anything unpaid this long past due

  // Reads the workspace's overrides over the defaults. Errors (kInvalidArgument): an
  // unknown name (the message lists the nearest valid names), a value out of the
  // setting's range, a fraction for a whole-number setting, or a late_interest.fixed
  // amount finer than the workspace currency's minor unit. The target hourly rate comes
  // from the workspace, not from here.
  static Result<Settings> FromWorkspace(const Workspace& workspace);

  // Every setting as (name, value as text, one-line description in English and Italian),
  // in a fixed order, for "the settings it used" in reports.
  struct Entry {
    std::string name;
    std::string value;
    std::string help_en;
    std::string help_it;
    // "integer" (whole numbers only), "number", or "money" (a decimal amount in the
    // workspace currency), and the accepted range, for forms that edit settings.
    std::string kind;
    double min = 0;
    double max = 0;
  };
  std::vector<Entry> Entries() const;
};

}  // namespace addio

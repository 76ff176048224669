// The settings an assessment uses (DESIGN.md section 3), each with a documented name
// and the DESIGN default. A workspace overrides any of them through
// `workspace.settings` (name -> value); the assessment prints the settings it used.
// Names, defaults, ranges and descriptions are declared once, by the sign that reads the
// setting (SignDefinition::DeclareSettings) or, for the shared ones, in settings.cc; see
// signals/setting.h. This struct only holds the values the signs read.
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
  // Every declared setting at its default (AllSettingSpecs). A field that no declaration
  // names stays zero.
  Settings();

  int window_days{};         // look-back of every sign
  int grace_days{};          // days after due before an invoice counts as late
  double cost_of_capital{};  // a year, for late_cost
  // Statutory late interest (EU Directive 2011/7/EU; D.Lgs. 231/2002 in Italy):
  // reference rate + margin, plus a fixed amount per invoice.
  double late_interest_reference_rate{};
  double late_interest_margin{};
  std::string late_interest_fixed{};  // in the workspace currency

  // no_contract: a contract sent and neither signed nor refused after this many days
  // counts as ignored.
  int no_contract_ignored_days{};

  // scope_creep
  double scope_creep_red_ratio{};
  double scope_creep_red_overrun{};
  double scope_creep_amber_ratio{};
  double scope_creep_amber_overrun{};
  int scope_creep_amber_extras{};

  // time_drain
  double time_drain_red_after_hours_share{};
  double time_drain_amber_after_hours_share{};
  int time_drain_min_inbound{};  // inbound contacts needed for the share rules
  double time_drain_red_rush_per_month{};
  double time_drain_amber_rush_per_month{};
  double time_drain_red_after_hours_work_share{};
  double time_drain_amber_after_hours_work_share{};
  int time_drain_amber_after_hours_contacts{};  // in fewer than min_inbound contacts
  double time_drain_rush_hours{};
  double time_drain_justified_rate_ratio{};  // pay that justifies it: one step down

  // underpaying
  double underpaying_min_hours{};
  int underpaying_min_reference_clients{};
  double underpaying_red_ratio{};
  double underpaying_amber_ratio{};

  // late_payment
  int late_payment_recent_invoices{};
  int late_payment_habit_recent_late{};
  double late_payment_habit_share{};
  int late_payment_habit_min_due{};
  double late_payment_red_median_days{};
  double late_payment_red_share{};
  int late_payment_red_min_invoices{};

  // non_payment
  int non_payment_red_days{};    // unpaid this long past due with no payment at all
  int non_payment_amber_days{};  // anything unpaid this long past due

  // Reads the workspace's overrides over the defaults. Errors (kInvalidArgument): an
  // unknown name (the message lists the nearest valid names), a value out of the
  // setting's range, a fraction for a whole-number setting, or a late_interest.fixed
  // amount finer than the workspace currency's minor unit. The target hourly rate comes
  // from the workspace, not from here.
  static Result<Settings> FromWorkspace(const Workspace& workspace);

  // Every setting as (name, value as text, one-line description in English and Italian),
  // in the order of AllSettingSpecs, for "the settings it used" in reports.
  struct Entry {
    std::string name;
    std::string value;
    std::string help_key;  // the catalogue key of the description ("setting.<name>")
    std::string help_en;   // the description, read from the catalogue
    std::string help_it;
    // "integer" (whole numbers only), "number", or "money" (a decimal amount in the
    // workspace currency), and the accepted range, for forms that edit settings.
    std::string kind;
    double min = 0;
    double max = 0;
    friend bool operator==(const Entry&, const Entry&) = default;
  };
  std::vector<Entry> Entries() const;
};

}  // namespace addio

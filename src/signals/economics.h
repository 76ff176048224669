// What a client relationship is worth and what to do about it (DESIGN.md section 5), as
// plain data: each sign adds the figures it measures (SignDefinition::Price) and the
// actions it asks for (SignDefinition::Act); verdict/ computes the rest and the totals.
#pragma once

#include <optional>
#include <string>

#include "core/money.h"
#include "signals/finding.h"

namespace addio {

class SignDefinition;

// One thing to do about a client. `code` is stable (one of DESIGN.md section 5's list:
// stop_work_until_signed, send_short_sow, ... end_relationship); `text` is concrete
// advice (a catalogue message), quoting the client's figures where they help.
struct Action {
  std::string code;
  Message text;
  int urgency = 0;                       // higher is more urgent; actions are sorted by it
  const SignDefinition* sign = nullptr;  // the sign that asked for it
};

// What the relationship is worth over the window, in the workspace currency.
// Every amount is exact; `hours` is the only non-money figure.
struct Economics {
  Money revenue;     // invoiced in the window, not void (write-offs included: they are
                     // subtracted once, in hidden_cost)
  double hours = 0;  // work + unlogged contact time
  std::optional<Money> effective_rate;  // revenue / hours; nullopt under the minimum hours
  Money overdue_amount;                 // unpaid past due, all invoices
  Money late_cost;                      // Σ late amount × days late × cost_of_capital / 365
  Money underpay_gap;                   // max(0, reference rate − effective rate) × hours
  Money unbilled_extras;                // unpaid extra hours × reference rate
  Money written_off;                    // written off in the window
  Money hidden_cost;                    // the five figures above, summed
  Money net_value;                      // revenue − hidden_cost
  // The late-payment interest the freelancer may claim (EU Directive 2011/7/EU, in Italy
  // D.Lgs. 231/2002): reference rate + 8 points a year on what was paid or is still open
  // after its due date, plus 40 EUR per such invoice, over every invoice neither void nor
  // written off (verdict/late_interest.h does the day-by-day calculation). Not part of
  // hidden_cost: it is a claim, not a loss.
  Money statutory_interest;
  int statutory_invoices = 0;  // invoices with something to claim
};

}  // namespace addio

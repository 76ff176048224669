// Invoices and what became of them: paid early, on time, late, in instalments, never.
#include "gen/client_builder.h"

#include <algorithm>
#include <string>
#include <vector>

namespace addio::gen {

void ClientBuilder::SettleInvoices() {
  std::stable_sort(
      pending_.begin(), pending_.end(),
      [](const PendingInvoice& a, const PendingInvoice& b) { return a.issued < b.issued; });
  int number = 0;
  auto issue = [&](CivilDate issued, int64_t minor) -> Invoice& {
    Invoice& invoice = out_.invoices.emplace_back();
    invoice.id = Id("inv", ++number, 4);
    invoice.client = id_;
    invoice.issued = issued;
    invoice.due = issued.AddDays(terms_days_);
    invoice.amount = Amount(minor);
    return invoice;
  };
  for (const PendingInvoice& pending : pending_) {
    if (pending.minor <= 0) continue;
    Invoice& invoice = issue(pending.issued, pending.minor);
    // Now and then an invoice goes out wrong and is voided and issued again.
    if (rng_.Chance(12) && pending.issued.AddDays(2) <= ctx_.last_day) {
      invoice.status = InvoiceStatus::kVoid;
      issue(pending.issued.AddDays(2), pending.minor);
    }
  }

  std::vector<Payment> payments;
  for (Invoice& invoice : out_.invoices) {
    if (invoice.status == InvoiceStatus::kVoid) continue;
    int delay = rng_.Chance(70) ? rng_.Between(6, 25) : rng_.Between(-12, 2);
    int64_t paid = invoice.amount.minor();
    if (habits_.pays_late && !rng_.Chance(120)) {
      delay = std::max(5, late_mean_days_ + rng_.Between(-15, 15));
    }
    if (habits_.defaults) {
      if (invoice.issued < stop_paying_) {
        delay = rng_.Between(0, 40);
      } else {
        invoice.disputed = rng_.Chance(300);
        paid = rng_.Chance(150) ? invoice.amount.minor() * 30 / 100 : 0;
        delay = rng_.Between(10, 40);
        if (paid == 0 && DaysBetween(invoice.due, ctx_.last_day) > 150 && rng_.Chance(350)) {
          invoice.status = InvoiceStatus::kWrittenOff;
        }
      }
    }
    if (paid == 0) continue;
    const CivilDate date = std::max(invoice.issued.AddDays(1), invoice.due.AddDays(delay));
    if (date > ctx_.last_day) continue;  // not paid yet on the last generated day
    const std::string reference = rng_.Chance(900) ? invoice.id : "";
    if (paid == invoice.amount.minor() && rng_.Chance(40)) {  // in two instalments
      const CivilDate second = date.AddDays(rng_.Between(15, 30));
      payments.push_back({"", id_, reference, date, Amount(paid / 2)});
      if (second <= ctx_.last_day) {
        payments.push_back({"", id_, reference, second, Amount(paid - paid / 2)});
      }
      continue;
    }
    payments.push_back({"", id_, reference, date, Amount(paid)});
  }
  std::stable_sort(payments.begin(), payments.end(),
                   [](const Payment& a, const Payment& b) { return a.date < b.date; });
  for (size_t i = 0; i < payments.size(); ++i) {
    payments[i].id = Id("pay", static_cast<int>(i) + 1, 4);
  }
  out_.payments = std::move(payments);
}

}  // namespace addio::gen

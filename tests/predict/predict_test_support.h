// Hand-made portfolios for the prediction tests: clients whose habits are known, so that
// what the model must learn is known too.
#pragma once

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "ledger/client_ledger.h"
#include "predict/features.h"
#include "predict/forecast.h"
#include "predict/payment_book.h"
#include "signals/settings.h"

namespace addio::testing {

inline CivilDate D(const char* text) { return *CivilDate::Parse(text); }
inline Money Eur(const char* text) { return *Money::Parse(text, Currency()); }

// One client's ledger: AClient("acme").Invoice(...).Pay(...).
class AClient {
 public:
  explicit AClient(std::string id) {
    ledger_.client.id = id;
    ledger_.client.name = "Client " + id;
  }
  AClient& Invoice(const std::string& id, CivilDate issued, CivilDate due, const char* amount,
                   bool disputed = false) {
    addio::Invoice invoice{id, ledger_.client.id, issued, due, Eur(amount)};
    invoice.disputed = disputed;
    ledger_.invoices.push_back(invoice);
    return *this;
  }
  AClient& Pay(const std::string& id, CivilDate date, const char* amount,
               const std::string& invoice) {
    ledger_.payments.push_back({id, ledger_.client.id, invoice, date, Eur(amount)});
    return *this;
  }
  ClientLedger Build() const {
    ClientLedger out = ledger_;
    SortRecords(out);
    return out;
  }

 private:
  ClientLedger ledger_;
};

// How a client of the habits portfolio pays: days after due, by invoice number.
enum class Habit { kPrompt, kSlow, kDisputesThenLate };

inline int DelayOf(Habit habit, int n) {
  switch (habit) {
    case Habit::kPrompt:
      return -5;
    case Habit::kSlow:
      return 20;
    case Habit::kDisputesThenLate:
      return n % 2 == 0 ? 0 : 15;  // every odd invoice is disputed and paid late
  }
  return 0;
}

// 30 clients, ten of each habit; an invoice of 1000.00 every 14 days from 2024-01-01,
// due 30 days later, paid as the habit says unless the payment would fall after
// `last_payment`. Odd invoices of the third habit are disputed.
inline std::vector<ClientLedger> HabitsPortfolio(CivilDate last_payment = D("2025-12-31"),
                                                 CivilDate last_issue = D("2025-12-31")) {
  std::vector<ClientLedger> clients;
  for (int c = 0; c < 30; ++c) {
    const Habit habit = static_cast<Habit>(c % 3);
    AClient client("c" + std::to_string(100 + c));
    int n = 0;
    for (CivilDate issued = D("2024-01-01").AddDays(c % 7); issued <= last_issue;
         issued = issued.AddDays(14), ++n) {
      const std::string id = client.Build().client.id + "-" + std::to_string(n);
      const CivilDate due = issued.AddDays(30);
      client.Invoice(id, issued, due, "1000.00", habit == Habit::kDisputesThenLate && n % 2 == 1);
      const CivilDate paid = due.AddDays(DelayOf(habit, n));
      if (paid <= last_payment) client.Pay("p" + id, paid, "1000.00", id);
    }
    clients.push_back(client.Build());
  }
  return clients;
}

inline PaymentBook BookOf(const std::vector<ClientLedger>& clients, CivilDate horizon,
                          const Workspace& workspace = Workspace{}) {
  static const Settings settings;
  PaymentBookBuilder builder(workspace, settings, horizon);
  for (const ClientLedger& client : clients) {
    const Status added = builder.Add(client);
    if (!added) ADD_FAILURE() << "book: " << added.error().message.In(Lang::kEn);
  }
  return builder.Take();
}

}  // namespace addio::testing

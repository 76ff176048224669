// Small fluent builders for the signals tests: AnInvoice("i1").Issued("2026-01-01")
// .Due("2026-01-31").Amount("100.00"), AClient().With(...), and a workspace fixture that
// makes the Context of an assessment. Every builder starts from a valid record of the
// client "c"; AClient sets the client id of what it holds.
#pragma once

#include <gtest/gtest.h>

#include <algorithm>
#include <stdexcept>
#include <string>
#include <string_view>
#include <tuple>

#include "core/money.h"
#include "core/time.h"
#include "ledger/client_ledger.h"
#include "ledger/records.h"
#include "signals/sign.h"
#include "signals/signals.h"

namespace addio::testing {

inline CivilDate Date(std::string_view text) {
  auto date = CivilDate::Parse(text);
  if (!date) throw std::invalid_argument(date.error().message.In(Lang::kEn));
  return *date;
}

// An RFC 3339 instant with its offset ("2026-01-05T09:00:00+01:00").
inline Instant When(std::string_view text) {
  auto parsed = ParseInstant(text, TimeZone::Utc());
  if (!parsed || !parsed->had_offset) throw std::invalid_argument(std::string(text));
  return parsed->instant;
}

inline Money Cash(std::string_view amount, std::string_view currency = "EUR") {
  auto money = Money::Parse(amount, *Currency::Find(currency));
  if (!money) throw std::invalid_argument(money.error().message.In(Lang::kEn));
  return *money;
}

class AnInvoice {
 public:
  explicit AnInvoice(std::string id) {
    v_.id = std::move(id);
    v_.client = "c";
    v_.issued = Date("2026-01-01");
    v_.due = Date("2026-01-31");
    v_.amount = Cash("100.00");
  }
  AnInvoice& Issued(std::string_view d) { return v_.issued = Date(d), *this; }
  AnInvoice& Due(std::string_view d) { return v_.due = Date(d), *this; }
  AnInvoice& Amount(std::string_view a, std::string_view currency = "EUR") {
    return v_.amount = Cash(a, currency), *this;
  }
  AnInvoice& Void() { return v_.status = InvoiceStatus::kVoid, *this; }
  AnInvoice& WrittenOff() { return v_.status = InvoiceStatus::kWrittenOff, *this; }
  operator Invoice() const { return v_; }

 private:
  Invoice v_;
};

class APayment {
 public:
  explicit APayment(std::string id) {
    v_.id = std::move(id);
    v_.client = "c";
    v_.date = Date("2026-01-31");
    v_.amount = Cash("100.00");
  }
  APayment& On(std::string_view d) { return v_.date = Date(d), *this; }
  APayment& Amount(std::string_view a, std::string_view currency = "EUR") {
    return v_.amount = Cash(a, currency), *this;
  }
  APayment& For(std::string invoice) { return v_.invoice = std::move(invoice), *this; }
  operator Payment() const { return v_; }

 private:
  Payment v_;
};

class AWorkEntry {
 public:
  explicit AWorkEntry(std::string id) {
    v_.id = std::move(id);
    v_.client = "c";
    v_.start = When("2026-01-05T09:00:00+01:00");
    v_.minutes = 60;
  }
  AWorkEntry& At(std::string_view t) { return v_.start = When(t), *this; }
  AWorkEntry& Minutes(int m) { return v_.minutes = m, *this; }
  AWorkEntry& Billable(bool b) { return v_.billable = b, *this; }
  AWorkEntry& Project(std::string p) { return v_.project = std::move(p), *this; }
  AWorkEntry& Request(std::string r) { return v_.request = std::move(r), *this; }
  operator WorkEntry() const { return v_; }

 private:
  WorkEntry v_;
};

class AContact {
 public:
  explicit AContact(std::string id) {
    v_.id = std::move(id);
    v_.client = "c";
    v_.at = When("2026-01-05T10:00:00+01:00");
    v_.direction = Direction::kInbound;
    v_.channel = Channel::kCall;
  }
  AContact& At(std::string_view t) { return v_.at = When(t), *this; }
  AContact& Outbound() { return v_.direction = Direction::kOutbound, *this; }
  AContact& Minutes(int m) { return v_.minutes = m, *this; }
  AContact& Logged(bool l) { return v_.logged = l, *this; }
  operator Contact() const { return v_; }

 private:
  Contact v_;
};

class ARequest {
 public:
  explicit ARequest(std::string id) {
    v_.id = std::move(id);
    v_.client = "c";
    v_.at = When("2026-01-05T10:00:00+01:00");
    v_.summary = "Add a page";
  }
  ARequest& At(std::string_view t) { return v_.at = When(t), *this; }
  ARequest& Deadline(std::string_view t) { return v_.deadline = When(t), *this; }
  ARequest& OutOfScope() { return v_.in_scope = false, *this; }
  ARequest& Change(ChangeOrder c) { return v_.change_order = c, *this; }
  ARequest& Estimate(double hours) { return v_.estimate_hours = hours, *this; }
  ARequest& Project(std::string p) { return v_.project = std::move(p), *this; }
  operator Request() const { return v_; }

 private:
  Request v_;
};

class AContract {
 public:
  explicit AContract(std::string id) {
    v_.id = std::move(id);
    v_.client = "c";
  }
  AContract& Sent(std::string_view d) { return v_.sent = Date(d), *this; }
  AContract& Signed(std::string_view d) { return v_.signed_on = Date(d), *this; }
  AContract& Refused(std::string_view d) { return v_.refused = Date(d), *this; }
  AContract& End(std::string_view d) { return v_.end = Date(d), *this; }
  AContract& HourlyRate(std::string_view r) { return v_.hourly_rate = Cash(r), *this; }
  operator Contract() const { return v_; }

 private:
  Contract v_;
};

class AProject {
 public:
  explicit AProject(std::string id) {
    v_.id = std::move(id);
    v_.client = "c";
    v_.name = "Website";
    v_.start = Date("2026-01-01");
  }
  AProject& Contract(std::string k) { return v_.contract = std::move(k), *this; }
  AProject& Hourly() { return v_.pricing = Pricing::kHourly, *this; }
  AProject& Budget(double hours) { return v_.budget_hours = hours, *this; }
  AProject& Fee(std::string_view f) { return v_.fee = Cash(f), *this; }
  AProject& Start(std::string_view d) { return v_.start = Date(d), *this; }
  AProject& End(std::string_view d) { return v_.end = Date(d), *this; }
  operator Project() const { return v_; }

 private:
  Project v_;
};

class ARateChange {
 public:
  explicit ARateChange(std::string id) {
    v_.id = std::move(id);
    v_.client = "c";
    v_.at = Date("2026-01-10");
    v_.to = Cash("70.00");
    v_.outcome = RateOutcome::kRefused;
  }
  ARateChange& On(std::string_view d) { return v_.at = Date(d), *this; }
  ARateChange& Accepted() { return v_.outcome = RateOutcome::kAccepted, *this; }
  operator RateChange() const { return v_; }

 private:
  RateChange v_;
};

// One client's records; Build() sets the client id on each and sorts as SplitByClient does.
class AClient {
 public:
  explicit AClient(std::string id = "c") { v_.client.id = v_.client.name = std::move(id); }
  AClient& With(Invoice r) { return Add(v_.invoices, std::move(r)); }
  AClient& With(Payment r) { return Add(v_.payments, std::move(r)); }
  AClient& With(WorkEntry r) { return Add(v_.work, std::move(r)); }
  AClient& With(Contact r) { return Add(v_.contacts, std::move(r)); }
  AClient& With(Request r) { return Add(v_.requests, std::move(r)); }
  AClient& With(Contract r) { return Add(v_.contracts, std::move(r)); }
  AClient& With(Project r) { return Add(v_.projects, std::move(r)); }
  AClient& With(RateChange r) { return Add(v_.rate_changes, std::move(r)); }
  operator ClientLedger() const { return Build(); }

  ClientLedger Build() const {
    ClientLedger c = v_;
    std::sort(c.invoices.begin(), c.invoices.end(), [](const Invoice& a, const Invoice& b) {
      return std::tie(a.issued, a.due, a.id) < std::tie(b.issued, b.due, b.id);
    });
    std::sort(c.payments.begin(), c.payments.end(), [](const Payment& a, const Payment& b) {
      return std::tie(a.date, a.id) < std::tie(b.date, b.id);
    });
    std::sort(c.work.begin(), c.work.end(),
              [](const WorkEntry& a, const WorkEntry& b) { return a.start < b.start; });
    std::sort(c.contacts.begin(), c.contacts.end(),
              [](const Contact& a, const Contact& b) { return a.at < b.at; });
    std::sort(c.requests.begin(), c.requests.end(),
              [](const Request& a, const Request& b) { return a.at < b.at; });
    return c;
  }

 private:
  template <typename T>
  AClient& Add(std::vector<T>& records, T record) {
    record.client = v_.client.id;
    records.push_back(std::move(record));
    return *this;
  }
  ClientLedger v_;
};

// A workspace in Europe/Rome with the default working hours and a 60.00 EUR target rate;
// AsOf() makes the context of an assessment as of a date.
class SignalsTest : public ::testing::Test {
 protected:
  SignalsTest() {
    workspace_.name = "Studio";
    workspace_.timezone = "Europe/Rome";
    workspace_.target_hourly_rate = Cash("60.00");
  }
  Context AsOf(std::string_view as_of) const {
    auto context = MakeContext(workspace_, Date(as_of));
    if (!context) throw std::invalid_argument(context.error().message.In(Lang::kEn));
    return *context;
  }
  // Sign `key` alone on `client` through the registry, after the signs it reads (taken
  // from `given` where set there, in registry order).
  static Finding EvaluateSign(std::string_view key, const ClientLedger& client,
                              const Context& context, const Portfolio& portfolio = {},
                              Findings given = {}) {
    const ClientSnapshot snapshot(client, *context.workspace, context.as_of);
    Finding f = addio::EvaluateSign(key, snapshot, portfolio, context, std::move(given));
    EXPECT_EQ(SignKey(f.sign), key);
    return f;
  }
  // The portfolio statistics of `clients` as of context.as_of.
  static Portfolio PortfolioOf(const std::vector<ClientLedger>& clients, const Context& context) {
    std::vector<ClientSnapshot> snapshots;
    for (const ClientLedger& client : clients) {
      snapshots.emplace_back(client, *context.workspace, context.as_of);
    }
    return BuildPortfolio(snapshots, context);
  }
  static double Number(const Finding& f, std::string_view name) {
    const Metric* m = f.FindMetric(name);
    EXPECT_NE(m, nullptr) << name;
    if (m == nullptr) return -1;
    EXPECT_EQ(m->kind, Metric::Kind::kNumber) << name;
    return m->number;
  }
  static int64_t CountOf(const Finding& f, std::string_view name) {
    const Metric* m = f.FindMetric(name);
    EXPECT_NE(m, nullptr) << name;
    if (m == nullptr) return -1;
    EXPECT_EQ(m->kind, Metric::Kind::kCount) << name;
    return m->count;
  }
  static std::string MoneyOf(const Finding& f, std::string_view name) {
    const Metric* m = f.FindMetric(name);
    EXPECT_NE(m, nullptr) << name;
    if (m == nullptr || m->kind != Metric::Kind::kMoney) return "not money";
    return m->money.ToString();
  }
  static bool IsUnknown(const Finding& f, std::string_view name) {
    const Metric* m = f.FindMetric(name);
    return m != nullptr && m->kind == Metric::Kind::kUnknown;
  }
  // Every reason, English and Italian, in one string for substring checks.
  static std::string Reasons(const Finding& f) {
    std::string all;
    for (const Message& t : f.reasons) all += t.In(Lang::kEn) + "\n" + t.In(Lang::kIt) + "\n";
    return all;
  }
  // Each finding has reasons in both languages, whatever its level.
  static void ExpectBilingualReasons(const Finding& f) {
    ASSERT_FALSE(f.reasons.empty());
    for (const Message& t : f.reasons) {
      EXPECT_TRUE(HasEntry(t.key)) << t.key;
      EXPECT_FALSE(t.In(Lang::kEn).empty());
      EXPECT_FALSE(t.In(Lang::kIt).empty());
      EXPECT_NE(t.In(Lang::kEn), t.In(Lang::kIt));
    }
  }

  Workspace workspace_;
};

}  // namespace addio::testing

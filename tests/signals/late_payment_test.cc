#include <gtest/gtest.h>

#include "builders.h"
#include "signals/signals.h"

namespace addio::testing {
namespace {

class LatePaymentTest : public SignalsTest {
 protected:
  Finding Evaluate(const ClientLedger& client, std::string_view as_of = "2026-06-30") {
    Finding f = EvaluateSign("late_payment", client, AsOf(as_of));
    ExpectBilingualReasons(f);
    return f;
  }

  // Invoices of 100.00 due every ten days from 10 January 2026, the k-th paid
  // days_late[k] days after its due date.
  static AClient PaidAfter(const std::vector<int>& days_late) {
    AClient client;
    for (size_t k = 0; k < days_late.size(); ++k) {
      const CivilDate due = Date("2026-01-10").AddDays(static_cast<int>(10 * k));
      const std::string id = "i" + std::to_string(k + 1);
      client.With(AnInvoice(id).Issued(due.AddDays(-30).ToString()).Due(due.ToString()));
      client.With(
          APayment("p" + std::to_string(k + 1)).On(due.AddDays(days_late[k]).ToString()).For(id));
    }
    return client;
  }

  static const Evidence* EvidenceFor(const Finding& f, std::string_view id) {
    for (const Evidence& e : f.evidence) {
      if (e.id == id) return &e;
    }
    return nullptr;
  }
};

TEST_F(LatePaymentTest, UnknownWhenNoInvoiceFellDueInTheWindow) {
  const Finding f = Evaluate(AClient()
                                 .With(AnInvoice("old").Issued("2025-01-01").Due("2025-01-31"))
                                 .With(AnInvoice("future").Issued("2026-06-01").Due("2026-07-01")));
  EXPECT_EQ(f.level, Level::kUnknown);
  EXPECT_NE(Reasons(f).find("No invoice fell due in the last 365 days."), std::string::npos);
  EXPECT_NE(Reasons(f).find("Nessuna fattura è scaduta negli ultimi 365 giorni."),
            std::string::npos);
}

TEST_F(LatePaymentTest, LateMeansMoreThanTheGraceDays) {
  const Finding on_time = Evaluate(PaidAfter({3}));
  EXPECT_EQ(CountOf(on_time, "late_invoices"), 0);
  EXPECT_EQ(on_time.level, Level::kGreen);
  EXPECT_NE(Reasons(on_time).find("Paid 1 of 1 invoice on time."), std::string::npos);

  const Finding late = Evaluate(PaidAfter({4}));
  EXPECT_EQ(CountOf(late, "late_invoices"), 1);
  EXPECT_DOUBLE_EQ(Number(late, "median_days_late"), 4);
  EXPECT_EQ(late.level, Level::kGreen);  // one late invoice is an exception
  EXPECT_NE(Reasons(late).find("An exception, not a habit"), std::string::npos);
}

TEST_F(LatePaymentTest, AnUnpaidInvoiceIsLateOncePastTheGraceDays) {
  const ClientLedger client = AClient().With(AnInvoice("i").Issued("2026-01-26").Due("2026-02-25"));
  EXPECT_EQ(CountOf(Evaluate(client, "2026-02-28"), "late_invoices"), 0);
  const Finding f = Evaluate(client, "2026-03-01");
  EXPECT_EQ(CountOf(f, "late_invoices"), 1);
  EXPECT_EQ(CountOf(f, "open_late_invoices"), 1);
  ASSERT_EQ(f.evidence.size(), 1u);
  EXPECT_EQ(f.evidence[0].kind, "open");
  EXPECT_DOUBLE_EQ(*f.evidence[0].value, 4);
}

TEST_F(LatePaymentTest, AHabitWithAMedianOverThirtyDaysIsRed) {
  const Finding amber = Evaluate(PaidAfter({30, 30, 30, 0, 0}));
  EXPECT_EQ(CountOf(amber, "late_in_last_5"), 3);
  EXPECT_DOUBLE_EQ(Number(amber, "median_days_late"), 30);
  EXPECT_EQ(amber.level, Level::kAmber);

  const Finding red = Evaluate(PaidAfter({31, 31, 31, 0, 0}));
  EXPECT_EQ(red.level, Level::kRed);
  EXPECT_NE(Reasons(red).find("3 of the 5 invoices due in the last 365 days were late (60%), a "
                              "median of 31 days after the due date."),
            std::string::npos);
  EXPECT_NE(Reasons(red).find("3 delle 5 fatture scadute negli ultimi 365 giorni erano in "
                              "ritardo (60%), con un ritardo mediano di 31 giorni."),
            std::string::npos);
}

TEST_F(LatePaymentTest, ALateShareOfEightyPercentOverFiveInvoicesIsRed) {
  EXPECT_EQ(Evaluate(PaidAfter({5, 5, 5, 5, 0})).level, Level::kRed);
  EXPECT_EQ(Evaluate(PaidAfter({5, 5, 5, 0, 0})).level, Level::kAmber);  // 0.6
  EXPECT_EQ(Evaluate(PaidAfter({5, 5, 5, 5})).level, Level::kAmber);     // only 4 invoices
}

TEST_F(LatePaymentTest, AHabitByShareNeedsThreeInvoicesDue) {
  // The three late ones are the oldest: 2 of the last 5, but half of all 6.
  const Finding amber = Evaluate(PaidAfter({10, 10, 10, 0, 0, 0}));
  EXPECT_EQ(CountOf(amber, "late_in_last_5"), 2);
  EXPECT_DOUBLE_EQ(Number(amber, "late_share"), 0.5);
  EXPECT_EQ(amber.level, Level::kAmber);
  EXPECT_EQ(Evaluate(PaidAfter({10, 10, 10, 0, 0, 0, 0})).level, Level::kGreen);  // 3 of 7
  EXPECT_EQ(Evaluate(PaidAfter({10, 0})).level, Level::kGreen);                   // 0.5 of only 2
}

TEST_F(LatePaymentTest, AmountsAndDaysForTheCostOfLatePayment) {
  const Finding f =
      Evaluate(AClient()
                   .With(AnInvoice("a").Issued("2026-01-01").Due("2026-01-31"))
                   .With(APayment("early").On("2026-01-20").Amount("40.00").For("a"))
                   .With(APayment("rest").On("2026-02-10").Amount("60.00").For("a"))
                   .With(AnInvoice("b").Issued("2026-01-01").Due("2026-01-31").Amount("300.00"))
                   .With(APayment("pb").On("2026-01-25").Amount("300.00").For("b")));
  EXPECT_EQ(MoneyOf(f, "late_amount_days"), "600.00");          // 60.00 late by 10 days
  EXPECT_DOUBLE_EQ(Number(f, "average_days_delinquent"), 2.5);  // 100 × 10 / 400
  const Evidence* a = EvidenceFor(f, "a");
  ASSERT_NE(a, nullptr);
  EXPECT_EQ(a->amount->ToString(), "60.00");
  EXPECT_DOUBLE_EQ(*a->value, 10);
  EXPECT_EQ(a->kind, "late");
}

TEST_F(LatePaymentTest, AnUnreferencedPaymentGoesToTheOldestDueInvoice) {
  auto with_payment = [](std::string invoice) {
    return AClient()
        .With(AnInvoice("a").Issued("2026-01-01").Due("2026-01-10"))
        .With(AnInvoice("b").Issued("2026-01-01").Due("2026-01-20"))
        .With(APayment("p").On("2026-01-12").For(std::move(invoice)));
  };
  const Finding fifo = Evaluate(with_payment(""), "2026-03-01");
  EXPECT_EQ(EvidenceFor(fifo, "a")->kind, "on_time");
  EXPECT_EQ(EvidenceFor(fifo, "b")->kind, "open");
  const Finding named = Evaluate(with_payment("b"), "2026-03-01");
  EXPECT_EQ(EvidenceFor(named, "a")->kind, "open");
  EXPECT_EQ(EvidenceFor(named, "b")->kind, "on_time");
}

TEST_F(LatePaymentTest, PaymentsAfterAsOfHaveNotHappened) {
  const ClientLedger client = PaidAfter({1});  // due 10 January, paid 11 January
  const Finding before = Evaluate(client, "2026-01-14");
  EXPECT_EQ(CountOf(before, "late_invoices"), 0);
  EXPECT_EQ(Evaluate(client, "2026-01-10").FindMetric("due_invoices")->count, 1);
  const ClientLedger unpaid_yet = AClient()
                                      .With(AnInvoice("i").Issued("2026-01-01").Due("2026-01-10"))
                                      .With(APayment("p").On("2026-01-20").For("i"));
  const Finding f = Evaluate(unpaid_yet, "2026-01-15");
  EXPECT_EQ(CountOf(f, "open_late_invoices"), 1);
  EXPECT_DOUBLE_EQ(Number(f, "median_days_late"), 5);
}

TEST_F(LatePaymentTest, TheGraceDaysSettingChangesTheResult) {
  EXPECT_EQ(CountOf(Evaluate(PaidAfter({4, 4, 4})), "late_invoices"), 3);
  workspace_.settings["grace_days"] = 5;
  const Finding f = Evaluate(PaidAfter({4, 4, 4}));
  EXPECT_EQ(CountOf(f, "late_invoices"), 0);
  EXPECT_NE(Reasons(f).find("Paid 3 of 3 invoices on time."), std::string::npos);
  EXPECT_NE(Reasons(f).find("Pagate puntualmente 3 fatture su 3."), std::string::npos);
}

}  // namespace
}  // namespace addio::testing

#include <gtest/gtest.h>

#include "builders.h"
#include "signals/signals.h"

namespace addio::testing {
namespace {

constexpr std::string_view kAsOf = "2026-06-30";

class NonPaymentTest : public SignalsTest {
 protected:
  Finding Evaluate(const ClientLedger& client, std::string_view as_of = kAsOf) {
    Finding f = EvaluateSign("non_payment", client, AsOf(as_of));
    ExpectBilingualReasons(f);
    return f;
  }

  // An invoice `days` past due as of kAsOf, issued 30 days before its due date.
  static AnInvoice PastDue(std::string id, int days, std::string_view amount = "100.00") {
    const CivilDate due = Date(kAsOf).AddDays(-days);
    AnInvoice invoice(std::move(id));
    invoice.Issued(due.AddDays(-30).ToString()).Due(due.ToString()).Amount(amount);
    return invoice;
  }
  // A payment of 10.00 towards `invoice` on its issue day, so it "received something".
  static APayment Deposit(std::string id, std::string invoice, int days_past_due) {
    APayment payment(std::move(id));
    payment.On(Date(kAsOf).AddDays(-days_past_due - 30).ToString())
        .Amount("10.00")
        .For(std::move(invoice));
    return payment;
  }
};

TEST_F(NonPaymentTest, UnknownWhenNoInvoiceEverFellDue) {
  const Finding f = Evaluate(AClient().With(AnInvoice("i").Issued("2026-06-01").Due("2026-07-01")));
  EXPECT_EQ(f.level, Level::kUnknown);
  EXPECT_NE(Reasons(f).find("No invoice has fallen due yet."), std::string::npos);
}

TEST_F(NonPaymentTest, AnInvoiceDueTodayIsNotOverdue) {
  const Finding f = Evaluate(AClient().With(PastDue("i", 0)));
  EXPECT_EQ(f.level, Level::kGreen);
  EXPECT_EQ(CountOf(f, "due_invoices"), 1);
  EXPECT_EQ(MoneyOf(f, "overdue_amount"), "0.00");
}

TEST_F(NonPaymentTest, UnpaidAmountsFallIntoAgeBuckets) {
  const Finding f = Evaluate(AClient()
                                 .With(PastDue("d30", 30, "10.00"))
                                 .With(PastDue("d31", 31, "20.00"))
                                 .With(PastDue("d60", 60, "30.00"))
                                 .With(PastDue("d61", 61, "40.00"))
                                 .With(PastDue("d90", 90, "50.00"))
                                 .With(PastDue("d91", 91, "60.00"))
                                 .With(PastDue("old", 800, "70.00")));
  EXPECT_EQ(MoneyOf(f, "overdue_1_30"), "10.00");
  EXPECT_EQ(MoneyOf(f, "overdue_31_60"), "50.00");
  EXPECT_EQ(MoneyOf(f, "overdue_61_90"), "90.00");
  EXPECT_EQ(MoneyOf(f, "overdue_90_plus"), "130.00");  // all invoices, not only the window
  EXPECT_EQ(MoneyOf(f, "overdue_amount"), "280.00");
  EXPECT_EQ(CountOf(f, "oldest_days_past_due"), 800);
}

TEST_F(NonPaymentTest, AnythingUnpaidThirtyOneDaysPastDueIsAmber) {
  const Finding green = Evaluate(AClient().With(PastDue("i", 30)).With(Deposit("p", "i", 30)));
  EXPECT_EQ(green.level, Level::kGreen);
  EXPECT_EQ(MoneyOf(green, "overdue_1_30"), "90.00");
  const Finding amber = Evaluate(AClient().With(PastDue("i", 31)).With(Deposit("p", "i", 31)));
  EXPECT_EQ(amber.level, Level::kAmber);
}

TEST_F(NonPaymentTest, SixtyDaysPastDueWithNothingReceivedIsRed) {
  const Finding amber = Evaluate(AClient().With(PastDue("i", 59)));
  EXPECT_EQ(amber.level, Level::kAmber);
  EXPECT_EQ(CountOf(amber, "unpaid_60_no_payment"), 0);
  const Finding red = Evaluate(AClient().With(PastDue("i", 60)));
  EXPECT_EQ(red.level, Level::kRed);
  EXPECT_EQ(CountOf(red, "unpaid_60_no_payment"), 1);
  EXPECT_NE(Reasons(red).find("1 invoice 60 or more days past due has received no payment at all "
                              "(100.00 EUR)."),
            std::string::npos);
  EXPECT_EQ(Evaluate(AClient().With(PastDue("i", 60)).With(Deposit("p", "i", 60))).level,
            Level::kAmber);
}

TEST_F(NonPaymentTest, WrittenOffInTheWindowIsRedAndNotUnpaid) {
  const Finding red = Evaluate(AClient().With(PastDue("lost", 20, "250.00").WrittenOff()));
  EXPECT_EQ(red.level, Level::kRed);
  EXPECT_EQ(MoneyOf(red, "written_off"), "250.00");
  EXPECT_EQ(MoneyOf(red, "overdue_amount"), "0.00");
  const Finding old = Evaluate(AClient().With(PastDue("lost", 500).WrittenOff()));
  EXPECT_EQ(old.level, Level::kGreen);
  EXPECT_EQ(MoneyOf(old, "written_off"), "0.00");
}

TEST_F(NonPaymentTest, AnUnreferencedPaymentGoesToTheOldestDueInvoiceFirst) {
  auto with_payment = [](std::string invoice) {
    return AClient()
        .With(PastDue("old", 100))
        .With(PastDue("new", 10))
        .With(APayment("p").On("2026-06-25").Amount("50.00").For(std::move(invoice)));
  };
  const Finding fifo = Evaluate(with_payment(""));
  EXPECT_EQ(fifo.level, Level::kAmber);
  EXPECT_EQ(CountOf(fifo, "unpaid_60_no_payment"), 0);
  EXPECT_EQ(MoneyOf(fifo, "overdue_90_plus"), "50.00");
  const Finding named = Evaluate(with_payment("new"));
  EXPECT_EQ(named.level, Level::kRed);
  EXPECT_EQ(CountOf(named, "unpaid_60_no_payment"), 1);
}

TEST_F(NonPaymentTest, PaymentsAfterAsOfHaveNotHappened) {
  const Finding f =
      Evaluate(AClient().With(PastDue("i", 70)).With(APayment("p").On("2026-07-01").For("i")));
  EXPECT_EQ(f.level, Level::kRed);
  EXPECT_EQ(MoneyOf(f, "overdue_61_90"), "100.00");
}

TEST_F(NonPaymentTest, TheRedDaysSettingChangesTheResult) {
  EXPECT_EQ(Evaluate(AClient().With(PastDue("i", 70))).level, Level::kRed);
  workspace_.settings["non_payment.red_days"] = 90;
  EXPECT_EQ(Evaluate(AClient().With(PastDue("i", 70))).level, Level::kAmber);
}

}  // namespace
}  // namespace addio::testing

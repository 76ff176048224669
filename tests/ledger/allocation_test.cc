#include "ledger/allocation.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

namespace addio {
namespace {

Currency Ccy(const char* code) { return *Currency::Find(code); }
Money M(const char* amount, const char* code = "EUR") { return *Money::Parse(amount, Ccy(code)); }
CivilDate D(const char* text) { return *CivilDate::Parse(text); }

class AnInvoice {
 public:
  explicit AnInvoice(std::string id) {
    invoice_.id = std::move(id);
    invoice_.client = "acme";
    invoice_.amount = M("100.00");
  }
  AnInvoice& Issued(const char* d) { return invoice_.issued = D(d), *this; }
  AnInvoice& Due(const char* d) { return invoice_.due = D(d), *this; }
  AnInvoice& Amount(const char* a, const char* code = "EUR") {
    return invoice_.amount = M(a, code), *this;
  }
  AnInvoice& Status(InvoiceStatus s) { return invoice_.status = s, *this; }
  operator Invoice() const { return invoice_; }

 private:
  Invoice invoice_;
};

class APayment {
 public:
  explicit APayment(std::string id) {
    payment_.id = std::move(id);
    payment_.client = "acme";
  }
  APayment& On(const char* d) { return payment_.date = D(d), *this; }
  APayment& Amount(const char* a, const char* code = "EUR") {
    return payment_.amount = M(a, code), *this;
  }
  APayment& For(const char* invoice) { return payment_.invoice = invoice, *this; }
  operator Payment() const { return payment_; }

 private:
  Payment payment_;
};

Workspace EurWorkspace() {
  Workspace w;
  w.currency = Ccy("EUR");
  w.fx = {{Ccy("USD"), *Decimal::Parse("0.92")}, {Ccy("GBP"), *Decimal::Parse("1.15")}};
  return w;
}

const CivilDate kAsOf = D("2026-12-31");

TEST(AllocationTest, NamedPaymentPaysItsInvoiceNotTheOldest) {
  std::vector<Invoice> invoices = {
      AnInvoice("old").Issued("2026-01-01").Due("2026-01-31"),
      AnInvoice("new").Issued("2026-02-01").Due("2026-03-01"),
  };
  std::vector<Payment> payments = {APayment("p1").On("2026-02-10").Amount("100.00").For("new")};
  AllocationResult r = AllocatePayments(invoices, payments, EurWorkspace(), kAsOf);
  EXPECT_EQ(r.settlements[0].paid, M("0.00"));
  EXPECT_EQ(r.settlements[0].open, M("100.00"));
  EXPECT_FALSE(r.settlements[0].settled);
  EXPECT_EQ(r.settlements[1].paid, M("100.00"));
  EXPECT_EQ(r.settlements[1].open, M("0.00"));
  EXPECT_EQ(r.settlements[1].settled, D("2026-02-10"));
  ASSERT_EQ(r.settlements[1].parts.size(), 1u);
  EXPECT_EQ(r.settlements[1].parts[0].payment, "p1");
  EXPECT_EQ(r.credit, M("0.00"));
}

TEST(AllocationTest, UnnamedPaymentGoesToOldestDueFirstAmongInvoicesAlreadyIssued) {
  std::vector<Invoice> invoices = {
      AnInvoice("b").Issued("2026-01-05").Due("2026-02-20").Amount("200.00"),
      AnInvoice("a").Issued("2026-01-10").Due("2026-02-10").Amount("100.00"),
      AnInvoice("c").Issued("2026-01-01").Due("2026-03-01").Amount("300.00"),
      // Due earliest of all, but issued after the payment: not eligible yet.
      AnInvoice("late").Issued("2026-01-20").Due("2026-01-25").Amount("50.00"),
  };
  std::vector<Payment> payments = {APayment("p").On("2026-01-15").Amount("250.00")};
  AllocationResult r = AllocatePayments(invoices, payments, EurWorkspace(), kAsOf);
  EXPECT_EQ(r.settlements[1].paid, M("100.00"));  // a: due 02-10
  EXPECT_EQ(r.settlements[1].settled, D("2026-01-15"));
  EXPECT_EQ(r.settlements[0].paid, M("150.00"));  // b: due 02-20
  EXPECT_EQ(r.settlements[0].open, M("50.00"));
  EXPECT_FALSE(r.settlements[0].settled);
  EXPECT_EQ(r.settlements[2].paid, M("0.00"));  // c: due 03-01
  EXPECT_EQ(r.settlements[3].paid, M("0.00"));
  EXPECT_EQ(r.credit, M("0.00"));
}

TEST(AllocationTest, ExcessOfANamedPaymentGoesToTheOtherOpenInvoices) {
  std::vector<Invoice> invoices = {
      AnInvoice("x").Issued("2026-01-01").Due("2026-01-31"),
      AnInvoice("y").Issued("2026-01-02").Due("2026-02-01"),
  };
  std::vector<Payment> payments = {APayment("p").On("2026-02-05").Amount("130.00").For("y")};
  AllocationResult r = AllocatePayments(invoices, payments, EurWorkspace(), kAsOf);
  EXPECT_EQ(r.settlements[1].paid, M("100.00"));
  EXPECT_EQ(r.settlements[0].paid, M("30.00"));
  EXPECT_EQ(r.settlements[0].parts.at(0).payment, "p");
}

TEST(AllocationTest, OverpaymentBecomesCreditThatALaterInvoiceConsumesOnItsIssueDate) {
  std::vector<Invoice> invoices = {
      AnInvoice("i1").Issued("2026-01-01").Due("2026-01-31"),
      AnInvoice("i2").Issued("2026-03-01").Due("2026-03-31").Amount("80.00"),
      AnInvoice("i3").Issued("2026-04-01").Due("2026-04-30").Amount("80.00"),
  };
  std::vector<Payment> payments = {APayment("p").On("2026-01-20").Amount("200.00").For("i1")};

  AllocationResult before = AllocatePayments(invoices, payments, EurWorkspace(), D("2026-02-15"));
  EXPECT_EQ(before.settlements[0].settled, D("2026-01-20"));
  EXPECT_EQ(before.credit, M("100.00"));
  EXPECT_EQ(before.settlements[1].paid, M("0.00"));

  AllocationResult after = AllocatePayments(invoices, payments, EurWorkspace(), kAsOf);
  ASSERT_EQ(after.settlements[1].parts.size(), 1u);
  EXPECT_EQ(after.settlements[1].parts[0].payment, "");  // credit, not the payment itself
  EXPECT_EQ(after.settlements[1].parts[0].date, D("2026-03-01"));
  EXPECT_EQ(after.settlements[1].settled, D("2026-03-01"));
  EXPECT_EQ(after.settlements[2].paid, M("20.00"));
  EXPECT_EQ(after.settlements[2].open, M("60.00"));
  EXPECT_EQ(after.credit, M("0.00"));
}

TEST(AllocationTest, PartialPaymentsSettleOnTheDayTheyReachTheAmount) {
  std::vector<Invoice> invoices = {AnInvoice("i").Issued("2026-01-01").Due("2026-01-31")};
  std::vector<Payment> payments = {
      APayment("p3").On("2026-03-01").Amount("40.00"),
      APayment("p1").On("2026-01-15").Amount("30.00").For("i"),
      APayment("p2").On("2026-02-01").Amount("30.00"),
  };
  AllocationResult partial = AllocatePayments(invoices, payments, EurWorkspace(), D("2026-02-28"));
  EXPECT_EQ(partial.settlements[0].paid, M("60.00"));
  EXPECT_FALSE(partial.settlements[0].settled);

  AllocationResult full = AllocatePayments(invoices, payments, EurWorkspace(), kAsOf);
  const InvoiceSettlement& s = full.settlements[0];
  EXPECT_EQ(s.paid, M("100.00"));
  EXPECT_EQ(s.settled, D("2026-03-01"));
  ASSERT_EQ(s.parts.size(), 3u);
  EXPECT_EQ(s.parts[0].payment, "p1");
  EXPECT_EQ(s.parts[1].payment, "p2");
  EXPECT_EQ(s.parts[2].payment, "p3");
}

TEST(AllocationTest, PaymentAfterAsOfHasNotHappened) {
  std::vector<Invoice> invoices = {AnInvoice("i").Issued("2026-01-01").Due("2026-01-31")};
  std::vector<Payment> payments = {APayment("p").On("2026-06-02").Amount("150.00").For("i")};
  AllocationResult r = AllocatePayments(invoices, payments, EurWorkspace(), D("2026-06-01"));
  EXPECT_EQ(r.settlements[0].paid, M("0.00"));
  EXPECT_EQ(r.settlements[0].open, M("100.00"));
  EXPECT_EQ(r.credit, M("0.00"));
}

TEST(AllocationTest, InvoiceIssuedAfterAsOfDoesNotExistYet) {
  std::vector<Invoice> invoices = {AnInvoice("i").Issued("2026-03-01").Due("2026-03-31")};
  std::vector<Payment> payments = {APayment("deposit").On("2026-02-01").Amount("40.00").For("i")};
  AllocationResult early = AllocatePayments(invoices, payments, EurWorkspace(), D("2026-02-15"));
  EXPECT_EQ(early.settlements[0].paid, M("0.00"));
  EXPECT_EQ(early.credit, M("40.00"));

  AllocationResult later = AllocatePayments(invoices, payments, EurWorkspace(), D("2026-03-01"));
  ASSERT_EQ(later.settlements[0].parts.size(), 1u);
  EXPECT_EQ(later.settlements[0].parts[0].payment, "deposit");
  EXPECT_EQ(later.settlements[0].parts[0].date, D("2026-02-01"));
  EXPECT_EQ(later.settlements[0].open, M("60.00"));
  EXPECT_EQ(later.credit, M("0.00"));
}

TEST(AllocationTest, VoidTakesNothingAndWrittenOffTakesOnlyNamedPayments) {
  std::vector<Invoice> invoices = {
      AnInvoice("void").Issued("2026-01-01").Due("2026-01-10").Status(InvoiceStatus::kVoid),
      AnInvoice("off").Issued("2026-01-01").Due("2026-01-11").Status(InvoiceStatus::kWrittenOff),
      AnInvoice("ok").Issued("2026-01-01").Due("2026-01-31"),
  };
  std::vector<Payment> payments = {
      APayment("p1").On("2026-02-01").Amount("60.00").For("void"),
      APayment("p2").On("2026-02-02").Amount("20.00").For("off"),
      APayment("p3").On("2026-02-03").Amount("70.00"),
  };
  AllocationResult r = AllocatePayments(invoices, payments, EurWorkspace(), kAsOf);
  EXPECT_EQ(r.settlements[0].paid, M("0.00"));
  EXPECT_EQ(r.settlements[0].open, M("0.00"));
  EXPECT_EQ(r.settlements[1].paid, M("20.00"));
  EXPECT_EQ(r.settlements[1].open, M("80.00"));
  EXPECT_EQ(r.settlements[2].paid, M("100.00"));
  EXPECT_EQ(r.settlements[2].settled, D("2026-02-03"));
  EXPECT_EQ(r.credit, M("30.00"));
}

TEST(AllocationTest, ComparesInTheInvoiceCurrencyThroughTheFxTable) {
  std::vector<Invoice> invoices = {
      AnInvoice("eur").Issued("2026-01-01").Due("2026-01-31").Amount("92.00"),
      AnInvoice("usd").Issued("2026-01-01").Due("2026-02-28").Amount("100.00", "USD"),
  };
  // 150 USD = 138 EUR: 92 EUR settle "eur", the other 46 EUR = 50 USD go to "usd".
  std::vector<Payment> payments = {APayment("p").On("2026-02-01").Amount("150.00", "USD")};
  AllocationResult r = AllocatePayments(invoices, payments, EurWorkspace(), kAsOf);
  EXPECT_EQ(r.settlements[0].paid, M("92.00"));
  EXPECT_EQ(r.settlements[0].settled, D("2026-02-01"));
  EXPECT_EQ(r.settlements[1].paid, M("50.00", "USD"));
  EXPECT_EQ(r.settlements[1].open, M("50.00", "USD"));
  EXPECT_EQ(r.credit, M("0.00"));
}

TEST(AllocationTest, CreditIsReportedInTheWorkspaceCurrency) {
  std::vector<Invoice> invoices = {
      AnInvoice("i").Issued("2026-01-01").Due("2026-01-31").Amount("100.00", "USD")};
  std::vector<Payment> payments = {APayment("p").On("2026-01-10").Amount("150.00", "USD")};
  AllocationResult r = AllocatePayments(invoices, payments, EurWorkspace(), kAsOf);
  EXPECT_EQ(r.settlements[0].paid, M("100.00", "USD"));
  EXPECT_EQ(r.credit, M("46.00"));
}

TEST(AllocationTest, ConvertGoesThroughTheWorkspaceCurrency) {
  const Workspace w = EurWorkspace();
  EXPECT_EQ(*Convert(M("100.00", "USD"), Ccy("EUR"), w), M("92.00"));
  EXPECT_EQ(*Convert(M("46.00"), Ccy("USD"), w), M("50.00", "USD"));
  // 92 USD = 84.64 EUR = 73.6 GBP.
  EXPECT_EQ(*Convert(M("92.00", "USD"), Ccy("GBP"), w), M("73.60", "GBP"));
  EXPECT_EQ(Convert(M("1.00"), Ccy("JPY"), w).error().code, ErrorCode::kValidation);
}

TEST(AllocationTest, ConvertRoundsHalfAwayFromZero) {
  Workspace w;
  w.fx = {{Ccy("USD"), *Decimal::Parse("0.5")}};
  EXPECT_EQ(*Convert(M("0.01", "USD"), Ccy("EUR"), w), M("0.01"));  // 0.005 -> 0.01
  EXPECT_FALSE(Convert(M("1.00", "GBP"), Ccy("EUR"), w));
}

TEST(AllocationTest, TiesBreakByIssuedThenIdWhateverTheInputOrder) {
  std::vector<Invoice> invoices = {
      AnInvoice("z").Issued("2026-01-01").Due("2026-02-01").Amount("50.00"),
      AnInvoice("b").Issued("2026-01-03").Due("2026-02-01").Amount("50.00"),
      AnInvoice("a").Issued("2026-01-03").Due("2026-02-01").Amount("50.00"),
  };
  std::vector<Payment> payments = {
      APayment("q").On("2026-01-20").Amount("30.00"),
      APayment("p").On("2026-01-20").Amount("50.00"),
  };
  AllocationResult r = AllocatePayments(invoices, payments, EurWorkspace(), kAsOf);
  // Same due: "z" was issued first; then "a" before "b" by id. Payment "p" before "q".
  EXPECT_EQ(r.settlements[0].paid, M("50.00"));
  EXPECT_EQ(r.settlements[0].parts.at(0).payment, "p");
  EXPECT_EQ(r.settlements[2].paid, M("30.00"));
  EXPECT_EQ(r.settlements[2].parts.at(0).payment, "q");
  EXPECT_EQ(r.settlements[1].paid, M("0.00"));

  std::reverse(invoices.begin(), invoices.end());
  std::reverse(payments.begin(), payments.end());
  AllocationResult reversed = AllocatePayments(invoices, payments, EurWorkspace(), kAsOf);
  for (size_t i = 0; i < invoices.size(); ++i) {
    const size_t j = invoices.size() - 1 - i;
    EXPECT_EQ(reversed.settlements[i].paid, r.settlements[j].paid) << invoices[i].id;
    EXPECT_EQ(reversed.settlements[i].settled, r.settlements[j].settled) << invoices[i].id;
  }
}

}  // namespace
}  // namespace addio

// Which invoice a bank credit pays: by an invoice number in its reference, else by a known
// payer and an exact open amount, else kept for review. Never a silent guess.
#include "ingest/bank_matching.h"

#include <gtest/gtest.h>

#include <string>

namespace addio {
namespace {

Money M(const char* amount, const char* code = "EUR") {
  return *Money::Parse(amount, *Currency::Find(code));
}
CivilDate D(const char* text) { return *CivilDate::Parse(text); }

Invoice AnInvoice(const std::string& id, const std::string& client, const char* amount,
                  const char* issued = "2025-01-10", const char* due = "2025-02-09") {
  return Invoice{
      .id = id, .client = client, .issued = D(issued), .due = D(due), .amount = M(amount)};
}

BankCredit ACredit(const std::string& id, const char* amount, const std::string& payer,
                   const std::string& reference, const char* date = "2025-03-01") {
  return BankCredit{.id = id,
                    .date = D(date),
                    .amount = M(amount),
                    .payer = payer,
                    .reference = reference,
                    .where = {"march.xml", 12, ""}};
}

// Two clients with open invoices; acme has paid 400.00 of 2025-003.
Ledger AStore() {
  Ledger ledger;
  ledger.clients = {Client{.id = "acme", .name = "ACME S.r.l."},
                    Client{.id = "beta", .name = "Beta Design GmbH"}};
  ledger.invoices = {AnInvoice("2025-001", "acme", "500.00"),
                     AnInvoice("2025-002", "acme", "500.00", "2025-01-20", "2025-02-19"),
                     AnInvoice("2025-003", "acme", "1000.00"), AnInvoice("12", "beta", "300.00"),
                     AnInvoice("13", "beta", "200.00")};
  ledger.payments = {Payment{.id = "p1",
                             .client = "acme",
                             .invoice = "2025-003",
                             .date = D("2025-02-01"),
                             .amount = M("400.00")}};
  return ledger;
}

class CreditMatcherTest : public ::testing::Test {
 protected:
  Ledger stored_ = AStore();
  Ledger incoming_;
};

TEST_F(CreditMatcherTest, AnInvoiceNumberInTheReferenceNamesTheInvoice) {
  CreditMatcher matcher(stored_, incoming_);
  const MatchOutcome outcome =
      matcher.Match(ACredit("camt-1", "123.00", "Someone Else", "Saldo fattura 2025-002"));
  EXPECT_EQ(outcome.kind, MatchKind::kByReference);
  const Payment expected{.id = "camt-1",
                         .client = "acme",
                         .invoice = "2025-002",
                         .date = D("2025-03-01"),
                         .amount = M("123.00")};
  EXPECT_EQ(outcome.payment, expected);
  EXPECT_TRUE(outcome.review.empty());
}

TEST_F(CreditMatcherTest, AShortNumberNeedsAnInvoiceWord) {
  CreditMatcher matcher(stored_, incoming_);
  EXPECT_EQ(matcher.Match(ACredit("a", "5.00", "", "Fattura n. 12 del 13/01/2025")).payment.invoice,
            "12");
  EXPECT_EQ(matcher.Match(ACredit("b", "5.00", "", "INV #13")).payment.invoice, "13");
  // A number in a date, an amount or plain words is not an invoice number.
  EXPECT_EQ(matcher.Match(ACredit("c", "5.00", "", "ordine 12 pezzi")).kind, MatchKind::kUnmatched);
  EXPECT_EQ(matcher.Match(ACredit("d", "5.00", "", "fattura del 12/13/2025")).kind,
            MatchKind::kUnmatched);
  EXPECT_EQ(matcher.Match(ACredit("e", "5.00", "", "fattura importo 1.12")).kind,
            MatchKind::kUnmatched);
}

TEST_F(CreditMatcherTest, AYearPrefixedIdIsFoundByItsNumber) {
  stored_.invoices.push_back(AnInvoice("2024/7", "beta", "80.00", "2024-11-02", "2024-12-02"));
  CreditMatcher matcher(stored_, incoming_);
  EXPECT_EQ(matcher.Match(ACredit("a", "80.00", "", "Rif. fatt. 7/2024")).payment.invoice,
            "2024/7");
  EXPECT_EQ(matcher.Match(ACredit("b", "80.00", "", "fattura 7")).payment.invoice, "2024/7");
}

TEST_F(CreditMatcherTest, SeveralInvoicesOfOneClientBookTheOneDueFirst) {
  CreditMatcher matcher(stored_, incoming_);
  const MatchOutcome outcome = matcher.Match(ACredit("a", "500.00", "", "Fatture 13 e 12"));
  EXPECT_EQ(outcome.kind, MatchKind::kByReference);
  EXPECT_EQ(outcome.payment.client, "beta");
  EXPECT_EQ(outcome.payment.invoice, "12");  // same due date, then id
  EXPECT_NE(outcome.review.In(Lang::kEn).find("names 2 invoices"), std::string::npos);
}

TEST_F(CreditMatcherTest, InvoicesOfDifferentClientsAreNotGuessed) {
  CreditMatcher matcher(stored_, incoming_);
  const MatchOutcome outcome = matcher.Match(ACredit("a", "800.00", "", "INV 2025-001 and 12"));
  EXPECT_EQ(outcome.kind, MatchKind::kUnmatched);
  EXPECT_NE(outcome.review.In(Lang::kEn).find("different clients"), std::string::npos);
}

TEST_F(CreditMatcherTest, AKnownPayerAndAnExactOpenAmountNameTheInvoice) {
  CreditMatcher matcher(stored_, incoming_);
  // 2025-003 still owes 600.00 after the stored payment of 400.00.
  const MatchOutcome outcome = matcher.Match(ACredit("a", "600.00", "ACME SRL", "bonifico"));
  EXPECT_EQ(outcome.kind, MatchKind::kByPayerAndAmount);
  EXPECT_EQ(outcome.payment.invoice, "2025-003");
  EXPECT_EQ(outcome.payment.client, "acme");
  EXPECT_TRUE(outcome.review.empty());
}

TEST_F(CreditMatcherTest, EqualAmountsGoToTheInvoiceDueFirstThenTheNext) {
  CreditMatcher matcher(stored_, incoming_);
  const MatchOutcome first = matcher.Match(ACredit("a", "500.00", "Acme srl", "bonifico"));
  EXPECT_EQ(first.payment.invoice, "2025-001");
  EXPECT_NE(first.review.In(Lang::kEn).find("2 open invoices"), std::string::npos);
  const MatchOutcome second = matcher.Match(ACredit("b", "500.00", "Acme srl", "bonifico"));
  EXPECT_EQ(second.payment.invoice, "2025-002");
  EXPECT_TRUE(second.review.empty());
  const MatchOutcome third = matcher.Match(ACredit("c", "500.00", "Acme srl", "bonifico"));
  EXPECT_EQ(third.kind, MatchKind::kUnmatched);
}

TEST_F(CreditMatcherTest, AKnownPayerWithoutAnExactAmountIsKeptForReview) {
  CreditMatcher matcher(stored_, incoming_);
  const MatchOutcome outcome = matcher.Match(ACredit("camt-9", "450.00", "ACME SRL", "acconto"));
  EXPECT_EQ(outcome.kind, MatchKind::kUnmatched);
  const UnmatchedCredit expected{.id = "camt-9",
                                 .date = D("2025-03-01"),
                                 .amount = M("450.00"),
                                 .payer = "ACME SRL",
                                 .reference = "acconto",
                                 .source = "march.xml"};
  EXPECT_EQ(outcome.unmatched, expected);
  EXPECT_NE(outcome.review.In(Lang::kEn).find("the payer is client acme"), std::string::npos);
  EXPECT_NE(outcome.review.In(Lang::kEn).find("addio match camt-9 INVOICE"), std::string::npos);
}

TEST_F(CreditMatcherTest, AnUnknownPayerIsKeptForReview) {
  CreditMatcher matcher(stored_, incoming_);
  const MatchOutcome outcome = matcher.Match(ACredit("x", "500.00", "Gamma Ltd", "thanks"));
  EXPECT_EQ(outcome.kind, MatchKind::kUnmatched);
  EXPECT_NE(outcome.review.In(Lang::kEn).find("no client named Gamma Ltd"), std::string::npos);
}

TEST_F(CreditMatcherTest, AStoredPaymentIsGivenBackUnchanged) {
  CreditMatcher matcher(stored_, incoming_);
  const MatchOutcome outcome = matcher.Match(ACredit("p1", "999.00", "Gamma Ltd", "x"));
  EXPECT_EQ(outcome.kind, MatchKind::kAlreadyBooked);
  EXPECT_EQ(outcome.payment, stored_.payments[0]);
}

TEST_F(CreditMatcherTest, APaidInvoiceNamedAgainKeepsTheMoneyAsCredit) {
  stored_.payments.push_back(Payment{.id = "p2",
                                     .client = "beta",
                                     .invoice = "13",
                                     .date = D("2025-02-01"),
                                     .amount = M("200.00")});
  CreditMatcher matcher(stored_, incoming_);
  const MatchOutcome outcome = matcher.Match(ACredit("a", "200.00", "", "invoice 13"));
  EXPECT_EQ(outcome.kind, MatchKind::kByReference);
  EXPECT_EQ(outcome.payment.invoice, "13");
  EXPECT_NE(outcome.review.In(Lang::kEn).find("already paid"), std::string::npos);
}

TEST_F(CreditMatcherTest, AnotherCurrencyNeedsAnExchangeRate) {
  CreditMatcher matcher(stored_, incoming_);
  BankCredit dollars = ACredit("a", "10.00", "", "invoice 2025-001");
  dollars.amount = M("10.00", "USD");
  EXPECT_EQ(matcher.Match(dollars).kind, MatchKind::kUnmatched);
  stored_.workspace.fx = {{*Currency::Find("USD"), *Decimal::Parse("0.9")}};
  CreditMatcher with_rate(stored_, incoming_);
  EXPECT_EQ(with_rate.Match(dollars).kind, MatchKind::kByReference);
}

TEST_F(CreditMatcherTest, InvoicesOfTheSameImportCount) {
  incoming_.clients = {Client{.id = "delta", .name = "Delta Srl"}};
  incoming_.invoices = {AnInvoice("FT-9", "delta", "70.00")};
  CreditMatcher matcher(stored_, incoming_);
  EXPECT_EQ(matcher.Match(ACredit("a", "70.00", "DELTA SRL", "")).payment.invoice, "FT-9");
}

TEST(MatchCredits, AppendsPaymentsUnmatchedReviewAndPreview) {
  const Ledger stored = AStore();
  IngestContext context;
  context.existing = &stored;
  IngestResult result;
  std::vector<BankCredit> credits = {
      ACredit("b", "600.00", "ACME SRL", "", "2025-03-05"),
      ACredit("a", "7.00", "Nobody", "", "2025-03-01"),
      ACredit("b", "600.00", "ACME SRL", "", "2025-03-05"),  // the same entry again
      ACredit("a", "8.00", "Nobody", "", "2025-03-01"),      // another credit, same id
  };
  MatchCredits(credits, context, result);
  ASSERT_EQ(result.ledger.payments.size(), 1u);
  EXPECT_EQ(result.ledger.payments[0].invoice, "2025-003");
  EXPECT_EQ(result.source.locations["payment"].size(), 1u);
  EXPECT_EQ(result.source.locations["payment"][0].line, 12);
  ASSERT_EQ(result.unmatched.size(), 2u);
  EXPECT_EQ(result.unmatched[0].id, "a");
  EXPECT_EQ(result.unmatched[1].id, "a-2");
  EXPECT_EQ(result.diagnostics.WarningCount(), 1u);
  EXPECT_EQ(result.review.size(), 2u);
  ASSERT_EQ(result.preview.size(), 4u);  // header and three credits
  EXPECT_EQ(result.preview[3][5], "by payer and amount: 2025-003");
}

TEST(ParseStatementAmount, IsExact) {
  const Currency eur;
  EXPECT_EQ(*ParseStatementAmount("8.850", eur), M("8.85"));
  EXPECT_EQ(*ParseStatementAmount(" +00000000000115.8300 ", eur), M("115.83"));
  EXPECT_EQ(*ParseStatementAmount("-12,5", eur), M("-12.50"));
  EXPECT_EQ(*ParseStatementAmount("120", eur), M("120.00"));
  EXPECT_FALSE(ParseStatementAmount("8.855", eur));
  EXPECT_FALSE(ParseStatementAmount("$120", eur));
  EXPECT_FALSE(ParseStatementAmount("1.200,00", eur));
  EXPECT_FALSE(ParseStatementAmount("", eur));
  EXPECT_FALSE(ParseStatementAmount("-", eur));
  const Currency yen = *Currency::Find("JPY");
  EXPECT_EQ(ParseStatementAmount("2700.00", yen)->minor(), 2700);
  EXPECT_FALSE(ParseStatementAmount("2700.5", yen));
}

}  // namespace
}  // namespace addio

#include "report/receivables_report.h"

#include <gtest/gtest.h>

#include <string>

namespace addio {
namespace {

CivilDate D(const char* text) { return *CivilDate::Parse(text); }
Money Eur(const char* text) { return *Money::Parse(text, Currency()); }

bool Contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

AgingReport AnAging() {
  AgingReport aging;
  aging.as_of = D("2026-03-31");
  aging.totals.fill(Eur("0.00"));
  AgingRow row;
  row.client = "rossi";
  row.name = "Rossi, \"Bianchi\" & <C>";
  row.buckets = {Eur("1234.50"), Eur("0.00"), Eur("10.00"), Eur("0.00"), Eur("0.00")};
  row.total = Eur("1244.50");
  row.written_off = Eur("0.00");
  aging.clients.push_back(row);
  aging.totals = row.buckets;
  aging.total = row.total;
  aging.written_off = Eur("0.00");
  return aging;
}

Statement AStatement() {
  Statement s;
  s.client = "acme";
  s.name = "ACME | S.r.l.";
  s.as_of = D("2025-04-15");
  s.open_items.push_back(
      {"I1", D("2025-01-10"), D("2025-02-09"), Eur("1000.00"), Eur("400.00"), Eur("600.00"), 65});
  StatementPayment payment{"P2", D("2025-03-10"), Eur("900.00"), {}, Eur("300.00")};
  payment.applied.push_back({"I1", Eur("600.00")});
  s.payments.push_back(payment);
  s.total_open = Eur("600.00");
  s.credit = Eur("0.00");
  s.balance = Eur("600.00");
  return s;
}

TEST(ReceivablesReportTest, ParsesFormatNames) {
  EXPECT_EQ(ParseReceivablesFormat("csv"), ReceivablesFormat::kCsv);
  EXPECT_EQ(ParseReceivablesFormat("markdown"), ReceivablesFormat::kMarkdown);
  EXPECT_EQ(ParseReceivablesFormat("json"), std::nullopt);
}

// RFC 4180: a field with a comma or a quote is quoted and its quotes doubled; '.'
// decimals without grouping whatever the language.
TEST(ReceivablesReportTest, AgingCsvEscapesFieldsAndKeepsPlainNumbers) {
  const std::string csv = RenderAging(AnAging(), ReceivablesFormat::kCsv, Lang::kIt);
  const std::string header =
      "Cliente,Nome,A scadere,1–30 giorni,31–60 giorni,61–90 giorni,Oltre 90 giorni,Totale,"
      "Stralciato\r\n";
  EXPECT_EQ(csv, header +
                     "rossi,\"Rossi, \"\"Bianchi\"\" & <C>\",1234.50,0.00,10.00,0.00,0.00,"
                     "1244.50,0.00\r\n");
}

TEST(ReceivablesReportTest, AgingTableLocalizesNumbersAndDates) {
  const std::string en = RenderAging(AnAging(), ReceivablesFormat::kTable, Lang::kEn);
  EXPECT_TRUE(Contains(en, "Receivables aging"));
  EXPECT_TRUE(Contains(en, "1,234.50"));
  EXPECT_TRUE(Contains(en, "2026-03-31"));
  const std::string it = RenderAging(AnAging(), ReceivablesFormat::kTable, Lang::kIt);
  EXPECT_TRUE(Contains(it, "Anzianità dei crediti"));
  EXPECT_TRUE(Contains(it, "1.234,50"));
  EXPECT_TRUE(Contains(it, "31/03/2026"));
}

TEST(ReceivablesReportTest, AgingMarkupEscapesNames) {
  const std::string html = RenderAging(AnAging(), ReceivablesFormat::kHtml, Lang::kEn);
  EXPECT_TRUE(Contains(html, "Rossi, &quot;Bianchi&quot; &amp; &lt;C&gt; (rossi)"));
  EXPECT_FALSE(Contains(html, "<C>"));
  EXPECT_TRUE(Contains(html, "<html lang=\"en\">"));
  const std::string md = RenderStatement(AStatement(), ReceivablesFormat::kMarkdown, Lang::kEn);
  EXPECT_TRUE(Contains(md, "ACME \\| S.r.l."));
  EXPECT_TRUE(Contains(md, "| I1 | 2025-01-10 | 2025-02-09 | 1,000.00 | 400.00 | 600.00 | 65 |"));
}

TEST(ReceivablesReportTest, EmptyAgingSaysSo) {
  AgingReport aging;
  aging.totals.fill(Eur("0.00"));
  aging.total = aging.written_off = Eur("0.00");
  EXPECT_TRUE(
      Contains(RenderAging(aging, ReceivablesFormat::kTable, Lang::kIt), "Nessun credito aperto."));
}

TEST(ReceivablesReportTest, StatementCsvHasOneRowPerItem) {
  const std::string csv = RenderStatement(AStatement(), ReceivablesFormat::kCsv, Lang::kEn);
  EXPECT_EQ(csv,
            "Kind,Reference,Date,Due,Amount,Paid,Open,Days past due,Applied to\r\n"
            "invoice,I1,2025-01-10,2025-02-09,1000.00,400.00,600.00,65,\r\n"
            "payment,P2,2025-03-10,,900.00,,,,I1 600.00; credit 300.00\r\n"
            "credit,,2025-04-15,,0.00,,,,\r\n"
            "balance,,2025-04-15,,600.00,,,,\r\n");
}

TEST(ReceivablesReportTest, StatementTableShowsItemsPaymentsAndBalance) {
  const std::string it = RenderStatement(AStatement(), ReceivablesFormat::kTable, Lang::kIt);
  EXPECT_TRUE(Contains(it, "Estratto conto"));
  EXPECT_TRUE(Contains(it, "Partite aperte"));
  EXPECT_TRUE(Contains(it, "Giorni di ritardo"));
  EXPECT_TRUE(Contains(it, "I1 600,00, credito 300,00"));
  EXPECT_TRUE(Contains(it, "Saldo dovuto: 600,00 EUR"));
}

TEST(ReceivablesReportTest, NegativeBalanceIsInTheClientsFavour) {
  Statement s = AStatement();
  s.open_items.clear();
  s.total_open = Eur("0.00");
  s.credit = Eur("100.00");
  s.balance = Eur("-100.00");
  EXPECT_TRUE(Contains(RenderStatement(s, ReceivablesFormat::kTable, Lang::kIt),
                       "Saldo a favore del cliente: 100,00 EUR"));
  EXPECT_TRUE(Contains(RenderStatement(s, ReceivablesFormat::kCsv, Lang::kEn),
                       "balance,,2025-04-15,,-100.00,,,,\r\n"));
}

TEST(ReceivablesReportTest, LateInterestShowsEveryLine) {
  ClientLateInterest claim;
  claim.client = "acme";
  claim.name = "ACME";
  claim.as_of = D("2023-12-31");
  InvoiceLateInterest invoice;
  invoice.invoice = "2023-007";
  invoice.due = D("2023-05-31");
  invoice.until = D("2023-09-15");
  invoice.settled = true;
  invoice.lines = {{D("2023-06-01"), D("2023-06-30"), 30, Eur("1000.00"), 250, 1050, Eur("8.63")},
                   {D("2023-07-01"), D("2023-09-15"), 77, Eur("1000.00"), 400, 1200, Eur("25.32")}};
  invoice.interest = Eur("33.95");
  invoice.fixed = Eur("40.00");
  invoice.total = Eur("73.95");
  claim.invoices.push_back(invoice);
  claim.interest = Eur("33.95");
  claim.fixed = Eur("40.00");
  claim.total = Eur("73.95");
  const LateInterestRules rules = StatutoryRules(Jurisdiction::kItalyEu);

  const std::string it = RenderLateInterest(claim, rules, ReceivablesFormat::kTable, Lang::kIt);
  EXPECT_TRUE(Contains(it, "Tasso di riferimento + 8,00 punti"));
  EXPECT_TRUE(Contains(it, "10,50%"));
  EXPECT_TRUE(Contains(it, "pagata il 15/09/2023"));
  EXPECT_TRUE(Contains(it, "Totale: 73,95 EUR"));

  const std::string csv = RenderLateInterest(claim, rules, ReceivablesFormat::kCsv, Lang::kEn);
  EXPECT_TRUE(Contains(csv,
                       "interest,2023-007,2023-07-01,2023-09-15,77,1000.00,4.00,12.00,"
                       "25.32,EUR\r\n"));
  EXPECT_TRUE(Contains(csv, "fixed compensation,2023-007,,,,,,,40.00,EUR\r\n"));
}

}  // namespace
}  // namespace addio

// The ISO 20022 camt importer: every shared sample (camt.052/053/054, several versions, one
// deliberately wrong) and hand-written statements for matching and each edge case.
#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

#include "ingest/importers.h"

namespace addio {
namespace {

namespace fs = std::filesystem;

Money M(const char* amount, const char* code = "EUR") {
  return *Money::Parse(amount, *Currency::Find(code));
}
CivilDate D(const char* text) { return *CivilDate::Parse(text); }

std::string RealData() {
  const char* env = std::getenv("ADDIO_REAL_DATA");
  const std::string root = env && *env ? env : std::string(ADDIO_SOURCE_DIR) + "/../shared/data";
  const std::string dir = root + "/camt053_bank_statements";
  return fs::is_directory(dir) ? dir : "";
}

IngestResult Read(const std::string& path, const Ledger& existing = Ledger{}) {
  IngestContext context;
  context.existing = &existing;
  return CamtImporter().Read(path, context);
}

// --- the shared samples ---

TEST(CamtRealData, EveryFileGivesItsIncomingCredits) {
  const std::string dir = RealData();
  if (dir.empty()) GTEST_SKIP() << "no shared camt samples";
  // The camt.052 and camt.054 samples only hold debits (money going out).
  const std::pair<const char*, size_t> files[] = {
      {"camt052.v1.xml", 0},
      {"camt052.v2.other-account.xml", 0},
      {"camt052.v2.with-account-name.xml", 0},
      {"camt052.v2.xml", 0},
      {"camt052.v4.xml", 0},
      {"camt052.v6.Amt-zero.xml", 0},
      {"camt052.v6.xml", 0},
      {"camt052.v8.xml", 0},
      {"camt053.v2.all-balance-types.xml", 1},
      {"camt053.v2.five.decimals.xml", 1},
      {"camt053.v2.minimal.ultimate.xml", 1},
      {"camt053.v2.minimal.xml", 1},
      {"camt053.v2.multi.statement.xml", 1},
      {"camt053.v2.with-account-name.xml", 1},
      {"camt053.v2.with-party-ids.xml", 1},
      {"camt053.v3.xml", 1},
      {"camt053.v4.xml", 1},
      {"camt053.v8.xml", 1},
      {"camt054.v2.with-account-name.xml", 0},
      {"camt054.v2.xml", 0},
      {"camt054.v4.xml", 0},
      {"camt054.v8-with-UETR.xml", 0},
      {"camt054.v8-with-financial-institution.xml", 0},
      {"camt054.v8.xml", 0},
      {"camt53.only-Dt-with-DtTm.xml", 0},
  };
  for (const auto& [file, credits] : files) {
    SCOPED_TRACE(file);
    const IngestResult r = Read(dir + "/" + file);
    EXPECT_FALSE(r.diagnostics.HasErrors()) << r.diagnostics.ToString();
    EXPECT_EQ(r.format, "camt");
    EXPECT_TRUE(r.ledger.payments.empty());  // nothing to match them to
    ASSERT_EQ(r.unmatched.size(), credits);
    EXPECT_EQ(r.review.size(), credits);
    if (credits == 0) continue;
    const UnmatchedCredit& credit = r.unmatched[0];
    EXPECT_EQ(credit.amount, M("8.85"));  // "8.850" in five.decimals
    EXPECT_EQ(credit.date, D("2014-12-31"));
    EXPECT_EQ(credit.source, dir + "/" + file);
  }
}

TEST(CamtRealData, PayerReferenceAndIdComeFromTheEntry) {
  const std::string dir = RealData();
  if (dir.empty()) GTEST_SKIP() << "no shared camt samples";
  const IngestResult minimal = Read(dir + "/camt053.v2.minimal.xml");
  ASSERT_EQ(minimal.unmatched.size(), 1u);
  EXPECT_EQ(minimal.unmatched[0].payer, "NAME NAME");
  EXPECT_EQ(minimal.unmatched[0].reference, "4654654654654654");
  EXPECT_EQ(minimal.unmatched[0].id.rfind("camt-", 0), 0u);  // no bank reference: a hash
  const IngestResult ultimate = Read(dir + "/camt053.v2.minimal.ultimate.xml");
  EXPECT_EQ(ultimate.unmatched.at(0).payer, "DEBTOR NAME NM");
  const IngestResult v4 = Read(dir + "/camt053.v4.xml");
  EXPECT_EQ(v4.unmatched.at(0).id, "camt-AAAASESS-FP-CN_98765/01");
  const IngestResult v8 = Read(dir + "/camt053.v8.xml");
  EXPECT_EQ(v8.unmatched.at(0).id, "camt-AAAASESS-FP-CN_98765/01");
  EXPECT_EQ(v8.unmatched.at(0).date, D("2014-12-31"));  // from a DtTm
}

TEST(CamtRealData, TheWrongFileIsAClearError) {
  const std::string dir = RealData();
  if (dir.empty()) GTEST_SKIP() << "no shared camt samples";
  const IngestResult r = Read(dir + "/camt053.v2.wrong.xml");
  ASSERT_EQ(r.diagnostics.ErrorCount(), 1u);
  const Diagnostic& d = r.diagnostics.items()[0];
  EXPECT_EQ(d.file, dir + "/camt053.v2.wrong.xml");
  EXPECT_EQ(d.line, 3);
  EXPECT_EQ(d.path, "Document/BkToCstmrStmt");
  EXPECT_NE(d.message.In(Lang::kEn).find("no statement (Stmt)"), std::string::npos);
}

TEST(CamtRealData, MatchesAnInvoiceByReferenceOrByPayerAndAmount) {
  const std::string dir = RealData();
  if (dir.empty()) GTEST_SKIP() << "no shared camt samples";
  Ledger stored;
  stored.clients = {Client{.id = "nn", .name = "Name Name Ltd"}};
  stored.invoices = {Invoice{.id = "2014-77",
                             .client = "nn",
                             .issued = D("2014-12-01"),
                             .due = D("2014-12-31"),
                             .amount = M("8.85")}};
  const IngestResult by_amount = Read(dir + "/camt053.v2.minimal.xml", stored);
  ASSERT_EQ(by_amount.ledger.payments.size(), 1u);
  EXPECT_EQ(by_amount.ledger.payments[0].invoice, "2014-77");
  EXPECT_EQ(by_amount.ledger.payments[0].client, "nn");
  EXPECT_EQ(by_amount.ledger.payments[0].amount, M("8.85"));
  EXPECT_TRUE(by_amount.unmatched.empty());

  stored.invoices[0].id = "4654654654654654";  // the structured creditor reference
  stored.invoices[0].amount = M("100.00");
  const IngestResult by_reference = Read(dir + "/camt053.v2.with-party-ids.xml", stored);
  ASSERT_EQ(by_reference.ledger.payments.size(), 1u);
  EXPECT_EQ(by_reference.ledger.payments[0].invoice, "4654654654654654");
}

// --- hand-written statements ---

struct Entry {
  std::string amount = "500.00";
  std::string direction = "CRDT";
  std::string status = "<Sts>BOOK</Sts>";
  std::string reversal;
  std::string bank_ref = "REF-1";
  std::string date = "<BookgDt><Dt>2025-03-03</Dt></BookgDt>";
  std::string details =
      "<NtryDtls><TxDtls><RltdPties><Dbtr><Nm>ACME SRL</Nm></Dbtr></RltdPties>"
      "<RmtInf><Ustrd>Saldo fattura 2025-004</Ustrd></RmtInf></TxDtls></NtryDtls>";
};

std::string Camt(const std::vector<Entry>& entries) {
  std::string xml =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      "<Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:camt.053.001.08\">\n<BkToCstmrStmt>\n"
      "<GrpHdr><MsgId>M1</MsgId></GrpHdr>\n<Stmt>\n<Id>S1</Id>\n"
      "<Acct><Id><IBAN>IT60X0542811101000000123456</IBAN></Id></Acct>\n";
  for (const Entry& e : entries) {
    xml += "<Ntry>\n<Amt Ccy=\"EUR\">" + e.amount + "</Amt>\n<CdtDbtInd>" + e.direction +
           "</CdtDbtInd>\n" + e.reversal + e.status + "\n" + e.date + "\n" +
           (e.bank_ref.empty() ? "" : "<AcctSvcrRef>" + e.bank_ref + "</AcctSvcrRef>\n") +
           e.details + "\n</Ntry>\n";
  }
  return xml + "</Stmt>\n</BkToCstmrStmt>\n</Document>\n";
}

Ledger AStore() {
  Ledger stored;
  stored.clients = {Client{.id = "acme", .name = "ACME S.r.l."}};
  stored.invoices = {Invoice{.id = "2025-004",
                             .client = "acme",
                             .issued = D("2025-02-01"),
                             .due = D("2025-03-03"),
                             .amount = M("500.00")},
                     Invoice{.id = "2025-005",
                             .client = "acme",
                             .issued = D("2025-02-10"),
                             .due = D("2025-03-12"),
                             .amount = M("320.00")}};
  return stored;
}

class CamtFixtures : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("addio-camt-" + std::to_string(::getpid()) + "-" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }
  std::string Write(const std::string& name, const std::string& content) {
    const fs::path path = dir_ / name;
    std::ofstream(path, std::ios::binary) << content;
    return path.string();
  }
  fs::path dir_;
};

TEST_F(CamtFixtures, ACreditNamingAnInvoiceBecomesItsPayment) {
  const IngestResult r = Read(Write("s.xml", Camt({Entry{}})), AStore());
  ASSERT_FALSE(r.diagnostics.HasErrors()) << r.diagnostics.ToString();
  ASSERT_EQ(r.ledger.payments.size(), 1u);
  const Payment expected{.id = "camt-REF-1",
                         .client = "acme",
                         .invoice = "2025-004",
                         .date = D("2025-03-03"),
                         .amount = M("500.00")};
  EXPECT_EQ(r.ledger.payments[0], expected);
  EXPECT_EQ(r.source.locations.at("payment")[0].line, 8);
  EXPECT_TRUE(r.unmatched.empty());
  EXPECT_TRUE(r.review.empty());
}

TEST_F(CamtFixtures, DebitsPendingAndReversedEntriesAreNotPayments) {
  Entry debit;
  debit.direction = "DBIT";
  Entry pending;
  pending.status = "<Sts><Cd>PDNG</Cd></Sts>";
  pending.bank_ref = "REF-2";
  Entry reversal;
  reversal.reversal = "<RvslInd>true</RvslInd>";
  reversal.bank_ref = "REF-3";
  const IngestResult r = Read(Write("s.xml", Camt({debit, pending, reversal})), AStore());
  EXPECT_FALSE(r.diagnostics.HasErrors()) << r.diagnostics.ToString();
  EXPECT_TRUE(r.ledger.payments.empty());
  EXPECT_TRUE(r.unmatched.empty());
  ASSERT_EQ(r.review.size(), 2u);
  EXPECT_NE(r.review[0].In(Lang::kEn).find("PDNG"), std::string::npos);
  EXPECT_NE(r.review[1].In(Lang::kEn).find("reversal"), std::string::npos);
}

TEST_F(CamtFixtures, ABatchWithItsOwnAmountsIsOneCreditPerTransaction) {
  Entry batch;
  batch.amount = "820.00";
  batch.details =
      "<NtryDtls>"
      "<TxDtls><Amt Ccy=\"EUR\">500.00</Amt><RmtInf><Ustrd>INV 2025-004</Ustrd></RmtInf></TxDtls>"
      "<TxDtls><Amt Ccy=\"EUR\">320.00</Amt><RltdPties><Dbtr><Pty><Nm>Acme srl</Nm></Pty></Dbtr>"
      "</RltdPties></TxDtls></NtryDtls>";
  const IngestResult r = Read(Write("s.xml", Camt({batch})), AStore());
  ASSERT_EQ(r.ledger.payments.size(), 2u) << r.diagnostics.ToString();
  EXPECT_EQ(r.ledger.payments[0].id, "camt-REF-1-1");
  EXPECT_EQ(r.ledger.payments[0].invoice, "2025-004");
  EXPECT_EQ(r.ledger.payments[1].id, "camt-REF-1-2");
  EXPECT_EQ(r.ledger.payments[1].invoice, "2025-005");  // by payer and amount
}

TEST_F(CamtFixtures, AnUnknownPayerIsListedForReview) {
  Entry entry;
  entry.details =
      "<NtryDtls><TxDtls><RltdPties><Dbtr><Nm>Gamma Ltd</Nm></Dbtr></RltdPties>"
      "<RmtInf><Strd><RfrdDocInf><Nb>X-1</Nb></RfrdDocInf></Strd></RmtInf></TxDtls></NtryDtls>";
  const IngestResult r = Read(Write("s.xml", Camt({entry})), AStore());
  ASSERT_EQ(r.unmatched.size(), 1u);
  const UnmatchedCredit expected{.id = "camt-REF-1",
                                 .date = D("2025-03-03"),
                                 .amount = M("500.00"),
                                 .payer = "Gamma Ltd",
                                 .reference = "X-1",
                                 .source = (dir_ / "s.xml").string()};
  EXPECT_EQ(r.unmatched[0], expected);
  ASSERT_EQ(r.review.size(), 1u);
  EXPECT_NE(r.review[0].In(Lang::kEn).find("addio match camt-REF-1 INVOICE"), std::string::npos);
}

TEST_F(CamtFixtures, ReadingAgainChangesNothing) {
  Entry unknown;
  unknown.bank_ref = "";  // a content hash then
  unknown.details = "<AddtlNtryInf>Gift</AddtlNtryInf>";
  const std::string file = Write("s.xml", Camt({Entry{}, unknown}));
  const Ledger stored = AStore();
  const IngestResult first = Read(file, stored);
  const IngestResult second = Read(file, stored);
  EXPECT_EQ(second.ledger, first.ledger);
  EXPECT_EQ(second.unmatched, first.unmatched);
  ASSERT_EQ(first.unmatched.size(), 1u);
  EXPECT_EQ(first.unmatched[0].reference, "Gift");

  // Once its payment is stored, the credit is that payment, unchanged, not a new match.
  Ledger after = stored;
  after.payments = first.ledger.payments;
  const IngestResult third = Read(file, after);
  EXPECT_EQ(third.ledger.payments, first.ledger.payments);
  EXPECT_EQ(third.unmatched, first.unmatched);
}

TEST_F(CamtFixtures, BrokenEntriesNameTheLineAndTheElement) {
  Entry bad_amount;
  bad_amount.amount = "5OO.00";
  Entry no_date;
  no_date.date = "";
  no_date.bank_ref = "REF-2";
  const IngestResult r = Read(Write("s.xml", Camt({bad_amount, no_date})), AStore());
  ASSERT_EQ(r.diagnostics.ErrorCount(), 2u) << r.diagnostics.ToString();
  EXPECT_EQ(r.diagnostics.items()[0].line, 9);
  EXPECT_EQ(r.diagnostics.items()[0].path, "Document/BkToCstmrStmt/Stmt/Ntry[1]/Amt");
  EXPECT_NE(r.diagnostics.items()[0].message.In(Lang::kEn).find("5OO.00"), std::string::npos);
  EXPECT_EQ(r.diagnostics.items()[1].path, "Document/BkToCstmrStmt/Stmt/Ntry[2]");

  const IngestResult not_xml = Read(Write("t.xml", "<Document>\n<BkToCstmrStmt>\n</Document>"));
  ASSERT_EQ(not_xml.diagnostics.ErrorCount(), 1u);
  EXPECT_EQ(not_xml.diagnostics.items()[0].line, 3);
}

TEST_F(CamtFixtures, DetectsIsoMessages) {
  EXPECT_EQ(CamtImporter().Detect("s.xml", Camt({Entry{}})), 95);
  EXPECT_EQ(CamtImporter().Detect("s.xml", "<?xml version=\"1.0\"?><Invoice/>"), 0);
}

}  // namespace
}  // namespace addio

// The OFX importer: every shared statement (1.x SGML, 2.x XML, bank, card, investment,
// sign-on errors, and the files broken on purpose in fail_nice/) and hand-written ones.
#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <tuple>

#include "ingest/importers.h"

namespace addio {
namespace {

namespace fs = std::filesystem;

Money M(const char* amount, const char* code) {
  return *Money::Parse(amount, *Currency::Find(code));
}
CivilDate D(const char* text) { return *CivilDate::Parse(text); }

std::string RealData() {
  const char* env = std::getenv("ADDIO_REAL_DATA");
  const std::string root = env && *env ? env : std::string(ADDIO_SOURCE_DIR) + "/../shared/data";
  const std::string dir = root + "/ofx_bank_statements";
  return fs::is_directory(dir) ? dir : "";
}

IngestResult Read(const std::string& path, const Ledger& existing = Ledger{}) {
  IngestContext context;
  context.existing = &existing;
  return OfxImporter().Read(path, context);
}

bool Mentions(const std::vector<Message>& lines, const std::string& text) {
  for (const Message& line : lines) {
    if (line.In(Lang::kEn).find(text) != std::string::npos) return true;
  }
  return false;
}

// --- the shared statements ---

struct Expected {
  const char* file;
  size_t credits;
  size_t warnings;
  size_t reviews;  // beyond one per unmatched credit
};

TEST(OfxRealData, EveryGoodFileGivesItsIncomingCredits) {
  const std::string dir = RealData();
  if (dir.empty()) GTEST_SKIP() << "no shared OFX samples";
  const Expected files[] = {
      {"account_listing_aggregation.ofx", 0, 1, 0},  // no statement in it
      {"anzcc.ofx", 0, 0, 1},                        // a credit-card statement
      {"bank_medium.ofx", 0, 0, 0},                  // debits only
      {"bank_small.ofx", 0, 1, 0},
      {"checking.ofx", 1, 0, 0},
      {"fidelity-savings.ofx", 0, 0, 1},  // investment statements
      {"fidelity.ofx", 0, 0, 1},
      {"investment_401k.ofx", 0, 0, 1},
      {"investment_medium.ofx", 0, 0, 1},
      {"multiple_accounts.ofx", 0, 0, 0},
      {"multiple_accounts2.ofx", 0, 0, 0},
      {"ofx-v102-empty-tags.ofx", 1, 0, 0},
      {"signon_success.ofx", 0, 1, 0},
      {"signon_success_no_message.ofx", 0, 1, 0},
      {"suncorp.ofx", 0, 0, 0},
      {"td_ameritrade.ofx", 0, 0, 1},
      {"tiaacref.ofx", 0, 0, 1},
      {"vanguard.ofx", 0, 0, 1},
      {"vanguard401k.ofx", 0, 0, 1},
      {"fail_nice/empty_balance.ofx", 1, 0, 0},  // the balance is not read
  };
  for (const Expected& e : files) {
    SCOPED_TRACE(e.file);
    const IngestResult r = Read(dir + "/" + e.file);
    EXPECT_FALSE(r.diagnostics.HasErrors()) << r.diagnostics.ToString();
    EXPECT_EQ(r.format, "ofx");
    EXPECT_EQ(r.unmatched.size(), e.credits);
    EXPECT_EQ(r.diagnostics.WarningCount(), e.warnings) << r.diagnostics.ToString();
    EXPECT_EQ(r.review.size(), e.credits + e.reviews);
  }
}

TEST(OfxRealData, CreditsKeepTheirBankIdDateAmountAndWords) {
  const std::string dir = RealData();
  if (dir.empty()) GTEST_SKIP() << "no shared OFX samples";
  const IngestResult checking = Read(dir + "/checking.ofx");
  ASSERT_EQ(checking.unmatched.size(), 1u);
  const UnmatchedCredit& dividend = checking.unmatched[0];
  EXPECT_EQ(dividend.id, "ofx-0000486");
  EXPECT_EQ(dividend.date, D("2011-03-31"));
  EXPECT_EQ(dividend.amount, M("0.01", "USD"));
  EXPECT_EQ(dividend.payer, "DIVIDEND EARNED FOR PERIOD OF 03");

  // An empty FITID and CURDEF: a content id and the transaction's own currency.
  const IngestResult empty_tags = Read(dir + "/ofx-v102-empty-tags.ofx");
  ASSERT_EQ(empty_tags.unmatched.size(), 1u);
  EXPECT_EQ(empty_tags.unmatched[0].id.rfind("ofx-", 0), 0u);
  EXPECT_EQ(empty_tags.unmatched[0].amount, M("12.34", "AUD"));
  EXPECT_EQ(empty_tags.unmatched[0].date, D("2018-05-07"));
  EXPECT_EQ(empty_tags.unmatched[0].reference, "CBA:Transfer");
  EXPECT_EQ(Read(dir + "/ofx-v102-empty-tags.ofx").unmatched, empty_tags.unmatched);

  const IngestResult balance = Read(dir + "/fail_nice/empty_balance.ofx");
  ASSERT_EQ(balance.unmatched.size(), 1u);
  EXPECT_EQ(balance.unmatched[0].amount, M("120.00", "CAD"));
  EXPECT_EQ(balance.unmatched[0].date, D("2011-03-08"));
}

TEST(OfxRealData, ErrorsFromTheBankNameTheirCode) {
  const std::string dir = RealData();
  if (dir.empty()) GTEST_SKIP() << "no shared OFX samples";
  const IngestResult server = Read(dir + "/error_message.ofx");
  ASSERT_EQ(server.diagnostics.ErrorCount(), 1u);
  EXPECT_EQ(server.diagnostics.items()[0].line, 22);
  EXPECT_NE(server.diagnostics.items()[0].message.In(Lang::kEn).find(
                "code 2000, \"General Server Error\""),
            std::string::npos);
  const IngestResult signon = Read(dir + "/signon_fail.ofx");
  ASSERT_EQ(signon.diagnostics.ErrorCount(), 1u);
  EXPECT_NE(signon.diagnostics.items()[0].message.In(Lang::kEn).find("sign-on: code 15500"),
            std::string::npos);
}

TEST(OfxRealData, BrokenFilesFailNicelyWithTheirLines) {
  const std::string dir = RealData();
  if (dir.empty()) GTEST_SKIP() << "no shared OFX samples";
  const IngestResult dates = Read(dir + "/fail_nice/date_missing.ofx");
  ASSERT_EQ(dates.diagnostics.ErrorCount(), 2u) << dates.diagnostics.ToString();
  EXPECT_EQ(dates.diagnostics.items()[0].line, 42);
  EXPECT_EQ(dates.diagnostics.items()[0].field, "DTPOSTED");
  EXPECT_EQ(dates.diagnostics.items()[1].line, 50);
  EXPECT_NE(dates.diagnostics.items()[1].message.In(Lang::kEn).find("\"20120231\" is not a date"),
            std::string::npos);
  EXPECT_EQ(dates.diagnostics.items()[1].file, dir + "/fail_nice/date_missing.ofx");

  const IngestResult amount = Read(dir + "/fail_nice/decimal_error.ofx");
  ASSERT_EQ(amount.diagnostics.ErrorCount(), 2u) << amount.diagnostics.ToString();
  EXPECT_EQ(amount.diagnostics.items()[0].line, 37);
  EXPECT_EQ(amount.diagnostics.items()[0].field, "TRNAMT");
  EXPECT_NE(amount.diagnostics.items()[0].message.In(Lang::kEn).find("\"$120\" is not an amount"),
            std::string::npos);
  EXPECT_EQ(amount.diagnostics.items()[1].line, 36);
}

// --- hand-written statements ---

// One bank statement holding `transactions`, in SGML (no closing tags on values) or XML.
using Transaction = std::tuple<std::string, std::string, std::string, std::string>;

// FITID, TRNAMT, NAME and MEMO of each transaction.
std::string Ofx(const std::vector<Transaction>& transactions, bool sgml) {
  auto value = [&](const std::string& tag, const std::string& text) {
    return "<" + tag + ">" + text + (sgml ? "" : "</" + tag + ">") + "\n";
  };
  std::string out =
      sgml ? "OFXHEADER:100\nDATA:OFXSGML\nVERSION:102\n\n<OFX>\n"
           : "<?xml version=\"1.0\"?>\n<?OFX OFXHEADER=\"200\" VERSION=\"211\"?>\n<OFX>\n";
  out += "<BANKMSGSRSV1><STMTTRNRS>\n<STMTRS>\n" + value("CURDEF", "EUR") + "<BANKTRANLIST>\n";
  for (const auto& [fitid, amount, name, memo] : transactions) {
    out += "<STMTTRN>\n" + value("TRNTYPE", "CREDIT") +
           value("DTPOSTED", "20250303120000[+1:CET]") + value("TRNAMT", amount) +
           value("FITID", fitid) + value("NAME", name) + value("MEMO", memo) + "</STMTTRN>\n";
  }
  return out + "</BANKTRANLIST>\n</STMTRS>\n</STMTTRNRS></BANKMSGSRSV1>\n</OFX>\n";
}

class OfxFixtures : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("addio-ofx-" + std::to_string(::getpid()) + "-" +
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
  static Ledger AStore() {
    Ledger stored;
    stored.clients = {Client{.id = "acme", .name = "ACME S.r.l."}};
    stored.invoices = {Invoice{.id = "2025-004",
                               .client = "acme",
                               .issued = D("2025-02-01"),
                               .due = D("2025-03-03"),
                               .amount = *Money::Parse("500.00", Currency())}};
    return stored;
  }
  fs::path dir_;
};

TEST_F(OfxFixtures, SgmlAndXmlReadTheSame) {
  const std::vector<Transaction> transactions = {{"T1", "500.00", "ACME SRL", "Fattura 2025-004"},
                                                 {"T2", "-20.00", "Bank fee", "March"},
                                                 {"T3", "75.50", "Gamma", "Dinner &amp; drinks"}};
  const IngestResult sgml = Read(Write("a.ofx", Ofx(transactions, true)), AStore());
  const IngestResult xml = Read(Write("b.ofx", Ofx(transactions, false)), AStore());
  ASSERT_FALSE(sgml.diagnostics.HasErrors()) << sgml.diagnostics.ToString();
  ASSERT_EQ(sgml.ledger.payments.size(), 1u);
  const Payment expected{.id = "ofx-T1",
                         .client = "acme",
                         .invoice = "2025-004",
                         .date = D("2025-03-03"),
                         .amount = *Money::Parse("500.00", Currency())};
  EXPECT_EQ(sgml.ledger.payments[0], expected);
  ASSERT_EQ(sgml.unmatched.size(), 1u);
  EXPECT_EQ(sgml.unmatched[0].reference, "Gamma Dinner & drinks");
  EXPECT_EQ(xml.ledger.payments, sgml.ledger.payments);
  ASSERT_EQ(xml.unmatched.size(), 1u);
  EXPECT_EQ(xml.unmatched[0].id, sgml.unmatched[0].id);
  EXPECT_EQ(OfxImporter().Detect("a.ofx", Ofx(transactions, true)), 95);
  EXPECT_EQ(OfxImporter().Detect("b.ofx", Ofx(transactions, false)), 95);
  EXPECT_EQ(OfxImporter().Detect("b.ofx", "<OFX><SIGNONMSGSRSV1>"), 90);
  EXPECT_EQ(OfxImporter().Detect("c.csv", "date,amount"), 0);
}

TEST_F(OfxFixtures, TheMatchOfAnUnknownPayerIsLeftToAPerson) {
  const IngestResult r =
      Read(Write("a.ofx", Ofx({{"T9", "500.00", "Zeta", "Fattura 2025-004"}}, true)), Ledger{});
  ASSERT_EQ(r.unmatched.size(), 1u);
  EXPECT_TRUE(Mentions(r.review, "addio match ofx-T9 INVOICE"));
}

TEST_F(OfxFixtures, AStructuralErrorNamesItsLine) {
  const IngestResult stray = Read(Write("a.ofx", "<OFX>\n<BANKMSGSRSV1>\n</STMTRS>\n</OFX>\n"));
  ASSERT_EQ(stray.diagnostics.ErrorCount(), 1u);
  EXPECT_EQ(stray.diagnostics.items()[0].line, 3);
  EXPECT_NE(
      stray.diagnostics.items()[0].message.In(Lang::kEn).find("</STMTRS> closes no open element"),
      std::string::npos);
  const IngestResult truncated =
      Read(Write("b.ofx", "<OFX>\n<BANKMSGSRSV1><STMTTRNRS>\n<STMTRS>\n<CURDEF>EUR\n"));
  ASSERT_GE(truncated.diagnostics.ErrorCount(), 1u);
  EXPECT_NE(truncated.diagnostics.ToString().find("ends before </STMTRS>"), std::string::npos);
  const IngestResult not_ofx = Read(Write("c.ofx", "date,amount\n"));
  ASSERT_EQ(not_ofx.diagnostics.ErrorCount(), 1u);
  EXPECT_NE(not_ofx.diagnostics.ToString().find("not an OFX file"), std::string::npos);
}

}  // namespace
}  // namespace addio

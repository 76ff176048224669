// Credit notes in the API's invoice lists (api/credited.h), through ApiService over a real
// SQLite file: the statement's open items and the charts' invoices keep `amount` (net) and
// add what was credited and the net amount by name; the statement lists the credit notes;
// all as of the date asked, so a credit note issued later is not there yet.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>

#include "api/service.h"
#include "core/clock.h"
#include "ledger/validate.h"
#include "store/store.h"

namespace addio {
namespace {

namespace fs = std::filesystem;

CivilDate D(const char* text) { return *CivilDate::Parse(text); }
Money Eur(const char* text) { return *Money::Parse(text, Currency()); }

Invoice AnInvoice(const char* id, const char* issued, const char* due, const char* amount) {
  return Invoice{
      .id = id, .client = "acme", .issued = D(issued), .due = D(due), .amount = Eur(amount)};
}

// ACME owes two invoices; a credit note of 15 February lowers the first by 200.00.
Ledger Books() {
  Ledger l;
  l.workspace.name = "Studio";
  l.clients = {Client{.id = "acme", .name = "ACME"}, Client{.id = "other", .name = "Other"}};
  l.invoices = {AnInvoice("big", "2026-01-10", "2026-02-09", "1000.00"),
                AnInvoice("small", "2026-02-01", "2026-03-03", "400.00")};
  l.invoices.push_back(Invoice{.id = "theirs",
                               .client = "other",
                               .issued = D("2026-01-10"),
                               .due = D("2026-02-09"),
                               .amount = Eur("300.00")});
  l.credit_notes = {CreditNote{.id = "NC-1",
                               .client = "acme",
                               .invoice = "big",
                               .issued = D("2026-02-15"),
                               .amount = Eur("200.00"),
                               .reason = "Two days of work billed twice"}};
  return l;
}

class CreditedTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string pattern = (fs::temp_directory_path() / "addio-api-credit-XXXXXX").string();
    ASSERT_NE(mkdtemp(pattern.data()), nullptr);
    dir_ = pattern;
    url_ = "sqlite:" + (dir_ / "addio.db").string();
    auto store = OpenStore(url_, OpenMode::kCreateIfMissing);
    ASSERT_TRUE(store);
    auto report = (*store)->Import(Books(), LedgerSource{}, /*dry_run=*/false);
    ASSERT_TRUE(report) << report.error().message.In(Lang::kEn);
    ASSERT_TRUE(report->written);
  }
  void TearDown() override { fs::remove_all(dir_); }

  static nlohmann::json Body(const Result<ApiAnswer>& answer) {
    EXPECT_TRUE(answer) << answer.error().message.In(Lang::kEn);
    return answer ? nlohmann::json::parse((*answer)->text) : nlohmann::json();
  }
  nlohmann::json Statement(const char* id, const char* as_of) {
    ApiQuery query;
    query.as_of = as_of;
    return Body(service_.GetStatement(id, query));
  }
  nlohmann::json Charts(const char* id, const char* as_of) {
    ApiQuery query;
    query.as_of = as_of;
    return Body(service_.GetCharts(id, query));
  }

  fs::path dir_;
  std::string url_;
  FixedClock clock_{ParseInstant("2026-03-31T12:00:00Z", TimeZone::Utc())->instant};
  ApiService service_{[this] { return OpenStore(url_, OpenMode::kMustExist); }, clock_};
};

// The item of `list` whose `key` is `id`.
nlohmann::json Find(const nlohmann::json& list, const char* key, const char* id) {
  for (const nlohmann::json& item : list) {
    if (item[key] == id) return item;
  }
  ADD_FAILURE() << "no " << id << " in " << list.dump();
  return nlohmann::json::object();
}

TEST_F(CreditedTest, StatementListsTheCreditNoteAndEachOpenItemsCreditedAndNetAmounts) {
  const nlohmann::json statement = Statement("acme", "2026-03-31");
  ASSERT_TRUE(statement.contains("credit_notes")) << statement.dump();
  ASSERT_EQ(statement["credit_notes"].size(), 1u);
  const nlohmann::json& note = statement["credit_notes"][0];
  EXPECT_EQ(note["credit_note"], "NC-1");
  EXPECT_EQ(note["invoice"], "big");
  EXPECT_EQ(note["date"], "2026-02-15");
  EXPECT_EQ(note["amount"], "200.00");
  EXPECT_EQ(note["reason"], "Two days of work billed twice");

  const nlohmann::json big = Find(statement["open_items"], "invoice", "big");
  EXPECT_EQ(big["amount"], "800.00");  // as before: the net amount
  EXPECT_EQ(big["credited"], "200.00");
  EXPECT_EQ(big["net"], "800.00");
  EXPECT_EQ(big["open"], "800.00");
  const nlohmann::json small = Find(statement["open_items"], "invoice", "small");
  EXPECT_EQ(small["credited"], "0.00");
  EXPECT_EQ(small["net"], "400.00");
  EXPECT_EQ(statement["total_open"], "1200.00");
}

TEST_F(CreditedTest, BeforeTheCreditNoteTheInvoiceIsWhole) {
  const nlohmann::json statement = Statement("acme", "2026-01-31");
  EXPECT_FALSE(statement.contains("credit_notes")) << statement.dump();
  const nlohmann::json big = Find(statement["open_items"], "invoice", "big");
  EXPECT_EQ(big["amount"], "1000.00");
  EXPECT_EQ(big["credited"], "0.00");
  EXPECT_EQ(big["net"], "1000.00");
}

TEST_F(CreditedTest, AnotherClientsStatementHasNoneOfThem) {
  const nlohmann::json statement = Statement("other", "2026-03-31");
  EXPECT_FALSE(statement.contains("credit_notes")) << statement.dump();
  EXPECT_EQ(Find(statement["open_items"], "invoice", "theirs")["credited"], "0.00");
}

TEST_F(CreditedTest, ChartsInvoicesCarryCreditedAndNet) {
  const nlohmann::json charts = Charts("acme", "2026-03-31");
  const nlohmann::json big = Find(charts["invoices"], "invoice", "big");
  EXPECT_EQ(big["amount"], "800.00");
  EXPECT_EQ(big["credited"], "200.00");
  EXPECT_EQ(big["net"], "800.00");
  const nlohmann::json small = Find(charts["invoices"], "invoice", "small");
  EXPECT_EQ(small["credited"], "0.00");
  EXPECT_EQ(small["net"], "400.00");
  // Due on 9 February, not yet credited on the 12th.
  const nlohmann::json before = Charts("acme", "2026-02-12");
  EXPECT_EQ(Find(before["invoices"], "invoice", "big")["amount"], "1000.00");
  EXPECT_EQ(Find(before["invoices"], "invoice", "big")["credited"], "0.00");
}

}  // namespace
}  // namespace addio

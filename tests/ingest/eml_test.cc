#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <set>
#include <string>
#include <vector>

#include "core/ids.h"
#include "ingest/importers.h"

namespace addio {
namespace {

namespace fs = std::filesystem;

std::string RealData() {
  if (const char* env = std::getenv("ADDIO_REAL_DATA")) return env;
  const char* source = std::getenv("ADDIO_SOURCE_DIR");
  return std::string(source != nullptr ? source : ADDIO_SOURCE_DIR) + "/../shared/data";
}

const std::string kEdgeCases = "email_parser_edgecases_imap_tools";

#define REQUIRE_REAL_DATA()                                              \
  if (!fs::is_directory(RealData() + "/" + kEdgeCases)) {                \
    GTEST_SKIP() << "no real data at " << RealData() + "/" + kEdgeCases; \
  }

class EmlTest : public ::testing::Test {
 protected:
  EmlTest() {
    ledger_.workspace.owner_emails = {"me@studio.it"};
    context_.existing = &ledger_;
  }

  void AddClient(const std::string& id, std::vector<std::string> domains,
                 std::vector<std::string> emails = {}) {
    Client client;
    client.id = id;
    client.name = id;
    client.domains = std::move(domains);
    client.emails = std::move(emails);
    ledger_.clients.push_back(client);
  }

  std::string Write(const std::string& text) {
    const std::string name = ::testing::UnitTest::GetInstance()->current_test_info()->name();
    const std::string path = ::testing::TempDir() + "/addio_eml_" + name + ".eml";
    std::ofstream(path, std::ios::binary) << text;
    return path;
  }

  IngestResult ReadShared(const std::string& relative) {
    return EmlImporter().Read(RealData() + "/" + kEdgeCases + "/" + relative, context_);
  }

  Ledger ledger_;
  IngestContext context_;
};

TEST_F(EmlTest, OneMessageFromAClient) {
  REQUIRE_REAL_DATA();
  AddClient("lindsaar", {"lindsaar.net"});
  const IngestResult result = ReadShared("simple.eml");
  ASSERT_FALSE(result.diagnostics.HasErrors()) << result.diagnostics.ToString();
  ASSERT_EQ(result.ledger.contacts.size(), 1u);
  const Contact& c = result.ledger.contacts[0];
  EXPECT_EQ(c.id, ContentId("email", "6B7EC235-5B17-4CA8-B2B8-39290DEB43A3@test.lindsaar.net"));
  EXPECT_EQ(c.at.ToUtcString(), "2008-11-22T04:04:59Z");  // 15:04:59 +1100
  EXPECT_EQ(c.direction, Direction::kInbound);
  EXPECT_EQ(c.client, "lindsaar");
  EXPECT_EQ(c.channel, Channel::kEmail);
}

TEST_F(EmlTest, Rfc2822ExamplesFolder) {
  REQUIRE_REAL_DATA();
  AddClient("examples", {"machine.example", "example.net", "example.com", "silly.example"},
            {"pete@silly.test"});
  const IngestResult result = ReadShared("rfc2822");
  ASSERT_FALSE(result.diagnostics.HasErrors()) << result.diagnostics.ToString();
  // 14 files; example01, 02, 05, 08, 09 and 12 carry the same Message-ID, and 03 and 11.
  EXPECT_EQ(result.ledger.contacts.size(), 8u);
  EXPECT_TRUE(std::ranges::any_of(result.review, [](const Message& line) {
    return line.In(Lang::kEn).find("6 messages read a second time") != std::string::npos;
  }));
  std::set<std::string> instants;
  for (const Contact& c : result.ledger.contacts) instants.insert(c.at.ToUtcString());
  // example04 and example10 (a date folded over six lines, no seconds, a comment; the
  // sender's address written with comments inside it).
  EXPECT_TRUE(instants.contains("1969-02-14T03:02:54Z"));
  EXPECT_TRUE(instants.contains("1969-02-14T03:02:00Z"));
  // example13: obsolete white space and a comment inside the time of day.
  EXPECT_TRUE(instants.contains("1997-11-21T15:55:06Z"));
  EXPECT_TRUE(std::ranges::any_of(result.ledger.contacts, [](const Contact& c) {
    return c.id == ContentId("email", "testabcd.1234@silly.test");
  }));
}

TEST_F(EmlTest, BrokenDatesAreErrorsNamingFileAndLine) {
  REQUIRE_REAL_DATA();
  const IngestResult bad_time = ReadShared("error_emails/bad_date_header2.eml");
  ASSERT_EQ(bad_time.diagnostics.ErrorCount(), 1u);
  const Diagnostic& error = bad_time.diagnostics.items()[0];
  EXPECT_EQ(error.file, RealData() + "/" + kEdgeCases + "/error_emails/bad_date_header2.eml");
  EXPECT_EQ(error.line, 13);
  EXPECT_EQ(error.field, "Date");
  EXPECT_NE(error.message.In(Lang::kEn).find("Wed, 15 Dec 2010    59:10 -0500"), std::string::npos);
  EXPECT_TRUE(bad_time.ledger.contacts.empty());

  const IngestResult bad_month = ReadShared("plain_emails/raw_email_with_bad_date.eml");
  ASSERT_TRUE(bad_month.diagnostics.HasErrors());
  EXPECT_EQ(bad_month.diagnostics.items()[0].line, 21);

  const IngestResult no_date = ReadShared("multi_charset/japanese.eml");
  ASSERT_TRUE(no_date.diagnostics.HasErrors());
  EXPECT_NE(no_date.diagnostics.items()[0].message.In(Lang::kEn).find("no Date header"),
            std::string::npos);
}

TEST_F(EmlTest, EveryEdgeCaseFileReadsAndOnlyDatesFail) {
  REQUIRE_REAL_DATA();
  AddClient("anyone", {"yandex.ru", "example.com", "gmail.com"});
  const IngestResult first = ReadShared("");
  const IngestResult second = ReadShared("");
  EXPECT_EQ(first.ledger, second.ledger);
  EXPECT_GT(first.ledger.contacts.size(), 3u);
  EXPECT_GT(first.diagnostics.ErrorCount(), 10u);
  for (const Diagnostic& d : first.diagnostics.items()) {
    EXPECT_EQ(d.field, "Date") << d.ToString();
    EXPECT_GT(d.line, 0) << d.ToString();
    EXPECT_TRUE(d.file.ends_with(".eml")) << d.ToString();
  }
}

TEST_F(EmlTest, LeadingFromLineGivesTheFallbackDate) {
  AddClient("acme", {"acme.com"});
  const IngestResult result =
      EmlImporter().Read(Write("From ann@acme.com Mon Mar  2 08:15:00 2026\r\n"
                               "From: Ann <ann@acme.com>\r\nTo: me@studio.it\r\nDate: someday\r\n"
                               "Importance: high\r\nSubject: hi\r\n\r\nbody\r\n"),
                         context_);
  EXPECT_FALSE(result.diagnostics.HasErrors());
  ASSERT_EQ(result.diagnostics.WarningCount(), 1u);
  EXPECT_EQ(result.diagnostics.items()[0].line, 4);
  ASSERT_EQ(result.ledger.contacts.size(), 1u);
  EXPECT_EQ(result.ledger.contacts[0].at.ToUtcString(), "2026-03-02T08:15:00Z");
  EXPECT_TRUE(result.ledger.contacts[0].urgent);
}

TEST_F(EmlTest, SentMessageIsOutbound) {
  AddClient("beta", {}, {"ceo@beta.io"});
  const IngestResult result = EmlImporter().Read(
      Write("Date: Tue, 3 Mar 2026 18:30:00 +0100\nFrom: me@studio.it\n"
            "To: \"The CEO\" <CEO@beta.io>\nMessage-ID: <sent-1@studio.it>\n\nciao\n"),
      context_);
  ASSERT_EQ(result.ledger.contacts.size(), 1u);
  EXPECT_EQ(result.ledger.contacts[0].direction, Direction::kOutbound);
  EXPECT_EQ(result.ledger.contacts[0].client, "beta");
  EXPECT_EQ(result.ledger.contacts[0].at.ToUtcString(), "2026-03-03T17:30:00Z");
}

TEST_F(EmlTest, AFileWithoutHeadersIsNoMessage) {
  const IngestResult result = EmlImporter().Read(Write("just some text\nand more\n"), context_);
  ASSERT_TRUE(result.diagnostics.HasErrors());
  EXPECT_EQ(result.diagnostics.items()[0].line, 1);
  EXPECT_TRUE(result.ledger.contacts.empty());
}

TEST_F(EmlTest, Detects) {
  EXPECT_EQ(EmlImporter().Detect("mail/Re_ invoice.EML", ""), 90);
  EXPECT_EQ(EmlImporter().Detect("message.txt", "Received: by x\nFrom: a@b.c\nDate: now\n\nhi"),
            50);
  EXPECT_EQ(EmlImporter().Detect("data.csv", "date,from,amount\n2026-01-01,x,1\n"), 0);
}

}  // namespace
}  // namespace addio

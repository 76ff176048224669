#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "core/ids.h"
#include "ingest/importers.h"
#include "ingest/mail_common.h"

namespace addio {
namespace {

namespace fs = std::filesystem;

std::string RealData() {
  if (const char* env = std::getenv("ADDIO_REAL_DATA")) return env;
  const char* source = std::getenv("ADDIO_SOURCE_DIR");
  return std::string(source != nullptr ? source : ADDIO_SOURCE_DIR) + "/../shared/data";
}

#define REQUIRE_REAL_DATA(folder)                                  \
  if (!fs::is_directory(RealData() + "/" folder)) {                \
    GTEST_SKIP() << "no real data at " << RealData() + "/" folder; \
  }

// One message of a mailbox: header fields in order, then a body.
class AMessage {
 public:
  AMessage() {
    Field("Message-ID", "<m1@example.net>");
    Field("Date", "Tue, 3 Mar 2026 10:00:00 +0100");
    Field("From", "Ann <ann@acme.com>");
    Field("To", "me@studio.it");
    Field("Subject", "Hello");
  }
  // Sets a field in place, adds it at the end, or (with an empty value) removes it.
  AMessage& Field(const std::string& name, const std::string& value) {
    const auto same = [&name](const auto& f) { return f.first == name; };
    if (value.empty()) {
      std::erase_if(fields_, same);
    } else if (auto it = std::ranges::find_if(fields_, same); it != fields_.end()) {
      it->second = value;
    } else {
      fields_.emplace_back(name, value);
    }
    return *this;
  }
  AMessage& Id(const std::string& v) { return Field("Message-ID", v); }
  AMessage& Date(const std::string& v) { return Field("Date", v); }
  AMessage& From(const std::string& v) { return Field("From", v); }
  AMessage& To(const std::string& v) { return Field("To", v); }
  AMessage& Subject(const std::string& v) { return Field("Subject", v); }
  AMessage& Body(const std::string& v) {
    body_ = v;
    return *this;
  }
  std::string Text() const {
    std::string text;
    for (const auto& [name, value] : fields_) text += name + ": " + value + "\n";
    return text + "\n" + body_ + "\n";
  }

 private:
  std::vector<std::pair<std::string, std::string>> fields_;
  std::string body_ = "Text of the message.";
};

std::string Mbox(const std::vector<AMessage>& messages) {
  std::string text;
  for (const AMessage& m : messages) {
    text += "From sender@example.net Tue Mar  3 09:00:05 2026\n" + m.Text() + "\n";
  }
  return text;
}

class MboxTest : public ::testing::Test {
 protected:
  MboxTest() {
    ledger_.workspace.owner_emails = {"me@studio.it"};
    Client acme;
    acme.id = "acme";
    acme.name = "Acme";
    acme.domains = {"acme.com"};
    ledger_.clients = {acme};
    context_.existing = &ledger_;
  }

  std::string Write(const std::string& text, const std::string& suffix = "") {
    const std::string name = ::testing::UnitTest::GetInstance()->current_test_info()->name();
    const std::string path = ::testing::TempDir() + "/addio_mbox_" + name + suffix + ".mbox";
    std::ofstream(path, std::ios::binary) << text;
    return path;
  }

  IngestResult Read(const std::string& text) { return MboxImporter().Read(Write(text), context_); }

  static bool ReviewMentions(const IngestResult& result, const std::string& text) {
    return std::ranges::any_of(result.review, [&text](const Message& line) {
      return line.In(Lang::kEn).find(text) != std::string::npos;
    });
  }

  Ledger ledger_;
  IngestContext context_;
};

TEST_F(MboxTest, InboundMessageFromAClientDomain) {
  const IngestResult result = Read(Mbox({AMessage()}));
  ASSERT_FALSE(result.diagnostics.HasErrors()) << result.diagnostics.ToString();
  ASSERT_EQ(result.ledger.contacts.size(), 1u);
  const Contact& c = result.ledger.contacts[0];
  EXPECT_EQ(c.id, ContentId("email", "m1@example.net"));
  EXPECT_EQ(c.client, "acme");
  EXPECT_EQ(c.at.ToUtcString(), "2026-03-03T09:00:00Z");
  EXPECT_EQ(c.channel, Channel::kEmail);
  EXPECT_EQ(c.direction, Direction::kInbound);
  EXPECT_EQ(c.minutes, 0);
  EXPECT_FALSE(c.urgent);
  EXPECT_FALSE(c.logged);
  ASSERT_EQ(result.source.locations.at("contact").size(), 1u);
  EXPECT_EQ(result.source.locations.at("contact")[0].line, 2);
}

TEST_F(MboxTest, OutboundMessageTakesItsClientFromTheRecipients) {
  const IngestResult result = Read(Mbox({
      AMessage()
          .Id("<a@x>")
          .From("Me <ME@Studio.it>")
          .To("friend@gmail.com")
          .Field("Cc", "\"Acme, Accounts\" <accounts@acme.com>"),
      AMessage().Id("<b@x>").From("me@studio.it").To("me@studio.it"),
  }));
  ASSERT_EQ(result.ledger.contacts.size(), 1u);
  EXPECT_EQ(result.ledger.contacts[0].direction, Direction::kOutbound);
  EXPECT_EQ(result.ledger.contacts[0].client, "acme");
  EXPECT_TRUE(ReviewMentions(result, "1 message with no address other than yours"));
}

TEST_F(MboxTest, UnknownSendersAreCountedAndListedNeverMadeClients) {
  const IngestResult result = Read(Mbox({
      AMessage().Id("<1@x>").From("bob@unknown.org"),
      AMessage().Id("<2@x>").From("Bob <BOB@unknown.org>"),
      AMessage().Id("<3@x>").From("eve@other.net"),
  }));
  EXPECT_TRUE(result.ledger.contacts.empty());
  EXPECT_TRUE(result.ledger.clients.empty());
  EXPECT_TRUE(ReviewMentions(result, "3 messages matched no client"));
  EXPECT_TRUE(ReviewMentions(result, "bob@unknown.org (2), eve@other.net (1)"));
}

TEST_F(MboxTest, UrgencyFromPriorityHeadersAndSubject) {
  const IngestResult result = Read(Mbox({
      AMessage().Id("<1@x>").Field("X-Priority", "1 (Highest)"),
      AMessage().Id("<2@x>").Field("Importance", "High"),
      AMessage().Id("<3@x>").Subject("URGENTE: fattura scaduta"),
      AMessage().Id("<4@x>").Subject("=?UTF-8?Q?Urgent=3A_server_down?="),
      AMessage().Id("<5@x>").Subject("Not urgently needed").Field("X-Priority", "3"),
  }));
  ASSERT_EQ(result.ledger.contacts.size(), 5u);
  std::vector<bool> urgent;
  for (const Contact& c : result.ledger.contacts) urgent.push_back(c.urgent);
  EXPECT_EQ(urgent, (std::vector<bool>{true, true, true, true, false}));
}

TEST_F(MboxTest, BrokenDateFallsBackToTheSeparatorWithAWarning) {
  const IngestResult result =
      Read(Mbox({AMessage().Id("<ok@x>"), AMessage().Id("<bad@x>").Date("yesterday")}));
  EXPECT_FALSE(result.diagnostics.HasErrors());
  ASSERT_EQ(result.diagnostics.WarningCount(), 1u);
  const Diagnostic& warning = result.diagnostics.items()[0];
  EXPECT_EQ(warning.line, 12);
  EXPECT_EQ(warning.field, "Date");
  EXPECT_NE(warning.message.In(Lang::kEn).find("message 2"), std::string::npos)
      << warning.message.In(Lang::kEn);
  ASSERT_EQ(result.ledger.contacts.size(), 2u);
  EXPECT_EQ(result.ledger.contacts[1].at.ToUtcString(), "2026-03-03T09:00:05Z");
}

TEST_F(MboxTest, BrokenDateWithoutSeparatorDateIsAnError) {
  const IngestResult result = Read("From someone\n" + AMessage().Date("32 Foo 2026").Text());
  ASSERT_TRUE(result.diagnostics.HasErrors());
  const Diagnostic& error = result.diagnostics.items()[0];
  EXPECT_EQ(error.line, 3);
  EXPECT_NE(error.message.In(Lang::kEn).find("message 1"), std::string::npos);
  EXPECT_TRUE(result.ledger.contacts.empty());
}

TEST_F(MboxTest, OnlyDatedFromLinesAfterABlankLineSeparateMessages) {
  const IngestResult result = Read(Mbox({
      AMessage().Id("<1@x>").Body("Hi,\n\nFrom what I hear the invoice is late.\n"
                                  "From sender Tue Mar  3 09:00:05 2026\nis quoted"),
      AMessage().Id("<2@x>"),
  }));
  EXPECT_EQ(result.ledger.contacts.size(), 2u);
}

TEST_F(MboxTest, NotAMailboxIsAnErrorOnLineOne) {
  const IngestResult result = Read("id,client\n1,acme\n");
  ASSERT_TRUE(result.diagnostics.HasErrors());
  EXPECT_EQ(result.diagnostics.items()[0].line, 1);
  EXPECT_EQ(MboxImporter().Detect("data.csv", "id,client\n"), 0);
  EXPECT_GE(MboxImporter().Detect("Inbox", "From a@b.c Tue Mar  3 09:00:05 2026\n"), 85);
}

TEST_F(MboxTest, MessagesWithoutMessageIdGetStableContentIds) {
  const std::string text = Mbox({AMessage().Id("").Subject("one"), AMessage().Id("").Subject("two"),
                                 AMessage().Id("<dup@x>"), AMessage().Id("<dup@x>")});
  const IngestResult first = Read(text);
  const IngestResult second = Read(text);
  ASSERT_EQ(first.ledger.contacts.size(), 3u);
  EXPECT_NE(first.ledger.contacts[0].id, first.ledger.contacts[1].id);
  EXPECT_EQ(first.ledger, second.ledger);
  EXPECT_TRUE(ReviewMentions(first, "1 message read a second time"));
}

TEST_F(MboxTest, LinesLongerThanTheReadBufferAndCrlf) {
  // A body line of 3 MiB crosses every internal buffer boundary; CRLF line ends too.
  std::string text = Mbox({AMessage().Id("<1@x>").Body(std::string(3 << 20, 'x'))});
  text += Mbox({AMessage().Id("<2@x>")});
  std::string crlf;
  for (char c : text) {
    if (c == '\n') crlf += '\r';
    crlf += c;
  }
  const IngestResult result = Read(crlf);
  ASSERT_FALSE(result.diagnostics.HasErrors()) << result.diagnostics.ToString();
  ASSERT_EQ(result.ledger.contacts.size(), 2u);
  EXPECT_EQ(result.ledger.contacts[1].id, ContentId("email", "2@x"));
}

TEST(MailDateTest, ReadsRfc5322AndItsObsoleteForms) {
  const auto utc = [](std::string_view text) {
    auto at = mail::ParseMailDate(text);
    return at ? at->ToUtcString() : "error: " + at.error().message.In(Lang::kEn);
  };
  EXPECT_EQ(utc("Wed, 19 Dec 2001 04:51:44 -0800 (PST)"), "2001-12-19T12:51:44Z");
  EXPECT_EQ(utc("2 Sep 2001 11:36:56 -0700"), "2001-09-02T18:36:56Z");
  EXPECT_EQ(utc("21 Nov 97 09:55:06 GMT"), "1997-11-21T09:55:06Z");
  EXPECT_EQ(utc("Thu,\n 13\n   Feb\n 1969\n 23:32\n  -0330 (Newfoundland Time)"),
            "1969-02-14T03:02:00Z");
  EXPECT_EQ(utc("Fri, 21 Nov 1997 09(comment):   55  :  06 -0600"), "1997-11-21T15:55:06Z");
  EXPECT_EQ(utc("Wed, 9 Jan 2002 19:47:50 MST"), "2002-01-10T02:47:50Z");
  EXPECT_EQ(utc("Mon, 2 Mar 2026 10:00:00 CET"), "2026-03-02T09:00:00Z");
  for (std::string_view bad : {"", "Wed, 01 May 2019 12:20", "Wed, 15 Dec 2010    59:10 -0500",
                               "Pn, 29 paX 2007 21:13:00 +0100", "Mon, 30 Jun 3609 15:33:50 +0600",
                               "Tue, 12 Oct 2010 16:21:05 H0500", "Tue, 31 Feb 2026 10:00 +0000"}) {
    EXPECT_FALSE(mail::ParseMailDate(bad).has_value()) << bad;
  }
  EXPECT_NE(mail::ParseMailDate("Wed, 01 May 2019 12:20")
                .error()
                .message.In(Lang::kEn)
                .find("no time zone"),
            std::string::npos);
}

TEST(MailDateTest, SeparatorDates) {
  EXPECT_EQ(mail::ParseSeparatorDate("From MAILER-DAEMON Mon Apr 18 14:20:55 2022")->ToUtcString(),
            "2022-04-18T14:20:55Z");
  EXPECT_EQ(mail::ParseSeparatorDate("From 1234@xxx Sat Jan 03 01:05:34 +0100 2015")->ToUtcString(),
            "2015-01-03T00:05:34Z");
  EXPECT_FALSE(mail::ParseSeparatorDate("From here on we disagree").has_value());
  EXPECT_FALSE(mail::ParseSeparatorDate("From: ann@acme.com").has_value());
}

class EnronTest : public MboxTest {
 protected:
  EnronTest() {
    Client enron;
    enron.id = "enron";
    enron.name = "Enron";
    enron.domains = {"enron.com"};
    ledger_.clients = {enron};
    ledger_.workspace.owner_emails.clear();
  }
  IngestResult ReadShared(const std::string& file) {
    return MboxImporter().Read(RealData() + "/email_enron_mbox_sample/" + file, context_);
  }
};

TEST_F(EnronTest, SentItemsWithTheOwnerConfigured) {
  REQUIRE_REAL_DATA("email_enron_mbox_sample");
  ledger_.workspace.owner_emails = {"kenneth.lay@enron.com"};
  const IngestResult result = ReadShared("enron.lay-k.sent_items.mbox");
  ASSERT_FALSE(result.diagnostics.HasErrors()) << result.diagnostics.ToString();
  // 13 messages, all sent by Lay: 8 to enron.com addresses, 5 to outsiders.
  ASSERT_EQ(result.ledger.contacts.size(), 8u);
  const Contact& second = result.ledger.contacts[0];
  EXPECT_EQ(second.id, ContentId("email", "1221823.1075852816188.JavaMail.evans@thyme"));
  EXPECT_EQ(second.at.ToUtcString(), "2001-09-02T18:36:56Z");  // 11:36:56 -0700
  EXPECT_EQ(second.direction, Direction::kOutbound);
  EXPECT_EQ(second.client, "enron");
  for (const Contact& c : result.ledger.contacts) EXPECT_EQ(c.direction, Direction::kOutbound);
  EXPECT_TRUE(ReviewMentions(result, "5 messages matched no client"));
  EXPECT_TRUE(ReviewMentions(result, "wired@condenast.flonetwork.com (1)"));
}

TEST_F(EnronTest, WithoutOwnersEveryMessageIsInbound) {
  REQUIRE_REAL_DATA("email_enron_mbox_sample");
  const IngestResult calendar = ReadShared("enron.kaminski-v.calendar.mbox");
  ASSERT_FALSE(calendar.diagnostics.HasErrors()) << calendar.diagnostics.ToString();
  EXPECT_EQ(calendar.ledger.contacts.size(), 62u);
  EXPECT_EQ(calendar.ledger.contacts[0].at.ToUtcString(), "2001-05-08T19:10:32Z");
  const IngestResult sent = ReadShared("enron.lokay-m.sent.mbox");
  ASSERT_EQ(sent.ledger.contacts.size(), 108u);
  int urgent = 0;
  for (const Contact& c : sent.ledger.contacts) {
    EXPECT_EQ(c.direction, Direction::kInbound);
    urgent += c.urgent ? 1 : 0;
  }
  EXPECT_EQ(urgent, 1);  // "Re: URGENT REQUEST FROM STEVE"
  EXPECT_TRUE(ReviewMentions(sent, "owner_emails is empty"));
}

TEST_F(EnronTest, WithoutClientsEverySenderIsListed) {
  REQUIRE_REAL_DATA("email_enron_mbox_sample");
  ledger_.clients.clear();
  const IngestResult result = ReadShared("enron.kaminski-v.calendar.mbox");
  EXPECT_TRUE(result.ledger.contacts.empty());
  EXPECT_TRUE(result.ledger.clients.empty());
  EXPECT_TRUE(ReviewMentions(result, "62 messages matched no client"));
  EXPECT_TRUE(ReviewMentions(result, "the most frequent: rumaldo.lopez@enron.com (20)"));
}

TEST_F(EnronTest, EveryEnronMailboxReadsTheSameTwice) {
  REQUIRE_REAL_DATA("email_enron_mbox_sample");
  for (const char* file : {"enron.kaminski-v.calendar.mbox", "enron.lay-k.sent_items.mbox",
                           "enron.lokay-m.sent.mbox"}) {
    const IngestResult first = ReadShared(file);
    const IngestResult second = ReadShared(file);
    EXPECT_FALSE(first.diagnostics.HasErrors()) << file;
    EXPECT_EQ(first.ledger, second.ledger) << file;
    EXPECT_GE(MboxImporter().Detect(file, "From MAILER-DAEMON Mon Apr 18 14:20:55 2022\n"), 85);
  }
}

}  // namespace
}  // namespace addio

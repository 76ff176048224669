#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
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

#define REQUIRE_REAL_DATA(folder)                                  \
  if (!fs::is_directory(RealData() + "/" folder)) {                \
    GTEST_SKIP() << "no real data at " << RealData() + "/" folder; \
  }

// A VEVENT, one content line at a time.
class AnEvent {
 public:
  explicit AnEvent(const std::string& uid) { Line("UID:" + uid); }
  AnEvent& Line(const std::string& line) {
    text_ += line + "\r\n";
    return *this;
  }
  // `value` with its parameters, e.g. ";TZID=America/New_York:20260302T090000".
  AnEvent& Start(const std::string& value) { return Line("DTSTART" + value); }
  AnEvent& End(const std::string& value) { return Line("DTEND" + value); }
  AnEvent& Organizer(const std::string& email) {
    return Line("ORGANIZER;CN=Someone:mailto:" + email);
  }
  AnEvent& Attendee(const std::string& email) {
    return Line("ATTENDEE;PARTSTAT=ACCEPTED:mailto:" + email);
  }
  std::string Text() const { return "BEGIN:VEVENT\r\n" + text_ + "END:VEVENT\r\n"; }

 private:
  std::string text_;
};

std::string Calendar(const std::vector<std::string>& parts) {
  std::string text = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//addio test//EN\r\n";
  for (const std::string& part : parts) text += part;
  return text + "END:VCALENDAR\r\n";
}

class IcsTest : public ::testing::Test {
 protected:
  IcsTest() {
    ledger_.workspace.timezone = "Europe/Rome";
    ledger_.workspace.owner_emails = {"me@studio.it"};
    Client acme;
    acme.id = "acme";
    acme.name = "Acme";
    acme.domains = {"acme.com"};
    Client beta;
    beta.id = "beta";
    beta.name = "Beta";
    beta.emails = {"ceo@beta.io"};
    ledger_.clients = {acme, beta};
    context_.existing = &ledger_;
  }

  std::string Write(const std::string& text) {
    const std::string name = ::testing::UnitTest::GetInstance()->current_test_info()->name();
    const std::string path = ::testing::TempDir() + "/addio_ics_" + name + ".ics";
    std::ofstream(path, std::ios::binary) << text;
    return path;
  }

  IngestResult Read(const std::string& text) { return IcsImporter().Read(Write(text), context_); }

  static std::vector<std::string> Starts(const IngestResult& result) {
    std::vector<std::string> starts;
    for (const Contact& c : result.ledger.contacts) starts.push_back(c.at.ToUtcString());
    std::ranges::sort(starts);
    return starts;
  }

  static bool ReviewMentions(const IngestResult& result, const std::string& text) {
    return std::ranges::any_of(result.review, [&text](const Message& line) {
      return line.In(Lang::kEn).find(text) != std::string::npos;
    });
  }

  Ledger ledger_;
  IngestContext context_;
};

TEST_F(IcsTest, WeeklyNewYorkMeetingKeepsItsWallClockAcrossDst) {
  // US daylight saving time starts on 2026-03-08: 09:00 EST is 14:00Z, 09:00 EDT 13:00Z.
  const IngestResult result = Read(Calendar({AnEvent("standup")
                                                 .Start(";TZID=America/New_York:20260302T090000")
                                                 .End(";TZID=America/New_York:20260302T093000")
                                                 .Line("RRULE:FREQ=WEEKLY;COUNT=3")
                                                 .Organizer("pm@acme.com")
                                                 .Text()}));
  ASSERT_FALSE(result.diagnostics.HasErrors()) << result.diagnostics.ToString();
  EXPECT_EQ(Starts(result),
            (std::vector<std::string>{"2026-03-02T14:00:00Z", "2026-03-09T13:00:00Z",
                                      "2026-03-16T13:00:00Z"}));
  for (const Contact& c : result.ledger.contacts) {
    EXPECT_EQ(c.client, "acme");
    EXPECT_EQ(c.channel, Channel::kMeeting);
    EXPECT_EQ(c.direction, Direction::kInbound);
    EXPECT_EQ(c.minutes, 30);
    EXPECT_FALSE(c.logged);
  }
}

TEST_F(IcsTest, ExdateRemovesOneInstance) {
  const IngestResult result = Read(Calendar({AnEvent("daily")
                                                 .Start(":20260601T080000Z")
                                                 .End(":20260601T081500Z")
                                                 .Line("RRULE:FREQ=DAILY;COUNT=4")
                                                 .Line("EXDATE:20260602T080000Z")
                                                 .Attendee("ceo@beta.io")
                                                 .Text()}));
  EXPECT_EQ(Starts(result),
            (std::vector<std::string>{"2026-06-01T08:00:00Z", "2026-06-03T08:00:00Z",
                                      "2026-06-04T08:00:00Z"}));
  ASSERT_EQ(result.ledger.contacts.size(), 3u);
  EXPECT_EQ(result.ledger.contacts[0].client, "beta");
  EXPECT_EQ(result.ledger.contacts[0].minutes, 15);
}

TEST_F(IcsTest, FloatingTimeIsReadInTheWorkspaceZoneOrTheTimezoneOption) {
  const std::string calendar =
      Calendar({AnEvent("floating").Start(":20260115T100000").Attendee("ann@acme.com").Text()});
  EXPECT_EQ(Starts(Read(calendar)), std::vector<std::string>{"2026-01-15T09:00:00Z"});
  context_.options.timezone = "Asia/Tokyo";
  EXPECT_EQ(Starts(Read(calendar)), std::vector<std::string>{"2026-01-15T01:00:00Z"});
}

TEST_F(IcsTest, UnknownAttendeeIsListedForReviewNotMadeAClient) {
  const IngestResult result = Read(Calendar(
      {AnEvent("intro").Start(":20260410T150000Z").Attendee("stranger@unknown.org").Text()}));
  EXPECT_TRUE(result.ledger.contacts.empty());
  EXPECT_TRUE(result.ledger.clients.empty());
  EXPECT_FALSE(result.diagnostics.HasErrors());
  EXPECT_TRUE(ReviewMentions(result, "1 meeting matched no client"));
  EXPECT_TRUE(ReviewMentions(result, "stranger@unknown.org (1)"));
}

TEST_F(IcsTest, DirectionFollowsTheOrganizer) {
  const IngestResult result = Read(Calendar({
      AnEvent("theirs").Start(":20260401T090000Z").Organizer("pm@acme.com").Text(),
      AnEvent("mine")
          .Start(":20260402T090000Z")
          .Organizer("ME@studio.it")
          .Attendee("pm@acme.com")
          .Text(),
      AnEvent("no-organizer").Start(":20260403T090000Z").Attendee("pm@acme.com").Text(),
  }));
  ASSERT_EQ(result.ledger.contacts.size(), 3u);
  EXPECT_EQ(result.ledger.contacts[0].direction, Direction::kInbound);
  EXPECT_EQ(result.ledger.contacts[1].direction, Direction::kOutbound);
  // An event nobody organised was put in the calendar by its owner.
  EXPECT_EQ(result.ledger.contacts[2].direction, Direction::kOutbound);
}

TEST_F(IcsTest, AllDayAndOverlongEventsAreNoMeetings) {
  const IngestResult result = Read(Calendar({
      AnEvent("holiday")
          .Start(";VALUE=DATE:20260415")
          .End(";VALUE=DATE:20260416")
          .Attendee("pm@acme.com")
          .Text(),
      AnEvent("offsite")
          .Start(":20260420T080000Z")
          .End(":20260422T160000Z")
          .Attendee("pm@acme.com")
          .Text(),
  }));
  EXPECT_TRUE(result.ledger.contacts.empty());
  EXPECT_TRUE(ReviewMentions(result, "1 all-day event skipped"));
  EXPECT_TRUE(ReviewMentions(result, "1 event longer than a day skipped"));
}

TEST_F(IcsTest, OverridesMoveAndCancelSingleInstances) {
  const IngestResult result = Read(Calendar({
      AnEvent("weekly")
          .Start(";TZID=Europe/Rome:20260504T100000")
          .Line("DURATION:PT1H")
          .Line("RRULE:FREQ=WEEKLY;COUNT=3")
          .Attendee("pm@acme.com")
          .Text(),
      AnEvent("weekly")
          .Line("RECURRENCE-ID;TZID=Europe/Rome:20260511T100000")
          .Start(";TZID=Europe/Rome:20260512T150000")
          .End(";TZID=Europe/Rome:20260512T153000")
          .Text(),
      AnEvent("weekly")
          .Line("RECURRENCE-ID;TZID=Europe/Rome:20260518T100000")
          .Start(";TZID=Europe/Rome:20260518T100000")
          .Line("STATUS:CANCELLED")
          .Text(),
  }));
  EXPECT_EQ(Starts(result),
            (std::vector<std::string>{"2026-05-04T08:00:00Z", "2026-05-12T13:00:00Z"}));
  ASSERT_EQ(result.ledger.contacts.size(), 2u);
  EXPECT_EQ(result.ledger.contacts[0].minutes, 60);
  // The moved instance keeps the series' attendees and takes its own length.
  EXPECT_EQ(result.ledger.contacts[1].client, "acme");
  EXPECT_EQ(result.ledger.contacts[1].minutes, 30);
  // Its id is that of the instance it replaces, so moving it again updates one record.
  EXPECT_EQ(result.ledger.contacts[1].id, ContentId("meeting", "weekly@2026-05-11T08:00:00Z"));
}

TEST_F(IcsTest, EndlessRuleIsCutAtTheOccurrenceCapWithAWarningNamingTheEvent) {
  // Every Monday since 2020, with no end: read whatever today is, up to 5 000 occurrences.
  const std::string calendar = Calendar({AnEvent("forever")
                                             .Start(";TZID=Europe/Rome:20200106T100000")
                                             .Line("SUMMARY:Weekly sync")
                                             .Line("RRULE:FREQ=WEEKLY")
                                             .Attendee("pm@acme.com")
                                             .Text()});
  const IngestResult result = Read(calendar);
  EXPECT_FALSE(result.diagnostics.HasErrors()) << result.diagnostics.ToString();
  EXPECT_EQ(result.ledger.contacts.size(), 5000u);
  EXPECT_EQ(Starts(result).front(), "2020-01-06T09:00:00Z");
  ASSERT_EQ(result.diagnostics.WarningCount(), 1u) << result.diagnostics.ToString();
  const Diagnostic& warning = result.diagnostics.items()[0];
  EXPECT_EQ(warning.record_id, "forever");
  EXPECT_EQ(warning.field, "RRULE");
  EXPECT_GT(warning.line, 0);
  EXPECT_NE(warning.Text().find("Weekly sync"), std::string::npos) << warning.Text();
  EXPECT_NE(warning.Text().find("5000"), std::string::npos) << warning.Text();
  EXPECT_TRUE(ReviewMentions(result, "the whole calendar is read"));
}

TEST_F(IcsTest, SinceAndUntilBoundTheDaysRead) {
  // The same Mondays, from 2025-06-30 to 2026-06-30 (days in the workspace zone): 53.
  context_.options.since = *CivilDate::Parse("2025-06-30");
  context_.options.until = *CivilDate::Parse("2026-06-30");
  const IngestResult result = Read(Calendar({AnEvent("forever")
                                                 .Start(";TZID=Europe/Rome:20200106T100000")
                                                 .Line("RRULE:FREQ=WEEKLY")
                                                 .Attendee("pm@acme.com")
                                                 .Text()}));
  EXPECT_TRUE(result.diagnostics.empty()) << result.diagnostics.ToString();
  EXPECT_EQ(result.ledger.contacts.size(), 53u);
  EXPECT_EQ(Starts(result).front(), "2025-06-30T08:00:00Z");
  EXPECT_EQ(Starts(result).back(), "2026-06-29T08:00:00Z");
  EXPECT_TRUE(ReviewMentions(result, "from 2025-06-30 to 2026-06-30"));
}

TEST_F(IcsTest, ARuleWithAnEndIsReadWholeWithoutWarning) {
  const IngestResult result = Read(Calendar({AnEvent("decade")
                                                 .Start(":20140106T100000Z")
                                                 .Line("RRULE:FREQ=WEEKLY;UNTIL=20241230T235959Z")
                                                 .Attendee("pm@acme.com")
                                                 .Text()}));
  EXPECT_TRUE(result.diagnostics.empty()) << result.diagnostics.ToString();
  EXPECT_EQ(result.ledger.contacts.size(), 574u);  // every Monday of 2014-2024
}

TEST_F(IcsTest, RdateAddsInstancesWithTheirOwnPeriod) {
  const IngestResult result = Read(Calendar({AnEvent("extra")
                                                 .Start(":20260601T090000Z")
                                                 .Line("DURATION:PT45M")
                                                 .Line("RDATE:20260603T090000Z")
                                                 .Line("RDATE;VALUE=PERIOD:20260605T120000Z/PT2H")
                                                 .Attendee("pm@acme.com")
                                                 .Text()}));
  ASSERT_EQ(Starts(result),
            (std::vector<std::string>{"2026-06-01T09:00:00Z", "2026-06-03T09:00:00Z",
                                      "2026-06-05T12:00:00Z"}));
  std::vector<int> minutes;
  for (const Contact& c : result.ledger.contacts) minutes.push_back(c.minutes);
  std::ranges::sort(minutes);
  EXPECT_EQ(minutes, (std::vector<int>{45, 45, 120}));
}

TEST_F(IcsTest, VtimezoneOfTheFileServesNamesTheTzDatabaseLacks) {
  const std::string vtimezone =
      "BEGIN:VTIMEZONE\r\nTZID:India Standard Time\r\nBEGIN:STANDARD\r\n"
      "DTSTART:16010101T000000\r\nTZOFFSETFROM:+0530\r\nTZOFFSETTO:+0530\r\n"
      "END:STANDARD\r\nEND:VTIMEZONE\r\n";
  const IngestResult result =
      Read(Calendar({vtimezone,
                     AnEvent("call")
                         .Start(";TZID=India Standard Time:20260310T153000")
                         .Organizer("a@acme.com")
                         .Text(),
                     AnEvent("moz")
                         .Start(";TZID=/mozilla.org/20050126_1/America/New_York:20260310T090000")
                         .Organizer("a@acme.com")
                         .Text()}));
  ASSERT_FALSE(result.diagnostics.HasErrors()) << result.diagnostics.ToString();
  EXPECT_TRUE(result.diagnostics.empty()) << result.diagnostics.ToString();
  EXPECT_EQ(Starts(result),
            (std::vector<std::string>{"2026-03-10T10:00:00Z", "2026-03-10T13:00:00Z"}));
}

TEST_F(IcsTest, UnknownTzidIsAWarningAndReadsInTheWorkspaceZone) {
  const IngestResult result = Read(Calendar({AnEvent("odd")
                                                 .Start(";TZID=Atlantis/Capital:20260110T100000")
                                                 .Organizer("a@acme.com")
                                                 .Text()}));
  EXPECT_FALSE(result.diagnostics.HasErrors());
  ASSERT_EQ(result.diagnostics.WarningCount(), 1u);
  EXPECT_EQ(result.diagnostics.items()[0].line, 6);
  EXPECT_EQ(Starts(result), std::vector<std::string>{"2026-01-10T09:00:00Z"});
}

TEST_F(IcsTest, BrokenCalendarsGiveErrorsWithTheirLine) {
  IngestResult unclosed = Read("BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:x\r\nEND:VEVENT\r\n");
  ASSERT_TRUE(unclosed.diagnostics.HasErrors());
  EXPECT_EQ(unclosed.diagnostics.items()[0].line, 1);
  EXPECT_NE(unclosed.diagnostics.items()[0].message.In(Lang::kEn).find("never closed"),
            std::string::npos);

  IngestResult no_colon = Read(Calendar({"X-GARBAGE\r\n"}));
  ASSERT_TRUE(no_colon.diagnostics.HasErrors());
  EXPECT_EQ(no_colon.diagnostics.items()[0].line, 4);

  IngestResult bad_start = Read(Calendar({AnEvent("bad").Start(":2026-01-10 10:00").Text()}));
  ASSERT_TRUE(bad_start.diagnostics.HasErrors());
  EXPECT_EQ(bad_start.diagnostics.items()[0].line, 6);
  EXPECT_EQ(bad_start.diagnostics.items()[0].field, "DTSTART");
  EXPECT_EQ(bad_start.diagnostics.items()[0].record_id, "bad");

  IngestResult bad_rule = Read(
      Calendar({AnEvent("rule").Start(":20260110T100000Z").Line("RRULE:FREQ=SOMETIMES").Text()}));
  ASSERT_TRUE(bad_rule.diagnostics.HasErrors());
  EXPECT_EQ(bad_rule.diagnostics.items()[0].field, "RRULE");
}

TEST_F(IcsTest, ReadingTwiceGivesTheSameRecords) {
  const std::string path = Write(Calendar({AnEvent("standup")
                                               .Start(";TZID=Europe/Rome:20260105T093000")
                                               .Line("RRULE:FREQ=DAILY;BYDAY=MO,TU,WE,TH,FR")
                                               .Line("DURATION:PT15M")
                                               .Organizer("pm@acme.com")
                                               .Text()}));
  const IngestResult first = IcsImporter().Read(path, context_);
  const IngestResult second = IcsImporter().Read(path, context_);
  EXPECT_GT(first.ledger.contacts.size(), 100u);
  EXPECT_EQ(first.ledger, second.ledger);
  EXPECT_EQ(first.review, second.review);
}

TEST_F(IcsTest, DetectsCalendarsByContentAndName) {
  EXPECT_EQ(IcsImporter().Detect("export.txt",
                                 "\xEF\xBB\xBF"
                                 "BEGIN:VCALENDAR\r\n"),
            95);
  EXPECT_EQ(IcsImporter().Detect("cal.ICS", "garbage"), 60);
  EXPECT_EQ(IcsImporter().Detect("notes.txt", "BEGIN:VCARD\r\n"), 0);
}

TEST_F(IcsTest, SharedRecurringEventWithTimezoneAndOverrides) {
  REQUIRE_REAL_DATA("ics_calendars");
  // Organised by jlal@mozilla.com; a monthly first-Tuesday series in America/Los_Angeles
  // with RDATEs, EXDATEs and two overrides.
  Client mozilla;
  mozilla.id = "mozilla";
  mozilla.name = "Mozilla";
  mozilla.domains = {"mozilla.com"};
  ledger_.clients = {mozilla};
  context_.options.since = *CivilDate::Parse("2012-01-16");
  context_.options.until = *CivilDate::Parse("2013-01-15");
  const IngestResult result = IcsImporter().Read(
      RealData() + "/ics_calendars/ical.js_samples/recur_instances.ics", context_);
  ASSERT_FALSE(result.diagnostics.HasErrors()) << result.diagnostics.ToString();
  // 2012-10-02 moved to 15:00 PDT; the 2012-11-05 RDATE moved to 2012-11-06 20:00 PST;
  // 2012-11-06, two RDATEs in November, 2013-01-01; 2012-12-04 is an EXDATE.
  EXPECT_EQ(Starts(result),
            (std::vector<std::string>{"2012-10-02T22:00:00Z", "2012-11-06T18:00:00Z",
                                      "2012-11-07T04:00:00Z", "2012-11-10T18:00:00Z",
                                      "2012-11-30T18:00:00Z", "2013-01-01T18:00:00Z"}));
  for (const Contact& c : result.ledger.contacts) {
    EXPECT_EQ(c.client, "mozilla");
    EXPECT_EQ(c.minutes, 30);
    EXPECT_EQ(c.direction, Direction::kInbound);
  }
}

TEST_F(IcsTest, SharedMultipleRulesAreUnited) {
  REQUIRE_REAL_DATA("ics_calendars");
  Client mozilla;
  mozilla.id = "mozilla";
  mozilla.name = "Mozilla";
  mozilla.domains = {"mozilla.com"};
  ledger_.clients = {mozilla};
  context_.options.until = *CivilDate::Parse("2012-12-31");
  const IngestResult result = IcsImporter().Read(
      RealData() + "/ics_calendars/ical.js_samples/multiple_rrules.ics", context_);
  // 18 Mondays (weekly) and 18 Sundays (monthly BYDAY=SU) from 2012-03-26 to 2012-07-29.
  EXPECT_EQ(result.ledger.contacts.size(), 36u);
  EXPECT_EQ(Starts(result).front(), "2012-03-26T18:00:00Z");  // 11:00 PDT
}

TEST_F(IcsTest, SharedEventInAFileOnlyVtimezone) {
  REQUIRE_REAL_DATA("ics_calendars");
  // TZID "UTC+11" is defined only by the file's VTIMEZONE; the event has no attendee, so
  // it shows in the preview and is counted, not imported.
  const IngestResult result = IcsImporter().Read(
      RealData() + "/ics_calendars/python-icalendar_tests/calendars/issue_218_bad_tzid.ics",
      context_);
  EXPECT_TRUE(result.diagnostics.empty()) << result.diagnostics.ToString();
  ASSERT_EQ(result.preview.size(), 2u);
  EXPECT_EQ(result.preview[1][1], "2017-02-28T12:00:00Z");
  EXPECT_EQ(result.preview[1][2], "30");
  EXPECT_TRUE(ReviewMentions(result, "1 meeting with no address other than yours"));
}

TEST_F(IcsTest, EverySharedFileReadsAndBrokenOnesSayWhere) {
  REQUIRE_REAL_DATA("ics_calendars");
  const std::vector<std::string> broken = {
      "python-icalendar_tests/calendars/big_bad_calendar.ics",
      "python-icalendar_tests/calendars/small_bad_calendar.ics",
      "python-icalendar_tests/calendars/broken_dtstart.ics",
      "python-icalendar_tests/calendars/issue_104_broken_calendar.ics",
      "python-icalendar_tests/calendars/fuzz_testcase_0_char_in_component_name.ics",
      "python-icalendar_tests/calendars/fuzz_testcase_invalid_month.ics",
      "python-icalendar_tests/calendars/invalid_duration.ics",
      "python-icalendar_tests/calendars/issue_1081_invalid_rrule_freq.ics",
      "python-icalendar_tests/calendars/timezone_same_start_and_offset.ics",
      "python-icalendar_tests/events/issue_464_invalid_rdate.ics",
  };
  int files = 0;
  for (const auto& entry : fs::recursive_directory_iterator(RealData() + "/ics_calendars")) {
    if (entry.path().extension() != ".ics") continue;
    ++files;
    const std::string relative = fs::relative(entry.path(), RealData() + "/ics_calendars").string();
    const IngestResult result = IcsImporter().Read(entry.path().string(), context_);
    EXPECT_EQ(result.format, "ics");
    for (const Diagnostic& d : result.diagnostics.items()) {
      EXPECT_EQ(d.file, entry.path().string());
      if (d.severity == Severity::kError) {
        EXPECT_GT(d.line, 0) << relative << ": " << d.message.In(Lang::kEn);
      }
    }
    if (std::ranges::find(broken, relative) != broken.end()) {
      EXPECT_TRUE(result.diagnostics.HasErrors()) << relative;
    }
  }
  EXPECT_GT(files, 150);
}

}  // namespace
TEST_F(IcsTest, SharedCalendarsOf2014To2024ImportTheirMeetingsWhateverTheDate) {
  REQUIRE_REAL_DATA("ics_calendars");
  // Real calendars whose timed events fall in 2014-2024: read with no window, every one
  // yields its meetings (formerly only the 365 days before the computer's clock were read,
  // and these gave none). Their addresses are unknown, so meetings show in the preview.
  const std::vector<std::string> files = {
      "ical.js_samples/timezone_from_file.ics",
      "python-icalendar_tests/calendars/america_new_york.ics",
      "python-icalendar_tests/calendars/issue_218_bad_tzid.ics",
      "python-icalendar_tests/calendars/issue_466_respect_unique_timezone.ics",
      "python-icalendar_tests/calendars/period_with_timezone.ics",
      "ical.js_samples/rdate_exdate.ics",
  };
  for (const std::string& file : files) {
    const IngestResult result = IcsImporter().Read(RealData() + "/ics_calendars/" + file, context_);
    EXPECT_FALSE(result.diagnostics.HasErrors()) << file << ": " << result.diagnostics.ToString();
    ASSERT_GE(result.preview.size(), 2u) << file;
    for (size_t row = 1; row < result.preview.size(); ++row) {
      const int year = std::stoi(result.preview[row][1].substr(0, 4));
      EXPECT_GE(year, 2014) << file;
      EXPECT_LE(year, 2024) << file;
    }
    EXPECT_FALSE(ReviewMentions(result, "outside")) << file;
  }
}

}  // namespace addio

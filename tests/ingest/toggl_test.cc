#include <gtest/gtest.h>

#include <string>

#include "ingest/importers.h"
#include "ingest/ingest.h"
#include "ledger/validate.h"
#include "timesheet_test_util.h"

namespace addio {
namespace {

using testing::Problems;
using testing::ReadWith;
using testing::TempDir;
using testing::Utc;

const Importer& Toggl() { return TogglImporter(); }

const char kHeader[] =
    "User,Email,Client,Project,Task,Description,Billable,Start date,Start time,End date,"
    "End time,Duration,Tags,Amount (EUR)\r\n";

// One Toggl row with the given client, dates, times and duration.
std::string Row(const std::string& client, const std::string& start_date,
                const std::string& start_time, const std::string& end_date,
                const std::string& end_time, const std::string& duration,
                const std::string& billable = "Yes", const std::string& note = "Work") {
  return "Ann,ann@example.com," + client + ",Site,," + note + "," + billable + "," + start_date +
         "," + start_time + "," + end_date + "," + end_time + "," + duration + ",,\r\n";
}

TEST(TogglTest, RealExportWithBomReadsEveryEntry) {
  ADDIO_REAL_FILE(file, "toggl_real_exports/vages_Toggl_time_entries_2018-10-08_to_2018-10-14.csv");
  EXPECT_EQ(DetectImporter(file).value()->name(), "toggl");
  const IngestResult result = ReadWith(Toggl(), file);
  EXPECT_FALSE(result.diagnostics.HasErrors()) << Problems(result);
  ASSERT_EQ(result.ledger.work.size(), 21u);
  // No client in the export: each project (Entur, Fagarbeid, Knowit) stands for one.
  ASSERT_EQ(result.ledger.clients.size(), 3u);
  EXPECT_EQ(result.ledger.clients[0].id, "entur");
  EXPECT_EQ(result.ledger.projects.size(), 3u);
  const WorkEntry& first = result.ledger.work[0];
  // 2018-10-08 07:30:07 in Rome (CEST, +02:00); 08:03:27 is 483 minutes.
  EXPECT_EQ(Utc(first.start), "2018-10-08T05:30:07Z");
  EXPECT_EQ(first.minutes, 483);
  EXPECT_FALSE(first.billable);
  EXPECT_EQ(first.client, "entur");
  EXPECT_EQ(first.project, "entur-entur");
  EXPECT_EQ(first.note,
            "CAOS-1133 Legge inn en Spring Boot-app som kommuniserer med ekstern maskinvare");
  EXPECT_EQ(result.ledger.work[2].note.substr(0, 4), "QA: ");
  ASSERT_FALSE(result.review.empty());
  EXPECT_EQ(result.preview.size(), 6u);
  EXPECT_EQ(result.preview[0][0], "User");  // the byte order mark is gone
  // What the store will check: references resolve, minutes in range, ids unique.
  Diagnostics checks;
  Validate(result.ledger, result.source, checks);
  EXPECT_FALSE(checks.HasErrors()) << checks.ToString();
}

TEST(TogglTest, TimezoneOptionOverridesTheWorkspace) {
  ADDIO_REAL_FILE(file, "toggl_real_exports/vages_Toggl_time_entries_2018-10-08_to_2018-10-14.csv");
  IngestOptions options;
  options.timezone = "America/New_York";
  const IngestResult result = ReadWith(Toggl(), file, Ledger{}, options);
  ASSERT_FALSE(result.ledger.work.empty());
  EXPECT_EQ(Utc(result.ledger.work[0].start), "2018-10-08T11:30:07Z");
}

TEST(TogglTest, SolidtimeFixtures) {
  ADDIO_REAL_FILE(one, "timetracker_solidtime_fixtures/toggl_time_entries_import_test_1.csv");
  const IngestResult result = ReadWith(Toggl(), one);
  EXPECT_FALSE(result.diagnostics.HasErrors()) << Problems(result);
  ASSERT_EQ(result.ledger.work.size(), 2u);
  EXPECT_EQ(result.ledger.work[0].minutes, 0);
  EXPECT_FALSE(result.ledger.work[0].billable);
  EXPECT_EQ(result.ledger.work[0].client, "project-without-client");
  const WorkEntry& second = result.ledger.work[1];
  EXPECT_EQ(second.client, "big-company");
  EXPECT_EQ(second.project, "big-company-project-for-big-company");
  EXPECT_EQ(Utc(second.start), "2024-03-04T09:23:00Z");
  EXPECT_EQ(second.minutes, 60);
  EXPECT_TRUE(second.billable);
  EXPECT_EQ(second.note, "Working hard");

  ADDIO_REAL_FILE(two, "timetracker_solidtime_fixtures/toggl_time_entries_import_test_2.csv");
  const IngestResult quoted = ReadWith(Toggl(), two);
  EXPECT_FALSE(quoted.diagnostics.HasErrors()) << Problems(quoted);
  ASSERT_EQ(quoted.ledger.work.size(), 1u);
  EXPECT_EQ(quoted.ledger.work[0].client, "real-world-client");
  EXPECT_EQ(Utc(quoted.ledger.work[0].start), "2024-10-15T10:02:17Z");
  EXPECT_NE(quoted.ledger.work[0].note.find("Special characters"), std::string::npos);
}

TEST(TogglTest, TwelveHourTimesEuropeanDatesBomAndCrlf) {
  TempDir dir;
  const std::string file = dir.Write(
      "t.csv",
      std::string("\xEF\xBB\xBF") + kHeader +
          Row("Acme", "15/03/2024", "12:15 AM", "15/03/2024", "1:15 AM", "01:00:00") +
          Row("Acme", "16/03/2024", "12:30 PM", "16/03/2024", "2:00 PM", "01:30:00", "No"));
  const IngestResult result = ReadWith(Toggl(), file);
  EXPECT_FALSE(result.diagnostics.HasErrors()) << Problems(result);
  ASSERT_EQ(result.ledger.work.size(), 2u);
  EXPECT_EQ(Utc(result.ledger.work[0].start), "2024-03-14T23:15:00Z");  // 00:15 in Rome
  EXPECT_EQ(Utc(result.ledger.work[1].start), "2024-03-16T11:30:00Z");  // 12:30 in Rome
  EXPECT_EQ(result.ledger.work[1].minutes, 90);
  EXPECT_FALSE(result.ledger.work[1].billable);
  ASSERT_EQ(result.ledger.clients.size(), 1u);
}

TEST(TogglTest, EntryCrossingMidnightStaysWhole) {
  TempDir dir;
  const std::string file = dir.Write("t.csv", kHeader + Row("Acme", "2024-05-10", "23:30:00",
                                                            "2024-05-11", "01:15:00", "01:45:00"));
  const IngestResult result = ReadWith(Toggl(), file);
  ASSERT_EQ(result.ledger.work.size(), 1u) << Problems(result);
  EXPECT_EQ(Utc(result.ledger.work[0].start), "2024-05-10T21:30:00Z");
  EXPECT_EQ(result.ledger.work[0].minutes, 105);
}

TEST(TogglTest, EntryLongerThanADayIsAnErrorNamingTheLine) {
  TempDir dir;
  const std::string file = dir.Write("t.csv", kHeader + Row("Acme", "2024-05-10", "09:00:00",
                                                            "2024-05-12", "11:00:00", "50:00:00"));
  const IngestResult result = ReadWith(Toggl(), file);
  ASSERT_EQ(result.diagnostics.ErrorCount(), 1u) << Problems(result);
  const Diagnostic& d = result.diagnostics.items()[0];
  EXPECT_EQ(d.file, file);
  EXPECT_EQ(d.line, 2);
  EXPECT_EQ(d.record_type, "work");
  EXPECT_EQ(d.field, "duration");
  EXPECT_NE(d.Text().find("50 h 0 min"), std::string::npos) << d.Text();
  EXPECT_TRUE(result.ledger.work.empty());
  // Exactly a day is still one entry.
  const std::string day = dir.Write("d.csv", kHeader + Row("Acme", "2024-05-10", "09:00:00",
                                                           "2024-05-11", "09:00:00", "24:00:00"));
  const IngestResult whole = ReadWith(Toggl(), day);
  EXPECT_FALSE(whole.diagnostics.HasErrors()) << Problems(whole);
  ASSERT_EQ(whole.ledger.work.size(), 1u);
  EXPECT_EQ(whole.ledger.work[0].minutes, 1440);
}

TEST(TogglTest, AHugeDurationIsOneErrorNotMillionsOfEntries) {
  TempDir dir;
  const std::string file = dir.Write(
      "t.csv", kHeader +
                   Row("Acme", "2024-05-10", "09:00:00", "2024-05-10", "10:00:00", "01:00:00") +
                   Row("Acme", "2024-05-11", "09:00:00", "", "", "99999999:00:00"));
  const IngestResult result = ReadWith(Toggl(), file);
  ASSERT_EQ(result.diagnostics.ErrorCount(), 1u) << Problems(result);
  EXPECT_EQ(result.diagnostics.items()[0].line, 3);
  EXPECT_NE(result.diagnostics.items()[0].Text().find("99999999 h"), std::string::npos);
  EXPECT_LE(result.ledger.work.size(), 1u);
}

TEST(TogglTest, NaiveTimesAroundTheDstChangeInRome) {
  // 2024-03-31: clocks go from 02:00 to 03:00; 2024-10-27: from 03:00 back to 02:00.
  TempDir dir;
  const std::string file = dir.Write(
      "t.csv", kHeader + Row("Acme", "2024-03-31", "01:30:00", "2024-03-31", "03:30:00", "") +
                   Row("Acme", "2024-03-31", "03:00:00", "2024-03-31", "04:00:00", "01:00:00") +
                   Row("Acme", "2024-10-27", "01:30:00", "2024-10-27", "03:30:00", ""));
  const IngestResult result = ReadWith(Toggl(), file);
  EXPECT_FALSE(result.diagnostics.HasErrors()) << Problems(result);
  ASSERT_EQ(result.ledger.work.size(), 3u);
  EXPECT_EQ(Utc(result.ledger.work[0].start), "2024-03-31T00:30:00Z");
  EXPECT_EQ(result.ledger.work[0].minutes, 60);  // one real hour passed
  EXPECT_EQ(Utc(result.ledger.work[1].start), "2024-03-31T01:00:00Z");
  EXPECT_EQ(Utc(result.ledger.work[2].start), "2024-10-26T23:30:00Z");
  EXPECT_EQ(result.ledger.work[2].minutes, 180);  // three real hours passed
}

TEST(TogglTest, BrokenRowsNameFileLineAndField) {
  TempDir dir;
  const std::string file =
      dir.Write("broken.csv", kHeader + Row("Acme", "2024-02-30", "09:00:00", "", "", "01:00:00") +
                                  Row("Acme", "2024-02-01", "9h", "", "", "01:00:00") +
                                  Row("Acme", "2024-02-01", "09:00:00", "", "", "soon") +
                                  Row("Acme", "2024-02-02", "09:00:00", "", "", "01:00:00"));
  const IngestResult result = ReadWith(Toggl(), file);
  ASSERT_EQ(result.diagnostics.ErrorCount(), 3u) << Problems(result);
  const Diagnostic& date = result.diagnostics.items()[0];
  EXPECT_EQ(date.file, file);
  EXPECT_EQ(date.line, 2);
  EXPECT_EQ(date.field, "Start date");
  EXPECT_NE(date.message.In(Lang::kEn).find("column 8"), std::string::npos)
      << date.message.In(Lang::kEn);
  EXPECT_NE(date.message.In(Lang::kEn).find("2024-02-30"), std::string::npos);
  EXPECT_EQ(result.diagnostics.items()[1].line, 3);
  EXPECT_EQ(result.diagnostics.items()[1].field, "Start time");
  EXPECT_EQ(result.diagnostics.items()[2].field, "Duration");
  EXPECT_EQ(result.ledger.work.size(), 1u);  // the good row is still read
}

TEST(TogglTest, MissingColumnListsTheHeadersFound) {
  TempDir dir;
  const std::string file =
      dir.Write("t.csv", "User,Client,Start date,Duration\nA,B,2024-01-01,1\n");
  const IngestResult result = ReadWith(Toggl(), file);
  ASSERT_EQ(result.diagnostics.ErrorCount(), 1u);
  const std::string message = result.diagnostics.items()[0].message.In(Lang::kEn);
  EXPECT_NE(message.find("\"Start time\""), std::string::npos) << message;
  EXPECT_NE(message.find("User, Client, Start date, Duration"), std::string::npos) << message;
  EXPECT_EQ(result.diagnostics.items()[0].line, 1);
}

TEST(TogglTest, ReadingTwiceAndReimportingGiveTheSameRecords) {
  TempDir dir;
  const std::string file = dir.Write(
      "t.csv", kHeader + Row("Acme S.r.l.", "2024-05-10", "09:00:00", "", "", "01:00:00") +
                   Row("Acme S.r.l.", "2024-05-10", "09:00:00", "", "", "01:00:00") +
                   Row("Beta", "2024-05-10", "10:00:00", "", "", "00:30:00"));
  const IngestResult first = ReadWith(Toggl(), file);
  const IngestResult second = ReadWith(Toggl(), file);
  EXPECT_EQ(first.ledger, second.ledger);
  ASSERT_EQ(first.ledger.work.size(), 3u);
  // An exact repeat is a second entry, not the same one.
  EXPECT_NE(first.ledger.work[0].id, first.ledger.work[1].id);

  // Once stored, clients and projects are found, not created again; ids stay.
  Ledger stored = first.ledger;
  const IngestResult again = ReadWith(Toggl(), file, stored);
  EXPECT_TRUE(again.ledger.clients.empty());
  EXPECT_TRUE(again.ledger.projects.empty());
  EXPECT_EQ(again.ledger.work, first.ledger.work);
}

TEST(TogglTest, UnknownClientWithoutCreationIsAnError) {
  TempDir dir;
  const std::string file =
      dir.Write("t.csv", kHeader + Row("Acme", "2024-05-10", "09:00:00", "", "", "01:00:00"));
  IngestOptions options;
  options.create_clients = false;
  const IngestResult result = ReadWith(Toggl(), file, Ledger{}, options);
  ASSERT_EQ(result.diagnostics.ErrorCount(), 1u);
  EXPECT_EQ(result.diagnostics.items()[0].line, 2);
  EXPECT_NE(result.diagnostics.items()[0].message.In(Lang::kEn).find("Acme"), std::string::npos);
  EXPECT_TRUE(result.ledger.work.empty());

  Ledger stored;
  stored.clients.push_back(Client{.id = "acme-id", .name = "ACME srl"});
  const IngestResult known = ReadWith(Toggl(), file, stored, options);
  EXPECT_FALSE(known.diagnostics.HasErrors()) << Problems(known);
  ASSERT_EQ(known.ledger.work.size(), 1u);
  EXPECT_EQ(known.ledger.work[0].client, "acme-id");
}

TEST(TogglTest, DetectsTogglButNotClockify) {
  const std::string head = kHeader;
  EXPECT_GT(Toggl().Detect("Toggl_time_entries.csv", head), 70);
  EXPECT_EQ(Toggl().Detect("x.csv",
                           "\"Project\",\"Client\",\"Start Date\",\"Start Time\",\"Duration (h)\""),
            0);
  EXPECT_EQ(Toggl().Detect("x.csv", "Date,Client,Project,Task,Hours"), 0);
}

}  // namespace
}  // namespace addio

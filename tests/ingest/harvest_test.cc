#include <gtest/gtest.h>

#include <string>

#include "ingest/importers.h"
#include "ingest/ingest.h"
#include "timesheet_test_util.h"

namespace addio {
namespace {

using testing::Problems;
using testing::ReadWith;
using testing::TempDir;
using testing::Utc;

const Importer& Harvest() { return HarvestImporter(); }

const char kHeader[] =
    "Date,Client,Project,Project Code,Task,Notes,Hours,Billable?,Invoiced?,Approved?,"
    "First Name,Last Name,Roles,Employee?,Billable Rate,Billable Amount,Cost Rate,Cost Amount,"
    "Currency,External Reference URL\n";

TEST(HarvestTest, SolidtimeFixtureWithDecimalCommas) {
  ADDIO_REAL_FILE(file, "timetracker_solidtime_fixtures/harvest_time_entries_import_test_1.csv");
  EXPECT_EQ(DetectImporter(file).value()->name(), "harvest");
  const IngestResult result = ReadWith(Harvest(), file);
  EXPECT_FALSE(result.diagnostics.HasErrors()) << Problems(result);
  ASSERT_EQ(result.ledger.work.size(), 2u);
  const WorkEntry& first = result.ledger.work[0];
  EXPECT_EQ(first.client, "project-without-client");
  EXPECT_EQ(first.minutes, 1200);  // "20,0" hours
  EXPECT_FALSE(first.billable);
  // No time of day: 2024-03-04 is a Monday, whose working day starts at 09:00 (CET).
  EXPECT_EQ(Utc(first.start), "2024-03-04T08:00:00Z");
  const WorkEntry& second = result.ledger.work[1];
  EXPECT_EQ(second.client, "big-company");
  EXPECT_EQ(second.project, "big-company-project-for-big-company");
  EXPECT_EQ(second.minutes, 1);  // "0,01" hours = 36 seconds, rounded to a minute
  EXPECT_TRUE(second.billable);
  EXPECT_EQ(second.note, "Working hard");
  bool noted = false;
  for (const Message& line : result.review)
    noted |= line.In(Lang::kEn).find("no time of day") != std::string::npos;
  EXPECT_TRUE(noted);
}

TEST(HarvestTest, ProjectAndClientListsAreNotTimeReports) {
  ADDIO_REAL_FILE(projects, "timetracker_solidtime_fixtures/harvest_projects_import_test_1.csv");
  ADDIO_REAL_FILE(clients, "timetracker_solidtime_fixtures/harvest_clients_import_test_1.csv");
  for (const std::string& file : {projects, clients}) {
    auto detected = DetectImporter(file);
    if (detected) {
      EXPECT_NE((*detected)->name(), "harvest") << file;
    }
  }
}

TEST(HarvestTest, UsDatesDotHoursAndStartedAt) {
  TempDir dir;
  const std::string file = dir.Write(
      "harvest_time_report.csv",
      "Date,Client,Project,Task,Notes,Hours,Billable?,First Name,Last Name,Started At,Ended At\n"
      "03/16/2024,Acme Inc.,Site,Design,Mockups,1.5,Yes,Ann,Lee,9:30pm,11:00pm\n"
      "03/02/2024,ACME,Site,Design,,8,No,Ann,Lee,,\n");
  const IngestResult result = ReadWith(Harvest(), file);
  EXPECT_FALSE(result.diagnostics.HasErrors()) << Problems(result);
  ASSERT_EQ(result.ledger.work.size(), 2u);
  EXPECT_EQ(Utc(result.ledger.work[0].start), "2024-03-16T20:30:00Z");
  EXPECT_EQ(result.ledger.work[0].minutes, 90);
  EXPECT_EQ(result.ledger.work[1].minutes, 480);
  EXPECT_EQ(result.ledger.work[1].note, "Design");  // no notes: the task
  // 2 March 2024 is a Saturday, which has no working hours: 09:00.
  EXPECT_EQ(Utc(result.ledger.work[1].start), "2024-03-02T08:00:00Z");
  ASSERT_EQ(result.ledger.clients.size(), 1u);
  EXPECT_EQ(result.ledger.clients[0].name, "Acme Inc.");
}

TEST(HarvestTest, BadHoursNameLineAndColumn) {
  TempDir dir;
  const std::string file = dir.Write(
      "h.csv", std::string(kHeader) +
                   "2024-03-04,Acme,Site,,Design,x,1h30,Yes,No,No,A,B,,Yes,,,,,EUR,\n" +
                   "2024-03-04,Acme,Site,,Design,x,about two,Yes,No,No,A,B,,Yes,,,,,EUR,\n");
  const IngestResult result = ReadWith(Harvest(), file);
  ASSERT_EQ(result.diagnostics.ErrorCount(), 1u) << Problems(result);
  EXPECT_EQ(result.diagnostics.items()[0].line, 3);
  EXPECT_EQ(result.diagnostics.items()[0].field, "Hours");
  EXPECT_NE(result.diagnostics.items()[0].message.In(Lang::kEn).find("column 7"),
            std::string::npos);
  ASSERT_EQ(result.ledger.work.size(), 1u);
  EXPECT_EQ(result.ledger.work[0].minutes, 90);  // "1h30"
}

TEST(HarvestTest, MissingHoursColumn) {
  TempDir dir;
  const std::string file = dir.Write("h.csv", "Date,Client,Project,Task\n2024-03-04,A,B,C\n");
  const IngestResult result = ReadWith(Harvest(), file);
  ASSERT_EQ(result.diagnostics.ErrorCount(), 1u);
  EXPECT_NE(result.diagnostics.items()[0].message.In(Lang::kEn).find("\"Hours\""),
            std::string::npos);
  EXPECT_NE(result.diagnostics.items()[0].message.In(Lang::kEn).find("Date, Client, Project, Task"),
            std::string::npos);
}

}  // namespace
}  // namespace addio

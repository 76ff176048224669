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

const Importer& Clockify() { return ClockifyImporter(); }

std::string Fixture(int n) {
  return "timetracker_solidtime_fixtures/clockify_time_entries_import_test_" + std::to_string(n) +
         ".csv";
}

// Variants 1, 4 and 5 hold the same two entries under different headers (with and
// without Billable, "Task" or "Activity"): a zero-length one and an hour for Big Company.
TEST(ClockifyTest, HeaderVariantsWithTwoEntries) {
  for (int n : {1, 4, 5}) {
    SCOPED_TRACE(n);
    ADDIO_REAL_FILE(file, Fixture(n));
    EXPECT_EQ(DetectImporter(file).value()->name(), "clockify");
    const IngestResult result = ReadWith(Clockify(), file);
    EXPECT_FALSE(result.diagnostics.HasErrors()) << Problems(result);
    ASSERT_EQ(result.ledger.work.size(), 2u);
    EXPECT_EQ(result.ledger.work[0].minutes, 0);
    EXPECT_EQ(result.ledger.work[0].client, "project-without-client");
    EXPECT_EQ(result.ledger.work[0].billable, n == 4);  // 4 has no Billable column
    const WorkEntry& second = result.ledger.work[1];
    EXPECT_EQ(second.client, "big-company");
    // 03/04/2024 is 4 March (US order, Clockify's default); "10:23 AM" in Rome (CET).
    EXPECT_EQ(Utc(second.start), "2024-03-04T09:23:00Z");
    EXPECT_EQ(second.minutes, 60);  // "Duration (h)" 01:00:01
    EXPECT_TRUE(second.billable);
    EXPECT_EQ(second.note, "Working hard");
    EXPECT_EQ(result.ledger.clients.size(), 2u);
    EXPECT_EQ(result.ledger.projects.size(), 2u);
  }
}

TEST(ClockifyTest, VariantWithInvoiceColumnsAndEuroRates) {
  ADDIO_REAL_FILE(file, Fixture(2));
  EXPECT_EQ(DetectImporter(file).value()->name(), "clockify");
  const IngestResult result = ReadWith(Clockify(), file);
  EXPECT_FALSE(result.diagnostics.HasErrors()) << Problems(result);
  ASSERT_EQ(result.ledger.work.size(), 1u);
  const WorkEntry& entry = result.ledger.work[0];
  EXPECT_EQ(entry.client, "real-world-client");
  EXPECT_EQ(Utc(entry.start), "2024-10-15T09:00:00Z");  // 11:00:00 AM in Rome (CEST)
  EXPECT_EQ(entry.minutes, 30);
  EXPECT_TRUE(entry.billable);
  EXPECT_NE(entry.note.find("Special characters"), std::string::npos);
}

TEST(ClockifyTest, MonthThirteenIsAnErrorNamingLineAndField) {
  ADDIO_REAL_FILE(file, Fixture(3));
  const IngestResult result = ReadWith(Clockify(), file);
  ASSERT_EQ(result.diagnostics.ErrorCount(), 1u) << Problems(result);
  const Diagnostic& d = result.diagnostics.items()[0];
  EXPECT_EQ(d.file, file);
  EXPECT_EQ(d.line, 2);
  EXPECT_EQ(d.field, "Start Date");
  EXPECT_NE(d.message.In(Lang::kEn).find("13/15/2024"), std::string::npos)
      << d.message.In(Lang::kEn);
  EXPECT_TRUE(result.ledger.work.empty());
}

TEST(ClockifyTest, VariantWithoutClientColumnUsesProjects) {
  ADDIO_REAL_FILE(file, Fixture(6));
  const IngestResult result = ReadWith(Clockify(), file);
  EXPECT_FALSE(result.diagnostics.HasErrors()) << Problems(result);
  ASSERT_EQ(result.ledger.work.size(), 2u);
  EXPECT_EQ(result.ledger.work[0].client, "project-a");
  EXPECT_EQ(result.ledger.work[1].client, "project-b");
  EXPECT_EQ(result.ledger.work[1].minutes, 60);
}

TEST(ClockifyTest, VariantWithoutDurationAndAShortRow) {
  // Header ends with "Client", the row has no cell for it; no duration column at all.
  ADDIO_REAL_FILE(file, Fixture(7));
  EXPECT_EQ(DetectImporter(file).value()->name(), "clockify");
  const IngestResult result = ReadWith(Clockify(), file);
  EXPECT_FALSE(result.diagnostics.HasErrors()) << Problems(result);
  ASSERT_EQ(result.ledger.work.size(), 1u);
  EXPECT_EQ(result.ledger.work[0].client, "project-a");
  EXPECT_EQ(result.ledger.work[0].minutes, 60);  // 10:23 AM to 11:23:01 AM
}

TEST(ClockifyTest, EuropeanSemicolonExportWithDecimalCommas) {
  TempDir dir;
  const std::string file =
      dir.Write("clockify.csv",
                "\xEF\xBB\xBF\"Project\";\"Client\";\"Description\";\"Billable\";\"Start Date\";"
                "\"Start Time\";\"End Date\";\"End Time\";\"Duration (decimal)\"\r\n"
                "\"Sito\";\"Rossi & Figli S.p.A.\";\"Riunione\";\"Sì\";\"13/03/2024\";\"23:00\";"
                "\"14/03/2024\";\"00:30\";\"1,50\"\r\n"
                "\"Sito\";\"Rossi & Figli SpA\";\"Bozza\";\"No\";\"04/03/2024\";\"08:00\";"
                "\"04/03/2024\";\"08:45\";\"0,75\"\r\n");
  const IngestResult result = ReadWith(Clockify(), file);
  EXPECT_FALSE(result.diagnostics.HasErrors()) << Problems(result);
  ASSERT_EQ(result.ledger.work.size(), 2u);
  // 13/03 can only be day first, so 04/03 is 4 March too.
  EXPECT_EQ(Utc(result.ledger.work[0].start), "2024-03-13T22:00:00Z");
  EXPECT_EQ(result.ledger.work[0].minutes, 90);
  EXPECT_EQ(Utc(result.ledger.work[1].start), "2024-03-04T07:00:00Z");
  EXPECT_EQ(result.ledger.work[1].minutes, 45);
  EXPECT_FALSE(result.ledger.work[1].billable);
  ASSERT_EQ(result.ledger.clients.size(), 1u);  // "S.p.A." and "SpA" are one company
  EXPECT_EQ(result.ledger.work[0].client, result.ledger.work[1].client);
}

TEST(ClockifyTest, DottedDatesAndHoursColumnAsDecimal) {
  TempDir dir;
  const std::string file =
      dir.Write("c.csv",
                "Project,Client,Description,Start Date,Start Time,End Date,End Time,Duration (h)\n"
                "Web,Acme,Call,05.02.2024,09:15:00,05.02.2024,10:45:00,1.50\n");
  const IngestResult result = ReadWith(Clockify(), file);
  EXPECT_FALSE(result.diagnostics.HasErrors()) << Problems(result);
  ASSERT_EQ(result.ledger.work.size(), 1u);
  EXPECT_EQ(Utc(result.ledger.work[0].start), "2024-02-05T08:15:00Z");
  EXPECT_EQ(result.ledger.work[0].minutes, 90);
}

TEST(ClockifyTest, NotMistakenForOtherExports) {
  EXPECT_EQ(Clockify().Detect("t.csv",
                              "User,Email,Client,Project,Task,Description,Billable,Start date,"
                              "Start time,End date,End time,Duration"),
            0);
  EXPECT_EQ(Clockify().Detect("p.csv", "\"Project\",\"Client\",\"Status\",\"Tracked (h)\""), 0);
}

}  // namespace
}  // namespace addio

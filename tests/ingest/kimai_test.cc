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

const Importer& Kimai() { return KimaiImporter(); }

TEST(KimaiTest, RealExportSkipsTheTotalsRow) {
  ADDIO_REAL_FILE(file, "kimai_export_tallyho/kimai-export.csv");
  EXPECT_EQ(DetectImporter(file).value()->name(), "kimai");
  IngestOptions options;
  options.timezone = "Pacific/Auckland";  // the freelancer's zone (NZST, +12:00 in May)
  const IngestResult result = ReadWith(Kimai(), file, Ledger{}, options);
  EXPECT_FALSE(result.diagnostics.HasErrors()) << Problems(result);
  ASSERT_EQ(result.ledger.work.size(), 2u);
  const WorkEntry& first = result.ledger.work[0];
  EXPECT_EQ(Utc(first.start), "2019-05-13T00:00:00Z");
  EXPECT_EQ(first.minutes, 45);  // "2700" seconds
  EXPECT_EQ(first.client, "client1");
  EXPECT_EQ(first.note, "Updated booking dates");
  EXPECT_EQ(result.ledger.work[1].minutes, 105);
  ASSERT_EQ(result.ledger.projects.size(), 1u);
  EXPECT_EQ(result.ledger.projects[0].name, "Website");
  EXPECT_EQ(result.ledger.projects[0].pricing, Pricing::kHourly);
  EXPECT_EQ(first.project, result.ledger.projects[0].id);
}

TEST(KimaiTest, WorkspaceZoneByDefault) {
  ADDIO_REAL_FILE(file, "kimai_export_tallyho/kimai-export.csv");
  Ledger stored;
  stored.workspace.timezone = "Europe/London";
  const IngestResult result = ReadWith(Kimai(), file, stored);
  ASSERT_EQ(result.ledger.work.size(), 2u) << Problems(result);
  EXPECT_EQ(Utc(result.ledger.work[0].start), "2019-05-13T11:00:00Z");  // 12:00 BST
}

TEST(KimaiTest, GermanExportCrossingMidnightWithoutDuration) {
  TempDir dir;
  const std::string file = dir.Write(
      "export.csv",
      "\"Datum\";\"Von\";\"Bis\";\"Dauer\";\"Kunde\";\"Projekt\";\"Tätigkeit\";\"Beschreibung\";"
      "\"Abrechenbar\"\n"
      "\"02.04.2024\";\"23:30\";\"01:00\";\"\";\"Müller GmbH\";\"Shop\";\"Support\";\"\";\"ja\"\n"
      "\"03.04.2024\";\"09:00\";\"10:00\";\"1:00\";\"MÜLLER\";\"Shop\";\"Support\";\"Fix\";"
      "\"nein\"\n");
  EXPECT_GT(Kimai().Detect(file, "\"Datum\";\"Von\";\"Bis\";\"Dauer\";\"Kunde\""), 60);
  const IngestResult result = ReadWith(Kimai(), file);
  EXPECT_FALSE(result.diagnostics.HasErrors()) << Problems(result);
  ASSERT_EQ(result.ledger.work.size(), 2u);
  EXPECT_EQ(Utc(result.ledger.work[0].start), "2024-04-02T21:30:00Z");
  EXPECT_EQ(result.ledger.work[0].minutes, 90);
  EXPECT_EQ(result.ledger.work[0].note, "Support");
  EXPECT_TRUE(result.ledger.work[0].billable);
  EXPECT_EQ(result.ledger.work[1].minutes, 60);
  EXPECT_FALSE(result.ledger.work[1].billable);
  ASSERT_EQ(result.ledger.clients.size(), 1u);  // "Müller GmbH" is "MÜLLER"
}

TEST(KimaiTest, BadTimeNamesLineAndField) {
  TempDir dir;
  const std::string file =
      dir.Write("kimai.csv",
                "\"Date\",\"From\",\"To\",\"Duration\",\"Customer\",\"Project\",\"Activity\"\n"
                "\"2019-05-13\",\"25:00\",\"12:45\",\"2700\",\"C\",\"P\",\"A\"\n");
  const IngestResult result = ReadWith(Kimai(), file);
  ASSERT_EQ(result.diagnostics.ErrorCount(), 1u) << Problems(result);
  EXPECT_EQ(result.diagnostics.items()[0].line, 2);
  EXPECT_EQ(result.diagnostics.items()[0].field, "From");
  EXPECT_NE(result.diagnostics.ToString().find("kimai.csv:2"), std::string::npos);
}

}  // namespace
}  // namespace addio

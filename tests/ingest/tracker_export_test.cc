// ReadTrackerExport (ingest/timesheet_common.h) on a made-up tracker's layout: the
// per-tracker switches that only one real importer uses each.
#include <gtest/gtest.h>

#include <string>

#include "ingest/ingest.h"
#include "ingest/timesheet_common.h"
#include "timesheet_test_util.h"

namespace addio {
namespace {

using testing::Problems;
using testing::TempDir;
using testing::Utc;
using timesheet::ReadTrackerExport;
using timesheet::TrackerFormat;

TrackerFormat Layout() {
  return TrackerFormat{.name = "made-up",
                       .start_date = {"Day", "Datum"},
                       .start_time = {"From"},
                       .end_time = {"To"},
                       .duration = {"Hours"},
                       .duration_fallback = {"Minutes as hours"},
                       .client = {"Client"},
                       .project = {"Project"},
                       .description = {"Notes"},
                       .task = {"Task"}};
}

IngestResult Read(const std::string& path, const TrackerFormat& format) {
  const Ledger existing;
  IngestContext context;
  context.existing = &existing;
  context.options.timezone = "UTC";
  return ReadTrackerExport(path, context, format);
}

TEST(TrackerExportTest, NamesMissingColumnsByTheirFirstName) {
  TempDir dir;
  const std::string file = dir.Write("t.csv", "Client,Notes\nAcme,x\n");
  const IngestResult result = Read(file, Layout());
  EXPECT_EQ(result.format, "made-up");
  EXPECT_TRUE(result.ledger.work.empty());
  EXPECT_NE(Problems(result).find("missing column \"Day\", \"From\", \"Hours\" of a made-up"),
            std::string::npos)
      << Problems(result);
}

TEST(TrackerExportTest, EndTimeStandsInForTheDurationUnlessItIsRequired) {
  TempDir dir;
  const std::string file = dir.Write("t.csv",
                                     "Day,From,To,Client,Task\n"
                                     "2024-03-04,09:00,10:30,Acme,Design\n");
  const IngestResult read = Read(file, Layout());
  EXPECT_FALSE(read.diagnostics.HasErrors()) << Problems(read);
  ASSERT_EQ(read.ledger.work.size(), 1u);
  EXPECT_EQ(read.ledger.work[0].minutes, 90);
  EXPECT_EQ(read.ledger.work[0].note, "Design");  // the task, as there is no description

  TrackerFormat strict = Layout();
  strict.duration_required = true;
  const IngestResult refused = Read(file, strict);
  EXPECT_TRUE(refused.ledger.work.empty());
  EXPECT_NE(Problems(refused).find("missing column \"Hours\""), std::string::npos)
      << Problems(refused);
}

TEST(TrackerExportTest, FallbackDurationFillsAnEmptyDurationCell) {
  TempDir dir;
  const std::string file = dir.Write("t.csv",
                                     "Day,From,Hours,Minutes as hours,Client\n"
                                     "2024-03-04,09:00,,0.25,Acme\n"
                                     "2024-03-05,09:00,2,0.25,Acme\n");
  const IngestResult result = Read(file, Layout());
  EXPECT_FALSE(result.diagnostics.HasErrors()) << Problems(result);
  ASSERT_EQ(result.ledger.work.size(), 2u);
  EXPECT_EQ(result.ledger.work[0].minutes, 15);
  EXPECT_EQ(Utc(result.ledger.work[0].start), "2024-03-04T09:00:00Z");
  EXPECT_EQ(result.ledger.work[1].minutes, 120);
}

TEST(TrackerExportTest, TotalsRowIsPassedOverOnlyWhenTheLayoutSaysSo) {
  TempDir dir;
  const std::string file = dir.Write("t.csv",
                                     "Day,From,Hours,Client\n"
                                     "2024-03-04,09:00,1,Acme\n"
                                     ",,1,\n");
  TrackerFormat with_totals = Layout();
  with_totals.has_totals_row = true;
  const IngestResult skipped = Read(file, with_totals);
  EXPECT_FALSE(skipped.diagnostics.HasErrors()) << Problems(skipped);
  EXPECT_EQ(skipped.ledger.work.size(), 1u);

  const IngestResult reported = Read(file, Layout());
  EXPECT_TRUE(reported.diagnostics.HasErrors());
  EXPECT_EQ(reported.ledger.work.size(), 1u);
}

}  // namespace
}  // namespace addio

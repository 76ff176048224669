// What the code answers for the inputs the fuzzers found (tests/fuzz/<target>/): each
// once crashed, hung or blew up memory; now each is a clear error naming the row and field.
// The replay of every target over these files (ctest fuzz_replay_<target>) checks that
// nothing crashes; this test checks the answer.
#include <gtest/gtest.h>

#include <string>

#include "ingest/ingest.h"

namespace addio {
namespace {

std::string Fixture(const std::string& name) {
  return std::string(ADDIO_SOURCE_DIR) + "/tests/fuzz/" + name;
}

IngestResult ReadAs(const std::string& importer, const std::string& path) {
  static const Ledger empty;
  IngestContext context;
  context.existing = &empty;
  const Result<const Importer*> found = FindImporter(importer);
  EXPECT_TRUE(found.has_value());
  return (*found)->Read(path, context);
}

bool HasErrorOn(const IngestResult& result, int line, const std::string& field) {
  for (const Diagnostic& d : result.diagnostics.items()) {
    if (d.severity == Severity::kError && d.line == line && d.field == field) return true;
  }
  return false;
}

// A start year typed 0379 with an end in 2024 made a 1645-year entry, split into 600 000
// daily work records (the fuzzer's timeout). It is an error on the row: the year out of
// bounds or the entry longer than a day, whichever is seen first.
TEST(FuzzRegressions, WorkEntrySpanningCenturiesIsAnErrorNotAMillionRecords) {
  const IngestResult result =
      ReadAs("clockify", Fixture("timesheets/clockify-start-year-0379.csv"));
  EXPECT_TRUE(HasErrorOn(result, 2, "end") || HasErrorOn(result, 2, "start"))
      << result.diagnostics.ToString();
  EXPECT_TRUE(result.ledger.work.empty());
}

TEST(FuzzRegressions, DurationOfAHundredMillionHoursIsAnError) {
  const IngestResult result = ReadAs("toggl", Fixture("timesheets/toggl-duration-99999999h.csv"));
  EXPECT_TRUE(HasErrorOn(result, 2, "duration")) << result.diagnostics.ToString();
  EXPECT_TRUE(result.ledger.work.empty());
}

}  // namespace
}  // namespace addio

// Clockify "Detailed report" CSV: one row per time entry. Its columns vary with the
// workspace's settings and the export's age: "Task" or "Activity", with or without
// "Client", "Billable", "Type", "Invoiced", "Duration (h)" as HH:MM:SS or as decimal
// hours, "Duration (decimal)", rate and amount columns named after the currency. Dates
// follow the user's setting (MM/DD/YYYY, DD/MM/YYYY, DD.MM.YYYY, YYYY-MM-DD), times
// 12-hour ("10:23:52 AM") or 24-hour, in the user's Clockify time zone: read as the
// workspace's (or --timezone). A row shorter than the header has empty trailing cells.
#include <algorithm>
#include <string>
#include <vector>

#include "ingest/importers.h"
#include "ingest/timesheet_common.h"

namespace addio {
namespace {

using timesheet::CountColumns;
using timesheet::FindColumn;
using timesheet::HasExactColumn;

class ClockifyImporterImpl final : public Importer {
 public:
  std::string_view name() const override { return "clockify"; }

  int Detect(const std::string& path, std::string_view head) const override {
    const std::vector<std::string> header = timesheet::HeaderOf(head);
    if (FindColumn(header, {"Start Date"}) < 0 || FindColumn(header, {"Start Time"}) < 0) return 0;
    const bool marked = FindColumn(header, {"Duration (h)", "Duration (decimal)", "Group"}) >= 0;
    // Toggl's own spelling is "Start date"; without a Clockify column it is Toggl's.
    if (!marked && !HasExactColumn(header, "Start Date")) return 0;
    int score = marked ? 85 : 65;
    score += 2 * CountColumns(header, {"Project", "Description", "User", "Email", "Tags"});
    if (path.find("Clockify") != std::string::npos || path.find("clockify") != std::string::npos) {
      score += 3;
    }
    return std::min(score, 98);
  }

  IngestResult Read(const std::string& path, const IngestContext& context) const override {
    static const timesheet::TrackerFormat kFormat{
        .name = "clockify",
        .start_date = {"Start Date"},
        .start_time = {"Start Time"},
        .end_date = {"End Date"},
        .end_time = {"End Time"},
        .duration = {"Duration (h)"},
        .duration_fallback = {"Duration (decimal)"},
        .id = {"ID", "Time Entry ID"},
        .user = {"Email", "User"},
        .client = {"Client"},
        .project = {"Project"},
        .description = {"Description"},
        .task = {"Task", "Activity"},
        .billable = {"Billable"},
        // Clockify's default date format is the US one.
        .date_order = timesheet::DateOrder::kMonthFirst,
    };
    return timesheet::ReadTrackerExport(path, context, kFormat);
  }
};

}  // namespace

const Importer& ClockifyImporter() {
  static const ClockifyImporterImpl instance;
  return instance;
}

}  // namespace addio

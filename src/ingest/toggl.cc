// Toggl Track "Detailed report" CSV: one row per time entry, with
// User, Email, Client, Project, Task, Description, Billable, Start date, Start time,
// End date, End time, Duration (HH:MM:SS), Tags, Amount (<currency>). Newer exports say
// "Member" and "Stop date"/"Stop time"; both spellings are read. Dates are ISO or in
// the user's chosen order, times 24-hour or 12-hour, in the user's Toggl time zone:
// read as the workspace's (or --timezone).
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

class TogglImporterImpl final : public Importer {
 public:
  std::string_view name() const override { return "toggl"; }

  int Detect(const std::string& path, std::string_view head) const override {
    const std::vector<std::string> header = timesheet::HeaderOf(head);
    // Clockify writes "Start Date" and "Duration (h)"; Toggl writes "Start date" and
    // "Duration", so the case of a header tells them apart.
    if (!HasExactColumn(header, "Start date") || !HasExactColumn(header, "Start time")) return 0;
    if (FindColumn(header, {"Duration (h)", "Duration (decimal)", "Group"}) >= 0) return 0;
    int score = 60;
    if (HasExactColumn(header, "Duration")) score += 15;
    score += 5 * CountColumns(header, {"User", "Email", "Description", "Billable"});
    if (path.find("Toggl") != std::string::npos || path.find("toggl") != std::string::npos) {
      score += 5;
    }
    return std::min(score, 98);
  }

  IngestResult Read(const std::string& path, const IngestContext& context) const override {
    static const timesheet::TrackerFormat kFormat{
        .name = "toggl",
        .start_date = {"Start date"},
        .start_time = {"Start time"},
        .end_date = {"End date", "Stop date"},
        .end_time = {"End time", "Stop time"},
        .duration = {"Duration"},
        .id = {"Id", "Time entry ID"},
        .user = {"Email", "User", "Member"},
        .client = {"Client"},
        .project = {"Project"},
        .description = {"Description"},
        .task = {"Task"},
        .billable = {"Billable"},
    };
    return timesheet::ReadTrackerExport(path, context, kFormat);
  }
};

}  // namespace

const Importer& TogglImporter() {
  static const TogglImporterImpl instance;
  return instance;
}

}  // namespace addio

// Harvest "Detailed time report" CSV: one row per time entry with Date, Client, Project,
// Project Code, Task, Notes, Hours (decimal hours, with a decimal comma in European
// accounts: "0,01"), Billable?, Invoiced?, First Name, Last Name, rates and amounts.
// Entries have no time of day unless the export carries "Started At"/"Ended At"; those
// without start at the beginning of their working day (ingest/timesheet_common.h).
#include <algorithm>
#include <string>
#include <vector>

#include "ingest/importers.h"
#include "ingest/timesheet_common.h"

namespace addio {
namespace {

using timesheet::CountColumns;

class HarvestImporterImpl final : public Importer {
 public:
  std::string_view name() const override { return "harvest"; }

  int Detect(const std::string& path, std::string_view head) const override {
    const std::vector<std::string> header = timesheet::HeaderOf(head);
    if (CountColumns(header, {"Date", "Client", "Project", "Task", "Hours"}) < 5) return 0;
    int score = 70;
    score += 6 * CountColumns(header, {"Billable?", "First Name", "Project Code", "Notes"});
    if (path.find("harvest") != std::string::npos || path.find("Harvest") != std::string::npos) {
      score += 3;
    }
    return std::min(score, 97);
  }

  IngestResult Read(const std::string& path, const IngestContext& context) const override {
    static const timesheet::TrackerFormat kFormat{
        .name = "harvest",
        .start_date = {"Date", "Spent Date"},
        .start_time = {"Started At", "Start Time"},
        .start_time_required = false,
        .end_time = {"Ended At", "End Time"},
        .duration = {"Hours"},
        .duration_required = true,
        .bare_duration = timesheet::BareNumber::kHours,
        .id = {"ID", "Time Entry ID"},
        .user = {"First Name"},
        .user_last_name = {"Last Name"},
        .client = {"Client"},
        .project = {"Project"},
        .description = {"Notes"},
        .task = {"Task"},
        .billable = {"Billable?", "Billable"},
    };
    return timesheet::ReadTrackerExport(path, context, kFormat);
  }
};

}  // namespace

const Importer& HarvestImporter() {
  static const HarvestImporterImpl instance;
  return instance;
}

}  // namespace addio

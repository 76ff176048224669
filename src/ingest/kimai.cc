// Kimai timesheet CSV export (Kimai 1.x, and Kimai 2's with the same columns): Date,
// From, To, Duration (seconds, e.g. "2700"; "2:27" and "2h27m" are read too), Rate,
// User, Customer, Project, Activity, Description, Exported, Tags, Hourly rate; Kimai 2
// adds Billable. German exports (Datum, Von, Bis, Dauer, Kunde, Projekt, Tätigkeit,
// Beschreibung) are read too. The export ends with a totals row (no date, no customer,
// duration "[00]:00"), which is not an entry.
#include <algorithm>
#include <string>
#include <vector>

#include "ingest/importers.h"
#include "ingest/timesheet_common.h"

namespace addio {
namespace {

using timesheet::CountColumns;

class KimaiImporterImpl final : public Importer {
 public:
  std::string_view name() const override { return "kimai"; }

  int Detect(const std::string& path, std::string_view head) const override {
    const std::vector<std::string> header = timesheet::HeaderOf(head);
    const bool english = CountColumns(header, {"Date", "From", "To", "Duration"}) == 4;
    const bool german = CountColumns(header, {"Datum", "Von", "Bis", "Dauer"}) == 4;
    if (!english && !german) return 0;
    int score = 60;
    score += 8 * CountColumns(header, {"Customer", "Kunde", "Activity", "Tätigkeit",
                                       "Internal rate", "Exported", "Fixed rate"});
    if (path.find("kimai") != std::string::npos || path.find("Kimai") != std::string::npos) {
      score += 5;
    }
    return std::min(score, 97);
  }

  IngestResult Read(const std::string& path, const IngestContext& context) const override {
    static const timesheet::TrackerFormat kFormat{
        .name = "kimai",
        .start_date = {"Date", "Datum"},
        .start_time = {"From", "Begin", "Von"},
        .end_time = {"To", "End", "Bis"},
        .duration = {"Duration", "Dauer"},
        .bare_duration = timesheet::BareNumber::kSeconds,
        .id = {"ID"},
        .user = {"User", "Name", "Benutzer"},
        .client = {"Customer", "Kunde"},
        .project = {"Project", "Projekt"},
        .description = {"Description", "Beschreibung"},
        .task = {"Activity", "Tätigkeit"},
        .billable = {"Billable", "Abrechenbar"},
        // Kimai writes ISO dates, or the locale's (day first in most of its users' locales).
        .date_order = timesheet::DateOrder::kDayFirst,
        .has_totals_row = true,
    };
    return timesheet::ReadTrackerExport(path, context, kFormat);
  }
};

}  // namespace

const Importer& KimaiImporter() {
  static const KimaiImporterImpl instance;
  return instance;
}

}  // namespace addio

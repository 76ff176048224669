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

using timesheet::BareNumber;
using timesheet::CountColumns;
using timesheet::CsvTable;
using timesheet::DateOrder;
using timesheet::EntryBuilder;
using timesheet::FindColumn;
using timesheet::RowReader;
using timesheet::SourceEntry;

class KimaiImporterImpl final : public Importer {
 public:
  std::string_view name() const override { return "kimai"; }
  std::string_view description_en() const override {
    return "Kimai timesheet export (CSV): time entries";
  }
  std::string_view description_it() const override {
    return "Kimai, esportazione del foglio ore (CSV): tempi di lavoro";
  }

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
    IngestResult result;
    result.format = "kimai";
    Result<CsvTable> table = timesheet::LoadCsv(path, result.diagnostics);
    if (!table) {
      result.diagnostics.Add({Severity::kError, path, 0, "", "", "", "", table.error().message});
      return result;
    }
    timesheet::AddPreview(*table, result);
    EntryBuilder builder("kimai", path, context, result);
    const std::vector<std::string>& header = table->header;
    const int date = FindColumn(header, {"Date", "Datum"});
    const int from = FindColumn(header, {"From", "Begin", "Von"});
    const int to = FindColumn(header, {"To", "End", "Bis"});
    const int duration = FindColumn(header, {"Duration", "Dauer"});
    const int id = FindColumn(header, {"ID"});
    const int user = FindColumn(header, {"User", "Name", "Benutzer"});
    const int customer = FindColumn(header, {"Customer", "Kunde"});
    const int project = FindColumn(header, {"Project", "Projekt"});
    const int activity = FindColumn(header, {"Activity", "Tätigkeit"});
    const int description = FindColumn(header, {"Description", "Beschreibung"});
    const int billable = FindColumn(header, {"Billable", "Abrechenbar"});
    std::vector<std::string> missing;
    if (date < 0) missing.push_back("Date");
    if (from < 0) missing.push_back("From");
    if (duration < 0 && to < 0) missing.push_back("Duration");
    if (!missing.empty()) {
      builder.MissingColumns(*table, missing);
      builder.Finish();
      return result;
    }

    std::vector<std::string> dates;
    for (const CsvTable::Row& row : table->rows) {
      if (static_cast<size_t>(date) < row.cells.size()) {
        dates.push_back(row.cells[static_cast<size_t>(date)]);
      }
    }
    // Kimai writes ISO dates, or the locale's (day first in most of its users' locales).
    const DateOrder order = timesheet::GuessDateOrder(dates, DateOrder::kDayFirst);

    for (const CsvTable::Row& row : table->rows) {
      RowReader reader(*table, row, builder);
      if (reader.Text(date).empty() && reader.Text(customer).empty() &&
          reader.Text(project).empty() && reader.Text(activity).empty()) {
        continue;  // the totals row
      }
      SourceEntry entry;
      entry.line = row.line;
      entry.source_id = reader.Text(id);
      entry.user = reader.Text(user);
      entry.client = reader.Text(customer);
      entry.project = reader.Text(project);
      entry.note = reader.Text(description);
      if (entry.note.empty()) entry.note = reader.Text(activity);
      const std::optional<CivilDate> day = reader.Date(date, order, true);
      entry.start_seconds = reader.Time(from, true);
      entry.end_seconds = reader.Time(to, false);
      entry.duration_seconds = reader.Duration(duration, BareNumber::kSeconds, false);
      entry.billable = reader.YesNo(billable).value_or(true);
      if (!reader.ok() || !day) continue;
      entry.start_date = *day;
      builder.Add(entry);
    }
    builder.Finish();
    return result;
  }
};

}  // namespace

const Importer& KimaiImporter() {
  static const KimaiImporterImpl instance;
  return instance;
}

}  // namespace addio

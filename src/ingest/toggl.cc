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

using timesheet::BareNumber;
using timesheet::CountColumns;
using timesheet::CsvTable;
using timesheet::DateOrder;
using timesheet::EntryBuilder;
using timesheet::FindColumn;
using timesheet::HasExactColumn;
using timesheet::RowReader;
using timesheet::SourceEntry;

class TogglImporterImpl final : public Importer {
 public:
  std::string_view name() const override { return "toggl"; }
  std::string_view description_en() const override {
    return "Toggl Track detailed report (CSV): time entries";
  }
  std::string_view description_it() const override {
    return "Toggl Track, report dettagliato (CSV): tempi di lavoro";
  }

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
    IngestResult result;
    result.format = "toggl";
    Result<CsvTable> table = timesheet::LoadCsv(path, result.diagnostics);
    if (!table) {
      result.diagnostics.Add({Severity::kError, path, 0, "", "", "", "", table.error().message});
      return result;
    }
    timesheet::AddPreview(*table, result);
    EntryBuilder builder("toggl", path, context, result);
    const std::vector<std::string>& header = table->header;
    const int start_date = FindColumn(header, {"Start date"});
    const int start_time = FindColumn(header, {"Start time"});
    const int end_date = FindColumn(header, {"End date", "Stop date"});
    const int end_time = FindColumn(header, {"End time", "Stop time"});
    const int duration = FindColumn(header, {"Duration"});
    const int id = FindColumn(header, {"Id", "Time entry ID"});
    const int user = FindColumn(header, {"Email", "User", "Member"});
    const int client = FindColumn(header, {"Client"});
    const int project = FindColumn(header, {"Project"});
    const int task = FindColumn(header, {"Task"});
    const int description = FindColumn(header, {"Description"});
    const int billable = FindColumn(header, {"Billable"});
    std::vector<std::string> missing;
    if (start_date < 0) missing.push_back("Start date");
    if (start_time < 0) missing.push_back("Start time");
    if (duration < 0 && end_time < 0) missing.push_back("Duration");
    if (!missing.empty()) {
      builder.MissingColumns(*table, missing);
      builder.Finish();
      return result;
    }

    std::vector<std::string> dates;
    for (const CsvTable::Row& row : table->rows) {
      for (int column : {start_date, end_date}) {
        if (column >= 0 && static_cast<size_t>(column) < row.cells.size()) {
          dates.push_back(row.cells[static_cast<size_t>(column)]);
        }
      }
    }
    const DateOrder order = timesheet::GuessDateOrder(dates, DateOrder::kMonthFirst);

    for (const CsvTable::Row& row : table->rows) {
      RowReader reader(*table, row, builder);
      SourceEntry entry;
      entry.line = row.line;
      entry.source_id = reader.Text(id);
      entry.user = reader.Text(user);
      entry.client = reader.Text(client);
      entry.project = reader.Text(project);
      entry.note = reader.Text(description);
      if (entry.note.empty()) entry.note = reader.Text(task);
      const std::optional<CivilDate> date = reader.Date(start_date, order, true);
      entry.start_seconds = reader.Time(start_time, true);
      entry.end_date = reader.Date(end_date, order, false);
      entry.end_seconds = reader.Time(end_time, false);
      entry.duration_seconds = reader.Duration(duration, BareNumber::kHours, false);
      entry.billable = reader.YesNo(billable).value_or(true);
      if (!reader.ok() || !date) continue;
      entry.start_date = *date;
      builder.Add(entry);
    }
    builder.Finish();
    return result;
  }
};

}  // namespace

const Importer& TogglImporter() {
  static const TogglImporterImpl instance;
  return instance;
}

}  // namespace addio

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

using timesheet::BareNumber;
using timesheet::CountColumns;
using timesheet::CsvTable;
using timesheet::DateOrder;
using timesheet::EntryBuilder;
using timesheet::FindColumn;
using timesheet::HasExactColumn;
using timesheet::RowReader;
using timesheet::SourceEntry;

class ClockifyImporterImpl final : public Importer {
 public:
  std::string_view name() const override { return "clockify"; }
  std::string_view description_en() const override {
    return "Clockify detailed report (CSV): time entries";
  }
  std::string_view description_it() const override {
    return "Clockify, report dettagliato (CSV): tempi di lavoro";
  }

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
    IngestResult result;
    result.format = "clockify";
    Result<CsvTable> table = timesheet::LoadCsv(path, result.diagnostics);
    if (!table) {
      result.diagnostics.Add({Severity::kError, path, 0, "", "", "", "", table.error().message});
      return result;
    }
    timesheet::AddPreview(*table, result);
    EntryBuilder builder("clockify", path, context, result);
    const std::vector<std::string>& header = table->header;
    const int start_date = FindColumn(header, {"Start Date"});
    const int start_time = FindColumn(header, {"Start Time"});
    const int end_date = FindColumn(header, {"End Date"});
    const int end_time = FindColumn(header, {"End Time"});
    const int duration = FindColumn(header, {"Duration (h)"});
    const int duration_decimal = FindColumn(header, {"Duration (decimal)"});
    const int id = FindColumn(header, {"ID", "Time Entry ID"});
    const int user = FindColumn(header, {"Email", "User"});
    const int client = FindColumn(header, {"Client"});
    const int project = FindColumn(header, {"Project"});
    const int task = FindColumn(header, {"Task", "Activity"});
    const int description = FindColumn(header, {"Description"});
    const int billable = FindColumn(header, {"Billable"});
    std::vector<std::string> missing;
    if (start_date < 0) missing.push_back("Start Date");
    if (start_time < 0) missing.push_back("Start Time");
    if (duration < 0 && duration_decimal < 0 && end_time < 0) missing.push_back("Duration (h)");
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
    // Clockify's default date format is the US one.
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
      if (!entry.duration_seconds) {
        entry.duration_seconds = reader.Duration(duration_decimal, BareNumber::kHours, false);
      }
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

const Importer& ClockifyImporter() {
  static const ClockifyImporterImpl instance;
  return instance;
}

}  // namespace addio

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

using timesheet::BareNumber;
using timesheet::CountColumns;
using timesheet::CsvTable;
using timesheet::DateOrder;
using timesheet::EntryBuilder;
using timesheet::FindColumn;
using timesheet::RowReader;
using timesheet::SourceEntry;

class HarvestImporterImpl final : public Importer {
 public:
  std::string_view name() const override { return "harvest"; }
  std::string_view description_en() const override {
    return "Harvest detailed time report (CSV): time entries";
  }
  std::string_view description_it() const override {
    return "Harvest, report dettagliato dei tempi (CSV): tempi di lavoro";
  }

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
    IngestResult result;
    result.format = "harvest";
    Result<CsvTable> table = timesheet::LoadCsv(path, result.diagnostics);
    if (!table) {
      result.diagnostics.Add({Severity::kError, path, 0, "", "", "", "", table.error().message});
      return result;
    }
    timesheet::AddPreview(*table, result);
    EntryBuilder builder("harvest", path, context, result);
    const std::vector<std::string>& header = table->header;
    const int date = FindColumn(header, {"Date", "Spent Date"});
    const int hours = FindColumn(header, {"Hours"});
    const int started = FindColumn(header, {"Started At", "Start Time"});
    const int ended = FindColumn(header, {"Ended At", "End Time"});
    const int id = FindColumn(header, {"ID", "Time Entry ID"});
    const int first_name = FindColumn(header, {"First Name"});
    const int last_name = FindColumn(header, {"Last Name"});
    const int client = FindColumn(header, {"Client"});
    const int project = FindColumn(header, {"Project"});
    const int task = FindColumn(header, {"Task"});
    const int notes = FindColumn(header, {"Notes"});
    const int billable = FindColumn(header, {"Billable?", "Billable"});
    std::vector<std::string> missing;
    if (date < 0) missing.push_back("Date");
    if (hours < 0) missing.push_back("Hours");
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
    const DateOrder order = timesheet::GuessDateOrder(dates, DateOrder::kMonthFirst);

    for (const CsvTable::Row& row : table->rows) {
      RowReader reader(*table, row, builder);
      SourceEntry entry;
      entry.line = row.line;
      entry.source_id = reader.Text(id);
      entry.user = reader.Text(first_name) + " " + reader.Text(last_name);
      entry.client = reader.Text(client);
      entry.project = reader.Text(project);
      entry.note = reader.Text(notes);
      if (entry.note.empty()) entry.note = reader.Text(task);
      const std::optional<CivilDate> day = reader.Date(date, order, true);
      entry.start_seconds = reader.Time(started, false);
      entry.end_seconds = reader.Time(ended, false);
      entry.duration_seconds = reader.Duration(hours, BareNumber::kHours, true);
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

const Importer& HarvestImporter() {
  static const HarvestImporterImpl instance;
  return instance;
}

}  // namespace addio

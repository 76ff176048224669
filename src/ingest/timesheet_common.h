// What the time-tracker importers (Toggl, Clockify, Harvest, Kimai) share: their CSV
// exports read into a table with a header, the many spellings of dates ("2024-03-04",
// "03/04/2024", "04.03.2024"), times ("10:23:52", "10:23 AM") and durations ("01:30:00",
// "1.5", "1,5", "5400" seconds), and the conversion of one source row into ledger
// records: client and project resolved, naive local times read in the workspace time
// zone, a stable id, and the row's problems reported with file, line and column.
//
// Decisions that hold for every time tracker:
// - Minutes are the duration rounded to the nearest minute. The duration column wins
//   over end - start (it is what the tool bills); end - start is used when it is absent.
// - An entry crossing midnight stays one entry. One longer than 24 hours (a timer left
//   running, a broken duration) is an error naming the line and the column: no work entry
//   from any source is longer than a day (DESIGN.md section 2 bounds).
// - An entry without a start time (Harvest) starts at the beginning of its weekday's
//   first working interval in the workspace (09:00 by default): placing it at midnight
//   would count it as night work.
// - An entry without a client takes its project's name as the client's (a freelancer's
//   projects often are the clients); one with neither is skipped with a warning.
#pragma once

#include <cstdint>
#include <initializer_list>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"
#include "core/text.h"
#include "core/time.h"
#include "ingest/client_resolver.h"
#include "ingest/ingest.h"

namespace addio::timesheet {

// A CSV file read whole: its header (cells trimmed) and its rows with the line each
// starts on.
struct CsvTable {
  struct Row {
    int line = 0;
    std::vector<std::string> cells;
  };
  std::string file;
  char separator = ',';
  int header_line = 1;
  std::vector<std::string> header;
  std::vector<Row> rows;
};

// Reads `path` (BOM, CRLF, quoted newlines, ',' ';' or tab as sniffed). Rows with only
// empty cells are dropped. Malformed CSV (an unterminated quote) is an error in
// `diagnostics` naming the line. Error kNotFound or kIo when the file cannot be read.
Result<CsvTable> LoadCsv(const std::string& path, Diagnostics& diagnostics,
                         TextEncoding encoding = TextEncoding::kAuto);

// The header cells of a CSV text's first record (for Detect on a file's first bytes).
std::vector<std::string> HeaderOf(std::string_view head);

// The index of the first header cell equal to one of `names` (ignoring case and
// surrounding space), or -1.
int FindColumn(const std::vector<std::string>& header,
               std::initializer_list<std::string_view> names);

// True when `header` holds a cell exactly `name` (case included): tells Toggl's
// "Start date" from Clockify's "Start Date".
bool HasExactColumn(const std::vector<std::string>& header, std::string_view name);

// How many of `names` the header holds (ignoring case).
int CountColumns(const std::vector<std::string>& header,
                 std::initializer_list<std::string_view> names);

// Adds the first rows of `table` as read to `result.preview` (header, then up to 5).
void AddPreview(const CsvTable& table, IngestResult& result);

// The order of day, month and year in dates written with '/' or '-' ("03/04/2024").
enum class DateOrder { kMonthFirst, kDayFirst };

// The order that the most of `values` can only be read in (a day above 12 tells);
// `fallback` when none tells. ISO and dotted dates say nothing.
DateOrder GuessDateOrder(const std::vector<std::string>& values, DateOrder fallback);

// A date as "YYYY-MM-DD", "YYYY/MM/DD", "DD.MM.YYYY" (always day first) or with '/' or
// '-' in `order`; a time part after a space or 'T' is ignored. Error kInvalidArgument
// naming the expected shape.
Result<CivilDate> ParseDate(std::string_view text, DateOrder order);

// Seconds since midnight of "10:23", "10:23:52", "10:23:52.123", "10.23", "9:05 am",
// "9:05pm", "12:05 AM" (= 00:05), "12:05 PM" (= 12:05); a date part before a space or
// 'T' ("2024-03-04 10:23") is skipped. Error kInvalidArgument naming the expected shape.
Result<int> ParseTimeOfDay(std::string_view text);

// What a bare integer duration means: hours for Harvest ("8"), seconds for Kimai
// ("2700").
enum class BareNumber { kHours, kSeconds };

// Seconds of "01:30:00", "1:30" (hours:minutes), "1.5" or "1,5" hours, "1h30m",
// "1h 30m 10s", "90m", or a bare integer read as `bare`. Error kInvalidArgument for
// anything else or a negative value.
Result<int64_t> ParseDuration(std::string_view text, BareNumber bare);

// "Yes"/"No", "true"/"false", "1"/"0", "y"/"n", "sì"/"no"; nullopt for anything else.
std::optional<bool> ParseYesNo(std::string_view text);

// One time entry as a source gives it, names not yet resolved.
struct SourceEntry {
  int line = 0;
  std::string source_id;  // the tool's own id, may be empty
  std::string user;
  std::string client;   // names as in the source, may be empty
  std::string project;  // may be empty
  std::string note;
  CivilDate start_date;
  std::optional<int> start_seconds;  // nullopt: the source has no time of day
  std::optional<CivilDate> end_date;
  std::optional<int> end_seconds;
  std::optional<int64_t> duration_seconds;
  bool billable = true;
};

class EntryBuilder;

// Reads the cells of one row, reporting each bad one through the builder with the row's
// line and the column's name and position. A reader that reported anything is !ok().
class RowReader {
 public:
  RowReader(const CsvTable& table, const CsvTable::Row& row, EntryBuilder& builder)
      : table_(table), row_(row), builder_(builder) {}

  int line() const { return row_.line; }
  bool ok() const { return ok_; }
  // The trimmed cell; "" for column -1 or a row shorter than the header.
  std::string Text(int column) const;
  // Each parses a non-empty cell; an empty cell is nullopt, an error only when `required`.
  std::optional<CivilDate> Date(int column, DateOrder order, bool required);
  std::optional<int> Time(int column, bool required);
  std::optional<int64_t> Duration(int column, BareNumber bare, bool required);
  std::optional<bool> YesNo(int column);
  // Reports a problem of this row in `column`.
  void Error(int column, Message message);

 private:
  const CsvTable& table_;
  const CsvTable::Row& row_;
  EntryBuilder& builder_;
  bool ok_ = true;
};

// Turns SourceEntries of one file into work entries, clients and projects of `result`.
class EntryBuilder {
 public:
  // `format` prefixes ids; `file` names the input in messages. Reports an unknown
  // --timezone (or workspace zone) as an error and reads times in UTC then.
  EntryBuilder(std::string format, std::string file, const IngestContext& context,
               IngestResult& result);

  // Adds the entry, or reports why it cannot be added.
  void Add(const SourceEntry& entry);

  // Reports a problem of a row: `column` is the header's name of the field, `index` its
  // 0-based position (reported 1-based), `message` what was wrong.
  void RowError(int line, std::string_view column, int index, Message message);
  // Missing required columns: one error naming them and the headers found.
  void MissingColumns(const CsvTable& table, const std::vector<std::string>& missing);

  // Appends the clients and projects created and the review notes. Call once at the end.
  void Finish();

 private:
  std::string ProjectFor(const std::string& client_id, const std::string& name);

  std::string format_;
  std::string file_;
  const IngestContext& context_;
  IngestResult& result_;
  TimeZone zone_;
  ClientResolver resolver_;
  std::map<std::string, int> seen_ids_;  // content key -> occurrences, for exact repeats
  std::map<std::pair<std::string, std::string>, std::string> projects_;  // (client, key)
  std::set<std::string> project_ids_;
  std::vector<Project> new_projects_;
  std::set<std::string> project_as_client_;
  int without_client_ = 0;
  int without_start_ = 0;
};

// ---- One time tracker's export --------------------------------------------------------

// The header names one field goes by in an export: any of them matches (ignoring case),
// an earlier name before a later one; the first is the one named when a required column
// is missing. Empty: the export has no such field.
using ColumnNames = std::vector<std::string_view>;

// Where one time tracker's CSV export keeps each field of a time entry, and the few ways
// the trackers differ in reading them. Everything else is read alike (ReadTrackerExport).
struct TrackerFormat {
  // The importer's name: the result's format and the prefix of the ids.
  std::string_view name;
  ColumnNames start_date;  // required
  ColumnNames start_time;
  // False (Harvest): entries may have no time of day; neither column nor cell is required.
  bool start_time_required = true;
  ColumnNames end_date;
  ColumnNames end_time;
  ColumnNames duration;
  // Read where the `duration` cell is empty (Clockify's "Duration (decimal)").
  ColumnNames duration_fallback;
  // True (Harvest): the duration column and each cell are required. False: end - start
  // serves, and the columns are missing only when neither a duration nor an end time is.
  bool duration_required = false;
  BareNumber bare_duration = BareNumber::kHours;
  ColumnNames id;
  ColumnNames user;
  // When not empty, the user is "<user> <user_last_name>" (Harvest's first and last name).
  ColumnNames user_last_name;
  ColumnNames client;
  ColumnNames project;
  ColumnNames description;
  ColumnNames task;      // the note when the description is empty
  ColumnNames billable;  // yes/no; an entry without one is billable
  // How dates written with '/' or '-' are read when no value tells (GuessDateOrder).
  DateOrder date_order = DateOrder::kMonthFirst;
  // True (Kimai): the export ends with a totals row, so a row without date, client,
  // project and task is passed over silently.
  bool has_totals_row = false;
};

// Reads the export at `path`, laid out as `format` says, into work entries, clients and
// projects (EntryBuilder), with a preview of its first rows. Never fails as a whole: an
// unreadable file or missing required columns are errors in the result's diagnostics and
// give no records; a row with a bad cell is reported and skipped, the others are read.
IngestResult ReadTrackerExport(const std::string& path, const IngestContext& context,
                               const TrackerFormat& format);

}  // namespace addio::timesheet

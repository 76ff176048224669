// The conversion of time-tracker rows into ledger records (ingest/timesheet_common.h):
// time zone, client and project resolution, stable ids, splitting entries over a day.
#include <algorithm>
#include <cctype>
#include <utility>

#include "core/ids.h"
#include "ingest/timesheet_common.h"
#include "ledger/bounds.h"

namespace addio::timesheet {
namespace {

std::string Trim(std::string_view text) {
  const size_t begin = text.find_first_not_of(" \t\r\n");
  if (begin == std::string_view::npos) return "";
  const size_t end = text.find_last_not_of(" \t\r\n");
  return std::string(text.substr(begin, end - begin + 1));
}

// "missing column \"A\", \"B\" of a <format> export; the header has: X, Y".
Message MissingColumnsMessage(const std::vector<std::string>& missing, const std::string& format,
                              const std::vector<std::string>& header) {
  std::string names;
  for (const std::string& name : missing) names += (names.empty() ? "\"" : ", \"") + name + "\"";
  std::string found;
  for (const std::string& name : header) found += (found.empty() ? "" : ", ") + name;
  return Msg("ingest.missing_columns", missing.size(), names, format, found);
}

}  // namespace

// ---- EntryBuilder ---------------------------------------------------------------------

EntryBuilder::EntryBuilder(std::string format, std::string file, const IngestContext& context,
                           IngestResult& result)
    : format_(std::move(format)),
      file_(std::move(file)),
      context_(context),
      result_(result),
      zone_(TimeZone::Utc()),
      resolver_(*context.existing, context.options.create_clients) {
  const std::string zone_name = context.options.timezone.empty()
                                    ? context.existing->workspace.timezone
                                    : context.options.timezone;
  if (Result<TimeZone> zone = TimeZone::Find(zone_name)) {
    zone_ = *zone;
  } else {
    result_.diagnostics.Add(
        {Severity::kError, file_, 0, "", "", "", "", Msg("ingest.unknown_timezone", zone_name)});
  }
  if (!context.options.mapping_file.empty()) {
    if (Status loaded = resolver_.LoadMapping(context.options.mapping_file); !loaded) {
      result_.diagnostics.Add({Severity::kError, context.options.mapping_file, 0, "", "", "", "",
                               loaded.error().message});
    }
  }
  for (const Project& project : context.existing->projects) project_ids_.insert(project.id);
}

void EntryBuilder::RowError(int line, std::string_view column, int index, Message message) {
  Diagnostic d;
  d.file = file_;
  d.line = line;
  d.record_type = "work";
  d.field = std::string(column);
  d.message =
      index >= 0 ? Msg("ingest.at_column", index + 1, Arg::Of(message)) : std::move(message);
  result_.diagnostics.Add(std::move(d));
}

void EntryBuilder::MissingColumns(const CsvTable& table, const std::vector<std::string>& missing) {
  result_.diagnostics.Add({Severity::kError, file_, table.header_line, "", "", "", "",
                           MissingColumnsMessage(missing, format_, table.header)});
}

std::string EntryBuilder::ProjectFor(const std::string& client_id, const std::string& name) {
  const std::string key = NormalizeClientName(name);
  if (auto it = projects_.find({client_id, key}); it != projects_.end()) return it->second;
  for (const Project& project : context_.existing->projects) {
    if (project.client == client_id && NormalizeClientName(project.name) == key) {
      projects_[{client_id, key}] = project.id;
      return project.id;
    }
  }
  std::string slug;
  for (char c : key) {
    if (c == ' ') {
      slug += '-';
    } else if (std::isalnum(static_cast<unsigned char>(c))) {
      slug += c;
    }
  }
  const std::string base = client_id + "-" + (slug.empty() ? std::string("project") : slug);
  std::string id = base;
  for (int n = 2; project_ids_.contains(id); ++n) id = base + "-" + std::to_string(n);
  project_ids_.insert(id);
  Project project;
  project.id = id;
  project.client = client_id;
  project.name = Trim(name);
  project.pricing = Pricing::kHourly;
  new_projects_.push_back(project);
  projects_[{client_id, key}] = id;
  return id;
}

void EntryBuilder::Add(const SourceEntry& entry) {
  std::string client_name = Trim(entry.client);
  const std::string project_name = Trim(entry.project);
  if (client_name.empty()) {
    if (project_name.empty()) {
      ++without_client_;
      result_.diagnostics.Add({Severity::kWarning, file_, entry.line, "", "work", "", "",
                               Msg("ingest.work.no_client_no_project")});
      return;
    }
    client_name = project_name;
    project_as_client_.insert(project_name);
  }
  const std::optional<std::string> client = resolver_.ByName(client_name);
  if (!client) {
    result_.diagnostics.Add({Severity::kError, file_, entry.line, "", "work", "", "client",
                             Msg("ingest.unknown_client_no_create", client_name)});
    return;
  }
  const std::string project = project_name.empty() ? "" : ProjectFor(*client, project_name);

  int start_seconds = 0;
  if (entry.start_seconds) {
    start_seconds = *entry.start_seconds;
  } else {
    ++without_start_;
    const auto& day =
        context_.existing->workspace.working_hours[static_cast<int>(entry.start_date.weekday())];
    start_seconds = day.empty() ? 9 * 3600 : day.front().start * 60;
  }
  const auto at = [this](CivilDate date, int seconds) {
    // 24:00 is the next day's midnight.
    return zone_.FromLocal({date.AddDays(seconds / 86400), seconds % 86400});
  };
  const Instant start = at(entry.start_date, start_seconds);
  int64_t seconds = 0;
  if (entry.duration_seconds) {
    seconds = *entry.duration_seconds;
  } else if (entry.end_seconds) {
    CivilDate end_date = entry.end_date.value_or(entry.start_date);
    if (!entry.end_date && *entry.end_seconds < start_seconds) end_date = end_date.AddDays(1);
    seconds = SecondsBetween(start, at(end_date, *entry.end_seconds));
    if (seconds < 0) {
      RowError(entry.line, "end", -1, Msg("ingest.work.ends_before_start"));
      return;
    }
  } else {
    RowError(entry.line, "duration", -1, Msg("ingest.work.no_duration"));
    return;
  }
  // No work entry lasts more than a day (DESIGN.md section 2 bounds): a longer one is a
  // timer left running or a broken duration, which only the person who kept it can fix.
  if (seconds > int64_t{bounds::kMaxEntryMinutes} * 60) {
    RowError(entry.line, entry.duration_seconds ? "duration" : "end", -1,
             Msg("ingest.work.longer_than_a_day", seconds / 3600, seconds / 60 % 60));
    return;
  }
  const int64_t minutes = (seconds + 30) / 60;

  std::string id;
  if (!entry.source_id.empty()) {
    id = format_ + "-" + entry.source_id;
  } else {
    // The entry's content, independent of the time zone and of how dates are spelt; a
    // repeat of the same content in the file gets its occurrence number.
    std::string key = format_ + '\x1f' + entry.user + '\x1f' + client_name + '\x1f' + project_name +
                      '\x1f' + entry.start_date.ToString() + '\x1f' +
                      (entry.start_seconds ? std::to_string(*entry.start_seconds) : "-") + '\x1f' +
                      std::to_string(seconds) + '\x1f' + entry.note;
    const int occurrence = ++seen_ids_[key];
    if (occurrence > 1) key += '\x1f' + std::to_string(occurrence);
    id = ContentId("w", key);
  }

  WorkEntry work;
  work.id = id;
  work.client = *client;
  work.project = project;
  work.start = start;
  work.minutes = static_cast<int>(minutes);
  work.billable = entry.billable;
  work.note = entry.note;
  result_.ledger.work.push_back(std::move(work));
  std::vector<RecordLocation>& locations = result_.source.locations["work"];
  locations.resize(result_.ledger.work.size() - 1);
  locations.push_back({file_, entry.line, ""});
}

void EntryBuilder::Finish() {
  std::string created;
  for (const Client& client : resolver_.NewClients()) {
    result_.ledger.clients.push_back(client);
    result_.source.locations["client"].push_back({file_, 0, ""});
    created += (created.empty() ? "" : ", ") + client.name + " (" + client.id + ")";
  }
  for (const Project& project : new_projects_) {
    result_.ledger.projects.push_back(project);
    result_.source.locations["project"].push_back({file_, 0, ""});
  }
  if (!created.empty()) result_.review.push_back(Msg("ingest.review.new_clients", file_, created));
  if (!project_as_client_.empty()) {
    std::string names;
    for (const std::string& name : project_as_client_) names += (names.empty() ? "" : ", ") + name;
    result_.review.push_back(Msg("ingest.review.project_as_client", file_, names));
  }
  if (without_client_ > 0) {
    result_.review.push_back(Msg("ingest.review.no_client_skipped", without_client_, file_));
  }
  if (without_start_ > 0) {
    result_.review.push_back(Msg("ingest.review.no_time_of_day", without_start_, file_));
  }
}

// ---- ReadTrackerExport ----------------------------------------------------------------

namespace {

// FindColumn over a TrackerFormat's names; -1 for an empty list.
int FindAny(const std::vector<std::string>& header, const ColumnNames& names) {
  for (std::string_view name : names) {
    if (const int column = FindColumn(header, {name}); column >= 0) return column;
  }
  return -1;
}

}  // namespace

IngestResult ReadTrackerExport(const std::string& path, const IngestContext& context,
                               const TrackerFormat& format) {
  IngestResult result;
  result.format = std::string(format.name);
  Result<CsvTable> table = LoadCsv(path, result.diagnostics, context.options.encoding);
  if (!table) {
    result.diagnostics.Add({Severity::kError, path, 0, "", "", "", "", table.error().message});
    return result;
  }
  if (table->header.empty() && result.diagnostics.HasErrors()) return result;  // not read
  AddPreview(*table, result);
  EntryBuilder builder(std::string(format.name), path, context, result);
  const std::vector<std::string>& header = table->header;
  const int start_date = FindAny(header, format.start_date);
  const int start_time = FindAny(header, format.start_time);
  const int end_date = FindAny(header, format.end_date);
  const int end_time = FindAny(header, format.end_time);
  const int duration = FindAny(header, format.duration);
  const int duration_fallback = FindAny(header, format.duration_fallback);
  const int id = FindAny(header, format.id);
  const int user = FindAny(header, format.user);
  const int user_last_name = FindAny(header, format.user_last_name);
  const int client = FindAny(header, format.client);
  const int project = FindAny(header, format.project);
  const int description = FindAny(header, format.description);
  const int task = FindAny(header, format.task);
  const int billable = FindAny(header, format.billable);
  std::vector<std::string> missing;
  if (start_date < 0) missing.emplace_back(format.start_date.front());
  if (format.start_time_required && start_time < 0) {
    missing.emplace_back(format.start_time.front());
  }
  if (duration < 0 && (format.duration_required || (duration_fallback < 0 && end_time < 0))) {
    missing.emplace_back(format.duration.front());
  }
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
  const DateOrder order = GuessDateOrder(dates, format.date_order);

  for (const CsvTable::Row& row : table->rows) {
    RowReader reader(*table, row, builder);
    if (format.has_totals_row && reader.Text(start_date).empty() && reader.Text(client).empty() &&
        reader.Text(project).empty() && reader.Text(task).empty()) {
      continue;
    }
    SourceEntry entry;
    entry.line = row.line;
    entry.source_id = reader.Text(id);
    entry.user = reader.Text(user);
    if (!format.user_last_name.empty()) entry.user += " " + reader.Text(user_last_name);
    entry.client = reader.Text(client);
    entry.project = reader.Text(project);
    entry.note = reader.Text(description);
    if (entry.note.empty()) entry.note = reader.Text(task);
    const std::optional<CivilDate> date = reader.Date(start_date, order, true);
    entry.start_seconds = reader.Time(start_time, format.start_time_required);
    entry.end_date = reader.Date(end_date, order, false);
    entry.end_seconds = reader.Time(end_time, false);
    entry.duration_seconds =
        reader.Duration(duration, format.bare_duration, format.duration_required);
    if (!entry.duration_seconds) {
      entry.duration_seconds = reader.Duration(duration_fallback, format.bare_duration, false);
    }
    entry.billable = reader.YesNo(billable).value_or(true);
    if (!reader.ok() || !date) continue;
    entry.start_date = *date;
    builder.Add(entry);
  }
  builder.Finish();
  return result;
}

}  // namespace addio::timesheet

// The CSV form of `addio-ledger/1`: a folder with workspace.json and one CSV file per
// record type, whose header holds the JSON field names. Lists are joined with ';', the
// intake object is its JSON text in one cell, and an empty cell is an absent field.
#include <simdjson.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>

#include "core/parallel.h"
#include "core/text.h"
#include "ledger/csv.h"
#include "ledger/format_internal.h"

namespace addio::format_internal {
namespace {

// An archive for VisitFields writing one record as one CSV row: every field has its cell,
// empty when the field is absent.
class CsvFieldWriter {
 public:
  CsvFieldWriter(std::string& out, const TimeZone& zone) : out_(out), zone_(zone) {}

  // Text cells starting like a formula are escaped (EscapeCsvFormula), and read back as
  // they were.
  void Id(const char* /*name*/, const std::string& value) {
    Cell();
    AppendCsvField(out_, EscapeCsvFormula(value));
  }
  void Text(const char* name, const std::string& value) { Id(name, value); }
  void OptText(const char* name, const std::string& value) { Id(name, value); }
  template <typename E>
  void Enum(const char* /*name*/, E value) {
    Cell();
    out_ += addio::Name(value);
  }
  void Date(const char* /*name*/, CivilDate value) {
    Cell();
    AppendDate(out_, value);
  }
  void OptDate(const char* name, const std::optional<CivilDate>& value) {
    if (value) return Date(name, *value);
    Cell();
  }
  void Moment(const char* /*name*/, Instant value) {
    Cell();
    AppendInstant(out_, value, zone_);
  }
  void OptMoment(const char* name, const std::optional<Instant>& value) {
    if (value) return Moment(name, *value);
    Cell();
  }
  void Int(const char* /*name*/, int value, bool /*required*/) {
    Cell();
    AppendInt(out_, value);
  }
  void OptInt(const char* name, const std::optional<int>& value) {
    if (value) return Int(name, *value, false);
    Cell();
  }
  void OptNumber(const char* /*name*/, const std::optional<double>& value) {
    Cell();
    if (value && std::isfinite(*value)) AppendNumber(out_, *value);
  }
  void Bool(const char* /*name*/, bool value) {
    Cell();
    out_ += value ? "true" : "false";
  }
  void OptMoney(const char* /*name*/, const std::optional<Money>& value) {
    Cell();
    if (value) AppendMoney(out_, *value);
  }
  void Amount(const char* name, const char* /*currency_name*/, const Money& value) {
    OptMoney(name, value);
    Cell();
    out_ += value.currency().code();
  }
  void List(const char* /*name*/, const std::vector<std::string>& value) {
    Cell();
    std::string joined;
    for (size_t i = 0; i < value.size(); ++i) {
      if (i > 0) joined += ';';
      joined += value[i];
    }
    AppendCsvField(out_, EscapeCsvFormula(joined));
  }
  void Object(const char* /*name*/, const std::string& value) {
    Cell();
    if (value.empty()) return;
    std::string canonical;
    Message error;
    AppendCsvField(
        out_, EscapeCsvFormula(CanonicalJsonObject(value, canonical, error) ? canonical : value));
  }

 private:
  void Cell() {
    if (!first_) out_ += ',';
    first_ = false;
  }

  std::string& out_;
  const TimeZone& zone_;
  bool first_ = true;
};

// An archive for VisitFields collecting the field names in order: the CSV header.
class CsvHeaderWriter {
 public:
  template <typename... Rest>
  void Id(const char* name, Rest&&...) {
    names.push_back(name);
  }
  template <typename... Rest>
  void Text(const char* name, Rest&&...) {
    names.push_back(name);
  }
  template <typename... Rest>
  void OptText(const char* name, Rest&&...) {
    names.push_back(name);
  }
  template <typename... Rest>
  void Enum(const char* name, Rest&&...) {
    names.push_back(name);
  }
  template <typename... Rest>
  void Date(const char* name, Rest&&...) {
    names.push_back(name);
  }
  template <typename... Rest>
  void OptDate(const char* name, Rest&&...) {
    names.push_back(name);
  }
  template <typename... Rest>
  void Moment(const char* name, Rest&&...) {
    names.push_back(name);
  }
  template <typename... Rest>
  void OptMoment(const char* name, Rest&&...) {
    names.push_back(name);
  }
  template <typename... Rest>
  void Int(const char* name, Rest&&...) {
    names.push_back(name);
  }
  template <typename... Rest>
  void OptInt(const char* name, Rest&&...) {
    names.push_back(name);
  }
  template <typename... Rest>
  void OptNumber(const char* name, Rest&&...) {
    names.push_back(name);
  }
  template <typename... Rest>
  void Bool(const char* name, Rest&&...) {
    names.push_back(name);
  }
  template <typename... Rest>
  void OptMoney(const char* name, Rest&&...) {
    names.push_back(name);
  }
  template <typename... Rest>
  void Amount(const char* name, const char* currency_name, Rest&&...) {
    names.push_back(name);
    names.push_back(currency_name);
  }
  template <typename... Rest>
  void List(const char* name, Rest&&...) {
    names.push_back(name);
  }
  template <typename... Rest>
  void Object(const char* name, Rest&&...) {
    names.push_back(name);
  }

  std::vector<const char*> names;
};

template <typename R>
const std::vector<const char*>& CsvColumns() {
  static const std::vector<const char*> columns = [] {
    CsvHeaderWriter header;
    const R record{};
    VisitFields(header, record);
    return header.names;
  }();
  return columns;
}

std::string Join(const std::string& folder, const char* name) {
  return (std::filesystem::path(folder) / name).string();
}

template <typename R>
void ReadCsvFile(const std::string& folder, TextEncoding encoding, ReadContext& context,
                 ReadResult& result) {
  const RecordTypeNames& names = kRecordTypeNames[RecordTraits<R>::kIndex];
  const std::string file = Join(folder, names.csv_file);
  auto file_error = [&](int line, Message message) {
    Diagnostic d;
    d.file = file;
    d.line = line;
    d.record_type = names.type;
    d.message = std::move(message);
    context.Add(std::move(d));
  };
  Result<MappedFile> mapped = MappedFile::Open(file);
  if (!mapped) {
    // A missing file is a record type without records.
    if (mapped.error().code != ErrorCode::kNotFound) file_error(0, mapped.error().message);
    return;
  }
  std::string_view text = mapped->text();
  std::string decoded;  // the text in UTF-8, when the file is not
  const bool utf8 = encoding == TextEncoding::kAuto || encoding == TextEncoding::kUtf8;
  if (!utf8 || !simdjson::validate_utf8(text.data(), text.size())) {
    Diagnostics said;
    std::optional<std::string> read = DecodeCsvText(std::string(text), encoding, file, said);
    for (Diagnostic d : said.items()) {
      d.record_type = names.type;
      context.Add(std::move(d));
    }
    if (!read) return;
    decoded = std::move(*read);
    text = decoded;
  }
  CsvReader reader(text, {.separator = SniffCsvSeparator(text)});
  std::vector<std::string_view> cells;
  if (!reader.Next(cells)) return;  // empty: no records

  // Which field each column holds; -1 for columns that are ignored.
  const std::vector<const char*>& known = CsvColumns<R>();
  // The same names measured once (a field's name keeps the literal's address: FieldReader
  // finds it by that).
  const std::vector<std::string_view> known_names(known.begin(), known.end());
  std::vector<int> column_field(cells.size(), -1);
  const std::vector<std::string> header(cells.begin(), cells.end());
  for (size_t c = 0; c < header.size(); ++c) {
    const auto it = std::find_if(known.begin(), known.end(),
                                 [&](const char* name) { return header[c] == name; });
    if (it == known.end()) {
      Diagnostic d;
      d.severity = Severity::kWarning;
      d.file = file;
      d.line = reader.line();
      d.record_type = names.type;
      d.field = header[c];
      d.message = Msg("diag.unknown_column");
      context.Add(std::move(d));
      continue;
    }
    if (std::find(header.begin(), header.begin() + static_cast<long>(c), header[c]) !=
        header.begin() + static_cast<long>(c)) {
      file_error(reader.line(), Msg("ledger.csv.column_repeated", header[c]));
      continue;
    }
    column_field[c] = static_cast<int>(it - known.begin());
  }

  // One record per line in the common case: reserving for every line spares the copies of
  // a growing vector.
  std::vector<R>& records = result.ledger.*RecordTraits<R>::kMember;
  const size_t lines = static_cast<size_t>(std::count(text.begin(), text.end(), '\n'));
  records.reserve(records.size() + lines);
  // The records' locations in the compact form: the file once, a line per record.
  FileLines& located = result.source.lines[names.type];
  located.file = file;
  located.lines.reserve(located.lines.size() + lines);
  RecordLocation where{file, 0, ""};
  FieldSet fields;
  while (reader.Next(cells)) {
    where.line = reader.line();
    if (!reader.problem().empty() || cells.size() != header.size()) {
      Diagnostic d;
      d.file = file;
      d.line = reader.line();
      d.record_type = names.type;
      if (!header.empty() && header[0] == "id" && !cells.empty()) d.record_id = cells[0];
      d.message = !reader.malformed().empty()
                      ? reader.malformed()
                      : Msg("ledger.csv.cell_count", header.size(), cells.size());
      context.Add(std::move(d));
      continue;
    }
    fields.Clear();
    for (size_t c = 0; c < cells.size(); ++c) {
      if (column_field[c] < 0 || cells[c].empty()) continue;
      RawField& field = fields.fields.emplace_back();
      field.name = known_names[column_field[c]];
      field.type = RawField::Type::kCell;
      field.text = UnescapeCsvFormula(cells[c]);
    }
    R& record = records.emplace_back();
    FieldReader field_reader(context, names.type, fields, where);
    VisitFields(field_reader, record);
    field_reader.Finish();
    located.lines.push_back(where.line);
  }
}

// Reads the file of every record type, as many files at once as there are cores (all on
// this thread when they are small), each into its own part of `result` (its records, its
// lines) with a context of its own. What each file's reading said is then added to
// `context` in the order of the record types: the same diagnostics, in the same order, as
// reading the files one after the other.
void ReadCsvFiles(const std::string& folder, TextEncoding encoding, ReadContext& context,
                  ReadResult& result) {
  std::vector<std::function<void(ReadContext&)>> reads;
  size_t bytes = 0;
  ForEachRecordType([&](auto tag) {
    using R = typename decltype(tag)::type;
    std::error_code absent;
    const uintmax_t size = std::filesystem::file_size(
        Join(folder, kRecordTypeNames[RecordTraits<R>::kIndex].csv_file), absent);
    if (!absent) bytes += static_cast<size_t>(size);
    // Made here, so that the threads only find their own entry of the map.
    result.source.lines[kRecordTypeNames[RecordTraits<R>::kIndex].type];
    reads.emplace_back([&folder, encoding, &result](ReadContext& own) {
      ReadCsvFile<R>(folder, encoding, own, result);
    });
  });
  std::vector<Diagnostics> said(reads.size());
  std::vector<std::unique_ptr<ReadContext>> parts;
  for (Diagnostics& out : said) parts.push_back(std::make_unique<ReadContext>(out, context));
  const size_t chunk = bytes < kBytesWorthThreads ? reads.size() : 1;
  ParallelFor(reads.size(), chunk, [&](size_t i) { reads[i](*parts[i]); });
  for (const auto& part : parts) context.Absorb(*part);
}

}  // namespace

template <typename R>
void AppendCsvHeader(std::string& out) {
  const std::vector<const char*>& columns = CsvColumns<R>();
  for (size_t i = 0; i < columns.size(); ++i) {
    if (i > 0) out += ',';
    out += columns[i];
  }
  out += '\n';
}

template <typename R>
void AppendCsvRecord(std::string& out, const R& record, const TimeZone& zone) {
  CsvFieldWriter writer(out, zone);
  VisitFields(writer, record);
  out += '\n';
}

template void AppendCsvHeader<Client>(std::string&);
template void AppendCsvHeader<Contract>(std::string&);
template void AppendCsvHeader<Project>(std::string&);
template void AppendCsvHeader<Request>(std::string&);
template void AppendCsvHeader<WorkEntry>(std::string&);
template void AppendCsvHeader<Contact>(std::string&);
template void AppendCsvHeader<Invoice>(std::string&);
template void AppendCsvHeader<Payment>(std::string&);
template void AppendCsvHeader<RateChange>(std::string&);
template void AppendCsvHeader<CreditNote>(std::string&);

template void AppendCsvRecord(std::string&, const Client&, const TimeZone&);
template void AppendCsvRecord(std::string&, const Contract&, const TimeZone&);
template void AppendCsvRecord(std::string&, const Project&, const TimeZone&);
template void AppendCsvRecord(std::string&, const Request&, const TimeZone&);
template void AppendCsvRecord(std::string&, const WorkEntry&, const TimeZone&);
template void AppendCsvRecord(std::string&, const Contact&, const TimeZone&);
template void AppendCsvRecord(std::string&, const Invoice&, const TimeZone&);
template void AppendCsvRecord(std::string&, const Payment&, const TimeZone&);
template void AppendCsvRecord(std::string&, const RateChange&, const TimeZone&);
template void AppendCsvRecord(std::string&, const CreditNote&, const TimeZone&);

void ReadCsvLedger(const std::string& folder, ReadResult& result, TextEncoding encoding) {
  ReadContext context(result.diagnostics);
  const std::string workspace_file = Join(folder, "workspace.json");
  if (Result<MappedFile> mapped = MappedFile::Open(workspace_file)) {
    ReadWorkspaceFile(mapped->text(), workspace_file, context, result);
  } else {
    Diagnostic d;
    d.file = workspace_file;
    if (mapped.error().code == ErrorCode::kNotFound) {
      d.severity = Severity::kWarning;
      d.message = Msg("ledger.csv.no_workspace");
    } else {
      d.message = mapped.error().message;
    }
    context.Add(std::move(d));
    context.UseWorkspace(result.ledger.workspace);
  }
  ReadCsvFiles(folder, encoding, context, result);
  context.Flush();
}

}  // namespace addio::format_internal

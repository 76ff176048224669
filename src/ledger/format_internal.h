// Internals of the canonical ledger format shared by its JSON form (json_read.cc,
// json_workspace.cc, json_write.cc), its CSV form (csv_format.cc), the streaming sinks
// (format_sink.cc) and the public entry points (format.cc): files, the text of single
// values, the pieces the JSON writer and the streaming sink both assemble (so their bytes
// cannot differ), and the reader of one record's fields that both forms feed
// (field_reader.cc).
//
// Reading a record is two steps: a form turns its syntax into a FieldSet (names and raw
// values: JSON strings, numbers, booleans, arrays, objects, or CSV cells), then
// VisitFields(FieldReader&, record) converts each field, reporting every problem with the
// record's location.
#pragma once

#include <cstdint>
#include <cstdio>
#include <deque>
#include <optional>
#include <string>
#include <string_view>
#include <system_error>
#include <unordered_map>
#include <utility>
#include <vector>

#include "core/diagnostics.h"
#include "core/money.h"
#include "core/result.h"
#include "core/time.h"
#include "ledger/format.h"
#include "ledger/format_fields.h"
#include "ledger/format_text.h"
#include "ledger/records.h"
#include "ledger/validate.h"

namespace addio::format_internal {

// ---- Files ---------------------------------------------------------------------------

// A whole file mapped read-only into memory: reading a 1.5 GB ledger costs page cache, not
// heap. Move-only.
class MappedFile {
 public:
  // Error kNotFound when the file does not exist, kIo when it cannot be read.
  static Result<MappedFile> Open(const std::string& path);
  MappedFile(MappedFile&& other) noexcept;
  MappedFile& operator=(MappedFile&& other) noexcept;
  MappedFile(const MappedFile&) = delete;
  MappedFile& operator=(const MappedFile&) = delete;
  ~MappedFile();

  std::string_view text() const { return {static_cast<const char*>(data_), size_}; }

 private:
  MappedFile() = default;
  void* data_ = nullptr;
  size_t size_ = 0;
};

// A file written through a large buffer: callers append to buffer() and call
// FlushIfFull() now and then. The first failure is kept, later writes are skipped, and
// Close() returns it.
class OutFile {
 public:
  OutFile() = default;
  OutFile(const OutFile&) = delete;
  OutFile& operator=(const OutFile&) = delete;
  ~OutFile();

  // Creates or truncates `path`. Error kIo.
  Status Open(const std::string& path);
  std::string& buffer() { return buffer_; }
  void FlushIfFull() {
    if (buffer_.size() >= kFlushBytes) Flush();
  }
  void Flush();
  // Appends the whole content of the file at `path` (after what is buffered), copied by
  // the kernel where it can.
  void AppendFile(const std::string& path);
  // Writes what is buffered and closes. Error kIo naming the file when anything failed.
  Status Close();
  bool is_open() const { return file_ != nullptr; }
  const std::string& path() const { return path_; }

 private:
  // Keeps the first failure: `what_key` (ledger.io.*) with `path` and errno's text.
  void Failed(const char* what_key, const std::string& path);

  static constexpr size_t kFlushBytes = 1 << 20;
  std::FILE* file_ = nullptr;
  std::string path_;
  std::string buffer_;
  Message error_;
};

// Error kIo `what_key` (a pattern "... {0}: {1}" such as ledger.io.cannot_write) with the path
// and the system's reason, e.g. "cannot write out.json: No space left on device".
Status IoError(const char* what_key, const std::string& path, const std::error_code& ec);
// Renames `from` to `to` in one step, so that a reader never sees half a file. Error kIo
// naming `to`; `from` is removed then.
Status ReplaceFile(const std::string& from, const std::string& to);

// ---- Writing (single values: format_text.h) -------------------------------------------

// The JSON form is: head, then for each record type in format order an array start, its
// records separated by kJsonRecordSeparator, an array end, then the tail.
inline constexpr std::string_view kJsonRecordSeparator = ",\n";
// "{\n  \"format\": ...,\n  \"workspace\": {...}" (no trailing comma or newline). The
// format is addio-ledger/1.1 when the document holds credit notes, else addio-ledger/1.
void AppendJsonHead(std::string& out, const Workspace& workspace, bool credit_notes);
// Whether record type `type` is written when it holds no record: every type of
// addio-ledger/1 is (an empty array, a header-only file); credit notes are not, so that a
// ledger without them stays byte for byte a 1.0 ledger.
inline bool WrittenWhenEmpty(int type) { return type != kCreditNoteType; }
// ",\n  \"clients\": [" for record type `type` (index in kRecordTypeNames).
void AppendJsonArrayStart(std::string& out, int type, bool empty);
void AppendJsonArrayEnd(std::string& out, bool empty);
void AppendJsonTail(std::string& out);
// One record as one line: four spaces of indent and the object, no line end.
template <typename R>
void AppendJsonRecord(std::string& out, const R& record, const TimeZone& zone);
// workspace.json of the CSV form: the workspace block with "format" first (1.1 when the
// folder holds credit notes).
void AppendWorkspaceFile(std::string& out, const Workspace& workspace, bool credit_notes);
// The canonical text of a JSON object (no insignificant space), written in place of the
// object in both forms. False with `error` set when `text` is no JSON object: a note for
// Diagnostic::notes, whose pattern starts with ": " (": unterminated string at byte 12").
bool CanonicalJsonObject(std::string_view text, std::string& out, Message& error);
// What simdjson's error `code` (a simdjson::error_code) means, as a plain ledger.json.parser.*
// entry.
Message JsonParserProblem(int code);

// The CSV header line (with its line end) of record type R, and one record as one row.
template <typename R>
void AppendCsvHeader(std::string& out);
template <typename R>
void AppendCsvRecord(std::string& out, const R& record, const TimeZone& zone);

// Writes the CSV form of `ledger` into `folder` (created if missing) through the CSV sink.
// Error kIo when the file system refuses.
Status WriteCsvLedger(const Ledger& ledger, const std::string& folder);

// ---- Reading -------------------------------------------------------------------------

// What a reading has learnt that later records depend on, and where problems go.
class ReadContext {
 public:
  explicit ReadContext(Diagnostics& out) : out_(out) {}
  // A context for one part of a reading done in parallel: `like`'s zone and currency,
  // its own diagnostics, added to `like`'s by like.Absorb().
  ReadContext(Diagnostics& out, const ReadContext& like)
      : out_(out), zone_(like.zone_), currency_(like.currency_) {}
  ReadContext(const ReadContext&) = delete;
  ReadContext& operator=(const ReadContext&) = delete;

  // Uses the workspace's zone (when it exists; Validate reports it otherwise) and currency.
  void UseWorkspace(const Workspace& workspace);
  const TimeZone& zone() const { return zone_; }
  Currency currency() const { return currency_; }

  void Add(Diagnostic d) { out_.Add(std::move(d)); }
  // A warning that can repeat in millions of records (the same unknown field, instants
  // without offset): the first one is kept with its location, the others only counted and
  // said in a note (diag.same_in_more). Nothing is added to the diagnostics until Flush().
  void AddRepeatable(const std::string& key, Diagnostic d);
  void Flush();
  // Adds what `part` said (its diagnostics, and its repeatable warnings, counted with
  // these), as if it had been said here, after what was said here so far.
  void Absorb(ReadContext& part);

 private:
  Diagnostics& out_;
  TimeZone zone_ = TimeZone::Utc();
  Currency currency_;
  std::vector<std::pair<Diagnostic, int>> repeatable_;
  std::unordered_map<std::string, size_t> repeatable_index_;
};

// One field as a form read it, before its type is checked.
struct RawField {
  enum class Type : uint8_t { kNull, kString, kNumber, kBool, kArray, kObject, kCell };
  std::string_view name;
  Type type = Type::kNull;
  std::string_view text;     // kString and kCell: the text; kObject: its canonical JSON
  double number = 0;         // kNumber
  bool integral = false;     // kNumber: a whole number that fits in int64
  int64_t integer = 0;       // kNumber when integral
  bool boolean = false;      // kBool
  uint32_t items_begin = 0;  // kArray: its string items in FieldSet::items
  uint32_t items_count = 0;
  int bad_item = -1;  // kArray: the first item that is not a string, or -1
  bool used = false;
};

// The fields of one record. Reused from record to record so that reading allocates
// nothing per record once warm. The views point into the form's buffers or `owned`.
struct FieldSet {
  std::vector<RawField> fields;
  std::vector<std::string_view> items;
  std::deque<std::string> owned;
  void Clear() {
    fields.clear();
    items.clear();
    owned.clear();
  }
};

// Converts the fields of one record (an archive for VisitFields). Absent and null fields
// keep the record's default; a required field that is absent is an error; every field of
// the wrong type or text is an error naming the expected shape.
class FieldReader {
 public:
  // `type` is the record type ("invoice"); `where` its location (path empty for CSV).
  FieldReader(ReadContext& context, const char* type, FieldSet& fields,
              const RecordLocation& where);

  void Id(const char* name, std::string& value) { Text(name, value); }
  void Text(const char* name, std::string& value);
  void OptText(const char* name, std::string& value) { Text(name, value); }
  template <typename E>
  void Enum(const char* name, E& value) {
    RawField* field = Take(name);
    if (field == nullptr) return;
    std::optional<std::string_view> text = TextOf(*field, "ledger.shape.string");
    if (!text) return;
    if (std::optional<E> parsed = EnumTraits<E>::Parse(*text)) {
      value = *parsed;
    } else {
      BadEnum(name, *text, EnumNames<E>());
    }
  }
  void Date(const char* name, CivilDate& value);
  void OptDate(const char* name, std::optional<CivilDate>& value);
  void Moment(const char* name, Instant& value);
  void OptMoment(const char* name, std::optional<Instant>& value);
  void Int(const char* name, int& value, bool required);
  void OptInt(const char* name, std::optional<int>& value);
  void OptNumber(const char* name, std::optional<double>& value);
  void Bool(const char* name, bool& value);
  void OptMoney(const char* name, std::optional<Money>& value);
  void Amount(const char* name, const char* currency_name, Money& value);
  void List(const char* name, std::vector<std::string>& value);
  void Object(const char* name, std::string& value);

  // Warns about the fields no visit asked for: they are unknown and dropped.
  void Finish();

 private:
  // The field named `name`, marked as used; nullptr when absent or null.
  RawField* Take(const char* name);
  // The text of a string or cell; nullopt, reported as expecting `expected` (a catalogue
  // key such as ledger.shape.date), for any other type.
  std::optional<std::string_view> TextOf(const RawField& field, const char* expected);
  std::optional<CivilDate> DateOf(const RawField& field);
  std::optional<Instant> InstantOf(const RawField& field);
  std::optional<Money> MoneyOf(const RawField& field, Currency currency);
  // `expected` names a catalogue entry (ledger.shape.*, ledger.type.*).
  void Missing(const char* name, const char* expected);
  void Mistyped(std::string_view name, const char* expected, RawField::Type type);
  void BadEnum(const char* name, std::string_view text, const std::string& allowed);
  void Error(std::string_view field, Message message, std::string_view path_suffix = {},
             std::vector<Message> notes = {});
  Diagnostic At(std::string_view field, std::string_view path_suffix = {}) const;

  ReadContext& context_;
  const char* type_;
  FieldSet& fields_;
  const RecordLocation& where_;
  std::string id_;
};

// Reads the JSON form from `text` into `result`.
void ParseJsonLedger(std::string_view text, const std::string& file, ReadResult& result);
// Reads the "workspace" block of the JSON form, whose JSON text `span` starts at `line` of
// `file`, into result.ledger.workspace and tells `context`.
void ReadWorkspaceBlock(std::string_view span, int line, const std::string& file,
                        ReadContext& context, ReadResult& result);
// Reads workspace.json of the CSV form into result.ledger.workspace and tells `context`.
void ReadWorkspaceFile(std::string_view text, const std::string& file, ReadContext& context,
                       ReadResult& result);
// Reads the CSV form from `folder` into `result`.
void ReadCsvLedger(const std::string& folder, ReadResult& result, TextEncoding encoding);

}  // namespace addio::format_internal

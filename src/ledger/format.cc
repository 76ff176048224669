#include "ledger/format.h"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <charconv>
#include <cmath>
#include <cstring>
#include <filesystem>
#include <unordered_set>

#include "ledger/format_internal.h"

namespace addio {
namespace format_internal {

// ---- Files ---------------------------------------------------------------------------

Result<MappedFile> MappedFile::Open(const std::string& path) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    const int error = errno;
    return Fail(error == ENOENT ? ErrorCode::kNotFound : ErrorCode::kIo,
                "cannot open " + path + ": " + std::strerror(error));
  }
  struct stat info {};
  if (::fstat(fd, &info) != 0 || !S_ISREG(info.st_mode)) {
    ::close(fd);
    return Fail(ErrorCode::kIo, "cannot read " + path + ": not a regular file");
  }
  MappedFile file;
  file.size_ = static_cast<size_t>(info.st_size);
  if (file.size_ > 0) {
    void* data = ::mmap(nullptr, file.size_, PROT_READ, MAP_PRIVATE, fd, 0);
    if (data == MAP_FAILED) {
      const int error = errno;
      ::close(fd);
      return Fail(ErrorCode::kIo, "cannot read " + path + ": " + std::strerror(error));
    }
    ::madvise(data, file.size_, MADV_SEQUENTIAL);
    file.data_ = data;
  }
  ::close(fd);
  return file;
}

MappedFile::MappedFile(MappedFile&& other) noexcept
    : data_(std::exchange(other.data_, nullptr)), size_(std::exchange(other.size_, 0)) {}

MappedFile& MappedFile::operator=(MappedFile&& other) noexcept {
  if (this != &other) {
    if (data_ != nullptr) ::munmap(data_, size_);
    data_ = std::exchange(other.data_, nullptr);
    size_ = std::exchange(other.size_, 0);
  }
  return *this;
}

MappedFile::~MappedFile() {
  if (data_ != nullptr) ::munmap(data_, size_);
}

OutFile::~OutFile() {
  if (file_ != nullptr) std::fclose(file_);
}

Status OutFile::Open(const std::string& path) {
  path_ = path;
  file_ = std::fopen(path.c_str(), "wb");
  if (file_ == nullptr) {
    return Fail(ErrorCode::kIo, "cannot write " + path + ": " + std::strerror(errno));
  }
  buffer_.reserve(kFlushBytes + (kFlushBytes >> 2));
  return {};
}

void OutFile::Failed(const std::string& what) {
  if (error_.empty()) error_ = what + ": " + std::strerror(errno);
}

void OutFile::Flush() {
  if (file_ != nullptr && error_.empty() && !buffer_.empty() &&
      std::fwrite(buffer_.data(), 1, buffer_.size(), file_) != buffer_.size()) {
    Failed("cannot write " + path_);
  }
  buffer_.clear();
}

void OutFile::AppendFile(const std::string& path) {
  Flush();
  if (file_ == nullptr || !error_.empty()) return;
  if (std::fflush(file_) != 0) return Failed("cannot write " + path_);
  const int from = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (from < 0) return Failed("cannot read " + path);
  const int to = ::fileno(file_);
  bool kernel_copy = true;
  while (true) {
    ssize_t copied = 0;
    if (kernel_copy) {
      copied = ::copy_file_range(from, nullptr, to, nullptr, size_t{1} << 30, 0);
      if (copied < 0 &&
          (errno == ENOSYS || errno == EXDEV || errno == EINVAL || errno == EOPNOTSUPP)) {
        kernel_copy = false;  // e.g. across file systems: copy through user space
        continue;
      }
    } else {
      buffer_.resize(kFlushBytes);
      copied = ::read(from, buffer_.data(), buffer_.size());
      if (copied > 0 && ::write(to, buffer_.data(), static_cast<size_t>(copied)) != copied) {
        copied = -1;
      }
      buffer_.clear();
    }
    if (copied == 0) break;
    if (copied < 0) {
      Failed("cannot copy " + path + " into " + path_);
      break;
    }
  }
  ::close(from);
  // The stream must go on writing after what the descriptor received.
  if (std::fseek(file_, 0, SEEK_END) != 0) Failed("cannot write " + path_);
}

Status OutFile::Close() {
  Flush();
  if (file_ != nullptr && std::fclose(file_) != 0) Failed("cannot write " + path_);
  file_ = nullptr;
  if (!error_.empty()) return Fail(ErrorCode::kIo, error_);
  return {};
}

// ---- Writing -------------------------------------------------------------------------

TimeZone WriteZone(const Workspace& workspace) {
  Result<TimeZone> zone = TimeZone::Find(workspace.timezone);
  return zone ? *zone : TimeZone::Utc();
}

// ---- Reading -------------------------------------------------------------------------

void ReadContext::UseWorkspace(const Workspace& workspace) {
  if (Result<TimeZone> zone = TimeZone::Find(workspace.timezone)) zone_ = *zone;
  currency_ = workspace.currency;
}

void ReadContext::AddRepeatable(const std::string& key, Diagnostic d) {
  auto [it, inserted] = repeatable_index_.try_emplace(key, repeatable_.size());
  if (inserted) {
    repeatable_.emplace_back(std::move(d), 1);
  } else {
    ++repeatable_[it->second].second;
  }
}

void ReadContext::Flush() {
  for (auto& [d, count] : repeatable_) {
    if (count == 2) d.message += "; the same in 1 more record";
    if (count > 2) d.message += "; the same in " + std::to_string(count - 1) + " more records";
    out_.Add(std::move(d));
  }
  repeatable_.clear();
  repeatable_index_.clear();
}

namespace {

constexpr char kDateShape[] = "a date YYYY-MM-DD";
constexpr char kInstantShape[] = "an RFC 3339 instant such as 2026-03-27T18:30:00+01:00";
constexpr char kMoneyShape[] = "a decimal string such as \"1234.50\"";
constexpr char kCurrencyShape[] = "an ISO 4217 currency code such as EUR";

const char* TypeName(RawField::Type type) {
  switch (type) {
    case RawField::Type::kNull:
      return "null";
    case RawField::Type::kString:
      return "a string";
    case RawField::Type::kNumber:
      return "a number";
    case RawField::Type::kBool:
      return "a boolean";
    case RawField::Type::kArray:
      return "an array";
    case RawField::Type::kObject:
      return "an object";
    case RawField::Type::kCell:
      return "text";
  }
  return "?";
}

std::string Quoted(std::string_view text) { return "\"" + std::string(text) + "\""; }

}  // namespace

FieldReader::FieldReader(ReadContext& context, const char* type, FieldSet& fields,
                         const RecordLocation& where)
    : context_(context), type_(type), fields_(fields), where_(where) {}

Diagnostic FieldReader::At(std::string_view field, std::string_view path_suffix) const {
  Diagnostic d;
  d.file = where_.file;
  d.line = where_.line;
  if (!where_.path.empty()) {
    d.path.reserve(where_.path.size() + field.size() + path_suffix.size() + 1);
    d.path.append(where_.path).append(".").append(field).append(path_suffix);
  }
  d.record_type = type_;
  d.record_id = id_;
  d.field = field;
  return d;
}

void FieldReader::Error(std::string_view field, std::string message, std::string_view path_suffix) {
  Diagnostic d = At(field, path_suffix);
  d.message = std::move(message);
  context_.Add(std::move(d));
}

void FieldReader::Missing(const char* name, const char* expected) {
  Error(name, std::string("missing: expected ") + expected);
}

void FieldReader::BadEnum(const char* name, std::string_view text, const std::string& allowed) {
  Error(name, Quoted(text) + " is not allowed; expected one of: " + allowed);
}

RawField* FieldReader::Take(const char* name) {
  for (RawField& field : fields_.fields) {
    if (field.name == name && !field.used) {
      field.used = true;
      return field.type == RawField::Type::kNull ? nullptr : &field;
    }
  }
  return nullptr;
}

std::optional<std::string_view> FieldReader::TextOf(const RawField& field, const char* expected) {
  if (field.type == RawField::Type::kString || field.type == RawField::Type::kCell) {
    return field.text;
  }
  Error(field.name, std::string("expected ") + expected + ", not " + TypeName(field.type));
  return std::nullopt;
}

void FieldReader::Text(const char* name, std::string& value) {
  if (RawField* field = Take(name)) {
    if (std::optional<std::string_view> text = TextOf(*field, "a string")) value.assign(*text);
  }
  if (id_.empty() && std::strcmp(name, "id") == 0) id_ = value;
}

std::optional<CivilDate> FieldReader::DateOf(const RawField& field) {
  std::optional<std::string_view> text = TextOf(field, kDateShape);
  if (!text) return std::nullopt;
  Result<CivilDate> date = CivilDate::Parse(*text);
  if (!date) {
    Error(field.name, date.error().message);
    return std::nullopt;
  }
  return *date;
}

void FieldReader::Date(const char* name, CivilDate& value) {
  RawField* field = Take(name);
  if (field == nullptr) return Missing(name, kDateShape);
  if (std::optional<CivilDate> date = DateOf(*field)) value = *date;
}

void FieldReader::OptDate(const char* name, std::optional<CivilDate>& value) {
  if (RawField* field = Take(name)) value = DateOf(*field);
}

std::optional<Instant> FieldReader::InstantOf(const RawField& field) {
  std::optional<std::string_view> text = TextOf(field, kInstantShape);
  if (!text) return std::nullopt;
  Result<ParsedInstant> parsed = ParseInstant(*text, context_.zone());
  if (!parsed) {
    Error(field.name, parsed.error().message);
    return std::nullopt;
  }
  if (!parsed->had_offset) {
    Diagnostic d = At(field.name);
    d.severity = Severity::kWarning;
    d.message = "instant " + Quoted(*text) + " has no offset; read in the workspace time zone " +
                context_.zone().name();
    context_.AddRepeatable(std::string("offset/") + type_ + "/" + std::string(field.name),
                           std::move(d));
  }
  return parsed->instant;
}

void FieldReader::Moment(const char* name, Instant& value) {
  RawField* field = Take(name);
  if (field == nullptr) return Missing(name, kInstantShape);
  if (std::optional<Instant> instant = InstantOf(*field)) value = *instant;
}

void FieldReader::OptMoment(const char* name, std::optional<Instant>& value) {
  if (RawField* field = Take(name)) value = InstantOf(*field);
}

void FieldReader::Int(const char* name, int& value, bool required) {
  std::optional<int> read;
  OptInt(name, read);
  if (read) {
    value = *read;
  } else if (required &&
             !std::any_of(fields_.fields.begin(), fields_.fields.end(), [name](const RawField& f) {
               return f.name == name && f.type != RawField::Type::kNull;
             })) {
    Missing(name, "a whole number");
  }
}

void FieldReader::OptInt(const char* name, std::optional<int>& value) {
  RawField* field = Take(name);
  if (field == nullptr) return;
  int64_t number = 0;
  if (field->type == RawField::Type::kNumber) {
    if (!field->integral) {
      std::string shown;
      AppendNumber(shown, field->number);
      return Error(name, "expected a whole number, not " + shown);
    }
    number = field->integer;
  } else if (field->type == RawField::Type::kCell) {
    const char* end = field->text.data() + field->text.size();
    const auto [ptr, ec] = std::from_chars(field->text.data(), end, number);
    if (ec != std::errc() || ptr != end) {
      return Error(name, Quoted(field->text) + " is not a whole number");
    }
  } else {
    return Error(name, std::string("expected a whole number, not ") + TypeName(field->type));
  }
  if (number < INT32_MIN || number > INT32_MAX) {
    return Error(name, std::to_string(number) + " is out of range");
  }
  value = static_cast<int>(number);
}

void FieldReader::OptNumber(const char* name, std::optional<double>& value) {
  RawField* field = Take(name);
  if (field == nullptr) return;
  if (field->type == RawField::Type::kNumber) {
    value = field->number;
    return;
  }
  if (field->type != RawField::Type::kCell) {
    return Error(name, std::string("expected a number, not ") + TypeName(field->type));
  }
  double number = 0;
  const char* end = field->text.data() + field->text.size();
  const auto [ptr, ec] = std::from_chars(field->text.data(), end, number);
  if (ec != std::errc() || ptr != end || !std::isfinite(number)) {
    return Error(name, Quoted(field->text) + " is not a number");
  }
  value = number;
}

void FieldReader::Bool(const char* name, bool& value) {
  RawField* field = Take(name);
  if (field == nullptr) return;
  if (field->type == RawField::Type::kBool) {
    value = field->boolean;
  } else if (field->type != RawField::Type::kCell) {
    Error(name, std::string("expected true or false, not ") + TypeName(field->type));
  } else if (field->text == "true" || field->text == "TRUE" || field->text == "True") {
    value = true;
  } else if (field->text == "false" || field->text == "FALSE" || field->text == "False") {
    value = false;
  } else {
    Error(name, Quoted(field->text) + " is not allowed; expected true or false");
  }
}

std::optional<Money> FieldReader::MoneyOf(const RawField& field, Currency currency) {
  if (field.type != RawField::Type::kString && field.type != RawField::Type::kCell) {
    Error(field.name, std::string("expected ") + kMoneyShape + ", not " + TypeName(field.type));
    return std::nullopt;
  }
  Result<Money> money = Money::Parse(field.text, currency);
  if (!money) {
    Error(field.name,
          money.error().message + "; expected a decimal string in " + std::string(currency.code()));
    return std::nullopt;
  }
  return *money;
}

void FieldReader::OptMoney(const char* name, std::optional<Money>& value) {
  if (RawField* field = Take(name)) value = MoneyOf(*field, context_.currency());
}

void FieldReader::Amount(const char* name, const char* currency_name, Money& value) {
  Currency currency = context_.currency();
  bool currency_known = true;
  if (RawField* field = Take(currency_name)) {
    if (std::optional<std::string_view> code = TextOf(*field, kCurrencyShape)) {
      if (Result<Currency> found = Currency::Find(*code)) {
        currency = *found;
      } else {
        Error(currency_name, found.error().message);
        currency_known = false;
      }
    } else {
      currency_known = false;
    }
  }
  RawField* field = Take(name);
  if (field == nullptr) return Missing(name, kMoneyShape);
  if (!currency_known) return;  // the amount cannot be read without its currency
  if (std::optional<Money> money = MoneyOf(*field, currency)) value = *money;
}

void FieldReader::List(const char* name, std::vector<std::string>& value) {
  RawField* field = Take(name);
  if (field == nullptr) return;
  value.clear();
  if (field->type == RawField::Type::kArray) {
    if (field->bad_item >= 0) {
      return Error(name,
                   "expected an array of strings; item " + std::to_string(field->bad_item) +
                       " is not a string",
                   "[" + std::to_string(field->bad_item) + "]");
    }
    for (uint32_t i = 0; i < field->items_count; ++i) {
      value.emplace_back(fields_.items[field->items_begin + i]);
    }
  } else if (field->type == RawField::Type::kCell) {
    // "a@x.it;b@x.it": items are trimmed, empty ones skipped.
    std::string_view rest = field->text;
    while (!rest.empty()) {
      const size_t end = std::min(rest.find(';'), rest.size());
      std::string_view item = rest.substr(0, end);
      while (!item.empty() && item.front() == ' ') item.remove_prefix(1);
      while (!item.empty() && item.back() == ' ') item.remove_suffix(1);
      if (!item.empty()) value.emplace_back(item);
      rest.remove_prefix(std::min(end + 1, rest.size()));
    }
  } else {
    Error(name, std::string("expected an array of strings, not ") + TypeName(field->type));
  }
}

void FieldReader::Object(const char* name, std::string& value) {
  RawField* field = Take(name);
  if (field == nullptr) return;
  if (field->type == RawField::Type::kObject) {
    value.assign(field->text);
  } else if (field->type == RawField::Type::kCell) {
    std::string error;
    if (!CanonicalJsonObject(field->text, value, error)) {
      value.clear();
      Error(name, "expected a JSON object: " + error);
    }
  } else {
    Error(name, std::string("expected a JSON object, not ") + TypeName(field->type));
  }
}

void FieldReader::Finish() {
  for (const RawField& field : fields_.fields) {
    if (field.used) continue;
    const bool repeated =
        std::any_of(fields_.fields.begin(), fields_.fields.end(),
                    [&field](const RawField& f) { return f.used && f.name == field.name; });
    if (repeated) {
      Error(field.name, "the field appears more than once");
      continue;
    }
    Diagnostic d = At(field.name);
    d.severity = Severity::kWarning;
    d.message = "unknown field, ignored";
    context_.AddRepeatable(std::string("unknown/") + type_ + "/" + std::string(field.name),
                           std::move(d));
  }
}

}  // namespace format_internal

using namespace format_internal;  // NOLINT(google-build-using-namespace): this file's internals

namespace {

// Appends the whole JSON form of `ledger` to `out`, calling flush() after each record so
// that a caller writing a file can empty `out` as it grows.
template <typename FlushFn>
void AppendLedgerJson(const Ledger& ledger, std::string& out, FlushFn&& flush) {
  const TimeZone zone = WriteZone(ledger.workspace);
  AppendJsonHead(out, ledger.workspace);
  ForEachRecordType([&](auto tag) {
    using R = typename decltype(tag)::type;
    const std::vector<R>& records = ledger.*RecordTraits<R>::kMember;
    AppendJsonArrayStart(out, RecordTraits<R>::kIndex, records.empty());
    for (size_t i = 0; i < records.size(); ++i) {
      if (i > 0) out += kJsonRecordSeparator;
      AppendJsonRecord(out, records[i], zone);
      flush();
    }
    AppendJsonArrayEnd(out, records.empty());
  });
  AppendJsonTail(out);
}

Status IoError(const std::string& what, const std::string& path, const std::error_code& ec) {
  return Fail(ErrorCode::kIo, what + " " + path + ": " + ec.message());
}

// Replaces `to` by `from` in one step, so that a reader never sees half a file.
Status Replace(const std::string& from, const std::string& to) {
  std::error_code ec;
  std::filesystem::rename(from, to, ec);
  if (ec) {
    std::filesystem::remove(from, ec);
    return IoError("cannot write", to, ec);
  }
  return {};
}

// The JSON form through one temporary file per record type next to the output, joined at
// Finish: memory stays at the size of the buffers whatever the number of records.
class JsonSink final : public LedgerSink {
 public:
  JsonSink(std::string path, const Workspace& workspace)
      : path_(std::move(path)), workspace_(workspace), zone_(WriteZone(workspace)) {}

  ~JsonSink() override { RemoveParts(); }

  Status Open() {
    for (int k = 0; k < kRecordTypes; ++k) {
      if (Status opened = parts_[k].Open(PartPath(k)); !opened) return opened;
    }
    return {};
  }

  void Add(const Ledger& chunk) override {
    ForEachRecordType([&](auto tag) {
      using R = typename decltype(tag)::type;
      constexpr int k = RecordTraits<R>::kIndex;
      for (const R& record : chunk.*RecordTraits<R>::kMember) {
        std::string& out = parts_[k].buffer();
        if (counts_[k]++ > 0) out += kJsonRecordSeparator;
        AppendJsonRecord(out, record, zone_);
        parts_[k].FlushIfFull();
      }
    });
  }

  Status Finish() override {
    for (OutFile& part : parts_) {
      if (Status closed = part.Close(); !closed) return closed;
    }
    const std::string temp = path_ + ".tmp";
    OutFile out;
    if (Status opened = out.Open(temp); !opened) return opened;
    AppendJsonHead(out.buffer(), workspace_);
    for (int k = 0; k < kRecordTypes; ++k) {
      AppendJsonArrayStart(out.buffer(), k, counts_[k] == 0);
      out.AppendFile(PartPath(k));  // a failure is reported by Close()
      AppendJsonArrayEnd(out.buffer(), counts_[k] == 0);
    }
    AppendJsonTail(out.buffer());
    Status closed = out.Close();
    RemoveParts();
    if (!closed) {
      std::error_code ec;
      std::filesystem::remove(temp, ec);
      return closed;
    }
    return Replace(temp, path_);
  }

 private:
  std::string PartPath(int k) const { return path_ + "." + kRecordTypeNames[k].array + ".part"; }

  void RemoveParts() {
    std::error_code ec;
    for (int k = 0; k < kRecordTypes; ++k) std::filesystem::remove(PartPath(k), ec);
  }

  std::string path_;
  Workspace workspace_;
  TimeZone zone_;
  std::array<OutFile, kRecordTypes> parts_;
  std::array<int64_t, kRecordTypes> counts_{};
};

// The CSV form: workspace.json at once, then each record file written as records come.
class CsvSink final : public LedgerSink {
 public:
  CsvSink(std::string folder, const Workspace& workspace)
      : folder_(std::move(folder)), workspace_(workspace), zone_(WriteZone(workspace)) {}

  Status Open() {
    std::error_code ec;
    std::filesystem::create_directories(folder_, ec);
    if (ec) return IoError("cannot create", folder_, ec);
    OutFile workspace_file;
    if (Status opened = workspace_file.Open(File("workspace.json")); !opened) return opened;
    AppendWorkspaceFile(workspace_file.buffer(), workspace_);
    if (Status closed = workspace_file.Close(); !closed) return closed;
    Status status;
    ForEachRecordType([&](auto tag) {
      using R = typename decltype(tag)::type;
      constexpr int k = RecordTraits<R>::kIndex;
      if (!status) return;
      status = files_[k].Open(File(kRecordTypeNames[k].csv_file));
      if (status) AppendCsvHeader<R>(files_[k].buffer());
    });
    return status;
  }

  void Add(const Ledger& chunk) override {
    ForEachRecordType([&](auto tag) {
      using R = typename decltype(tag)::type;
      constexpr int k = RecordTraits<R>::kIndex;
      for (const R& record : chunk.*RecordTraits<R>::kMember) {
        AppendCsvRecord(files_[k].buffer(), record, zone_);
        files_[k].FlushIfFull();
      }
    });
  }

  Status Finish() override {
    Status status;
    for (OutFile& file : files_) {
      Status closed = file.Close();
      if (status && !closed) status = closed;
    }
    return status;
  }

 private:
  std::string File(const char* name) const {
    return (std::filesystem::path(folder_) / name).string();
  }

  std::string folder_;
  Workspace workspace_;
  TimeZone zone_;
  std::array<OutFile, kRecordTypes> files_;
};

// Drops Validate's diagnostics about a field the reader already reported (an amount that
// could not be read is also "not > 0"): one problem, one message.
void AddValidation(ReadResult& result) {
  auto key = [](const Diagnostic& d) {
    return d.file + '\x1f' + std::to_string(d.line) + '\x1f' + d.path + '\x1f' + d.record_type +
           '\x1f' + d.field;
  };
  std::unordered_set<std::string> reported;
  for (const Diagnostic& d : result.diagnostics.items()) {
    if (d.severity == Severity::kError && !d.field.empty()) reported.insert(key(d));
  }
  Diagnostics validation;
  Validate(result.ledger, result.source, validation);
  for (const Diagnostic& d : validation.items()) {
    if (reported.empty() || !reported.contains(key(d))) result.diagnostics.Add(d);
  }
}

}  // namespace

ReadResult ReadLedger(const std::string& path, ReadChecks checks) {
  ReadResult result;
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec)) {
    ReadCsvLedger(path, result);
  } else {
    Result<MappedFile> file = MappedFile::Open(path);
    if (!file) {
      Diagnostic d;
      d.file = path;
      d.message = file.error().message;
      result.diagnostics.Add(std::move(d));
      return result;
    }
    ParseJsonLedger(file->text(), path, result);
  }
  if (checks == ReadChecks::kFull) AddValidation(result);
  return result;
}

ReadResult ParseLedgerJson(std::string_view text, const std::string& file) {
  ReadResult result;
  ParseJsonLedger(text, file, result);
  AddValidation(result);
  return result;
}

std::string LedgerToJson(const Ledger& ledger) {
  std::string out;
  AppendLedgerJson(ledger, out, [] {});
  return out;
}

Status WriteLedger(const Ledger& ledger, const std::string& path, bool csv) {
  if (csv) {
    CsvSink sink(path, ledger.workspace);
    if (Status opened = sink.Open(); !opened) return opened;
    sink.Add(ledger);
    return sink.Finish();
  }
  const std::string temp = path + ".tmp";
  OutFile out;
  if (Status opened = out.Open(temp); !opened) return opened;
  AppendLedgerJson(ledger, out.buffer(), [&out] { out.FlushIfFull(); });
  if (Status closed = out.Close(); !closed) {
    std::error_code ec;
    std::filesystem::remove(temp, ec);
    return closed;
  }
  return Replace(temp, path);
}

Result<std::unique_ptr<LedgerSink>> OpenLedgerSink(const std::string& path, bool csv,
                                                   const Workspace& workspace) {
  if (csv) {
    auto sink = std::make_unique<CsvSink>(path, workspace);
    if (Status opened = sink->Open(); !opened) return std::unexpected(opened.error());
    return std::unique_ptr<LedgerSink>(std::move(sink));
  }
  auto sink = std::make_unique<JsonSink>(path, workspace);
  if (Status opened = sink->Open(); !opened) return std::unexpected(opened.error());
  return std::unique_ptr<LedgerSink>(std::move(sink));
}

}  // namespace addio

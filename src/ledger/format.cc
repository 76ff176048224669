// The public entry points of the canonical ledger format (ledger/format.h): ReadLedger and
// ParseLedgerJson, which pick the form, read it and add Validate's findings without
// repeating what the reader already reported, and LedgerToJson and WriteLedger, which
// assemble the JSON form from the pieces of json_write.cc (the CSV form is written by
// format_sink.cc). Also the files both directions use: a read-only mapping for input, a
// buffered output file, and the one-step replacement of an output by its temporary file.
#include "ledger/format.h"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <unordered_set>

#include "ledger/format_internal.h"
#include "ledger/workspace_zone.h"

namespace addio {
namespace format_internal {

// ---- Files ---------------------------------------------------------------------------

Result<MappedFile> MappedFile::Open(const std::string& path) {
  // O_NONBLOCK: opening a FIFO for reading would otherwise wait for a writer; anything
  // but a regular file is refused below.
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK);
  if (fd < 0) {
    const int error = errno;
    return Fail(error == ENOENT ? ErrorCode::kNotFound : ErrorCode::kIo,
                Msg("ledger.io.cannot_open", path, std::strerror(error)));
  }
  struct stat info {};
  if (::fstat(fd, &info) != 0 || !S_ISREG(info.st_mode)) {
    ::close(fd);
    return Fail(ErrorCode::kIo, Msg("ledger.io.not_regular_file", path));
  }
  MappedFile file;
  file.size_ = static_cast<size_t>(info.st_size);
  if (file.size_ > 0) {
    void* data = ::mmap(nullptr, file.size_, PROT_READ, MAP_PRIVATE, fd, 0);
    if (data == MAP_FAILED) {
      const int error = errno;
      ::close(fd);
      return Fail(ErrorCode::kIo, Msg("ledger.io.cannot_read", path, std::strerror(error)));
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
    return Fail(ErrorCode::kIo, Msg("ledger.io.cannot_write", path, std::strerror(errno)));
  }
  buffer_.reserve(kFlushBytes + (kFlushBytes >> 2));
  return {};
}

void OutFile::Failed(const char* what_key, const std::string& path) {
  if (error_.empty()) error_ = Msg(what_key, path, std::strerror(errno));
}

void OutFile::Flush() {
  if (file_ != nullptr && error_.empty() && !buffer_.empty() &&
      std::fwrite(buffer_.data(), 1, buffer_.size(), file_) != buffer_.size()) {
    Failed("ledger.io.cannot_write", path_);
  }
  buffer_.clear();
}

void OutFile::AppendFile(const std::string& path) {
  Flush();
  if (file_ == nullptr || !error_.empty()) return;
  if (std::fflush(file_) != 0) return Failed("ledger.io.cannot_write", path_);
  const int from = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (from < 0) return Failed("ledger.io.cannot_read", path);
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
      if (error_.empty()) error_ = Msg("ledger.io.cannot_copy", path, path_, std::strerror(errno));
      break;
    }
  }
  ::close(from);
  // The stream must go on writing after what the descriptor received.
  if (std::fseek(file_, 0, SEEK_END) != 0) Failed("ledger.io.cannot_write", path_);
}

Status OutFile::Close() {
  Flush();
  if (file_ != nullptr && std::fclose(file_) != 0) Failed("ledger.io.cannot_write", path_);
  file_ = nullptr;
  if (!error_.empty()) return Fail(ErrorCode::kIo, error_);
  return {};
}

// ---- Writing -------------------------------------------------------------------------

Status IoError(const char* what_key, const std::string& path, const std::error_code& ec) {
  return Fail(ErrorCode::kIo, Msg(what_key, path, ec.message()));
}

Status ReplaceFile(const std::string& from, const std::string& to) {
  std::error_code ec;
  std::filesystem::rename(from, to, ec);
  if (ec) {
    std::filesystem::remove(from, ec);
    return IoError("ledger.io.cannot_write", to, ec);
  }
  return {};
}

}  // namespace format_internal

using namespace format_internal;  // NOLINT(google-build-using-namespace): this file's internals

namespace {

// Appends the whole JSON form of `ledger` to `out`, calling flush() after each record so
// that a caller writing a file can empty `out` as it grows.
template <typename FlushFn>
void AppendLedgerJson(const Ledger& ledger, std::string& out, FlushFn&& flush) {
  const TimeZone zone = ZoneOf(ledger.workspace);
  AppendJsonHead(out, ledger.workspace, !ledger.credit_notes.empty());
  ForEachRecordType([&](auto tag) {
    using R = typename decltype(tag)::type;
    const std::vector<R>& records = ledger.*RecordTraits<R>::kMember;
    if (records.empty() && !WrittenWhenEmpty(RecordTraits<R>::kIndex)) return;
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

ReadResult ReadLedger(const std::string& path, ReadChecks checks, TextEncoding encoding) {
  ReadResult result;
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec)) {
    ReadCsvLedger(path, result, encoding);
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
  if (csv) return WriteCsvLedger(ledger, path);
  const std::string temp = path + ".tmp";
  OutFile out;
  if (Status opened = out.Open(temp); !opened) return opened;
  AppendLedgerJson(ledger, out.buffer(), [&out] { out.FlushIfFull(); });
  if (Status closed = out.Close(); !closed) {
    std::error_code ec;
    std::filesystem::remove(temp, ec);
    return closed;
  }
  return ReplaceFile(temp, path);
}

}  // namespace addio

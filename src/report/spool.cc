#include "report/spool.h"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <stdexcept>

#include "core/catalogue.h"
#include "core/result.h"

namespace addio {
namespace {

// The temporary file refused: a full or read-only temporary directory.
class SpoolError : public std::runtime_error, public MessageException {
 public:
  explicit SpoolError(const Message& message)
      : std::runtime_error(message.In(Lang::kEn)), MessageException(message) {}
};

[[noreturn]] void Refused() { throw SpoolError(Msg("report.spool_failed", std::strerror(errno))); }

}  // namespace

void Spool::Append(std::string_view text) {
  size_ += text.size();
  if (!file_ && memory_.size() + text.size() <= kInMemoryBytes) {
    memory_ += text;
    return;
  }
  if (!file_) {
    file_.reset(std::tmpfile());
    if (!file_) Refused();
    if (std::fwrite(memory_.data(), 1, memory_.size(), file_.get()) != memory_.size()) Refused();
    std::string().swap(memory_);
  }
  if (std::fwrite(text.data(), 1, text.size(), file_.get()) != text.size()) Refused();
}

void Spool::StartReading() {
  if (reading_) return;
  reading_ = true;
  if (file_ && (std::fflush(file_.get()) != 0 || std::fseek(file_.get(), 0, SEEK_SET) != 0)) {
    Refused();
  }
}

bool Spool::Read(size_t n, std::string& out) {
  StartReading();
  if (size_ - read_ < n) return false;
  if (file_) {
    out.resize(n);
    if (std::fread(out.data(), 1, n, file_.get()) != n) Refused();
  } else {
    out.assign(memory_, read_, n);
  }
  read_ += n;
  return true;
}

void Spool::CopyTo(const TextOut& out) {
  StartReading();
  if (!file_) {
    out(std::string_view(memory_).substr(read_));
    read_ = size_;
    return;
  }
  std::string chunk(size_t{1} << 16, '\0');
  while (read_ < size_) {
    const size_t n =
        std::fread(chunk.data(), 1, std::min(chunk.size(), size_ - read_), file_.get());
    if (n == 0) Refused();
    out(std::string_view(chunk.data(), n));
    read_ += n;
  }
}

}  // namespace addio

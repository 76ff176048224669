// Internal to report/: text a report writes later than it makes it. A streamed report
// cannot hold back what follows a whole-portfolio summary (Markdown and HTML details, the
// rows of an aligned table) without holding it somewhere: a Spool keeps it in memory up
// to kInMemoryBytes and beyond that in an unnamed temporary file (std::tmpfile: removed
// when closed), so a report of any size costs little memory.
#pragma once

#include <cstddef>
#include <cstdio>
#include <functional>
#include <memory>
#include <string>
#include <string_view>

namespace addio {

// Where a streamed report goes, piece by piece, in order.
using TextOut = std::function<void(std::string_view text)>;

class Spool {
 public:
  static constexpr size_t kInMemoryBytes = size_t{1} << 20;

  // Appends `text`. Throws SpoolError when the temporary file cannot be written (no
  // space left): an exhausted resource.
  void Append(std::string_view text);

  // Reading back, from the start, everything appended. REQUIRES: nothing is appended
  // after the first Read or CopyTo.
  // Reads the next `n` bytes into `out`; false (and `out` unspecified) when fewer are left.
  bool Read(size_t n, std::string& out);
  // Hands the rest to `out`, in chunks.
  void CopyTo(const TextOut& out);

  bool empty() const { return size_ == 0; }

 private:
  void StartReading();

  struct Close {
    void operator()(std::FILE* file) const { std::fclose(file); }
  };
  std::string memory_;                      // everything, until the file is opened
  std::unique_ptr<std::FILE, Close> file_;  // then everything is there
  size_t size_ = 0;
  size_t read_ = 0;  // bytes read back so far
  bool reading_ = false;
};

}  // namespace addio

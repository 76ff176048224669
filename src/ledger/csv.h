// RFC 4180 CSV, read and written by hand: the CSV form of the canonical ledger uses it, and
// so do the importers of other tools' exports (bank statements, time trackers, invoicing
// tools), which is why the reader accepts what spreadsheets really produce: a UTF-8 byte
// order mark, CRLF or LF line ends, quoted fields spanning lines, doubled quotes, and a
// separator other than ',' (';' in Italian and German spreadsheets, '\t').
//
// The reader works on text already in memory (a mapped file) and hands out one record at a
// time, with the line where the record starts, so that messages can point at it.
#pragma once

#include <cstddef>
#include <deque>
#include <string>
#include <string_view>
#include <vector>

#include "core/catalogue.h"

namespace addio {

struct CsvOptions {
  char separator = ',';
  // Lines with no characters at all are no records (a trailing blank line is common).
  bool skip_empty_lines = true;
};

class CsvReader {
 public:
  // `text` must outlive the reader. A leading UTF-8 byte order mark is skipped.
  explicit CsvReader(std::string_view text, CsvOptions options = {});

  // Reads the next record into `fields` (cleared first; its capacity is reused, so pass
  // the same vector every time). Returns false at the end of the input.
  // Malformed input is read leniently (a stray quote is kept as text; an unterminated
  // quoted field runs to the end of the input) and described by problem().
  bool Next(std::vector<std::string>& fields);
  // The same without copying: each field is a view into the input when the input holds it
  // as it reads (unquoted, or quoted without doubled quotes or CRLF inside), else into
  // storage of the reader. The views are valid until the next call of either Next.
  bool Next(std::vector<std::string_view>& fields);

  // The 1-based line where the record last returned by Next starts.
  int line() const { return record_line_; }

  // What was malformed in the record last returned by Next (a ledger.csv.* message, e.g.
  // "quoted field opened on line 3 is never closed"); empty when it was well formed.
  const Message& problem() const { return problem_; }
  // The same problem said as a record of the ledger's CSV form says it ("malformed CSV: ...");
  // empty when the record was well formed.
  const Message& malformed() const { return malformed_; }

 private:
  std::string_view text_;
  CsvOptions options_;
  size_t pos_ = 0;
  int line_ = 1;
  int record_line_ = 0;
  // Sets problem_ and malformed_ to ledger.csv.<kind> and ledger.csv.malformed.<kind>.
  void Problem(const char* kind, size_t number);
  // Reads the quoted field at pos_ (on its opening quote), field `number` of the record.
  std::string_view QuotedField(size_t number);

  std::deque<std::string> owned_;        // fields that differ from their text, this record
  std::vector<std::string_view> views_;  // the fields of Next(std::vector<std::string>&)

  Message problem_;
  Message malformed_;
};

// The separator a CSV text most likely uses: whichever of ',', ';', '\t' occurs most
// often outside quotes in its first line; ',' when none does.
char SniffCsvSeparator(std::string_view text);

// A text cell as a spreadsheet may safely open it: a cell starting with '=', '+', '-',
// '@', a tab or a CR (after any number of '\'') gets one more leading '\'', so that no
// spreadsheet runs it as a formula (OWASP's advice on CSV injection). Reversible:
// UnescapeCsvFormula(EscapeCsvFormula(x)) == x for every x, and text that needs no
// escaping (names, "'t Hooft") reads back unchanged.
std::string EscapeCsvFormula(std::string_view cell);
// The cell as it was before EscapeCsvFormula: one leading '\'' dropped when what follows
// the run of quotes is one of the characters above. A view into `cell`.
std::string_view UnescapeCsvFormula(std::string_view cell);

// Appends `field` to `out`, quoted (with inner quotes doubled) only when it contains the
// separator, a quote, CR or LF, or starts or ends with a space.
void AppendCsvField(std::string& out, std::string_view field, char separator = ',');

}  // namespace addio

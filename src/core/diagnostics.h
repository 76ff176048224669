// Problems found in an input, collected as data beside the result (as beancount does),
// so that a reader reports every problem of a file rather than stopping at the first.
// Each names where it is (file, line or JSON path), which record (type and id), which
// field, and what was expected.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/catalogue.h"

namespace addio {

enum class Severity { kError, kWarning };

// "diag.record.invoice": the catalogue key of a record type's name in messages, for an
// Arg::Key. The catalogue names the types of the ledger format, "workspace" and
// "unmatched_credit".
std::string RecordTypeKey(std::string_view type);

struct Diagnostic {
  Severity severity = Severity::kError;
  std::string file;         // as the user named it; may be empty for in-memory input
  int line = 0;             // 1-based; 0 when the format has no lines (JSON uses path)
  std::string path;         // JSON path such as "$.invoices[3].amount"; may be empty
  std::string record_type;  // "invoice", "client", ...; empty for file-level problems. Read in
                            // the reader's language when the catalogue has diag.record.<type>
  std::string record_id;    // may be empty when the record has no readable id
  std::string field;        // may be empty for record-level problems
  Message message;          // what is wrong and what was expected
  // Further words said right after the message, in order: what was expected, how many other
  // records have the same problem (diag.same_in_more)... Each note's pattern carries its own
  // leading punctuation ("; expected a decimal string in {0}"), as languages differ there.
  std::vector<Message> notes;

  // The message followed by its notes, in `lang`.
  std::string Text(Lang lang = Lang::kEn) const;
  // "demo.json: $.invoices[3].amount: invoice 2025-001: field amount: expected ..."
  std::string ToString(Lang lang = Lang::kEn) const;
};

class Diagnostics {
 public:
  void Add(Diagnostic d) { items_.push_back(std::move(d)); }
  void Append(const Diagnostics& other);
  bool HasErrors() const;
  size_t ErrorCount() const;
  size_t WarningCount() const;
  const std::vector<Diagnostic>& items() const { return items_; }
  bool empty() const { return items_.empty(); }

  // All errors then all warnings, one per line, each prefixed "error: " or "warning: ".
  std::string ToString(Lang lang = Lang::kEn) const;

 private:
  std::vector<Diagnostic> items_;
};

}  // namespace addio

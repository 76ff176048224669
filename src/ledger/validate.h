// The field rules of DESIGN.md section 2, checked on a whole ledger: enums are read by
// the formats; here are references that must resolve, unique ids, amounts > 0,
// due >= issued, minutes in 0..1440, signed and refused not both set, currencies known
// to the workspace FX table, and the workspace itself. Every violation is reported, each
// with the record type, id, field and where the record came from.
#pragma once

#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "core/diagnostics.h"
#include "ledger/records.h"

namespace addio {

// Where one record was read: a file and either a line (CSV) or a JSON path such as
// "$.invoices[3]". Fields are reported at path + "." + field, or at the same line.
struct RecordLocation {
  std::string file;
  int line = 0;
  std::string path;
};

// The records of one type all read from one file, each at a line: the compact form of
// their locations (a million CSV rows need one copy of the file name, not a million).
struct FileLines {
  std::string file;
  std::vector<int> lines;  // by index in the Ledger's vector
};

// Locations of records by record type ("client", "contract", "project", "request",
// "work", "contact", "invoice", "payment", "rate_change") and index in the Ledger's
// vector. A record without a location (e.g. already in the store) is reported by type
// and id only. A type's records are located either in `locations` or in `lines`.
struct LedgerSource {
  std::map<std::string, std::vector<RecordLocation>> locations;
  std::map<std::string, FileLines> lines;
  // The importers the records of each type were read by ("toggl", "camt", ...), by type
  // ("work"); a type not listed was not read by an importer (a program built it).
  std::map<std::string, std::set<std::string>> importers;
  // Where record `index` of `type` was read; nullopt when that is not known.
  std::optional<RecordLocation> Find(const std::string& type, size_t index) const;
};

// Checks every rule and appends one Diagnostic per violation to `out`.
void Validate(const Ledger& ledger, const LedgerSource& source, Diagnostics& out);

}  // namespace addio

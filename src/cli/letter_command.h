// `addio letter CLIENT --kind KIND`: a ready-to-send letter (report/letters.h) built from
// the client's records, printed or written to a file.
#pragma once

#include <string>

#include "cli/commands.h"

namespace addio::cli {

struct LetterCommandOptions {
  std::string client;
  std::string kind;  // reminder|formal-notice|rate-increase|change-order|office-hours|termination
  std::string format = "txt";  // txt|md|html
  std::string place;           // --place: printed before the date
  bool claim_paid_late = false;
  std::string out;    // --out FILE; empty: standard output
  Source source;      // --ledger FILE; empty: the store
  std::string as_of;  // the letter's date; empty: today
};
int Letter(const Common& common, const LetterCommandOptions& options);

}  // namespace addio::cli

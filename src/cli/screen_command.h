// `addio screen`: screens a prospect from intake answers — asked interactively (saved after
// every answer, resumable) or read from a JSON or TOML file — and prints the predicted
// signs, risk, likely type, terms, strategy, decision and the most similar past clients.
// Also the helpers the profile commands (screen, letter) share to find their records.
#pragma once

#include <string>

#include "cli/commands.h"
#include "core/result.h"
#include "core/time.h"
#include "ledger/records.h"

namespace addio::cli {

struct ScreenOptions {
  std::string answers;  // --answers FILE (.json or .toml); empty: ask
  std::string name;     // --name: the prospect, shown in the title and naming the state file
  std::string state;    // --state FILE; empty: $XDG_CACHE_HOME or ~/.cache, addio/screen-NAME.json
  bool resume = false;  // --resume: continue the saved answers instead of starting over
  std::string save_to;  // --save-to CLIENT: store the answers in that client's intake
  Source source;        // --ledger: past clients from a file instead of the store
  std::string as_of;    // the date of the past clients' verdicts; empty: today
  std::string format = "table";
  std::string color = "auto";
};
int Screen(const Common& common, const ScreenOptions& options);

}  // namespace addio::cli

// The text of the workspace's working hours, the one codec for every workspace JSON addio
// reads or writes: the ledger format (json_workspace.cc reads it, json_write.cc writes
// it) and the API's workspace endpoints (api/service_workspace.cc), so that an interval
// the dashboard sends is read exactly as the same interval in a ledger file.
// A working interval is "HH:MM-HH:MM" (24:00 allowed as an end); the days are the keys
// of WeekdayKey (records.h), "mon" to "sun".
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "ledger/records.h"

namespace addio {

// "09:00-13:00" as minutes since midnight. nullopt unless `text` is exactly two clock
// readings 00:00..24:00 joined by '-'. Does not check that start comes before end: the
// callers say so in their own words (validate.cc for ledgers, the API for requests).
std::optional<MinuteInterval> ParseWorkingInterval(std::string_view text);

// `interval` as "HH:MM-HH:MM", the form ParseWorkingInterval reads.
// REQUIRES: 0 <= start, end <= 1440.
std::string FormatWorkingInterval(const MinuteInterval& interval);

// The index (0 = Monday) of the weekday key "mon".."sun"; nullopt for anything else.
std::optional<int> WeekdayIndex(std::string_view key);

}  // namespace addio

// Italian public holidays, for the workspaces of the generated and demo ledgers: the
// fixed national holidays and Easter Monday (Pasquetta). Local patron saints' days are
// left out: they differ by city.
#pragma once

#include <vector>

#include "core/time.h"

namespace addio::gen {

// The national holidays of Italy in `year`, sorted.
std::vector<CivilDate> ItalianHolidays(int year);

// Easter Sunday of `year` in the Gregorian calendar (the anonymous Gregorian algorithm).
CivilDate EasterSunday(int year);

}  // namespace addio::gen

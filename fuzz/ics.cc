// iCalendar files (ics.cc, ics_calendar.cc, ics_zones.cc; libical for recurrences).
#include "fuzz_support.h"
#include "fuzz_target.h"

ADDIO_FUZZ_TARGET(ics) {
  addio::fuzz::ReadWith("ics", "calendar.ics", addio::fuzz::AsText(data, size));
  return 0;
}

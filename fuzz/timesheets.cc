// The time trackers' CSV exports (toggl.cc, clockify.cc, harvest.cc, kimai.cc, on
// timesheet_common.cc): every input is read by each of the four.
#include "fuzz_support.h"
#include "fuzz_target.h"

ADDIO_FUZZ_TARGET(timesheets) {
  using namespace addio;
  const std::string_view text = fuzz::AsText(data, size);
  for (const char* importer : {"toggl", "clockify", "harvest", "kimai"}) {
    fuzz::ReadWith(importer, "time_entries.csv", text);
  }
  return 0;
}

// Time zones of an iCalendar file, for the ICS importer: every TZID a DATE-TIME names
// becomes a Zone that turns wall-clock readings into UTC instants and back. A TZID the
// system tz database knows ("Europe/Rome", also behind prefixes such as
// "/mozilla.org/20050126_1/America/New_York") is read there, DST history exact; any other
// is read from the file's own VTIMEZONE through libical (Outlook's "W. Europe Standard
// Time", "UTC+11"); a TZID neither knows falls back to the floating zone with a warning.
#pragma once

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/diagnostics.h"
#include "core/time.h"
#include "ingest/ics_calendar.h"

namespace addio::ics {

// One zone: either a tz database zone or a libical zone built from a VTIMEZONE.
class Zone {
 public:
  explicit Zone(TimeZone iana) : iana_(iana) {}
  // Takes ownership of `ical` (an icaltimezone*).
  explicit Zone(void* ical);
  ~Zone();
  Zone(const Zone&) = delete;
  Zone& operator=(const Zone&) = delete;

  // The instant a wall-clock reading means. In a DST gap or overlap the tz database
  // rules of core/time.h apply; libical zones follow libical.
  Instant FromLocal(LocalDateTime local) const;
  LocalDateTime ToLocal(Instant t) const;
  // "Europe/Rome", or the VTIMEZONE's TZID.
  std::string name() const;

 private:
  std::optional<TimeZone> iana_;
  void* ical_ = nullptr;
  std::string tzid_;
};

class ZoneTable {
 public:
  // `calendars`: the parsed file (its VTIMEZONE components are read on demand).
  // `floating`: the zone of DATE-TIMEs without TZID or 'Z' (the workspace's).
  ZoneTable(const std::vector<Component>& calendars, TimeZone floating);

  // The zone of a DATE-TIME property: UTC when `value` ends in 'Z', its TZID parameter's
  // zone, else the floating zone. An unknown TZID adds one warning (per TZID) to `out`
  // naming `file` and the property's line, and gives the floating zone.
  const Zone& For(const Property& property, const DateTime& value, const std::string& file,
                  Diagnostics& out);
  const Zone& floating() const { return floating_; }
  const Zone& utc() const { return utc_; }

 private:
  const Zone* Resolve(const std::string& tzid);

  std::map<std::string, const Component*> vtimezones_;  // TZID -> VTIMEZONE
  std::map<std::string, std::unique_ptr<Zone>> zones_;  // TZID -> zone; null: unknown
  Zone floating_;
  Zone utc_;
};

}  // namespace addio::ics

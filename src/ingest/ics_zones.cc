#include "ingest/ics_zones.h"

#include "ingest/ical_library.h"

namespace addio::ics {
namespace {

using ingest_internal::Ical;

icaltimezone* ZoneOf(void* zone) { return static_cast<icaltimezone*>(zone); }

std::string Unquoted(const std::string& tzid) {
  std::string out = tzid;
  while (!out.empty() && (out.front() == '"' || out.front() == ' ')) out.erase(0, 1);
  while (!out.empty() && (out.back() == '"' || out.back() == ' ')) out.pop_back();
  return out;
}

// A libical zone from a VTIMEZONE, or nullptr when libical cannot make one of it.
icaltimezone* FromVtimezone(const Component& vtimezone) {
  icalcomponent* component = Ical().icalparser_parse_string(vtimezone.ToText().c_str());
  Ical().icalerror_clear_errno();
  if (component == nullptr) return nullptr;
  if (Ical().icalcomponent_isa(component) != ICAL_VTIMEZONE_COMPONENT ||
      Ical().icalcomponent_get_first_component(component, ICAL_ANY_COMPONENT) == nullptr) {
    Ical().icalcomponent_free(component);
    return nullptr;
  }
  icaltimezone* zone = Ical().icaltimezone_new();
  if (Ical().icaltimezone_set_component(zone, component) == 0) {  // on success it owns component
    Ical().icalcomponent_free(component);
    Ical().icaltimezone_free(zone, 1);
    return nullptr;
  }
  return zone;
}

}  // namespace

Zone::Zone(void* ical) : ical_(ical) {
  const char* tzid = Ical().icaltimezone_get_tzid(ZoneOf(ical));
  tzid_ = tzid != nullptr ? tzid : "";
}

Zone::~Zone() {
  if (ical_ != nullptr) Ical().icaltimezone_free(ZoneOf(ical_), 1);
}

Instant Zone::FromLocal(LocalDateTime local) const {
  if (iana_) return iana_->FromLocal(local);
  icaltimetype tt = Ical().icaltime_null_time();
  tt.year = local.date.year();
  tt.month = local.date.month();
  tt.day = local.date.day();
  tt.hour = local.seconds_of_day / 3600;
  tt.minute = local.seconds_of_day / 60 % 60;
  tt.second = local.seconds_of_day % 60;
  return Instant::FromUnixSeconds(Ical().icaltime_as_timet_with_zone(tt, ZoneOf(ical_)));
}

LocalDateTime Zone::ToLocal(Instant t) const {
  if (iana_) return iana_->ToLocal(t);
  icaltimezone* utc = Ical().icaltimezone_get_utc_timezone();
  icaltimetype tt = Ical().icaltime_from_timet_with_zone(t.unix_seconds(), 0, utc);
  Ical().icaltimezone_convert_time(&tt, utc, ZoneOf(ical_));
  auto date = CivilDate::FromYmd(tt.year, tt.month, tt.day);
  return {date ? *date : CivilDate(), tt.hour * 3600 + tt.minute * 60 + tt.second};
}

std::string Zone::name() const { return iana_ ? iana_->name() : tzid_; }

ZoneTable::ZoneTable(const std::vector<Component>& calendars, TimeZone floating)
    : floating_(floating), utc_(TimeZone::Utc()) {
  for (const Component& calendar : calendars) {
    for (const Component& child : calendar.children) {
      if (child.name != "VTIMEZONE") continue;
      const Property* tzid = child.Find("TZID");
      if (tzid != nullptr) vtimezones_.emplace(Unquoted(tzid->value), &child);
    }
  }
}

const Zone* ZoneTable::Resolve(const std::string& tzid) {
  if (auto found = zones_.find(tzid); found != zones_.end()) return found->second.get();
  std::unique_ptr<Zone> zone;
  // The tz database first: its history is exact, while a VTIMEZONE often carries only
  // the rules of the year it was written.
  for (size_t from = 0; from != std::string::npos && !zone;) {
    const std::string candidate = tzid.substr(from);
    if (!candidate.empty()) {
      if (auto found = TimeZone::Find(candidate); found) zone = std::make_unique<Zone>(*found);
    }
    const size_t slash = tzid.find('/', from);
    from = slash == std::string::npos ? slash : slash + 1;
  }
  if (!zone) {
    if (auto vtimezone = vtimezones_.find(tzid); vtimezone != vtimezones_.end()) {
      if (icaltimezone* ical = FromVtimezone(*vtimezone->second)) {
        zone = std::make_unique<Zone>(static_cast<void*>(ical));
      }
    }
  }
  const Zone* result = zone.get();
  zones_.emplace(tzid, std::move(zone));
  return result;
}

const Zone& ZoneTable::For(const Property& property, const DateTime& value, const std::string& file,
                           Diagnostics& out) {
  if (value.utc) return utc_;
  const std::string* param = property.Param("TZID");
  if (param == nullptr) return floating_;
  const std::string tzid = Unquoted(*param);
  const bool seen = zones_.contains(tzid);
  if (const Zone* zone = Resolve(tzid)) return *zone;
  if (!seen) {
    out.Add({Severity::kWarning, file, property.line, "", "contact", "", property.name,
             Msg("ingest.ics.unknown_tzid", tzid, floating_.name())});
  }
  return floating_;
}

}  // namespace addio::ics

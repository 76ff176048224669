// iCalendar (.ics) files as meetings. Each VEVENT occurrence becomes a Contact: channel
// meeting, minutes from DTEND or DURATION, inbound when someone other than the freelancer
// organised it. The whole calendar is read, whatever today's date: only `addio import
// --since/--until` (IngestOptions.since, .until, days in the workspace's time zone) narrow
// it, and the ledger's years (1900-2200) bound it. Recurring events are expanded (RRULE,
// RDATE, EXDATE, RECURRENCE-ID overrides) with libical's rule iterator, in the event's own
// zone so that a weekly 10:00 stays at 10:00 across DST; a rule is expanded to at most
// kMaxOccurrences occurrences (a rule without end would otherwise run to 2200), with a
// warning naming the event. The client comes from the organizer's and attendees'
// addresses (ClientResolver::ByEmail); a meeting with no known client is counted and its
// addresses listed for review, never turned into a client. All-day events, events longer
// than a day and cancelled ones are not meetings: counted.

#include <algorithm>
#include <cctype>
#include <fstream>
#include <map>
#include <memory>
#include <set>
#include <sstream>

#include "core/ids.h"
#include "ingest/client_resolver.h"
#include "ingest/ical_library.h"
#include "ingest/ics_calendar.h"
#include "ingest/ics_zones.h"
#include "ingest/importers.h"
#include "ingest/mail_common.h"
#include "ledger/bounds.h"

namespace addio {
namespace {

using ics::Component;
using ics::DateTime;
using ics::Property;
using ics::Zone;
using ingest_internal::Ical;

// Originals this far outside the window are still expanded: an override may move one in.
constexpr int64_t kOverrideSlackSeconds = int64_t{62} * 86400;
// A rule with more instances than this before the window ends is cut short (a
// FREQ=MINUTELY rule from 1990 is no calendar of meetings).
constexpr int kMaxRuleSteps = 500000;
// The occurrences one recurring event may have in the window: 5 000 is a daily meeting
// for 13 years, a weekly one for 96. Beyond it the series is cut with a warning.
constexpr int kMaxOccurrences = 5000;
constexpr size_t kPreviewRows = 10;

// One occurrence of an event.
struct Occurrence {
  Instant original;  // the start the series gives it: the RECURRENCE-ID it is known by
  Instant start;
  int64_t seconds = 0;
  const Component* event = nullptr;   // the VEVENT with its details (an override or the master)
  const Component* master = nullptr;  // for attendees an override does not repeat
};

// What a VEVENT says about its time.
struct Timing {
  DateTime start;
  const Zone* zone = nullptr;
  Instant start_instant;
  std::optional<int64_t> seconds;  // from DTEND or DURATION
};

struct Tally {
  int all_day = 0;
  int too_long = 0;
  int cancelled = 0;
  int outside_window = 0;
  int duplicate = 0;
  int truncated_rules = 0;
};

class IcsReader {
 public:
  IcsReader(const std::string& path, const IngestContext& context, IngestResult& result)
      : path_(path),
        context_(context),
        result_(result),
        resolver_(*context.existing, /*create=*/false),
        mail_(context.existing->workspace) {}

  void Read();

 private:
  void Error(int line, const std::string& uid, const std::string& field, const Message& message,
             Severity severity = Severity::kError) {
    const bool about_event = !uid.empty() || !field.empty();
    result_.diagnostics.Add(
        {severity, path_, line, "", about_event ? "contact" : "", uid, field, message});
  }
  std::optional<DateTime> ReadValue(const Component& event, const Property& p);
  std::optional<Timing> ReadTiming(const Component& event);
  std::optional<Instant> InstantOf(const Component& event, const Property& p, std::string_view item,
                                   const Zone& event_zone);
  void ExpandSeries(const Component& master, const std::vector<const Component*>& overrides,
                    std::vector<Occurrence>& out);
  void ExpandRule(const Component& master, const Property& rrule, const Timing& timing,
                  std::map<Instant, Occurrence>& instances);
  void AddMeeting(const Occurrence& occurrence, const std::string& uid);

  const std::string& path_;
  const IngestContext& context_;
  IngestResult& result_;
  ClientResolver resolver_;
  mail::AddressBook mail_;
  std::unique_ptr<ics::ZoneTable> zones_;
  Instant window_start_, window_end_;
  Tally tally_;
  std::set<std::string> ids_;
};

std::string Uid(const Component& event) {
  const Property* uid = event.Find("UID");
  return uid != nullptr ? uid->value : "";
}

bool Cancelled(const Component& event) {
  const Property* status = event.Find("STATUS");
  if (status == nullptr) return false;
  std::string value = status->value;
  for (char& c : value) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return value.find("CANCEL") != std::string::npos;
}

std::optional<DateTime> IcsReader::ReadValue(const Component& event, const Property& p) {
  auto value = ics::ParseDateTime(p.value);
  if (!value) {
    Error(p.line, Uid(event), p.name, value.error().message);
    return std::nullopt;
  }
  return *value;
}

std::optional<Timing> IcsReader::ReadTiming(const Component& event) {
  const Property* dtstart = event.Find("DTSTART");
  if (dtstart == nullptr) {
    Error(event.line, Uid(event), "DTSTART", Msg("ingest.ics.no_dtstart"), Severity::kWarning);
    return std::nullopt;
  }
  Timing timing;
  auto start = ReadValue(event, *dtstart);
  if (!start) return std::nullopt;
  timing.start = *start;
  timing.zone = &zones_->For(*dtstart, *start, path_, result_.diagnostics);
  timing.start_instant = timing.zone->FromLocal(start->local());
  if (start->is_date) return timing;
  if (const Property* dtend = event.Find("DTEND")) {
    auto end = ReadValue(event, *dtend);
    if (!end) return std::nullopt;
    const Zone& end_zone =
        end->is_date ? *timing.zone : zones_->For(*dtend, *end, path_, result_.diagnostics);
    timing.seconds = SecondsBetween(timing.start_instant, end_zone.FromLocal(end->local()));
  } else if (const Property* duration = event.Find("DURATION")) {
    auto seconds = ics::ParseDuration(duration->value);
    if (!seconds) {
      Error(duration->line, Uid(event), "DURATION", seconds.error().message);
      return std::nullopt;
    }
    timing.seconds = *seconds;
  }
  if (timing.seconds && *timing.seconds < 0) {
    Error(event.line, Uid(event), "DTEND", Msg("ingest.ics.ends_before_start"), Severity::kWarning);
    timing.seconds = 0;
  }
  return timing;
}

// An RDATE, EXDATE or RECURRENCE-ID item as an instant: in its own TZID or UTC, else in
// the event's zone; a DATE item takes the event's time of day.
std::optional<Instant> IcsReader::InstantOf(const Component& event, const Property& p,
                                            std::string_view item, const Zone& event_zone) {
  auto value = ics::ParseDateTime(item.substr(0, item.find('/')));
  if (!value) {
    Error(p.line, Uid(event), p.name, value.error().message);
    return std::nullopt;
  }
  const Zone& zone = value->utc || p.Param("TZID") != nullptr
                         ? zones_->For(p, *value, path_, result_.diagnostics)
                         : event_zone;
  return zone.FromLocal(value->local());
}

void IcsReader::ExpandRule(const Component& master, const Property& rrule, const Timing& timing,
                           std::map<Instant, Occurrence>& instances) {
  icalrecurrencetype rule = Ical().icalrecurrencetype_from_string(rrule.value.c_str());
  Ical().icalerror_clear_errno();
  // The only part of a rule libical allocates: the RSCALE calendar's name.
  const std::unique_ptr<char, void (*)(void*)> rscale(rule.rscale, Ical().icalmemory_free_buffer);
  if (rule.freq == ICAL_NO_RECURRENCE) {
    Error(rrule.line, Uid(master), "RRULE", Msg("ingest.ics.bad_rrule", rrule.value));
    return;
  }
  // The rule runs on wall-clock readings of the event's zone; an UNTIL in UTC is brought
  // into that zone, a DATE one covers its whole day.
  if (!Ical().icaltime_is_null_time(rule.until)) {
    if (rule.until.is_date) {
      rule.until.is_date = 0;
      rule.until.hour = 23, rule.until.minute = 59, rule.until.second = 59;
    } else if (Ical().icaltime_is_utc(rule.until)) {
      icaltimezone* utc = Ical().icaltimezone_get_utc_timezone();
      const Instant until =
          Instant::FromUnixSeconds(Ical().icaltime_as_timet_with_zone(rule.until, utc));
      const LocalDateTime local = timing.zone->ToLocal(until);
      rule.until = Ical().icaltime_null_time();
      rule.until.year = local.date.year(), rule.until.month = local.date.month();
      rule.until.day = local.date.day(), rule.until.hour = local.seconds_of_day / 3600;
      rule.until.minute = local.seconds_of_day / 60 % 60;
      rule.until.second = local.seconds_of_day % 60;
    }
    rule.until.zone = nullptr;
  }
  icaltimetype dtstart = Ical().icaltime_null_time();
  const LocalDateTime local = timing.start.local();
  dtstart.year = local.date.year(), dtstart.month = local.date.month();
  dtstart.day = local.date.day(), dtstart.hour = local.seconds_of_day / 3600;
  dtstart.minute = local.seconds_of_day / 60 % 60, dtstart.second = local.seconds_of_day % 60;
  icalrecur_iterator* iterator = Ical().icalrecur_iterator_new(rule, dtstart);
  Ical().icalerror_clear_errno();
  if (iterator == nullptr) {
    Error(rrule.line, Uid(master), "RRULE", Msg("ingest.ics.unexpandable_rrule", rrule.value));
    return;
  }
  int steps = 0;
  for (icaltimetype next = Ical().icalrecur_iterator_next(iterator);
       !Ical().icaltime_is_null_time(next); next = Ical().icalrecur_iterator_next(iterator)) {
    if (++steps > kMaxRuleSteps) {
      ++tally_.truncated_rules;
      break;
    }
    auto date = CivilDate::FromYmd(next.year, next.month, next.day);
    if (!date) break;
    const Instant at =
        timing.zone->FromLocal({*date, next.hour * 3600 + next.minute * 60 + next.second});
    if (at >= window_end_.AddSeconds(kOverrideSlackSeconds)) break;
    if (at < window_start_.AddSeconds(-kOverrideSlackSeconds)) continue;
    if (instances.size() >= static_cast<size_t>(kMaxOccurrences)) {
      const Property* summary = master.Find("SUMMARY");
      Error(rrule.line, Uid(master), "RRULE",
            Msg("ingest.ics.occurrence_cap", summary != nullptr ? summary->value : Uid(master),
                kMaxOccurrences, instances.rbegin()->first.ToUtcString()),
            Severity::kWarning);
      break;
    }
    instances.try_emplace(at, Occurrence{at, at, timing.seconds.value_or(0), &master, &master});
  }
  Ical().icalrecur_iterator_free(iterator);
  Ical().icalerror_clear_errno();
}

void IcsReader::ExpandSeries(const Component& master,
                             const std::vector<const Component*>& overrides,
                             std::vector<Occurrence>& out) {
  const std::optional<Timing> timing = ReadTiming(master);
  if (!timing) return;
  if (timing->start.is_date) {
    ++tally_.all_day;
    return;
  }
  if (Cancelled(master)) {
    ++tally_.cancelled;
    return;
  }
  const Zone& zone = *timing->zone;
  const int64_t seconds = timing->seconds.value_or(0);
  std::map<Instant, Occurrence> instances;
  instances.emplace(timing->start_instant, Occurrence{timing->start_instant, timing->start_instant,
                                                      seconds, &master, &master});
  for (const Property* rrule : master.FindAll("RRULE")) {
    ExpandRule(master, *rrule, *timing, instances);
  }
  for (const Property* rdate : master.FindAll("RDATE")) {
    for (std::string_view item : ics::SplitList(rdate->value)) {
      std::optional<Instant> at;
      if (item.size() == 8) {  // a DATE: the event's time of day on that date
        auto day = ics::ParseDateTime(item);
        if (day) at = zone.FromLocal({day->date, timing->start.seconds_of_day});
      } else {
        at = InstantOf(master, *rdate, item, zone);
      }
      if (!at) continue;
      int64_t length = seconds;
      if (const size_t slash = item.find('/'); slash != std::string_view::npos) {
        const std::string_view rest = item.substr(slash + 1);
        if (auto d = ics::ParseDuration(rest); d) {
          length = *d;
        } else if (auto end = InstantOf(master, *rdate, rest, zone); end) {
          length = std::max<int64_t>(0, SecondsBetween(*at, *end));
        }
      }
      instances.try_emplace(*at, Occurrence{*at, *at, length, &master, &master});
    }
  }
  for (const Property* exdate : master.FindAll("EXDATE")) {
    for (std::string_view item : ics::SplitList(exdate->value)) {
      if (item.size() == 8) {  // a DATE removes every instance on that local day
        auto day = ics::ParseDateTime(item);
        if (!day) continue;
        std::erase_if(instances, [&](const auto& entry) {
          return zone.ToLocal(entry.first).date == day->date;
        });
      } else if (auto at = InstantOf(master, *exdate, item, zone); at) {
        instances.erase(*at);
      }
    }
  }
  for (const Component* changed : overrides) {
    const Property* recurrence_id = changed->Find("RECURRENCE-ID");
    auto original = InstantOf(*changed, *recurrence_id, recurrence_id->value, zone);
    if (!original) continue;
    instances.erase(*original);
    if (Cancelled(*changed)) {
      ++tally_.cancelled;
      continue;
    }
    std::optional<Timing> moved = ReadTiming(*changed);
    if (!moved) continue;
    if (moved->start.is_date) {
      ++tally_.all_day;
      continue;
    }
    out.push_back(
        {*original, moved->start_instant, moved->seconds.value_or(seconds), changed, &master});
  }
  for (auto& [original, occurrence] : instances) out.push_back(occurrence);
}

void IcsReader::AddMeeting(const Occurrence& occurrence, const std::string& uid) {
  if (occurrence.start < window_start_ || occurrence.start >= window_end_) {
    ++tally_.outside_window;
    return;
  }
  const int64_t minutes = (occurrence.seconds + 30) / 60;
  if (minutes > 1440) {
    ++tally_.too_long;
    return;
  }
  const std::string key = uid.empty() ? ContentId("vevent", occurrence.event->ToText()) : uid;
  Contact contact;
  contact.id = ContentId("meeting", key + "@" + occurrence.original.ToUtcString());
  if (!ids_.insert(contact.id).second) {
    ++tally_.duplicate;
    return;
  }
  // Who was there: the override's own list, else the series'.
  const Component& people =
      occurrence.event->Find("ORGANIZER") != nullptr || occurrence.event->Find("ATTENDEE")
          ? *occurrence.event
          : *occurrence.master;
  std::string organizer;
  std::vector<std::string> addresses;
  const auto address_of = [](const Property& p) {
    if (const std::string* email = p.Param("EMAIL")) return mail::NormalizeAddress(*email);
    return mail::NormalizeAddress(p.value);
  };
  if (const Property* p = people.Find("ORGANIZER")) {
    organizer = address_of(*p);
    if (!organizer.empty()) addresses.push_back(organizer);
  }
  for (const Property* p : people.FindAll("ATTENDEE")) {
    std::string address = address_of(*p);
    if (!address.empty()) addresses.push_back(std::move(address));
  }
  // A meeting with no organizer was put in the calendar by its owner.
  contact.direction =
      organizer.empty() || mail_.IsOwner(organizer) ? Direction::kOutbound : Direction::kInbound;
  contact.channel = Channel::kMeeting;
  contact.at = occurrence.start;
  contact.minutes = static_cast<int>(minutes);
  const std::optional<std::string> client = mail_.Resolve(resolver_, addresses);
  const Property* summary = occurrence.event->Find("SUMMARY");
  if (result_.preview.size() <= kPreviewRows) {
    result_.preview.push_back({contact.id, contact.at.ToUtcString(), std::to_string(minutes),
                               Name(contact.direction), client.value_or(""),
                               summary != nullptr ? summary->value : ""});
  }
  if (!client) return;
  contact.client = *client;
  result_.ledger.contacts.push_back(std::move(contact));
  result_.source.locations["contact"].push_back({path_, occurrence.event->line, ""});
}

void IcsReader::Read() {
  std::ifstream in(path_, std::ios::binary);
  std::ostringstream text;
  if (!in || !(text << in.rdbuf())) {
    Error(0, "", "", Msg("ingest.cannot_read_file"));
    return;
  }
  std::vector<ics::SyntaxError> warnings;
  auto calendars = ics::Parse(text.str(), warnings);
  if (!calendars) {
    Error(calendars.error().line, "", "", calendars.error().message);
    return;
  }
  for (const ics::SyntaxError& warning : warnings) {
    Error(warning.line, "", "", warning.message, Severity::kWarning);
  }
  const Workspace& workspace = context_.existing->workspace;
  const std::string floating_name =
      context_.options.timezone.empty() ? workspace.timezone : context_.options.timezone;
  auto floating = TimeZone::Find(floating_name);
  auto home = TimeZone::Find(workspace.timezone);
  if (!floating || !home) {
    Error(0, "", "", (floating ? home : floating).error().message);
    return;
  }
  zones_ = std::make_unique<ics::ZoneTable>(*calendars, *floating);
  // The window: --since/--until when given, else the years a ledger holds.
  const CivilDate first =
      context_.options.since.value_or(*CivilDate::FromYmd(bounds::kMinYear, 1, 1));
  const CivilDate last =
      context_.options.until.value_or(*CivilDate::FromYmd(bounds::kMaxYear, 12, 31));
  window_start_ = home->StartOfDay(first);
  window_end_ = home->StartOfDay(last.AddDays(1));

  // Events by UID: the series (no RECURRENCE-ID) and its overrides.
  std::vector<std::string> order;
  std::map<std::string, std::pair<const Component*, std::vector<const Component*>>> series;
  for (const Component& calendar : *calendars) {
    for (const Component& event : calendar.children) {
      if (event.name != "VEVENT") continue;
      std::string uid = Uid(event);
      if (uid.empty()) uid = "\n" + std::to_string(event.line);  // its own series
      auto [it, fresh] = series.try_emplace(uid);
      if (fresh) order.push_back(uid);
      if (event.Find("RECURRENCE-ID") != nullptr) {
        it->second.second.push_back(&event);
      } else if (it->second.first == nullptr) {
        it->second.first = &event;
      } else {
        ++tally_.duplicate;
      }
    }
  }
  result_.preview.push_back({"id", "start", "minutes", "direction", "client", "summary"});
  for (const std::string& key : order) {
    const auto& [master, overrides] = series[key];
    const std::string uid = key.starts_with('\n') ? "" : key;
    std::vector<Occurrence> occurrences;
    if (master != nullptr) {
      ExpandSeries(*master, overrides, occurrences);
    } else {
      // Overrides whose series is not in the file: each is a meeting of its own.
      for (const Component* lone : overrides) {
        const std::optional<Timing> timing = ReadTiming(*lone);
        if (!timing) continue;
        if (timing->start.is_date) {
          ++tally_.all_day;
        } else if (Cancelled(*lone)) {
          ++tally_.cancelled;
        } else {
          const Property* rid = lone->Find("RECURRENCE-ID");
          const std::optional<Instant> original = InstantOf(*lone, *rid, rid->value, *timing->zone);
          occurrences.push_back({original.value_or(timing->start_instant), timing->start_instant,
                                 timing->seconds.value_or(0), lone, lone});
        }
      }
    }
    std::ranges::sort(occurrences, {}, &Occurrence::start);
    for (const Occurrence& occurrence : occurrences) AddMeeting(occurrence, uid);
  }

  std::vector<Message>& review = result_.review;
  if (context_.options.since || context_.options.until) {
    review.push_back(Msg("ingest.ics.between", result_.ledger.contacts.size(), first.ToString(),
                         last.ToString(), workspace.timezone));
  } else {
    review.push_back(Msg("ingest.ics.read_whole", result_.ledger.contacts.size()));
  }
  // `key`: a plural entry of the count.
  const auto note = [&review](int count, const char* key) {
    if (count > 0) review.push_back(Msg(key, count));
  };
  note(tally_.outside_window, "ingest.ics.outside_window");
  note(tally_.all_day, "ingest.ics.all_day");
  note(tally_.too_long, "ingest.ics.too_long");
  note(tally_.cancelled, "ingest.ics.cancelled");
  note(tally_.duplicate, "ingest.ics.duplicate");
  note(tally_.truncated_rules, "ingest.ics.truncated_rules");
  for (Message& line : mail_.UnknownReview("ics", "ingest.count.meetings")) {
    review.push_back(std::move(line));
  }
}

class IcsImporterImpl final : public Importer {
 public:
  std::string_view name() const override { return "ics"; }
  int Detect(const std::string& path, std::string_view head) const override {
    if (head.starts_with("\xEF\xBB\xBF")) head.remove_prefix(3);
    while (!head.empty() && (head[0] == ' ' || head[0] == '\r' || head[0] == '\n')) {
      head.remove_prefix(1);
    }
    std::string start(head.substr(0, 15));
    for (char& c : start) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    if (start == "BEGIN:VCALENDAR") return 95;
    std::string lower = path;
    for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return lower.ends_with(".ics") || lower.ends_with(".ical") ? 60 : 0;
  }
  IngestResult Read(const std::string& path, const IngestContext& context) const override {
    IngestResult result;
    result.format = "ics";
    IcsReader(path, context, result).Read();
    return result;
  }
};

}  // namespace

const Importer& IcsImporter() {
  static const IcsImporterImpl instance;
  return instance;
}

}  // namespace addio

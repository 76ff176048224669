// Internal to signals/: the look-back window of DESIGN.md section 4 and what every sign
// measures with it. A record counts when its date lies in (as_of - window_days, as_of];
// an instant's date is its local date in the workspace time zone, so the window is also
// kept as the half-open instant range [first local midnight, midnight after as_of).
// Also here: money into the workspace currency, and the evidence list every finding
// shares (in date order, capped, with the total kept as a metric).
#pragma once

#include <algorithm>
#include <cstring>
#include <optional>
#include <string>
#include <vector>

#include "core/money.h"
#include "core/time.h"
#include "signals/finding.h"
#include "signals/local_clock.h"
#include "signals/signals.h"

namespace addio::signals_internal {

// The most evidence records a finding carries; the total is kept in a metric.
inline constexpr size_t kMaxEvidence = 50;

struct Window {
  CivilDate first;  // as_of - window_days + 1
  CivilDate last;   // as_of
  Instant begin;    // the first instant of `first` in the workspace zone
  Instant end;      // the first instant of the day after `last`
  int days = 0;     // window_days

  bool Contains(CivilDate date) const { return first <= date && date <= last; }
  // True when the local date of `t` lies in the window.
  bool Contains(Instant t) const { return begin <= t && t < end; }
};

// The window of `context`. REQUIRES: context.settings.window_days >= 1.
Window MakeWindow(const Context& context);

// The wall clock at `t` in the workspace zone.
inline LocalDateTime ToLocal(Instant t, const Context& context) {
  return context.clock ? context.clock->ToLocal(t) : context.zone.ToLocal(t);
}
// The offset of the workspace zone from UTC at `t`, in seconds.
inline int32_t OffsetSeconds(Instant t, const Context& context) {
  return context.clock ? context.clock->OffsetSeconds(t) : context.zone.OffsetSeconds(t);
}
// The local date of `t` in the workspace zone.
inline CivilDate LocalDate(Instant t, const Context& context) { return ToLocal(t, context).date; }

// year * 12 + month - 1: a key that orders calendar months.
inline int MonthKey(CivilDate date) { return date.year() * 12 + date.month() - 1; }

// `amount` in the workspace currency, or nullopt when the FX table lacks the rate.
std::optional<Money> ToWorkspace(const Money& amount, const Context& context);

// Zero in the workspace currency.
Money ZeroMoney(const Context& context);

// An Evidence with what the sign knows about the record; EvidenceList fills in which one.
inline Evidence Proof(std::optional<Money> amount, std::optional<double> value, Message note,
                      std::string kind = {}) {
  return Evidence{{}, {}, std::nullopt, std::move(amount), value, std::move(note), std::move(kind)};
}

// The records behind a finding, gathered cheaply while a sign walks its records: a date,
// a record type, an id and a small payload. Only the records that survive the cap become
// full Evidence with sentences, so a client with thousands of after-hours calls costs
// little more than one with fifty.
template <typename Payload>
class EvidenceList {
 public:
  // `id` must outlive the list (it points into the client's records).
  void Add(std::optional<CivilDate> date, const char* record_type, const std::string& id,
           Payload payload) {
    items_.push_back({date, record_type, &id, std::move(payload)});
  }

  // Orders the records by date (undated first, then by record type and id), keeps the
  // latest kMaxEvidence, appends make(payload) for each to finding.evidence in that
  // order (record type, id and date filled in here), and appends the metric
  // `evidence_records` holding how many records there were before the cap.
  template <typename Make>
  void MoveInto(Finding& finding, Make&& make) const {
    std::vector<const Item*> order;
    order.reserve(items_.size());
    for (const Item& item : items_) order.push_back(&item);
    std::stable_sort(order.begin(), order.end(), [](const Item* a, const Item* b) {
      if (a->date.has_value() != b->date.has_value()) return !a->date.has_value();
      if (a->date != b->date) return *a->date < *b->date;
      if (const int c = std::strcmp(a->record_type, b->record_type); c != 0) return c < 0;
      return *a->id < *b->id;
    });
    const size_t from = order.size() > kMaxEvidence ? order.size() - kMaxEvidence : 0;
    for (size_t i = from; i < order.size(); ++i) {
      Evidence evidence = make(order[i]->payload);
      evidence.record_type = order[i]->record_type;
      evidence.id = *order[i]->id;
      evidence.date = order[i]->date;
      finding.evidence.push_back(std::move(evidence));
    }
    finding.metrics.push_back(
        Metric::Count("evidence_records", static_cast<int64_t>(items_.size())));
  }

 private:
  struct Item {
    std::optional<CivilDate> date;
    const char* record_type;
    const std::string* id;
    Payload payload;
  };
  std::vector<Item> items_;
};

}  // namespace addio::signals_internal

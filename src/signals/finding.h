// What one sign says about one client: a severity, named metrics, reasons (catalogue
// messages, rendered in the reader's language), and the evidence (the records behind it). Which
// sign it is comes from the registry (signals/sign.h); its key is the name everywhere: file, JSON
// key, CSS class, translation key.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/catalogue.h"
#include "core/money.h"
#include "core/time.h"

namespace addio {

class SignDefinition;
// The key of `sign` ("late_payment"). REQUIRES: sign != nullptr.
std::string SignKey(const SignDefinition* sign);

enum class Level { kGreen, kAmber, kRed, kUnknown };
const char* LevelKey(Level level);  // "green", "amber", "red", "unknown"

// A named number. Exactly one of the alternatives is meaningful, by `kind`; kUnknown
// is a metric that cannot be computed (written as null in JSON).
struct Metric {
  enum class Kind { kNumber, kCount, kMoney, kUnknown };
  std::string name;
  Kind kind = Kind::kUnknown;
  double number = 0;  // kNumber: a ratio, hours or days
  int64_t count = 0;  // kCount
  Money money;        // kMoney

  static Metric Number(std::string name, double v) {
    return {std::move(name), Kind::kNumber, v, 0, {}};
  }
  static Metric Count(std::string name, int64_t v) {
    return {std::move(name), Kind::kCount, 0, v, {}};
  }
  static Metric Amount(std::string name, Money v) {
    return {std::move(name), Kind::kMoney, 0, 0, v};
  }
  static Metric Unknown(std::string name) { return {std::move(name), Kind::kUnknown, 0, 0, {}}; }
};

// One record behind a finding.
struct Evidence {
  std::string record_type;  // "invoice", "work", "contact", "request", "contract", ...
  std::string id;
  std::optional<CivilDate> date;  // the record's business date (local date for instants)
  std::optional<Money> amount;    // the money involved, if any
  std::optional<double> value;    // a number that matters here (days late, hours, ...)
  Message note;                   // why this record counts
  std::string kind;               // a category where one matters: the after-hours kind
                                  // of a contact ("evening"), "late" or "open" for an
                                  // invoice; empty otherwise
};

// A threshold the finding was compared against, for `explain`: how far the client is
// from the next level in either direction.
struct Threshold {
  std::string metric;           // the metric compared
  std::string setting;          // the setting holding the threshold ("scope_creep.red_ratio")
  double limit = 0;             // the threshold value
  bool at_least = true;         // true: metric >= limit triggers; false: metric < limit triggers
  Level level = Level::kAmber;  // the level it triggers
  bool strict = false;  // with at_least: metric > limit triggers (the limit itself does not)
  // Some rules hold only together with another condition ("with >= 10 inbound contacts");
  // `condition` says so, empty when the threshold stands alone.
  Message condition;
};

struct Finding {
  const SignDefinition* sign = nullptr;  // the registered sign that found it
  Level level = Level::kUnknown;
  std::vector<Metric> metrics;     // in a fixed order per sign
  std::vector<Message> reasons;    // at least one, whatever the level
  std::vector<Evidence> evidence;  // in date order
  std::vector<Threshold> thresholds;

  // The metric named `name`, or nullptr.
  const Metric* FindMetric(std::string_view name) const;
};

// The metric as a number (kNumber, or kCount as a double); nullopt when absent or unknown.
std::optional<double> MetricNumber(const Finding& finding, std::string_view name);

// The metric as money; nullopt when absent, unknown, not money, or in another currency
// than `currency` (so that arithmetic never mixes currencies).
std::optional<Money> MetricMoney(const Finding& finding, std::string_view name, Currency currency);

}  // namespace addio

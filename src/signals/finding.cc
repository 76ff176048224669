#include "signals/finding.h"

namespace addio {

const char* SignKey(Sign sign) {
  switch (sign) {
    case Sign::kNoContract:
      return "no_contract";
    case Sign::kScopeCreep:
      return "scope_creep";
    case Sign::kTimeDrain:
      return "time_drain";
    case Sign::kUnderpaying:
      return "underpaying";
    case Sign::kLatePayment:
      return "late_payment";
    case Sign::kNonPayment:
      return "non_payment";
  }
  return "";
}

const char* LevelKey(Level level) {
  switch (level) {
    case Level::kGreen:
      return "green";
    case Level::kAmber:
      return "amber";
    case Level::kRed:
      return "red";
    case Level::kUnknown:
      return "unknown";
  }
  return "";
}

const Metric* Finding::FindMetric(std::string_view name) const {
  for (const Metric& metric : metrics) {
    if (metric.name == name) return &metric;
  }
  return nullptr;
}

}  // namespace addio

#include "signals/finding.h"

#include "signals/sign.h"

namespace addio {

std::string SignKey(const SignDefinition* sign) { return std::string(sign->key()); }

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

std::optional<double> MetricNumber(const Finding& finding, std::string_view name) {
  const Metric* metric = finding.FindMetric(name);
  if (metric == nullptr) return std::nullopt;
  if (metric->kind == Metric::Kind::kNumber) return metric->number;
  if (metric->kind == Metric::Kind::kCount) return static_cast<double>(metric->count);
  return std::nullopt;
}

std::optional<Money> MetricMoney(const Finding& finding, std::string_view name, Currency currency) {
  const Metric* metric = finding.FindMetric(name);
  if (metric == nullptr || metric->kind != Metric::Kind::kMoney) return std::nullopt;
  if (!(metric->money.currency() == currency)) return std::nullopt;
  return metric->money;
}

}  // namespace addio

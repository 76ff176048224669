#include "signals/metrics.h"

#include <string>

namespace addio {

std::optional<double> Read(const Finding& finding, MetricKey<double> key) {
  return MetricNumber(finding, key.name);
}

std::optional<int64_t> Read(const Finding& finding, MetricKey<int64_t> key) {
  const Metric* metric = finding.FindMetric(key.name);
  if (metric == nullptr || metric->kind != Metric::Kind::kCount) return std::nullopt;
  return metric->count;
}

std::optional<Money> Read(const Finding& finding, MetricKey<Money> key) {
  const Metric* metric = finding.FindMetric(key.name);
  if (metric == nullptr || metric->kind != Metric::Kind::kMoney) return std::nullopt;
  return metric->money;
}

Metric MakeMetric(MetricKey<double> key, std::optional<double> value) {
  return value ? Metric::Number(std::string(key.name), *value)
               : Metric::Unknown(std::string(key.name));
}

Metric MakeMetric(MetricKey<int64_t> key, int64_t value) {
  return Metric::Count(std::string(key.name), value);
}

Metric MakeMetric(MetricKey<Money> key, std::optional<Money> value) {
  return value ? Metric::Amount(std::string(key.name), *value)
               : Metric::Unknown(std::string(key.name));
}

}  // namespace addio

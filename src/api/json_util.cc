#include "api/json_util.h"

#include <cmath>
#include <nlohmann/json.hpp>

#include "ledger/workspace_text.h"

namespace addio::api_internal {

Json MoneyJson(const std::optional<Money>& money) {
  return money ? Json(money->ToString()) : Json(nullptr);
}

Json DateJson(const std::optional<CivilDate>& date) {
  return date ? Json(date->ToString()) : Json(nullptr);
}

Json NumberJson(double value) {
  if (!std::isfinite(value)) return nullptr;
  const double rounded = std::round(value * 10000.0) / 10000.0;
  // Whole numbers as integers: 12 rather than 12.0.
  if (rounded == std::trunc(rounded) && std::fabs(rounded) < 9e15) {
    return static_cast<int64_t>(rounded);
  }
  return rounded;
}

Json NumberJson(const std::optional<double>& value) {
  return value ? NumberJson(*value) : Json(nullptr);
}

Json WorkingHoursJson(const WorkingHours& hours) {
  Json out = Json::object();
  for (int day = 0; day < 7; ++day) {
    Json intervals = Json::array();
    for (const MinuteInterval& interval : hours[day]) {
      intervals.push_back(FormatWorkingInterval(interval));
    }
    out[WeekdayKey(day)] = std::move(intervals);
  }
  return out;
}

std::string Dump(const Json& json) {
  return json.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace addio::api_internal

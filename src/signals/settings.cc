#include "signals/settings.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <string_view>
#include <variant>

#include "core/catalogue.h"
#include "signals/setting.h"
#include "signals/sign.h"

namespace addio {
namespace {

// The settings every sign shares (the signs declare their own): their names, defaults,
// ranges; the descriptions are the catalogue's "setting.<name>".
std::vector<SettingSpec> SharedSettings() {
  return {
      {"window_days", &Settings::window_days, 365, 1, 3660},
      {"grace_days", &Settings::grace_days, 3, 0, 365},
      {"cost_of_capital", &Settings::cost_of_capital, 0.10, 0, 1},
      // Statutory late interest (EU Directive 2011/7/EU; D.Lgs. 231/2002 in Italy).
      {"late_interest.reference_rate", &Settings::late_interest_reference_rate, 0.0215, -1, 1},
      {"late_interest.margin", &Settings::late_interest_margin, 0.08, 0, 1},
      {"late_interest.fixed", &Settings::late_interest_fixed, "40.00", 0, 1e9},
  };
}

std::string Shortest(double value) {
  char buffer[64];
  auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, value);
  return ec == std::errc() ? std::string(buffer, end) : std::to_string(value);
}

size_t EditDistance(std::string_view a, std::string_view b) {
  std::vector<size_t> row(b.size() + 1);
  for (size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    size_t diagonal = row[0];
    row[0] = i;
    for (size_t j = 1; j <= b.size(); ++j) {
      const size_t above = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diagonal = above;
    }
  }
  return row[b.size()];
}

std::string_view Group(std::string_view name) {
  const size_t dot = name.find('.');
  return dot == std::string_view::npos ? std::string_view() : name.substr(0, dot);
}

// The valid names a mistyped `name` most likely meant: the closest by edit distance,
// else those of the same sign, else all of them.
Message Suggest(std::string_view name, const std::vector<SettingSpec>& specs) {
  std::vector<std::pair<size_t, std::string_view>> close;
  const size_t tolerance = std::max<size_t>(3, name.size() / 4);
  for (const SettingSpec& spec : specs) {
    const size_t distance = EditDistance(name, spec.name);
    if (distance <= tolerance) close.emplace_back(distance, spec.name);
  }
  std::stable_sort(close.begin(), close.end(),
                   [](const auto& a, const auto& b) { return a.first < b.first; });
  std::vector<std::string_view> names;
  for (size_t i = 0; i < close.size() && i < 3; ++i) names.push_back(close[i].second);
  if (names.empty() && !Group(name).empty()) {
    for (const SettingSpec& spec : specs) {
      if (Group(spec.name) == Group(name)) names.push_back(spec.name);
    }
  }
  const bool all = names.empty();
  if (all) {
    for (const SettingSpec& spec : specs) names.push_back(spec.name);
  }
  std::string list;
  for (std::string_view n : names) list += (list.empty() ? "" : ", ") + std::string(n);
  return Msg(all ? "setting.error.valid_are" : "setting.error.did_you_mean", list);
}

Status Apply(const SettingSpec& spec, double value, const Workspace& workspace,
             Settings& settings) {
  const std::string name = spec.name;
  if (!std::isfinite(value) || value < spec.min || value > spec.max) {
    return Fail(ErrorCode::kInvalidArgument,
                Msg("setting.error.out_of_range", name, Shortest(value), Shortest(spec.min),
                    Shortest(spec.max)));
  }
  if (auto* field = std::get_if<int Settings::*>(&spec.field)) {
    if (value != std::floor(value)) {
      return Fail(ErrorCode::kInvalidArgument,
                  Msg("setting.error.not_whole", name, Shortest(value)));
    }
    settings.*(*field) = static_cast<int>(value);
  } else if (auto* number = std::get_if<double Settings::*>(&spec.field)) {
    settings.*(*number) = value;
  } else {
    // A money amount in the workspace currency, exact to its minor unit.
    const Currency currency = workspace.currency;
    const double minor = value * static_cast<double>(currency.minor_per_unit());
    if (std::fabs(minor - std::round(minor)) > 1e-6) {
      return Fail(ErrorCode::kInvalidArgument,
                  Msg("setting.error.decimals", name, Shortest(value), currency.code()));
    }
    settings.*std::get<std::string Settings::*>(spec.field) =
        Money(std::llround(minor), currency).ToString();
  }
  return {};
}

}  // namespace

SettingSpec::SettingSpec(std::string n, int Settings::*f, int d, double lo, double hi)
    : name(std::move(n)), field(f), default_value(d), min(lo), max(hi) {}

SettingSpec::SettingSpec(std::string n, double Settings::*f, double d, double lo, double hi)
    : name(std::move(n)), field(f), default_value(d), min(lo), max(hi) {}

SettingSpec::SettingSpec(std::string n, std::string Settings::*f, std::string d, double lo,
                         double hi)
    : name(std::move(n)), field(f), default_value(std::move(d)), min(lo), max(hi) {}

const char* SettingSpec::kind() const {
  if (std::holds_alternative<int Settings::*>(field)) return "integer";
  if (std::holds_alternative<double Settings::*>(field)) return "number";
  return "money";
}

void SettingSpec::ApplyDefault(Settings& settings) const {
  if (auto* whole = std::get_if<int Settings::*>(&field)) {
    settings.*(*whole) = std::get<int>(default_value);
  } else if (auto* number = std::get_if<double Settings::*>(&field)) {
    settings.*(*number) = std::get<double>(default_value);
  } else {
    settings.*std::get<std::string Settings::*>(field) = std::get<std::string>(default_value);
  }
}

std::vector<SettingSpec> AllSettingSpecs() {
  std::vector<SettingSpec> specs = SharedSettings();
  for (const SignDefinition* sign : AllSigns()) {
    for (SettingSpec& spec : sign->DeclareSettings()) specs.push_back(std::move(spec));
  }
  return specs;
}

Settings::Settings() {
  for (const SettingSpec& spec : AllSettingSpecs()) spec.ApplyDefault(*this);
}

Result<Settings> Settings::FromWorkspace(const Workspace& workspace) {
  const std::vector<SettingSpec> specs = AllSettingSpecs();
  Settings settings;
  for (const auto& [name, value] : workspace.settings) {
    const auto spec = std::find_if(specs.begin(), specs.end(),
                                   [&](const SettingSpec& s) { return s.name == name; });
    if (spec == specs.end()) {
      return Fail(ErrorCode::kInvalidArgument,
                  Msg("setting.error.unknown", name, Arg::Of(Suggest(name, specs))));
    }
    if (auto applied = Apply(*spec, value, workspace, settings); !applied) {
      return std::unexpected(applied.error());
    }
  }
  return settings;
}

std::vector<Settings::Entry> Settings::Entries() const {
  std::vector<Entry> entries;
  for (const SettingSpec& spec : AllSettingSpecs()) {
    std::string value;
    if (auto* field = std::get_if<int Settings::*>(&spec.field)) {
      value = std::to_string(this->*(*field));
    } else if (auto* number = std::get_if<double Settings::*>(&spec.field)) {
      value = Shortest(this->*(*number));
    } else {
      value = this->*std::get<std::string Settings::*>(spec.field);
    }
    std::string key = spec.DescriptionKey();
    std::string help_en = Tr(key, Lang::kEn);
    std::string help_it = Tr(key, Lang::kIt);
    entries.push_back({spec.name, std::move(value), std::move(key), std::move(help_en),
                       std::move(help_it), spec.kind(), spec.min, spec.max});
  }
  return entries;
}

}  // namespace addio

// The declaration of one setting (DESIGN.md section 3): its documented name, where its value
// lives in Settings (which also says its kind), its default, the range a workspace may set
// and the catalogue key of its description. A sign declares the settings it reads
// (SignDefinition::DeclareSettings); settings.cc declares the few every sign shares
// (window_days, grace_days, cost_of_capital, late_interest.*). Parsing, validation, the
// defaults, "the settings it used" in reports and the API's listing all iterate
// AllSettingSpecs(), so a setting is written down once, by its owner.
#pragma once

#include <string>
#include <variant>
#include <vector>

#include "signals/settings.h"

namespace addio {

// The field a setting sets: a whole number, a number, or an amount of money in the
// workspace currency (kept as text, "40.00").
using SettingField = std::variant<int Settings::*, double Settings::*, std::string Settings::*>;
// A default of the field's type.
using SettingValue = std::variant<int, double, std::string>;

struct SettingSpec {
  // (name, field, default, min, max). The field's type chooses the constructor, so a
  // default always has its field's type.
  SettingSpec(std::string n, int Settings::*f, int d, double lo, double hi);
  SettingSpec(std::string n, double Settings::*f, double d, double lo, double hi);
  SettingSpec(std::string n, std::string Settings::*f, std::string d, double lo, double hi);

  // "scope_creep.red_ratio": a sign's settings are its key, a dot, the rest; the shared
  // ones have no dot ("window_days") or name their concern ("late_interest.margin").
  std::string name;
  SettingField field;
  SettingValue default_value;
  double min = 0;  // the accepted range, inclusive
  double max = 0;

  // "integer", "number" or "money".
  const char* kind() const;
  // The catalogue key of its one-line description: "setting.<name>".
  std::string DescriptionKey() const { return "setting." + name; }
  // Sets the field of `settings` to the default.
  void ApplyDefault(Settings& settings) const;
};

// Every setting in the order reports print them: the shared ones, then each registered
// sign's in registry order.
std::vector<SettingSpec> AllSettingSpecs();

}  // namespace addio

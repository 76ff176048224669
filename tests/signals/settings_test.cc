#include "signals/settings.h"

#include <gtest/gtest.h>

#include <set>

#include "builders.h"
#include "core/catalogue.h"
#include "signals/setting.h"
#include "signals/sign.h"

namespace addio {
namespace {

TEST(SettingsTest, DefaultsAreThoseOfTheDesign) {
  auto settings = Settings::FromWorkspace(Workspace{});
  ASSERT_TRUE(settings.has_value());
  EXPECT_EQ(settings->window_days, 365);
  EXPECT_EQ(settings->grace_days, 3);
  EXPECT_DOUBLE_EQ(settings->cost_of_capital, 0.10);
  EXPECT_EQ(settings->no_contract_ignored_days, 14);
  EXPECT_DOUBLE_EQ(settings->scope_creep_red_ratio, 0.25);
  EXPECT_DOUBLE_EQ(settings->time_drain_red_after_hours_share, 0.40);
  EXPECT_DOUBLE_EQ(settings->underpaying_amber_ratio, 0.80);
  EXPECT_EQ(settings->late_payment_recent_invoices, 5);
  EXPECT_EQ(settings->non_payment_red_days, 60);
}

TEST(SettingsTest, OverridesAreReadByDottedName) {
  Workspace workspace;
  workspace.settings = {{"window_days", 180},
                        {"scope_creep.red_ratio", 0.5},
                        {"late_interest.reference_rate", 0.04},
                        {"late_interest.fixed", 45.5},
                        {"time_drain.min_inbound", 20}};
  auto settings = Settings::FromWorkspace(workspace);
  ASSERT_TRUE(settings.has_value()) << settings.error().message;
  EXPECT_EQ(settings->window_days, 180);
  EXPECT_DOUBLE_EQ(settings->scope_creep_red_ratio, 0.5);
  EXPECT_DOUBLE_EQ(settings->late_interest_reference_rate, 0.04);
  EXPECT_EQ(settings->late_interest_fixed, "45.50");
  EXPECT_EQ(settings->time_drain_min_inbound, 20);
  EXPECT_DOUBLE_EQ(settings->scope_creep_amber_ratio, 0.10);  // untouched
}

TEST(SettingsTest, UnknownNameIsRejectedWithNearbyNames) {
  Workspace workspace;
  workspace.settings = {{"scope_creep.red_ratoi", 0.3}};
  auto settings = Settings::FromWorkspace(workspace);
  ASSERT_FALSE(settings.has_value());
  EXPECT_EQ(settings.error().code, ErrorCode::kInvalidArgument);
  EXPECT_NE(settings.error().message.In(Lang::kEn).find("scope_creep.red_ratoi"),
            std::string::npos);
  EXPECT_NE(settings.error().message.In(Lang::kEn).find("scope_creep.red_ratio"),
            std::string::npos);
}

TEST(SettingsTest, UnknownNameOfAKnownSignListsThatSignsSettings) {
  Workspace workspace;
  workspace.settings = {{"non_payment.something_else_entirely", 1}};
  auto settings = Settings::FromWorkspace(workspace);
  ASSERT_FALSE(settings.has_value());
  EXPECT_NE(settings.error().message.In(Lang::kEn).find("non_payment.red_days"), std::string::npos);
  EXPECT_NE(settings.error().message.In(Lang::kEn).find("non_payment.amber_days"),
            std::string::npos);
  EXPECT_EQ(settings.error().message.In(Lang::kEn).find("window_days"), std::string::npos);
}

TEST(SettingsTest, ValuesOfTheWrongKindOrRangeAreRejected) {
  for (const auto& [name, value] :
       std::vector<std::pair<std::string, double>>{{"window_days", 30.5},
                                                   {"window_days", 0},
                                                   {"grace_days", -1},
                                                   {"time_drain.red_after_hours_share", 1.5},
                                                   {"late_interest.fixed", 40.005}}) {
    Workspace workspace;
    workspace.settings = {{name, value}};
    auto settings = Settings::FromWorkspace(workspace);
    ASSERT_FALSE(settings.has_value()) << name << " = " << value;
    EXPECT_NE(settings.error().message.In(Lang::kEn).find(name), std::string::npos);
  }
}

TEST(SettingsTest, EntriesListEverySettingOnceWithHelpInBothLanguages) {
  Workspace workspace;
  workspace.settings = {{"grace_days", 7}};
  const auto entries = Settings::FromWorkspace(workspace)->Entries();
  std::set<std::string> names;
  for (const auto& entry : entries) {
    EXPECT_TRUE(names.insert(entry.name).second) << entry.name;
    EXPECT_FALSE(entry.help_en.empty()) << entry.name;
    EXPECT_FALSE(entry.help_it.empty()) << entry.name;
    EXPECT_NE(entry.help_en, entry.help_it) << entry.name;
    // Every listed name is accepted back as an override.
    Workspace again;
    again.settings = {{entry.name, entry.name == "late_interest.fixed" ? 40.0 : 1.0}};
    EXPECT_TRUE(Settings::FromWorkspace(again).has_value()) << entry.name;
  }
  EXPECT_EQ(names.size(), 35u);
  ASSERT_GE(entries.size(), 2u);
  EXPECT_EQ(entries[0].name, "window_days");
  EXPECT_EQ(entries[0].value, "365");
  EXPECT_EQ(entries[1].name, "grace_days");
  EXPECT_EQ(entries[1].value, "7");
  const auto ratio = std::find_if(entries.begin(), entries.end(),
                                  [](const auto& e) { return e.name == "scope_creep.red_ratio"; });
  ASSERT_NE(ratio, entries.end());
  EXPECT_EQ(ratio->value, "0.25");
}

TEST(SettingsTest, EachSignDeclaresItsOwnSettingsUnderItsKeyWithADescription) {
  const Settings defaults;
  size_t declared = 0;
  for (const SignDefinition* sign : AllSigns()) {
    for (const SettingSpec& spec : sign->DeclareSettings()) {
      ++declared;
      EXPECT_TRUE(spec.name.starts_with(std::string(sign->key()) + ".")) << spec.name;
      EXPECT_TRUE(HasEntry(spec.DescriptionKey())) << spec.name;
      EXPECT_LE(spec.min, spec.max) << spec.name;
      // The default is what a Settings starts with, and lies in the accepted range.
      Settings zeroed = defaults;
      std::visit([&](auto field) { zeroed.*field = {}; }, spec.field);
      spec.ApplyDefault(zeroed);
      EXPECT_EQ(zeroed.Entries(), defaults.Entries()) << spec.name;
      if (const double* value = std::get_if<double>(&spec.default_value)) {
        EXPECT_TRUE(*value >= spec.min && *value <= spec.max) << spec.name;
      }
    }
  }
  EXPECT_EQ(declared, AllSettingSpecs().size() - 6);  // all but the six shared ones
  for (const SettingSpec& spec : AllSettingSpecs()) {
    EXPECT_TRUE(HasEntry(spec.DescriptionKey())) << spec.name;
  }
}

TEST(SettingsTest, MakeContextRejectsAnUnknownTimeZoneAndBadSettings) {
  Workspace workspace;
  workspace.timezone = "Europe/Atlantis";
  EXPECT_EQ(MakeContext(workspace, testing::Date("2026-01-01")).error().code, ErrorCode::kNotFound);
  workspace.timezone = "Europe/Rome";
  workspace.settings = {{"nope", 1}};
  EXPECT_EQ(MakeContext(workspace, testing::Date("2026-01-01")).error().code,
            ErrorCode::kInvalidArgument);
  workspace.settings.clear();
  auto context = MakeContext(workspace, testing::Date("2026-01-01"));
  ASSERT_TRUE(context.has_value());
  EXPECT_EQ(context->zone.name(), "Europe/Rome");
  EXPECT_EQ(context->workspace, &workspace);
}

}  // namespace
}  // namespace addio

// The workspace and settings endpoints: read them, and change them after checking every
// value the way an assessment will read it (Settings::FromWorkspace, the ledger's
// workspace rules through Store::SaveWorkspace), all or nothing.
#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>

#include "act/ladder.h"
#include "api/json_util.h"
#include "api/service.h"
#include "api/service_internal.h"
#include "ledger/format.h"
#include "ledger/tax_id.h"
#include "ledger/workspace_text.h"
#include "ledger/workspace_zone.h"
#include "report/coverage_report.h"
#include "signals/settings.h"
#include "verdict/assessment.h"

namespace addio {
namespace {

using api_internal::Json;
using api_internal::JsonBody;

// "request body: <what is wrong>": `key` names a catalogue entry whose pattern starts
// with the field it is about, when there is one ("{0}: expected a string").
template <class... A>
Error BadBody(std::string key, A&&... args) {
  return Error{ErrorCode::kInvalidArgument, Msg(std::move(key), std::forward<A>(args)...)};
}

Result<nlohmann::json> ParseBody(std::string_view text) {
  nlohmann::json body = nlohmann::json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (body.is_discarded() || !body.is_object()) {
    return std::unexpected(BadBody("api.body.not_object"));
  }
  return body;
}

bool IsBlank(std::string_view text) { return text.find_first_not_of(' ') == text.npos; }

Json StepsJson(const std::vector<DunningStep>& steps) {
  Json out = Json::array();
  for (const DunningStep& step : steps) {
    out.push_back(Json{{"after_days", step.after_days},
                       {"action", Name(step.action)},
                       {"channel", Name(step.channel)}});
  }
  return out;
}

// Every client type's ladder as it applies (act/ladder.h): the workspace's own, its
// default, or addio's; then the workspace's "default" ladder, when it has one.
Json DunningJson(const Workspace& w) {
  Json out = Json::array();
  for (Archetype type : AllArchetypes()) {
    const LadderChoice ladder = LadderFor(w, ArchetypeKey(type));
    out.push_back(Json{{"type", ArchetypeKey(type)},
                       {"source", ladder.source},
                       {"steps", StepsJson(ladder.steps)}});
  }
  if (const auto fallback = w.dunning.find(std::string(kDefaultLadder));
      fallback != w.dunning.end()) {
    out.push_back(Json{{"type", kDefaultLadder},
                       {"source", kDefaultLadder},
                       {"steps", StepsJson(fallback->second)}});
  }
  return out;
}

// `today`: the date the workspace shows as today (the service reads its clock).
Json WorkspaceJson(const Workspace& w, const StoredExtent& extent, CivilDate today) {
  Json out;
  out["name"] = w.name;
  out["tax_id"] = w.tax_id.empty() ? Json(nullptr) : Json(w.tax_id);
  out["currency"] = std::string(w.currency.code());
  out["timezone"] = w.timezone;
  out["working_hours"] = api_internal::WorkingHoursJson(w.working_hours);
  Json holidays = Json::array();
  for (const CivilDate& date : w.holidays) holidays.push_back(date.ToString());
  out["holidays"] = std::move(holidays);
  out["target_hourly_rate"] = api_internal::MoneyJson(w.target_hourly_rate);
  Json fx = Json::array();
  for (const FxRate& rate : w.fx) {
    fx.push_back(Json{{"currency", std::string(rate.currency.code())},
                      {"per_unit", rate.per_unit.ToString()}});
  }
  out["fx"] = std::move(fx);
  out["owner_emails"] = w.owner_emails;
  Json settings = Json::object();
  for (const auto& [name, value] : w.settings) settings[name] = value;
  out["settings"] = std::move(settings);
  out["dunning"] = DunningJson(w);
  out["smtp"] = Json{{"host", w.smtp.host},
                     {"port", w.smtp.port},
                     {"security", Name(w.smtp.security)},
                     {"user", w.smtp.user},
                     {"password_env", w.smtp.password_env},
                     {"password_file", w.smtp.password_file},
                     {"from", w.smtp.from}};
  out["alerts"] = Json{{"webhook", w.alerts.webhook},
                       {"secret_env", w.alerts.secret_env},
                       {"email", w.alerts.email}};
  out["today"] = today.ToString();
  const auto [first, last] = api_internal::RecordSpan(w, extent);
  out["first_record_date"] = api_internal::DateJson(first);
  out["last_record_date"] = api_internal::DateJson(last);
  out["default_as_of"] = api_internal::DefaultAsOf(today, last).ToString();
  out["clients"] = extent.clients;
  return out;
}

// The working_hours of a PUT body: every day mon..sun, each a list of intervals read by
// the ledger's codec (ledger/workspace_text.h), sorted; the API adds what a request must
// also get right (every day given, start before end, no overlaps).
Result<WorkingHours> ParseWorkingHours(const nlohmann::json& value) {
  if (!value.is_object()) return std::unexpected(BadBody("api.body.working_hours.not_object"));
  WorkingHours hours;
  for (auto it = value.begin(); it != value.end(); ++it) {
    const std::optional<int> weekday = WeekdayIndex(it.key());
    if (!weekday || !it.value().is_array()) {
      return std::unexpected(BadBody("api.body.working_hours.day", it.key()));
    }
    const int day = *weekday;
    for (const nlohmann::json& interval : it.value()) {
      const std::string text = interval.is_string() ? interval.get<std::string>() : "";
      const std::optional<MinuteInterval> parsed = ParseWorkingInterval(text);
      if (!parsed || parsed->start >= parsed->end) {
        return std::unexpected(BadBody("api.body.working_hours.interval", it.key(),
                                       interval.is_string() ? text : interval.dump()));
      }
      hours[day].push_back(*parsed);
    }
    std::sort(hours[day].begin(), hours[day].end(),
              [](const MinuteInterval& a, const MinuteInterval& b) { return a.start < b.start; });
    for (size_t i = 1; i < hours[day].size(); ++i) {
      if (hours[day][i].start < hours[day][i - 1].end) {
        return std::unexpected(BadBody("api.body.working_hours.overlap", it.key()));
      }
    }
  }
  for (int d = 0; d < 7; ++d) {
    if (!value.contains(WeekdayKey(d))) {
      return std::unexpected(BadBody("api.body.working_hours.missing", WeekdayKey(d)));
    }
  }
  return hours;
}

// Applies the fields of a PUT /workspace body to `w`. Error kInvalidArgument naming the
// first field that is wrong.
Status ApplyWorkspace(const nlohmann::json& body, Workspace& w) {
  if (body.empty()) return std::unexpected(BadBody("api.body.empty"));
  for (auto it = body.begin(); it != body.end(); ++it) {
    const std::string& key = it.key();
    const nlohmann::json& value = it.value();
    // What is wrong with `key`: an entry "api.body.field.*" whose pattern starts "{0}: ".
    auto wrong = [&key](const char* what) {
      return std::unexpected(BadBody(std::string("api.body.field.") + what, key));
    };
    if (key == "name") {
      if (!value.is_string()) return wrong("string");
      w.name = value.get<std::string>();
    } else if (key == "tax_id") {
      // Null or nothing but spaces clears it; otherwise it is kept normalized.
      const std::string text = value.is_string() ? value.get<std::string>() : "";
      if (value.is_null() || (value.is_string() && IsBlank(text))) {
        w.tax_id.clear();
        continue;
      }
      const std::optional<std::string> tax_id =
          value.is_string() ? NormalizedTaxId(text) : std::nullopt;
      if (!tax_id) return wrong("tax_id");
      w.tax_id = *tax_id;
    } else if (key == "timezone") {
      if (!value.is_string()) return wrong("string");
      if (!TimeZone::Find(value.get<std::string>())) {
        return wrong("timezone");
      }
      w.timezone = value.get<std::string>();
    } else if (key == "working_hours") {
      auto hours = ParseWorkingHours(value);
      if (!hours) return std::unexpected(hours.error());
      w.working_hours = std::move(*hours);
    } else if (key == "holidays") {
      if (!value.is_array()) return wrong("dates");
      std::vector<CivilDate> holidays;
      for (const nlohmann::json& day : value) {
        auto date = day.is_string()
                        ? CivilDate::Parse(day.get<std::string>())
                        : Result<CivilDate>(Fail(ErrorCode::kInvalidArgument, Message()));
        if (!date) {
          return wrong("date_format");
        }
        holidays.push_back(*date);
      }
      std::sort(holidays.begin(), holidays.end());
      holidays.erase(std::unique(holidays.begin(), holidays.end()), holidays.end());
      w.holidays = std::move(holidays);
    } else if (key == "target_hourly_rate") {
      if (value.is_null()) {
        w.target_hourly_rate.reset();
        continue;
      }
      auto rate = value.is_string() ? Money::Parse(value.get<std::string>(), w.currency)
                                    : Result<Money>(Fail(ErrorCode::kInvalidArgument, Message()));
      if (!rate || !rate->is_positive()) {
        return wrong("amount");
      }
      w.target_hourly_rate = *rate;
    } else if (key == "owner_emails") {
      if (!value.is_array()) return wrong("strings");
      std::vector<std::string> emails;
      for (const nlohmann::json& email : value) {
        if (!email.is_string()) {
          return wrong("strings");
        }
        emails.push_back(email.get<std::string>());
      }
      w.owner_emails = std::move(emails);
    } else if (key == "dunning" || key == "smtp" || key == "alerts") {
      // Read as the ledger reads them, so that a ladder or a mail server means the same
      // wherever it is set: "dunning" is the workspace's own ladders by type (a type left
      // out follows the default ladder, or addio's).
      const Diagnostics problems = ReadWorkspaceMembers(Json{{key, value}}.dump(), w);
      for (const Diagnostic& d : problems.items()) {
        if (d.severity != Severity::kError) continue;
        return std::unexpected(BadBody("api.body.workspace_member",
                                       d.path.substr(sizeof("$.workspace")), Arg::Of(d.message)));
      }
    } else {
      return wrong("unknown");
    }
  }
  return {};
}

Json SettingsJson(const Workspace& workspace, const Settings& used) {
  const std::vector<Settings::Entry> defaults = Settings{}.Entries();
  Json list = Json::array();
  const std::vector<Settings::Entry> entries = used.Entries();
  auto typed = [](const Settings::Entry& entry, const std::string& text) -> Json {
    if (entry.kind == "money") return text;
    return api_internal::NumberJson(std::strtod(text.c_str(), nullptr));
  };
  for (size_t i = 0; i < entries.size(); ++i) {
    const Settings::Entry& entry = entries[i];
    Json item;
    item["name"] = entry.name;
    item["value"] = typed(entry, entry.value);
    item["default"] = typed(entry, i < defaults.size() ? defaults[i].value : entry.value);
    item["overridden"] = workspace.settings.contains(entry.name);
    item["kind"] = entry.kind;
    item["min"] = api_internal::NumberJson(entry.min);
    item["max"] = api_internal::NumberJson(entry.max);
    item["help"] = Json{{"en", entry.help_en}, {"it", entry.help_it}};
    list.push_back(std::move(item));
  }
  Json out;
  out["settings"] = std::move(list);
  return out;
}

}  // namespace

// The earliest and latest business dates of any record, in the workspace time zone (a
// later instant is never an earlier local date, so the extremes of the instants suffice).
std::pair<std::optional<CivilDate>, std::optional<CivilDate>> api_internal::RecordSpan(
    const Workspace& workspace, const StoredExtent& extent) {
  const TimeZone tz = ZoneOf(workspace);
  std::optional<CivilDate> first = extent.first_date, last = extent.last_date;
  if (extent.first_instant) {
    const CivilDate early = tz.ToLocal(*extent.first_instant).date;
    const CivilDate late = tz.ToLocal(*extent.last_instant).date;
    if (!first || early < *first) first = early;
    if (!last || late > *last) last = late;
  }
  return {first, last};
}

CivilDate api_internal::DefaultAsOf(CivilDate today, std::optional<CivilDate> last_record) {
  constexpr int kOldAfterDays = 60;
  return last_record && *last_record < today.AddDays(-kOldAfterDays) ? *last_record : today;
}

Result<ApiAnswer> ApiService::GetWorkspace(const ApiQuery& query) {
  auto lang = api_internal::ParseLangParam(query.lang);
  if (!lang) return std::unexpected(lang.error());
  auto version = version_.Current();
  if (!version) return std::unexpected(version.error());
  auto workspace = StoredWorkspace(*version);
  if (!workspace) return std::unexpected(workspace.error());
  const CivilDate today = api_internal::Today(clock_, **workspace);
  const std::string key = api_internal::CacheKey("workspace", {today.ToString()});
  // Not the ledger: the store counts the clients and finds the span of the records.
  return Cached(*version, key, [&]() -> Result<ApiBody> {
    auto store = open_store_();
    if (!store) return std::unexpected(store.error());
    auto extent = (*store)->Extent();
    if (!extent) return std::unexpected(extent.error());
    return JsonBody(api_internal::Dump(WorkspaceJson(**workspace, *extent, today)));
  });
}

Result<ApiAnswer> ApiService::GetCoverage(const ApiQuery& query) {
  auto lang = api_internal::ParseLangParam(query.lang);
  if (!lang) return std::unexpected(lang.error());
  auto version = version_.Current();
  if (!version) return std::unexpected(version.error());
  auto workspace = StoredWorkspace(*version);
  if (!workspace) return std::unexpected(workspace.error());
  const std::string key = api_internal::CacheKey("coverage", {LangKey(*lang)});
  return Cached(*version, key, [&]() -> Result<ApiBody> {
    auto store = open_store_();
    if (!store) return std::unexpected(store.error());
    auto stored = (*store)->Coverage();
    if (!stored) return std::unexpected(stored.error());
    const Coverage coverage = DescribeCoverage(*stored, **workspace);
    return JsonBody(RenderCoverageJson(coverage, *lang, false));
  });
}

Result<ApiBody> ApiService::PutWorkspace(std::string_view json, const ApiQuery& query) {
  auto lang = api_internal::ParseLangParam(query.lang);
  if (!lang) return std::unexpected(lang.error());
  auto body = ParseBody(json);
  if (!body) return std::unexpected(body.error());
  {
    std::lock_guard lock(write_mutex_);
    auto store = open_store_();
    if (!store) return std::unexpected(store.error());
    auto workspace = (*store)->LoadWorkspace();
    if (!workspace) return std::unexpected(workspace.error());
    if (auto applied = ApplyWorkspace(*body, *workspace); !applied) {
      return std::unexpected(applied.error());
    }
    if (auto settings = Settings::FromWorkspace(*workspace); !settings) {
      return std::unexpected(settings.error());
    }
    if (auto saved = (*store)->SaveWorkspace(*workspace); !saved) {
      return std::unexpected(saved.error());
    }
    version_.NoteWrite();
  }
  auto answer = GetWorkspace(query);
  if (!answer) return std::unexpected(answer.error());
  return **answer;
}

Result<ApiAnswer> ApiService::GetSettings(const ApiQuery& query) {
  auto lang = api_internal::ParseLangParam(query.lang);
  if (!lang) return std::unexpected(lang.error());
  auto version = version_.Current();
  if (!version) return std::unexpected(version.error());
  auto stored = StoredWorkspace(*version);
  if (!stored) return std::unexpected(stored.error());
  const Workspace& workspace = **stored;
  return Cached(*version, api_internal::CacheKey("settings", {}), [&]() -> Result<ApiBody> {
    auto settings = Settings::FromWorkspace(workspace);
    if (!settings) {
      return std::unexpected(Error{ErrorCode::kValidation, settings.error().message});
    }
    return JsonBody(api_internal::Dump(SettingsJson(workspace, *settings)));
  });
}

Result<ApiBody> ApiService::PutSettings(std::string_view json, const ApiQuery& query) {
  auto lang = api_internal::ParseLangParam(query.lang);
  if (!lang) return std::unexpected(lang.error());
  auto body = ParseBody(json);
  if (!body) return std::unexpected(body.error());
  const auto changes = body->find("settings");
  if (changes == body->end() || !changes->is_object() || changes->empty() || body->size() != 1) {
    return std::unexpected(BadBody("api.body.settings"));
  }
  {
    std::lock_guard lock(write_mutex_);
    auto store = open_store_();
    if (!store) return std::unexpected(store.error());
    auto workspace = (*store)->LoadWorkspace();
    if (!workspace) return std::unexpected(workspace.error());
    for (auto it = changes->begin(); it != changes->end(); ++it) {
      const nlohmann::json& value = it.value();
      if (value.is_null()) {
        workspace->settings.erase(it.key());
        continue;
      }
      double number = 0;
      bool ok = value.is_number();
      if (ok) {
        number = value.get<double>();
      } else if (value.is_string()) {
        const std::string text = value.get<std::string>();
        char* end = nullptr;
        number = std::strtod(text.c_str(), &end);
        ok = !text.empty() && end == text.c_str() + text.size();
      }
      if (!ok) {
        return std::unexpected(BadBody("api.body.field.number", it.key()));
      }
      workspace->settings[it.key()] = number;
    }
    if (auto settings = Settings::FromWorkspace(*workspace); !settings) {
      return std::unexpected(Error{ErrorCode::kInvalidArgument, settings.error().message});
    }
    if (auto saved = (*store)->SaveWorkspace(*workspace); !saved) {
      return std::unexpected(saved.error());
    }
    version_.NoteWrite();
  }
  auto answer = GetSettings(query);
  if (!answer) return std::unexpected(answer.error());
  return **answer;
}

}  // namespace addio

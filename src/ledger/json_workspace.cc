// Reading the workspace settings of the JSON form: the "workspace" block of a ledger
// document, and workspace.json of the CSV form, where "format" sits beside the settings.
// Each setting (currency, time zone, working hours, holidays, the target rate, exchange
// rates, owner addresses, named numbers) is checked on its own, so that one wrong value
// is reported with its exact path and the others are still read.
#include <simdjson.h>

#include <algorithm>
#include <functional>
#include <initializer_list>

#include "ledger/format_internal.h"
#include "ledger/json_scanner.h"
#include "ledger/workspace_text.h"

namespace addio {

std::optional<MinuteInterval> ParseWorkingInterval(std::string_view text) {
  if (text.size() != 11 || text[5] != '-') return std::nullopt;
  // Minutes since midnight of "HH:MM" at `at`, 0..1440; -1 when it is not one.
  auto clock = [text](size_t at) {
    auto digit = [text](size_t i) {
      return text[i] >= '0' && text[i] <= '9' ? text[i] - '0' : -100;
    };
    const int hours = digit(at) * 10 + digit(at + 1), minutes = digit(at + 3) * 10 + digit(at + 4);
    if (text[at + 2] != ':' || hours < 0 || hours > 24 || minutes < 0 || minutes > 59) return -1;
    const int value = hours * 60 + minutes;
    return value > 1440 ? -1 : value;
  };
  const MinuteInterval interval{clock(0), clock(6)};
  if (interval.start < 0 || interval.end < 0) return std::nullopt;
  return interval;
}

std::string FormatWorkingInterval(const MinuteInterval& interval) {
  std::string out;
  out.reserve(11);
  auto append = [&out](int minutes) {
    format_internal::AppendTwoDigits(out, minutes / 60);
    out += ':';
    format_internal::AppendTwoDigits(out, minutes % 60);
  };
  append(interval.start);
  out += '-';
  append(interval.end);
  return out;
}

std::optional<int> WeekdayIndex(std::string_view key) {
  for (int day = 0; day < 7; ++day) {
    if (key == WeekdayKey(day)) return day;
  }
  return std::nullopt;
}

}  // namespace addio

namespace addio::format_internal {
namespace {

namespace dom = simdjson::dom;

// Reads the members of a workspace object (the "workspace" block of the document, or
// workspace.json of the CSV form, where "format" sits beside them).
class WorkspaceReader {
 public:
  WorkspaceReader(ReadContext& context, const RecordLocation& where, bool with_format)
      : context_(context), where_(where), with_format_(with_format) {}

  void Read(dom::object object, Workspace& w) {
    bool format_seen = false;
    std::optional<dom::element> target;
    for (dom::key_value_pair member : object) {
      const std::string_view key = member.key;
      const dom::element value = member.value;
      if (key == "format" && with_format_) {
        format_seen = true;
        std::string_view format;
        if (value.get_string().get(format) || !IsLedgerFormat(format)) {
          Error(key, Msg("ledger.expected_format", kLedgerFormat));
        }
        continue;
      }
      if (value.is_null()) continue;
      if (key == "name") {
        String(key, value, w.name);
      } else if (key == "currency") {
        std::string code;
        if (!String(key, value, code)) continue;
        if (Result<Currency> found = Currency::Find(code)) {
          w.currency = *found;
        } else {
          Error(key, found.error().message);
        }
      } else if (key == "timezone") {
        String(key, value, w.timezone);  // Validate checks that the zone exists
      } else if (key == "working_hours") {
        WorkingHoursOf(value, w.working_hours);
      } else if (key == "holidays") {
        HolidaysOf(value, w.holidays);
      } else if (key == "target_hourly_rate") {
        target = value;  // read once the currency is known, wherever it appears
      } else if (key == "fx") {
        FxOf(value, w.fx);
      } else if (key == "tax_id") {
        String(key, value, w.tax_id);
      } else if (key == "owner_emails") {
        StringsOf(key, value, w.owner_emails);
      } else if (key == "settings") {
        SettingsOf(value, w.settings);
      } else if (key == "dunning") {
        DunningOf(value, w.dunning);
      } else if (key == "smtp") {
        MailServerOf(value, w.smtp);
      } else if (key == "alerts") {
        AlertDeliveryOf(value, w.alerts);
      } else {
        Diagnostic d = At(key);
        d.severity = Severity::kWarning;
        d.message = Msg("diag.unknown_field");
        context_.Add(std::move(d));
      }
    }
    if (target && target->type() == dom::element_type::STRING) {
      Result<Money> rate = Money::Parse(target->get_string().value_unsafe(), w.currency);
      if (rate) {
        w.target_hourly_rate = *rate;
      } else {
        Error("target_hourly_rate", rate.error().message, {},
              {Msg("ledger.expected_decimal_in", w.currency.code())});
      }
    } else if (target) {
      Error("target_hourly_rate", Msg("ledger.workspace.expected_rate"));
    }
    if (with_format_ && !format_seen) {
      Error("format", Msg("ledger.missing_format_field", kLedgerFormat));
    }
  }

 private:
  Diagnostic At(std::string_view field, std::string_view suffix = {}) const {
    Diagnostic d;
    d.file = where_.file;
    d.line = where_.line;
    d.path = where_.path + "." + std::string(field) + std::string(suffix);
    d.record_type = "workspace";
    d.field = field;
    return d;
  }
  void Error(std::string_view field, Message message, std::string_view suffix = {},
             std::vector<Message> notes = {}) {
    Diagnostic d = At(field, suffix);
    d.message = std::move(message);
    d.notes = std::move(notes);
    context_.Add(std::move(d));
  }

  bool String(std::string_view key, dom::element value, std::string& out) {
    std::string_view text;
    if (value.get_string().get(text)) {
      Error(key, Msg("ledger.expected", Arg::Key("ledger.shape.string")));
      return false;
    }
    out.assign(text);
    return true;
  }

  // Calls item(index, element) for each element of an array; false, reported as expecting
  // `expected` (a ledger.shape.* key), when not an array.
  template <typename F>
  bool EachItem(std::string_view key, dom::element value, const char* expected, F&& item) {
    dom::array array;
    if (value.get_array().get(array)) {
      Error(key, Msg("ledger.expected", Arg::Key(expected)));
      return false;
    }
    size_t index = 0;
    for (dom::element element : array) item(index++, element);
    return true;
  }

  void StringsOf(std::string_view key, dom::element value, std::vector<std::string>& out) {
    EachItem(key, value, "ledger.shape.array_of_strings", [&](size_t i, dom::element item) {
      std::string_view text;
      if (item.get_string().get(text)) {
        Error(key, Msg("ledger.expected", Arg::Key("ledger.shape.string")),
              "[" + std::to_string(i) + "]");
      } else {
        out.emplace_back(text);
      }
    });
  }

  void HolidaysOf(dom::element value, std::vector<CivilDate>& out) {
    EachItem("holidays", value, "ledger.shape.array_of_dates", [&](size_t i, dom::element item) {
      std::string_view text;
      const std::string suffix = "[" + std::to_string(i) + "]";
      if (item.get_string().get(text)) {
        return Error("holidays", Msg("ledger.expected", Arg::Key("ledger.shape.date")), suffix);
      }
      Result<CivilDate> date = CivilDate::Parse(text);
      if (!date) return Error("holidays", date.error().message, suffix);
      out.push_back(*date);
    });
    std::sort(out.begin(), out.end());
  }

  void WorkingHoursOf(dom::element value, WorkingHours& out) {
    dom::object days;
    if (value.get_object().get(days)) {
      return Error("working_hours", Msg("ledger.workspace.expected_hours"));
    }
    // A day the object leaves out has no working hours.
    out = WorkingHours{};
    for (dom::key_value_pair day : days) {
      const std::optional<int> index = WeekdayIndex(day.key);
      const std::string field = "working_hours." + std::string(day.key);
      if (!index) {
        Error("working_hours", Msg("ledger.workspace.not_a_day", day.key),
              "." + std::string(day.key));
        continue;
      }
      if (day.value.is_null()) continue;
      EachItem(field, day.value, "ledger.shape.array_of_intervals",
               [&](size_t i, dom::element item) {
                 std::string_view text;
                 std::optional<MinuteInterval> interval;
                 if (item.get_string().get(text) || !(interval = ParseWorkingInterval(text))) {
                   return Error(field, Msg("ledger.workspace.expected_interval"),
                                "[" + std::to_string(i) + "]");
                 }
                 out[*index].push_back(*interval);
               });
    }
  }

  void FxOf(dom::element value, std::vector<FxRate>& out) {
    EachItem("fx", value, "ledger.shape.array_of_fx", [&](size_t i, dom::element item) {
      const std::string at = "[" + std::to_string(i) + "]";
      dom::object rate;
      if (item.get_object().get(rate)) {
        return Error("fx", Msg("ledger.workspace.expected_fx"), at);
      }
      FxRate fx;
      bool ok = true;
      std::string_view code, per_unit;
      if (rate["currency"].get_string().get(code)) {
        ok = false;
        Error("fx", Msg("ledger.workspace.fx_currency_missing"), at + ".currency");
      } else if (Result<Currency> found = Currency::Find(code)) {
        fx.currency = *found;
      } else {
        ok = false;
        Error("fx", found.error().message, at + ".currency");
      }
      if (rate["per_unit"].get_string().get(per_unit)) {
        ok = false;
        Error("fx", Msg("ledger.workspace.fx_rate_missing"), at + ".per_unit");
      } else if (Result<Decimal> decimal = Decimal::Parse(per_unit)) {
        fx.per_unit = *decimal;
      } else {
        ok = false;
        Error("fx", decimal.error().message, at + ".per_unit");
      }
      if (ok) out.push_back(fx);
    });
  }

  void SettingsOf(dom::element value, std::map<std::string, double>& out) {
    dom::object settings;
    if (value.get_object().get(settings)) {
      return Error("settings", Msg("ledger.workspace.expected_settings"));
    }
    for (dom::key_value_pair setting : settings) {
      double number = 0;
      const dom::element_type type = setting.value.type();
      if (type == dom::element_type::INT64) {
        number = static_cast<double>(setting.value.get_int64().value_unsafe());
      } else if (type == dom::element_type::UINT64) {
        number = static_cast<double>(setting.value.get_uint64().value_unsafe());
      } else if (type == dom::element_type::DOUBLE) {
        number = setting.value.get_double().value_unsafe();
      } else {
        Error("settings", Msg("ledger.expected", Arg::Key("ledger.type.number")),
              "." + std::string(setting.key));
        continue;
      }
      out[std::string(setting.key)] = number;
    }
  }

  // "dunning": {"partner": [{"after_days": 7, "action": "reminder", "channel": "email"}]}
  void DunningOf(dom::element value, std::map<std::string, std::vector<DunningStep>>& out) {
    out.clear();
    dom::object ladders;
    if (value.get_object().get(ladders)) {
      return Error("dunning", Msg("ledger.workspace.expected_ladders"));
    }
    for (dom::key_value_pair ladder : ladders) {
      const std::string at = "." + std::string(ladder.key);
      std::vector<DunningStep>& steps = out[std::string(ladder.key)];
      EachItem("dunning", ladder.value, "ledger.shape.array_of_steps",
               [&](size_t i, dom::element item) {
                 const std::string step_at = at + "[" + std::to_string(i) + "]";
                 dom::object step;
                 if (item.get_object().get(step)) {
                   return Error("dunning", Msg("ledger.workspace.expected_step"), step_at);
                 }
                 DunningStep parsed;
                 int64_t days = 0;
                 bool ok = true;
                 if (step["after_days"].get_int64().get(days) || days < 0 || days > 3650) {
                   ok = false;
                   Error("dunning", Msg("ledger.workspace.step_days"), step_at + ".after_days");
                 }
                 parsed.after_days = static_cast<int>(days);
                 ok &= EnumMember(step, "action", step_at, "reminder, formal_notice, stop_work",
                                  ParseDunningAction, parsed.action);
                 ok &= EnumMember(step, "channel", step_at, "email, manual", ParseDunningChannel,
                                  parsed.channel);
                 if (ok) steps.push_back(parsed);
               });
    }
  }

  // The string member `name` of `object` read by `parse` into `out`; true when present
  // and valid (an absent member keeps `out`), false after reporting it.
  template <typename E, typename Parse>
  bool EnumMember(dom::object object, const char* name, const std::string& at, const char* allowed,
                  Parse parse, E& out) {
    dom::element member;
    if (object[name].get(member)) return true;
    std::string_view text;
    std::optional<E> value;
    if (member.get_string().get(text) || !(value = parse(text))) {
      Error("dunning", Msg("ledger.not_allowed_one_of", text, allowed), at + "." + name);
      return false;
    }
    out = *value;
    return true;
  }

  // Reads the string members of an object named in `fields` (member name -> target).
  void StringMembers(std::string_view key, dom::element value,
                     std::initializer_list<std::pair<const char*, std::string*>> fields,
                     const std::function<void(std::string_view, dom::element)>& other) {
    dom::object object;
    if (value.get_object().get(object)) {
      return Error(key, Msg("ledger.expected", Arg::Key("ledger.type.object")));
    }
    for (dom::key_value_pair member : object) {
      const auto field = std::find_if(fields.begin(), fields.end(),
                                      [&](const auto& f) { return member.key == f.first; });
      if (field != fields.end()) {
        std::string_view text;
        if (member.value.get_string().get(text)) {
          Error(key, Msg("ledger.expected", Arg::Key("ledger.shape.string")),
                "." + std::string(member.key));
        } else {
          field->second->assign(text);
        }
      } else {
        other(member.key, member.value);
      }
    }
  }

  // "smtp": {"host", "port", "security", "user", "password_env", "password_file", "from"}.
  // A "password" member is refused: the workspace is exported, a password must not be.
  void MailServerOf(dom::element value, MailServer& out) {
    out = MailServer{};
    StringMembers("smtp", value,
                  {{"host", &out.host},
                   {"user", &out.user},
                   {"password_env", &out.password_env},
                   {"password_file", &out.password_file},
                   {"from", &out.from}},
                  [&](std::string_view name, dom::element member) {
                    const std::string at = "." + std::string(name);
                    if (name == "port") {
                      int64_t port = 0;
                      if (member.get_int64().get(port) || port < 0 || port > 65535) {
                        return Error("smtp", Msg("ledger.workspace.smtp_port"), at);
                      }
                      out.port = static_cast<int>(port);
                    } else if (name == "security") {
                      std::string_view text;
                      std::optional<MailSecurity> security;
                      if (member.get_string().get(text) || !(security = ParseMailSecurity(text))) {
                        return Error("smtp",
                                     Msg("ledger.not_allowed_one_of", text, "starttls, tls, none"),
                                     at);
                      }
                      out.security = *security;
                    } else if (name == "password") {
                      Error("smtp", Msg("ledger.workspace.smtp_password"), at);
                    } else {
                      UnknownMember("smtp", at);
                    }
                  });
  }

  // "alerts": {"webhook", "secret_env", "email"}.
  void AlertDeliveryOf(dom::element value, AlertDelivery& out) {
    out = AlertDelivery{};
    StringMembers(
        "alerts", value,
        {{"webhook", &out.webhook}, {"secret_env", &out.secret_env}, {"email", &out.email}},
        [&](std::string_view name, dom::element) {
          UnknownMember("alerts", "." + std::string(name));
        });
  }

  void UnknownMember(std::string_view key, const std::string& at) {
    Diagnostic d = At(key, at);
    d.severity = Severity::kWarning;
    d.message = Msg("diag.unknown_field");
    context_.Add(std::move(d));
  }

  ReadContext& context_;
  const RecordLocation& where_;
  bool with_format_;
};

}  // namespace

void ReadWorkspaceBlock(std::string_view span, int line, const std::string& file,
                        ReadContext& context, ReadResult& result) {
  RecordLocation where{file, line, "$.workspace"};
  // A parser of its own: the block is parsed once per document, padded as simdjson wants.
  dom::parser parser;
  std::string buffer(span);
  buffer.append(simdjson::SIMDJSON_PADDING, '\0');
  dom::element element;
  dom::object object;
  Diagnostic d;
  d.file = file;
  d.line = line;
  d.path = where.path;
  d.record_type = "workspace";
  if (auto error = parser.parse(buffer.data(), span.size(), false).get(element)) {
    d.message = JsonParserProblem(error);
    context.Add(std::move(d));
  } else if (element.get_object().get(object)) {
    d.message = Msg("ledger.expected", Arg::Key("ledger.type.object"));
    context.Add(std::move(d));
  } else {
    WorkspaceReader(context, where, /*with_format=*/false).Read(object, result.ledger.workspace);
  }
  context.UseWorkspace(result.ledger.workspace);
  result.source.locations["workspace"].push_back(std::move(where));
}

void ReadWorkspaceFile(std::string_view text, const std::string& file, ReadContext& context,
                       ReadResult& result) {
  RecordLocation where{file, 1, "$"};
  dom::parser parser;
  dom::element element;
  dom::object object;
  Diagnostic d;
  d.file = file;
  d.record_type = "workspace";
  if (parser.parse(text.data(), text.size(), true).get(element)) {
    JsonScanner scanner(text);
    std::string_view span;
    scanner.SkipSpace();
    if (scanner.SkipValue(span)) scanner.Fail("ledger.json.utf8_or_range");
    d.line = scanner.line();
    d.message = scanner.SyntaxError();
    context.Add(std::move(d));
  } else if (element.get_object().get(object)) {
    d.line = 1;
    d.message = Msg("ledger.workspace.expected_file_object");
    context.Add(std::move(d));
  } else {
    WorkspaceReader(context, where, /*with_format=*/true).Read(object, result.ledger.workspace);
  }
  context.UseWorkspace(result.ledger.workspace);
  result.source.locations["workspace"].push_back(std::move(where));
}

}  // namespace addio::format_internal

namespace addio {

Diagnostics ReadWorkspaceMembers(std::string_view json, Workspace& workspace) {
  Diagnostics diagnostics;
  format_internal::ReadContext context(diagnostics);
  ReadResult result;
  result.ledger.workspace = workspace;
  format_internal::ReadWorkspaceBlock(json, 1, "", context, result);
  workspace = std::move(result.ledger.workspace);
  return diagnostics;
}

}  // namespace addio

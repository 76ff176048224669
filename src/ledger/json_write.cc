// The writing half of the JSON form of `addio-ledger/1`, by hand so that it is fast and
// byte-deterministic: one record as one line of JSON through VisitFields, the workspace
// block, and the head, array and tail pieces that LedgerToJson, WriteLedger and the
// streaming JSON sink assemble, so that their bytes cannot differ. Also workspace.json of
// the CSV form, which is the same workspace block with "format" beside it.
#include <initializer_list>

#include "ledger/format_internal.h"
#include "ledger/workspace_text.h"

namespace addio::format_internal {
namespace {

// ---- Writing -------------------------------------------------------------------------

// An archive for VisitFields writing one record as one JSON object.
class JsonFieldWriter {
 public:
  JsonFieldWriter(std::string& out, const TimeZone& zone) : out_(out), zone_(zone) {}

  void Id(const char* name, const std::string& value) { Text(name, value); }
  void Text(const char* name, const std::string& value) {
    Key(name);
    AppendJsonString(out_, value);
  }
  void OptText(const char* name, const std::string& value) {
    if (!value.empty()) Text(name, value);
  }
  template <typename E>
  void Enum(const char* name, E value) {
    Key(name);
    out_ += '"';
    out_ += addio::Name(value);
    out_ += '"';
  }
  void Date(const char* name, CivilDate value) {
    Key(name);
    out_ += '"';
    AppendDate(out_, value);
    out_ += '"';
  }
  void OptDate(const char* name, const std::optional<CivilDate>& value) {
    if (value) Date(name, *value);
  }
  void Moment(const char* name, Instant value) {
    Key(name);
    out_ += '"';
    AppendInstant(out_, value, zone_);
    out_ += '"';
  }
  void OptMoment(const char* name, const std::optional<Instant>& value) {
    if (value) Moment(name, *value);
  }
  void Int(const char* name, int value, bool /*required*/) {
    Key(name);
    AppendInt(out_, value);
  }
  void OptInt(const char* name, const std::optional<int>& value) {
    if (value) Int(name, *value, false);
  }
  void OptNumber(const char* name, const std::optional<double>& value) {
    if (!value) return;
    Key(name);
    AppendNumber(out_, *value);
  }
  void Bool(const char* name, bool value) {
    Key(name);
    out_ += value ? "true" : "false";
  }
  void OptMoney(const char* name, const std::optional<Money>& value) {
    if (!value) return;
    Key(name);
    out_ += '"';
    AppendMoney(out_, *value);
    out_ += '"';
  }
  void Amount(const char* name, const char* currency_name, const Money& value) {
    OptMoney(name, value);
    Key(currency_name);
    out_ += '"';
    out_ += value.currency().code();
    out_ += '"';
  }
  void List(const char* name, const std::vector<std::string>& value) {
    if (value.empty()) return;
    Key(name);
    out_ += '[';
    for (size_t i = 0; i < value.size(); ++i) {
      if (i > 0) out_ += ", ";
      AppendJsonString(out_, value[i]);
    }
    out_ += ']';
  }
  void Object(const char* name, const std::string& value) {
    if (value.empty()) return;
    Key(name);
    // Text that is no JSON object is written as a string, so that the output stays valid
    // JSON (Validate reports it).
    std::string canonical;
    Message error;
    if (CanonicalJsonObject(value, canonical, error)) {
      out_ += canonical;
    } else {
      AppendJsonString(out_, value);
    }
  }

 private:
  void Key(const char* name) {
    out_ += first_ ? "{\"" : ", \"";
    first_ = false;
    out_ += name;
    out_ += "\": ";
  }

  std::string& out_;
  const TimeZone& zone_;
  bool first_ = true;
};

template <typename T, typename F>
void AppendJsonArray(std::string& out, const std::vector<T>& items, F&& append_item) {
  out += '[';
  for (size_t i = 0; i < items.size(); ++i) {
    if (i > 0) out += ", ";
    append_item(items[i]);
  }
  out += ']';
}

// The workspace members, one per line at `indent`, separated by ",\n", no final line end.
void AppendWorkspaceMembers(std::string& out, const Workspace& w, std::string_view indent) {
  auto key = [&out, indent](const char* name, bool first = false) {
    if (!first) out += ",\n";
    out.append(indent);
    out += '"';
    out += name;
    out += "\": ";
  };
  key("name", true);
  AppendJsonString(out, w.name);
  key("currency");
  AppendJsonString(out, w.currency.code());
  key("timezone");
  AppendJsonString(out, w.timezone);
  key("working_hours");
  out += '{';
  for (int day = 0; day < 7; ++day) {
    if (day > 0) out += ", ";
    out += '"';
    out += WeekdayKey(day);
    out += "\": ";
    AppendJsonArray(out, w.working_hours[day], [&out](const MinuteInterval& interval) {
      out += '"';
      out += FormatWorkingInterval(interval);
      out += '"';
    });
  }
  out += '}';
  if (!w.holidays.empty()) {
    key("holidays");
    AppendJsonArray(out, w.holidays, [&out](CivilDate date) {
      out += '"';
      AppendDate(out, date);
      out += '"';
    });
  }
  if (w.target_hourly_rate) {
    key("target_hourly_rate");
    out += '"';
    AppendMoney(out, *w.target_hourly_rate);
    out += '"';
  }
  if (!w.fx.empty()) {
    key("fx");
    AppendJsonArray(out, w.fx, [&out](const FxRate& rate) {
      out += "{\"currency\": ";
      AppendJsonString(out, rate.currency.code());
      out += ", \"per_unit\": ";
      AppendJsonString(out, rate.per_unit.ToString());
      out += '}';
    });
  }
  if (!w.tax_id.empty()) {  // left out when empty: such ledgers read as before
    key("tax_id");
    AppendJsonString(out, w.tax_id);
  }
  if (!w.owner_emails.empty()) {
    key("owner_emails");
    AppendJsonArray(out, w.owner_emails,
                    [&out](const std::string& email) { AppendJsonString(out, email); });
  }
  if (!w.settings.empty()) {
    key("settings");
    out += '{';
    bool first = true;
    for (const auto& [name, value] : w.settings) {
      if (!first) out += ", ";
      first = false;
      AppendJsonString(out, name);
      out += ": ";
      AppendNumber(out, value);
    }
    out += '}';
  }
  if (!w.dunning.empty()) {
    key("dunning");
    out += '{';
    bool first = true;
    for (const auto& [type, steps] : w.dunning) {
      if (!first) out += ", ";
      first = false;
      AppendJsonString(out, type);
      out += ": ";
      AppendJsonArray(out, steps, [&out](const DunningStep& step) {
        out += "{\"after_days\": ";
        out += std::to_string(step.after_days);
        out += ", \"action\": \"";
        out += Name(step.action);
        out += "\", \"channel\": \"";
        out += Name(step.channel);
        out += "\"}";
      });
    }
    out += '}';
  }
  // The members of an object whose text members are written when not empty.
  auto members = [&out](std::initializer_list<std::pair<const char*, std::string_view>> texts,
                        bool& first) {
    for (const auto& [name, value] : texts) {
      if (value.empty()) continue;
      if (!first) out += ", ";
      first = false;
      AppendJsonString(out, name);
      out += ": ";
      AppendJsonString(out, value);
    }
  };
  if (w.smtp != MailServer{}) {
    const MailServer& m = w.smtp;
    key("smtp");
    out += '{';
    bool first = true;
    members({{"host", m.host}}, first);
    if (m.port != 0) {
      out += first ? "" : ", ";
      first = false;
      out += "\"port\": " + std::to_string(m.port);
    }
    out += first ? "" : ", ";
    first = false;
    out += "\"security\": \"";
    out += Name(m.security);
    out += '"';
    members({{"user", m.user},
             {"password_env", m.password_env},
             {"password_file", m.password_file},
             {"from", m.from}},
            first);
    out += '}';
  }
  if (w.alerts != AlertDelivery{}) {
    key("alerts");
    out += '{';
    bool first = true;
    members({{"webhook", w.alerts.webhook},
             {"secret_env", w.alerts.secret_env},
             {"email", w.alerts.email}},
            first);
    out += '}';
  }
}

}  // namespace

void AppendJsonHead(std::string& out, const Workspace& workspace, bool credit_notes) {
  out += "{\n  \"format\": \"";
  out += credit_notes ? kLedgerFormat11 : kLedgerFormat;
  out += "\",\n  \"workspace\": {\n";
  AppendWorkspaceMembers(out, workspace, "    ");
  out += "\n  }";
}

void AppendJsonArrayStart(std::string& out, int type, bool empty) {
  out += ",\n  \"";
  out += kRecordTypeNames[type].array;
  out += empty ? "\": [" : "\": [\n";
}

void AppendJsonArrayEnd(std::string& out, bool empty) { out += empty ? "]" : "\n  ]"; }

void AppendJsonTail(std::string& out) { out += "\n}\n"; }

template <typename R>
void AppendJsonRecord(std::string& out, const R& record, const TimeZone& zone) {
  out += "    ";
  JsonFieldWriter writer(out, zone);
  VisitFields(writer, record);
  out += '}';
}

template void AppendJsonRecord(std::string&, const Client&, const TimeZone&);
template void AppendJsonRecord(std::string&, const Contract&, const TimeZone&);
template void AppendJsonRecord(std::string&, const Project&, const TimeZone&);
template void AppendJsonRecord(std::string&, const Request&, const TimeZone&);
template void AppendJsonRecord(std::string&, const WorkEntry&, const TimeZone&);
template void AppendJsonRecord(std::string&, const Contact&, const TimeZone&);
template void AppendJsonRecord(std::string&, const Invoice&, const TimeZone&);
template void AppendJsonRecord(std::string&, const Payment&, const TimeZone&);
template void AppendJsonRecord(std::string&, const RateChange&, const TimeZone&);
template void AppendJsonRecord(std::string&, const CreditNote&, const TimeZone&);

void AppendWorkspaceFile(std::string& out, const Workspace& workspace, bool credit_notes) {
  out += "{\n  \"format\": \"";
  out += credit_notes ? kLedgerFormat11 : kLedgerFormat;
  out += "\",\n";
  AppendWorkspaceMembers(out, workspace, "  ");
  out += "\n}\n";
}

}  // namespace addio::format_internal

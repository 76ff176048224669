#include "store/rows.h"

#include <algorithm>
#include <cstdio>
#include <iterator>
#include <nlohmann/json.hpp>
#include <string_view>

#include "ledger/format_fields.h"
#include "ledger/format_text.h"

namespace addio::store_internal {
namespace {

using Json = nlohmann::json;

// "09:00" for 540; "24:00" for the end of the day.
std::string FormatMinute(int minute) {
  char text[24];
  std::snprintf(text, sizeof text, "%02d:%02d", minute / 60, minute % 60);
  return text;
}

std::optional<int> ParseMinute(const std::string& text) {
  int hours = 0;
  int minutes = 0;
  char tail = 0;
  if (text.size() != 5 || std::sscanf(text.c_str(), "%2d:%2d%c", &hours, &minutes, &tail) != 2) {
    return std::nullopt;
  }
  const int minute = hours * 60 + minutes;
  if (minutes > 59 || minute > 1440) return std::nullopt;
  return minute;
}

Json ParseJson(RowReader& r, const std::string& text) {
  Json json = Json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (json.is_discarded()) r.Damaged(Msg("store.row.invalid_json"));
  return json;
}

}  // namespace

void Binder::Text(const std::string& v) { statement_.bind(index_++, v); }
void Binder::TextOrNull(const std::string& v) {
  if (v.empty()) {
    statement_.bind(index_++);
  } else {
    Text(v);
  }
}
void Binder::TextInPlace(const std::string& v) { statement_.bindNoCopy(index_++, v); }
void Binder::TextInPlaceOrNull(const std::string& v) {
  if (v.empty()) {
    statement_.bind(index_++);
  } else {
    TextInPlace(v);
  }
}
void Binder::Static(const char* v) { statement_.bindNoCopy(index_++, v); }
void Binder::Int(int64_t v) { statement_.bind(index_++, v); }
void Binder::IntOrNull(const std::optional<int>& v) {
  if (v) {
    Int(*v);
  } else {
    statement_.bind(index_++);
  }
}
void Binder::Real(const std::optional<double>& v) {
  if (v) {
    statement_.bind(index_++, *v);
  } else {
    statement_.bind(index_++);
  }
}
void Binder::Date(CivilDate v) {
  scratch_.clear();
  format_internal::AppendDate(scratch_, v);  // the text of CivilDate::ToString, unallocated
  Text(scratch_);
}
void Binder::Date(const std::optional<CivilDate>& v) {
  if (v) {
    Date(*v);
  } else {
    statement_.bind(index_++);
  }
}
void Binder::At(const std::optional<Instant>& v) {
  if (v) {
    At(*v);
  } else {
    statement_.bind(index_++);
  }
}
void Binder::Amount(const Money& v) {
  Int(v.minor());
  const Currency currency = v.currency();
  const std::string_view code = currency.code();
  char text[4] = {code[0], code[1], code[2], '\0'};
  statement_.bind(index_++, text);  // copied
}
void Binder::Amount(const std::optional<Money>& v) {
  if (v) {
    Amount(*v);
  } else {
    statement_.bind(index_++);
    statement_.bind(index_++);
  }
}
void Binder::JsonList(const std::vector<std::string>& v) { Text(Json(v).dump()); }

DamagedRow::DamagedRow(const std::string& table, const std::string& row, const std::string& column,
                       const Message& detail)
    : std::runtime_error("table " + table + ", row " + row + ", column " + column + ": " +
                         detail.In(Lang::kEn)),
      where_{Arg(table), Arg(row), Arg(column)},
      detail_(detail) {}

Message DamagedRow::At(const std::string& path) const {
  const size_t dot = detail_.key.find('.');
  Message out{"store.damaged." + detail_.key.substr(dot + 1), {Arg(path)}};
  out.args.insert(out.args.end(), where_.begin(), where_.end());
  if (!HasEntry(out.key)) {
    out.key = "store.damaged";
    return out;
  }
  out.args.insert(out.args.end(), detail_.args.begin(), detail_.args.end());
  return out;
}

void RowReader::Damaged(const Message& detail) const {
  throw DamagedRow(table_, statement_.getColumn(0).getString(),
                   statement_.getColumnName(index_ - 1), detail);
}

std::string RowReader::Text() { return Next().getString(); }

int64_t RowReader::Int() {
  SqlColumn column = Next();
  if (!column.isInteger()) Damaged(Msg("store.row.expected_integer"));
  return column.getInt64();
}

std::optional<int> RowReader::IntOrNull() {
  SqlColumn column = Next();
  if (column.isNull()) return std::nullopt;
  return column.getInt();
}

std::optional<double> RowReader::Real() {
  SqlColumn column = Next();
  if (column.isNull()) return std::nullopt;
  return column.getDouble();
}

CivilDate RowReader::Date() {
  std::optional<CivilDate> date = DateOrNull();
  if (!date) Damaged(Msg("store.row.missing_date"));
  return *date;
}

std::optional<CivilDate> RowReader::DateOrNull() {
  SqlColumn column = Next();
  if (column.isNull()) return std::nullopt;
  auto date = CivilDate::Parse(column.getView());
  if (!date) Damaged(date.error().message);
  return *date;
}

std::optional<Instant> RowReader::AtOrNull() {
  SqlColumn column = Next();
  if (column.isNull()) return std::nullopt;
  return Instant::FromUnixSeconds(column.getInt64());
}

Currency RowReader::ReadCurrency(std::string_view code) {
  if (last_code_ != code) {
    auto currency = Currency::Find(code);
    if (!currency) Damaged(currency.error().message);
    last_code_ = code;
    last_currency_ = *currency;
  }
  return last_currency_;
}

Money RowReader::Amount() {
  std::optional<Money> amount = AmountOrNull();
  if (!amount) Damaged(Msg("store.row.missing_amount"));
  return *amount;
}

std::optional<Money> RowReader::AmountOrNull() {
  SqlColumn minor = Next();
  SqlColumn code = Next();
  if (minor.isNull()) return std::nullopt;
  return Money(minor.getInt64(), ReadCurrency(code.getView()));
}

std::vector<std::string> RowReader::JsonList() {
  std::string text = Text();
  Json json = ParseJson(*this, text);
  if (!json.is_array()) Damaged(Msg("store.row.expected_json_array"));
  std::vector<std::string> out;
  for (const Json& item : json) {
    if (!item.is_string()) Damaged(Msg("store.row.expected_string_array"));
    out.push_back(item.get<std::string>());
  }
  return out;
}

namespace {

using format_internal::kRecordTypeNames;

// An optional text field named after a record type ("contract", "project", "request",
// "invoice") refers to one: empty is NULL so that the column's foreign key holds. Other
// optional text (a country, a tax id) is stored as written, "" included.
bool IsReference(const char* name) {
  const std::string_view field(name);
  return std::any_of(std::begin(kRecordTypeNames), std::end(kRecordTypeNames),
                     [field](const auto& type) { return field == type.type; });
}

// The archive (format_fields.h) that binds a record's fields to parameters 1, 2, 3, ... in
// the order VisitFields gives them; each kind of field has its one column type here.
class BindArchive {
 public:
  explicit BindArchive(Binder& b) : b_(b) {}
  // The record outlives the statement's run: its text is bound in place.
  void Id(const char*, const std::string& v) { b_.TextInPlace(v); }
  void Text(const char*, const std::string& v) { b_.TextInPlace(v); }
  void OptText(const char* name, const std::string& v) {
    if (IsReference(name)) {
      b_.TextInPlaceOrNull(v);
    } else {
      b_.TextInPlace(v);
    }
  }
  template <typename E>
  void Enum(const char*, E v) {
    b_.Static(Name(v));
  }
  void Date(const char*, CivilDate v) { b_.Date(v); }
  void OptDate(const char*, const std::optional<CivilDate>& v) { b_.Date(v); }
  void Moment(const char*, Instant v) { b_.At(v); }
  void OptMoment(const char*, const std::optional<Instant>& v) { b_.At(v); }
  void Int(const char*, int v, bool /*required*/) { b_.Int(v); }
  void OptInt(const char*, const std::optional<int>& v) { b_.IntOrNull(v); }
  void OptNumber(const char*, const std::optional<double>& v) { b_.Real(v); }
  void Bool(const char*, bool v) { b_.Bool(v); }
  void OptMoney(const char*, const std::optional<Money>& v) { b_.Amount(v); }
  void Amount(const char*, const char* /*currency*/, const Money& v) { b_.Amount(v); }
  void List(const char*, const std::vector<std::string>& v) { b_.JsonList(v); }
  void Object(const char*, const std::string& v) { b_.TextInPlaceOrNull(v); }

 private:
  Binder& b_;
};

// The mirror image of BindArchive: reads columns 0, 1, 2, ... into the same fields.
class ReadArchive {
 public:
  explicit ReadArchive(RowReader& r) : r_(r) {}
  void Id(const char*, std::string& v) { v = r_.Text(); }
  void Text(const char*, std::string& v) { v = r_.Text(); }
  void OptText(const char*, std::string& v) { v = r_.Text(); }
  template <typename E>
  void Enum(const char*, E& v) {
    v = r_.Enum(format_internal::EnumTraits<E>::Parse);
  }
  void Date(const char*, CivilDate& v) { v = r_.Date(); }
  void OptDate(const char*, std::optional<CivilDate>& v) { v = r_.DateOrNull(); }
  void Moment(const char*, Instant& v) { v = r_.At(); }
  void OptMoment(const char*, std::optional<Instant>& v) { v = r_.AtOrNull(); }
  void Int(const char*, int& v, bool /*required*/) { v = static_cast<int>(r_.Int()); }
  void OptInt(const char*, std::optional<int>& v) { v = r_.IntOrNull(); }
  void OptNumber(const char*, std::optional<double>& v) { v = r_.Real(); }
  void Bool(const char*, bool& v) { v = r_.Bool(); }
  void OptMoney(const char*, std::optional<Money>& v) { v = r_.AmountOrNull(); }
  void Amount(const char*, const char* /*currency*/, Money& v) { v = r_.Amount(); }
  void List(const char*, std::vector<std::string>& v) { v = r_.JsonList(); }
  void Object(const char*, std::string& v) { v = r_.Text(); }

 private:
  RowReader& r_;
};

// The fields of a credit kept for review (not a record of the ledger format), in the
// order of its table's columns, for the same archives.
template <typename A, format_internal::RecordOf<UnmatchedCredit> R>
void VisitFields(A& a, R& r) {
  a.Id("id", r.id);
  a.Date("date", r.date);
  a.Amount("amount", "currency", r.amount);
  a.Text("payer", r.payer);
  a.Text("reference", r.reference);
  a.Text("source", r.source);
}

template <typename R>
void BindFields(Binder& b, const R& record) {
  BindArchive archive(b);
  using format_internal::VisitFields;
  VisitFields(archive, record);
}

template <typename R>
void ReadFields(RowReader& r, R& record) {
  ReadArchive archive(r);
  using format_internal::VisitFields;
  VisitFields(archive, record);
}

}  // namespace

void Bind(Binder& b, const Client& r) { BindFields(b, r); }
void Bind(Binder& b, const Contract& r) { BindFields(b, r); }
void Bind(Binder& b, const Project& r) { BindFields(b, r); }
void Bind(Binder& b, const Request& r) { BindFields(b, r); }
void Bind(Binder& b, const WorkEntry& r) { BindFields(b, r); }
void Bind(Binder& b, const Contact& r) { BindFields(b, r); }
void Bind(Binder& b, const Invoice& r) { BindFields(b, r); }
void Bind(Binder& b, const Payment& r) { BindFields(b, r); }
void Bind(Binder& b, const RateChange& r) { BindFields(b, r); }
void Bind(Binder& b, const CreditNote& r) { BindFields(b, r); }
void Bind(Binder& b, const UnmatchedCredit& r) { BindFields(b, r); }
void Read(RowReader& r, Client& out) { ReadFields(r, out); }
void Read(RowReader& r, Contract& out) { ReadFields(r, out); }
void Read(RowReader& r, Project& out) { ReadFields(r, out); }
void Read(RowReader& r, Request& out) { ReadFields(r, out); }
void Read(RowReader& r, WorkEntry& out) { ReadFields(r, out); }
void Read(RowReader& r, Contact& out) { ReadFields(r, out); }
void Read(RowReader& r, Invoice& out) { ReadFields(r, out); }
void Read(RowReader& r, Payment& out) { ReadFields(r, out); }
void Read(RowReader& r, RateChange& out) { ReadFields(r, out); }
void Read(RowReader& r, CreditNote& out) { ReadFields(r, out); }
void Read(RowReader& r, UnmatchedCredit& out) { ReadFields(r, out); }

void Bind(Binder& b, const Workspace& w) {
  b.Text(w.name);
  b.Text(std::string(w.currency.code()));
  b.Text(w.timezone);
  Json hours = Json::object();
  for (int day = 0; day < 7; ++day) {
    Json intervals = Json::array();
    for (const MinuteInterval& interval : w.working_hours[day]) {
      intervals.push_back(FormatMinute(interval.start) + "-" + FormatMinute(interval.end));
    }
    hours[WeekdayKey(day)] = std::move(intervals);
  }
  b.Text(hours.dump());
  Json holidays = Json::array();
  for (CivilDate day : w.holidays) holidays.push_back(day.ToString());
  b.Text(holidays.dump());
  b.Amount(w.target_hourly_rate);
  Json fx = Json::array();
  for (const FxRate& rate : w.fx) {
    fx.push_back(
        {{"currency", std::string(rate.currency.code())}, {"per_unit", rate.per_unit.ToString()}});
  }
  b.Text(fx.dump());
  b.JsonList(w.owner_emails);
  b.Text(Json(w.settings).dump());
  b.Text(w.tax_id);
  Json dunning = Json::object();
  for (const auto& [type, ladder] : w.dunning) {
    Json steps = Json::array();
    for (const DunningStep& step : ladder) {
      steps.push_back({{"after_days", step.after_days},
                       {"action", Name(step.action)},
                       {"channel", Name(step.channel)}});
    }
    dunning[type] = std::move(steps);
  }
  b.Text(dunning.dump());
  const MailServer& m = w.smtp;
  b.Text(Json{{"host", m.host},
              {"port", m.port},
              {"security", Name(m.security)},
              {"user", m.user},
              {"password_env", m.password_env},
              {"password_file", m.password_file},
              {"from", m.from}}
             .dump());
  b.Text(Json{
      {"webhook", w.alerts.webhook}, {"secret_env", w.alerts.secret_env}, {"email", w.alerts.email}}
             .dump());
}

namespace {

// The string member `key` of `object`; "" when absent; damaged when not a string.
std::string StringMember(RowReader& r, const Json& object, const char* key) {
  const auto it = object.find(key);
  if (it == object.end()) return {};
  if (!it->is_string()) r.Damaged(Msg("store.row.workspace_member", key));
  return it->get<std::string>();
}

void ReadDunning(RowReader& r, std::map<std::string, std::vector<DunningStep>>& out) {
  out.clear();
  const Json dunning = ParseJson(r, r.Text());
  if (!dunning.is_object()) r.Damaged(Msg("store.row.workspace_member", "dunning"));
  for (const auto& [type, steps] : dunning.items()) {
    if (!steps.is_array()) r.Damaged(Msg("store.row.workspace_member", "dunning"));
    std::vector<DunningStep>& ladder = out[type];
    for (const Json& item : steps) {
      const auto days = item.find("after_days");
      const auto action = ParseDunningAction(StringMember(r, item, "action"));
      const auto channel = ParseDunningChannel(StringMember(r, item, "channel"));
      if (days == item.end() || !days->is_number_integer() || !action || !channel) {
        r.Damaged(Msg("store.row.workspace_member", "dunning"));
      }
      ladder.push_back({days->get<int>(), *action, *channel});
    }
  }
}

void ReadMailServer(RowReader& r, MailServer& out) {
  const Json smtp = ParseJson(r, r.Text());
  if (!smtp.is_object()) r.Damaged(Msg("store.row.workspace_member", "smtp"));
  out.host = StringMember(r, smtp, "host");
  const auto port = smtp.find("port");
  out.port = port != smtp.end() && port->is_number_integer() ? port->get<int>() : 0;
  const auto security = ParseMailSecurity(StringMember(r, smtp, "security"));
  if (!security) r.Damaged(Msg("store.row.workspace_member", "smtp"));
  out.security = *security;
  out.user = StringMember(r, smtp, "user");
  out.password_env = StringMember(r, smtp, "password_env");
  out.password_file = StringMember(r, smtp, "password_file");
  out.from = StringMember(r, smtp, "from");
}

void ReadAlertDelivery(RowReader& r, AlertDelivery& out) {
  const Json alerts = ParseJson(r, r.Text());
  if (!alerts.is_object()) r.Damaged(Msg("store.row.workspace_member", "alerts"));
  out.webhook = StringMember(r, alerts, "webhook");
  out.secret_env = StringMember(r, alerts, "secret_env");
  out.email = StringMember(r, alerts, "email");
}

}  // namespace

void Read(RowReader& r, Workspace& out) {
  out.name = r.Text();
  out.currency = r.ReadCurrency(r.Text());
  out.timezone = r.Text();
  const Json hours = ParseJson(r, r.Text());
  for (int day = 0; day < 7; ++day) {
    out.working_hours[day].clear();
    const auto it = hours.find(WeekdayKey(day));
    if (it == hours.end() || !it->is_array()) r.Damaged(Msg("store.row.hours_without_weekday"));
    for (const Json& item : *it) {
      const std::string text = item.is_string() ? item.get<std::string>() : "";
      const size_t dash = text.find('-');
      std::optional<int> start = ParseMinute(text.substr(0, dash));
      std::optional<int> end =
          dash == std::string::npos ? std::nullopt : ParseMinute(text.substr(dash + 1));
      if (!start || !end) r.Damaged(Msg("store.row.working_interval", text));
      out.working_hours[day].push_back({*start, *end});
    }
  }
  out.holidays.clear();
  for (const Json& item : ParseJson(r, r.Text())) {
    auto day = CivilDate::Parse(item.is_string() ? item.get<std::string>() : "");
    if (!day) r.Damaged(day.error().message);
    out.holidays.push_back(*day);
  }
  out.target_hourly_rate = r.AmountOrNull();
  out.fx.clear();
  for (const Json& item : ParseJson(r, r.Text())) {
    if (!item.is_object() || !item.contains("currency") || !item["currency"].is_string() ||
        !item.contains("per_unit") || !item["per_unit"].is_string()) {
      r.Damaged(Msg("store.row.malformed_fx"));
    }
    auto rate = Decimal::Parse(item["per_unit"].get<std::string>());
    if (!rate) r.Damaged(rate.error().message);
    out.fx.push_back({r.ReadCurrency(item["currency"].get<std::string>()), *rate});
  }
  out.owner_emails = r.JsonList();
  out.settings.clear();
  const Json settings = ParseJson(r, r.Text());
  if (!settings.is_object()) r.Damaged(Msg("store.row.settings_not_object"));
  for (const auto& [name, value] : settings.items()) {
    if (!value.is_number()) r.Damaged(Msg("store.row.setting_not_number", name));
    out.settings[name] = value.get<double>();
  }
  out.tax_id = r.Text();
  ReadDunning(r, out.dunning);
  ReadMailServer(r, out.smtp);
  ReadAlertDelivery(r, out.alerts);
}

namespace {

std::vector<std::string> SplitColumns(std::string_view columns) {
  std::vector<std::string> out;
  while (!columns.empty()) {
    const size_t comma = columns.find(',');
    std::string_view column = columns.substr(0, comma);
    while (!column.empty() && column.front() == ' ') column.remove_prefix(1);
    out.emplace_back(column);
    columns = comma == std::string_view::npos ? std::string_view() : columns.substr(comma + 1);
  }
  return out;
}

}  // namespace

std::string InsertSql(const char* table, const char* columns, size_t rows) {
  std::string sql =
      std::string("INSERT INTO ") + table + " (workspace_id, " + columns + ") VALUES ";
  const size_t count = SplitColumns(columns).size();
  for (size_t row = 0; row < rows; ++row) {
    sql += row == 0 ? "(?1" : ", (?1";
    for (size_t i = 1; i <= count; ++i) sql += ", ?" + std::to_string(row * count + i + 1);
    sql += ")";
  }
  return sql;
}

std::string UpdateSql(const char* table, const char* columns) {
  const std::vector<std::string> names = SplitColumns(columns);
  std::string sql = std::string("UPDATE ") + table + " SET ";
  for (size_t i = 1; i < names.size(); ++i) {
    sql += (i == 1 ? "" : ", ") + names[i] + " = ?" + std::to_string(i + 2);
  }
  return sql + " WHERE workspace_id = ?1 AND " + names.front() + " = ?2";
}

std::string UpsertSql(const char* table, const char* columns) {
  const std::vector<std::string> names = SplitColumns(columns);
  const bool by_id = names.front() == "id";
  std::string sql = InsertSql(table, columns) +
                    (by_id ? " ON CONFLICT (workspace_id, id)" : " ON CONFLICT (workspace_id)") +
                    " DO UPDATE SET ";
  bool first = true;
  for (const std::string& column : names) {
    if (column == "id") continue;
    sql += (first ? "" : ", ") + column + " = excluded." + column;
    first = false;
  }
  return sql;
}

}  // namespace addio::store_internal

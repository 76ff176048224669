#include "store/sqlite_rows.h"

#include <cstdio>
#include <nlohmann/json.hpp>

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
  if (json.is_discarded()) r.Damaged("invalid JSON");
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
void Binder::Date(CivilDate v) { Text(v.ToString()); }
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
  Text(std::string(v.currency().code()));
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

void RowReader::Damaged(const std::string& what) const {
  std::string id = statement_.getColumn(0).getString();
  throw DamagedRow(std::string("table ") + table_ + ", row " + id + ", column " +
                   statement_.getColumnName(index_ - 1) + ": " + what);
}

std::string RowReader::Text() { return Next().getString(); }

int64_t RowReader::Int() {
  SQLite::Column column = Next();
  if (!column.isInteger()) Damaged("expected an integer");
  return column.getInt64();
}

std::optional<int> RowReader::IntOrNull() {
  SQLite::Column column = Next();
  if (column.isNull()) return std::nullopt;
  return column.getInt();
}

std::optional<double> RowReader::Real() {
  SQLite::Column column = Next();
  if (column.isNull()) return std::nullopt;
  return column.getDouble();
}

CivilDate RowReader::Date() {
  std::optional<CivilDate> date = DateOrNull();
  if (!date) Damaged("missing date");
  return *date;
}

std::optional<CivilDate> RowReader::DateOrNull() {
  SQLite::Column column = Next();
  if (column.isNull()) return std::nullopt;
  auto date = CivilDate::Parse(column.getText());
  if (!date) Damaged(date.error().message);
  return *date;
}

std::optional<Instant> RowReader::AtOrNull() {
  SQLite::Column column = Next();
  if (column.isNull()) return std::nullopt;
  return Instant::FromUnixSeconds(column.getInt64());
}

Currency RowReader::ReadCurrency(const char* code) {
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
  if (!amount) Damaged("missing amount");
  return *amount;
}

std::optional<Money> RowReader::AmountOrNull() {
  SQLite::Column minor = Next();
  SQLite::Column code = Next();
  if (minor.isNull()) return std::nullopt;
  return Money(minor.getInt64(), ReadCurrency(code.getText()));
}

std::vector<std::string> RowReader::JsonList() {
  std::string text = Text();
  Json json = ParseJson(*this, text);
  if (!json.is_array()) Damaged("expected a JSON array");
  std::vector<std::string> out;
  for (const Json& item : json) {
    if (!item.is_string()) Damaged("expected a JSON array of strings");
    out.push_back(item.get<std::string>());
  }
  return out;
}

void Bind(Binder& b, const Client& r) {
  b.Text(r.id);
  b.Text(r.name);
  b.Text(Name(r.kind));
  b.Text(r.country);
  b.Date(r.since);
  b.Text(r.tax_id);
  b.JsonList(r.emails);
  b.JsonList(r.domains);
  b.TextOrNull(r.intake);
}

void Read(RowReader& r, Client& out) {
  out.id = r.Text();
  out.name = r.Text();
  out.kind = r.Enum(ParseClientKind);
  out.country = r.Text();
  out.since = r.DateOrNull();
  out.tax_id = r.Text();
  out.emails = r.JsonList();
  out.domains = r.JsonList();
  out.intake = r.Text();
}

void Bind(Binder& b, const Contract& r) {
  b.Text(r.id);
  b.Text(r.client);
  b.Date(r.sent);
  b.Date(r.signed_on);
  b.Date(r.refused);
  b.Date(r.start);
  b.Date(r.end);
  b.IntOrNull(r.payment_terms_days);
  b.Amount(r.hourly_rate);
}

void Read(RowReader& r, Contract& out) {
  out.id = r.Text();
  out.client = r.Text();
  out.sent = r.DateOrNull();
  out.signed_on = r.DateOrNull();
  out.refused = r.DateOrNull();
  out.start = r.DateOrNull();
  out.end = r.DateOrNull();
  out.payment_terms_days = r.IntOrNull();
  out.hourly_rate = r.AmountOrNull();
}

void Bind(Binder& b, const Project& r) {
  b.Text(r.id);
  b.Text(r.client);
  b.TextOrNull(r.contract);
  b.Text(r.name);
  b.Text(Name(r.pricing));
  b.Real(r.budget_hours);
  b.Amount(r.fee);
  b.Date(r.start);
  b.Date(r.end);
}

void Read(RowReader& r, Project& out) {
  out.id = r.Text();
  out.client = r.Text();
  out.contract = r.Text();
  out.name = r.Text();
  out.pricing = r.Enum(ParsePricing);
  out.budget_hours = r.Real();
  out.fee = r.AmountOrNull();
  out.start = r.DateOrNull();
  out.end = r.DateOrNull();
}

void Bind(Binder& b, const Request& r) {
  b.Text(r.id);
  b.Text(r.client);
  b.TextOrNull(r.project);
  b.At(r.at);
  b.Text(r.summary);
  b.Bool(r.in_scope);
  b.Real(r.estimate_hours);
  b.Text(Name(r.change_order));
  b.At(r.deadline);
}

void Read(RowReader& r, Request& out) {
  out.id = r.Text();
  out.client = r.Text();
  out.project = r.Text();
  out.at = r.At();
  out.summary = r.Text();
  out.in_scope = r.Bool();
  out.estimate_hours = r.Real();
  out.change_order = r.Enum(ParseChangeOrder);
  out.deadline = r.AtOrNull();
}

void Bind(Binder& b, const WorkEntry& r) {
  b.Text(r.id);
  b.Text(r.client);
  b.TextOrNull(r.project);
  b.TextOrNull(r.request);
  b.At(r.start);
  b.Int(r.minutes);
  b.Bool(r.billable);
  b.Text(r.note);
}

void Read(RowReader& r, WorkEntry& out) {
  out.id = r.Text();
  out.client = r.Text();
  out.project = r.Text();
  out.request = r.Text();
  out.start = r.At();
  out.minutes = static_cast<int>(r.Int());
  out.billable = r.Bool();
  out.note = r.Text();
}

void Bind(Binder& b, const Contact& r) {
  b.Text(r.id);
  b.Text(r.client);
  b.At(r.at);
  b.Text(Name(r.channel));
  b.Text(Name(r.direction));
  b.Int(r.minutes);
  b.Bool(r.urgent);
  b.Bool(r.logged);
}

void Read(RowReader& r, Contact& out) {
  out.id = r.Text();
  out.client = r.Text();
  out.at = r.At();
  out.channel = r.Enum(ParseChannel);
  out.direction = r.Enum(ParseDirection);
  out.minutes = static_cast<int>(r.Int());
  out.urgent = r.Bool();
  out.logged = r.Bool();
}

void Bind(Binder& b, const Invoice& r) {
  b.Text(r.id);
  b.Text(r.client);
  b.Date(r.issued);
  b.Date(r.due);
  b.Amount(r.amount);
  b.Text(Name(r.status));
  b.Bool(r.disputed);
}

void Read(RowReader& r, Invoice& out) {
  out.id = r.Text();
  out.client = r.Text();
  out.issued = r.Date();
  out.due = r.Date();
  out.amount = r.Amount();
  out.status = r.Enum(ParseInvoiceStatus);
  out.disputed = r.Bool();
}

void Bind(Binder& b, const Payment& r) {
  b.Text(r.id);
  b.Text(r.client);
  b.TextOrNull(r.invoice);
  b.Date(r.date);
  b.Amount(r.amount);
}

void Read(RowReader& r, Payment& out) {
  out.id = r.Text();
  out.client = r.Text();
  out.invoice = r.Text();
  out.date = r.Date();
  out.amount = r.Amount();
}

void Bind(Binder& b, const RateChange& r) {
  b.Text(r.id);
  b.Text(r.client);
  b.Date(r.at);
  b.Amount(r.from);
  b.Amount(r.to);
  b.Text(Name(r.outcome));
  b.Amount(r.agreed);
}

void Read(RowReader& r, RateChange& out) {
  out.id = r.Text();
  out.client = r.Text();
  out.at = r.Date();
  out.from = r.AmountOrNull();
  out.to = r.AmountOrNull();
  out.outcome = r.Enum(ParseRateOutcome);
  out.agreed = r.AmountOrNull();
}

void Bind(Binder& b, const UnmatchedCredit& r) {
  b.Text(r.id);
  b.Date(r.date);
  b.Amount(r.amount);
  b.Text(r.payer);
  b.Text(r.reference);
  b.Text(r.source);
}

void Read(RowReader& r, UnmatchedCredit& out) {
  out.id = r.Text();
  out.date = r.Date();
  out.amount = r.Amount();
  out.payer = r.Text();
  out.reference = r.Text();
  out.source = r.Text();
}

void Bind(Binder& b, const Workspace& w) {
  b.Int(1);
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
}

void Read(RowReader& r, Workspace& out) {
  r.Int();  // the id, always 1
  out.name = r.Text();
  out.currency = r.ReadCurrency(r.Text().c_str());
  out.timezone = r.Text();
  const Json hours = ParseJson(r, r.Text());
  for (int day = 0; day < 7; ++day) {
    out.working_hours[day].clear();
    const auto it = hours.find(WeekdayKey(day));
    if (it == hours.end() || !it->is_array()) r.Damaged("working hours without a weekday");
    for (const Json& item : *it) {
      const std::string text = item.is_string() ? item.get<std::string>() : "";
      const size_t dash = text.find('-');
      std::optional<int> start = ParseMinute(text.substr(0, dash));
      std::optional<int> end =
          dash == std::string::npos ? std::nullopt : ParseMinute(text.substr(dash + 1));
      if (!start || !end) r.Damaged("working interval \"" + text + "\"");
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
      r.Damaged("malformed exchange rate");
    }
    auto rate = Decimal::Parse(item["per_unit"].get<std::string>());
    if (!rate) r.Damaged(rate.error().message);
    out.fx.push_back({r.ReadCurrency(item["currency"].get<std::string>().c_str()), *rate});
  }
  out.owner_emails = r.JsonList();
  out.settings.clear();
  const Json settings = ParseJson(r, r.Text());
  if (!settings.is_object()) r.Damaged("settings are not a JSON object");
  for (const auto& [name, value] : settings.items()) {
    if (!value.is_number()) r.Damaged("setting " + name + " is not a number");
    out.settings[name] = value.get<double>();
  }
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

std::string InsertSql(const char* table, const char* columns) {
  std::string sql = std::string("INSERT INTO ") + table + " (" + columns + ") VALUES (";
  const size_t count = SplitColumns(columns).size();
  for (size_t i = 1; i <= count; ++i) sql += (i == 1 ? "?" : ", ?") + std::to_string(i);
  return sql + ")";
}

std::string UpdateSql(const char* table, const char* columns) {
  const std::vector<std::string> names = SplitColumns(columns);
  std::string sql = std::string("UPDATE ") + table + " SET ";
  for (size_t i = 1; i < names.size(); ++i) {
    sql += (i == 1 ? "" : ", ") + names[i] + " = ?" + std::to_string(i + 1);
  }
  return sql + " WHERE " + names.front() + " = ?1";
}

std::string UpsertSql(const char* table, const char* columns) {
  std::string sql = InsertSql(table, columns) + " ON CONFLICT (id) DO UPDATE SET ";
  bool first = true;
  for (const std::string& column : SplitColumns(columns)) {
    if (column == "id") continue;
    sql += (first ? "" : ", ") + column + " = excluded." + column;
    first = false;
  }
  return sql;
}

}  // namespace addio::store_internal

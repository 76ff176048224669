// How each record type maps to its table, on SQLite and PostgreSQL alike: the column
// list, and two mirror-image functions that bind a record to an upsert statement and read
// it back from a row. Both
// walk the record with the ledger's field visitor (VisitFields, ledger/format_fields.h),
// so a field is listed once, for every form: each kind of field has one column type here
// (money: minor units and code; dates: TEXT; instants: unix seconds; lists: JSON; an
// empty optional reference: NULL). Load(Import(x)) == x is the property this file keeps.
// Internal to src/store/; see schema.cc for the tables themselves.
#pragma once

#include "store/sql.h"

#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "core/catalogue.h"
#include "core/result.h"
#include "ledger/records.h"

namespace addio::store_internal {

// Thrown by the readers when a stored value cannot be read back (a damaged or hand-edited
// database); the store turns it into an Error kStore at its boundary. what() is the English.
class DamagedRow : public std::runtime_error {
 public:
  // Row `row` of `table` cannot be read at `column` because of `detail` (a store.row.*
  // or core.* message).
  DamagedRow(const std::string& table, const std::string& row, const std::string& column,
             const Message& detail);
  // "<path>: the database is damaged: table T, row R, column C: <detail>": the entry
  // store.damaged.<detail key without its namespace>, or store.damaged without the detail
  // when the catalogue has no such entry.
  Message At(const std::string& path) const;

 private:
  std::vector<Arg> where_;  // table, row, column
  Message detail_;
};

// Runs `body`, turning the database's refusals (SqlError) and damaged rows (DamagedRow)
// into Error kStore naming the store `where` and `action` (a store.action.* entry).
template <typename F>
auto GuardStore(const std::string& where, const char* action, F&& body) -> decltype(body()) {
  try {
    return body();
  } catch (const SqlError& e) {
    return Fail(ErrorCode::kStore, Msg("store.cannot", where, Arg::Key(action), e.what()));
  } catch (const DamagedRow& e) {
    return Fail(ErrorCode::kStore, e.At(where));
  }
}

// Binds the workspace to parameter 1 (every statement on a workspace's rows names it as
// ?1: InsertSql, UpdateSql, UpsertSql) and the values to parameters 2, 3, ... in order.
// Empty strings and absent optionals are NULL. Text is copied into the statement, except
// by the *InPlace forms and Static, which bind the caller's bytes: a bulk import binds
// millions of fields.
class Binder {
 public:
  Binder(SqlQuery& statement, int64_t workspace) : statement_(statement) {
    statement_.bind(1, workspace);
  }
  void Text(const std::string& v);
  void TextOrNull(const std::string& v);  // empty -> NULL
  // REQUIRES: `v` is neither changed nor destroyed before the statement has run.
  void TextInPlace(const std::string& v);
  void TextInPlaceOrNull(const std::string& v);  // empty -> NULL
  // REQUIRES: `v` is a string literal (or lives as long).
  void Static(const char* v);
  void Int(int64_t v);
  void IntOrNull(const std::optional<int>& v);
  void Real(const std::optional<double>& v);
  void Bool(bool v) { Int(v ? 1 : 0); }
  void Date(CivilDate v);
  void Date(const std::optional<CivilDate>& v);
  void At(Instant v) { Int(v.unix_seconds()); }
  void At(const std::optional<Instant>& v);
  void Amount(const Money& v);  // two columns: minor units, currency code
  void Amount(const std::optional<Money>& v);
  void JsonList(const std::vector<std::string>& v);

 private:
  SqlQuery& statement_;
  int index_ = 2;
  std::string scratch_;  // a date's text while it is bound (copied by SQLite)
};

// Reads columns 0, 1, 2, ... of the current row in order.
class RowReader {
 public:
  RowReader(SqlQuery& statement, const char* table) : statement_(statement), table_(table) {}
  std::string Text();  // NULL -> ""
  int64_t Int();
  std::optional<int> IntOrNull();
  std::optional<double> Real();
  bool Bool() { return Int() != 0; }
  CivilDate Date();
  std::optional<CivilDate> DateOrNull();
  Instant At() { return Instant::FromUnixSeconds(Int()); }
  std::optional<Instant> AtOrNull();
  Money Amount();
  std::optional<Money> AmountOrNull();
  std::vector<std::string> JsonList();
  Currency ReadCurrency(std::string_view code);
  // Throws DamagedRow for the current column; `detail` says what is wrong with it.
  [[noreturn]] void Damaged(const Message& detail) const;
  template <typename E>
  E Enum(std::optional<E> (*parse)(std::string_view)) {
    std::string text = Text();
    std::optional<E> value = parse(text);
    if (!value) Damaged(Msg("store.row.unknown_value", text));
    return *value;
  }

 private:
  SqlColumn Next() { return statement_.getColumn(index_++); }
  SqlQuery& statement_;
  const char* table_;
  int index_ = 0;
  std::string last_code_;  // one-entry cache: most rows of a table share a currency
  Currency last_currency_;
};

// The table of each record type: its name and columns (id first, then client), in the
// order of the record's fields in VisitFields (a money field is two columns: amount and
// currency). The Bind and Read overloads below handle the columns in exactly this order;
// tests/store/rows_test.cc holds the bytes each column stores.
struct TableInfo {
  const char* name;
  const char* columns;
};
template <typename T>
inline constexpr TableInfo kTableOf = {};
template <>
inline constexpr TableInfo kTableOf<Client> = {
    "clients", "id, name, kind, country, since, tax_id, emails, billing_email, domains, intake"};
template <>
inline constexpr TableInfo kTableOf<Contract> = {
    "contracts",
    "id, client, sent, signed, refused, start_date, end_date, payment_terms_days, "
    "hourly_rate, hourly_rate_currency"};
template <>
inline constexpr TableInfo kTableOf<Project> = {
    "projects",
    "id, client, contract, name, pricing, budget_hours, fee, fee_currency, start_date, "
    "end_date"};
template <>
inline constexpr TableInfo kTableOf<Request> = {
    "requests",
    "id, client, project, at, summary, in_scope, estimate_hours, change_order, deadline"};
template <>
inline constexpr TableInfo kTableOf<WorkEntry> = {
    "work", "id, client, project, request, start, minutes, billable, note"};
template <>
inline constexpr TableInfo kTableOf<Contact> = {
    "contacts", "id, client, at, channel, direction, minutes, urgent, logged"};
template <>
inline constexpr TableInfo kTableOf<Invoice> = {
    "invoices", "id, client, issued, due, amount, currency, status, disputed"};
template <>
inline constexpr TableInfo kTableOf<Payment> = {"payments",
                                                "id, client, invoice, date, amount, currency"};
template <>
inline constexpr TableInfo kTableOf<UnmatchedCredit> = {
    "unmatched_credits", "id, date, amount, currency, payer, reference, source"};
template <>
inline constexpr TableInfo kTableOf<RateChange> = {
    "rate_changes",
    "id, client, at, from_amount, from_currency, to_amount, to_currency, outcome, "
    "agreed_amount, agreed_currency"};

template <>
inline constexpr TableInfo kTableOf<CreditNote> = {
    "credit_notes", "id, client, invoice, issued, amount, currency, reason"};

// Bind and Read of each record: one parameter or column per field, in VisitFields order.
// Read throws DamagedRow for a value it cannot read back.
void Bind(Binder& b, const Client& r);
void Bind(Binder& b, const Contract& r);
void Bind(Binder& b, const Project& r);
void Bind(Binder& b, const Request& r);
void Bind(Binder& b, const WorkEntry& r);
void Bind(Binder& b, const Contact& r);
void Bind(Binder& b, const Invoice& r);
void Bind(Binder& b, const Payment& r);
void Bind(Binder& b, const RateChange& r);
void Bind(Binder& b, const CreditNote& r);
void Bind(Binder& b, const UnmatchedCredit& r);
void Read(RowReader& r, Client& out);
void Read(RowReader& r, Contract& out);
void Read(RowReader& r, Project& out);
void Read(RowReader& r, Request& out);
void Read(RowReader& r, WorkEntry& out);
void Read(RowReader& r, Contact& out);
void Read(RowReader& r, Invoice& out);
void Read(RowReader& r, Payment& out);
void Read(RowReader& r, RateChange& out);
void Read(RowReader& r, CreditNote& out);
void Read(RowReader& r, UnmatchedCredit& out);

// "INSERT INTO t (workspace_id, columns) VALUES (?1, ?2, ?3, ...)", with `rows` rows of
// parameters ("(?1, ?2, ?3), (?1, ?4, ?5)"): every row is the workspace's (?1), the
// values are numbered on from one row to the next.
std::string InsertSql(const char* table, const char* columns, size_t rows = 1);
// "UPDATE t SET c2 = ?3, c3 = ?4, ... WHERE workspace_id = ?1 AND id = ?2": binds as
// InsertSql does. REQUIRES: `columns` starts with id.
std::string UpdateSql(const char* table, const char* columns);
// InsertSql + " ON CONFLICT (workspace_id, id) DO UPDATE SET c = excluded.c, ...", or
// ON CONFLICT (workspace_id) for a table of one row per workspace (`columns` without id).
std::string UpsertSql(const char* table, const char* columns);

// The workspace's own row (its settings), one per workspace, in table workspace_settings.
inline constexpr char kWorkspaceTable[] = "workspace_settings";
inline constexpr char kWorkspaceColumns[] =
    "name, currency, timezone, working_hours, holidays, target_hourly_rate, "
    "target_hourly_rate_currency, fx, owner_emails, settings, tax_id, dunning, smtp, alerts";
void Bind(Binder& b, const Workspace& w);
void Read(RowReader& r, Workspace& out);

}  // namespace addio::store_internal

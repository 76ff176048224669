// The fields of each record type of `addio-ledger/1`, listed once: their names, their
// order (DESIGN.md section 2) and their kind. Readers and writers of both forms are
// "archives" that VisitFields walks over a record, so the JSON writer, the CSV writer, the
// CSV header and the reader of either form can never disagree about a field.
//
// An archive provides, for a field `name` of a record (const for writers):
//   Id, Text       a string always written ("" included)
//   OptText        a string left out when empty
//   Enum           one of the enum's names
//   Date, OptDate  YYYY-MM-DD (Date is required when reading)
//   Moment, OptMoment  an instant, RFC 3339 with the workspace offset
//   Int(required), OptInt, OptNumber, Bool
//   OptMoney       a decimal string in the workspace currency
//   Amount         a decimal string in the currency named by a second field
//   List           an array of strings (";"-joined in CSV)
//   Object         a JSON object kept as its text (in CSV, the text in one cell)
#pragma once

#include <concepts>
#include <optional>
#include <string_view>
#include <type_traits>
#include <vector>

#include "ledger/records.h"

namespace addio::format_internal {

template <typename E>
struct EnumTraits;
template <>
struct EnumTraits<ClientKind> {
  static constexpr int kCount = 2;
  static std::optional<ClientKind> Parse(std::string_view s) { return ParseClientKind(s); }
};
template <>
struct EnumTraits<Pricing> {
  static constexpr int kCount = 3;
  static std::optional<Pricing> Parse(std::string_view s) { return ParsePricing(s); }
};
template <>
struct EnumTraits<ChangeOrder> {
  static constexpr int kCount = 4;
  static std::optional<ChangeOrder> Parse(std::string_view s) { return ParseChangeOrder(s); }
};
template <>
struct EnumTraits<Channel> {
  static constexpr int kCount = 6;
  static std::optional<Channel> Parse(std::string_view s) { return ParseChannel(s); }
};
template <>
struct EnumTraits<Direction> {
  static constexpr int kCount = 2;
  static std::optional<Direction> Parse(std::string_view s) { return ParseDirection(s); }
};
template <>
struct EnumTraits<InvoiceStatus> {
  static constexpr int kCount = 3;
  static std::optional<InvoiceStatus> Parse(std::string_view s) { return ParseInvoiceStatus(s); }
};
template <>
struct EnumTraits<RateOutcome> {
  static constexpr int kCount = 4;
  static std::optional<RateOutcome> Parse(std::string_view s) { return ParseRateOutcome(s); }
};

// "company, individual": the allowed names, for messages.
template <typename E>
std::string EnumNames() {
  std::string out;
  for (int i = 0; i < EnumTraits<E>::kCount; ++i) {
    if (i > 0) out += ", ";
    out += Name(static_cast<E>(i));
  }
  return out;
}

// Record types in the order of the format: index, singular name (messages, LedgerSource),
// array name (JSON key) and CSV file name. Credit notes (ledger 1.1) come last: a ledger
// without them is written exactly as a 1.0 ledger (no array, no file).
inline constexpr int kRecordTypes = 10;
inline constexpr int kCreditNoteType = 9;
struct RecordTypeNames {
  const char* type;
  const char* array;
  const char* csv_file;
};
inline constexpr RecordTypeNames kRecordTypeNames[kRecordTypes] = {
    {"client", "clients", "clients.csv"},
    {"contract", "contracts", "contracts.csv"},
    {"project", "projects", "projects.csv"},
    {"request", "requests", "requests.csv"},
    {"work", "work", "work.csv"},
    {"contact", "contacts", "contacts.csv"},
    {"invoice", "invoices", "invoices.csv"},
    {"payment", "payments", "payments.csv"},
    {"rate_change", "rate_changes", "rate_changes.csv"},
    {"credit_note", "credit_notes", "credit_notes.csv"},
};

// kIndex: the record type's index in kRecordTypeNames; kMember: its vector in a Ledger.
template <typename R>
struct RecordTraits;
template <>
struct RecordTraits<Client> {
  static constexpr int kIndex = 0;
  static constexpr auto kMember = &Ledger::clients;
};
template <>
struct RecordTraits<Contract> {
  static constexpr int kIndex = 1;
  static constexpr auto kMember = &Ledger::contracts;
};
template <>
struct RecordTraits<Project> {
  static constexpr int kIndex = 2;
  static constexpr auto kMember = &Ledger::projects;
};
template <>
struct RecordTraits<Request> {
  static constexpr int kIndex = 3;
  static constexpr auto kMember = &Ledger::requests;
};
template <>
struct RecordTraits<WorkEntry> {
  static constexpr int kIndex = 4;
  static constexpr auto kMember = &Ledger::work;
};
template <>
struct RecordTraits<Contact> {
  static constexpr int kIndex = 5;
  static constexpr auto kMember = &Ledger::contacts;
};
template <>
struct RecordTraits<Invoice> {
  static constexpr int kIndex = 6;
  static constexpr auto kMember = &Ledger::invoices;
};
template <>
struct RecordTraits<Payment> {
  static constexpr int kIndex = 7;
  static constexpr auto kMember = &Ledger::payments;
};
template <>
struct RecordTraits<RateChange> {
  static constexpr int kIndex = 8;
  static constexpr auto kMember = &Ledger::rate_changes;
};
template <>
struct RecordTraits<CreditNote> {
  static constexpr int kIndex = kCreditNoteType;
  static constexpr auto kMember = &Ledger::credit_notes;
};

// Calls f(std::type_identity<R>{}) for each record type R in the order of the format.
template <typename F>
void ForEachRecordType(F&& f) {
  f(std::type_identity<Client>{});
  f(std::type_identity<Contract>{});
  f(std::type_identity<Project>{});
  f(std::type_identity<Request>{});
  f(std::type_identity<WorkEntry>{});
  f(std::type_identity<Contact>{});
  f(std::type_identity<Invoice>{});
  f(std::type_identity<Payment>{});
  f(std::type_identity<RateChange>{});
  f(std::type_identity<CreditNote>{});
}

template <typename R, typename T>
concept RecordOf = std::same_as<std::remove_const_t<R>, T>;

template <typename A, RecordOf<Client> R>
void VisitFields(A& a, R& r) {
  a.Id("id", r.id);
  a.Text("name", r.name);
  a.Enum("kind", r.kind);
  a.OptText("country", r.country);
  a.OptDate("since", r.since);
  a.OptText("tax_id", r.tax_id);
  a.List("emails", r.emails);
  a.OptText("billing_email", r.billing_email);
  a.List("domains", r.domains);
  a.Object("intake", r.intake);
}

template <typename A, RecordOf<Contract> R>
void VisitFields(A& a, R& r) {
  a.Id("id", r.id);
  a.Text("client", r.client);
  a.OptDate("sent", r.sent);
  a.OptDate("signed", r.signed_on);
  a.OptDate("refused", r.refused);
  a.OptDate("start", r.start);
  a.OptDate("end", r.end);
  a.OptInt("payment_terms_days", r.payment_terms_days);
  a.OptMoney("hourly_rate", r.hourly_rate);
}

template <typename A, RecordOf<Project> R>
void VisitFields(A& a, R& r) {
  a.Id("id", r.id);
  a.Text("client", r.client);
  a.OptText("contract", r.contract);
  a.Text("name", r.name);
  a.Enum("pricing", r.pricing);
  a.OptNumber("budget_hours", r.budget_hours);
  a.OptMoney("fee", r.fee);
  a.OptDate("start", r.start);
  a.OptDate("end", r.end);
}

template <typename A, RecordOf<Request> R>
void VisitFields(A& a, R& r) {
  a.Id("id", r.id);
  a.Text("client", r.client);
  a.OptText("project", r.project);
  a.Moment("at", r.at);
  a.Text("summary", r.summary);
  a.Bool("in_scope", r.in_scope);
  a.OptNumber("estimate_hours", r.estimate_hours);
  a.Enum("change_order", r.change_order);
  a.OptMoment("deadline", r.deadline);
}

template <typename A, RecordOf<WorkEntry> R>
void VisitFields(A& a, R& r) {
  a.Id("id", r.id);
  a.Text("client", r.client);
  a.OptText("project", r.project);
  a.OptText("request", r.request);
  a.Moment("start", r.start);
  a.Int("minutes", r.minutes, /*required=*/true);
  a.Bool("billable", r.billable);
  a.Text("note", r.note);
}

template <typename A, RecordOf<Contact> R>
void VisitFields(A& a, R& r) {
  a.Id("id", r.id);
  a.Text("client", r.client);
  a.Moment("at", r.at);
  a.Enum("channel", r.channel);
  a.Enum("direction", r.direction);
  a.Int("minutes", r.minutes, /*required=*/false);
  a.Bool("urgent", r.urgent);
  a.Bool("logged", r.logged);
}

template <typename A, RecordOf<Invoice> R>
void VisitFields(A& a, R& r) {
  a.Id("id", r.id);
  a.Text("client", r.client);
  a.Date("issued", r.issued);
  a.Date("due", r.due);
  a.Amount("amount", "currency", r.amount);
  a.Enum("status", r.status);
  a.Bool("disputed", r.disputed);
}

template <typename A, RecordOf<Payment> R>
void VisitFields(A& a, R& r) {
  a.Id("id", r.id);
  a.Text("client", r.client);
  a.OptText("invoice", r.invoice);
  a.Date("date", r.date);
  a.Amount("amount", "currency", r.amount);
}

template <typename A, RecordOf<RateChange> R>
void VisitFields(A& a, R& r) {
  a.Id("id", r.id);
  a.Text("client", r.client);
  a.Date("at", r.at);
  a.OptMoney("from", r.from);
  a.OptMoney("to", r.to);
  a.Enum("outcome", r.outcome);
  a.OptMoney("agreed", r.agreed);
}

template <typename A, RecordOf<CreditNote> R>
void VisitFields(A& a, R& r) {
  a.Id("id", r.id);
  a.Text("client", r.client);
  a.Text("invoice", r.invoice);
  a.Date("issued", r.issued);
  a.Amount("amount", "currency", r.amount);
  a.Text("reason", r.reason);
}

}  // namespace addio::format_internal

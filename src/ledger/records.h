// The ledger records of the canonical format `addio-ledger/1` (DESIGN.md section 2):
// what a freelancer's business is made of, as plain values. Every importer produces
// these, the store keeps them, and the engine reads them. Money is exact (core/money.h),
// business dates are CivilDates, moments are UTC Instants; optional fields are
// std::optional. Records compare equal field by field, which is how a re-import tells
// "unchanged" from "updated".
#pragma once

#include <array>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/money.h"
#include "core/time.h"

namespace addio {

inline constexpr char kLedgerFormat[] = "addio-ledger/1";
// The format with credit notes (DESIGN.md section 2): a reader accepts both names; a
// writer names 1.1 only when it writes credit notes, so that a ledger without them is
// written exactly as before.
inline constexpr char kLedgerFormat11[] = "addio-ledger/1.1";
inline bool IsLedgerFormat(std::string_view name) {
  return name == kLedgerFormat || name == kLedgerFormat11;
}

enum class ClientKind { kCompany, kIndividual };
enum class Pricing { kFixed, kHourly, kRetainer };
enum class ChangeOrder { kNone, kProposed, kAccepted, kRefused };
enum class Channel { kCall, kEmail, kChat, kMeeting, kSms, kOther };
enum class Direction { kInbound, kOutbound };
enum class InvoiceStatus { kIssued, kVoid, kWrittenOff };
enum class RateOutcome { kPending, kAccepted, kRefused, kCountered };
// Dunning (DESIGN.md section 12): what a step of the ladder does, and how it goes out.
enum class DunningAction { kReminder, kFormalNotice, kStopWork };
enum class DunningChannel {
  kEmail,   // `addio dunning --send` mails the letter
  kManual,  // listed only: the freelancer sends it (registered letter, PEC) or acts on it
};
enum class MailSecurity { kStartTls, kTls, kNone };

// A half-open interval of minutes since local midnight: [start, end).
struct MinuteInterval {
  int start = 0;  // 0..1439
  int end = 0;    // start < end <= 1440
  friend bool operator==(const MinuteInterval&, const MinuteInterval&) = default;
};

// One step of a dunning ladder: `action` once an invoice is `after_days` past its due
// date and still open.
struct DunningStep {
  int after_days = 0;
  DunningAction action = DunningAction::kReminder;
  DunningChannel channel = DunningChannel::kEmail;
  friend bool operator==(const DunningStep&, const DunningStep&) = default;
};

// The outgoing mail server (`addio dunning --send`, alerts by e-mail). The password is
// never part of the workspace: it is read when sending from the environment variable
// `password_env` or the file `password_file`.
struct MailServer {
  std::string host;  // empty: no server configured
  int port = 0;      // 0: the default of `security` (587, 465, 25)
  MailSecurity security = MailSecurity::kStartTls;
  std::string user;  // empty: no login
  std::string password_env;
  std::string password_file;
  std::string from;  // the sender: "Studio Rossi <billing@studio.it>" or an address
  friend bool operator==(const MailServer&, const MailServer&) = default;
};

// Where `addio alerts --deliver` sends new alerts: a webhook (a JSON POST signed with
// HMAC-SHA256 by the key in the environment variable `secret_env`) and/or an address.
struct AlertDelivery {
  std::string webhook;  // http:// or https:// URL; empty: none
  std::string secret_env;
  std::string email;  // empty: none
  friend bool operator==(const AlertDelivery&, const AlertDelivery&) = default;
};

// Working intervals per weekday, index 0 = Monday; sorted and not overlapping.
using WorkingHours = std::array<std::vector<MinuteInterval>, 7>;

// Mon-Fri 09:00-13:00 and 14:00-18:00 (DESIGN.md section 3).
WorkingHours DefaultWorkingHours();

struct FxRate {
  Currency currency;  // the foreign currency
  Decimal per_unit;   // units of the workspace currency for one unit of `currency`
  friend bool operator==(const FxRate&, const FxRate&) = default;
};

struct Workspace {
  std::string name;
  Currency currency;                     // default EUR
  std::string timezone = "Europe/Rome";  // IANA name
  WorkingHours working_hours = DefaultWorkingHours();
  std::vector<CivilDate> holidays;  // sorted
  std::optional<Money> target_hourly_rate;
  std::vector<FxRate> fx;
  std::vector<std::string> owner_emails;  // the freelancer's own addresses
  // The freelancer's own VAT number or fiscal code ("IT01234567890"), may be empty: an
  // e-invoice whose seller is someone else is a purchase, never a sale.
  std::string tax_id;
  std::map<std::string, double> settings;  // threshold name -> value (DESIGN.md section 3)
  // Dunning ladders by client type ("partner", "slow_payer", ... or "default" for every
  // type without one), each sorted by after_days; a type left out keeps addio's ladder
  // (dunning/ladder.h). Which names are valid is checked where the ladders are used.
  std::map<std::string, std::vector<DunningStep>> dunning;
  MailServer smtp;
  AlertDelivery alerts;
  friend bool operator==(const Workspace&, const Workspace&) = default;
};

struct Client {
  std::string id;
  std::string name;
  ClientKind kind = ClientKind::kCompany;
  std::string country;  // ISO 3166 alpha-2, may be empty
  std::optional<CivilDate> since;
  std::string tax_id;  // e.g. "IT01234567890"; may be empty
  std::vector<std::string> emails;
  // Where invoices and reminders go; empty: the first of `emails`.
  std::string billing_email;
  std::vector<std::string> domains;
  std::string intake;  // screening answers as a JSON object text; empty when none
  friend bool operator==(const Client&, const Client&) = default;
};

struct Contract {
  std::string id;
  std::string client;
  std::optional<CivilDate> sent;
  std::optional<CivilDate> signed_on;  // JSON field "signed"
  std::optional<CivilDate> refused;
  std::optional<CivilDate> start;
  std::optional<CivilDate> end;
  std::optional<int> payment_terms_days;
  std::optional<Money> hourly_rate;
  friend bool operator==(const Contract&, const Contract&) = default;
};

struct Project {
  std::string id;
  std::string client;
  std::string contract;  // may be empty
  std::string name;
  Pricing pricing = Pricing::kFixed;
  std::optional<double> budget_hours;
  std::optional<Money> fee;
  std::optional<CivilDate> start;
  std::optional<CivilDate> end;
  friend bool operator==(const Project&, const Project&) = default;
};

struct Request {
  std::string id;
  std::string client;
  std::string project;  // may be empty
  Instant at;
  std::string summary;
  bool in_scope = true;
  std::optional<double> estimate_hours;
  ChangeOrder change_order = ChangeOrder::kNone;
  std::optional<Instant> deadline;
  friend bool operator==(const Request&, const Request&) = default;
};

struct WorkEntry {
  std::string id;
  std::string client;
  std::string project;  // may be empty
  std::string request;  // may be empty
  Instant start;
  int minutes = 0;  // 0..1440
  bool billable = true;
  std::string note;
  friend bool operator==(const WorkEntry&, const WorkEntry&) = default;
};

struct Contact {
  std::string id;
  std::string client;
  Instant at;
  Channel channel = Channel::kEmail;
  Direction direction = Direction::kInbound;
  int minutes = 0;  // 0..1440
  bool urgent = false;
  bool logged = false;  // true when the time is also in a work entry
  friend bool operator==(const Contact&, const Contact&) = default;
};

struct Invoice {
  std::string id;
  std::string client;
  CivilDate issued;
  CivilDate due;
  Money amount;  // > 0, in the invoice's currency
  InvoiceStatus status = InvoiceStatus::kIssued;
  bool disputed = false;
  friend bool operator==(const Invoice&, const Invoice&) = default;
};

struct Payment {
  std::string id;
  std::string client;
  std::string invoice;  // may be empty: allocated FIFO (ledger/allocation.h)
  CivilDate date;
  Money amount;  // > 0
  friend bool operator==(const Payment&, const Payment&) = default;
};

// A credit note (ledger 1.1): lowers one invoice of the same client from its issue date.
// It is never money received; see ledger/allocation.h for what it does to the books.
struct CreditNote {
  std::string id;
  std::string client;
  std::string invoice;  // the invoice it corrects (required)
  CivilDate issued;
  Money amount;  // > 0; the invoice's currency, or one the workspace FX table converts
  std::string reason;
  friend bool operator==(const CreditNote&, const CreditNote&) = default;
};

struct RateChange {
  std::string id;
  std::string client;
  CivilDate at;
  std::optional<Money> from;
  std::optional<Money> to;
  RateOutcome outcome = RateOutcome::kPending;
  std::optional<Money> agreed;
  friend bool operator==(const RateChange&, const RateChange&) = default;
};

// A whole workspace's records. Vectors are in no particular order unless a function
// says otherwise.
struct Ledger {
  Workspace workspace;
  std::vector<Client> clients;
  std::vector<Contract> contracts;
  std::vector<Project> projects;
  std::vector<Request> requests;
  std::vector<WorkEntry> work;
  std::vector<Contact> contacts;
  std::vector<Invoice> invoices;
  std::vector<Payment> payments;
  std::vector<RateChange> rate_changes;
  std::vector<CreditNote> credit_notes;
  // How many records of every type it holds (the workspace not counted).
  size_t records() const;
  friend bool operator==(const Ledger&, const Ledger&) = default;
};

// A bank credit that no invoice or client could be matched to. Not a ledger record: the
// store keeps it for review until `addio match PAYMENT INVOICE` turns it into a Payment.
struct UnmatchedCredit {
  std::string id;         // stable: from the bank's entry reference, else a content hash
  CivilDate date;         // booking or value date
  Money amount;           // > 0
  std::string payer;      // the debtor's name as the bank gives it; may be empty
  std::string reference;  // remittance information; may be empty
  std::string source;     // the file it came from
  friend bool operator==(const UnmatchedCredit&, const UnmatchedCredit&) = default;
};

// The names used in the format (JSON values, CSV cells, messages). Each Parse returns
// nullopt for a name that is not one of the enum's.
const char* Name(ClientKind v);
const char* Name(Pricing v);
const char* Name(ChangeOrder v);
const char* Name(Channel v);
const char* Name(Direction v);
const char* Name(InvoiceStatus v);
const char* Name(RateOutcome v);
const char* Name(DunningAction v);   // "reminder", "formal_notice", "stop_work"
const char* Name(DunningChannel v);  // "email", "manual"
const char* Name(MailSecurity v);    // "starttls", "tls", "none"
std::optional<ClientKind> ParseClientKind(std::string_view s);
std::optional<Pricing> ParsePricing(std::string_view s);
std::optional<ChangeOrder> ParseChangeOrder(std::string_view s);
std::optional<Channel> ParseChannel(std::string_view s);
std::optional<Direction> ParseDirection(std::string_view s);
std::optional<InvoiceStatus> ParseInvoiceStatus(std::string_view s);
std::optional<RateOutcome> ParseRateOutcome(std::string_view s);
std::optional<DunningAction> ParseDunningAction(std::string_view s);
std::optional<DunningChannel> ParseDunningChannel(std::string_view s);
std::optional<MailSecurity> ParseMailSecurity(std::string_view s);

// "mon".."sun" for index 0..6.
const char* WeekdayKey(int index);

}  // namespace addio

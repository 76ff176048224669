#include "ledger/validate.h"

#include <simdjson.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <functional>
#include <iterator>
#include <string_view>
#include <unordered_map>

#include "core/parallel.h"
#include "core/text.h"
#include "ledger/allocation.h"
#include "ledger/bounds.h"
#include "ledger/format_fields.h"
#include "ledger/format_internal.h"
#include "ledger/id_index.h"

namespace addio {

std::optional<RecordLocation> LedgerSource::Find(const std::string& type, size_t index) const {
  if (const auto it = locations.find(type); it != locations.end()) {
    if (index >= it->second.size()) return std::nullopt;
    return it->second[index];
  }
  const auto it = lines.find(type);
  if (it == lines.end() || index >= it->second.lines.size()) return std::nullopt;
  return RecordLocation{it->second.file, it->second.lines[index], ""};
}

namespace {

using format_internal::kRecordTypeNames;
using format_internal::RecordTraits;

constexpr uint32_t kNone = UINT32_MAX;

std::string Hhmm(int minutes) {
  std::string out;
  out += static_cast<char>('0' + minutes / 600);
  out += static_cast<char>('0' + minutes / 60 % 10);
  out += ':';
  out += static_cast<char>('0' + minutes % 60 / 10);
  out += static_cast<char>('0' + minutes % 10);
  return out;
}

// For each record, the index of the first earlier record with the same id, or kNone.
// Sorting hashes keeps this at 16 bytes per record for ledgers of millions of records.
template <typename R>
std::vector<uint32_t> EarlierWithSameId(const std::vector<R>& records) {
  // Records in strictly increasing id order (an export, a generated ledger) repeat none.
  if (std::adjacent_find(records.begin(), records.end(),
                         [](const R& a, const R& b) { return !(a.id < b.id); }) == records.end()) {
    return std::vector<uint32_t>(records.size(), kNone);
  }
  std::vector<std::pair<size_t, uint32_t>> keys;
  keys.reserve(records.size());
  for (size_t i = 0; i < records.size(); ++i) {
    keys.emplace_back(std::hash<std::string_view>{}(records[i].id), static_cast<uint32_t>(i));
  }
  std::sort(keys.begin(), keys.end());
  std::vector<uint32_t> earlier(records.size(), kNone);
  for (size_t begin = 0; begin < keys.size();) {
    size_t end = begin + 1;
    while (end < keys.size() && keys[end].first == keys[begin].first) ++end;
    // Within a run of equal hashes (sorted by index), compare the ids themselves.
    for (size_t i = begin + 1; i < end; ++i) {
      for (size_t j = begin; j < i; ++j) {
        if (records[keys[j].second].id == records[keys[i].second].id &&
            earlier[keys[j].second] == kNone) {
          earlier[keys[i].second] = keys[j].second;
          break;
        }
      }
    }
    begin = end;
  }
  return earlier;
}

// id -> index of its first record, for the record types others refer to; built once, on
// every core, and read by the checks of every record type.
struct IdIndexes {
  explicit IdIndexes(const Ledger& ledger) {
    const std::function<void()> build[] = {
        [&] { clients = IdIndex(ledger.clients); },
        [&] { contracts = IdIndex(ledger.contracts); },
        [&] { projects = IdIndex(ledger.projects); },
        [&] { requests = IdIndex(ledger.requests); },
        [&] { invoices = IdIndex(ledger.invoices); },
    };
    ParallelFor(std::size(build), TasksPerThread(ledger.records(), std::size(build)),
                [&](size_t i) { build[i](); });
  }
  IdIndex<Client> clients;
  IdIndex<Contract> contracts;
  IdIndex<Project> projects;
  IdIndex<Request> requests;
  IdIndex<Invoice> invoices;
};

// The checks of the workspace (CheckWorkspace) or of one record type's records
// (CheckRecords), saying what they find into `out`.
class Validator {
 public:
  Validator(const Ledger& ledger, const LedgerSource& source, const IdIndexes& ids,
            Diagnostics& out)
      : ledger_(ledger),
        source_(source),
        out_(out),
        clients_(ids.clients),
        contracts_(ids.contracts),
        projects_(ids.projects),
        requests_(ids.requests),
        invoices_(ids.invoices) {}

  template <typename R>
  void CheckRecords() {
    const std::vector<R>& records = ledger_.*RecordTraits<R>::kMember;
    const std::vector<uint32_t> earlier = EarlierWithSameId(records);
    record_type_ = kRecordTypeNames[RecordTraits<R>::kIndex].type;
    for (size_t i = 0; i < records.size(); ++i) {
      index_ = i;
      id_ = &records[i].id;
      CheckId(earlier[i], records);
      Check(records[i]);
      CheckBounds(records[i]);
    }
  }

 private:
  // ---- Reporting

  void Error(std::string_view field, Message message, std::string_view path_suffix = {},
             std::vector<Message> notes = {}) {
    Diagnostic d;
    if (const std::optional<RecordLocation> where = source_.Find(record_type_, index_)) {
      d.file = where->file;
      d.line = where->line;
      if (!where->path.empty()) {
        d.path = where->path;
        if (!field.empty()) d.path.append(".").append(field).append(path_suffix);
      }
    }
    d.record_type = record_type_;
    if (id_ != nullptr) d.record_id = *id_;
    d.field = field;
    d.message = std::move(message);
    d.notes = std::move(notes);
    out_.Add(std::move(d));
  }

  // "duplicate id ...": naming where the earlier record of `type` with the id was read.
  Message DuplicateId(const char* type, uint32_t index) const {
    const Arg type_word = Arg::Key(RecordTypeKey(type));
    const std::optional<RecordLocation> where = source_.Find(type, index);
    if (!where || (where->file.empty() && where->path.empty())) {
      return Msg("ledger.duplicate_id", *id_, type_word);  // e.g. a record already in the store
    }
    const std::string at =
        !where->path.empty() ? where->path : where->file + ":" + std::to_string(where->line);
    return Msg("ledger.duplicate_id_at", *id_, type_word, at);
  }

  // ---- Workspace

 public:
  void CheckWorkspace() {
    const Workspace& w = ledger_.workspace;
    record_type_ = "workspace";
    index_ = 0;
    id_ = nullptr;
    if (Result<TimeZone> zone = TimeZone::Find(w.timezone); !zone) {
      Error("timezone", zone.error().message);
    }
    for (int day = 0; day < 7; ++day) {
      const std::vector<MinuteInterval>& intervals = w.working_hours[day];
      const std::string key = WeekdayKey(day);
      for (size_t i = 0; i < intervals.size(); ++i) {
        const MinuteInterval& v = intervals[i];
        const std::string suffix = "." + key + "[" + std::to_string(i) + "]";
        if (v.start < 0 || v.end > 1440 || v.start >= v.end) {
          Error("working_hours",
                Msg("ledger.workspace.bad_interval", key, Hhmm(std::clamp(v.start, 0, 1440)),
                    Hhmm(std::clamp(v.end, 0, 1440))),
                suffix);
        } else if (i > 0 && v.start < intervals[i - 1].end) {
          Error("working_hours",
                Msg("ledger.workspace.overlap", key, Hhmm(v.start), Hhmm(v.end),
                    Hhmm(intervals[i - 1].start), Hhmm(intervals[i - 1].end)),
                suffix);
        }
      }
    }
    for (size_t i = 0; i < w.fx.size(); ++i) {
      const FxRate& rate = w.fx[i];
      const std::string suffix = "[" + std::to_string(i) + "]";
      const std::string code(rate.currency.code());
      if (rate.currency == w.currency) {
        Error("fx", Msg("ledger.workspace.fx_lists_own_currency", code), suffix);
      } else if (std::any_of(w.fx.begin(), w.fx.begin() + static_cast<long>(i),
                             [&rate](const FxRate& r) { return r.currency == rate.currency; })) {
        Error("fx", Msg("ledger.workspace.fx_repeated", code), suffix);
      }
      if (rate.per_unit.units <= 0) {
        Error("fx", Msg("ledger.workspace.fx_rate_not_positive", code), suffix + ".per_unit");
      }
    }
    if (w.target_hourly_rate) {
      CheckWorkspaceMoney("target_hourly_rate", *w.target_hourly_rate);
      CheckAmountBound("target_hourly_rate", *w.target_hourly_rate);
    }
    CheckText("name", w.name);
    for (const CivilDate& day : w.holidays) CheckYear("holidays", day);
    for (const auto& [name, value] : w.settings) {
      if (!std::isfinite(value)) {
        Error("settings", Msg("ledger.expected", Arg::Key("ledger.type.number")), "." + name);
      }
    }
    CheckDunning(w.dunning);
    CheckMailServer(w.smtp);
    CheckAlertDelivery(w.alerts);
  }

 private:
  // Each ladder's steps come later and later: a step is due once the one before it is.
  void CheckDunning(const std::map<std::string, std::vector<DunningStep>>& ladders) {
    for (const auto& [type, steps] : ladders) {
      for (size_t i = 1; i < steps.size(); ++i) {
        if (steps[i].after_days <= steps[i - 1].after_days) {
          Error("dunning",
                Msg("ledger.workspace.steps_order", steps[i].after_days, steps[i - 1].after_days),
                "." + type + "[" + std::to_string(i) + "].after_days");
        }
      }
    }
  }

  void CheckMailServer(const MailServer& m) {
    const bool any = !m.host.empty() || !m.user.empty() || !m.from.empty() ||
                     !m.password_env.empty() || !m.password_file.empty() || m.port != 0;
    if (!any) return;
    if (m.host.empty()) Error("smtp", Msg("ledger.workspace.smtp_needs", "host"), ".host");
    if (!LooksLikeAddress(m.from))
      Error("smtp", Msg("ledger.workspace.smtp_needs", "from"), ".from");
    if (!m.password_env.empty() && !m.password_file.empty()) {
      Error("smtp", Msg("ledger.workspace.smtp_two_passwords"), ".password_file");
    }
  }

  void CheckAlertDelivery(const AlertDelivery& a) {
    if (!a.webhook.empty()) {
      if (!a.webhook.starts_with("http://") && !a.webhook.starts_with("https://")) {
        Error("alerts", Msg("ledger.workspace.webhook_url"), ".webhook");
      }
      if (a.secret_env.empty()) {
        Error("alerts", Msg("ledger.workspace.webhook_secret"), ".secret_env");
      }
    }
    if (!a.email.empty() && !LooksLikeAddress(a.email)) {
      Error("alerts", Msg("ledger.not_an_address", a.email), ".email");
    }
  }

  // An e-mail address, alone or as "Name <address>": something@something, no spaces in
  // the address. Not a full RFC 5322 check: the mail server has the last word.
  static bool LooksLikeAddress(std::string_view text) {
    const size_t open = text.rfind('<');
    if (open != std::string_view::npos && text.ends_with('>')) {
      text = text.substr(open + 1, text.size() - open - 2);
    }
    const size_t at = text.find('@');
    return at != std::string_view::npos && at > 0 && at + 1 < text.size() &&
           text.find_first_of(" \t\r\n<>,;") == std::string_view::npos;
  }

  // ---- Records

  template <typename R>
  void CheckId(uint32_t earlier, const std::vector<R>& records) {
    if (id_->empty()) {
      Error("id", Msg("ledger.missing_id", Arg::Key(RecordTypeKey(record_type_))));
    } else if (earlier != kNone) {
      if constexpr (requires(const R& r) { r.client; }) {
        // The same id for two clients is the ownership rule's case: name both.
        const std::string& before = records[earlier].client;
        const std::string& now = records[index_].client;
        if (before != now) {
          Error("client", OwnerConflict(record_type_, earlier, before, now));
          return;
        }
      }
      Error("id", DuplicateId(record_type_, earlier));
    }
  }

  // "invoice 7 belongs to client a (read at ...), not to b": the earlier record of `type`
  // with the id was read for another client.
  Message OwnerConflict(const char* type, uint32_t index, const std::string& before,
                        const std::string& now) const {
    const Arg type_word = Arg::Key(RecordTypeKey(type));
    const std::optional<RecordLocation> where = source_.Find(type, index);
    std::string at;
    if (where && !where->path.empty()) {
      at = where->path;
    } else if (where && !where->file.empty()) {
      at = where->file + ":" + std::to_string(where->line);
    }
    if (at.empty()) return Msg("ledger.owner_conflict", type_word, *id_, before, now);
    return Msg("ledger.owner_conflict_at", type_word, *id_, before, now, at);
  }

  // ---- Bounds (DESIGN.md section 2), by kind of field, whatever the record type

  // An archive for VisitFields that checks each field against the bounds of its kind.
  class BoundsChecker {
   public:
    explicit BoundsChecker(Validator& v) : v_(v) {}
    void Id(const char* name, const std::string& value) { v_.CheckText(name, value); }
    void Text(const char* name, const std::string& value) { v_.CheckText(name, value); }
    void OptText(const char* name, const std::string& value) { v_.CheckText(name, value); }
    template <typename E>
    void Enum(const char*, E) {}
    void Date(const char* name, CivilDate value) { v_.CheckYear(name, value); }
    void OptDate(const char* name, const std::optional<CivilDate>& value) {
      if (value) v_.CheckYear(name, *value);
    }
    void Moment(const char* name, Instant value) { v_.CheckYear(name, bounds::UtcDateOf(value)); }
    void OptMoment(const char* name, const std::optional<Instant>& value) {
      if (value) Moment(name, *value);
    }
    void Int(const char*, int, bool) {}
    void OptInt(const char*, const std::optional<int>&) {}
    void OptNumber(const char*, const std::optional<double>&) {}
    void Bool(const char*, bool) {}
    void OptMoney(const char* name, const std::optional<Money>& value) {
      if (value) v_.CheckAmountBound(name, *value);
    }
    void Amount(const char* name, const char*, const Money& value) {
      v_.CheckAmountBound(name, value);
    }
    void List(const char* name, const std::vector<std::string>& values) {
      size_t total = 0;
      for (const std::string& value : values) {
        total += value.size();
        if (!v_.CheckText(name, value, /*length=*/false)) return;
      }
      if (total > bounds::kMaxTextBytes) {
        v_.Error(name, Msg("ledger.text_too_long", total, bounds::kMaxTextBytes));
      }
    }
    void Object(const char* name, const std::string& value) { v_.CheckText(name, value); }

   private:
    Validator& v_;
  };

  template <typename R>
  void CheckBounds(const R& record) {
    BoundsChecker checker(*this);
    format_internal::VisitFields(checker, record);
  }

  // Text is valid UTF-8 without NUL, at most bounds::kMaxTextBytes long. False when it
  // reported an error.
  bool CheckText(const char* field, std::string_view text, bool length = true) {
    if (length && text.size() > bounds::kMaxTextBytes) {
      Error(field, Msg("ledger.text_too_long", text.size(), bounds::kMaxTextBytes));
      return false;
    }
    // Most texts are short and plain ASCII without NUL: one branch-free pass over the
    // bytes says so, with no call per text into the checks below. (A NUL counts as a byte
    // with the high bit set: either sends the text on to them.)
    unsigned char seen = 0;
    for (const char c : text) seen |= c == '\0' ? 0x80 : static_cast<unsigned char>(c);
    if ((seen & 0x80) == 0) return true;
    if (text.find('\0') != std::string_view::npos) {
      Error(field, Msg("ledger.text_has_nul"));
      return false;
    }
    if (!simdjson::validate_utf8(text.data(), text.size())) {  // fast; then where
      Error(field, Msg("ledger.text_not_utf8", FirstInvalidUtf8(text)));
      return false;
    }
    return true;
  }

  void CheckYear(const char* field, CivilDate date) {
    // Compared as days: the year of every date of every record is not worked out.
    static const CivilDate first = *CivilDate::FromYmd(bounds::kMinYear, 1, 1);
    static const CivilDate last = *CivilDate::FromYmd(bounds::kMaxYear, 12, 31);
    if (date < first || date > last) {
      Error(field,
            Msg("ledger.year_out_of_range", date.year(), bounds::kMinYear, bounds::kMaxYear));
    }
  }

  void CheckAmountBound(const char* field, const Money& amount) {
    if (!bounds::WithinAmountBound(amount)) {
      Error(field, Msg("ledger.amount_too_large", amount.ToString(),
                       std::string(amount.currency().code()), bounds::kMaxAmountUnits));
    }
  }

  // The client reference every record but a client has.
  void CheckClient(const std::string& client) {
    if (client.empty()) {
      Error("client", Msg("ledger.missing_client", Arg::Key(RecordTypeKey(record_type_))));
    } else if (client != known_client_) {  // records come grouped by client: one lookup a run
      if (clients_.contains(client)) {
        known_client_ = client;
      } else {
        Error("client", Msg("ledger.reference_missing", Arg::Key(RecordTypeKey("client")), client));
      }
    }
  }

  // An optional reference to a record of `type` that must belong to the same client.
  template <typename R>
  void CheckReference(const char* field, const std::string& id, const std::string& client,
                      const IdIndex<R>& index) {
    if (id.empty()) return;
    const char* type = kRecordTypeNames[RecordTraits<R>::kIndex].type;
    const std::optional<uint32_t> at = index.Find(id);
    if (!at) {
      Error(field, Msg("ledger.reference_missing", Arg::Key(RecordTypeKey(type)), id));
      return;
    }
    const R& target = (ledger_.*RecordTraits<R>::kMember)[*at];
    if (!client.empty() && target.client != client) {
      Error(field, Msg("ledger.reference_other_client", Arg::Key(RecordTypeKey(type)), id,
                       target.client, client));
    }
  }

  void CheckWorkspaceMoney(const char* field, const Money& money) {
    const Currency currency = ledger_.workspace.currency;
    if (!(money.currency() == currency)) {
      Error(field, Msg("ledger.not_workspace_currency", money.currency().code(), currency.code()));
    } else if (money.is_negative()) {
      Error(field, Msg("ledger.negative_amount", money.ToString()));
    }
  }

  void CheckOptionalMoney(const char* field, const std::optional<Money>& money) {
    if (money) CheckWorkspaceMoney(field, *money);
  }

  void CheckPositiveAmount(const Money& amount) {
    if (!amount.is_positive()) {
      Error("amount", Msg("ledger.amount_not_positive", amount.ToString()));
    }
    const Workspace& w = ledger_.workspace;
    if (amount.currency() == w.currency ||
        std::any_of(w.fx.begin(), w.fx.end(),
                    [&amount](const FxRate& r) { return r.currency == amount.currency(); })) {
      return;
    }
    Error("currency", Msg("ledger.no_fx_rate_for", amount.currency().code()));
  }

  void CheckMinutes(int minutes) {
    if (minutes < 0 || minutes > 1440) {
      Error("minutes", Msg("ledger.minutes_out_of_range", minutes));
    }
  }

  void CheckHours(const char* field, const std::optional<double>& hours) {
    if (hours && !(*hours >= 0 && std::isfinite(*hours))) {
      Error(field, Msg("ledger.negative_hours"));
    }
  }

  void CheckSpan(const std::optional<CivilDate>& start, const std::optional<CivilDate>& end) {
    if (start && end && *end < *start) {
      Error("end", Msg("ledger.end_before_start", end->ToString(), start->ToString()));
    }
  }

  void Check(const Client& c) {
    if (!c.billing_email.empty() && !LooksLikeAddress(c.billing_email)) {
      Error("billing_email", Msg("ledger.not_an_address", c.billing_email));
    }
    if (c.intake.empty()) return;
    std::string canonical;
    Message error;
    if (!format_internal::CanonicalJsonObject(c.intake, canonical, error)) {
      Error("intake", Msg("ledger.intake_not_object"), {}, {std::move(error)});
    }
  }

  void Check(const Contract& c) {
    CheckClient(c.client);
    if (c.signed_on && c.refused) {
      Error("refused",
            Msg("ledger.signed_and_refused", c.signed_on->ToString(), c.refused->ToString()));
    }
    CheckSpan(c.start, c.end);
    if (c.payment_terms_days && *c.payment_terms_days < 0) {
      Error("payment_terms_days", Msg("ledger.negative_terms", *c.payment_terms_days));
    }
    CheckOptionalMoney("hourly_rate", c.hourly_rate);
  }

  void Check(const Project& p) {
    CheckClient(p.client);
    CheckReference<Contract>("contract", p.contract, p.client, contracts_);
    CheckHours("budget_hours", p.budget_hours);
    CheckOptionalMoney("fee", p.fee);
    CheckSpan(p.start, p.end);
  }

  void Check(const Request& r) {
    CheckClient(r.client);
    CheckReference<Project>("project", r.project, r.client, projects_);
    CheckHours("estimate_hours", r.estimate_hours);
  }

  void Check(const WorkEntry& w) {
    CheckClient(w.client);
    CheckReference<Project>("project", w.project, w.client, projects_);
    CheckReference<Request>("request", w.request, w.client, requests_);
    CheckMinutes(w.minutes);
  }

  void Check(const Contact& c) {
    CheckClient(c.client);
    CheckMinutes(c.minutes);
  }

  void Check(const Invoice& i) {
    CheckClient(i.client);
    CheckPositiveAmount(i.amount);
    if (i.due < i.issued) {
      Error("due", Msg("ledger.due_before_issued", i.due.ToString(), i.issued.ToString()));
    }
  }

  void Check(const Payment& p) {
    CheckClient(p.client);
    CheckReference<Invoice>("invoice", p.invoice, p.client, invoices_);
    CheckPositiveAmount(p.amount);
  }

  void Check(const RateChange& r) {
    CheckClient(r.client);
    CheckOptionalMoney("from", r.from);
    CheckOptionalMoney("to", r.to);
    CheckOptionalMoney("agreed", r.agreed);
  }

  // Credit notes (ledger 1.1): a required invoice of the same client, an amount > 0 in a
  // currency the invoice's can be compared with, and never more credited in all than the
  // invoice's amount (reported on the note that goes beyond it).
  void Check(const CreditNote& n) {
    CheckClient(n.client);
    if (n.invoice.empty()) {
      Error("invoice", Msg("ledger.credit_note.missing_invoice"));
    } else {
      CheckReference<Invoice>("invoice", n.invoice, n.client, invoices_);
    }
    CheckPositiveAmount(n.amount);
    const std::optional<uint32_t> at = invoices_.Find(n.invoice);
    if (!at || !n.amount.is_positive()) return;
    const Invoice& invoice = ledger_.invoices[*at];
    if (invoice.client != n.client) return;
    const Result<Money> credited = Convert(n.amount, invoice.amount.currency(), ledger_.workspace);
    if (!credited) return;  // no rate: reported above as the currency's error
    auto [total, inserted] = credited_.try_emplace(*at, *credited);
    if (!inserted) total->second += *credited;
    if (total->second > invoice.amount) {
      Error("amount", Msg("ledger.credit_note.exceeds_invoice", total->second.ToString(),
                          invoice.amount.ToString(), invoice.amount.currency().code(), invoice.id));
    }
  }

  const Ledger& ledger_;
  const LedgerSource& source_;
  Diagnostics& out_;
  const IdIndex<Client>& clients_;
  const IdIndex<Contract>& contracts_;
  const IdIndex<Project>& projects_;
  const IdIndex<Request>& requests_;
  const IdIndex<Invoice>& invoices_;
  std::unordered_map<uint32_t, Money> credited_;  // invoice index -> credited so far
  std::string_view known_client_;  // a client id found in clients_ (never empty once set)
  // The record being checked.
  const char* record_type_ = "";
  size_t index_ = 0;
  const std::string* id_ = nullptr;
};

}  // namespace

// The workspace first, then each record type's records in the order of
// ForEachRecordType, as many types at once as there are cores, each into diagnostics of
// its own: what is said, and its order, do not depend on the cores.
void Validate(const Ledger& ledger, const LedgerSource& source, Diagnostics& out) {
  const IdIndexes ids(ledger);
  Validator(ledger, source, ids, out).CheckWorkspace();
  std::vector<std::function<void(Diagnostics&)>> checks;
  format_internal::ForEachRecordType([&](auto tag) {
    using R = typename decltype(tag)::type;
    checks.emplace_back(
        [&](Diagnostics& said) { Validator(ledger, source, ids, said).CheckRecords<R>(); });
  });
  std::vector<Diagnostics> said(checks.size());
  ParallelFor(checks.size(), TasksPerThread(ledger.records(), checks.size()),
              [&](size_t i) { checks[i](said[i]); });
  for (const Diagnostics& part : said) out.Append(part);
}

}  // namespace addio

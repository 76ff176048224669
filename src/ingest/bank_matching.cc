#include "ingest/bank_matching.h"

#include <algorithm>
#include <cctype>
#include <set>
#include <tuple>
#include <utility>

#include "ledger/allocation.h"
#include "ledger/snapshot.h"

namespace addio {
namespace {

// Words after which a short number is an invoice number: "Fattura n. 12", "INV #7",
// "Rechnung 12", "Rif. fatt. 3 e 4". Upper case, as references are compared.
const std::set<std::string, std::less<>>& InvoiceWords() {
  static const std::set<std::string, std::less<>> kWords = {
      "FATTURA",  "FATTURE",   "FATT",    "FT",       "FAT",        "FATTURAZIONE", "INVOICE",
      "INVOICES", "INV",       "BILL",    "RECHNUNG", "RECHNUNGEN", "RG",           "RECHNR",
      "FACTURA",  "FACTURAS",  "FACTURE", "FACTURES", "FACT",       "FACTUUR",      "FAKTURA",
      "DOC",      "DOCUMENTO", "RIF",     "REF"};
  return kWords;
}

// Words that may stand between an invoice word and the number: "n.", "nr", "and", ...
bool IsFiller(std::string_view word) {
  static const std::set<std::string, std::less<>> kFillers = {
      "N", "NR", "NO", "NUM", "NUMERO", "NUMBER", "NBR", "E", "AND", "UND", "ET", "Y", "DEL"};
  if (kFillers.count(word) > 0) return true;
  return std::all_of(word.begin(), word.end(), [](unsigned char c) { return std::isdigit(c); });
}

bool IsAlnum(char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0; }
bool IsDigit(char c) { return std::isdigit(static_cast<unsigned char>(c)) != 0; }

std::string Upper(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return out;
}

// Whether an invoice word comes before position `pos` of `text`, skipping numbers, "n.",
// conjunctions and punctuation ("Fatture 12, 13 e 14" names all three).
bool InvoiceWordBefore(std::string_view text, size_t pos) {
  if (pos > 0 && text[pos - 1] == '#') return true;
  int words = 0;
  size_t end = pos;
  while (end > 0 && words < 8) {
    while (end > 0 && !IsAlnum(text[end - 1])) --end;
    size_t begin = end;
    while (begin > 0 && IsAlnum(text[begin - 1])) --begin;
    if (begin == end) return false;
    const std::string_view word = text.substr(begin, end - begin);
    if (InvoiceWords().count(word) > 0) return true;
    if (!IsFiller(word)) return false;
    end = begin;
    ++words;
  }
  return false;
}

// Whether `key` occurs in `text` as a whole invoice number: not inside a longer word or
// number, not part of a date or an amount ("12" in "12/03/2025" or "1.200,00"), and, for
// a number of fewer than six digits, written after an invoice word.
bool NamesKey(std::string_view text, std::string_view key) {
  const bool short_number =
      key.size() < 6 && std::all_of(key.begin(), key.end(), [](char c) { return IsDigit(c); });
  for (size_t pos = text.find(key); pos != std::string_view::npos; pos = text.find(key, pos + 1)) {
    const size_t end = pos + key.size();
    if (pos > 0 && IsAlnum(text[pos - 1])) continue;
    if (end < text.size() && IsAlnum(text[end])) continue;
    auto joins_number = [&](size_t sep, size_t digit) {
      return std::string_view("/.,-").find(text[sep]) != std::string_view::npos &&
             IsDigit(text[digit]);
    };
    if (pos >= 2 && joins_number(pos - 1, pos - 2)) continue;
    if (end + 1 < text.size() && joins_number(end, end + 1)) continue;
    if (short_number && !InvoiceWordBefore(text, pos)) continue;
    return true;
  }
  return false;
}

// The numbers a reference may use for invoice `id`: the id itself and, for an id made
// unique with its year ("2025/12", see fatturapa.cc), "12" and "12/2025".
std::vector<std::string> KeysOf(const std::string& id) {
  std::vector<std::string> keys = {Upper(id)};
  if (id.size() > 5 && id[4] == '/' && std::all_of(id.begin(), id.begin() + 4, IsDigit)) {
    const std::string number = Upper(id.substr(5));
    keys.push_back(number);
    keys.push_back(number + "/" + id.substr(0, 4));
  }
  return keys;
}

// "credit <id> (<date>, <amount> <currency> from <payer>, \"<reference>\")", the payer and
// the reference only when known.
Message Describe(const BankCredit& credit) {
  const Arg payer = credit.payer.empty() ? Arg("") : Arg::Of(Msg("ingest.bank.from", credit.payer));
  const std::string reference = credit.reference.empty() ? "" : ", \"" + credit.reference + "\"";
  return Msg("ingest.bank.credit", credit.id, credit.date.ToString(),
             credit.amount.ToString() + " " + std::string(credit.amount.currency().code()), payer,
             reference);
}

CivilDate FarFuture() { return *CivilDate::FromYmd(9999, 12, 31); }

// Records of `incoming` replace those of `existing` with the same id.
template <typename T>
std::vector<T> Merged(const std::vector<T>& existing, const std::vector<T>& incoming) {
  std::map<std::string, T> by_id;
  for (const T& record : existing) by_id.insert_or_assign(record.id, record);
  for (const T& record : incoming) by_id.insert_or_assign(record.id, record);
  std::vector<T> out;
  out.reserve(by_id.size());
  for (auto& [id, record] : by_id) out.push_back(std::move(record));
  return out;
}

}  // namespace

Result<Money> ParseStatementAmount(std::string_view text, Currency currency) {
  // `why`: an ingest.amount.* message, or the ledger's.
  auto fail = [&](const Message& why) {
    return Fail(ErrorCode::kInvalidArgument, Msg("ingest.not_an_amount", text, Arg::Of(why)));
  };
  std::string number(text);
  number.erase(0, number.find_first_not_of(" \t\r\n"));
  number.erase(number.find_last_not_of(" \t\r\n") + 1);
  if (number.empty()) return Fail(ErrorCode::kInvalidArgument, Msg("ingest.amount.is_empty"));
  if (number.front() == '+') number.erase(0, 1);
  if (number.find('.') == std::string::npos && std::count(number.begin(), number.end(), ',') == 1) {
    number[number.find(',')] = '.';
  }
  const size_t digits_from = number.front() == '-' ? 1 : 0;
  if (number.size() == digits_from) return fail(Msg("ingest.amount.no_digits"));
  for (size_t i = digits_from; i < number.size(); ++i) {
    if (!IsDigit(number[i]) && number[i] != '.') {
      return fail(Msg("ingest.amount.expected_dot_decimals"));
    }
  }
  // Leading zeros change nothing either ("+00000000000115.8331" in some OFX files).
  while (number.size() > digits_from + 1 && number[digits_from] == '0' &&
         IsDigit(number[digits_from + 1])) {
    number.erase(digits_from, 1);
  }
  const size_t dot = number.find('.');
  if (dot != std::string::npos) {
    if (number.find('.', dot + 1) != std::string::npos) return fail(Msg("ingest.amount.two_dots"));
    // Zeros beyond the currency's decimals change nothing ("8.850" is 8.85 EUR).
    while (number.size() - dot - 1 > static_cast<size_t>(currency.exponent()) &&
           number.back() == '0') {
      number.pop_back();
    }
    if (number.back() == '.') number.pop_back();
  }
  auto money = Money::Parse(number, currency);
  if (!money) return fail(money.error().message);
  return money;
}

CreditMatcher::CreditMatcher(const Ledger& existing, const Ledger& incoming,
                             const std::string& mapping_file)
    : clients_{.clients = Merged(existing.clients, incoming.clients)},
      resolver_(clients_, /*create=*/false) {
  if (!mapping_file.empty()) {
    if (Status loaded = resolver_.LoadMapping(mapping_file); !loaded) {
      mapping_error_ = loaded.error();
    }
  }
  const std::vector<Invoice> invoices = Merged(existing.invoices, incoming.invoices);
  const std::vector<Payment> payments = Merged(existing.payments, incoming.payments);
  for (const Payment& payment : existing.payments) payments_by_id_[payment.id] = payment;
  for (const Payment& payment : incoming.payments) payments_by_id_[payment.id] = payment;

  // What each invoice still owes once every known payment is allocated (FIFO included).
  std::map<std::string, ClientLedger> by_client;
  for (const Invoice& invoice : invoices) by_client[invoice.client].invoices.push_back(invoice);
  for (const Payment& payment : payments) by_client[payment.client].payments.push_back(payment);
  for (const CreditNote& note : Merged(existing.credit_notes, incoming.credit_notes)) {
    by_client[note.client].credit_notes.push_back(note);
  }
  for (const auto& [client, records] : by_client) {
    const ClientSnapshot snapshot(records, existing.workspace, FarFuture());
    for (size_t i = 0; i < records.invoices.size(); ++i) {
      if (snapshot.IsVoid(i)) continue;
      open_.push_back({records.invoices[i], snapshot.settlement(i).open});
    }
  }
  workspace_ = existing.workspace;
  for (size_t i = 0; i < open_.size(); ++i) {
    for (std::string& key : KeysOf(open_[i].invoice.id)) keys_.emplace_back(std::move(key), i);
  }
}

std::vector<size_t> CreditMatcher::InvoicesNamedIn(std::string_view reference) const {
  const std::string text = Upper(reference);
  std::set<size_t> found;
  for (const auto& [key, index] : keys_) {
    if (found.count(index) == 0 && NamesKey(text, key)) found.insert(index);
  }
  return {found.begin(), found.end()};
}

MatchOutcome CreditMatcher::Book(const BankCredit& credit, size_t index, MatchKind kind,
                                 Message review) {
  OpenInvoice& target = open_[index];
  MatchOutcome outcome;
  outcome.kind = kind;
  outcome.payment = Payment{.id = credit.id,
                            .client = target.invoice.client,
                            .invoice = target.invoice.id,
                            .date = credit.date,
                            .amount = credit.amount};
  outcome.review = std::move(review);
  if (auto paid = Convert(credit.amount, target.open.currency(), workspace_)) {
    target.open = *paid >= target.open ? Money::Zero(target.open.currency()) : target.open - *paid;
  }
  payments_by_id_[credit.id] = outcome.payment;
  return outcome;
}

MatchOutcome CreditMatcher::Match(const BankCredit& credit) {
  if (auto it = payments_by_id_.find(credit.id); it != payments_by_id_.end()) {
    return {.kind = MatchKind::kAlreadyBooked, .payment = it->second};
  }
  const Message described = Describe(credit);
  // "<the credit described>: <why>".
  const auto about = [&described](const Message& why) {
    return Msg("ingest.prefixed", Arg::Of(described), Arg::Of(why));
  };
  std::optional<std::string> payer_client;
  if (!credit.payer.empty()) payer_client = resolver_.ByName(credit.payer);

  // 1. By an invoice number in the remittance information.
  std::vector<size_t> named = InvoicesNamedIn(credit.reference);
  if (payer_client && named.size() > 1) {
    std::vector<size_t> own;
    for (size_t i : named) {
      if (open_[i].invoice.client == *payer_client) own.push_back(i);
    }
    if (!own.empty()) named = std::move(own);
  }
  if (!named.empty()) {
    std::set<std::string> clients;
    for (size_t i : named) clients.insert(open_[i].invoice.client);
    if (clients.size() > 1) {
      std::string ids;
      for (size_t i : named) ids += (ids.empty() ? "" : ", ") + open_[i].invoice.id;
      return Unmatched(credit, about(Msg("ingest.bank.names_many_clients", ids)));
    }
    // Several invoices of one client: the one due first is named, and what exceeds it goes
    // to the client's other open invoices, oldest due first (ledger/allocation.h).
    std::sort(named.begin(), named.end(), [&](size_t a, size_t b) {
      const Invoice& x = open_[a].invoice;
      const Invoice& y = open_[b].invoice;
      const bool x_open = open_[a].open.is_positive(), y_open = open_[b].open.is_positive();
      return std::tie(y_open, x.due, x.issued, x.id) < std::tie(x_open, y.due, y.issued, y.id);
    });
    const Invoice& invoice = open_[named.front()].invoice;
    if (credit.amount.currency() != invoice.amount.currency() &&
        !Convert(credit.amount, invoice.amount.currency(), workspace_)) {
      return Unmatched(
          credit, about(Msg("ingest.bank.no_rate", invoice.id, invoice.amount.currency().code())));
    }
    Message review;
    if (named.size() > 1) {
      review = about(Msg("ingest.bank.booked_first_due", named.size(), invoice.id));
    } else if (!open_[named.front()].open.is_positive()) {
      review = about(Msg("ingest.bank.already_paid", invoice.id));
    }
    return Book(credit, named.front(), MatchKind::kByReference, std::move(review));
  }

  // 2. By a known payer and an open invoice of exactly the credited amount.
  if (!payer_client) {
    return Unmatched(
        credit,
        about(credit.payer.empty() ? Msg("ingest.bank.no_reference_no_payer")
                                   : Msg("ingest.bank.no_reference_unknown_payer", credit.payer)));
  }
  std::vector<size_t> exact;
  for (size_t i = 0; i < open_.size(); ++i) {
    const OpenInvoice& candidate = open_[i];
    if (candidate.invoice.client != *payer_client ||
        candidate.invoice.status != InvoiceStatus::kIssued ||
        candidate.invoice.issued > credit.date ||
        candidate.open.currency() != credit.amount.currency() || candidate.open != credit.amount) {
      continue;
    }
    exact.push_back(i);
  }
  if (exact.empty()) {
    return Unmatched(
        credit, about(Msg("ingest.bank.no_exact_amount", *payer_client, credit.amount.ToString())));
  }
  std::sort(exact.begin(), exact.end(), [&](size_t a, size_t b) {
    const Invoice& x = open_[a].invoice;
    const Invoice& y = open_[b].invoice;
    return std::tie(x.due, x.issued, x.id) < std::tie(y.due, y.issued, y.id);
  });
  Message review;
  if (exact.size() > 1) {
    review = about(Msg("ingest.bank.several_exact", exact.size(), *payer_client,
                       open_[exact.front()].invoice.id));
  }
  return Book(credit, exact.front(), MatchKind::kByPayerAndAmount, std::move(review));
}

MatchOutcome CreditMatcher::Unmatched(const BankCredit& credit, const Message& why) const {
  MatchOutcome outcome;
  outcome.kind = MatchKind::kUnmatched;
  outcome.unmatched = UnmatchedCredit{.id = credit.id,
                                      .date = credit.date,
                                      .amount = credit.amount,
                                      .payer = credit.payer,
                                      .reference = credit.reference,
                                      .source = credit.where.file};
  outcome.review = Msg("ingest.bank.unmatched", Arg::Of(why), credit.id);
  return outcome;
}

void MatchCredits(std::vector<BankCredit> credits, const IngestContext& context,
                  IngestResult& result) {
  std::stable_sort(credits.begin(), credits.end(), [](const BankCredit& a, const BankCredit& b) {
    return std::tie(a.date, a.id) < std::tie(b.date, b.id);
  });
  // The same entry read twice (a statement and a notification of the same day in one
  // folder) is one credit; two different credits under one id are both kept.
  std::map<std::string, const BankCredit*> seen;
  std::vector<BankCredit> unique;
  for (BankCredit& credit : credits) {
    auto it = seen.find(credit.id);
    if (it == seen.end()) {
      seen.emplace(credit.id, &credit);
      unique.push_back(credit);
      continue;
    }
    const BankCredit& first = *it->second;
    if (first.date == credit.date && first.amount == credit.amount && first.payer == credit.payer &&
        first.reference == credit.reference) {
      continue;
    }
    std::string id = credit.id;
    for (int n = 2; seen.count(id) > 0; ++n) id = credit.id + "-" + std::to_string(n);
    result.diagnostics.Add({Severity::kWarning, credit.where.file, credit.where.line,
                            credit.where.path, "payment", credit.id, "",
                            Msg("ingest.bank.duplicate_reference", credit.id, id)});
    credit.id = id;
    seen.emplace(credit.id, &credit);
    unique.push_back(credit);
  }

  CreditMatcher matcher(*context.existing, result.ledger, context.options.mapping_file);
  if (const auto& error = matcher.mapping_error()) {
    result.diagnostics.Add(
        {Severity::kError, context.options.mapping_file, 0, "", "", "", "", error->message});
  }
  static const char* const kMatchNames[] = {"already imported", "by reference",
                                            "by payer and amount", "unmatched"};
  if (result.preview.empty()) {
    result.preview.push_back({"date", "amount", "currency", "payer", "reference", "match"});
  }
  constexpr size_t kPreviewRows = 10;
  for (const BankCredit& credit : unique) {
    MatchOutcome outcome = matcher.Match(credit);
    if (result.preview.size() <= kPreviewRows) {
      const std::string match = kMatchNames[static_cast<int>(outcome.kind)];
      result.preview.push_back(
          {credit.date.ToString(), credit.amount.ToString(),
           std::string(credit.amount.currency().code()), credit.payer, credit.reference,
           outcome.kind == MatchKind::kUnmatched ? match : match + ": " + outcome.payment.invoice});
    }
    if (!outcome.review.empty()) result.review.push_back(std::move(outcome.review));
    if (outcome.kind == MatchKind::kUnmatched) {
      result.unmatched.push_back(std::move(outcome.unmatched));
      continue;
    }
    std::vector<RecordLocation>& locations = result.source.locations["payment"];
    locations.resize(result.ledger.payments.size());
    result.ledger.payments.push_back(std::move(outcome.payment));
    locations.push_back(credit.where);
  }
}

}  // namespace addio

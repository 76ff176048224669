// InvoicingBuilder (invoicing_common.h): what invoicing exports say about invoices,
// payments and clients, turned into ledger records under the rules every invoicing
// importer shares.
#include <algorithm>
#include <cctype>
#include <string>
#include <utility>

#include "core/ids.h"
#include "ingest/invoicing_common.h"

namespace addio::invoicing {
namespace {

constexpr size_t kPreviewRows = 5;
constexpr size_t kListedInMessages = 5;

// "1, 3, 4, 6, 7 and 210 more".
// "a, b, c", or "a, b, c and 4 more" past kListedInMessages items. REQUIRES: items not empty.
Arg Listing(const std::vector<Arg>& items) {
  const size_t shown = std::min(items.size(), kListedInMessages);
  Arg out = items[shown - 1];
  for (size_t i = shown - 1; i-- > 0;) out = Arg::Of(Msg("ingest.list_next", items[i], out));
  if (items.size() <= kListedInMessages) return out;
  return Arg::Of(Msg("ingest.list_and_more", out, items.size() - kListedInMessages));
}

// An invoice in messages: its number, else "line N".
Arg InvoiceLabel(const std::string& number, int line) {
  if (!number.empty()) return number;
  return Arg::Of(Msg("diag.at_line", line));
}

bool IsIsoCountry(const std::string& country) {
  return country.size() == 2 && std::all_of(country.begin(), country.end(), [](char c) {
           return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
         });
}

}  // namespace

InvoicingBuilder::InvoicingBuilder(std::string_view format, const std::string& file,
                                   const IngestContext& context)
    : format_(format),
      file_(file),
      context_(context),
      resolver_(*context.existing, context.options.create_clients) {
  result_.format = format_;
  for (const addio::Invoice& invoice : context.existing->invoices) {
    existing_ids_.emplace(invoice.id, invoice.client);
  }
  for (const Payment& payment : context.existing->payments) {
    existing_payment_ids_.emplace(payment.id, payment.client);
  }
  if (!context.options.mapping_file.empty()) {
    Status loaded = resolver_.LoadMapping(context.options.mapping_file);
    if (!loaded) {
      result_.diagnostics.Add({Severity::kError, context.options.mapping_file, 0, "", "", "", "",
                               loaded.error().message});
    }
  }
}

Currency InvoicingBuilder::workspace_currency() const {
  return context_.existing->workspace.currency;
}

void InvoicingBuilder::Error(int line, const std::string& column, Message message) {
  result_.diagnostics.Add({Severity::kError, file_, line, "", "", "", column, std::move(message)});
}

void InvoicingBuilder::Warning(int line, const std::string& column, Message message) {
  result_.diagnostics.Add(
      {Severity::kWarning, file_, line, "", "", "", column, std::move(message)});
}

void InvoicingBuilder::Review(const Message& text) {
  result_.review.push_back(Msg("ingest.prefixed", file_, Arg::Of(text)));
}

std::optional<std::string> InvoicingBuilder::ResolveClient(const std::string& name, int line,
                                                           const std::string& column) {
  if (name.empty()) {
    Error(line, column, Msg("ingest.missing.client_name"));
    return std::nullopt;
  }
  const size_t created = resolver_.NewClients().size();
  std::optional<std::string> id = resolver_.ByName(name);
  if (!id) {
    Error(line, column, Msg("ingest.unknown_client_mapping", name));
    return std::nullopt;
  }
  if (resolver_.NewClients().size() > created) client_lines_.emplace(*id, line);
  return id;
}

void InvoicingBuilder::ClientDetails(const std::string& name, const std::string& email,
                                     const std::string& country, const std::string& tax_id) {
  if (name.empty()) return;
  Details& details = details_[NormalizeClientName(name)];
  if (details.email.empty()) details.email = email;
  if (details.country.empty() && IsIsoCountry(country)) details.country = country;
  if (details.tax_id.empty()) details.tax_id = tax_id;
}

std::optional<Money> InvoicingBuilder::Amount(const CsvTable& table, const CsvRow& row,
                                              std::optional<size_t> column, Currency currency,
                                              bool required, NumberFormat format) {
  const std::string text = Cell(row, column);
  const std::string name = table.Name(column);
  if (text.empty()) {
    if (required) Error(row.line, name, Msg("ingest.missing.amount"));
    return std::nullopt;
  }
  Result<Money> amount = ParseAmount(text, currency, format);
  if (!amount) {
    Error(row.line, name, amount.error().message);
    return std::nullopt;
  }
  const std::string_view symbol = CurrencySymbol(text);
  if (!SymbolFits(symbol, currency) && symbol_warned_.emplace(symbol).second) {
    Warning(row.line, name, Msg("ingest.amount.symbol_mismatch", symbol, currency.code()));
  }
  return *amount;
}

std::optional<CivilDate> InvoicingBuilder::Date(const CsvTable& table, const CsvRow& row,
                                                std::optional<size_t> column,
                                                std::string_view format, bool required) {
  const std::string text = Cell(row, column);
  const std::string name = table.Name(column);
  if (text.empty()) {
    if (required) Error(row.line, name, Msg("ingest.missing.date"));
    return std::nullopt;
  }
  Result<CivilDate> date = ParseDate(text, format);
  if (!date) {
    Error(row.line, name, date.error().message);
    return std::nullopt;
  }
  return *date;
}

Currency InvoicingBuilder::CurrencyOf(const CsvTable& table, const CsvRow& row,
                                      std::optional<size_t> column) {
  const std::string code = Cell(row, column);
  if (code.empty()) return workspace_currency();
  Result<Currency> currency = Currency::Find(code);
  if (!currency) {
    Error(row.line, table.Name(column), Msg("ingest.not_iso_currency", code));
    return workspace_currency();
  }
  return *currency;
}

std::string_view InvoicingBuilder::DateFormatOf(const CsvTable& table,
                                                std::optional<size_t> column) const {
  const std::span<const std::string_view> formats =
      table.separator == ';' ? EuropeanDateFormats() : ToolDateFormats();
  std::vector<std::string> values;
  for (const CsvRow& row : table.rows) values.push_back(Cell(row, column));
  return PickDateFormat(values, formats).value_or(formats.front());
}

SourceInvoice& InvoicingBuilder::InvoiceFor(const std::string& client_name,
                                            const std::string& client_column,
                                            const std::string& number, int line,
                                            const std::string& column) {
  // Invoices without a number are never merged: each row is one.
  const std::string key = number.empty() ? "\x1fline " + std::to_string(line) : number;
  const auto [it, added] =
      invoice_index_.emplace(std::make_pair(client_name, key), invoices_.size());
  if (added) {
    SourceInvoice& invoice = invoices_.emplace_back();
    invoice.number = number;
    invoice.client_name = client_name;
    invoice.client_column = client_column;
    invoice.line = line;
    invoice.column = column;
  }
  return invoices_[it->second];
}

void InvoicingBuilder::AddPayment(SourcePayment payment) {
  payments_.push_back(std::move(payment));
}

void InvoicingBuilder::AddWork(WorkEntry entry, int line) {
  work_.emplace_back(std::move(entry), line);
}

void InvoicingBuilder::AddContact(Contact contact, int line) {
  contacts_.emplace_back(std::move(contact), line);
}

void InvoicingBuilder::Locate(const char* type, int line) {
  result_.source.locations[type].push_back({file_, line, ""});
}

std::string InvoicingBuilder::InvoiceId(const SourceInvoice& invoice, const std::string& client,
                                        std::set<std::string>& renumbered) {
  const auto taken_here = [this](const std::string& id) { return built_ids_.contains(id); };
  if (invoice.number.empty()) {
    const std::string base =
        ContentId("inv", format_ + "\x1f" + client + "\x1f" +
                             (invoice.issued ? invoice.issued->ToString() : "") + "\x1f" +
                             (invoice.total ? invoice.total->ToString() : ""));
    std::string id = base;
    for (int n = 2; taken_here(id); ++n) id = base + "-" + std::to_string(n);
    return id;
  }
  // The number is another client's, in this file or in the store: add the client.
  const auto other_client = [&](const std::string& id) {
    if (auto it = built_ids_.find(id); it != built_ids_.end()) return it->second != client;
    if (auto it = existing_ids_.find(id); it != existing_ids_.end()) return it->second != client;
    return false;
  };
  if (!other_client(invoice.number)) return invoice.number;
  std::string id = invoice.number + "-" + client;
  for (int n = 2; taken_here(id); ++n) id = invoice.number + "-" + client + "-" + std::to_string(n);
  if (renumbered.insert(invoice.number).second) {
    Review(Msg("ingest.review.renumbered", invoice.number, client, id));
  }
  return id;
}

std::string InvoicingBuilder::PaymentInvoice(const SourcePayment& payment) const {
  if (payment.invoice_number.empty()) return "";
  if (auto it = invoice_ids_.find({payment.client, payment.invoice_number});
      it != invoice_ids_.end()) {
    return it->second;
  }
  // An invoice read earlier (the store, or an earlier file of the same folder).
  const std::string renumbered = payment.invoice_number + "-" + payment.client;
  if (auto it = existing_ids_.find(renumbered);
      it != existing_ids_.end() && it->second == payment.client) {
    return renumbered;
  }
  return payment.invoice_number;
}

void InvoicingBuilder::BuildInvoices() {
  std::vector<Arg> drafts, zero, negative, no_due, due_before;
  std::set<std::string> renumbered;
  for (const SourceInvoice& source : invoices_) {
    // Rows without an issue date or a total were reported when they were read.
    if (!source.issued || !source.total) continue;
    const Arg label = InvoiceLabel(source.number, source.line);
    const StatusKind kind = ClassifyStatus(source.status);
    if (kind == StatusKind::kDraft) {
      drafts.push_back(label);
      continue;
    }
    if (source.total->is_zero()) {
      zero.push_back(label);
      continue;
    }
    if (source.total->is_negative()) {
      negative.push_back(label);
      continue;
    }
    const std::optional<std::string> client =
        ResolveClient(source.client_name, source.line, source.client_column);
    if (!client) continue;
    if (kind == StatusKind::kUnknown) {
      Warning(source.line, "status", Msg("ingest.invoice.unknown_status", source.status));
    }
    addio::Invoice invoice;
    invoice.client = *client;
    invoice.issued = *source.issued;
    invoice.amount = *source.total;
    if (!source.due) {
      invoice.due = invoice.issued.AddDays(kDefaultTermsDays);
      no_due.push_back(label);
    } else if (*source.due < invoice.issued) {
      invoice.due = invoice.issued;
      due_before.push_back(label);
    } else {
      invoice.due = *source.due;
    }
    invoice.status = kind == StatusKind::kVoid ? InvoiceStatus::kVoid
                     : (kind == StatusKind::kWrittenOff || source.written_off)
                         ? InvoiceStatus::kWrittenOff
                         : InvoiceStatus::kIssued;
    invoice.disputed = source.disputed || IsDisputedStatus(source.status);
    invoice.id = InvoiceId(source, *client, renumbered);
    invoice_ids_[{*client, source.number}] = invoice.id;
    built_ids_.emplace(invoice.id, invoice.client);
    result_.ledger.invoices.push_back(invoice);
    Locate("invoice", source.line);

    if (source.paid_on && invoice.status != InvoiceStatus::kVoid) {
      const Money paid = source.paid_amount.value_or(invoice.amount);
      if (paid.is_positive()) {
        result_.ledger.payments.push_back(
            {invoice.id + "-paid", invoice.client, invoice.id, *source.paid_on, paid});
        Locate("payment", source.line);
      }
    }
  }
  if (!no_due.empty()) {
    Warning(0, "", Msg("ingest.invoice.no_due", no_due.size(), Listing(no_due), kDefaultTermsDays));
  }
  if (!due_before.empty()) {
    Warning(0, "", Msg("ingest.invoice.due_before_issue", due_before.size(), Listing(due_before)));
  }
  if (!drafts.empty()) {
    Review(Msg("ingest.review.drafts_skipped", drafts.size(), Listing(drafts)));
  }
  if (!zero.empty()) {
    Review(Msg("ingest.review.zero_total_skipped", zero.size(), Listing(zero)));
  }
  if (!negative.empty()) {
    Review(Msg("ingest.review.negative_total_skipped", negative.size(), Listing(negative)));
  }
}

void InvoicingBuilder::BuildPayments() {
  std::vector<Arg> refunds;
  size_t repeated = 0;
  std::map<std::string, size_t> index;
  for (size_t i = 0; i < result_.ledger.payments.size(); ++i) {
    index.emplace(result_.ledger.payments[i].id, i);
  }
  for (const SourcePayment& source : payments_) {
    if (!source.amount.is_positive()) {
      refunds.push_back(Arg::Of(Msg("diag.at_line", source.line)));
      continue;
    }
    Payment payment;
    payment.client = source.client;
    payment.invoice = PaymentInvoice(source);
    payment.date = source.date;
    payment.amount = source.amount;
    // A source's payment number is kept as the id unless another client's payment has it
    // (in the store, or earlier in this file): then it is scoped by the client, as
    // invoice numbers are, so that two clients' payments never share an id.
    const auto other_client = [&](const std::string& id) {
      if (auto it = existing_payment_ids_.find(id); it != existing_payment_ids_.end()) {
        return it->second != source.client;
      }
      if (auto it = index.find(id); it != index.end()) {
        return result_.ledger.payments[it->second].client != source.client;
      }
      return false;
    };
    const std::string base =
        !source.id.empty()
            ? (other_client(source.id) ? source.id + "-" + source.client : source.id)
            : ContentId("pay", format_ + "\x1f" + source.client + "\x1f" + source.invoice_number +
                                   "\x1f" + source.date.ToString() + "\x1f" +
                                   source.amount.ToString() + "\x1f" +
                                   std::string(source.amount.currency().code()));
    payment.id = base;
    bool duplicate = false;
    for (int n = 2;; ++n) {
      const auto found = index.find(payment.id);
      if (found == index.end()) break;
      if (result_.ledger.payments[found->second] == payment) {
        duplicate = true;
        break;
      }
      payment.id = base + "-" + std::to_string(n);
    }
    if (duplicate) {
      ++repeated;
      continue;
    }
    index.emplace(payment.id, result_.ledger.payments.size());
    result_.ledger.payments.push_back(std::move(payment));
    Locate("payment", source.line);
  }
  if (!refunds.empty()) {
    Review(Msg("ingest.review.refunds_skipped", refunds.size(), Listing(refunds)));
  }
  if (repeated > 0) {
    Review(Msg("ingest.review.repeated_payments", repeated));
  }
}

void InvoicingBuilder::AddCreditNote(SourcePayment note, std::string reason) {
  credit_notes_.emplace_back(std::move(note), std::move(reason));
}

void InvoicingBuilder::BuildCreditNotes() {
  std::set<std::string> known;  // invoice ids of this file and of the store
  for (const Invoice& invoice : result_.ledger.invoices) known.insert(invoice.id);
  for (const auto& [id, client] : existing_ids_) known.insert(id);
  for (const auto& [source, reason] : credit_notes_) {
    if (!source.amount.is_positive()) continue;
    const std::string invoice = PaymentInvoice(source);
    if (invoice.empty() || !known.contains(invoice)) {
      Error(source.line, "",
            Msg("ingest.invoice.credit_note_unknown_invoice", source.id, source.invoice_number));
      continue;
    }
    result_.ledger.credit_notes.push_back(CreditNote{.id = source.id,
                                                     .client = source.client,
                                                     .invoice = invoice,
                                                     .issued = source.date,
                                                     .amount = source.amount,
                                                     .reason = reason});
    Locate("credit_note", source.line);
  }
}

IngestResult InvoicingBuilder::Finish(const CsvTable& table) {
  IngestResult result = Finish();
  result.preview.push_back(table.header);
  for (size_t i = 0; i < table.rows.size() && i < kPreviewRows; ++i) {
    result.preview.push_back(table.rows[i].cells);
  }
  return result;
}

IngestResult InvoicingBuilder::Finish() {
  BuildInvoices();
  BuildPayments();
  BuildCreditNotes();
  for (auto& [entry, line] : work_) {
    result_.ledger.work.push_back(std::move(entry));
    Locate("work", line);
  }
  for (auto& [contact, line] : contacts_) {
    result_.ledger.contacts.push_back(std::move(contact));
    Locate("contact", line);
  }
  for (Client client : resolver_.NewClients()) {
    if (auto it = details_.find(NormalizeClientName(client.name)); it != details_.end()) {
      if (!it->second.email.empty()) client.emails.push_back(it->second.email);
      if (client.country.empty() && !it->second.country.empty()) {
        client.country = it->second.country;
        for (char& c : client.country)
          c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
      }
      if (client.tax_id.empty()) client.tax_id = it->second.tax_id;
    }
    const auto line = client_lines_.find(client.id);
    result_.ledger.clients.push_back(std::move(client));
    Locate("client", line != client_lines_.end() ? line->second : 0);
  }
  return std::move(result_);
}

}  // namespace addio::invoicing

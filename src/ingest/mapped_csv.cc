// Any CSV, read through a TOML mapping file (--format csv-mapping --mapping FILE.toml):
// which column holds which ledger field, per record type (invoices, payments, credit
// notes, work, contacts, clients), how dates and numbers are written, the currency, constant
// values, and a payment derived from a settlement-date column. docs/import-mapping.md documents the
// format with a worked example (examples/mappings/ibm_accounts_receivable.toml).
//
// Each row of the CSV gives at most one record of each mapped type; invoices and payments
// follow the rules of every invoicing importer (invoicing_common.h: default terms, drafts
// skipped, "<invoice>-paid" payments). The same mapping file may carry a [clients] table of
// renames, read by the ClientResolver.
#include <algorithm>
#include <cctype>
#include <charconv>
#include <map>
#include <set>

#include "core/ascii.h"
#include "core/ids.h"
#include "ingest/importers.h"
#include "ingest/invoicing_common.h"
#include "ingest/mapped_csv_mapping.h"

namespace addio {
namespace {

using invoicing::Cell;
using invoicing::CsvRow;
using invoicing::CsvTable;
using invoicing::InvoicingBuilder;
using mapped_csv::FieldSpec;
using mapped_csv::Mapping;
using mapped_csv::RecordSpec;

// Reads the records of one row, type by type.
class RowReader {
 public:
  RowReader(const Mapping& m, InvoicingBuilder& b, const TimeZone& zone)
      : m_(m), b_(b), zone_(zone) {}

  void Invoice(const RecordSpec& spec, const CsvRow& row) {
    if (Blank(spec, row)) return;
    const std::string client = Value(spec.Find("client"), row);
    const Currency currency = CurrencyOf(spec, row);
    const auto issued = Date(spec, "issued", row, true);
    auto due = Date(spec, "due", row, false);
    const auto amount = Amount(spec, "amount", row, currency, true);
    const auto settled = Date(spec, "settled", row, false);
    const auto settled_amount = Amount(spec, "settled_amount", row, currency, false);
    const auto terms = Number(spec, "terms_days", row);
    if (!due && issued && terms) due = issued->AddDays(static_cast<int32_t>(*terms));
    const std::string number = Value(spec.Find("id"), row);
    invoicing::SourceInvoice& invoice =
        b_.InvoiceFor(client, Label(spec, "client"), number, row.line, Label(spec, "id"));
    if (invoice.line != row.line) {
      b_.Error(row.line, Label(spec, "id"),
               Msg("ingest.appears_twice", Arg::Key("ingest.word.invoice"), number, invoice.line));
      return;
    }
    invoice.issued = issued;
    invoice.due = due;
    invoice.total = amount;
    invoice.status = Value(spec.Find("status"), row);
    invoice.disputed = Flag(spec, "disputed", row, false);
    invoice.paid_on = settled;
    invoice.paid_amount = settled_amount;
  }

  void Payment(const RecordSpec& spec, const CsvRow& row) {
    if (Blank(spec, row)) return;
    const auto client = Client(spec, row);
    const auto date = Date(spec, "date", row, true);
    const auto amount = Amount(spec, "amount", row, CurrencyOf(spec, row), true);
    if (!client || !date || !amount) return;
    b_.AddPayment({Value(spec.Find("id"), row), *client, Value(spec.Find("invoice"), row), *date,
                   *amount, row.line});
  }

  // A credit note lowering the invoice its `invoice` column names (ledger 1.1).
  void CreditNote(const RecordSpec& spec, const CsvRow& row) {
    if (Blank(spec, row)) return;
    const auto client = Client(spec, row);
    const auto issued = Date(spec, "issued", row, true);
    auto amount = Amount(spec, "amount", row, CurrencyOf(spec, row), true);
    if (amount && amount->is_negative()) amount = -*amount;  // many tools write notes negative
    const std::string id = Value(spec.Find("id"), row);
    if (id.empty()) b_.Error(row.line, Label(spec, "id"), Msg("ingest.missing.field", "id"));
    if (!client || !issued || !amount || id.empty()) return;
    b_.AddCreditNote({id, *client, Value(spec.Find("invoice"), row), *issued, *amount, row.line},
                     Value(spec.Find("reason"), row));
  }

  void Work(const RecordSpec& spec, const CsvRow& row) {
    if (Blank(spec, row)) return;
    const auto client = Client(spec, row);
    const auto start = When(spec, "start", row);
    const auto minutes = Minutes(spec, row);
    if (!client || !start || !minutes) return;
    WorkEntry entry;
    entry.client = *client;
    entry.start = zone_.FromLocal(*start);
    entry.minutes = *minutes;
    entry.billable = Flag(spec, "billable", row, true);
    entry.note = Value(spec.Find("note"), row);
    entry.id = Id(spec, row, "w",
                  entry.client + "\x1f" + entry.start.ToUtcString() + "\x1f" +
                      std::to_string(entry.minutes) + "\x1f" + entry.note);
    b_.AddWork(std::move(entry), row.line);
  }

  void Contact(const RecordSpec& spec, const CsvRow& row) {
    if (Blank(spec, row)) return;
    const auto client = Client(spec, row);
    const auto at = When(spec, "at", row);
    addio::Contact contact;
    const std::string channel = Value(spec.Find("channel"), row);
    const std::string direction = Value(spec.Find("direction"), row);
    bool ok = client && at;
    if (!channel.empty()) {
      const auto parsed = ParseChannel(AsciiLower(channel));
      if (!parsed) {
        b_.Error(row.line, Label(spec, "channel"), Msg("ingest.not_a_channel", channel));
      }
      ok = ok && parsed;
      contact.channel = parsed.value_or(Channel::kEmail);
    }
    if (!direction.empty()) {
      const auto parsed = ParseDirection(AsciiLower(direction));
      if (!parsed) {
        b_.Error(row.line, Label(spec, "direction"), Msg("ingest.not_a_direction", direction));
      }
      ok = ok && parsed;
      contact.direction = parsed.value_or(Direction::kInbound);
    }
    std::optional<int> minutes = 0;
    if (spec.Find("minutes") != nullptr) minutes = Minutes(spec, row);
    if (!ok || !minutes) return;
    contact.client = *client;
    contact.at = zone_.FromLocal(*at);
    contact.minutes = *minutes;
    contact.urgent = Flag(spec, "urgent", row, false);
    contact.logged = Flag(spec, "logged", row, false);
    contact.id = Id(spec, row, "m",
                    contact.client + "\x1f" + contact.at.ToUtcString() + "\x1f" +
                        Name(contact.channel) + "\x1f" + Name(contact.direction));
    b_.AddContact(std::move(contact), row.line);
  }

  void Client(const RecordSpec& spec, const CsvRow& row, bool details) {
    if (Blank(spec, row)) return;
    const std::string name = Value(spec.Find("name"), row);
    if (b_.ResolveClient(name, row.line, Label(spec, "name")) && details) {
      b_.ClientDetails(name, Value(spec.Find("email"), row), Value(spec.Find("country"), row),
                       Value(spec.Find("tax_id"), row));
    }
  }

 private:
  static std::string Value(const FieldSpec* f, const CsvRow& row) {
    if (f == nullptr) return "";
    return f->value ? *f->value : Cell(row, f->column);
  }

  static std::string Label(const RecordSpec& spec, const std::string& key) {
    const FieldSpec* f = spec.Find(key);
    return f != nullptr && !f->column_name.empty() ? f->column_name : key;
  }

  // A row whose mapped columns are all empty holds no record of this type.
  static bool Blank(const RecordSpec& spec, const CsvRow& row) {
    bool any_column = false;
    for (const auto& [field, f] : spec.fields) {
      if (!f.column) continue;
      any_column = true;
      if (!Cell(row, f.column).empty()) return false;
    }
    return any_column;
  }

  std::optional<std::string> Client(const RecordSpec& spec, const CsvRow& row) {
    return b_.ResolveClient(Value(spec.Find("client"), row), row.line, Label(spec, "client"));
  }

  Currency CurrencyOf(const RecordSpec& spec, const CsvRow& row) {
    const std::string code = Value(spec.Find("currency"), row);
    if (code.empty()) return m_.currency.value_or(b_.workspace_currency());
    Result<Currency> currency = Currency::Find(code);
    if (!currency) {
      b_.Error(row.line, Label(spec, "currency"), currency.error().message);
      return m_.currency.value_or(b_.workspace_currency());
    }
    return *currency;
  }

  std::optional<CivilDate> Date(const RecordSpec& spec, const std::string& key, const CsvRow& row,
                                bool required) {
    const FieldSpec* f = spec.Find(key);
    const std::string text = Value(f, row);
    if (text.empty()) {
      if (required) b_.Error(row.line, Label(spec, key), Msg("ingest.missing.field", key));
      return std::nullopt;
    }
    Result<CivilDate> date =
        invoicing::ParseDate(text, f->format.empty() ? m_.date_format : f->format);
    if (!date) {
      b_.Error(row.line, Label(spec, key), date.error().message);
      return std::nullopt;
    }
    return *date;
  }

  std::optional<Money> Amount(const RecordSpec& spec, const std::string& key, const CsvRow& row,
                              Currency currency, bool required) {
    const std::string text = Value(spec.Find(key), row);
    if (text.empty()) {
      if (required) b_.Error(row.line, Label(spec, key), Msg("ingest.missing.field", key));
      return std::nullopt;
    }
    Result<Money> amount = invoicing::ParseAmount(text, currency, m_.number);
    if (!amount) {
      b_.Error(row.line, Label(spec, key), amount.error().message);
      return std::nullopt;
    }
    return *amount;
  }

  // A whole number (terms_days, minutes); nullopt when empty or malformed (reported).
  std::optional<int64_t> Number(const RecordSpec& spec, const std::string& key, const CsvRow& row) {
    const std::string text = Value(spec.Find(key), row);
    if (text.empty()) return std::nullopt;
    int64_t n = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), n);
    if (error != std::errc() || end != text.data() + text.size() || n < 0) {
      b_.Error(row.line, Label(spec, key), Msg("ingest.not_a_count", text));
      return std::nullopt;
    }
    return n;
  }

  bool Flag(const RecordSpec& spec, const std::string& key, const CsvRow& row, bool fallback) {
    const FieldSpec* f = spec.Find(key);
    const std::string text = Value(f, row);
    if (f == nullptr || text.empty()) return fallback;
    if (f->true_values.empty()) return invoicing::IsTruthy(text);
    return std::find(f->true_values.begin(), f->true_values.end(), text) != f->true_values.end();
  }

  // `key` ("start", "at") as a date and time, or the fields date and time together.
  std::optional<LocalDateTime> When(const RecordSpec& spec, const std::string& key,
                                    const CsvRow& row) {
    const FieldSpec* whole = spec.Find(key);
    std::string text, format, label;
    if (whole != nullptr) {
      text = Value(whole, row);
      format = whole->format.empty() ? m_.datetime_format : whole->format;
      label = Label(spec, key);
    } else {
      const FieldSpec* date = spec.Find("date");
      const FieldSpec* time = spec.Find("time");
      text = Value(date, row);
      format = date->format.empty() ? m_.date_format : date->format;
      label = Label(spec, "date");
      if (time != nullptr && !text.empty()) {
        text += " " + Value(time, row);
        format += " " + (time->format.empty() ? std::string("%H:%M") : time->format);
      }
    }
    if (text.empty()) {
      b_.Error(row.line, label, Msg("ingest.missing.date_time"));
      return std::nullopt;
    }
    Result<LocalDateTime> read = invoicing::ParseDateTime(text, format);
    if (!read) {
      b_.Error(row.line, label, read.error().message);
      return std::nullopt;
    }
    return *read;
  }

  // From minutes, hours ("1.5", with the file's decimal separator) or a duration "H:MM[:SS]".
  std::optional<int> Minutes(const RecordSpec& spec, const CsvRow& row) {
    if (spec.Find("minutes") != nullptr) {
      const auto n = Number(spec, "minutes", row);
      if (!n && Value(spec.Find("minutes"), row).empty()) {
        b_.Error(row.line, Label(spec, "minutes"), Msg("ingest.missing.minutes"));
      }
      // Beyond a day the ledger's own check reports it; clamped only to stay an int.
      return n ? std::optional<int>(static_cast<int>(std::min<int64_t>(*n, 1000000)))
               : std::nullopt;
    }
    if (spec.Find("hours") != nullptr) {
      // Exact: "1.5" or "1,5" hours is 90 minutes, rounded to the nearest minute.
      std::string text = Value(spec.Find("hours"), row);
      if (m_.number.decimal == ',') std::replace(text.begin(), text.end(), ',', '.');
      const Result<Decimal> hours = Decimal::Parse(text);
      if (!hours || hours->units < 0 || hours->units > int64_t{1} << 40) {
        b_.Error(row.line, Label(spec, "hours"),
                 Msg("ingest.not_hours", Value(spec.Find("hours"), row)));
        return std::nullopt;
      }
      int64_t scale = 1;
      for (int i = 0; i < hours->scale; ++i) scale *= 10;
      return static_cast<int>((hours->units * 60 + scale / 2) / scale);
    }
    const std::string text = Value(spec.Find("duration"), row);
    int parts[3] = {0, 0, 0};
    int count = 0;
    const char* p = text.data();
    const char* end = text.data() + text.size();
    while (p < end && count < 3) {
      const auto [next, error] = std::from_chars(p, end, parts[count]);
      if (error != std::errc()) break;
      ++count;
      p = next;
      if (p < end && *p == ':')
        ++p;
      else
        break;
    }
    if (text.empty() || p != end || count < 2 || parts[1] > 59 || parts[2] > 59) {
      b_.Error(row.line, Label(spec, "duration"), Msg("ingest.not_a_clock_duration", text));
      return std::nullopt;
    }
    return parts[0] * 60 + parts[1] + (parts[2] >= 30 ? 1 : 0);
  }

  std::string Id(const RecordSpec& spec, const CsvRow& row, const char* prefix,
                 const std::string& content) {
    std::string id = Value(spec.Find("id"), row);
    const std::string base = id.empty() ? ContentId(prefix, "csv-mapping\x1f" + content) : id;
    id = base;
    for (int n = 2; !ids_.insert(std::string(prefix) + "\x1f" + id).second; ++n) {
      id = base + "-" + std::to_string(n);
    }
    return id;
  }

  const Mapping& m_;
  InvoicingBuilder& b_;
  const TimeZone& zone_;
  std::set<std::string> ids_;
};

class MappedCsvImporterImpl final : public Importer {
 public:
  std::string_view name() const override { return "csv-mapping"; }
  // Never guessed: a CSV says nothing about what its columns mean.
  int Detect(const std::string&, std::string_view) const override { return 0; }

  IngestResult Read(const std::string& path, const IngestContext& context) const override {
    InvoicingBuilder b(name(), path, context);
    if (context.options.mapping_file.empty()) {
      b.Error(0, "", Msg("ingest.mapping.required"));
      return b.Finish();
    }
    std::optional<Mapping> mapping =
        mapped_csv::ReadMapping(context.options.mapping_file, b.diagnostics());
    if (!mapping) return b.Finish();
    const std::string zone_name = !context.options.timezone.empty() ? context.options.timezone
                                  : !mapping->timezone.empty()
                                      ? mapping->timezone
                                      : context.existing->workspace.timezone;
    Result<TimeZone> zone = TimeZone::Find(zone_name);
    if (!zone) {
      b.Error(0, "", zone.error().message);
      return b.Finish();
    }
    int skipped = 0;
    const int skip = mapping->skip_rows;
    const std::optional<CsvTable> table = invoicing::LoadCsvTable(
        path, [&skipped, skip](const std::vector<std::string>&) { return skipped++ >= skip; },
        b.diagnostics(), mapping->separator, context.options.encoding);
    if (!table || !mapped_csv::ResolveColumns(*mapping, *table, b.diagnostics())) return b.Finish();
    RowReader reader(*mapping, b, *zone);
    const auto spec = [&mapping](const char* type) -> const RecordSpec* {
      const auto it = mapping->records.find(type);
      return it == mapping->records.end() ? nullptr : &it->second;
    };
    const RecordSpec* clients = spec("clients");
    const RecordSpec* invoices = spec("invoices");
    const RecordSpec* payments = spec("payments");
    const RecordSpec* credit_notes = spec("credit_notes");
    const RecordSpec* work = spec("work");
    const RecordSpec* contacts = spec("contacts");
    for (const CsvRow& row : table->rows) {
      if (clients != nullptr) reader.Client(*clients, row, true);
      if (invoices != nullptr) reader.Invoice(*invoices, row);
      if (payments != nullptr) reader.Payment(*payments, row);
      if (credit_notes != nullptr) reader.CreditNote(*credit_notes, row);
      if (work != nullptr) reader.Work(*work, row);
      if (contacts != nullptr) reader.Contact(*contacts, row);
    }
    return b.Finish(*table);
  }
};

}  // namespace

const Importer& MappedCsvImporter() {
  static const MappedCsvImporterImpl instance;
  return instance;
}

}  // namespace addio

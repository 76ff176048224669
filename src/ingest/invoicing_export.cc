// The one importer of invoicing tools' exports (invoicing_tools.h): detection, the choice
// of the kind of file, and the readers of invoice, payment and client rows driven by a
// table entry's columns.
#include <algorithm>
#include <cctype>
#include <charconv>
#include <optional>
#include <string>
#include <vector>

#include "core/ascii.h"
#include "ingest/invoicing_tools.h"

namespace addio::invoicing {
namespace {

bool Contains(const std::vector<std::string_view>& words, const std::string& word) {
  return std::find(words.begin(), words.end(), word) != words.end();
}

// The first column named one of `names`; nullopt for none or when `names` is empty.
std::optional<size_t> Column(const CsvTable& table, const ColumnNames& names) {
  for (std::string_view name : names) {
    if (std::optional<size_t> column = table.Find({name})) return column;
  }
  return std::nullopt;
}

bool AnyMatches(const std::vector<HeaderShape>& shapes, const std::vector<std::string>& keys) {
  return std::any_of(shapes.begin(), shapes.end(),
                     [&keys](const HeaderShape& shape) { return shape.Matches(keys); });
}

// The review note of a RowPayment: the count, then the entry's text with "{first}" the
// first invoice listed.
// The review note `key` (InvoiceColumns::payment_review) of the invoices `listed`: their
// count and the first one's number. REQUIRES: listed is not empty.
Message PaymentReview(std::string_view key, const std::vector<std::string>& listed) {
  return Msg(std::string(key), listed.size(), listed.front());
}

void ReadInvoices(const CsvTable& table, InvoicingBuilder& b, const InvoiceColumns& c) {
  const auto client_col = Column(table, c.client);
  const auto email_col = Column(table, c.email);
  const auto number_col = Column(table, c.number);
  const auto issued_col = Column(table, c.issued);
  const auto due_col = Column(table, c.due);
  const auto status_col = Column(table, c.status);
  const auto currency_col = Column(table, c.currency);
  const auto total_col = Column(table, c.total);
  const auto terms_col = Column(table, c.terms_days);
  const auto paid_amount_col = Column(table, c.paid_amount);
  const auto paid_on_col = Column(table, c.paid_on);
  const auto balance_col = Column(table, c.balance);
  const auto written_off_col = Column(table, c.written_off);
  const std::string_view issued_format = b.DateFormatOf(table, issued_col);
  const std::string_view due_format = b.DateFormatOf(table, due_col);
  const std::string_view paid_format = b.DateFormatOf(table, paid_on_col);
  std::vector<std::string> listed;  // invoices for the payment review
  for (const CsvRow& row : table.rows) {
    const std::string client = Cell(row, client_col);
    if (!c.email.empty()) b.ClientDetails(client, Cell(row, email_col), "", "");
    const std::string number = Cell(row, number_col);
    SourceInvoice& invoice =
        b.InvoiceFor(client, table.Name(client_col), number, row.line, table.Name(number_col));
    std::optional<Currency> currency;
    if (c.line_totals) {
      currency = b.CurrencyOf(table, row, currency_col);
      const auto line_total = b.Amount(table, row, total_col, *currency, true);
      if (line_total) {
        if (invoice.total && !(invoice.total->currency() == line_total->currency())) {
          b.Error(row.line, table.Name(currency_col),
                  Msg("ingest.invoice.mixed_currencies", number));
        } else {
          invoice.total = invoice.total ? *invoice.total + *line_total : *line_total;
        }
      }
    }
    if (invoice.line != row.line) {
      if (!c.repeated_row.empty()) {
        b.Error(row.line, table.Name(number_col),
                Msg("ingest.appears_twice", Arg::Key(std::string(c.repeated_row)), number,
                    invoice.line));
      }
      continue;  // the invoice's fields were read from its first row
    }
    if (!currency) currency = b.CurrencyOf(table, row, currency_col);
    invoice.issued = b.Date(table, row, issued_col, issued_format, true);
    invoice.due = b.Date(table, row, due_col, due_format, false);
    if (!c.line_totals) invoice.total = b.Amount(table, row, total_col, *currency, true);
    const std::string status = Cell(row, status_col);
    invoice.status = !c.issued_status.empty() && status == c.issued_status ? "" : status;
    if (!c.terms_days.empty()) {
      const std::string terms = Cell(row, terms_col);
      int days = 0;
      const auto [end, error] = std::from_chars(terms.data(), terms.data() + terms.size(), days);
      if (!terms.empty() &&
          (error != std::errc() || end != terms.data() + terms.size() || days < 0)) {
        b.Error(row.line, table.Name(terms_col), Msg("ingest.invoice.bad_terms", terms));
      } else if (invoice.issued && days > 0) {
        invoice.due = invoice.issued->AddDays(days);
      }
    }
    const std::string status_key = HeaderKeys({invoice.status})[0];
    switch (c.payment) {
      case RowPayment::kNone:
        break;
      case RowPayment::kAmountElsewhere:
        if (Result<Money> paid = ParseAmount(Cell(row, paid_amount_col), *currency);
            paid && paid->is_positive()) {
          listed.push_back(number);
        }
        break;
      case RowPayment::kDateWhenPaid: {
        const auto paid_on = b.Date(table, row, paid_on_col, paid_format, false);
        if (paid_on && Contains(c.paid_statuses, status_key)) {
          invoice.paid_on = paid_on;
        } else if (paid_on || Contains(c.partly_paid_statuses, status_key)) {
          listed.push_back(number);
        }
        break;
      }
      case RowPayment::kTotalLessBalance: {
        const auto balance = b.Amount(table, row, balance_col, *currency, false);
        const auto written_off = b.Amount(table, row, written_off_col, *currency, false);
        if (written_off && written_off->is_positive()) invoice.written_off = true;
        const auto paid_on = b.Date(table, row, paid_on_col, paid_format, false);
        if (invoice.total && balance && paid_on) {
          Money paid = *invoice.total - *balance;
          if (written_off) paid -= *written_off;
          if (paid.is_positive()) {
            invoice.paid_on = paid_on;
            invoice.paid_amount = paid;
          }
        }
        break;
      }
      case RowPayment::kAmountOnDate: {
        const auto paid = b.Amount(table, row, paid_amount_col, *currency, false);
        const auto paid_on = b.Date(table, row, paid_on_col, paid_format, false);
        if (paid && paid->is_positive()) {
          if (paid_on) {
            invoice.paid_on = paid_on;
            invoice.paid_amount = paid;
          } else {
            listed.push_back(number);
          }
        }
        break;
      }
      case RowPayment::kStatusOnly:
        if (Contains(c.paid_statuses, status_key) || Contains(c.partly_paid_statuses, status_key)) {
          listed.push_back(number);
        }
        break;
    }
  }
  if (!listed.empty()) b.Review(PaymentReview(c.payment_review, listed));
}

void ReadPayments(const CsvTable& table, InvoicingBuilder& b, const PaymentColumns& c) {
  const auto id_col = Column(table, c.id);
  const auto client_col = Column(table, c.client);
  const auto number_col = Column(table, c.number);
  const auto amount_col = Column(table, c.amount);
  const auto date_col = Column(table, c.date);
  const auto currency_col = Column(table, c.currency);
  const std::string_view date_format = b.DateFormatOf(table, date_col);
  for (const CsvRow& row : table.rows) {
    const auto client = b.ResolveClient(Cell(row, client_col), row.line, table.Name(client_col));
    const Currency currency = b.CurrencyOf(table, row, currency_col);
    const auto amount = b.Amount(table, row, amount_col, currency, true);
    const auto date = b.Date(table, row, date_col, date_format, true);
    if (!client || !amount || !date) continue;
    b.AddPayment({Cell(row, id_col), *client, Cell(row, number_col), *date, *amount, row.line});
  }
}

void ReadClients(const CsvTable& table, InvoicingBuilder& b, const ClientColumns& c) {
  const auto name_col = Column(table, c.name);
  const auto first_col = Column(table, c.first_name);
  const auto last_col = Column(table, c.last_name);
  const auto email_col = Column(table, c.email);
  const auto country_col = Column(table, c.country);
  const auto tax_id_col = Column(table, c.tax_id);
  const auto kind_col = Column(table, c.kind);
  size_t skipped = 0;
  for (const CsvRow& row : table.rows) {
    if (!c.skipped_kind.empty() && AsciiLower(Cell(row, kind_col)) == c.skipped_kind) {
      ++skipped;
      continue;
    }
    std::string name = Cell(row, name_col);
    if (name.empty() && !c.first_name.empty()) {  // the person, when no organization
      name = Cell(row, first_col);
      const std::string last = Cell(row, last_col);
      if (!last.empty()) name += (name.empty() ? "" : " ") + last;
    }
    if (!b.ResolveClient(name, row.line, table.Name(name_col))) continue;
    b.ClientDetails(name, Cell(row, email_col), Cell(row, country_col), Cell(row, tax_id_col));
  }
  if (skipped > 0) b.Review(Msg(std::string(c.skipped_review), skipped));
}

}  // namespace

bool HeaderShape::Matches(const std::vector<std::string>& keys) const {
  if (min_columns > 0 && keys.size() < min_columns) return false;
  if (max_columns > 0 && keys.size() > max_columns) return false;
  return std::all_of(columns.begin(), columns.end(), [&keys](std::string_view column) {
    return std::find(keys.begin(), keys.end(), column) != keys.end();
  });
}

int InvoicingToolImporter::Detect(const std::string& path, std::string_view head) const {
  const std::vector<std::vector<std::string>> records = HeadRecords(head, 1);
  if (records.empty()) return 0;
  const std::vector<std::string>& keys = records[0];
  if (!format_.preamble.empty() && !keys.empty() && keys[0].starts_with(format_.preamble)) {
    return format_.preamble_score;
  }
  const std::string file = LowerFileName(path);
  const bool named =
      std::any_of(format_.file_names.begin(), format_.file_names.end(),
                  [&file](std::string_view part) { return file.find(part) != std::string::npos; });
  int best = 0;
  for (const ExportFile& kind : format_.files) {
    if (!AnyMatches(kind.detect_headers.empty() ? kind.headers : kind.detect_headers, keys)) {
      continue;
    }
    best = std::max(best, named && kind.score_if_named > 0 ? kind.score_if_named : kind.score);
  }
  return best;
}

IngestResult InvoicingToolImporter::Read(const std::string& path,
                                         const IngestContext& context) const {
  InvoicingBuilder b(format_.name, path, context);
  const bool has_preamble = !format_.preamble.empty();
  const HeaderTest is_header = [this, has_preamble](const std::vector<std::string>& keys) {
    if (has_preamble) {  // the preamble's records have one name each
      return std::count_if(keys.begin(), keys.end(),
                           [](const std::string& key) { return !key.empty(); }) >= 2;
    }
    return std::any_of(format_.files.begin(), format_.files.end(),
                       [&keys](const ExportFile& kind) { return AnyMatches(kind.headers, keys); });
  };
  const std::optional<CsvTable> table =
      LoadCsvTable(path, is_header, b.diagnostics(), 0, context.options.encoding);
  if (!table) return b.Finish();
  std::string section;  // the preamble's last word: "INVOICES", "Vendors"
  for (const std::string& cell : table->preamble) {
    if (!cell.empty()) section = AsciiLower(cell);
  }
  const std::vector<std::string> keys = HeaderKeys(table->header);
  const auto kind =
      std::find_if(format_.files.begin(), format_.files.end(), [&](const ExportFile& file) {
        return AnyMatches(file.headers, keys) &&
               (file.not_in_section.empty() || file.not_in_section != section);
      });
  const auto skipped = [&](const Arg& what) {
    b.Review(Msg("ingest.review.kind_skipped", format_.display_name, what));
  };
  if (kind == format_.files.end()) {
    skipped(section.empty() ? Arg::Key("ingest.what.other_records") : Arg(section));
    return b.Finish(*table);
  }
  switch (kind->kind) {
    case FileKind::kInvoices:
      if (format_.read_invoices != nullptr) {
        format_.read_invoices(*table, b);
      } else {
        ReadInvoices(*table, b, format_.invoices);
      }
      break;
    case FileKind::kPayments:
      ReadPayments(*table, b, format_.payments);
      break;
    case FileKind::kClients:
      ReadClients(*table, b, format_.clients);
      break;
    case FileKind::kSkipped:
      skipped(Arg::Key(std::string(kind->what)));
      break;
  }
  return b.Finish(*table);
}

}  // namespace addio::invoicing

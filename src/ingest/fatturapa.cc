// FatturaPA, the Italian electronic invoice (versions 1.1 and 1.2.x, FPA and FPR): the
// invoices the freelancer issued, as plain .xml or inside a CAdES signature (.xml.p7m, DER
// or base64). Elements are found by local name, whatever namespace prefix the issuing
// software used. One file may hold several bodies, each its own document.
//
// What each document becomes:
// - client: the CessionarioCommittente, by VAT number (IdFiscaleIVA) or else fiscal code
//   (CodiceFiscale), through ClientResolver::ByTaxId; a new client takes the Denominazione,
//   else Nome + Cognome (then it is an individual).
// - invoice id: the Numero. Italian numbering restarts every year, so a number that also
//   belongs to another year's invoice (stored, or read in the same import) becomes
//   "<year>/<Numero>"; a stored invoice keeps the id it already has, so re-importing
//   changes nothing. An id that another client's record already has (stored, or read in
//   the same import) is scoped by the client: "<id>@<client>", so that two clients'
//   documents can never collide while every id that cannot collide stays as it was.
// - amount: what the client is asked to pay, which is what payments settle: the sum of
//   DettaglioPagamento/ImportoPagamento; without it, the document total
//   (ImportoTotaleDocumento, else the DatiRiepilogo sums) less the withholding tax and the
//   VAT the client pays to the State under split payment (EsigibilitaIVA S). When it
//   differs from the document total the review says so.
// - due: DataScadenzaPagamento (with several installments the last one, noted in the
//   review), else the payment terms in days, else the document date + 30 days (a warning).
// - credit notes (TD04, TD08, or a negative total) are credit notes of the ledger (1.1),
//   numbered like invoices in their own series, dated on the note, lowering the invoice of
//   DatiFattureCollegate/IdDocumento (read now or stored, of the same client); a credit
//   note whose invoice cannot be found is an error naming the file and the element.
// - received e-invoices (purchases): when the seller (CedentePrestatore) is not the
//   workspace, or the buyer is the workspace itself (its tax_id or its name), the document
//   is skipped with a warning, never booked as a sale. A workspace without a tax_id learns
//   it from the files when they tell (OwnTaxId); when they cannot, the import is an error.
// - self-invoices and reverse-charge integrations (TD16-TD23, TD27, TD28) are not invoices
//   to a client: skipped, with a review line.
// The same document read twice (its .xml and its .xml.p7m in one folder) counts once; of
// two different documents with one number in one year the later file's is kept, with a
// warning naming both files.
#include <algorithm>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <sstream>
#include <tuple>

#include "core/ascii.h"
#include "ingest/bank_matching.h"
#include "ingest/client_resolver.h"
#include "ingest/fatturapa_signed.h"
#include "ingest/folder_walk.h"
#include "ingest/importers.h"
#include "ingest/xml_local.h"
#include "ledger/tax_id.h"

namespace addio {
namespace {

namespace fs = std::filesystem;

constexpr int kDefaultTermsDays = 30;

bool EndsWith(std::string_view text, std::string_view suffix) {
  return text.size() >= suffix.size() && text.substr(text.size() - suffix.size()) == suffix;
}

// "invoice" or "credit note", as messages name a document.
Arg KindWord(bool credit_note) {
  return Arg::Key(credit_note ? "ingest.word.credit_note" : "ingest.word.invoice");
}

Result<std::string> ReadBytes(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Fail(ErrorCode::kIo, Msg("ingest.path_unreadable", path));
  std::ostringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

// One FatturaElettronicaBody, read.
struct Document {
  std::string number;
  CivilDate date;
  bool credit_note = false;
  Money amount;  // to be paid (or credited), > 0
  CivilDate due;
  std::string client;
  std::vector<std::pair<std::string, std::optional<CivilDate>>> linked;  // credit notes
  RecordLocation linked_where;  // the first DatiFattureCollegate, else the body
  std::string reason;           // the first Causale, for a credit note
  RecordLocation where;
  std::string id;  // assigned once every document is read

  // Equal content: the same document read twice (its .xml and its .xml.p7m).
  bool SameAs(const Document& o) const {
    return std::tie(credit_note, date, amount, due, client, linked) ==
           std::tie(o.credit_note, o.date, o.amount, o.due, o.client, o.linked);
  }
};

// Whether the workspace's tax id (written with or without its country prefix, in any case,
// with separators) is the party's `country` + `code`.
bool SameTaxId(const std::string& workspace_tax_id, const std::string& country,
               const std::string& code) {
  const std::string own = TaxKey(workspace_tax_id, country);
  return !own.empty() && own == TaxKey(code, country);
}

// The country and code of a DatiAnagrafici: IdFiscaleIVA, else the (Italian) CodiceFiscale.
std::pair<std::string, std::string> TaxIdOf(const pugi::xml_node& party) {
  std::string code = xml::TextAt(party, "IdFiscaleIVA/IdCodice");
  if (!code.empty()) return {xml::TextAt(party, "IdFiscaleIVA/IdPaese"), code};
  code = xml::TextAt(party, "CodiceFiscale");
  return {code.empty() ? "" : "IT", code};
}

// The name of a DatiAnagrafici: its Denominazione, else "Nome Cognome" (an individual).
std::string PartyName(const pugi::xml_node& party) {
  std::string name = xml::TextAt(party, "Anagrafica/Denominazione");
  if (!name.empty()) return name;
  return xml::TextAt(party, "Anagrafica/Nome") + " " + xml::TextAt(party, "Anagrafica/Cognome");
}

// Whether an e-invoice's party named `name` is the workspace, by its name (case aside).
bool IsWorkspaceName(const std::string& name, const Workspace& workspace) {
  return !workspace.name.empty() && !name.empty() && AsciiLower(name) == AsciiLower(workspace.name);
}

bool IsSelfInvoice(std::string_view type) {
  static const std::set<std::string_view> kSelf = {"TD16", "TD17", "TD18", "TD19", "TD20",
                                                   "TD21", "TD22", "TD23", "TD27", "TD28"};
  return kSelf.count(type) > 0;
}

class FileReader {
 public:
  FileReader(std::string file, std::string_view xml, ClientResolver& resolver,
             const Workspace& workspace, IngestResult& result)
      : file_(std::move(file)),
        lines_(xml),
        resolver_(resolver),
        workspace_(workspace),
        result_(result) {}

  // Appends the documents of `root` (a FatturaElettronica) to `out`.
  void Read(const pugi::xml_node& root, std::vector<Document>& out) {
    const pugi::xml_node header = xml::Child(root, "FatturaElettronicaHeader");
    if (!header) return Error(root, "", Msg("ingest.fatturapa.no_header"));
    if (IsReceived(header)) return;
    const std::optional<std::string> client = ResolveClient(header);
    if (!client) return;
    const std::vector<pugi::xml_node> bodies = xml::Children(root, "FatturaElettronicaBody");
    if (bodies.empty()) return Error(root, "", Msg("ingest.fatturapa.no_body"));
    for (const pugi::xml_node& body : bodies) {
      if (std::optional<Document> document = ReadBody(body, *client)) {
        out.push_back(std::move(*document));
      }
    }
  }

 private:
  void Add(Severity severity, const pugi::xml_node& node, const std::string& field, Message message,
           const std::string& id = "") {
    result_.diagnostics.Add({severity, file_, lines_.LineOf(node), xml::PathOf(node),
                             id.empty() ? "" : "invoice", id, field, std::move(message)});
  }
  void Error(const pugi::xml_node& node, const std::string& field, Message message,
             const std::string& id = "") {
    Add(Severity::kError, node, field, std::move(message), id);
  }

  // True, with a warning, for an e-invoice the workspace received (a purchase): its seller
  // is not the workspace (when the workspace's tax_id is known), or its buyer is.
  bool IsReceived(const pugi::xml_node& header) {
    const pugi::xml_node seller = xml::Find(header, "CedentePrestatore/DatiAnagrafici");
    const pugi::xml_node buyer = xml::Find(header, "CessionarioCommittente/DatiAnagrafici");
    const auto [seller_country, seller_code] = TaxIdOf(seller);
    const auto [buyer_country, buyer_code] = TaxIdOf(buyer);
    const std::string& own = workspace_.tax_id;
    bool received =
        !own.empty() && ((!seller_code.empty() && !SameTaxId(own, seller_country, seller_code)) ||
                         SameTaxId(own, buyer_country, buyer_code));
    if (!received && IsWorkspaceName(xml::TextAt(buyer, "Anagrafica/Denominazione"), workspace_)) {
      received = true;  // the buyer is the workspace, by its name
    }
    if (!received) return false;
    Add(Severity::kWarning, seller ? seller : header, "CedentePrestatore",
        Msg("ingest.fatturapa.received_skipped", PartyName(seller), seller_country + seller_code));
    return true;
  }

  std::optional<std::string> ResolveClient(const pugi::xml_node& header) {
    const pugi::xml_node buyer = xml::Find(header, "CessionarioCommittente/DatiAnagrafici");
    if (!buyer) {
      Error(header, "CessionarioCommittente", Msg("ingest.fatturapa.no_buyer"));
      return std::nullopt;
    }
    std::string name = xml::TextAt(buyer, "Anagrafica/Denominazione");
    const bool individual = name.empty();
    if (individual) {
      name = PartyName(buyer);
      name.erase(0, name.find_first_not_of(' '));
      name.erase(name.find_last_not_of(' ') + 1);
    }
    std::string code = xml::TextAt(buyer, "IdFiscaleIVA/IdCodice");
    std::string country = xml::TextAt(buyer, "IdFiscaleIVA/IdPaese");
    if (code.empty()) {
      code = xml::TextAt(buyer, "CodiceFiscale");
      country = "IT";  // the codice fiscale is Italian by definition
    }
    if (code.empty()) {
      Error(buyer, "IdFiscaleIVA", Msg("ingest.fatturapa.no_tax_id"));
      return std::nullopt;
    }
    const size_t known = resolver_.NewClients().size();
    std::optional<std::string> id = resolver_.ByTaxId(code, country, name);
    if (!id) {
      Error(buyer, "IdFiscaleIVA", Msg("ingest.fatturapa.unknown_tax_id", country + code, name));
      return std::nullopt;
    }
    if (resolver_.NewClients().size() > known) {
      Client client = resolver_.NewClients().back();
      if (individual) client.kind = ClientKind::kIndividual;
      if (client.country.empty()) client.country = country;
      result_.ledger.clients.push_back(std::move(client));
      result_.source.locations["client"].push_back(
          {file_, lines_.LineOf(buyer), xml::PathOf(buyer)});
    }
    return id;
  }

  std::optional<Money> Amount(const pugi::xml_node& node, Currency currency, bool* ok) {
    if (!node || xml::Text(node).empty()) return std::nullopt;
    auto money = ParseStatementAmount(xml::Text(node), currency);
    if (!money) {
      Error(node, std::string(xml::LocalName(node)), money.error().message);
      *ok = false;
      return std::nullopt;
    }
    return *money;
  }

  std::optional<CivilDate> Date(const pugi::xml_node& node, bool* ok) {
    if (!node || xml::Text(node).empty()) return std::nullopt;
    auto date = CivilDate::Parse(xml::Text(node).substr(0, 10));
    if (!date) {
      Error(node, std::string(xml::LocalName(node)), date.error().message);
      *ok = false;
      return std::nullopt;
    }
    return *date;
  }

  std::optional<Document> ReadBody(const pugi::xml_node& body, const std::string& client) {
    const pugi::xml_node general = xml::Find(body, "DatiGenerali/DatiGeneraliDocumento");
    if (!general) {
      Error(body, "DatiGeneraliDocumento", Msg("ingest.fatturapa.no_general"));
      return std::nullopt;
    }
    Document doc;
    doc.client = client;
    doc.where = {file_, lines_.LineOf(body), xml::PathOf(body)};
    doc.number = xml::TextAt(general, "Numero");
    const std::string type = xml::TextAt(general, "TipoDocumento");
    if (doc.number.empty()) {
      Error(general, "Numero", Msg("ingest.fatturapa.no_number"));
      return std::nullopt;
    }
    if (IsSelfInvoice(type)) {
      result_.review.push_back(
          Msg("ingest.fatturapa.self_invoice_skipped", file_, doc.number, type));
      return std::nullopt;
    }
    bool ok = true;
    const std::optional<CivilDate> date = Date(xml::Child(general, "Data"), &ok);
    if (!date) {
      if (ok) Error(general, "Data", Msg("ingest.fatturapa.no_date"), doc.number);
      return std::nullopt;
    }
    doc.date = *date;
    auto currency = Currency::Find(xml::TextAt(general, "Divisa"));
    if (!currency) {
      Error(xml::Child(general, "Divisa"), "Divisa", currency.error().message, doc.number);
      return std::nullopt;
    }

    // The document total, then what the client is asked to pay.
    std::optional<Money> gross =
        Amount(xml::Child(general, "ImportoTotaleDocumento"), *currency, &ok);
    Money summary = Money::Zero(*currency), split_vat = Money::Zero(*currency);
    const std::vector<pugi::xml_node> summaries =
        xml::Children(xml::Child(body, "DatiBeniServizi"), "DatiRiepilogo");
    for (const pugi::xml_node& line : summaries) {
      const Money zero = Money::Zero(*currency);
      const Money taxable =
          Amount(xml::Child(line, "ImponibileImporto"), *currency, &ok).value_or(zero);
      const Money tax = Amount(xml::Child(line, "Imposta"), *currency, &ok).value_or(zero);
      summary += taxable + tax;
      if (xml::TextAt(line, "EsigibilitaIVA") == "S") split_vat += tax;
    }
    if (!gross && !summaries.empty()) {
      gross = summary + Amount(xml::Child(general, "Arrotondamento"), *currency, &ok)
                            .value_or(Money::Zero(*currency));
    }
    Money withheld = Money::Zero(*currency);
    for (const pugi::xml_node& tax : xml::Children(general, "DatiRitenuta")) {
      withheld += Amount(xml::Child(tax, "ImportoRitenuta"), *currency, &ok)
                      .value_or(Money::Zero(*currency));
    }
    std::vector<pugi::xml_node> installments;
    for (const pugi::xml_node& terms : xml::Children(body, "DatiPagamento")) {
      for (const pugi::xml_node& part : xml::Children(terms, "DettaglioPagamento")) {
        installments.push_back(part);
      }
    }
    std::optional<Money> to_pay;
    Money installment_sum = Money::Zero(*currency);
    bool every_installment_has_amount = !installments.empty();
    std::vector<CivilDate> due_dates;
    for (const pugi::xml_node& part : installments) {
      if (auto amount = Amount(xml::Child(part, "ImportoPagamento"), *currency, &ok)) {
        installment_sum += *amount;
      } else {
        every_installment_has_amount = false;
      }
      if (auto due = Date(xml::Child(part, "DataScadenzaPagamento"), &ok)) {
        due_dates.push_back(*due);
      } else if (const std::string days = xml::TextAt(part, "GiorniTerminiPagamento");
                 !days.empty() && std::all_of(days.begin(), days.end(), ::isdigit) &&
                 days.size() < 4) {
        const CivilDate from =
            Date(xml::Child(part, "DataRiferimentoTerminiPagamento"), &ok).value_or(doc.date);
        due_dates.push_back(from.AddDays(std::stoi(days)));
      }
    }
    if (!ok) return std::nullopt;
    if (!gross) {
      Error(general, "ImportoTotaleDocumento", Msg("ingest.fatturapa.no_total"), doc.number);
      return std::nullopt;
    }
    if (every_installment_has_amount && !installment_sum.is_zero()) {
      to_pay = installment_sum;
    } else {
      to_pay = *gross - (gross->is_negative() ? -withheld : withheld) -
               (gross->is_negative() ? -split_vat : split_vat);
    }
    const bool credit_type = type == "TD04" || type == "TD08";  // TD08: simplified
    doc.credit_note = credit_type || gross->is_negative();
    if (!credit_type && gross->is_negative()) {
      Add(Severity::kWarning, general, "ImportoTotaleDocumento",
          Msg("ingest.fatturapa.negative_total", type), doc.number);
    }
    doc.amount = to_pay->is_negative() ? -*to_pay : *to_pay;
    if (!doc.amount.is_positive()) {
      Add(Severity::kWarning, general, "ImportoTotaleDocumento",
          Msg("ingest.fatturapa.nothing_to_pay"), doc.number);
      return std::nullopt;
    }
    const Money gross_abs = gross->is_negative() ? -*gross : *gross;
    if (doc.amount != gross_abs) {
      result_.review.push_back(
          Msg("ingest.fatturapa.to_pay_differs", file_, KindWord(doc.credit_note), doc.number,
              gross_abs.ToString() + " " + std::string(currency->code()), doc.amount.ToString()));
    }

    if (doc.credit_note) {
      doc.linked_where = doc.where;
      for (const pugi::xml_node& linked :
           xml::Children(xml::Child(body, "DatiGenerali"), "DatiFattureCollegate")) {
        const std::string number = xml::TextAt(linked, "IdDocumento");
        if (number.empty()) continue;
        if (doc.linked.empty())
          doc.linked_where = {file_, lines_.LineOf(linked), xml::PathOf(linked)};
        doc.linked.emplace_back(number, Date(xml::Child(linked, "Data"), &ok));
      }
      doc.reason = xml::TextAt(general, "Causale");
      doc.due = doc.date;
      return doc;
    }
    std::sort(due_dates.begin(), due_dates.end());
    if (due_dates.empty()) {
      doc.due = doc.date.AddDays(kDefaultTermsDays);
      Add(Severity::kWarning, general, "DataScadenzaPagamento",
          Msg("ingest.fatturapa.no_due", doc.due.ToString(), kDefaultTermsDays), doc.number);
    } else {
      doc.due = due_dates.back();
      if (due_dates.size() > 1) {
        result_.review.push_back(Msg("ingest.fatturapa.installments", file_, doc.number,
                                     due_dates.size(), due_dates.front().ToString(),
                                     due_dates.back().ToString()));
      }
    }
    if (doc.due < doc.date) {
      Add(Severity::kWarning, general, "DataScadenzaPagamento",
          Msg("ingest.fatturapa.due_before_date", doc.due.ToString()), doc.number);
      doc.due = doc.date;
    }
    return doc;
  }

  std::string file_;
  xml::LineIndex lines_;
  ClientResolver& resolver_;
  const Workspace& workspace_;
  IngestResult& result_;
};

// One e-invoice file, parsed, before its documents are read.
struct ParsedFile {
  std::string path;
  std::string text;  // the XML (out of its signature); lines are counted in it
  std::unique_ptr<pugi::xml_document> document;
  pugi::xml_node root;  // the FatturaElettronica
};

// Reads and parses the file at `path` (plain XML or a .p7m signature). In a folder, a file
// that is not an invoice (an SdI receipt, a metadata file) is skipped with a warning; named
// on its own it is an error. Nullopt for a file that gives no documents.
std::optional<ParsedFile> LoadFile(const std::string& path, bool in_folder, IngestResult& result) {
  auto file_error = [&](Severity severity, int line, Message message) {
    result.diagnostics.Add({severity, path, line, "", "", "", "", std::move(message)});
    return std::nullopt;
  };
  auto bytes = ReadBytes(path);
  if (!bytes) return file_error(Severity::kError, 0, bytes.error().message);
  ParsedFile file{path, std::move(*bytes), std::make_unique<pugi::xml_document>(), {}};
  if (EndsWith(AsciiLower(path), ".p7m")) {
    auto content = ExtractSignedContent(std::move(file.text));
    if (!content) return file_error(Severity::kError, 0, content.error().message);
    file.text = std::move(*content);
  }
  const pugi::xml_parse_result parsed =
      file.document->load_buffer(file.text.data(), file.text.size());
  if (!parsed) {
    const std::string_view before(file.text.data(),
                                  std::min(file.text.size(), static_cast<size_t>(parsed.offset)));
    const int line = 1 + static_cast<int>(std::count(before.begin(), before.end(), '\n'));
    return file_error(Severity::kError, line, Msg("ingest.xml.malformed", parsed.description()));
  }
  file.root = file.document->document_element();
  if (xml::LocalName(file.root) != "FatturaElettronica") {
    const Arg found = file.root ? Arg(xml::LocalName(file.root)) : Arg::Key("ingest.xml.nothing");
    if (in_folder) {
      return file_error(Severity::kWarning, 0, Msg("ingest.fatturapa.not_invoice_skipped", found));
    }
    return file_error(Severity::kError, 0, Msg("ingest.fatturapa.not_invoice", found));
  }
  return file;
}

// A party of the e-invoices read: its canonical tax id and its name.
using Parties = std::map<std::string, std::string>;

void AddParty(const pugi::xml_node& party, Parties& parties) {
  const auto [country, code] = TaxIdOf(party);
  if (code.empty()) return;
  parties.emplace(TaxKey(code, country), PartyName(party));
}

// The tax id that tells the workspace's sales from its purchases in this import: the
// workspace's own when it has one. Else it is learnt from the files, and kept in the
// workspace (result.ledger.workspace) with a warning saying so:
// - a buyer with the workspace's name: that buyer (the files are purchases);
// - one seller in every file: the seller (an export of the invoices a business issued);
// - several sellers, one of them also a buyer: that one (sales and purchases together);
// - several sellers and one buyer: the buyer (purchases only).
// Several sellers and no way to tell which is the workspace is an error asking for its
// tax id: booking a purchase as a sale would corrupt the books. No seller (a workspace
// named as buyer only, or no tax ids at all) leaves it empty.
std::string OwnTaxId(const std::vector<ParsedFile>& files, const std::string& path,
                     const Workspace& workspace, IngestResult& result) {
  if (!workspace.tax_id.empty()) return workspace.tax_id;
  Parties sellers, buyers;
  for (const ParsedFile& file : files) {
    const pugi::xml_node header = xml::Child(file.root, "FatturaElettronicaHeader");
    AddParty(xml::Find(header, "CedentePrestatore/DatiAnagrafici"), sellers);
    AddParty(xml::Find(header, "CessionarioCommittente/DatiAnagrafici"), buyers);
  }
  std::vector<std::pair<std::string, std::string>> both, named;
  for (const auto& seller : sellers) {
    if (buyers.count(seller.first) > 0) both.push_back(seller);
  }
  for (const auto& party : buyers) {
    if (IsWorkspaceName(party.second, workspace)) named.push_back(party);
  }
  std::optional<std::pair<std::string, std::string>> own;
  if (named.size() == 1) {  // a buyer named as the workspace is the workspace
    own = named.front();
  } else if (sellers.size() == 1) {
    own = *sellers.begin();
  } else if (both.size() == 1) {
    own = both.front();
  } else if (sellers.size() > 1 && both.empty() && buyers.size() == 1) {
    own = *buyers.begin();
  }
  if (!own) {
    if (sellers.size() > 1) {
      std::string names;
      for (const auto& [key, name] : sellers) {
        names += (names.empty() ? "" : ", ") + name + " " + key;
      }
      result.diagnostics.Add({Severity::kError, path, 0, "", "workspace", "", "tax_id",
                              Msg("ingest.fatturapa.own_tax_id_unknown", names)});
    }
    return "";
  }
  result.ledger.workspace = workspace;
  result.ledger.workspace.tax_id = own->first;
  result.diagnostics.Add({Severity::kWarning, path, 0, "", "workspace", "", "tax_id",
                          Msg("ingest.fatturapa.own_tax_id_learnt", own->first, own->second)});
  return own->first;
}

// `id` without the "@<client>" that scopes it to `client`, if it has it.
std::string Unscoped(const std::string& id, const std::string& client) {
  const std::string suffix = "@" + client;
  if (id.size() > suffix.size() && EndsWith(id, suffix)) {
    return id.substr(0, id.size() - suffix.size());
  }
  return id;
}

// Scopes the id of each document that another client's record already has, stored or
// read now (invoices and credit notes are separate series): "<id>@<client>".
void ScopeCollidingIds(std::vector<Document>& documents, const Ledger& existing) {
  std::map<std::string, std::string> owner[2];  // id -> client, per kind
  for (const Invoice& invoice : existing.invoices) owner[0].emplace(invoice.id, invoice.client);
  for (const CreditNote& note : existing.credit_notes) owner[1].emplace(note.id, note.client);
  for (Document& doc : documents) {
    auto& owners = owner[doc.credit_note ? 1 : 0];
    const auto [it, inserted] = owners.emplace(doc.id, doc.client);
    if (!inserted && it->second != doc.client) {
      doc.id += "@" + doc.client;
      owners.emplace(doc.id, doc.client);
    }
  }
}

// Gives every document its id (see the top of this file), keeps one of the same document
// read twice, and the later of two different documents under one number in one year.
std::vector<Document> AssignIds(std::vector<Document> documents, const Ledger& existing,
                                IngestResult& result) {
  // Files are read in name order, and SdI names carry an increasing sequence number, so
  // the later of two documents under one number (an invoice rejected and sent again) is
  // the one to keep; the warning lets a person check.
  std::map<std::tuple<bool, std::string, int>, size_t> first;  // -> index in `unique`
  std::vector<Document> unique;
  unique.reserve(documents.size());
  for (Document& doc : documents) {
    const auto key = std::make_tuple(doc.credit_note, doc.number, doc.date.year());
    auto [it, inserted] = first.emplace(key, unique.size());
    if (inserted) {
      unique.push_back(doc);
      continue;
    }
    Document& earlier = unique[it->second];
    if (doc.SameAs(earlier)) continue;
    result.diagnostics.Add(
        {Severity::kWarning, doc.where.file, doc.where.line, doc.where.path, "invoice", doc.number,
         "Numero",
         Msg("ingest.fatturapa.number_reused", KindWord(doc.credit_note), doc.number,
             doc.date.year(), earlier.where.file, earlier.where.line)});
    earlier = doc;
  }
  // Years of each number, stored and read now, separately for invoices and credit notes.
  std::map<std::string, int> stored_year[2];
  std::set<std::string> stored_prefixed[2];
  auto remember = [&](int kind, const std::string& id, int year) {
    stored_year[kind][id] = year;
    if (id.size() > 5 && id[4] == '/') stored_prefixed[kind].insert(id.substr(5));
  };
  for (const Invoice& invoice : existing.invoices) {
    remember(0, Unscoped(invoice.id, invoice.client), invoice.issued.year());
  }
  for (const CreditNote& note : existing.credit_notes) {
    remember(1, Unscoped(note.id, note.client), note.issued.year());
  }
  std::map<std::pair<int, std::string>, std::set<int>> years_read;
  for (const Document& doc : unique) {
    years_read[{doc.credit_note, doc.number}].insert(doc.date.year());
  }
  for (Document& doc : unique) {
    const int kind = doc.credit_note ? 1 : 0;
    const std::string yearly = std::to_string(doc.date.year()) + "/" + doc.number;
    const auto stored = stored_year[kind].find(doc.number);
    if (stored != stored_year[kind].end() && stored->second == doc.date.year()) {
      doc.id = doc.number;
    } else if (stored_year[kind].count(yearly) > 0) {
      doc.id = yearly;
    } else if (stored == stored_year[kind].end() && stored_prefixed[kind].count(doc.number) == 0 &&
               years_read[{kind, doc.number}].size() == 1) {
      doc.id = doc.number;
    } else {
      doc.id = yearly;
    }
  }
  ScopeCollidingIds(unique, existing);
  return unique;
}

// The id of the invoice a credit note names, among those read now and those stored; ""
// when none of the client's invoices has the number.
std::string LinkedInvoice(const Document& note, const std::vector<Document>& read,
                          const Ledger& existing) {
  for (const auto& [number, date] : note.linked) {
    std::optional<std::pair<CivilDate, std::string>> best;  // latest issued wins
    auto consider = [&](CivilDate issued, const std::string& id) {
      if (date && issued.year() != date->year()) return;
      if (!best || issued > best->first) best.emplace(issued, id);
    };
    for (const Document& doc : read) {
      if (!doc.credit_note && doc.number == number && doc.client == note.client) {
        consider(doc.date, doc.id);
      }
    }
    for (const Invoice& invoice : existing.invoices) {
      if (invoice.client != note.client) continue;
      const std::string id = Unscoped(invoice.id, invoice.client);
      if (id == number ||
          (id.size() == number.size() + 5 && id[4] == '/' && id.substr(5) == number)) {
        consider(invoice.issued, invoice.id);
      }
    }
    if (best) return best->second;
  }
  return "";
}

void Emit(const std::vector<Document>& documents, const Ledger& existing, IngestResult& result) {
  result.preview.push_back({"number", "date", "client", "amount", "currency", "due", "kind"});
  constexpr size_t kPreviewRows = 10;
  for (const Document& doc : documents) {
    const std::string currency(doc.amount.currency().code());
    if (result.preview.size() <= kPreviewRows) {
      result.preview.push_back({doc.id, doc.date.ToString(), doc.client, doc.amount.ToString(),
                                currency, doc.credit_note ? "" : doc.due.ToString(),
                                doc.credit_note ? "credit note" : "invoice"});
    }
    if (!doc.credit_note) {
      result.ledger.invoices.push_back(Invoice{.id = doc.id,
                                               .client = doc.client,
                                               .issued = doc.date,
                                               .due = doc.due,
                                               .amount = doc.amount});
      result.source.locations["invoice"].push_back(doc.where);
      continue;
    }
    const std::string invoice = LinkedInvoice(doc, documents, existing);
    if (invoice.empty()) {
      // A credit note lowers one invoice: without it, it cannot be booked.
      const Message why = doc.linked.empty()
                              ? Msg("ingest.fatturapa.credit_note_no_link", doc.number)
                              : Msg("ingest.fatturapa.credit_note_unknown_invoice", doc.number,
                                    doc.linked.front().first, doc.client);
      result.diagnostics.Add({Severity::kError, doc.linked_where.file, doc.linked_where.line,
                              doc.linked_where.path, "credit_note", doc.id, "IdDocumento", why});
      continue;
    }
    if (doc.linked.size() > 1) {
      result.review.push_back(Msg("ingest.fatturapa.credit_note_many", doc.where.file, doc.id,
                                  doc.linked.size(), invoice));
    }
    result.ledger.credit_notes.push_back(CreditNote{.id = doc.id,
                                                    .client = doc.client,
                                                    .invoice = invoice,
                                                    .issued = doc.date,
                                                    .amount = doc.amount,
                                                    .reason = doc.reason});
    result.source.locations["credit_note"].push_back(doc.where);
    // Earlier versions booked credit notes as payments "nc-<id>": that payment would now
    // count twice, as money received beside the credit note.
    for (const Payment& payment : existing.payments) {
      if (payment.id == "nc-" + doc.id && payment.client == doc.client) {
        result.diagnostics.Add(
            {Severity::kWarning, doc.where.file, doc.where.line, doc.where.path, "credit_note",
             doc.id, "", Msg("ingest.fatturapa.credit_note_was_payment", doc.id, payment.id)});
      }
    }
  }
}

class FatturaPaImporterImpl final : public Importer {
 public:
  std::string_view name() const override { return "fatturapa"; }

  // A start tag <FatturaElettronica ...> or <prefix:FatturaElettronica ...>; the schema
  // (.xsd), which only names the element, is not an invoice.
  int Detect(const std::string& path, std::string_view head) const override {
    if (EndsWith(AsciiLower(path), ".p7m")) return 90;
    constexpr std::string_view kRoot = "FatturaElettronica";
    for (size_t at = head.find(kRoot); at != std::string_view::npos;
         at = head.find(kRoot, at + 1)) {
      const size_t end = at + kRoot.size();
      if (end >= head.size() ||
          std::string_view(" \t\r\n>").find(head[end]) == std::string_view::npos) {
        continue;
      }
      size_t begin = at;
      while (begin > 0 &&
             (std::isalnum(static_cast<unsigned char>(head[begin - 1])) || head[begin - 1] == ':' ||
              head[begin - 1] == '_' || head[begin - 1] == '-' || head[begin - 1] == '.')) {
        --begin;
      }
      if (begin > 0 && head[begin - 1] == '<') return 95;
    }
    return 0;
  }

  IngestResult Read(const std::string& path, const IngestContext& context) const override {
    IngestResult result;
    result.format = "fatturapa";
    ClientResolver resolver(*context.existing, context.options.create_clients);
    LoadMapping(resolver, context, result);
    std::error_code error;
    if (!fs::is_directory(path, error)) {
      ReadFiles({path}, path, /*in_folder=*/false, resolver, context, result);
      return result;
    }
    Result<std::vector<std::string>> listed = FilesWithExtensions(path, {".xml", ".p7m"});
    if (!listed) {
      result.diagnostics.Add({Severity::kError, path, 0, "", "", "", "", listed.error().message});
    } else if (listed->empty()) {
      result.diagnostics.Add(
          {Severity::kError, path, 0, "", "", "", "", Msg("ingest.folder.no_fatturapa")});
    } else {
      ReadFiles(*listed, path, /*in_folder=*/true, resolver, context, result);
    }
    return result;
  }

  bool ReadsFilesAsOneSet() const override { return true; }

  IngestResult ReadSet(const std::vector<std::string>& files,
                       const IngestContext& context) const override {
    IngestResult result;
    result.format = "fatturapa";
    ClientResolver resolver(*context.existing, context.options.create_clients);
    LoadMapping(resolver, context, result);
    const std::string folder = fs::path(files.front()).parent_path().string();
    ReadFiles(files, folder, /*in_folder=*/true, resolver, context, result);
    return result;
  }

 private:
  // The --mapping file's client renames and merges, when one is given.
  static void LoadMapping(ClientResolver& resolver, const IngestContext& context,
                          IngestResult& result) {
    if (context.options.mapping_file.empty()) return;
    if (Status loaded = resolver.LoadMapping(context.options.mapping_file); !loaded) {
      result.diagnostics.Add({Severity::kError, context.options.mapping_file, 0, "", "", "", "",
                              loaded.error().message});
    }
  }

  // Reads `files` as one set: which seller is the workspace is told by all of them
  // (OwnTaxId, whose messages name `where`); then each file's documents.
  static void ReadFiles(const std::vector<std::string>& files, const std::string& where,
                        bool in_folder, ClientResolver& resolver, const IngestContext& context,
                        IngestResult& result) {
    std::vector<ParsedFile> parsed;
    for (const std::string& file : files) {
      if (std::optional<ParsedFile> loaded = LoadFile(file, in_folder, result)) {
        parsed.push_back(std::move(*loaded));
      }
    }
    Workspace workspace = context.existing->workspace;
    workspace.tax_id = OwnTaxId(parsed, where, workspace, result);
    std::vector<Document> documents;
    for (const ParsedFile& file : parsed) {
      FileReader(file.path, file.text, resolver, workspace, result).Read(file.root, documents);
    }
    Emit(AssignIds(std::move(documents), *context.existing, result), *context.existing, result);
  }
};

}  // namespace

const Importer& FatturaPaImporter() {
  static const FatturaPaImporterImpl instance;
  return instance;
}

}  // namespace addio

// ISO 20022 bank-to-customer messages: camt.053 (statement), camt.054 (debit/credit
// notification) and camt.052 (intraday report), every version, found by local names.
// Only booked incoming credits count (entry CdtDbtInd CRDT, status BOOK or none, not a
// reversal); each becomes a BankCredit and bank_matching.h decides which invoice it pays.
//
// An entry that batches several transactions, each with its own amount adding up to the
// entry's, is one credit per transaction (each has its own payer and remittance); any
// other entry is one credit. Ids: "camt-" + the bank's reference (AcctSvcrRef, unique at
// the bank, so a credit notified by a camt.054 and booked in a camt.053 is one payment),
// else the statement's id and the entry's NtryRef, else a hash of the entry's content.
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include "core/ids.h"
#include "ingest/bank_matching.h"
#include "ingest/folder_walk.h"
#include "ingest/importers.h"
#include "ingest/xml_local.h"

namespace addio {
namespace {

namespace fs = std::filesystem;

// The first non-empty text among `paths` below `node`.
std::string FirstText(const pugi::xml_node& node, std::initializer_list<std::string_view> paths) {
  for (std::string_view path : paths) {
    std::string text = xml::TextAt(node, path);
    if (!text.empty()) return text;
  }
  return "";
}

// "2014-12-31" of <Dt>2014-12-31</Dt> or <DtTm>2014-12-31T13:15:00+01:00</DtTm>: the
// bank's own calendar day.
std::string DateText(const pugi::xml_node& date_and_time) {
  return FirstText(date_and_time, {"Dt", "DtTm"}).substr(0, 10);
}

class StatementReader {
 public:
  StatementReader(std::string file, std::string_view text, IngestResult& result)
      : file_(std::move(file)), lines_(text), result_(result) {}

  void Read(const pugi::xml_node& message, std::vector<BankCredit>& out) {
    std::vector<pugi::xml_node> containers;
    for (const char* name : {"Stmt", "Rpt", "Ntfctn"}) {
      for (const pugi::xml_node& node : xml::Children(message, name)) containers.push_back(node);
    }
    if (containers.empty()) {
      return Error(message, "", Msg("ingest.camt.no_statement"));
    }
    for (const pugi::xml_node& container : containers) {
      statement_id_ = xml::TextAt(container, "Id");
      account_ = FirstText(container, {"Acct/Id/IBAN", "Acct/Id/Othr/Id", "Acct/Id/PrtryAcct/Id"});
      for (const pugi::xml_node& entry : xml::Children(container, "Ntry")) ReadEntry(entry, out);
    }
  }

 private:
  void Add(Severity severity, const pugi::xml_node& node, const std::string& field,
           Message message) {
    result_.diagnostics.Add({severity, file_, lines_.LineOf(node), xml::PathOf(node),
                             field.empty() ? "" : "payment", "", field, std::move(message)});
  }
  void Error(const pugi::xml_node& node, const std::string& field, Message message) {
    Add(Severity::kError, node, field, std::move(message));
  }
  void Skip(const pugi::xml_node& entry, const Message& why) {
    result_.review.push_back(Msg("ingest.at_line_of", file_, lines_.LineOf(entry), Arg::Of(why)));
  }
  // "12.50 EUR", as the review notes write an amount.
  static std::string Plain(const Money& amount) {
    return amount.ToString() + " " + std::string(amount.currency().code());
  }

  // The amount of `amount_node` (an Amt with its Ccy attribute); nullopt after reporting.
  std::optional<Money> ReadAmount(const pugi::xml_node& amount_node) {
    auto currency = Currency::Find(amount_node.attribute("Ccy").value());
    if (!currency) {
      Error(amount_node, "Ccy", currency.error().message);
      return std::nullopt;
    }
    auto amount = ParseStatementAmount(xml::Text(amount_node), *currency);
    if (!amount) {
      Error(amount_node, "Amt", amount.error().message);
      return std::nullopt;
    }
    return *amount;
  }

  // Appends the remittance information of `node` (a TxDtls) to `parts`.
  static void Remittance(const pugi::xml_node& node, std::vector<std::string>& parts) {
    const pugi::xml_node info = xml::Child(node, "RmtInf");
    for (const pugi::xml_node& line : xml::Children(info, "Ustrd"))
      parts.push_back(xml::Text(line));
    for (const pugi::xml_node& structured : xml::Children(info, "Strd")) {
      for (const char* path : {"RfrdDocInf/Nb", "CdtrRefInf/Ref", "AddtlRmtInf"}) {
        std::string text = xml::TextAt(structured, path);
        if (!text.empty()) parts.push_back(std::move(text));
      }
    }
    std::string additional = xml::TextAt(node, "AddtlTxInf");
    if (!additional.empty()) parts.push_back(std::move(additional));
    parts.erase(std::remove(parts.begin(), parts.end(), std::string()), parts.end());
  }

  static std::string Payer(const pugi::xml_node& tx) {
    return FirstText(tx, {"RltdPties/Dbtr/Nm", "RltdPties/Dbtr/Pty/Nm", "RltdPties/UltmtDbtr/Nm",
                          "RltdPties/UltmtDbtr/Pty/Nm"});
  }

  static std::string Join(const std::vector<std::string>& parts) {
    std::string out;
    for (const std::string& part : parts) out += (out.empty() ? "" : " ") + part;
    return out;
  }

  void ReadEntry(const pugi::xml_node& entry, std::vector<BankCredit>& out) {
    const std::string direction = xml::TextAt(entry, "CdtDbtInd");
    if (direction == "DBIT") return;  // money going out is not a payment received
    if (direction != "CRDT") {
      return Error(entry, "CdtDbtInd", Msg("ingest.camt.bad_direction", direction));
    }
    const pugi::xml_node amount_node = xml::Child(entry, "Amt");
    if (!amount_node) return Error(entry, "Amt", Msg("ingest.camt.no_amount"));
    std::optional<Money> amount = ReadAmount(amount_node);
    if (!amount) return;
    if (xml::TextAt(entry, "RvslInd") == "true") {
      return Skip(entry, Msg("ingest.bank.reversal_skipped", Plain(*amount)));
    }
    const std::string status = FirstText(entry, {"Sts/Cd", "Sts"});
    if (!status.empty() && status != "BOOK") {
      return Skip(entry, Msg("ingest.bank.not_booked_skipped", Plain(*amount), status));
    }
    if (!amount->is_positive()) {
      return Add(Severity::kWarning, entry, "Amt", Msg("ingest.bank.zero_credit"));
    }
    std::string date_text = DateText(xml::Child(entry, "BookgDt"));
    if (date_text.empty()) date_text = DateText(xml::Child(entry, "ValDt"));
    if (date_text.empty()) return Error(entry, "BookgDt", Msg("ingest.bank.no_date"));
    auto date = CivilDate::Parse(date_text);
    if (!date) return Error(entry, "BookgDt", date.error().message);

    std::vector<pugi::xml_node> transactions;
    for (const pugi::xml_node& details : xml::Children(entry, "NtryDtls")) {
      for (const pugi::xml_node& tx : xml::Children(details, "TxDtls")) transactions.push_back(tx);
    }
    std::string base_id = EntryId(entry);
    const RecordLocation where{file_, lines_.LineOf(entry), xml::PathOf(entry)};

    // A batch whose transactions carry amounts adding up to the entry: one credit each.
    if (transactions.size() > 1) {
      std::vector<Money> parts;
      Money sum = Money::Zero(amount->currency());
      for (const pugi::xml_node& tx : transactions) {
        pugi::xml_node node = xml::Find(tx, "AmtDtls/TxAmt/Amt");
        if (!node) node = xml::Child(tx, "Amt");
        if (!node) break;
        auto part = ParseStatementAmount(xml::Text(node), amount->currency());
        if (!part || std::string_view(node.attribute("Ccy").value()) != amount->currency().code() ||
            !part->is_positive()) {
          break;
        }
        parts.push_back(*part);
        sum += *part;
      }
      if (parts.size() == transactions.size() && sum == *amount) {
        for (size_t i = 0; i < transactions.size(); ++i) {
          const pugi::xml_node& tx = transactions[i];
          std::vector<std::string> reference;
          Remittance(tx, reference);
          BankCredit credit{.date = *date,
                            .amount = parts[i],
                            .payer = Payer(tx),
                            .reference = Join(reference),
                            .where = {file_, lines_.LineOf(tx), xml::PathOf(tx)}};
          const std::string own = xml::TextAt(tx, "Refs/AcctSvcrRef");
          credit.id = !own.empty()      ? "camt-" + own
                      : base_id.empty() ? HashId(credit)
                                        : base_id + "-" + std::to_string(i + 1);
          out.push_back(std::move(credit));
        }
        return;
      }
    }

    std::vector<std::string> reference;
    std::vector<std::string> payers;
    for (const pugi::xml_node& tx : transactions) {
      Remittance(tx, reference);
      const std::string payer = Payer(tx);
      if (!payer.empty() && std::find(payers.begin(), payers.end(), payer) == payers.end()) {
        payers.push_back(payer);
      }
    }
    if (reference.empty()) {
      std::string additional = xml::TextAt(entry, "AddtlNtryInf");
      if (!additional.empty()) reference.push_back(std::move(additional));
    }
    if (transactions.size() > 1) {
      Skip(entry, Msg("ingest.camt.batch", amount->ToString(), transactions.size()));
    }
    if (base_id.empty() && transactions.size() == 1) {
      const std::string own = xml::TextAt(transactions.front(), "Refs/AcctSvcrRef");
      if (!own.empty()) base_id = "camt-" + own;
    }
    BankCredit credit{.date = *date,
                      .amount = *amount,
                      .payer = payers.size() == 1 ? payers.front() : "",
                      .reference = Join(reference),
                      .where = where};
    credit.id = base_id.empty() ? HashId(credit) : base_id;
    out.push_back(std::move(credit));
  }

  // "camt-<AcctSvcrRef>", else "camt-<statement id>-<NtryRef>", else "".
  std::string EntryId(const pugi::xml_node& entry) const {
    const std::string bank_ref = xml::TextAt(entry, "AcctSvcrRef");
    if (!bank_ref.empty()) return "camt-" + bank_ref;
    const std::string entry_ref = xml::TextAt(entry, "NtryRef");
    if (entry_ref.empty()) return "";
    return "camt-" + (statement_id_.empty() ? "" : statement_id_ + "-") + entry_ref;
  }

  // A content hash; identical credits of one file are told apart by their order.
  std::string HashId(const BankCredit& credit) {
    const std::string content =
        account_ + "|" + credit.date.ToString() + "|" + credit.amount.ToString() + "|" +
        std::string(credit.amount.currency().code()) + "|" + credit.payer + "|" + credit.reference;
    const int occurrence = ++occurrences_[content];
    return ContentId("camt", content + "|" + std::to_string(occurrence));
  }

  std::string file_;
  xml::LineIndex lines_;
  IngestResult& result_;
  std::string statement_id_;
  std::string account_;
  std::map<std::string, int> occurrences_;
};

void ReadFile(const std::string& path, bool in_folder, IngestResult& result,
              std::vector<BankCredit>& out) {
  auto file_error = [&](Severity severity, int line, Message message) {
    result.diagnostics.Add({severity, path, line, "", "", "", "", std::move(message)});
  };
  std::ifstream in(path, std::ios::binary);
  if (!in) return file_error(Severity::kError, 0, Msg("ingest.cannot_read_file"));
  std::ostringstream bytes;
  bytes << in.rdbuf();
  const std::string text = bytes.str();
  pugi::xml_document document;
  const pugi::xml_parse_result parsed = document.load_buffer(text.data(), text.size());
  if (!parsed) {
    const size_t offset = std::min(text.size(), static_cast<size_t>(parsed.offset));
    const int line = 1 + static_cast<int>(std::count(text.begin(), text.begin() + offset, '\n'));
    return file_error(Severity::kError, line, Msg("ingest.xml.malformed", parsed.description()));
  }
  const pugi::xml_node root = document.document_element();
  pugi::xml_node message;
  if (xml::LocalName(root) == "Document") {
    for (pugi::xml_node child = root.first_child(); child; child = child.next_sibling()) {
      if (xml::LocalName(child).starts_with("BkToCstmr")) message = child;
    }
  }
  if (!message) {
    const Message what = Msg("ingest.camt.not_camt",
                             root ? Arg(xml::LocalName(root)) : Arg::Key("ingest.xml.no_element"));
    return file_error(in_folder ? Severity::kWarning : Severity::kError, 0,
                      in_folder ? Msg("ingest.skipped_suffix", Arg::Of(what)) : what);
  }
  StatementReader(path, text, result).Read(message, out);
}

class CamtImporterImpl final : public Importer {
 public:
  std::string_view name() const override { return "camt"; }

  int Detect(const std::string&, std::string_view head) const override {
    if (head.find("urn:iso:std:iso:20022:tech:xsd:camt.05") != std::string_view::npos) return 95;
    for (const char* root : {"<BkToCstmrStmt", "<BkToCstmrDbtCdtNtfctn", "<BkToCstmrAcctRpt"}) {
      if (head.find(root) != std::string_view::npos) return 85;
    }
    return 0;
  }

  IngestResult Read(const std::string& path, const IngestContext& context) const override {
    IngestResult result;
    result.format = "camt";
    std::vector<BankCredit> credits;
    std::error_code error;
    if (fs::is_directory(path, error)) {
      Result<std::vector<std::string>> listed = FilesWithExtensions(path, {".xml"});
      if (!listed) {
        result.diagnostics.Add({Severity::kError, path, 0, "", "", "", "", listed.error().message});
      }
      const std::vector<std::string> files =
          listed ? std::move(*listed) : std::vector<std::string>();
      if (listed && files.empty()) {
        result.diagnostics.Add(
            {Severity::kError, path, 0, "", "", "", "", Msg("ingest.folder.no_xml")});
      }
      for (const std::string& file : files) ReadFile(file, true, result, credits);
    } else {
      ReadFile(path, false, result, credits);
    }
    MatchCredits(std::move(credits), context, result);
    return result;
  }
};

}  // namespace

const Importer& CamtImporter() {
  static const CamtImporterImpl instance;
  return instance;
}

}  // namespace addio

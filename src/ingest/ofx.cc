// OFX bank statements: 1.x (SGML, where a value's closing tag may be left out) and 2.x
// (XML). One tolerant reader covers both, since banks mix them (a 2.x header over SGML
// tags is common). Bank statements (STMTRS) give their incoming credits (TRNAMT > 0) as
// BankCredits, matched to invoices by bank_matching.h; credit-card statements (refunds,
// not client payments) and investment statements are skipped with a review line. A status
// of severity ERROR from the bank is an error naming its code and message.
//
// Ids: "ofx-" + FITID (unique per account, so re-importing changes nothing), else a hash
// of the transaction's content.
#include <algorithm>
#include <cctype>
#include <deque>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include "core/ids.h"
#include "ingest/bank_matching.h"
#include "ingest/folder_walk.h"
#include "ingest/importers.h"

namespace addio {
namespace {

namespace fs = std::filesystem;

std::string Upper(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return out;
}

std::string Trim(std::string_view text) {
  const size_t begin = text.find_first_not_of(" \t\r\n");
  if (begin == std::string_view::npos) return "";
  return std::string(text.substr(begin, text.find_last_not_of(" \t\r\n") + 1 - begin));
}

// "&amp;" and the other XML escapes; anything else (a bare '&' in SGML) stays as written.
std::string Unescape(std::string_view text) {
  static const std::pair<std::string_view, char> kEntities[] = {
      {"&amp;", '&'}, {"&lt;", '<'}, {"&gt;", '>'}, {"&quot;", '"'}, {"&apos;", '\''}};
  std::string out;
  for (size_t i = 0; i < text.size(); ++i) {
    bool replaced = false;
    if (text[i] == '&') {
      for (const auto& [entity, c] : kEntities) {
        if (text.substr(i, entity.size()) == entity) {
          out += c;
          i += entity.size() - 1;
          replaced = true;
          break;
        }
      }
    }
    if (!replaced) out += text[i];
  }
  return out;
}

// One element of an OFX document: an aggregate (children) or a value (text).
struct Element {
  std::string name;  // upper case
  std::string text;  // the value, trimmed and unescaped
  int line = 0;
  std::vector<const Element*> children;

  const Element* Child(std::string_view child) const {
    for (const Element* e : children) {
      if (e->name == child) return e;
    }
    return nullptr;
  }
  std::vector<const Element*> Children(std::string_view child) const {
    std::vector<const Element*> out;
    for (const Element* e : children) {
      if (e->name == child) out.push_back(e);
    }
    return out;
  }
  // The value at `path` ("STATUS/CODE"); "" when missing.
  std::string TextAt(std::string_view path) const {
    const Element* current = this;
    while (current != nullptr && !path.empty()) {
      const size_t slash = path.find('/');
      current = current->Child(path.substr(0, slash));
      path = slash == std::string_view::npos ? std::string_view() : path.substr(slash + 1);
    }
    return current == nullptr ? "" : current->text;
  }
};

struct ParseProblem {
  int line;
  Message message;
};

// The element tree of an OFX text from its <OFX> element on (the header before it, SGML
// "KEY:VALUE" lines or XML processing instructions, says nothing a reader needs).
class OfxTree {
 public:
  // Parses `text`; problems (a closing tag that closes nothing, a file that ends inside an
  // aggregate) are collected in problems().
  explicit OfxTree(std::string_view text) { Parse(text); }
  const Element* root() const { return root_; }
  const std::vector<ParseProblem>& problems() const { return problems_; }

 private:
  void Parse(std::string_view text) {
    const std::string upper = Upper(text);
    size_t pos = upper.find("<OFX>");
    if (pos == std::string::npos) pos = upper.find("<OFX ");
    if (pos == std::string::npos) {
      problems_.push_back({1, Msg("ingest.ofx.no_root")});
      return;
    }
    int line = 1;
    size_t counted = 0;
    auto line_at = [&](size_t at) {
      line += static_cast<int>(std::count(text.begin() + counted, text.begin() + at, '\n'));
      counted = at;
      return line;
    };
    std::vector<Element*> open;
    while (pos < text.size()) {
      if (text[pos] != '<') {
        const size_t next = std::min(text.find('<', pos), text.size());
        const std::string value = Trim(text.substr(pos, next - pos));
        if (!value.empty() && !open.empty()) open.back()->text += Unescape(value);
        pos = next;
        continue;
      }
      const int tag_line = line_at(pos);
      if (text.substr(pos, 4) == "<!--") {
        pos = std::min(text.find("-->", pos), text.size() - 3) + 3;
        continue;
      }
      if (text.substr(pos, 9) == "<![CDATA[") {
        const size_t end = std::min(text.find("]]>", pos), text.size());
        if (!open.empty()) open.back()->text += Trim(text.substr(pos + 9, end - pos - 9));
        pos = std::min(end + 3, text.size());
        continue;
      }
      const size_t close = text.find('>', pos);
      if (close == std::string_view::npos) {
        problems_.push_back({tag_line, Msg("ingest.ofx.unclosed_tag")});
        break;
      }
      std::string_view tag = text.substr(pos + 1, close - pos - 1);
      pos = close + 1;
      if (tag.empty() || tag.front() == '?' || tag.front() == '!') continue;
      if (tag.front() == '/') {
        const std::string name = Upper(Trim(tag.substr(1)));
        auto it = std::find_if(open.rbegin(), open.rend(),
                               [&](const Element* e) { return e->name == name; });
        if (it == open.rend()) {
          problems_.push_back({tag_line, Msg("ingest.ofx.stray_end_tag", name)});
          continue;
        }
        open.erase(std::next(it).base(), open.end());
        continue;
      }
      const bool self_closing = tag.back() == '/';
      std::string name = Upper(Trim(tag.substr(0, tag.find_first_of(" \t\r\n/"))));
      // In SGML a value's element ends where the next tag begins.
      if (!open.empty() && !open.back()->text.empty()) open.pop_back();
      nodes_.push_back(Element{.name = std::move(name), .line = tag_line});
      Element* element = &nodes_.back();
      if (open.empty()) {
        if (root_ != nullptr) break;  // anything after </OFX> is not ours
        root_ = element;
      } else {
        open.back()->children.push_back(element);
      }
      if (!self_closing) open.push_back(element);
    }
    for (const Element* e : open) {
      if (e->text.empty() && !e->children.empty()) {
        problems_.push_back(
            {line_at(text.size()), Msg("ingest.ofx.unterminated", e->name, e->line)});
      }
    }
  }

  std::deque<Element> nodes_;  // a deque: pointers stay valid as it grows
  const Element* root_ = nullptr;
  std::vector<ParseProblem> problems_;
};

// The calendar day of an OFX date-time ("20110331120000.000[-5:EST]"): its first eight
// digits, as the bank wrote it.
Result<CivilDate> ParseOfxDate(const std::string& text) {
  if (text.empty()) return Fail(ErrorCode::kInvalidArgument, Msg("ingest.ofx.date_empty"));
  const bool digits = text.size() >= 8 && std::all_of(text.begin(), text.begin() + 8, ::isdigit);
  std::optional<CivilDate> date;
  if (digits) {
    auto parsed = CivilDate::FromYmd(std::stoi(text.substr(0, 4)), std::stoi(text.substr(4, 2)),
                                     std::stoi(text.substr(6, 2)));
    if (parsed) date = *parsed;
  }
  if (!date) {
    return Fail(ErrorCode::kInvalidArgument, Msg("ingest.ofx.not_a_date", text));
  }
  return *date;
}

class FileReader {
 public:
  FileReader(std::string file, const Workspace& workspace, IngestResult& result)
      : file_(std::move(file)), workspace_(workspace), result_(result) {}

  void Read(const Element& ofx, std::vector<BankCredit>& out) {
    if (!StatusOk(
            ofx.Child("SIGNONMSGSRSV1") ? ofx.Child("SIGNONMSGSRSV1")->Child("SONRS") : nullptr,
            "ingest.ofx.signon_refused")) {
      return;
    }
    int statements = 0;
    for (const Element* set : ofx.Children("BANKMSGSRSV1")) {
      for (const Element* response : set->Children("STMTTRNRS")) {
        ++statements;
        if (!StatusOk(response, "ingest.ofx.statement_error")) continue;
        if (const Element* statement = response->Child("STMTRS")) ReadStatement(*statement, out);
      }
    }
    for (const Element* set : ofx.Children("CREDITCARDMSGSRSV1")) {
      for (const Element* response : set->Children("CCSTMTTRNRS")) {
        ++statements;
        Review(*response, Msg("ingest.ofx.credit_card_skipped"));
      }
    }
    for (const Element* set : ofx.Children("INVSTMTMSGSRSV1")) {
      ++statements;
      Review(*set, Msg("ingest.ofx.investment_skipped"));
    }
    if (statements == 0) Add(Severity::kWarning, ofx, "", Msg("ingest.ofx.no_statement"));
  }

 private:
  void Add(Severity severity, const Element& at, const std::string& field, Message message) {
    result_.diagnostics.Add({severity, file_, at.line, "", field.empty() ? "" : "payment", "",
                             field, std::move(message)});
  }
  void Review(const Element& at, const Message& what) {
    result_.review.push_back(Msg("ingest.at_line_of", file_, at.line, Arg::Of(what)));
  }

  // False, after reporting it, when `response`'s STATUS has severity ERROR. `what`: the
  // ingest.ofx.* key that says what failed.
  bool StatusOk(const Element* response, const char* what) {
    if (response == nullptr) return true;
    const Element* status = response->Child("STATUS");
    if (status == nullptr || Upper(status->TextAt("SEVERITY")) != "ERROR") return true;
    const std::string text = status->TextAt("MESSAGE");
    Add(Severity::kError, *status, "",
        Msg("ingest.ofx.status", Arg::Key(what), status->TextAt("CODE"),
            text.empty() ? "" : ", \"" + text + "\""));
    return false;
  }

  void ReadStatement(const Element& statement, std::vector<BankCredit>& out) {
    const std::string account = statement.TextAt("BANKACCTFROM/ACCTID");
    const std::string default_code = statement.TextAt("CURDEF");
    std::map<std::string, int> occurrences;
    const Element* list = statement.Child("BANKTRANLIST");
    if (list == nullptr) return;
    for (const Element* tx : list->Children("STMTTRN")) {
      std::string code = tx->TextAt("CURRENCY/CURSYM");
      if (code.empty()) code = default_code;
      Currency currency = workspace_.currency;
      if (code.empty()) {
        Add(Severity::kWarning, *tx, "CURDEF", Msg("ingest.ofx.no_currency", currency.code()));
      } else if (auto found = Currency::Find(code)) {
        currency = *found;
      } else {
        Add(Severity::kError, *tx, "CURDEF", found.error().message);
        continue;
      }
      const Element* amount_element = tx->Child("TRNAMT");
      if (amount_element == nullptr) {
        Add(Severity::kError, *tx, "TRNAMT", Msg("ingest.ofx.no_amount"));
        continue;
      }
      const Element* date_element = tx->Child("DTPOSTED");
      auto date = ParseOfxDate(date_element == nullptr ? "" : date_element->text);
      auto amount = ParseStatementAmount(amount_element->text, currency);
      if (!amount) {
        Add(Severity::kError, *amount_element, "TRNAMT", amount.error().message);
        if (!date)
          Add(Severity::kError, date_element ? *date_element : *tx, "DTPOSTED",
              date.error().message);
        continue;
      }
      if (!amount->is_positive()) continue;  // money going out is not a payment received
      if (!date) {
        Add(Severity::kError, date_element ? *date_element : *tx, "DTPOSTED",
            date_element == nullptr ? Msg("ingest.ofx.no_date") : date.error().message);
        continue;
      }
      std::string payer = tx->TextAt("NAME");
      if (payer.empty()) payer = tx->TextAt("PAYEE/NAME");
      // Banks often repeat the name at the start of the memo: keep the words once.
      const std::string memo = tx->TextAt("MEMO");
      std::string reference = memo.find(payer) != std::string::npos ? memo
                              : memo.empty()                        ? payer
                              : payer.empty()                       ? memo
                                                                    : payer + " " + memo;
      BankCredit credit{.date = *date,
                        .amount = *amount,
                        .payer = payer,
                        .reference = reference,
                        .where = {file_, tx->line, ""}};
      const std::string fitid = tx->TextAt("FITID");
      if (!fitid.empty()) {
        credit.id = "ofx-" + fitid;
      } else {
        const std::string content = account + "|" + credit.date.ToString() + "|" +
                                    credit.amount.ToString() + "|" + code + "|" + reference;
        credit.id = ContentId("ofx", content + "|" + std::to_string(++occurrences[content]));
      }
      out.push_back(std::move(credit));
    }
  }

  std::string file_;
  const Workspace& workspace_;
  IngestResult& result_;
};

void ReadFile(const std::string& path, const Workspace& workspace, IngestResult& result,
              std::vector<BankCredit>& out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    result.diagnostics.Add(
        {Severity::kError, path, 0, "", "", "", "", Msg("ingest.cannot_read_file")});
    return;
  }
  std::ostringstream bytes;
  bytes << in.rdbuf();
  const OfxTree tree(bytes.str());
  for (const ParseProblem& problem : tree.problems()) {
    result.diagnostics.Add({Severity::kError, path, problem.line, "", "", "", "", problem.message});
  }
  if (tree.root() != nullptr && tree.problems().empty()) {
    FileReader(path, workspace, result).Read(*tree.root(), out);
  }
}

class OfxImporterImpl final : public Importer {
 public:
  std::string_view name() const override { return "ofx"; }

  int Detect(const std::string& path, std::string_view head) const override {
    std::string lower = path;
    std::transform(lower.begin(), lower.end(), lower.begin(), ::tolower);
    const std::string upper = Upper(head);
    if (upper.find("OFXHEADER") != std::string::npos) return 95;
    if (upper.find("<OFX>") != std::string::npos) return 90;
    if (lower.ends_with(".ofx") || lower.ends_with(".qfx")) return 60;
    return 0;
  }

  IngestResult Read(const std::string& path, const IngestContext& context) const override {
    IngestResult result;
    result.format = "ofx";
    std::vector<BankCredit> credits;
    std::error_code error;
    if (fs::is_directory(path, error)) {
      Result<std::vector<std::string>> listed = FilesWithExtensions(path, {".ofx", ".qfx"});
      if (!listed) {
        result.diagnostics.Add({Severity::kError, path, 0, "", "", "", "", listed.error().message});
      }
      const std::vector<std::string> files =
          listed ? std::move(*listed) : std::vector<std::string>();
      if (listed && files.empty()) {
        result.diagnostics.Add(
            {Severity::kError, path, 0, "", "", "", "", Msg("ingest.folder.no_ofx")});
      }
      for (const std::string& file : files) {
        ReadFile(file, context.existing->workspace, result, credits);
      }
    } else {
      ReadFile(path, context.existing->workspace, result, credits);
    }
    MatchCredits(std::move(credits), context, result);
    return result;
  }
};

}  // namespace

const Importer& OfxImporter() {
  static const OfxImporterImpl instance;
  return instance;
}

}  // namespace addio

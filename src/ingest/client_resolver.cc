#include "ingest/client_resolver.h"

#include <toml++/toml.h>
#include <algorithm>
#include <array>
#include <cctype>
#include <set>
#include <string_view>

#include "core/ascii.h"
#include "ledger/tax_id.h"

namespace addio {
namespace {

// Latin letters with diacritics folded to ASCII, keyed by their UTF-8 encoding. Covers
// the names freelancers meet in Europe and the Americas; other scripts are kept as they
// are (they still match themselves).
struct Fold {
  std::string_view utf8;
  std::string_view ascii;
};
constexpr std::array kFolds = {
    Fold{"à", "a"}, Fold{"á", "a"},  Fold{"â", "a"}, Fold{"ã", "a"},  Fold{"ä", "a"},
    Fold{"å", "a"}, Fold{"æ", "ae"}, Fold{"ç", "c"}, Fold{"è", "e"},  Fold{"é", "e"},
    Fold{"ê", "e"}, Fold{"ë", "e"},  Fold{"ì", "i"}, Fold{"í", "i"},  Fold{"î", "i"},
    Fold{"ï", "i"}, Fold{"ñ", "n"},  Fold{"ò", "o"}, Fold{"ó", "o"},  Fold{"ô", "o"},
    Fold{"õ", "o"}, Fold{"ö", "o"},  Fold{"ø", "o"}, Fold{"ù", "u"},  Fold{"ú", "u"},
    Fold{"û", "u"}, Fold{"ü", "u"},  Fold{"ý", "y"}, Fold{"ÿ", "y"},  Fold{"ß", "ss"},
    Fold{"À", "a"}, Fold{"Á", "a"},  Fold{"Â", "a"}, Fold{"Ã", "a"},  Fold{"Ä", "a"},
    Fold{"Å", "a"}, Fold{"Æ", "ae"}, Fold{"Ç", "c"}, Fold{"È", "e"},  Fold{"É", "e"},
    Fold{"Ê", "e"}, Fold{"Ë", "e"},  Fold{"Ì", "i"}, Fold{"Í", "i"},  Fold{"Î", "i"},
    Fold{"Ï", "i"}, Fold{"Ñ", "n"},  Fold{"Ò", "o"}, Fold{"Ó", "o"},  Fold{"Ô", "o"},
    Fold{"Õ", "o"}, Fold{"Ö", "o"},  Fold{"Ø", "o"}, Fold{"Ù", "u"},  Fold{"Ú", "u"},
    Fold{"Û", "u"}, Fold{"Ü", "u"},  Fold{"Ý", "y"}, Fold{"œ", "oe"}, Fold{"Œ", "oe"},
    Fold{"š", "s"}, Fold{"Š", "s"},  Fold{"ž", "z"}, Fold{"Ž", "z"},  Fold{"č", "c"},
    Fold{"Č", "c"}, Fold{"ć", "c"},  Fold{"Ć", "c"}, Fold{"ł", "l"},  Fold{"Ł", "l"},
    Fold{"ń", "n"}, Fold{"ś", "s"},  Fold{"ź", "z"}, Fold{"ż", "z"},  Fold{"Ż", "z"},
    Fold{"ě", "e"}, Fold{"ř", "r"},  Fold{"Ř", "r"}, Fold{"ů", "u"},  Fold{"ğ", "g"},
    Fold{"ı", "i"}, Fold{"İ", "i"},  Fold{"ş", "s"}, Fold{"Ş", "s"},  Fold{"ő", "o"},
    Fold{"ű", "u"}, Fold{"ą", "a"},  Fold{"ę", "e"}, Fold{"ð", "d"},  Fold{"þ", "th"},
};

// Legal-form words dropped from the end of a name: "Acme S.r.l." and "ACME srl" are the
// same company. Dots are already gone and single letters joined ("s r l" -> "srl").
const std::set<std::string_view>& LegalSuffixes() {
  static const std::set<std::string_view> kSuffixes = {
      "srl",          "srls", "spa",         "sapa",    "sas", "snc", "ss",  "scarl",
      "scrl",         "coop", "ltd",         "limited", "llc", "llp", "lp",  "inc",
      "incorporated", "corp", "corporation", "co",      "plc", "pty", "pte", "gmbh",
      "mbh",          "ag",   "kg",          "ohg",     "ug",  "ev",  "sa",  "sl",
      "slu",          "sarl", "sasu",        "eurl",    "bv",  "nv",  "oy",  "oyj",
      "ab",           "as",   "asa",         "aps",     "kft", "sro", "doo", "zoo",
      "lda",          "ltda", "cv",          "de",      "e",   "and"};
  return kSuffixes;
}

bool IsAsciiAlnum(char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0; }

// Lowercase ASCII with accents folded; bytes of other scripts kept; every punctuation
// mark but the dot becomes a space, dots vanish ("S.r.l." -> "srl").
std::string FoldText(std::string_view name) {
  std::string out;
  out.reserve(name.size());
  size_t i = 0;
  while (i < name.size()) {
    const unsigned char c = static_cast<unsigned char>(name[i]);
    if (c >= 0x80) {
      bool folded = false;
      for (const Fold& fold : kFolds) {
        if (name.substr(i).starts_with(fold.utf8)) {
          out += fold.ascii;
          i += fold.utf8.size();
          folded = true;
          break;
        }
      }
      if (!folded) out += name[i++];
      continue;
    }
    if (IsAsciiAlnum(static_cast<char>(c))) {
      out += static_cast<char>(std::tolower(c));
    } else if (c == '.') {
      // "S.r.l." is one word; "Acme.Corp" becomes "acmecorp", rare enough to accept.
    } else if (c == '&') {
      out += " and ";
    } else {
      out += ' ';
    }
    ++i;
  }
  return out;
}

std::vector<std::string> Words(std::string_view text) {
  std::vector<std::string> words;
  std::string word;
  for (char c : text) {
    if (c == ' ') {
      if (!word.empty()) words.push_back(std::move(word));
      word.clear();
    } else {
      word += c;
    }
  }
  if (!word.empty()) words.push_back(std::move(word));
  // "s r l" (from "S. R. L.") is one word, as "srl" is: runs of single letters join.
  std::vector<std::string> joined;
  bool in_letter_run = false;
  for (std::string& w : words) {
    const bool letter = w.size() == 1;
    if (letter && in_letter_run) {
      joined.back() += w;
    } else {
      joined.push_back(std::move(w));
    }
    in_letter_run = letter;
  }
  return joined;
}

// The words of a name with trailing legal forms dropped (at least one word kept).
std::vector<std::string> KeyWords(std::string_view name) {
  std::vector<std::string> words = Words(FoldText(name));
  while (words.size() > 1 && LegalSuffixes().contains(words.back())) words.pop_back();
  return words;
}

std::string JoinWords(const std::vector<std::string>& words, char separator) {
  std::string out;
  for (const std::string& w : words) {
    if (!out.empty()) out += separator;
    out += w;
  }
  return out;
}

std::string Trim(std::string_view text) {
  const size_t begin = text.find_first_not_of(" \t\r\n");
  if (begin == std::string_view::npos) return "";
  const size_t end = text.find_last_not_of(" \t\r\n");
  return std::string(text.substr(begin, end - begin + 1));
}

}  // namespace

std::string NormalizeClientName(const std::string& name) {
  const std::string key = JoinWords(KeyWords(name), ' ');
  return key.empty() ? AsciiLower(Trim(name)) : key;
}

ClientResolver::ClientResolver(const Ledger& existing, bool create)
    : existing_(existing), create_(create) {
  // Names first, so that a client's name wins over another client's id.
  for (const Client& client : existing_.clients) {
    const std::string key = NormalizeClientName(client.name);
    if (!key.empty()) by_key_.emplace(key, client.id);
  }
  for (const Client& client : existing_.clients) {
    by_key_.emplace(NormalizeClientName(client.id), client.id);
    if (!client.tax_id.empty())
      by_key_.emplace("tax:" + TaxKey(client.tax_id, client.country), client.id);
  }
}

Status ClientResolver::LoadMapping(const std::string& toml_path) {
  toml::table root;
  try {
    root = toml::parse_file(toml_path);
  } catch (const toml::parse_error& error) {
    return Fail(ErrorCode::kParse,
                Msg("ingest.mapping.toml_syntax", toml_path,
                    static_cast<int64_t>(error.source().begin.line),
                    static_cast<int64_t>(error.source().begin.column), error.description()));
  }
  const toml::node* clients = root.get("clients");
  if (clients == nullptr) return {};  // a file for the generic CSV importer only
  const toml::table* table = clients->as_table();
  if (table == nullptr) {
    return Fail(ErrorCode::kParse, Msg("ingest.mapping.clients_not_table", toml_path,
                                       static_cast<int64_t>(clients->source().begin.line)));
  }
  for (const auto& [key, value] : *table) {
    const std::optional<std::string> id = value.value<std::string>();
    if (!id || Trim(*id).empty()) {
      return Fail(ErrorCode::kParse,
                  Msg("ingest.mapping.client_id_not_string", toml_path,
                      static_cast<int64_t>(value.source().begin.line), key.str()));
    }
    mapping_[NormalizeClientName(std::string(key.str()))] = Trim(*id);
  }
  return {};
}

std::optional<std::string> ClientResolver::ByName(const std::string& name) {
  const std::string key = NormalizeClientName(name);
  if (key.empty()) return std::nullopt;
  if (auto mapped = mapping_.find(key); mapped != mapping_.end()) {
    const std::string& id = mapped->second;
    const auto same_id = [&id](const Client& c) { return c.id == id; };
    if (std::ranges::any_of(existing_.clients, same_id) || std::ranges::any_of(created_, same_id)) {
      return id;
    }
    if (!create_) return std::nullopt;
    // A mapping may name a client that does not exist yet: the first source name mapped
    // to it becomes its name.
    Client client;
    client.id = id;
    client.name = Trim(name);
    created_.push_back(client);
    by_key_.emplace(key, id);
    return id;
  }
  if (auto found = by_key_.find(key); found != by_key_.end()) return found->second;
  if (!create_) return std::nullopt;

  std::string base = JoinWords(KeyWords(name), '-');
  std::erase_if(base, [](char c) { return c != '-' && !IsAsciiAlnum(c); });
  while (base.find("--") != std::string::npos) base.erase(base.find("--"), 1);
  while (!base.empty() && base.front() == '-') base.erase(0, 1);
  while (!base.empty() && base.back() == '-') base.pop_back();
  if (base.empty()) base = "client";
  std::set<std::string> taken;
  for (const Client& c : existing_.clients) taken.insert(c.id);
  for (const Client& c : created_) taken.insert(c.id);
  for (const auto& [source_name, id] : mapping_) taken.insert(id);
  std::string id = base;
  for (int n = 2; taken.contains(id); ++n) id = base + "-" + std::to_string(n);

  Client client;
  client.id = id;
  client.name = Trim(name);
  created_.push_back(client);
  by_key_.emplace(key, id);
  return id;
}

std::optional<std::string> ClientResolver::ByTaxId(const std::string& tax_id,
                                                   const std::string& country,
                                                   const std::string& name) {
  const std::string tax = TaxKey(tax_id, country);
  if (tax.empty()) return name.empty() ? std::nullopt : ByName(name);
  if (auto found = by_key_.find("tax:" + tax); found != by_key_.end()) return found->second;
  if (!name.empty()) {
    // A mapping or an existing client without a tax id may know the name.
    const std::string key = NormalizeClientName(name);
    if (mapping_.contains(key) || by_key_.contains(key) || !create_) {
      std::optional<std::string> id = ByName(name);
      if (id) by_key_.emplace("tax:" + tax, *id);
      return id;
    }
  }
  if (!create_) return std::nullopt;
  const std::optional<std::string> id = ByName(name.empty() ? tax : name);
  if (!id) return std::nullopt;
  for (Client& client : created_) {
    if (client.id == *id && client.tax_id.empty()) {
      client.tax_id = tax;
      client.country = country.empty() ? tax.substr(0, 2) : country;
    }
  }
  by_key_.emplace("tax:" + tax, *id);
  return id;
}

std::optional<std::string> ClientResolver::ByEmail(const std::string& address) const {
  const std::string wanted = AsciiLower(Trim(address));
  if (wanted.empty()) return std::nullopt;
  const size_t at = wanted.rfind('@');
  const std::string domain = at == std::string::npos ? "" : wanted.substr(at + 1);
  for (const std::vector<Client>* clients : {&existing_.clients, &created_}) {
    for (const Client& client : *clients) {
      for (const std::string& email : client.emails) {
        if (AsciiLower(Trim(email)) == wanted) return client.id;
      }
    }
  }
  if (domain.empty()) return std::nullopt;
  for (const std::vector<Client>* clients : {&existing_.clients, &created_}) {
    for (const Client& client : *clients) {
      for (const std::string& d : client.domains) {
        std::string known = AsciiLower(Trim(d));
        if (known.starts_with("@")) known.erase(0, 1);
        if (known == domain) return client.id;
      }
    }
  }
  return std::nullopt;
}

}  // namespace addio

#include "ingest/mail_common.h"

#include <gmime/gmime.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <stdexcept>

#include "core/ascii.h"
#include "core/ids.h"
#include "core/shared_library.h"

namespace addio::mail {
namespace {

constexpr size_t kPreviewRows = 10;
constexpr size_t kListedAddresses = 10;
constexpr size_t kReadChunk = size_t{1} << 20;

char Lower(char c) { return static_cast<char>(std::tolower(static_cast<unsigned char>(c))); }

bool EqualsIgnoreCase(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(),
                                            [](char x, char y) { return Lower(x) == Lower(y); });
}

std::string_view Trim(std::string_view text) {
  const size_t begin = text.find_first_not_of(" \t\r\n");
  if (begin == std::string_view::npos) return {};
  return text.substr(begin, text.find_last_not_of(" \t\r\n") - begin + 1);
}

bool IsDigits(std::string_view text) {
  return !text.empty() && std::ranges::all_of(text, [](char c) {
    return std::isdigit(static_cast<unsigned char>(c)) != 0;
  });
}

int ToInt(std::string_view digits) {
  int value = 0;
  for (char c : digits) value = value * 10 + (c - '0');
  return value;
}

// 1..12 for "Jan".."Dec" or the full English name, case-insensitive; 0 otherwise.
int MonthNumber(std::string_view token) {
  static constexpr std::array<std::string_view, 12> kMonths = {
      "january", "february", "march",     "april",   "may",      "june",
      "july",    "august",   "september", "october", "november", "december"};
  const std::string lower = AsciiLower(token);
  for (size_t i = 0; i < kMonths.size(); ++i) {
    if (lower == kMonths[i].substr(0, 3) || lower == kMonths[i]) return static_cast<int>(i) + 1;
  }
  return 0;
}

bool IsWeekday(std::string_view token) {
  static constexpr std::array<std::string_view, 7> kDays = {"mon", "tue", "wed", "thu",
                                                            "fri", "sat", "sun"};
  const std::string lower = AsciiLower(token);
  return lower.size() >= 3 && std::ranges::find(kDays, lower.substr(0, 3)) != kDays.end() &&
         std::ranges::all_of(lower, [](char c) { return c >= 'a' && c <= 'z'; });
}

// "+0200", "-0700": the offset in seconds; nullopt for another shape.
std::optional<int> NumericOffset(std::string_view token) {
  if (token.size() != 5 || (token[0] != '+' && token[0] != '-') || !IsDigits(token.substr(1))) {
    return std::nullopt;
  }
  const int hours = ToInt(token.substr(1, 2)), minutes = ToInt(token.substr(3, 2));
  if (hours > 23 || minutes > 59) return std::nullopt;
  return (token[0] == '-' ? -1 : 1) * (hours * 3600 + minutes * 60);
}

// The zone names RFC 5322 lists, plus a few European and Asian ones mailers still write.
std::optional<int> NamedOffset(std::string_view token) {
  struct Named {
    std::string_view name;
    int hours;
  };
  static constexpr std::array<Named, 16> kNames = {
      Named{"ut", 0},   Named{"utc", 0},  Named{"gmt", 0},  Named{"z", 0},
      Named{"est", -5}, Named{"edt", -4}, Named{"cst", -6}, Named{"cdt", -5},
      Named{"mst", -7}, Named{"mdt", -6}, Named{"pst", -8}, Named{"pdt", -7},
      Named{"cet", 1},  Named{"cest", 2}, Named{"bst", 1},  Named{"jst", 9}};
  const std::string lower = AsciiLower(token);
  for (const Named& named : kNames) {
    if (lower == named.name) return named.hours * 3600;
  }
  // Military single letters: RFC 5322 says to read them as -0000, an unknown offset.
  if (lower.size() == 1 && lower[0] >= 'a' && lower[0] <= 'z' && lower[0] != 'j') return 0;
  return std::nullopt;
}

// "hh:mm" or "hh:mm:ss" as seconds of the day; nullopt when out of range or malformed.
std::optional<int> TimeOfDay(std::string_view token) {
  const size_t first = token.find(':');
  if (first == std::string_view::npos) return std::nullopt;
  const size_t second = token.find(':', first + 1);
  const std::string_view h = token.substr(0, first);
  const std::string_view m = token.substr(
      first + 1, second == std::string_view::npos ? std::string_view::npos : second - first - 1);
  const std::string_view s =
      second == std::string_view::npos ? std::string_view("0") : token.substr(second + 1);
  if (!IsDigits(h) || !IsDigits(m) || !IsDigits(s) || h.size() > 2 || m.size() != 2 ||
      s.size() > 2) {
    return std::nullopt;
  }
  const int hours = ToInt(h), minutes = ToInt(m), seconds = std::min(ToInt(s), 59);
  if (hours > 23 || minutes > 59 || ToInt(s) > 60) return std::nullopt;
  return hours * 3600 + minutes * 60 + seconds;
}

// The text with (comments) removed, commas as spaces, split at whitespace.
std::vector<std::string_view> DateTokens(std::string_view text, std::string& storage) {
  storage.clear();
  int depth = 0;
  for (char c : text) {
    if (c == '(') {
      ++depth;
    } else if (c == ')' && depth > 0) {
      --depth;
    } else if (depth == 0) {
      storage += c == ',' || c == '\t' || c == '\r' || c == '\n' ? ' ' : c;
    }
  }
  // Obsolete syntax allows folding white space inside the time: "09 :  55 : 06".
  std::string joined;
  for (size_t i = 0; i < storage.size(); ++i) {
    if (storage[i] == ' ') {
      const size_t next = storage.find_first_not_of(' ', i);
      const bool before_colon = next != std::string::npos && storage[next] == ':';
      const bool after_colon = !joined.empty() && joined.back() == ':';
      if (before_colon || after_colon) continue;
    }
    joined += storage[i];
  }
  storage = std::move(joined);
  std::vector<std::string_view> tokens;
  std::string_view rest = storage;
  while (!rest.empty()) {
    const size_t begin = rest.find_first_not_of(' ');
    if (begin == std::string_view::npos) break;
    rest.remove_prefix(begin);
    const size_t end = std::min(rest.find(' '), rest.size());
    tokens.push_back(rest.substr(0, end));
    rest.remove_prefix(end);
  }
  return tokens;
}

// GMime, loaded on first use rather than when addio starts: it and what it pulls in (GLib,
// GIO, GPGME and a dozen more) cost every command ~10 ms of start-up, and only mail
// imports need it. The declarations come from its headers, so the types are checked.
struct Gmime {
  decltype(&internet_address_list_parse) list_parse;
  decltype(&internet_address_list_length) list_length;
  decltype(&internet_address_list_get_address) list_address;
  decltype(&internet_address_group_get_type) group_type;
  decltype(&internet_address_group_get_members) group_members;
  decltype(&internet_address_mailbox_get_type) mailbox_type;
  decltype(&internet_address_mailbox_get_addr) mailbox_addr;
  decltype(&g_type_check_instance_is_a) is_a;
  decltype(&g_object_unref) unref;
  decltype(&g_mime_utils_header_decode_text) decode_text;
  decltype(&g_free) free;
  GMimeParserOptions* options = nullptr;

  template <typename T>
  bool IsA(T* instance, GType type) const {
    return instance != nullptr && is_a(reinterpret_cast<GTypeInstance*>(instance), type);
  }
};

// The library, initialised once per process (GMime registers types and charset tables).
// Throws std::runtime_error naming the library when it cannot be loaded: an installation
// fault, reported as an internal error.
const Gmime& LoadGmime() {
  static const Gmime gmime = [] {
    const SharedLibrary library("libgmime-3.0.so.0");
    Gmime g;
    decltype(&g_mime_init) init = nullptr;
    decltype(&g_mime_parser_options_get_default) default_options = nullptr;
    library.Find(init, "g_mime_init");
    library.Find(default_options, "g_mime_parser_options_get_default");
    library.Find(g.list_parse, "internet_address_list_parse");
    library.Find(g.list_length, "internet_address_list_length");
    library.Find(g.list_address, "internet_address_list_get_address");
    library.Find(g.group_type, "internet_address_group_get_type");
    library.Find(g.group_members, "internet_address_group_get_members");
    library.Find(g.mailbox_type, "internet_address_mailbox_get_type");
    library.Find(g.mailbox_addr, "internet_address_mailbox_get_addr");
    library.Find(g.is_a, "g_type_check_instance_is_a");
    library.Find(g.unref, "g_object_unref");
    library.Find(g.decode_text, "g_mime_utils_header_decode_text");
    library.Find(g.free, "g_free");
    init();
    g.options = default_options();
    return g;
  }();
  return gmime;
}

void CollectAddresses(const Gmime& g, InternetAddressList* list, std::vector<std::string>& out) {
  const int count = g.list_length(list);
  for (int i = 0; i < count; ++i) {
    InternetAddress* address = g.list_address(list, i);
    if (g.IsA(address, g.group_type())) {
      CollectAddresses(g, g.group_members(reinterpret_cast<InternetAddressGroup*>(address)), out);
    } else if (g.IsA(address, g.mailbox_type())) {
      const char* addr = g.mailbox_addr(reinterpret_cast<InternetAddressMailbox*>(address));
      // Obsolete syntax lets white space into an address ("jdoe@machine.  example").
      std::string compact = addr != nullptr ? addr : "";
      std::erase_if(compact, [](char c) { return c == ' ' || c == '\t'; });
      std::string normalized = NormalizeAddress(compact);
      if (!normalized.empty()) out.push_back(std::move(normalized));
    }
  }
}

// The addresses of an address header. GMime reads groups, quoted names and encoded words;
// when it finds nothing, any word with an '@' is taken, which is what a person would do.
std::vector<std::string> ParseAddresses(const std::string& value) {
  std::vector<std::string> out;
  const Gmime& g = LoadGmime();
  if (InternetAddressList* list = g.list_parse(g.options, value.c_str())) {
    CollectAddresses(g, list, out);
    g.unref(list);
  }
  if (!out.empty()) return out;
  std::string word;
  for (size_t i = 0; i <= value.size(); ++i) {
    const char c = i < value.size() ? value[i] : ' ';
    if (c == ' ' || c == ',' || c == ';' || c == '\t') {
      std::string normalized = NormalizeAddress(word);
      if (!normalized.empty()) out.push_back(std::move(normalized));
      word.clear();
    } else {
      word += c;
    }
  }
  return out;
}

std::string DecodeText(const std::string& raw) {
  const Gmime& g = LoadGmime();
  char* decoded = g.decode_text(g.options, raw.c_str());
  if (decoded == nullptr) return raw;
  std::string out(decoded);
  g.free(decoded);
  return out;
}

// Whether `text` holds `word` as a whole word (letters on neither side), case-insensitive.
bool HasWord(const std::string& lower_text, std::string_view word) {
  for (size_t at = lower_text.find(word); at != std::string::npos;
       at = lower_text.find(word, at + 1)) {
    const bool left = at == 0 || !std::isalpha(static_cast<unsigned char>(lower_text[at - 1]));
    const size_t end = at + word.size();
    const bool right =
        end == lower_text.size() || !std::isalpha(static_cast<unsigned char>(lower_text[end]));
    if (left && right) return true;
  }
  return false;
}

// Importance: high, X-Priority 1 or 2, Priority: urgent, X-MSMail-Priority: High, or a
// subject that says urgent (English) or urgente (Italian).
bool Urgent(const MessageHeader& header, const std::string& subject) {
  const auto value = [&header](std::string_view name) {
    const HeaderField* field = header.Find(name);
    return field != nullptr ? AsciiLower(Trim(field->value)) : std::string();
  };
  const std::string priority = value("X-Priority");
  if (value("Importance").starts_with("high") || priority.starts_with('1') ||
      priority.starts_with('2') || value("Priority").starts_with("urgent") ||
      value("X-MSMail-Priority").starts_with("high")) {
    return true;
  }
  const std::string lower = AsciiLower(subject);
  return HasWord(lower, "urgent") || HasWord(lower, "urgente");
}

}  // namespace

std::string NormalizeAddress(std::string_view text) {
  std::string_view s = Trim(text);
  if (s.size() >= 7 && EqualsIgnoreCase(s.substr(0, 7), "mailto:")) s.remove_prefix(7);
  while (!s.empty() &&
         (s.front() == '<' || s.front() == '"' || s.front() == '\'' || s.front() == ' ')) {
    s.remove_prefix(1);
  }
  while (!s.empty() && (s.back() == '>' || s.back() == '"' || s.back() == '\'' || s.back() == ' ' ||
                        s.back() == '.' || s.back() == ',')) {
    s.remove_suffix(1);
  }
  const size_t at = s.rfind('@');
  if (at == std::string_view::npos || at == 0 || at + 1 == s.size()) return "";
  if (s.find_first_of(" <>\t") != std::string_view::npos) return "";
  return AsciiLower(s);
}

AddressBook::AddressBook(const Workspace& workspace) {
  for (const std::string& email : workspace.owner_emails) {
    std::string address = NormalizeAddress(email);
    if (!address.empty()) owners_.insert(std::move(address));
  }
}

std::optional<std::string> AddressBook::Resolve(const ClientResolver& resolver,
                                                const std::vector<std::string>& addresses) {
  std::vector<const std::string*> others;
  for (const std::string& address : addresses) {
    if (address.empty() || IsOwner(address)) continue;
    auto [it, fresh] = known_.try_emplace(address);
    if (fresh) it->second = resolver.ByEmail(address);
    if (it->second) return it->second;
    others.push_back(&address);
  }
  if (others.empty()) {
    ++records_without_address_;
    return std::nullopt;
  }
  ++unknown_records_;
  std::set<std::string_view> counted;
  for (const std::string* address : others) {
    if (counted.insert(*address).second) ++unknown_[*address];
  }
  return std::nullopt;
}

std::vector<Message> AddressBook::UnknownReview(const std::string& format,
                                                const char* counted) const {
  std::vector<Message> lines;
  if (owners_.empty()) lines.push_back(Msg("ingest.mail.no_owner_emails", format));
  if (unknown_records_ > 0) {
    std::vector<std::pair<std::string, int>> top(unknown_.begin(), unknown_.end());
    std::ranges::stable_sort(top, [](const auto& a, const auto& b) { return a.second > b.second; });
    std::string listed;
    for (size_t i = 0; i < top.size() && i < kListedAddresses; ++i) {
      listed += (i == 0 ? " " : ", ") + top[i].first + " (" + std::to_string(top[i].second) + ")";
    }
    lines.push_back(Msg("ingest.mail.unmatched", unknown_records_, format,
                        Arg::Of(Msg(counted, unknown_records_)),
                        Arg::Of(Msg("ingest.count.unknown_addresses", unknown_.size())), listed));
  }
  if (records_without_address_ > 0) {
    lines.push_back(Msg("ingest.mail.only_owner", records_without_address_, format,
                        Arg::Of(Msg(counted, records_without_address_))));
  }
  return lines;
}

Result<Instant> ParseMailDate(std::string_view text) {
  const std::string shown(Trim(text).substr(0, 60));
  // `why`: an ingest.mail.date.* message.
  const auto fail = [&shown](const Message& why) {
    return Fail(ErrorCode::kInvalidArgument, Msg("ingest.mail.not_a_date", shown, Arg::Of(why)));
  };
  std::string storage;
  const std::vector<std::string_view> tokens = DateTokens(text, storage);
  if (tokens.empty()) return fail(Msg("ingest.mail.date.empty"));
  size_t i = 0;
  if (IsWeekday(tokens[0])) ++i;
  if (tokens.size() < i + 4) return fail(Msg("ingest.mail.date.incomplete"));
  if (!IsDigits(tokens[i]) || tokens[i].size() > 2) return fail(Msg("ingest.mail.date.no_day"));
  const int day = ToInt(tokens[i]);
  const int month = MonthNumber(tokens[i + 1]);
  if (month == 0) return fail(Msg("ingest.mail.date.unknown_month", tokens[i + 1]));
  const std::string_view year_token = tokens[i + 2];
  if (!IsDigits(year_token) || year_token.size() < 2 || year_token.size() > 4) {
    return fail(Msg("ingest.mail.date.no_year"));
  }
  int year = ToInt(year_token);
  if (year_token.size() == 2) year += year < 50 ? 2000 : 1900;  // obsolete two-digit years
  if (year_token.size() == 3) year += 1900;
  if (year < 1900 || year > 2999) return fail(Msg("ingest.mail.date.implausible_year", year));
  const std::optional<int> time = TimeOfDay(tokens[i + 3]);
  if (!time) return fail(Msg("ingest.mail.date.no_time"));
  if (tokens.size() < i + 5) return fail(Msg("ingest.mail.date.no_zone"));
  std::optional<int> offset = NumericOffset(tokens[i + 4]);
  if (!offset) offset = NamedOffset(tokens[i + 4]);
  if (!offset) return fail(Msg("ingest.mail.date.unknown_zone", tokens[i + 4]));
  auto date = CivilDate::FromYmd(year, month, day);
  if (!date) return fail(Msg("ingest.mail.date.no_such_day"));
  return Instant::FromUnixSeconds(int64_t{date->days_since_epoch()} * 86400 + *time - *offset);
}

std::optional<Instant> ParseSeparatorDate(std::string_view line) {
  if (!line.starts_with("From ")) return std::nullopt;
  std::string storage;
  const std::vector<std::string_view> tokens = DateTokens(line.substr(5), storage);
  // "sender [Www] Mmm dd hh:mm[:ss] [zone] yyyy [zone]"
  for (size_t i = 1; i + 2 < tokens.size(); ++i) {
    const int month = MonthNumber(tokens[i]);
    if (month == 0 || !IsDigits(tokens[i + 1])) continue;
    const std::optional<int> time = TimeOfDay(tokens[i + 2]);
    if (!time) continue;
    int offset = 0;
    std::optional<int> year;
    for (size_t j = i + 3; j < tokens.size() && j < i + 6; ++j) {
      if (IsDigits(tokens[j]) && tokens[j].size() == 4) {
        year = ToInt(tokens[j]);
      } else if (auto numeric = NumericOffset(tokens[j])) {
        offset = *numeric;
      }
    }
    if (!year) return std::nullopt;
    auto date = CivilDate::FromYmd(*year, month, ToInt(tokens[i + 1]));
    if (!date) return std::nullopt;
    return Instant::FromUnixSeconds(int64_t{date->days_since_epoch()} * 86400 + *time - offset);
  }
  return std::nullopt;
}

LineReader::LineReader(const std::string& path) : file_(std::fopen(path.c_str(), "rb")) {}

LineReader::~LineReader() {
  if (file_ != nullptr) std::fclose(file_);
}

bool LineReader::Next(std::string_view& line) {
  if (file_ == nullptr) return false;
  for (;;) {
    const size_t newline = buffer_.find('\n', pos_);
    if (newline != std::string::npos) {
      line = std::string_view(buffer_).substr(pos_, newline - pos_);
      pos_ = newline + 1;
      break;
    }
    if (eof_) {
      if (pos_ >= buffer_.size()) return false;
      line = std::string_view(buffer_).substr(pos_);
      pos_ = buffer_.size();
      break;
    }
    buffer_.erase(0, pos_);
    pos_ = 0;
    const size_t old = buffer_.size();
    buffer_.resize(old + kReadChunk);
    const size_t got = std::fread(buffer_.data() + old, 1, kReadChunk, file_);
    buffer_.resize(old + got);
    if (got == 0) eof_ = true;
  }
  if (line.ends_with('\r')) line.remove_suffix(1);
  ++line_;
  return true;
}

const HeaderField* MessageHeader::Find(std::string_view name) const {
  for (const HeaderField& field : fields) {
    if (EqualsIgnoreCase(field.name, name)) return &field;
  }
  return nullptr;
}

bool HeaderBuilder::Feed(std::string_view line, int line_number) {
  if (Trim(line).empty()) return false;
  if (header_.first_line == 0) header_.first_line = line_number;
  header_.raw.append(line).push_back('\n');
  if ((line[0] == ' ' || line[0] == '\t') && !header_.fields.empty()) {
    header_.fields.back().value.append(" ").append(Trim(line));
    return true;
  }
  const size_t colon = line.find(':');
  if (colon == std::string_view::npos || colon == 0) return true;
  const std::string_view name = Trim(line.substr(0, colon));
  if (name.find_first_of(" \t") != std::string_view::npos) return true;
  header_.fields.push_back(
      {std::string(name), std::string(Trim(line.substr(colon + 1))), line_number});
  return true;
}

MessageHeader HeaderBuilder::Take() {
  MessageHeader out = std::move(header_);
  header_ = MessageHeader{};
  return out;
}

MessageCollector::MessageCollector(std::string format, const IngestContext& context,
                                   IngestResult& result)
    : format_(std::move(format)),
      result_(result),
      resolver_(*context.existing, false),
      book_(context.existing->workspace) {
  result_.preview.push_back({"id", "at", "direction", "client", "address", "subject"});
}

void MessageCollector::Add(const std::string& file, int number, const MessageHeader& header,
                           std::optional<Instant> separator_date) {
  // The problem as said of message `number` of a mailbox ("message 3: ...").
  const auto which = [number](const Message& problem) {
    return number > 0 ? Msg("ingest.mail.in_message", number, Arg::Of(problem)) : problem;
  };
  const HeaderField* message_id = header.Find("Message-ID");
  std::string id_text = message_id != nullptr ? std::string(Trim(message_id->value)) : "";
  if (id_text.starts_with('<') && id_text.ends_with('>')) {
    id_text = id_text.substr(1, id_text.size() - 2);
  }
  Contact contact;
  contact.id = ContentId("email", id_text.empty() ? header.raw : id_text);
  contact.channel = Channel::kEmail;
  contact.minutes = 0;
  contact.logged = false;

  const HeaderField* date = header.Find("Date");
  const int where = date != nullptr ? date->line : header.first_line;
  Result<Instant> at = date != nullptr
                           ? ParseMailDate(date->value)
                           : Fail(ErrorCode::kInvalidArgument, Msg("ingest.mail.no_date_header"));
  if (!at) {
    if (!separator_date) {
      result_.diagnostics.Add({Severity::kError, file, where, "", "contact", id_text, "Date",
                               which(at.error().message)});
      return;
    }
    result_.diagnostics.Add(
        {Severity::kWarning, file, where, "", "contact", id_text, "Date",
         Msg("ingest.mail.separator_date_used", Arg::Of(which(at.error().message)),
             separator_date->ToUtcString())});
    at = *separator_date;
  }
  contact.at = *at;

  const HeaderField* from_field = header.Find("From");
  std::vector<std::string> from =
      from_field != nullptr ? ParseAddresses(from_field->value) : std::vector<std::string>{};
  std::vector<std::string> counterparts;
  if (!from.empty() && book_.IsOwner(from.front())) {
    contact.direction = Direction::kOutbound;
    for (std::string_view name : {"To", "Cc", "Bcc"}) {
      for (const HeaderField& field : header.fields) {
        if (!EqualsIgnoreCase(field.name, name)) continue;
        for (std::string& address : ParseAddresses(field.value)) {
          counterparts.push_back(std::move(address));
        }
      }
    }
  } else {
    contact.direction = Direction::kInbound;
    counterparts = std::move(from);
  }
  const HeaderField* subject_field = header.Find("Subject");
  const std::string subject = subject_field != nullptr ? DecodeText(subject_field->value) : "";
  contact.urgent = Urgent(header, subject);

  if (!ids_.insert(contact.id).second) {
    ++duplicates_;  // the same message twice (copied between folders)
    return;
  }
  const std::optional<std::string> client = book_.Resolve(resolver_, counterparts);
  if (result_.preview.size() <= kPreviewRows) {
    result_.preview.push_back({contact.id, contact.at.ToUtcString(), Name(contact.direction),
                               client.value_or(""),
                               counterparts.empty() ? "" : counterparts.front(), subject});
  }
  if (!client) return;
  contact.client = *client;
  result_.ledger.contacts.push_back(std::move(contact));
  result_.source.locations["contact"].push_back({file, header.first_line, ""});
}

void MessageCollector::Finish() {
  if (duplicates_ > 0) {
    result_.review.push_back(Msg("ingest.mail.duplicates", duplicates_, format_));
  }
  for (Message& line : book_.UnknownReview(format_, "ingest.count.messages")) {
    result_.review.push_back(std::move(line));
  }
}

}  // namespace addio::mail

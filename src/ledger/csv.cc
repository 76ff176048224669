#include "ledger/csv.h"

#include <array>

namespace addio {

CsvReader::CsvReader(std::string_view text, CsvOptions options) : text_(text), options_(options) {
  if (text_.starts_with("\xEF\xBB\xBF")) pos_ = 3;
}

bool CsvReader::Next(std::vector<std::string>& fields) {
  if (!Next(views_)) {
    fields.clear();
    return false;
  }
  // Assigning into the strings already there reuses their capacity record after record.
  fields.resize(views_.size());
  for (size_t i = 0; i < views_.size(); ++i) fields[i].assign(views_[i]);
  return true;
}

bool CsvReader::Next(std::vector<std::string_view>& fields) {
  fields.clear();
  owned_.clear();
  problem_ = Message();
  malformed_ = Message();
  const size_t size = text_.size();
  const char sep = options_.separator;
  // Skip empty lines: they would otherwise read as records with one empty field.
  while (options_.skip_empty_lines && pos_ < size && (text_[pos_] == '\n' || text_[pos_] == '\r')) {
    if (text_[pos_] == '\r' && pos_ + 1 < size && text_[pos_ + 1] == '\n') ++pos_;
    ++pos_;
    ++line_;
  }
  if (pos_ >= size) return false;
  record_line_ = line_;

  while (true) {
    if (pos_ < size && text_[pos_] == '"') {
      fields.push_back(QuotedField(fields.size() + 1));
    } else {
      const size_t start = pos_;
      bool quote = false;  // seen in the same pass, not searched for again
      for (; pos_ < size; ++pos_) {
        const char c = text_[pos_];
        if (c == sep || c == '\n' || c == '\r') break;
        quote |= c == '"';
      }
      if (quote && problem_.empty()) Problem("quote_in_unquoted", fields.size() + 1);
      fields.push_back(text_.substr(start, pos_ - start));
    }
    if (pos_ >= size) return true;
    if (text_[pos_] == sep) {
      ++pos_;
      continue;
    }
    // End of the record: CRLF, LF or a lone CR.
    if (text_[pos_] == '\r') {
      ++pos_;
      if (pos_ < size && text_[pos_] == '\n') ++pos_;
    } else {
      ++pos_;
    }
    ++line_;
    return true;
  }
}

std::string_view CsvReader::QuotedField(size_t number) {
  // Runs to the next quote that is not doubled; may hold separators and line breaks. The
  // field is a view of its text until something makes it differ (a doubled quote, a CRLF
  // read as LF, text after the closing quote); from there on it is built in `own`.
  const size_t size = text_.size();
  const int opened_at = line_;
  ++pos_;
  const size_t begin = pos_;
  size_t end = size;  // where the field's text ends when it is a view
  std::string* own = nullptr;
  auto diverge = [&](size_t at) {
    if (own == nullptr) own = &owned_.emplace_back(text_.substr(begin, at - begin));
  };
  bool closed = false;
  while (pos_ < size) {
    const size_t start = pos_;
    while (pos_ < size && text_[pos_] != '"' && text_[pos_] != '\n' && text_[pos_] != '\r') {
      ++pos_;
    }
    if (own != nullptr) own->append(text_.substr(start, pos_ - start));
    if (pos_ >= size) break;
    if (text_[pos_] == '\r') {
      if (pos_ + 1 >= size || text_[pos_ + 1] != '\n') {
        if (own != nullptr) *own += '\r';
      } else {
        // A CRLF inside a field reads as LF, so that a file whose line ends were
        // converted reads the same.
        diverge(pos_);
      }
      ++pos_;
      continue;
    }
    if (text_[pos_] == '\n') {
      if (own != nullptr) *own += '\n';
      ++line_;
      ++pos_;
      continue;
    }
    if (pos_ + 1 < size && text_[pos_ + 1] == '"') {
      diverge(pos_);
      *own += '"';
      pos_ += 2;
      continue;
    }
    end = pos_;
    ++pos_;
    closed = true;
    break;
  }
  if (!closed) {
    Problem("unclosed_quote", static_cast<size_t>(opened_at));
  }
  // Text between the closing quote and the separator is kept, and reported.
  const char sep = options_.separator;
  const size_t start = pos_;
  while (pos_ < size && text_[pos_] != sep && text_[pos_] != '\n' && text_[pos_] != '\r') {
    ++pos_;
  }
  if (pos_ > start) {
    diverge(end);
    own->append(text_.substr(start, pos_ - start));
    if (problem_.empty()) Problem("text_after_quote", number);
  }
  if (own != nullptr) return *own;
  return text_.substr(begin, end - begin);
}

void CsvReader::Problem(const char* kind, size_t number) {
  problem_ = Msg(std::string("ledger.csv.") + kind, number);
  malformed_ = Msg(std::string("ledger.csv.malformed.") + kind, number);
}

char SniffCsvSeparator(std::string_view text) {
  if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);
  constexpr std::array<char, 3> kCandidates = {',', ';', '\t'};
  std::array<int, 3> counts = {0, 0, 0};
  bool quoted = false;
  for (char c : text) {
    if (c == '"') quoted = !quoted;
    if (quoted) continue;
    if (c == '\n' || c == '\r') break;
    for (size_t i = 0; i < kCandidates.size(); ++i) counts[i] += c == kCandidates[i];
  }
  size_t best = 0;
  for (size_t i = 1; i < kCandidates.size(); ++i) {
    if (counts[i] > counts[best]) best = i;
  }
  return kCandidates[best];
}

void AppendCsvField(std::string& out, std::string_view field, char separator) {
  bool quote = !field.empty() && (field.front() == ' ' || field.back() == ' ');
  for (char c : field) {
    if (c == separator || c == '"' || c == '\n' || c == '\r') {
      quote = true;
      break;
    }
  }
  if (!quote) {
    out.append(field);
    return;
  }
  out += '"';
  for (char c : field) {
    if (c == '"') out += '"';
    out += c;
  }
  out += '"';
}

namespace {

// True when `cell`, past its leading quotes, starts like a formula.
bool LooksLikeFormula(std::string_view cell) {
  const size_t first = cell.find_first_not_of('\'');
  if (first == std::string_view::npos) return false;
  const char c = cell[first];
  return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r';
}

}  // namespace

std::string EscapeCsvFormula(std::string_view cell) {
  if (!LooksLikeFormula(cell)) return std::string(cell);
  std::string out;
  out.reserve(cell.size() + 1);
  out += '\'';
  out += cell;
  return out;
}

std::string_view UnescapeCsvFormula(std::string_view cell) {
  if (cell.starts_with('\'') && LooksLikeFormula(cell)) cell.remove_prefix(1);
  return cell;
}

}  // namespace addio

#include "ledger/csv.h"

#include <array>

namespace addio {

CsvReader::CsvReader(std::string_view text, CsvOptions options) : text_(text), options_(options) {
  if (text_.starts_with("\xEF\xBB\xBF")) pos_ = 3;
}

bool CsvReader::Next(std::vector<std::string>& fields) {
  fields.clear();
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
    std::string& field = fields.emplace_back();
    if (pos_ < size && text_[pos_] == '"') {
      // Quoted field: runs to the next quote that is not doubled; may hold separators and
      // line breaks.
      const int opened_at = line_;
      ++pos_;
      bool closed = false;
      while (pos_ < size) {
        const size_t start = pos_;
        while (pos_ < size && text_[pos_] != '"' && text_[pos_] != '\n' && text_[pos_] != '\r') {
          ++pos_;
        }
        field.append(text_.substr(start, pos_ - start));
        if (pos_ >= size) break;
        if (text_[pos_] == '\r') {
          // A CRLF inside a field reads as LF, so that a file whose line ends were
          // converted reads the same.
          if (pos_ + 1 >= size || text_[pos_ + 1] != '\n') field += '\r';
          ++pos_;
          continue;
        }
        if (text_[pos_] == '\n') {
          field += '\n';
          ++line_;
          ++pos_;
          continue;
        }
        if (pos_ + 1 < size && text_[pos_ + 1] == '"') {
          field += '"';
          pos_ += 2;
          continue;
        }
        ++pos_;
        closed = true;
        break;
      }
      if (!closed) {
        Problem("unclosed_quote", static_cast<size_t>(opened_at));
      }
      // Text between the closing quote and the separator is kept, and reported.
      const size_t start = pos_;
      while (pos_ < size && text_[pos_] != sep && text_[pos_] != '\n' && text_[pos_] != '\r') {
        ++pos_;
      }
      if (pos_ > start) {
        field.append(text_.substr(start, pos_ - start));
        if (problem_.empty()) Problem("text_after_quote", fields.size());
      }
    } else {
      const size_t start = pos_;
      while (pos_ < size && text_[pos_] != sep && text_[pos_] != '\n' && text_[pos_] != '\r') {
        ++pos_;
      }
      field.assign(text_.substr(start, pos_ - start));
      if (problem_.empty() && field.find('"') != std::string::npos) {
        Problem("quote_in_unquoted", fields.size());
      }
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

}  // namespace addio

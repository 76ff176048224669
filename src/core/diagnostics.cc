#include "core/diagnostics.h"

#include <algorithm>

namespace addio {

std::string RecordTypeKey(std::string_view type) { return "diag.record." + std::string(type); }

namespace {

// "invoice" as the reader calls it: diag.record.invoice when the catalogue has it, the type
// itself otherwise (a record type of an importer the catalogue does not name yet).
std::string RecordTypeWord(const std::string& type, Lang lang) {
  const std::string key = RecordTypeKey(type);
  return HasEntry(key) ? Tr(key, lang) : type;
}

}  // namespace

std::string Diagnostic::Text(Lang lang) const {
  std::string out = message.In(lang);
  for (const Message& note : notes) out += note.In(lang);
  return out;
}

std::string Diagnostic::ToString(Lang lang) const {
  std::string out;
  auto part = [&out](const std::string& text) {
    if (text.empty()) return;
    if (!out.empty()) out += ": ";
    out += text;
  };
  part(file);
  if (line > 0) {
    out += out.empty() ? Render("diag.at_line", lang, {Arg(line)}) : ":" + std::to_string(line);
  }
  part(path);
  if (!record_type.empty()) {
    const std::string type = RecordTypeWord(record_type, lang);
    part(record_id.empty() ? type : type + " " + record_id);
  }
  if (!field.empty()) part(Render("diag.field", lang, {Arg(field)}));
  part(Text(lang));
  return out;
}

void Diagnostics::Append(const Diagnostics& other) {
  items_.insert(items_.end(), other.items_.begin(), other.items_.end());
}

bool Diagnostics::HasErrors() const { return ErrorCount() > 0; }

size_t Diagnostics::ErrorCount() const {
  return std::count_if(items_.begin(), items_.end(),
                       [](const Diagnostic& d) { return d.severity == Severity::kError; });
}

size_t Diagnostics::WarningCount() const { return items_.size() - ErrorCount(); }

std::string Diagnostics::ToString(Lang lang) const {
  std::string out;
  for (Severity s : {Severity::kError, Severity::kWarning}) {
    for (const Diagnostic& d : items_) {
      if (d.severity != s) continue;
      out += Tr(s == Severity::kError ? "diag.error" : "diag.warning", lang);
      out += d.ToString(lang);
      out += '\n';
    }
  }
  return out;
}

}  // namespace addio

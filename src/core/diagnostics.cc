#include "core/diagnostics.h"

#include <algorithm>

namespace addio {

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
    part(record_id.empty() ? record_type : record_type + " " + record_id);
  }
  if (!field.empty()) part(Render("diag.field", lang, {Arg(field)}));
  part(message.In(lang));
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

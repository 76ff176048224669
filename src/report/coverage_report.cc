#include "report/coverage_report.h"

#include <algorithm>

#include "report/json_writer.h"
#include "report/report_internal.h"

namespace addio {
namespace {

std::string TypeLabel(std::string_view type, Lang lang) {
  return Tr("record_type." + std::string(type), lang);
}

std::string SignLabel(const SignDefinition* sign, Lang lang) {
  return Tr("sign." + std::string(sign->key()), lang);
}

std::string SignList(const std::vector<const SignDefinition*>& signs, Lang lang) {
  std::string out;
  for (const SignDefinition* sign : signs) {
    if (!out.empty()) out += Tr("coverage.list_separator", lang);
    out += SignLabel(sign, lang);
  }
  return out;
}

std::string SourceLabel(const std::string& source, Lang lang) {
  return source.empty() ? Tr("coverage.source.unknown", lang) : source;
}

std::string SourceList(const std::vector<std::string>& sources, Lang lang) {
  std::string out;
  for (const std::string& source : sources) {
    if (!out.empty()) out += Tr("coverage.list_separator", lang);
    out += SourceLabel(source, lang);
  }
  return out;
}

// The sentence that sums the view up: every sign judged, or how many are not.
std::string Summary(const Coverage& coverage, Lang lang) {
  if (coverage.unknown.empty()) return Render("coverage.all_judged", lang);
  return Render(
      "coverage.partial", lang,
      {Arg(coverage.unknown.size()), Arg(coverage.judged.size() + coverage.unknown.size())});
}

}  // namespace

std::string RenderCoverageTable(const Coverage& coverage, Lang lang) {
  std::vector<std::vector<std::string>> rows = {
      {Tr("coverage.column.type", lang), Tr("coverage.column.count", lang),
       Tr("coverage.column.first", lang), Tr("coverage.column.last", lang),
       Tr("coverage.column.sources", lang), Tr("coverage.column.leaves_unknown", lang)}};
  for (const CoverageLine& line : coverage.types) {
    rows.push_back({TypeLabel(line.type, lang),
                    line.records == 0 ? Tr("coverage.none", lang) : std::to_string(line.records),
                    line.first ? line.first->ToString() : "",
                    line.last ? line.last->ToString() : "", SourceList(line.sources, lang),
                    SignList(line.leaves_unknown, lang)});
  }
  std::vector<size_t> widths(rows.front().size(), 0);
  for (const auto& row : rows) {
    for (size_t i = 0; i < row.size(); ++i) widths[i] = std::max(widths[i], DisplayWidth(row[i]));
  }
  std::string out = Tr("coverage.title", lang) + "\n" + Tr("coverage.intro", lang) + "\n\n";
  for (const auto& row : rows) {
    std::string text;
    for (size_t i = 0; i < row.size(); ++i) {
      if (i > 0) text += "  ";
      text += i == 1 ? PadLeft(row[i], widths[i]) : PadRight(row[i], widths[i]);
    }
    while (!text.empty() && text.back() == ' ') text.pop_back();
    out += text + "\n";
  }
  out += "\n";
  if (!coverage.judged.empty()) {
    out += Render("coverage.signs_judged", lang, {Arg::Of(SignNames(coverage.judged))}) + "\n";
  }
  if (!coverage.unknown.empty()) {
    out += Render("coverage.signs_unknown", lang, {Arg::Of(SignNames(coverage.unknown))}) + "\n";
  }
  out += Summary(coverage, lang) + "\n";
  if (!coverage.next.empty()) {
    out += "\n" + Tr("coverage.next", lang) + "\n";
    for (const std::string& type : coverage.next) {
      out += "- " + TypeLabel(type, lang) + ": " + Render("coverage.add." + type, lang) + "\n";
    }
  }
  return out;
}

std::string RenderCoverageJson(const Coverage& coverage, Lang lang, bool pretty) {
  JsonWriter json(pretty);
  const auto signs = [&json](const std::vector<const SignDefinition*>& list) {
    json.BeginArray();
    for (const SignDefinition* sign : list) json.String(sign->key());
    json.EndArray();
  };
  const auto date = [&json](const std::optional<CivilDate>& day) {
    if (day) {
      json.String(day->ToString());
    } else {
      json.Null();
    }
  };
  json.BeginObject();
  json.Key("types");
  json.BeginArray();
  for (const CoverageLine& line : coverage.types) {
    json.BeginObject();
    json.Key("type");
    json.String(line.type);
    json.Key("label");
    json.String(TypeLabel(line.type, lang));
    json.Key("records");
    json.Int(static_cast<int64_t>(line.records));
    json.Key("first");
    date(line.first);
    json.Key("last");
    date(line.last);
    json.Key("sources");
    json.BeginArray();
    for (const std::string& source : line.sources) json.String(source);
    json.EndArray();
    json.Key("leaves_unknown");
    signs(line.leaves_unknown);
    json.EndObject();
  }
  json.EndArray();
  json.Key("judged");
  signs(coverage.judged);
  json.Key("unknown");
  signs(coverage.unknown);
  json.Key("next");
  json.BeginArray();
  for (const std::string& type : coverage.next) {
    json.BeginObject();
    json.Key("type");
    json.String(type);
    json.Key("label");
    json.String(TypeLabel(type, lang));
    json.Key("advice");
    json.String(Render("coverage.add." + type, lang));
    json.EndObject();
  }
  json.EndArray();
  json.Key("summary");
  json.String(Summary(coverage, lang));
  json.EndObject();
  return json.Take();
}

}  // namespace addio

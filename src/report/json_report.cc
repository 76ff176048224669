// The JSON of `assess` (DESIGN.md section 7, also the API's), of `explain` and of
// `history`. Keys are written in a fixed order, money as decimal strings, ratios with at
// most 4 decimals, unknown metrics as null: the same assessment gives the same bytes.
#include <cstdlib>
#include <set>

#include "report/i18n.h"
#include "report/json_writer.h"
#include "report/profile_report.h"
#include "report/report_internal.h"
#include "verdict/verdict_rule.h"

namespace addio {
namespace {

// Settings whose value is an amount of money: written as decimal strings like all money.
const std::set<std::string, std::less<>> kMoneySettings = {"late_interest.fixed"};

void WriteMoney(JsonWriter& json, const Money& money) { json.String(money.ToString()); }

void WriteOptionalMoney(JsonWriter& json, const std::optional<Money>& money) {
  if (money) {
    WriteMoney(json, *money);
  } else {
    json.Null();
  }
}

void WriteSettings(JsonWriter& json, const Assessment& assessment) {
  json.Key("settings");
  json.BeginObject();
  for (const Settings::Entry& entry : assessment.settings.Entries()) {
    json.Key(entry.name);
    char* end = nullptr;
    const double number = std::strtod(entry.value.c_str(), &end);
    const bool numeric = !entry.value.empty() && end == entry.value.c_str() + entry.value.size();
    if (numeric && !kMoneySettings.contains(entry.name)) {
      json.Number(number);
    } else {
      json.String(entry.value);
    }
  }
  json.Key("target_hourly_rate");
  WriteOptionalMoney(json, assessment.target_hourly_rate);
  json.EndObject();
}

void WriteMetric(JsonWriter& json, const Metric& metric) {
  switch (metric.kind) {
    case Metric::Kind::kNumber:
      json.Number(metric.number);
      return;
    case Metric::Kind::kCount:
      json.Int(metric.count);
      return;
    case Metric::Kind::kMoney:
      WriteMoney(json, metric.money);
      return;
    case Metric::Kind::kUnknown:
      json.Null();
      return;
  }
}

void WriteEvidence(JsonWriter& json, const Evidence& evidence, Lang lang) {
  json.BeginObject();
  json.Key("type");
  json.String(evidence.record_type);
  json.Key("id");
  json.String(evidence.id);
  json.Key("date");
  if (evidence.date) {
    json.String(evidence.date->ToString());
  } else {
    json.Null();
  }
  json.Key("amount");
  WriteOptionalMoney(json, evidence.amount);
  json.Key("value");
  if (evidence.value) {
    json.Number(*evidence.value);
  } else {
    json.Null();
  }
  json.Key("note");
  json.String(evidence.note.In(LangCode(lang)));
  json.EndObject();
}

void WriteThreshold(JsonWriter& json, const Finding& finding, const Threshold& threshold,
                    Lang lang) {
  json.BeginObject();
  json.Key("metric");
  json.String(threshold.metric);
  json.Key("setting");
  json.String(threshold.setting);
  json.Key("limit");
  json.Number(threshold.limit);
  json.Key("at_least");
  json.Bool(threshold.at_least);
  json.Key("strict");
  json.Bool(threshold.strict);
  json.Key("severity");
  json.String(LevelKey(threshold.level));
  json.Key("text");
  json.String(ThresholdSentence(finding, threshold, lang));
  json.EndObject();
}

// How a client object is written: in the reader's language; with the thresholds of each
// sign (explain); with each evidence list cut to its latest kCompactEvidence items and
// "evidence_count" after it (compact JSON).
struct ClientJson {
  Lang lang = Lang::kEn;
  bool with_thresholds = false;
  bool cap_evidence = false;
};

void WriteSign(JsonWriter& json, const Finding& finding, const ClientJson& how) {
  json.BeginObject();
  json.Key("severity");
  json.String(LevelKey(finding.level));
  json.Key("metrics");
  json.BeginObject();
  for (const Metric& metric : finding.metrics) {
    json.Key(metric.name);
    WriteMetric(json, metric);
  }
  json.EndObject();
  json.Key("reasons");
  json.BeginArray();
  for (const Message& reason : finding.reasons) json.String(reason.In(LangCode(how.lang)));
  json.EndArray();
  json.Key("evidence");
  json.BeginArray();
  // Evidence is in date order: a capped list keeps the latest items.
  const size_t count = finding.evidence.size();
  const size_t from = how.cap_evidence && count > kCompactEvidence ? count - kCompactEvidence : 0;
  for (size_t i = from; i < count; ++i) WriteEvidence(json, finding.evidence[i], how.lang);
  json.EndArray();
  if (how.cap_evidence) {
    json.Key("evidence_count");
    json.Int(static_cast<int64_t>(count));
  }
  if (how.with_thresholds) {
    json.Key("thresholds");
    json.BeginArray();
    for (const Threshold& threshold : finding.thresholds) {
      WriteThreshold(json, finding, threshold, how.lang);
    }
    json.EndArray();
  }
  json.EndObject();
}

void WriteEconomics(JsonWriter& json, const Economics& e) {
  json.BeginObject();
  json.Key("revenue");
  WriteMoney(json, e.revenue);
  json.Key("hours");
  json.Number(e.hours);
  json.Key("effective_rate");
  WriteOptionalMoney(json, e.effective_rate);
  json.Key("overdue_amount");
  WriteMoney(json, e.overdue_amount);
  json.Key("late_cost");
  WriteMoney(json, e.late_cost);
  json.Key("underpay_gap");
  WriteMoney(json, e.underpay_gap);
  json.Key("unbilled_extras");
  WriteMoney(json, e.unbilled_extras);
  json.Key("written_off");
  WriteMoney(json, e.written_off);
  json.Key("hidden_cost");
  WriteMoney(json, e.hidden_cost);
  json.Key("net_value");
  WriteMoney(json, e.net_value);
  json.Key("statutory_interest");
  WriteMoney(json, e.statutory_interest);
  json.EndObject();
}

// The fields of a client object, without its braces (explain adds its own header).
void WriteClientFields(JsonWriter& json, const ClientAssessment& client, const ClientJson& how) {
  const Lang lang = how.lang;
  json.Key("client");
  json.String(client.client);
  json.Key("name");
  json.String(client.name);
  json.Key("verdict");
  json.String(VerdictKey(client.verdict));
  json.Key("score");
  json.Int(client.score);
  json.Key("archetype");
  json.String(ArchetypeKey(client.archetype));
  json.Key("signals");
  json.BeginObject();
  for (const Finding& finding : client.signs) {
    json.Key(SignKey(finding.sign));
    WriteSign(json, finding, how);
  }
  json.EndObject();
  json.Key("economics");
  WriteEconomics(json, client.economics);
  json.Key("actions");
  json.BeginArray();
  for (const Action& action : client.actions) {
    json.BeginObject();
    json.Key("code");
    json.String(action.code);
    json.Key("text");
    json.String(action.text.In(LangCode(lang)));
    json.EndObject();
  }
  json.EndArray();
}

void WriteHeader(JsonWriter& json, const Assessment& assessment) {
  json.Key("as_of");
  json.String(assessment.as_of.ToString());
  json.Key("window_days");
  json.Int(assessment.window_days);
  json.Key("currency");
  json.String(assessment.currency.code());
}

// The JSON of `assess`, client by client: the header and settings, then each client as
// it comes, the clients array closed at the end. Compact JSON puts each client on a line
// of its own, so that a reader can take the clients one line at a time.
class JsonAssessmentWriter final : public AssessmentSink {
 public:
  JsonAssessmentWriter(Lang lang, bool pretty, TextOut out)
      : how_{.lang = lang, .cap_evidence = !pretty}, pretty_(pretty), out_(std::move(out)) {}

  void Begin(const Assessment& header) override {
    JsonWriter json(pretty_);
    json.BeginObject();
    WriteHeader(json, header);
    WriteSettings(json, header);
    json.Key("clients");
    json.BeginArray();
    out_(json.Flush());
  }

  std::string Prepare(const ClientAssessment& client) const override {
    JsonWriter json = JsonWriter::Nested(pretty_, 2);  // {"clients": [ here
    json.BeginObject();
    WriteClientFields(json, client, how_);
    json.EndObject();
    return json.Take();
  }

  void Write(const ClientAssessment& /*client*/, std::string prepared) override {
    // What JsonWriter puts before an element of the array: a comma after the first, and
    // the element's own line (indented when pretty).
    // The client's text goes out as it is, not copied behind the separator.
    if (pretty_) {
      out_(clients_++ > 0 ? ",\n    " : "\n    ");
    } else {
      out_(clients_++ > 0 ? ",\n" : "\n");
    }
    out_(prepared);
  }

  void End() override {
    // What JsonWriter's EndArray, EndObject and Take write there.
    if (pretty_) {
      out_(clients_ > 0 ? "\n  ]\n}\n" : "]\n}\n");
    } else {
      out_(clients_ > 0 ? "\n]}\n" : "]}\n");
    }
  }

 private:
  ClientJson how_;
  bool pretty_;
  TextOut out_;
  size_t clients_ = 0;
};

// Why a line's verdict, in `lang`: the rule that decided it (verdict_rule.h), naming the
// sign it turned on. For a red or an amber that is not decisive on its own, that is the
// line's worst sign, the one its reason speaks of.
std::string VerdictRuleText(const PortfolioLine& line, const VerdictDecision& decision, Lang lang) {
  const std::string key = std::string("verdict_rule.") + VerdictRuleKey(decision.rule);
  const auto title = [](std::string_view sign) { return Arg::Key("sign." + std::string(sign)); };
  switch (decision.rule) {
    case VerdictRule::kDecisiveRed:
      return Render(key, lang, {title(SignKey(AllSigns()[*decision.sign]))});
    case VerdictRule::kAnyRed:
    case VerdictRule::kAnyAmber:
      return Render(key, lang, {title(line.reason_sign)});
    case VerdictRule::kThreeReds:
    case VerdictRule::kThreeAmbers:
      return Render(key, lang, {Arg(decision.count)});
    case VerdictRule::kMostlyUnknown:
      return Render(key, lang, {Arg(decision.count), Arg(AllSigns().size())});
    case VerdictRule::kTwoRedsNoValue:
    case VerdictRule::kAllClear:
      return Render(key, lang);
  }
  return Render(key, lang);
}

}  // namespace

std::unique_ptr<AssessmentSink> JsonAssessmentWriterTo(Lang lang, bool pretty, TextOut out) {
  return std::make_unique<JsonAssessmentWriter>(lang, pretty, std::move(out));
}

std::string ExplainJson(const Assessment& assessment, const ClientAssessment& client, Lang lang) {
  JsonWriter json;
  json.BeginObject();
  WriteHeader(json, assessment);
  WriteClientFields(json, client, {.lang = lang, .with_thresholds = true});
  json.Key("strategy");
  WriteStrategyJson(json, StrategyFor(client.archetype), assessment.target_hourly_rate, lang);
  json.EndObject();
  return json.Take();
}

std::string HistoryJson(const std::string& client, const std::string& name,
                        const std::vector<HistoryPoint>& points) {
  JsonWriter json;
  json.BeginObject();
  json.Key("client");
  json.String(client);
  json.Key("name");
  json.String(name);
  json.Key("points");
  json.BeginArray();
  for (const HistoryPoint& point : points) {
    json.BeginObject();
    json.Key("date");
    json.String(point.date.ToString());
    json.Key("score");
    json.Int(point.score);
    json.Key("verdict");
    json.String(VerdictKey(point.verdict));
    json.Key("archetype");
    json.String(ArchetypeKey(point.archetype));
    json.Key("signals");
    json.BeginObject();
    for (size_t i = 0; i < AllSigns().size(); ++i) {
      json.Key(SignKey(AllSigns()[i]));
      json.String(LevelKey(point.levels[i]));
    }
    json.EndObject();
    json.Key("net_value");
    WriteMoney(json, point.net_value);
    json.EndObject();
  }
  json.EndArray();
  json.EndObject();
  return json.Take();
}

std::string RenderPortfolioPage(const PortfolioPage& page, Lang lang) {
  JsonWriter json(/*pretty=*/false);
  json.BeginObject();
  json.Key("as_of");
  json.String(page.as_of.ToString());
  json.Key("window_days");
  json.Int(page.window_days);
  json.Key("currency");
  json.String(page.currency.code());
  json.Key("clients_total");
  json.Int(static_cast<int64_t>(page.clients_total));
  json.Key("verdicts");
  json.BeginObject();
  for (const Verdict verdict : {Verdict::kPartWays, Verdict::kRenegotiate, Verdict::kWatch,
                                Verdict::kKeep, Verdict::kInsufficientData}) {
    json.Key(VerdictKey(verdict));
    json.Int(static_cast<int64_t>(page.totals.verdicts[static_cast<size_t>(verdict)]));
  }
  json.EndObject();
  json.Key("totals");
  json.BeginObject();
  json.Key("revenue");
  WriteMoney(json, page.totals.revenue);
  json.Key("hidden_cost");
  WriteMoney(json, page.totals.hidden_cost);
  json.Key("net_value");
  WriteMoney(json, page.totals.net_value);
  json.Key("overdue_amount");
  WriteMoney(json, page.totals.overdue_amount);
  json.EndObject();
  json.Key("sort");
  json.String(LineOrderKey(page.order));
  json.Key("page");
  json.Int(static_cast<int64_t>(page.page));
  json.Key("per_page");
  json.Int(static_cast<int64_t>(page.per_page));
  json.Key("matched");
  json.Int(static_cast<int64_t>(page.lines.matched));
  json.Key("clients");
  json.BeginArray();
  for (const PortfolioLine* line : page.lines.lines) {
    json.BeginObject();
    json.Key("client");
    json.String(line->client);
    json.Key("name");
    json.String(line->name);
    json.Key("verdict");
    json.String(VerdictKey(line->verdict));
    const VerdictDecision decision = DecideVerdictRule(line->levels, line->economics.net_value);
    json.Key("verdict_rule");
    json.BeginObject();
    json.Key("code");
    json.String(VerdictRuleKey(decision.rule));
    json.Key("text");
    json.String(VerdictRuleText(*line, decision, lang));
    json.EndObject();
    json.Key("score");
    json.Int(line->score);
    json.Key("archetype");
    json.String(ArchetypeKey(line->archetype));
    json.Key("signals");
    json.BeginObject();
    for (size_t i = 0; i < AllSigns().size() && i < line->levels.size(); ++i) {
      json.Key(SignKey(AllSigns()[i]));
      json.String(LevelKey(line->levels[i]));
    }
    json.EndObject();
    json.Key("economics");
    WriteEconomics(json, line->economics);
    json.Key("reason");
    if (line->reason_sign.empty()) {
      json.Null();
    } else {
      json.BeginObject();
      json.Key("sign");
      json.String(line->reason_sign);
      json.Key("text");
      json.String(line->ReasonIn(lang));
      json.EndObject();
    }
    json.Key("action");
    if (line->action_code.empty()) {
      json.Null();
    } else {
      json.BeginObject();
      json.Key("code");
      json.String(line->action_code);
      json.Key("text");
      json.String(line->ActionIn(lang));
      json.EndObject();
    }
    json.EndObject();
  }
  json.EndArray();
  json.EndObject();
  return json.Take();
}

}  // namespace addio

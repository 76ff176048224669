#include "profile/intake.h"

#include <toml++/toml.h>
#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <nlohmann/json.hpp>

#include "core/ascii.h"

namespace addio {
namespace {

// clang-format off
const std::vector<IntakeQuestion> kQuestions = {
    {"will_sign_contract", AnswerKind::kChoice, {"yes", "hesitant", "no"}, 0, 0, "yes", Msg("profile.question.will_sign_contract"),
     Msg("profile.question.will_sign_contract.help")},
    {"budget_ratio", AnswerKind::kRatio, {}, 0, 100, "1", Msg("profile.question.budget_ratio"),
     Msg("profile.question.budget_ratio.help")},
    {"accepts_deposit", AnswerKind::kBoolean, {}, 0, 0, "true", Msg("profile.question.accepts_deposit"),
     Msg("profile.question.accepts_deposit.help")},
    {"payment_terms_days", AnswerKind::kInteger, {}, 0, 365, "30", Msg("profile.question.payment_terms_days"),
     Msg("profile.question.payment_terms_days.help")},
    {"scope_clarity", AnswerKind::kChoice, {"clear", "partial", "vague"}, 0, 0, "clear", Msg("profile.question.scope_clarity"),
     Msg("profile.question.scope_clarity.help")},
    {"timeline_ratio", AnswerKind::kRatio, {}, 0, 100, "1", Msg("profile.question.timeline_ratio"),
     Msg("profile.question.timeline_ratio.help")},
    {"providers_replaced", AnswerKind::kInteger, {}, 0, 100, "0", Msg("profile.question.providers_replaced"),
     Msg("profile.question.providers_replaced.help")},
    {"contact_hours", AnswerKind::kChoice, {"business", "extended", "anytime"}, 0, 0, "business", Msg("profile.question.contact_hours"),
     Msg("profile.question.contact_hours.help")},
    {"decision_maker", AnswerKind::kChoice, {"single", "committee", "unclear"}, 0, 0, "single", Msg("profile.question.decision_maker"),
     Msg("profile.question.decision_maker.help")},
    {"payment_reputation", AnswerKind::kChoice, {"good", "unknown", "bad"}, 0, 0, "unknown", Msg("profile.question.payment_reputation"),
     Msg("profile.question.payment_reputation.help")},
};

// Words a person may type instead of a choice's key, in either language.
const std::map<std::string, std::map<std::string, std::string, std::less<>>, std::less<>>
    kChoiceAliases = {
        {"will_sign_contract", {{"y", "yes"}, {"sì", "yes"}, {"si", "yes"}, {"s", "yes"},
                                {"maybe", "hesitant"}, {"forse", "hesitant"},
                                {"incerto", "hesitant"}, {"n", "no"}}},
        {"scope_clarity", {{"chiaro", "clear"}, {"parziale", "partial"}, {"vago", "vague"}}},
        {"contact_hours", {{"ufficio", "business"}, {"lavorativo", "business"},
                           {"esteso", "extended"}, {"sempre", "anytime"}}},
        {"decision_maker", {{"uno", "single"}, {"una", "single"}, {"singolo", "single"},
                            {"comitato", "committee"}, {"incerto", "unclear"},
                            {"non chiaro", "unclear"}}},
        {"payment_reputation", {{"buona", "good"}, {"sconosciuta", "unknown"},
                                {"ignota", "unknown"}, {"cattiva", "bad"}}},
};
// clang-format on

std::string_view Trim(std::string_view text) {
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.front()))) {
    text.remove_prefix(1);
  }
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back()))) {
    text.remove_suffix(1);
  }
  return text;
}

// The shortest text that reads back as the same double.
std::string ShortestNumber(double value) {
  char buffer[32];
  const auto result = std::to_chars(buffer, buffer + sizeof buffer, value);
  return std::string(buffer, result.ptr);
}

std::optional<double> ParseDouble(std::string_view text) {
  std::string copy(Trim(text));
  std::replace(copy.begin(), copy.end(), ',', '.');  // "0,8" as an Italian writes it
  if (copy.empty()) return std::nullopt;
  double value = 0;
  const auto result = std::from_chars(copy.data(), copy.data() + copy.size(), value);
  if (result.ec != std::errc() || result.ptr != copy.data() + copy.size()) return std::nullopt;
  if (!std::isfinite(value)) return std::nullopt;
  return value;
}

std::string Quoted(std::string_view text) { return "\"" + std::string(text) + "\""; }

std::string ChoiceList(const IntakeQuestion& q, std::string_view separator) {
  std::string out;
  for (const char* choice : q.choices) {
    if (!out.empty()) out += separator;
    out += choice;
  }
  return out;
}

// "<key>: expected <what the question accepts>, got <got>".
Message Problem(const IntakeQuestion& q, const Arg& got) {
  switch (q.kind) {
    case AnswerKind::kChoice:
      return Msg("profile.intake.expected_choice", q.key, ChoiceList(q, ", "), got);
    case AnswerKind::kBoolean:
      return Msg("profile.intake.expected_boolean", q.key, got);
    case AnswerKind::kRatio:
      return Msg("profile.intake.expected_ratio", q.key, ShortestNumber(q.max), got);
    case AnswerKind::kInteger:
      return Msg("profile.intake.expected_integer", q.key, ShortestNumber(q.min),
                 ShortestNumber(q.max), got);
  }
  return Msg("profile.intake.expected_boolean", q.key, got);
}

std::expected<std::string, Message> CheckNumber(const IntakeQuestion& q, double value,
                                                std::string_view got) {
  if (q.kind == AnswerKind::kRatio) {
    if (!(value > q.min) || value > q.max) return std::unexpected(Problem(q, got));
    return ShortestNumber(value);
  }
  if (value != std::floor(value) || value < q.min || value > q.max) {
    return std::unexpected(Problem(q, got));
  }
  return std::to_string(static_cast<int64_t>(value));
}

// A value read from JSON or TOML, before it is checked against its question.
struct RawValue {
  enum class Type { kString, kBool, kInteger, kFloat, kOther };
  Type type = Type::kOther;
  std::string text;       // kString: the string; every type: how it was written, for messages
  std::string shown_key;  // a TOML table or list: the catalogue entry naming it in messages
  bool boolean = false;
  double number = 0;
};

std::expected<std::string, Message> CanonicalFromRaw(const IntakeQuestion& q, const RawValue& v) {
  using Type = RawValue::Type;
  switch (q.kind) {
    case AnswerKind::kChoice:
      if (v.type == Type::kString) {
        const std::string key = AsciiLower(v.text);
        for (const char* choice : q.choices) {
          if (key == choice) return key;
        }
      }
      break;
    case AnswerKind::kBoolean:
      if (v.type == Type::kBool) return v.boolean ? "true" : "false";
      break;
    case AnswerKind::kRatio:
    case AnswerKind::kInteger:
      if (v.type == Type::kInteger || v.type == Type::kFloat)
        return CheckNumber(q, v.number, v.text);
      break;
  }
  return std::unexpected(Problem(q, v.shown_key.empty() ? Arg(v.text) : Arg::Key(v.shown_key)));
}

RawValue FromJson(const nlohmann::json& value) {
  RawValue raw;
  raw.text = value.dump();
  if (value.is_string()) {
    raw.type = RawValue::Type::kString;
    raw.text = value.get<std::string>();
  } else if (value.is_boolean()) {
    raw.type = RawValue::Type::kBool;
    raw.boolean = value.get<bool>();
  } else if (value.is_number_integer()) {
    raw.type = RawValue::Type::kInteger;
    raw.number = value.get<double>();
  } else if (value.is_number_float()) {
    raw.type = RawValue::Type::kFloat;
    raw.number = value.get<double>();
  }
  return raw;
}

RawValue FromToml(const toml::node& node) {
  RawValue raw;
  if (const auto* s = node.as_string()) {
    raw.type = RawValue::Type::kString;
    raw.text = s->get();
  } else if (const auto* b = node.as_boolean()) {
    raw.type = RawValue::Type::kBool;
    raw.boolean = b->get();
    raw.text = raw.boolean ? "true" : "false";
  } else if (const auto* i = node.as_integer()) {
    raw.type = RawValue::Type::kInteger;
    raw.number = static_cast<double>(i->get());
    raw.text = std::to_string(i->get());
  } else if (const auto* f = node.as_floating_point()) {
    raw.type = RawValue::Type::kFloat;
    raw.number = f->get();
    raw.text = ShortestNumber(f->get());
  } else {
    raw.shown_key = node.is_table()   ? "profile.intake.toml_table"
                    : node.is_array() ? "profile.intake.toml_list"
                                      : "profile.intake.toml_value";
  }
  return raw;
}

size_t EditDistance(std::string_view a, std::string_view b) {
  std::vector<size_t> row(b.size() + 1);
  for (size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    size_t diagonal = row[0];
    row[0] = i;
    for (size_t j = 1; j <= b.size(); ++j) {
      const size_t above = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] != b[j - 1])});
      diagonal = above;
    }
  }
  return row[b.size()];
}

Message UnknownKey(std::string_view key) {
  const IntakeQuestion* nearest = nullptr;
  size_t best = 0;
  for (const IntakeQuestion& q : kQuestions) {
    const size_t d = EditDistance(key, q.key);
    if (nearest == nullptr || d < best) {
      nearest = &q;
      best = d;
    }
  }
  if (nearest != nullptr && best <= 4) {
    return Msg("profile.intake.unknown_key_near", key, nearest->key);
  }
  return Msg("profile.intake.unknown_key", key);
}

// Adds one key's value to the draft, or its problem to `problems`.
void Accept(std::string_view key, const RawValue& raw, IntakeDraft& draft,
            std::vector<Message>& problems) {
  const IntakeQuestion* q = FindIntakeQuestion(key);
  if (q == nullptr) {
    problems.push_back(UnknownKey(key));
    return;
  }
  auto value = CanonicalFromRaw(*q, raw);
  if (!value) {
    problems.push_back(value.error());
    return;
  }
  draft[q->key] = *value;
}

// One problem as it is; several as one message, each rendered in `lang`, one per line.
Message JoinProblems(const std::vector<Message>& problems, Lang lang) {
  if (problems.size() == 1) return problems.front();
  std::string lines;
  for (const Message& problem : problems) {
    if (!lines.empty()) lines += "\n  ";
    lines += problem.In(lang);
  }
  return Msg("profile.intake.problems", lines);
}

}  // namespace

const std::vector<IntakeQuestion>& IntakeQuestions() { return kQuestions; }

const IntakeQuestion* FindIntakeQuestion(std::string_view key) {
  for (const IntakeQuestion& q : kQuestions) {
    if (key == q.key) return &q;
  }
  return nullptr;
}

std::expected<std::string, Message> NormalizeAnswer(const IntakeQuestion& q,
                                                    std::string_view typed) {
  const std::string text = AsciiLower(Trim(typed));
  if (text.empty()) return std::string(q.default_value);
  switch (q.kind) {
    case AnswerKind::kChoice: {
      for (const char* choice : q.choices) {
        if (text == choice) return text;
      }
      if (const auto aliases = kChoiceAliases.find(q.key); aliases != kChoiceAliases.end()) {
        if (const auto it = aliases->second.find(text); it != aliases->second.end()) {
          return it->second;
        }
      }
      break;
    }
    case AnswerKind::kBoolean:
      if (text == "true" || text == "yes" || text == "y" || text == "sì" || text == "si" ||
          text == "s") {
        return std::string("true");
      }
      if (text == "false" || text == "no" || text == "n") return std::string("false");
      break;
    case AnswerKind::kRatio:
    case AnswerKind::kInteger: {
      std::optional<double> value;
      if (const size_t slash = text.find('/');
          slash != std::string::npos && q.kind == AnswerKind::kRatio) {
        const auto numerator = ParseDouble(std::string_view(text).substr(0, slash));
        const auto denominator = ParseDouble(std::string_view(text).substr(slash + 1));
        if (numerator && denominator && *denominator > 0) value = *numerator / *denominator;
      } else {
        value = ParseDouble(text);
      }
      if (value) return CheckNumber(q, *value, Quoted(Trim(typed)));
      break;
    }
  }
  return std::unexpected(Problem(q, Quoted(Trim(typed))));
}

Result<IntakeDraft> ParseIntakeDraft(std::string_view text, IntakeFormat format, Lang lang) {
  IntakeDraft draft;
  std::vector<Message> problems;
  if (format == IntakeFormat::kJson) {
    nlohmann::json document;
    try {
      document = nlohmann::json::parse(text);
    } catch (const nlohmann::json::parse_error& e) {
      return Fail(ErrorCode::kParse, Msg("profile.intake.bad_json", e.what()));
    }
    if (!document.is_object()) return Fail(ErrorCode::kParse, Msg("profile.intake.not_object"));
    for (const auto& [key, value] : document.items()) Accept(key, FromJson(value), draft, problems);
  } else {
    toml::table table;
    try {
      table = toml::parse(text);
    } catch (const toml::parse_error& e) {
      const auto& where = e.source().begin;
      return Fail(ErrorCode::kParse,
                  Msg("profile.intake.bad_toml", std::to_string(where.line), e.description()));
    }
    for (const auto& [key, node] : table) Accept(key.str(), FromToml(node), draft, problems);
  }
  if (!problems.empty()) return Fail(ErrorCode::kValidation, JoinProblems(problems, lang));
  return draft;
}

Result<IntakeAnswers> AnswersFromDraft(const IntakeDraft& draft) {
  std::string missing;
  for (const IntakeQuestion& q : kQuestions) {
    if (draft.contains(q.key)) continue;
    if (!missing.empty()) missing += ", ";
    missing += q.key;
  }
  if (!missing.empty()) {
    return Fail(ErrorCode::kValidation, Msg("profile.intake.missing", missing));
  }
  auto choice_index = [&draft](const char* key) {
    const IntakeQuestion* q = FindIntakeQuestion(key);
    const std::string& value = draft.at(key);
    for (size_t i = 0; i < q->choices.size(); ++i) {
      if (value == q->choices[i]) return static_cast<int>(i);
    }
    return -1;
  };
  auto number = [&draft](const char* key) -> Result<double> {
    const std::optional<double> value = ParseDouble(draft.at(key));
    if (!value) {
      return Fail(ErrorCode::kValidation, Msg("profile.intake.invalid_value", key, draft.at(key)));
    }
    return *value;
  };
  // Every value is checked again: a draft may come from a state file edited by hand.
  for (const IntakeQuestion& q : kQuestions) {
    if (q.kind == AnswerKind::kChoice && choice_index(q.key) < 0) {
      return Fail(ErrorCode::kValidation, Problem(q, draft.at(q.key)));
    }
    if (q.kind == AnswerKind::kBoolean && draft.at(q.key) != "true" && draft.at(q.key) != "false") {
      return Fail(ErrorCode::kValidation, Problem(q, draft.at(q.key)));
    }
    if (q.kind == AnswerKind::kRatio || q.kind == AnswerKind::kInteger) {
      auto value = number(q.key);
      if (!value) return std::unexpected(value.error());
      if (auto checked = CheckNumber(q, *value, draft.at(q.key)); !checked) {
        return Fail(ErrorCode::kValidation, checked.error());
      }
    }
  }
  IntakeAnswers a;
  a.will_sign_contract = static_cast<WillSign>(choice_index("will_sign_contract"));
  a.budget_ratio = *number("budget_ratio");
  a.accepts_deposit = draft.at("accepts_deposit") == "true";
  a.payment_terms_days = static_cast<int>(*number("payment_terms_days"));
  a.scope_clarity = static_cast<ScopeClarity>(choice_index("scope_clarity"));
  a.timeline_ratio = *number("timeline_ratio");
  a.providers_replaced = static_cast<int>(*number("providers_replaced"));
  a.contact_hours = static_cast<ContactHours>(choice_index("contact_hours"));
  a.decision_maker = static_cast<DecisionMaker>(choice_index("decision_maker"));
  a.payment_reputation = static_cast<PaymentReputation>(choice_index("payment_reputation"));
  return a;
}

Result<IntakeAnswers> ParseIntake(std::string_view text, IntakeFormat format, Lang lang) {
  auto draft = ParseIntakeDraft(text, format, lang);
  if (!draft) return std::unexpected(draft.error());
  return AnswersFromDraft(*draft);
}

IntakeFormat DetectIntakeFormat(std::string_view path, std::string_view text) {
  const std::string name = AsciiLower(path);
  if (name.ends_with(".toml")) return IntakeFormat::kToml;
  if (name.ends_with(".json")) return IntakeFormat::kJson;
  const std::string_view trimmed = Trim(text);
  return !trimmed.empty() && trimmed.front() == '{' ? IntakeFormat::kJson : IntakeFormat::kToml;
}

IntakeDraft DraftFromAnswers(const IntakeAnswers& a) {
  return {
      {"will_sign_contract", WillSignKey(a.will_sign_contract)},
      {"budget_ratio", ShortestNumber(a.budget_ratio)},
      {"accepts_deposit", a.accepts_deposit ? "true" : "false"},
      {"payment_terms_days", std::to_string(a.payment_terms_days)},
      {"scope_clarity", ScopeClarityKey(a.scope_clarity)},
      {"timeline_ratio", ShortestNumber(a.timeline_ratio)},
      {"providers_replaced", std::to_string(a.providers_replaced)},
      {"contact_hours", ContactHoursKey(a.contact_hours)},
      {"decision_maker", DecisionMakerKey(a.decision_maker)},
      {"payment_reputation", PaymentReputationKey(a.payment_reputation)},
  };
}

std::string IntakeDraftJson(const IntakeDraft& draft) {
  std::string out = "{";
  for (const IntakeQuestion& q : kQuestions) {
    const auto it = draft.find(q.key);
    if (it == draft.end()) continue;
    if (out.size() > 1) out += ",";
    out += "\"" + std::string(q.key) + "\":";
    // Choices are plain lower-case words; booleans and numbers are valid JSON as they are.
    out += q.kind == AnswerKind::kChoice ? nlohmann::json(it->second).dump() : it->second;
  }
  return out + "}";
}

std::string IntakeJson(const IntakeAnswers& answers) {
  return IntakeDraftJson(DraftFromAnswers(answers));
}

const char* WillSignKey(WillSign value) { return kQuestions[0].choices[static_cast<int>(value)]; }
const char* ScopeClarityKey(ScopeClarity value) {
  return kQuestions[4].choices[static_cast<int>(value)];
}
const char* ContactHoursKey(ContactHours value) {
  return kQuestions[7].choices[static_cast<int>(value)];
}
const char* DecisionMakerKey(DecisionMaker value) {
  return kQuestions[8].choices[static_cast<int>(value)];
}
const char* PaymentReputationKey(PaymentReputation value) {
  return kQuestions[9].choices[static_cast<int>(value)];
}

}  // namespace addio

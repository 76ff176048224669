#include "profile/intake.h"

#include <toml++/toml.h>
#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <nlohmann/json.hpp>

namespace addio {
namespace {

// clang-format off
const std::vector<IntakeQuestion> kQuestions = {
    {"will_sign_contract", AnswerKind::kChoice, {"yes", "hesitant", "no"}, 0, 0, "yes",
     {"Will they sign a contract before work starts?",
      "Firmerà un contratto prima dell'inizio dei lavori?"},
     {"yes: ready to sign; hesitant: wants to think about it, or to \"sign later\"; "
      "no: refuses to sign.",
      "yes: pronto a firmare; hesitant: vuole pensarci, o \"firmare più avanti\"; "
      "no: rifiuta di firmare."}},
    {"budget_ratio", AnswerKind::kRatio, {}, 0, 100, "1",
     {"Their budget divided by your quote (e.g. 0.8, or 3000/4000)?",
      "Il suo budget diviso il tuo preventivo (per esempio 0,8 oppure 3000/4000)?"},
     {"1 means their budget covers your quote; below 0.85 the job pays less than your "
      "rate, below 0.6 far less.",
      "1 significa che il budget copre il preventivo; sotto 0,85 il lavoro rende meno della "
      "tua tariffa, sotto 0,6 molto meno."}},
    {"accepts_deposit", AnswerKind::kBoolean, {}, 0, 0, "true",
     {"Will they pay a deposit before work starts?",
      "Accetta di versare un acconto prima dell'inizio dei lavori?"},
     {"yes or no.", "sì o no."}},
    {"payment_terms_days", AnswerKind::kInteger, {}, 0, 365, "30",
     {"Payment terms they ask for, in days from the invoice?",
      "Termini di pagamento richiesti, in giorni dalla fattura?"},
     {"0 for payment on receipt; over 30 days is a warning, over 60 a serious one.",
      "0 per il pagamento a vista; oltre 30 giorni è un campanello d'allarme, oltre 60 un "
      "segnale serio."}},
    {"scope_clarity", AnswerKind::kChoice, {"clear", "partial", "vague"}, 0, 0, "clear",
     {"How clear is the scope of the job?", "Quanto è chiaro l'oggetto del lavoro?"},
     {"clear: written down and specific; partial: the outline is known, the details are "
      "not; vague: \"we'll see as we go\".",
      "clear: scritto e preciso; partial: si conosce lo schema ma non i dettagli; "
      "vague: \"vediamo strada facendo\"."}},
    {"timeline_ratio", AnswerKind::kRatio, {}, 0, 100, "1",
     {"The delivery time they want divided by your estimate (e.g. 0.5, or 10/20)?",
      "Il tempo di consegna che chiede diviso la tua stima (per esempio 0,5 oppure 10/20)?"},
     {"1 means your estimate is accepted; below 0.8 the job is rushed, below 0.5 it is an "
      "emergency from day one.",
      "1 significa che la tua stima va bene; sotto 0,8 il lavoro è di corsa, sotto 0,5 è "
      "un'emergenza fin dal primo giorno."}},
    {"providers_replaced", AnswerKind::kInteger, {}, 0, 100, "0",
     {"How many providers have they replaced in the last two years?",
      "Quanti fornitori ha cambiato negli ultimi due anni?"},
     {"Designers, developers or agencies before you; 3 or more is a warning.",
      "Grafici, sviluppatori o agenzie prima di te; da 3 in su è un campanello d'allarme."}},
    {"contact_hours", AnswerKind::kChoice, {"business", "extended", "anytime"}, 0, 0,
     "business",
     {"When do they expect to reach you?", "Quando si aspetta di poterti contattare?"},
     {"business: working hours; extended: in the evening too; anytime: evenings, nights "
      "and weekends.",
      "business: in orario di lavoro; extended: anche la sera; anytime: sera, notte e fine "
      "settimana."}},
    {"decision_maker", AnswerKind::kChoice, {"single", "committee", "unclear"}, 0, 0,
     "single",
     {"Who makes the decisions on their side?", "Chi prende le decisioni da parte sua?"},
     {"single: one person; committee: a group that decides together; unclear: you could "
      "not tell.",
      "single: una persona; committee: un gruppo che decide insieme; unclear: non si è "
      "capito."}},
    {"payment_reputation", AnswerKind::kChoice, {"good", "unknown", "bad"}, 0, 0, "unknown",
     {"What is their reputation as a payer?", "Che fama ha come pagatore?"},
     {"good: others vouch for them; unknown: nobody could tell you; bad: known to pay late "
      "or not at all.",
      "good: altri garantiscono per lui; unknown: nessuno sa dirlo; bad: noto per pagare in "
      "ritardo o per non pagare."}},
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

std::string Lower(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

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

// What a question accepts, as one phrase.
Text Allowed(const IntakeQuestion& q) {
  switch (q.kind) {
    case AnswerKind::kChoice:
      return {"one of " + ChoiceList(q, ", "), "uno tra " + ChoiceList(q, ", ")};
    case AnswerKind::kBoolean:
      return {"true or false (yes or no)", "true o false (sì o no)"};
    case AnswerKind::kRatio:
      return {"a number greater than 0 and at most " + ShortestNumber(q.max),
              "un numero maggiore di 0 e non oltre " + ShortestNumber(q.max)};
    case AnswerKind::kInteger:
      return {"a whole number from " + ShortestNumber(q.min) + " to " + ShortestNumber(q.max),
              "un numero intero da " + ShortestNumber(q.min) + " a " + ShortestNumber(q.max)};
  }
  return {};
}

Text Problem(const IntakeQuestion& q, std::string_view got) {
  const Text allowed = Allowed(q);
  return {std::string(q.key) + ": expected " + allowed.en + ", got " + std::string(got),
          std::string(q.key) + ": serve " + allowed.it + ", trovato " + std::string(got)};
}

std::expected<std::string, Text> CheckNumber(const IntakeQuestion& q, double value,
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
  std::string text;  // kString: the string; every type: how it was written, for messages
  bool boolean = false;
  double number = 0;
};

std::expected<std::string, Text> CanonicalFromRaw(const IntakeQuestion& q, const RawValue& v) {
  using Type = RawValue::Type;
  switch (q.kind) {
    case AnswerKind::kChoice:
      if (v.type == Type::kString) {
        const std::string key = Lower(v.text);
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
  return std::unexpected(Problem(q, v.text));
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
    raw.text = "a " + std::string(node.is_table() ? "table" : node.is_array() ? "list" : "value");
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

Text UnknownKey(std::string_view key) {
  const IntakeQuestion* nearest = nullptr;
  size_t best = 0;
  for (const IntakeQuestion& q : kQuestions) {
    const size_t d = EditDistance(key, q.key);
    if (nearest == nullptr || d < best) {
      nearest = &q;
      best = d;
    }
  }
  Text text{"unknown key \"" + std::string(key) + "\"",
            "chiave sconosciuta \"" + std::string(key) + "\""};
  if (nearest != nullptr && best <= 4) {
    text.en += " (did you mean \"" + std::string(nearest->key) + "\"?)";
    text.it += " (forse \"" + std::string(nearest->key) + "\"?)";
  }
  return text;
}

// Adds one key's value to the draft, or its problem to `problems`.
void Accept(std::string_view key, const RawValue& raw, IntakeDraft& draft,
            std::vector<Text>& problems) {
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

std::string JoinProblems(const std::vector<Text>& problems, std::string_view lang) {
  std::string out;
  for (const Text& problem : problems) {
    if (!out.empty()) out += "\n  ";
    out += problem.In(lang);
  }
  return out;
}

}  // namespace

const std::vector<IntakeQuestion>& IntakeQuestions() { return kQuestions; }

const IntakeQuestion* FindIntakeQuestion(std::string_view key) {
  for (const IntakeQuestion& q : kQuestions) {
    if (key == q.key) return &q;
  }
  return nullptr;
}

std::expected<std::string, Text> NormalizeAnswer(const IntakeQuestion& q, std::string_view typed) {
  const std::string text = Lower(Trim(typed));
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

Result<IntakeDraft> ParseIntakeDraft(std::string_view text, IntakeFormat format,
                                     std::string_view lang) {
  const bool it = lang == "it";
  IntakeDraft draft;
  std::vector<Text> problems;
  if (format == IntakeFormat::kJson) {
    nlohmann::json document;
    try {
      document = nlohmann::json::parse(text);
    } catch (const nlohmann::json::parse_error& e) {
      return Fail(ErrorCode::kParse, std::string(it ? "le risposte non sono JSON valido: "
                                                    : "the answers are not valid JSON: ") +
                                         e.what());
    }
    if (!document.is_object()) {
      return Fail(ErrorCode::kParse, it ? "le risposte devono essere un oggetto JSON"
                                        : "the answers must be a JSON object");
    }
    for (const auto& [key, value] : document.items()) Accept(key, FromJson(value), draft, problems);
  } else {
    toml::table table;
    try {
      table = toml::parse(text);
    } catch (const toml::parse_error& e) {
      const auto& where = e.source().begin;
      return Fail(ErrorCode::kParse, std::string(it ? "le risposte non sono TOML valido (riga "
                                                    : "the answers are not valid TOML (line ") +
                                         std::to_string(where.line) +
                                         "): " + std::string(e.description()));
    }
    for (const auto& [key, node] : table) Accept(key.str(), FromToml(node), draft, problems);
  }
  if (!problems.empty()) return Fail(ErrorCode::kValidation, JoinProblems(problems, lang));
  return draft;
}

Result<IntakeAnswers> AnswersFromDraft(const IntakeDraft& draft, std::string_view lang) {
  std::string missing;
  for (const IntakeQuestion& q : kQuestions) {
    if (draft.contains(q.key)) continue;
    if (!missing.empty()) missing += ", ";
    missing += q.key;
  }
  if (!missing.empty()) {
    return Fail(ErrorCode::kValidation,
                (lang == "it" ? "mancano le risposte a: " : "answers missing for: ") + missing);
  }
  auto choice_index = [&draft](const char* key) {
    const IntakeQuestion* q = FindIntakeQuestion(key);
    const std::string& value = draft.at(key);
    for (size_t i = 0; i < q->choices.size(); ++i) {
      if (value == q->choices[i]) return static_cast<int>(i);
    }
    return -1;
  };
  auto number = [&draft, lang](const char* key) -> Result<double> {
    const std::optional<double> value = ParseDouble(draft.at(key));
    if (!value) {
      return Fail(ErrorCode::kValidation,
                  std::string(key) + (lang == "it" ? ": valore non valido " : ": invalid value ") +
                      draft.at(key));
    }
    return *value;
  };
  // Every value is checked again: a draft may come from a state file edited by hand.
  for (const IntakeQuestion& q : kQuestions) {
    if (q.kind == AnswerKind::kChoice && choice_index(q.key) < 0) {
      return Fail(ErrorCode::kValidation, Problem(q, draft.at(q.key)).In(lang));
    }
    if (q.kind == AnswerKind::kBoolean && draft.at(q.key) != "true" && draft.at(q.key) != "false") {
      return Fail(ErrorCode::kValidation, Problem(q, draft.at(q.key)).In(lang));
    }
    if (q.kind == AnswerKind::kRatio || q.kind == AnswerKind::kInteger) {
      auto value = number(q.key);
      if (!value) return std::unexpected(value.error());
      if (auto checked = CheckNumber(q, *value, draft.at(q.key)); !checked) {
        return Fail(ErrorCode::kValidation, checked.error().In(lang));
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

Result<IntakeAnswers> ParseIntake(std::string_view text, IntakeFormat format,
                                  std::string_view lang) {
  auto draft = ParseIntakeDraft(text, format, lang);
  if (!draft) return std::unexpected(draft.error());
  return AnswersFromDraft(*draft, lang);
}

IntakeFormat DetectIntakeFormat(std::string_view path, std::string_view text) {
  const std::string name = Lower(path);
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

#include "profile/questionnaire.h"

#include <istream>
#include <ostream>
#include <string>

namespace addio {
namespace {

// "[yes|hesitant|no]", "[yes|no]", "[number > 0]", "[0-365]".
std::string Allowed(const IntakeQuestion& q, Lang lang) {
  switch (q.kind) {
    case AnswerKind::kChoice: {
      std::string out;
      for (const char* choice : q.choices) out += (out.empty() ? "" : "|") + std::string(choice);
      return "[" + out + "]";
    }
    case AnswerKind::kBoolean:
      return Tr("profile.questionnaire.boolean", lang);
    case AnswerKind::kRatio:
      return Tr("profile.questionnaire.ratio", lang);
    case AnswerKind::kInteger:
      return "[" + std::to_string(static_cast<int>(q.min)) + "-" +
             std::to_string(static_cast<int>(q.max)) + "]";
  }
  return "";
}

// The default as a person types it: "yes" rather than "true" for booleans.
std::string DefaultShown(const IntakeQuestion& q, Lang lang) {
  if (q.kind == AnswerKind::kBoolean) {
    return Tr(std::string(q.default_value) == "true" ? "profile.questionnaire.yes"
                                                     : "profile.questionnaire.no",
              lang);
  }
  return q.default_value;
}

bool IsQuit(const std::string& line) {
  return line == "q" || line == "Q" || line == "quit" || line == "esci";
}

}  // namespace

Result<QuestionnaireEnd> AskIntakeQuestions(std::istream& in, std::ostream& out, IntakeDraft& draft,
                                            Lang lang,
                                            const std::function<Status(const IntakeDraft&)>& save) {
  const std::vector<IntakeQuestion>& questions = IntakeQuestions();
  size_t answered = 0;
  for (const IntakeQuestion& q : questions) answered += draft.contains(q.key);
  if (answered < questions.size()) {
    out << Tr("profile.questionnaire.keys", lang) << "\n";
  }
  for (size_t i = 0; i < questions.size(); ++i) {
    const IntakeQuestion& q = questions[i];
    if (draft.contains(q.key)) continue;
    while (true) {
      out << "\n"
          << (i + 1) << "/" << questions.size() << "  " << q.prompt.In(lang) << "\n    "
          << Allowed(q, lang) << " ("
          << Render("profile.questionnaire.default", lang, {Arg(DefaultShown(q, lang))}) << ") > "
          << std::flush;
      std::string line;
      if (!std::getline(in, line)) {
        out << "\n";
        return QuestionnaireEnd::kQuit;
      }
      if (!line.empty() && line.back() == '\r') line.pop_back();
      if (IsQuit(line)) return QuestionnaireEnd::kQuit;
      if (line == "?") {
        out << "    " << q.help.In(lang) << "\n";
        continue;
      }
      auto value = NormalizeAnswer(q, line);
      if (!value) {
        out << "    " << value.error().In(lang) << "\n";
        continue;
      }
      draft[q.key] = *value;
      if (auto saved = save(draft); !saved) return std::unexpected(saved.error());
      break;
    }
  }
  return QuestionnaireEnd::kComplete;
}

}  // namespace addio

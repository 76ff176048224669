// The interactive questionnaire: defaults, re-asking after a bad answer, stopping and
// resuming, saving after every answer.
#include "profile/questionnaire.h"

#include <gtest/gtest.h>

#include <sstream>

namespace addio {
namespace {

struct Dialogue {
  Result<QuestionnaireEnd> end = QuestionnaireEnd::kQuit;
  std::string output;
  std::vector<IntakeDraft> saves;
};

Dialogue Ask(const std::string& input, IntakeDraft& draft, Lang lang = Lang::kEn) {
  std::istringstream in(input);
  std::ostringstream out;
  Dialogue run;
  run.end = AskIntakeQuestions(in, out, draft, lang, [&run](const IntakeDraft& d) -> Status {
    run.saves.push_back(d);
    return {};
  });
  run.output = out.str();
  return run;
}

TEST(QuestionnaireTest, EmptyAnswersTakeTheDefaults) {
  IntakeDraft draft;
  const Dialogue run = Ask(std::string(10, '\n'), draft);
  ASSERT_TRUE(run.end.has_value());
  EXPECT_EQ(*run.end, QuestionnaireEnd::kComplete);
  ASSERT_EQ(draft.size(), 10u);
  for (const IntakeQuestion& q : IntakeQuestions()) EXPECT_EQ(draft.at(q.key), q.default_value);
  EXPECT_EQ(run.saves.size(), 10u);
  EXPECT_NE(run.output.find("1/10  Will they sign a contract before work starts?"),
            std::string::npos);
  EXPECT_NE(run.output.find("[yes|hesitant|no] (default: yes)"), std::string::npos);
  EXPECT_TRUE(AnswersFromDraft(draft).has_value());
}

TEST(QuestionnaireTest, ABadAnswerIsExplainedAndAskedAgain) {
  IntakeDraft draft;
  const Dialogue run = Ask("perhaps\nhesitant\nlots\n3000/4000\nq\n", draft);
  ASSERT_TRUE(run.end.has_value());
  EXPECT_EQ(*run.end, QuestionnaireEnd::kQuit);
  EXPECT_EQ(draft.at("will_sign_contract"), "hesitant");
  EXPECT_EQ(draft.at("budget_ratio"), "0.75");
  EXPECT_EQ(draft.size(), 2u);
  EXPECT_NE(
      run.output.find("will_sign_contract: expected one of yes, hesitant, no, got \"perhaps\""),
      std::string::npos);
  EXPECT_NE(run.output.find("budget_ratio: expected"), std::string::npos);
  // Asked twice each: once more after the bad answer.
  size_t asked = 0;
  for (size_t at = run.output.find("1/10 "); at != std::string::npos;
       at = run.output.find("1/10 ", at + 1)) {
    ++asked;
  }
  EXPECT_EQ(asked, 2u);
}

TEST(QuestionnaireTest, StoppingKeepsEveryAnswerGivenAndSavedEachTime) {
  IntakeDraft draft;
  const Dialogue run = Ask("no\n0.5\nq\n", draft);
  ASSERT_TRUE(run.end.has_value());
  EXPECT_EQ(*run.end, QuestionnaireEnd::kQuit);
  ASSERT_EQ(run.saves.size(), 2u);
  EXPECT_EQ(run.saves[0].size(), 1u);
  EXPECT_EQ(run.saves[1], draft);
  EXPECT_EQ(draft.at("will_sign_contract"), "no");
}

TEST(QuestionnaireTest, TheEndOfInputStopsLikeQuit) {
  IntakeDraft draft;
  const Dialogue run = Ask("yes\n", draft);
  ASSERT_TRUE(run.end.has_value());
  EXPECT_EQ(*run.end, QuestionnaireEnd::kQuit);
  EXPECT_EQ(draft.size(), 1u);
}

TEST(QuestionnaireTest, ResumingAsksOnlyWhatIsMissing) {
  IntakeDraft draft;
  for (const IntakeQuestion& q : IntakeQuestions()) draft[q.key] = q.default_value;
  draft.erase("payment_reputation");
  const Dialogue run = Ask("bad\n", draft);
  ASSERT_TRUE(run.end.has_value());
  EXPECT_EQ(*run.end, QuestionnaireEnd::kComplete);
  EXPECT_EQ(draft.at("payment_reputation"), "bad");
  EXPECT_EQ(run.output.find("1/10 "), std::string::npos);
  EXPECT_NE(run.output.find("10/10 "), std::string::npos);
}

TEST(QuestionnaireTest, QuestionMarkShowsTheHelpInTheChosenLanguage) {
  IntakeDraft draft;
  const Dialogue run = Ask("?\nq\n", draft, Lang::kIt);
  EXPECT_NE(run.output.find(FindIntakeQuestion("will_sign_contract")->help.In(Lang::kIt)),
            std::string::npos);
  EXPECT_NE(run.output.find("predefinito"), std::string::npos);
  EXPECT_TRUE(draft.empty());
}

TEST(QuestionnaireTest, ASaveErrorStopsTheQuestionnaire) {
  IntakeDraft draft;
  std::istringstream in("yes\nyes\n");
  std::ostringstream out;
  const Message disk_full = Msg("cli.error.cannot_write", "state.json");
  auto end = AskIntakeQuestions(in, out, draft, Lang::kEn, [&](const IntakeDraft&) -> Status {
    return Fail(ErrorCode::kIo, disk_full);
  });
  ASSERT_FALSE(end.has_value());
  EXPECT_EQ(end.error().code, ErrorCode::kIo);
  EXPECT_EQ(end.error().message, disk_full);
}

}  // namespace
}  // namespace addio

// Intake answers: from JSON and TOML, typed answers normalised, every problem named.
#include "profile/intake.h"

#include <gtest/gtest.h>

namespace addio {
namespace {

constexpr char kJson[] = R"({
  "will_sign_contract": "hesitant", "budget_ratio": 0.7, "accepts_deposit": false,
  "payment_terms_days": 60, "scope_clarity": "vague", "timeline_ratio": 0.9,
  "providers_replaced": 3, "contact_hours": "extended", "decision_maker": "committee",
  "payment_reputation": "unknown"
})";

constexpr char kToml[] = R"(# a prospect met at a fair
will_sign_contract = "hesitant"
budget_ratio = 0.7
accepts_deposit = false
payment_terms_days = 60
scope_clarity = "vague"
timeline_ratio = 0.9
providers_replaced = 3
contact_hours = "extended"
decision_maker = "committee"
payment_reputation = "unknown"
)";

IntakeAnswers Expected() {
  IntakeAnswers a;
  a.will_sign_contract = WillSign::kHesitant;
  a.budget_ratio = 0.7;
  a.accepts_deposit = false;
  a.payment_terms_days = 60;
  a.scope_clarity = ScopeClarity::kVague;
  a.timeline_ratio = 0.9;
  a.providers_replaced = 3;
  a.contact_hours = ContactHours::kExtended;
  a.decision_maker = DecisionMaker::kCommittee;
  a.payment_reputation = PaymentReputation::kUnknown;
  return a;
}

TEST(IntakeTest, ReadsJsonAndTomlAlike) {
  auto json = ParseIntake(kJson, IntakeFormat::kJson);
  ASSERT_TRUE(json.has_value()) << json.error().message.In(Lang::kEn);
  EXPECT_EQ(*json, Expected());
  auto toml = ParseIntake(kToml, IntakeFormat::kToml);
  ASSERT_TRUE(toml.has_value()) << toml.error().message.In(Lang::kEn);
  EXPECT_EQ(*toml, Expected());
}

TEST(IntakeTest, WholeNumbersAreAcceptedForRatios) {
  std::string text = kJson;
  text.replace(text.find("0.9"), 3, "1");
  auto answers = ParseIntake(text, IntakeFormat::kJson);
  ASSERT_TRUE(answers.has_value()) << answers.error().message.In(Lang::kEn);
  EXPECT_EQ(answers->timeline_ratio, 1.0);
}

TEST(IntakeTest, MissingAnswersAreNamed) {
  auto answers =
      ParseIntake(R"({"will_sign_contract": "yes", "budget_ratio": 1})", IntakeFormat::kJson);
  ASSERT_FALSE(answers.has_value());
  EXPECT_EQ(answers.error().code, ErrorCode::kValidation);
  EXPECT_NE(answers.error().message.In(Lang::kEn).find("accepts_deposit"), std::string::npos);
  EXPECT_NE(answers.error().message.In(Lang::kEn).find("payment_reputation"), std::string::npos);
  EXPECT_EQ(answers.error().message.In(Lang::kEn).find("budget_ratio"), std::string::npos);

  auto it = ParseIntake("{}", IntakeFormat::kJson, Lang::kIt);
  ASSERT_FALSE(it.has_value());
  EXPECT_NE(it.error().message.In(Lang::kIt).find("mancano le risposte"), std::string::npos);
}

TEST(IntakeTest, EveryBadValueIsReportedWithTheKeyAndWhatIsAllowed) {
  auto draft = ParseIntakeDraft(
      R"({"budget_ration": 0.8, "budget_ratio": "high", "payment_terms_days": 30.5,
          "providers_replaced": -1, "scope_clarity": "fuzzy", "accepts_deposit": "yes"})",
      IntakeFormat::kJson);
  ASSERT_FALSE(draft.has_value());
  const std::string message = draft.error().message.In(Lang::kEn);
  EXPECT_EQ(draft.error().code, ErrorCode::kValidation);
  EXPECT_NE(message.find("unknown key \"budget_ration\" (did you mean \"budget_ratio\"?)"),
            std::string::npos)
      << message;
  EXPECT_NE(message.find("budget_ratio: expected a number greater than 0"), std::string::npos);
  EXPECT_NE(message.find("payment_terms_days: expected a whole number from 0 to 365"),
            std::string::npos);
  EXPECT_NE(message.find("providers_replaced"), std::string::npos);
  EXPECT_NE(message.find("scope_clarity: expected one of clear, partial, vague, got fuzzy"),
            std::string::npos);
  EXPECT_NE(message.find("accepts_deposit"), std::string::npos);
}

TEST(IntakeTest, ZeroIsNoRatio) {
  auto draft = ParseIntakeDraft("budget_ratio = 0", IntakeFormat::kToml, Lang::kIt);
  ASSERT_FALSE(draft.has_value());
  EXPECT_NE(draft.error().message.In(Lang::kIt).find("serve un numero maggiore di 0"),
            std::string::npos);
}

TEST(IntakeTest, SyntaxErrorsAreParseErrors) {
  auto json = ParseIntakeDraft("{\"budget_ratio\": ", IntakeFormat::kJson);
  ASSERT_FALSE(json.has_value());
  EXPECT_EQ(json.error().code, ErrorCode::kParse);
  auto array = ParseIntakeDraft("[1, 2]", IntakeFormat::kJson);
  ASSERT_FALSE(array.has_value());
  EXPECT_EQ(array.error().code, ErrorCode::kParse);
  auto toml = ParseIntakeDraft("budget_ratio = = 1", IntakeFormat::kToml);
  ASSERT_FALSE(toml.has_value());
  EXPECT_EQ(toml.error().code, ErrorCode::kParse);
  EXPECT_NE(toml.error().message.In(Lang::kEn).find("line 1"), std::string::npos);
}

TEST(IntakeTest, TypedAnswersAreNormalised) {
  const IntakeQuestion& sign = *FindIntakeQuestion("will_sign_contract");
  EXPECT_EQ(NormalizeAnswer(sign, " Yes ").value(), "yes");
  EXPECT_EQ(NormalizeAnswer(sign, "sì").value(), "yes");
  EXPECT_EQ(NormalizeAnswer(sign, "forse").value(), "hesitant");
  EXPECT_EQ(NormalizeAnswer(sign, "").value(), "yes");  // the default

  const IntakeQuestion& budget = *FindIntakeQuestion("budget_ratio");
  EXPECT_EQ(NormalizeAnswer(budget, "3000/4000").value(), "0.75");
  EXPECT_EQ(NormalizeAnswer(budget, "0,8").value(), "0.8");
  EXPECT_EQ(NormalizeAnswer(budget, "").value(), "1");
  EXPECT_FALSE(NormalizeAnswer(budget, "3000/0").has_value());
  EXPECT_FALSE(NormalizeAnswer(budget, "0").has_value());
  const auto bad = NormalizeAnswer(budget, "a lot");
  ASSERT_FALSE(bad.has_value());
  EXPECT_NE(bad.error().In(Lang::kEn).find("\"a lot\""), std::string::npos);
  EXPECT_NE(bad.error().In(Lang::kIt).find("numero"), std::string::npos);

  const IntakeQuestion& deposit = *FindIntakeQuestion("accepts_deposit");
  EXPECT_EQ(NormalizeAnswer(deposit, "si").value(), "true");
  EXPECT_EQ(NormalizeAnswer(deposit, "N").value(), "false");
  EXPECT_FALSE(NormalizeAnswer(deposit, "maybe").has_value());

  const IntakeQuestion& days = *FindIntakeQuestion("payment_terms_days");
  EXPECT_EQ(NormalizeAnswer(days, "45").value(), "45");
  EXPECT_FALSE(NormalizeAnswer(days, "45.5").has_value());
  EXPECT_FALSE(NormalizeAnswer(days, "366").has_value());
}

TEST(IntakeTest, JsonRoundTripsAndKeepsTheQuestionOrder) {
  const IntakeAnswers answers = Expected();
  const std::string json = IntakeJson(answers);
  EXPECT_EQ(json,
            R"({"will_sign_contract":"hesitant","budget_ratio":0.7,"accepts_deposit":false,)"
            R"("payment_terms_days":60,"scope_clarity":"vague","timeline_ratio":0.9,)"
            R"("providers_replaced":3,"contact_hours":"extended","decision_maker":"committee",)"
            R"("payment_reputation":"unknown"})");
  auto back = ParseIntake(json, IntakeFormat::kJson);
  ASSERT_TRUE(back.has_value());
  EXPECT_EQ(*back, answers);
}

TEST(IntakeTest, PartialDraftsRoundTrip) {
  IntakeDraft draft = {{"budget_ratio", "0.75"}, {"will_sign_contract", "no"}};
  const std::string json = IntakeDraftJson(draft);
  EXPECT_EQ(json, R"({"will_sign_contract":"no","budget_ratio":0.75})");
  auto back = ParseIntakeDraft(json, IntakeFormat::kJson);
  ASSERT_TRUE(back.has_value());
  EXPECT_EQ(*back, draft);
}

TEST(IntakeTest, FormatFollowsTheNameThenTheContent) {
  EXPECT_EQ(DetectIntakeFormat("a.toml", "{"), IntakeFormat::kToml);
  EXPECT_EQ(DetectIntakeFormat("A.JSON", "x = 1"), IntakeFormat::kJson);
  EXPECT_EQ(DetectIntakeFormat("answers", "  \n{}"), IntakeFormat::kJson);
  EXPECT_EQ(DetectIntakeFormat("answers", "budget_ratio = 1"), IntakeFormat::kToml);
}

TEST(IntakeTest, QuestionsFollowTheDesignOrderWithBothLanguages) {
  const std::vector<std::string> keys = {"will_sign_contract", "budget_ratio",  "accepts_deposit",
                                         "payment_terms_days", "scope_clarity", "timeline_ratio",
                                         "providers_replaced", "contact_hours", "decision_maker",
                                         "payment_reputation"};
  ASSERT_EQ(IntakeQuestions().size(), keys.size());
  for (size_t i = 0; i < keys.size(); ++i) {
    const IntakeQuestion& q = IntakeQuestions()[i];
    EXPECT_EQ(q.key, keys[i]);
    EXPECT_NE(q.prompt.In(Lang::kEn), q.prompt.In(Lang::kIt));
    EXPECT_NE(q.help.In(Lang::kEn), q.help.In(Lang::kIt));
    EXPECT_TRUE(NormalizeAnswer(q, q.default_value).has_value()) << q.key;
  }
}

}  // namespace
}  // namespace addio

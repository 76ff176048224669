// A prospect's answers to the intake questionnaire of DESIGN.md section 6, as values. They
// live here, below profile/, because each sign screens a prospect from them
// (SignDefinition::Screen); profile/intake.h parses, asks and stores them.
#pragma once

namespace addio {

enum class WillSign { kYes, kHesitant, kNo };
enum class ScopeClarity { kClear, kPartial, kVague };
enum class ContactHours { kBusiness, kExtended, kAnytime };
enum class DecisionMaker { kSingle, kCommittee, kUnclear };
enum class PaymentReputation { kGood, kUnknown, kBad };

struct IntakeAnswers {
  WillSign will_sign_contract = WillSign::kYes;
  double budget_ratio = 1.0;  // their budget ÷ your quote
  bool accepts_deposit = true;
  int payment_terms_days = 30;  // the terms they ask for
  ScopeClarity scope_clarity = ScopeClarity::kClear;
  double timeline_ratio = 1.0;  // their wanted delivery time ÷ your estimate
  int providers_replaced = 0;   // in the last two years
  ContactHours contact_hours = ContactHours::kBusiness;
  DecisionMaker decision_maker = DecisionMaker::kSingle;
  PaymentReputation payment_reputation = PaymentReputation::kUnknown;
  friend bool operator==(const IntakeAnswers&, const IntakeAnswers&) = default;
};

}  // namespace addio

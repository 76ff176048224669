// What the dunning ladders ask for (act/dunning.h): the step each overdue invoice reached,
// one message per client at the highest step, steps recorded in the outbox not asked for
// again, the next step asked for once reached, stopping work left to the freelancer, and a
// client without an address listed rather than skipped.
#include "act/dunning.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "act/ladder.h"
#include "report/dunning_report.h"

namespace addio {
namespace {

CivilDate D(const char* text) { return *CivilDate::Parse(text); }
Money Eur(const char* amount) { return *Money::Parse(amount, *Currency::Find("EUR")); }
const CivilDate kAsOf = D("2026-11-30");

Invoice Due(const char* id, const char* due, const char* amount = "1000.00") {
  return Invoice{.id = id,
                 .client = "rossi",
                 .issued = D(due).AddDays(-30),
                 .due = D(due),
                 .amount = Eur(amount)};
}

// Client "rossi" (Italy) under one ladder for every type: reminder at 5 days, formal
// notice at 20, stop work at 40.
Ledger Rossi(std::vector<Invoice> invoices) {
  Ledger ledger;
  ledger.workspace.name = "Studio Bianchi";
  ledger.workspace.dunning[std::string(kDefaultLadder)] = {
      {5, DunningAction::kReminder, DunningChannel::kEmail},
      {20, DunningAction::kFormalNotice, DunningChannel::kEmail},
      {40, DunningAction::kStopWork, DunningChannel::kManual}};
  ledger.clients = {Client{.id = "rossi",
                           .name = "Rossi S.r.l.",
                           .country = "IT",
                           .emails = {"info@rossi.example", "amministrazione@rossi.example"}}};
  ledger.invoices = std::move(invoices);
  return ledger;
}

DunningPlan Plan(const Ledger& ledger, const std::vector<OutboxEntry>& outbox = {},
                 CivilDate as_of = kAsOf) {
  auto plan = PlanDunning(ledger, as_of, outbox, Lang::kEn);
  EXPECT_TRUE(plan.has_value()) << plan.error().message.In(Lang::kEn);
  return plan.value_or(DunningPlan{});
}

std::vector<const DunningItem*> InState(const DunningPlan& plan, DunningState state) {
  std::vector<const DunningItem*> out;
  for (const DunningItem& item : plan.items) {
    if (item.state == state) out.push_back(&item);
  }
  return out;
}

OutboxEntry Recorded(const std::string& key, OutboxState state = OutboxState::kSent) {
  return {.key = key,
          .state = state,
          .claimed_at = Instant::FromUnixSeconds(0),
          .detail = "info@rossi.example"};
}

TEST(DunningPlanTest, AnInvoiceJustPastTheFirstStepGetsAReminderInTheClientsLanguage) {
  const DunningPlan plan = Plan(Rossi({Due("F-1", "2026-11-22")}));  // 8 days late
  const auto due = InState(plan, DunningState::kDue);
  ASSERT_EQ(due.size(), 1u);
  EXPECT_EQ(due[0]->step.action, DunningAction::kReminder);
  EXPECT_EQ(due[0]->step_number, 1);
  EXPECT_EQ(due[0]->steps, 3);
  EXPECT_EQ(due[0]->ladder, "default");
  EXPECT_EQ(due[0]->address, "info@rossi.example");
  EXPECT_EQ(due[0]->lang, Lang::kIt);
  ASSERT_EQ(due[0]->invoices.size(), 1u);
  EXPECT_EQ(due[0]->invoices[0].days_late, 8);
  EXPECT_EQ(due[0]->keys, std::vector<std::string>{"dunning:F-1:5"});
  EXPECT_NE(DunningWhy(*due[0]).In(Lang::kEn).find("8 days"), std::string::npos);
}

TEST(DunningPlanTest, NothingBeforeTheFirstStepNorForPaidDisputedOrVoidInvoices) {
  Invoice disputed = Due("F-2", "2026-10-01");
  disputed.disputed = true;
  Invoice voided = Due("F-3", "2026-10-01");
  voided.status = InvoiceStatus::kVoid;
  Ledger ledger = Rossi({Due("F-1", "2026-11-27"), disputed, voided, Due("F-4", "2026-10-01")});
  ledger.payments = {Payment{.id = "p1",
                             .client = "rossi",
                             .invoice = "F-4",
                             .date = D("2026-11-02"),
                             .amount = Eur("1000.00")}};
  EXPECT_TRUE(Plan(ledger).items.empty());
}

TEST(DunningPlanTest, OneMessageAClientAtTheHighestStepDue) {
  const DunningPlan plan =
      Plan(Rossi({Due("F-1", "2026-11-22"), Due("F-2", "2026-11-05")}));  // 8 and 25 days
  const auto due = InState(plan, DunningState::kDue);
  ASSERT_EQ(due.size(), 1u);
  EXPECT_EQ(due[0]->step.action, DunningAction::kFormalNotice);
  ASSERT_EQ(due[0]->invoices.size(), 2u);
  EXPECT_EQ(due[0]->invoices[0].id, "F-2");  // by due date
  EXPECT_EQ(due[0]->keys, (std::vector<std::string>{"dunning:F-2:20", "dunning:F-1:20"}));
}

TEST(DunningPlanTest, ARecordedStepIsNotAskedForAgainAndTheNextOneIsOnceReached) {
  const Ledger ledger = Rossi({Due("F-1", "2026-11-22")});
  const DunningPlan again = Plan(ledger, {Recorded("dunning:F-1:5")});
  EXPECT_TRUE(InState(again, DunningState::kDue).empty());
  ASSERT_EQ(InState(again, DunningState::kSent).size(), 1u);

  const DunningPlan later = Plan(ledger, {Recorded("dunning:F-1:5")}, D("2026-12-13"));
  const auto due = InState(later, DunningState::kDue);
  ASSERT_EQ(due.size(), 1u);  // 21 days late: the formal notice
  EXPECT_EQ(due[0]->step.action, DunningAction::kFormalNotice);
}

TEST(DunningPlanTest, AClaimNeverConfirmedIsListedAndNotAskedForAgain) {
  const DunningPlan plan =
      Plan(Rossi({Due("F-1", "2026-11-22")}), {Recorded("dunning:F-1:5", OutboxState::kClaimed)});
  EXPECT_TRUE(InState(plan, DunningState::kDue).empty());
  const auto unconfirmed = InState(plan, DunningState::kUnconfirmed);
  ASSERT_EQ(unconfirmed.size(), 1u);
  EXPECT_EQ(unconfirmed[0]->keys, std::vector<std::string>{"dunning:F-1:5"});
}

TEST(DunningPlanTest, StoppingWorkIsListedForTheFreelancerBesideTheLetterNeverSent) {
  const DunningPlan plan = Plan(Rossi({Due("F-1", "2026-10-10")}));  // 51 days
  // Stopping work does not replace the formal notice the client never had.
  const auto due = InState(plan, DunningState::kDue);
  ASSERT_EQ(due.size(), 1u);
  EXPECT_EQ(due[0]->step.action, DunningAction::kFormalNotice);
  const auto manual = InState(plan, DunningState::kManual);
  ASSERT_EQ(manual.size(), 1u);
  EXPECT_EQ(manual[0]->step.action, DunningAction::kStopWork);
  EXPECT_TRUE(manual[0]->keys.empty());
}

TEST(DunningPlanTest, TheBillingAddressFirstAndAClientWithoutAddressListed) {
  Ledger ledger = Rossi({Due("F-1", "2026-11-22")});
  ledger.clients[0].billing_email = "pagamenti@rossi.example";
  EXPECT_EQ(InState(Plan(ledger), DunningState::kDue)[0]->address, "pagamenti@rossi.example");
  ledger.clients[0].billing_email.clear();
  ledger.clients[0].emails.clear();
  const DunningPlan plan = Plan(ledger);
  EXPECT_TRUE(InState(plan, DunningState::kDue).empty());
  ASSERT_EQ(InState(plan, DunningState::kNoAddress).size(), 1u);
  const std::string table = RenderDunningTable(ledger, plan, Lang::kEn).value_or("");
  EXPECT_NE(table.find("no e-mail address"), std::string::npos);
  EXPECT_NE(table.find("letter in Italian: Sollecito"), std::string::npos) << table;
}

TEST(DunningPlanTest, AnUnknownLadderNameIsAnError) {
  Ledger ledger = Rossi({Due("F-1", "2026-11-22")});
  ledger.workspace.dunning["slow_payers"] = {};
  auto plan = PlanDunning(ledger, kAsOf, {}, Lang::kEn);
  ASSERT_FALSE(plan.has_value());
  EXPECT_EQ(plan.error().code, ErrorCode::kValidation);
  EXPECT_NE(plan.error().message.In(Lang::kEn).find("slow_payer"), std::string::npos);
}

TEST(DunningLadderTest, FirmerForBadPayersThanForPartnersAndTheWorkspacesOwnFirst) {
  EXPECT_LT(BuiltInLadder("slow_payer").front().after_days,
            BuiltInLadder("newcomer").front().after_days);
  EXPECT_LT(BuiltInLadder("newcomer").front().after_days,
            BuiltInLadder("partner").front().after_days);
  Workspace w;
  EXPECT_EQ(LadderFor(w, "partner").source, "");
  w.dunning["default"] = {{9, DunningAction::kReminder, DunningChannel::kEmail}};
  EXPECT_EQ(LadderFor(w, "partner").source, "default");
  w.dunning["partner"] = {{30, DunningAction::kReminder, DunningChannel::kEmail}};
  EXPECT_EQ(LadderFor(w, "partner").steps.front().after_days, 30);
  EXPECT_EQ(LadderFor(w, "slow_payer").steps.front().after_days, 9);
}

TEST(DunningLetterTest, TheDueLetterIsTheFormalNoticeInItalianWithTheStatutoryInterest) {
  const Ledger ledger = Rossi({Due("F-2", "2026-11-05")});
  const DunningPlan plan = Plan(ledger);
  const auto due = InState(plan, DunningState::kDue);
  ASSERT_EQ(due.size(), 1u);
  auto letter = DunningLetters(ledger, plan).For(*due[0]);
  ASSERT_TRUE(letter.has_value()) << letter.error().message.In(Lang::kEn);
  EXPECT_EQ(letter->lang, Lang::kIt);
  const std::string text = FormatLetter(*letter, LetterFormat::kText);
  EXPECT_NE(text.find("F-2"), std::string::npos);
  EXPECT_NE(text.find("231/2002"), std::string::npos);
  EXPECT_NE(text.find("40,00"), std::string::npos);
  // The same letter as `addio letter` writes, which assesses the client on its own.
  LetterOptions options;
  options.kind = LetterKind::kFormalNotice;
  options.lang = Lang::kIt;
  auto alone = ComposeLetter(ledger, "rossi", kAsOf, options);
  ASSERT_TRUE(alone.has_value());
  EXPECT_EQ(FormatLetter(*alone, LetterFormat::kText), text);
}

}  // namespace
}  // namespace addio

// What the dunning ladders ask for today (`addio dunning`, DESIGN.md section 12).
//
// An invoice is dunned while it is issued, not disputed, still open (net of payments and
// credit notes) and past due. Its letter step is the last letter of its client's ladder
// (by the client's type as of the date) whose after_days it has reached; its own step is
// the last step for the freelancer (stop work) it has reached, listed beside the letter,
// never instead of it. A client gets one message a day: the highest letter step due among
// its invoices, a letter that lists every overdue invoice; each invoice it answers for is
// recorded at that step. An invoice already recorded at its step or a later one (the
// outbox of store.h) is not dunned again; when it reaches the next letter, that one is
// due. So a run that starts late sends the letter that fits, not every letter it missed.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/catalogue.h"
#include "core/money.h"
#include "core/result.h"
#include "core/time.h"
#include "ledger/records.h"
#include "store/store.h"
#include "verdict/assessment.h"

namespace addio {

enum class DunningState {
  kDue,          // to send now (`addio dunning --send`)
  kNoAddress,    // due, but the client has no e-mail address: listed, never skipped silently
  kManual,       // for the freelancer to do: stop work, or a step whose channel is manual
  kSent,         // sent by an earlier run
  kUnconfirmed,  // claimed by an earlier run that could not confirm it went out
};
const char* DunningStateKey(DunningState state);  // "due", "no_address", "manual", ...

struct DunningInvoice {
  std::string id;
  CivilDate due;
  int days_late = 0;  // as_of − due, > 0
  Money open;         // in the invoice's currency
};

struct DunningItem {
  std::string client;
  std::string name;
  std::string archetype;  // the client type whose ladder applies
  std::string ladder;     // where the ladder comes from: the type, "default", "" (addio's)
  std::string address;    // billing_email, else the first of emails; empty: none
  Lang lang = Lang::kEn;  // the letter's: Italian for clients in Italy, else English
  DunningStep step;
  int step_number = 0;  // 1-based, in the ladder
  int steps = 0;        // the ladder's length
  DunningState state = DunningState::kDue;
  std::vector<DunningInvoice> invoices;  // by due date, then id
  // The outbox keys recording this step for each of its invoices
  // ("dunning:<invoice>:<after_days>"); empty for manual steps.
  std::vector<std::string> keys;
  std::string outbox_detail;  // kSent, kUnconfirmed: what the outbox says
};

struct DunningPlan {
  CivilDate as_of;
  std::vector<DunningItem> items;  // by client id, then step
  // The assessment of the portfolio the client types came from, kept so that the letters
  // (report/dunning_report.h DunningLetters) do not assess the portfolio again.
  std::shared_ptr<const Assessment> assessment;
};

// The plan of `ledger` as of `as_of`, given the outbox entries recorded so far (those with
// the "dunning:" prefix; empty for a ledger file). `unknown_lang` is the letters' language
// for clients with no country. Errors: kValidation for an unknown ladder name or invalid
// settings; those of Assess. The letters are composed by report/dunning_report.h.
Result<DunningPlan> PlanDunning(const Ledger& ledger, CivilDate as_of,
                                const std::vector<OutboxEntry>& outbox, Lang unknown_lang);

// The billing address of `client`: billing_email, else the first of emails, else "".
std::string BillingAddress(const Client& client);

// The outbox key prefix of dunning steps.
inline constexpr char kDunningOutboxPrefix[] = "dunning:";

}  // namespace addio

// What the dunning ladders ask for (act/dunning.h) as a person reads it (sections: due
// today, without an address, for you to do, unconfirmed, already sent) and as programs read
// it (JSON, with each due letter's subject and text), in English or Italian; and the
// letter of a due step.
#pragma once

#include <string>
#include <vector>

#include "act/dunning.h"
#include "core/catalogue.h"
#include "core/result.h"
#include "ledger/records.h"
#include "report/letters.h"
#include "store/store.h"

namespace addio {

// The letters of a plan's items: the reminder or the formal notice of report/letters.h for
// the item's client, in item.lang, dated plan.as_of, all composed from the plan's one
// assessment of the portfolio. `ledger` and `plan` must outlive it.
class DunningLetters {
 public:
  DunningLetters(const Ledger& ledger, const DunningPlan& plan);
  // REQUIRES: item is one of the plan's, its step a reminder or a formal notice. Errors:
  // those of ComposeClientLetter; kNotFound for a client the plan did not assess.
  Result<Letter> For(const DunningItem& item) const;

 private:
  const Ledger& ledger_;
  const DunningPlan& plan_;
  std::vector<ClientLedger> clients_;  // by client id
};

// Why the item's step is due, in `lang`: how late, which ladder, at how many days.
Message DunningWhy(const DunningItem& item);

// The plan of `ledger` by section, each item with its invoices, its rule, where it goes
// and the subject of its letter. Errors: those of DunningLetters::For.
Result<std::string> RenderDunningTable(const Ledger& ledger, const DunningPlan& plan, Lang lang);

// {"as_of", "items": [{"client", "name", "archetype", "ladder", "address", "lang",
//  "state", "step": {"number", "of", "after_days", "action", "channel"}, "why",
//  "invoices": [{"id", "due", "days_late", "open", "currency"}], "keys", "outbox",
//  "letter": {"subject", "text"} or null}]}. Letters are composed for due items and those
// without an address. Errors: those of DunningLetters::For.
Result<std::string> RenderDunningJson(const Ledger& ledger, const DunningPlan& plan, Lang lang,
                                      bool pretty);

// The dunning steps the outbox holds for `invoices` (a client's), one line per message:
// the day it was claimed in `zone`, the step, the invoices, whether it is known to be sent
// and to whom. Empty when there are none.
std::string RenderDunningHistory(const std::vector<OutboxEntry>& outbox,
                                 const std::vector<std::string>& invoices, const TimeZone& zone,
                                 Lang lang);

}  // namespace addio

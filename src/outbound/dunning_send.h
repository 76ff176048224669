// `addio dunning --send`: each due step of the plan (act/dunning.h) sent once by e-mail
// through the workspace's mail server, and recorded.
//
// For each due item, in order:
//   1. its outbox keys are claimed and the claim committed (store.h ClaimOutbox). A key
//      already there means an earlier or concurrent run took the step: nothing is sent;
//   2. the letter is sent (plain text and HTML, in the client's language);
//   3. delivered: the keys are settled, then an outbound `email` contact of the client is
//      imported; certainly not sent (no server, login refused): the keys are released, so
//      that the next run tries again; uncertain (the connection broke after the message
//      was handed over): the keys stay claimed.
// A process killed between 1 and 3 leaves the keys claimed, so the step is never sent
// again by itself: at most once, never twice. A message sent twice to a client who owes
// money reads as harassment and cannot be taken back; one left unconfirmed is listed by
// `addio dunning` for the freelancer to check, and `addio dunning --release KEY` lets it
// be sent again.
#pragma once

#include <string>
#include <vector>

#include "act/dunning.h"
#include "core/result.h"
#include "core/time.h"
#include "outbound/delivery.h"
#include "report/letters.h"
#include "store/store.h"

namespace addio {

struct DunningSent {
  std::string client;
  std::string name;
  std::string address;
  DunningStep step;
  std::vector<std::string> invoices;
  bool claimed = false;  // false: an earlier or concurrent run had taken it; nothing sent
  Delivery delivery = Delivery::kNotSent;
  std::string detail;   // the server's or the network's words on a failure
  std::string contact;  // the id of the contact recorded when delivered
};

// Sends the kDue items of `plan`, made from `ledger` (the records of `store`) as of
// plan.as_of, at `now`. Errors, before anything is claimed: kInvalidArgument when the
// workspace has no mail server or its password cannot be read; those of DunningLetters;
// kStore when the database refuses.
Result<std::vector<DunningSent>> SendDunning(Store& store, const Ledger& ledger,
                                             const DunningPlan& plan, Instant now);

// The id of the contact recording a dunning message: "dunning-<client>-<as_of>-<days>".
std::string DunningContactId(const std::string& client, CivilDate as_of, int after_days);

}  // namespace addio

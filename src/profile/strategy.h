// How to deal with each type of client (DESIGN.md section 6): for every archetype the
// verdict layer assigns (verdict/assessment.h, ClassifyArchetype), a communication
// strategy — channel, cadence, tone, what to put in writing, what to say no to — and the
// terms to propose; the words are catalogue entries (profile.json). `explain`, `screen`,
// the letters and the API read them from here; nothing in this file depends on a client's
// records.
#pragma once

#include <vector>

#include "core/catalogue.h"
#include "signals/finding.h"
#include "verdict/assessment.h"

namespace addio {

// The terms to propose to a client of one type. Currency-free on purpose: the minimum
// fee is a number of hours, priced at the freelancer's own rate where one is known.
struct Terms {
  int deposit_percent = 0;      // of each job's fee, paid before work starts (100: prepaid)
  int payment_terms_days = 30;  // from the invoice date (0: on receipt)
  int rush_fee_percent = 0;     // surcharge on work wanted within 24 hours
  int revision_limit = 0;       // rounds of revisions included in the price
  int minimum_fee_hours = 0;    // the smallest job billed, in hours at your rate
  friend bool operator==(const Terms&, const Terms&) = default;
};

// The strictest of two sets of terms, field by field: the larger deposit, rush fee and
// minimum fee, the shorter payment terms and the fewer revisions.
Terms StricterTerms(const Terms& a, const Terms& b);

struct Strategy {
  Archetype archetype = kNewcomer;
  // The words are catalogue entries profile.strategy.<type>.<field>.
  Message summary;                  // two or three sentences: who this client is and the approach
  Message channel;                  // how to communicate
  Message cadence;                  // how often, and when
  Message tone;                     // how it should sound
  std::vector<Message> in_writing;  // what to put in writing, most important first
  std::vector<Message> say_no_to;   // what to refuse
  Terms terms;
  // For a prospect screened as this type (`addio screen`): how to take on the first job.
  Message prospect;
};

// The strategy of `archetype`; a type with no strategy of its own gets the newcomer's.
// The reference lives as long as the program.
const Strategy& StrategyFor(Archetype archetype);

// Every written strategy: partner, newcomer, then the types the signs name.
const std::vector<Strategy>& AllStrategies();

// The archetype a sign stands for when it dominates (DESIGN.md section 6): the type its
// definition names (SignDefinition::archetype).
Archetype ArchetypeOfSign(const SignDefinition* sign);

// The terms for a client whose signs stand at `levels` (registry order): the terms of
// the archetype ClassifyArchetype gives, made stricter by the terms of the archetype of
// every amber or red sign, so that a client who is mostly a slow payer but also creeps
// the scope gets both the deposit and the revision limit.
Terms TermsFor(const Levels& levels);

}  // namespace addio

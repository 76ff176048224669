// The portfolio assessment as a stream (issue 10): clients are assessed one at a time on
// every core and handed over in client id order as soon as each is ready, then dropped.
// From the store nothing is held but the clients in flight and the portfolio statistics
// (one small entry per client), so memory does not grow with the size of the ledger; the
// output (report/assessment_writer.h) is written as it comes.
//
// The result is the same as Assess's: the same clients in the same order, each with the
// same findings, economics and actions, byte for byte once rendered.
#pragma once

#include <string>
#include <vector>

#include "core/result.h"
#include "core/time.h"
#include "ledger/records.h"
#include "signals/signals.h"
#include "verdict/assessment.h"

namespace addio {

class Store;

// Receives an assessment client by client. Begin, Write and End are called on the thread
// that runs the assessment, in that order; Prepare on the worker threads.
class AssessmentSink {
 public:
  virtual ~AssessmentSink() = default;

  // Once, before any client: the date, window, currency, workspace name, target rate and
  // settings of the assessment (`header.clients` is not read: it may be empty).
  virtual void Begin(const Assessment& header) = 0;

  // Once per client, on the worker that assessed it, right after: what can be made of it
  // in parallel (its rendered text, say); handed to Write with it. Called concurrently
  // for different clients, never concurrently with Begin, Write or End.
  virtual std::string Prepare(const ClientAssessment& client) const = 0;

  // Once per client, in client id order, with what Prepare returned for it. The client
  // is dropped afterwards.
  virtual void Write(const ClientAssessment& client, std::string prepared) = 0;

  // Once, after the last client (not after an error).
  virtual void End() = 0;
};

// Assesses every client of `store` as of `as_of` into `sink`, as Assess over the whole
// stored ledger would. The portfolio statistics come first, from StoredPortfolio (the
// entries the store keeps for `as_of`; when most are missing, one streaming pass measures
// and keeps them all); then the clients are read one at a time (Store::ForEachClient) on
// one thread, assessed and prepared on every core, and written in order. `workspace` is
// the stored one. Errors: kValidation for invalid workspace settings or time zone (before
// Begin: nothing was written); those of the store (the sink may then have received some
// clients, and End is not called).
Status AssessStore(Store& store, const Workspace& workspace, CivilDate as_of, AssessmentSink& sink);

// The same for a ledger in memory: what Assess(ledger, as_of) gives, client by client.
// Takes the ledger, whose records it groups by client where they lie and moves out client
// by client (ClientGroups: no second copy of them). Errors: as Assess (before Begin).
Status AssessLedger(Ledger ledger, CivilDate as_of, AssessmentSink& sink);

// Every stored client's entry of the portfolio statistics (MeasureRate) as of
// context.as_of, in client id order, measured in one pass over the store read client by
// client, on every core. Nothing is saved. REQUIRES: `context` is the stored workspace's.
// Errors: those of the store.
Result<std::vector<ClientRate>> MeasureStoredRates(Store& store, const Context& context);

}  // namespace addio

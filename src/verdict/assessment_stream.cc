// The streaming assessment: the portfolio statistics first, then one ordered pipeline
// (ordered_pipeline.h) whose producer lists batches of client ids, whose workers read a
// batch each from the store (a connection each) and assess and prepare its clients, and
// whose consumer, the calling thread, writes them in client id order.
#include "verdict/assessment_stream.h"

#include <utility>

#include "ledger/client_ledger.h"
#include "ledger/snapshot.h"
#include "store/store.h"
#include "verdict/ordered_pipeline.h"
#include "verdict/stored_assessment.h"
#include "verdict/stored_batches.h"

namespace addio {
namespace {

using verdict_internal::ForEachStoredBatch;
using verdict_internal::Push;
using verdict_internal::Run;

// A client's assessment and what the sink prepared of it, on their way to Write.
struct Assessed {
  ClientAssessment client;
  std::string prepared;
};

// Pushes 0, 1, ..., n - 1.
std::function<Status(const Push<size_t>&)> Indexes(size_t n) {
  return [n](const Push<size_t>& push) -> Status {
    for (size_t i = 0; i < n; ++i) {
      if (Status pushed = push(size_t{i}); !pushed) return pushed;
    }
    return {};
  };
}

// Hands every assessed client to the sink in order.
std::function<void(Assessed&&)> WriteTo(AssessmentSink& sink) {
  return
      [&sink](Assessed&& assessed) { sink.Write(assessed.client, std::move(assessed.prepared)); };
}

}  // namespace

Result<std::vector<ClientRate>> MeasureStoredRates(Store& store, const Context& context) {
  std::vector<ClientRate> rates;
  const Status measured = ForEachStoredBatch<ClientRate>(
      store,
      [&context](ClientLedger& client) {
        return MeasureRate(ClientSnapshot(client, *context.workspace, context.as_of), context);
      },
      [&rates](ClientRate&& rate) { rates.push_back(std::move(rate)); });
  if (!measured) return std::unexpected(measured.error());
  return rates;
}

Status AssessStore(Store& store, const Workspace& workspace, CivilDate as_of,
                   AssessmentSink& sink) {
  const Result<RecordTypes> held = store.HeldRecordTypes();
  if (!held) return std::unexpected(held.error());
  Result<Context> context = ResolveContext(workspace, as_of, *held);
  if (!context) return std::unexpected(context.error());
  const Result<std::shared_ptr<const RateRanking>> portfolio = StoredPortfolio(store, *context);
  if (!portfolio) return std::unexpected(portfolio.error());

  sink.Begin(AssessmentOf(workspace, *context));
  const Status assessed = ForEachStoredBatch<Assessed>(
      store,
      [&](ClientLedger& records) {
        const ClientSnapshot snapshot(records, workspace, as_of);
        Assessed out{.client = AssessClient(snapshot, **portfolio, *context)};
        out.prepared = sink.Prepare(out.client);
        return out;
      },
      WriteTo(sink));
  if (!assessed) return assessed;
  sink.End();
  return {};
}

Status AssessLedger(Ledger ledger, CivilDate as_of, AssessmentSink& sink) {
  Result<Context> context = ResolveContext(ledger.workspace, as_of, RecordTypes::HeldBy(ledger));
  if (!context) return std::unexpected(context.error());
  const std::vector<ClientLedger> clients = SplitByClientMoving(ledger);

  // Every snapshot is kept: the portfolio statistics need all of them before the first
  // client can be assessed, and the assessment reuses them.
  std::vector<ClientSnapshot> snapshots;
  snapshots.reserve(clients.size());
  const Status built = Run<size_t, ClientSnapshot>(
      Indexes(clients.size()),
      [&](size_t& i) { return ClientSnapshot(clients[i], ledger.workspace, as_of); },
      [&snapshots](ClientSnapshot&& snapshot) { snapshots.push_back(std::move(snapshot)); });
  if (!built) return built;
  const Portfolio portfolio = BuildPortfolio(snapshots, *context);

  sink.Begin(AssessmentOf(ledger.workspace, *context));
  const Status assessed = Run<size_t, Assessed>(
      Indexes(snapshots.size()),
      [&](size_t& i) {
        Assessed out{.client = AssessClient(snapshots[i], portfolio, *context)};
        out.prepared = sink.Prepare(out.client);
        return out;
      },
      WriteTo(sink));
  if (!assessed) return assessed;
  sink.End();
  return {};
}

}  // namespace addio

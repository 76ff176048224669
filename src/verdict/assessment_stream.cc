// The streaming assessment: the portfolio statistics first, then one ordered pipeline
// (ordered_pipeline.h) whose producer lists batches of client ids, whose workers read a
// batch each from the store (a connection each) and assess and prepare its clients, and
// whose consumer, the calling thread, writes them in client id order.
#include "verdict/assessment_stream.h"

#include <algorithm>
#include <utility>
#include <vector>

#include "ledger/client_ledger.h"
#include "ledger/snapshot.h"
#include "store/store.h"
#include "verdict/ordered_pipeline.h"
#include "verdict/stored_assessment.h"
#include "verdict/stored_batches.h"

namespace addio {
namespace {

using verdict_internal::ForEachStoredBatch;
using verdict_internal::kClientsPerBatch;
using verdict_internal::Push;
using verdict_internal::Run;

// A client's assessment and what the sink prepared of it, on their way to Write.
struct Assessed {
  ClientAssessment client;
  std::string prepared;
};

// Runs `map` on 0, 1, ..., n - 1 on every core and hands the results to `consume` in that
// order. A worker's item is a batch of kClientsPerBatch indexes, so that the pipeline's
// hand-offs (a lock and a wake-up each) are few next to the work.
template <typename Out>
Status ForEachIndex(size_t n, const std::function<Out(size_t)>& map,
                    const std::function<void(Out&&)>& consume) {
  using Range = std::pair<size_t, size_t>;  // [first, second)
  return Run<Range, std::vector<Out>>(
      [n](const Push<Range>& push) -> Status {
        for (size_t begin = 0; begin < n; begin += kClientsPerBatch) {
          const Range range{begin, std::min(n, begin + kClientsPerBatch)};
          if (Status pushed = push(Range{range}); !pushed) return pushed;
        }
        return {};
      },
      [&map](Range& range) {
        std::vector<Out> out;
        out.reserve(range.second - range.first);
        for (size_t i = range.first; i < range.second; ++i) out.push_back(map(i));
        return out;
      },
      [&consume](std::vector<Out>&& batch) {
        for (Out& item : batch) consume(std::move(item));
      });
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
  ClientGroups clients(ledger);

  // The portfolio statistics need every client's rate before the first client can be
  // assessed: a first pass takes each client's records, measures them and puts them back,
  // so that the records are held once, where the reader left them.
  std::vector<ClientRate> rates;
  rates.reserve(clients.size());
  const Status measured = ForEachIndex<ClientRate>(
      clients.size(),
      [&](size_t i) {
        ClientLedger records = clients.Take(i);
        ClientRate rate = MeasureRate(ClientSnapshot(records, ledger.workspace, as_of), *context);
        clients.Return(i, std::move(records));
        return rate;
      },
      [&rates](ClientRate&& rate) { rates.push_back(std::move(rate)); });
  if (!measured) return measured;
  const Portfolio portfolio = PortfolioOf(std::move(rates));

  sink.Begin(AssessmentOf(ledger.workspace, *context));
  const Status assessed = ForEachIndex<Assessed>(
      clients.size(),
      [&](size_t i) {
        // Nothing reads this client's records again: they are moved out of the ledger and
        // freed here, on every core and as the run goes.
        const ClientLedger records = clients.Take(i);
        const ClientSnapshot snapshot(records, ledger.workspace, as_of);
        Assessed out{.client = AssessClient(snapshot, portfolio, *context)};
        out.prepared = sink.Prepare(out.client);
        return out;
      },
      WriteTo(sink));
  if (!assessed) return assessed;
  sink.End();
  return {};
}

}  // namespace addio

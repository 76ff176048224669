// Internal to verdict/: one pass over every stored client, on every core (the ordered
// pipeline of ordered_pipeline.h over Store::ReadInBatches). The streaming assessment,
// the measuring of the portfolio statistics and the portfolio lines all read the store
// this way.
#pragma once

#include <atomic>
#include <cstddef>
#include <functional>
#include <optional>
#include <utility>
#include <vector>

#include "core/parallel.h"
#include "core/result.h"
#include "store/store.h"
#include "verdict/ordered_pipeline.h"

namespace addio::verdict_internal {

// Clients per batch read from the store: enough that a batch's queries cost little next
// to reading its rows, few enough that the batches in flight stay small.
inline constexpr size_t kClientsPerBatch = 16;
// Items between the producer and the writer, per worker: enough to keep every worker busy
// when clients differ in size, few enough that memory stays flat.
inline constexpr size_t kInFlightPerWorker = 4;

// Runs the ordered pipeline with the usual number of workers and window.
template <typename In, typename Out>
Status Run(const std::function<Status(const Push<In>&)>& produce,
           const std::function<Out(In&)>& map, const std::function<void(Out&&)>& consume) {
  return RunOrdered<In, Out>(produce, map, consume, Cores(), Cores() * kInFlightPerWorker);
}

// The store's clients, read in batches by the workers: the producer only lists ranges of
// ids; each worker reads its batch on a connection of its own and does `each` with every
// client of it, in order; `consume` gets the results batch by batch, in id order.
template <typename Out>
Status ForEachStoredBatch(Store& store, const std::function<Out(ClientLedger&)>& each,
                          const std::function<void(Out&&)>& consume) {
  auto batches = store.ReadInBatches(Cores());
  if (!batches) return std::unexpected(batches.error());
  ClientBatches& reader = **batches;
  using Batch = Result<std::vector<Out>>;
  std::optional<Error> failure;     // of the first batch not read; later ones are not consumed
  std::atomic<bool> failed{false};  // tells the producer to stop listing batches
  const Status run = Run<ClientRange, Batch>(
      [&reader, &failed](const Push<ClientRange>& push) -> Status {
        while (!failed) {
          auto range = reader.Next(kClientsPerBatch);
          if (!range) return std::unexpected(range.error());
          if (!*range) return {};
          if (Status pushed = push(std::move(**range)); !pushed) return pushed;
        }
        return {};
      },
      [&reader, &each](ClientRange& range) -> Batch {
        auto clients = reader.Read(range);
        if (!clients) return std::unexpected(clients.error());
        std::vector<Out> out;
        out.reserve(clients->size());
        for (ClientLedger& client : *clients) out.push_back(each(client));
        return out;
      },
      [&failure, &failed, &consume](Batch&& batch) {
        if (failure) return;
        if (!batch) {
          failure = batch.error();
          failed = true;
          return;
        }
        for (Out& out : *batch) consume(std::move(out));
      });
  if (failure) return std::unexpected(*failure);
  return run;
}

}  // namespace addio::verdict_internal

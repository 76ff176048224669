// How fast the whole portfolio assessment runs on generated ledgers of 1 000, 10 000 and
// 100 000 clients (about 100 records each): clients and records assessed per second, on
// every core. Each size's ledger is generated once, outside the timed loop.
#include <benchmark/benchmark.h>

#include <map>

#include "gen/generator.h"
#include "verdict/assessment.h"

namespace addio {
namespace {

const Ledger& GeneratedLedger(int clients) {
  static std::map<int, Ledger> cache;
  auto it = cache.find(clients);
  if (it == cache.end()) {
    GeneratorOptions options;
    options.clients = clients;
    options.months = 18;
    options.seed = 42;
    it = cache.emplace(clients, *GenerateLedger(options)).first;
  }
  return it->second;
}

void BM_AssessPortfolio(benchmark::State& state) {
  const Ledger& ledger = GeneratedLedger(static_cast<int>(state.range(0)));
  const CivilDate as_of = DefaultGeneratorEnd();
  for (auto _ : state) {
    auto assessment = Assess(ledger, as_of);
    if (!assessment) state.SkipWithError(assessment.error().message.In("en").c_str());
    benchmark::DoNotOptimize(assessment);
  }
  const double iterations = static_cast<double>(state.iterations());
  state.counters["clients/s"] = benchmark::Counter(
      iterations * static_cast<double>(ledger.clients.size()), benchmark::Counter::kIsRate);
  state.counters["records/s"] = benchmark::Counter(
      iterations * static_cast<double>(ledger.records()), benchmark::Counter::kIsRate);
  state.counters["records"] = static_cast<double>(ledger.records());
}
BENCHMARK(BM_AssessPortfolio)
    ->Arg(1000)
    ->Arg(10000)
    ->Arg(100000)
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime()
    ->MeasureProcessCPUTime();

}  // namespace
}  // namespace addio

BENCHMARK_MAIN();

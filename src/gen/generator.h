// Synthetic ledgers for `addio gen`, benchmarks and tests: a seeded, deterministic
// portfolio of clients of an Italian freelancer, most of them good, some showing one or
// several of the six signs of DESIGN.md section 4 at realistic rates. The generator
// feeds a LedgerSink one client at a time, so memory does not grow with the number of
// clients (100 000 clients and ~10 million records stream through a few kilobytes).
//
// Determinism: the records depend only on GeneratorOptions. Every client draws from its
// own pseudo-random stream seeded from (seed, client index) with a fixed algorithm
// (splitmix64 + xoshiro256**), never from std:: distributions (whose output differs
// between library versions) nor from the clock; the same options give the same records,
// hence the same bytes, on every machine.
//
// Data flow: Generate -> LedgerSink (ledger/format.h) -> a JSON file or a CSV folder,
// which `addio import` or `addio assess --ledger` read like any other ledger.
#pragma once

#include <cstdint>
#include <string>

#include "core/result.h"
#include "core/time.h"
#include "ledger/format.h"
#include "ledger/records.h"

namespace addio {

// The last day of generated history when none is given: fixed, so that a generated
// ledger never depends on the day it was made.
inline CivilDate DefaultGeneratorEnd() { return CivilDate::FromDays(20757); }  // 2026-10-31

struct GeneratorOptions {
  int clients = 50;                       // number of clients, 0..10 000 000
  int months = 18;                        // months of history ending at `end`, 1..240
  uint64_t seed = 1;                      // any value; 0 is as good as any other
  CivilDate end = DefaultGeneratorEnd();  // no record is dated after this day
  std::string currency = "EUR";           // the workspace currency (ISO 4217)
  std::string timezone = "Europe/Rome";   // the workspace time zone (IANA)
};

// Checks the options. Error kInvalidArgument naming the option for a count out of range
// or an unknown currency; kNotFound for an unknown time zone.
Status CheckGeneratorOptions(const GeneratorOptions& options);

// The workspace the generated records belong to: its name carries the seed, target rate
// 60 EUR (converted to the workspace currency), Italian holidays of the generated
// years, Mon-Fri 09:00-13:00 and 14:00-18:00, and FX rates for every foreign currency
// the clients invoice in. Pass it to OpenLedgerSink.
// REQUIRES: CheckGeneratorOptions(options) succeeded (otherwise throws
// std::invalid_argument: calling it with unchecked options is a bug).
Workspace GeneratorWorkspace(const GeneratorOptions& options);

// Generates options.clients clients and hands each one's records to `sink` as one chunk
// (sink.Add), in client order (c000001, c000002, ...). Does not call sink.Finish(): the
// caller does, and reports its error. Errors are those of CheckGeneratorOptions; on
// error nothing has been added.
Status Generate(const GeneratorOptions& options, LedgerSink& sink);

// The records of one client (0-based `index`, id "c" + 6 digits of index + 1), exactly
// as Generate hands them to the sink: its workspace is left default-constructed (sinks
// ignore it; the real one is GeneratorWorkspace). Lets tests and benchmarks look at one
// client without generating the others.
// REQUIRES: CheckGeneratorOptions(options) succeeded and 0 <= index < options.clients.
Ledger GenerateClient(const GeneratorOptions& options, int index);

// Every client in one Ledger, for tests and small portfolios (memory grows with
// options.clients). Errors are those of CheckGeneratorOptions.
Result<Ledger> GenerateLedger(const GeneratorOptions& options);

}  // namespace addio

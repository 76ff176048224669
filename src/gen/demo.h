// The demo ledger behind `addio demo` and examples/demo.json: eighteen months (June 2025
// to November 2026) of Studio Bianchi, an Italian freelance web developer and designer,
// and fifteen clients a freelancer will recognise, each a small story written by hand:
// the long-term agency partner, the startup that calls at ten at night, the company that
// never signs, the client who pays 45 days late every time, the one who stopped paying,
// and so on. Assessed as of DemoAsOf(), the portfolio covers every verdict of DESIGN.md
// section 5 (keep, watch, renegotiate, part_ways, insufficient_data).
//
// examples/demo.json is LedgerToJson(DemoLedger()), kept identical by a test.
#pragma once

#include "core/time.h"
#include "ledger/records.h"

namespace addio {

// The day the demo is meant to be assessed at (`addio assess --as-of 2026-11-30`).
inline CivilDate DemoAsOf() { return CivilDate::FromDays(20787); }  // 2026-11-30

// The demo ledger, built in code. Deterministic; validates without errors.
Ledger DemoLedger();

}  // namespace addio

// The fifteen clients of the demo ledger, one function each, split by how the story
// ends as of 2026-11-30: the clients worth keeping or watching and the newcomer
// (demo_good.cc), the ones to renegotiate with (demo_renegotiate.cc) and the ones to
// part ways with (demo_part_ways.cc). Each adds its client's records to the builder.
// Internal to the demo.
#pragma once

#include "gen/demo_builder.h"

namespace addio::gen {

// keep
void AddLumen(DemoBuilder& b);
void AddBrightwave(DemoBuilder& b);
void AddHarperFinch(DemoBuilder& b);
void AddFontana(DemoBuilder& b);
// watch
void AddHofmann(DemoBuilder& b);
void AddAurora(DemoBuilder& b);
void AddKeller(DemoBuilder& b);
// insufficient_data
void AddBottegaVerde(DemoBuilder& b);

// renegotiate
void AddFulmine(DemoBuilder& b);
void AddMarchetti(DemoBuilder& b);
void AddColombo(DemoBuilder& b);
void AddMoretti(DemoBuilder& b);
void AddRizzo(DemoBuilder& b);
// part_ways
void AddFerri(DemoBuilder& b);
void AddGallo(DemoBuilder& b);

}  // namespace addio::gen

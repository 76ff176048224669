#include "gen/demo.h"

#include "gen/demo_builder.h"
#include "gen/demo_stories.h"
#include "gen/holidays.h"

namespace addio {
namespace {

// Giulia Bianchi, a freelance web developer and designer in Bologna: the default working
// week, Italian public holidays, a target of 60 euros an hour, and the exchange rates
// her bank applied to the foreign clients' payments.
Workspace StudioBianchi() {
  Workspace workspace;
  workspace.name = "Studio Bianchi";
  workspace.currency = *Currency::Find("EUR");
  workspace.timezone = "Europe/Rome";
  for (int year : {2025, 2026}) {
    for (CivilDate day : gen::ItalianHolidays(year)) workspace.holidays.push_back(day);
  }
  workspace.target_hourly_rate = gen::DemoBuilder::In("EUR", "60.00");
  for (const auto& [code, rate] : {std::pair{"USD", "0.92"}, {"GBP", "1.17"}, {"CHF", "1.05"}}) {
    workspace.fx.push_back({*Currency::Find(code), *Decimal::Parse(rate)});
  }
  workspace.owner_emails = {"giulia@studiobianchi.it", "amministrazione@studiobianchi.it"};
  return workspace;
}

}  // namespace

Ledger DemoLedger() {
  using gen::Day;
  // The studio closes for two weeks in August and over Christmas.
  gen::DemoBuilder builder(StudioBianchi(),
                           {{Day("2025-08-11"), Day("2025-08-22")},
                            {Day("2025-12-24"), Day("2026-01-06")},
                            {Day("2026-08-10"), Day("2026-08-21")}},
                           DemoAsOf());
  gen::AddLumen(builder);
  gen::AddFulmine(builder);
  gen::AddFerri(builder);
  gen::AddMarchetti(builder);
  gen::AddColombo(builder);
  gen::AddGallo(builder);
  gen::AddMoretti(builder);
  gen::AddBottegaVerde(builder);
  gen::AddBrightwave(builder);
  gen::AddHofmann(builder);
  gen::AddAurora(builder);
  gen::AddHarperFinch(builder);
  gen::AddKeller(builder);
  gen::AddFontana(builder);
  gen::AddRizzo(builder);
  return builder.Build();
}

}  // namespace addio

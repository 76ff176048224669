// One generated client: the model behind `addio gen`. A client gets an identity, a
// relationship span inside the generated months, a rate, habits drawn once (will it sign,
// ask for extras, call at night, pay late, stop paying, refuse a raise?) and then the
// records those habits produce: contracts, projects, requests, work, contacts, invoices,
// payments and rate changes. generator.cc drives it client by client.
#pragma once

#include <cstdint>
#include <vector>

#include "core/money.h"
#include "core/time.h"
#include "ledger/records.h"

namespace addio::gen {

// A currency the generator invoices in, with its value in ten-thousandths of a euro
// (approximate 2026 rates; they only need to be plausible and fixed).
struct CurrencyValue {
  const char* code;
  int64_t eur_per_unit_e4;
};
inline constexpr CurrencyValue kCurrencyValues[] = {
    {"EUR", 10000}, {"USD", 9200}, {"GBP", 11700}, {"CHF", 10500}};

// What every client of one run shares, computed once.
struct GenContext {
  uint64_t seed = 1;
  TimeZone zone = TimeZone::Utc();
  Currency currency;                  // the workspace currency
  int64_t currency_value_e4 = 10000;  // its kCurrencyValues entry
  CivilDate first_day;                // first day of generated history
  CivilDate last_day;                 // last day; nothing is dated after it
  std::vector<CivilDate> holidays;    // sorted
};

// The records of client `index` (0-based), ids prefixed "c" + 6 digits of index + 1.
// Deterministic in (context, index). The returned Ledger's workspace is default.
Ledger SyntheticClient(const GenContext& context, int index);

}  // namespace addio::gen

#include "gen/generator.h"

#include <stdexcept>
#include <string_view>

#include "gen/holidays.h"
#include "gen/synthetic_client.h"

namespace addio {
namespace {

constexpr int kMaxClients = 10'000'000;
constexpr int kMaxMonths = 240;

const gen::CurrencyValue* FindValue(std::string_view code) {
  for (const auto& value : gen::kCurrencyValues) {
    if (code == value.code) return &value;
  }
  return nullptr;
}

gen::GenContext MakeContext(const GeneratorOptions& options) {
  if (!CheckGeneratorOptions(options)) {
    throw std::invalid_argument("generator options were not checked");
  }
  gen::GenContext context;
  context.seed = options.seed;
  context.zone = *TimeZone::Find(options.timezone);
  context.currency = *Currency::Find(options.currency);
  context.currency_value_e4 = FindValue(context.currency.code())->eur_per_unit_e4;
  context.last_day = options.end;
  context.first_day = options.end.AddMonths(-options.months).AddDays(1);
  for (int year = context.first_day.year(); year <= context.last_day.year(); ++year) {
    for (CivilDate day : gen::ItalianHolidays(year)) context.holidays.push_back(day);
  }
  return context;
}

}  // namespace

Status CheckGeneratorOptions(const GeneratorOptions& options) {
  if (options.clients < 0 || options.clients > kMaxClients) {
    return Fail(ErrorCode::kInvalidArgument,
                Msg("gen.between", "clients", 0, kMaxClients, options.clients));
  }
  if (options.months < 1 || options.months > kMaxMonths) {
    return Fail(ErrorCode::kInvalidArgument,
                Msg("gen.between", "months", 1, kMaxMonths, options.months));
  }
  if (options.end.year() < 1990 || options.end.year() > 2200) {
    return Fail(ErrorCode::kInvalidArgument,
                Msg("gen.end_year", 1990, 2200, options.end.ToString()));
  }
  auto currency = Currency::Find(options.currency);
  if (!currency || FindValue(currency->code()) == nullptr) {
    return Fail(ErrorCode::kInvalidArgument,
                Msg("gen.currency", "EUR, USD, GBP, CHF", options.currency));
  }
  if (auto zone = TimeZone::Find(options.timezone); !zone) return std::unexpected(zone.error());
  return {};
}

Workspace GeneratorWorkspace(const GeneratorOptions& options) {
  const gen::GenContext context = MakeContext(options);
  Workspace workspace;
  workspace.name = "Synthetic portfolio, seed " + std::to_string(options.seed);
  workspace.currency = context.currency;
  workspace.timezone = options.timezone;
  workspace.holidays = context.holidays;
  // 60 euros an hour, in whole units of the workspace currency.
  const int64_t target_units =
      (60 * 10000 + context.currency_value_e4 / 2) / context.currency_value_e4;
  workspace.target_hourly_rate =
      Money(target_units * context.currency.minor_per_unit(), context.currency);
  for (const auto& value : gen::kCurrencyValues) {
    if (context.currency.code() == value.code) continue;
    // Workspace-currency units for one unit of `value`, to four decimals.
    const int64_t per_unit_e4 =
        (value.eur_per_unit_e4 * 10000 + context.currency_value_e4 / 2) / context.currency_value_e4;
    workspace.fx.push_back({*Currency::Find(value.code), Decimal{per_unit_e4, 4}});
  }
  workspace.owner_emails = {"studio@example.com"};
  return workspace;
}

Status Generate(const GeneratorOptions& options, LedgerSink& sink) {
  if (auto checked = CheckGeneratorOptions(options); !checked) return checked;
  const gen::GenContext context = MakeContext(options);
  for (int index = 0; index < options.clients; ++index) {
    sink.Add(gen::SyntheticClient(context, index));
  }
  return {};
}

Ledger GenerateClient(const GeneratorOptions& options, int index) {
  if (index < 0 || index >= options.clients) {
    throw std::invalid_argument("client index out of range");
  }
  return gen::SyntheticClient(MakeContext(options), index);
}

Result<Ledger> GenerateLedger(const GeneratorOptions& options) {
  if (auto checked = CheckGeneratorOptions(options); !checked) {
    return std::unexpected(checked.error());
  }
  const gen::GenContext context = MakeContext(options);
  Ledger ledger;
  ledger.workspace = GeneratorWorkspace(options);
  for (int index = 0; index < options.clients; ++index) {
    Ledger chunk = gen::SyntheticClient(context, index);
    auto move_all = [](auto& into, auto& from) {
      into.insert(into.end(), std::make_move_iterator(from.begin()),
                  std::make_move_iterator(from.end()));
    };
    move_all(ledger.clients, chunk.clients);
    move_all(ledger.contracts, chunk.contracts);
    move_all(ledger.projects, chunk.projects);
    move_all(ledger.requests, chunk.requests);
    move_all(ledger.work, chunk.work);
    move_all(ledger.contacts, chunk.contacts);
    move_all(ledger.invoices, chunk.invoices);
    move_all(ledger.payments, chunk.payments);
    move_all(ledger.rate_changes, chunk.rate_changes);
  }
  return ledger;
}

}  // namespace addio

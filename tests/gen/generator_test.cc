#include "gen/generator.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include "gen/demo.h"
#include "gen/holidays.h"
#include "gen/names.h"
#include "gen/random.h"
#include "ledger/allocation.h"
#include "ledger/format.h"
#include "ledger/validate.h"

namespace addio {
namespace {

// Keeps every chunk it is given, and checks that each holds exactly one client.
class CollectingSink : public LedgerSink {
 public:
  void Add(const Ledger& chunk) override {
    ++chunks;
    if (chunk.clients.size() != 1) {
      ++bad_chunks;
    } else {
      const std::string& id = chunk.clients[0].id;
      auto foreign = [&id](const auto& records) {
        return std::any_of(records.begin(), records.end(),
                           [&id](const auto& r) { return r.client != id; });
      };
      if (foreign(chunk.contracts) || foreign(chunk.projects) || foreign(chunk.requests) ||
          foreign(chunk.work) || foreign(chunk.contacts) || foreign(chunk.invoices) ||
          foreign(chunk.payments) || foreign(chunk.rate_changes)) {
        ++bad_chunks;
      }
    }
    auto append = [](auto& into, const auto& from) {
      into.insert(into.end(), from.begin(), from.end());
    };
    append(ledger.clients, chunk.clients);
    append(ledger.contracts, chunk.contracts);
    append(ledger.projects, chunk.projects);
    append(ledger.requests, chunk.requests);
    append(ledger.work, chunk.work);
    append(ledger.contacts, chunk.contacts);
    append(ledger.invoices, chunk.invoices);
    append(ledger.payments, chunk.payments);
    append(ledger.rate_changes, chunk.rate_changes);
  }
  Status Finish() override { return {}; }

  Ledger ledger;
  int chunks = 0;
  int bad_chunks = 0;
};

GeneratorOptions Options(int clients, uint64_t seed = 1) {
  GeneratorOptions options;
  options.clients = clients;
  options.seed = seed;
  return options;
}

Ledger Generated(int clients, uint64_t seed = 1) {
  auto ledger = GenerateLedger(Options(clients, seed));
  EXPECT_TRUE(ledger.has_value());
  return ledger ? *ledger : Ledger{};
}

// A portfolio of 200 clients, generated once for the behaviour tests.
const Ledger& Portfolio200() {
  static const Ledger ledger = Generated(200, 7);
  return ledger;
}

std::string SourceDir() {
  if (const char* env = std::getenv("ADDIO_SOURCE_DIR"); env != nullptr && *env != '\0') {
    return env;
  }
  return ADDIO_SOURCE_DIR;
}

TEST(SplitMix64, MatchesTheReferenceSequence) {
  uint64_t state = 0;
  EXPECT_EQ(gen::SplitMix64(state), 0xe220a8397b1dcdafull);
  EXPECT_EQ(gen::SplitMix64(state), 0x6e789e6aa1b965f4ull);
}

TEST(Rng, StreamsOfOneSeedDiffer) {
  gen::Rng a(1, 0), b(1, 1), a_again(1, 0);
  const uint64_t first = a.Next();
  EXPECT_NE(first, b.Next());
  EXPECT_EQ(first, a_again.Next());
}

TEST(Generator, SameOptionsGiveIdenticalBytes) {
  const std::string first = LedgerToJson(Generated(40));
  const std::string second = LedgerToJson(Generated(40));
  EXPECT_GT(first.size(), 10000u);
  EXPECT_EQ(first, second);
}

TEST(Generator, DifferentSeedsGiveDifferentLedgers) {
  EXPECT_NE(LedgerToJson(Generated(20, 1)), LedgerToJson(Generated(20, 2)));
}

TEST(Generator, ClientsDoNotDependOnHowManyAreGenerated) {
  // Client 5 of a portfolio of 10 is client 5 of a portfolio of 1000: each client has
  // its own random stream, which is what lets the generator stream.
  const Ledger small = GenerateClient(Options(10), 5);
  const Ledger large = GenerateClient(Options(1000), 5);
  EXPECT_EQ(small, large);
  EXPECT_EQ(small.clients.at(0).id, "c000006");
}

TEST(Generator, StreamsOneChunkPerClientMatchingTheCollectedLedger) {
  CollectingSink sink;
  ASSERT_TRUE(Generate(Options(25), sink).has_value());
  EXPECT_EQ(sink.chunks, 25);
  EXPECT_EQ(sink.bad_chunks, 0);
  Ledger collected = Generated(25);
  sink.ledger.workspace = collected.workspace;
  EXPECT_EQ(sink.ledger, collected);
}

TEST(Generator, GeneratedPortfolioValidates) {
  Diagnostics diagnostics;
  Validate(Portfolio200(), {}, diagnostics);
  EXPECT_EQ(diagnostics.ErrorCount(), 0u) << diagnostics.ToString().substr(0, 2000);
}

TEST(Generator, ValidatesInAnotherCurrencyToo) {
  GeneratorOptions options = Options(60, 3);
  options.currency = "USD";
  auto ledger = GenerateLedger(options);
  ASSERT_TRUE(ledger.has_value());
  Diagnostics diagnostics;
  Validate(*ledger, {}, diagnostics);
  EXPECT_EQ(diagnostics.ErrorCount(), 0u) << diagnostics.ToString().substr(0, 2000);
}

TEST(Generator, AboutAHundredRecordsPerClient) {
  const Ledger& l = Portfolio200();
  const size_t records = l.records();
  EXPECT_EQ(l.clients.size(), 200u);
  EXPECT_GT(records, 200u * 60);
  EXPECT_LT(records, 200u * 160);
}

TEST(Generator, IdsAreReadable) {
  const Ledger l = GenerateClient(Options(200), 122);
  EXPECT_EQ(l.clients.at(0).id, "c000123");
  ASSERT_FALSE(l.invoices.empty());
  EXPECT_EQ(l.invoices[0].id, "c000123-inv-0001");
  ASSERT_FALSE(l.work.empty());
  EXPECT_EQ(l.work[0].id, "c000123-w-0001");
}

TEST(Generator, NothingIsDatedAfterTheEnd) {
  const Ledger& l = Portfolio200();
  const CivilDate end = DefaultGeneratorEnd();
  const TimeZone zone = *TimeZone::Find("Europe/Rome");
  for (const Invoice& i : l.invoices) EXPECT_LE(i.issued, end) << i.id;
  for (const Payment& p : l.payments) EXPECT_LE(p.date, end) << p.id;
  for (const WorkEntry& w : l.work) EXPECT_LE(zone.ToLocal(w.start).date, end) << w.id;
  for (const Contact& c : l.contacts) EXPECT_LE(zone.ToLocal(c.at).date, end) << c.id;
  for (const Request& r : l.requests) EXPECT_LE(zone.ToLocal(r.at).date, end) << r.id;
}

TEST(Generator, MostWorkHappensInWorkingHoursOnWeekdays) {
  const Ledger& l = Portfolio200();
  const TimeZone zone = *TimeZone::Find("Europe/Rome");
  size_t inside = 0;
  for (const WorkEntry& w : l.work) {
    const LocalDateTime local = zone.ToLocal(w.start);
    const int minute = local.minute_of_day();
    const bool weekday = static_cast<int>(local.date.weekday()) < 5;
    if (weekday && minute >= 9 * 60 && minute + w.minutes <= 18 * 60) ++inside;
  }
  EXPECT_GT(inside, l.work.size() * 85 / 100);
}

// Counts the clients for which `has` holds.
template <typename Pred>
int ClientsWith(const Ledger& ledger, Pred has) {
  std::set<std::string> clients;
  for (const Client& c : ledger.clients) {
    if (has(c.id)) clients.insert(c.id);
  }
  return static_cast<int>(clients.size());
}

// Each of the six signs shows up, as the record shapes that make it, in a share of a
// 200-client portfolio between one in thirty and one in four.
void ExpectRealisticShare(int clients, const char* sign) {
  EXPECT_GE(clients, 200 / 30) << sign;
  EXPECT_LE(clients, 200 / 4) << sign;
}

TEST(GeneratorBehaviour, NoContract) {
  const Ledger& l = Portfolio200();
  std::set<std::string> refused, unanswered, with_contract;
  for (const Contract& c : l.contracts) {
    with_contract.insert(c.client);
    if (c.refused) refused.insert(c.client);
    if (!c.signed_on && !c.refused) unanswered.insert(c.client);
  }
  EXPECT_FALSE(refused.empty());
  EXPECT_FALSE(unanswered.empty());
  const int without = ClientsWith(l, [&](const std::string& id) {
    return !with_contract.contains(id) || refused.contains(id) || unanswered.contains(id);
  });
  ExpectRealisticShare(without, "no_contract");
  EXPECT_LT(with_contract.size(), l.clients.size());  // some have none at all
}

TEST(GeneratorBehaviour, ScopeCreep) {
  const Ledger& l = Portfolio200();
  std::set<std::string> unpaid_extras;
  for (const Request& r : l.requests) {
    if (!r.in_scope && r.change_order != ChangeOrder::kAccepted) unpaid_extras.insert(r.id);
  }
  std::map<std::string, int> unbilled_extra_entries;  // client -> entries
  for (const WorkEntry& w : l.work) {
    if (!w.billable && unpaid_extras.contains(w.request)) ++unbilled_extra_entries[w.client];
  }
  const int creepers = ClientsWith(l, [&](const std::string& id) {
    auto it = unbilled_extra_entries.find(id);
    return it != unbilled_extra_entries.end() && it->second >= 3;
  });
  ExpectRealisticShare(creepers, "scope_creep");
}

TEST(GeneratorBehaviour, TimeDrain) {
  const Ledger& l = Portfolio200();
  const TimeZone zone = *TimeZone::Find("Europe/Rome");
  std::map<std::string, std::pair<int, int>> inbound;  // client -> (after hours, all)
  for (const Contact& c : l.contacts) {
    if (c.direction != Direction::kInbound) continue;
    const LocalDateTime local = zone.ToLocal(c.at);
    const int minute = local.minute_of_day();
    const bool inside = static_cast<int>(local.date.weekday()) < 5 &&
                        ((minute >= 540 && minute < 780) || (minute >= 840 && minute < 1080));
    auto& [after, all] = inbound[c.client];
    after += inside ? 0 : 1;
    ++all;
  }
  std::set<std::string> rushing;
  for (const Request& r : l.requests) {
    if (r.deadline && SecondsBetween(r.at, *r.deadline) < 24 * 3600) rushing.insert(r.client);
  }
  EXPECT_FALSE(rushing.empty());
  const int drainers = ClientsWith(l, [&](const std::string& id) {
    auto it = inbound.find(id);
    return it != inbound.end() && it->second.second >= 10 &&
           it->second.first * 10 >= it->second.second * 4;
  });
  ExpectRealisticShare(drainers, "time_drain");
}

TEST(GeneratorBehaviour, Underpaying) {
  const Ledger& l = Portfolio200();
  const int cheap = ClientsWith(l, [&](const std::string& id) {
    return std::any_of(l.contracts.begin(), l.contracts.end(), [&](const Contract& c) {
      return c.client == id && c.hourly_rate && c.hourly_rate->minor() <= 4500;
    });
  });
  ExpectRealisticShare(cheap, "underpaying");
  EXPECT_TRUE(std::any_of(l.rate_changes.begin(), l.rate_changes.end(),
                          [](const RateChange& r) { return r.outcome == RateOutcome::kRefused; }));
  EXPECT_TRUE(std::any_of(l.rate_changes.begin(), l.rate_changes.end(), [](const RateChange& r) {
    return r.outcome == RateOutcome::kAccepted && r.agreed == r.to;
  }));
}

// The latest date any payment naming each invoice was made, and the total paid.
std::map<std::string, std::pair<CivilDate, int64_t>> PaidByInvoice(const Ledger& l) {
  std::map<std::string, std::pair<CivilDate, int64_t>> paid;
  for (const Payment& p : l.payments) {
    auto& [date, minor] = paid[p.invoice];
    date = std::max(date, p.date);
    minor += p.amount.minor();
  }
  return paid;
}

TEST(GeneratorBehaviour, LatePayment) {
  const Ledger& l = Portfolio200();
  const auto paid = PaidByInvoice(l);
  std::map<std::string, int> late;  // client -> invoices paid more than 30 days late
  for (const Invoice& i : l.invoices) {
    auto it = paid.find(i.id);
    if (it != paid.end() && DaysBetween(i.due, it->second.first) > 30) ++late[i.client];
  }
  const int slow = ClientsWith(l, [&](const std::string& id) {
    auto it = late.find(id);
    return it != late.end() && it->second >= 3;
  });
  ExpectRealisticShare(slow, "late_payment");
}

TEST(GeneratorBehaviour, NonPayment) {
  const Ledger& l = Portfolio200();
  const CivilDate end = DefaultGeneratorEnd();
  std::map<std::string, std::pair<std::vector<Invoice>, std::vector<Payment>>> by_client;
  for (const Invoice& i : l.invoices) by_client[i.client].first.push_back(i);
  for (const Payment& p : l.payments) by_client[p.client].second.push_back(p);
  std::set<std::string> abandoned;  // an invoice 60+ days past due got nothing, or written off
  for (const auto& [client, records] : by_client) {
    const auto& [invoices, payments] = records;
    const AllocationResult allocation = AllocatePayments(invoices, payments, l.workspace, end);
    for (size_t k = 0; k < invoices.size(); ++k) {
      const Invoice& invoice = invoices[k];
      if (invoice.status == InvoiceStatus::kWrittenOff ||
          (invoice.status == InvoiceStatus::kIssued && DaysBetween(invoice.due, end) >= 60 &&
           allocation.settlements[k].paid.is_zero())) {
        abandoned.insert(client);
      }
    }
  }
  ExpectRealisticShare(static_cast<int>(abandoned.size()), "non_payment");
  EXPECT_TRUE(std::any_of(l.invoices.begin(), l.invoices.end(),
                          [](const Invoice& i) { return i.status == InvoiceStatus::kWrittenOff; }));
}

TEST(Generator, InternationalClientsInvoiceInTheirCurrency) {
  const Ledger& l = Portfolio200();
  std::set<std::string> countries, currencies;
  for (const Client& c : l.clients) countries.insert(c.country);
  for (const Invoice& i : l.invoices) currencies.insert(std::string(i.amount.currency().code()));
  for (const char* country : {"IT", "DE", "FR", "US", "GB", "CH"}) {
    EXPECT_TRUE(countries.contains(country)) << country;
  }
  for (const char* currency : {"EUR", "USD", "GBP", "CHF"}) {
    EXPECT_TRUE(currencies.contains(currency)) << currency;
  }
  const auto italians = std::count_if(l.clients.begin(), l.clients.end(),
                                      [](const Client& c) { return c.country == "IT"; });
  EXPECT_GT(italians, 100);
}

TEST(Generator, ItalianClientsCarryAValidPartitaIva) {
  for (const Client& c : Portfolio200().clients) {
    if (c.country != "IT") continue;
    ASSERT_EQ(c.tax_id.size(), 13u) << c.id;
    EXPECT_EQ(gen::ItalianVatNumber(std::string_view(c.tax_id).substr(2, 10)), c.tax_id);
  }
}

TEST(GeneratorOptionsCheck, RejectsWhatCannotBeGenerated) {
  auto bad = [](auto change) {
    GeneratorOptions options;
    change(options);
    return CheckGeneratorOptions(options);
  };
  EXPECT_TRUE(CheckGeneratorOptions(GeneratorOptions{}).has_value());
  EXPECT_EQ(bad([](auto& o) { o.clients = -1; }).error().code, ErrorCode::kInvalidArgument);
  EXPECT_EQ(bad([](auto& o) { o.months = 0; }).error().code, ErrorCode::kInvalidArgument);
  EXPECT_EQ(bad([](auto& o) { o.currency = "XYZ"; }).error().code, ErrorCode::kInvalidArgument);
  EXPECT_EQ(bad([](auto& o) { o.currency = "JPY"; }).error().code, ErrorCode::kInvalidArgument);
  EXPECT_EQ(bad([](auto& o) { o.timezone = "Mars/Olympus"; }).error().code, ErrorCode::kNotFound);
  CollectingSink sink;
  GeneratorOptions options;
  options.months = 0;
  EXPECT_FALSE(Generate(options, sink).has_value());
  EXPECT_EQ(sink.chunks, 0);
}

TEST(GeneratorWorkspaceTest, QuotesEveryForeignCurrencyInTheWorkspaceOne) {
  GeneratorOptions options;
  Workspace eur = GeneratorWorkspace(options);
  EXPECT_EQ(eur.currency.code(), "EUR");
  EXPECT_EQ(eur.target_hourly_rate->ToString(), "60.00");
  ASSERT_EQ(eur.fx.size(), 3u);
  EXPECT_EQ(eur.fx[0].currency.code(), "USD");
  EXPECT_EQ(eur.fx[0].per_unit.ToString(), "0.9200");
  options.currency = "USD";
  Workspace usd = GeneratorWorkspace(options);
  EXPECT_EQ(usd.fx[0].currency.code(), "EUR");
  EXPECT_TRUE(std::none_of(usd.fx.begin(), usd.fx.end(),
                           [](const FxRate& r) { return r.currency.code() == "USD"; }));
  EXPECT_NE(std::find(eur.holidays.begin(), eur.holidays.end(), *CivilDate::Parse("2026-04-06")),
            eur.holidays.end());
}

TEST(Holidays, EasterAndItalianHolidays) {
  EXPECT_EQ(gen::EasterSunday(2024).ToString(), "2024-03-31");
  EXPECT_EQ(gen::EasterSunday(2025).ToString(), "2025-04-20");
  EXPECT_EQ(gen::EasterSunday(2026).ToString(), "2026-04-05");
  const auto days = gen::ItalianHolidays(2026);
  ASSERT_EQ(days.size(), 11u);
  EXPECT_TRUE(std::is_sorted(days.begin(), days.end()));
  EXPECT_NE(std::find(days.begin(), days.end(), *CivilDate::Parse("2026-04-06")), days.end());
  EXPECT_NE(std::find(days.begin(), days.end(), *CivilDate::Parse("2026-06-02")), days.end());
}

TEST(Names, CheckDigitsAndSlugs) {
  EXPECT_EQ(gen::ItalianVatNumber("0048841001"), "IT00488410010");
  EXPECT_EQ(gen::Slug("Müller Bau GmbH"), "mullerbaugmbh");
  EXPECT_EQ(gen::Slug("Caffè L'Aurora"), "caffelaurora");
}

// ---- The demo ledger ----

TEST(Demo, ValidatesAndTellsFifteenStories) {
  const Ledger demo = DemoLedger();
  Diagnostics diagnostics;
  Validate(demo, {}, diagnostics);
  EXPECT_TRUE(diagnostics.empty()) << diagnostics.ToString();
  EXPECT_EQ(demo.clients.size(), 15u);
  EXPECT_EQ(demo.workspace.name, "Studio Bianchi");
  EXPECT_EQ(demo.workspace.target_hourly_rate->ToString(), "60.00");
  EXPECT_FALSE(demo.workspace.owner_emails.empty());
}

TEST(Demo, NothingHappensAfterTheAssessmentDay) {
  const Ledger demo = DemoLedger();
  const TimeZone zone = *TimeZone::Find("Europe/Rome");
  for (const Invoice& i : demo.invoices) EXPECT_LE(i.issued, DemoAsOf()) << i.id;
  for (const Payment& p : demo.payments) EXPECT_LE(p.date, DemoAsOf()) << p.id;
  for (const WorkEntry& w : demo.work) EXPECT_LE(zone.ToLocal(w.start).date, DemoAsOf()) << w.id;
  for (const Contact& c : demo.contacts) EXPECT_LE(zone.ToLocal(c.at).date, DemoAsOf()) << c.id;
}

TEST(Demo, NumbersInvoicesOneSequenceAYear) {
  const Ledger demo = DemoLedger();
  ASSERT_FALSE(demo.invoices.empty());
  EXPECT_EQ(demo.invoices.front().id, "2025-001");
  std::map<int, int> last;
  for (const Invoice& i : demo.invoices) {
    const int year = i.issued.year();
    const int number = std::stoi(i.id.substr(5));
    EXPECT_EQ(i.id.substr(0, 4), std::to_string(year));
    EXPECT_EQ(number, ++last[year]) << i.id;
  }
  for (const Payment& p : demo.payments) {
    EXPECT_TRUE(std::any_of(demo.invoices.begin(), demo.invoices.end(), [&p](const Invoice& i) {
      return i.id == p.invoice;
    })) << p.id;
  }
}

TEST(Demo, JsonReadsBackAsTheSameLedger) {
  const Ledger demo = DemoLedger();
  const ReadResult read = ParseLedgerJson(LedgerToJson(demo), "demo.json");
  EXPECT_FALSE(read.diagnostics.HasErrors()) << read.diagnostics.ToString();
  EXPECT_EQ(read.ledger, demo);
}

// examples/demo.json is LedgerToJson(DemoLedger()), byte for byte. After changing the
// story, run this test with ADDIO_UPDATE_GOLDEN=1 to rewrite the file, and review the diff.
TEST(Demo, ExampleFileMatchesTheCode) {
  const std::string path = SourceDir() + "/examples/demo.json";
  const std::string expected = LedgerToJson(DemoLedger());
  if (const char* update = std::getenv("ADDIO_UPDATE_GOLDEN");
      update && std::string(update) == "1") {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out << expected;
    ASSERT_TRUE(out.good()) << "cannot write " << path;
    GTEST_SKIP() << "rewrote " << path;
  }
  std::ifstream in(path, std::ios::binary);
  ASSERT_TRUE(in.good()) << "missing " << path << "; run with ADDIO_UPDATE_GOLDEN=1";
  std::stringstream actual;
  actual << in.rdbuf();
  EXPECT_TRUE(actual.str() == expected)
      << path << " differs from DemoLedger(); run this test with ADDIO_UPDATE_GOLDEN=1";
}

}  // namespace
}  // namespace addio

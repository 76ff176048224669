#include "ledger/client_ledger.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace addio {
namespace {

CivilDate D(const char* text) { return *CivilDate::Parse(text); }
Instant At(int64_t seconds) { return Instant::FromUnixSeconds(seconds); }

Client AClient(const char* id) { return Client{.id = id, .name = std::string("Client ") + id}; }

Invoice AnInvoice(const char* id, const char* client, const char* issued, const char* due) {
  return Invoice{.id = id, .client = client, .issued = D(issued), .due = D(due)};
}

template <typename T>
std::vector<std::string> Ids(const std::vector<T>& records) {
  std::vector<std::string> ids;
  for (const T& r : records) ids.push_back(r.id);
  return ids;
}

using Ids_ = std::vector<std::string>;

TEST(ClientLedgerTest, OneSnapshotPerClientInIdOrder) {
  Ledger ledger;
  ledger.clients = {AClient("zeta"), AClient("acme"), AClient("beta")};
  ledger.invoices = {AnInvoice("i1", "beta", "2026-01-01", "2026-01-31"),
                     AnInvoice("i2", "acme", "2026-01-01", "2026-01-31")};
  std::vector<ClientLedger> split = SplitByClient(ledger);
  ASSERT_EQ(split.size(), 3u);
  EXPECT_EQ(split[0].client.id, "acme");
  EXPECT_EQ(split[1].client.id, "beta");
  EXPECT_EQ(split[2].client.id, "zeta");
  EXPECT_EQ(Ids(split[0].invoices), Ids_{"i2"});
  EXPECT_EQ(Ids(split[1].invoices), Ids_{"i1"});
  EXPECT_TRUE(split[2].invoices.empty());
}

TEST(ClientLedgerTest, RecordsOfUnknownClientsAreDropped) {
  Ledger ledger;
  ledger.clients = {AClient("acme")};
  ledger.payments = {Payment{.id = "p", .client = "ghost", .date = D("2026-01-01")}};
  ledger.work = {WorkEntry{.id = "w", .client = "ghost"}};
  std::vector<ClientLedger> split = SplitByClient(ledger);
  ASSERT_EQ(split.size(), 1u);
  EXPECT_TRUE(split[0].payments.empty());
  EXPECT_TRUE(split[0].work.empty());
}

TEST(ClientLedgerTest, VectorsAreSortedByTimeThenId) {
  Ledger ledger;
  ledger.clients = {AClient("acme")};
  ledger.invoices = {AnInvoice("c", "acme", "2026-02-01", "2026-03-01"),
                     AnInvoice("b", "acme", "2026-01-01", "2026-02-15"),
                     AnInvoice("a", "acme", "2026-01-01", "2026-02-15"),
                     AnInvoice("d", "acme", "2026-01-01", "2026-02-01")};
  ledger.payments = {Payment{.id = "p2", .client = "acme", .date = D("2026-01-05")},
                     Payment{.id = "p1", .client = "acme", .date = D("2026-01-05")},
                     Payment{.id = "p0", .client = "acme", .date = D("2026-01-09")}};
  ledger.contacts = {Contact{.id = "m1", .client = "acme", .at = At(300)},
                     Contact{.id = "m2", .client = "acme", .at = At(100)}};
  ledger.work = {WorkEntry{.id = "w1", .client = "acme", .start = At(50)},
                 WorkEntry{.id = "w0", .client = "acme", .start = At(60)}};
  ledger.requests = {Request{.id = "r1", .client = "acme", .at = At(9)},
                     Request{.id = "r2", .client = "acme", .at = At(8)}};
  ledger.rate_changes = {RateChange{.id = "x", .client = "acme", .at = D("2026-05-01")},
                         RateChange{.id = "y", .client = "acme", .at = D("2026-04-01")}};
  ledger.projects = {Project{.id = "p-late", .client = "acme", .start = D("2026-03-01")},
                     Project{.id = "p-none", .client = "acme"},
                     Project{.id = "p-early", .client = "acme", .start = D("2026-01-01")}};
  ClientLedger c = SplitByClient(ledger).at(0);
  EXPECT_EQ(Ids(c.invoices), (Ids_{"d", "a", "b", "c"}));
  EXPECT_EQ(Ids(c.payments), (Ids_{"p1", "p2", "p0"}));
  EXPECT_EQ(Ids(c.contacts), (Ids_{"m2", "m1"}));
  EXPECT_EQ(Ids(c.work), (Ids_{"w1", "w0"}));
  EXPECT_EQ(Ids(c.requests), (Ids_{"r2", "r1"}));
  EXPECT_EQ(Ids(c.rate_changes), (Ids_{"y", "x"}));
  EXPECT_EQ(Ids(c.projects), (Ids_{"p-none", "p-early", "p-late"}));
}

TEST(ClientLedgerTest, ContractsSortBySentElseSignedElseStart) {
  Ledger ledger;
  ledger.clients = {AClient("acme")};
  ledger.contracts = {
      Contract{.id = "k-start", .client = "acme", .start = D("2026-02-01")},
      Contract{
          .id = "k-sent", .client = "acme", .sent = D("2026-03-01"), .signed_on = D("2026-01-01")},
      Contract{.id = "k-signed", .client = "acme", .signed_on = D("2026-01-15")},
  };
  ClientLedger c = SplitByClient(ledger).at(0);
  EXPECT_EQ(Ids(c.contracts), (Ids_{"k-signed", "k-start", "k-sent"}));
}

TEST(ClientLedgerTest, ARepeatedClientIdKeepsItsFirstRecord) {
  Ledger ledger;
  ledger.clients = {AClient("acme"), Client{.id = "acme", .name = "Second"}};
  const std::vector<ClientLedger> split = SplitByClient(ledger);
  ASSERT_EQ(split.size(), 1u);
  EXPECT_EQ(split[0].client.name, "Client acme");
}

// Two clients whose records are interleaved and out of order, and one of a client that
// does not exist.
Ledger Interleaved() {
  Ledger ledger;
  ledger.clients = {AClient("beta"), AClient("acme")};
  ledger.payments = {Payment{.id = "b2", .client = "beta", .date = D("2026-02-01")},
                     Payment{.id = "a2", .client = "acme", .date = D("2026-03-01")},
                     Payment{.id = "g1", .client = "ghost", .date = D("2026-01-01")},
                     Payment{.id = "b1", .client = "beta", .date = D("2026-01-01")},
                     Payment{.id = "a1", .client = "acme", .date = D("2026-01-01")}};
  ledger.work = {WorkEntry{.id = "wb",
                           .client = "beta",
                           .start = At(5),
                           .note = "a note longer than a short string"},
                 WorkEntry{.id = "wa2", .client = "acme", .start = At(9)},
                 WorkEntry{.id = "wa1", .client = "acme", .start = At(1)}};
  return ledger;
}

TEST(ClientGroupsTest, CopyAndTakeGiveWhatSplitByClientGives) {
  Ledger ledger = Interleaved();
  const std::vector<ClientLedger> split = SplitByClient(ledger);
  ClientGroups groups(ledger);
  ASSERT_EQ(groups.size(), 2u);
  for (size_t i = 0; i < groups.size(); ++i) EXPECT_EQ(groups.Copy(i), split[i]);
  for (size_t i = 0; i < groups.size(); ++i) EXPECT_EQ(groups.Take(i), split[i]);
  EXPECT_EQ(Ids(split[0].payments), (Ids_{"a1", "a2"}));
  EXPECT_EQ(Ids(split[1].work), (Ids_{"wb"}));
}

TEST(ClientGroupsTest, ReturnPutsTheRecordsBackSortedInTheirClientsPlaces) {
  Ledger ledger = Interleaved();
  const std::vector<ClientLedger> split = SplitByClient(ledger);
  ClientGroups groups(ledger);
  for (size_t i = 0; i < groups.size(); ++i) groups.Return(i, groups.Take(i));
  // Each client's places now hold its records in time order; the ghost's stays put.
  EXPECT_EQ(Ids(ledger.payments), (Ids_{"b1", "a1", "g1", "b2", "a2"}));
  EXPECT_EQ(Ids(ledger.work), (Ids_{"wb", "wa1", "wa2"}));
  EXPECT_EQ(ledger.work[0].note, "a note longer than a short string");
  EXPECT_EQ(ledger.clients[0].id, "beta");
  for (size_t i = 0; i < groups.size(); ++i) EXPECT_EQ(groups.Take(i), split[i]);
}

}  // namespace
}  // namespace addio

// Store::ReadInBatches and ForEachClient: every client once, in id order, with exactly the
// records LoadClient gives it; batches read on several threads at once, also while another
// connection holds the write lock; an error of the visitor stops the reading and comes back.
#include <gtest/gtest.h>
#include <unistd.h>

#include <SQLiteCpp/SQLiteCpp.h>

#include <filesystem>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "gen/demo.h"
#include "gen/generator.h"
#include "store/store.h"

namespace addio {
namespace {

namespace fs = std::filesystem;

void ExpectSameRecords(const ClientLedger& a, const ClientLedger& b) {
  EXPECT_EQ(a.client, b.client);
  EXPECT_EQ(a.contracts, b.contracts);
  EXPECT_EQ(a.projects, b.projects);
  EXPECT_EQ(a.requests, b.requests);
  EXPECT_EQ(a.work, b.work);
  EXPECT_EQ(a.contacts, b.contacts);
  EXPECT_EQ(a.invoices, b.invoices);
  EXPECT_EQ(a.payments, b.payments);
  EXPECT_EQ(a.rate_changes, b.rate_changes);
}

class ClientStreamTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("addio_client_stream_" + std::to_string(getpid()) + "_" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    auto store = OpenStore((dir_ / "addio.db").string(), OpenMode::kCreateIfMissing);
    ASSERT_TRUE(store) << store.error().message.In(Lang::kEn);
    store_ = std::move(*store);
  }
  void TearDown() override {
    store_.reset();
    fs::remove_all(dir_);
  }

  void Import(const Ledger& records) {
    auto report = store_->Import(records, LedgerSource{}, false);
    ASSERT_TRUE(report);
    ASSERT_TRUE(report->ok()) << report->diagnostics.ToString();
  }

  std::vector<ClientLedger> Streamed() {
    std::vector<ClientLedger> clients;
    const Status read = store_->ForEachClient([&clients](ClientLedger&& client) -> Status {
      clients.push_back(std::move(client));
      return {};
    });
    EXPECT_TRUE(read) << read.error().message.In(Lang::kEn);
    return clients;
  }

  void ExpectEveryClientAsLoadClientGivesIt() {
    const std::vector<ClientLedger> streamed = Streamed();
    const std::vector<Client> clients = *store_->Clients();
    ASSERT_EQ(streamed.size(), clients.size());
    size_t records = 0;
    for (size_t i = 0; i < clients.size(); ++i) {
      EXPECT_EQ(streamed[i].client.id, clients[i].id);
      auto loaded = store_->LoadClient(clients[i].id);
      ASSERT_TRUE(loaded && *loaded);
      ExpectSameRecords(streamed[i], **loaded);
      records += streamed[i].work.size() + streamed[i].invoices.size();
    }
    EXPECT_GT(records, 0u);
  }

  fs::path dir_;
  std::unique_ptr<Store> store_;
};

TEST_F(ClientStreamTest, TheDemoComesClientByClientAsLoadClientGivesIt) {
  Import(DemoLedger());
  ExpectEveryClientAsLoadClientGivesIt();
}

TEST_F(ClientStreamTest, AGeneratedLedgerComesClientByClientAsLoadClientGivesIt) {
  GeneratorOptions options;
  options.clients = 200;
  options.months = 12;
  options.seed = 5;
  Import(*GenerateLedger(options));
  ExpectEveryClientAsLoadClientGivesIt();
}

TEST_F(ClientStreamTest, AnEmptyStoreHasNoClient) { EXPECT_TRUE(Streamed().empty()); }

// Batches read by two threads at once, each on a connection of its own, come out as
// LoadClient gives each client; the same when another connection holds the write lock
// (the readers then share the store's own connection, one read at a time).
void ExpectBatchesReadInParallelAsLoadClient(Store& store) {
  auto batches = store.ReadInBatches(2);
  ASSERT_TRUE(batches) << batches.error().message.In(Lang::kEn);
  std::vector<ClientRange> ranges;
  for (;;) {
    auto range = (*batches)->Next(7);
    ASSERT_TRUE(range);
    if (!*range) break;
    ranges.push_back(**range);
  }
  ASSERT_GT(ranges.size(), 2u);
  std::vector<std::vector<ClientLedger>> read(ranges.size());
  auto reader = [&](size_t first) {
    for (size_t i = first; i < ranges.size(); i += 2) {
      auto clients = (*batches)->Read(ranges[i]);
      ASSERT_TRUE(clients);
      read[i] = std::move(*clients);
    }
  };
  std::thread a(reader, 0), b(reader, 1);
  a.join();
  b.join();
  batches->reset();
  const std::vector<Client> clients = *store.Clients();
  size_t n = 0;
  for (size_t i = 0; i < ranges.size(); ++i) {
    EXPECT_LE(read[i].size(), 7u);
    for (const ClientLedger& client : read[i]) {
      ASSERT_LT(n, clients.size());
      EXPECT_EQ(client.client.id, clients[n++].id);
      EXPECT_GE(client.client.id, ranges[i].first);
      EXPECT_LE(client.client.id, ranges[i].last);
      ExpectSameRecords(client, **store.LoadClient(client.client.id));
    }
  }
  EXPECT_EQ(n, clients.size());
}

TEST_F(ClientStreamTest, BatchesReadOnSeveralThreadsAreTheClientsAsLoadClientGivesThem) {
  GeneratorOptions options;
  options.clients = 40;
  options.months = 6;
  Import(*GenerateLedger(options));
  ExpectBatchesReadInParallelAsLoadClient(*store_);
}

TEST_F(ClientStreamTest, WhileAnotherConnectionWritesTheBatchesAreReadAllTheSame) {
  GeneratorOptions options;
  options.clients = 40;
  options.months = 6;
  Import(*GenerateLedger(options));
  SQLite::Database writer((dir_ / "addio.db").string(), SQLite::OPEN_READWRITE, 5000);
  writer.exec("BEGIN IMMEDIATE");
  ExpectBatchesReadInParallelAsLoadClient(*store_);
  writer.exec("ROLLBACK");
}

TEST_F(ClientStreamTest, TheVisitorsErrorStopsTheReading) {
  Import(DemoLedger());
  int visited = 0;
  const Status read = store_->ForEachClient([&visited](ClientLedger&&) -> Status {
    if (++visited == 2) return Fail(ErrorCode::kIo, Msg("common.no_client", "x"));
    return {};
  });
  ASSERT_FALSE(read);
  EXPECT_EQ(read.error().code, ErrorCode::kIo);
  EXPECT_EQ(visited, 2);
}

}  // namespace
}  // namespace addio

// ResponseCache and StoreVersion (issue 10): values made once per (version, key), the
// byte budget held, old versions dropped, concurrent misses made once; the version moved
// by a commit of another connection (as `addio import` from another process makes) and by
// a write noted in this process.
#include "api/response_cache.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <filesystem>
#include <string>
#include <thread>
#include <vector>

#include "gen/demo.h"
#include "store/store.h"

namespace addio {
namespace {

namespace fs = std::filesystem;

// A Make that returns `text` as a value of `bytes` bytes and counts its calls.
ResponseCache::Make Text(std::string text, size_t bytes, int* calls) {
  return [text = std::move(text), bytes, calls]() -> Result<ResponseCache::Made> {
    ++*calls;
    return ResponseCache::Made{std::make_shared<const std::string>(text), bytes};
  };
}

std::string TextOf(const Result<ResponseCache::Value>& value) {
  EXPECT_TRUE(value);
  return value ? *std::static_pointer_cast<const std::string>(*value) : "";
}

TEST(ResponseCacheTest, ARepeatedGetIsMadeOnce) {
  ResponseCache cache({1000, 100});
  int calls = 0;
  EXPECT_EQ(TextOf(cache.Get(1, "a", Text("alpha", 10, &calls))), "alpha");
  EXPECT_EQ(TextOf(cache.Get(1, "a", Text("other", 10, &calls))), "alpha");
  EXPECT_EQ(calls, 1);
  EXPECT_EQ(cache.stats().hits, 1u);
  EXPECT_EQ(cache.stats().made, 1u);
  EXPECT_EQ(cache.stats().bytes, 10u);
}

TEST(ResponseCacheTest, TheByteBudgetHolds) {
  ResponseCache cache({1000, 1000});
  int calls = 0;
  for (int i = 0; i < 25; ++i) {
    ASSERT_TRUE(cache.Get(1, "k" + std::to_string(i), Text("v", 100, &calls)));
    EXPECT_LE(cache.stats().bytes, 1000u);
  }
  EXPECT_EQ(cache.stats().entries, 10u);
  EXPECT_EQ(cache.stats().evicted, 15u);
  // The least recently used went first: k24 is kept, k0 is made again.
  ASSERT_TRUE(cache.Get(1, "k24", Text("v", 100, &calls)));
  EXPECT_EQ(calls, 25);
  ASSERT_TRUE(cache.Get(1, "k0", Text("v", 100, &calls)));
  EXPECT_EQ(calls, 26);
}

TEST(ResponseCacheTest, ARecentlyReadValueStays) {
  ResponseCache cache({300, 1000});
  int calls = 0;
  ASSERT_TRUE(cache.Get(1, "a", Text("a", 100, &calls)));
  ASSERT_TRUE(cache.Get(1, "b", Text("b", 100, &calls)));
  ASSERT_TRUE(cache.Get(1, "c", Text("c", 100, &calls)));
  ASSERT_TRUE(cache.Get(1, "a", Text("a", 100, &calls)));  // a is now the most recent
  ASSERT_TRUE(cache.Get(1, "d", Text("d", 100, &calls)));  // evicts b
  EXPECT_EQ(calls, 4);
  ASSERT_TRUE(cache.Get(1, "a", Text("a", 100, &calls)));
  EXPECT_EQ(calls, 4);
  ASSERT_TRUE(cache.Get(1, "b", Text("b", 100, &calls)));
  EXPECT_EQ(calls, 5);
}

TEST(ResponseCacheTest, TheEntryLimitHolds) {
  ResponseCache cache({1u << 20, 3});
  int calls = 0;
  for (int i = 0; i < 5; ++i) ASSERT_TRUE(cache.Get(1, std::to_string(i), Text("v", 0, &calls)));
  EXPECT_EQ(cache.stats().entries, 3u);
}

TEST(ResponseCacheTest, AValueLargerThanTheBudgetIsAnsweredNotKept) {
  ResponseCache cache({100, 100});
  int calls = 0;
  EXPECT_EQ(TextOf(cache.Get(1, "big", Text("big", 101, &calls))), "big");
  EXPECT_EQ(TextOf(cache.Get(1, "big", Text("big", 101, &calls))), "big");
  EXPECT_EQ(calls, 2);
  EXPECT_EQ(cache.stats().bytes, 0u);
}

TEST(ResponseCacheTest, ANewerVersionDropsTheOlderOnes) {
  ResponseCache cache({1000, 100});
  int calls = 0;
  ASSERT_TRUE(cache.Get(1, "a", Text("one", 10, &calls)));
  ASSERT_TRUE(cache.Get(1, "b", Text("one", 10, &calls)));
  EXPECT_EQ(TextOf(cache.Get(2, "a", Text("two", 10, &calls))), "two");
  EXPECT_EQ(cache.stats().entries, 1u);
  EXPECT_EQ(cache.stats().bytes, 10u);
  EXPECT_EQ(cache.stats().evicted, 2u);
  // A late request of version 1 gets its answer made, but it is not kept.
  EXPECT_EQ(TextOf(cache.Get(1, "a", Text("late", 10, &calls))), "late");
  EXPECT_EQ(TextOf(cache.Get(2, "a", Text("never", 10, &calls))), "two");
  EXPECT_EQ(cache.stats().entries, 1u);
  EXPECT_EQ(calls, 4);
}

TEST(ResponseCacheTest, ErrorsAreSharedButNotKept) {
  ResponseCache cache({1000, 100});
  int calls = 0;
  auto fail = [&calls]() -> Result<ResponseCache::Made> {
    ++calls;
    return Fail(ErrorCode::kNotFound, Msg("common.no_client", "x"));
  };
  auto first = cache.Get(1, "x", fail);
  ASSERT_FALSE(first);
  EXPECT_EQ(first.error().code, ErrorCode::kNotFound);
  ASSERT_FALSE(cache.Get(1, "x", fail));
  EXPECT_EQ(calls, 2);
  EXPECT_EQ(cache.stats().entries, 0u);
}

// Every thread asks for the same missing key; the one making it waits until all the others
// have joined its flight, so the test does not depend on timing to overlap them.
TEST(ResponseCacheTest, ConcurrentMissesAreMadeOnce) {
  ResponseCache cache({1000, 100});
  constexpr int kThreads = 8;
  std::atomic<int> calls = 0;
  auto make = [&]() -> Result<ResponseCache::Made> {
    ++calls;
    // Bounded, so that a broken cache fails the assertions below instead of hanging.
    const auto give_up = std::chrono::steady_clock::now() + std::chrono::seconds(30);
    while (cache.stats().waits < kThreads - 1 && std::chrono::steady_clock::now() < give_up) {
      std::this_thread::yield();
    }
    return ResponseCache::Made{std::make_shared<const std::string>("made"), 4};
  };
  std::vector<std::string> got(kThreads);
  std::vector<std::thread> threads;
  for (int i = 0; i < kThreads; ++i) {
    threads.emplace_back([&, i] { got[i] = TextOf(cache.Get(7, "same", make)); });
  }
  for (std::thread& thread : threads) thread.join();
  EXPECT_EQ(calls.load(), 1);
  EXPECT_EQ(cache.stats().made, 1u);
  EXPECT_EQ(cache.stats().waits, static_cast<uint64_t>(kThreads - 1));
  for (const std::string& text : got) EXPECT_EQ(text, "made");
}

TEST(ResponseCacheTest, TypedGetCostsWhatBytesSays) {
  ResponseCache cache({1000, 100});
  auto value = cache.Get<std::string>(
      1, "t",
      [] {
        return Result<std::shared_ptr<const std::string>>(
            std::make_shared<const std::string>("twelve bytes"));
      },
      [](const std::string& text) { return text.size(); });
  ASSERT_TRUE(value);
  EXPECT_EQ(**value, "twelve bytes");
  EXPECT_EQ(cache.stats().bytes, 12u);
}

class StoreVersionTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string pattern = (fs::temp_directory_path() / "addio-version-XXXXXX").string();
    ASSERT_NE(mkdtemp(pattern.data()), nullptr);
    dir_ = pattern;
    url_ = (dir_ / "addio.db").string();
    ASSERT_TRUE(OpenStore(url_, OpenMode::kCreateIfMissing));
  }
  void TearDown() override { fs::remove_all(dir_); }

  StoreFactory Factory() {
    return [this] {
      ++opened_;
      return OpenStore(url_, OpenMode::kMustExist);
    };
  }

  fs::path dir_;
  std::string url_;
  int opened_ = 0;
};

TEST_F(StoreVersionTest, StaysWhileNothingChanges) {
  StoreVersion version(Factory());
  auto first = version.Current();
  ASSERT_TRUE(first);
  EXPECT_EQ(*first, 1u);
  EXPECT_EQ(*version.Current(), 1u);
  EXPECT_EQ(*version.Current(), 1u);
  EXPECT_EQ(opened_, 1);  // one connection, kept
}

TEST_F(StoreVersionTest, ACommitByAnotherConnectionMovesIt) {
  StoreVersion version(Factory());
  ASSERT_EQ(*version.Current(), 1u);
  {
    // What `addio import` does from another process: its own connection, its own commit.
    auto other = OpenStore(url_, OpenMode::kMustExist);
    ASSERT_TRUE(other);
    auto report = (*other)->Import(DemoLedger(), LedgerSource{}, /*dry_run=*/false);
    ASSERT_TRUE(report && report->written);
  }
  EXPECT_EQ(*version.Current(), 2u);
  EXPECT_EQ(*version.Current(), 2u);
}

TEST_F(StoreVersionTest, ADryRunMovesNothing) {
  StoreVersion version(Factory());
  ASSERT_EQ(*version.Current(), 1u);
  auto other = OpenStore(url_, OpenMode::kMustExist);
  ASSERT_TRUE(other);
  ASSERT_TRUE((*other)->Import(DemoLedger(), LedgerSource{}, /*dry_run=*/true));
  EXPECT_EQ(*version.Current(), 1u);
}

TEST_F(StoreVersionTest, ANotedWriteMovesItAtOnce) {
  StoreVersion version(Factory());
  ASSERT_EQ(*version.Current(), 1u);
  version.NoteWrite();
  EXPECT_EQ(*version.Current(), 2u);
  EXPECT_EQ(*version.Current(), 2u);
}

// Concurrent callers share probes, but none gets a version older than a write noted
// before its call.
TEST_F(StoreVersionTest, ConcurrentCallersSeeEveryWriteNotedBefore) {
  StoreVersion version(Factory());
  ASSERT_TRUE(version.Current());
  constexpr int kThreads = 8;
  constexpr int kRounds = 200;
  std::atomic<bool> stale = false;
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&] {
      for (int i = 0; i < kRounds; ++i) {
        auto before = version.Current();
        version.NoteWrite();
        auto after = version.Current();
        if (!before || !after || *after <= *before) stale = true;
      }
    });
  }
  for (std::thread& thread : threads) thread.join();
  EXPECT_FALSE(stale);
  EXPECT_EQ(opened_, 1);
}

TEST_F(StoreVersionTest, AFactoryErrorIsTheAnswerAndIsRetried) {
  bool fail = true;
  StoreVersion version([&]() -> Result<std::unique_ptr<Store>> {
    if (fail) return Fail(ErrorCode::kStore, Msg("store.no_database", url_));
    return OpenStore(url_, OpenMode::kMustExist);
  });
  auto first = version.Current();
  ASSERT_FALSE(first);
  EXPECT_EQ(first.error().code, ErrorCode::kStore);
  fail = false;
  EXPECT_TRUE(version.Current());
}

}  // namespace
}  // namespace addio

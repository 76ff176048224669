// The pipeline behind the streaming assessment: results come out in the order the items
// went in whatever the workers' speed, a producer's error comes back after the items
// before it, and an exception in any stage stops every stage and is rethrown.
#include "verdict/ordered_pipeline.h"

#include <gtest/gtest.h>

#include <stdexcept>
#include <string>
#include <vector>

namespace addio::verdict_internal {
namespace {

// Pushes 0 .. n-1, then returns `status`.
std::function<Status(const Push<int>&)> Numbers(int n, Status status = {}) {
  return [n, status](const Push<int>& push) -> Status {
    for (int i = 0; i < n; ++i) {
      if (Status pushed = push(int{i}); !pushed) return pushed;
    }
    return status;
  };
}

// Work whose cost varies from item to item, so that workers finish out of order.
int Slow(int& i) {
  volatile unsigned sink = 0;
  for (unsigned k = 0; k < static_cast<unsigned>(i % 7) * 20000; ++k) sink = sink + k;
  return i * 3;
}

TEST(OrderedPipelineTest, ResultsComeOutInTheOrderTheItemsWentIn) {
  for (size_t workers : {1, 2, 5}) {
    std::vector<int> out;
    const Status status = RunOrdered<int, int>(
        Numbers(2000), Slow, [&out](int&& r) { out.push_back(r); }, workers, 4 * workers);
    ASSERT_TRUE(status);
    ASSERT_EQ(out.size(), 2000u);
    for (int i = 0; i < 2000; ++i) ASSERT_EQ(out[i], 3 * i) << "workers " << workers;
  }
}

TEST(OrderedPipelineTest, NothingToDoIsDone) {
  int consumed = 0;
  EXPECT_TRUE((RunOrdered<int, int>(
      Numbers(0), Slow, [&](int&&) { ++consumed; }, 2, 8)));
  EXPECT_EQ(consumed, 0);
}

TEST(OrderedPipelineTest, TheProducersErrorComesBackAfterTheItemsBeforeIt) {
  std::vector<int> out;
  const Status status = RunOrdered<int, int>(
      Numbers(50, Fail(ErrorCode::kStore, Msg("common.no_client", "x"))), Slow,
      [&out](int&& r) { out.push_back(r); }, 2, 8);
  ASSERT_FALSE(status);
  EXPECT_EQ(status.error().code, ErrorCode::kStore);
  EXPECT_EQ(out.size(), 50u);
}

TEST(OrderedPipelineTest, AnExceptionInAWorkerStopsEverythingAndIsRethrown) {
  int consumed = 0;
  const auto map = [](int& i) -> int {
    if (i == 300) throw std::runtime_error("bug");
    return i;
  };
  EXPECT_THROW((RunOrdered<int, int>(
                   Numbers(100000), map, [&](int&&) { ++consumed; }, 2, 8)),
               std::runtime_error);
  EXPECT_LE(consumed, 300);
}

TEST(OrderedPipelineTest, AnExceptionInTheConsumerStopsTheProducer) {
  int produced = 0;
  const auto produce = [&produced](const Push<int>& push) -> Status {
    for (int i = 0; i < 100000; ++i, ++produced) {
      if (Status pushed = push(int{i}); !pushed) return pushed;
    }
    return {};
  };
  const auto consume = [](int&& r) {
    if (r == 30) throw std::runtime_error("disk full");  // the 11th result (3 × 10)
  };
  EXPECT_THROW((RunOrdered<int, int>(produce, Slow, consume, 2, 8)), std::runtime_error);
  EXPECT_LT(produced, 100000);
}

}  // namespace
}  // namespace addio::verdict_internal

// The kept portfolio statistics read back exactly as they were made, a client is found by
// its id, and bytes that are not one whole table of this layout are refused instead of
// read as something else.
#include "store/rates_table.h"

#include <gtest/gtest.h>

#include <cstring>
#include <optional>
#include <string>
#include <vector>

namespace addio {
namespace {

std::vector<StoredRate> Sample() {
  return {{.client = "", .hours = 0.0},
          {.client = "acme", .hours = 12.5, .rate_minor = 4500},
          {.client = "b-a-very-long-client-identifier-beyond-short-strings",
           .hours = 1.0 / 3.0,
           .rate_minor = -7},
          {.client = "zeta", .hours = 1e9, .rate_minor = INT64_MAX}};
}

const std::vector<size_t> kRanked = {2, 1, 3};
const std::vector<int64_t> kThrough = {20, 770, 60000000770};

TEST(RatesTableTest, ReadingGivesBackWhatWasMade) {
  const RatesTable made = RatesTable::Make(Sample(), kRanked, kThrough);
  const std::optional<RatesTable> table = RatesTable::Read(made.bytes());
  ASSERT_TRUE(table);
  ASSERT_EQ(table->size(), Sample().size());
  for (size_t i = 0; i < table->size(); ++i) EXPECT_EQ(table->Entry(i), Sample()[i]) << i;
  ASSERT_EQ(table->ranked(), kRanked.size());
  for (size_t rank = 0; rank < kRanked.size(); ++rank) {
    EXPECT_EQ(table->EntryAt(rank), kRanked[rank]);
    EXPECT_EQ(table->MinutesThrough(rank), kThrough[rank]);
    EXPECT_EQ(table->RankOf(kRanked[rank]), rank);
  }
  EXPECT_EQ(table->RankOf(0), std::nullopt);

  const std::optional<RatesTable> none = RatesTable::Read(RatesTable::Make({}, {}, {}).bytes());
  ASSERT_TRUE(none);
  EXPECT_EQ(none->size(), 0u);
  EXPECT_EQ(none->ranked(), 0u);
  EXPECT_EQ(none->Find("acme"), std::nullopt);
}

TEST(RatesTableTest, FindsEachClientByItsId) {
  const RatesTable table = RatesTable::Make(Sample(), kRanked, kThrough);
  for (size_t i = 0; i < Sample().size(); ++i) EXPECT_EQ(table.Find(Sample()[i].client), i);
  EXPECT_EQ(table.Find("acm"), std::nullopt);
  EXPECT_EQ(table.Find("acmf"), std::nullopt);
  EXPECT_EQ(table.Find("zz"), std::nullopt);
}

TEST(RatesTableTest, ATruncatedOrExtendedTableIsRefused) {
  const std::string bytes = RatesTable::Make(Sample(), kRanked, kThrough).bytes();
  for (size_t size = 0; size < bytes.size(); ++size) {
    EXPECT_FALSE(RatesTable::Read(bytes.substr(0, size))) << size;
  }
  EXPECT_FALSE(RatesTable::Read(bytes + "x"));
}

TEST(RatesTableTest, AnotherFormatIsRefused) {
  std::string bytes = RatesTable::Make(Sample(), kRanked, kThrough).bytes();
  bytes[3] = '\x02';
  EXPECT_FALSE(RatesTable::Read(bytes));
}

// The rank of an entry and the entry of a rank must point at each other.
TEST(RatesTableTest, RanksThatDoNotMatchTheirEntriesAreRefused) {
  const std::string bytes = RatesTable::Make(Sample(), kRanked, kThrough).bytes();
  const size_t ranks_at = 8 + Sample().size() * 24 + 4;  // header, entries, rank count
  for (const uint32_t entry : {0u, 3u, 4u, 99u}) {       // unranked, another, none, far
    std::string changed = bytes;
    std::memcpy(changed.data() + ranks_at, &entry, sizeof entry);  // rank 0's entry
    EXPECT_FALSE(RatesTable::Read(changed)) << entry;
  }
}

}  // namespace
}  // namespace addio

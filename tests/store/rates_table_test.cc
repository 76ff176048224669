// The kept portfolio statistics read back exactly as they were made, a client is found by
// its id, and bytes that are not one whole table of this layout are refused instead of
// read as something else.
#include "store/rates_table.h"

#include <gtest/gtest.h>

#include <cstring>
#include <memory>
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

// A table's bytes in memory, read in place, counting what was read.
class CountingBytes final : public RatesBytes {
 public:
  explicit CountingBytes(std::string bytes) : bytes_(std::move(bytes)) {}
  size_t size() const override { return bytes_.size(); }
  void Read(size_t at, size_t n, char* out) const override {
    ASSERT_LE(at + n, bytes_.size());
    std::memcpy(out, bytes_.data() + at, n);
    read_ += n;
  }
  size_t read() const { return read_; }

 private:
  std::string bytes_;
  mutable size_t read_ = 0;
};

TEST(RatesTableTest, ATableReadInPlaceAnswersAsTheWholeOne) {
  const RatesTable whole = RatesTable::Make(Sample(), kRanked, kThrough);
  const std::optional<RatesTable> lying =
      RatesTable::InPlace(std::make_shared<const CountingBytes>(whole.bytes()));
  ASSERT_TRUE(lying);
  ASSERT_EQ(lying->size(), whole.size());
  ASSERT_EQ(lying->ranked(), whole.ranked());
  for (size_t i = 0; i < whole.size(); ++i) {
    EXPECT_EQ(lying->Entry(i), whole.Entry(i)) << i;
    EXPECT_EQ(lying->RankOf(i), whole.RankOf(i)) << i;
    EXPECT_EQ(lying->Find(Sample()[i].client), i);
  }
  for (size_t rank = 0; rank < whole.ranked(); ++rank) {
    EXPECT_EQ(lying->EntryAt(rank), whole.EntryAt(rank));
    EXPECT_EQ(lying->MinutesThrough(rank), whole.MinutesThrough(rank));
  }
  EXPECT_EQ(lying->Find("acm"), std::nullopt);
  EXPECT_EQ(lying->Find("zz"), std::nullopt);
}

// The point of reading in place: one client's lookups read a few hundred bytes of a table
// of megabytes.
TEST(RatesTableTest, ALookupInPlaceReadsOnlyWhatItNeeds) {
  std::vector<StoredRate> rates;
  std::vector<size_t> ranked;
  std::vector<int64_t> through;
  for (int i = 0; i < 100'000; ++i) {
    rates.push_back({.client = "c" + std::to_string(1'000'000 + i), .hours = 1, .rate_minor = i});
    ranked.push_back(static_cast<size_t>(i));
    through.push_back(int64_t{60} * (i + 1));
  }
  const RatesTable whole = RatesTable::Make(rates, ranked, through);
  auto bytes = std::make_shared<const CountingBytes>(whole.bytes());
  const std::optional<RatesTable> lying = RatesTable::InPlace(bytes);
  ASSERT_TRUE(lying);
  const std::optional<size_t> found = lying->Find("c1054321");
  ASSERT_EQ(found, 54'321u);
  EXPECT_EQ(lying->MinutesThrough(*lying->RankOf(*found)), 60 * 54'322);
  EXPECT_LT(bytes->read(), 2'000u) << "of " << whole.bytes().size();
}

TEST(RatesTableTest, ATableInPlaceOfAnotherSizeOrFormatIsRefused) {
  const std::string bytes = RatesTable::Make(Sample(), kRanked, kThrough).bytes();
  for (size_t size = 0; size < bytes.size(); ++size) {
    EXPECT_FALSE(RatesTable::InPlace(std::make_shared<const CountingBytes>(bytes.substr(0, size))))
        << size;
  }
  EXPECT_FALSE(RatesTable::InPlace(std::make_shared<const CountingBytes>(bytes + "x")));
  std::string other = bytes;
  other[3] = '\x02';
  EXPECT_FALSE(RatesTable::InPlace(std::make_shared<const CountingBytes>(other)));
}

// In place, the rest is checked as lookups read it: a rank pointing past the entries, or
// at an entry that is not ranked, is an error the caller sees (and then reads it whole).
TEST(RatesTableTest, ALookupInPlaceOfBytesThatAreNotATableThrows) {
  const std::string bytes = RatesTable::Make(Sample(), kRanked, kThrough).bytes();
  const size_t ranks_at = 8 + Sample().size() * 24 + 4;
  std::string changed = bytes;
  const uint32_t far = 99;
  std::memcpy(changed.data() + ranks_at, &far, sizeof far);  // rank 0's entry
  const std::optional<RatesTable> lying =
      RatesTable::InPlace(std::make_shared<const CountingBytes>(changed));
  ASSERT_TRUE(lying);  // the header and the size are right
  EXPECT_THROW(lying->EntryAt(0), RatesUnreadable);
  EXPECT_EQ(lying->EntryAt(1), kRanked[1]);
  std::string rank_past = bytes;
  const uint32_t past = 7;
  std::memcpy(rank_past.data() + 8 + 1 * 24 + 20, &past, sizeof past);  // entry 1's rank
  EXPECT_THROW(RatesTable::InPlace(std::make_shared<const CountingBytes>(rank_past))->RankOf(1),
               RatesUnreadable);
}

}  // namespace
}  // namespace addio

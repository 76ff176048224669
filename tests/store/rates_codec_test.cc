// The kept portfolio statistics survive their encoding exactly, and a blob that is not a
// whole encoding is refused instead of read as something else.
#include "store/rates_codec.h"

#include <gtest/gtest.h>

#include <optional>
#include <string>
#include <vector>

namespace addio::store_internal {
namespace {

std::vector<StoredRate> Sample() {
  return {{.client = "", .hours = 0.0},
          {.client = "acme", .hours = 12.5, .rate_minor = 4500},
          {.client = "a-very-long-client-identifier-beyond-short-strings",
           .hours = 1.0 / 3.0,
           .rate_minor = -7},
          {.client = "zeta", .hours = 1e9, .rate_minor = INT64_MAX}};
}

const std::vector<size_t> kRanked = {2, 1, 3};

TEST(RatesCodecTest, DecodingGivesBackWhatWasEncoded) {
  const std::optional<KeptRates> kept = DecodeRates(EncodeRates(Sample(), kRanked));
  ASSERT_TRUE(kept);
  EXPECT_EQ(kept->rates, Sample());
  EXPECT_EQ(kept->ranked, kRanked);
  EXPECT_TRUE(kept->stale.empty());
  const std::optional<KeptRates> none = DecodeRates(EncodeRates({}, {}));
  ASSERT_TRUE(none);
  EXPECT_TRUE(none->rates.empty());
  EXPECT_TRUE(none->ranked.empty());
}

TEST(RatesCodecTest, ARankingOutsideTheEntriesIsRefused) {
  EXPECT_FALSE(DecodeRates(EncodeRates(Sample(), {0, 4})));
}

TEST(RatesCodecTest, ATruncatedOrExtendedBlobIsRefused) {
  const std::string blob = EncodeRates(Sample(), kRanked);
  for (size_t size = 0; size < blob.size(); ++size) {
    EXPECT_FALSE(DecodeRates(std::string_view(blob).substr(0, size))) << size;
  }
  EXPECT_FALSE(DecodeRates(blob + "x"));
}

TEST(RatesCodecTest, AnotherFormatIsRefused) {
  std::string blob = EncodeRates(Sample(), kRanked);
  blob[3] = '\x02';
  EXPECT_FALSE(DecodeRates(blob));
}

}  // namespace
}  // namespace addio::store_internal

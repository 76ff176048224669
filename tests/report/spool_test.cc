// A Spool gives back what it was given, in order, from memory or, beyond its memory
// budget, from its temporary file.
#include "report/spool.h"

#include <gtest/gtest.h>

#include <string>

namespace addio {
namespace {

std::string Pattern(size_t n, char seed) {
  std::string text(n, '\0');
  for (size_t i = 0; i < n; ++i) text[i] = static_cast<char>(seed + i % 61);
  return text;
}

TEST(SpoolTest, AnEmptySpoolGivesNothing) {
  Spool spool;
  EXPECT_TRUE(spool.empty());
  std::string out = "x";
  spool.CopyTo([&out](std::string_view piece) { out += piece; });
  EXPECT_EQ(out, "x");
  std::string read;
  EXPECT_FALSE(spool.Read(1, read));
}

TEST(SpoolTest, TextInMemoryComesBackInOrder) {
  Spool spool;
  spool.Append("first ");
  spool.Append("second");
  EXPECT_FALSE(spool.empty());
  std::string read;
  ASSERT_TRUE(spool.Read(6, read));
  EXPECT_EQ(read, "first ");
  std::string rest;
  spool.CopyTo([&rest](std::string_view piece) { rest += piece; });
  EXPECT_EQ(rest, "second");
}

TEST(SpoolTest, TextBeyondTheMemoryBudgetComesBackFromTheFile) {
  Spool spool;
  std::string expected;
  for (char seed : {'a', 'b', 'c', 'd'}) {
    const std::string piece = Pattern(Spool::kInMemoryBytes / 2 + 123, seed);
    spool.Append(piece);
    expected += piece;
  }
  std::string read;
  ASSERT_TRUE(spool.Read(10, read));
  EXPECT_EQ(read, expected.substr(0, 10));
  EXPECT_FALSE(spool.Read(expected.size(), read));  // fewer bytes are left
  std::string rest;
  spool.CopyTo([&rest](std::string_view piece) { rest += piece; });
  EXPECT_EQ(rest, expected.substr(10));
}

}  // namespace
}  // namespace addio

// The digests and encodings of core/secrets.h against their standards' own test vectors,
// and passwords and random tokens by their contracts.
#include "core/secrets.h"

#include <gtest/gtest.h>

#include <string>

namespace addio {
namespace {

TEST(Secrets, Base64IsRfc4648sStandardPaddedAlphabet) {
  // RFC 4648 section 10.
  EXPECT_EQ(Base64(""), "");
  EXPECT_EQ(Base64("f"), "Zg==");
  EXPECT_EQ(Base64("fo"), "Zm8=");
  EXPECT_EQ(Base64("foo"), "Zm9v");
  EXPECT_EQ(Base64("foob"), "Zm9vYg==");
  EXPECT_EQ(Base64("fooba"), "Zm9vYmE=");
  EXPECT_EQ(Base64("foobar"), "Zm9vYmFy");
  // The two characters beyond the letters and digits are '+' and '/', and bytes above 0x7f
  // and NULs are data like any other.
  EXPECT_EQ(Base64(std::string("\xfb\xff\xbf\x00", 4)), "+/+/AA==");
  EXPECT_EQ(Base64(std::string(100, 'a')).find('\n'), std::string::npos);
}

TEST(Secrets, Sha256MatchesFips180sExamples) {
  EXPECT_EQ(Sha256Hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  EXPECT_EQ(Sha256Base64("abc"), "ungWv48Bz+pBQUDeXa4iI7ADYaOWF3qctBD/YfIAFa0=");
  EXPECT_EQ(Sha256Base64(""), "47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=");
}

TEST(Secrets, HmacSha256MatchesRfc4231) {
  // Test case 1: a 20-byte key.
  EXPECT_EQ(HmacSha256Hex(std::string(20, '\x0b'), "Hi There"),
            "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7");
  // Test case 2: a key shorter than the digest.
  EXPECT_EQ(HmacSha256Hex("Jefe", "what do ya want for nothing?"),
            "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
  // Test case 6: a key longer than SHA-256's block, hashed first.
  EXPECT_EQ(HmacSha256Hex(std::string(131, '\xaa'),
                          "Test Using Larger Than Block-Size Key - Hash Key First"),
            "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54");
}

TEST(Secrets, RandomHexIsAsLongAsAskedAndDiffersEachTime) {
  const std::string a = RandomHex(32);
  EXPECT_EQ(a.size(), 64u);
  EXPECT_EQ(a.find_first_not_of("0123456789abcdef"), std::string::npos);
  EXPECT_NE(a, RandomHex(32));
}

}  // namespace
}  // namespace addio

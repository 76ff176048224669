#include "core/text.h"

#include <gtest/gtest.h>

#include <string>

namespace addio {
namespace {

TEST(TextTest, ParsesEncodingNames) {
  EXPECT_EQ(ParseTextEncoding("UTF-8").value(), TextEncoding::kUtf8);
  EXPECT_EQ(ParseTextEncoding("windows-1252").value(), TextEncoding::kWindows1252);
  EXPECT_EQ(ParseTextEncoding("cp1252").value(), TextEncoding::kWindows1252);
  EXPECT_EQ(ParseTextEncoding("latin-1").value(), TextEncoding::kLatin1);
  EXPECT_EQ(ParseTextEncoding("ISO-8859-1").value(), TextEncoding::kLatin1);
  const auto bad = ParseTextEncoding("ebcdic");
  ASSERT_FALSE(bad);
  EXPECT_NE(bad.error().message.In(Lang::kEn).find("ebcdic"), std::string::npos);
  EXPECT_NE(bad.error().message.In(Lang::kIt).find("ebcdic"), std::string::npos);
}

TEST(TextTest, FindsTheFirstInvalidUtf8Byte) {
  EXPECT_TRUE(IsValidUtf8("caffè €"));
  EXPECT_EQ(FirstInvalidUtf8("caf\xE9"), 3u);
  EXPECT_EQ(FirstInvalidUtf8("ok\xC0\xAF"), 2u);        // overlong '/'
  EXPECT_EQ(FirstInvalidUtf8("x\xED\xA0\x80"), 1u);     // a surrogate
  EXPECT_EQ(FirstInvalidUtf8("\xF4\x90\x80\x80"), 0u);  // beyond U+10FFFF
  EXPECT_EQ(FirstInvalidUtf8("\xE2\x82"), 0u);          // cut short
}

TEST(TextTest, Windows1252AndLatin1BecomeUtf8) {
  EXPECT_EQ(Windows1252ToUtf8("Citt\xE0 \x80 \x93x\x94"), "Città € “x”");
  EXPECT_EQ(Latin1ToUtf8("Citt\xE0 \x80"), "Città \xC2\x80");
  EXPECT_EQ(Windows1252ToUtf8("\x81"), "\xEF\xBF\xBD");  // undefined in Windows-1252
}

TEST(TextTest, CsvThatIsNotUtf8IsReadAsWindows1252WithAWarning) {
  Diagnostics out;
  const auto text = DecodeCsvText("name,city\nRossi,Citt\xE0\n", TextEncoding::kAuto, "c.csv", out);
  ASSERT_TRUE(text);
  EXPECT_EQ(*text, "name,city\nRossi,Città\n");
  ASSERT_EQ(out.items().size(), 1u);
  EXPECT_EQ(out.items()[0].severity, Severity::kWarning);
  EXPECT_EQ(out.items()[0].file, "c.csv");
  EXPECT_NE(out.items()[0].Text().find("Windows-1252"), std::string::npos);
  // Valid UTF-8 passes untouched and silently.
  Diagnostics none;
  EXPECT_EQ(*DecodeCsvText("a,b\nè,é\n", TextEncoding::kAuto, "u.csv", none), "a,b\nè,é\n");
  EXPECT_TRUE(none.empty());
}

TEST(TextTest, ForcedUtf8NamesFileLineAndField) {
  Diagnostics out;
  EXPECT_FALSE(DecodeCsvText("name,city\nRossi,Roma\nBianchi,Citt\xE0\n", TextEncoding::kUtf8,
                             "c.csv", out));
  ASSERT_EQ(out.items().size(), 1u);
  const Diagnostic& d = out.items()[0];
  EXPECT_EQ(d.severity, Severity::kError);
  EXPECT_EQ(d.file, "c.csv");
  EXPECT_EQ(d.line, 3);
  EXPECT_EQ(d.field, "city");
  EXPECT_NE(d.Text().find("\\xe0"), std::string::npos) << d.Text();
}

TEST(TextTest, ForcedEncodingsConvertEvenValidUtf8Bytes) {
  Diagnostics out;
  EXPECT_EQ(*DecodeCsvText("\xC3\xA8", TextEncoding::kLatin1, "f", out), "Ã¨");
  EXPECT_TRUE(out.empty());
}

TEST(TextTest, ControlCharactersAreMadeVisible) {
  EXPECT_EQ(VisibleControls("Acme\x1b]0;pwned\x07 S.p.A."), "Acme\\x1b]0;pwned\\x07 S.p.A.");
  EXPECT_EQ(VisibleControls(std::string("a\0b", 3)), "a\\x00b");
  EXPECT_EQ(VisibleControls("a\tb\nc"), "a\tb\\x0ac");
  EXPECT_EQ(VisibleControls("a\tb\nc", /*keep_newlines=*/true), "a\tb\nc");
  EXPECT_EQ(VisibleControls("del\x7f c1\xC2\x9B end"), "del\\u007f c1\\u009b end");
  EXPECT_EQ(VisibleControls("bad\xFF"), "bad\\xff");
  EXPECT_EQ(VisibleControls("Città €"), "Città €");
  // The report's own colours pass only when asked, and nothing else does.
  EXPECT_EQ(VisibleControls("\x1b[31mred\x1b[0m \x1b[2J", false, true),
            "\x1b[31mred\x1b[0m \\x1b[2J");
  EXPECT_EQ(VisibleControls("\x1b[31m"), "\\x1b[31m");
}

}  // namespace
}  // namespace addio

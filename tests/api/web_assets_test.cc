#include "api/web_assets.h"

#include <gtest/gtest.h>

#include <string>

#include "api/errors.h"

namespace addio {
namespace {

TEST(WebAssetsTest, IndexIsAlwaysEmbedded) {
  const WebAsset* index = FindWebAsset("index.html");
  ASSERT_NE(index, nullptr);
  auto html = Gunzip(index->gzip);
  ASSERT_TRUE(html.has_value());
  EXPECT_EQ(html->size(), index->size);
  EXPECT_NE(html->find("<html"), std::string::npos);
  if (!WebDashboardBuilt()) {
    // The placeholder says, in both languages, how to build the dashboard.
    EXPECT_NE(html->find("npm --prefix web run build"), std::string::npos);
    EXPECT_NE(html->find("La dashboard non è stata compilata"), std::string::npos);
  }
}

TEST(WebAssetsTest, TableIsSortedForLookup) {
  const auto assets = WebAssets();
  for (size_t i = 1; i < assets.size(); ++i) EXPECT_LT(assets[i - 1].path, assets[i].path);
  for (const WebAsset& asset : assets) EXPECT_EQ(FindWebAsset(asset.path), &asset);
  EXPECT_EQ(FindWebAsset("no/such/file.js"), nullptr);
  EXPECT_EQ(FindWebAsset(""), nullptr);
}

TEST(WebAssetsTest, GzipIsReproducibleAndRoundTrips) {
  std::string text;
  for (int i = 0; i < 2000; ++i) text += "addio " + std::to_string(i) + "\n";
  const std::string packed = Gzip(text, 9);
  EXPECT_EQ(packed, Gzip(text, 9));  // no time stamp: the same bytes every time
  EXPECT_LT(packed.size(), text.size());
  ASSERT_EQ(packed.substr(0, 2), std::string("\x1f\x8b"));
  auto unpacked = Gunzip(packed);
  ASSERT_TRUE(unpacked.has_value());
  EXPECT_EQ(*unpacked, text);
  EXPECT_EQ(Gunzip(Gzip("", 6)).value_or("x"), "");
}

TEST(WebAssetsTest, GunzipRejectsOtherData) {
  EXPECT_FALSE(Gunzip("plain text, not gzip").has_value());
  const std::string packed = Gzip("some text to compress, some text to compress", 6);
  EXPECT_FALSE(Gunzip(packed.substr(0, packed.size() / 2)).has_value());  // truncated
}

TEST(WebAssetsTest, ContentTypes) {
  EXPECT_EQ(ContentTypeFor("index.html"), "text/html; charset=utf-8");
  EXPECT_EQ(ContentTypeFor("assets/index-3f2a.js"), "text/javascript; charset=utf-8");
  EXPECT_EQ(ContentTypeFor("assets/index-3f2a.css"), "text/css; charset=utf-8");
  EXPECT_EQ(ContentTypeFor("favicon.svg"), "image/svg+xml");
  EXPECT_EQ(ContentTypeFor("fonts/a.woff2"), "font/woff2");
  EXPECT_EQ(ContentTypeFor("LICENSE"), "application/octet-stream");
  EXPECT_EQ(ContentTypeFor("v1.2/README"), "application/octet-stream");
}

TEST(WebAssetsTest, HashedAssetsAreCachedIndexIsNot) {
  EXPECT_EQ(CacheControlFor("assets/index-3f2a.js"), "public, max-age=31536000, immutable");
  EXPECT_EQ(CacheControlFor("index.html"), "no-cache");
  EXPECT_EQ(CacheControlFor("favicon.svg"), "no-cache");
}

TEST(ErrorsTest, OneStatusPerCode) {
  EXPECT_EQ(HttpStatus(ErrorCode::kInvalidArgument), 400);
  EXPECT_EQ(HttpStatus(ErrorCode::kNotFound), 404);
  EXPECT_EQ(HttpStatus(ErrorCode::kValidation), 422);
  EXPECT_EQ(HttpStatus(ErrorCode::kParse), 422);
  EXPECT_EQ(HttpStatus(ErrorCode::kConflict), 409);
  EXPECT_EQ(HttpStatus(ErrorCode::kStore), 503);
  EXPECT_EQ(HttpStatus(ErrorCode::kInternal), 500);
  const Error unknown{ErrorCode::kNotFound, Msg("common.no_client", "x")};
  EXPECT_EQ(ErrorJson(unknown, Lang::kEn),
            R"({"error":{"code":"not_found","message":"no client with id \"x\""}})");
  EXPECT_EQ(ErrorJson(unknown, Lang::kIt),
            R"({"error":{"code":"not_found","message":"nessun cliente con id \"x\""}})");
}

}  // namespace
}  // namespace addio

// OpenStore's URL forms: plain paths and sqlite:/file: URLs open the SQLite file;
// PostgreSQL URLs and unknown schemes are refused with a message that says why.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <string>

#include "store/store.h"

namespace addio {
namespace {

namespace fs = std::filesystem;

class OpenStoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string pattern = (fs::temp_directory_path() / "addio-open-XXXXXX").string();
    ASSERT_NE(mkdtemp(pattern.data()), nullptr);
    dir_ = pattern;
    path_ = (dir_ / "addio.db").string();
  }
  void TearDown() override { fs::remove_all(dir_); }

  fs::path dir_;
  std::string path_;  // absolute
};

bool Contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

TEST(ParseStoreUrlTest, PlainPathsAreSqliteFiles) {
  for (const std::string path :
       {"addio.db", "/var/lib/addio/addio.db", "./data/a:b.db", "dir/x://y.db", "C:addio.db"}) {
    auto url = ParseStoreUrl(path);
    ASSERT_TRUE(url) << path << ": " << url.error().message.In(Lang::kEn);
    EXPECT_EQ(url->kind, StoreKind::kSqlite) << path;
    EXPECT_EQ(url->location, path);
  }
}

TEST(ParseStoreUrlTest, SqliteAndFileSchemesGiveThePath) {
  const std::pair<std::string, std::string> cases[] = {
      {"sqlite:addio.db", "addio.db"},
      {"sqlite:/tmp/addio.db", "/tmp/addio.db"},
      {"sqlite:///tmp/addio.db", "/tmp/addio.db"},
      {"file:data/addio.db", "data/addio.db"},
      {"file:///tmp/addio.db", "/tmp/addio.db"},
  };
  for (const auto& [text, path] : cases) {
    auto url = ParseStoreUrl(text);
    ASSERT_TRUE(url) << text << ": " << url.error().message.In(Lang::kEn);
    EXPECT_EQ(url->kind, StoreKind::kSqlite) << text;
    EXPECT_EQ(url->location, path) << text;
  }
}

TEST(ParseStoreUrlTest, PostgresUrlsAreRecognised) {
  for (const std::string text : {"postgresql://me@db.example/addio", "postgres://localhost/a"}) {
    auto url = ParseStoreUrl(text);
    ASSERT_TRUE(url) << text;
    EXPECT_EQ(url->kind, StoreKind::kPostgres);
    EXPECT_EQ(url->location, text);
  }
}

TEST(ParseStoreUrlTest, EmptyAndUnknownFormsAreRefused) {
  for (const std::string text : {"", "sqlite:", "file://", "mysql://db/addio", "http://x/y.db"}) {
    auto url = ParseStoreUrl(text);
    ASSERT_FALSE(url) << text;
    EXPECT_EQ(url.error().code, ErrorCode::kInvalidArgument) << text;
  }
  auto mysql = ParseStoreUrl("mysql://db/addio");
  ASSERT_FALSE(mysql);
  EXPECT_TRUE(Contains(mysql.error().message.In(Lang::kEn), "\"mysql\""))
      << mysql.error().message.In(Lang::kEn);
  EXPECT_TRUE(Contains(mysql.error().message.In(Lang::kEn), "sqlite:PATH"))
      << mysql.error().message.In(Lang::kEn);
  EXPECT_TRUE(Contains(mysql.error().message.In(Lang::kEn), "file:PATH"))
      << mysql.error().message.In(Lang::kEn);
}

TEST_F(OpenStoreTest, EveryFormOpensTheSameFile) {
  auto created = OpenStore("sqlite:" + path_, OpenMode::kCreateIfMissing);
  ASSERT_TRUE(created) << created.error().message.In(Lang::kEn);
  ASSERT_TRUE((*created)->SetSetting("late_days", 21));
  created->reset();
  EXPECT_TRUE(fs::exists(path_));
  for (const std::string& url :
       {path_, "sqlite:" + path_, "sqlite://" + path_, "file:" + path_, "file://" + path_}) {
    auto store = OpenStore(url, OpenMode::kMustExist);
    ASSERT_TRUE(store) << url << ": " << store.error().message.In(Lang::kEn);
    auto settings = (*store)->Settings();
    ASSERT_TRUE(settings);
    EXPECT_EQ(settings->at("late_days"), 21) << url;
  }
}

TEST_F(OpenStoreTest, MissingFileOfAUrlTellsToRunInit) {
  auto store = OpenStore("file:" + path_, OpenMode::kMustExist);
  ASSERT_FALSE(store);
  EXPECT_EQ(store.error().code, ErrorCode::kNotFound);
  // The message names the file, not the URL, exactly as for a plain path.
  EXPECT_EQ(store.error().message.In(Lang::kEn),
            "no addio database at " + path_ + "; run `addio init` to create one");
  EXPECT_FALSE(fs::exists(path_));
}

// A PostgreSQL server that cannot be reached is the store's error, naming the server
// without the password of its URL; nothing is made on disk.
TEST_F(OpenStoreTest, AnUnreachablePostgresServerIsAStoreError) {
  for (const std::string url : {"postgresql://me:s3cret@127.0.0.1:1/addio",
                                "postgres://me@127.0.0.1:1/addio?password=s3cret"}) {
    for (const OpenMode mode : {OpenMode::kMustExist, OpenMode::kCreateIfMissing}) {
      auto store = OpenStore(url, mode);
      ASSERT_FALSE(store) << url;
      EXPECT_EQ(store.error().code, ErrorCode::kStore);
      const std::string message = store.error().message.In(Lang::kEn);
      EXPECT_TRUE(Contains(message, "me@127.0.0.1:1/addio")) << message;
      EXPECT_FALSE(Contains(message, "s3cret")) << message;
    }
  }
  EXPECT_TRUE(fs::is_empty(dir_));
}

TEST_F(OpenStoreTest, UnknownSchemeCreatesNothing) {
  auto store = OpenStore("mysql://" + path_, OpenMode::kCreateIfMissing);
  ASSERT_FALSE(store);
  EXPECT_EQ(store.error().code, ErrorCode::kInvalidArgument);
  EXPECT_TRUE(fs::is_empty(dir_));
}

}  // namespace
}  // namespace addio

// The one folder walk of every importer (folder_walk.h): its order and what it skips.
#include "ingest/folder_walk.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <string>
#include <vector>

#include "ingest/importers.h"
#include "timesheet_test_util.h"

namespace addio {
namespace {

namespace fs = std::filesystem;
using testing::ReadWith;
using testing::TempDir;

// `files` relative to `root`, for readable expectations.
std::vector<std::string> Relative(const std::vector<std::string>& files, const TempDir& root) {
  std::vector<std::string> out;
  for (const std::string& file : files) {
    out.push_back(fs::relative(file, root.path()).generic_string());
  }
  return out;
}

TEST(FolderWalkTest, FilesComeSortedByPathByteByByte) {
  TempDir dir;
  for (const char* name : {"b.csv", "B.csv", "a.csv", "x2/1.csv", "x/1.csv", "x/sub/0.csv"}) {
    dir.Write(name, "x");
  }
  Result<FolderFiles> walked = WalkFolder(dir.path());
  ASSERT_TRUE(walked) << walked.error().message.In(Lang::kEn);
  EXPECT_EQ(
      Relative(walked->files, dir),
      (std::vector<std::string>{"B.csv", "a.csv", "b.csv", "x/1.csv", "x/sub/0.csv", "x2/1.csv"}));
  EXPECT_TRUE(walked->whole_folders.empty());
}

TEST(FolderWalkTest, HiddenFilesAndEverythingInHiddenFoldersAreSkipped) {
  TempDir dir;
  dir.Write("invoices.csv", "x");
  dir.Write(".DS_Store", "x");
  dir.Write(".~lock.invoices.csv#", "x");
  dir.Write(".git/config.csv", "x");
  dir.Write("sub/.hidden.csv", "x");
  dir.Write("sub/.cache/deep.csv", "x");
  dir.Write("sub/kept.csv", "x");
  fs::create_directories(fs::path(dir.path()) / "empty");
  Result<FolderFiles> walked = WalkFolder(dir.path());
  ASSERT_TRUE(walked) << walked.error().message.In(Lang::kEn);
  EXPECT_EQ(Relative(walked->files, dir),
            (std::vector<std::string>{"invoices.csv", "sub/kept.csv"}));
}

TEST(FolderWalkTest, TheCallersTestsChooseFilesAndWholeFolders) {
  TempDir dir;
  dir.Write("a.xml", "x");
  dir.Write("b.txt", "x");
  dir.Write("ledger/clients.csv", "x");
  dir.Write("ledger/inner/c.xml", "x");
  dir.Write("other/d.xml", "x");
  Result<FolderFiles> walked = WalkFolder(
      dir.path(), [](const fs::path& path) { return path.extension() == ".xml"; },
      [](const fs::path& path) { return path.filename() == "ledger"; });
  ASSERT_TRUE(walked) << walked.error().message.In(Lang::kEn);
  EXPECT_EQ(Relative(walked->files, dir), (std::vector<std::string>{"a.xml", "other/d.xml"}));
  EXPECT_EQ(Relative(walked->whole_folders, dir), (std::vector<std::string>{"ledger"}));
}

TEST(FolderWalkTest, ExtensionsIgnoreCaseAndMatchTheWholeEnding) {
  TempDir dir;
  for (const char* name : {"a.XML", "b.xml.p7m", "c.P7M", "d.xmlx", "e.xml.bak", ".f.xml"}) {
    dir.Write(name, "x");
  }
  Result<std::vector<std::string>> files = FilesWithExtensions(dir.path(), {".xml", ".p7m"});
  ASSERT_TRUE(files) << files.error().message.In(Lang::kEn);
  EXPECT_EQ(Relative(*files, dir), (std::vector<std::string>{"a.XML", "b.xml.p7m", "c.P7M"}));
}

TEST(FolderWalkTest, AMissingFolderIsAnIoErrorNamingIt) {
  TempDir dir;
  const std::string missing = dir.path() + "/nowhere";
  Result<FolderFiles> walked = WalkFolder(missing);
  ASSERT_FALSE(walked);
  EXPECT_EQ(walked.error().code, ErrorCode::kIo);
  EXPECT_TRUE(
      walked.error().message.In(Lang::kEn).starts_with("cannot read the folder " + missing + ": "))
      << walked.error().message.In(Lang::kEn);
}

// The importers that read a folder of their own files use the same rule: a hidden file
// is not read even when its name says it is theirs.
TEST(FolderWalkTest, AnImporterReadingAFolderSkipsHiddenFilesToo) {
  TempDir dir;
  dir.Write(".statement.xml", "<not camt>");
  const IngestResult result = ReadWith(CamtImporter(), dir.path());
  const std::string problems = testing::Problems(result);
  EXPECT_NE(problems.find("no .xml file in this folder"), std::string::npos) << problems;
  EXPECT_EQ(problems.find(".statement.xml"), std::string::npos) << problems;
}

}  // namespace
}  // namespace addio

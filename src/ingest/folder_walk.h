// The one way importers list the files of a folder they are given: `addio import` on a
// folder (ingest.cc) and the importers that read a folder of their own files (FatturaPA,
// camt, OFX, .eml). Every folder is walked with the same rules, so a file that one
// importer passes over is passed over by all, and the files come in the same order.
//
// The rules:
// - Order: sorted by full path, byte by byte (std::string's <), whatever order the file
//   system gives. "B.xml" comes before "a.xml", and "x/1.xml" before "x2/1.xml".
// - Skipped without a word: every file or folder whose name starts with '.' (and all
//   that a hidden folder holds: .git, .DS_Store, editors' swap files), broken links,
//   folders the walk may not enter, and files the caller's test refuses. Links to files
//   are read as the file; links to folders are not entered.
// - Never opened: what is neither a regular file nor a folder (a FIFO, a device, a
//   socket), since reading one may block forever; listed in `not_regular` so that the
//   caller can say it was refused.
#pragma once

#include <filesystem>
#include <functional>
#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"

namespace addio {

// What a walk found: the files, and the folders taken whole (not entered), each sorted.
struct FolderFiles {
  std::vector<std::string> files;
  std::vector<std::string> whole_folders;
  std::vector<std::string> not_regular;  // FIFOs, devices, sockets met on the way, sorted
};

// A test on one file or folder the walk meets.
using PathTest = std::function<bool(const std::filesystem::path& path)>;

// Walks `folder` and its subfolders by the rules above. A file is kept when `keep_file`
// accepts it (an empty test keeps every file); a folder that `take_whole` accepts is listed
// in whole_folders and not entered (a canonical ledger folder). Error kIo naming `folder`
// when it cannot be read (missing, not a folder, an I/O error during the walk).
[[nodiscard]] Result<FolderFiles> WalkFolder(const std::string& folder,
                                             const PathTest& keep_file = {},
                                             const PathTest& take_whole = {});

// The files of `folder` (WalkFolder) whose name ends with one of `extensions` (".xml",
// ".p7m"), case ignored. Error kIo as WalkFolder.
[[nodiscard]] Result<std::vector<std::string>> FilesWithExtensions(
    const std::string& folder, std::initializer_list<std::string_view> extensions);

}  // namespace addio

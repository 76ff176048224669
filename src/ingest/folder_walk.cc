// The folder walk every importer shares (folder_walk.h).
#include "ingest/folder_walk.h"

#include <algorithm>
#include <cctype>
#include <system_error>

#include "core/ascii.h"

namespace addio {
namespace {

namespace fs = std::filesystem;

}  // namespace

Result<FolderFiles> WalkFolder(const std::string& folder, const PathTest& keep_file,
                               const PathTest& take_whole) {
  FolderFiles found;
  std::error_code walk_error;
  const auto failed = [&folder](const std::error_code& error) {
    return Fail(ErrorCode::kIo, Msg("ingest.folder.unreadable", folder, error.message()));
  };
  fs::recursive_directory_iterator it(folder, fs::directory_options::skip_permission_denied,
                                      walk_error);
  if (walk_error) return failed(walk_error);
  for (const fs::recursive_directory_iterator end; it != end; it.increment(walk_error)) {
    if (walk_error) return failed(walk_error);
    const fs::path& path = it->path();
    std::error_code status_error;  // an entry that vanished or cannot be stat'ed is neither
    const bool is_folder = it->is_directory(status_error);
    if (path.filename().string().starts_with(".")) {
      if (is_folder) it.disable_recursion_pending();
      continue;
    }
    if (is_folder) {
      if (take_whole && take_whole(path)) {
        found.whole_folders.push_back(path.string());
        it.disable_recursion_pending();
      }
    } else if (it->is_regular_file(status_error)) {
      if (!keep_file || keep_file(path)) found.files.push_back(path.string());
    } else if (it->exists(status_error)) {  // not a broken link: a FIFO, a device, a socket
      found.not_regular.push_back(path.string());
    }
  }
  if (walk_error) return failed(walk_error);
  std::sort(found.files.begin(), found.files.end());
  std::sort(found.whole_folders.begin(), found.whole_folders.end());
  std::sort(found.not_regular.begin(), found.not_regular.end());
  return found;
}

Result<std::vector<std::string>> FilesWithExtensions(
    const std::string& folder, std::initializer_list<std::string_view> extensions) {
  const std::vector<std::string_view> wanted(extensions);
  Result<FolderFiles> found = WalkFolder(folder, [&wanted](const fs::path& path) {
    const std::string name = AsciiLower(path.filename().string());
    return std::any_of(wanted.begin(), wanted.end(),
                       [&name](std::string_view extension) { return name.ends_with(extension); });
  });
  if (!found) return std::unexpected(found.error());
  return std::move(found->files);
}

}  // namespace addio

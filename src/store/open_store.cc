// OpenStore: from a store URL to a Store. The one switch over the kinds of database.
#include <algorithm>
#include <cctype>
#include <string_view>

#include "store/accounts.h"
#include "store/pg_db.h"
#include "store/sql_store.h"
#include "store/sqlite_db.h"
#include "store/sqlite_store.h"
#include "store/store.h"
#include "store/workspaces.h"

namespace addio {
namespace {

// The scheme of "scheme://...", or empty when `url` has none (a plain path). A scheme is a
// letter followed by letters, digits, '+', '-' or '.' (RFC 3986).
std::string_view SchemeOf(std::string_view url) {
  const size_t colon = url.find("://");
  if (colon == std::string_view::npos || colon == 0) return {};
  if (!std::isalpha(static_cast<unsigned char>(url[0]))) return {};
  for (size_t i = 1; i < colon; ++i) {
    const auto c = static_cast<unsigned char>(url[i]);
    if (!std::isalnum(c) && c != '+' && c != '-' && c != '.') return {};
  }
  return url.substr(0, colon);
}

// A database opened for a store, and how messages name it.
struct OpenedDatabase {
  std::unique_ptr<store_internal::SqlDb> db;
  std::string where;  // the file's path, or the server's URL without its password
};

// `url` without the password of its user part ("postgresql://me:secret@host/db" gives
// "postgresql://me@host/db") nor a password=... parameter.
std::string WithoutPassword(std::string url) {
  const size_t scheme = url.find("://");
  const size_t at = url.find('@', scheme == std::string::npos ? 0 : scheme + 3);
  if (scheme != std::string::npos && at != std::string::npos) {
    const size_t colon = url.find(':', scheme + 3);
    if (colon != std::string::npos && colon < at) url.erase(colon, at - colon);
  }
  for (size_t p = url.find("password="); p != std::string::npos; p = url.find("password=", p)) {
    const size_t end = url.find('&', p);
    url.erase(p + 9, (end == std::string::npos ? url.size() : end) - (p + 9));
    p += 9;
  }
  return url;
}

// The database `url` names, opened and its schema made current (ParseStoreUrl is in
// store.h).
Result<OpenedDatabase> OpenDatabase(const std::string& url, OpenMode mode) {
  auto parsed = ParseStoreUrl(url);
  if (!parsed) return std::unexpected(parsed.error());
  if (parsed->kind == StoreKind::kSqlite) {
    auto db = store_internal::OpenSqliteDatabase(parsed->location, mode);
    if (!db) return std::unexpected(db.error());
    return OpenedDatabase{std::move(*db), parsed->location};
  }
  std::string where = WithoutPassword(parsed->location);
  auto db = store_internal::OpenPgDatabase(parsed->location, where);
  if (!db) return std::unexpected(db.error());
  return OpenedDatabase{std::move(*db), std::move(where)};
}

}  // namespace

Result<StoreUrl> ParseStoreUrl(const std::string& url) {
  if (url.empty()) {
    return Fail(ErrorCode::kInvalidArgument,
                Msg("store.url.none", Arg::Key("store.url.accepted_forms")));
  }
  for (const std::string_view prefix : {"sqlite:", "file:"}) {
    if (!url.starts_with(prefix)) continue;
    std::string_view path = std::string_view(url).substr(prefix.size());
    if (path.starts_with("//")) path.remove_prefix(2);
    if (path.empty()) {
      return Fail(ErrorCode::kInvalidArgument, Msg("store.url.no_file", url, prefix));
    }
    return StoreUrl{StoreKind::kSqlite, std::string(path)};
  }
  const std::string_view scheme = SchemeOf(url);
  if (scheme.empty()) return StoreUrl{StoreKind::kSqlite, url};
  if (scheme == "postgresql" || scheme == "postgres") return StoreUrl{StoreKind::kPostgres, url};
  return Fail(ErrorCode::kInvalidArgument,
              Msg("store.url.unknown_scheme", url, scheme, Arg::Key("store.url.accepted_forms")));
}

bool IsWorkspaceId(std::string_view id) {
  if (id.empty() || id.size() > 40) return false;
  auto letter_or_digit = [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'); };
  if (!letter_or_digit(id.front())) return false;
  return std::all_of(id.begin(), id.end(),
                     [&](char c) { return letter_or_digit(c) || c == '-' || c == '_'; });
}

Result<std::unique_ptr<Store>> OpenStore(const std::string& url, OpenMode mode,
                                         const std::string& workspace) {
  auto opened = OpenDatabase(url, mode);
  if (!opened) return std::unexpected(opened.error());
  auto id = store_internal::FindWorkspace(*opened->db, opened->where, workspace);
  if (!id) return std::unexpected(id.error());
  return store_internal::NewSqlStore(std::move(opened->db), opened->where, *id);
}

Result<std::vector<WorkspaceEntry>> ListWorkspaces(const std::string& url) {
  auto opened = OpenDatabase(url, OpenMode::kMustExist);
  if (!opened) return std::unexpected(opened.error());
  return store_internal::ListWorkspacesIn(*opened->db, opened->where);
}

Result<std::unique_ptr<Accounts>> OpenAccounts(const std::string& url) {
  auto opened = OpenDatabase(url, OpenMode::kMustExist);
  if (!opened) return std::unexpected(opened.error());
  return store_internal::NewSqlAccounts(std::move(opened->db), std::move(opened->where));
}

Status AddWorkspace(const std::string& url, const std::string& id, const std::string& name) {
  if (!IsWorkspaceId(id))
    return Fail(ErrorCode::kInvalidArgument, Msg("store.workspace.bad_id", id));
  auto opened = OpenDatabase(url, OpenMode::kMustExist);
  if (!opened) return std::unexpected(opened.error());
  return store_internal::AddWorkspaceTo(*opened->db, opened->where, id, name.empty() ? id : name);
}

Status RenameWorkspace(const std::string& url, const std::string& id, const std::string& name) {
  if (name.empty()) return Fail(ErrorCode::kInvalidArgument, Msg("store.workspace.needs_name"));
  auto opened = OpenDatabase(url, OpenMode::kMustExist);
  if (!opened) return std::unexpected(opened.error());
  return store_internal::RenameWorkspaceIn(*opened->db, opened->where, id, name);
}

}  // namespace addio

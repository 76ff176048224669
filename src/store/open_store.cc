// OpenStore: from a store URL to a Store. The one switch over the kinds of store, so that
// adding the PostgreSQL store touches this file and not its callers.
#include <algorithm>
#include <cctype>
#include <string_view>

#include "store/sqlite_store.h"
#include "store/store.h"

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
  auto parsed = ParseStoreUrl(url);
  if (!parsed) return std::unexpected(parsed.error());
  switch (parsed->kind) {
    case StoreKind::kSqlite:
      return store_internal::OpenSqliteStore(parsed->location, mode, workspace);
    case StoreKind::kPostgres:
      return Fail(ErrorCode::kInvalidArgument, Msg("store.url.postgres_unavailable"));
  }
  return Fail(ErrorCode::kInternal, Msg("store.unknown_kind"));
}

Result<std::vector<WorkspaceEntry>> ListWorkspaces(const std::string& url) {
  auto parsed = ParseStoreUrl(url);
  if (!parsed) return std::unexpected(parsed.error());
  if (parsed->kind == StoreKind::kPostgres) {
    return Fail(ErrorCode::kInvalidArgument, Msg("store.url.postgres_unavailable"));
  }
  return store_internal::ListSqliteWorkspaces(parsed->location);
}

Status AddWorkspace(const std::string& url, const std::string& id, const std::string& name) {
  if (!IsWorkspaceId(id))
    return Fail(ErrorCode::kInvalidArgument, Msg("store.workspace.bad_id", id));
  auto parsed = ParseStoreUrl(url);
  if (!parsed) return std::unexpected(parsed.error());
  if (parsed->kind == StoreKind::kPostgres) {
    return Fail(ErrorCode::kInvalidArgument, Msg("store.url.postgres_unavailable"));
  }
  return store_internal::AddSqliteWorkspace(parsed->location, id, name.empty() ? id : name);
}

Status RenameWorkspace(const std::string& url, const std::string& id, const std::string& name) {
  if (name.empty()) return Fail(ErrorCode::kInvalidArgument, Msg("store.workspace.needs_name"));
  auto parsed = ParseStoreUrl(url);
  if (!parsed) return std::unexpected(parsed.error());
  if (parsed->kind == StoreKind::kPostgres) {
    return Fail(ErrorCode::kInvalidArgument, Msg("store.url.postgres_unavailable"));
  }
  return store_internal::RenameSqliteWorkspace(parsed->location, id, name);
}

}  // namespace addio

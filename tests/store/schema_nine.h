// A store file as addio wrote it before workspaces (schema version 9), for the tests of
// upgrades: the file a store of today wrote, rewritten with the tables of migration steps 1
// to 9 and the records of its workspace 1. Header-only, for the store tests.
#pragma once

#include <SQLiteCpp/SQLiteCpp.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <set>
#include <string>

#include "store/schema.h"

namespace addio::testing {

// The columns of `table` in the schema `schema` of `db` ("main", "now").
inline std::set<std::string> ColumnsOf(SQLite::Database& db, const std::string& schema,
                                       const std::string& table) {
  std::set<std::string> out;
  SQLite::Statement query(db, "SELECT name FROM pragma_table_info(?, ?)");
  query.bind(1, table);
  query.bind(2, schema);
  while (query.executeStep()) out.insert(query.getColumn(0).getString());
  return out;
}

// Rewrites the store at `path` (closed) as schema version 9. The kept statistics are left
// empty (derived data); the workspace row and the kept span get the id 1 of that schema.
inline void RewriteAsSchemaNine(const std::string& path) {
  const std::string old_path = path + ".v9";
  std::filesystem::remove(old_path);
  {
    SQLite::Database db(old_path, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
    ASSERT_TRUE(store_internal::Migrate(db, old_path, 9));
    db.exec("ATTACH DATABASE '" + path + "' AS now");
    SQLite::Statement tables(db,
                             "SELECT name FROM main.sqlite_schema WHERE type = 'table' AND name "
                             "NOT IN ('schema_version', 'sqlite_sequence', 'portfolio', "
                             "'portfolio_stale', 'kept_lines') ORDER BY rowid");
    std::vector<std::string> names;
    while (tables.executeStep()) names.push_back(tables.getColumn(0).getString());
    for (const std::string& table : names) {
      const std::string source = table == "workspace" ? "workspace_settings" : table;
      const std::set<std::string> present = ColumnsOf(db, "now", source);
      std::string into, from;
      for (const std::string& column : ColumnsOf(db, "main", table)) {
        into += (into.empty() ? "" : ", ") + column;
        from += (from.empty() ? "" : ", ") + (present.contains(column) ? column : "1");
      }
      // OR REPLACE: the schema made some rows already (the kept span, step 6).
      db.exec("INSERT OR REPLACE INTO main." + table + " (" + into + ") SELECT " + from +
              " FROM now." + source + " WHERE workspace_id = 1");
    }
    db.exec("DETACH DATABASE now");
  }
  for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path + suffix);
  std::filesystem::rename(old_path, path);
}

}  // namespace addio::testing

// The SQLite schema of the store and its migrations. The schema is a list of numbered
// steps; a database records the last step applied in `schema_version`, and opening it
// applies the missing steps in order, each in its own transaction, so that an
// interrupted upgrade leaves the database at the previous version. A database whose
// version is beyond the last step known here was written by a newer addio and is
// refused rather than misread. Internal to src/store/.
#pragma once

#include <string>

#include "core/result.h"

namespace SQLite {
class Database;
}

namespace addio::store_internal {

// The version the last migration step brings a database to.
int LatestSchemaVersion();

// The schema of LatestSchemaVersion() for PostgreSQL: the tables and indexes SQLite's
// migrations end with, but for the records tables' keys (by id, with an index on the
// client: a PostgreSQL table is a heap whatever its key), in PostgreSQL's types (BIGINT, DOUBLE
// PRECISION, BYTEA, text compared byte by byte), with the workspace "default", and the table
// store_version (the count of writes behind Store::DataVersion, which SQLite keeps itself).
std::string PostgresSchema();

// The statements that bring a PostgreSQL store of schema `from` to the next version
// (PostgreSQL stores begin at version 10); empty when no step starts at `from`.
std::string PostgresUpgrade(int from);

// Brings `db` to LatestSchemaVersion(), or to the earlier version `target` (the tests of
// upgrades start from the schema an earlier addio wrote). `path` names the file in
// messages. Error kStore when the file holds tables but is not an addio database, when
// its version is newer than this build knows, or when SQLite refuses. Never throws.
Status Migrate(SQLite::Database& db, const std::string& path);
Status Migrate(SQLite::Database& db, const std::string& path, int target);

}  // namespace addio::store_internal

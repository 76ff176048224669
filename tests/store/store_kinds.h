// The databases the store tests run on: SQLite always, PostgreSQL when a server is given
// (make test starts a throw-away one: tests/pg/cluster.sh). Header-only.
#pragma once

#include <gtest/gtest.h>
#include <libpq-fe.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

namespace addio::testing {

enum class StoreKind { kSqlite, kPostgres };

inline std::string KindName(const ::testing::TestParamInfo<StoreKind>& info) {
  return info.param == StoreKind::kSqlite ? "Sqlite" : "Postgres";
}

// The server the PostgreSQL runs use: $ADDIO_TEST_PG, else the one the test fixture
// started (its URL in ADDIO_TEST_PG_FILE), else "" (none).
inline std::string PostgresServer() {
  if (const char* url = std::getenv("ADDIO_TEST_PG"); url != nullptr && *url != '\0') return url;
  std::ifstream file(ADDIO_TEST_PG_FILE);
  std::string url;
  std::getline(file, url);
  return url;
}

// A new, empty folder for the running test: `prefix`, the process and the test's name
// (a parameterized test's '/' made '_'), under the temporary directory.
inline std::filesystem::path FreshTestDir(const std::string& prefix) {
  std::string name = ::testing::UnitTest::GetInstance()->current_test_info()->name();
  std::replace(name.begin(), name.end(), '/', '_');
  const std::filesystem::path dir =
      std::filesystem::temp_directory_path() / (prefix + std::to_string(getpid()) + "_" + name);
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  return dir;
}

// A new, empty store: the file `dir`/`name`.db, or a new database on the test server
// named after the test, the process and `name`. Fails the test when the server refuses.
inline std::string FreshStoreUrl(StoreKind kind, const std::filesystem::path& dir,
                                 const std::string& name) {
  if (kind == StoreKind::kSqlite) return (dir / (name + ".db")).string();
  const std::string server = PostgresServer();
  static int made = 0;
  const std::string database =
      "addio_t" + std::to_string(getpid()) + "_" + std::to_string(++made) + "_" + name;
  PGconn* connection = PQconnectdb(server.c_str());
  EXPECT_EQ(PQstatus(connection), CONNECTION_OK) << PQerrorMessage(connection);
  PGresult* result = PQexec(connection, ("CREATE DATABASE " + database).c_str());
  EXPECT_EQ(PQresultStatus(result), PGRES_COMMAND_OK) << PQerrorMessage(connection);
  PQclear(result);
  PQfinish(connection);
  return server.substr(0, server.rfind('/') + 1) + database;
}

// Every row of every table of the PostgreSQL database `url`, in a stable order: equal
// dumps mean equal contents.
inline std::string PostgresDump(const std::string& url) {
  PGconn* connection = PQconnectdb(url.c_str());
  EXPECT_EQ(PQstatus(connection), CONNECTION_OK) << PQerrorMessage(connection);
  std::string out;
  PGresult* tables = PQexec(connection,
                            "SELECT table_name FROM information_schema.tables "
                            "WHERE table_schema = 'public' ORDER BY 1");
  for (int t = 0; t < PQntuples(tables); ++t) {
    const std::string table = PQgetvalue(tables, t, 0);
    out += "[" + table + "]\n";
    PGresult* rows = PQexec(connection, ("SELECT r::text FROM " + table + " r ORDER BY 1").c_str());
    for (int r = 0; r < PQntuples(rows); ++r) out += std::string(PQgetvalue(rows, r, 0)) + "\n";
    PQclear(rows);
  }
  PQclear(tables);
  PQfinish(connection);
  return out;
}

// Skips a PostgreSQL run when no server is given (a test binary run by hand).
#define ADDIO_SKIP_WITHOUT_SERVER(kind)                                         \
  if ((kind) == ::addio::testing::StoreKind::kPostgres &&                       \
      ::addio::testing::PostgresServer().empty()) {                             \
    GTEST_SKIP() << "no PostgreSQL server: set ADDIO_TEST_PG (make test does)"; \
  }

}  // namespace addio::testing

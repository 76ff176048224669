// Internal to store/: the store on a SQL database, whichever runs it (sql_store.cc).
#pragma once

#include <cstdint>
#include <memory>
#include <string>

#include "store/accounts.h"
#include "store/sql.h"
#include "store/store.h"

namespace addio::store_internal {

// The store of workspace `workspace` (its workspace_id) on `db`, whose schema is current.
// `where` names the store in messages (a file path, a server).
std::unique_ptr<Store> NewSqlStore(std::unique_ptr<SqlDb> db, std::string where, int64_t workspace);

// The accounts of the store on `db` (accounts.cc), whose schema is current.
std::unique_ptr<Accounts> NewSqlAccounts(std::unique_ptr<SqlDb> db, std::string where);

}  // namespace addio::store_internal

// libpq, loaded on first use (dlopen) rather than when addio starts: it pulls in Kerberos,
// LDAP, SASL and GnuTLS, some twenty libraries whose loading cost every command 6-10 ms and
// about 240 page faults, while only a PostgreSQL store needs them. Each function
// keeps its libpq name and its declared type (from libpq-fe.h), so a call reads
// Pq().PQexec(...) and is checked as a direct call.
#pragma once

#include <libpq-fe.h>

#include "core/shared_library.h"

namespace addio::store_internal {

#define ADDIO_PQ_FUNCTIONS(X) \
  X(PQclear)                  \
  X(PQcmdTuples)              \
  X(PQconnectdb)              \
  X(PQerrorMessage)           \
  X(PQexec)                   \
  X(PQexecParams)             \
  X(PQfinish)                 \
  X(PQfname)                  \
  X(PQgetisnull)              \
  X(PQgetlength)              \
  X(PQgetResult)              \
  X(PQgetvalue)               \
  X(PQntuples)                \
  X(PQputCopyData)            \
  X(PQputCopyEnd)             \
  X(PQresultErrorMessage)     \
  X(PQresultStatus)           \
  X(PQstatus)

struct PqLibrary {
  ADDIO_PQ_FUNCTIONS(ADDIO_LIBRARY_MEMBER)
};

// The library, loaded once per process. Throws std::runtime_error naming the library or
// the function when it cannot be loaded: an installation fault, reported as an internal
// error.
const PqLibrary& Pq();

}  // namespace addio::store_internal

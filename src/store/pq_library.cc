#include "store/pq_library.h"

namespace addio::store_internal {

const PqLibrary& Pq() {
  static const PqLibrary functions = [] {
    const SharedLibrary library("libpq.so.5");
    PqLibrary out;
    ADDIO_PQ_FUNCTIONS(ADDIO_LIBRARY_FIND)
    return out;
  }();
  return functions;
}

}  // namespace addio::store_internal

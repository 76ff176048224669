#include "store/pq_library.h"

#include "core/shared_library.h"

namespace addio::store_internal {

const PqLibrary& Pq() {
  static const PqLibrary functions = [] {
    const SharedLibrary library("libpq.so.5");
    PqLibrary out;
#define ADDIO_PQ_FIND(name) library.Find(out.name, #name);
    ADDIO_PQ_FUNCTIONS(ADDIO_PQ_FIND)
#undef ADDIO_PQ_FIND
    return out;
  }();
  return functions;
}

}  // namespace addio::store_internal

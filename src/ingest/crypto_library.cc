#include "ingest/crypto_library.h"

#include "core/shared_library.h"

namespace addio::ingest_internal {

const CryptoLibrary& Crypto() {
  static const CryptoLibrary functions = [] {
    const SharedLibrary library("libcrypto.so.3");
    CryptoLibrary out;
#define ADDIO_CRYPTO_FIND(name) library.Find(out.name, #name);
    ADDIO_CRYPTO_FUNCTIONS(ADDIO_CRYPTO_FIND)
#undef ADDIO_CRYPTO_FIND
    return out;
  }();
  return functions;
}

}  // namespace addio::ingest_internal

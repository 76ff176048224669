#include "ingest/crypto_library.h"

namespace addio::ingest_internal {

const CryptoLibrary& Crypto() {
  static const CryptoLibrary functions = [] {
    const SharedLibrary library("libcrypto.so.3");
    CryptoLibrary out;
    ADDIO_CRYPTO_FUNCTIONS(ADDIO_LIBRARY_FIND)
    return out;
  }();
  return functions;
}

}  // namespace addio::ingest_internal

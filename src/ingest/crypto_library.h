// OpenSSL's libcrypto, loaded on first use (dlopen) rather than when addio starts: mapping
// and relocating it costs every command milliseconds, and only a signed invoice (.p7m,
// fatturapa_signed.h) needs it. Each function keeps its OpenSSL name and its declared type
// (from OpenSSL's own headers), so a call reads Crypto().BIO_free(bio) and is checked as a
// direct call.
#pragma once

#include <openssl/bio.h>
#include <openssl/cms.h>

#include "core/shared_library.h"

namespace addio::ingest_internal {

#define ADDIO_CRYPTO_FUNCTIONS(X) \
  X(ASN1_STRING_get0_data)        \
  X(ASN1_STRING_length)           \
  X(BIO_free)                     \
  X(BIO_new_mem_buf)              \
  X(CMS_ContentInfo_free)         \
  X(CMS_get0_content)             \
  X(d2i_CMS_bio)

struct CryptoLibrary {
  ADDIO_CRYPTO_FUNCTIONS(ADDIO_LIBRARY_MEMBER)
};

// The library, loaded once per process. Throws std::runtime_error naming the library or the
// function when it cannot be loaded: an installation fault, reported as an internal error.
const CryptoLibrary& Crypto();

}  // namespace addio::ingest_internal

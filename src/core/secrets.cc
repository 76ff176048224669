#include "core/secrets.h"

#include <sodium.h>

#include <stdexcept>

namespace addio {
namespace {

// libsodium is initialised once, before its first use (sodium_init is thread-safe and
// idempotent, but its cost need not be paid on every call).
void EnsureSodium() {
  static const bool ready = sodium_init() >= 0;
  if (!ready) throw std::runtime_error("libsodium could not be initialised");
}

std::string Hex(const unsigned char* bytes, size_t size) {
  std::string hex(2 * size + 1, '\0');
  sodium_bin2hex(hex.data(), hex.size(), bytes, size);
  hex.pop_back();
  return hex;
}

// The longest password accepted: argon2 takes any length, but a megabyte "password" is a
// request to burn the server's time.
constexpr size_t kMaxPasswordLength = 1000;

}  // namespace

std::optional<Message> PasswordProblem(std::string_view password) {
  if (password.size() < kMinPasswordLength) {
    return Msg("core.password.too_short", static_cast<int64_t>(kMinPasswordLength));
  }
  if (password.size() > kMaxPasswordLength) {
    return Msg("core.password.too_long", static_cast<int64_t>(kMaxPasswordLength));
  }
  return std::nullopt;
}

std::string HashPassword(std::string_view password) {
  EnsureSodium();
  char hash[crypto_pwhash_STRBYTES];
  if (crypto_pwhash_str_alg(hash, password.data(), password.size(),
                            crypto_pwhash_OPSLIMIT_INTERACTIVE, crypto_pwhash_MEMLIMIT_INTERACTIVE,
                            crypto_pwhash_ALG_ARGON2ID13) != 0) {
    throw std::runtime_error("not enough memory to hash a password");
  }
  return hash;
}

bool VerifyPassword(const std::string& hash, std::string_view password) {
  EnsureSodium();
  if (!hash.starts_with("$argon2id$")) return false;
  return crypto_pwhash_str_verify(hash.c_str(), password.data(), password.size()) == 0;
}

std::string RandomHex(size_t bytes) {
  EnsureSodium();
  std::string raw(bytes, '\0');
  randombytes_buf(raw.data(), raw.size());
  return Hex(reinterpret_cast<const unsigned char*>(raw.data()), raw.size());
}

std::string Sha256Hex(std::string_view text) {
  EnsureSodium();
  unsigned char digest[crypto_hash_sha256_BYTES];
  crypto_hash_sha256(digest, reinterpret_cast<const unsigned char*>(text.data()), text.size());
  return Hex(digest, sizeof(digest));
}

std::string Sha256Base64(std::string_view text) {
  EnsureSodium();
  unsigned char digest[crypto_hash_sha256_BYTES];
  crypto_hash_sha256(digest, reinterpret_cast<const unsigned char*>(text.data()), text.size());
  return Base64(std::string_view(reinterpret_cast<const char*>(digest), sizeof(digest)));
}

std::string HmacSha256Hex(std::string_view key, std::string_view text) {
  EnsureSodium();
  crypto_auth_hmacsha256_state state;
  crypto_auth_hmacsha256_init(&state, reinterpret_cast<const unsigned char*>(key.data()),
                              key.size());
  crypto_auth_hmacsha256_update(&state, reinterpret_cast<const unsigned char*>(text.data()),
                                text.size());
  unsigned char digest[crypto_auth_hmacsha256_BYTES];
  crypto_auth_hmacsha256_final(&state, digest);
  return Hex(digest, sizeof(digest));
}

std::string Base64(std::string_view bytes) {
  EnsureSodium();
  constexpr int kVariant = sodium_base64_VARIANT_ORIGINAL;
  std::string out(sodium_base64_ENCODED_LEN(bytes.size(), kVariant), '\0');
  sodium_bin2base64(out.data(), out.size(), reinterpret_cast<const unsigned char*>(bytes.data()),
                    bytes.size(), kVariant);
  out.pop_back();  // the terminating NUL sodium writes
  return out;
}

}  // namespace addio

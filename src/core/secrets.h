// Secrets: passwords hashed with argon2id (libsodium's crypto_pwhash_str at its
// "interactive" limits: 64 MiB and 2 passes, about a tenth of a second here), random
// tokens from the kernel, and SHA-256 for secrets that are random already (a session's or
// an API token's: 256 bits cannot be guessed, so a slow hash would only slow every
// request); with them the digests and the Base64 that what addio sends is signed and
// encoded with. All through libsodium, which every command loads anyway. Thread-safe.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "core/catalogue.h"

namespace addio {

// The shortest password an account may have.
inline constexpr size_t kMinPasswordLength = 10;

// Why `password` cannot be an account's password (too short, too long: over 1,000 bytes),
// or nullopt when it can.
std::optional<Message> PasswordProblem(std::string_view password);

// The argon2id string of `password` (algorithm, limits, salt and hash in one string, as
// crypto_pwhash_str writes it). Throws std::runtime_error when the memory it needs cannot
// be had.
std::string HashPassword(std::string_view password);

// Whether `password` is the one `hash` (HashPassword's string) was made from. False for a
// hash that is not an argon2id string.
bool VerifyPassword(const std::string& hash, std::string_view password);

// `bytes` random bytes as 2 × `bytes` lowercase hex digits.
std::string RandomHex(size_t bytes);

// The SHA-256 of `text`, as 64 lowercase hex digits.
std::string Sha256Hex(std::string_view text);

// The SHA-256 of `text` in Base64 (44 characters), as a Content-Security-Policy hash
// source names it.
std::string Sha256Base64(std::string_view text);

// The HMAC-SHA-256 of `text` under `key` (any length, as RFC 2104 allows), as 64
// lowercase hex digits.
std::string HmacSha256Hex(std::string_view key, std::string_view text);

// `bytes` in Base64 (RFC 4648 section 4: the standard alphabet, padded, no line breaks).
std::string Base64(std::string_view bytes);

}  // namespace addio

#include "ingest/fatturapa_signed.h"

#include <cctype>
#include <memory>
#include <optional>
#include <sstream>

#include "ingest/crypto_library.h"

namespace addio {
namespace {

// Standard base64 with the white space and PEM armour lines around it ignored.
std::optional<std::string> DecodeBase64(std::string_view text) {
  std::string clean;
  std::istringstream lines{std::string(text)};
  for (std::string line; std::getline(lines, line);) {
    if (line.rfind("-----", 0) == 0) continue;
    for (char c : line) {
      if (!std::isspace(static_cast<unsigned char>(c))) clean += c;
    }
  }
  auto value = [](char c) -> int {
    if (c >= 'A' && c <= 'Z') return c - 'A';
    if (c >= 'a' && c <= 'z') return c - 'a' + 26;
    if (c >= '0' && c <= '9') return c - '0' + 52;
    if (c == '+') return 62;
    if (c == '/') return 63;
    return -1;
  };
  std::string out;
  int bits = 0, buffer = 0;
  for (char c : clean) {
    if (c == '=') break;
    const int v = value(c);
    if (v < 0) return std::nullopt;
    buffer = (buffer << 6) | v;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out += static_cast<char>((buffer >> bits) & 0xFF);
    }
  }
  if (out.empty()) return std::nullopt;
  return out;
}

}  // namespace

Result<std::string> ExtractSignedContent(std::string bytes) {
  static constexpr char kNotSigned[] = "ingest.signed.unreadable";
  for (int depth = 0; depth < 4; ++depth) {
    if (bytes.empty() || static_cast<unsigned char>(bytes.front()) != 0x30) {
      auto decoded = DecodeBase64(bytes);
      if (!decoded) {
        return Fail(ErrorCode::kParse, Msg(kNotSigned));
      }
      bytes = std::move(*decoded);
    }
    const ingest_internal::CryptoLibrary& crypto = ingest_internal::Crypto();
    std::unique_ptr<BIO, decltype(crypto.BIO_free)> bio(
        crypto.BIO_new_mem_buf(bytes.data(), static_cast<int>(bytes.size())), crypto.BIO_free);
    std::unique_ptr<CMS_ContentInfo, decltype(crypto.CMS_ContentInfo_free)> cms(
        crypto.d2i_CMS_bio(bio.get(), nullptr), crypto.CMS_ContentInfo_free);
    if (!cms) return Fail(ErrorCode::kParse, Msg(kNotSigned));
    ASN1_OCTET_STRING** content = crypto.CMS_get0_content(cms.get());
    if (content == nullptr || *content == nullptr) {
      return Fail(ErrorCode::kParse, Msg("ingest.signed.detached"));
    }
    std::string inner(reinterpret_cast<const char*>(crypto.ASN1_STRING_get0_data(*content)),
                      static_cast<size_t>(crypto.ASN1_STRING_length(*content)));
    size_t start = 0;
    while (start < inner.size() && std::isspace(static_cast<unsigned char>(inner[start]))) {
      ++start;
    }
    const bool nested = start < inner.size() && static_cast<unsigned char>(inner[start]) == 0x30;
    if (!nested) return inner;
    bytes = std::move(inner);
  }
  return Fail(ErrorCode::kParse, Msg("ingest.signed.too_deep"));
}

}  // namespace addio

#include "store/rates_codec.h"

#include <algorithm>
#include <cstdint>
#include <cstring>

namespace addio::store_internal {
namespace {

constexpr std::string_view kMagic("AR1\x01", 4);

template <typename T>
void Put(std::string& out, T value) {
  char bytes[sizeof(T)];
  std::memcpy(bytes, &value, sizeof(T));
  out.append(bytes, sizeof(T));
}

// Reads values off the front of a blob; every read fails once one ran past the end.
class Reader {
 public:
  explicit Reader(std::string_view blob) : rest_(blob) {}
  template <typename T>
  bool Get(T& value) {
    if (rest_.size() < sizeof(T)) return false;
    std::memcpy(&value, rest_.data(), sizeof(T));
    rest_.remove_prefix(sizeof(T));
    return true;
  }
  bool Get(std::string& text, size_t size) {
    if (rest_.size() < size) return false;
    text.assign(rest_.data(), size);
    rest_.remove_prefix(size);
    return true;
  }
  bool Expect(std::string_view prefix) {
    if (!rest_.starts_with(prefix)) return false;
    rest_.remove_prefix(prefix.size());
    return true;
  }
  bool AtEnd() const { return rest_.empty(); }

 private:
  std::string_view rest_;
};

}  // namespace

std::string EncodeRates(const std::vector<StoredRate>& rates, const std::vector<size_t>& ranked) {
  std::string out(kMagic);
  out.reserve(kMagic.size() + 4 + rates.size() * 32);
  Put<uint32_t>(out, static_cast<uint32_t>(rates.size()));
  for (const StoredRate& rate : rates) {
    Put<uint32_t>(out, static_cast<uint32_t>(rate.client.size()));
    out += rate.client;
    Put<double>(out, rate.hours);
    Put<uint8_t>(out, rate.rate_minor ? 1 : 0);
    if (rate.rate_minor) Put<int64_t>(out, *rate.rate_minor);
  }
  Put<uint32_t>(out, static_cast<uint32_t>(ranked.size()));
  for (size_t index : ranked) Put<uint32_t>(out, static_cast<uint32_t>(index));
  return out;
}

std::optional<KeptRates> DecodeRates(std::string_view blob) {
  Reader in(blob);
  uint32_t count = 0;
  if (!in.Expect(kMagic) || !in.Get(count)) return std::nullopt;
  KeptRates kept;
  std::vector<StoredRate>& rates = kept.rates;
  rates.reserve(std::min<size_t>(count, blob.size() / 13));  // 13: the smallest entry
  for (uint32_t i = 0; i < count; ++i) {
    StoredRate rate;
    uint32_t size = 0;
    uint8_t known = 0;
    if (!in.Get(size) || !in.Get(rate.client, size) || !in.Get(rate.hours) || !in.Get(known)) {
      return std::nullopt;
    }
    if (known) {
      int64_t minor = 0;
      if (!in.Get(minor)) return std::nullopt;
      rate.rate_minor = minor;
    }
    rates.push_back(std::move(rate));
  }
  uint32_t ranks = 0;
  if (!in.Get(ranks) || ranks > count) return std::nullopt;
  kept.ranked.resize(ranks);
  for (size_t& index : kept.ranked) {
    uint32_t value = 0;
    if (!in.Get(value) || value >= count) return std::nullopt;
    index = value;
  }
  if (!in.AtEnd()) return std::nullopt;
  return kept;
}

}  // namespace addio::store_internal

// The generator's source of randomness: xoshiro256** seeded through splitmix64, both
// fixed algorithms with published reference outputs, so that a seed gives the same
// sequence on every machine and with every standard library. Only integer arithmetic
// and exact conversions are used (no std:: distributions, no libm), which keeps every
// derived value bit-identical across platforms.
#pragma once

#include <cstddef>
#include <cstdint>

namespace addio::gen {

// splitmix64: one step of the mixer, used to expand seeds and to derive per-client seeds.
inline uint64_t SplitMix64(uint64_t& state) {
  uint64_t z = (state += 0x9e3779b97f4a7c15ull);
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
  return z ^ (z >> 31);
}

class Rng {
 public:
  // A stream for (seed, stream): different streams of one seed are independent. The seed
  // is mixed before the stream number joins it, so that nearby seeds and streams do not
  // line up (seed 1 stream 0 and seed 0 stream 1 share nothing).
  Rng(uint64_t seed, uint64_t stream) {
    uint64_t mixer = seed;
    uint64_t state = SplitMix64(mixer) ^ (stream * 0xd1342543de82ef95ull);
    for (uint64_t& word : s_) word = SplitMix64(state);
  }

  uint64_t Next() {
    const uint64_t result = Rotl(s_[1] * 5, 7) * 9;
    const uint64_t t = s_[1] << 17;
    s_[2] ^= s_[0];
    s_[3] ^= s_[1];
    s_[1] ^= s_[2];
    s_[0] ^= s_[3];
    s_[2] ^= t;
    s_[3] = Rotl(s_[3], 45);
    return result;
  }

  // A uniform integer in [lo, hi]. REQUIRES: lo <= hi. The tiny modulo bias of a 64-bit
  // draw is irrelevant for synthetic data and keeps the sequence simple to reproduce.
  int Between(int lo, int hi) {
    const uint64_t span = static_cast<uint64_t>(static_cast<int64_t>(hi) - lo) + 1;
    return lo + static_cast<int>(Next() % span);
  }

  // True with probability per_mille / 1000.
  bool Chance(int per_mille) { return static_cast<int>(Next() % 1000) < per_mille; }

  // One element of a non-empty array, uniformly.
  template <typename T, size_t N>
  const T& Pick(const T (&items)[N]) {
    return items[Next() % N];
  }

 private:
  static uint64_t Rotl(uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }
  uint64_t s_[4];
};

}  // namespace addio::gen

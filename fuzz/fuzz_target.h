// The entry function of a fuzz target, written once for both builds:
//
//   ADDIO_FUZZ_TARGET(ofx) { ... use data, size ...; return 0; }
//
// With ADDIO_LIBFUZZER (the `fuzz` preset) it is libFuzzer's LLVMFuzzerTestOneInput, one
// target per binary. Otherwise it is a function registered under its name in the replay
// executable (replay_main.cc), which runs it over seeds and regression inputs in ctest.
// Contract of every target: any bytes are accepted; a crash, a sanitizer report, an
// abort of a CheckThat or a run beyond the time or memory bound is a finding.
#pragma once

#include <cstddef>
#include <cstdint>

namespace addio::fuzz {

using Entry = int (*)(const uint8_t* data, size_t size);
// Registers a target of the replay executable; returns true (for a static initialiser).
bool Register(const char* name, Entry entry);

}  // namespace addio::fuzz

#ifdef ADDIO_LIBFUZZER
#define ADDIO_FUZZ_TARGET(name) \
  extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
#else
#define ADDIO_FUZZ_TARGET(name)                                       \
  static int AddioFuzzEntry_##name(const uint8_t* data, size_t size); \
  [[maybe_unused]] static const bool kAddioFuzzRegistered_##name =    \
      ::addio::fuzz::Register(#name, &AddioFuzzEntry_##name);         \
  static int AddioFuzzEntry_##name(const uint8_t* data, size_t size)
#endif

// The replay executable of the normal (g++) build: `fuzz_replay <target> <file|folder>...`
// runs the target's entry function once per file (folders recursively, in name order) and
// prints how many inputs it ran. Any crash or sanitizer report fails it, as in libFuzzer.
#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <string>
#include <vector>

#include "fuzz_target.h"

namespace addio::fuzz {

namespace {

std::map<std::string, Entry>& Targets() {
  static std::map<std::string, Entry> targets;
  return targets;
}

}  // namespace

bool Register(const char* name, Entry entry) {
  Targets()[name] = entry;
  return true;
}

}  // namespace addio::fuzz

namespace fs = std::filesystem;

int main(int argc, char** argv) {
  const auto& targets = addio::fuzz::Targets();
  if (argc < 2 || !targets.contains(argv[1])) {
    std::fprintf(stderr, "usage: fuzz_replay <target> <file|folder>...\ntargets:");
    for (const auto& [name, entry] : targets) std::fprintf(stderr, " %s", name.c_str());
    std::fprintf(stderr, "\n");
    return 2;
  }
  std::vector<fs::path> inputs;
  for (int i = 2; i < argc; ++i) {
    const fs::path root = argv[i];
    if (fs::is_directory(root)) {
      for (const auto& entry : fs::recursive_directory_iterator(root)) {
        if (entry.is_regular_file()) inputs.push_back(entry.path());
      }
    } else if (fs::is_regular_file(root)) {
      inputs.push_back(root);
    }
  }
  std::sort(inputs.begin(), inputs.end());
  const addio::fuzz::Entry entry = targets.at(argv[1]);
  for (const fs::path& input : inputs) {
    std::ifstream in(input, std::ios::binary);
    const std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    std::fprintf(stderr, "%s: %s\n", argv[1], input.c_str());
    entry(reinterpret_cast<const uint8_t*>(bytes.data()), bytes.size());
  }
  std::printf("%s: %zu inputs replayed\n", argv[1], inputs.size());
  return 0;
}

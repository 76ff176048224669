#include "core/build_id.h"

#include <elf.h>
#include <link.h>

#include <cstdint>
#include <cstring>
#include <string>

namespace addio {
namespace {

size_t Align4(size_t n) { return (n + 3) & ~size_t{3}; }

// The NT_GNU_BUILD_ID note among the program headers of the first object
// dl_iterate_phdr visits: the executable itself.
int ReadBuildId(struct dl_phdr_info* info, size_t /*size*/, void* data) {
  auto* out = static_cast<std::string*>(data);
  for (ElfW(Half) i = 0; i < info->dlpi_phnum; ++i) {
    const ElfW(Phdr)& header = info->dlpi_phdr[i];
    if (header.p_type != PT_NOTE) continue;
    const auto* at = reinterpret_cast<const unsigned char*>(info->dlpi_addr + header.p_vaddr);
    const unsigned char* end = at + header.p_memsz;
    while (at + sizeof(ElfW(Nhdr)) <= end) {
      ElfW(Nhdr) note;
      std::memcpy(&note, at, sizeof(note));
      const unsigned char* name = at + sizeof(note);
      const unsigned char* desc = name + Align4(note.n_namesz);
      if (desc + note.n_descsz > end) break;
      if (note.n_type == NT_GNU_BUILD_ID && note.n_namesz == 4 &&
          std::memcmp(name, "GNU", 4) == 0) {
        static constexpr char kHex[] = "0123456789abcdef";
        for (ElfW(Word) b = 0; b < note.n_descsz; ++b) {
          out->push_back(kHex[desc[b] >> 4]);
          out->push_back(kHex[desc[b] & 0xf]);
        }
        return 1;
      }
      at = desc + Align4(note.n_descsz);
    }
  }
  return 1;  // only the executable is looked at
}

}  // namespace

std::string_view BuildId() {
  static const std::string id = [] {
    std::string hex;
    dl_iterate_phdr(ReadBuildId, &hex);
    return hex.empty() ? std::string("version-" ADDIO_VERSION) : hex;
  }();
  return id;
}

}  // namespace addio

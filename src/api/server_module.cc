#include "api/server_module.h"

#include <dlfcn.h>
#include <errno.h>
#include <sys/mman.h>
#include <unistd.h>

#include <cstring>
#include <string>

// The module's bytes in the binary (server_module_bytes.cc, from scripts/embed-module).
extern "C" const unsigned char addio_server_module_start[];
extern "C" const unsigned char addio_server_module_end[];

namespace addio {
namespace {

// Linux 6.3's flag asking for an executable memory file, for systems that make them
// non-executable by default (vm.memfd_noexec = 1); older kernels refuse it (EINVAL).
constexpr unsigned kMemfdExec = 0x0010U;

// A memory file holding the module's bytes, or -1 with errno set.
int ModuleFile() {
  int fd = memfd_create("addio-server", MFD_CLOEXEC | kMemfdExec);
  if (fd < 0 && errno == EINVAL) fd = memfd_create("addio-server", MFD_CLOEXEC);
  if (fd < 0) return -1;
  const unsigned char* at = addio_server_module_start;
  while (at < addio_server_module_end) {
    const ssize_t wrote = write(fd, at, static_cast<size_t>(addio_server_module_end - at));
    if (wrote < 0 && errno == EINTR) continue;
    if (wrote <= 0) {
      const int saved = wrote == 0 ? EIO : errno;  // a write of nothing sets no errno
      close(fd);
      errno = saved;
      return -1;
    }
    at += wrote;
  }
  return fd;
}

using NewServer = decltype(&addio_new_api_server);

// The module's entry, or the reason it cannot be had.
Result<NewServer> LoadEntry() {
  const int fd = ModuleFile();
  if (fd < 0) {
    return Fail(ErrorCode::kInternal, Msg("api.error.module", std::string(std::strerror(errno))));
  }
  const std::string path = "/proc/self/fd/" + std::to_string(fd);
  void* module = dlopen(path.c_str(), RTLD_NOW | RTLD_LOCAL);
  // The mapping keeps the file: the descriptor is no longer needed, loaded or not.
  const std::string reason = module == nullptr ? dlerror() : "";
  close(fd);
  if (module == nullptr) return Fail(ErrorCode::kInternal, Msg("api.error.module", reason));
  auto entry = reinterpret_cast<NewServer>(dlsym(module, "addio_new_api_server"));
  if (entry == nullptr) {
    return Fail(ErrorCode::kInternal,
                Msg("api.error.module", std::string("no addio_new_api_server")));
  }
  return entry;
}

}  // namespace

Result<std::unique_ptr<Server>> LoadApiServer(ServeOptions options) {
  static const Result<NewServer> entry = LoadEntry();
  if (!entry) return std::unexpected(entry.error());
  return std::unique_ptr<Server>((*entry)(std::move(options)));
}

}  // namespace addio

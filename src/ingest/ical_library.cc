#include "ingest/ical_library.h"

#include <dlfcn.h>

#include <stdexcept>
#include <string>

namespace addio::ingest_internal {

const IcalLibrary& Ical() {
  static const IcalLibrary library = [] {
    void* handle = dlopen("libical.so.3", RTLD_NOW | RTLD_LOCAL);
    if (handle == nullptr) throw std::runtime_error(dlerror());
    IcalLibrary out;
    auto find = [handle]<typename F>(F& function, const char* name) {
      function = reinterpret_cast<F>(dlsym(handle, name));
      if (function == nullptr) throw std::runtime_error(std::string("libical.so.3: no ") + name);
    };
#define ADDIO_ICAL_FIND(name) find(out.name, #name);
    ADDIO_ICAL_FUNCTIONS(ADDIO_ICAL_FIND)
#undef ADDIO_ICAL_FIND
    // Errors are read from return values; by default libical may abort the process.
    out.icalerror_set_errors_are_fatal(0);
    return out;
  }();
  return library;
}

}  // namespace addio::ingest_internal

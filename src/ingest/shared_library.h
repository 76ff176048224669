// A shared library opened on first use (dlopen), for the importers whose libraries most
// commands never need (ingest/ical_library.h, GMime in mail_common.cc). Failures throw
// std::runtime_error naming the library, or the library and the function: an installation
// fault, reported as an internal error.
#pragma once

#include <dlfcn.h>

#include <stdexcept>
#include <string>

namespace addio::ingest_internal {

class SharedLibrary {
 public:
  // Opens `soname` (never closed: the functions found stay valid for the process).
  explicit SharedLibrary(const char* soname) : soname_(soname) {
    handle_ = dlopen(soname, RTLD_NOW | RTLD_LOCAL);
    if (handle_ == nullptr) throw std::runtime_error(dlerror());
  }

  // Sets `function` to the library's `name`; its type comes from the library's header.
  template <typename F>
  void Find(F& function, const char* name) const {
    function = reinterpret_cast<F>(dlsym(handle_, name));
    if (function == nullptr) throw std::runtime_error(std::string(soname_) + ": no " + name);
  }

 private:
  const char* soname_;
  void* handle_ = nullptr;
};

}  // namespace addio::ingest_internal

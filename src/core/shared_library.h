// A shared library opened on first use (dlopen), for the libraries most commands never
// need: libical, GMime and libcrypto for the importers (ingest/ical_library.h,
// mail_common.cc, ingest/crypto_library.h), libcurl for what addio sends
// (outbound/curl_library.h), libpq for PostgreSQL (store/pq_library.h). Failures throw
// std::runtime_error naming the library, or the library and the function: an installation
// fault, reported as an internal error.
#pragma once

#include <dlfcn.h>

#include <stdexcept>
#include <string>

// A library's table of functions is an X-macro list of their names (ADDIO_PQ_FUNCTIONS in
// store/pq_library.h, say). Applied to ADDIO_LIBRARY_MEMBER in the table's struct, it
// declares one member per function, with the function's own name and its declared type;
// applied to ADDIO_LIBRARY_FIND where a SharedLibrary `library` and a table `out` are in
// scope, it finds each of them.
#define ADDIO_LIBRARY_MEMBER(name) decltype(&::name) name = nullptr;
#define ADDIO_LIBRARY_FIND(name) library.Find(out.name, #name);

namespace addio {

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

}  // namespace addio

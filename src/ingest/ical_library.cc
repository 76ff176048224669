#include "ingest/ical_library.h"

#include "core/shared_library.h"

namespace addio::ingest_internal {

const IcalLibrary& Ical() {
  static const IcalLibrary functions = [] {
    const SharedLibrary library("libical.so.3");
    IcalLibrary out;
#define ADDIO_ICAL_FIND(name) library.Find(out.name, #name);
    ADDIO_ICAL_FUNCTIONS(ADDIO_ICAL_FIND)
#undef ADDIO_ICAL_FIND
    // Errors are read from return values; by default libical may abort the process.
    out.icalerror_set_errors_are_fatal(0);
    return out;
  }();
  return functions;
}

}  // namespace addio::ingest_internal

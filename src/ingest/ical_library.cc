#include "ingest/ical_library.h"

namespace addio::ingest_internal {

const IcalLibrary& Ical() {
  static const IcalLibrary functions = [] {
    const SharedLibrary library("libical.so.3");
    IcalLibrary out;
    ADDIO_ICAL_FUNCTIONS(ADDIO_LIBRARY_FIND)
    // Errors are read from return values; by default libical may abort the process.
    out.icalerror_set_errors_are_fatal(0);
    return out;
  }();
  return functions;
}

}  // namespace addio::ingest_internal

// libical, loaded on first use (dlopen) rather than when addio starts: it and ICU, which it
// pulls in, cost every command several milliseconds of start-up, and only calendar imports
// need it. Each function keeps its libical name and its declared type (from libical's own
// headers), so a call reads Ical().icaltime_null_time() and is checked as a direct call.
#pragma once

#include <libical/ical.h>

#include "core/shared_library.h"

namespace addio::ingest_internal {

#define ADDIO_ICAL_FUNCTIONS(X)        \
  X(icalcomponent_free)                \
  X(icalcomponent_get_first_component) \
  X(icalcomponent_isa)                 \
  X(icalerror_clear_errno)             \
  X(icalerror_set_errors_are_fatal)    \
  X(icalmemory_free_buffer)            \
  X(icalparser_parse_string)           \
  X(icalrecur_iterator_free)           \
  X(icalrecur_iterator_new)            \
  X(icalrecur_iterator_next)           \
  X(icalrecurrencetype_from_string)    \
  X(icaltime_as_timet_with_zone)       \
  X(icaltime_from_timet_with_zone)     \
  X(icaltime_is_null_time)             \
  X(icaltime_is_utc)                   \
  X(icaltime_null_time)                \
  X(icaltimezone_convert_time)         \
  X(icaltimezone_free)                 \
  X(icaltimezone_get_tzid)             \
  X(icaltimezone_get_utc_timezone)     \
  X(icaltimezone_new)                  \
  X(icaltimezone_set_component)

struct IcalLibrary {
  ADDIO_ICAL_FUNCTIONS(ADDIO_LIBRARY_MEMBER)
};

// The library, loaded once per process and told not to abort on errors. Throws
// std::runtime_error naming the library or the function when it cannot be loaded: an
// installation fault, reported as an internal error.
const IcalLibrary& Ical();

}  // namespace addio::ingest_internal

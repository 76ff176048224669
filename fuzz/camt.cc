// ISO 20022 camt.052/053/054 bank statements (camt.cc, bank_matching.cc).
#include "fuzz_support.h"
#include "fuzz_target.h"

ADDIO_FUZZ_TARGET(camt) {
  addio::fuzz::ReadWith("camt", "statement.xml", addio::fuzz::AsText(data, size));
  return 0;
}

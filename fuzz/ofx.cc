// OFX bank statements, SGML (1.x) and XML (2.x) (ofx.cc, bank_matching.cc).
#include "fuzz_support.h"
#include "fuzz_target.h"

ADDIO_FUZZ_TARGET(ofx) {
  addio::fuzz::ReadWith("ofx", "statement.ofx", addio::fuzz::AsText(data, size));
  return 0;
}

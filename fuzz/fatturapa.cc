// FatturaPA e-invoices (fatturapa.cc, xml_local.cc).
#include "fuzz_support.h"
#include "fuzz_target.h"

ADDIO_FUZZ_TARGET(fatturapa) {
  addio::fuzz::ReadWith("fatturapa", "IT01234567890_FPR01.xml", addio::fuzz::AsText(data, size));
  return 0;
}

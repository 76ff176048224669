// The canonical ledger's JSON form (ledger/json_read.cc): parsed from memory with every
// field rule; what reads without error must write and read back unchanged.
#include "fuzz_support.h"
#include "fuzz_target.h"

ADDIO_FUZZ_TARGET(ledger_json) {
  using namespace addio;
  fuzz::CheckReadResult(ParseLedgerJson(fuzz::AsText(data, size), "fuzz.json"));
  return 0;
}

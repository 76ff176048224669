// The invoicing tools' CSV exports (invoicing_tools.cc, invoicing_export.cc,
// invoicing_common.cc): every input is read by each of the six tools.
#include "fuzz_support.h"
#include "fuzz_target.h"

ADDIO_FUZZ_TARGET(invoicing) {
  using namespace addio;
  const std::string_view text = fuzz::AsText(data, size);
  for (const char* importer :
       {"invoiceninja", "freshbooks", "wave", "zoho", "invoice2go", "invoicely"}) {
    fuzz::ReadWith(importer, "invoices.csv", text);
  }
  return 0;
}

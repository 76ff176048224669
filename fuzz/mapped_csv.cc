// Any CSV with a TOML mapping (mapped_csv.cc, mapped_csv_mapping.cc): the input is the
// mapping, a form feed, then the CSV file.
#include "fuzz_support.h"
#include "fuzz_target.h"

ADDIO_FUZZ_TARGET(mapped_csv) {
  using namespace addio;
  const auto parts = fuzz::SplitParts(fuzz::AsText(data, size), 2);
  IngestContext context = fuzz::EmptyStoreContext();
  context.options.mapping_file = fuzz::WriteScratch("mapping.toml", parts[0]);
  fuzz::ReadWith("csv-mapping", "export.csv", parts.size() > 1 ? parts[1] : "", &context);
  return 0;
}

#include "api/keeping_store.h"

namespace addio {

Status KeepingStore::SaveRates(CivilDate as_of, const RatesTable& table, int64_t seen) {
  auto saved = version_.KeepDerived([&](Store& store) -> Result<bool> {
    if (Status status = store.SaveRates(as_of, table, seen); !status) {
      return std::unexpected(status.error());
    }
    return true;
  });
  if (!saved) return std::unexpected(saved.error());
  return {};
}

Result<bool> KeepingStore::SaveLines(CivilDate as_of,
                                     const std::vector<std::pair<std::string, std::string>>& lines,
                                     int64_t seen) {
  return version_.KeepDerived([&](Store& store) { return store.SaveLines(as_of, lines, seen); });
}

}  // namespace addio

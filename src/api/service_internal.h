// Internal to api/: what the service_*.cc files share — reading the common query
// parameters (and "today" from the service's clock). Errors carry messages of the
// catalogue (api.json); the server renders them in the request's language.
#pragma once

#include <initializer_list>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

#include "api/service.h"
#include "core/clock.h"
#include "core/result.h"
#include "core/time.h"
#include "ledger/client_ledger.h"
#include "ledger/records.h"
#include "report/report.h"
#include "store/store.h"

namespace addio::api_internal {

// The lang parameter: empty is English; anything but en|it is kInvalidArgument.
Result<Lang> ParseLangParam(const std::string& text);

// Today by `clock` in the workspace time zone (UTC when the zone is unknown).
CivilDate Today(const Clock& clock, const Workspace& workspace);

// The as_of parameter, or Today(clock, workspace) when empty. Error kInvalidArgument
// naming the parameter and the expected form.
Result<CivilDate> ParseAsOf(const std::string& text, const Workspace& workspace,
                            const Clock& clock);

// A whole-number parameter from `low` to `high`, or `fallback` when `text` is empty.
// Error kInvalidArgument with the catalogue message `error` (its {0} is the text) otherwise.
Result<size_t> ParseCount(const std::string& text, size_t fallback, size_t low, size_t high,
                          const char* error);

// The months parameter, 1..600; 12 when empty. Error kInvalidArgument otherwise.
Result<int> ParseMonths(const std::string& text);

// The snapshot of client `id` (the ClientLedger SplitByClient gives it), built from its
// records alone; nullopt when no client has this id.
std::optional<ClientLedger> ClientLedgerOf(const Ledger& ledger, const std::string& id);

// The response cache's key of an answer: the endpoint, then each normalised parameter
// (as_of resolved, defaults filled in), each prefixed by its length so that no two lists
// of parts give the same key.
std::string CacheKey(std::string_view endpoint, std::initializer_list<std::string_view> parts);

// The earliest and latest business dates of any record, in the workspace time zone; nullopt
// without records.
std::pair<std::optional<CivilDate>, std::optional<CivilDate>> RecordSpan(
    const Workspace& workspace, const StoredExtent& extent);

// The date a dashboard opens with: today, unless the records stop more than 60 days
// before it (an old export), then the day of the last record, so that a first look does
// not show an empty window.
CivilDate DefaultAsOf(CivilDate today, std::optional<CivilDate> last_record);

// A JSON body.
inline ApiBody JsonBody(std::string text) {
  return ApiBody{"application/json", std::move(text), {}};
}

}  // namespace addio::api_internal

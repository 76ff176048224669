// Internal to api/: what the service_*.cc files share — reading the common query
// parameters (and "today" from the service's clock). Errors carry messages of the
// catalogue (api.json); the server renders them in the request's language.
#pragma once

#include <memory>
#include <string>
#include <string_view>

#include "api/service.h"
#include "core/clock.h"
#include "core/result.h"
#include "core/time.h"
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

// The months parameter, 1..600; 12 when empty. Error kInvalidArgument otherwise.
Result<int> ParseMonths(const std::string& text);

// A JSON body.
inline ApiBody JsonBody(std::string text) {
  return ApiBody{"application/json", std::move(text), {}};
}

}  // namespace addio::api_internal

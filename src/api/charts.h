// The JSON of a client's charts (report/charts.h) as the API serves it at
// GET /api/v1/clients/{id}/charts: the Charts schema of the OpenAPI document.
#pragma once

#include <string>

#include "api/credited.h"
#include "report/charts.h"

namespace addio {

// The JSON of the Charts schema of the OpenAPI document: keys in a fixed order, money as
// decimal strings, hours rounded to 4 decimals. Each invoice's `amount` is its net amount
// (report/charts.h); `credited` says what credit notes took off it (0 when none), and `net`
// repeats the amount under its explicit name.
std::string ChartsJson(const ClientCharts& charts,
                       const api_internal::CreditedAmounts& credited = {});

}  // namespace addio

// The JSON of a client's charts (report/charts.h) as the API serves it at
// GET /api/v1/clients/{id}/charts: the Charts schema of the OpenAPI document.
#pragma once

#include <string>

#include "report/charts.h"

namespace addio {

// The JSON of the Charts schema of the OpenAPI document: keys in a fixed order, money as
// decimal strings, hours rounded to 4 decimals.
std::string ChartsJson(const ClientCharts& charts);

}  // namespace addio

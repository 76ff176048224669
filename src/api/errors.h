// How the API reports an error: a JSON body {"error": {"code", "message"}} and an HTTP
// status that depends only on the code. HttpStatus is the one place that maps the
// engine's ErrorCode (core/result.h) to a status; the server adds three codes of its own
// (payload_too_large 413, method_not_allowed 405, and not_found for unknown paths).
#pragma once

#include <string>
#include <string_view>

#include "core/result.h"

namespace addio {

// invalid_argument 400, parse 422, validation 422, not_found 404, conflict 409, io 500,
// store 503, internal 500.
int HttpStatus(ErrorCode code);

// {"error":{"code":"<code>","message":"<message>"}} as compact JSON text.
std::string ErrorJson(std::string_view code, std::string_view message);
// The error's message rendered in `lang`, the language of the request.
std::string ErrorJson(const Error& error, Lang lang);

}  // namespace addio

#include "api/errors.h"

#include <nlohmann/json.hpp>

#include "api/json_util.h"

namespace addio {

int HttpStatus(ErrorCode code) {
  switch (code) {
    case ErrorCode::kInvalidArgument:
      return 400;
    case ErrorCode::kParse:
    case ErrorCode::kValidation:
      return 422;
    case ErrorCode::kNotFound:
      return 404;
    case ErrorCode::kConflict:
      return 409;
    case ErrorCode::kStore:
      return 503;
    case ErrorCode::kUnauthenticated:
      return 401;
    case ErrorCode::kForbidden:
      return 403;
    case ErrorCode::kTooManyRequests:
      return 429;
    case ErrorCode::kIo:
    case ErrorCode::kInternal:
      return 500;
  }
  return 500;
}

std::string ErrorJson(std::string_view code, std::string_view message) {
  api_internal::Json body;
  body["error"]["code"] = code;
  body["error"]["message"] = message;
  return api_internal::Dump(body);
}

std::string ErrorJson(const Error& error, Lang lang) {
  return ErrorJson(ErrorCodeName(error.code), error.message.In(lang));
}

}  // namespace addio

#include "core/result.h"

namespace addio {

int ExitCode(ErrorCode code) {
  switch (code) {
    case ErrorCode::kInvalidArgument:
      return 2;
    case ErrorCode::kParse:
    case ErrorCode::kValidation:
    case ErrorCode::kConflict:
      return 3;
    case ErrorCode::kNotFound:
      return 4;
    case ErrorCode::kUnauthenticated:
    case ErrorCode::kForbidden:
    case ErrorCode::kTooManyRequests:
      return 6;
    case ErrorCode::kIo:
    case ErrorCode::kStore:
      return 5;
    case ErrorCode::kInternal:
      return 70;
  }
  return 70;
}

const char* ErrorCodeName(ErrorCode code) {
  switch (code) {
    case ErrorCode::kInvalidArgument:
      return "invalid_argument";
    case ErrorCode::kParse:
      return "parse";
    case ErrorCode::kValidation:
      return "validation";
    case ErrorCode::kNotFound:
      return "not_found";
    case ErrorCode::kConflict:
      return "conflict";
    case ErrorCode::kIo:
      return "io";
    case ErrorCode::kStore:
      return "store";
    case ErrorCode::kUnauthenticated:
      return "unauthenticated";
    case ErrorCode::kForbidden:
      return "forbidden";
    case ErrorCode::kTooManyRequests:
      return "too_many_requests";
    case ErrorCode::kInternal:
      return "internal";
  }
  return "internal";
}

}  // namespace addio

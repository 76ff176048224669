// Errors as values. Anything a user can cause (bad input, a missing record, a locked
// database) is returned as an Error inside a Result; exceptions are kept for bugs and
// resource exhaustion and are caught at the edges (main, the HTTP handler wrapper).
// ExitCode() is the one place that maps an error code to a process exit status.
#pragma once

#include <expected>
#include <stdexcept>
#include <string>
#include <utility>

#include "core/catalogue.h"

namespace addio {

enum class ErrorCode {
  kInvalidArgument,  // a command-line argument or setting is malformed
  kParse,            // a file could not be read as its format says
  kValidation,       // records break a field rule of the ledger format
  kNotFound,         // a named client, record, file or time zone does not exist
  kConflict,         // the request contradicts what is stored
  kIo,               // the file system refused
  kStore,            // the database refused
  kUnauthenticated,  // a server request without a valid credential (HTTP 401)
  kForbidden,        // the caller's role does not allow it (HTTP 403)
  kTooManyRequests,  // too many attempts; try again later (HTTP 429)
  kInternal,         // a bug
};

struct Error {
  ErrorCode code = ErrorCode::kInternal;
  Message message;  // what went wrong, in the reader's language when rendered
};

template <typename T>
using Result = std::expected<T, Error>;
using Status = std::expected<void, Error>;

[[nodiscard]] inline std::unexpected<Error> Fail(ErrorCode code, Message message) {
  return std::unexpected<Error>(Error{code, std::move(message)});
}

// An exception that carries its words as a Message. Exceptions are for bugs and exhausted
// resources only; the edges that catch std::exception (main, the HTTP handler wrapper) may
// ask dynamic_cast<const MessageException*>(&e) for the words in the reader's language.
// what() of the concrete classes below is the English.
class MessageException {
 public:
  virtual ~MessageException() = default;
  const Message& message() const { return message_; }

 protected:
  explicit MessageException(Message message) : message_(std::move(message)) {}

 private:
  Message message_;
};

// A bug: code broke an invariant (mixed two currencies, asked for a record type that does
// not exist). Never caused by a user's input.
class InternalError : public std::logic_error, public MessageException {
 public:
  explicit InternalError(const Message& message)
      : std::logic_error(message.In(Lang::kEn)), MessageException(message) {}
};

// The process exit status for an error: 2 for usage, 3 for input that was rejected,
// 4 for something missing, 5 for the environment (files, database), 70 for bugs.
int ExitCode(ErrorCode code);

// "validation", "not_found", ...: the stable name used in JSON error bodies.
const char* ErrorCodeName(ErrorCode code);

}  // namespace addio

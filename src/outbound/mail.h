// E-mail through the workspace's SMTP server (ledger MailServer): a UTF-8 message in plain
// text with an optional HTML alternative, both quoted-printable, headers encoded per
// RFC 2047 where they are not ASCII, sent with libcurl over STARTTLS, TLS or plain SMTP.
#pragma once

#include <string>

#include "core/result.h"
#include "core/time.h"
#include "ledger/records.h"
#include "outbound/delivery.h"

namespace addio {

struct MailMessage {
  std::string from;        // "Studio Rossi <billing@studio.it>" or an address
  std::string to;          // an address
  std::string to_name;     // the recipient's name; may be empty
  std::string subject;     // UTF-8
  std::string text;        // the plain text body, UTF-8
  std::string html;        // an HTML alternative; empty: plain text only
  std::string message_id;  // "<...@...>": the same for the same message, however often made
  Instant date;
};

// The password of `server`: the environment variable password_env, else the first line
// of password_file, else none (no login, or a login without password). Errors
// (kInvalidArgument): the variable is not set, or the file cannot be read.
Result<std::string> MailPassword(const MailServer& server);

// The address inside "Name <address>", or `text` when it has no angle brackets.
std::string AddressOf(const std::string& text);

// A Message-ID made from `content`, the same for the same content however often it is
// made: "<" + tag + "-" + 16 hex digits + "@" + the domain of `from` + ">".
std::string StableMessageId(std::string_view tag, std::string_view content,
                            const std::string& from);

// A header value as RFC 2047 encoded words when it is not printable ASCII, else as it is.
std::string EncodeHeader(const std::string& text);

// Sends `message` through `server`, logging in as server.user with `password` when the
// user is set. kDelivered once the server accepted the message for its recipient.
DeliveryResult SendMail(const MailServer& server, const std::string& password,
                        const MailMessage& message);

}  // namespace addio

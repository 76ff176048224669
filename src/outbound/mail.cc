#include "outbound/mail.h"

#include <cstdlib>
#include <fstream>
#include <stdexcept>
#include <vector>

#include "core/ids.h"
#include "core/secrets.h"
#include "outbound/curl_library.h"

namespace addio {
namespace {

using outbound_internal::Curl;
using outbound_internal::CurlHandle;

bool IsPrintableAscii(std::string_view text) {
  for (char c : text) {
    if (c < 0x20 || c > 0x7e) return false;
  }
  return true;
}

// A display name as a quoted string (RFC 5322 phrase) when ASCII, else encoded words.
std::string DisplayName(const std::string& name) {
  if (!IsPrintableAscii(name)) return EncodeHeader(name);
  std::string out = "\"";
  for (char c : name) {
    if (c == '"' || c == '\\') out += '\\';
    out += c;
  }
  return out + "\"";
}

// "Name <address>" with the name made safe for a header; the address alone when no name.
std::string Mailbox(const std::string& name, const std::string& address) {
  if (name.empty()) return address;
  return DisplayName(name) + " <" + address + ">";
}

// The name before "<address>" in `text`, without quotes; empty when there is none.
std::string NameOf(const std::string& text) {
  const size_t open = text.rfind('<');
  if (open == std::string::npos) return {};
  std::string name = text.substr(0, open);
  while (!name.empty() && name.back() == ' ') name.pop_back();
  if (name.size() >= 2 && name.front() == '"' && name.back() == '"') {
    name = name.substr(1, name.size() - 2);
  }
  return name;
}

// RFC 5322 date: "Sun, 06 Dec 2026 18:00:00 +0000".
std::string MailDate(Instant at) {
  static const char* const kDays[] = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
  static const char* const kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                        "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  const LocalDateTime utc = TimeZone::Utc().ToLocal(at);
  char out[40];
  std::snprintf(out, sizeof out, "%s, %02d %s %04d %02d:%02d:%02d +0000",
                kDays[static_cast<int>(utc.date.weekday())], utc.date.day(),
                kMonths[utc.date.month() - 1], utc.date.year(), utc.seconds_of_day / 3600,
                utc.seconds_of_day / 60 % 60, utc.seconds_of_day % 60);
  return out;
}

// A text part, its lines ended by CRLF as mail wants them (the quoted-printable encoder
// keeps CRLF as a line break, and would write a lone LF as "=0A").
void AddTextPart(curl_mime* mime, const std::string& body, const char* type) {
  std::string lines;
  lines.reserve(body.size() + body.size() / 32);
  for (size_t i = 0; i < body.size(); ++i) {
    if (body[i] == '\n' && (i == 0 || body[i - 1] != '\r')) lines += '\r';
    lines += body[i];
  }
  const auto& curl = Curl();
  curl_mimepart* part = curl.mime_addpart(mime);
  curl.mime_data(part, lines.data(), lines.size());  // copied
  curl.mime_type(part, type);
  curl.mime_encoder(part, "quoted-printable");
}

// Whether a failure certainly left nothing with the server: it was never reached, refused
// the login or the TLS handshake, or refused the sender or the recipient before any of the
// message was sent.
bool CertainlyNotSent(CURLcode code) {
  switch (code) {
    case CURLE_UNSUPPORTED_PROTOCOL:
    case CURLE_URL_MALFORMAT:
    case CURLE_COULDNT_RESOLVE_PROXY:
    case CURLE_COULDNT_RESOLVE_HOST:
    case CURLE_COULDNT_CONNECT:
    case CURLE_LOGIN_DENIED:
    case CURLE_USE_SSL_FAILED:
    case CURLE_SSL_CONNECT_ERROR:
    case CURLE_PEER_FAILED_VERIFICATION:
    case CURLE_SSL_CACERT_BADFILE:
    case CURLE_AUTH_ERROR:
      return true;
    default:
      return false;
  }
}

int DefaultPort(MailSecurity security) {
  switch (security) {
    case MailSecurity::kTls:
      return 465;
    case MailSecurity::kNone:
      return 25;
    case MailSecurity::kStartTls:
      return 587;
  }
  return 587;
}

}  // namespace

Result<std::string> MailPassword(const MailServer& server) {
  if (!server.password_env.empty()) {
    const char* value = std::getenv(server.password_env.c_str());
    if (value == nullptr) {
      return Fail(ErrorCode::kInvalidArgument, Msg("mail.password_env_unset", server.password_env));
    }
    return std::string(value);
  }
  if (!server.password_file.empty()) {
    std::ifstream in(server.password_file);
    std::string line;
    if (!in || !std::getline(in, line)) {
      return Fail(ErrorCode::kInvalidArgument,
                  Msg("mail.password_file_unreadable", server.password_file));
    }
    if (!line.empty() && line.back() == '\r') line.pop_back();
    return line;
  }
  return std::string();
}

std::string AddressOf(const std::string& text) {
  const size_t open = text.rfind('<');
  const size_t close = text.rfind('>');
  if (open == std::string::npos || close == std::string::npos || close < open) return text;
  return text.substr(open + 1, close - open - 1);
}

std::string StableMessageId(std::string_view tag, std::string_view content,
                            const std::string& from) {
  const std::string address = AddressOf(from);
  const size_t at = address.find('@');
  const std::string domain = at == std::string::npos ? "addio.invalid" : address.substr(at + 1);
  return "<" + ContentId(tag, content) + "@" + domain + ">";
}

std::string EncodeHeader(const std::string& text) {
  if (IsPrintableAscii(text)) return text;
  // Encoded words of at most 45 bytes of text each (60 of base64), cut between UTF-8
  // characters, so that every word stays within the 75 characters RFC 2047 allows.
  std::string out;
  size_t start = 0;
  while (start < text.size()) {
    size_t end = std::min(start + 45, text.size());
    while (end < text.size() && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) --end;
    if (!out.empty()) out += ' ';
    out += "=?UTF-8?B?" + Base64(std::string_view(text).substr(start, end - start)) + "?=";
    start = end;
  }
  return out;
}

DeliveryResult SendMail(const MailServer& server, const std::string& password,
                        const MailMessage& message) {
  try {
    CurlHandle handle;
    const int port = server.port != 0 ? server.port : DefaultPort(server.security);
    const std::string scheme = server.security == MailSecurity::kTls ? "smtps://" : "smtp://";
    handle.Set(CURLOPT_URL, (scheme + server.host + ":" + std::to_string(port)).c_str());
    if (server.security == MailSecurity::kStartTls) handle.Set(CURLOPT_USE_SSL, CURLUSESSL_ALL);
    if (!server.user.empty()) {
      handle.Set(CURLOPT_USERNAME, server.user.c_str());
      handle.Set(CURLOPT_PASSWORD, password.c_str());
    }
    handle.Set(CURLOPT_CONNECTTIMEOUT, 20L);
    handle.Set(CURLOPT_TIMEOUT, 120L);
    const std::string from = "<" + AddressOf(message.from) + ">";
    handle.Set(CURLOPT_MAIL_FROM, from.c_str());
    handle.AddRecipient("<" + message.to + ">");
    handle.AddHeader("Date: " + MailDate(message.date));
    handle.AddHeader("From: " + Mailbox(NameOf(message.from), AddressOf(message.from)));
    handle.AddHeader("To: " + Mailbox(message.to_name, message.to));
    handle.AddHeader("Subject: " + EncodeHeader(message.subject));
    handle.AddHeader("Message-ID: " + message.message_id);
    handle.AddHeader("MIME-Version: 1.0");
    // The message itself is the MIME structure: the text alone, or multipart/alternative
    // of the text and the HTML (libcurl's default top level, multipart/mixed, is for
    // attachments).
    curl_mime* mime = handle.Mime();
    AddTextPart(mime, message.text, "text/plain; charset=utf-8");
    if (!message.html.empty()) {
      AddTextPart(mime, message.html, "text/html; charset=utf-8");
      handle.AddHeader("Content-Type: multipart/alternative");
    }
    const CURLcode code = handle.Perform();
    if (code == CURLE_OK) return {Delivery::kDelivered, {}};
    return {CertainlyNotSent(code) ? Delivery::kNotSent : Delivery::kUncertain,
            handle.ErrorText(code)};
  } catch (const std::runtime_error& e) {  // libcurl could not be loaded: nothing left
    return {Delivery::kNotSent, e.what()};
  }
}

}  // namespace addio

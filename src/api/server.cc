#include "api/server.h"

#include <httplib.h>

#include <netdb.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>
#include <unistd.h>

#include <charconv>
#include <condition_variable>
#include <cstdio>
#include <deque>
#include <exception>
#include <functional>
#include <map>
#include <mutex>
#include <nlohmann/json.hpp>
#include <optional>
#include <regex>
#include <semaphore>
#include <thread>
#include <utility>
#include <vector>

#include "api/auth.h"
#include "api/errors.h"
#include "api/http_connection.h"
#include "api/http_reactor.h"
#include "api/json_util.h"
#include "api/lanes.h"
#include "api/request_guard.h"
#include "api/server_module.h"
#include "api/service.h"
#include "api/web_assets.h"
#include "core/parallel.h"
#include "core/secrets.h"
#include "report/letters.h"

namespace addio {
namespace {

using api_internal::Connection;
using api_internal::HttpReactor;

// JSON bodies from this size up are gzipped when the client accepts it.
constexpr size_t kCompressFrom = 1024;
// What a request may send up to the end of its headers. httplib itself answers 414 for a
// request line over 8 KiB and 400 for a header line over 8 KiB, but only once it has read
// the whole line; this bounds the lines and their number.
constexpr size_t kHeadLimit = 64u << 10;
// The largest body of a state-changing request other than an import (JSON of a few KiB).
constexpr size_t kJsonBodyLimit = 1u << 20;
// Room in a multipart upload for everything but the file: boundaries, part headers, other
// small fields.
constexpr size_t kMultipartFraming = 64u << 10;
// Uploads held in memory at once; a third waits for one to finish, its body still in the
// socket. With kJsonBodyLimit per other request this bounds what bodies can occupy.
constexpr std::ptrdiff_t kConcurrentUploads = 2;

// The bytes a body of `content` bytes may take as sent: chunked framing costs a few bytes
// per chunk, a few per cent at most for chunks of any reasonable size.
size_t WireBudget(size_t content) { return content + content / 16 + (64u << 10); }

bool IsImport(const httplib::Request& req) {
  return req.method == "POST" && req.path == "/api/v1/imports";
}

// The body a request may send as content (before framing): the upload limit for an import,
// kJsonBodyLimit for other state-changing requests, nothing for reads.
size_t ContentLimit(const httplib::Request& req, size_t max_upload_bytes) {
  if (IsImport(req)) return max_upload_bytes + kMultipartFraming;
  return RequestGuard::ChangesState(req.method) ? kJsonBodyLimit : 0;
}

// The policy of every response. The dashboard is Vite's build: scripts and style sheets
// are files of this origin, never inline; charts are SVG and style attributes are set
// through the DOM (which a policy does not restrict). The one inline style allowed is the
// style sheet of an HTML letter, by its hash: the letters page previews a letter in a
// sandboxed srcdoc frame, which inherits the dashboard's policy. The favicon is a data:
// image.
std::string ContentSecurityPolicy() {
  return "default-src 'self'; script-src 'self'; style-src 'self' 'sha256-" +
         Sha256Base64(LetterStyleSheet()) +
         "'; img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; "
         "form-action 'self'; frame-ancestors 'none'";
}

// Headers every response carries, errors included (httplib adds them before routing).
httplib::Headers SecurityHeaders() {
  return {
      {"Content-Security-Policy", ContentSecurityPolicy()},
      {"X-Frame-Options", "DENY"},
      {"X-Content-Type-Options", "nosniff"},
      {"Referrer-Policy", "no-referrer"},
      {"Cross-Origin-Resource-Policy", "same-origin"},
  };
}

bool AcceptsGzip(const httplib::Request& req) {
  const std::string accept = req.get_header_value("Accept-Encoding");
  return accept.find("gzip") != std::string::npos && accept.find("gzip;q=0") == std::string::npos &&
         accept.find("gzip; q=0") == std::string::npos;
}

// Sends `body` through a content provider (which httplib never compresses), gzipped
// here when it is worth it and the client accepts it.
void Send(const httplib::Request& req, httplib::Response& res, int status,
          const std::string& content_type, std::string body) {
  res.status = status;
  res.set_header("Vary", "Accept-Encoding");
  if (body.size() >= kCompressFrom && AcceptsGzip(req)) {
    body = Gzip(body, 6);
    res.set_header("Content-Encoding", "gzip");
  }
  auto shared = std::make_shared<const std::string>(std::move(body));
  res.set_content_provider(shared->size(), content_type,
                           [shared](size_t offset, size_t length, httplib::DataSink& sink) {
                             if (offset >= shared->size()) return true;
                             return sink.write(shared->data() + offset,
                                               std::min(length, shared->size() - offset));
                           });
}

// The language of the request's messages: its lang parameter when it is "it", else
// English (a bad lang is itself reported, in English).
Lang LangOf(const httplib::Request& req) {
  return req.get_param_value("lang") == "it" ? Lang::kIt : Lang::kEn;
}

// Answers {"error": {code, message}} with `message` in the request's language.
void SendError(const httplib::Request& req, httplib::Response& res, int status,
               std::string_view code, const Message& message) {
  res.set_header("Cache-Control", "no-store");
  Send(req, res, status, "application/json", ErrorJson(code, message.In(LangOf(req))));
}

void SendError(const httplib::Request& req, httplib::Response& res, const Error& error) {
  SendError(req, res, HttpStatus(error.code), ErrorCodeName(error.code), error.message);
}

// Answers a request whose body is left unread, and ends the connection after the answer:
// kept open, the unread body would be read as the next request.
void Refuse(const httplib::Request& req, httplib::Response& res, int status, std::string_view code,
            const Message& message) {
  if (Connection* connection = Connection::Current()) connection->CloseAfterRequest();
  res.set_header("Connection", "close");
  SendError(req, res, status, code, message);
}

// A file name safe inside a quoted Content-Disposition parameter.
std::string SafeDownloadName(std::string name) {
  for (char& c : name) {
    const unsigned char u = static_cast<unsigned char>(c);
    if (!(std::isalnum(u) || c == '.' || c == '-' || c == '_')) c = '_';
  }
  return name;
}

void SendResult(const httplib::Request& req, httplib::Response& res, Result<ApiBody> result) {
  if (!result) return SendError(req, res, result.error());
  res.set_header("Cache-Control", "no-store");
  if (!result->filename.empty()) {
    res.set_header("Content-Disposition",
                   "attachment; filename=\"" + SafeDownloadName(result->filename) + "\"");
  }
  Send(req, res, 200, result->content_type, std::move(result->text));
}

// Whether the If-None-Match header names `etag` (or is "*").
bool Matches(const httplib::Request& req, const std::string& etag) {
  if (!req.has_header("If-None-Match")) return false;
  const std::string tags = req.get_header_value("If-None-Match");
  return tags.find(etag) != std::string::npos || tags.find('*') != std::string::npos;
}

// This process's mark on the data versions it names: the wall-clock millisecond of its first
// answer. A server started later names later versions than any before it, whose counting
// started again at 1.
const std::string& ServedSince() {
  static const std::string since =
      std::to_string(std::chrono::duration_cast<std::chrono::milliseconds>(
                         std::chrono::system_clock::now().time_since_epoch())
                         .count());
  return since;
}

// Sends a read endpoint's answer as the response cache keeps it: no copy of its bytes, its
// gzip made once per answer (ApiService::Gzipped), an ETag per representation ("...-gzip"
// for the gzipped one), the data version (X-Addio-Version) and 304 when the client has it
// already. The browser may keep the
// answer but asks again each time (no-cache), so a change of the ledger shows at once.
void SendAnswer(ApiService& service, const httplib::Request& req, httplib::Response& res,
                Result<ApiAnswer> result) {
  if (!result) return SendError(req, res, result.error());
  const ApiAnswer answer = std::move(*result);
  res.set_header("Vary", "Accept-Encoding");
  res.set_header("Cache-Control", "private, no-cache");
  // The version of the store's data the answer was made from, "<served since>-<version>":
  // the dashboard shows an answer it kept only while it is of the newest version it has
  // seen.
  if (answer->version != 0) {
    res.set_header("X-Addio-Version", ServedSince() + "-" + std::to_string(answer->version));
  }
  if (!answer->filename.empty()) {
    res.set_header("Content-Disposition",
                   "attachment; filename=\"" + SafeDownloadName(answer->filename) + "\"");
  }
  std::shared_ptr<const std::string> bytes(answer, &answer->text);  // shares the answer
  std::string etag = answer->etag;
  if (answer->text.size() >= kCompressFrom && AcceptsGzip(req)) {
    auto gzip = service.Gzipped(*answer);
    if (!gzip) return SendError(req, res, gzip.error());
    bytes = std::move(*gzip);
    res.set_header("Content-Encoding", "gzip");
    if (!etag.empty()) etag.insert(etag.size() - 1, "-gzip");
  }
  if (!etag.empty()) {
    res.set_header("ETag", etag);
    if (Matches(req, etag)) {
      res.status = 304;
      return;
    }
  }
  res.status = 200;
  res.set_content_provider(bytes->size(), answer->content_type,
                           [bytes](size_t offset, size_t length, httplib::DataSink& sink) {
                             if (offset >= bytes->size()) return true;
                             return sink.write(bytes->data() + offset,
                                               std::min(length, bytes->size() - offset));
                           });
}

ApiQuery QueryOf(const httplib::Request& req) {
  ApiQuery query;
  query.as_of = req.get_param_value("as_of");
  query.lang = req.get_param_value("lang");
  query.format = req.get_param_value("format");
  query.months = req.get_param_value("months");
  query.payments_from = req.get_param_value("payments_from");
  query.since = req.get_param_value("since");
  query.sort = req.get_param_value("sort");
  query.page = req.get_param_value("page");
  query.per_page = req.get_param_value("per_page");
  query.verdict = req.get_param_value("verdict");
  query.sign = req.get_param_value("sign");
  query.q = req.get_param_value("q");
  return query;
}

// What a route's handler answers with: the service of the request's workspace (null on
// the routes that need none), who asks and their access to it, the gatekeeper, the
// server's options (the upload limit) and the slots for uploads held in memory.
struct Endpoint {
  ApiService* service;
  const Caller& caller;
  const Access& access;
  Gatekeeper& gate;
  const ServeOptions& options;
  std::counting_semaphore<kConcurrentUploads>& uploads;
};

using Handler = void (*)(const Endpoint&, const httplib::Request&, httplib::Response&);
// A handler that reads the body itself, as it arrives (the import's upload).
using BodyHandler = void (*)(const Endpoint&, const httplib::Request&, httplib::Response&,
                             const httplib::ContentReader&);

enum class HttpMethod { kGet, kPut, kPost, kDelete };

const char* MethodName(HttpMethod method) {
  switch (method) {
    case HttpMethod::kGet:
      return "GET";
    case HttpMethod::kPut:
      return "PUT";
    case HttpMethod::kPost:
      return "POST";
    case HttpMethod::kDelete:
      return "DELETE";
  }
  return "GET";
}

// GET with the query parameters.
template <Result<ApiAnswer> (ApiService::*Method)(const ApiQuery&)>
void Read(const Endpoint& e, const httplib::Request& req, httplib::Response& res) {
  SendAnswer(*e.service, req, res, (e.service->*Method)(QueryOf(req)));
}

// GET on one client: the path's first group is its id.
template <Result<ApiAnswer> (ApiService::*Method)(const std::string&, const ApiQuery&)>
void ReadClient(const Endpoint& e, const httplib::Request& req, httplib::Response& res) {
  SendAnswer(*e.service, req, res, (e.service->*Method)(req.matches[1].str(), QueryOf(req)));
}

// PUT or POST of a JSON body.
template <Result<ApiBody> (ApiService::*Method)(std::string_view, const ApiQuery&)>
void Write(const Endpoint& e, const httplib::Request& req, httplib::Response& res) {
  SendResult(req, res, (e.service->*Method)(req.body, QueryOf(req)));
}

void GetOpenApi(const Endpoint&, const httplib::Request& req, httplib::Response& res) {
  res.set_header("Cache-Control", "no-cache");
  Send(req, res, 200, "application/json", std::string(OpenApiJson()));
}

void GetImporters(const Endpoint& e, const httplib::Request& req, httplib::Response& res) {
  SendResult(req, res, e.service->GetImporters());
}

// The session as GET /api/v1/session answers it: the CSRF token the caller's
// state-changing requests carry, whether the store has accounts and who is signed in, and
// the workspaces the caller may open with their role, and the one requests naming none
// are for.
Result<std::string> SessionJson(Gatekeeper& gate, const Caller& caller) {
  auto workspaces = gate.WorkspacesOf(caller);
  if (!workspaces) return std::unexpected(workspaces.error());
  api_internal::Json body;
  body["csrf_token"] = caller.csrf_token;
  body["csrf_header"] = "X-CSRF-Token";
  body["accounts"] = caller.kind != Caller::Kind::kLocal;
  body["signed_in"] = caller.kind == Caller::Kind::kSession || caller.kind == Caller::Kind::kToken;
  body["user"] = nullptr;
  if (body["signed_in"]) body["user"] = caller.account.email;
  body["workspace"] = nullptr;
  if (auto access = gate.Choose(*workspaces, "")) body["workspace"] = access->workspace;
  body["workspaces"] = api_internal::Json::array();
  for (const Membership& m : *workspaces) {
    body["workspaces"].push_back(
        {{"id", m.workspace}, {"name", m.name}, {"role", std::string(RoleName(m.role))}});
  }
  return api_internal::Dump(body);
}

void SendSession(Gatekeeper& gate, const Caller& caller, const httplib::Request& req,
                 httplib::Response& res) {
  auto json = SessionJson(gate, caller);
  if (!json) return SendError(req, res, json.error());
  res.set_header("Cache-Control", "no-store");
  Send(req, res, 200, "application/json", std::move(*json));
}

// GET /session: who is asking, and the CSRF token of their state-changing requests.
void GetSession(const Endpoint& e, const httplib::Request& req, httplib::Response& res) {
  SendSession(e.gate, e.caller, req, res);
}

// The Set-Cookie value of a session: only the server reads it (HttpOnly), never sent by a
// request another site starts (SameSite=Strict), over TLS only when served with TLS.
std::string SessionCookie(const std::string& secret, int64_t max_age, bool tls) {
  return std::string(kSessionCookie) + "=" + secret +
         "; Path=/; Max-Age=" + std::to_string(max_age) + "; HttpOnly; SameSite=Strict" +
         (tls ? "; Secure" : "");
}

// POST /session {"email", "password"}: signs in; the session is a cookie.
void PostSession(const Endpoint& e, const httplib::Request& req, httplib::Response& res) {
  const auto body = nlohmann::json::parse(req.body, nullptr, /*allow_exceptions=*/false);
  if (!body.is_object() || !body.contains("email") || !body["email"].is_string() ||
      !body.contains("password") || !body["password"].is_string()) {
    return SendError(req, res, 400, "invalid_argument", Msg("api.error.bad_login_body"));
  }
  int64_t retry_after = 0;
  auto signed_in = e.gate.SignIn(body["email"].get<std::string>(),
                                 body["password"].get<std::string>(), req.remote_addr, retry_after);
  if (!signed_in) {
    if (retry_after > 0) res.set_header("Retry-After", std::to_string(retry_after));
    return SendError(req, res, signed_in.error());
  }
  res.set_header("Set-Cookie", SessionCookie(signed_in->secret, kSessionSeconds, e.options.tls()));
  SendSession(e.gate, signed_in->caller, req, res);
}

// DELETE /session: signs out, and the browser forgets the cookie.
void DeleteSession(const Endpoint& e, const httplib::Request& req, httplib::Response& res) {
  if (Status ended = e.gate.SignOut(e.caller); !ended) return SendError(req, res, ended.error());
  res.set_header("Set-Cookie", SessionCookie("", 0, e.options.tls()));
  Caller nobody;
  nobody.kind =
      e.caller.kind == Caller::Kind::kLocal ? Caller::Kind::kLocal : Caller::Kind::kNobody;
  nobody.csrf_token = e.gate.ServerCsrfToken();
  SendSession(e.gate, nobody, req, res);
}

// The members of the request's workspace: {"workspace", "members": [{"email", "role"}]}.
void SendMembers(const Endpoint& e, const httplib::Request& req, httplib::Response& res) {
  auto members = e.gate.Members(e.access.workspace);
  if (!members) return SendError(req, res, members.error());
  api_internal::Json body;
  body["workspace"] = e.access.workspace;
  body["members"] = api_internal::Json::array();
  for (const Member& m : *members) {
    body["members"].push_back({{"email", m.email}, {"role", std::string(RoleName(m.role))}});
  }
  res.set_header("Cache-Control", "no-store");
  Send(req, res, 200, "application/json", api_internal::Dump(body));
}

void GetMembers(const Endpoint& e, const httplib::Request& req, httplib::Response& res) {
  SendMembers(e, req, res);
}

// PUT /members {"email", "role"}: gives an account a role in the workspace.
void PutMembers(const Endpoint& e, const httplib::Request& req, httplib::Response& res) {
  const auto body = nlohmann::json::parse(req.body, nullptr, /*allow_exceptions=*/false);
  std::optional<Role> role;
  if (body.is_object() && body.contains("role") && body["role"].is_string()) {
    role = ParseRole(body["role"].get<std::string>());
  }
  if (!role || !body.contains("email") || !body["email"].is_string()) {
    return SendError(req, res, 400, "invalid_argument", Msg("api.error.bad_member"));
  }
  if (Status set = e.gate.SetMember(e.access.workspace, body["email"].get<std::string>(), *role);
      !set) {
    return SendError(req, res, set.error());
  }
  SendMembers(e, req, res);
}

// DELETE /members/{email}: takes an account out of the workspace.
void DeleteMember(const Endpoint& e, const httplib::Request& req, httplib::Response& res) {
  if (Status removed = e.gate.RemoveMember(e.access.workspace, req.matches[1].str()); !removed) {
    return SendError(req, res, removed.error());
  }
  SendMembers(e, req, res);
}

// Reads an upload's body into `upload` as it arrives, keeping at most `limit` bytes of
// file: the file is the body, or the multipart part "file" (other parts are read and
// dropped, at most kMultipartFraming bytes of them). Returns false when the body could not
// be read whole; `too_large` says whether that was because it is over the limit.
bool ReadUpload(const httplib::Request& req, const httplib::ContentReader& read, size_t limit,
                ImportUpload& upload, bool& has_file_part, bool& too_large) {
  too_large = false;
  has_file_part = false;
  // Room for the largest file at once: growing by doubling would copy it five times and,
  // for a moment, hold one and a half times the limit. Pages are taken only as written.
  upload.content.reserve(limit);
  if (!req.is_multipart_form_data()) {
    upload.filename = req.get_param_value("filename");
    return read([&](const char* data, size_t size) {
      if (upload.content.size() + size > limit) return !(too_large = true);
      upload.content.append(data, size);
      return true;
    });
  }
  bool in_file = false;
  size_t other_bytes = 0;
  return read(
      [&](const httplib::MultipartFormData& part) {
        in_file = part.name == "file" && !has_file_part;
        if (in_file) {
          has_file_part = true;
          upload.filename = part.filename;
        }
        return true;
      },
      [&](const char* data, size_t size) {
        if (!in_file) {
          other_bytes += size;
          return other_bytes <= kMultipartFraming || !(too_large = true);
        }
        if (upload.content.size() + size > limit) return !(too_large = true);
        upload.content.append(data, size);
        return true;
      });
}

void PostImport(const Endpoint& e, const httplib::Request& req, httplib::Response& res,
                const httplib::ContentReader& read) {
  ImportUpload upload;
  upload.format = req.get_param_value("format");
  upload.timezone = req.get_param_value("timezone");
  upload.dry_run = req.get_param_value("dry_run");
  upload.since = req.get_param_value("since");
  upload.until = req.get_param_value("until");
  upload.encoding = req.get_param_value("encoding");
  upload.lang = req.get_param_value("lang");
  const size_t limit = e.options.max_upload_bytes;
  const Message too_large_message =
      Msg("api.error.file_too_large", static_cast<int64_t>(limit >> 20));
  bool has_file_part = false;
  bool too_large = false;
  bool whole = false;
  {
    e.uploads.acquire();
    struct Release {
      std::counting_semaphore<kConcurrentUploads>& slots;
      ~Release() { slots.release(); }
    } release{e.uploads};
    whole = ReadUpload(req, read, limit, upload, has_file_part, too_large);
  }
  const Connection* connection = Connection::Current();
  if (too_large || (connection != nullptr && connection->body_limit_hit())) {
    upload.content = std::string();
    return Refuse(req, res, 413, "payload_too_large", too_large_message);
  }
  if (!whole) {
    return Refuse(req, res, 400, "invalid_argument", Msg("api.error.body_unreadable"));
  }
  if (req.is_multipart_form_data() && !has_file_part) {
    return SendError(req, res, 400, "invalid_argument", Msg("api.error.no_file_part"));
  }
  if (upload.content.empty()) {
    return SendError(req, res, 400, "invalid_argument", Msg("api.error.no_file"));
  }
  SendResult(req, res, e.service->PostImport(upload));
}

void GetLetter(const Endpoint& e, const httplib::Request& req, httplib::Response& res) {
  SendAnswer(*e.service, req, res,
             e.service->GetLetter(req.matches[1].str(), req.matches[2].str(), QueryOf(req)));
}

// One endpoint of the API. The table below is the only list of them: it registers the
// handlers and tells 405 (a known path, another method) from 404. A pattern is a regular
// expression over the whole path; its groups are the path parameters.
// Who may call a route: anyone (the OpenAPI file, signing in), or a caller with at least
// a role in the request's workspace (api/auth.h).
enum class Need { kAnyone, kViewer, kMember, kOwner };

struct Route {
  HttpMethod method;
  const char* pattern;
  Need need;
  Handler handle;
  BodyHandler read_body = nullptr;  // instead of `handle`, for a body read as it arrives
};

constexpr Route kRoutes[] = {
    {HttpMethod::kGet, "/api/v1/openapi\\.json", Need::kAnyone, GetOpenApi},
    {HttpMethod::kGet, "/api/v1/session", Need::kAnyone, GetSession},
    {HttpMethod::kPost, "/api/v1/session", Need::kAnyone, PostSession},
    {HttpMethod::kDelete, "/api/v1/session", Need::kAnyone, DeleteSession},
    {HttpMethod::kGet, "/api/v1/workspace", Need::kViewer, Read<&ApiService::GetWorkspace>},
    {HttpMethod::kPut, "/api/v1/workspace", Need::kOwner, Write<&ApiService::PutWorkspace>},
    {HttpMethod::kGet, "/api/v1/members", Need::kOwner, GetMembers},
    {HttpMethod::kPut, "/api/v1/members", Need::kOwner, PutMembers},
    {HttpMethod::kDelete, "/api/v1/members/([^/]+)", Need::kOwner, DeleteMember},
    {HttpMethod::kGet, "/api/v1/clients", Need::kViewer, Read<&ApiService::GetClients>},
    {HttpMethod::kGet, "/api/v1/assessment", Need::kViewer, Read<&ApiService::GetAssessment>},
    {HttpMethod::kGet, "/api/v1/portfolio", Need::kViewer, Read<&ApiService::GetPortfolio>},
    {HttpMethod::kGet, "/api/v1/clients/([^/]+)/assessment", Need::kViewer,
     ReadClient<&ApiService::GetClientAssessment>},
    {HttpMethod::kGet, "/api/v1/clients/([^/]+)/history", Need::kViewer,
     ReadClient<&ApiService::GetHistory>},
    {HttpMethod::kGet, "/api/v1/clients/([^/]+)/charts", Need::kViewer,
     ReadClient<&ApiService::GetCharts>},
    {HttpMethod::kGet, "/api/v1/clients/([^/]+)/statement", Need::kViewer,
     ReadClient<&ApiService::GetStatement>},
    {HttpMethod::kGet, "/api/v1/aging", Need::kViewer, Read<&ApiService::GetAging>},
    {HttpMethod::kGet, "/api/v1/forecast", Need::kViewer, Read<&ApiService::GetForecast>},
    {HttpMethod::kGet, "/api/v1/alerts", Need::kViewer, Read<&ApiService::GetAlerts>},
    {HttpMethod::kGet, "/api/v1/dunning", Need::kViewer, Read<&ApiService::GetDunning>},
    {HttpMethod::kPost, "/api/v1/dunning/send", Need::kMember, Write<&ApiService::PostDunningSend>},
    {HttpMethod::kGet, "/api/v1/coverage", Need::kViewer, Read<&ApiService::GetCoverage>},
    {HttpMethod::kGet, "/api/v1/importers", Need::kViewer, GetImporters},
    {HttpMethod::kPost, "/api/v1/imports", Need::kMember, nullptr, PostImport},
    {HttpMethod::kGet, "/api/v1/settings", Need::kViewer, Read<&ApiService::GetSettings>},
    {HttpMethod::kPut, "/api/v1/settings", Need::kOwner, Write<&ApiService::PutSettings>},
    {HttpMethod::kPost, "/api/v1/screen", Need::kMember, Write<&ApiService::PostScreen>},
    {HttpMethod::kGet, "/api/v1/clients/([^/]+)/letters", Need::kViewer,
     ReadClient<&ApiService::GetLetters>},
    {HttpMethod::kGet, "/api/v1/clients/([^/]+)/letters/([^/]+)", Need::kViewer, GetLetter},
};

// A pattern of kRoutes, compiled, with the literal text it starts with: a path that does
// not start with it is not matched against the expression (most routes of a request).
struct RoutePattern {
  std::regex expression;
  std::string_view prefix;
  bool Matches(const std::string& path) const {
    return path.starts_with(prefix) && std::regex_match(path, expression);
  }
};

// The patterns of kRoutes, in table order.
const std::vector<RoutePattern>& RoutePatterns() {
  static const std::vector<RoutePattern> patterns = [] {
    std::vector<RoutePattern> compiled;
    for (const Route& route : kRoutes) {
      const std::string_view pattern = route.pattern;
      compiled.push_back(RoutePattern{std::regex(route.pattern),
                                      pattern.substr(0, pattern.find_first_of("\\([.*+?|^$"))});
    }
    return compiled;
  }();
  return patterns;
}

// The route of kRoutes `method` on `path` reaches; nullptr when none.
const Route* FindRoute(const std::string& method, const std::string& path) {
  const std::vector<RoutePattern>& patterns = RoutePatterns();
  for (size_t i = 0; i < patterns.size(); ++i) {
    if (method == MethodName(kRoutes[i].method) && patterns[i].Matches(path)) return &kRoutes[i];
  }
  return nullptr;
}

// The methods kRoutes accepts on `path`, in table order: "GET, PUT"; empty when none.
std::string AllowedMethods(const std::string& path) {
  const std::vector<RoutePattern>& patterns = RoutePatterns();
  std::string methods;
  for (size_t i = 0; i < patterns.size(); ++i) {
    if (!patterns[i].Matches(path)) continue;
    const std::string name = MethodName(kRoutes[i].method);
    if (methods.find(name) != std::string::npos) continue;
    if (!methods.empty()) methods += ", ";
    methods += name;
  }
  return methods;
}

void NoSuchRoute(const httplib::Request& req, httplib::Response& res) {
  const std::string methods = AllowedMethods(req.path);
  if (!methods.empty()) {
    res.set_header("Allow", methods);
    return SendError(req, res, 405, "method_not_allowed",
                     Msg("api.error.method", req.method, req.path, methods));
  }
  SendError(req, res, 404, "not_found", Msg("api.error.no_endpoint", req.path));
}

// The dashboard: an embedded file, else index.html for the single-page app's own routes.
// A missing file under assets/ is a 404: answering HTML for a script only hides the error.
void ServeAsset(const httplib::Request& req, httplib::Response& res) {
  std::string path = req.path.substr(req.path.starts_with("/") ? 1 : 0);
  if (path.empty()) path = "index.html";
  const WebAsset* asset = FindWebAsset(path);
  if (asset == nullptr) {
    if (path.starts_with("assets/")) {
      return SendError(req, res, 404, "not_found", Msg("api.error.no_asset", req.path));
    }
    path = "index.html";
    asset = FindWebAsset(path);
    if (asset == nullptr) {
      return SendError(req, res, 404, "not_found", Msg("api.error.no_asset", req.path));
    }
  }
  res.status = 200;
  res.set_header("Cache-Control", std::string(CacheControlFor(path)));
  res.set_header("Vary", "Accept-Encoding");
  const std::string content_type(ContentTypeFor(path));
  if (AcceptsGzip(req)) {
    res.set_header("Content-Encoding", "gzip");
    const std::string_view bytes = asset->gzip;  // static storage: no copy
    res.set_content_provider(
        bytes.size(), content_type, [bytes](size_t offset, size_t length, httplib::DataSink& sink) {
          if (offset >= bytes.size()) return true;
          return sink.write(bytes.data() + offset, std::min(length, bytes.size() - offset));
        });
    return;
  }
  // The rare client without gzip gets the file inflated.
  auto plain = Gunzip(asset->gzip);
  if (!plain) return SendError(req, res, Error{ErrorCode::kInternal, plain.error().message});
  Send(req, res, 200, content_type, std::move(*plain));
}

const char* ErrorCodeForStatus(int status) {
  switch (status) {
    case 400:
      return "invalid_argument";
    case 404:
      return "not_found";
    case 405:
      return "method_not_allowed";
    case 413:
      return "payload_too_large";
    case 414:
      return "uri_too_long";
    case 431:
      return "headers_too_large";
    default:
      return "internal";
  }
}

// httplib's server with its connection loop replaced (the one virtual it offers for it):
// each accepted connection goes to an HttpReactor, which serves its requests on the
// thread of a free lane (http_reactor.h) and reads them through a Connection, which
// bounds what each request may send (http_connection.h). The accepting thread hands the
// socket over and goes back to accepting: httplib's task queue here runs its task at once,
// and stopping it (when the server stops) stops the reactor.
class GuardedHttpServer final : public httplib::Server {
 public:
  explicit GuardedHttpServer(const ServeOptions& options) {
    new_task_queue = [this, threads = static_cast<size_t>(std::max(1, options.threads))] {
      reactor_.emplace(
          HttpReactor::Options{
              .lanes = Cores(),
              .threads = threads,
              .keep_alive_timeout_ms = static_cast<int>(keep_alive_timeout_sec_ * 1000),
              .keep_alive_max_count = keep_alive_max_count_,
              .read_timeout_sec = read_timeout_sec_,
              .write_timeout_sec = write_timeout_sec_,
              .head_limit = kHeadLimit,
          },
          [this](Connection& connection, bool last) {
            bool closed = false;
            const bool ok = process_request(connection, last, closed, nullptr);
            return ok && !closed;
          });
      return new HandOver([this] { reactor_->Stop(); });
    };
  }

 private:
  // The task queue of httplib's accepting loop: runs each task (process_and_close_socket,
  // below) on the accepting thread; its shutdown stops the reactor.
  class HandOver final : public httplib::TaskQueue {
   public:
    explicit HandOver(std::function<void()> stop) : stop_(std::move(stop)) {}
    void enqueue(std::function<void()> task) override { task(); }
    void shutdown() override { stop_(); }

   private:
    std::function<void()> stop_;
  };

  bool process_and_close_socket(socket_t sock) override {
    reactor_->Add(sock);
    return true;
  }

  std::optional<HttpReactor> reactor_;
};

// httplib's ThreadPool with a bounded queue, for HTTPS (a thread per open connection):
// the accepting thread waits while `max_queued` accepted connections already wait for a
// worker, so a flood of connections stays in the kernel's listen backlog (and beyond it is
// refused there) instead of growing a queue in memory without bound.
class BoundedThreadPool final : public httplib::TaskQueue {
 public:
  BoundedThreadPool(size_t threads, size_t max_queued) : max_queued_(max_queued) {
    for (size_t i = 0; i < threads; ++i) workers_.emplace_back([this] { Work(); });
  }

  void enqueue(std::function<void()> job) override {
    std::unique_lock lock(mutex_);
    room_.wait(lock, [this] { return jobs_.size() < max_queued_ || shutdown_; });
    jobs_.push_back(std::move(job));
    ready_.notify_one();
  }

  void shutdown() override {
    {
      std::lock_guard lock(mutex_);
      shutdown_ = true;
    }
    ready_.notify_all();
    room_.notify_all();
    for (std::thread& worker : workers_) worker.join();
  }

 private:
  void Work() {
    for (;;) {
      std::function<void()> job;
      {
        std::unique_lock lock(mutex_);
        ready_.wait(lock, [this] { return !jobs_.empty() || shutdown_; });
        if (jobs_.empty()) return;  // shut down, nothing left to serve
        job = std::move(jobs_.front());
        jobs_.pop_front();
        room_.notify_one();
      }
      job();
    }
  }

  const size_t max_queued_;
  std::vector<std::thread> workers_;
  std::deque<std::function<void()>> jobs_;
  bool shutdown_ = false;
  std::mutex mutex_;
  std::condition_variable ready_, room_;
};

// The HTTP server of `options`: HTTPS with its certificate and key, else plain HTTP through
// GuardedHttpServer. (Under TLS httplib reads the requests itself: bodies are bounded by
// its payload limit, checked as they arrive, chunked ones too.)
std::unique_ptr<httplib::Server> MakeHttpServer(const ServeOptions& options) {
  if (options.tls()) {
    auto https =
        std::make_unique<httplib::SSLServer>(options.tls_cert.c_str(), options.tls_key.c_str());
    const size_t threads = static_cast<size_t>(std::max(1, options.threads));
    https->new_task_queue = [threads] { return new BoundedThreadPool(threads, 4 * threads); };
    return https;
  }
  return std::make_unique<GuardedHttpServer>(options);
}

}  // namespace

// What Screen found out about the request being answered on this thread, for its handler:
// the route, who asks, and their access to the request's workspace.
struct Admitted {
  const httplib::Request* request = nullptr;  // the request it is about
  const Route* route = nullptr;
  Caller caller;
  Access access;
};
thread_local Admitted admitted;

struct ApiServer::Impl {
  explicit Impl(ServeOptions o)
      : options(std::move(o)),
        csrf_token(NewCsrfToken()),
        gate(options.store, options.workspace, csrf_token, *options.clock),
        http(MakeHttpServer(options)) {}

  void Install();
  // The answer before routing: the body's budget, who asks and whether they may, then the
  // guard's verdict. Handled when the request is refused.
  httplib::Server::HandlerResponse Screen(const httplib::Request& req, httplib::Response& res);
  // Fills `admitted` for `req`; false when it answered the request with a refusal.
  bool Admit(const httplib::Request& req, httplib::Response& res);
  // The service of workspace `id`, made on first use.
  ApiService& ServiceFor(const std::string& id);

  ServeOptions options;
  const std::string csrf_token;
  Gatekeeper gate;
  std::mutex services_mutex;
  std::map<std::string, std::unique_ptr<ApiService>> services;
  std::counting_semaphore<kConcurrentUploads> uploads{kConcurrentUploads};
  // Set by Bind, from the address really bound; no request is answered before.
  std::optional<RequestGuard> guard;
  std::unique_ptr<httplib::Server> http;
  std::string bound_host;
  int port = 0;
  socket_t listening = INVALID_SOCKET;
};

namespace {

// httplib listens with a backlog of 5, compiled into the library: 64 clients connecting at
// once overflow it, and the dropped connections retry a second later. Listening again on
// the bound socket raises the backlog (Linux keeps the socket and takes the new value).
void WidenBacklog(socket_t sock) {
  if (sock != INVALID_SOCKET) ::listen(sock, SOMAXCONN);
}

// The numeric address a listening socket is bound to ("127.0.0.1", "::1"), or "" .
std::string BoundAddress(socket_t sock) {
  sockaddr_storage address{};
  socklen_t length = sizeof(address);
  char host[NI_MAXHOST];
  if (sock == INVALID_SOCKET ||
      getsockname(sock, reinterpret_cast<sockaddr*>(&address), &length) != 0 ||
      getnameinfo(reinterpret_cast<sockaddr*>(&address), length, host, sizeof(host), nullptr, 0,
                  NI_NUMERICHOST) != 0) {
    return "";
  }
  return host;
}

std::string HeaderOrEmpty(const httplib::Request& req, const char* name) {
  return req.get_header_value(name);
}

// A Content-Length header as a number; nullopt when absent or not a number.
std::optional<uint64_t> ContentLength(const httplib::Request& req) {
  if (!req.has_header("Content-Length")) return std::nullopt;
  const std::string text = req.get_header_value("Content-Length");
  uint64_t value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size()) return std::nullopt;
  return value;
}

}  // namespace

httplib::Server::HandlerResponse ApiServer::Impl::Screen(const httplib::Request& req,
                                                         httplib::Response& res) {
  using HandlerResponse = httplib::Server::HandlerResponse;
  // A request that writes (an import, a setting) reads its body and writes the store: slow
  // work, during which the other requests are answered on the thread's lane.
  if (req.method != "GET" && req.method != "HEAD") api_internal::LendLane();
  const size_t content_limit = ContentLimit(req, options.max_upload_bytes);
  if (Connection* connection = Connection::Current()) {
    connection->LimitBody(content_limit == 0 ? 0 : WireBudget(content_limit));
  }
  const std::string host = HeaderOrEmpty(req, "Host");
  const std::string origin = HeaderOrEmpty(req, "Origin");
  const std::string site = HeaderOrEmpty(req, "Sec-Fetch-Site");
  const std::string token = HeaderOrEmpty(req, "X-CSRF-Token");
  const std::string authorization = HeaderOrEmpty(req, "Authorization");
  RequestGuard::Headers headers{req.method, host,  origin,       req.has_header("Origin"),
                                site,       token, authorization};
  // Two Host or Origin headers are a forgery: no browser sends them.
  if (req.get_header_value_count("Host") != 1) headers.host = "";
  if (req.get_header_value_count("Origin") > 1) headers.origin = "\n";
  // Who asks (an API request that names this server; the dashboard's files are public).
  if (req.path.starts_with("/api/") && guard->HostAllowed(headers.host)) {
    if (!Admit(req, res)) return HandlerResponse::Handled;
    headers.expected_csrf = admitted.caller.csrf_token;
    headers.bearer_verified = admitted.caller.kind == Caller::Kind::kToken;
  }
  switch (guard->Check(headers)) {
    case RequestGuard::Verdict::kAllowed:
      break;
    case RequestGuard::Verdict::kWrongHost:
      Refuse(req, res, 421, "misdirected_request", Msg("api.error.wrong_host", host));
      return HandlerResponse::Handled;
    case RequestGuard::Verdict::kCrossOrigin:
      Refuse(req, res, 403, "cross_origin", Msg("api.error.cross_origin", req.method));
      return HandlerResponse::Handled;
    case RequestGuard::Verdict::kNoCredential:
      Refuse(req, res, 403, "csrf_token", Msg("api.error.csrf_missing", req.method));
      return HandlerResponse::Handled;
    case RequestGuard::Verdict::kBadCredential:
      Refuse(req, res, 403, "csrf_token", Msg("api.error.csrf_invalid"));
      return HandlerResponse::Handled;
  }
  // A compressed body could inflate far beyond any limit counted on the wire.
  const std::string encoding = HeaderOrEmpty(req, "Content-Encoding");
  if (!encoding.empty() && encoding != "identity") {
    Refuse(req, res, 415, "unsupported_media_type", Msg("api.error.content_encoding", encoding));
    return HandlerResponse::Handled;
  }
  // A declared length over the limit is refused before a byte of it is read.
  const std::optional<uint64_t> length = ContentLength(req);
  if (length && *length > content_limit && RequestGuard::ChangesState(req.method)) {
    Refuse(req, res, 413, "payload_too_large",
           IsImport(req) ? Msg("api.error.file_too_large",
                               static_cast<int64_t>(options.max_upload_bytes >> 20))
                         : Msg("api.error.body_too_large"));
    return HandlerResponse::Handled;
  }
  return HandlerResponse::Unhandled;
}

ApiService& ApiServer::Impl::ServiceFor(const std::string& id) {
  std::lock_guard lock(services_mutex);
  std::unique_ptr<ApiService>& service = services[id];
  if (!service) {
    service = std::make_unique<ApiService>(
        [store = options.store, id] { return OpenStore(store, OpenMode::kMustExist, id); },
        *options.clock, options.cache_mib << 20);
  }
  return *service;
}

bool ApiServer::Impl::Admit(const httplib::Request& req, httplib::Response& res) {
  admitted = Admitted{};
  admitted.request = &req;
  admitted.route = FindRoute(req.method, req.path);
  const bool changes = RequestGuard::ChangesState(req.method);
  // A refusal before the body is read ends the connection when a body may follow.
  const auto refuse = [&](const Error& error) {
    if (changes) {
      Refuse(req, res, HttpStatus(error.code), ErrorCodeName(error.code), error.message);
    } else {
      SendError(req, res, error);
    }
    admitted.request = nullptr;
    return false;
  };
  auto caller = gate.Identify(HeaderOrEmpty(req, "Cookie"), HeaderOrEmpty(req, "Authorization"));
  const bool public_route = admitted.route == nullptr || admitted.route->need == Need::kAnyone;
  if (!caller) {
    // A stale cookie must not keep anyone from the public routes (signing in again).
    if (caller.error().code != ErrorCode::kUnauthenticated || !public_route) {
      return refuse(caller.error());
    }
    caller = Caller{};
    caller->csrf_token = csrf_token;
  }
  admitted.caller = std::move(*caller);
  if (public_route) return true;
  auto access = gate.Resolve(admitted.caller, req.get_param_value("workspace"));
  if (!access) return refuse(access.error());
  const Role needed = admitted.route->need == Need::kOwner    ? Role::kOwner
                      : admitted.route->need == Need::kMember ? Role::kMember
                                                              : Role::kViewer;
  if (access->role < needed) {
    return refuse({ErrorCode::kForbidden,
                   Msg("api.error.forbidden", access->workspace, RoleWord(access->role),
                       req.method + " " + req.path, RoleWord(needed))});
  }
  admitted.access = std::move(*access);
  return true;
}

void ApiServer::Impl::Install() {
  httplib::Server& s = *http;
  // httplib's own check of a declared Content-Length (a chunked body is bounded by the
  // Connection's budget, set per request in Screen).
  s.set_payload_max_length(WireBudget(options.max_upload_bytes + kMultipartFraming));
  // httplib's default sets SO_REUSEPORT, which lets a second server bind the same port
  // and silently share it; SO_REUSEADDR alone allows a quick restart and refuses that.
  s.set_socket_options([this](socket_t sock) {
    int yes = 1;
    setsockopt(sock, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof(yes));
    setsockopt(sock, IPPROTO_TCP, TCP_NODELAY, &yes, sizeof(yes));
    listening = sock;  // the last socket made is the one bound (failed ones are closed)
  });
  s.set_default_headers(SecurityHeaders());
  s.set_read_timeout(30);
  s.set_write_timeout(30);
  // A connection is kept open for many requests (httplib's default closes it after 5): a
  // new connection costs more than most answers from the cache. An idle one is closed
  // after the timeout (under HTTPS it holds a worker thread meanwhile).
  s.set_keep_alive_max_count(10000);
  s.set_keep_alive_timeout(5);
  s.set_pre_routing_handler(
      [this](const httplib::Request& req, httplib::Response& res) { return Screen(req, res); });
  // A client that asks before sending its body (Expect: 100-continue, as curl does for
  // uploads) gets the refusal instead of an invitation to send it.
  s.set_expect_100_continue_handler([this](const httplib::Request& req, httplib::Response& res) {
    return Screen(req, res) == httplib::Server::HandlerResponse::Handled ? res.status : 100;
  });

  s.set_exception_handler(
      [](const httplib::Request& req, httplib::Response& res, std::exception_ptr error) {
        std::string what = "unknown exception";
        try {
          if (error) std::rethrow_exception(error);
        } catch (const std::exception& e) {
          what = e.what();
        } catch (...) {
        }
        std::fprintf(stderr, "addio serve: %s %s: internal error: %s\n", req.method.c_str(),
                     req.path.c_str(), what.c_str());
        SendError(req, res, 500, "internal", Msg("api.error.internal", req.path));
      });
  // Errors httplib answers itself (413 over the payload limit, 400 for a malformed
  // request, 404 for a method with no route) get the API's JSON body too. A request that
  // ran past its budget (the Connection's) is a 413 or 431 and ends its connection.
  s.set_error_handler(
      httplib::Server::HandlerWithResponse([](const httplib::Request& req, httplib::Response& res) {
        if (res.has_header("Content-Type")) return httplib::Server::HandlerResponse::Unhandled;
        if (const Connection* connection = Connection::Current()) {
          if (connection->body_limit_hit()) res.status = 413;
          if (connection->head_limit_hit()) res.status = 431;
          if (connection->closing()) res.set_header("Connection", "close");
        }
        const Message message = res.status == 413 ? Msg("api.error.body_too_large")
                                : res.status == 431
                                    ? Msg("api.error.headers_too_large")
                                    : Msg("api.error.cannot_answer", req.method, req.path);
        res.set_content(ErrorJson(ErrorCodeForStatus(res.status), message.In(LangOf(req))),
                        "application/json");
        return httplib::Server::HandlerResponse::Handled;
      }));

  for (const Route& route : kRoutes) {
    // The endpoint of a request Screen admitted (on this thread, just before).
    const auto endpoint = [this](const httplib::Request& req, httplib::Response& res) {
      if (admitted.request != &req && !Admit(req, res)) return std::optional<Endpoint>();
      ApiService* service =
          admitted.access.workspace.empty() ? nullptr : &ServiceFor(admitted.access.workspace);
      return std::optional<Endpoint>(
          Endpoint{service, admitted.caller, admitted.access, gate, options, uploads});
    };
    if (route.read_body != nullptr) {
      auto handler = [endpoint, read_body = route.read_body](const httplib::Request& req,
                                                             httplib::Response& res,
                                                             const httplib::ContentReader& read) {
        if (auto e = endpoint(req, res)) read_body(*e, req, res, read);
      };
      if (route.method == HttpMethod::kPut) {
        s.Put(route.pattern, handler);
      } else {
        s.Post(route.pattern, handler);
      }
      continue;
    }
    auto handler = [endpoint, handle = route.handle](const httplib::Request& req,
                                                     httplib::Response& res) {
      if (auto e = endpoint(req, res)) handle(*e, req, res);
    };
    switch (route.method) {
      case HttpMethod::kGet:
        s.Get(route.pattern, handler);
        break;
      case HttpMethod::kPut:
        s.Put(route.pattern, handler);
        break;
      case HttpMethod::kPost:
        s.Post(route.pattern, handler);
        break;
      case HttpMethod::kDelete:
        s.Delete(route.pattern, handler);
        break;
    }
  }

  s.Get("/api(/.*)?", NoSuchRoute);
  s.Post("/api(/.*)?", NoSuchRoute);
  s.Put("/api(/.*)?", NoSuchRoute);
  s.Delete("/api(/.*)?", NoSuchRoute);
  s.Patch("/api(/.*)?", NoSuchRoute);
  s.Get(".*", ServeAsset);
}

ApiServer::ApiServer(ServeOptions options) : impl_(std::make_unique<Impl>(std::move(options))) {
  impl_->Install();
}

ApiServer::~ApiServer() = default;

Result<int> ApiServer::Bind() {
  const ServeOptions& o = impl_->options;
  if (o.port < 0 || o.port > 65535) {
    return Fail(ErrorCode::kInvalidArgument, Msg("api.error.port", std::to_string(o.port)));
  }
  // Beyond the loopback anyone on the network could read and write the books: only with
  // accounts to tell who may (DESIGN.md section 10).
  if (!IsLoopbackHost(o.host)) {
    auto accounts = impl_->gate.AccountsInUse();
    if (!accounts) return std::unexpected(accounts.error());
    if (!*accounts) {
      return Fail(ErrorCode::kInvalidArgument, Msg("api.error.needs_accounts", o.host));
    }
  }
  if (!impl_->http->is_valid()) {
    return Fail(ErrorCode::kInvalidArgument, Msg("api.error.tls", o.tls_cert, o.tls_key));
  }
  bool bound = false;
  if (o.port == 0) {
    impl_->port = impl_->http->bind_to_any_port(o.host);
    bound = impl_->port > 0;
  } else {
    bound = impl_->http->bind_to_port(o.host, o.port);
    if (bound) impl_->port = o.port;
  }
  if (!bound) return Fail(ErrorCode::kIo, Msg("api.error.listen", o.host, std::to_string(o.port)));
  WidenBacklog(impl_->listening);
  impl_->bound_host = BoundAddress(impl_->listening);
  if (impl_->bound_host.empty()) impl_->bound_host = o.host;
  impl_->guard.emplace(impl_->bound_host, impl_->port, o.allowed_hosts, impl_->csrf_token, o.tls());
  return impl_->port;
}

const std::string& ApiServer::bound_host() const { return impl_->bound_host; }

Status ApiServer::Listen() {
  // Joined when Listen returns: the service it uses outlives it.
  std::jthread warming;
  if (impl_->options.warm) {
    warming = std::jthread([this] {
      Caller local;
      local.kind = Caller::Kind::kLocal;
      // The workspace a dashboard opens first, when there is one to tell.
      if (auto access = impl_->gate.Resolve(local, "")) {
        impl_->ServiceFor(access->workspace).WarmPortfolio();
      }
    });
  }
  if (!impl_->http->listen_after_bind()) {
    return Fail(ErrorCode::kIo, Msg("api.error.stopped", std::to_string(impl_->port)));
  }
  return {};
}

void ApiServer::Stop() { impl_->http->stop(); }

bool ApiServer::running() const { return impl_->http->is_running(); }

ApiService::CacheStats ApiServer::cache_stats() const {
  ApiService::CacheStats total;
  std::lock_guard lock(impl_->services_mutex);
  for (const auto& [id, service] : impl_->services) total += service->cache_stats();
  return total;
}

}  // namespace addio

addio::Server* addio_new_api_server(addio::ServeOptions options) {
  return new addio::ApiServer(std::move(options));
}

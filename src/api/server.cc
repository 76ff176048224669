#include "api/server.h"

#include <httplib.h>

#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>

#include <cstdio>
#include <exception>
#include <regex>
#include <utility>
#include <vector>

#include "api/errors.h"
#include "api/service.h"
#include "api/web_assets.h"

namespace addio {
namespace {

// JSON bodies from this size up are gzipped when the client accepts it.
constexpr size_t kCompressFrom = 1024;

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

// Sends a read endpoint's answer as the response cache keeps it: no copy of its bytes, its
// gzip made once per answer (ApiService::Gzipped), an ETag per representation ("...-gzip"
// for the gzipped one) and 304 when the client has it already. The browser may keep the
// answer but asks again each time (no-cache), so a change of the ledger shows at once.
void SendAnswer(ApiService& service, const httplib::Request& req, httplib::Response& res,
                Result<ApiAnswer> result) {
  if (!result) return SendError(req, res, result.error());
  const ApiAnswer answer = std::move(*result);
  res.set_header("Vary", "Accept-Encoding");
  res.set_header("Cache-Control", "private, no-cache");
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
  return query;
}

// What a route's handler answers with: the service, and the server's options (the upload
// limit).
struct Endpoint {
  ApiService& service;
  const ServeOptions& options;
};

using Handler = void (*)(const Endpoint&, const httplib::Request&, httplib::Response&);

enum class HttpMethod { kGet, kPut, kPost };

const char* MethodName(HttpMethod method) {
  switch (method) {
    case HttpMethod::kGet:
      return "GET";
    case HttpMethod::kPut:
      return "PUT";
    case HttpMethod::kPost:
      return "POST";
  }
  return "GET";
}

// GET with the query parameters.
template <Result<ApiAnswer> (ApiService::*Method)(const ApiQuery&)>
void Read(const Endpoint& e, const httplib::Request& req, httplib::Response& res) {
  SendAnswer(e.service, req, res, (e.service.*Method)(QueryOf(req)));
}

// GET on one client: the path's first group is its id.
template <Result<ApiAnswer> (ApiService::*Method)(const std::string&, const ApiQuery&)>
void ReadClient(const Endpoint& e, const httplib::Request& req, httplib::Response& res) {
  SendAnswer(e.service, req, res, (e.service.*Method)(req.matches[1].str(), QueryOf(req)));
}

// PUT or POST of a JSON body.
template <Result<ApiBody> (ApiService::*Method)(std::string_view, const ApiQuery&)>
void Write(const Endpoint& e, const httplib::Request& req, httplib::Response& res) {
  SendResult(req, res, (e.service.*Method)(req.body, QueryOf(req)));
}

void GetOpenApi(const Endpoint&, const httplib::Request& req, httplib::Response& res) {
  res.set_header("Cache-Control", "no-cache");
  Send(req, res, 200, "application/json", std::string(OpenApiJson()));
}

void GetImporters(const Endpoint& e, const httplib::Request& req, httplib::Response& res) {
  SendResult(req, res, e.service.GetImporters());
}

void PostImport(const Endpoint& e, const httplib::Request& req, httplib::Response& res) {
  ImportUpload upload;
  upload.format = req.get_param_value("format");
  upload.timezone = req.get_param_value("timezone");
  upload.dry_run = req.get_param_value("dry_run");
  upload.lang = req.get_param_value("lang");
  if (req.is_multipart_form_data()) {
    if (!req.has_file("file")) {
      return SendError(req, res, 400, "invalid_argument", Msg("api.error.no_file_part"));
    }
    const httplib::MultipartFormData file = req.get_file_value("file");
    upload.filename = file.filename;
    upload.content = file.content;
  } else {
    upload.filename = req.get_param_value("filename");
    upload.content = req.body;
  }
  const size_t limit = e.options.max_upload_bytes;
  if (upload.content.size() > limit) {
    return SendError(req, res, 413, "payload_too_large",
                     Msg("api.error.file_too_large", static_cast<int64_t>(limit >> 20)));
  }
  if (upload.content.empty()) {
    return SendError(req, res, 400, "invalid_argument", Msg("api.error.no_file"));
  }
  SendResult(req, res, e.service.PostImport(upload));
}

void GetLetter(const Endpoint& e, const httplib::Request& req, httplib::Response& res) {
  SendAnswer(e.service, req, res,
             e.service.GetLetter(req.matches[1].str(), req.matches[2].str(), QueryOf(req)));
}

// One endpoint of the API. The table below is the only list of them: it registers the
// handlers and tells 405 (a known path, another method) from 404. A pattern is a regular
// expression over the whole path; its groups are the path parameters.
struct Route {
  HttpMethod method;
  const char* pattern;
  Handler handle;
};

constexpr Route kRoutes[] = {
    {HttpMethod::kGet, "/api/v1/openapi\\.json", GetOpenApi},
    {HttpMethod::kGet, "/api/v1/workspace", Read<&ApiService::GetWorkspace>},
    {HttpMethod::kPut, "/api/v1/workspace", Write<&ApiService::PutWorkspace>},
    {HttpMethod::kGet, "/api/v1/clients", Read<&ApiService::GetClients>},
    {HttpMethod::kGet, "/api/v1/assessment", Read<&ApiService::GetAssessment>},
    {HttpMethod::kGet, "/api/v1/clients/([^/]+)/assessment",
     ReadClient<&ApiService::GetClientAssessment>},
    {HttpMethod::kGet, "/api/v1/clients/([^/]+)/history", ReadClient<&ApiService::GetHistory>},
    {HttpMethod::kGet, "/api/v1/clients/([^/]+)/charts", ReadClient<&ApiService::GetCharts>},
    {HttpMethod::kGet, "/api/v1/clients/([^/]+)/statement", ReadClient<&ApiService::GetStatement>},
    {HttpMethod::kGet, "/api/v1/aging", Read<&ApiService::GetAging>},
    {HttpMethod::kGet, "/api/v1/importers", GetImporters},
    {HttpMethod::kPost, "/api/v1/imports", PostImport},
    {HttpMethod::kGet, "/api/v1/settings", Read<&ApiService::GetSettings>},
    {HttpMethod::kPut, "/api/v1/settings", Write<&ApiService::PutSettings>},
    {HttpMethod::kPost, "/api/v1/screen", Write<&ApiService::PostScreen>},
    {HttpMethod::kGet, "/api/v1/clients/([^/]+)/letters/([^/]+)", GetLetter},
};

// The methods kRoutes accepts on `path`, in table order: "GET, PUT"; empty when none.
std::string AllowedMethods(const std::string& path) {
  static const std::vector<std::regex> patterns = [] {
    std::vector<std::regex> compiled;
    for (const Route& route : kRoutes) compiled.emplace_back(route.pattern);
    return compiled;
  }();
  std::string methods;
  for (size_t i = 0; i < patterns.size(); ++i) {
    if (!std::regex_match(path, patterns[i])) continue;
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
  res.set_header("X-Content-Type-Options", "nosniff");
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
    default:
      return "internal";
  }
}

}  // namespace

struct ApiServer::Impl {
  explicit Impl(ServeOptions o)
      : options(std::move(o)),
        service(options.open_store, *options.clock, options.cache_mib << 20) {}

  void Install();

  ServeOptions options;
  ApiService service;
  httplib::Server http;
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

}  // namespace

void ApiServer::Impl::Install() {
  httplib::Server& s = http;
  const size_t limit = options.max_upload_bytes;
  // Room for the multipart framing around a file of the maximum size.
  s.set_payload_max_length(limit + (1u << 20));
  // httplib's default sets SO_REUSEPORT, which lets a second server bind the same port
  // and silently share it; SO_REUSEADDR alone allows a quick restart and refuses that.
  // TCP_NODELAY (which accepted sockets inherit from the listening one): an answer goes out
  // as headers and body in separate writes, and Nagle's algorithm would hold the body back
  // until the client acknowledged the headers, 40 ms later on Linux.
  s.set_socket_options([this](socket_t sock) {
    int yes = 1;
    setsockopt(sock, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof(yes));
    setsockopt(sock, IPPROTO_TCP, TCP_NODELAY, &yes, sizeof(yes));
    listening = sock;  // the last socket made is the one bound (failed ones are closed)
  });
  s.set_read_timeout(30);
  s.set_write_timeout(30);
  // A connection is kept open for many requests (httplib's default closes it after 5): a
  // new connection costs more than most answers from the cache. Each open connection holds
  // one worker thread while it waits for its next request, hence the timeout.
  s.set_keep_alive_max_count(10000);
  s.set_keep_alive_timeout(5);
  const size_t threads = static_cast<size_t>(std::max(1, options.threads));
  s.new_task_queue = [threads] { return new httplib::ThreadPool(threads); };

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
  // request, 404 for a method with no route) get the API's JSON body too.
  s.set_error_handler(
      httplib::Server::HandlerWithResponse([](const httplib::Request& req, httplib::Response& res) {
        if (res.has_header("Content-Type")) return httplib::Server::HandlerResponse::Unhandled;
        const Message message = res.status == 413
                                    ? Msg("api.error.body_too_large")
                                    : Msg("api.error.cannot_answer", req.method, req.path);
        res.set_content(ErrorJson(ErrorCodeForStatus(res.status), message.In(LangOf(req))),
                        "application/json");
        return httplib::Server::HandlerResponse::Handled;
      }));

  for (const Route& route : kRoutes) {
    auto handler = [this, handle = route.handle](const httplib::Request& req,
                                                 httplib::Response& res) {
      handle(Endpoint{service, options}, req, res);
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
  if (o.port == 0) {
    impl_->port = impl_->http.bind_to_any_port(o.host);
    if (impl_->port > 0) {
      WidenBacklog(impl_->listening);
      return impl_->port;
    }
  } else if (impl_->http.bind_to_port(o.host, o.port)) {
    impl_->port = o.port;
    WidenBacklog(impl_->listening);
    return impl_->port;
  }
  return Fail(ErrorCode::kIo, Msg("api.error.listen", o.host, std::to_string(o.port)));
}

Status ApiServer::Listen() {
  if (!impl_->http.listen_after_bind()) {
    return Fail(ErrorCode::kIo, Msg("api.error.stopped", std::to_string(impl_->port)));
  }
  return {};
}

void ApiServer::Stop() { impl_->http.stop(); }

ApiService::CacheStats ApiServer::cache_stats() const { return impl_->service.cache_stats(); }

}  // namespace addio

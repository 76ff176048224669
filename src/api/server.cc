#include "api/server.h"

#include <httplib.h>

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

void SendError(const httplib::Request& req, httplib::Response& res, int status,
               std::string_view code, std::string_view message) {
  res.set_header("Cache-Control", "no-store");
  Send(req, res, status, "application/json", ErrorJson(code, message));
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

ApiQuery QueryOf(const httplib::Request& req) {
  ApiQuery query;
  query.as_of = req.get_param_value("as_of");
  query.lang = req.get_param_value("lang");
  query.format = req.get_param_value("format");
  query.months = req.get_param_value("months");
  query.payments_from = req.get_param_value("payments_from");
  return query;
}

// The API's paths and the methods each accepts, for telling 405 from 404.
struct Route {
  std::regex pattern;
  const char* methods;
};

const std::vector<Route>& Routes() {
  static const std::vector<Route> routes = {
      {std::regex("/api/v1/openapi\\.json"), "GET"},
      {std::regex("/api/v1/workspace"), "GET, PUT"},
      {std::regex("/api/v1/clients"), "GET"},
      {std::regex("/api/v1/assessment"), "GET"},
      {std::regex("/api/v1/clients/[^/]+/(assessment|history|charts|statement)"), "GET"},
      {std::regex("/api/v1/aging"), "GET"},
      {std::regex("/api/v1/importers"), "GET"},
      {std::regex("/api/v1/imports"), "POST"},
      {std::regex("/api/v1/settings"), "GET, PUT"},
      {std::regex("/api/v1/screen"), "POST"},
      {std::regex("/api/v1/clients/[^/]+/letters/[^/]+"), "GET"},
  };
  return routes;
}

void NoSuchRoute(const httplib::Request& req, httplib::Response& res) {
  for (const Route& route : Routes()) {
    if (std::regex_match(req.path, route.pattern)) {
      res.set_header("Allow", route.methods);
      return SendError(
          req, res, 405, "method_not_allowed",
          req.method + " is not allowed on " + req.path + " (allowed: " + route.methods + ")");
    }
  }
  SendError(req, res, 404, "not_found", "no API endpoint at " + req.path);
}

// The dashboard: an embedded file, else index.html for the single-page app's own routes.
// A missing file under assets/ is a 404: answering HTML for a script only hides the error.
void ServeAsset(const httplib::Request& req, httplib::Response& res) {
  std::string path = req.path.substr(req.path.starts_with("/") ? 1 : 0);
  if (path.empty()) path = "index.html";
  const WebAsset* asset = FindWebAsset(path);
  if (asset == nullptr) {
    if (path.starts_with("assets/")) {
      return SendError(req, res, 404, "not_found", "no file at " + req.path);
    }
    path = "index.html";
    asset = FindWebAsset(path);
    if (asset == nullptr) return SendError(req, res, 404, "not_found", "no file at " + req.path);
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
      : options(std::move(o)), service(options.open_store, *options.clock) {}

  void Install();
  void Import(const httplib::Request& req, httplib::Response& res);

  ServeOptions options;
  ApiService service;
  httplib::Server http;
  int port = 0;
};

void ApiServer::Impl::Import(const httplib::Request& req, httplib::Response& res) {
  ImportUpload upload;
  upload.format = req.get_param_value("format");
  upload.timezone = req.get_param_value("timezone");
  upload.dry_run = req.get_param_value("dry_run");
  upload.lang = req.get_param_value("lang");
  const bool italian = upload.lang == "it";
  if (req.is_multipart_form_data()) {
    if (!req.has_file("file")) {
      return SendError(req, res, 400, "invalid_argument",
                       italian ? "manca il campo \"file\" nel modulo multipart"
                               : "the multipart form has no part named \"file\"");
    }
    const httplib::MultipartFormData file = req.get_file_value("file");
    upload.filename = file.filename;
    upload.content = file.content;
  } else {
    upload.filename = req.get_param_value("filename");
    upload.content = req.body;
  }
  if (upload.content.size() > options.max_upload_bytes) {
    return SendError(req, res, 413, "payload_too_large",
                     (italian ? "il file supera il limite di " : "the file exceeds the limit of ") +
                         std::to_string(options.max_upload_bytes >> 20) + " MiB");
  }
  if (upload.content.empty()) {
    return SendError(req, res, 400, "invalid_argument",
                     italian ? "nessun file: invia il file come corpo della richiesta o nel "
                               "campo \"file\" di un modulo multipart"
                             : "no file: send it as the request body or as the part \"file\" "
                               "of a multipart form");
  }
  SendResult(req, res, service.PostImport(upload));
}

void ApiServer::Impl::Install() {
  httplib::Server& s = http;
  const size_t limit = options.max_upload_bytes;
  // Room for the multipart framing around a file of the maximum size.
  s.set_payload_max_length(limit + (1u << 20));
  // httplib's default sets SO_REUSEPORT, which lets a second server bind the same port
  // and silently share it; SO_REUSEADDR alone allows a quick restart and refuses that.
  s.set_socket_options([](socket_t sock) {
    int yes = 1;
    setsockopt(sock, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof(yes));
  });
  s.set_read_timeout(30);
  s.set_write_timeout(30);
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
        SendError(req, res, 500, "internal", "internal error while answering " + req.path);
      });
  // Errors httplib answers itself (413 over the payload limit, 400 for a malformed
  // request, 404 for a method with no route) get the API's JSON body too.
  s.set_error_handler(httplib::Server::HandlerWithResponse([](const httplib::Request& req,
                                                              httplib::Response& res) {
    if (res.has_header("Content-Type")) return httplib::Server::HandlerResponse::Unhandled;
    const std::string message = res.status == 413 ? "the request body is too large"
                                                  : "cannot answer " + req.method + " " + req.path;
    res.set_content(ErrorJson(ErrorCodeForStatus(res.status), message), "application/json");
    return httplib::Server::HandlerResponse::Handled;
  }));

  auto get = [this](auto method) {
    return [this, method](const httplib::Request& req, httplib::Response& res) {
      SendResult(req, res, (service.*method)(QueryOf(req)));
    };
  };
  auto get_client = [this](auto method) {
    return [this, method](const httplib::Request& req, httplib::Response& res) {
      SendResult(req, res, (service.*method)(req.matches[1].str(), QueryOf(req)));
    };
  };
  auto put = [this](auto method) {
    return [this, method](const httplib::Request& req, httplib::Response& res) {
      SendResult(req, res, (service.*method)(req.body, QueryOf(req)));
    };
  };

  s.Get("/api/v1/openapi.json", [](const httplib::Request& req, httplib::Response& res) {
    res.set_header("Cache-Control", "no-cache");
    Send(req, res, 200, "application/json", std::string(OpenApiJson()));
  });
  s.Get("/api/v1/workspace", get(&ApiService::GetWorkspace));
  s.Put("/api/v1/workspace", put(&ApiService::PutWorkspace));
  s.Get("/api/v1/clients", get(&ApiService::GetClients));
  s.Get("/api/v1/assessment", get(&ApiService::GetAssessment));
  s.Get("/api/v1/clients/([^/]+)/assessment", get_client(&ApiService::GetClientAssessment));
  s.Get("/api/v1/clients/([^/]+)/history", get_client(&ApiService::GetHistory));
  s.Get("/api/v1/clients/([^/]+)/charts", get_client(&ApiService::GetCharts));
  s.Get("/api/v1/clients/([^/]+)/statement", get_client(&ApiService::GetStatement));
  s.Get("/api/v1/aging", get(&ApiService::GetAging));
  s.Get("/api/v1/importers", [this](const httplib::Request& req, httplib::Response& res) {
    SendResult(req, res, service.GetImporters());
  });
  s.Post("/api/v1/imports",
         [this](const httplib::Request& req, httplib::Response& res) { Import(req, res); });
  s.Get("/api/v1/settings", get(&ApiService::GetSettings));
  s.Put("/api/v1/settings", put(&ApiService::PutSettings));
  s.Post("/api/v1/screen", put(&ApiService::PostScreen));
  s.Get("/api/v1/clients/([^/]+)/letters/([^/]+)",
        [this](const httplib::Request& req, httplib::Response& res) {
          SendResult(req, res,
                     service.GetLetter(req.matches[1].str(), req.matches[2].str(), QueryOf(req)));
        });

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
    return Fail(ErrorCode::kInvalidArgument, "port " + std::to_string(o.port) + " is not 0..65535");
  }
  if (o.port == 0) {
    impl_->port = impl_->http.bind_to_any_port(o.host);
    if (impl_->port > 0) return impl_->port;
  } else if (impl_->http.bind_to_port(o.host, o.port)) {
    impl_->port = o.port;
    return impl_->port;
  }
  return Fail(ErrorCode::kIo, "cannot listen on " + o.host + ":" + std::to_string(o.port) +
                                  " (in use, or not an address of this machine)");
}

Status ApiServer::Listen() {
  if (!impl_->http.listen_after_bind()) {
    return Fail(ErrorCode::kIo,
                "the server stopped listening on port " + std::to_string(impl_->port));
  }
  return {};
}

void ApiServer::Stop() { impl_->http.stop(); }

}  // namespace addio

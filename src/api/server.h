// The HTTP server of `addio serve` (DESIGN.md section 7): the JSON API under /api/v1
// (service.h does the work; this file maps paths, parameters and errors to HTTP) and the
// embedded dashboard under / (web_assets.h), for every workspace of one store, to the
// callers api/auth.h admits. Built on cpp-httplib, whose traps it avoids:
// every response goes out through a content provider, which the library never
// re-compresses (its brotli at the highest quality costs most of a second on a large
// script); the server gzips JSON itself and sends the dashboard's files as gzipped at
// build time. The read endpoints' answers come from the service's response cache
// (response_cache.h), each with an ETag (304 on If-None-Match) and a gzip made once.
// Sockets run with TCP_NODELAY and long keep-alive. A handler's exception is logged to
// stderr with the request path and answered with a JSON 500; bodies over the upload limit
// get a JSON 413, refused while they are read (chunked ones too), so that memory stays
// bounded whatever a request sends. Every request passes the RequestGuard first (Host
// allow-list, same origin and CSRF token for state-changing requests: request_guard.h);
// every response carries a Content-Security-Policy and the other security headers.
#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "api/service.h"
#include "core/clock.h"
#include "core/result.h"

namespace addio {

struct ServeOptions {
  // The store's URL (store.h OpenStore); it must exist (`addio serve` creates it first).
  // Each workspace served gets its own service (service.h), made on its first request,
  // which keeps a connection to ask the data version and opens one per load and per
  // write; the accounts (api/auth.h) keep one more.
  std::string store;
  // The workspace a request that names none is for, when its caller may open several;
  // empty: the store's only one (requests must then name one when there are several).
  std::string workspace;
  // HTTPS: the certificate (chain) and private key files, PEM. Both or neither.
  std::string tls_cert;
  std::string tls_key;
  bool tls() const { return !tls_cert.empty(); }
  // "Today" for requests without as_of. Not owned; REQUIRES: non-null, outlives the server.
  const Clock* clock = nullptr;
  // The address to listen on. Beyond the loopback (another address, or 0.0.0.0 for every
  // one) only when the store has accounts (DESIGN.md section 10).
  std::string host = "127.0.0.1";
  int port = 8080;  // 0: any free port (Bind returns the one taken)
  // Host names requests may name besides the bound address (and, on the loopback,
  // localhost, 127.0.0.1 and [::1]): --allowed-host, e.g. a name in /etc/hosts.
  std::vector<std::string> allowed_hosts;
  size_t max_upload_bytes = 50u << 20;  // larger uploads get 413
  // Worker threads: how many requests may be answered at once, those waiting for a slow
  // client or for slow work included. Over plain HTTP one thread per core answers the
  // requests as they come, however many connections are open (api/http_reactor.h); the
  // others stand by for a thread that waits. Under HTTPS each open connection holds one
  // (httplib's), so connections beyond this number wait for one to close.
  int threads = 64;
  // MiB of rendered answers (and their gzip) the response cache may keep.
  size_t cache_mib = kDefaultCacheBytes >> 20;
  // Whether Listen first makes, on a thread of its own, the portfolio lines a dashboard
  // opens with (ApiService::WarmPortfolio) while it already answers requests.
  bool warm = false;
};

// What `addio serve` drives: the server bound, then serving until stopped. The addio binary
// reaches ApiServer through this interface only, from the module that holds it
// (api/server_module.h), so that no other command loads its libraries.
class Server {
 public:
  virtual ~Server() = default;

  // Binds options.host:options.port and returns the port. Error kInvalidArgument when the
  // host is not the loopback and the store has no accounts (see ServeOptions::host), the
  // port is out of range, or the TLS certificate or key cannot be read; kIo when the
  // address cannot be bound (in use, not an address of this machine, no permission);
  // kStore when the store cannot be read.
  virtual Result<int> Bind() = 0;
  // The numeric address really bound ("127.0.0.1", "::1"). REQUIRES: Bind() succeeded.
  virtual const std::string& bound_host() const = 0;
  // Answers requests until Stop() is called. REQUIRES: Bind() succeeded.
  // Error kIo when the listening socket fails. With options.warm, returns only once the
  // warming has finished too.
  virtual Status Listen() = 0;
  // Stops Listen(); callable from any thread (not from a signal handler). A Stop before
  // Listen has started serving is lost: wait for running() first.
  virtual void Stop() = 0;
  // Whether Listen is serving (started, not yet stopped).
  virtual bool running() const = 0;
};

// The server itself, on cpp-httplib (the header's first comment).
class ApiServer final : public Server {
 public:
  explicit ApiServer(ServeOptions options);
  ~ApiServer() override;
  ApiServer(const ApiServer&) = delete;
  ApiServer& operator=(const ApiServer&) = delete;

  Result<int> Bind() override;
  const std::string& bound_host() const override;
  Status Listen() override;
  void Stop() override;
  bool running() const override;

  // What the response cache holds and did (tests, monitoring). Thread-safe.
  ApiService::CacheStats cache_stats() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// The OpenAPI 3.1 document of the API (src/api/openapi.json, compiled in).
std::string_view OpenApiJson();

}  // namespace addio

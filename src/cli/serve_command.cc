#include "cli/serve_command.h"

#include <signal.h>

#include <atomic>
#include <cstdio>
#include <thread>

#include "api/server.h"
#include "api/web_assets.h"
#include "store/store.h"

namespace addio::cli {
namespace {

// The address a browser can open: a wildcard host is reached through the loopback.
std::string UrlHost(const std::string& host) {
  if (host == "0.0.0.0" || host.empty()) return "127.0.0.1";
  if (host == "::") return "[::1]";
  if (host.find(':') != std::string::npos) return "[" + host + "]";
  return host;
}

}  // namespace

int Serve(const Common& common, const ServeFlags& flags) {
  const bool existed = StoreExists(common);
  {
    auto store = OpenStoreOf(common, OpenMode::kCreateIfMissing);
    if (!store) {
      std::fprintf(stderr, "addio: %s\n", store.error().message.c_str());
      return ExitCode(store.error().code);
    }
  }
  if (!existed) {
    std::printf(T(common, "Created the empty store %s: import files from the dashboard.\n",
                  "Creato l'archivio vuoto %s: importa i file dalla dashboard.\n"),
                common.db.c_str());
  }

  // SIGINT and SIGTERM are taken by one thread with sigwait, never by a handler: stopping
  // the server is not async-signal-safe. The mask is set before any server thread starts,
  // so every thread inherits it.
  // A shell starts background jobs with SIGINT ignored, and an ignored signal is discarded
  // before sigwait could take it: restore the default first.
  signal(SIGINT, SIG_DFL);
  signal(SIGTERM, SIG_DFL);
  sigset_t stop_signals;
  sigemptyset(&stop_signals);
  sigaddset(&stop_signals, SIGINT);
  sigaddset(&stop_signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);
  signal(SIGPIPE, SIG_IGN);  // a client that hangs up must not end the process

  ServeOptions options;
  // Each request opens its own connection (a Store is not thread-safe).
  options.open_store = [common] { return OpenStoreOf(common, OpenMode::kMustExist); };
  options.clock = common.clock;
  options.host = flags.host;
  options.port = flags.port;
  ApiServer server(options);
  auto port = server.Bind();
  if (!port) {
    std::fprintf(stderr, "addio: %s\n", port.error().message.c_str());
    return ExitCode(port.error().code);
  }
  std::printf(T(common, "addio is serving the dashboard at http://%s:%d/\n",
                "addio mostra la dashboard su http://%s:%d/\n"),
              UrlHost(flags.host).c_str(), *port);
  std::printf(
      T(common, "Store: %s. Press Ctrl-C to stop.\n", "Archivio: %s. Premi Ctrl-C per fermarlo.\n"),
      common.db.c_str());
  if (!WebDashboardBuilt()) {
    std::printf(T(common,
                  "The dashboard was not built into this binary: run `make run`, or "
                  "`npm --prefix web ci && npm --prefix web run build` and rebuild.\n",
                  "La dashboard non è inclusa in questo eseguibile: lancia `make run`, oppure "
                  "`npm --prefix web ci && npm --prefix web run build` e ricompila.\n"));
  }
  std::fflush(stdout);

  std::atomic<bool> done = false;
  std::thread waiter([&] {
    const timespec tick{0, 200 * 1000 * 1000};
    while (!done) {
      if (sigtimedwait(&stop_signals, nullptr, &tick) > 0) {
        server.Stop();
        return;
      }
    }
  });
  Status listened = server.Listen();
  done = true;
  waiter.join();
  if (!listened) {
    std::fprintf(stderr, "addio: %s\n", listened.error().message.c_str());
    return ExitCode(listened.error().code);
  }
  std::printf("%s", T(common, "Stopped.\n", "Fermato.\n"));
  return 0;
}

}  // namespace addio::cli

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

// The bound address as a URL writes it: IPv6 in brackets.
std::string UrlHost(const std::string& address) {
  if (address.find(':') != std::string::npos) return "[" + address + "]";
  return address;
}

}  // namespace

int Serve(const Common& common, const ServeFlags& flags) {
  const bool existed = StoreExists(common);
  {
    auto store = OpenStoreOf(common, OpenMode::kCreateIfMissing);
    if (!store) return ReportError(common, store.error());
  }
  if (!existed) {
    PrintLine(common, Msg("cli.serve.created", common.db));
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
  // The service opens its own connections (a Store is not thread-safe): one to watch the
  // data version, one per load of a changed ledger, one per write.
  options.open_store = [common] { return OpenStoreOf(common, OpenMode::kMustExist); };
  options.clock = common.clock;
  options.host = flags.host;
  options.port = flags.port;
  options.threads = flags.threads;
  options.cache_mib = static_cast<size_t>(flags.cache_mib);
  options.allowed_hosts = flags.allowed_hosts;
  ApiServer server(options);
  auto port = server.Bind();
  if (!port) return ReportError(common, port.error());
  // The address and port really bound (the port taken for --port 0), as digits, never
  // grouped: they are part of a URL.
  PrintLine(common, Msg("cli.serve.serving", UrlHost(server.bound_host()), std::to_string(*port)));
  PrintLine(common, Msg("cli.serve.store", common.db));
  if (!WebDashboardBuilt()) PrintLine(common, Msg("cli.serve.no_dashboard"));
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
  if (!listened) return ReportError(common, listened.error());
  PrintLine(common, Msg("cli.serve.stopped"));
  return 0;
}

}  // namespace addio::cli

#include "cli/serve_command.h"

#include <signal.h>
#include <sys/prctl.h>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

#include "api/server_module.h"
#include "api/web_assets.h"
#include "cli/dunning_command.h"
#include "ledger/workspace_text.h"
#include "ledger/workspace_zone.h"
#include "store/store.h"

namespace addio::cli {
namespace {

// The bound address as a URL writes it: IPv6 in brackets.
std::string UrlHost(const std::string& address) {
  if (address.find(':') != std::string::npos) return "[" + address + "]";
  return address;
}

// The minute of the day of "HH:MM" (00:00-23:59); nullopt for anything else.
std::optional<int> DailyMinute(const std::string& text) {
  const std::optional<MinuteInterval> interval = ParseWorkingInterval(text + "-24:00");
  if (!interval || interval->start >= 24 * 60) return std::nullopt;
  return interval->start;
}

// Runs the daily jobs at `minute` of every day in the workspace's zone until stopped.
class DailyRuns {
 public:
  DailyRuns(const Common& common, int minute)
      : common_(common), minute_(minute), thread_([this] { Loop(); }) {}
  ~DailyRuns() {
    {
      std::lock_guard lock(mutex_);
      stopped_ = true;
    }
    wake_.notify_all();
    thread_.join();
  }

 private:
  // The workspaces the runs are for: --workspace, else every one of the store.
  std::vector<Common> Workspaces() const {
    if (!common_.workspace.empty()) return {common_};
    std::vector<Common> out;
    if (auto all = ListWorkspaces(common_.db)) {
      for (const WorkspaceEntry& w : *all) {
        out.push_back(common_);
        out.back().workspace = w.id;
      }
    }
    return out;
  }

  // The next instant at minute_ in the zone of the first workspace (read anew each day: it
  // may change).
  Instant Next() const {
    TimeZone zone = TimeZone::Utc();
    const std::vector<Common> workspaces = Workspaces();
    if (!workspaces.empty()) {
      if (auto store = OpenStoreOf(workspaces.front(), OpenMode::kMustExist)) {
        if (auto workspace = (*store)->LoadWorkspace()) zone = ZoneOf(*workspace);
      }
    }
    const Instant now = common_.clock->Now();
    CivilDate day = zone.ToLocal(now).date;
    for (;;) {
      const Instant at = zone.FromLocal(LocalDateTime{day, minute_ * 60});
      if (now < at) return at;
      day = day.AddDays(1);
    }
  }

  void Loop() {
    for (;;) {
      const Instant at = Next();
      const auto wait = std::chrono::seconds(SecondsBetween(common_.clock->Now(), at));
      std::unique_lock lock(mutex_);
      if (wake_.wait_for(lock, wait, [this] { return stopped_; })) return;
      lock.unlock();
      PrintNote(common_, Msg("cli.serve.daily_run"));
      for (const Common& common : Workspaces()) {
        DunningOptions dunning;
        dunning.send = true;
        Dunning(common, dunning);
        if (auto store = OpenStoreOf(common, OpenMode::kMustExist)) {
          auto workspace = (*store)->LoadWorkspace();
          if (workspace && workspace->alerts != AlertDelivery{}) {
            AlertsOptions alerts;
            alerts.deliver = true;
            Alerts(common, alerts);
          }
        }
      }
      std::fflush(stdout);
    }
  }

  const Common common_;
  const int minute_;
  std::mutex mutex_;
  std::condition_variable wake_;
  bool stopped_ = false;
  std::thread thread_;  // last: it starts once the rest is ready
};

}  // namespace

int Serve(const Common& common, const ServeFlags& flags) {
  // No transparent huge pages for the server (the binary's allocator asks for them,
  // cli/allocator.cc): a long-running process that frees as much as it allocates would
  // keep partly used 2 MiB pages resident. Its throughput and latency are the same either
  // way (docs/performance.md).
  prctl(PR_SET_THP_DISABLE, 1, 0, 0, 0);
  const std::optional<int> daily = flags.daily.empty() ? std::nullopt : DailyMinute(flags.daily);
  if (!flags.daily.empty() && !daily) {
    return ReportError(common,
                       {ErrorCode::kInvalidArgument, Msg("cli.serve.bad_daily", flags.daily)});
  }
  const bool existed = StoreExists(common);
  if (!existed || !common.workspace.empty()) {
    // Creates the store, or checks that the workspace named exists.
    auto store = OpenStoreOf(common, OpenMode::kCreateIfMissing);
    if (!store) return ReportError(common, store.error());
  } else if (auto workspaces = ListWorkspaces(common.db); !workspaces) {
    return ReportError(common, workspaces.error());
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
  options.store = common.db;
  options.workspace = common.workspace;
  options.tls_cert = flags.tls_cert;
  options.tls_key = flags.tls_key;
  options.clock = common.clock;
  options.host = flags.host;
  options.port = flags.port;
  options.threads = flags.threads;
  options.cache_mib = static_cast<size_t>(flags.cache_mib);
  // The first look at the dashboard answered from memory.
  options.warm = true;
  options.allowed_hosts = flags.allowed_hosts;
  auto loaded = LoadApiServer(options);
  if (!loaded) return ReportError(common, loaded.error());
  Server& server = **loaded;
  auto port = server.Bind();
  if (!port) return ReportError(common, port.error());
  // The address and port really bound (the port taken for --port 0), as digits, never
  // grouped: they are part of a URL.
  PrintLine(common, Msg(options.tls() ? "cli.serve.serving_tls" : "cli.serve.serving",
                        UrlHost(server.bound_host()), std::to_string(*port)));
  PrintLine(common, Msg("cli.serve.store", common.db));
  if (!WebDashboardBuilt()) PrintLine(common, Msg("cli.serve.no_dashboard"));
  std::fflush(stdout);

  std::optional<DailyRuns> daily_runs;
  if (daily) {
    daily_runs.emplace(common, *daily);
    PrintLine(common, Msg("cli.serve.daily", flags.daily));
  }
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

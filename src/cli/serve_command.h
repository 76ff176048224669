// `addio serve`: the dashboard and the JSON API over HTTP (api/server.h), on the store
// named by --db (created, empty, when missing, so that files can be imported from the
// dashboard). Prints the URL, then answers requests until Ctrl-C or SIGTERM.
#pragma once

#include <string>
#include <vector>

#include "cli/commands.h"

namespace addio::cli {

struct ServeFlags {
  std::string host = "127.0.0.1";
  int port = 8080;                         // 0: any free port; the URL printed says which
  int threads = 64;                        // worker threads (ServeOptions::threads)
  int cache_mib = 256;                     // response cache budget (ServeOptions::cache_mib)
  std::vector<std::string> allowed_hosts;  // --allowed-host (ServeOptions::allowed_hosts)
  // --daily HH:MM: every day at this time in the workspace's zone, send the dunning
  // letters due (`addio dunning --send`) and, when the workspace says where, deliver the
  // new alerts (`addio alerts --deliver`); empty: never.
  std::string daily;
  // --tls-cert FILE --tls-key FILE: serve HTTPS (ServeOptions::tls_cert, tls_key).
  std::string tls_cert;
  std::string tls_key;
};

// Returns the process exit status: 0 after a clean stop, ExitCode(kInvalidArgument) when
// the host is not the loopback (serving beyond it needs accounts) or --daily is no HH:MM,
// ExitCode(kIo) when the address cannot be bound, ExitCode of the store's error when it cannot be
// opened.
int Serve(const Common& common, const ServeFlags& flags);

}  // namespace addio::cli

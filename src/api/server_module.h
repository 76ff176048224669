// The server as a module of the addio binary: `addio serve` loads it, no other command does.
//
// ApiServer and its HTTP side (server.cc, http_reactor.cc, http_connection.cc) are built
// into a shared object of their own, with cpp-httplib and, through it, OpenSSL and brotli
// as its dependencies. Loading those at every start costs each command several
// milliseconds on its own (a one-record import and an explain, docs/performance.md); only
// `serve` needs them. The binary carries the object's bytes (scripts/embed-module) and,
// when asked for a server, writes them to an anonymous memory file and opens it with
// dlopen: addio stays one file. The module finds the rest of addio (the service, the
// store, the catalogue) in the binary, which exports what it uses.
//
// The tests link ApiServer directly (the addio_http library): this is the binary's way in.
#pragma once

#include <memory>

#include "api/server.h"
#include "core/result.h"

// The module's one entry: a new ApiServer for `options`, owned by the caller. Defined in
// server.cc; looked up by name in the loaded module (never called directly by the binary).
extern "C" addio::Server* addio_new_api_server(addio::ServeOptions options);

namespace addio {

// The server, from the module (loaded on the first call, kept for the process). Error
// kInternal, with the system's reason, when the module cannot be loaded: an installation
// fault (no /proc, memory files not executable).
Result<std::unique_ptr<Server>> LoadApiServer(ServeOptions options);

}  // namespace addio

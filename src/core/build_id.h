// The identity of the running program's code: what derived data kept in a store (each
// client's portfolio line, verdict/portfolio_lines.h) is checked against, so that a
// rebuilt addio, whose rules or words may differ, never serves what an older one kept.
#pragma once

#include <string_view>

namespace addio {

// The GNU build id of the running executable in hex (the linker's hash of its code and
// data), read once. When the executable has none (a linker without --build-id), the
// addio version instead, so that data kept by one release is reused by the same release.
std::string_view BuildId();

}  // namespace addio

// The dashboard's files, compiled into the binary (DESIGN.md section 7: "the dashboard
// under /, served by the same binary"). scripts/embed-web gzips every file of web/dist at
// build time and generates the table WebAssets() returns, so the server sends the stored
// bytes with Content-Encoding: gzip and never compresses per request. When the dashboard
// was not built, the table holds one index.html saying how to build it.
#pragma once

#include <cstddef>
#include <span>
#include <string>
#include <string_view>

#include "core/result.h"

namespace addio {

struct WebAsset {
  std::string_view path;  // relative to the site root, no leading slash: "assets/index-3f2a.js"
  std::string_view gzip;  // the file, gzipped
  size_t size = 0;        // the file's size before compression
};

// Every embedded file, sorted by path (bytewise). Generated.
std::span<const WebAsset> WebAssets();
// False when web/dist did not exist at build time and the table holds the placeholder page.
bool WebDashboardBuilt();

// The asset at `path` (no leading slash), or nullptr.
const WebAsset* FindWebAsset(std::string_view path);

// The Content-Type for a file name, by its extension ("application/octet-stream" when
// unknown); text types carry "; charset=utf-8".
std::string_view ContentTypeFor(std::string_view path);

// Cache-Control for an asset: Vite's hashed files under assets/ never change under their
// name ("public, max-age=31536000, immutable"); everything else, index.html first, is
// revalidated on every load ("no-cache").
std::string_view CacheControlFor(std::string_view path);

// gzip (RFC 1952) of `data` at `level` 1..9, with no name and no time stamp.
std::string Gzip(std::string_view data, int level);
// The inverse. Error kParse for data that is not gzip.
Result<std::string> Gunzip(std::string_view data);

}  // namespace addio

#!/usr/bin/env bash
# The HTTP API over loopback against a real `addio serve` process: every endpoint of
# src/api/openapi.json, each response validated against the document's schemas, and the
# error cases. The checks live in api_test.mjs (node; ajv from web/node_modules).
#   api_test.sh PATH/TO/addio [STORE_URL]   (a PostgreSQL database to serve instead of a
#                                          new SQLite file)
# Exit 77 (ctest SKIP_RETURN_CODE) when node or ajv is missing.
set -uo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
if ! command -v node >/dev/null; then
  echo "SKIP: node is not installed"
  exit 77
fi
if [ ! -d "$root/web/node_modules/ajv" ] || [ ! -d "$root/web/node_modules/ajv-formats" ]; then
  echo "SKIP: ajv is not installed (run: npm --prefix web ci)"
  exit 77
fi
exec node "$root/tests/api/api_test.mjs" "$(readlink -f "$1")" "${@:2}"

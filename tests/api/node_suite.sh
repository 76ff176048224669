#!/usr/bin/env bash
# A suite of the HTTP API against a real `addio serve` process, in node:
#   api_test.mjs        every endpoint of src/api/openapi.json, each response validated
#                       against the document's schemas (ajv from web/node_modules), and the
#                       error cases;
#   isolation_test.mjs  accounts, roles and workspaces: every operation of the document
#                       by callers of another workspace, without a credential, as a viewer.
#   node_suite.sh SUITE PATH/TO/addio [STORE_URL]   (SUITE: api_test or isolation_test; a
#                                                  PostgreSQL database to serve instead of a
#                                                  new SQLite file)
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
suite=$1
shift
exec node "$root/tests/api/$suite.mjs" "$(readlink -f "$1")" "${@:2}"

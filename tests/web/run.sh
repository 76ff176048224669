#!/usr/bin/env bash
# Browser tests of the dashboard against a real server:
#   tests/web/run.sh path/to/addio
# Loads the demo into a fresh store, starts `addio serve` on a free port, drives Debian's
# Chromium through playwright-core (tests/web/dashboard.test.mjs) and stops the server.
# Screenshots go to test-artifacts/web/ (ADDIO_ARTIFACTS overrides).
set -euo pipefail

addio=$(realpath "${1:?usage: tests/web/run.sh path/to/addio}")
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
chromium=${ADDIO_CHROMIUM:-/usr/bin/chromium}

if [ ! -x "$chromium" ]; then
  echo "web tests: $chromium is missing; run scripts/setup (Debian package chromium)" >&2
  exit 1
fi
if [ ! -d "$root/web/node_modules/playwright-core" ]; then
  (cd "$root/web" && npm ci --no-audit --no-fund >/dev/null)
fi

work=$(mktemp -d)
server_pid=""
cleanup() {
  if [ -n "$server_pid" ]; then
    kill "$server_pid" 2>/dev/null || true
    wait "$server_pid" 2>/dev/null || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT

"$addio" demo --db "$work/web.db" >/dev/null
# Port 0: the server takes a free port and prints its URL.
"$addio" serve --db "$work/web.db" --host 127.0.0.1 --port 0 >"$work/serve.log" 2>&1 &
server_pid=$!

url=""
for _ in $(seq 1 100); do
  url=$(grep -oE 'http://127\.0\.0\.1:[0-9]+' "$work/serve.log" | head -n1 || true)
  [ -n "$url" ] && break
  if ! kill -0 "$server_pid" 2>/dev/null; then
    echo "web tests: addio serve stopped:" >&2
    cat "$work/serve.log" >&2
    exit 1
  fi
  sleep 0.1
done
if [ -z "$url" ]; then
  echo "web tests: addio serve printed no URL:" >&2
  cat "$work/serve.log" >&2
  exit 1
fi

status=0
ADDIO_URL="$url" ADDIO_CHROMIUM="$chromium" \
  ADDIO_ARTIFACTS="${ADDIO_ARTIFACTS:-$root/test-artifacts/web}" \
  node --test "$root/tests/web/dashboard.test.mjs" || status=$?
if [ "$status" -ne 0 ]; then
  echo "web tests: server log:" >&2
  tail -n 50 "$work/serve.log" >&2
fi
exit "$status"

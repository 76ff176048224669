#!/usr/bin/env bash
# Browser tests of the dashboard against a real server:
#   tests/web/run.sh path/to/addio
# Loads the demo into a fresh store, starts `addio serve` on a free port, drives Debian's
# Chromium through playwright-core (tests/web/dashboard.test.mjs) and stops the server.
# Screenshots go to test-artifacts/web/ (ADDIO_ARTIFACTS overrides). ADDIO_WEB_ONLY=PATTERN
# runs only the tests whose names match it.
set -euo pipefail

addio=$(realpath "${1:?usage: tests/web/run.sh path/to/addio}")
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
chromium=${ADDIO_CHROMIUM:-/usr/bin/chromium}

if [ ! -x "$chromium" ]; then
  echo "web tests: $chromium is missing; run scripts/setup (Debian package chromium)" >&2
  exit 1
fi
if [ ! -d "$root/web/node_modules/playwright-core" ] || [ ! -d "$root/web/node_modules/axe-core" ]; then
  (cd "$root/web" && npm ci --no-audit --no-fund >/dev/null)
fi

work=$(mktemp -d)
server_pids=()
cleanup() {
  for pid in "${server_pids[@]}"; do
    kill "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
  done
  rm -rf "$work"
}
trap cleanup EXIT

# Starts `addio serve` on the store $1 (log $2) on a free port and sets `url` to its address.
start_server() {
  local db=$1 log=$2 pid
  # Port 0: the server takes a free port and prints its URL.
  "$addio" serve --db "$db" --host 127.0.0.1 --port 0 >"$log" 2>&1 &
  pid=$!
  server_pids+=("$pid")
  url=""
  for _ in $(seq 1 100); do
    url=$(grep -oE 'http://127\.0\.0\.1:[0-9]+' "$log" | head -n1 || true)
    [ -n "$url" ] && return 0
    if ! kill -0 "$pid" 2>/dev/null; then
      echo "web tests: addio serve stopped:" >&2
      cat "$log" >&2
      exit 1
    fi
    sleep 0.1
  done
  echo "web tests: addio serve printed no URL:" >&2
  cat "$log" >&2
  exit 1
}

"$addio" demo --db "$work/web.db" >/dev/null
start_server "$work/web.db" "$work/serve.log"
demo_url=$url

# A workspace that holds only a time tracker's records (clients, projects, work entries):
# the coverage notice and page.
cat >"$work/time-only.json" <<'JSON'
{"format": "addio-ledger/1",
 "workspace": {"name": "Studio Ore", "currency": "EUR", "timezone": "Europe/Rome"},
 "clients": [{"id": "alfa", "name": "Alfa S.r.l.", "kind": "company", "country": "IT"},
             {"id": "beta", "name": "Beta S.p.A.", "kind": "company", "country": "IT"}],
 "projects": [{"id": "alfa-sito", "client": "alfa", "name": "Sito", "pricing": "hourly"}],
 "work": [{"id": "w1", "client": "alfa", "project": "alfa-sito", "start": "2026-11-02T09:00:00+01:00", "minutes": 240, "billable": true},
          {"id": "w2", "client": "alfa", "project": "alfa-sito", "start": "2026-11-03T09:00:00+01:00", "minutes": 240, "billable": true},
          {"id": "w3", "client": "beta", "start": "2026-11-04T14:00:00+01:00", "minutes": 180, "billable": true}]}
JSON
"$addio" init --db "$work/time-only.db" >/dev/null
"$addio" import --db "$work/time-only.db" "$work/time-only.json" >/dev/null
start_server "$work/time-only.db" "$work/serve-time-only.log"
time_only_url=$url

# A generated portfolio of 2,000 clients (seeded): the dashboard at scale.
"$addio" gen --clients 2000 --months 12 --seed 7 --out "$work/big.json" >/dev/null
"$addio" init --db "$work/big.db" >/dev/null
"$addio" import --db "$work/big.db" "$work/big.json" >/dev/null
start_server "$work/big.db" "$work/serve-big.log"
big_url=$url

# An agency of three on one store with accounts: the demo in "north", the time entries in
# "south"; ana owns both, luca is a member of north, vera a viewer there.
team="$work/team.db"
"$addio" init --db "$team" >/dev/null
"$addio" workspace add north --name "North Studio" --db "$team" >/dev/null
"$addio" workspace add south --name "South Studio" --db "$team" >/dev/null
"$addio" demo --db "$team" --workspace north >/dev/null
"$addio" import --db "$team" --workspace south "$work/time-only.json" >/dev/null
for who in ana luca vera; do
  echo "$who's long password" | "$addio" user add "$who@studio.example" --db "$team" >/dev/null
done
"$addio" member add luca@studio.example --role member --workspace north --db "$team" >/dev/null
"$addio" member add vera@studio.example --role viewer --workspace north --db "$team" >/dev/null
start_server "$team" "$work/serve-team.log"
team_url=$url

status=0
ADDIO_URL="$demo_url" ADDIO_TIME_ONLY_URL="$time_only_url" ADDIO_BIG_URL="$big_url" \
  ADDIO_TEAM_URL="$team_url" \
  ADDIO_CHROMIUM="$chromium" ADDIO_WEB_DIST="$root/web/dist" \
  ADDIO_ARTIFACTS="${ADDIO_ARTIFACTS:-$root/test-artifacts/web}" \
  node --test ${ADDIO_WEB_ONLY:+--test-name-pattern="$ADDIO_WEB_ONLY"} \
  "$root/tests/web/dashboard.test.mjs" || status=$?
if [ "$status" -ne 0 ]; then
  echo "web tests: server log:" >&2
  tail -n 50 "$work/serve.log" >&2
  tail -n 20 "$work/serve-time-only.log" >&2
fi
exit "$status"

#!/usr/bin/env bash
# The addio command on PostgreSQL, against the throw-away server at URL (the test fixture
# starts it): a workspace moves from SQLite to PostgreSQL and back by export + import,
# losslessly, and assesses the same on both; a URL's password never shows in a message.
#   postgres_test.sh PATH/TO/addio URL
set -uo pipefail
addio=$(readlink -f "$1"); server=$2
root=$(cd "$(dirname "$0")/../.." && pwd)
work=$(mktemp -d)
database="cli_$$"
trap 'psql -q "$server" -c "DROP DATABASE IF EXISTS $database" >/dev/null 2>&1; rm -rf "$work"' EXIT
cd "$work"
export LANG=C.UTF-8 NO_COLOR=1
unset ADDIO_DB ADDIO_WORKSPACE LC_ALL LC_MESSAGES
failures=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }
ok() { echo "ok   $*"; }

psql -q "$server" -c "CREATE DATABASE $database" || { echo "FAIL: no database"; exit 1; }
pg="${server%/*}/$database"

"$addio" init --db s.db >/dev/null && "$addio" import --db s.db "$root/examples/demo.json" >/dev/null \
  || fail "SQLite store"
"$addio" export --db s.db from-sqlite.json >/dev/null || fail "export from SQLite"
"$addio" workspace add studio --name "Studio Bianchi" --db "$pg" >/dev/null || fail "workspace add on PostgreSQL"
"$addio" import --db "$pg" --workspace studio from-sqlite.json >/dev/null || fail "import into PostgreSQL"
out=$("$addio" import --db "$pg" --workspace studio from-sqlite.json); \
  grep -Eq '^0 new, 0 updated, [0-9]+ unchanged' <<<"$out" && ok "re-import into PostgreSQL changes nothing" \
  || fail "re-import: $out"
"$addio" export --db "$pg" --workspace studio from-postgres.json >/dev/null || fail "export from PostgreSQL"
cmp -s from-sqlite.json from-postgres.json && ok "SQLite to PostgreSQL: the same records" \
  || fail "the export from PostgreSQL differs"
"$addio" init --db back.db >/dev/null && "$addio" import --db back.db from-postgres.json >/dev/null \
  && "$addio" export --db back.db back.json >/dev/null || fail "back to SQLite"
cmp -s from-sqlite.json back.json && ok "PostgreSQL to SQLite: the same records" || fail "back differs"
for args in "assess --as-of 2026-11-30 --format json" "explain gallo --as-of 2026-11-30" \
            "aging --as-of 2026-11-30" "clients --as-of 2026-11-30"; do
  # shellcheck disable=SC2086
  [ "$("$addio" --db s.db $args)" = "$("$addio" --db "$pg" --workspace studio $args)" ] \
    && ok "$args: the same on both" || fail "$args differs on PostgreSQL"
done
"$addio" workspace list --db "$pg" | grep -Eq '^studio +Studio Bianchi +15$' \
  && ok "workspace list on PostgreSQL" || fail "workspace list: $("$addio" workspace list --db "$pg")"

out=$("$addio" clients --db "postgresql://someone:s3cret@127.0.0.1:1/nowhere" 2>&1); code=$?
[ $code -ne 0 ] && ! grep -q 's3cret' <<<"$out" && grep -q 'someone@127.0.0.1:1/nowhere' <<<"$out" \
  && ok "an unreachable server is named without its password" || fail "unreachable: $code $out"

echo "$failures failures"
[ $failures -eq 0 ]

#!/usr/bin/env bash
# The SQLite peer (sqlite3 shell, Debian's 3.40), in two steps that bench/run times apart:
#   sqlite.sh import LEDGER_DIR DB TZ_CSV   the CSV ledger into a fresh database
#                                           (sqlite_import.sql; peer of `addio import`)
#   sqlite.sh assess DB AS_OF OUT_CSV       the per-client metrics of metrics.sql into
#                                           OUT_CSV (peer of `addio assess --db`)
# TZ_CSV is the workspace zone's offsets (tz_offsets.mjs), made beforehand: SQLite has no
# time zones. AS_OF is YYYY-MM-DD; the settings are addio's defaults (params.sql).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"

case "${1:-}" in
  import)
    [ $# -eq 4 ] || { echo "usage: sqlite.sh import LEDGER_DIR DB TZ_CSV" >&2; exit 2; }
    ledger="$(cd "$2" && pwd)"; db="$3"; tz="$(cd "$(dirname "$4")" && pwd)/$(basename "$4")"
    rm -f "$db"
    sqlite3 -bail "$db" >/dev/null <<SQL
.cd '$ledger'
.import --csv '$tz' raw_tz
.read '$here/sqlite_import.sql'
SQL
    ;;
  assess)
    [ $# -eq 4 ] || { echo "usage: sqlite.sh assess DB AS_OF OUT_CSV" >&2; exit 2; }
    db="$2"; as_of="$3"; out="$4"
    sqlite3 -bail "$db" <<SQL
PRAGMA temp_store = MEMORY;
CREATE TEMP TABLE params AS SELECT unixepoch('$as_of') / 86400 AS as_of;
.read '$here/params.sql'
.read '$here/metrics.sql'
.headers on
.mode csv
.output '$out'
SELECT * FROM client_metrics ORDER BY client;
SQL
    ;;
  *)
    echo "usage: sqlite.sh import LEDGER_DIR DB TZ_CSV | assess DB AS_OF OUT_CSV" >&2
    exit 2
    ;;
esac

#!/usr/bin/env bash
# Faults around `addio import`, against real SQLite files and a real `addio serve`:
#   fault_test.sh ADDIO kill        kill -9 an import of a generated folder at random points,
#                                   many times: after each, PRAGMA integrity_check is ok
#                                   and the records are exactly those before or after it
#   fault_test.sh ADDIO disk-full   the import cannot grow its files (RLIMIT_FSIZE, and a
#                                   full tmpfs where mounting is allowed): a clear error,
#                                   the store exactly as before
#   fault_test.sh ADDIO concurrent  two imports at once on one store while the API is read:
#                                   each ends committed or fails clearly, the store is one
#                                   of the states the imports can make in some order, and
#                                   every read answers one of those states
# Each mode is bounded (FAULT_SECONDS, default 15 s, for the repeated part).
set -uo pipefail
addio=$(readlink -f "$1")
mode="$2"
seconds="${FAULT_SECONDS:-15}"
work=$(mktemp -d)
mounted=""
server=""
cleanup() {
  [ -n "$server" ] && kill "$server" 2>/dev/null && wait "$server" 2>/dev/null
  [ -n "$mounted" ] && umount "$mounted" 2>/dev/null
  rm -rf "$work"
}
trap cleanup EXIT
cd "$work"
export LANG=C.UTF-8 NO_COLOR=1
unset ADDIO_DB LC_ALL LC_MESSAGES
failures=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }
ok() { echo "ok   $*"; }

# The records of a store: every table but the kept statistics, row by row, hashed.
digest() {
  local db="$1" t
  for t in $(sqlite3 "$db" "select name from sqlite_master where type = 'table' and
               name not like 'portfolio%' and name not like 'sqlite_%' order by name"); do
    echo "== $t"
    sqlite3 "$db" ".dump $t" | grep -v '^PRAGMA\|^BEGIN\|^COMMIT'
  done | sha256sum | cut -d' ' -f1
}
integrity() { sqlite3 "$1" "PRAGMA integrity_check"; }

# A base store of 20 clients and a larger folder to import on top of it (other seeds, so
# that the import adds and updates records).
"$addio" gen --clients 20 --months 6 --seed 11 --out base.json >/dev/null 2>&1 || fail "gen base"
"$addio" gen --clients 100 --months 12 --seed 12 --out big --format csv >/dev/null 2>&1 || fail "gen big"
"$addio" init --db base.db >/dev/null && "$addio" import --db base.db base.json >/dev/null \
  || fail "base import"
before=$(digest base.db)

# The store after importing `big` on top of base.db, made once undisturbed.
cp base.db after.db
"$addio" import --db after.db big >/dev/null || fail "reference import"
after=$(digest after.db)
[ "$before" != "$after" ] || fail "the import changes nothing: the test would prove nothing"

case "$mode" in
kill)
  # The import's duration undisturbed, to spread the kills over it.
  cp base.db s.db
  start=$(date +%s%N)
  "$addio" import --db s.db big >/dev/null
  span_ms=$((($(date +%s%N) - start) / 1000000 + 1))
  runs=0 killed=0 as_before=0 as_after=0
  deadline=$((SECONDS + seconds))
  while [ $SECONDS -lt $deadline ] || [ $runs -lt 5 ]; do
    rm -f s.db s.db-wal s.db-shm
    cp base.db s.db
    "$addio" import --db s.db big >/dev/null 2>&1 &
    pid=$!
    sleep "$(awk -v r=$RANDOM -v s=$span_ms 'BEGIN { printf "%.3f", r / 32768 * s * 0.8 / 1000 }')"
    kill -9 "$pid" 2>/dev/null && killed=$((killed + 1))
    wait "$pid" 2>/dev/null
    runs=$((runs + 1))
    check=$(integrity s.db)
    [ "$check" = "ok" ] || fail "run $runs: integrity_check says: $check"
    now=$(digest s.db)
    if [ "$now" = "$before" ]; then
      as_before=$((as_before + 1))
    elif [ "$now" = "$after" ]; then
      as_after=$((as_after + 1))
    else
      fail "run $runs: the store is neither as before nor as after the import"
      cp s.db "$OLDPWD/fault-kill-run-$runs.db" 2>/dev/null
    fi
    # The killed store still takes the import whole.
    if [ $runs -eq 1 ]; then
      "$addio" import --db s.db big >/dev/null 2>&1 || fail "import after a kill"
      [ "$(digest s.db)" = "$after" ] || fail "import after a kill differs from the reference"
    fi
  done
  echo "kill -9: $runs runs, $killed killed while importing: $as_before left as before, $as_after as after"
  [ $runs -eq $((as_before + as_after)) ] && ok "every killed import left the store before or after"
  ;;

disk-full)
  # RLIMIT_FSIZE: no file may grow past 256 KiB (the import's write-ahead log
  # needs more). The signal is ignored, so the write fails with EFBIG.
  cp base.db s.db
  out=$( (trap '' XFSZ; ulimit -f 256; exec "$addio" import --db s.db big) 2>&1); code=$?
  [ $code -ne 0 ] && ok "the import fails when the file cannot grow (exit $code)" \
    || fail "the import succeeded past RLIMIT_FSIZE"
  grep -qi 's\.db' <<<"$out" && ok "the message names the store: $(tail -1 <<<"$out")" \
    || fail "the message does not name the store: $(tail -3 <<<"$out")"
  [ "$(integrity s.db)" = "ok" ] || fail "integrity after a full file: $(integrity s.db)"
  [ "$(digest s.db)" = "$before" ] && ok "the store is exactly as before" \
    || fail "the store changed after a failed write"
  "$addio" import --db s.db big >/dev/null && [ "$(digest s.db)" = "$after" ] \
    && ok "the same import succeeds once there is room" || fail "import after room"

  # A real full file system: a tmpfs with room for the store and 256 KiB more, where this
  # machine lets us mount one (CI may run without the right to mount).
  mkdir small
  room_kib=$(($(stat -c %s base.db) / 1024 + 256))
  if mount -t tmpfs -o size=${room_kib}k addio-fault small 2>mount.err; then
    mounted="$work/small"
    cp base.db small/s.db
    out=$("$addio" import --db small/s.db big 2>&1); code=$?
    [ $code -ne 0 ] && ok "the import fails on a full file system (exit $code)" \
      || fail "the import succeeded on a full file system"
    grep -qi 's\.db' <<<"$out" && ok "the message names the store: $(tail -1 <<<"$out")" \
      || fail "the message does not name the store: $(tail -3 <<<"$out")"
    [ "$(integrity small/s.db)" = "ok" ] || fail "integrity after ENOSPC: $(integrity small/s.db)"
    [ "$(digest small/s.db)" = "$before" ] && ok "the store is exactly as before (ENOSPC)" \
      || fail "the store changed on a full file system"
  else
    echo "skipped: the full tmpfs case (cannot mount tmpfs here: $(head -1 mount.err))"
  fi
  ;;

concurrent)
  # A second ledger of other clients (ids prefixed), so that the two imports' states differ.
  "$addio" gen --clients 60 --months 12 --seed 13 --out other.json >/dev/null 2>&1
  python3 - other.json <<'PY'
import json, sys
doc = json.load(open(sys.argv[1]))
refs = ("id", "client", "project", "contract", "invoice", "request")
for key, records in doc.items():
    if isinstance(records, list):
        for r in records:
            for f in refs:
                if isinstance(r.get(f), str):
                    r[f] = "o-" + r[f]
json.dump(doc, open(sys.argv[1], "w"))
PY
  cp after.db both.db && "$addio" import --db both.db other.json >/dev/null || fail "reference both"
  cp base.db other.db && "$addio" import --db other.db other.json >/dev/null || fail "reference other"
  # Both committed: in either order (each ledger brings its workspace; the later one stays).
  cp other.db other_then_big.db && "$addio" import --db other_then_big.db big >/dev/null \
    || fail "reference other then big"
  both=$(digest both.db) both_reversed=$(digest other_then_big.db) only_other=$(digest other.db)
  count() { sqlite3 "$1" "select count(*) from clients"; }
  allowed_counts=" $(count base.db) $(count after.db) $(count other.db) $(count both.db) "

  # (Re)starts the server on s.db and sets url once it listens (at most 30 s).
  serve_store() {
    [ -n "$server" ] && { kill "$server" 2>/dev/null; wait "$server" 2>/dev/null; }
    "$addio" serve --db s.db --port 0 >serve.out 2>serve.err &
    server=$!
    url=""
    for _ in $(seq 1 300); do
      url=$(grep -o 'http://[0-9.]*:[0-9]*' serve.out | head -1)
      [ -n "$url" ] && return 0
      sleep 0.1
    done
    fail "the server did not start: $(cat serve.err)"
    exit 1
  }

  rounds=0
  deadline=$((SECONDS + seconds))
  while [ $rounds -lt 2 ] || [ $SECONDS -lt $deadline -a $rounds -lt 6 ]; do
    rounds=$((rounds + 1))
    cp base.db s.db.new && mv s.db.new s.db 2>/dev/null
    rm -f s.db-wal s.db-shm
    # A server keeps its connection to the old file: one is started on each fresh copy.
    serve_store
    "$addio" import --db s.db big >a.out 2>&1 &
    a=$!
    "$addio" import --db s.db other.json >b.out 2>&1 &
    b=$!
    reads=0 bad_reads=0 unanswered=0
    while kill -0 $a 2>/dev/null || kill -0 $b 2>/dev/null; do
      n=$(curl -sf "$url/api/v1/clients?as_of=2026-10-31" \
          | python3 -c 'import json,sys; print(len(json.load(sys.stdin)["clients"]))' 2>/dev/null)
      # A read the server could not answer (starting, or busy under the writers) shows no
      # state; only an answer naming a state no commit made is wrong.
      if [ -z "$n" ]; then unanswered=$((unanswered + 1)); continue; fi
      reads=$((reads + 1))
      [[ "$allowed_counts" == *" $n "* ]] || bad_reads=$((bad_reads + 1))
    done
    wait $a; code_a=$?
    wait $b; code_b=$?
    for side in a b; do
      code_var="code_$side"
      if [ "${!code_var}" -ne 0 ]; then
        grep -qi 'busy\|locked\|in use\|try again' $side.out && ok "round $rounds: import $side failed clearly: $(tail -1 $side.out)" \
          || fail "round $rounds: import $side failed without a clear message: $(tail -3 $side.out)"
      fi
    done
    [ "$(integrity s.db)" = "ok" ] || fail "round $rounds: integrity: $(integrity s.db)"
    now=$(digest s.db)
    case "$code_a$code_b" in
      00) expect="$both" ;;
      0*) expect="$after" ;;
      *0) expect="$only_other" ;;
      *) expect="$before" ;;
    esac
    [ "$code_a$code_b" = "00" ] && [ "$now" = "$both_reversed" ] && expect="$both_reversed"
    [ "$now" = "$expect" ] && ok "round $rounds: imports exit $code_a/$code_b, the store holds exactly what they committed" \
      || fail "round $rounds: the store is not what the imports committed (exits $code_a/$code_b)"
    [ $bad_reads -eq 0 ] && ok "round $rounds: $reads reads during the imports ($unanswered unanswered), each one of the possible states" \
      || fail "round $rounds: $bad_reads of $reads reads answered a state no commit made"
    final=""
    for _ in 1 2 3 4 5; do
      final=$(curl -sf "$url/api/v1/clients?as_of=2026-10-31" \
              | python3 -c 'import json,sys; print(len(json.load(sys.stdin)["clients"]))' 2>/dev/null)
      [ -n "$final" ] && break
      sleep 1
    done
    [ "$final" = "$(count s.db)" ] && ok "round $rounds: the API answers the final state" \
      || fail "round $rounds: the API answers $final clients, the store holds $(count s.db)"
  done
  ;;
*)
  echo "usage: fault_test.sh ADDIO kill|disk-full|concurrent" >&2
  exit 2
  ;;
esac

[ $failures -eq 0 ] || { echo "$failures failures"; exit 1; }
echo "fault_test $mode: all passed"

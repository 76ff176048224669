#!/usr/bin/env bash
# Golden tests of the addio command: each folder tests/golden/<case>/ holds `cmd` (the
# arguments, one shell line, run from the repository root with `addio` on PATH) and
# `expected` (the exact standard output). `exit` holds the expected exit status when it
# is not 0. With ADDIO_UPDATE_GOLDEN=1 the expectations are rewritten for review.
#   run_golden.sh PATH/TO/addio [case...]
#   run_golden.sh PATH/TO/addio --postgres URL [case...]
# With --postgres the store is on the PostgreSQL server at URL: each case gets a database
# of its own, holding the demo ledger where the case reads `--ledger examples/demo.json`
# (the option is then dropped, so the case reads the store), empty where the case makes
# its own store. The expected output is the same file: the two stores give the same bytes.
set -uo pipefail
addio_bin=$(readlink -f "$1"); shift
server=""
if [ "${1:-}" = --postgres ]; then server=$2; shift 2; fi
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
bin_dir=$(mktemp -d); trap 'rm -rf "$bin_dir"' EXIT
ln -s "$addio_bin" "$bin_dir/addio"
export PATH="$bin_dir:$PATH" LANG=C.UTF-8 NO_COLOR=1
unset LC_ALL LC_MESSAGES

# Points ADDIO_DB at the store of case $1 and sets `cmd` to the command to run; returns
# non-zero when the store cannot be made.
prepare_case() {
  local name=$1
  cmd=$(cat "$here/$name/cmd")
  if [ -z "$server" ]; then
    export ADDIO_DB="$bin_dir/$name.db"  # each case starts without a store
    return 0
  fi
  database="golden_$$_${name}"
  psql -q "$server" -c "CREATE DATABASE $database" || return 1
  export ADDIO_DB="${server%/*}/$database"
  cmd=${cmd//\$ADDIO_DB.json/$bin_dir/$name.json}  # a scratch file named after the store
  if [[ "$cmd" == *"--ledger examples/demo.json"* ]]; then
    (cd "$root" && addio import examples/demo.json >/dev/null) || return 1
    cmd=${cmd//--ledger examples\/demo.json/}
  fi
}

cases=("$@")
[ ${#cases[@]} -eq 0 ] && cases=($(cd "$here" && ls -d */ | tr -d /))
failed=0
for name in "${cases[@]}"; do
  dir="$here/$name"
  [ -f "$dir/cmd" ] || continue
  prepare_case "$name" || { echo "FAIL $name: no store"; failed=1; continue; }
  want_exit=0; [ -f "$dir/exit" ] && want_exit=$(cat "$dir/exit")
  actual=$(cd "$root" && bash -c "$cmd" 2>"$bin_dir/stderr"); got_exit=$?
  [ -n "$server" ] && psql -q "$server" -c "DROP DATABASE $database" >/dev/null 2>&1
  if [ "${ADDIO_UPDATE_GOLDEN:-0}" = 1 ]; then
    printf '%s\n' "$actual" > "$dir/expected"
    [ "$got_exit" -ne 0 ] && echo "$got_exit" > "$dir/exit" || rm -f "$dir/exit"
    echo "updated $name"; continue
  fi
  if [ "$got_exit" -ne "$want_exit" ]; then
    echo "FAIL $name: exit $got_exit, expected $want_exit"; cat "$bin_dir/stderr"; failed=1; continue
  fi
  if ! diff -u "$dir/expected" <(printf '%s\n' "$actual") > "$bin_dir/diff"; then
    echo "FAIL $name: output differs"; head -60 "$bin_dir/diff"; failed=1; continue
  fi
  echo "ok   $name"
done
exit $failed

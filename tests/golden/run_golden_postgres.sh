#!/usr/bin/env bash
# The golden cases (run_golden.sh) with the store on PostgreSQL: each case gets a database
# of its own on the server at URL, holding the demo ledger where the case reads
# `--ledger examples/demo.json` (the option is then dropped, so the case reads the store),
# empty where the case makes its own store. The expected output is the same file: the two
# stores give the same bytes.
#   run_golden_postgres.sh PATH/TO/addio URL [case...]
set -uo pipefail
addio_bin=$(readlink -f "$1"); server=$2; shift 2
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
bin_dir=$(mktemp -d); trap 'rm -rf "$bin_dir"' EXIT
ln -s "$addio_bin" "$bin_dir/addio"
export PATH="$bin_dir:$PATH" LANG=C.UTF-8 NO_COLOR=1
unset LC_ALL LC_MESSAGES

cases=("$@")
[ ${#cases[@]} -eq 0 ] && cases=($(cd "$here" && ls -d */ | tr -d /))
failed=0
for name in "${cases[@]}"; do
  dir="$here/$name"
  [ -f "$dir/cmd" ] || continue
  database="golden_$$_${name}"
  psql -q "$server" -c "CREATE DATABASE $database" || { echo "FAIL $name: no database"; failed=1; continue; }
  export ADDIO_DB="${server%/*}/$database"
  cmd=$(cat "$dir/cmd")
  cmd=${cmd//\$ADDIO_DB.json/$bin_dir/$name.json}  # a scratch file named after the store
  if [[ "$cmd" == *"--ledger examples/demo.json"* ]]; then
    (cd "$root" && addio import examples/demo.json >/dev/null) || { echo "FAIL $name: import"; failed=1; continue; }
    cmd=${cmd//--ledger examples\/demo.json/}
  fi
  want_exit=0; [ -f "$dir/exit" ] && want_exit=$(cat "$dir/exit")
  actual=$(cd "$root" && bash -c "$cmd" 2>"$bin_dir/stderr"); got_exit=$?
  psql -q "$server" -c "DROP DATABASE $database" >/dev/null 2>&1
  if [ "$got_exit" -ne "$want_exit" ]; then
    echo "FAIL $name: exit $got_exit, expected $want_exit"; cat "$bin_dir/stderr"; failed=1; continue
  fi
  if ! diff -u "$dir/expected" <(printf '%s\n' "$actual") > "$bin_dir/diff"; then
    echo "FAIL $name: output differs"; head -60 "$bin_dir/diff"; failed=1; continue
  fi
  echo "ok   $name"
done
exit $failed

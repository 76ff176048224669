#!/usr/bin/env bash
# Golden tests of the addio command: each folder tests/golden/<case>/ holds `cmd` (the
# arguments, one shell line, run from the repository root with `addio` on PATH) and
# `expected` (the exact standard output). `exit` holds the expected exit status when it
# is not 0. With ADDIO_UPDATE_GOLDEN=1 the expectations are rewritten for review.
#   run_golden.sh PATH/TO/addio [case...]
set -uo pipefail
addio_bin=$(readlink -f "$1"); shift
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
  export ADDIO_DB="$bin_dir/$name.db"  # each case starts without a store
  want_exit=0; [ -f "$dir/exit" ] && want_exit=$(cat "$dir/exit")
  actual=$(cd "$root" && bash -c "$(cat "$dir/cmd")" 2>"$bin_dir/stderr"); got_exit=$?
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

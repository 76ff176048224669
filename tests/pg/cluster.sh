#!/usr/bin/env bash
# A throw-away PostgreSQL 15 cluster for the tests, never a system service:
#   cluster.sh start DIR   creates DIR/data, starts the server listening on a socket in
#                          DIR only (no TCP port to collide), writes its URL to DIR/url
#                          and prints it
#   cluster.sh stop DIR    stops it and removes DIR
# initdb refuses to run as root: as root the cluster belongs to the user postgres (made by
# Debian's package). Needs postgresql-15 (scripts/setup installs it).
set -euo pipefail
action=$1
dir=$(readlink -m "$2")
bin=/usr/lib/postgresql/15/bin
as_owner() {
  if [ "$(id -u)" -eq 0 ]; then su postgres -s /bin/sh -c "$*"; else sh -c "$*"; fi
}

case "$action" in
  start)
    [ -x "$bin/initdb" ] || { echo "cluster.sh: no PostgreSQL 15 in $bin (run scripts/setup)" >&2; exit 1; }
    if [ -f "$dir/url" ] && as_owner "$bin/pg_ctl -D $dir/data status" >/dev/null 2>&1; then
      cat "$dir/url"; exit 0
    fi
    rm -rf "$dir"; mkdir -p "$dir"
    [ "$(id -u)" -eq 0 ] && chown postgres "$dir"
    as_owner "$bin/initdb -D $dir/data -U postgres -A trust -E UTF8 --no-locale" >"$dir/initdb.log" 2>&1
    as_owner "$bin/pg_ctl -D $dir/data -w -l $dir/server.log -o \"-k $dir -c listen_addresses='' -c fsync=off -c synchronous_commit=off -c full_page_writes=off\" start" >/dev/null
    echo "postgresql://postgres@${dir//\//%2F}/postgres" | tee "$dir/url"
    ;;
  stop)
    if [ -d "$dir/data" ]; then
      as_owner "$bin/pg_ctl -D $dir/data -m fast stop" >/dev/null 2>&1 || true
    fi
    rm -rf "$dir"
    ;;
  *) echo "usage: cluster.sh start|stop DIR" >&2; exit 2 ;;
esac

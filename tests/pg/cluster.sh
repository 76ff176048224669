#!/usr/bin/env bash
# A throw-away PostgreSQL 15 cluster for the tests, never a system service:
#   cluster.sh start DIR   creates a cluster in a new folder under /tmp, starts its server
#                          listening on a socket there only (no TCP port to collide with
#                          another run), writes its URL to DIR/url and prints it
#   cluster.sh stop DIR    stops that server and removes its folder and DIR
# initdb refuses to run as root: as root the cluster belongs to the user postgres (made by
# Debian's package), in a folder that user can reach wherever DIR is. Needs postgresql-15
# (scripts/setup installs it).
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
    if [ -f "$dir/cluster" ] && as_owner "$bin/pg_ctl -D $(cat "$dir/cluster")/data status" >/dev/null 2>&1; then
      cat "$dir/url"; exit 0
    fi
    mkdir -p "$dir"
    cluster=$(mktemp -d /tmp/addio-pg.XXXXXX)
    chmod 755 "$cluster"
    [ "$(id -u)" -eq 0 ] && chown postgres "$cluster"
    echo "$cluster" > "$dir/cluster"
    as_owner "$bin/initdb -D $cluster/data -U postgres -A trust -E UTF8 --no-locale" >"$dir/initdb.log" 2>&1 \
      || { cat "$dir/initdb.log" >&2; exit 1; }
    as_owner "$bin/pg_ctl -D $cluster/data -w -l $cluster/server.log -o \"-k $cluster -c listen_addresses='' -c fsync=off -c synchronous_commit=off -c full_page_writes=off\" start" >/dev/null \
      || { cat "$cluster/server.log" >&2; exit 1; }
    echo "postgresql://postgres@${cluster//\//%2F}/postgres" | tee "$dir/url"
    ;;
  stop)
    if [ -f "$dir/cluster" ]; then
      cluster=$(cat "$dir/cluster")
      as_owner "$bin/pg_ctl -D $cluster/data -m fast stop" >/dev/null 2>&1 || true
      rm -rf "$cluster"
    fi
    rm -rf "$dir"
    ;;
  *) echo "usage: cluster.sh start|stop DIR" >&2; exit 2 ;;
esac

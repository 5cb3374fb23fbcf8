#!/usr/bin/env bash
# A throwaway PostgreSQL server on loopback, for tests and benchmarks.
#
#   scripts/pg_cluster.sh start DIR [PORT]   # prints the server's URL
#   scripts/pg_cluster.sh stop DIR
#   scripts/pg_cluster.sh restart DIR        # a fast restart (the fault test)
#
# Uses Debian's postgresql package (any version). Run as root, the server
# runs as the postgres user, since PostgreSQL refuses to run as root. Trust
# authentication on 127.0.0.1 only: this server holds test data, never a
# user's. fsync stays on unless STORYLINE_PG_FAST=1 (tests only).
set -euo pipefail
cmd=${1:?start, stop or restart}
dir=$(realpath -m "${2:?a directory}")
port=${3:-55432}
bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
as_owner() {
    if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}
case $cmd in
start)
    mkdir -p "$dir"
    [ "$(id -u)" = 0 ] && chown postgres "$dir"
    if [ ! -f "$dir/data/PG_VERSION" ]; then
        as_owner "$bin/initdb" -D "$dir/data" -A trust -U storyline -E UTF8 \
            --locale=C --no-sync >"$dir/initdb.log"
    fi
    opts="-k $dir -p $port -c listen_addresses=127.0.0.1 -c max_connections=200"
    [ "${STORYLINE_PG_FAST:-0}" = 1 ] && opts="$opts -c fsync=off -c synchronous_commit=off"
    as_owner "$bin/pg_ctl" -D "$dir/data" -o "$opts" -l "$dir/server.log" -w start >/dev/null
    echo "postgres://storyline@127.0.0.1:$port/postgres"
    ;;
stop)
    as_owner "$bin/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null
    ;;
restart)
    as_owner "$bin/pg_ctl" -D "$dir/data" -m fast -w restart >/dev/null
    ;;
*)
    echo "unknown command $cmd" >&2
    exit 2
    ;;
esac

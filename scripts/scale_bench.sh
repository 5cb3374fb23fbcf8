#!/usr/bin/env bash
# How storing scales with workers, and how fast the placer places.
#
#   scripts/scale_bench.sh SERVER_URL INPUT... 
#
# SERVER_URL is a PostgreSQL server whose `postgres` database may create
# others (scripts/pg_cluster.sh start prints one). For 1 and then 2
# workers: a fresh database, every INPUT queued, the workers run with
# --until-empty --no-place, timed; then one placer places everything,
# timed. Prints articles/s for each, and the placer's own line (placing
# apart from computing briefs). WORKER_ARGS passes options to the workers
# (`--threads 1`: one core each). Run it on an otherwise idle machine.
set -euo pipefail
server=${1:?server URL}; shift
bin=${STORYLINE:-target/release/storyline}
base=${server%/*}
for n in 1 2; do
    db="bench_scale_$n"
    psql "$server" -qX -c "DROP DATABASE IF EXISTS $db" -c "CREATE DATABASE $db" 2>/dev/null
    "$bin" enqueue --db "$base/$db" "$@" >/dev/null 2>&1
    start=$(date +%s.%N)
    pids=()
    for i in $(seq "$n"); do
        "$bin" worker --db "$base/$db" --name "w$i" --until-empty --no-place ${WORKER_ARGS:-} 2>/dev/null &
        pids+=($!)
    done
    wait "${pids[@]}"
    stored=$(date +%s.%N)
    "$bin" worker --db "$base/$db" --name placer --until-empty --place-only --verbose 2>&1 | grep placed || true
    placed=$(date +%s.%N)
    articles=$(psql "$base/$db" -qXAt -c "SELECT count(*) FROM articles")
    python3 - "$n" "$articles" "$start" "$stored" "$placed" <<'PY'
import sys
n, arts, t0, t1, t2 = int(sys.argv[1]), int(sys.argv[2]), *map(float, sys.argv[3:])
print(f"{n} worker(s): {arts} articles stored in {t1 - t0:.1f} s ({arts / (t1 - t0):.1f}/s); "
      f"placed in {t2 - t1:.1f} s ({arts / (t2 - t1):.0f}/s)")
PY
done

#!/usr/bin/env bash
# Load benchmark of `storyline serve` over loopback with wrk (Debian's
# `wrk`; `apt-get install wrk`). Usage:
#   scripts/serve_bench.sh DB [SECONDS]
# DB should hold >= 100,000 articles: the pipeline bench's stream plus the
# example corpus:
#   cargo bench --bench pipeline -- 100000 --write-jsonl t100k.jsonl
#   target/release/storyline ingest -q --db big.db t100k.jsonl examples/corpus
# Prints requests/s and latency percentiles per endpoint, and the server's
# peak RSS.
set -euo pipefail
DB=${1:?usage: serve_bench.sh DB [SECONDS]}
SECS=${2:-10}
BIN=${BIN:-target/release/storyline}
PORT=${PORT:-8097}
command -v wrk >/dev/null || { echo "wrk not found (apt-get install wrk)"; exit 1; }
$BIN serve --db "$DB" --bind 127.0.0.1:$PORT 2>/tmp/serve_bench.err &
PID=$!
trap 'kill $PID 2>/dev/null || true; rm -f "${QUERIES:-}"' EXIT
for _ in $(seq 1 600); do
  curl -sf -o /dev/null "http://127.0.0.1:$PORT/assets/style.css" && break
  sleep 0.5
done
echo "host: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(nproc) cores"
echo "db: $DB, $(sqlite3 "$DB" 'select count(*) from articles') articles"
# The biggest storyline (the example corpus's), for the story page and JSON.
STORY=$(curl -sf "http://127.0.0.1:$PORT/api/v1/stories?limit=1" | python3 -c 'import json,sys; print(json.load(sys.stdin)["items"][0]["id"])')
run() {  # NAME PATH [LUA [CONNECTIONS]]
  local name=$1 path=$2 lua=${3:-} conns=${4:-64}
  # Warm the cache (and the search index's pages) first.
  curl -sf -o /dev/null "http://127.0.0.1:$PORT$path" || true
  local args=(-t2 -c"$conns" -d"${SECS}s" --latency)
  [ -n "$lua" ] && args+=(-s "$lua")
  local out
  out=$(wrk "${args[@]}" "http://127.0.0.1:$PORT$path")
  local rps p50 p99
  rps=$(awk '/Requests\/sec/ {print $2}' <<<"$out")
  p50=$(awk '$1 == "50%" {print $2}' <<<"$out")
  p99=$(awk '$1 == "99%" {print $2}' <<<"$out")
  local errs
  errs=$(awk '/Non-2xx|Socket errors/ {print}' <<<"$out" | tr '\n' ' ')
  printf '%-22s %10s req/s   p50 %8s   p99 %8s   %s\n' "$name" "$rps" "$p50" "$p99" "$errs"
}
# A search mix drawn from this database (common and rare words, phrases,
# AND pairs) plus a fixed one.
QUERIES=$(mktemp)
python3 scripts/search_queries.py "$DB" > "$QUERIES"
export QUERIES
echo "search mix: $(wc -l < "$QUERIES") queries from the database (scripts/search_queries.py)"
run "front page" "/"
run "story page" "/story/$STORY"
run "story JSON (API)" "/api/v1/stories/$STORY"
run "front page, filtered" "/?outlet=outlet7.example&page=3"
SEARCH_PATH="/search?q=" run "search page (mix)" "/search?q=x" scripts/search_mix.lua
SEARCH_PATH="/api/v1/search?q=" run "search API (mix)" "/api/v1/search?q=x" scripts/search_mix.lua
# A closed loop of 64 connections keeps 64 searches waiting whatever the
# rate (p50 = 64 / rate); 16 show the latency of a busy but not saturated
# server.
SEARCH_PATH="/search?q=" run "search page, 16 conns" "/search?q=x" scripts/search_mix.lua 16
SEARCH_PATH="/api/v1/search?q=" run "search API, 16 conns" "/api/v1/search?q=x" scripts/search_mix.lua 16
# The goal's latency at its rate: an open loop at a steady RATE (1,000)
# queries a second, latency counted from when each request was due (oha's
# correction for coordinated omission; `cargo install oha --locked`).
if command -v oha >/dev/null; then
  URLS=$(mktemp)
  python3 -c 'import sys, urllib.parse
for q in open(sys.argv[1]):
    q = q.strip()
    if q: print(sys.argv[2] + urllib.parse.quote(q))' "$QUERIES" "http://127.0.0.1:$PORT/search?q=" > "$URLS"
  RATE=${RATE:-1000}
  out=$(oha -z "${SECS}s" -c 64 -q "$RATE" --latency-correction --urls-from-file "$URLS" --no-tui)
  rm -f "$URLS"
  rps=$(awk '/Requests\/sec/ {print $2}' <<<"$out")
  p50=$(awk '$1 == "50.00%" {print $3, $4}' <<<"$out")
  p99=$(awk '$1 == "99.00%" {print $3, $4}' <<<"$out")
  printf '%-22s %10s req/s   p50 %8s   p99 %8s   (steady %s q/s, oha)\n' "search page, open loop" "$rps" "$p50" "$p99" "$RATE"
else
  echo "oha not found: skipping the open-loop search run (cargo install oha --locked)"
fi
echo "serve peak RSS: $(awk '/VmHWM/ {print $2, $3}' /proc/$PID/status)"

#!/bin/sh
# Page extraction speed beside the public reference, one core each, same
# pages, runs alternating (this host's speed wanders): storyline's
# `eval extract` (CPU time of `Extractor::extract` only, the page already
# decoded) and Python trafilatura 2.3.1's `bare_extraction` with metadata
# (scripts/trafilatura_baseline.py, which times the same span).
#
#   pip install trafilatura==2.3.1 lxml_html_clean
#   cargo build --release
#   scripts/extract_speed.sh [DIR] [RUNS]
set -eu
dir=${1:-../shared/data/extraction/wcxb-articles-dev}
runs=${2:-3}
bin=${STORYLINE:-target/release/storyline}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
i=1
while [ "$i" -le "$runs" ]; do
    ours=$(RAYON_NUM_THREADS=1 "$bin" eval extract fundus "$dir" 2>&1 >/dev/null |
        sed -n 's/^extraction: .*, \([0-9.]*\) pages\/s per core$/\1/p')
    theirs=$(python3 scripts/trafilatura_baseline.py "$dir" "$tmp/pred.json" |
        sed -n 's/.* \([0-9.]*\) pages\/s on one core$/\1/p')
    echo "run $i: storyline $ours pages/s per core, trafilatura $theirs, ratio $(echo "$ours $theirs" | awk '{ printf "%.2f", $1 / $2 }')"
    i=$((i + 1))
done

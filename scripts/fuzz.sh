#!/usr/bin/env bash
# Coverage-guided fuzzing of storyline's parsers with cargo-afl (AFL++), on
# stable Rust. See fuzz/README.md.
#
#   scripts/fuzz.sh [-d SECONDS] [-j PARALLEL] [TARGET...]
#
# Runs each TARGET (default: all) for SECONDS (default 1800), at most
# PARALLEL at once (default 2), each under `nice -n 19`, with a 300 MB memory
# limit and a 2000 ms timeout per input. Seeds come from tests/data and
# fuzz/seeds/<target>; findings and queues go to fuzz/out/<target>/default.
# A second run of the same target resumes where the last one stopped.
# At the end it prints, per target: run time, execs, crashes, hangs.
set -euo pipefail

ALL=(html feed jsonl warc gzip charset date timex opml)
duration=1800
parallel=2
while getopts "d:j:h" opt; do
    case $opt in
        d) duration=$OPTARG ;;
        j) parallel=$OPTARG ;;
        *) sed -n '2,12p' "$0"; exit 2 ;;
    esac
done
shift $((OPTIND - 1))
targets=("$@")
[ ${#targets[@]} -eq 0 ] && targets=("${ALL[@]}")
for t in "${targets[@]}"; do
    [[ " ${ALL[*]} " == *" $t "* ]] || { echo "unknown target: $t (one of: ${ALL[*]})" >&2; exit 2; }
done

root=$(cd "$(dirname "$0")/.." && pwd)
data=$root/tests/data
out=$root/fuzz/out
mkdir -p "$out"

# Seeds from the shared fixtures, per target (our own hand-written ones in
# fuzz/seeds/<target> are added to these).
seeds_for() {
    case $1 in
        html) echo article.html article_latin1.html bad/invalid_utf8.txt ;;
        feed) echo article.rss.xml article.atom.xml article.feed.json bad/broken_dates.rss.xml ;;
        jsonl) echo article.jsonl bad/malformed.jsonl ;;
        warc) echo article.warc article.warc.gz bad/truncated.warc.gz ;;
        gzip) echo article.html.gz article.warc.gz bad/truncated.html.gz bad/truncated.warc.gz ;;
        charset) echo article.txt article_latin1.html bad/utf16.txt bad/invalid_utf8.txt bad/binary.bin ;;
        date) echo article.html article_latin1.html ;;
        timex) echo article.txt article_furniture.txt ;;
        opml) echo sources.opml article.rss.xml ;;
    esac
}

# The toolchain: cargo-afl builds AFL++ from the source it ships with.
if ! cargo afl --version >/dev/null 2>&1; then
    cargo install cargo-afl --locked
fi
# AFL++ is built once per rustc version, into cargo-afl's data directory.
rustc_id=$(rustc -V | awk '{print $2 "-" substr($3, 2, 7)}')
if [ ! -x "${XDG_DATA_HOME:-$HOME/.local/share}/afl.rs/rustc-$rustc_id/afl.rs-$(cargo afl --version | awk '{print $2}')/afl/bin/afl-fuzz" ]; then
    cargo afl config --build
fi

echo "== building instrumented targets"
(cd "$root/fuzz" && nice -n 19 cargo afl build --release --bins)
bin=$root/fuzz/target/release

# No pinning to a core: the machine is shared, and pinned instances refuse
# to start once every core has one.
export AFL_SKIP_CPUFREQ=1 AFL_I_DONT_CARE_ABOUT_MISSING_CRASHES=1 AFL_NO_UI=1 AFL_AUTORESUME=1 \
    AFL_NO_AFFINITY=1

run_one() {
    local t=$1 dir=$out/$1
    mkdir -p "$dir/in"
    for s in $(seeds_for "$t"); do
        [ -s "$data/$s" ] && cp "$data/$s" "$dir/in/$(echo "$s" | tr / _)"
    done
    cp "$root/fuzz/seeds/$t"/* "$dir/in/" 2>/dev/null || true
    echo "== $t: fuzzing for ${duration}s ($(date -u +%H:%M:%S) UTC)"
    nice -n 19 cargo afl fuzz -i "$dir/in" -o "$dir" -m 300 -t 2000 -V "$duration" \
        -- "$bin/$t" >"$dir/fuzz.log" 2>&1 || echo "== $t: afl-fuzz exited with $? (see $dir/fuzz.log)"
    echo "== $t: done ($(date -u +%H:%M:%S) UTC)"
}

for t in "${targets[@]}"; do
    while [ "$(jobs -rp | wc -l)" -ge "$parallel" ]; do
        wait -n || true
    done
    run_one "$t" &
done
wait

field() { sed -n "s/^$2 *: *//p" "$1" 2>/dev/null | head -1; }
echo
printf '%-8s %9s %12s %8s %6s %9s\n' target run_time execs crashes hangs corpus
for t in "${targets[@]}"; do
    f=$out/$t/default/fuzzer_stats
    if [ ! -f "$f" ]; then
        printf '%-8s %s\n' "$t" "no fuzzer_stats (see $out/$t/fuzz.log)"
        continue
    fi
    printf '%-8s %8ss %12s %8s %6s %9s\n' "$t" "$(field "$f" run_time)" "$(field "$f" execs_done)" \
        "$(field "$f" saved_crashes)" "$(field "$f" saved_hangs)" "$(field "$f" corpus_count)"
done

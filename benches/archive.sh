#!/usr/bin/env bash
# Scale benchmark (docs/performance.md): JSON-lines archives of many 5-article stories,
# streamed through `crosscheck compare --format jsonl`. For each size: build the archive with
# benches/gen_archive.py, run with all cores and with --threads 1, check both outputs are
# identical, and print wall time, CPU time and peak memory from /usr/bin/time.
# usage: bash benches/archive.sh [STORIES...]   (default: 100 1000)
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release --quiet
bin=target/release/crosscheck
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
for n in "${@:-100 1000}"; do
    python3 benches/gen_archive.py "$n" "$work/a$n.jsonl"
    for threads in 0 1; do
        /usr/bin/time -v "$bin" compare "$work/a$n.jsonl" --format jsonl --threads "$threads" \
            -o "$work/out$n.$threads.jsonl" 2>"$work/time"
        wall=$(sed -n 's/.*Elapsed (wall clock) time (h:mm:ss or m:ss): //p' "$work/time")
        cpu=$(awk -F': ' '/User time|System time/ {s += $2} END {printf "%.2f", s}' "$work/time")
        peak=$(awk -F': ' '/Maximum resident/ {printf "%.1f MB", $2 / 1024}' "$work/time")
        echo "$n stories x 5: threads=$threads wall $wall, cpu ${cpu}s, peak $peak," \
            "$(wc -l <"$work/out$n.$threads.jsonl") claims"
    done
    cmp -s "$work/out$n.0.jsonl" "$work/out$n.1.jsonl" || { echo "outputs differ" >&2; exit 1; }
done

#!/usr/bin/env bash
# Story-cluster benchmark: crosscheck compare on generated clusters of N articles, wall time and
# peak memory, beside the Python peer (pySBD + rapidfuzz) on the smallest size.
#
# usage: benches/cluster.sh [N ...]        (default: 200 1000 10000)
# needs: ../shared/bench/gen_cluster.py, python3; for the peer: pip install pysbd rapidfuzz
set -euo pipefail
cd "$(dirname "$0")/.."
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(200 1000 10000)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

cargo build --release --quiet
bin=target/release/crosscheck

measure() { # label, command...
    local label=$1; shift
    /usr/bin/time -f "%e %M" -o "$work/time" "$@" >/dev/null
    read -r secs kb <"$work/time"
    printf '%-28s %8.2f s %8.0f MB\n' "$label" "$secs" "$((kb / 1024))"
}

for n in "${sizes[@]}"; do
    python3 ../shared/bench/gen_cluster.py "$n" "$work/c$n"
    chars=$(cat "$work/c$n"/*.txt | wc -m)
    echo "cluster of $n articles, $chars characters"
    measure "crosscheck (all cores)" "$bin" compare "$work/c$n" -o "$work/out.csv"
    measure "crosscheck --threads 1" "$bin" compare --threads 1 "$work/c$n" -o "$work/out1.csv"
    cmp -s "$work/out.csv" "$work/out1.csv" && echo "  1 thread and all cores: identical output"
    if [ "$n" -le 200 ] && python3 -c 'import pysbd, rapidfuzz' 2>/dev/null; then
        measure "python peer fuzz.ratio" python3 benches/peer.py "$work/c$n" --scorer ratio
    fi
    rm -rf "$work/c$n"
done

#!/usr/bin/env bash
# Candidate-generation benchmark: two articles whose sentences share a small vocabulary
# (300 words), 5,000 to 40,000 sentences in all. Reports the time of each size and its ratio to
# the smallest: near-linear growth is 8x for 8x the sentences.
#
# usage: benches/vocabulary.sh [SENTENCES ...]   (default: 5000 10000 20000 40000)
# needs: python3, /usr/bin/time (GNU time)
set -euo pipefail
cd "$(dirname "$0")/.."
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(5000 10000 20000 40000)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

cargo build --release --quiet
bin=target/release/crosscheck

first=""
for n in "${sizes[@]}"; do
    python3 - "$n" "$work" <<'PY'
import random, sys
n, work = int(sys.argv[1]), sys.argv[2]
random.seed(11)
vocab = [f"w{k}" for k in range(300)]
for name, count in (("a.txt", n // 2), ("b.txt", n - n // 2)):
    lines = []
    for i in range(count):
        words = " ".join(random.choice(vocab) for _ in range(random.randint(8, 16)))
        lines.append(f"The {words} rose.")
    open(f"{work}/{name}", "w").write("\n".join(lines) + "\n")
PY
    /usr/bin/time -f "%e %M" -o "$work/time" "$bin" compare "$work/a.txt" "$work/b.txt" -o /dev/null
    read -r secs kb <"$work/time"
    [ -n "$first" ] || first=$secs
    awk -v n="$n" -v s="$secs" -v f="$first" -v kb="$kb" \
        'BEGIN { printf "%6d sentences: %7.2f s (%5.1fx the first), %5.0f MB\n", n, s, s / f, kb / 1024 }'
done

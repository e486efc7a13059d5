#!/usr/bin/env bash
# Memory benchmark: peak resident memory of `crosscheck compare` per byte of article, on one
# large generated article (ordinary prose, paragraphs) beside a one-sentence article, and on a
# one-line article past the size limit.
#
# usage: benches/memory.sh [MB ...]        (default: 5 16 50)
# needs: python3, /usr/bin/time (GNU time)
set -euo pipefail
cd "$(dirname "$0")/.."
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(5 16 50)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

cargo build --release --quiet
bin=target/release/crosscheck

# ordinary prose: sentences of 8-20 words from a news-like vocabulary, a blank line every five
generate() { # megabytes, file, one-line?
    python3 - "$1" "$2" "${3:-}" <<'PY'
import random, sys
mb, path, one_line = float(sys.argv[1]), sys.argv[2], sys.argv[3] == "one-line"
random.seed(7)
words = ("council mayor bridge river school budget vote plan road water police court report "
         "market board health city county state union office tax fund rail port").split()
towns = ["Aldmere", "Brockhaven", "Corvale", "Dunmoor", "Eastwick", "Fenbury"]
size, parts, total, i = int(mb * 1_000_000), [], 0, 0
while total < size:
    w = " ".join(random.choice(words) for _ in range(random.randint(8, 20)))
    s = f"{random.choice(towns)} officials said the {w} would change by {1990 + i % 40}."
    i += 1
    parts.append(s)
    total += len(s) + 1
    if i % 5 == 0 and not one_line:
        parts.append("")
open(path, "w").write((" " if one_line else "\n").join(parts) + "\n")
PY
}
echo "Aldmere officials said the council vote would change by 1999." >"$work/small.txt"

for mb in "${sizes[@]}"; do
    generate "$mb" "$work/big.txt"
    bytes=$(stat -c %s "$work/big.txt")
    /usr/bin/time -f "%e %M" -o "$work/time" "$bin" compare "$work/big.txt" "$work/small.txt" \
        --max-article-bytes "$bytes" -o /dev/null
    read -r secs kb <"$work/time"
    awk -v mb="$mb" -v b="$bytes" -v kb="$kb" -v s="$secs" \
        'BEGIN { printf "%5s MB article: %7.0f MB peak, %5.1f bytes per byte, %6.1f s\n", mb, kb / 1024, kb * 1024 / b, s }'
done

# past the default limit: one line on stderr, exit 2, little memory
generate 100 "$work/line.txt" one-line
set +e
/usr/bin/time -f "%e %M" -o "$work/time" "$bin" compare "$work/line.txt" "$work/small.txt" \
    -o /dev/null 2>"$work/err"
code=$?
set -e
# GNU time puts "Command exited with non-zero status" first: the figures are the last line
read -r secs kb < <(tail -n 1 "$work/time")
printf '100 MB one-line article: exit %s, %.0f MB peak: %s\n' "$code" "$((kb / 1024))" "$(cat "$work/err")"

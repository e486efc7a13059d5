#!/usr/bin/env bash
# Builds the fuzz corpora (fuzz/corpus/TARGET, not committed) from the repository's own files:
# the articles in corpus/, the gold sentences in tests/gold/, the reviews file in corpus/, the
# policy example in docs/ci.md, plus the small hand-made seeds in fuzz/seeds/. Article seeds
# are whole files and single paragraphs, each behind a mode byte (0 auto, 1 lines, 2 wrap).
# Run from anywhere: fuzz/seed.sh
set -euo pipefail
cd "$(dirname "$0")"
root=..
out=corpus
mkdir -p "$out"/{segment,document,attribution,quotes,reviews,policy,pairs}

n=0
article_seed() { # FILE-CONTENT-ON-STDIN -> one seed per mode in the article targets
    local body
    body=$(cat)
    for mode in 0 1 2; do
        n=$((n + 1))
        for t in segment attribution quotes; do
            { printf "\\x0$mode"; printf '%s\n' "$body"; } >"$out/$t/seed-$n"
        done
    done
}

for f in "$root"/corpus/*/*.txt; do
    cp "$f" "$out/document/$(basename "$(dirname "$f")")-$(basename "$f")"
    article_seed <"$f"
    # Single paragraphs keep executions short and reach each paragraph's rules directly.
    awk -v RS= -v dir="$out/paragraphs.tmp" 'BEGIN { system("mkdir -p " dir) }
        { f = sprintf("%s/%04d", dir, NR); print > f; close(f) }' "$f"
    for p in "$out"/paragraphs.tmp/*; do
        [ "$(wc -c <"$p")" -le 1200 ] && article_seed <"$p"
    done
    rm -rf "$out/paragraphs.tmp"
done
for f in "$root"/tests/gold/*.txt; do
    head -c 4000 "$f" | article_seed
done

# Reviews: the dogfood file, whole and as its first lines.
for f in "$root"/corpus/*/reviews.csv; do
    cp "$f" "$out/reviews/full-$(basename "$(dirname "$f")").csv"
    head -n 4 "$f" >"$out/reviews/head-$(basename "$(dirname "$f")").csv"
done

# Policy: the documented example file in docs/ci.md.
awk '/^```toml/ { on = 1; next } /^```/ { on = 0 } on' "$root/docs/ci.md" >"$out/policy/ci-md.toml"

# Pairs: consecutive gold sentences as unlabelled pairs, and as MSRP lines.
for f in "$root"/tests/gold/*.txt; do
    b=$(basename "$f" .txt)
    head -n 20 "$f" | paste - - >"$out/pairs/$b.tsv"
    { printf 'Quality\t#1 ID\t#2 ID\t#1 String\t#2 String\n'
      head -n 20 "$f" | paste - - | awk -F'\t' '{ printf "%d\t%d\t%d\t%s\t%s\n", NR % 2, NR, NR + 100, $1, $2 }'
    } >"$out/pairs/$b.msrp.txt"
done

# Hand-made seeds for the branches the files above do not show.
for t in seeds/*; do
    [ -d "$t" ] && cp "$t"/* "$out/$(basename "$t")/"
done
for t in "$out"/*/; do
    echo "$(basename "$t"): $(ls "$t" | wc -l) seeds"
done

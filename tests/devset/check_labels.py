#!/usr/bin/env python3
"""Self-check for the devset answer keys.

For every set folder next to this script (or in the directory given as the
one argument: python3 check_labels.py ../heldout): links.tsv has the exact header,
three tab-separated fields per row, a known kind, and each snippet has at
least five words, contains no line break, does not span a sentence end and
occurs exactly once in its article, and no sentence pair is labelled
twice. Prints rows and rough sentence counts.
Exit status 1 if any check fails.
"""
import os
import re
import sys

HERE = sys.argv[1] if len(sys.argv) > 1 else os.path.dirname(os.path.abspath(__file__))
KINDS = {"corroborated", "paraphrased", "changed"}
ABBREV = re.compile(r"\b(?:Gov|Sen|Rep|Dr|Mr|Mrs|Ms|St|Lt|Sgt|Gen|Co|Inc|Jr|No|Mt|Ave|Det|Capt|Supt|Prof|U\.S|a\.m|p\.m|Jan|Feb|Aug|Sept|Oct|Nov|Dec)\.$")
END = re.compile(r"[.!?][\"”’)]?\s+(?=[\"“A-Z0-9])")


def sentences(text):
    """Rough sentence split: paragraph breaks, then sentence ends not after an abbreviation."""
    out = []
    for para in re.split(r"\n\s*\n", text.strip()):
        para = " ".join(para.split())
        start = 0
        for m in END.finditer(para):
            head = para[start:m.start() + 1]
            if ABBREV.search(head):
                continue
            out.append(para[start:m.end()].strip())
            start = m.end()
        if para[start:].strip():
            out.append(para[start:].strip())
    return out


def check_snippet(snip, text, sents, where, errors):
    if len(snip.split()) < 5:
        errors.append(f"{where}: fewer than 5 words: {snip!r}")
    n = text.count(snip)
    if n != 1:
        errors.append(f"{where}: occurs {n} times: {snip!r}")
    if not any(snip in s for s in sents):
        errors.append(f"{where}: not inside one sentence: {snip!r}")


def main():
    errors = []
    totals = {"sentences": 0, "rows": 0}
    kinds = {k: 0 for k in KINDS}
    for name in sorted(os.listdir(HERE)):
        d = os.path.join(HERE, name)
        if not os.path.isdir(d):
            continue
        texts = {}
        for f in ("original", "rewrite"):
            with open(os.path.join(d, f + ".txt"), encoding="utf-8") as fh:
                texts[f] = fh.read()
        sents = {f: sentences(t) for f, t in texts.items()}
        with open(os.path.join(d, "links.tsv"), encoding="utf-8") as fh:
            lines = fh.read().split("\n")
        if lines[0] != "original\trewrite\tkind":
            errors.append(f"{name}: bad header {lines[0]!r}")
        rows = [l for l in lines[1:] if l.strip()]
        seen = set()
        for i, line in enumerate(rows, 2):
            parts = line.split("\t")
            if len(parts) != 3:
                errors.append(f"{name}:{i}: expected 3 fields, got {len(parts)}")
                continue
            o, r, k = parts
            if k not in KINDS:
                errors.append(f"{name}:{i}: unknown kind {k!r}")
            else:
                kinds[k] += 1
            check_snippet(o, texts["original"], sents["original"], f"{name}:{i} original", errors)
            check_snippet(r, texts["rewrite"], sents["rewrite"], f"{name}:{i} rewrite", errors)
            key = tuple(
                next((j for j, s in enumerate(sents[f]) if snip in s), -1)
                for f, snip in (("original", o), ("rewrite", r))
            )
            if key in seen:
                errors.append(f"{name}:{i}: second row for the same sentence pair")
            seen.add(key)
        no, nr = len(sents["original"]), len(sents["rewrite"])
        totals["sentences"] += no + nr
        totals["rows"] += len(rows)
        print(f"{name:28} original {no:3}  rewrite {nr:3}  links {len(rows):3}")
    print(f"total sentences {totals['sentences']}, links {totals['rows']}, by kind {kinds}")
    for e in errors:
        print("ERROR", e)
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())

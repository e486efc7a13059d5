#!/usr/bin/env python3
"""The Python peer crosscheck is measured against: what a user would write without it.

usage: peer.py DIR [--scorer ratio|token_set_ratio] [--cutoff 80]

Segments every .txt file in DIR with pySBD, then compares every sentence with every sentence of
the other articles using rapidfuzz (process.cdist, one worker), and prints how many cross-article
pairs reach the cutoff. Requires: pip install pysbd rapidfuzz.
"""
import os
import sys

import pysbd
from rapidfuzz import fuzz, process


def main():
    args = sys.argv[1:]
    folder = args[0]
    scorer = args[args.index("--scorer") + 1] if "--scorer" in args else "ratio"
    cutoff = float(args[args.index("--cutoff") + 1]) if "--cutoff" in args else 80.0
    seg = pysbd.Segmenter(language="en", clean=False)
    sentences, owners = [], []
    for i, name in enumerate(sorted(os.listdir(folder))):
        if not name.endswith(".txt"):
            continue
        with open(os.path.join(folder, name), encoding="utf-8") as f:
            for s in seg.segment(f.read()):
                sentences.append(s.strip())
                owners.append(i)
    matrix = process.cdist(
        sentences, sentences, scorer=getattr(fuzz, scorer), score_cutoff=cutoff, workers=1
    )
    pairs = 0
    for i, j in zip(*matrix.nonzero()):
        if owners[i] != owners[j]:
            pairs += 1
    print(f"{len(sentences)} sentences, {pairs} cross-article pairs >= {cutoff}")


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Build a JSON-lines archive of many stories for the scale benchmark (docs/performance.md).

usage: gen_archive.py STORIES OUT.jsonl [--articles 5] [--sentences 12] [--seed 7]

Like ../shared/bench/gen_cluster.py, sentences are real news sentences from the MSRP training
split (../shared/eval/msrp/msr_paraphrase_train.txt, found from this script's folder): each
story draws its own pairs, puts one sentence of a pair in one article and, often, the other
(a paraphrase) or the same sentence (a wire copy) in another, so every story has corroborated,
paraphrased and single-source claims. One line per article, grouped by story:
{"id": "a1", "story": "s0001", "outlet": "Outlet 1", "text": "..."}. The same arguments
always give the same file.
"""
import json, os, random, sys


def opt(args, name, default):
    return int(args[args.index(name) + 1]) if name in args else default


def main():
    args = sys.argv[1:]
    stories, out = int(args[0]), args[1]
    per_story = opt(args, "--articles", 5)
    per_article = opt(args, "--sentences", 12)
    rng = random.Random(opt(args, "--seed", 7))
    here = os.path.dirname(os.path.abspath(__file__))
    src = os.path.join(here, "..", "..", "shared", "eval", "msrp", "msr_paraphrase_train.txt")
    pairs = []
    for line in open(src, encoding="utf-8-sig").read().splitlines()[1:]:
        _, _, _, a, b = line.split("\t")
        pairs.append((a.strip(), b.strip()))
    with open(out, "w", encoding="utf-8") as f:
        for s in range(stories):
            articles = [[] for _ in range(per_story)]
            while min(len(a) for a in articles) < per_article:
                a, b = rng.choice(pairs)
                i = rng.randrange(per_story)
                articles[i].append(a)
                r = rng.random()
                if r < 0.7:
                    j = (i + 1 + rng.randrange(per_story - 1)) % per_story
                    articles[j].append(b if r < 0.45 else a)
            for i, sents in enumerate(articles):
                paras, p = [], 0
                while p < len(sents):
                    step = rng.choice((2, 3))
                    paras.append(" ".join(sents[p:p + step]))
                    p += step
                row = {"id": f"a{i + 1}", "story": f"s{s + 1:05d}",
                       "outlet": f"Outlet {i + 1}", "text": "\n\n".join(paras) + "\n"}
                f.write(json.dumps(row, ensure_ascii=False) + "\n")


main()

"""Which links `compare` makes on a generated story cluster, by what the MSRP key says of them.

usage: python3 benches/cluster_links.py CLAIMS.csv [CLAIMS.csv ...]

CLAIMS.csv is `crosscheck compare DIR -o CLAIMS.csv` on a cluster written by
`../shared/bench/gen_cluster.py N DIR`, whose sentences are MSRP training pairs put in
different articles. Every link (each unordered sentence pair once) is one of: a paraphrase
(the two sentences are an MSRP pair labelled 1), a non-paraphrase (an MSRP pair labelled 0:
same story, other claim), unrelated (sentences of two different MSRP pairs, usually two
stories told in one template: "The Nasdaq composite index rose X points, or Y percent"), or
identical (one sentence in two articles). The cluster is no rewrite and has no answer key
for what is missed; it shows what the matcher links between articles that share nothing but
a mould, which the development set's four negatives cover thinly.
"""
import csv
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
MSRP = os.path.join(HERE, '..', '..', 'shared', 'eval', 'msrp', 'msr_paraphrase_train.txt')


def labels():
    out = {}
    for line in open(MSRP, encoding='utf-8-sig').read().splitlines()[1:]:
        q, _, _, a, b = line.split('\t')
        out[frozenset((a.strip(), b.strip()))] = int(q)
    return out


def kinds(path, key):
    rows = list(csv.DictReader(open(path, encoding='utf-8')))
    text = {(r['doc'], r['sentence']): r['text'] for r in rows}
    seen, count = set(), {'paraphrase': 0, 'non-paraphrase': 0, 'unrelated': 0, 'identical': 0}
    for r in rows:
        here = (r['doc'], r['sentence'])
        for match in filter(None, r['matches'].split(';')):
            doc, sentence = match.rsplit(':', 1)
            there = (doc, sentence)
            pair = frozenset((here, there))
            if pair in seen:
                continue
            seen.add(pair)
            a, b = text[here], text[there]
            if a == b:
                count['identical'] += 1
            else:
                q = key.get(frozenset((a, b)))
                count['paraphrase' if q == 1 else 'non-paraphrase' if q == 0 else 'unrelated'] += 1
    return count


def main():
    key = labels()
    for path in sys.argv[1:]:
        c = kinds(path, key)
        print(f"{path}: " + ", ".join(f"{k} {v}" for k, v in c.items()))


main()

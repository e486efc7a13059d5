"""Fits the claim matcher on the development set: stage 1 (pair measures) and stage 2 (the pair
in the context of its two articles, src/pipeline/context.rs).

usage: python3 benches/matcher/fit.py pairs.tsv [--write src/pipeline/matcher_model.rs --threshold 0.6]
       [--no-order] [--min-seeds K]

pairs.tsv is `crosscheck eval links tests/devset --dump-pairs -o pairs.tsv`. Prints
leave-one-set-out cross-validated precision and recall (each set scored by weights fitted on
the other sets; stage 2 reads stage-1 probabilities that are themselves cross-validated), and
with --write fits both stages on every set and writes their weights as Rust constants
(`--threshold 0.6` is the committed context threshold; without it, 0.5 is written). The candidates are the pairs the index
proposes and those align proposes by order; `--no-order` leaves the latter out, `--min-seeds`
changes how many seeds two articles need for it (both only to measure).
Needs numpy and scikit-learn.
"""
import csv
import sys
from collections import defaultdict

import numpy as np
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import LeaveOneGroupOut

exec(open(__file__.replace('fit.py', 'features.py')).read())

T1 = 0.5  # stage-1 threshold (explain and the stage-1 figures)
FLOOR = 0.02  # stage-1 probability below which align keeps no candidate (context.rs: FLOOR)
C1, C2 = 1.0, 1.0

rows = list(csv.DictReader(open(sys.argv[1]), delimiter='\t'))
X = np.array([f(r) for r in rows])
y = np.array([int(r['gold']) for r in rows])
groups = np.array([r['set'] for r in rows])
scored = np.array([r['scored'] == '1' for r in rows])
orderable = np.array([r['orderable'] == '1' for r in rows])
corroborated = np.array([r['verdict'] == 'corroborated' for r in rows])
msrp_links = np.array([r['verdict'] != 'different' for r in rows])
neg = np.array([s.startswith('neg') for s in groups])


def logit(v):
    v = np.clip(v, 1e-4, 1 - 1e-4)
    return np.log(v / (1 - v))


def fit(X, y, C):
    mu, sd = X.mean(0), X.std(0) + 1e-9
    m = LogisticRegression(C=C, max_iter=5000).fit((X - mu) / sd, y)
    w = m.coef_[0] / sd
    return w, m.intercept_[0] - (m.coef_[0] * mu / sd).sum()


def predict(model, X):
    w, b = model
    return 1 / (1 + np.exp(-(X @ w + b)))


def cv(X, C, mask):
    """Leave-one-set-out probabilities, fitted on the rows of `mask` only (the rest get 0)."""
    p = np.zeros(len(y))
    for tr, te in LeaveOneGroupOut().split(X, y, groups):
        tr = tr[mask[tr]]
        p[te] = predict(fit(X[tr], y[tr], C), X[te])
    return np.where(mask, p, 0.0)


# Order proposals (keep in step with order_proposals in src/pipeline/align.rs): a seed is a
# scored pair stage 1 is sure of whose texts each occur in one article only (`orderable`); the
# pair one sentence before or after it on both sides, when neither sentence has a seed into
# the other article and the index did not propose it, is judged by stage 1 without the
# shared-terms rule and kept at LOOK_ALIKE or more.
SURE = 0.9  # context.rs: SURE
LOOK_ALIKE = 0.2  # context.rs: LOOK_ALIKE
ONE_STORY = 3  # context.rs: ONE_STORY
arg = lambda name, default: type(default)(sys.argv[sys.argv.index(name) + 1]) if name in sys.argv else default
MIN_SEEDS = arg('--min-seeds', ONE_STORY)  # align.rs: MIN_SEEDS (the option only to measure others)
NO_ORDER = '--no-order' in sys.argv
index = {(r['set'], int(r['o']), int(r['r'])): i for i, r in enumerate(rows)}
# Every figure of the two sentences differs, two or more a side (matcher.rs:
# `every_number_differs`, from the dump's number columns): never a sure pair for the seeds
# and the context stage's rules, always a look-alike.
templated = np.array([int(r['num_shared']) == 0 and int(r['num_o']) >= 2 and int(r['num_r']) >= 2
                      for r in rows])


def candidates(p_all):
    """Which rows reach the context stage, given stage-1 probabilities of every row: the
    scored ones and those proposed by order."""
    cand = scored.copy()
    if NO_ORDER:
        return cand
    seeds = defaultdict(set)
    for i, r in enumerate(rows):
        if scored[i] and orderable[i] and p_all[i] >= SURE and not templated[i]:
            seeds[r['set']].add((int(r['o']), int(r['r'])))
    for s, group in seeds.items():
        if len(group) < MIN_SEEDS:
            continue
        seeded_o, seeded_r = {o for o, _ in group}, {r for _, r in group}
        for o, rr in group:
            for step in (-1, 1):
                i, j = o + step, rr + step
                k = index.get((s, i, j))
                if k is None or i in seeded_o or j in seeded_r:
                    continue
                if orderable[k] and not scored[k] and p_all[k] >= LOOK_ALIKE:
                    cand[k] = True
    return cand


# Stage 2: the context of a pair (keep in step with src/pipeline/context.rs).
CONTEXT = ['p_logit', 'relative_max', 'relative_min', 'neighbour_logit', 'order_logit',
           'doc_strength', 'doc_share']
TOP = 5  # context.rs: TOP
LINKED = 0.5  # context.rs: LINKED


def context(p):
    """Context measures of every row from stage-1 probabilities `p` (0 = not a candidate)."""
    keep = p >= FLOOR
    at = {}
    best_o, best_r = defaultdict(float), defaultdict(float)
    sizes = defaultdict(lambda: [0, 0])
    for i, r in enumerate(rows):
        s, o, rr = r['set'], int(r['o']), int(r['r'])
        sizes[s][0] = max(sizes[s][0], o + 1)
        sizes[s][1] = max(sizes[s][1], rr + 1)
        if keep[i]:
            at[(s, o, rr)] = p[i]
            best_o[(s, o)] = max(best_o[(s, o)], p[i])
            best_r[(s, rr)] = max(best_r[(s, rr)], p[i])
    strength = {}
    for s, (no, nr) in sizes.items():
        bo = sorted((best_o[(s, o)] for o in range(no)), reverse=True)
        br = sorted((best_r[(s, r)] for r in range(nr)), reverse=True)
        k = max(min(TOP, (min(no, nr) + 1) // 2), 1)  # context.rs: at most half the shorter side
        top = (np.mean(bo[:k]) + np.mean(br[:k])) / 2
        share = min((sum(v >= LINKED for v in bo) + sum(v >= LINKED for v in br)) / (2 * min(no, nr)), 1.0)
        strength[s] = (top, share)
    out = []
    for i, r in enumerate(rows):
        s, o, rr = r['set'], int(r['o']), int(r['r'])
        g = lambda k: at.get(k, 0.0)
        rel = (p[i] / max(best_o[(s, o)], 1e-6), p[i] / max(best_r[(s, rr)], 1e-6))
        near = max(g((s, o + a, rr + b)) for a in (-1, 0, 1) for b in (-1, 0, 1) if a or b)
        order = max(g((s, o - 1, rr - 1)), g((s, o + 1, rr + 1)))
        out.append([logit(p[i]), max(rel), min(rel), logit(near), logit(order), *strength[s]])
    return np.array(out)


def sure_kept(p1, p2, cand):
    """context.rs `probabilities`: a sure pair keeps its stage-1 probability when its article
    pair shows no look-alike or has ONE_STORY sure pairs."""
    by_terms = cand & scored
    sure_pair = (p1 >= SURE) & ~templated
    sure, alike = defaultdict(int), defaultdict(bool)
    for i, r in enumerate(rows):
        if by_terms[i] and sure_pair[i]:
            sure[r['set']] += 1
        elif by_terms[i] and p1[i] >= LOOK_ALIKE:
            alike[r['set']] = True
    keep = np.array([cand[i] and sure_pair[i] and (not alike[r['set']] or sure[r['set']] >= ONE_STORY)
                     for i, r in enumerate(rows)])
    return np.where(keep, np.maximum(p2, p1), p2)


def report(name, p, threshold, union, cand):
    pred = (p >= threshold) & cand
    if union is not None:
        pred |= union & cand
    tp = (pred & (y == 1)).sum()
    fp = (pred & (y == 0)).sum()
    fn = ((~pred) & (y == 1)).sum()
    P, R = tp / max(tp + fp, 1), tp / (tp + fn)
    print(f'{name:34} t={threshold:.2f} P={P:.3f} R={R:.3f} F1={2*P*R/(P+R):.3f} '
          f'false={fp} unrelated={(pred & neg).sum()}')
    return P, R


p1_all = cv(X, C1, np.ones(len(y), bool))
cand_cv = candidates(p1_all)
p1 = np.where(cand_cv, p1_all, 0.0)
C_cv = context(p1)
C_cv_mask = cand_cv & (p1 >= FLOOR)
p2 = sure_kept(p1, cv(C_cv, C2, C_cv_mask), cand_cv)
print('leave-one-set-out cross-validation, pair level (rows the index proposes: '
      f'{scored.sum()} of {len(y)}; labelled links among them {(y[scored] == 1).sum()} of {y.sum()}; '
      f'proposed by order {(cand_cv & ~scored).sum()}, links among them {(y[cand_cv & ~scored] == 1).sum()})')
for t in [0.4, 0.5]:
    report('stage 1', p1, t, None, cand_cv)
for t in [0.3, 0.4, 0.5, 0.6, 0.7]:
    report('stage 2', p2, t, None, cand_cv)
    report('stage 2 or near-verbatim (compare)', p2, t, corroborated, cand_cv)
    report('stage 2 or MSRP link', p2, t, msrp_links, cand_cv)

if '--write' in sys.argv:
    out = sys.argv[sys.argv.index('--write') + 1]
    T2 = float(sys.argv[sys.argv.index('--threshold') + 1]) if '--threshold' in sys.argv else 0.5
    m1 = fit(X, y, C1)
    q1_all = predict(m1, X)
    cand = candidates(q1_all)
    q1 = np.where(cand, q1_all, 0.0)
    # Stage 2 is fitted on cross-validated stage-1 probabilities (what unseen articles get)
    # and applied in-sample to the committed stage 1.
    m2 = fit(C_cv[C_cv_mask], y[C_cv_mask], C2)
    q2 = sure_kept(q1, np.where(cand & (q1 >= FLOOR), predict(m2, context(q1)), 0.0), cand)
    P1, R1 = report('in-sample stage 1', q1, T1, None, cand)
    P2, R2 = report('in-sample context stage', q2, T2, None, cand)
    with open(out, 'w') as fh:
        w = fh.write
        w('//! Generated by benches/matcher/fit.py (both stages fitted on every set of tests/devset);\n')
        w('//! do not edit. Rebuild: `crosscheck eval links tests/devset --dump-pairs -o pairs.tsv`,\n')
        w('//! then `python3 benches/matcher/fit.py pairs.tsv --write src/pipeline/matcher_model.rs`.\n')
        w(f'//! In-sample, pair level: stage 1 precision {P1:.3f}, recall {R1:.3f}; the context\n')
        w(f'//! stage precision {P2:.3f}, recall {R2:.3f}.\n\n')
        w(f'/// Number of stage-1 measures.\npub const N: usize = {len(m1[0])};\n\n')
        w('/// Stage-1 weights, in the order of `matcher::MEASURES`.\npub const WEIGHTS: [f64; N] = [\n')
        for n, v in zip(NAMES, m1[0]):
            w(f'    {v:.6}, // {n}\n')
        w(f'];\n\n/// Stage-1 intercept.\npub const BIAS: f64 = {m1[1]:.6};\n\n')
        w(f'/// Link threshold on the stage-1 probability.\npub const THRESHOLD: f64 = {T1};\n\n')
        w(f'/// Number of context measures.\npub const CONTEXT_N: usize = {len(m2[0])};\n\n')
        w('/// Context weights, in the order of `context::MEASURES`.\n')
        w('pub const CONTEXT_WEIGHTS: [f64; CONTEXT_N] = [\n')
        for n, v in zip(CONTEXT, m2[0]):
            w(f'    {v:.6}, // {n}\n')
        w(f'];\n\n/// Context intercept.\npub const CONTEXT_BIAS: f64 = {m2[1]:.6};\n\n')
        w(f'/// Link threshold on the context probability.\npub const CONTEXT_THRESHOLD: f64 = {T2};\n')
    print('wrote', out)

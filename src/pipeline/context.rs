//! The context stage of the matcher: the candidate pairs of two articles in, the probability
//! that each states one claim of both, read in the light of the others, out.
//!
//! Takes every candidate sentence pair between two documents with its stage-1 probability
//! ([`crate::pipeline::matcher`]) and the two documents' sentence counts; returns a calibrated
//! probability per pair from a logistic regression over context measures (weights fitted on
//! tests/devset by benches/matcher/fit.py, in [`crate::pipeline::matcher_model`]).
//!
//! The one idea (after Nelken & Shieber 2006, who turn a TF·IDF score into a probability and
//! align globally): a pair is not judged alone. A rewrite follows its source's order, so the
//! pairs around a true link are links too; a sentence's true counterpart is usually its best
//! candidate, so a pair far below the best of either side is likelier a look-alike; and two
//! articles that tell one story share many strong pairs, while two stories told in one mould
//! (same council, same template) share a few near-verbatim stock sentences and nothing else.
//! Every measure is symmetric in the two documents, so a pair gets the same probability from
//! both sides.

use crate::pipeline::matcher_model::{CONTEXT_BIAS, CONTEXT_N, CONTEXT_WEIGHTS};
use crate::pipeline::similarity::sigmoid;

pub use crate::pipeline::matcher_model::CONTEXT_THRESHOLD as THRESHOLD;

/// Names of the context measures, in the order [`measures`] returns them.
pub const MEASURES: [&str; CONTEXT_N] = [
    "p_logit",
    "relative_max",
    "relative_min",
    "neighbour_logit",
    "order_logit",
    "doc_strength",
    "doc_share",
];

/// Stage-1 probability below which a pair is no candidate: it neither links nor counts as
/// context (fit.py: `FLOOR`).
pub const FLOOR: f64 = 0.02;

/// Document strength is the mean of the best probabilities of this many sentences per side
/// (at most half the shorter document's count).
const TOP: usize = 5;

/// A sentence whose best pair reaches this stage-1 probability counts as matched for
/// `doc_share` (the matched sentences of both sides over twice the shorter side's count).
const LINKED: f64 = 0.5;

/// A candidate pair between documents A and B: sentence `a` of A, `b` of B, stage-1
/// probability `p`; `by_order` when the alignment proposed it for lying next to a sure pair
/// of the two documents rather than for shared rare terms (`align::Proposed::ByOrder`).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Candidate {
    /// Sentence index in document A.
    pub a: u32,
    /// Sentence index in document B.
    pub b: u32,
    /// Stage-1 probability.
    pub p: f64,
    /// Proposed by order, not by shared terms: it is never a look-alike (see
    /// [`probabilities`]).
    pub by_order: bool,
    /// Every figure of the two sentences differs, two or more a side
    /// ([`crate::pipeline::matcher::Match::every_number_differs`]): however sure stage 1
    /// is, the pair is a look-alike, never a sure pair.
    pub templated: bool,
}

fn logit(p: f64) -> f64 {
    let p = p.clamp(1e-4, 1.0 - 1e-4);
    (p / (1.0 - p)).ln()
}

/// The context measures of each candidate, in the order of [`MEASURES`]. `candidates` must be
/// sorted by `(a, b)` without repeats; `sizes` are the sentence counts of A and B.
pub fn measures(candidates: &[Candidate], sizes: (usize, usize)) -> Vec<[f64; CONTEXT_N]> {
    let (best_a, best_b) = bests(candidates, sizes);
    // At most the smaller document's sentence count of pairs can be one-to-one links, and a
    // short item that keeps half of another (a digest: four sentences, three from the
    // source, one of its own) tells one story with it: so over at most half the shorter side,
    // a short excerpt fully matched is as strong as a long rewrite.
    let top = TOP.min(sizes.0.min(sizes.1).div_ceil(2)).max(1);
    let strength = (top_mean(&best_a, top) + top_mean(&best_b, top)) / 2.0;
    let matched = |b: &[f64]| b.iter().filter(|&&p| p >= LINKED).count();
    let most = 2 * sizes.0.min(sizes.1).max(1);
    let share = ((matched(&best_a) + matched(&best_b)) as f64 / most as f64).min(1.0);
    let at = |a: i64, b: i64| -> f64 {
        if a < 0 || b < 0 {
            return 0.0;
        }
        let key = (a as u32, b as u32);
        candidates
            .binary_search_by(|c| (c.a, c.b).cmp(&key))
            .map_or(0.0, |i| candidates[i].p)
    };
    candidates
        .iter()
        .map(|c| {
            let (a, b) = (i64::from(c.a), i64::from(c.b));
            let relative = (
                c.p / best_a[c.a as usize].max(1e-6),
                c.p / best_b[c.b as usize].max(1e-6),
            );
            let mut near = 0.0f64;
            for da in -1..=1 {
                for db in -1..=1 {
                    if da != 0 || db != 0 {
                        near = near.max(at(a + da, b + db));
                    }
                }
            }
            let order = at(a - 1, b - 1).max(at(a + 1, b + 1));
            [
                logit(c.p),
                relative.0.max(relative.1),
                relative.0.min(relative.1),
                logit(near),
                logit(order),
                strength,
                share,
            ]
        })
        .collect()
}

/// The best stage-1 probability of each sentence of A and of B (0 with no candidate).
fn bests(candidates: &[Candidate], sizes: (usize, usize)) -> (Vec<f64>, Vec<f64>) {
    let (mut best_a, mut best_b) = (vec![0.0f64; sizes.0], vec![0.0f64; sizes.1]);
    for c in candidates {
        best_a[c.a as usize] = best_a[c.a as usize].max(c.p);
        best_b[c.b as usize] = best_b[c.b as usize].max(c.p);
    }
    (best_a, best_b)
}

/// Mean of the `top` highest values (fewer when there are fewer).
fn top_mean(values: &[f64], top: usize) -> f64 {
    let mut v = values.to_vec();
    v.sort_unstable_by(|x, y| y.total_cmp(x));
    v.truncate(top);
    if v.is_empty() {
        0.0
    } else {
        v.iter().sum::<f64>() / v.len() as f64
    }
}

/// A pair stage 1 gives at least this is sure by itself...
pub const SURE: f64 = 0.9;

/// Whether stage 1 is sure of a pair: at least [`SURE`], and not a pair whose figures all
/// differ (two stories in one mould look as sure as one claim). The order rule's seeds and
/// the sure-pair rules of [`probabilities`] read it.
pub fn is_sure(p: f64, templated: bool) -> bool {
    p >= SURE && !templated
}

/// ...and a pair at least this (below [`SURE`]) is a look-alike: it resembles a claim without
/// being sure of it.
pub const LOOK_ALIKE: f64 = 0.2;

/// An article pair with at least this many sure pairs tells one story: its sure pairs keep
/// their stage-1 probability beside look-alikes too. No negative pair of the dev set has more
/// than two, every rewrite pair has four or more; a short item keeping a few of its source's
/// claims (a TV brief of a court story) has three or four, and the article-pair strength alone,
/// which every dev-set pair puts either below 0.56 or above 0.98, left its sure pairs at the
/// mercy of where the regression draws the line in that gap. Align's order rule counts its
/// seeds against the same number.
pub const ONE_STORY: usize = 3;

/// The logistic regression over one candidate's context measures: its context probability
/// unless the sure-pair rule of [`probabilities`] keeps its stage-1 probability.
pub fn regression(x: &[f64; CONTEXT_N]) -> f64 {
    let z = CONTEXT_BIAS
        + CONTEXT_WEIGHTS
            .iter()
            .zip(x)
            .map(|(w, v)| w * v)
            .sum::<f64>();
    sigmoid(z)
}

/// The context probability of each candidate (see [`measures`] for the input).
///
/// Two stories told in one mould show themselves by look-alikes: pairs that resemble each
/// other without being sure (the same council, the same template, other figures). An article
/// pair without any shares no mould, so a sure pair in it is an article quoting one claim of
/// another (a roundup citing a wire story, a cluster of many articles each sharing a claim or
/// two), not a template: the weak article-pair strength, which only says "few shared claims",
/// does not lower it. Nor does it for an article pair with [`ONE_STORY`] sure pairs or more
/// ([`is_sure`], proposed by shared terms), look-alikes or not. A pair whose figures all
/// differ is a look-alike however sure stage 1 is: two market reports of two days ("The S&P
/// 500 dropped 41.06 points…" / "…gained 19.72 points…") are a mould, not a quotation. A pair
/// proposed by order is no look-alike: it was looked for beside a
/// sure pair, and its texts need not resemble each other at all, let alone in a mould.
pub fn probabilities(candidates: &[Candidate], sizes: (usize, usize)) -> Vec<f64> {
    let by_terms = || candidates.iter().filter(|c| !c.by_order);
    let sure = |c: &Candidate| is_sure(c.p, c.templated);
    let moulded = by_terms().any(|c| c.p >= LOOK_ALIKE && !sure(c));
    let one_story = by_terms().filter(|c| sure(c)).count() >= ONE_STORY;
    measures(candidates, sizes)
        .iter()
        .zip(candidates)
        .map(|(x, c)| {
            let p = regression(x);
            if (!moulded || one_story) && sure(c) {
                p.max(c.p)
            } else {
                p
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pair(a: u32, b: u32, p: f64) -> Candidate {
        Candidate {
            a,
            b,
            p,
            by_order: false,
            templated: false,
        }
    }

    #[test]
    fn a_pair_proposed_by_order_is_no_look_alike() {
        // A roundup quoting one claim of a wire story; the sentence after it, looked for by
        // order, resembles its neighbour a little. The quoted pair keeps its sure probability.
        let next = Candidate {
            by_order: true,
            ..pair(5, 10, 0.4)
        };
        let quoted = probabilities(&[pair(4, 9, 0.95), next], (30, 30))[0];
        assert!(quoted >= 0.95, "{quoted}");
        // The same neighbour proposed by shared terms is a look-alike: the pair falls.
        let alike = probabilities(&[pair(4, 9, 0.95), pair(5, 10, 0.4)], (30, 30))[0];
        assert!(alike < THRESHOLD, "{alike}");
    }

    #[test]
    fn a_pair_in_order_among_strong_links_beats_the_same_pair_alone() {
        // A rewrite: sentences 0..6 follow their source; pair (3, 3) is weak by itself.
        let mut story: Vec<Candidate> = (0..6).map(|i| pair(i, i, 0.9)).collect();
        story[3].p = 0.4;
        let in_story = probabilities(&story, (6, 6))[3];
        // Two stories in one mould: one weak look-alike and nothing else.
        let alone = probabilities(&[pair(3, 3, 0.4)], (6, 6))[0];
        assert!(in_story > alone, "{in_story} vs {alone}");
    }

    #[test]
    fn a_sure_pair_alone_links_and_among_look_alikes_falls() {
        // A roundup quoting one claim of a wire story: one sure pair, nothing alike besides.
        let quoted = probabilities(&[pair(4, 9, 0.95)], (30, 30))[0];
        assert!(quoted >= THRESHOLD, "{quoted}");
        // Two stories in one mould: the same sure-looking pair beside look-alikes.
        let moulded = probabilities(&[pair(4, 9, 0.95), pair(6, 11, 0.4)], (30, 30))[0];
        assert!(moulded < THRESHOLD, "{moulded}");
    }

    #[test]
    fn three_sure_pairs_are_one_story_among_look_alikes() {
        // A short item keeping three claims of a long report, beside look-alikes, in a weak
        // article pair (most sentences of the long report have no counterpart).
        let mut brief: Vec<Candidate> = (0..3).map(|i| pair(i, 3 * i, 0.95)).collect();
        brief.extend((3..6).map(|i| pair(i, 3 * i, 0.3)));
        let p = probabilities(&brief, (6, 18));
        assert!(p[..3].iter().all(|&p| p >= 0.95), "{p:?}");
        // Two are not: a mould shows two or so sure-looking pairs beside its look-alikes.
        let moulded = probabilities(&brief[1..], (6, 18))[0];
        assert!(moulded < 0.95, "{moulded}");
    }

    #[test]
    fn a_sure_pair_whose_figures_all_differ_is_a_look_alike() {
        // Two market reports of two days: the index line differs in every figure, the
        // trading-volume line ("Trading volume was light/heavy, with about N billion
        // shares...") looks sure too. Neither keeps its stage-1 probability.
        let index = Candidate {
            templated: true,
            ..pair(2, 2, 0.99)
        };
        let p = probabilities(&[index, pair(13, 12, 0.99)], (15, 14));
        assert!(p.iter().all(|&p| p < 0.99), "{p:?}");
        // The same volume line alone keeps it: an article quoting one claim of another.
        let alone = probabilities(&[pair(13, 12, 0.99)], (15, 14))[0];
        assert!(alone >= 0.99, "{alone}");
    }

    #[test]
    fn a_short_digest_keeping_half_of_its_source_is_one_story() {
        // Four sentences each: three kept, one of the digest's own; the weak third pair
        // rises with the two strong ones.
        let digest = [pair(0, 0, 0.95), pair(1, 1, 0.95), pair(2, 2, 0.4)];
        let p = probabilities(&digest, (4, 4))[2];
        assert!(p >= THRESHOLD, "{p}");
    }

    #[test]
    fn measures_are_symmetric_in_the_two_documents() {
        let ab = [
            pair(0, 1, 0.8),
            pair(1, 2, 0.3),
            pair(2, 0, 0.6),
            pair(2, 2, 0.5),
        ];
        let mut ba: Vec<Candidate> = ab.iter().map(|c| pair(c.b, c.a, c.p)).collect();
        ba.sort_by_key(|c| (c.a, c.b));
        let x = probabilities(&ab, (3, 4));
        let y = probabilities(&ba, (4, 3));
        for (c, p) in ab.iter().zip(&x) {
            let i = ba.iter().position(|d| (d.a, d.b) == (c.b, c.a)).unwrap();
            assert!((p - y[i]).abs() < 1e-12);
        }
    }
}

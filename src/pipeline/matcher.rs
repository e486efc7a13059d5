//! The link matcher: a candidate pair of sentences in, the probability that they state the same
//! claim out.
//!
//! Takes the MSRP scorer's probability for the pair ([`crate::pipeline::similarity::Scorer`])
//! and the claim coverage of each sentence by the other
//! ([`crate::pipeline::similarity::coverage`]: whole and best claim unit, shared forms and
//! semantic neighbours, weighted by rarity in news and in the story), the agreement of their
//! numbers and of their direction words; returns a calibrated probability from a logistic
//! regression fitted on the news-rewrite development set (tests/devset, weights generated into
//! [`crate::pipeline::matcher_model`] by benches/matcher/fit.py).
//!
//! The one idea: a rewrite keeps a claim, not a sentence, and not its words. The MSRP scorer
//! sees whole sentences with shared word forms; the coverage of the best claim unit sees a kept
//! half-sentence, and the neighbours see "found" for "discovered". Numbers and directions tell
//! a changed figure in one claim ("rose 7 percent" for "rose 6 percent": still linked, flagged
//! by integrity) from a templated sentence about another event (every number different, "rose"
//! for "fell": a different claim).

use crate::pipeline::matcher_model::{BIAS, N, THRESHOLD, WEIGHTS};
use crate::pipeline::similarity::coverage::{
    numbers, opposed, pair_coverages, ClaimWords, Coverage, PairCoverages, StoryWeights, Weighed,
};
use crate::pipeline::similarity::sigmoid;

/// Names of the measures, in the order [`measures`] returns them and the weights use.
pub const MEASURES: [&str; N] = [
    "msrp_logit",
    "cov_max",
    "cov_min",
    "unit_max",
    "unit_min",
    "lcov_max",
    "lcov_min",
    "lunit_max",
    "lunit_min",
    "lunit_x_weight",
    "lcov_sq",
    "weight_max",
    "weight_min",
    "numbers_shared",
    "numbers_all_differ",
    "numbers_fewer",
    "numbers_all_differ_2",
    "scov_max",
    "scov_min",
    "sunit_max",
    "sunit_min",
    "opposed",
    "one_number_changed",
    "template_numbers_differ",
];

/// The matcher's view of a pair.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Match {
    /// Calibrated probability that the pair states one claim.
    pub probability: f64,
    /// Share of the first sentence's claim content the second states (story-weighted, with
    /// semantic neighbours), in \[0,1\].
    pub coverage_ab: f64,
    /// The same, the other way.
    pub coverage_ba: f64,
    /// Both sentences hold two figures or more and share none: two stories told in one mould
    /// ("dropped 41.06 points, or 0.8 percent" / "gained 19.72 points, or 0.4 percent") as
    /// often as one claim, so the context stage does not take stage 1's word for it alone.
    pub every_number_differs: bool,
}

impl Match {
    /// Whether the pair is a link.
    pub fn linked(&self) -> bool {
        self.probability >= THRESHOLD
    }
}

fn logit(p: f64) -> f64 {
    let p = p.clamp(1e-4, 1.0 - 1e-4);
    (p / (1.0 - p)).ln()
}

fn max_min(a: f64, b: f64) -> (f64, f64) {
    (a.max(b), a.min(b))
}

/// The stage-1 measures of a pair, in the order of [`MEASURES`], and the two semantic
/// coverages. `msrp` is the MSRP scorer's probability for the pair.
pub fn measures(msrp: f64, a: Weighed, b: Weighed) -> ([f64; N], Coverage, Coverage) {
    let (x, s1, s2, _) = measures_and_numbers(msrp, a, b);
    (x, s1, s2)
}

/// [`measures`], and whether every number differs ([`Match::every_number_differs`]).
fn measures_and_numbers(msrp: f64, a: Weighed, b: Weighed) -> ([f64; N], Coverage, Coverage, bool) {
    let PairCoverages {
        news: (c1, c2),
        local: (l1, l2),
        semantic: (s1, s2),
    } = pair_coverages(a, b);
    let (a, b) = (a.claims, b.claims);
    let (na, nb) = (numbers(a), numbers(b));
    let ns = na.iter().filter(|x| nb.contains(x)).count();
    let (no, nr) = ((na.len() - ns) as f64, (nb.len() - ns) as f64);
    let ns = ns as f64;
    let every_number_differs = ns == 0.0 && no >= 2.0 && nr >= 2.0;
    let (cov_max, cov_min) = max_min(c1.whole, c2.whole);
    let (unit_max, unit_min) = max_min(c1.best_unit, c2.best_unit);
    let (lcov_max, lcov_min) = max_min(l1.whole, l2.whole);
    let (lunit_max, lunit_min) = max_min(l1.best_unit, l2.best_unit);
    let uw_min = l1.best_unit_weight.ln_1p().min(l2.best_unit_weight.ln_1p());
    let (w_max, w_min) = max_min(c1.weight.ln_1p(), c2.weight.ln_1p());
    let (scov_max, scov_min) = max_min(s1.whole, s2.whole);
    let (sunit_max, sunit_min) = max_min(s1.best_unit, s2.best_unit);
    let flag = |b: bool| f64::from(u8::from(b));
    let x = [
        logit(msrp),
        cov_max,
        cov_min,
        unit_max,
        unit_min,
        lcov_max,
        lcov_min,
        lunit_max,
        lunit_min,
        lunit_max * uw_min,
        lcov_max * lcov_max,
        w_max,
        w_min,
        ns.ln_1p(),
        flag(ns == 0.0 && no > 0.0 && nr > 0.0),
        no.min(nr).ln_1p(),
        flag(every_number_differs),
        scov_max,
        scov_min,
        sunit_max,
        sunit_min,
        flag(opposed(a, b)),
        flag(ns >= 1.0 && no == 1.0 && nr == 1.0),
        flag(ns == 0.0 && no >= 1.0 && nr >= 1.0) * scov_max,
    ];
    (x, s1, s2, every_number_differs)
}

/// Matches a pair: `msrp` is the MSRP scorer's probability, `story` the weights of the cluster.
pub fn match_pair(msrp: f64, a: &ClaimWords, b: &ClaimWords, story: &StoryWeights) -> Match {
    let (wa, wb) = (story.weights(a), story.weights(b));
    match_weighed(msrp, weighed(a, &wa), weighed(b, &wb))
}

fn weighed<'a>(claims: &'a ClaimWords, weights: &'a [f64]) -> Weighed<'a> {
    Weighed { claims, weights }
}

/// [`match_pair`] of two sentences weighed once for all their pairs (what `compare` scores).
pub fn match_weighed(msrp: f64, a: Weighed, b: Weighed) -> Match {
    let (x, s1, s2, every_number_differs) = measures_and_numbers(msrp, a, b);
    let z = BIAS + WEIGHTS.iter().zip(&x).map(|(w, v)| w * v).sum::<f64>();
    Match {
        probability: sigmoid(z),
        coverage_ab: s1.whole,
        coverage_ba: s2.whole,
        every_number_differs,
    }
}

/// The matcher's decision on a pair with each measure's part in it, for `explain`.
#[derive(Clone, Debug, PartialEq)]
pub struct MatchExplanation {
    /// The decision.
    pub matched: Match,
    /// Each measure: name, value, fitted weight.
    pub measures: Vec<(&'static str, f64, f64)>,
    /// The fitted intercept.
    pub bias: f64,
    /// The probability at which a pair is linked.
    pub threshold: f64,
}

/// [`match_pair`] with every measure and weight.
pub fn explain_pair(
    msrp: f64,
    a: &ClaimWords,
    b: &ClaimWords,
    story: &StoryWeights,
) -> MatchExplanation {
    let (wa, wb) = (story.weights(a), story.weights(b));
    let (a, b) = (weighed(a, &wa), weighed(b, &wb));
    let (x, _, _) = measures(msrp, a, b);
    MatchExplanation {
        matched: match_weighed(msrp, a, b),
        measures: (0..N).map(|i| (MEASURES[i], x[i], WEIGHTS[i])).collect(),
        bias: BIAS,
        threshold: THRESHOLD,
    }
}

impl std::fmt::Display for MatchExplanation {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let m = &self.matched;
        let decision = if m.linked() { "link" } else { "no link" };
        writeln!(
            f,
            "matcher  probability {:.3}: {decision} (threshold {:.3})",
            m.probability, self.threshold
        )?;
        writeln!(
            f,
            "coverage A by B {:.3}, B by A {:.3} (story-weighted, neighbours counted)",
            m.coverage_ab, m.coverage_ba
        )?;
        writeln!(
            f,
            "\n{:<28} {:>7} {:>8} {:>8}",
            "measure", "value", "weight", "contrib"
        )?;
        for (name, value, weight) in &self.measures {
            writeln!(
                f,
                "{name:<28} {value:>7.3} {weight:>8.3} {:>+8.3}",
                value * weight
            )?;
        }
        writeln!(
            f,
            "{:<28} {:>7} {:>8} {:>+8.3}",
            "intercept", "", "", self.bias
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn story(texts: &[&str]) -> (Vec<ClaimWords>, StoryWeights) {
        let claims: Vec<ClaimWords> = texts.iter().map(|t| ClaimWords::new(t)).collect();
        let story = StoryWeights::new(&claims);
        (claims, story)
    }

    #[test]
    fn a_rewrite_with_synonyms_links_and_a_templated_quarter_does_not() {
        let (c, s) = story(&[
            "The plant was shut on Monday after inspectors found a leak in a cooling pipe.",
            "Inspectors discovered a leak in a cooling pipe at the plant, which officials closed on Monday.",
            "Revenue fell 4 percent to $1.12 billion in the second quarter.",
            "Revenue rose 7 percent to $1.21 billion in the third quarter.",
            "The mayor opened a new library on Elm Street.",
        ]);
        let rewrite = match_pair(0.3, &c[0], &c[1], &s);
        assert!(rewrite.linked(), "{rewrite:?}");
        let quarters = match_pair(0.6, &c[2], &c[3], &s);
        assert!(!quarters.linked(), "{quarters:?}");
        let unrelated = match_pair(0.01, &c[0], &c[4], &s);
        assert!(!unrelated.linked(), "{unrelated:?}");
    }

    #[test]
    fn the_explanation_adds_up_to_the_probability() {
        let (c, s) = story(&[
            "The plant was shut on Monday after inspectors found a leak in a cooling pipe.",
            "Inspectors discovered a leak in a cooling pipe at the plant, which officials closed on Monday.",
        ]);
        let e = explain_pair(0.3, &c[0], &c[1], &s);
        let z = e.bias + e.measures.iter().map(|(_, v, w)| v * w).sum::<f64>();
        assert!((crate::pipeline::similarity::sigmoid(z) - e.matched.probability).abs() < 1e-12);
        assert_eq!(e.matched, match_pair(0.3, &c[0], &c[1], &s));
        assert!(e.to_string().contains("cov_max"));
    }
}

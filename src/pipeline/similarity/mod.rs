//! Sentence similarity: a pair of sentences in, a score in \[0,1\] and a [`Verdict`] out.
//!
//! The score is a logistic regression over cheap lexical measures ([`features::NAMES`]):
//! content-word overlap after case folding, Snowball stemming and stop-word removal (plain and
//! weighted by IDF, so rare shared words count more), word n-gram overlap both ways (BLEU- and
//! METEOR-like scores included), word-level edit distance, length ratio, agreement of numbers and
//! of capitalised names. Attribution clauses ("officials said", "according to X") and stock
//! phrases ("did not respond to requests for comment") are left out of the compared content.
//! The weights are fitted on the MSRP training split by `crosscheck fit` and live in the
//! generated [`model`]; see docs/accuracy.md.
//!
//! Verdicts: below the paraphrase threshold a pair is `different`; at or above it, it is
//! `corroborated` when the score also reaches the corroborate threshold *and* the wording is
//! near-verbatim (word-level edit similarity of the counted words at least
//! [`NEAR_VERBATIM`]), else `paraphrased`.
//!
//! [`Features::new`] does all string work once per sentence; [`Scorer::score`] only merges
//! sorted integer slices and runs one word-level edit distance.

pub mod coverage;
pub mod features;
pub mod fit;
pub mod model;
pub mod texts;
pub mod vectors;

use std::fmt;

use features::{Sentence, N};

/// Minimum word-level edit similarity (1 − distance / longer length, over the words left once
/// attribution and stock phrases are set aside) for a pair to count as "largely the same
/// words". A design choice, not fitted: at 0.6 at most four words in ten differ.
pub const NEAR_VERBATIM: f64 = 0.6;

/// What a pair of sentences is to each other.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
#[derive(strum::IntoStaticStr, strum::EnumIter)]
#[strum(serialize_all = "kebab-case")]
pub enum Verdict {
    /// The same claim in largely the same words.
    Corroborated,
    /// The same claim in other words.
    Paraphrased,
    /// Not the same claim.
    Different,
}

impl Verdict {
    /// The name used in outputs.
    pub fn as_str(self) -> &'static str {
        self.into()
    }
}

impl fmt::Display for Verdict {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Score thresholds for the verdicts.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Thresholds {
    /// Minimum score for "paraphrased".
    pub paraphrase: f64,
    /// Minimum score for "corroborated" (the wording must also be near-verbatim).
    pub corroborate: f64,
}

impl Default for Thresholds {
    /// The paraphrase threshold is the one fitted with the model (best accuracy on the MSRP
    /// training split); the corroborate threshold is [`model::CORROBORATE_THRESHOLD`].
    fn default() -> Thresholds {
        Thresholds {
            paraphrase: model::PARAPHRASE_THRESHOLD,
            corroborate: model::CORROBORATE_THRESHOLD,
        }
    }
}

/// A scored pair.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Score {
    /// Similarity in \[0,1\]: the fitted probability that the pair is a paraphrase.
    pub value: f64,
    /// What the score means under the thresholds.
    pub verdict: Verdict,
}

/// Per-sentence evidence, computed once and reused for every comparison.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Features {
    sentence: Sentence,
}

impl Features {
    /// Extracts the features of one sentence.
    pub fn new(text: &str) -> Features {
        Features {
            sentence: Sentence::new(text),
        }
    }

    /// The features of `text` from its tokens, as [`features::analyse`] marks them.
    pub fn from_tokens(tokens: &[features::Token], text: &str) -> Features {
        Features {
            sentence: Sentence::from_tokens(tokens, text),
        }
    }

    /// Sorted, deduplicated hashes of the content terms (stems of non-stop words, numbers,
    /// names, attribution and stock-phrase words included), as written. The candidate index
    /// reads them with demonyms folded into their places ([`features::candidate_terms`]).
    /// Stop words are never among them.
    pub fn index_terms(&self) -> &[u64] {
        &self.sentence.index
    }

    /// Sorted, deduplicated 5-letter prefixes of the sentence's distinctive names (people,
    /// places, bodies rare in news), which tell what story it belongs to.
    pub fn story_names(&self) -> &[u64] {
        &self.sentence.story_names
    }

    /// The pair measures against another sentence, in the order of [`features::NAMES`].
    pub fn measures(&self, other: &Features) -> [f64; N] {
        features::measures(&self.sentence, &other.sentence)
    }

    /// Numbers or names that disagree both ways (see [`features::conflict`]).
    pub fn conflict(&self, other: &Features) -> Option<features::Conflict> {
        features::conflict(&self.sentence, &other.sentence)
    }

    /// Whether the shorter sentence's claim is inside the longer one (see
    /// [`features::contained`]).
    pub fn contained(&self, other: &Features) -> bool {
        features::contained(&self.sentence, &other.sentence)
    }
}

/// The fitted weights of a logistic regression over the pair measures.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Weights {
    /// One weight per measure, in the order of [`features::NAMES`].
    pub weights: [f64; N],
    /// The intercept.
    pub bias: f64,
}

impl Weights {
    /// The committed, fitted model.
    pub const FITTED: Weights = Weights {
        weights: model::WEIGHTS,
        bias: model::BIAS,
    };

    /// The probability for a vector of measures.
    pub fn probability(&self, x: &[f64; N]) -> f64 {
        sigmoid(self.logit(x))
    }

    /// The log-odds for a vector of measures.
    pub fn logit(&self, x: &[f64; N]) -> f64 {
        self.bias + self.weights.iter().zip(x).map(|(w, v)| w * v).sum::<f64>()
    }
}

/// The logistic function.
pub fn sigmoid(z: f64) -> f64 {
    1.0 / (1.0 + (-z).exp())
}

/// The scorer used by every command.
#[derive(Clone, Debug)]
pub struct Scorer {
    /// Verdict thresholds.
    pub thresholds: Thresholds,
    /// The model.
    pub weights: Weights,
    /// Apply the conflict and merged-claim rules ([`features::conflict`],
    /// [`features::contained`]); on by default. Off, the score is the fitted probability.
    pub rules: bool,
}

impl Default for Scorer {
    fn default() -> Scorer {
        Scorer::new(Thresholds::default())
    }
}

impl Scorer {
    /// Builds a scorer with the fitted model.
    pub fn new(thresholds: Thresholds) -> Scorer {
        Scorer {
            thresholds,
            weights: Weights::FITTED,
            rules: true,
        }
    }

    /// Builds a scorer with other weights (for cross-validation).
    pub fn with_weights(thresholds: Thresholds, weights: Weights) -> Scorer {
        Scorer {
            thresholds,
            weights,
            rules: true,
        }
    }

    /// Scores a pair: symmetric, in \[0,1\], deterministic.
    pub fn score(&self, a: &Features, b: &Features) -> Score {
        self.score_and_rule(a, b).0
    }

    /// [`Scorer::score`] and the rule that shaped it, for a caller that also asks
    /// [`Scorer::rule`] (align vetoes a names conflict): the rule is found once.
    pub fn score_and_rule(&self, a: &Features, b: &Features) -> (Score, Option<Rule>) {
        let rule = self.rule(a, b);
        (self.score_measures(&a.measures(b), rule), rule)
    }

    /// The rule that applies to a pair, if any (conflict first), when rules are on.
    pub fn rule(&self, a: &Features, b: &Features) -> Option<Rule> {
        if !self.rules {
            return None;
        }
        if let Some(c) = a.conflict(b) {
            return Some(Rule::Conflict(c));
        }
        a.contained(b).then_some(Rule::Contained)
    }

    /// Scores a vector of measures under a rule: a names conflict caps the score at
    /// [`CONFLICT_CAP`] times the paraphrase threshold (so the pair is `different`); a numbers
    /// conflict keeps the score but never lets the pair count as `corroborated` (it is the
    /// same claim with a changed figure, which integrity flags as a number mismatch); a
    /// merged claim lifts the score to at least the paraphrase threshold.
    pub fn score_measures(&self, x: &[f64; N], rule: Option<Rule>) -> Score {
        let mut value = self.weights.probability(x);
        match rule {
            Some(Rule::Conflict(features::Conflict::Names)) => {
                value = value.min(CONFLICT_CAP * self.thresholds.paraphrase)
            }
            Some(Rule::Contained) => value = value.max(self.thresholds.paraphrase),
            Some(Rule::Conflict(features::Conflict::Numbers)) | None => {}
        }
        let mut verdict = self.verdict(value, x);
        if rule == Some(Rule::Conflict(features::Conflict::Numbers))
            && verdict == Verdict::Corroborated
        {
            verdict = Verdict::Paraphrased;
        }
        Score { value, verdict }
    }

    fn verdict(&self, value: f64, x: &[f64; N]) -> Verdict {
        if value < self.thresholds.paraphrase {
            Verdict::Different
        } else if value >= self.thresholds.corroborate && x[EDIT] >= NEAR_VERBATIM {
            Verdict::Corroborated
        } else {
            Verdict::Paraphrased
        }
    }

    /// Scores a pair of texts and lists every piece of evidence, for `explain`.
    pub fn explain(&self, a: &str, b: &str) -> Explanation {
        let (fa, fb) = (Features::new(a), Features::new(b));
        let x = fa.measures(&fb);
        let rule = self.rule(&fa, &fb);
        let score = self.score_measures(&x, rule);
        Explanation {
            score,
            thresholds: self.thresholds,
            bias: self.weights.bias,
            measures: (0..N)
                .map(|i| Evidence {
                    name: features::NAMES[i],
                    description: features::DESCRIPTIONS[i],
                    value: x[i],
                    weight: self.weights.weights[i],
                })
                .collect(),
            near_verbatim: x[EDIT],
            rule,
            sides: [Side::of(a), Side::of(b)],
        }
    }
}

/// Under a conflict the score is at most this fraction of the paraphrase threshold.
pub const CONFLICT_CAP: f64 = 0.9;

/// A rule that overrides the fitted probability.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Rule {
    /// Numbers or names disagree both ways: `different`.
    Conflict(features::Conflict),
    /// The shorter sentence's claim is inside the longer one: at least `paraphrased`.
    Contained,
}

impl Rule {
    /// The forced decision: paraphrase (true) or not (false).
    pub fn forces(self) -> bool {
        matches!(self, Rule::Contained)
    }
}

/// The measure deciding "largely the same words": `claim_edit_similarity`.
const EDIT: usize = 19;

/// One measure of a pair with its weight.
#[derive(Clone, Debug, PartialEq)]
pub struct Evidence {
    /// Measure name.
    pub name: &'static str,
    /// What it measures.
    pub description: &'static str,
    /// Its value for the pair.
    pub value: f64,
    /// Its fitted weight.
    pub weight: f64,
}

impl Evidence {
    /// Its contribution to the log-odds.
    pub fn contribution(&self) -> f64 {
        self.value * self.weight
    }
}

/// How one sentence was read.
#[derive(Clone, Debug, PartialEq)]
pub struct Side {
    /// Content stems of the claim (attribution and stock phrases left out).
    pub content: Vec<String>,
    /// Words read as attribution (cues, attribution clauses).
    pub attribution: Vec<String>,
    /// Words of stock phrases, left out of every comparison.
    pub stock: Vec<String>,
    /// Capitalised names.
    pub names: Vec<String>,
    /// Numbers.
    pub numbers: Vec<String>,
}

impl Side {
    fn of(text: &str) -> Side {
        use features::Kind;
        let toks = features::analyse(text);
        let pick = |f: &dyn Fn(&features::Token) -> bool, stem: bool| {
            toks.iter()
                .filter(|t| f(t))
                .map(|t| {
                    if stem {
                        t.stem.to_string()
                    } else {
                        t.text.to_string()
                    }
                })
                .collect()
        };
        Side {
            content: pick(
                &|t| !t.stock && !t.attribution && t.kind != Kind::Stop,
                true,
            ),
            attribution: pick(&|t| t.attribution && !t.stock, false),
            stock: pick(&|t| t.stock, false),
            names: pick(&|t| t.name && !t.stock && !t.attribution, false),
            numbers: pick(&|t| t.kind == Kind::Number, true),
        }
    }
}

/// Why a pair got its score and verdict.
#[derive(Clone, Debug, PartialEq)]
pub struct Explanation {
    /// The score and verdict.
    pub score: Score,
    /// The thresholds applied.
    pub thresholds: Thresholds,
    /// The intercept of the model.
    pub bias: f64,
    /// Each measure with its value and weight.
    pub measures: Vec<Evidence>,
    /// The surface measure deciding corroborated vs paraphrased.
    pub near_verbatim: f64,
    /// The rule that applied, if any.
    pub rule: Option<Rule>,
    /// How each sentence was read.
    pub sides: [Side; 2],
}

impl fmt::Display for Explanation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let logit = self.bias
            + self
                .measures
                .iter()
                .map(Evidence::contribution)
                .sum::<f64>();
        writeln!(f, "score    {:.3}", self.score.value)?;
        writeln!(f, "verdict  {}", self.score.verdict)?;
        let rule = match self.score.verdict {
            Verdict::Different => format!(
                "score {:.3} < paraphrase threshold {:.3}",
                self.score.value, self.thresholds.paraphrase
            ),
            _ => format!(
                "score {:.3} vs paraphrase threshold {:.3}, corroborate threshold {:.3}; \
                 near-verbatim {:.3} (needs >= {NEAR_VERBATIM})",
                self.score.value,
                self.thresholds.paraphrase,
                self.thresholds.corroborate,
                self.near_verbatim
            ),
        };
        writeln!(f, "rule     {rule}")?;
        match self.rule {
            Some(Rule::Contained) => writeln!(
                f,
                "rule     merged claim: the shorter sentence's claim words and names are in the \
                 longer one, so the score is at least the paraphrase threshold"
            )?,
            Some(Rule::Conflict(c @ features::Conflict::Names)) => writeln!(
                f,
                "rule     conflict: {}, so the score is capped below the paraphrase threshold",
                c.describe()
            )?,
            Some(Rule::Conflict(c @ features::Conflict::Numbers)) => writeln!(
                f,
                "rule     conflict: {}, so the pair is at most paraphrased (compare flags it \
                 number-mismatch)",
                c.describe()
            )?,
            None => {}
        }
        writeln!(f)?;
        writeln!(
            f,
            "{:<26} {:>7} {:>8} {:>8}  meaning",
            "evidence", "value", "weight", "contrib"
        )?;
        for e in &self.measures {
            writeln!(
                f,
                "{:<26} {:>7.3} {:>8.3} {:>+8.3}  {}",
                e.name,
                e.value,
                e.weight,
                e.contribution(),
                e.description
            )?;
        }
        writeln!(
            f,
            "{:<26} {:>7} {:>8} {:>+8.3}",
            "intercept", "", "", self.bias
        )?;
        writeln!(
            f,
            "{:<26} {:>7} {:>8} {:>+8.3}  probability = 1 / (1 + e^-log-odds)",
            "log-odds", "", "", logit
        )?;
        for (label, side) in ["A", "B"].iter().zip(&self.sides) {
            writeln!(f)?;
            writeln!(f, "{label} content     {}", side.content.join(" "))?;
            writeln!(f, "{label} names       {}", side.names.join(" "))?;
            writeln!(f, "{label} numbers     {}", side.numbers.join(" "))?;
            writeln!(f, "{label} attribution {}", side.attribution.join(" "))?;
            writeln!(f, "{label} stock phrase {}", side.stock.join(" "))?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn committed_model_matches_the_measures() {
        assert_eq!(
            model::MEASURES,
            features::NAMES,
            "rerun `crosscheck fit` (see model.rs)"
        );
    }

    #[test]
    fn conflict_caps_below_and_merged_claim_lifts_to_the_threshold() {
        let s = Scorer::default();
        let x = [0.0; N];
        let t = s.thresholds.paraphrase;
        let high = Weights {
            weights: [0.0; N],
            bias: 5.0,
        };
        let s_high = Scorer::with_weights(s.thresholds, high);
        let capped = s_high.score_measures(&x, Some(Rule::Conflict(features::Conflict::Names)));
        assert_eq!(capped.verdict, Verdict::Different);
        assert!(capped.value < t);
        let numbers = s_high.score_measures(&x, Some(Rule::Conflict(features::Conflict::Numbers)));
        assert_eq!(numbers.verdict, Verdict::Paraphrased);
        let low = Scorer::with_weights(
            s.thresholds,
            Weights {
                weights: [0.0; N],
                bias: -5.0,
            },
        );
        let lifted = low.score_measures(&x, Some(Rule::Contained));
        assert_eq!(lifted.verdict, Verdict::Paraphrased);
        assert_eq!(lifted.value, t);
    }

    #[test]
    fn corroborated_needs_near_verbatim_wording() {
        let s = Scorer::with_weights(
            Thresholds::default(),
            Weights {
                weights: [0.0; N],
                bias: 5.0,
            },
        );
        let mut x = [0.0; N];
        x[EDIT] = NEAR_VERBATIM - 0.01;
        assert_eq!(s.score_measures(&x, None).verdict, Verdict::Paraphrased);
        x[EDIT] = NEAR_VERBATIM;
        assert_eq!(s.score_measures(&x, None).verdict, Verdict::Corroborated);
    }
}

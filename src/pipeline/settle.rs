//! Settling verdicts: align's links and integrity's findings in, the links classification
//! reads out.
//!
//! Takes the links of one sentence, as [`align`](crate::pipeline::align) found them, and for
//! each link whether the two claims disagree on a fact ([`FlagKind::changes_facts`], decided
//! by [`integrity`](crate::pipeline::integrity)); returns the same links with their verdicts
//! settled. Scores, coverage, order and support stay align's.
//!
//! The one idea: two sentences that disagree on a figure, on who acted or on the words of a
//! quotation do not state the same claim in the same words, however alike their wording
//! scores; a corroborated link whose claims conflict is therefore at most paraphrased. The
//! rule lives here once, for found links and for a reviewer's
//! ([`crate::review::links`]), so classification only reads verdicts and never changes them.

use crate::pipeline::align::SentenceLinks;
use crate::pipeline::integrity::FlagKind;
use crate::pipeline::similarity::Verdict;

/// The verdict of a link whose pair of claims raised `kinds`: corroborated becomes
/// paraphrased when a kind changes the facts; every other verdict stands.
pub fn verdict(verdict: Verdict, kinds: &[FlagKind]) -> Verdict {
    if verdict == Verdict::Corroborated && kinds.iter().any(|k| k.changes_facts()) {
        Verdict::Paraphrased
    } else {
        verdict
    }
}

/// The links of one sentence with their verdicts settled: `conflicting[i]` says whether the
/// claims of link `i` disagree on a fact (one entry per link, in the links' order).
pub fn links(mut found: SentenceLinks, conflicting: &[bool]) -> SentenceLinks {
    debug_assert_eq!(found.links.len(), conflicting.len());
    for (link, &conflict) in found.links.iter_mut().zip(conflicting) {
        if conflict && link.verdict == Verdict::Corroborated {
            link.verdict = Verdict::Paraphrased;
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pipeline::align::Link;

    fn link(verdict: Verdict) -> Link {
        Link {
            doc: 1,
            sentence: 0,
            score: 0.9,
            verdict,
            reviewer: false,
            coverage: 1.0,
        }
    }

    #[test]
    fn a_fact_change_makes_a_corroborated_link_paraphrased() {
        assert_eq!(
            verdict(Verdict::Corroborated, &[FlagKind::NumberMismatch]),
            Verdict::Paraphrased
        );
        // a changed attribution alone leaves the claim's facts as they were
        assert_eq!(
            verdict(Verdict::Corroborated, &[FlagKind::AttributionChanged]),
            Verdict::Corroborated
        );
        assert_eq!(
            verdict(Verdict::Paraphrased, &[FlagKind::QuoteAltered]),
            Verdict::Paraphrased
        );
    }

    #[test]
    fn only_conflicting_links_change_and_nothing_else_does() {
        let found = SentenceLinks {
            links: vec![
                link(Verdict::Corroborated),
                link(Verdict::Corroborated),
                link(Verdict::Paraphrased),
            ],
            support: 1,
            independent_support: 1,
        };
        let settled = links(found.clone(), &[true, false, true]);
        let verdicts: Vec<Verdict> = settled.links.iter().map(|l| l.verdict).collect();
        assert_eq!(
            verdicts,
            [
                Verdict::Paraphrased,
                Verdict::Corroborated,
                Verdict::Paraphrased
            ]
        );
        assert_eq!(settled.support, found.support);
        assert_eq!(settled.links[0].score, found.links[0].score);
    }
}

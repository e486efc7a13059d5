//! Reviewed links: a person's word that two claims are the same claim (`linked`) or are not
//! (`unlinked`), applied to an [`Analysis`].
//!
//! Takes an analysis and its [`Reviews`]; [`apply`] returns the analysis as the reviewer
//! corrected it, so `compare`, `check`, `review` and the report all show the same claims.
//! Also here: how a claim is named on the command line ([`resolve`]: `doc:sentence` or an id)
//! and on screen ([`claim_name`]: `doc:sentence (file:line)`).
//!
//! The one idea: a reviewer's link counts exactly like a found one. It gets the pair's score
//! and a verdict of at least paraphrased, support and independent support are recounted,
//! integrity flags are raised on the pair as on any matched pair, and the link is marked
//! [`Link::reviewer`] so every output can say who made it. An unlink removes the pair's links
//! and flags both ways. A link decision is an entry whose id names both claims,
//! `ID+ID` ([`link_id`]), so it lives in the same file and columns as every other decision and
//! goes stale when either claim is edited.

use std::collections::HashMap;

use crate::pipeline::align::Link;
use crate::pipeline::classify::{self, legacy_claim_id, status_of, Claim};
use crate::pipeline::flagged::{self, flag_id};
use crate::pipeline::integrity::{self, Crediting, Facts, Flag, FlagKind};
use crate::pipeline::similarity::coverage::{self, ClaimWords, Credit, StoryWeights};
use crate::pipeline::similarity::{Features, Scorer, Verdict};
use crate::pipeline::{self, provenance, quotes, settle, Analysis};
use crate::review::{Decision, Entry, Reviews};

/// A claim: `(doc, sentence)`, 0-based.
pub type At = (usize, usize);

/// The id of a link decision between two claims: their ids, the smaller first, joined by `+`.
pub fn link_id(a: &str, b: &str) -> String {
    let (first, second) = if a <= b { (a, b) } else { (b, a) };
    format!("{first}+{second}")
}

/// The two claim ids of a link decision's id, if it is one.
pub fn parse_link_id(id: &str) -> Option<(&str, &str)> {
    let (a, b) = id.split_once('+')?;
    let valid = |s: &str| !s.is_empty() && s.chars().all(|c| c.is_ascii_alphanumeric());
    (valid(a) && valid(b)).then_some((a, b))
}

/// `label:sentence`, the sentence 1-based: how every output names a claim.
pub fn claim_ref(analysis: &Analysis, at: At) -> String {
    flagged::sentence_name(analysis, at)
}

/// `label:sentence (path:line)`: a claim's name with where to find it in the file.
pub fn claim_name(analysis: &Analysis, at: At) -> String {
    let s = &analysis.sentences[at.0][at.1];
    format!(
        "{} ({}:{})",
        claim_ref(analysis, at),
        analysis.documents[at.0].path,
        s.line
    )
}

/// Finds the claim a reference names: `label:sentence` (1-based, as the claims CSV and every
/// screen name claims) or a claim id. The error says what is wrong, in one line.
pub fn resolve(analysis: &Analysis, reference: &str) -> std::result::Result<At, String> {
    let reference = reference.trim();
    if let Some((label, n)) = reference.rsplit_once(':') {
        let Some(d) = analysis.documents.iter().position(|d| d.label == label) else {
            let labels: Vec<&str> = analysis
                .documents
                .iter()
                .map(|d| d.label.as_str())
                .collect();
            return Err(format!(
                "{reference}: no article labelled '{label}' (labels: {})",
                labels.join(", ")
            ));
        };
        let count = analysis.sentences[d].len();
        return match n.parse::<usize>() {
            Ok(s) if (1..=count).contains(&s) => Ok((d, s - 1)),
            _ => Err(format!(
                "{reference}: '{n}' is not a sentence number of {label} (1 to {count})"
            )),
        };
    }
    analysis
        .claims
        .iter()
        .flatten()
        .find(|c| c.id == reference)
        .map(|c| (c.doc, c.sentence))
        .ok_or_else(|| {
            format!("{reference}: no claim with this id (name claims as LABEL:SENTENCE)")
        })
}

/// A new entry deciding that claims `a` and `b` are (`Linked`) or are not (`Unlinked`) the
/// same claim. Its `text` says so for people reading the file.
pub fn entry_for_link(analysis: &Analysis, a: At, b: At, decision: Decision, note: &str) -> Entry {
    let (ca, cb) = (&analysis.claims[a.0][a.1], &analysis.claims[b.0][b.1]);
    let (first, second) = if ca.id <= cb.id { (a, b) } else { (b, a) };
    Entry {
        id: link_id(&ca.id, &cb.id),
        doc: analysis.documents[first.0].label.clone(),
        decision: Some(decision),
        note: note.to_string(),
        text: format!(
            "{} {} {}: {} | {}",
            claim_ref(analysis, first),
            if decision == Decision::Linked {
                "is"
            } else {
                "is not"
            },
            claim_ref(analysis, second),
            analysis.sentences[first.0][first.1].text,
            analysis.sentences[second.0][second.1].text
        ),
    }
}

/// The link decisions of `reviews` whose two claims are both in `analysis`: `(a, b, linked)`,
/// sorted, a pair in one document never.
pub fn decided(analysis: &Analysis, reviews: &Reviews) -> Vec<(At, At, bool)> {
    let by_id: HashMap<&str, At> = analysis
        .claims
        .iter()
        .flatten()
        .map(|c| (c.id.as_str(), (c.doc, c.sentence)))
        .collect();
    let mut out: Vec<(At, At, bool)> = reviews
        .entries()
        .into_iter()
        .filter_map(|e| {
            let linked = match e.decision? {
                Decision::Linked => true,
                Decision::Unlinked => false,
                _ => return None,
            };
            let (a, b) = parse_link_id(&e.id)?;
            let (a, b) = (*by_id.get(a)?, *by_id.get(b)?);
            (a.0 != b.0).then(|| (a.min(b), a.max(b), linked))
        })
        .collect();
    out.sort();
    out
}

/// The analysis with the reviewer's link decisions applied: unlinks first, then links, each
/// both ways. See the module doc for what a reviewer's link changes.
pub fn apply(mut analysis: Analysis, reviews: &Reviews, scorer: &Scorer) -> Analysis {
    let mut decisions = decided(&analysis, reviews);
    if decisions.is_empty() {
        return analysis;
    }
    decisions.sort_by_key(|&(a, b, linked)| (linked, a, b));
    let groups = provenance::groups(analysis.documents.len(), &analysis.derivations);
    for (a, b, linked) in decisions {
        if linked {
            link(&mut analysis, scorer, &groups, a, b);
        } else {
            unlink(&mut analysis, &groups, a, b);
        }
    }
    // the decisions changed flags: list them once again, as the pipeline did
    analysis.flagged = flagged::pairs(&analysis.claims, &analysis.derivations);
    analysis
}

/// The claim's text as the pipeline matched it: single quotation marks read as double ones,
/// the dateline of a first sentence cut.
pub fn matched_text(analysis: &Analysis, at: At) -> String {
    let s = &analysis.sentences[at.0][at.1];
    let doubled = quotes::as_double(std::slice::from_ref(s));
    let sentence = doubled.into_iter().next().unwrap_or_else(|| s.clone());
    pipeline::claim_text(at.1, &sentence).to_string()
}

/// The claim words of an analysis' claims as `compare` matched them: each text's words as
/// read, its credit as the attribution stage found it left out. `compare` reads every
/// distinct text once, with the credit of its first sentence in document order (a copy of
/// one sentence is one text however its attribution differs), and so does this.
pub struct ClaimReader<'a> {
    analysis: &'a Analysis,
    /// Each claim text's first sentence.
    first: HashMap<String, At>,
}

impl<'a> ClaimReader<'a> {
    /// Every claim text of `analysis` with its first sentence.
    pub fn new(analysis: &'a Analysis) -> ClaimReader<'a> {
        let mut first = HashMap::new();
        for (d, sentences) in analysis.sentences.iter().enumerate() {
            for s in 0..sentences.len() {
                first
                    .entry(matched_text(analysis, (d, s)))
                    .or_insert((d, s));
            }
        }
        ClaimReader { analysis, first }
    }

    /// Claim `at`'s claim words.
    pub fn words(&self, at: At) -> ClaimWords {
        let (text, spans, credit) = self.reading(at);
        ClaimWords::credited(&text, &spans, &credit)
    }

    /// The story weights `compare` used: every distinct claim text counted once.
    pub fn story(&self) -> StoryWeights {
        let claims: Vec<ClaimWords> = self.first.values().map(|&at| self.words(at)).collect();
        StoryWeights::new(&claims)
    }

    /// Claim `at`'s claim words as written, in the order of [`ClaimReader::words`].
    pub fn word_texts(&self, at: At) -> Vec<String> {
        let (text, spans, credit) = self.reading(at);
        coverage::claim_word_texts(&text, &spans, &credit)
    }

    /// Claim `at`'s matched text, its word spans and its text's credit.
    fn reading(&self, at: At) -> (String, Vec<std::ops::Range<usize>>, Credit) {
        let analysis = self.analysis;
        let (text, _, spans) = claim_text_and_words(analysis, at);
        let (d, s) = self.first.get(&text).copied().unwrap_or(at);
        let first = &analysis.sentences[d][s];
        let start = pipeline::claim_start(s, first);
        let credit = analysis.claims[d][s].attribution.credit(start);
        (text, spans, credit)
    }
}

/// The features `compare` scored the claim with when the analysis kept them, else built
/// from its text the same way.
fn features(analysis: &Analysis, at: At) -> std::borrow::Cow<'_, Features> {
    match &analysis.features {
        Some(kept) => std::borrow::Cow::Borrowed(kept.get(at.0, at.1)),
        None => std::borrow::Cow::Owned(Features::new(&matched_text(analysis, at))),
    }
}

/// The integrity flags the pair `a`, `b` raises (or would raise, were it linked), computed as
/// for any matched pair: each claim's facts as the pipeline reads them, with who credits whom.
pub fn pair_flags(analysis: &Analysis, a: At, b: At) -> Vec<FlagKind> {
    let groups = provenance::groups(analysis.documents.len(), &analysis.derivations);
    pair_kinds(analysis, &groups, a, b)
}

fn pair_kinds(analysis: &Analysis, groups: &[u32], a: At, b: At) -> Vec<FlagKind> {
    let (fa, fb) = (facts(analysis, groups, a), facts(analysis, groups, b));
    integrity::compare(
        &fa,
        &fb,
        Crediting::between(&fa, groups[a.0], &fb, groups[b.0]),
    )
}

fn facts(analysis: &Analysis, groups: &[u32], at: At) -> Facts {
    let claim = &analysis.claims[at.0][at.1];
    let credited = claim.credits.map(|c| groups[c]);
    let (text, offset, spans) = claim_text_and_words(analysis, at);
    Facts::at(&text, &spans, offset, &claim.attribution, credited)
}

/// Claim `at`'s matched text, where it starts in its sentence (past a dateline), and its
/// words as the reading stage found them.
fn claim_text_and_words(
    analysis: &Analysis,
    at: At,
) -> (String, usize, Vec<std::ops::Range<usize>>) {
    let sentence = &analysis.sentences[at.0][at.1];
    let offset = pipeline::claim_start(at.1, sentence);
    // the reading's spans hold for the text as written too: single marks and their double
    // replacements are the same length
    let spans = analysis.readings[at.0][at.1].spans_after(&sentence.text, offset);
    (matched_text(analysis, at), offset, spans)
}

fn link(analysis: &mut Analysis, scorer: &Scorer, groups: &[u32], a: At, b: At) {
    let found = analysis.claims[a.0][a.1]
        .links
        .iter()
        .any(|l| (l.doc, l.sentence) == b);
    if found {
        return; // the scorer found it already; the decision confirms it
    }
    let score = scorer.score(&features(analysis, a), &features(analysis, b));
    let kinds = pair_kinds(analysis, groups, a, b);
    let found = match score.verdict {
        Verdict::Different => Verdict::Paraphrased,
        v => v,
    };
    let verdict = settle::verdict(found, &kinds);
    for (from, to) in [(a, b), (b, a)] {
        let claim = &mut analysis.claims[from.0][from.1];
        let new_doc = !claim.links.iter().any(|l| l.doc == to.0);
        let new_group = groups[to.0] != groups[from.0]
            && !claim.links.iter().any(|l| groups[l.doc] == groups[to.0]);
        claim.support += usize::from(new_doc);
        claim.independent_support += usize::from(new_group);
        let at = claim
            .links
            .iter()
            .position(|l| l.score < score.value)
            .unwrap_or(claim.links.len());
        claim.links.insert(
            at,
            Link {
                doc: to.0,
                sentence: to.1,
                score: score.value,
                verdict,
                reviewer: true,
                // the reviewer says the two state the same claim: all of it, as far as we know
                coverage: 1.0,
            },
        );
        claim.flags.extend(kinds.iter().map(|&kind| Flag {
            kind,
            doc: to.0,
            sentence: to.1,
        }));
        claim.flags.sort();
        claim.flags.dedup();
        claim.status = status_of(&claim.links);
    }
}

fn unlink(analysis: &mut Analysis, groups: &[u32], a: At, b: At) {
    let texts = &analysis.sentences;
    let texts: Vec<Vec<String>> = texts
        .iter()
        .map(|d| d.iter().map(|s| s.text.clone()).collect())
        .collect();
    for (from, to) in [(a, b), (b, a)] {
        let claim: &mut Claim = &mut analysis.claims[from.0][from.1];
        let before = claim.links.len();
        claim.links.retain(|l| (l.doc, l.sentence) != to);
        if claim.links.len() == before {
            continue;
        }
        if !claim.links.iter().any(|l| l.doc == to.0) {
            claim.support = claim.support.saturating_sub(1);
        }
        if groups[to.0] != groups[from.0]
            && !claim.links.iter().any(|l| groups[l.doc] == groups[to.0])
        {
            claim.independent_support = claim.independent_support.saturating_sub(1);
        }
        // a flag names one claim per matched text: pass it on to a remaining copy of `to`
        let (dropped, kept): (Vec<Flag>, Vec<Flag>) =
            claim.flags.iter().partition(|f| (f.doc, f.sentence) == to);
        claim.flags = kept;
        let key = classify::claim_key(&texts[to.0][to.1]);
        let heir = claim.links.iter().find(|l| {
            classify::claim_key(&texts[l.doc][l.sentence]) == key
                && !claim
                    .flags
                    .iter()
                    .any(|f| (f.doc, f.sentence) == (l.doc, l.sentence))
        });
        if let Some(heir) = heir {
            claim.flags.extend(dropped.iter().map(|f| Flag {
                kind: f.kind,
                doc: heir.doc,
                sentence: heir.sentence,
            }));
            claim.flags.sort();
        }
        claim.status = status_of(&claim.links);
    }
}

/// Every claim's and flag's id under the older scheme with its current id, for
/// [`Reviews::migrate`]; only the pairs that differ.
pub fn legacy_ids(analysis: &Analysis) -> Vec<(String, String)> {
    let legacy: HashMap<&str, String> = analysis
        .claims
        .iter()
        .flatten()
        .map(|c| {
            let label = &analysis.documents[c.doc].label;
            let text = &analysis.sentences[c.doc][c.sentence].text;
            (c.id.as_str(), legacy_claim_id(label, text))
        })
        .collect();
    let mut out: Vec<(String, String)> = analysis
        .claims
        .iter()
        .flatten()
        .map(|c| (legacy[c.id.as_str()].clone(), c.id.clone()))
        .collect();
    for f in &analysis.flagged {
        let (claim, other) = (f.claim(analysis), f.other_claim(analysis));
        let old = flag_id(
            f.kind,
            &legacy[claim.id.as_str()],
            &legacy[other.id.as_str()],
        );
        out.push((old, f.id.clone()));
    }
    out.retain(|(old, new)| old != new);
    out
}

/// Whether two texts differ only cosmetically (case, quote style, wrapping, numbers in words).
pub fn same_key(a: &str, b: &str) -> bool {
    classify::claim_key(a) == classify::claim_key(b)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pipeline::analyze_texts as analyze;

    const FIRST: &str = "The bridge will close for repairs in March, the mayor said. \
                         Tolls are expected to double next year.";
    const SECOND: &str = "Crews start fixing the span in spring, according to City Hall. \
                          The harbor festival returns in June.";

    fn decide(a: &Analysis, x: At, y: At, d: Decision) -> Reviews {
        let mut r = Reviews::default();
        r.set(entry_for_link(a, x, y, d, ""));
        r
    }

    #[test]
    fn a_reviewer_link_counts_like_a_found_one_and_says_so() {
        let a = analyze(&[("first", FIRST), ("second", SECOND)]);
        assert!(
            a.claims[0][0].links.is_empty(),
            "{:?}",
            a.claims[0][0].links
        );
        let r = decide(&a, (0, 0), (1, 0), Decision::Linked);
        let fixed = apply(a, &r, &Scorer::default());
        for (x, y) in [((0, 0), (1, 0)), ((1, 0), (0, 0))] {
            let c = &fixed.claims[x.0][x.1];
            assert_ne!(c.status, classify::Status::SingleSource);
            assert_eq!((c.support, c.independent_support), (1, 1));
            assert_eq!(c.independent(), Some(true));
            assert_eq!((c.links[0].doc, c.links[0].sentence), y);
            assert!(c.links[0].reviewer);
        }
        // the other claims are untouched
        assert!(fixed.claims[0][1].links.is_empty());
    }

    #[test]
    fn an_unlink_removes_a_found_link_both_ways() {
        let a = analyze(&[("first", FIRST), ("copy", FIRST)]);
        assert_eq!(a.claims[0][1].support, 1);
        let r = decide(&a, (1, 1), (0, 1), Decision::Unlinked);
        let fixed = apply(a, &r, &Scorer::default());
        for c in [&fixed.claims[0][1], &fixed.claims[1][1]] {
            assert_eq!(c.status, classify::Status::SingleSource);
            assert_eq!((c.support, c.independent_support), (0, 0));
            assert!(c.flags.is_empty());
        }
        assert_eq!(fixed.claims[0][0].support, 1, "the other pair stays linked");
    }

    #[test]
    fn the_flagged_pairs_follow_the_decisions() {
        let original = "The school board approved a $3.1 million budget on Monday.";
        let changed = "The school board approved a $3.6 million budget on Monday.";
        let a = analyze(&[("first", original), ("second", changed)]);
        assert_eq!(a.flagged.len(), 1, "{:?}", a.flagged);
        let r = decide(&a, (0, 0), (1, 0), Decision::Unlinked);
        let fixed = apply(a, &r, &Scorer::default());
        assert!(fixed.flagged.is_empty(), "{:?}", fixed.flagged);
        let r = decide(&fixed, (0, 0), (1, 0), Decision::Linked);
        let relinked = apply(fixed, &r, &Scorer::default());
        assert_eq!(relinked.flagged.len(), 1, "{:?}", relinked.flagged);
        assert_eq!(
            relinked.flagged,
            flagged::pairs(&relinked.claims, &relinked.derivations)
        );
    }

    #[test]
    fn link_ids_name_both_claims_in_either_order() {
        assert_eq!(link_id("bb", "aa"), "aa+bb");
        assert_eq!(parse_link_id("aa+bb"), Some(("aa", "bb")));
        assert_eq!(parse_link_id("aa"), None);
        assert_eq!(parse_link_id("aa+"), None);
    }

    #[test]
    fn references_name_a_claim_by_label_and_sentence() {
        let a = analyze(&[("first", FIRST), ("second", SECOND)]);
        assert_eq!(resolve(&a, "second:2"), Ok((1, 1)));
        assert_eq!(resolve(&a, &a.claims[0][1].id), Ok((0, 1)));
        assert!(resolve(&a, "second:3").unwrap_err().contains("1 to 2"));
        assert!(resolve(&a, "third:1")
            .unwrap_err()
            .contains("first, second"));
        assert_eq!(claim_name(&a, (1, 1)), "second:2 (second.txt:1)");
    }
}

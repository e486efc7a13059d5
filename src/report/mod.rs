//! Reports: an [`Analysis`] in, bytes out (CSV, JSON or an HTML page).
//!
//! The one idea: one flat record per sentence ([`ClaimRecord`]), built once with real types
//! (numbers, `None` for a missing value, lists) and serialised by either format, so CSV and
//! JSON can never disagree: JSON writes the record as it is, CSV flattens it into strings
//! (empty for `None`, lists `;`-joined). Exporters return bytes; where they go is decided by
//! the caller. The HTML page ([`html`]) reads the analysis itself, since it shows the articles.

pub mod diff;
pub mod html;

pub mod jsonl;

use serde::Serialize;

use crate::pipeline::attribution::{CueKind, SourceKind};
use crate::pipeline::classify::Claim;
use crate::pipeline::Analysis;

/// How many links the `matches` column lists by default (best first).
pub const DEFAULT_MAX_MATCHES: usize = 10;

/// Report settings.
#[derive(Clone, Copy, Debug)]
pub struct ReportOptions {
    /// At most this many `doc:sentence` references in `matches`.
    pub max_matches: usize,
}

impl Default for ReportOptions {
    fn default() -> ReportOptions {
        ReportOptions {
            max_matches: DEFAULT_MAX_MATCHES,
        }
    }
}

/// One claim (sentence) as the reports write it. docs/csv.md documents every field, docs/json.md
/// the JSON types.
#[derive(Clone, Debug, Serialize)]
pub struct ClaimRecord {
    /// Stable claim id.
    pub id: String,
    /// Document label.
    pub doc: String,
    /// 1-based sentence number within the document.
    pub sentence: usize,
    /// 1-based paragraph number.
    pub paragraph: usize,
    /// 1-based line number in the file.
    pub line: usize,
    /// Sentence text.
    pub text: String,
    /// corroborated, paraphrased or single-source.
    pub status: &'static str,
    /// Best link's score rounded to 3 decimals; `None` when there is no link.
    pub score: Option<f64>,
    /// `doc:sentence` references, best first.
    pub matches: Vec<String>,
    /// Number of other documents with a matching sentence.
    pub support: usize,
    /// Attribution cue as written, if any.
    pub cue: Option<String>,
    /// Attribution source as written, if any.
    pub source: Option<String>,
    /// Kind of source, if there is a source.
    pub source_kind: Option<&'static str>,
    /// What the cue reports: speech, thought, finding or document; null without a cue.
    pub cue_kind: Option<&'static str>,
    /// explicit, carried or none.
    pub attribution: &'static str,
    /// direct, partial or none.
    pub quote: &'static str,
    /// Whether an independent source has the claim; `None` when single-source.
    pub independent: Option<bool>,
    /// Number of independent sources with the claim.
    pub independent_support: usize,
    /// Integrity flags, each naming the other claim.
    pub flags: Vec<FlagRecord>,
    /// The `doc:sentence` references among the claim's links that a reviewer made (a `linked`
    /// decision in the reviews file); empty when the scorer found them all.
    pub reviewer: Vec<String>,
    /// Share of the claim's content that the best link's sentence states (word weights by
    /// rarity, semantic neighbours counted partly); `None` when there is no link.
    pub coverage: Option<f64>,
}

/// One integrity flag of a [`ClaimRecord`].
#[derive(Clone, Debug, Serialize)]
pub struct FlagRecord {
    /// The flag kind (`number-mismatch`, ...).
    pub kind: &'static str,
    /// The other claim, `doc:sentence`.
    pub other: String,
}

/// The CSV row of a [`ClaimRecord`]: the same fields flattened to strings, because CSV has no
/// null and no lists.
#[derive(Serialize)]
struct CsvRow<'a> {
    id: &'a str,
    doc: &'a str,
    sentence: usize,
    paragraph: usize,
    line: usize,
    text: &'a str,
    status: &'a str,
    score: String,
    matches: String,
    support: usize,
    cue: &'a str,
    source: &'a str,
    source_kind: &'a str,
    cue_kind: &'a str,
    attribution: &'a str,
    quote: &'a str,
    independent: &'a str,
    independent_support: usize,
    flags: String,
    reviewer: String,
    coverage: String,
}

impl<'a> CsvRow<'a> {
    fn new(r: &'a ClaimRecord) -> CsvRow<'a> {
        CsvRow {
            id: &r.id,
            doc: &r.doc,
            sentence: r.sentence,
            paragraph: r.paragraph,
            line: r.line,
            text: &r.text,
            status: r.status,
            score: r.score.map(|s| format!("{s:.3}")).unwrap_or_default(),
            matches: r.matches.join(";"),
            support: r.support,
            cue: r.cue.as_deref().unwrap_or(""),
            source: r.source.as_deref().unwrap_or(""),
            source_kind: r.source_kind.unwrap_or(""),
            cue_kind: r.cue_kind.unwrap_or(""),
            attribution: r.attribution,
            quote: r.quote,
            independent: match r.independent {
                Some(true) => "yes",
                Some(false) => "no",
                None => "",
            },
            independent_support: r.independent_support,
            flags: r
                .flags
                .iter()
                .map(|f| format!("{}:{}", f.kind, f.other))
                .collect::<Vec<_>>()
                .join(";"),
            reviewer: r.reviewer.join(";"),
            coverage: r.coverage.map(|c| format!("{c:.2}")).unwrap_or_default(),
        }
    }
}

/// A score as the reports give it: rounded to 3 decimals, the same value in CSV and JSON.
pub fn rounded_score(score: f64) -> f64 {
    format!("{score:.3}")
        .parse()
        .expect("a formatted float parses")
}

/// An empty string as `None`.
fn non_empty(s: &str) -> Option<String> {
    (!s.is_empty()).then(|| s.to_string())
}

/// Builds the flat records, documents in input order, sentences in document order.
pub fn records(analysis: &Analysis, options: &ReportOptions) -> Vec<ClaimRecord> {
    record_iter(analysis, options).collect()
}

/// The records of [`records`] one at a time, so a large output is written as it is made
/// rather than held whole.
pub fn record_iter<'a>(
    analysis: &'a Analysis,
    options: &'a ReportOptions,
) -> impl Iterator<Item = ClaimRecord> + 'a {
    analysis
        .claims
        .iter()
        .enumerate()
        .flat_map(move |(d, claims)| claims.iter().map(move |c| record(analysis, options, d, c)))
}

/// The record of claim `claim` of document `d`.
fn record(analysis: &Analysis, options: &ReportOptions, d: usize, claim: &Claim) -> ClaimRecord {
    let doc = &analysis.documents[d];
    let sentence = &analysis.sentences[d][claim.sentence];
    let matches: Vec<String> = claim
        .links
        .iter()
        .take(options.max_matches)
        .map(|l| format!("{}:{}", analysis.documents[l.doc].label, l.sentence + 1))
        .collect();
    let a = &claim.attribution;
    ClaimRecord {
        id: claim.id.clone(),
        doc: doc.label.clone(),
        sentence: claim.sentence + 1,
        paragraph: sentence.paragraph,
        line: sentence.line,
        text: sentence.text.clone(),
        status: claim.status.as_str(),
        score: claim.links.first().map(|l| rounded_score(l.score)),
        matches,
        support: claim.support,
        cue: non_empty(&a.cue),
        source: non_empty(&a.source),
        source_kind: a.source_kind.map(SourceKind::as_str),
        cue_kind: a.cue_kind.map(CueKind::as_str),
        attribution: a.kind.as_str(),
        quote: a.quote.as_str(),
        independent: claim.independent(),
        independent_support: claim.independent_support,
        flags: claim
            .flags
            .iter()
            .map(|f| FlagRecord {
                kind: f.kind.as_str(),
                other: crate::pipeline::flagged::sentence_name(analysis, (f.doc, f.sentence)),
            })
            .collect(),
        reviewer: claim
            .links
            .iter()
            .filter(|l| l.reviewer)
            .map(|l| crate::pipeline::flagged::sentence_name(analysis, (l.doc, l.sentence)))
            .collect(),
        coverage: claim.links.first().map(|l| {
            format!("{:.2}", l.coverage)
                .parse()
                .expect("a formatted float parses")
        }),
    }
}

/// The claims as CSV (RFC 4180, header row).
pub fn to_csv(records: &[ClaimRecord]) -> Vec<u8> {
    let mut out = Vec::new();
    write_csv(&mut out, records).expect("writing to a Vec cannot fail");
    out
}

/// Writes the claims as [`to_csv`] gives them to `out`, a record at a time.
pub fn write_csv<R: std::borrow::Borrow<ClaimRecord>>(
    out: impl std::io::Write,
    records: impl IntoIterator<Item = R>,
) -> std::io::Result<()> {
    let mut writer = csv::Writer::from_writer(out);
    for record in records {
        writer
            .serialize(CsvRow::new(record.borrow()))
            .map_err(csv_error)?;
    }
    writer.flush()
}

/// A CSV error as the I/O error it wraps (a flat record of strings and numbers always
/// serialises, so writing is the only way to fail).
fn csv_error(e: csv::Error) -> std::io::Error {
    match e.into_kind() {
        csv::ErrorKind::Io(e) => e,
        other => std::io::Error::other(format!("{other:?}")),
    }
}

/// The claims as a pretty JSON array of the same records, with real types (docs/json.md).
pub fn to_json(records: &[ClaimRecord]) -> Vec<u8> {
    let mut out = serde_json::to_vec_pretty(records).expect("records always serialise");
    out.push(b'\n');
    out
}

/// Per-document summary: claims per status, derivations with their evidence, flags per kind.
#[derive(Clone, Debug, Serialize)]
pub struct Summary {
    /// One entry per document, in input order.
    pub documents: Vec<DocumentSummary>,
}

/// The summary of one document.
#[derive(Clone, Debug, Serialize)]
pub struct DocumentSummary {
    /// Document label.
    pub doc: String,
    /// The document's outlet, if known.
    pub outlet: Option<String>,
    /// Number of claims (sentences).
    pub claims: usize,
    /// Claims that another document states in largely the same words.
    pub corroborated: usize,
    /// Claims that another document states in other words.
    pub paraphrased: usize,
    /// Claims no other document has.
    pub single_source: usize,
    /// Claims with `independent` = no: only copies of this document's source have them, or
    /// they credit another document compared.
    pub not_independent: usize,
    /// Documents this one draws on, with the sentences that show it.
    pub derived_from: Vec<DerivedFrom>,
    /// Claims of this document with a flag, per kind (kinds with none are left out): a claim
    /// flagged against two copies of one text counts once.
    pub flags: std::collections::BTreeMap<&'static str, usize>,
    /// Claims crediting an outlet that is none of the articles compared (a warning: their
    /// support cannot be checked, nor their independence).
    pub unmatched_credits: Vec<CreditElsewhere>,
}

/// A claim crediting an outlet that is none of the articles compared.
#[derive(Clone, Debug, Serialize)]
pub struct CreditElsewhere {
    /// Sentence number (1-based).
    pub sentence: usize,
    /// The outlet as the attribution names it.
    pub outlet: String,
}

/// One derivation seen from the derived document.
#[derive(Clone, Debug, Serialize)]
pub struct DerivedFrom {
    /// Label of the document drawn on.
    pub doc: String,
    /// Sentence numbers (1-based) whose attribution names its outlet.
    pub sentences: Vec<usize>,
    /// Those sentences' text.
    pub evidence: Vec<String>,
}

/// Builds the summary.
pub fn summary(analysis: &Analysis) -> Summary {
    use crate::pipeline::classify::Status;
    let documents = analysis
        .claims
        .iter()
        .enumerate()
        .map(|(d, claims)| {
            let count = |status| claims.iter().filter(|c| c.status == status).count();
            let mut flags = std::collections::BTreeMap::new();
            for c in claims {
                let mut kinds: Vec<&'static str> =
                    c.flags.iter().map(|f| f.kind.as_str()).collect();
                kinds.dedup(); // flags are sorted by kind first
                for kind in kinds {
                    *flags.entry(kind).or_insert(0) += 1;
                }
            }
            DocumentSummary {
                doc: analysis.documents[d].label.clone(),
                outlet: analysis.outlets[d].as_ref().map(|o| o.name.clone()),
                claims: claims.len(),
                corroborated: count(Status::Corroborated),
                paraphrased: count(Status::Paraphrased),
                single_source: count(Status::SingleSource),
                not_independent: claims
                    .iter()
                    .filter(|c| c.independent() == Some(false))
                    .count(),
                derived_from: analysis
                    .derivations
                    .iter()
                    .filter(|x| x.derived == d)
                    .map(|x| DerivedFrom {
                        doc: analysis.documents[x.source].label.clone(),
                        sentences: x.evidence.iter().map(|s| s + 1).collect(),
                        evidence: x
                            .evidence
                            .iter()
                            .map(|&s| analysis.sentences[d][s].text.clone())
                            .collect(),
                    })
                    .collect(),
                flags,
                unmatched_credits: analysis
                    .unmatched_credits
                    .iter()
                    .filter(|u| u.doc == d)
                    .map(|u| CreditElsewhere {
                        sentence: u.sentence + 1,
                        outlet: u.outlet.clone(),
                    })
                    .collect(),
            }
        })
        .collect();
    Summary { documents }
}

/// The summary as text for a terminal.
pub fn summary_text(summary: &Summary) -> Vec<u8> {
    use std::fmt::Write;
    let mut out = String::new();
    for d in &summary.documents {
        let outlet = d
            .outlet
            .as_deref()
            .map_or(String::new(), |o| format!(" ({o})"));
        let _ = writeln!(out, "{}{}: {} claims", d.doc, outlet, d.claims);
        let _ = writeln!(
            out,
            "  {} corroborated, {} paraphrased, {} single-source; {} not independent",
            d.corroborated, d.paraphrased, d.single_source, d.not_independent
        );
        for x in &d.derived_from {
            let _ = writeln!(out, "  derived from {}, as these sentences show:", x.doc);
            for (n, text) in x.sentences.iter().zip(&x.evidence) {
                let _ = writeln!(out, "    {}:{n} {text}", d.doc);
            }
        }
        if d.flags.is_empty() {
            let _ = writeln!(out, "  no integrity flags");
        } else {
            let flags: Vec<String> = d.flags.iter().map(|(k, n)| format!("{k} {n}")).collect();
            let _ = writeln!(out, "  flags: {}", flags.join(", "));
        }
        for u in &d.unmatched_credits {
            let _ = writeln!(
                out,
                "  warning: {}:{} credits {}, which is none of the articles compared",
                d.doc, u.sentence, u.outlet
            );
        }
    }
    out.into_bytes()
}

/// The summary as pretty JSON.
pub fn summary_json(summary: &Summary) -> Vec<u8> {
    let mut out = serde_json::to_vec_pretty(summary).expect("summary always serialises");
    out.push(b'\n');
    out
}

/// The summary as JSON lines: one compact object per document, the entries of
/// [`summary_json`]'s `documents` array, so each line stands alone for line tools.
pub fn summary_jsonl(summary: &Summary) -> Vec<u8> {
    let mut out = Vec::new();
    for document in &summary.documents {
        serde_json::to_writer(&mut out, document).expect("summary always serialises");
        out.push(b'\n');
    }
    out
}

#[cfg(test)]
mod names {
    use strum::IntoEnumIterator;

    use crate::pipeline::attribution::{AttributionKind, CueKind, QuoteKind, SourceKind};
    use crate::pipeline::classify::Status;
    use crate::pipeline::integrity::FlagKind;
    use crate::pipeline::similarity::Verdict;

    /// The CSV takes a name from `as_str` (strum), the JSON from serde: both are derived, and
    /// this keeps the two derivations naming every variant alike.
    fn same_names<E: IntoEnumIterator + serde::Serialize + Copy + std::fmt::Debug>(
        as_str: impl Fn(E) -> &'static str,
    ) {
        for variant in E::iter() {
            let json = serde_json::to_value(variant).unwrap();
            assert_eq!(json.as_str(), Some(as_str(variant)), "{variant:?}");
        }
    }

    #[test]
    fn csv_and_json_name_every_variant_alike() {
        same_names(Status::as_str);
        same_names(Verdict::as_str);
        same_names(FlagKind::as_str);
        same_names(CueKind::as_str);
        same_names(SourceKind::as_str);
        same_names(AttributionKind::as_str);
        same_names(QuoteKind::as_str);
    }

    #[test]
    fn names_are_the_documented_ones() {
        assert_eq!(Status::SingleSource.as_str(), "single-source");
        assert_eq!(SourceKind::NamedPerson.as_str(), "named-person");
        assert_eq!(FlagKind::AttributionChanged.as_str(), "attribution-changed");
        assert_eq!(
            crate::review::Decision::NeedsSource.as_str(),
            "needs-source"
        );
        assert_eq!(
            crate::review::Decision::parse("Needs_Source"),
            Some(crate::review::Decision::NeedsSource)
        );
        assert_eq!(
            crate::review::Decision::parse("unlink"),
            Some(crate::review::Decision::Unlinked)
        );
    }
}

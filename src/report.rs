//! Reports: an [`Analysis`] in, bytes out (CSV or JSON).
//!
//! The one idea: one flat record per sentence ([`ClaimRecord`]), built once and serialised by
//! either format, so CSV and JSON can never disagree. Exporters return bytes; where they go is
//! decided by the caller.

use serde::Serialize;

use crate::attribution::SourceKind;
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

/// One row of the claims CSV. docs/csv.md documents every field.
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
    /// Best link's score with 3 decimals; empty when there is no link.
    pub score: String,
    /// `doc:sentence` references, best first, `;`-separated.
    pub matches: String,
    /// Number of other documents with a matching sentence.
    pub support: usize,
    /// Attribution cue as written.
    pub cue: String,
    /// Attribution source as written.
    pub source: String,
    /// Kind of source.
    pub source_kind: &'static str,
    /// explicit, carried or none.
    pub attribution: &'static str,
    /// direct, partial or none.
    pub quote: &'static str,
}

/// Builds the flat records, documents in input order, sentences in document order.
pub fn records(analysis: &Analysis, options: &ReportOptions) -> Vec<ClaimRecord> {
    let mut out = Vec::new();
    for (d, claims) in analysis.claims.iter().enumerate() {
        let doc = &analysis.documents[d];
        for claim in claims {
            let sentence = &analysis.sentences[d][claim.sentence];
            let matches: Vec<String> = claim
                .links
                .iter()
                .take(options.max_matches)
                .map(|l| format!("{}:{}", analysis.documents[l.doc].label, l.sentence + 1))
                .collect();
            let a = &claim.attribution;
            out.push(ClaimRecord {
                id: claim.id.clone(),
                doc: doc.label.clone(),
                sentence: claim.sentence + 1,
                paragraph: sentence.paragraph,
                line: sentence.line,
                text: sentence.text.clone(),
                status: claim.status.as_str(),
                score: claim
                    .links
                    .first()
                    .map(|l| format!("{:.3}", l.score))
                    .unwrap_or_default(),
                matches: matches.join(";"),
                support: claim.support,
                cue: a.cue.clone(),
                source: a.source.clone(),
                source_kind: a.source_kind.map_or("", source_kind_name),
                attribution: attribution_kind_name(a.kind),
                quote: quote_kind_name(a.quote),
            });
        }
    }
    out
}

fn source_kind_name(kind: SourceKind) -> &'static str {
    match kind {
        SourceKind::NamedPerson => "named-person",
        SourceKind::Anonymous => "anonymous",
        SourceKind::Organization => "organization",
        SourceKind::Publication => "publication",
        SourceKind::Document => "document",
        SourceKind::Pronoun => "pronoun",
    }
}

fn attribution_kind_name(kind: crate::attribution::AttributionKind) -> &'static str {
    use crate::attribution::AttributionKind as K;
    match kind {
        K::Explicit => "explicit",
        K::Carried => "carried",
        K::None => "none",
    }
}

fn quote_kind_name(kind: crate::attribution::QuoteKind) -> &'static str {
    use crate::attribution::QuoteKind as Q;
    match kind {
        Q::Direct => "direct",
        Q::Partial => "partial",
        Q::None => "none",
    }
}

/// The claims as CSV (RFC 4180, header row).
pub fn to_csv(records: &[ClaimRecord]) -> Vec<u8> {
    let mut writer = csv::Writer::from_writer(Vec::new());
    for record in records {
        writer
            .serialize(record)
            .expect("a flat record of strings and numbers always serialises");
    }
    writer.into_inner().expect("writing to a Vec cannot fail")
}

/// The claims as a pretty JSON array of the same records.
pub fn to_json(records: &[ClaimRecord]) -> Vec<u8> {
    let mut out = serde_json::to_vec_pretty(records).expect("records always serialise");
    out.push(b'\n');
    out
}

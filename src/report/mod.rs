//! Reports: an [`Analysis`] in, bytes out (CSV or JSON).
//!
//! The one idea: one flat record per sentence ([`ClaimRecord`]), built once and serialised by
//! either format, so CSV and JSON can never disagree. Exporters return bytes; where they go is
//! decided by the caller.

use serde::Serialize;

use crate::pipeline::attribution::SourceKind;
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
    /// yes when an independent source has the claim, no when only copies do, empty when
    /// single-source.
    pub independent: &'static str,
    /// Number of independent sources with the claim.
    pub independent_support: usize,
    /// Integrity flags, `kind:doc:sentence` naming the other claim, `;`-separated.
    pub flags: String,
    /// Share of the claim's content that the best link's sentence states (word weights by
    /// rarity, semantic neighbours counted partly), 2 decimals; empty when there is no link.
    pub coverage: String,
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
                independent: match claim.independent() {
                    Some(true) => "yes",
                    Some(false) => "no",
                    None => "",
                },
                independent_support: claim.independent_support,
                flags: crate::review::flagged::flags_column(analysis, claim),
                coverage: claim
                    .links
                    .first()
                    .map(|l| format!("{:.2}", l.coverage))
                    .unwrap_or_default(),
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

fn attribution_kind_name(kind: crate::pipeline::attribution::AttributionKind) -> &'static str {
    use crate::pipeline::attribution::AttributionKind as K;
    match kind {
        K::Explicit => "explicit",
        K::Carried => "carried",
        K::None => "none",
    }
}

fn quote_kind_name(kind: crate::pipeline::attribution::QuoteKind) -> &'static str {
    use crate::pipeline::attribution::QuoteKind as Q;
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
    /// Flags raised on this document's claims, per kind (kinds with none are left out).
    pub flags: std::collections::BTreeMap<&'static str, usize>,
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
            for f in claims.iter().flat_map(|c| &c.flags) {
                *flags.entry(f.kind.as_str()).or_insert(0) += 1;
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
    }
    out.into_bytes()
}

/// The summary as pretty JSON.
pub fn summary_json(summary: &Summary) -> Vec<u8> {
    let mut out = serde_json::to_vec_pretty(summary).expect("summary always serialises");
    out.push(b'\n');
    out
}

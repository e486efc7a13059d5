//! The compare pipeline: documents in, an [`Analysis`] out.
//!
//! Runs the stages in the order data flows: segment each document, attribute its sentences,
//! extract similarity features, align across documents, classify. Each stage is a pure function
//! of the previous one's output; this module only wires them.

use crate::align::{self, AlignOptions};
use crate::attribution::Attributor;
use crate::classify::{self, Claim};
use crate::document::Document;
use crate::segment::{SegmentConfig, Segmenter, Sentence};
use crate::similarity::{Features, Scorer, Thresholds};

/// Everything that changes what `compare` finds.
#[derive(Clone, Debug, Default)]
pub struct Options {
    /// Segmenter settings.
    pub segment: SegmentConfig,
    /// Verdict thresholds.
    pub thresholds: Thresholds,
    /// Alignment settings.
    pub align: AlignOptions,
}

/// The result of comparing documents.
#[derive(Clone, Debug)]
pub struct Analysis {
    /// The documents, in input order.
    pub documents: Vec<Document>,
    /// `sentences[doc]`: the sentences of each document.
    pub sentences: Vec<Vec<Sentence>>,
    /// `claims[doc]`: one claim per sentence.
    pub claims: Vec<Vec<Claim>>,
}

/// Runs the whole pipeline.
pub fn analyze(documents: Vec<Document>, options: &Options) -> Analysis {
    let segmenter = Segmenter::new(options.segment.clone());
    let sentences: Vec<Vec<Sentence>> = documents
        .iter()
        .map(|d| segmenter.segment(&d.text, d.body_start))
        .collect();
    let attributor = Attributor::new();
    let attributions: Vec<_> = sentences.iter().map(|s| attributor.attribute(s)).collect();
    let features: Vec<Vec<Features>> = sentences
        .iter()
        .map(|doc| doc.iter().map(|s| Features::new(&s.text)).collect())
        .collect();
    let scorer = Scorer::new(options.thresholds);
    let links = align::align(&features, &scorer, options.align);
    let claims = documents
        .iter()
        .enumerate()
        .map(|(d, doc)| {
            links[d]
                .iter()
                .enumerate()
                .map(|(s, links)| Claim {
                    id: classify::claim_id(&doc.label, &sentences[d][s].text),
                    doc: d,
                    sentence: s,
                    status: classify::status_of(links),
                    support: classify::support_of(links),
                    links: links.clone(),
                    attribution: attributions[d][s].clone(),
                })
                .collect()
        })
        .collect();
    Analysis {
        documents,
        sentences,
        claims,
    }
}

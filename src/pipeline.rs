//! The compare pipeline: documents in, an [`Analysis`] out.
//!
//! Runs the stages in the order data flows: segment each document, attribute its sentences,
//! extract similarity features once per distinct sentence text, align across documents,
//! classify. Each stage is a pure function of the previous one's output; this module only wires
//! them and decides what runs in parallel (documents are independent until alignment).

use std::collections::HashMap;

use rayon::prelude::*;

use crate::align::{self, AlignOptions, SentenceLinks};
use crate::attribution::{Attribution, Attributor};
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

/// Runs the whole pipeline on the current rayon thread pool.
pub fn analyze(documents: Vec<Document>, options: &Options) -> Analysis {
    let segmenter = Segmenter::new(options.segment.clone());
    let attributor = Attributor::new();
    let (sentences, attributions): (Vec<Vec<Sentence>>, Vec<Vec<Attribution>>) = documents
        .par_iter()
        .map(|d| {
            let sentences = segmenter.segment(&d.text, d.body_start);
            let attributions = attributor.attribute(&sentences);
            (sentences, attributions)
        })
        .unzip();
    let (texts, placement) = distinct_texts(&sentences);
    let features: Vec<Features> = texts.par_iter().map(|t| Features::new(t)).collect();
    let scorer = Scorer::new(options.thresholds);
    let links = align::align(&features, &placement, &scorer, &options.align);
    let claims = build_claims(&documents, &sentences, attributions, links);
    Analysis {
        documents,
        sentences,
        claims,
    }
}

/// Runs [`analyze`] on `threads` threads (0: one per core). The output does not depend on it.
pub fn analyze_with_threads(
    documents: Vec<Document>,
    options: &Options,
    threads: usize,
) -> Analysis {
    match rayon::ThreadPoolBuilder::new().num_threads(threads).build() {
        Ok(pool) => pool.install(|| analyze(documents, options)),
        Err(_) => analyze(documents, options),
    }
}

/// The distinct sentence texts, in order of first appearance, and for every sentence the index
/// of its text. Identical sentences (wire copies) are then featurised and scored once.
fn distinct_texts(sentences: &[Vec<Sentence>]) -> (Vec<&str>, Vec<Vec<usize>>) {
    let mut ids: HashMap<&str, usize> = HashMap::new();
    let mut texts = Vec::new();
    let placement = sentences
        .iter()
        .map(|doc| {
            doc.iter()
                .map(|s| {
                    *ids.entry(s.text.as_str()).or_insert_with(|| {
                        texts.push(s.text.as_str());
                        texts.len() - 1
                    })
                })
                .collect()
        })
        .collect();
    (texts, placement)
}

fn build_claims(
    documents: &[Document],
    sentences: &[Vec<Sentence>],
    attributions: Vec<Vec<Attribution>>,
    links: Vec<Vec<SentenceLinks>>,
) -> Vec<Vec<Claim>> {
    documents
        .iter()
        .zip(attributions)
        .zip(links)
        .enumerate()
        .map(|(d, ((doc, attributions), links))| {
            attributions
                .into_iter()
                .zip(links)
                .enumerate()
                .map(|(s, (attribution, found))| Claim {
                    id: classify::claim_id(&doc.label, &sentences[d][s].text),
                    doc: d,
                    sentence: s,
                    status: classify::status_of(&found.links),
                    support: found.support,
                    links: found.links,
                    attribution,
                })
                .collect()
        })
        .collect()
}

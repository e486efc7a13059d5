//! The compare pipeline: documents in, an [`Analysis`] out.
//!
//! Runs the stages in the order data flows: segment each document, read its quotation marks,
//! read each sentence's words once ([`reading::Reading`]), attribute its sentences,
//! work out which documents are derived from which, extract similarity features once per
//! distinct sentence text, align across documents, check the integrity of every matched pair,
//! settle the verdicts of pairs that disagree on a fact, classify, and list every flag once
//! for review. Each stage is a pure function of the previous one's output; this module only
//! wires them and decides what runs in parallel (documents are independent until alignment).

// The stages, in the order data flows; each line comment keeps rustfmt from sorting them.
// 1. Articles in: files, pages and archives to documents.
pub mod input;
// (bytes to a document)
pub mod document;
// (web pages)
pub mod html;
// (archives)
pub mod jsonl;
// 2. Each document on its own: sentences, quotation marks, words, attributions.
pub mod segment;
// (single marks read as double)
pub mod quotes;
// (the words of each sentence, once)
pub mod reading;
// (cue and source)
pub mod attribution;
// 3. Across documents: who draws on whom, which sentences state the same claim.
pub mod provenance;
// (a pair's evidence)
pub mod similarity;
// (candidate pairs, links)
pub mod align;
// (stage 1 of the matcher)
pub mod matcher;
#[rustfmt::skip]
pub mod matcher_model;
// (stage 2: the articles as context)
pub mod context;
// 4. Each linked pair, then each claim: facts checked, verdicts settled, claims classified,
// flags listed for review.
pub mod integrity;
// (verdicts of pairs that disagree on a fact)
pub mod settle;
// (statuses)
pub mod classify;
// (flags, once per change)
pub mod flagged;

use std::collections::HashMap;

use rayon::prelude::*;

use align::{AlignOptions, SentenceLinks};
use attribution::{Attribution, Attributor};
use classify::Claim;
use document::Document;
use integrity::{Crediting, Facts, Flag, FlagKind};
use provenance::{Derivation, Outlet, OutletBook};
use reading::Reading;
use segment::{SegmentConfig, Segmenter, Sentence};
use similarity::texts::{ReadText, Texts};
use similarity::{Scorer, Thresholds};

/// Everything that changes what `compare` finds.
#[derive(Clone, Debug, Default)]
pub struct Options {
    /// Segmenter settings.
    pub segment: SegmentConfig,
    /// Verdict thresholds.
    pub thresholds: Thresholds,
    /// Alignment settings.
    pub align: AlignOptions,
    /// Outlets known by name.
    pub outlets: OutletBook,
    /// Outlets set on the command line, by document label.
    pub outlet_overrides: Vec<(String, Outlet)>,
    /// Keep every sentence's similarity features in [`Analysis::features`], for a caller that
    /// scores any sentence against any other afterwards (review). Off for `compare`, which
    /// builds features only for the texts it scores.
    pub keep_features: bool,
}

/// The result of comparing documents.
#[derive(Clone, Debug)]
pub struct Analysis {
    /// The documents, in input order.
    pub documents: Vec<Document>,
    /// The outlet of each document, if known.
    pub outlets: Vec<Option<Outlet>>,
    /// Which documents draw on which.
    pub derivations: Vec<Derivation>,
    /// Claims crediting an outlet that is none of the documents, in document order.
    pub unmatched_credits: Vec<provenance::UnmatchedCredit>,
    /// `sentences[doc]`: the sentences of each document.
    pub sentences: Vec<Vec<Sentence>>,
    /// `claims[doc]`: one claim per sentence.
    pub claims: Vec<Vec<Claim>>,
    /// Every integrity flag of the claims once, as a person decides on it ([`flagged`]),
    /// sorted by the claim it is reported on, then kind.
    pub flagged: Vec<flagged::FlaggedPair>,
    /// The alignment's decision on the pair [`align::AlignOptions::explain`] asks about.
    pub explained: Option<align::PairDecision>,
    /// Every sentence's similarity features, as alignment built them, when
    /// [`Options::keep_features`] asks for them.
    pub features: Option<SentenceFeatures>,
    /// `readings[doc][sentence]`: the words of each sentence as the reading stage found them
    /// (in the text as analysed, single quotation marks read as double ones).
    pub readings: Vec<Vec<Reading>>,
}

/// The similarity features of every sentence, kept from alignment: one per distinct text,
/// with where each sentence's text is.
#[derive(Clone, Debug)]
pub struct SentenceFeatures {
    by_text: Vec<similarity::Features>,
    placement: Vec<Vec<usize>>,
}

impl SentenceFeatures {
    /// The features of sentence `sentence` of document `doc`, as `compare` scored it.
    pub fn get(&self, doc: usize, sentence: usize) -> &similarity::Features {
        &self.by_text[self.placement[doc][sentence]]
    }

    /// The features of every sentence of each document, in order.
    pub fn documents(&self) -> impl Iterator<Item = impl Iterator<Item = &similarity::Features>> {
        self.placement
            .iter()
            .map(|doc| doc.iter().map(|&text| &self.by_text[text]))
    }
}

/// What the per-document stages produce.
struct Read {
    /// As analysed: single quotation marks as double ones (see [`quotes`]).
    sentences: Vec<Sentence>,
    /// The texts as written of the sentences the analysis rewrote, restored for the output.
    originals: Vec<(usize, String)>,
    /// The words of each sentence, read once.
    readings: Vec<Reading>,
    attributions: Vec<Attribution>,
}

/// Runs the whole pipeline on the current rayon thread pool.
pub fn analyze(documents: Vec<Document>, options: &Options) -> Analysis {
    let segmenter = Segmenter::new(options.segment.clone());
    let outlets =
        provenance::resolve_outlets(&documents, &options.outlets, &options.outlet_overrides);
    // an article is also named by its label and title ("told the Ledger": ledger.txt)
    let naming = provenance::naming_outlets(&documents, &outlets);
    // Every outlet in play is a publication when an article names it as a source.
    let outlet_names = naming
        .iter()
        .flatten()
        .chain(options.outlets.outlets())
        .flat_map(|o| std::iter::once(&o.name).chain(&o.aliases))
        .map(String::as_str);
    let attributor = Attributor::new().with_outlets(outlet_names);
    let read: Vec<Read> = documents
        .par_iter()
        .map(|d| {
            let mut sentences = sentences_of(&segmenter, d);
            let originals = quotes::as_double_in_place(&mut sentences);
            let readings = Reading::of_sentences(&sentences);
            let attributions = attributor.attribute_read(&sentences, &readings);
            Read {
                sentences,
                originals,
                readings,
                attributions,
            }
        })
        .collect();
    let index = provenance::OutletIndex::new(&naming);
    let credits: Vec<Vec<Option<usize>>> = read
        .par_iter()
        .enumerate()
        .map(|(d, r)| provenance::attributed_documents(d, &r.sentences, &r.attributions, &index))
        .collect();
    let derivations = provenance::derivations(&credits);
    let known = provenance::KnownOutlets::new(&options.outlets);
    let unmatched_credits = read
        .iter()
        .enumerate()
        .flat_map(|(d, r)| {
            let (credits, own, known) = (&credits[d], naming[d].as_ref(), &known);
            r.attributions.iter().enumerate().filter_map(move |(s, a)| {
                let outlet = provenance::unmatched_credit(a, credits[s], own, known)?;
                Some(provenance::UnmatchedCredit {
                    doc: d,
                    sentence: s,
                    outlet,
                })
            })
        })
        .collect();
    let groups = provenance::groups(documents.len(), &derivations);

    let (texts, placement) = distinct_texts(&read);
    let texts = Texts::read(texts);
    let scorer = Scorer::new(options.thresholds);
    let align::Alignment { links, explained } =
        align::align(&texts, &placement, &groups, &scorer, &options.align);
    let features = if options.keep_features {
        Some(SentenceFeatures {
            by_text: texts.into_features(),
            placement: placement.clone(),
        })
    } else {
        drop(texts); // most of the memory of a large article: gone before integrity
        None
    };

    let facts = FactTable::build(&read, &placement, &credits, &groups, &links);
    let (mut sentences, mut claims, mut readings) = (Vec::new(), Vec::new(), Vec::new());
    for (s, c, r) in build_claims(&documents, read, links, &facts, &groups, &credits) {
        sentences.push(s);
        claims.push(c);
        readings.push(r);
    }
    let flagged = flagged::pairs(&claims, &derivations);
    Analysis {
        documents,
        outlets,
        derivations,
        unmatched_credits,
        sentences,
        claims,
        flagged,
        explained,
        features,
        readings,
    }
}

/// The sentences of a document. For a page read from HTML, paragraph and line are the
/// paragraph's block number among those extracted and the page line where it starts
/// ([`html::PageLine`]), so they lead back into the file on disk.
pub fn sentences_of(segmenter: &Segmenter, doc: &Document) -> Vec<Sentence> {
    let mut sentences = segmenter.segment(&doc.text, doc.body_start);
    if !doc.page_lines.is_empty() {
        for s in &mut sentences {
            if let Some(origin) = html::origin(&doc.page_lines, s.span.start) {
                s.paragraph = origin.block;
                s.line = origin.line;
            }
        }
    }
    sentences
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

/// What a sentence claims, for matching: its text without the dateline that may open the
/// first sentence of an article ("MILLBROOK, Ore. (AP) — "). `index` is the sentence's
/// position in its document.
pub fn claim_text(index: usize, sentence: &Sentence) -> &str {
    &sentence.text[claim_start(index, sentence)..]
}

/// Where [`claim_text`] starts in the sentence's text (0 unless a dateline is cut).
pub fn claim_start(index: usize, sentence: &Sentence) -> usize {
    if index == 0 {
        document::dateline_len(&sentence.text)
    } else {
        0
    }
}

/// The distinct claim texts with their readings, in order of first appearance, and for every
/// sentence the index of its text. Identical sentences (wire copies) are then featurised and
/// scored once. A claim that starts past a dateline is read from its sentence's reading.
fn distinct_texts(read: &[Read]) -> (Vec<ReadText<'_>>, Vec<Vec<usize>>) {
    let mut ids: HashMap<&str, usize> = HashMap::new();
    let mut texts = Vec::new();
    let placement = read
        .iter()
        .map(|doc| {
            doc.sentences
                .iter()
                .zip(&doc.readings)
                .zip(&doc.attributions)
                .enumerate()
                .map(|(i, ((s, reading), a))| {
                    let text = claim_text(i, s);
                    *ids.entry(text).or_insert_with(|| {
                        let start = claim_start(i, s);
                        texts.push((text, reading.after(&s.text, start), a.credit(start)));
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
    read: Vec<Read>,
    links: Vec<Vec<SentenceLinks>>,
    facts: &FactTable,
    groups: &[u32],
    credits: &[Vec<Option<usize>>],
) -> Vec<(Vec<Sentence>, Vec<Claim>, Vec<Reading>)> {
    read.into_par_iter()
        .zip(links)
        .enumerate()
        .map_init(HashMap::new, |cache, (d, (mut read, links))| {
            for (s, text) in std::mem::take(&mut read.originals) {
                read.sentences[s].text = text;
            }
            let claims = read
                .attributions
                .into_iter()
                .zip(links)
                .enumerate()
                .map(|(s, (attribution, found))| {
                    let (flags, conflicting) = facts.flags(cache, groups, d, s, &found);
                    let found = settle::links(found, &conflicting);
                    Claim {
                        id: classify::claim_id(&documents[d].label, &read.sentences[s].text),
                        doc: d,
                        sentence: s,
                        status: classify::status_of(&found.links),
                        support: found.support,
                        independent_support: found.independent_support,
                        flags,
                        links: found.links,
                        attribution,
                        credits: credits[d][s],
                    }
                })
                .collect();
            (read.sentences, claims, read.readings)
        })
        .collect()
}

/// The facts of every linked sentence, extracted once per distinct (text, attribution,
/// credit): wire copies of a sentence share one entry, and the flags of a pair of entries are
/// computed once per worker thread however many copies link them. A sentence with no link,
/// to it or from it, is never compared, so its facts are not extracted.
struct FactTable {
    facts: Vec<Facts>,
    /// `of[doc][sentence]`: the sentence's entry in `facts` ([`UNLINKED`] for none).
    of: Vec<Vec<u32>>,
}

/// The entry of a sentence in no link.
const UNLINKED: u32 = u32::MAX;

/// Flags already computed for a pair of fact entries, per worker thread.
type FlagCache = HashMap<(u32, u32, Crediting), Vec<FlagKind>>;

impl FactTable {
    fn build(
        read: &[Read],
        placement: &[Vec<usize>],
        credits: &[Vec<Option<usize>>],
        groups: &[u32],
        links: &[Vec<SentenceLinks>],
    ) -> FactTable {
        let mut linked: Vec<Vec<bool>> = links
            .iter()
            .map(|doc| doc.iter().map(|s| !s.links.is_empty()).collect())
            .collect();
        for l in links.iter().flatten().flat_map(|s| &s.links) {
            linked[l.doc][l.sentence] = true;
        }
        type Key<'a> = (usize, Option<u32>, &'a Attribution);
        let mut ids: HashMap<Key, u32> = HashMap::new();
        let mut firsts: Vec<(usize, usize)> = Vec::new();
        let of = read
            .iter()
            .enumerate()
            .map(|(d, r)| {
                r.attributions
                    .iter()
                    .enumerate()
                    .map(|(s, a)| {
                        if !linked[d][s] {
                            return UNLINKED;
                        }
                        let key = (placement[d][s], credits[d][s].map(|c| groups[c]), a);
                        *ids.entry(key).or_insert_with(|| {
                            firsts.push((d, s));
                            firsts.len() as u32 - 1
                        })
                    })
                    .collect()
            })
            .collect();
        let facts = firsts
            .par_iter()
            .map(|&(d, s)| {
                let sentence = &read[d].sentences[s];
                let (text, offset) = (claim_text(s, sentence), claim_start(s, sentence));
                let credited = credits[d][s].map(|c| groups[c]);
                let spans = read[d].readings[s].spans_after(&sentence.text, offset);
                Facts::at(text, &spans, offset, &read[d].attributions[s], credited)
            })
            .collect();
        FactTable { facts, of }
    }

    /// Integrity flags of sentence `s` of document `d` against the sentences it is linked to,
    /// one per kind and linked sentence, naming it; and for
    /// each link, in order, whether its claims disagree on a fact
    /// ([`FlagKind::changes_facts`]), for [`settle`].
    fn flags(
        &self,
        cache: &mut FlagCache,
        groups: &[u32],
        d: usize,
        s: usize,
        found: &SentenceLinks,
    ) -> (Vec<Flag>, Vec<bool>) {
        let own = self.of[d][s];
        let mut out = Vec::new();
        let mut conflicting = Vec::with_capacity(found.links.len());
        for l in &found.links {
            let other = self.of[l.doc][l.sentence];
            let (x, y) = (&self.facts[own as usize], &self.facts[other as usize]);
            let crediting = Crediting::between(x, groups[d], y, groups[l.doc]);
            let kinds = cache
                .entry((own, other, crediting))
                .or_insert_with(|| integrity::compare(x, y, crediting));
            conflicting.push(kinds.iter().any(|k| k.changes_facts()));
            // Every linked claim is named, also a second copy of one text: each side of a
            // link then lists the flag (docs/csv.md), and a copy may credit differently.
            out.extend(kinds.iter().map(|&kind| Flag {
                kind,
                doc: l.doc,
                sentence: l.sentence,
            }));
        }
        out.sort();
        (out, conflicting)
    }
}

/// Test support: the analysis of `(label, text)` articles with default options, each read as
/// the file `LABEL.txt`.
#[cfg(test)]
pub(crate) fn analyze_texts(texts: &[(&str, &str)]) -> Analysis {
    let docs = texts
        .iter()
        .map(|(label, text)| {
            document::from_bytes(
                (*label).into(),
                format!("{label}.txt"),
                text.as_bytes().to_vec(),
            )
            .expect("a test article loads")
        })
        .collect();
    analyze(docs, &Options::default())
}

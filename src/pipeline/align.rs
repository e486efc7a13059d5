//! Alignment: every sentence of every document against the sentences of the other documents.
//!
//! Takes the distinct sentence texts of a story cluster (their [`Features`]) and where each
//! occurs; returns, for every sentence, its [`Link`]s to sentences of other documents whose
//! verdict is not "different" (best first) and its support (how many other documents have a
//! match); asked about one pair of sentences, also why that pair is linked or not
//! ([`PairDecision`], for `explain`).
//!
//! Two ideas keep this fast and its memory linear. First, identical texts are scored once: a
//! wire copy repeated in fifty articles is one row of work, not fifty. Second, only pairs that
//! share evidence are scored: an inverted index over each text's index terms proposes the
//! candidates, skipping terms so common that they say nothing (they are in more than
//! [`AlignOptions::max_df`] texts). `exhaustive` scores every pair instead, so the two paths can
//! be compared. With the context stage, order proposes a few more: between two documents
//! with several sure pairs, the pairs right before and after them, however reworded. Scoring runs in parallel, and results are gathered in input order, so the
//! output is the same whatever the number of threads.
//!
//! One rule looks at the articles rather than the pair: a paraphrase that names nothing its
//! match names is kept only between articles that show they tell the same story (see
//! `Stories`), so look-alike sentences of unrelated stories do not match.

use crate::id::{FastMap, FastSet};
use std::io::IsTerminal;

use rayon::prelude::*;

use crate::pipeline::similarity::texts::Texts;
use crate::pipeline::similarity::{Features, Scorer, Verdict};
use crate::pipeline::{context, matcher};

/// A link from a claim to a matching sentence in another document.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Link {
    /// Index of the other document (0-based, in input order).
    pub doc: usize,
    /// Index of the sentence in that document (0-based).
    pub sentence: usize,
    /// The matcher's calibrated probability that the two sentences state one claim, in
    /// \[0,1\] (see [`matcher`]).
    pub score: f64,
    /// Corroborated or paraphrased.
    pub verdict: Verdict,
    /// Added by a reviewer (a `linked` decision in the reviews file, see
    /// [`crate::review::links`]) rather than found by the scorer.
    pub reviewer: bool,
    /// Share of this sentence's claim content that the linked sentence states, in \[0,1\].
    pub coverage: f64,
}

/// Default cap on the links kept per sentence (beyond it, only the best link to each further
/// matching text is kept).
pub const DEFAULT_MAX_LINKS: usize = 20;

/// Alignment settings.
#[derive(Clone, Copy, Debug)]
pub struct AlignOptions {
    /// Score every pair instead of the candidates only.
    pub exhaustive: bool,
    /// Keep this many links per sentence (best first), then only the best link to each further
    /// matching text; support is counted on all.
    pub max_links: usize,
    /// Index terms found in more distinct texts than this propose no candidates; `None` picks
    /// a value from the cluster size (see [`default_max_df`]).
    pub max_df: Option<usize>,
    /// Show a progress bar on stderr when it is a terminal.
    pub progress: bool,
    /// Match an unanchored paraphrase across documents only when they show they tell the
    /// same story: a shared anchored claim or distinctive name (docs/decisions.md).
    pub same_story: bool,
    /// Link by the context stage ([`context`]) instead of "stage 1 or the MSRP scorer links"
    /// (the default; off only to measure the older rule, `eval links --no-context`).
    pub context: bool,
    /// Also decide why one pair of sentences, `((doc, sentence), (doc, sentence))` in two
    /// documents, is linked or not ([`Alignment::explained`], for `explain`); the links do not
    /// depend on it.
    pub explain: Option<(At, At)>,
}

/// A sentence: `(doc, sentence)`, 0-based.
pub type At = (usize, usize);

impl Default for AlignOptions {
    fn default() -> AlignOptions {
        AlignOptions {
            exhaustive: false,
            max_links: DEFAULT_MAX_LINKS,
            max_df: None,
            progress: false,
            same_story: true,
            context: true,
            explain: None,
        }
    }
}

/// The cut-off for "too common to propose candidates": 10% of the distinct texts, but never
/// below 200, so small clusters index every term, and never above [`MAX_DF_CEILING`].
pub fn default_max_df(distinct_texts: usize) -> usize {
    (distinct_texts / 10).clamp(200, MAX_DF_CEILING)
}

/// The most texts a term may be in and still propose candidates, whatever the cluster size.
///
/// Without it the cut-off grows with the cluster, and articles that share a small vocabulary
/// (every term in a few percent of the texts) make the candidate lists, and so the time, grow
/// with the square of the sentence count. A term in more texts than this is paired with too
/// many texts to tell a match: a matching pair shares rarer terms as well.
pub const MAX_DF_CEILING: usize = 1000;

/// Where a distinct text occurs: `(doc, sentence)`, in input order.
pub type Occurrences = Vec<(u32, u32)>;

/// The links and support of one sentence.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct SentenceLinks {
    /// Matching sentences in other documents, best first: the best `max_links`, then the best
    /// link to each further matching text.
    pub links: Vec<Link>,
    /// How many other documents have a matching sentence (counted before the cap).
    pub support: usize,
    /// How many derivation groups other than the sentence's own have a matching sentence:
    /// copies of one source count once, and a copy of the sentence's own document not at all.
    pub independent_support: usize,
}

/// What [`align`] returns.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Alignment {
    /// `links[doc][s]`: the links and support of sentence `s` of document `doc`.
    pub links: Vec<Vec<SentenceLinks>>,
    /// The decision on the pair [`AlignOptions::explain`] asks about, if it asks.
    pub explained: Option<PairDecision>,
}

/// Aligns a cluster. `texts` are the distinct texts (their features and claim words built
/// for the texts a candidate pair asks for); `placement[doc][s]` is the
/// distinct text of sentence `s` of document `doc`; `groups[doc]` is the document's derivation
/// group (see [`crate::pipeline::provenance::groups`]).
pub fn align(
    texts: &Texts,
    placement: &[Vec<usize>],
    groups: &[u32],
    scorer: &Scorer,
    options: &AlignOptions,
) -> Alignment {
    let occurrences = occurrences(texts.len(), placement);
    let judge = Judge {
        scorer,
        texts,
        context: options.context,
    };
    // which texts occur in one document only, and which: read by scoring and by order
    let lone = lone_documents(&occurrences);
    let mut pairs = score_pairs(&judge, &lone, options);
    if options.context {
        let by_order = order_proposals(&judge, &pairs, &occurrences, &lone, placement);
        pairs.extend(by_order);
    }
    let neighbours = neighbours(texts.len(), pairs);
    let stories = Stories::new(texts, placement, options.same_story);
    let explained = options.explain.filter(|_| options.context).map(|(a, b)| {
        let context = Context {
            doc: a.0,
            texts,
            occurrences: &occurrences,
            groups,
        };
        let story = stories.of(&context, &placement[a.0], &neighbours);
        explain_pair(&judge, &context, story, placement, &neighbours, (a, b))
    });
    let links = placement
        .par_iter()
        .enumerate()
        .map(|(doc, sentences)| {
            let context = Context {
                doc,
                texts,
                occurrences: &occurrences,
                groups,
            };
            let mut story = stories.of(&context, sentences, &neighbours);
            let mut found = decided_links(&context, placement, &neighbours, options.context);
            sentences
                .iter()
                .enumerate()
                .map(|(s, &u)| {
                    let found = std::mem::take(&mut found[s]);
                    sentence_links(&context, &mut story, u, found, options.max_links)
                })
                .collect()
        })
        .collect();
    Alignment { links, explained }
}

/// A candidate link of one sentence: the link, the distinct text it leads to, and the
/// neighbour it came from.
type Found = (Link, u32, Neighbour);

/// The links of every sentence of `context.doc`, per sentence. With `use_context` every
/// candidate pair with each other document is read in the light of the others
/// ([`context::probabilities`]), and a pair links at [`context::THRESHOLD`] or when both
/// sentences are one text; without, a pair links when stage 1 or the MSRP scorer links it.
fn decided_links(
    context: &Context,
    placement: &[Vec<usize>],
    neighbours: &[Vec<Neighbour>],
    use_context: bool,
) -> Vec<Vec<Found>> {
    let sentences = &placement[context.doc];
    let all = document_candidates(context, sentences, neighbours);
    let mut found: Vec<Vec<Found>> = vec![Vec::new(); sentences.len()];
    for group in all.chunk_by(|x, y| x.0 == y.0) {
        let d = group[0].0;
        let candidates: Vec<context::Candidate> = group.iter().map(|g| g.1).collect();
        let sizes = (sentences.len(), placement[d as usize].len());
        let probabilities = if use_context {
            context::probabilities(&candidates, sizes)
        } else {
            candidates.iter().map(|c| c.p).collect()
        };
        for ((_, c, n), p) in group.iter().zip(probabilities) {
            let u = sentences[c.a as usize];
            let same_text = n.text as usize == u;
            let score = if !use_context {
                if !n.first_link {
                    continue;
                }
                p.max(n.msrp)
            } else if p >= context::THRESHOLD {
                p
            } else if same_text {
                p.max(n.msrp)
            } else {
                continue;
            };
            let link = Link {
                doc: d as usize,
                sentence: c.b as usize,
                score,
                verdict: n.verdict,
                reviewer: false,
                coverage: n.coverage,
            };
            found[c.a as usize].push((link, n.text, *n));
        }
    }
    found
}

/// Every candidate pair of document `context.doc`, whose sentences are `sentences`, with each
/// other document: `(other document, candidate, neighbour)`, sorted by document, then
/// sentence of each side.
fn document_candidates(
    context: &Context,
    sentences: &[usize],
    neighbours: &[Vec<Neighbour>],
) -> Vec<(u32, context::Candidate, Neighbour)> {
    let mut all = Vec::new();
    for (s, &u) in sentences.iter().enumerate() {
        for n in &neighbours[u] {
            for &(d, t) in &context.occurrences[n.text as usize] {
                if d as usize != context.doc {
                    let c = context::Candidate {
                        a: s as u32,
                        b: t,
                        p: n.p1,
                        by_order: n.proposed == Proposed::ByOrder,
                        templated: n.templated,
                    };
                    all.push((d, c, *n));
                }
            }
        }
    }
    all.sort_unstable_by_key(|(d, c, _)| (*d, c.a, c.b));
    all
}

/// An article with fewer distinctive names than this cannot tell its story, and is matched
/// without the same-story rule (see [`AlignOptions::same_story`]).
pub const MIN_STORY_NAMES: usize = 2;

/// Which documents tell the same story.
///
/// The one idea: a paraphrase needs evidence that its two articles tell the same story: a
/// claim they share that is anchored (a near-verbatim copy, or two sentences naming the same
/// distinctive name, see [`Features::story_names`]), or at least a distinctive name both
/// articles use. A paraphrase that is itself anchored is always kept; an unanchored one only
/// between articles with such evidence. Two towns' council votes told in the same mould
/// ("Most of the 40 residents who spoke opposed the increase" / "Most of the 25 residents who
/// spoke supported the library") name no one and nothing in common, so none of their
/// look-alike sentences match. An article with fewer than [`MIN_STORY_NAMES`] distinctive
/// names cannot tell, and is matched as before.
struct Stories {
    /// Per document, its distinctive names, sorted; empty when not telling.
    names: Vec<Vec<u64>>,
}

impl Stories {
    /// The stories of a cluster; with `tell` false, every document relates to every other.
    fn new(texts: &Texts, placement: &[Vec<usize>], tell: bool) -> Stories {
        if !tell {
            return Stories { names: Vec::new() };
        }
        let names = placement
            .iter()
            .map(|sentences| {
                let mut names: Vec<u64> = sentences
                    .iter()
                    .flat_map(|&u| texts.story_names(u).iter().copied())
                    .collect();
                names.sort_unstable();
                names.dedup();
                names
            })
            .collect();
        Stories { names }
    }

    /// Whether `doc` has enough distinctive names to tell its story.
    fn tells(&self, doc: usize) -> bool {
        self.names
            .get(doc)
            .is_some_and(|n| n.len() >= MIN_STORY_NAMES)
    }

    /// Whether documents `a` and `b` use a distinctive name in common.
    fn share_a_name(&self, a: usize, b: usize) -> bool {
        let (x, y) = (&self.names[a], &self.names[b]);
        let (mut i, mut j) = (0, 0);
        while i < x.len() && j < y.len() {
            match x[i].cmp(&y[j]) {
                std::cmp::Ordering::Less => i += 1,
                std::cmp::Ordering::Greater => j += 1,
                std::cmp::Ordering::Equal => return true,
            }
        }
        false
    }

    /// The story of document `doc`, whose sentences are `sentences`: the documents it shares
    /// an anchored claim with.
    fn of(
        &self,
        context: &Context,
        sentences: &[usize],
        neighbours: &[Vec<Neighbour>],
    ) -> Story<'_> {
        let mut anchored = FastSet::default();
        if self.tells(context.doc) {
            for &u in sentences {
                // Before the context stage, the pairs stage 1 or the MSRP scorer links; a pair
                // proposed by order leans on a sure pair, and anchors nothing by itself.
                for n in neighbours[u].iter().filter(|n| {
                    n.first_link
                        && n.proposed == Proposed::BySharedTerms
                        && is_anchored(context.texts, u, n)
                }) {
                    anchored.extend(context.occurrences[n.text as usize].iter().map(|o| o.0));
                }
            }
        }
        Story {
            stories: self,
            doc: context.doc,
            anchored,
            named_alike: FastMap::default(),
        }
    }
}

/// One document's view of [`Stories`].
struct Story<'a> {
    stories: &'a Stories,
    doc: usize,
    /// Documents sharing an anchored claim with it.
    anchored: FastSet<u32>,
    /// Documents found to use (or not) a distinctive name it uses, as they are asked about.
    named_alike: FastMap<u32, bool>,
}

impl Story<'_> {
    /// Whether document `other` may share unanchored paraphrases with this one.
    fn related(&mut self, other: usize) -> bool {
        let (stories, doc) = (self.stories, self.doc);
        !stories.tells(doc)
            || !stories.tells(other)
            || self.anchored.contains(&(other as u32))
            || *self
                .named_alike
                .entry(other as u32)
                .or_insert_with(|| stories.share_a_name(doc, other))
    }
}

/// A link that shows by itself that its articles tell one story: a near-verbatim copy, or two
/// sentences naming the same distinctive name.
fn is_anchored(texts: &Texts, u: usize, n: &Neighbour) -> bool {
    n.verdict == Verdict::Corroborated
        || shares_any(texts.story_names(u), texts.story_names(n.text as usize))
}

fn shares_any(a: &[u64], b: &[u64]) -> bool {
    a.iter().any(|x| b.binary_search(x).is_ok())
}

/// What [`sentence_links`] needs to know about the sentence's document and the cluster.
struct Context<'a> {
    doc: usize,
    texts: &'a Texts<'a>,
    occurrences: &'a [Occurrences],
    groups: &'a [u32],
}

fn occurrences(n: usize, placement: &[Vec<usize>]) -> Vec<Occurrences> {
    let mut out = vec![Vec::new(); n];
    for (doc, sentences) in placement.iter().enumerate() {
        for (s, &u) in sentences.iter().enumerate() {
            out[u].push((doc as u32, s as u32));
        }
    }
    out
}

/// A scored pair of distinct texts `(u, v)` with `u <= v`; `u == v` stands for copies of one
/// text in several documents.
#[derive(Clone, Copy, Debug)]
struct Pair {
    u: u32,
    v: u32,
    /// Stage-1 probability of the matcher.
    p1: f64,
    /// The MSRP scorer's probability.
    msrp: f64,
    /// Corroborated when the MSRP scorer finds the wording near-verbatim, else paraphrased.
    verdict: Verdict,
    /// Whether stage 1 or the MSRP scorer links the pair by itself.
    first_link: bool,
    /// Share of `u`'s claim that `v` states, and of `v`'s that `u` states.
    coverage: (f64, f64),
    /// What proposed the pair.
    proposed: Proposed,
    /// Every figure of the two texts differs ([`matcher::Match::every_number_differs`]).
    templated: bool,
}

/// What proposed a candidate pair to the matcher.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Proposed {
    /// The inverted index: the two texts share enough rare terms ([`enough_shared`]).
    BySharedTerms,
    /// Order: the pair lies next to a sure pair of its two documents ([`order_proposals`]).
    ByOrder,
}

/// Pairs the MSRP scorer gives less than this are not shown to the matcher: no labelled link
/// of the development set scores below it (a quarter of its pairs do), and the coverage with
/// word vectors is the costly part of a pair.
const MIN_MSRP: f64 = 0.01;

/// What decides whether a pair of distinct texts is a link.
struct Judge<'a> {
    scorer: &'a Scorer,
    texts: &'a Texts<'a>,
    /// Whether the context stage decides (its names-conflict veto applies).
    context: bool,
}

impl Judge<'_> {
    /// The pair `(u, v)` when it is a candidate for the context stage: stage 1 gives it at
    /// least [`context::FLOOR`], or it is one text in two documents. Near-verbatim wording as
    /// the MSRP scorer reads it makes a link corroborated, any other link is paraphrased.
    fn pair(&self, u: usize, v: usize) -> Option<Pair> {
        self.judge(u, v).ok()
    }

    /// As [`Judge::pair`], with the reason when the pair is no candidate.
    fn judge(&self, u: usize, v: usize) -> Result<Pair, NotCandidate> {
        self.judge_as(u, v, Proposed::BySharedTerms)
    }

    /// The pair `(u, v)`, two texts of two documents, proposed by order: judged as
    /// [`Judge::judge`] judges, bar the shared-terms rule, and kept only when stage 1 gives it
    /// at least [`context::LOOK_ALIKE`] (it has no shared evidence to stand on).
    fn by_order(&self, u: usize, v: usize) -> Option<Pair> {
        self.judge_as(u, v, Proposed::ByOrder).ok()
    }

    fn judge_as(&self, u: usize, v: usize, proposed: Proposed) -> Result<Pair, NotCandidate> {
        let texts = self.texts;
        let by_terms = proposed == Proposed::BySharedTerms;
        if u != v && by_terms && !share_enough(texts, u, v) {
            let (a, b) = (texts.index_terms(u), texts.index_terms(v));
            return Err(NotCandidate::FewSharedTerms {
                shared: crate::pipeline::similarity::features::shared(a, b),
                smaller: a.len().min(b.len()),
            });
        }
        let (msrp, rule) = self
            .scorer
            .score_and_rule(texts.features(u), texts.features(v));
        if msrp.value < MIN_MSRP && u != v {
            return Err(NotCandidate::ScorerBelowFloor(msrp.value));
        }
        if self.context && u != v && is_names_conflict(rule) {
            return Err(NotCandidate::NamesConflict);
        }
        let m = matcher::match_weighed(msrp.value, texts.weighed(u), texts.weighed(v));
        let first_link = m.linked() || msrp.verdict != Verdict::Different;
        // A pair the sentence scorer links stays linked: the matcher adds the rewrites it
        // misses (merged, split, partial, reworded claims) and takes none of its links away.
        // With the context stage, every pair stage 1 gives at least its floor is a candidate.
        if m.probability < context::FLOOR && u != v && (self.context || !first_link) {
            return Err(NotCandidate::Stage1BelowFloor(m.probability));
        }
        if !by_terms && m.probability < context::LOOK_ALIKE {
            return Err(NotCandidate::Stage1BelowFloor(m.probability));
        }
        let verdict = match msrp.verdict {
            Verdict::Corroborated => Verdict::Corroborated,
            _ => Verdict::Paraphrased,
        };
        Ok(Pair {
            u: u as u32,
            v: v as u32,
            p1: m.probability,
            msrp: msrp.value,
            verdict,
            first_link,
            coverage: (m.coverage_ab, m.coverage_ba),
            proposed,
            templated: m.every_number_differs,
        })
    }
}

fn score_pairs(judge: &Judge, lone: &[Option<u32>], options: &AlignOptions) -> Vec<Pair> {
    let texts = judge.texts;
    let n = texts.len();
    let index = if options.exhaustive {
        None
    } else {
        let max_df = options.max_df.unwrap_or_else(|| default_max_df(n));
        Some(Index::build(texts, max_df))
    };
    // Two texts found only in one and the same document never link: a sentence's links are
    // to other documents. Skipping them spares their scoring and their evidence.
    let apart = |u: usize, v: usize| lone[u].is_none() || lone[u] != lone[v];
    let progress = progress_bar(n, options.progress);
    let per_text: Vec<Vec<Pair>> = (0..n)
        .into_par_iter()
        .map_init(
            || vec![0u32; n],
            |seen, u| {
                let mut pairs = Vec::new();
                // a text in several documents links to its own copies
                if lone[u].is_none() {
                    pairs.extend(judge.pair(u, u));
                }
                match &index {
                    None => pairs.extend(
                        (u + 1..n)
                            .filter(|&v| apart(u, v))
                            .filter_map(|v| judge.pair(u, v)),
                    ),
                    Some(index) => {
                        for v in index.candidates(texts, u, seen) {
                            if apart(u, v) {
                                pairs.extend(judge.pair(u, v));
                            }
                        }
                    }
                }
                if let Some(bar) = &progress {
                    bar.inc(1);
                }
                pairs
            },
        )
        .collect();
    if let Some(bar) = progress {
        bar.finish_and_clear();
    }
    per_text.into_iter().flatten().collect()
}

/// Two documents need at least this many seeds for their gaps to be proposed by order.
///
/// Several seeds show a rewrite following its source; one is an article quoting one claim of
/// another, and the sentences around a quotation are not each other's. It is also what keeps
/// the rule cheap: on a generated 60-article cluster, where articles share a claim or two,
/// proposals from every seed cost 7.7% more instructions, from two seeds on 2.4%, from three
/// 0.1%, and every dev-set gain holds at three (docs/performance.md). It is the context
/// stage's count of sure pairs for one story: the two rules read one fact.
const MIN_SEEDS: usize = context::ONE_STORY;

/// A sure pair whose two texts each occur in one document only: `(doc, other doc, sentence,
/// other sentence)` with `doc < other doc`.
type Seed = (u32, u32, u32, u32);

/// The pairs proposed by order (after Nelken & Shieber 2006: a rewrite follows its source's
/// order, so the gaps beside its sure pairs are likely pairs too, however reworded).
///
/// A seed is a scored pair of two documents that stage 1 is sure of ([`context::is_sure`])
/// whose texts each occur in one document only. A gap is the pair one
/// sentence before or after a seed on both sides, `(i - 1, j - 1)` or `(i + 1, j + 1)`, when
/// neither of its sentences has a seed into the other document, the index did not propose
/// it, and the two documents have at least [`MIN_SEEDS`] seeds. Each gap is judged by stage 1
/// without the shared-terms rule ([`Judge::by_order`]); those it keeps go through the context
/// stage with the others. Runs only with the context stage ([`AlignOptions::context`]).
fn order_proposals(
    judge: &Judge,
    pairs: &[Pair],
    occurrences: &[Occurrences],
    lone: &[Option<u32>],
    placement: &[Vec<usize>],
) -> Vec<Pair> {
    let texts = judge.texts;
    let mut seeds: Vec<Seed> = Vec::new();
    for p in pairs {
        let (u, v) = (p.u as usize, p.v as usize);
        if u == v || !context::is_sure(p.p1, p.templated) || lone[u].is_none() || lone[v].is_none()
        {
            continue;
        }
        for &(d, s) in &occurrences[u] {
            for &(e, t) in &occurrences[v] {
                seeds.push(if d < e { (d, e, s, t) } else { (e, d, t, s) });
            }
        }
    }
    if seeds.is_empty() {
        return Vec::new();
    }
    seeds.sort_unstable();
    seeds.dedup();
    let mut wanted: Vec<(u32, u32)> = Vec::new();
    for group in seeds.chunk_by(|x, y| (x.0, x.1) == (y.0, y.1)) {
        if group.len() < MIN_SEEDS {
            continue;
        }
        let (d, e) = (group[0].0, group[0].1);
        // The sentences of each side with a seed into the other document.
        let mut seeded_d: Vec<u32> = group.iter().map(|x| x.2).collect();
        let mut seeded_e: Vec<u32> = group.iter().map(|x| x.3).collect();
        seeded_d.sort_unstable();
        seeded_e.sort_unstable();
        let (sd, se) = (&placement[d as usize], &placement[e as usize]);
        let inside =
            |i: i64, j: i64| i >= 0 && j >= 0 && (i as usize) < sd.len() && (j as usize) < se.len();
        for &(_, _, s, t) in group {
            for step in [-1i64, 1] {
                let (i, j) = (i64::from(s) + step, i64::from(t) + step);
                if !inside(i, j)
                    || seeded_d.binary_search(&(i as u32)).is_ok()
                    || seeded_e.binary_search(&(j as u32)).is_ok()
                {
                    continue;
                }
                let (u, v) = (sd[i as usize], se[j as usize]);
                if u == v || lone[u].is_none() || lone[v].is_none() {
                    continue;
                }
                if share_enough(texts, u, v) {
                    // The index proposed it (or found only too common terms in common).
                    continue;
                }
                wanted.push((u.min(v) as u32, u.max(v) as u32));
            }
        }
    }
    wanted.sort_unstable();
    wanted.dedup();
    wanted
        .par_iter()
        .filter_map(|&(u, v)| judge.by_order(u as usize, v as usize))
        .collect()
}

/// For each text, the one document it occurs in, or `None` when it occurs in several.
fn lone_documents(occurrences: &[Occurrences]) -> Vec<Option<u32>> {
    occurrences
        .iter()
        .map(|o| o.first().map(|f| f.0).filter(|_| !spans_documents(o)))
        .collect()
}

fn spans_documents(occurrences: &Occurrences) -> bool {
    occurrences.iter().any(|o| o.0 != occurrences[0].0)
}

fn progress_bar(len: usize, wanted: bool) -> Option<indicatif::ProgressBar> {
    if !wanted || !std::io::stderr().is_terminal() {
        return None;
    }
    let bar = indicatif::ProgressBar::new(len as u64);
    let style = indicatif::ProgressStyle::with_template(
        "{spinner} comparing {pos}/{len} distinct sentences [{bar:30}] {eta}",
    )
    .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar());
    bar.set_style(style);
    Some(bar)
}

/// A candidate pair shares at least this many indexed terms...
const MIN_SHARED_TERMS: usize = 2;

/// ...unless one side has so few terms that one shared term is already most of it.
const SHORT_TEXT_TERMS: usize = 3;

/// ...and the shared terms are at least this share of the smaller side's terms. Pairs below
/// it are nearly always "different" (on the 200-article benchmark cluster this keeps 5,684 of
/// 5,685 linked pairs and cuts the pairs scored from 188,000 to 55,000).
const MIN_CONTAINMENT: f64 = 0.25;

/// Whether two texts with `a` and `b` index terms, `shared` of them in common, are a candidate.
fn enough_shared(shared: usize, a: usize, b: usize) -> bool {
    let smaller = a.min(b).max(1);
    let short = smaller <= SHORT_TEXT_TERMS;
    (shared >= MIN_SHARED_TERMS || short) && shared as f64 / smaller as f64 >= MIN_CONTAINMENT
}

/// Whether texts `u` and `v` share enough index terms to be a candidate. The index proposes
/// every pair sharing a term (bar the too common), and this decides, on both paths: the
/// context stage reads a pair in the light of the other candidates of its articles, so the
/// exhaustive path must see the same candidates for the two to give the same links.
fn share_enough(texts: &Texts, u: usize, v: usize) -> bool {
    let (a, b) = (texts.index_terms(u), texts.index_terms(v));
    let shared = crate::pipeline::similarity::features::shared(a, b);
    enough_shared(shared, a.len(), b.len())
}

/// Whether `align` shows the pair to the matcher when no index term is too common to count:
/// its candidate-index terms `terms`
/// ([`crate::pipeline::similarity::features::candidate_terms`]) share enough, the MSRP
/// scorer gives it at least [`MIN_MSRP`] and finds no names conflict (for the pair dump that
/// fits the matcher, `eval links --dump-pairs`).
pub fn scored(scorer: &Scorer, a: &Features, b: &Features, terms: (&[u64], &[u64])) -> bool {
    let shared = crate::pipeline::similarity::features::shared(terms.0, terms.1);
    enough_shared(shared, terms.0.len(), terms.1.len()) && orderable(scorer, a, b)
}

/// Whether `align` may judge the pair by order when it lies next to a seed of its two
/// documents ([`order_proposals`]): what [`scored`] asks bar the shared index terms (for the
/// pair dump, `eval links --dump-pairs`; the caller checks that each text occurs in one
/// document only).
pub fn orderable(scorer: &Scorer, a: &Features, b: &Features) -> bool {
    let (score, rule) = scorer.score_and_rule(a, b);
    score.value >= MIN_MSRP && !is_names_conflict(rule)
}

/// Different parties around one stock phrase ("Dmitriev did not respond…" / "The White House
/// did not respond…"): the scorer's names conflict, which no context may overrule.
fn is_names_conflict(rule: Option<crate::pipeline::similarity::Rule>) -> bool {
    matches!(
        rule,
        Some(crate::pipeline::similarity::Rule::Conflict(
            crate::pipeline::similarity::features::Conflict::Names
        ))
    )
}

/// Inverted index from index term to the distinct texts that have it (ascending).
struct Index {
    postings: FastMap<u64, Vec<u32>>,
}

impl Index {
    fn build(texts: &Texts, max_df: usize) -> Index {
        let mut postings: FastMap<u64, Vec<u32>> = FastMap::default();
        for u in 0..texts.len() {
            for &term in texts.index_terms(u) {
                postings.entry(term).or_default().push(u as u32);
            }
        }
        postings.retain(|_, list| list.len() <= max_df);
        Index { postings }
    }

    /// Texts after `u` sharing at least one indexed term with it, ascending. `seen` is scratch
    /// space of one slot per text, all zero on entry and on return.
    fn candidates(&self, texts: &Texts, u: usize, seen: &mut [u32]) -> Vec<usize> {
        let mut found = Vec::new();
        for term in texts.index_terms(u) {
            let Some(list) = self.postings.get(term) else {
                continue;
            };
            let after = list.partition_point(|&v| v as usize <= u);
            for &v in &list[after..] {
                if seen[v as usize] == 0 {
                    found.push(v as usize);
                }
                seen[v as usize] += 1;
            }
        }
        let terms = |t: usize| texts.index_terms(t).len();
        found.retain(|&v| {
            let shared = seen[v] as usize;
            seen[v] = 0;
            enough_shared(shared, terms(u), terms(v))
        });
        found.sort_unstable();
        found
    }
}

/// A matched distinct text and how well it matches.
#[derive(Clone, Copy, Debug)]
struct Neighbour {
    text: u32,
    /// Stage-1 probability.
    p1: f64,
    /// The MSRP scorer's probability.
    msrp: f64,
    verdict: Verdict,
    /// Whether stage 1 or the MSRP scorer links the pair by itself.
    first_link: bool,
    /// Share of this text's claim that the neighbour states.
    coverage: f64,
    /// What proposed the pair.
    proposed: Proposed,
    /// Every figure of the two texts differs.
    templated: bool,
}

fn neighbours(n: usize, pairs: Vec<Pair>) -> Vec<Vec<Neighbour>> {
    let mut out: Vec<Vec<Neighbour>> = vec![Vec::new(); n];
    for p in pairs {
        let to = |text, coverage| Neighbour {
            text,
            p1: p.p1,
            msrp: p.msrp,
            verdict: p.verdict,
            first_link: p.first_link,
            coverage,
            proposed: p.proposed,
            templated: p.templated,
        };
        out[p.u as usize].push(to(p.v, p.coverage.0));
        if p.u != p.v {
            out[p.v as usize].push(to(p.u, p.coverage.1));
        }
    }
    out
}

/// The links and support of sentence `u` of `context.doc` from the links the context stage
/// kept for it.
fn sentence_links(
    context: &Context,
    story: &mut Story,
    u: usize,
    candidates: Vec<Found>,
    max_links: usize,
) -> SentenceLinks {
    let Context {
        doc,
        texts,
        occurrences,
        groups,
    } = *context;
    let mut found: Vec<(Link, u32)> = Vec::new();
    let mut docs = Vec::new();
    // A document that has this very text states the claim there; its other sentences are not
    // further links (an identical copy links each sentence to its own copy only).
    let copies: Vec<u32> = occurrences[u].iter().map(|o| o.0).collect();
    for (link, text, n) in candidates {
        let d = link.doc as u32;
        if !(is_anchored(texts, u, &n) || story.related(d as usize)) {
            continue;
        }
        if text as usize != u && copies.contains(&d) {
            continue;
        }
        docs.push(d);
        found.push((link, text));
    }
    docs.sort_unstable();
    docs.dedup();
    let own = groups[doc];
    let mut independent: Vec<u32> = docs
        .iter()
        .map(|&d| groups[d as usize])
        .filter(|&g| g != own)
        .collect();
    independent.sort_unstable();
    independent.dedup();
    found.sort_by(|(x, _), (y, _)| link_order(x, y));
    SentenceLinks {
        links: keep_best(found, max_links),
        support: docs.len(),
        independent_support: independent.len(),
    }
}

/// The best `max_links` links, plus the best link to every other matching text beyond them:
/// fifty wire copies of one sentence must not crowd out the one rewrite that changed a figure.
fn keep_best(found: Vec<(Link, u32)>, max_links: usize) -> Vec<Link> {
    let mut texts: Vec<u32> = Vec::new();
    let mut kept = Vec::new();
    for (link, text) in found {
        let new_text = !texts.contains(&text);
        if kept.len() < max_links || new_text {
            kept.push(link);
        }
        if new_text {
            texts.push(text);
        }
    }
    kept.shrink_to_fit();
    kept
}

fn link_order(x: &Link, y: &Link) -> std::cmp::Ordering {
    y.score
        .total_cmp(&x.score)
        .then(x.doc.cmp(&y.doc))
        .then(x.sentence.cmp(&y.sentence))
}

/// Best first; ties broken by position so output never depends on scoring order.
pub fn sort_links(links: &mut [Link]) {
    links.sort_by(link_order);
}

/// Why a pair of sentences in two documents never reaches the context stage.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum NotCandidate {
    /// Too few index terms in common: a candidate shares at least two (one when the smaller
    /// side has at most three) and a quarter of the smaller side's.
    FewSharedTerms {
        /// Index terms in common.
        shared: usize,
        /// Index terms of the smaller side.
        smaller: usize,
    },
    /// Every index term they share is too common to propose candidates
    /// ([`AlignOptions::max_df`]).
    CommonTermsOnly,
    /// The MSRP scorer gives them this, less than its floor of 0.01.
    ScorerBelowFloor(f64),
    /// Different parties around one stock phrase: the scorer's names conflict.
    NamesConflict,
    /// Stage 1 gives them this, less than [`context::FLOOR`].
    Stage1BelowFloor(f64),
}

/// Why a pair the context stage would link is not linked.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Dropped {
    /// The pair is an unanchored paraphrase and the two articles show no sign of telling one
    /// story (no shared anchored claim, no distinctive name in common).
    OtherStory,
    /// The other article has this very text in another sentence, which is the link.
    CopyElsewhere,
}

/// How the context stage read a candidate pair.
#[derive(Clone, Debug, PartialEq)]
pub struct ContextDecision {
    /// Stage-1 probability.
    pub stage1: f64,
    /// The context measures, in the order of [`context::MEASURES`].
    pub measures: [f64; crate::pipeline::matcher_model::CONTEXT_N],
    /// The context probability ([`context::probabilities`]); it links at
    /// [`context::THRESHOLD`].
    pub probability: f64,
    /// How many candidate pairs the two documents have, this one included.
    pub candidates: usize,
    /// Proposed by order, next to a sure pair, rather than by shared terms.
    pub by_order: bool,
    /// Why a pair at or above the threshold is not linked.
    pub dropped: Option<Dropped>,
}

/// What the alignment decided about one pair of sentences in two documents, and why.
#[derive(Clone, Debug, PartialEq)]
pub enum PairDecision {
    /// Both sentences are one text: a copy links to its copy.
    SameText,
    /// The pair never reaches the context stage.
    NotCandidate(NotCandidate),
    /// The context stage read it among the other candidate pairs of the two documents.
    Context(ContextDecision),
}

/// The decision on sentences `a` and `b` of two documents, reached as [`align`] reaches it:
/// the same judge, the same candidates of the two documents, the same story rule.
fn explain_pair(
    judge: &Judge,
    context: &Context,
    mut story: Story,
    placement: &[Vec<usize>],
    neighbours: &[Vec<Neighbour>],
    (a, b): (At, At),
) -> PairDecision {
    let (u, v) = (placement[a.0][a.1], placement[b.0][b.1]);
    if u == v {
        return PairDecision::SameText;
    }
    let (pairs, found): (Vec<context::Candidate>, Vec<Neighbour>) =
        document_candidates(context, &placement[a.0], neighbours)
            .into_iter()
            .filter(|(d, _, _)| *d as usize == b.0)
            .map(|(_, c, n)| (c, n))
            .unzip();
    let key = (a.1 as u32, b.1 as u32);
    let Ok(i) = pairs.binary_search_by(|c| (c.a, c.b).cmp(&key)) else {
        return PairDecision::NotCandidate(match judge.judge(u.min(v), u.max(v)) {
            Err(why) => why,
            // Judged a candidate, yet the index never proposed it.
            Ok(_) => NotCandidate::CommonTermsOnly,
        });
    };
    let sizes = (placement[a.0].len(), placement[b.0].len());
    let probability = context::probabilities(&pairs, sizes)[i];
    let n = found[i];
    let dropped = if probability < context::THRESHOLD {
        None
    } else if !(is_anchored(context.texts, u, &n) || story.related(b.0)) {
        Some(Dropped::OtherStory)
    } else if context.occurrences[u].iter().any(|o| o.0 as usize == b.0) {
        Some(Dropped::CopyElsewhere)
    } else {
        None
    };
    PairDecision::Context(ContextDecision {
        stage1: pairs[i].p,
        measures: context::measures(&pairs, sizes)[i],
        probability,
        candidates: pairs.len(),
        by_order: pairs[i].by_order,
        dropped,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pipeline::similarity::Thresholds;

    fn groups(placement: &[Vec<usize>]) -> Vec<u32> {
        (0..placement.len() as u32).collect()
    }

    fn features(texts: &[&'static str]) -> Texts<'static> {
        Texts::new(texts.to_vec())
    }

    fn align(
        texts: &Texts,
        placement: &[Vec<usize>],
        groups: &[u32],
        scorer: &Scorer,
        options: &AlignOptions,
    ) -> Vec<Vec<SentenceLinks>> {
        super::align(texts, placement, groups, scorer, options).links
    }

    /// Aligns with the default scorer and options, each document its own group.
    fn aligned(texts: &Texts, placement: &[Vec<usize>]) -> Vec<Vec<SentenceLinks>> {
        let scorer = Scorer::new(Thresholds::default());
        let options = AlignOptions::default();
        align(texts, placement, &groups(placement), &scorer, &options)
    }

    #[test]
    fn copies_link_to_every_other_document_but_not_their_own() {
        let texts = features(&["Officials met in Geneva on Sunday to revise the peace plan."]);
        let placement = vec![vec![0, 0], vec![0], vec![]];
        let out = aligned(&texts, &placement);
        assert_eq!(out[0][0].links.len(), 1);
        assert_eq!((out[0][0].links[0].doc, out[0][0].support), (1, 1));
        assert_eq!(out[1][0].links.len(), 2);
        assert_eq!(out[1][0].support, 1);
    }

    /// Two council votes in two towns: the third sentences say alike things about different
    /// hearings; the first two name each story's own people and places.
    fn two_towns() -> (Texts<'static>, Vec<Vec<usize>>) {
        let texts = features(&[
            "The Fairhaven council voted to raise parking rates, Mayor Ortiz said.",
            "Councilwoman Pell of Fairhaven opposed the increase.",
            "Most of the 40 residents who spoke at the hearing opposed the increase.",
            "The Brookdale council voted to borrow money for a library, Mayor Albrecht said.",
            "Councilman Munoz of Brookdale opposed the loan.",
            "Most of the 25 residents who spoke at the hearing supported the library.",
        ]);
        (texts, vec![vec![0, 1, 2], vec![3, 4, 5]])
    }

    fn links_between_towns(options: &AlignOptions) -> usize {
        let (texts, placement) = two_towns();
        let scorer = Scorer::new(Thresholds::default());
        align(&texts, &placement, &groups(&placement), &scorer, options)[0]
            .iter()
            .map(|s| s.links.len())
            .sum()
    }

    #[test]
    fn paraphrases_are_not_matched_across_different_stories() {
        assert_eq!(links_between_towns(&AlignOptions::default()), 0);
        // With `--any-story` the matcher itself now tells these two apart (every number
        // differs, "opposed" is not "supported"); the rule stays for look-alikes it cannot.
    }

    #[test]
    fn a_shared_anchored_claim_lets_unanchored_paraphrases_through() {
        // One story in two articles: the first pair shares "Whitfield", so the second pair,
        // which names no one, may match too.
        let texts = features(&[
            "Sheriff Dana Whitfield ordered the Elk Ridge neighborhood evacuated on Saturday.",
            "Most of the 40 residents who spoke at the hearing opposed the plan.",
            "On Saturday Sheriff Whitfield ordered Elk Ridge evacuated.",
            "Most of the 40 residents who spoke at the hearing were against the plan.",
        ]);
        let placement = vec![vec![0, 1], vec![2, 3]];
        let out = aligned(&texts, &placement);
        assert_eq!(out[0][1].links.len(), 1, "{out:?}");
    }

    /// Whether `explained` says the pair is linked.
    fn decided_linked(decision: &PairDecision) -> bool {
        match decision {
            PairDecision::SameText => true,
            PairDecision::NotCandidate(_) => false,
            PairDecision::Context(c) => c.probability >= context::THRESHOLD && c.dropped.is_none(),
        }
    }

    #[test]
    fn the_explained_decision_is_the_link_align_makes() {
        let (towns, town_placement) = two_towns();
        let story = features(&[
            "Sheriff Dana Whitfield ordered the Elk Ridge neighborhood evacuated on Saturday.",
            "Most of the 40 residents who spoke at the hearing opposed the plan.",
            "Officials met in Geneva on Sunday to revise the peace plan.",
            "On Saturday Sheriff Whitfield ordered Elk Ridge evacuated.",
            "Most of the 40 residents who spoke at the hearing were against the plan.",
        ]);
        let scorer = Scorer::new(Thresholds::default());
        let mut decisions = 0;
        for (texts, placement) in [
            (&towns, town_placement),
            (&story, vec![vec![0, 1, 2], vec![3, 4, 2]]),
        ] {
            let links = aligned(texts, &placement);
            for (a, b) in [(0usize, 1usize), (1, 0)] {
                for s in 0..placement[a].len() {
                    for t in 0..placement[b].len() {
                        let options = AlignOptions {
                            explain: Some(((a, s), (b, t))),
                            ..AlignOptions::default()
                        };
                        let out =
                            super::align(texts, &placement, &groups(&placement), &scorer, &options);
                        assert_eq!(out.links, links, "asking changes no link");
                        let decision = out.explained.expect("asked");
                        let linked = links[a][s]
                            .links
                            .iter()
                            .any(|l| (l.doc, l.sentence) == (b, t));
                        assert_eq!(
                            decided_linked(&decision),
                            linked,
                            "{a}:{s} {b}:{t} {decision:?}"
                        );
                        decisions += 1;
                    }
                }
            }
        }
        assert_eq!(decisions, 2 * 9 + 2 * 9);
    }

    /// A rewrite that keeps four claims of its source almost word for word and rewords the
    /// one between them with synonyms: the two share no rare term, so only order proposes them.
    fn rewrite_around_a_reworded_claim() -> (Texts<'static>, Vec<Vec<usize>>) {
        let texts = features(&[
            "Two masked men robbed an armored truck outside the Halvorsen Mall in Dunmore on Tuesday.",
            "The guard was treated for a head wound at Mercy Hospital and released.",
            "Investigators believe the men switched to a second vehicle there.",
            "Police Chief Anita Sorensen asked witnesses to call the department.",
            "The truck was carrying about $400,000, the Ostrander Security company said.",
            "Two masked men robbed an armored truck outside the Halvorsen Mall in Dunmore.",
            "The guard was treated for a head wound at Mercy Hospital and was released.",
            "Detectives think the robbers swapped cars there.",
            "Police Chief Anita Sorensen asked any witnesses to call the department.",
            "The truck carried about $400,000, the Ostrander Security company said.",
        ]);
        (texts, vec![vec![0, 1, 2, 3, 4], vec![5, 6, 7, 8, 9]])
    }

    fn decision(texts: &Texts, placement: &[Vec<usize>], a: At, b: At) -> PairDecision {
        let scorer = Scorer::new(Thresholds::default());
        let options = AlignOptions {
            explain: Some((a, b)),
            ..AlignOptions::default()
        };
        super::align(texts, placement, &groups(placement), &scorer, &options)
            .explained
            .expect("asked")
    }

    #[test]
    fn a_reworded_claim_between_sure_pairs_is_proposed_by_order() {
        let (texts, placement) = rewrite_around_a_reworded_claim();
        assert!(!share_enough(&texts, 2, 7), "the index must not propose it");
        match decision(&texts, &placement, (0, 2), (1, 2)) {
            PairDecision::Context(c) => assert!(c.by_order, "{c:?}"),
            other => panic!("not proposed by order: {other:?}"),
        }
        let linked = |out: &[Vec<SentenceLinks>]| {
            out[0][2]
                .links
                .iter()
                .any(|l| (l.doc, l.sentence) == (1, 2))
        };
        assert!(linked(&aligned(&texts, &placement)));
        // Without the context stage, order proposes nothing.
        let scorer = Scorer::new(Thresholds::default());
        let no_context = AlignOptions {
            context: false,
            ..AlignOptions::default()
        };
        let out = align(
            &texts,
            &placement,
            &groups(&placement),
            &scorer,
            &no_context,
        );
        assert!(!linked(&out));
        // With fewer than `MIN_SEEDS` seeds (the rewrite keeps one claim around it), neither.
        let few = vec![vec![0, 1, 2, 3, 4], vec![5, 7]];
        assert!(matches!(
            decision(&texts, &few, (0, 2), (1, 1)),
            PairDecision::NotCandidate(NotCandidate::FewSharedTerms { .. })
        ));
    }

    #[test]
    fn a_pair_sharing_no_term_is_no_candidate_and_says_so() {
        let texts = features(&[
            "Investigators believe the men switched to a second vehicle there.",
            "Markets rallied after the central bank held rates steady.",
        ]);
        let placement = vec![vec![0], vec![1]];
        let scorer = Scorer::new(Thresholds::default());
        let options = AlignOptions {
            explain: Some(((0, 0), (1, 0))),
            ..AlignOptions::default()
        };
        let out = super::align(&texts, &placement, &groups(&placement), &scorer, &options);
        assert!(
            matches!(
                out.explained,
                Some(PairDecision::NotCandidate(NotCandidate::FewSharedTerms {
                    shared: 0,
                    ..
                }))
            ),
            "{:?}",
            out.explained
        );
    }

    #[test]
    fn index_finds_what_exhaustive_finds_on_small_input() {
        let texts = features(&[
            "The senator texted Rubio on Saturday morning about the plan.",
            "On Saturday morning the senator texted Rubio about the peace plan.",
            "Markets rallied after the central bank held rates steady.",
        ]);
        let placement = vec![vec![0, 2], vec![1]];
        let scorer = Scorer::new(Thresholds::default());
        let fast = align(
            &texts,
            &placement,
            &groups(&placement),
            &scorer,
            &AlignOptions::default(),
        );
        let exhaustive = AlignOptions {
            exhaustive: true,
            ..AlignOptions::default()
        };
        assert_eq!(
            fast,
            align(
                &texts,
                &placement,
                &groups(&placement),
                &scorer,
                &exhaustive
            )
        );
        assert_eq!(fast[1][0].links[0].sentence, 0);
    }

    #[test]
    fn support_counts_documents_beyond_the_link_cap() {
        let texts = features(&["Rubio disputed the lawmakers' claim about the draft."]);
        let placement = vec![vec![0]; 5];
        let scorer = Scorer::new(Thresholds::default());
        let capped = AlignOptions {
            max_links: 2,
            ..AlignOptions::default()
        };
        let out = align(&texts, &placement, &groups(&placement), &scorer, &capped);
        assert_eq!((out[0][0].links.len(), out[0][0].support), (2, 4));
    }
}

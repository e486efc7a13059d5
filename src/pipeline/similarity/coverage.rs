//! Claim coverage: how much of what one sentence claims another sentence states.
//!
//! Takes two sentences' claim words (the claim's credit and stock phrases left out) cut into
//! claim units at clause boundaries and list items; returns, each way, the weighted
//! share of the words the other sentence has (same stem, an acronym and its spelled-out name,
//! same 5-letter prefix), for the whole sentence and for its best-covered unit.
//!
//! The one idea: a rewrite keeps a claim, not a sentence. "after the council voted 5-2 to
//! close it" states one of the two claims of the original's lead; the lead as a whole is
//! half covered, its first unit fully. Weights are rarity in news (IDF) times rarity in the
//! story at hand, so the names every sentence of the story repeats count for little and the
//! words that single out one claim count most.

// words that open a new claim unit when a clause boundary precedes them, or always
use crate::lexicon::CLAIM_OPENERS as OPENERS;
use std::collections::HashMap;
use std::ops::Range;
use std::sync::OnceLock;

use super::features::{analyse_credited, analyse_marked, first_chars, hash, idf, Kind, Token};
use super::vectors::{self, WordVector, NEIGHBOUR_THRESHOLD};
use crate::id::FastMap;
use crate::lexicon::ANTONYMS;
pub use crate::pipeline::reading::terms::Credit;

/// Stem hash to the stem hashes of its opposites, read once from [`ANTONYMS`].
fn antonyms() -> &'static HashMap<u64, Vec<u64>> {
    static MAP: OnceLock<HashMap<u64, Vec<u64>>> = OnceLock::new();
    MAP.get_or_init(|| {
        let mut map: HashMap<u64, Vec<u64>> = HashMap::new();
        for line in ANTONYMS.lines().map(str::trim) {
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let words: Vec<u64> = crate::pipeline::reading::entry_words(line)
                .map(|w| hash(&crate::pipeline::reading::stem(&w.to_lowercase())))
                .collect();
            if let [a, b] = words[..] {
                map.entry(a).or_default().push(b);
                map.entry(b).or_default().push(a);
            }
        }
        map
    })
}

/// Whether the two stems are listed as opposites.
fn opposite(a: u64, b: u64) -> bool {
    antonyms().get(&a).is_some_and(|o| o.contains(&b))
}

/// A claim word: its stem and prefix hashed, its news IDF, and what it is.
#[derive(Clone, Debug, PartialEq)]
pub struct Word {
    /// Hash of the stem (numbers: digits).
    pub stem: u64,
    /// Hash of the stem's first five letters (Ukraine ~ Ukrainian), 0 for short stems.
    pub prefix: u64,
    /// IDF in news sentences.
    pub idf: f64,
    /// Capitalised name or acronym.
    pub name: bool,
    /// A number.
    pub number: bool,
    /// Its word vector, when the table lists it (numbers and names have none).
    pub vector: Option<WordVector>,
    /// Listed in the antonym file (rise, fall, approve...).
    pub directional: bool,
    /// A name in capitals sure enough to spell a spelled-out one ("U.N.", "FTC": dotted, or
    /// three capitals or more); its stem is its letters.
    pub acronym: bool,
    /// For a word of a run of capitalised words, the hash of the run's initials ("United
    /// Nations": "un", "Federal Bureau of Investigation": "fbi"); 0 otherwise.
    pub expansion: u64,
}

/// A sentence's claim words, cut into units.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ClaimWords {
    /// Content words and numbers outside the claim's credit and stock phrases, in order.
    pub words: Vec<Word>,
    /// Ranges of `words`, one per claim unit, in order, covering every word.
    pub units: Vec<Range<usize>>,
}

/// A unit must hold at least this many words, or it joins the one before.
const MIN_UNIT_WORDS: usize = 3;

impl ClaimWords {
    /// Reads the claim words of `text`.
    pub fn new(text: &str) -> ClaimWords {
        let (tokens, boundaries) = analyse_marked(text);
        ClaimWords::from_tokens(&tokens, &boundaries)
    }

    /// The claim words of `text`, whose words are at `spans`, without the words of its
    /// credit. The attribution stage finds more of a credit than the term view's clauses
    /// (", police said"): the subject that opens a claim ("Police Chief Anita Sorensen said
    /// the guard was hit") is who says it, not what is said.
    pub fn credited(text: &str, spans: &[Range<usize>], credit: &Credit) -> ClaimWords {
        let (tokens, boundaries) = analyse_credited(text, spans, credit);
        ClaimWords::from_tokens(&tokens, &boundaries)
    }

    /// The claim words of a sentence from its tokens and whether a clause boundary precedes
    /// each, as [`analyse_marked`] gives them.
    pub fn from_tokens(tokens: &[Token], boundaries: &[bool]) -> ClaimWords {
        let mut words = Vec::new();
        let mut starts = vec![0];
        let mut since_start = 0;
        let mut run = NameRun::default();
        let (mut name_before, mut month_before, mut abbreviation_before) = (false, false, false);
        for (t, &boundary) in tokens.iter().zip(boundaries) {
            let month = t.text.starts_with(char::is_uppercase) && is_month(&t.text);
            // "Nov." ends in a dot, which reads as a boundary before the day
            let abbreviated = month && t.text.trim_end_matches('.').len() <= 4;
            let after_abbreviation = std::mem::replace(&mut abbreviation_before, abbreviated);
            // (a possessive name too: "Standard & Poor's 500"; "the Dow's 500-point drop"
            // loses its figure to it)
            let after_name = std::mem::replace(&mut name_before, t.name && !month);
            let after_month = std::mem::replace(&mut month_before, month);
            run.read(t, boundary, &mut words);
            let lower = crate::pipeline::reading::lowercase(&t.text);
            // "and" too: a list of demands is a claim per item ("the troop cap and economic
            // agreements"); tried with "and" opening only after a comma, CV recall 0.868
            // against 0.884 at the same precision (docs/accuracy.md).
            let opens = OPENERS.contains(&&*lower);
            if (opens || boundary) && since_start >= MIN_UNIT_WORDS {
                starts.push(words.len());
                since_start = 0;
            }
            if !is_claim_word(t) {
                // "States" of "United States" reads as a cue, yet it spells "U.S."
                if t.kind != Kind::Stop {
                    run.add(t, None);
                }
                continue;
            }
            let prefix = first_chars(&t.stem, 5);
            // A day after a month is a date's, met only by a date's ("Nov. 19" is not "19
            // points"); it stays a figure.
            let day = t.kind == Kind::Number && after_month && (!boundary || after_abbreviation);
            let stem = if day {
                hash(&format!("day {}", t.stem))
            } else {
                hash(&t.stem)
            };
            // A figure right after a name is part of it ("S&P 500", "Route 9", "Local 412"),
            // not a quantity the claim states.
            let named = t.kind == Kind::Number && after_name && !boundary;
            let number = t.kind == Kind::Number && !named;
            words.push(Word {
                stem,
                prefix: if prefix.len() == 5 { hash(prefix) } else { 0 },
                idf: if t.kind == Kind::Number {
                    6.0
                } else {
                    idf(&t.stem)
                },
                name: t.name || named,
                number,
                vector: if number || t.name {
                    None
                } else {
                    vectors::vector(&lower)
                },
                directional: antonyms().contains_key(&stem),
                acronym: t.name && t.capitals && spells_a_name(&t.text),
                expansion: 0,
            });
            run.add(t, Some(words.len() - 1));
            since_start += 1;
        }
        run.close(&mut words);
        starts.dedup();
        starts.retain(|&s| s < words.len());
        if starts.is_empty() {
            starts.push(0);
        }
        // The last unit must be long enough too.
        if starts.len() > 1 && words.len() - starts[starts.len() - 1] < MIN_UNIT_WORDS {
            starts.pop();
        }
        let units = starts
            .iter()
            .enumerate()
            .map(|(i, &s)| s..starts.get(i + 1).copied().unwrap_or(words.len()))
            .collect();
        ClaimWords { words, units }
    }
}

/// Whether a word as written names a month ("March", "Nov.", "Sept."): the day after it is a
/// figure ("March 31"), not part of a name.
fn is_month(word: &str) -> bool {
    let lower = crate::pipeline::reading::lowercase(word.trim_end_matches('.'));
    crate::lexicon::calendar::month_of(&lower).is_some()
}

/// Function words a spelled-out name may hold without breaking it ("Bureau of Investigation").
/// Not "and": it joins two names as often as it sits inside one ("Apple and Google").
const NAME_JOINERS: [&str; 3] = ["of", "for", "on"];

/// A run of capitalised words being read, to match it with its acronym ("the United Nations"
/// in one article, "the U.N." in the other): its initials and its claim words.
#[derive(Default)]
struct NameRun {
    initials: String,
    words: Vec<usize>,
}

impl NameRun {
    /// Closes the run before `t` unless `t` continues it: a capitalised word that is no
    /// acronym, or a joiner inside the run, with no clause boundary before it.
    fn read(&mut self, t: &Token, boundary: bool, words: &mut [Word]) {
        let joiner = !self.initials.is_empty()
            && NAME_JOINERS.iter().any(|j| t.text.eq_ignore_ascii_case(j));
        if boundary || !(joiner || (t.possible_name && !t.capitals)) {
            self.close(words);
        }
    }

    /// Adds token `t` to the run when it is a capitalised word: its initial, and its claim word
    /// `index` if it is one (a word left out of the claim still spells its letter).
    fn add(&mut self, t: &Token, index: Option<usize>) {
        if t.possible_name && !t.capitals {
            if let Some(c) = t.text.chars().next() {
                self.initials.extend(c.to_lowercase());
                self.words.extend(index);
            }
        }
    }

    /// Gives the run's claim words the hash of its initials when it has two words or more.
    fn close(&mut self, words: &mut [Word]) {
        if self.initials.chars().count() >= 2 && !self.words.is_empty() {
            let initials = hash(&self.initials);
            self.words
                .iter()
                .for_each(|&i| words[i].expansion = initials);
        }
        self.initials.clear();
        self.words.clear();
    }
}

/// Whether a word in capitals ([`Token::capitals`]) is sure enough to stand for a spelled-out
/// name: dotted ("U.N.") or three letters or more ("FBI"). Two bare capitals are too often something else's initials
/// ("VP" and "Vladimir Putin", "AI" and "Air India").
fn spells_a_name(text: &str) -> bool {
    text.contains('.') || text.chars().filter(char::is_ascii_uppercase).count() >= 3
}

/// Whether `w` and `o` are an acronym and its spelled-out name, either way round.
fn spells(w: &Word, o: &Word) -> bool {
    (w.expansion != 0 && o.acronym && o.stem == w.expansion) || (w.acronym && o.expansion == w.stem)
}

/// Whether a token is one of the claim words: no stop word, no credit, no stock phrase.
fn is_claim_word(t: &Token) -> bool {
    !(t.kind == Kind::Stop || t.credited || t.stock)
}

/// The distinct stem hashes of the claim words of a sentence's tokens, sorted: what
/// [`StoryWeights`] counts of it, without the rest of its [`ClaimWords`].
pub fn claim_stems(tokens: &[Token]) -> Vec<u64> {
    let mut stems: Vec<u64> = tokens
        .iter()
        .filter(|t| is_claim_word(t))
        .map(|t| hash(&t.stem))
        .collect();
    stems.sort_unstable();
    stems.dedup();
    stems
}

/// A sentence's claim words with each word's weight in the story it is read in
/// ([`StoryWeights::weights`]): weighed once per sentence, not once per pair it is in.
#[derive(Clone, Copy, Debug)]
pub struct Weighed<'a> {
    /// The claim words.
    pub claims: &'a ClaimWords,
    /// `claims.words[i]`'s story weight at `i`.
    pub weights: &'a [f64],
}

/// How often each stem occurs in the sentences of a story, for [`StoryWeights`].
#[derive(Clone, Debug, Default)]
pub struct StoryWeights {
    df: FastMap<u64, u32>,
    sentences: usize,
    /// ln(1 + sentences), kept with the count: [`StoryWeights::weight`] is asked for every
    /// word of every scored pair.
    log_sentences: f64,
}

impl StoryWeights {
    /// Counts the stems of `sentences` (each sentence once per stem).
    pub fn new<'a>(sentences: impl IntoIterator<Item = &'a ClaimWords>) -> StoryWeights {
        StoryWeights::from_stems(sentences.into_iter().map(|s| {
            let mut stems: Vec<u64> = s.words.iter().map(|w| w.stem).collect();
            stems.sort_unstable();
            stems.dedup();
            stems
        }))
    }

    /// Counts the stems of sentences given as their distinct stems ([`claim_stems`]).
    pub fn from_stems<S: AsRef<[u64]>>(sentences: impl IntoIterator<Item = S>) -> StoryWeights {
        let mut weights = StoryWeights::default();
        for stems in sentences {
            weights.add(stems.as_ref());
        }
        weights
    }

    /// Counts one more sentence, given as its distinct stems ([`claim_stems`]).
    pub fn add(&mut self, stems: &[u64]) {
        self.sentences += 1;
        self.log_sentences = (1.0 + self.sentences as f64).ln();
        for &stem in stems {
            *self.df.entry(stem).or_default() += 1;
        }
    }

    /// The weight of each of `c`'s words ([`StoryWeights::weight`]), in order.
    pub fn weights(&self, c: &ClaimWords) -> Box<[f64]> {
        c.words.iter().map(|w| self.weight(w)).collect()
    }

    /// The weight of a word: news IDF times its rarity in the story, in (0, 1].
    pub fn weight(&self, w: &Word) -> f64 {
        let n = self.sentences as f64;
        let df = self.df.get(&w.stem).copied().unwrap_or(1).max(1) as f64;
        let local = if n <= 1.0 {
            1.0
        } else {
            ((1.0 + n / df).ln() / self.log_sentences).clamp(0.05, 1.0)
        };
        w.idf.max(0.1) * local
    }
}

/// The most a semantic neighbour counts for (a shared stem counts 1).
pub const NEIGHBOUR_MATCH: f64 = 0.7;

/// At this cosine or above a neighbour counts [`NEIGHBOUR_MATCH`] in full.
const FULL_NEIGHBOUR_COSINE: f32 = 0.7;

/// How well one word of a sentence is matched by the other sentence's words: 1 for the same
/// stem, 0.9 for the same 5-letter prefix, and with `semantic` a neighbour's cosine above
/// [`NEIGHBOUR_THRESHOLD`] scaled up to [`NEIGHBOUR_MATCH`]. An opposite is no neighbour:
/// "rose" and "fell" sit close in the table.
fn matched(w: &Word, other: &[Word], semantic: bool) -> f64 {
    if let Some(m) = lexical(w, other) {
        return m;
    }
    let Some(v) = w.vector.as_ref().filter(|_| semantic) else {
        return 0.0;
    };
    let best = other
        .iter()
        .filter(|o| !(w.directional && o.directional && opposite(w.stem, o.stem)))
        .filter_map(|o| o.vector.as_ref().map(|ov| v.cosine(ov)))
        .fold(f32::MIN, f32::max);
    scaled(best)
}

/// 1 for a shared stem or an acronym and its spelled-out name, 0.9 for a shared prefix,
/// `None` for none of these.
fn lexical(w: &Word, other: &[Word]) -> Option<f64> {
    if other.iter().any(|o| o.stem == w.stem || spells(w, o)) {
        Some(1.0)
    } else if w.prefix != 0 && other.iter().any(|o| o.prefix == w.prefix) {
        Some(0.9)
    } else {
        None
    }
}

/// A neighbour's cosine as a match: 0 at or below the threshold, up to [`NEIGHBOUR_MATCH`].
fn scaled(best: f32) -> f64 {
    if best <= NEIGHBOUR_THRESHOLD {
        return 0.0;
    }
    let scaled = (best - NEIGHBOUR_THRESHOLD) / (FULL_NEIGHBOUR_COSINE - NEIGHBOUR_THRESHOLD);
    NEIGHBOUR_MATCH * f64::from(scaled.min(1.0))
}

/// Whether one sentence states a direction the other reverses: a word of each is listed as
/// opposites and neither sentence has the other's word ("Revenue rose 7 percent" / "Revenue
/// fell 4 percent").
pub fn opposed(a: &ClaimWords, b: &ClaimWords) -> bool {
    let has = |c: &ClaimWords, stem: u64| c.words.iter().any(|w| w.stem == stem);
    a.words.iter().filter(|w| w.directional).any(|x| {
        b.words
            .iter()
            .filter(|y| y.directional && opposite(x.stem, y.stem))
            .any(|y| !has(b, x.stem) && !has(a, y.stem))
    })
}

/// Sorted distinct number stems of a sentence.
pub fn numbers(c: &ClaimWords) -> Vec<u64> {
    let mut v: Vec<u64> = c
        .words
        .iter()
        .filter(|w| w.number)
        .map(|w| w.stem)
        .collect();
    v.sort_unstable();
    v.dedup();
    v
}

/// Coverage of `a` by `b`, one way.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Coverage {
    /// Weighted share of `a`'s words that `b` has.
    pub whole: f64,
    /// The same for `a`'s best-covered unit.
    pub best_unit: f64,
    /// The weight of that unit's words.
    pub best_unit_weight: f64,
    /// Total weight of `a`'s words.
    pub weight: f64,
}

/// Coverage of `a` by `b`, weighting each word by `weight`, on shared forms only.
pub fn coverage(a: &ClaimWords, b: &ClaimWords, weight: impl Fn(&Word) -> f64) -> Coverage {
    coverage_with(a, b, weight, false)
}

/// Coverage of `a` by `b` that also counts semantic neighbours (see [`matched`]).
pub fn semantic_coverage(
    a: &ClaimWords,
    b: &ClaimWords,
    weight: impl Fn(&Word) -> f64,
) -> Coverage {
    coverage_with(a, b, weight, true)
}

fn coverage_with(
    a: &ClaimWords,
    b: &ClaimWords,
    weight: impl Fn(&Word) -> f64,
    semantic: bool,
) -> Coverage {
    share_of(
        a,
        |i| weight(&a.words[i]),
        |i| matched(&a.words[i], &b.words, semantic),
    )
}

/// The coverages the matcher reads of a pair, each as (`a` by `b`, `b` by `a`).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct PairCoverages {
    /// Shared forms, words weighted by news IDF.
    pub news: (Coverage, Coverage),
    /// Shared forms, words weighted by the story ([`StoryWeights::weight`]).
    pub local: (Coverage, Coverage),
    /// Shared forms and semantic neighbours, story-weighted.
    pub semantic: (Coverage, Coverage),
}

/// The six coverages of a pair at once. Equal to [`coverage`] with `|w| w.idf` and with the
/// story's weight, and [`semantic_coverage`] with the story's weight, each both ways; but each
/// word's shared-form match and story weight is found once, and a word pair's cosine (the
/// costly part) only where a word has no shared form in the other sentence.
pub fn pair_coverages(a: Weighed, b: Weighed) -> PairCoverages {
    let (local_a, local_b) = (a.weights, b.weights);
    let (a, b) = (a.claims, b.claims);
    let lex_a: Vec<Option<f64>> = a.words.iter().map(|w| lexical(w, &b.words)).collect();
    let lex_b: Vec<Option<f64>> = b.words.iter().map(|w| lexical(w, &a.words)).collect();
    let (near_a, near_b) = best_neighbours(a, b, &lex_a, &lex_b);
    let shared = |lex: &[Option<f64>], i: usize| lex[i].unwrap_or(0.0);
    let either =
        |lex: &[Option<f64>], near: &[f32], i: usize| lex[i].unwrap_or_else(|| scaled(near[i]));
    PairCoverages {
        news: (
            share_of(a, |i| a.words[i].idf, |i| shared(&lex_a, i)),
            share_of(b, |j| b.words[j].idf, |j| shared(&lex_b, j)),
        ),
        local: (
            share_of(a, |i| local_a[i], |i| shared(&lex_a, i)),
            share_of(b, |j| local_b[j], |j| shared(&lex_b, j)),
        ),
        semantic: (
            share_of(a, |i| local_a[i], |i| either(&lex_a, &near_a, i)),
            share_of(b, |j| local_b[j], |j| either(&lex_b, &near_b, j)),
        ),
    }
}

/// For each word of `a` without a shared form in `b` (and the other way), its best cosine
/// with a word of the other sentence, as [`matched`] finds it (`f32::MIN` for none). Each
/// needed word pair's cosine is computed once for both directions.
fn best_neighbours(
    a: &ClaimWords,
    b: &ClaimWords,
    lex_a: &[Option<f64>],
    lex_b: &[Option<f64>],
) -> (Vec<f32>, Vec<f32>) {
    let mut near_a = vec![f32::MIN; a.words.len()];
    let mut near_b = vec![f32::MIN; b.words.len()];
    for (i, x) in a.words.iter().enumerate() {
        let Some(vx) = &x.vector else { continue };
        for (j, y) in b.words.iter().enumerate() {
            if lex_a[i].is_some() && lex_b[j].is_some() {
                continue;
            }
            let Some(vy) = &y.vector else { continue };
            if x.directional && y.directional && opposite(x.stem, y.stem) {
                continue;
            }
            let c = vx.cosine(vy);
            near_a[i] = near_a[i].max(c);
            near_b[j] = near_b[j].max(c);
        }
    }
    (near_a, near_b)
}

/// What found a claim word its counterpart in the other sentence (see [`matched`]).
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Evidence {
    /// The same stem.
    Stem,
    /// The same 5-letter stem prefix (Ukraine ~ Ukrainian).
    Prefix,
    /// An acronym and its spelled-out name (U.N. ~ United Nations).
    Acronym,
    /// A semantic neighbour in the word table, with its cosine.
    Neighbour(f32),
    /// Nothing in the other sentence.
    Unmatched,
}

/// One claim word of a sentence aligned to the other sentence's words, for `explain`.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct WordMatch {
    /// Index of the word in its sentence's [`ClaimWords::words`].
    pub word: usize,
    /// Index of the claim unit holding it.
    pub unit: usize,
    /// Index of its counterpart among the other sentence's words, if any.
    pub counterpart: Option<usize>,
    /// What found the counterpart.
    pub evidence: Evidence,
    /// How well the word is matched, in \[0,1\] (as [`semantic_coverage`] counts it).
    pub matched: f64,
    /// The word's weight.
    pub weight: f64,
}

/// Every claim word of `a` with its best counterpart in `b`: the word alignment behind
/// [`semantic_coverage`], whose `whole` is the weighted mean of the `matched` values.
pub fn align_words(
    a: &ClaimWords,
    b: &ClaimWords,
    weight: impl Fn(&Word) -> f64,
) -> Vec<WordMatch> {
    let unit_of = |i: usize| a.units.iter().position(|r| r.contains(&i)).unwrap_or(0);
    a.words
        .iter()
        .enumerate()
        .map(|(i, w)| {
            let (counterpart, evidence, matched) = counterpart(w, &b.words);
            WordMatch {
                word: i,
                unit: unit_of(i),
                counterpart,
                evidence,
                matched,
                weight: weight(w),
            }
        })
        .collect()
}

/// The best counterpart of `w` among `other`, by the order [`matched`] tries: stem, prefix,
/// neighbour.
fn counterpart(w: &Word, other: &[Word]) -> (Option<usize>, Evidence, f64) {
    if let Some(j) = other.iter().position(|o| o.stem == w.stem) {
        return (Some(j), Evidence::Stem, 1.0);
    }
    if let Some(j) = other.iter().position(|o| spells(w, o)) {
        return (Some(j), Evidence::Acronym, 1.0);
    }
    if let Some(j) = other
        .iter()
        .position(|o| w.prefix != 0 && o.prefix == w.prefix)
    {
        return (Some(j), Evidence::Prefix, 0.9);
    }
    let best = w.vector.as_ref().and_then(|v| {
        other
            .iter()
            .enumerate()
            .filter(|(_, o)| !(w.directional && o.directional && opposite(w.stem, o.stem)))
            .filter_map(|(j, o)| o.vector.as_ref().map(|ov| (j, v.cosine(ov))))
            .fold(None, |best: Option<(usize, f32)>, (j, c)| match best {
                Some((_, b)) if b >= c => best,
                _ => Some((j, c)),
            })
    });
    match best {
        Some((j, cosine)) if scaled(cosine) > 0.0 => {
            (Some(j), Evidence::Neighbour(cosine), scaled(cosine))
        }
        _ => (None, Evidence::Unmatched, 0.0),
    }
}

/// The claim words of `text` as written, in the order of [`ClaimWords::credited`]'s words.
pub fn claim_word_texts(text: &str, spans: &[Range<usize>], credit: &Credit) -> Vec<String> {
    let (tokens, _) = analyse_credited(text, spans, credit);
    tokens
        .into_iter()
        .filter(is_claim_word)
        .map(|t| t.text.into_owned())
        .collect()
}

/// Shares of `a`'s words that are matched, `weight(i)` being word `i`'s weight and `m(i)` how
/// well it is matched (asked only of words that weigh something). One pass, no allocation: the
/// units are in order, so each word is scored once for its unit and the whole, and each sum
/// is taken in word order.
fn share_of(a: &ClaimWords, weight: impl Fn(usize) -> f64, m: impl Fn(usize) -> f64) -> Coverage {
    let score = |i: usize| {
        let wt = weight(i);
        (wt, if wt > 0.0 { wt * m(i) } else { 0.0 })
    };
    let ratio = |got: f64, total: f64| if total > 0.0 { got / total } else { 0.0 };
    let (mut total, mut got) = (0.0, 0.0);
    let mut next = 0;
    let mut best = (0.0, 0.0);
    for unit in &a.units {
        for i in next..unit.start {
            let (wt, g) = score(i);
            total += wt;
            got += g;
        }
        let (mut unit_total, mut unit_got) = (0.0, 0.0);
        for i in unit.clone() {
            let (wt, g) = score(i);
            unit_total += wt;
            unit_got += g;
            if i >= next {
                total += wt;
                got += g;
            }
        }
        next = next.max(unit.end);
        let share = ratio(unit_got, unit_total);
        if share > best.0 {
            best = (share, unit_total);
        }
    }
    for i in next..a.words.len() {
        let (wt, g) = score(i);
        total += wt;
        got += g;
    }
    Coverage {
        whole: ratio(got, total),
        best_unit: best.0,
        best_unit_weight: best.1,
        weight: total,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pipeline::reading::word_spans;

    const STORY: [&str; 6] = [
        "The plant was shut on Monday after inspectors found a leak, officials said.",
        "Inspectors discovered a leak at the plant, which officials closed on Monday.",
        "Revenue rose 7 percent in the quarter, and the company hired 40 workers.",
        "The company said revenue fell 4 percent as it cut 40 jobs.",
        "Ukraine's envoy insisted that the plan be rewritten before any talks.",
        "",
    ];

    #[test]
    fn pair_coverages_equal_the_six_coverages_one_by_one() {
        let claims: Vec<ClaimWords> = STORY.iter().map(|t| ClaimWords::new(t)).collect();
        let story = StoryWeights::new(&claims);
        let local = |w: &Word| story.weight(w);
        let weights: Vec<Box<[f64]>> = claims.iter().map(|c| story.weights(c)).collect();
        let weighed = |i: usize| Weighed {
            claims: &claims[i],
            weights: &weights[i],
        };
        for (i, a) in claims.iter().enumerate() {
            for (j, b) in claims.iter().enumerate() {
                let both = pair_coverages(weighed(i), weighed(j));
                assert_eq!(
                    both.news,
                    (coverage(a, b, |w| w.idf), coverage(b, a, |w| w.idf))
                );
                assert_eq!(both.local, (coverage(a, b, local), coverage(b, a, local)));
                assert_eq!(
                    both.semantic,
                    (
                        semantic_coverage(a, b, local),
                        semantic_coverage(b, a, local)
                    )
                );
            }
        }
    }

    #[test]
    fn clauses_become_units() {
        let c = ClaimWords::new(
            "The bridge will be shut to cars starting Friday morning, after the city council \
             voted 5-2 to close it because of badly corroded steel supports.",
        );
        assert_eq!(c.units.len(), 3, "{:?}", c.units);
    }

    #[test]
    fn a_figure_after_a_name_is_part_of_it_and_a_day_after_a_month_is_a_figure() {
        let figures = |text: &str| numbers(&ClaimWords::new(text)).len();
        assert_eq!(
            figures("The Nasdaq and the S&P 500 rose 12 points on Route 9."),
            1
        );
        assert_eq!(
            figures("The quarter ended March 31 with a loss of 19 cents."),
            2
        );
        assert_eq!(
            figures("The quarter ended Sept. 30 with a loss of 19 cents."),
            2
        );
        // a date's day meets only a date's day
        let (plan, visit, date) = (
            ClaimWords::new("The plan was trimmed to 19 points."),
            ClaimWords::new("Driscoll arrived in Kyiv on Nov. 19."),
            ClaimWords::new("The envoy left Kyiv on Nov. 19."),
        );
        assert!(numbers(&plan).iter().all(|n| !numbers(&visit).contains(n)));
        assert_eq!(numbers(&visit), numbers(&date));
    }

    #[test]
    fn each_item_of_a_list_is_a_unit() {
        let c = ClaimWords::new(
            "He also pushed for the Ukrainian troop cap and economic agreements between \
             Washington and Moscow.",
        );
        assert_eq!(c.units.len(), 2, "{:?}", c.units);
        // one word before "and" is a subject, not a claim
        let c = ClaimWords::new("Witkoff and Kushner started working on the document in October.");
        assert_eq!(c.units.len(), 1, "{:?}", c.units);
    }

    /// The claim words of `text` as written, its credit being `source` and `cue`.
    fn credited_words(text: &str, source: &str, cue: &str) -> Vec<String> {
        let range = |part: &str| text.find(part).map(|at| at..at + part.len());
        let credit = Credit::Phrase {
            source: range(source),
            cue: range(cue),
        };
        claim_word_texts(text, &word_spans(text), &credit)
    }

    #[test]
    fn a_credit_found_by_the_attribution_stage_is_no_claim_word() {
        // an opening subject and its cue: who says it, not what is said
        let text = "Police Chief Anita Sorensen said the guard was hit in the head.";
        assert_eq!(
            credited_words(text, "Police Chief Anita Sorensen", "said"),
            ["guard", "hit", "head"]
        );
        // read without the attribution stage, only credits set off by a comma go
        let unread = claim_word_texts(text, &word_spans(text), &Credit::Unread);
        assert!(unread.contains(&"Sorensen".to_string()), "{unread:?}");
        // an appositive inside the attribution phrase states a fact of its own and stays
        let text =
            "Halvorsen, the No. 2 food distributor in the Midwest, said it was disappointed.";
        let words = credited_words(text, "Halvorsen", "said");
        assert!(words.contains(&"distributor".to_string()), "{words:?}");
        assert!(!words.contains(&"Halvorsen".to_string()), "{words:?}");
        // with no credit in the claim (none, carried or a stance), every word is the claim's:
        // the term view's own clause reading stands down
        let text = "The chief rejected the report, police said.";
        let absent = claim_word_texts(text, &word_spans(text), &Credit::Absent);
        assert!(absent.contains(&"police".to_string()), "{absent:?}");
    }

    #[test]
    fn half_a_sentence_kept_covers_one_unit_fully() {
        let lead = ClaimWords::new(
            "The city council voted 5-2 on Tuesday to close the Tanner Street Bridge, after \
             inspectors found severe corrosion in two of its steel supports.",
        );
        let kept = ClaimWords::new("The city council voted 5-2 to close the Tanner Street Bridge.");
        let c = coverage(&lead, &kept, |w| w.idf);
        assert!(c.best_unit > 0.95, "{c:?}");
        assert!(c.whole < 0.8, "{c:?}");
        let back = coverage(&kept, &lead, |w| w.idf);
        assert!(back.whole > 0.95, "{back:?}");
    }

    #[test]
    fn neighbours_count_and_opposites_do_not() {
        let a = ClaimWords::new("Inspectors discovered a leak at the plant.");
        let b = ClaimWords::new("Inspectors found a leak at the plant.");
        let lexical = coverage(&a, &b, |w| w.idf).whole;
        let semantic = semantic_coverage(&a, &b, |w| w.idf).whole;
        assert!(semantic > lexical, "{semantic} vs {lexical}");
        let rose = ClaimWords::new("Revenue rose 7 percent to $1.21 billion.");
        let fell = ClaimWords::new("Revenue fell 4 percent to $1.12 billion.");
        assert!(opposed(&rose, &fell));
        assert!(!opposed(&rose, &rose));
    }

    #[test]
    fn the_word_alignment_is_what_semantic_coverage_counts() {
        let texts = [
            "The plant was shut on Monday after inspectors found a leak in a cooling pipe.",
            "Inspectors discovered a leak in a cooling pipe at the plant, which officials closed on Monday.",
            "Ukrainian officials demanded the talks resume before winter.",
            "Ukraine insisted that negotiations restart prior to the winter.",
        ];
        let claims: Vec<ClaimWords> = texts.iter().map(|t| ClaimWords::new(t)).collect();
        let weights = StoryWeights::new(&claims);
        for (a, b) in [(0, 1), (1, 0), (2, 3), (3, 2), (0, 3)] {
            let (ca, cb) = (&claims[a], &claims[b]);
            let aligned = align_words(ca, cb, |w| weights.weight(w));
            assert_eq!(aligned.len(), ca.words.len());
            assert_eq!(
                claim_word_texts(texts[a], &word_spans(texts[a]), &Credit::Unread).len(),
                ca.words.len()
            );
            let total: f64 = aligned.iter().map(|m| m.weight).sum();
            let got: f64 = aligned.iter().map(|m| m.weight * m.matched).sum();
            let whole = semantic_coverage(ca, cb, |w| weights.weight(w)).whole;
            assert!(
                (got / total - whole).abs() < 1e-9,
                "{a}->{b}: {} vs {whole}",
                got / total
            );
            for m in &aligned {
                assert_eq!(m.counterpart.is_some(), m.evidence != Evidence::Unmatched);
                assert!(ca.units[m.unit].contains(&m.word));
            }
        }
        let words = claim_word_texts(texts[0], &word_spans(texts[0]), &Credit::Unread);
        let found = words.iter().position(|w| w == "found").unwrap();
        let aligned = align_words(&claims[0], &claims[1], |w| w.idf);
        let other = claim_word_texts(texts[1], &word_spans(texts[1]), &Credit::Unread);
        let m = aligned[found];
        assert!(matches!(m.evidence, Evidence::Neighbour(_)), "{m:?}");
        assert_eq!(other[m.counterpart.unwrap()], "discovered");
    }

    /// The evidence `align_words` gives each claim word of `a` against `b`, by word.
    fn evidence(a: &str, b: &str) -> Vec<(String, Evidence)> {
        let (ca, cb) = (ClaimWords::new(a), ClaimWords::new(b));
        let aligned = align_words(&ca, &cb, |w| w.idf);
        claim_word_texts(a, &word_spans(a), &Credit::Unread)
            .into_iter()
            .zip(aligned.iter().map(|m| m.evidence))
            .collect()
    }

    fn evidence_of(found: &[(String, Evidence)], word: &str) -> Evidence {
        match found.iter().find(|(w, _)| w == word) {
            Some((_, e)) => *e,
            None => panic!("{word} is no claim word of {found:?}"),
        }
    }

    #[test]
    fn an_acronym_matches_its_spelled_out_name_either_way() {
        let long = "The United Nations sent food to the Federal Bureau of Investigation.";
        let short = "The U.N. sent food to the FBI.";
        let states = evidence("The U.S. sent food.", "The United States sent food.");
        assert_eq!(evidence_of(&states, "U.S"), Evidence::Acronym, "{states:?}");
        let forward = evidence(long, short);
        for word in ["United", "Nations", "Federal", "Bureau", "Investigation"] {
            assert_eq!(evidence_of(&forward, word), Evidence::Acronym, "{word}");
        }
        let back = evidence(short, long);
        assert_eq!(evidence_of(&back, "U.N"), Evidence::Acronym);
        assert_eq!(evidence_of(&back, "FBI"), Evidence::Acronym);
        let c = coverage(&ClaimWords::new(short), &ClaimWords::new(long), |w| w.idf);
        assert!(c.whole > 0.95, "{c:?}");
    }

    #[test]
    fn a_comma_or_a_lower_case_word_ends_a_spelled_out_name() {
        // "Utah, Nevada" is two names, not "UN"; "United workers" has one capitalised word.
        for long in [
            "In Utah, Nevada officials met on Monday.",
            "The United workers of the port met on Monday.",
        ] {
            let found = evidence(long, "The UN met on Monday.");
            assert!(
                found.iter().all(|(_, e)| *e != Evidence::Acronym),
                "{long}: {found:?}"
            );
        }
    }

    #[test]
    fn two_bare_capitals_and_names_joined_by_and_are_no_acronym() {
        for (long, short) in [
            (
                "Vladimir Putin met the press on Monday.",
                "The VP met the press on Monday.",
            ),
            (
                "Alpha and Beta Corp signed the deal.",
                "ABC signed the deal.",
            ),
        ] {
            let found = evidence(short, long);
            assert!(
                found.iter().all(|(_, e)| *e != Evidence::Acronym),
                "{long}: {found:?}"
            );
        }
    }

    #[test]
    fn an_acronym_does_not_match_a_name_with_other_initials() {
        let found = evidence(
            "The FTC sued on Monday.",
            "The Justice Department sued on Monday.",
        );
        assert_eq!(evidence_of(&found, "FTC"), Evidence::Unmatched);
    }

    #[test]
    fn story_words_weigh_less_than_claim_words() {
        let s = [
            ClaimWords::new("The Tanner Street Bridge closed."),
            ClaimWords::new("The Tanner Street Bridge carries 11,000 cars."),
            ClaimWords::new("Voss opposed closing the Tanner Street Bridge."),
        ];
        let weights = StoryWeights::new(&s);
        let tanner = &s[0].words[0];
        let voss = &s[2].words[0];
        assert!(weights.weight(voss) / voss.idf > weights.weight(tanner) / tanner.idf);
    }
}

//! Evidence extraction: one sentence in, sorted integer sets out; two of those in, a fixed
//! vector of pair measures out.
//!
//! All string work (case folding, Snowball stemming, stop words, numbers, names, attribution
//! and stock phrases) happens once per sentence in [`Sentence::new`]. Comparing two sentences
//! ([`measures`]) then only merges sorted `u64` slices, plus one word-level edit distance.

use std::collections::HashSet;
use std::sync::OnceLock;

pub use crate::pipeline::reading::terms::{
    analyse, analyse_credited, analyse_marked, analyse_marked_words, analyse_with_boundaries,
    number_word, Kind, Token,
};

/// Names of the pair measures, in the order of [`measures`]'s output.
pub const NAMES: [&str; N] = [
    "content_dice",
    "content_containment",
    "content_cover_max",
    "prefix_dice",
    "bigram_containment",
    "bigram_cover_max",
    "word_edit_similarity",
    "length_ratio",
    "numbers_disagree",
    "names_unmatched",
    "names_shared",
    "unmatched_content",
    "quote_mismatch",
    "char_trigram_dice",
    "trigram_containment",
    "word_dice",
    "unmatched_long",
    "length_difference",
    "claim_containment",
    "claim_edit_similarity",
    "negation_mismatch",
    "content_dice_squared",
    "char_trigram_dice_squared",
    "word_containment",
    "edit_times_length_ratio",
    "unmatched_short_prefix",
    "unmatched_long_prefix",
    "unmatched_run_max",
    "unmatched_run_min",
    "shorter_length",
    "idf_dice",
    "idf_containment",
    "idf_cover_max",
    "idf_unmatched_max",
    "idf_unmatched_min",
    "meteor",
    "bleu",
    "fourgram_containment",
];

/// Number of pair measures.
pub const N: usize = 38;

/// One-line descriptions of the measures, for `explain`.
pub const DESCRIPTIONS: [&str; N] = [
    "Dice overlap of content stems (stop words, attribution, stock phrases left out)",
    "shared content stems / size of the smaller set (a merged sentence still contains the other)",
    "shared content stems / size of the larger set",
    "Dice overlap of 5-letter stem prefixes (Ukraine ~ Ukrainian)",
    "shared word bigrams / bigrams of the shorter sentence",
    "shared word bigrams / bigrams of the longer sentence",
    "1 - word-level Levenshtein distance / longer length",
    "shorter / longer length in words",
    "numbers in one sentence but not the other / all numbers",
    "capitalised names of one sentence absent from the other / all names",
    "capitalised names found in both sentences (log 1+n)",
    "content stems of the shorter sentence absent from the longer (log 1+n)",
    "one sentence has quotation marks, the other none",
    "Dice overlap of character trigrams of the counted words (spelling variants, numbers)",
    "shared word trigrams / trigrams of the shorter sentence",
    "Dice overlap of lowercased words as written, stop words included",
    "content stems of the longer sentence absent from the shorter (log 1+n)",
    "difference in length in counted words (log 1+n)",
    "as content_containment, attribution cues and clauses left out",
    "as word_edit_similarity, attribution cues and clauses left out",
    "one sentence has a negation (not, no, never, n't), the other none",
    "content_dice squared",
    "char_trigram_dice squared",
    "shared lowercased words / words of the shorter sentence",
    "word_edit_similarity x length_ratio",
    "5-letter prefixes of the shorter sentence absent from the longer (log 1+n)",
    "5-letter prefixes of the longer sentence absent from the shorter (log 1+n)",
    "longest run of words absent from the other sentence, the larger of the two (log 1+n)",
    "longest run of words absent from the other sentence, the smaller of the two (log 1+n)",
    "length of the shorter sentence in counted words (log)",
    "Dice overlap of content stems, each weighted by its IDF (rare shared words count more)",
    "IDF weight of shared content stems / IDF weight of the smaller sentence",
    "IDF weight of shared content stems / IDF weight of the larger sentence",
    "IDF weight of content stems missing from the other sentence, the larger side (log 1+w)",
    "IDF weight of content stems missing from the other sentence, the smaller side (log 1+w)",
    "METEOR-like: word F-mean times (1 - fragmentation penalty over matched chunks)",
    "BLEU-like: geometric mean of 1..4-gram precisions with brevity penalty, both ways",
    "shared word 4-grams / 4-grams of the shorter sentence",
];

pub use crate::lexicon::OPENING_WORDS as SENTENCE_STARTERS;
pub use crate::lexicon::{ATTRIBUTION_CUES, STEM_DF, STOCK_PHRASES, STOPWORDS, TIME_WORDS};

/// Least document frequency for a stem to be listed in `src/data/stem_df.txt`: rarer stems
/// get the IDF of a stem seen once, which also keeps a word that two sentences of one pair
/// share from looking common because of that pair.
pub const DF_MIN: usize = 3;

struct Lexicon {
    /// Document frequency of each listed stem.
    df: std::collections::HashMap<&'static str, u32>,
    /// Sentences the frequencies were counted over (0: no table, every IDF is 1).
    docs: f64,
    /// 5-letter prefixes of words naming a role or a kind of body ("Mayor", "Council"): never
    /// distinctive names.
    roles: HashSet<u64>,
}

impl Lexicon {
    /// Inverse document frequency of a stem: ln((sentences + 1) / (df + 1)), unlisted stems
    /// counted as seen once.
    fn idf(&self, stem: &str) -> f64 {
        if self.docs == 0.0 {
            return 1.0;
        }
        let df = self.df.get(stem).copied().unwrap_or(1) as f64;
        ((self.docs + 1.0) / (df + 1.0)).ln()
    }
}

fn lexicon() -> &'static Lexicon {
    static LEXICON: OnceLock<Lexicon> = OnceLock::new();
    LEXICON.get_or_init(|| {
        let mut docs = 0.0;
        let mut df = std::collections::HashMap::new();
        for line in STEM_DF.lines() {
            if let Some(n) = line.strip_prefix("# sentences ") {
                docs = n.trim().parse().unwrap_or(0.0);
            } else if let Some((stem, n)) = line.split_once('\t') {
                if let Ok(n) = n.trim().parse() {
                    df.insert(stem, n);
                }
            }
        }
        Lexicon {
            df,
            docs,
            roles: crate::pipeline::attribution::role_words()
                .map(|w| prefix(&w.to_lowercase()))
                .collect(),
        }
    })
}

/// FNV-1a, 64 bit: stable across runs and platforms, so index terms can be compared anywhere.
pub fn hash(s: &str) -> u64 {
    crate::id::fnv1a(s.as_bytes())
}

/// The per-sentence evidence: sorted, deduplicated hash sets and a word sequence.
///
/// Two views of the words: the *counted* words are all but stock phrases (what MSRP
/// annotators compare: who said it is part of the sentence); the *claim* words further leave
/// out attribution cues and clauses, so "officials said X" and "according to officials, X"
/// share the same claim.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Sentence {
    /// Content stems of the counted words, numbers included.
    pub content: Vec<u64>,
    /// Content stems of the claim words.
    pub claim: Vec<u64>,
    /// 5-letter prefixes of the counted content stems.
    pub prefixes: Vec<u64>,
    /// Bigrams of counted words (stop words included).
    pub bigrams: Vec<u64>,
    /// Word trigrams of counted words.
    pub trigrams: Vec<u64>,
    /// Counted words in order (stop words included), as hashed stems.
    pub sequence: Vec<u64>,
    /// Claim words in order (stop words included), as hashed stems.
    pub claim_sequence: Vec<u64>,
    /// Counted words as written, lowercased.
    pub words: Vec<u64>,
    /// Character trigrams of the counted words.
    pub char_trigrams: Vec<u64>,
    /// Numbers.
    pub numbers: Vec<u64>,
    /// Capitalised names among the claim words.
    pub names: Vec<u64>,
    /// Every content stem (stock and attribution words too) and number, as written (the
    /// candidate index folds demonyms into them: [`candidate_terms`]).
    pub index: Vec<u64>,
    /// Has quotation marks.
    pub quoted: bool,
    /// Has a negation.
    pub negated: bool,
    /// 5-letter prefixes of the claim content stems.
    pub claim_prefixes: Vec<u64>,
    /// 5-letter prefixes of the names among the claim words.
    pub name_prefixes: Vec<u64>,
    /// 5-letter prefix of the first word when it is capitalised and not a stop word (a name
    /// cannot be told from an ordinary word there; it counts as a name if the other sentence
    /// has it as one).
    pub initial: Option<u64>,
    /// 5-letter prefixes of the possible names among the claim words.
    pub possible_names: Vec<u64>,
    /// 5-letter prefixes of every content word (attribution and stock phrases too).
    pub all_prefixes: Vec<u64>,
    /// Holds a stock phrase.
    pub stock: bool,
    /// 5-letter prefixes of the distinctive names (see [`STORY_NAME_IDF`]), attribution
    /// included: what tells which story a sentence belongs to.
    pub story_names: Vec<u64>,
    /// The distinct hashed stems of `sequence`, sorted.
    pub sequence_set: Vec<u64>,
    /// IDF of each element of `content`, in the same order.
    pub content_idf: Vec<f64>,
    /// Sum of `content_idf`.
    pub idf_total: f64,
    /// Word 4-grams of counted words.
    pub fourgrams: Vec<u64>,
}

fn sorted(mut v: Vec<u64>) -> Vec<u64> {
    v.sort_unstable();
    v.dedup();
    v
}

pub(crate) fn prefix(stem: &str) -> u64 {
    hash(first_chars(stem, 5))
}

/// The first `n` characters of `s` (all of it when shorter): a stem's prefix, here and in
/// the claim words of [`super::coverage`].
pub(crate) fn first_chars(s: &str, n: usize) -> &str {
    s.char_indices().nth(n).map_or(s, |(i, _)| &s[..i])
}

fn ngrams(seq: &[u64], n: usize) -> Vec<u64> {
    sorted(
        seq.windows(n)
            .map(|w| {
                w.iter().fold(0x243f_6a88_85a3_08d3u64, |h, &x| {
                    (h.rotate_left(23) ^ x).wrapping_mul(0x9e37_79b9_7f4a_7c15)
                })
            })
            .collect(),
    )
}

impl Sentence {
    /// Extracts the evidence of one sentence.
    pub fn new(text: &str) -> Sentence {
        Sentence::from_tokens(&analyse(text), text)
    }

    /// The evidence of `text` from its tokens as [`analyse`] marks them.
    pub fn from_tokens(toks: &[Token], text: &str) -> Sentence {
        let counted: Vec<&Token> = toks.iter().filter(|t| !t.stock).collect();
        let claim: Vec<&Token> = counted.iter().copied().filter(|t| !t.attribution).collect();
        let stems = |v: &[&Token]| -> Vec<u64> { v.iter().map(|t| hash(&t.stem)).collect() };
        let content = |v: &[&Token]| -> Vec<u64> {
            sorted(
                v.iter()
                    .filter(|t| t.kind != Kind::Stop)
                    .map(|t| hash(&t.stem))
                    .collect(),
            )
        };
        let sequence = stems(&counted);
        let lex = lexicon();
        let mut weighted: Vec<(u64, f64)> = counted
            .iter()
            .filter(|t| t.kind != Kind::Stop)
            .map(|t| (hash(&t.stem), lex.idf(&t.stem)))
            .collect();
        weighted.sort_unstable_by_key(|w| w.0);
        weighted.dedup_by_key(|w| w.0);
        let content_idf: Vec<f64> = weighted.iter().map(|w| w.1).collect();
        let mut joined = String::from(" ");
        for t in &counted {
            joined.push_str(&crate::pipeline::reading::lowercase(&t.text));
            joined.push(' ');
        }
        let chars: Vec<char> = joined.chars().collect();
        let char_trigrams = chars
            .windows(3)
            .map(|w| {
                w.iter().fold(0xcbf2_9ce4_8422_2325u64, |h, &c| {
                    (h ^ c as u64).wrapping_mul(0x0000_0100_0000_01b3)
                })
            })
            .collect();
        Sentence {
            content: content(&counted),
            claim: content(&claim),
            prefixes: sorted(
                counted
                    .iter()
                    .filter(|t| t.kind != Kind::Stop)
                    .map(|t| prefix(&t.stem))
                    .collect(),
            ),
            bigrams: ngrams(&sequence, 2),
            trigrams: ngrams(&sequence, 3),
            fourgrams: ngrams(&sequence, 4),
            idf_total: content_idf.iter().sum(),
            content_idf,
            claim_sequence: stems(&claim),
            words: sorted(
                counted
                    .iter()
                    .map(|t| hash(&crate::pipeline::reading::lowercase(&t.text)))
                    .collect(),
            ),
            char_trigrams: sorted(char_trigrams),
            sequence_set: sorted(sequence.clone()),
            stock: toks.iter().any(|t| t.stock),
            story_names: story_names(toks),
            claim_prefixes: sorted(
                claim
                    .iter()
                    .filter(|t| t.kind != Kind::Stop)
                    .map(|t| prefix(&t.stem))
                    .collect(),
            ),
            possible_names: sorted(
                claim
                    .iter()
                    .filter(|t| t.possible_name)
                    .map(|t| prefix(&t.stem))
                    .collect(),
            ),
            all_prefixes: sorted(
                toks.iter()
                    .filter(|t| t.kind != Kind::Stop)
                    .map(|t| prefix(&t.stem))
                    .collect(),
            ),
            name_prefixes: sorted(
                claim
                    .iter()
                    .filter(|t| t.name)
                    .map(|t| prefix(&t.stem))
                    .collect(),
            ),
            initial: toks
                .first()
                .filter(|t| {
                    t.kind == Kind::Content
                        && t.text.starts_with(char::is_uppercase)
                        && !t.attribution
                })
                .map(|t| prefix(&t.stem)),
            numbers: sorted(
                toks.iter()
                    .filter(|t| t.kind == Kind::Number)
                    .map(|t| hash(&t.stem))
                    .collect(),
            ),
            names: sorted(
                claim
                    .iter()
                    .filter(|t| t.name)
                    .map(|t| hash(&t.stem))
                    .collect(),
            ),
            index: index_terms(toks),
            quoted: text.contains(['"', '\u{201c}', '\u{201d}']),
            negated: toks
                .iter()
                .any(|t| matches!(&*t.stem, "not" | "no" | "never" | "nor")),
            sequence,
        }
    }
}

/// Every content stem (stock and attribution words too) and number of the tokens, sorted and
/// deduplicated: a sentence's candidate-index terms ([`Sentence::index`]).
pub fn index_terms(toks: &[Token]) -> Vec<u64> {
    sorted(
        toks.iter()
            .filter(|t| t.kind != Kind::Stop)
            .map(|t| hash(&t.stem))
            .collect(),
    )
}

/// The candidate-index terms of the tokens: their [`index_terms`] with each capitalised
/// demonym folded into its place ("Ukrainian" is "Ukraine"), so that "the Ukrainian army" and
/// "Ukraine's army" share a term. Only the candidate index reads the fold; the pair measures
/// read the terms as written.
///
/// Capitalised only: "polished" stems like "Polish", and "turkey" and "china" are common
/// nouns. A sentence with both the demonym and its place has one term for the two, as for
/// any word written twice.
pub fn candidate_terms(toks: &[Token]) -> Vec<u64> {
    let places = places();
    sorted(
        toks.iter()
            .filter(|t| t.kind != Kind::Stop)
            .map(|t| {
                let h = hash(&t.stem);
                let capitalised = t.text.starts_with(char::is_uppercase);
                capitalised
                    .then(|| places.get(&h).copied())
                    .flatten()
                    .unwrap_or(h)
            })
            .collect(),
    )
}

/// Demonym stem hash to its place's stem hash, read once from [`crate::lexicon::DEMONYMS`].
fn places() -> &'static crate::id::FastMap<u64, u64> {
    static MAP: OnceLock<crate::id::FastMap<u64, u64>> = OnceLock::new();
    MAP.get_or_init(|| {
        let stem = |w: &str| hash(&crate::pipeline::reading::stem(&w.to_lowercase()));
        crate::lexicon::DEMONYMS
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
            .filter_map(|l| l.split_once(' '))
            .map(|(people, place)| (stem(people), stem(place.trim())))
            .filter(|(a, b)| a != b)
            .collect()
    })
}

/// The 5-letter prefixes of the distinctive names among the tokens, sorted and deduplicated
/// ([`Sentence::story_names`]).
pub fn story_names(toks: &[Token]) -> Vec<u64> {
    let lex = lexicon();
    sorted(
        toks.iter()
            .filter(|t| {
                (t.name || t.possible_name)
                    && t.kind == Kind::Content
                    && lex.idf(&t.stem) >= STORY_NAME_IDF
                    && !lex.roles.contains(&prefix(&t.stem))
            })
            .map(|t| prefix(&t.stem))
            .collect(),
    )
}

/// Inverse document frequency of a stem in news sentences (see `src/data/stem_df.txt`).
pub fn idf(stem: &str) -> f64 {
    lexicon().idf(stem)
}

/// Size of the intersection of two sorted, deduplicated slices.
pub fn shared(a: &[u64], b: &[u64]) -> usize {
    // Without branches on the comparison (the pair scorer's hottest loop, whose outcome the
    // processor cannot predict): an equal pair advances both sides, as sets allow.
    let (mut i, mut j, mut n) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        let (x, y) = (a[i], b[j]);
        n += usize::from(x == y);
        i += usize::from(x <= y);
        j += usize::from(y <= x);
    }
    n
}

/// Sum of the weights `wa` of the elements of sorted `a` also in sorted `b`.
pub fn shared_weight(a: &[u64], wa: &[f64], b: &[u64]) -> f64 {
    let (mut i, mut j, mut w) = (0, 0, 0.0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                w += wa[i];
                i += 1;
                j += 1;
            }
        }
    }
    w
}

fn fratio(num: f64, den: f64) -> f64 {
    if den <= 0.0 {
        0.0
    } else {
        num / den
    }
}

fn ratio(num: usize, den: usize) -> f64 {
    if den == 0 {
        0.0
    } else {
        num as f64 / den as f64
    }
}

/// Elements of sorted `a` not found in sorted `b` (which may be any superset candidate).
fn missing(a: &[u64], b: &[u64]) -> usize {
    a.len() - shared(a, b)
}

/// Word-level Levenshtein distance over hashed words. A sentence of up to 64 words is the
/// pattern of Myers' bit-parallel algorithm (one machine word per column of the table, as
/// Hyyrö 2001 states it for edit distance), which every pair of the MSRP scorer asks for
/// twice; longer ones take the dynamic programme, [`row_levenshtein`].
pub fn word_levenshtein(a: &[u64], b: &[u64]) -> usize {
    let (a, b) = if a.len() < b.len() { (b, a) } else { (a, b) };
    if b.is_empty() {
        return a.len();
    }
    if b.len() <= 64 {
        bit_levenshtein(b, a)
    } else {
        row_levenshtein(a, b)
    }
}

/// Myers' bit-parallel edit distance of `pattern` (1 to 64 words) and `text`.
fn bit_levenshtein(pattern: &[u64], text: &[u64]) -> usize {
    let m = pattern.len();
    // Each distinct word of the pattern with the bits of its positions, sorted for lookup.
    let mut table = [(0u64, 0u64); 64];
    let mut distinct = 0;
    for (i, &w) in pattern.iter().enumerate() {
        match table[..distinct].iter_mut().find(|(x, _)| *x == w) {
            Some((_, bits)) => *bits |= 1 << i,
            None => {
                table[distinct] = (w, 1 << i);
                distinct += 1;
            }
        }
    }
    let masks = &mut table[..distinct];
    masks.sort_unstable_by_key(|&(w, _)| w);
    let last = 1u64 << (m - 1);
    let (mut pv, mut mv, mut score) = (!0u64, 0u64, m);
    for w in text {
        let eq = masks
            .binary_search_by_key(w, |&(x, _)| x)
            .map_or(0, |k| masks[k].1);
        let xv = eq | mv;
        let xh = ((eq & pv).wrapping_add(pv) ^ pv) | eq;
        let ph = mv | !(xh | pv);
        let mh = pv & xh;
        if ph & last != 0 {
            score += 1;
        } else if mh & last != 0 {
            score -= 1;
        }
        let ph = (ph << 1) | 1;
        let mh = mh << 1;
        pv = mh | !(xv | ph);
        mv = ph & xv;
    }
    score
}

/// Word-level Levenshtein distance by the dynamic programme, `b` the shorter and not empty:
/// one row, on the stack for sentences of up to 128 words (as strsim's `generic_levenshtein`,
/// without its allocations).
fn row_levenshtein(a: &[u64], b: &[u64]) -> usize {
    let mut stack = [0usize; 129];
    let mut heap;
    let row: &mut [usize] = if b.len() < stack.len() {
        &mut stack[..=b.len()]
    } else {
        heap = vec![0; b.len() + 1];
        &mut heap
    };
    for (j, cell) in row.iter_mut().enumerate() {
        *cell = j;
    }
    for (i, x) in a.iter().enumerate() {
        let mut diag = row[0];
        row[0] = i + 1;
        for (j, y) in b.iter().enumerate() {
            let up = row[j + 1];
            row[j + 1] = if x == y {
                diag
            } else {
                1 + diag.min(up).min(row[j])
            };
            diag = up;
        }
    }
    row[b.len()]
}

/// Least claim content words of the shorter sentence for [`contained`].
pub const CONTAINED_MIN_WORDS: usize = 4;
/// Least share of the shorter sentence's claim words found in the longer for [`contained`].
pub const CONTAINED_MIN_COVER: f64 = 0.5;
/// Least names shared for [`contained`].
pub const CONTAINED_MIN_NAMES: usize = 3;
/// Least ratio of the longer sentence's claim words to the shorter's for [`contained`]: the
/// rule is for merged, padded sentences, not for pairs of similar length (which the fitted
/// model judges).
pub const CONTAINED_MIN_RATIO: f64 = 1.5;

/// The merged-claim rule: the shorter sentence's claim is inside the longer one.
///
/// News rewrites merge and pad claims ("Dmitriev demanded X" becomes "Echoing Kremlin demands,
/// Dmitriev insisted X and Y"), which MSRP, built from pairs of similar length, calls
/// non-paraphrases. The rule holds when the shorter sentence (by claim words) has at least
/// [`CONTAINED_MIN_WORDS`] claim words, the longer at least [`CONTAINED_MIN_RATIO`] times as
/// many, at least [`CONTAINED_MIN_COVER`] of them occur in the
/// longer (5-letter stem prefixes, so Ukraine ~ Ukrainian), at least [`CONTAINED_MIN_NAMES`]
/// names are shared, none of its names is missing from the longer and none of its numbers.
/// Compared on prefixes, so it also holds across inflections.
pub fn contained(a: &Sentence, b: &Sentence) -> bool {
    let (s, l) = if (a.claim_prefixes.len(), &a.claim_prefixes)
        <= (b.claim_prefixes.len(), &b.claim_prefixes)
    {
        (a, b)
    } else {
        (b, a)
    };
    let n = s.claim_prefixes.len();
    if n < CONTAINED_MIN_WORDS || (l.claim_prefixes.len() as f64) < CONTAINED_MIN_RATIO * n as f64 {
        return false;
    }
    let cover = shared(&s.claim_prefixes, &l.claim_prefixes) as f64 / n as f64;
    if cover < CONTAINED_MIN_COVER {
        return false;
    }
    if missing(&s.name_prefixes, &l.claim_prefixes) > 0 || missing(&s.numbers, &l.numbers) > 0 {
        return false;
    }
    let initial = |x: &Sentence, y: &Sentence| {
        x.initial.is_some_and(|i| {
            y.name_prefixes.binary_search(&i).is_ok() && x.name_prefixes.binary_search(&i).is_err()
        })
    };
    let names = shared(&s.name_prefixes, &l.name_prefixes)
        + usize::from(initial(s, l))
        + usize::from(initial(l, s));
    names >= CONTAINED_MIN_NAMES
}

/// Least IDF of a distinctive name: a capitalised word in at most about 30 of the 7,816
/// training sentences, and not a title or a kind of body (the `[title]`,
/// `[organization-noun]` and `[anonymous-noun]` sections of `src/data/sources.txt`).
/// "Fairhaven", "Witkoff" or "Swatara" are; "City", "Mayor", "Councilman" or "Microsoft" are
/// too common in news to say which story a sentence is from.
pub const STORY_NAME_IDF: f64 = 5.5;

/// Why two sentences cannot state the same claim however alike their wording.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Conflict {
    /// Both give numbers and each has one the other lacks ("28 points" vs "19 points").
    Numbers,
    /// Each names someone or something the other does not mention ("Ukraine rejected" vs
    /// "Russia rejected"; "X did not respond" vs "Y did not respond").
    Names,
}

impl Conflict {
    /// A one-line description.
    pub fn describe(self) -> &'static str {
        match self {
            Conflict::Numbers => "numbers disagree: each sentence has a number the other lacks",
            Conflict::Names => {
                "names disagree: each sentence names someone the other does not mention"
            }
        }
    }
}

/// Least claim-word edit similarity for a numbers conflict (the near-verbatim bar).
pub const CONFLICT_MIN_EDIT: f64 = 0.6;

/// The conflict rule: numbers or names that disagree both ways, where the wording would
/// otherwise make the pair look like the same claim.
///
/// - Numbers: near-verbatim wording (claim-word edit similarity at least
///   [`CONFLICT_MIN_EDIT`]) and each sentence has a number the other lacks: the same sentence
///   with a changed figure. (Without the near-verbatim condition, MSRP shows number
///   differences to be mostly extra detail.)
/// - Names: both sentences hold a stock phrase ("did not respond to requests for comment") and
///   each names a party the other never mentions: the boilerplate false friend. (In general
///   text MSRP shows two-way name differences to be mostly paraphrase: "the mayor" vs
///   "Bloomberg".)
///
/// One-way differences are extra detail ("Marco Rubio" vs "Rubio", a date one side adds).
pub fn conflict(a: &Sentence, b: &Sentence) -> Option<Conflict> {
    if a.stock
        && b.stock
        && missing(&a.possible_names, &b.all_prefixes) > 0
        && missing(&b.possible_names, &a.all_prefixes) > 0
    {
        return Some(Conflict::Names);
    }
    if missing(&a.numbers, &b.numbers) > 0
        && missing(&b.numbers, &a.numbers) > 0
        && edit_similarity(&a.claim_sequence, &b.claim_sequence) >= CONFLICT_MIN_EDIT
    {
        return Some(Conflict::Numbers);
    }
    None
}

/// The longest run of words of `seq` not in the sorted set `other`.
fn unmatched_run(seq: &[u64], other: &[u64]) -> usize {
    let (mut best, mut run) = (0, 0);
    for w in seq {
        if other.binary_search(w).is_ok() {
            run = 0;
        } else {
            run += 1;
            best = best.max(run);
        }
    }
    best
}

/// 1 - word-level edit distance / longer length (0 for two empty sequences).
pub fn edit_similarity(a: &[u64], b: &[u64]) -> f64 {
    let longer = a.len().max(b.len());
    if longer == 0 {
        0.0
    } else {
        1.0 - word_levenshtein(a, b) as f64 / longer as f64
    }
}

/// The pair measures, symmetric in `a` and `b`, each in \[0,1\] except the log counts.
pub fn measures(a: &Sentence, b: &Sentence) -> [f64; N] {
    let (na, nb) = (a.content.len(), b.content.len());
    let c = shared(&a.content, &b.content);
    let p = shared(&a.prefixes, &b.prefixes);
    let g = shared(&a.bigrams, &b.bigrams);
    let (ga, gb) = (a.bigrams.len(), b.bigrams.len());
    let (la, lb) = (a.sequence.len(), b.sequence.len());
    let edit = edit_similarity(&a.sequence, &b.sequence);
    let num_shared = shared(&a.numbers, &b.numbers);
    let num_union = a.numbers.len() + b.numbers.len() - num_shared;
    let names_unmatched = missing(&a.names, &b.index) + missing(&b.names, &a.index);
    let names_shared = shared(&a.names, &b.names);
    let (unmatched_short, unmatched_long) = if na <= nb {
        (na - c, nb - c)
    } else {
        (nb - c, na - c)
    };
    let c3 = shared(&a.char_trigrams, &b.char_trigrams);
    let t3 = shared(&a.trigrams, &b.trigrams);
    let w = shared(&a.words, &b.words);
    let iw = shared_weight(&a.content, &a.content_idf, &b.content);
    let m1 = shared(&a.sequence_set, &b.sequence_set);
    let g4 = shared(&a.fourgrams, &b.fourgrams);
    let (run_a, run_b) = (
        unmatched_run(&a.sequence, &b.sequence_set),
        unmatched_run(&b.sequence, &a.sequence_set),
    );
    [
        ratio(2 * c, na + nb),
        ratio(c, na.min(nb)),
        ratio(c, na.max(nb)),
        ratio(2 * p, a.prefixes.len() + b.prefixes.len()),
        ratio(g, ga.min(gb)),
        ratio(g, ga.max(gb)),
        edit,
        ratio(la.min(lb), la.max(lb)),
        ratio(num_union - num_shared, num_union),
        ratio(names_unmatched, a.names.len() + b.names.len()),
        (1.0 + names_shared as f64).ln(),
        (1.0 + unmatched_short as f64).ln(),
        if a.quoted != b.quoted { 1.0 } else { 0.0 },
        ratio(2 * c3, a.char_trigrams.len() + b.char_trigrams.len()),
        ratio(t3, a.trigrams.len().min(b.trigrams.len())),
        ratio(2 * w, a.words.len() + b.words.len()),
        (1.0 + unmatched_long as f64).ln(),
        (1.0 + la.abs_diff(lb) as f64).ln(),
        ratio(shared(&a.claim, &b.claim), a.claim.len().min(b.claim.len())),
        edit_similarity(&a.claim_sequence, &b.claim_sequence),
        if a.negated != b.negated { 1.0 } else { 0.0 },
        ratio(2 * c, na + nb).powi(2),
        ratio(2 * c3, a.char_trigrams.len() + b.char_trigrams.len()).powi(2),
        ratio(w, a.words.len().min(b.words.len())),
        edit * ratio(la.min(lb), la.max(lb)),
        {
            let (pa, pb) = (a.prefixes.len(), b.prefixes.len());
            (1.0 + (pa.min(pb) - p) as f64).ln()
        },
        {
            let (pa, pb) = (a.prefixes.len(), b.prefixes.len());
            (1.0 + (pa.max(pb) - p) as f64).ln()
        },
        (1.0 + run_a.max(run_b) as f64).ln(),
        (1.0 + run_a.min(run_b) as f64).ln(),
        (1.0 + la.min(lb) as f64).ln(),
        fratio(2.0 * iw, a.idf_total + b.idf_total),
        fratio(iw, a.idf_total.min(b.idf_total)),
        fratio(iw, a.idf_total.max(b.idf_total)),
        (1.0 + (a.idf_total.max(b.idf_total) - iw).max(0.0)).ln(),
        (1.0 + (a.idf_total.min(b.idf_total) - iw).max(0.0)).ln(),
        meteor(a.sequence_set.len(), b.sequence_set.len(), m1, g),
        0.5 * (bleu(a, b, [m1, g, t3, g4]) + bleu(b, a, [m1, g, t3, g4])),
        ratio(g4, a.fourgrams.len().min(b.fourgrams.len())),
    ]
}

/// METEOR-like score over distinct counted words: the harmonic mean of the two coverages,
/// lowered by a fragmentation penalty 0.5 (chunks / matches)^3, where chunks are estimated as
/// matched words minus matched bigrams (each shared bigram glues two matches into one chunk).
fn meteor(na: usize, nb: usize, matched: usize, bigrams: usize) -> f64 {
    if matched == 0 {
        return 0.0;
    }
    let (p, r) = (ratio(matched, na), ratio(matched, nb));
    let f = 2.0 * p * r / (p + r);
    let chunks = matched.saturating_sub(bigrams).max(1) as f64;
    f * (1.0 - 0.5 * (chunks / matched as f64).powi(3))
}

/// BLEU-like score of `a` against `b`: geometric mean of the add-one smoothed 1..4-gram
/// precisions of `a` (distinct n-grams, `shared[n-1]` of them in `b`), times the brevity
/// penalty exp(min(0, 1 - len b / len a)).
fn bleu(a: &Sentence, b: &Sentence, shared: [usize; 4]) -> f64 {
    let sizes = [
        a.sequence_set.len(),
        a.bigrams.len(),
        a.trigrams.len(),
        a.fourgrams.len(),
    ];
    let log_mean = shared
        .iter()
        .zip(sizes)
        .map(|(&s, n)| ((s as f64 + 1.0) / (n as f64 + 1.0)).ln())
        .sum::<f64>()
        / 4.0;
    let (la, lb) = (a.sequence.len() as f64, b.sequence.len() as f64);
    let brevity = if la == 0.0 {
        0.0
    } else {
        (1.0 - lb / la).min(0.0)
    };
    (log_mean + brevity).exp()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn stems(text: &str) -> Vec<String> {
        analyse(text)
            .into_iter()
            .map(|t| t.stem.to_string())
            .collect()
    }

    #[test]
    fn contractions_split_and_possessives_drop() {
        assert_eq!(
            stems("Dmitriev didn’t respond to Witkoff’s call"),
            ["dmitriev", "did", "not", "respond", "to", "witkoff", "call"]
        );
    }

    #[test]
    fn a_demonym_and_its_place_are_one_index_term() {
        let terms = |text: &str| candidate_terms(&analyse(text));
        let army = terms("The Ukrainian army will be capped");
        let place = terms("Ukraine’s army will be capped");
        assert_eq!(army, place);
        let china = hash(&crate::pipeline::reading::stem("china"));
        assert!(terms("Chinese exports rose").contains(&china));
        let chinese = hash(&crate::pipeline::reading::stem("chinese"));
        assert!(!terms("Chinese exports rose").contains(&chinese));
        // A common noun of the same stem is no demonym.
        let poland = hash(&crate::pipeline::reading::stem("poland"));
        assert!(!terms("Crews polished the floors").contains(&poland));
        assert!(terms("Polish crews cleaned the floors").contains(&poland));
        // Other words keep their own stems: "Ukrainian" is not "Chinese".
        assert_ne!(terms("The Ukrainian army"), terms("The Chinese army"));
        // The pair measures read the words as written.
        assert_ne!(
            index_terms(&analyse("The Ukrainian army")),
            index_terms(&analyse("Ukraine’s army"))
        );
    }

    #[test]
    fn acronyms_are_not_stop_words() {
        let toks = analyse("They met U.S. and US officials");
        let us: Vec<_> = toks.iter().filter(|t| &*t.stem == "us").collect();
        assert_eq!(us.len(), 2);
        assert!(us.iter().all(|t| t.kind == Kind::Content && t.name));
    }

    #[test]
    fn numbers_normalise_digits_and_words() {
        let a = Sentence::new("It took three days and cost $1,500.");
        let b = Sentence::new("It took 3 days and cost 1500 dollars.");
        assert_eq!(a.numbers, b.numbers);
        assert_eq!(a.numbers.len(), 2);
    }

    #[test]
    fn sentence_initial_capital_is_not_a_name() {
        let toks = analyse("Officials met Rubio.");
        assert!(!toks[0].name);
        assert!(toks[2].name);
    }

    #[test]
    fn trailing_attribution_clause_is_marked() {
        let toks = analyse("The plan has 28 points, officials familiar with it said.");
        let counted: Vec<_> = toks
            .iter()
            .filter(|t| !t.attribution)
            .map(|t| &*t.stem)
            .collect();
        assert_eq!(counted, ["the", "plan", "has", "28", "point"]);
    }

    #[test]
    fn leading_according_to_is_marked() {
        let toks = analyse("According to the Journal, the plan has 28 points.");
        assert!(toks[..4].iter().all(|t| t.attribution));
        assert!(toks[4..].iter().all(|t| !t.attribution));
    }

    #[test]
    fn stock_phrase_matches_with_words_between_but_keeps_names() {
        let toks = analyse(
            "The White House did not immediately respond to The Post’s requests for comment.",
        );
        let counted: Vec<_> = toks.iter().filter(|t| !t.stock).map(|t| &*t.stem).collect();
        assert!(counted.contains(&"white") && counted.contains(&"post"));
        assert!(!counted.contains(&"respond") && !counted.contains(&"comment"));
    }

    #[test]
    fn word_levenshtein_matches_strsim() {
        let a = [1, 2, 3, 4, 5];
        let b = [1, 3, 4, 6, 5, 7];
        assert_eq!(
            word_levenshtein(&a, &b),
            strsim::generic_levenshtein(&a.to_vec(), &b.to_vec())
        );
        assert_eq!(word_levenshtein(&[], &b), 6);
    }

    proptest::proptest! {
        /// The bit-parallel distance is the dynamic programme's, on short and long sentences
        /// over a small vocabulary (so words repeat), up to and past the 64-word pattern.
        #[test]
        fn bit_parallel_levenshtein_is_the_dynamic_programmes(
            a in proptest::collection::vec(0u64..6, 0..80),
            b in proptest::collection::vec(0u64..6, 0..80),
        ) {
            let expected = strsim::generic_levenshtein(&a, &b);
            proptest::prop_assert_eq!(word_levenshtein(&a, &b), expected);
            if !a.is_empty() && a.len() <= b.len() {
                proptest::prop_assert_eq!(row_levenshtein(&b, &a), expected);
            }
        }
    }

    #[test]
    fn shared_counts_sorted_intersection() {
        assert_eq!(shared(&[1, 3, 5, 7], &[2, 3, 7, 9]), 2);
        assert_eq!(shared(&[], &[1]), 0);
    }

    fn measure(name: &str, a: &str, b: &str) -> f64 {
        let j = NAMES.iter().position(|n| *n == name).unwrap();
        measures(&Sentence::new(a), &Sentence::new(b))[j]
    }

    #[test]
    fn common_words_weigh_less_than_rare_ones() {
        let lex = lexicon();
        assert!(lex.docs > 0.0, "src/data/stem_df.txt is empty");
        assert!(lex.idf("said") < lex.idf("vote"));
        // A stem the table lacks counts as seen once: the rarest weight.
        assert!(lex.idf("vote") < lex.idf("zorblat"));
    }

    #[test]
    fn sharing_a_rare_word_outweighs_sharing_a_common_one() {
        let a = "the percent rose and the zorblat fell";
        let common = "the percent held and the market slid";
        let rare = "the zorblat held and the market slid";
        assert_eq!(
            measure("content_dice", a, common),
            measure("content_dice", a, rare)
        );
        assert!(measure("idf_dice", a, rare) > measure("idf_dice", a, common));
    }

    #[test]
    fn meteor_penalises_scattered_matches() {
        // Four words matched either as one chunk (three shared bigrams) or as four.
        assert!(meteor(4, 4, 4, 3) > meteor(4, 4, 4, 0));
        assert_eq!(meteor(4, 4, 0, 0), 0.0);
    }

    #[test]
    fn bleu_is_one_for_the_same_sentence_and_lower_for_a_shorter_one() {
        let a = "the council voted to repair the bridge on tuesday";
        assert!((measure("bleu", a, a) - 1.0).abs() < 1e-12);
        assert!(measure("bleu", a, "the council voted to repair the bridge") < 1.0);
    }

    #[test]
    fn measures_are_symmetric() {
        let a = Sentence::new("Rubio was handed a copy of the plan on Nov. 18, officials said.");
        let b = Sentence::new("Secretary of State Marco Rubio got the 28-point plan.");
        assert_eq!(measures(&a, &b), measures(&b, &a));
    }
}

//! Word vectors: a lowercase word in, a 256-dimensional int8 vector out (or `None` when the
//! word is not listed), and the cosine of two words.
//!
//! The one idea: words that news rewrites swap ("demanded / insisted", "probe / investigation",
//! "shut / closed") share no form and no stem, but a neural sentence encoder places them close.
//! Running each word of the encoder's vocabulary through it once, alone, gives a static table
//! (Model2Vec-style distillation of all-MiniLM-L6-v2) that answers "how alike are these two
//! words" with one lookup and one 256-term dot product: no model, no network at run time.
//!
//! The table (`src/data/word_vectors.bin`, built by `data/word-vectors/build.py`; source,
//! licence and checksums in docs/word-vectors.md) is compiled in with `include_bytes!` and
//! parsed once per process. It lists 21,719 whole-word lowercase tokens. A word not listed is
//! looked up through its inflections (see [`vector`]).
//!
//! Cosine alone says little about a pair of sentences (two articles on one story make every
//! sentence pair look alike); these vectors are evidence for aligning single words, weighted
//! by rarity elsewhere. [`NEIGHBOUR_THRESHOLD`] is the cosine from which two words count as
//! semantic neighbours.

use std::cell::RefCell;
use std::fmt;
use std::sync::OnceLock;

use crate::id::FastMap;

/// Dimensions of every vector in the table.
pub const DIMS: usize = 256;

/// Cosine at or above which two different words count as semantic neighbours.
///
/// Chosen from the cosines of 100,000 random pairs of listed words (mean 0.00, 95th percentile
/// 0.14, 99th 0.24, 99.9th 0.38): at 0.30 about 0.4% of random pairs pass, while ten of the
/// eleven swaps that news rewrites make in the unit tests pass (the eleventh, "crafted /
/// written", sits at 0.22: above every unrelated pair, below the line). A word compared with
/// the twenty content words of another sentence then meets a chance neighbour about once in
/// fourteen tries, which rarity weighting and the lexical evidence must outvote. Below the
/// threshold the cosine is still a graded score for callers that want one.
pub const NEIGHBOUR_THRESHOLD: f32 = 0.30;

/// The table as built by `data/word-vectors/build.py`.
const TABLE: &[u8] = include_bytes!("../../data/word_vectors.bin");

/// The first bytes of a table file.
const MAGIC: &[u8; 4] = b"CCWV";

/// The only table format this module reads.
const VERSION: u32 = 1;

/// Bytes before the word list: magic, then version, dims, count and word-list length as
/// little-endian u32.
const HEADER: usize = 20;

/// Shortest stem left after stripping a suffix ("used" → "us" is not tried).
const MIN_STEM: usize = 3;

/// One listed word's vector.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct WordVector {
    word: &'static str,
    /// The int8 components as stored (two's complement bytes), read without a copy. A fixed
    /// size, so the compiler unrolls and vectorises the cosine's loop (a pair's costly part).
    bytes: &'static [u8; DIMS],
    norm: f32,
}

impl WordVector {
    /// The listed form the vector belongs to: the word asked for, or the inflection base found
    /// for it ("envoys" → "envoy").
    pub fn word(&self) -> &'static str {
        self.word
    }

    /// The [`DIMS`] quantised components; only their direction matters (each vector was scaled
    /// so its largest component is ±127).
    pub fn components(&self) -> impl ExactSizeIterator<Item = i8> + 'static {
        self.bytes.iter().map(|&b| b as i8)
    }

    /// Cosine of the two vectors, in \[-1, 1\].
    pub fn cosine(&self, other: &WordVector) -> f32 {
        (dot(self.bytes, other.bytes) as f32 / (self.norm * other.norm)).clamp(-1.0, 1.0)
    }
}

/// The dot product of two quantised vectors, the innermost loop of a pair's coverage. On an
/// x86-64 processor with AVX2 (found at run time, so one binary serves every machine) the same
/// loop is compiled for 256-bit registers: twice the lanes of the SSE2 baseline.
fn dot(a: &[u8; DIMS], b: &[u8; DIMS]) -> i32 {
    #[cfg(target_arch = "x86_64")]
    if std::arch::is_x86_feature_detected!("avx2") {
        #[allow(unsafe_code)]
        // SAFETY: the processor supports AVX2, checked just above.
        return unsafe { dot_avx2(a, b) };
    }
    dot_portable(a, b)
}

#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx2")]
fn dot_avx2(a: &[u8; DIMS], b: &[u8; DIMS]) -> i32 {
    dot_portable(a, b)
}

// Always inlined, so that inside `dot_avx2` the loop is compiled for AVX2 too.
#[inline(always)]
fn dot_portable(a: &[u8; DIMS], b: &[u8; DIMS]) -> i32 {
    a.iter()
        .zip(b)
        .map(|(&x, &y)| i32::from(x as i8) * i32::from(y as i8))
        .sum()
}

/// The vector of a word, or `None` when neither the word nor an inflection base of it is
/// listed. Upper-case ASCII letters are folded first; other characters are kept, so a
/// hyphenated or non-ASCII word is usually not found.
///
/// A word not listed as given is tried, in this order, as: its Snowball (English) stem
/// ("consulted" → "consult"); then with one suffix stripped, the first listed result winning:
/// "-ies"/"-ied" → "-y" ("ferried" → "ferry"), "-es", "-s", "-ed", "-d" ("probed" → "probe"),
/// "-ing", "-ing" → "-e" ("closing" → "close"), and "-ed"/"-ing" after a doubled consonant
/// ("shutting" → "shut"). A stripped stem shorter than three letters is not tried. The vector
/// of the base stands for the inflection: the encoder's own table mostly lists one form of
/// rarer words.
pub fn vector(word: &str) -> Option<WordVector> {
    thread_local! {
        static FOUND: RefCell<FastMap<Box<str>, Option<WordVector>>> =
            RefCell::new(FastMap::default());
    }
    FOUND.with(|found| {
        let mut found = found.borrow_mut();
        if let Some(&v) = found.get(word) {
            return v;
        }
        let v = look_up(word);
        if found.len() >= REMEMBERED {
            found.clear();
        }
        found.insert(word.into(), v);
        v
    })
}

/// How many words' lookups each thread remembers before it starts afresh: [`vector`] is asked
/// for every claim word of every scored sentence, and a miss tries up to ten spellings.
const REMEMBERED: usize = 1 << 15;

fn look_up(word: &str) -> Option<WordVector> {
    let table = table();
    let folded;
    let word = if word.bytes().any(|b| b.is_ascii_uppercase()) {
        folded = word.to_ascii_lowercase();
        folded.as_str()
    } else {
        word
    };
    table
        .get(word)
        .or_else(|| table.get(&crate::pipeline::reading::stem(word)))
        .or_else(|| bases(word).find_map(|base| table.get(&base)))
}

/// Cosine of two words' vectors, in \[-1, 1\]; `None` when either word has none (see
/// [`vector`]). Identical listed words give 1.
pub fn similarity(a: &str, b: &str) -> Option<f32> {
    Some(vector(a)?.cosine(&vector(b)?))
}

/// Number of words listed in the table.
pub fn len() -> usize {
    table().words.len()
}

/// Candidate bases of an inflected form, in the order [`vector`] documents.
fn bases(word: &str) -> impl Iterator<Item = String> + '_ {
    const RULES: [(&str, &str); 9] = [
        ("ies", "y"),
        ("ied", "y"),
        ("es", ""),
        ("s", ""),
        ("ed", ""),
        ("d", ""),
        ("ing", ""),
        ("ing", "e"),
        ("", ""),
    ];
    RULES
        .iter()
        .filter_map(move |&(suffix, add)| {
            if suffix.is_empty() {
                return undouble(word);
            }
            let stem = word.strip_suffix(suffix)?;
            (stem.len() >= MIN_STEM).then(|| format!("{stem}{add}"))
        })
        .filter(move |base| base != word)
}

/// "shutting" → "shut", "stopped" → "stop": the stem of "-ed"/"-ing" after a doubled
/// consonant.
fn undouble(word: &str) -> Option<String> {
    let stem = word
        .strip_suffix("ing")
        .or_else(|| word.strip_suffix("ed"))?;
    let bytes = stem.as_bytes();
    let n = bytes.len();
    let doubled = n > MIN_STEM
        && bytes[n - 1] == bytes[n - 2]
        && bytes[n - 1].is_ascii_lowercase()
        && !b"aeiou".contains(&bytes[n - 1]);
    doubled.then(|| stem[..n - 1].to_string())
}

/// The parsed table: sorted words and their vectors, row `i` for word `i`.
struct Table {
    words: Vec<&'static str>,
    vectors: &'static [u8],
}

/// Why a table's bytes were refused.
#[derive(Debug, PartialEq, Eq)]
enum TableError {
    /// Shorter than its header says.
    Truncated,
    /// Not a crosscheck word-vector table.
    Magic,
    /// A format version this module does not read.
    Version(u32),
    /// Vectors of another size than [`DIMS`].
    Dims(u32),
    /// Bytes left over after the vectors.
    TrailingBytes,
    /// The word list is not UTF-8.
    Utf8,
    /// The word list does not hold as many words as the header says.
    Count,
    /// The word list is not strictly ascending, so binary search would miss words.
    Unsorted,
}

impl fmt::Display for TableError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "word-vector table: {self:?}")
    }
}

impl Table {
    /// Checks every header field against the bytes before trusting any offset.
    fn parse(bytes: &'static [u8]) -> Result<Table, TableError> {
        let header = bytes.get(..HEADER).ok_or(TableError::Truncated)?;
        if &header[..4] != MAGIC {
            return Err(TableError::Magic);
        }
        let field = |i: usize| {
            let at = 4 + 4 * i;
            u32::from_le_bytes(header[at..at + 4].try_into().expect("4 bytes"))
        };
        let (version, dims, count, list) = (field(0), field(1), field(2), field(3));
        if version != VERSION {
            return Err(TableError::Version(version));
        }
        if dims as usize != DIMS {
            return Err(TableError::Dims(dims));
        }
        let list_end = HEADER + list as usize;
        let end = list_end + count as usize * DIMS;
        if bytes.len() < end {
            return Err(TableError::Truncated);
        }
        if bytes.len() > end {
            return Err(TableError::TrailingBytes);
        }
        let text = std::str::from_utf8(&bytes[HEADER..list_end]).map_err(|_| TableError::Utf8)?;
        let words: Vec<&'static str> = if text.is_empty() {
            Vec::new()
        } else {
            text.split('\n').collect()
        };
        if words.len() != count as usize {
            return Err(TableError::Count);
        }
        if words.windows(2).any(|w| w[0] >= w[1]) {
            return Err(TableError::Unsorted);
        }
        Ok(Table {
            words,
            vectors: &bytes[list_end..end],
        })
    }

    fn get(&self, word: &str) -> Option<WordVector> {
        let i = self.words.binary_search(&word).ok()?;
        let bytes: &[u8; DIMS] = self
            .vectors
            .get(i * DIMS..(i + 1) * DIMS)?
            .try_into()
            .ok()?;
        let norm = bytes
            .iter()
            .map(|&b| f32::from(b as i8).powi(2))
            .sum::<f32>()
            .sqrt();
        Some(WordVector {
            word: self.words[i],
            bytes,
            norm,
        })
    }
}

/// The built-in table, parsed on first use. The `builtin_table_is_valid` test proves it
/// parses; were it ever corrupt, every lookup would answer `None` rather than panic.
fn table() -> &'static Table {
    static PARSED: OnceLock<Table> = OnceLock::new();
    PARSED.get_or_init(|| {
        Table::parse(TABLE).unwrap_or_else(|_| Table {
            words: Vec::new(),
            vectors: &[],
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// Word pairs that news rewrites swap (from docs/word-vectors.md).
    const NEIGHBOURS: [(&str, &str); 11] = [
        ("demanded", "insisted"),
        ("crafted", "written"),
        ("probe", "investigation"),
        ("shut", "closed"),
        ("found", "discovered"),
        ("before", "prior"),
        ("purchase", "buy"),
        ("blaze", "fire"),
        ("physician", "doctor"),
        ("cut", "reduced"),
        ("vehicle", "car"),
    ];

    /// Words that meet in one story but mean different things.
    const UNRELATED: [(&str, &str); 6] = [
        ("plan", "ukraine"),
        ("said", "bridge"),
        ("mayor", "flood"),
        ("officials", "leak"),
        ("council", "tuesday"),
        ("fire", "budget"),
    ];

    #[test]
    fn the_dot_product_holds_at_the_extremes() {
        let (low, high) = ([0x80u8; DIMS], [0x7fu8; DIMS]);
        let n = DIMS as i32;
        assert_eq!(dot(&low, &low), 128 * 128 * n);
        assert_eq!(dot(&low, &high), -128 * 127 * n);
        assert_eq!(dot(&high, &high), dot_portable(&high, &high));
    }

    proptest! {
        /// The dot product the processor's fastest path computes is the portable loop's, for
        /// any components.
        #[test]
        fn every_dot_product_path_agrees(
            a in proptest::collection::vec(any::<u8>(), DIMS),
            b in proptest::collection::vec(any::<u8>(), DIMS),
        ) {
            let (a, b): (&[u8; DIMS], &[u8; DIMS]) =
                (a.as_slice().try_into().unwrap(), b.as_slice().try_into().unwrap());
            prop_assert_eq!(dot(a, b), dot_portable(a, b));
            prop_assert_eq!(dot(a, a), dot_portable(a, a));
        }
    }

    fn sim(a: &str, b: &str) -> f32 {
        similarity(a, b).unwrap_or_else(|| panic!("{a} or {b} not listed"))
    }

    /// A deterministic stream of table rows (64-bit LCG), so the test needs no RNG crate.
    fn random_rows(n: usize) -> impl Iterator<Item = (usize, usize)> {
        let mut state: u64 = 11;
        let mut next = move || {
            state = state
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            (state >> 33) as usize % len()
        };
        std::iter::repeat_with(move || (next(), next()))
            .filter(|(i, j)| i != j)
            .take(n)
    }

    fn row(i: usize) -> WordVector {
        table().get(table().words[i]).expect("listed")
    }

    #[test]
    fn builtin_table_is_valid() {
        let parsed = Table::parse(TABLE).expect("the shipped table parses");
        assert!(parsed.words.len() > 20_000, "{}", parsed.words.len());
        assert_eq!(parsed.vectors.len(), parsed.words.len() * DIMS);
        assert!(row(0).components().len() == DIMS);
        assert_eq!(len(), parsed.words.len());
    }

    #[test]
    fn corrupt_tables_are_refused() {
        let leak = |b: Vec<u8>| -> &'static [u8] { Box::leak(b.into_boxed_slice()) };
        let header = |version: u32, dims: u32, count: u32, list: &[u8]| {
            let mut b = MAGIC.to_vec();
            for v in [version, dims, count, list.len() as u32] {
                b.extend(v.to_le_bytes());
            }
            b.extend(list);
            b
        };
        let good = |count: u32, list: &[u8]| {
            let mut b = header(1, DIMS as u32, count, list);
            b.extend(vec![1u8; count as usize * DIMS]);
            b
        };
        let err = |b: Vec<u8>| Table::parse(leak(b)).err();
        assert!(Table::parse(leak(good(2, b"ab\ncd"))).is_ok());
        assert_eq!(err(b"CCWV".to_vec()), Some(TableError::Truncated));
        let mut bad_magic = good(2, b"ab\ncd");
        bad_magic[0] = b'X';
        assert_eq!(err(bad_magic), Some(TableError::Magic));
        assert_eq!(err(header(2, 256, 0, b"")), Some(TableError::Version(2)));
        assert_eq!(err(header(1, 300, 0, b"")), Some(TableError::Dims(300)));
        let mut short = good(2, b"ab\ncd");
        short.pop();
        assert_eq!(err(short), Some(TableError::Truncated));
        let mut long = good(2, b"ab\ncd");
        long.push(0);
        assert_eq!(err(long), Some(TableError::TrailingBytes));
        assert_eq!(err(good(3, b"ab\ncd")), Some(TableError::Count));
        assert_eq!(err(good(2, b"cd\nab")), Some(TableError::Unsorted));
        assert_eq!(err(good(2, b"ab\nab")), Some(TableError::Unsorted));
        assert_eq!(err(good(1, b"\xff")), Some(TableError::Utf8));
    }

    #[test]
    fn news_swaps_score_clearly_above_unrelated_words() {
        let unrelated = UNRELATED
            .iter()
            .map(|&(a, b)| sim(a, b))
            .fold(f32::MIN, f32::max);
        for (a, b) in NEIGHBOURS {
            let s = sim(a, b);
            assert!(s > unrelated + 0.1, "{a}/{b} {s} vs unrelated {unrelated}");
        }
    }

    #[test]
    fn most_news_swaps_pass_the_neighbour_threshold_and_unrelated_words_do_not() {
        let passing = NEIGHBOURS
            .iter()
            .filter(|&&(a, b)| sim(a, b) >= NEIGHBOUR_THRESHOLD)
            .count();
        assert!(passing >= 10, "{passing} of {}", NEIGHBOURS.len());
        for (a, b) in UNRELATED {
            assert!(sim(a, b) < NEIGHBOUR_THRESHOLD, "{a}/{b}");
        }
    }

    #[test]
    fn few_random_pairs_pass_the_neighbour_threshold() {
        let n = 20_000;
        let passing = random_rows(n)
            .filter(|&(i, j)| row(i).cosine(&row(j)) >= NEIGHBOUR_THRESHOLD)
            .count();
        assert!(
            passing * 100 < n,
            "{passing} of {n} random pairs are neighbours"
        );
    }

    #[test]
    fn inflections_fall_back_to_a_listed_form() {
        for (word, base) in [
            ("envoys", "envoy"),
            ("ferried", "ferry"),
            ("probed", "probe"),
            ("blazes", "blaze"),
            ("crafting", "craft"),
            ("capping", "cap"),
            ("Investigation", "investigation"),
            ("insisting", "insisting"),
        ] {
            let found = vector(word).map(|v| v.word());
            assert_eq!(found, Some(base), "{word}");
        }
        assert_eq!(vector("xqzvbnm"), None);
        assert_eq!(vector(""), None);
        assert_eq!(similarity("fire", "xqzvbnm"), None);
    }

    #[test]
    fn undoubling_needs_a_doubled_consonant() {
        assert_eq!(undouble("stopping").as_deref(), Some("stop"));
        assert_eq!(undouble("seeing"), None);
        assert_eq!(undouble("cutting").as_deref(), Some("cut"));
        assert_eq!(
            undouble("adding"),
            None,
            "'ad' is shorter than a stem may be"
        );
        assert_eq!(undouble("walked"), None);
    }

    proptest! {
        #[test]
        fn similarity_is_symmetric_bounded_and_one_with_itself(
            i in 0usize..21_000, j in 0usize..21_000
        ) {
            let (a, b) = (row(i % len()), row(j % len()));
            let (ab, ba) = (a.cosine(&b), b.cosine(&a));
            prop_assert_eq!(ab, ba);
            prop_assert!((-1.0..=1.0).contains(&ab));
            prop_assert!((a.cosine(&a) - 1.0).abs() < 1e-5);
            prop_assert_eq!(similarity(a.word(), b.word()), Some(ab));
        }
    }
}

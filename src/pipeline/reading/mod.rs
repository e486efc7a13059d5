//! Reading: how every stage after the quotes stage sees the words of a sentence.
//!
//! Takes one sentence's text (single quotation marks already read as double ones, see
//! [`quotes`](crate::pipeline::quotes)); returns its [`Reading`], the words found once by
//! [`word_spans`] and kept for the whole analysis, and from it the words in the view a stage
//! needs, all from this one module and one stemmer:
//!
//! - [`words`]: words with byte spans as written ("Ukraine-Russia", "Sen.", "Kushner’s" one word
//!   each), the gaps between them (clause boundaries, quotation marks) and the quoted ranges —
//!   for attribution;
//! - [`terms`]: stems, kinds (stop word, content word, number), names, attribution clauses and
//!   stock phrases, clause boundaries — for similarity (and review, which scores pairs);
//!   hyphens split, digit groups join;
//! - [`marks`]: words normalised for comparing facts, marked as quoted and as inside the
//!   attribution's spans — for integrity.
//!
//! Every view finds its words by one rule, [`word_spans`]; the word view groups them more
//! coarsely where attribution needs it (joined across a hyphen or an ampersand, with an
//! abbreviation's period).
//!
//! The one idea: no stage splits sentence text into words itself (a unit test scans `src/` for
//! it). Code that reads raw document text before there are sentences (the segmenter's
//! scanner, the HTML reader, the page-furniture rules) and the word diffs drawn for display
//! (`report::diff`, `review::diff`) are outside the pipeline's reading and keep their own
//! scans. The views differ where their stages need different words; where they differed by
//! accident they now share the rule written here.

pub(crate) mod marks;
pub mod terms;
pub(crate) mod words;

use std::cell::RefCell;
use std::ops::Range;
use std::sync::{Arc, OnceLock};

use crate::id::FastMap;

use rust_stemmers::{Algorithm, Stemmer};

/// How many stems each thread remembers before it starts afresh: a story's vocabulary fits
/// many times over, and a thread's cache stays under a few megabytes on any input.
const STEM_CACHE: usize = 1 << 15;

/// `word` in lower case (`str::to_lowercase`), borrowed when it is ASCII without a capital
/// (most words are), copied otherwise.
pub fn lowercase(word: &str) -> std::borrow::Cow<'_, str> {
    if word.is_ascii() && !word.bytes().any(|b| b.is_ascii_uppercase()) {
        word.into()
    } else {
        word.to_lowercase().into()
    }
}

/// The Snowball (English) stem of a lowercased word: the one stemmer of every stage and of
/// the word lists read as stems (stock phrases, antonyms, word vectors).
pub fn stem(lower: &str) -> String {
    shared_stem(lower).to_string()
}

/// [`stem`] shared: remembered per thread, because a story repeats its words and the
/// Snowball rules cost more than the rest of reading a word, and handed out without a copy.
pub fn shared_stem(lower: &str) -> Arc<str> {
    thread_local! {
        static STEMS: RefCell<FastMap<Box<str>, Arc<str>>> = RefCell::new(FastMap::default());
    }
    STEMS.with(|stems| {
        let mut stems = stems.borrow_mut();
        if let Some(stem) = stems.get(lower) {
            return Arc::clone(stem);
        }
        let stem: Arc<str> = snowball(lower).into();
        if stems.len() >= STEM_CACHE {
            stems.clear();
        }
        stems.insert(lower.into(), Arc::clone(&stem));
        stem
    })
}

fn snowball(lower: &str) -> String {
    static STEMMER: OnceLock<Stemmer> = OnceLock::new();
    STEMMER
        .get_or_init(|| Stemmer::create(Algorithm::English))
        .stem(lower)
        .into_owned()
}

/// An apostrophe however it is written: `'`, the typographic `’`, `‘` typed for it and the
/// modifier letter `ʼ`. The term and fact views read each as `'`.
pub(crate) fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '’' | '‘' | 'ʼ')
}

/// A letter or digit of a word (the modifier letter `ʼ` is an apostrophe, see
/// [`is_apostrophe`]).
fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() && c != 'ʼ'
}

/// The words of a sentence for comparing what it says, as byte ranges: runs of letters and
/// digits, joined across a dot or an apostrophe that a letter or digit follows ("U.S",
/// "Witkoff's", "2.5") and across a comma between digits ("1,000"); hyphens, dashes and every
/// other mark split. The term view (similarity) and the fact view (integrity) split by this one
/// rule; the word view (attribution) keeps hyphenated names and an abbreviation's final period.
pub(crate) fn word_spans(text: &str) -> Vec<Range<usize>> {
    // about one word per six bytes of news prose
    let mut out = Vec::with_capacity(text.len() / 6 + 1);
    let mut start: Option<usize> = None;
    let mut prev: Option<char> = None;
    let mut chars = text.char_indices().peekable();
    while let Some((at, c)) = chars.next() {
        if is_word_char(c) {
            start.get_or_insert(at);
        } else if start.is_some() && joins(c, prev, chars.peek().map(|&(_, n)| n)) {
            // inside the word: "U.S", "Witkoff's", "1,000"
        } else if let Some(s) = start.take() {
            out.push(s..at);
        }
        prev = Some(c);
    }
    if let Some(s) = start {
        out.push(s..text.len());
    }
    out
}

/// A mark between `prev` and `next` that keeps one word going: a dot or an apostrophe before
/// a letter or digit, a comma between digits.
fn joins(c: char, prev: Option<char>, next: Option<char>) -> bool {
    let Some(next) = next.filter(|&n| is_word_char(n)) else {
        return false;
    };
    match c {
        '.' => true,
        ',' => prev.is_some_and(|p| p.is_ascii_digit()) && next.is_ascii_digit(),
        c => is_apostrophe(c),
    }
}

/// The words of one sentence, found once by [`word_spans`] in the reading stage (right after
/// the quotes stage) and kept for every later stage: attribution, similarity, integrity and
/// review take a sentence's words from here and derive their views from them, so no stage
/// splits a sentence again.
///
/// Compact, because the pipeline keeps one per sentence of every article: each word is two
/// LEB128 numbers, the bytes since the previous word's end and its length (two bytes for
/// most words, against sixteen for a `Range<usize>`).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Reading {
    packed: Box<[u8]>,
    /// Byte ranges of quoted text, without the marks (see [`words::quotes`]).
    quoted: Box<[Range<usize>]>,
    /// Which of [`STARTS_QUOTE`] and [`CONTINUES_QUOTE`] hold.
    marks: u8,
}

/// The sentence opens with a quotation mark.
const STARTS_QUOTE: u8 = 1;
/// A quotation of an earlier sentence of the paragraph (or one the paragraph reopens) runs on
/// into the sentence.
const CONTINUES_QUOTE: u8 = 2;

impl Reading {
    /// Reads a sentence's text (quotation marks as the quotes stage left them), as a
    /// sentence of its own: no quotation runs on into it.
    pub fn new(text: &str) -> Reading {
        Reading::of_spans(&word_spans(text)).with_quotes(&words::quotes(text, false), false)
    }

    /// The readings of a document's sentences, in order. A quotation left open at the end of
    /// a sentence runs on into the next one of its paragraph, and into the next paragraph
    /// only if that paragraph reopens it (the news convention for quotations of several
    /// paragraphs).
    pub fn of_sentences(sentences: &[crate::pipeline::segment::Sentence]) -> Vec<Reading> {
        let mut open = false;
        let mut out: Vec<Reading> = Vec::with_capacity(sentences.len());
        for (i, s) in sentences.iter().enumerate() {
            let new_paragraph = i == 0 || s.paragraph != sentences[i - 1].paragraph;
            let reopens = s.text.trim_start().starts_with(['“', '"']);
            if new_paragraph && open && !reopens {
                open = false;
            }
            let continued = open && i > 0;
            // the reopening mark of a continued quotation: the quotation runs on from it
            let quotes = words::quotes(&s.text, continued && !reopens);
            open = quotes.open_at_end;
            out.push(Reading::of_spans(&word_spans(&s.text)).with_quotes(&quotes, continued));
        }
        out
    }

    fn with_quotes(mut self, quotes: &words::Quotes, continued: bool) -> Reading {
        self.quoted = quotes.quoted.clone().into_boxed_slice();
        let flag = |on: bool, mark: u8| if on { mark } else { 0 };
        self.marks =
            flag(quotes.starts_with_quote, STARTS_QUOTE) | flag(continued, CONTINUES_QUOTE);
        self
    }

    fn of_spans(spans: &[Range<usize>]) -> Reading {
        let mut packed = Vec::with_capacity(spans.len() * 2);
        let mut end = 0;
        for span in spans {
            push_number(&mut packed, span.start - end);
            push_number(&mut packed, span.end - span.start);
            end = span.end;
        }
        Reading {
            packed: packed.into_boxed_slice(),
            ..Reading::default()
        }
    }

    /// The quoted stretches of the sentence, as byte ranges without the marks.
    pub fn quoted(&self) -> &[Range<usize>] {
        &self.quoted
    }

    /// The sentence opens with a quotation mark.
    pub fn starts_with_quote(&self) -> bool {
        self.marks & STARTS_QUOTE != 0
    }

    /// A quotation of an earlier sentence runs on into this one.
    pub fn continues_quote(&self) -> bool {
        self.marks & CONTINUES_QUOTE != 0
    }

    /// The byte range of every word, in order.
    pub fn spans(&self) -> Vec<Range<usize>> {
        let mut out = Vec::with_capacity(self.packed.len() / 2);
        let (mut at, mut end) = (0, 0);
        while at < self.packed.len() {
            let start = end + read_number(&self.packed, &mut at);
            end = start + read_number(&self.packed, &mut at);
            out.push(start..end);
        }
        out
    }

    /// The words of `text[offset..]` (`text` is the sentence this reading was made of), as
    /// byte ranges of that part: what [`word_spans`] finds in it. For a claim read past the
    /// dateline of a first sentence ([`crate::pipeline::claim_text`]).
    pub fn spans_after(&self, text: &str, offset: usize) -> Vec<Range<usize>> {
        let mut spans = self.spans();
        if offset == 0 {
            return spans;
        }
        spans.retain(|s| s.end > offset);
        if let Some(first) = spans.first_mut() {
            // a word the offset cuts begins at its first letter or digit past the cut
            let past = text[offset..first.end].find(is_word_char);
            first.start = first.start.max(offset + past.unwrap_or(0));
        }
        for span in &mut spans {
            *span = span.start - offset..span.end - offset;
        }
        spans
    }

    /// The quoted stretches of `text[offset..]`, as byte ranges of that part.
    fn quoted_after(&self, offset: usize) -> Vec<Range<usize>> {
        self.quoted
            .iter()
            .filter(|r| r.end > offset)
            .map(|r| r.start.max(offset) - offset..r.end - offset)
            .collect()
    }

    /// The reading of `text[offset..]` (`text` is the sentence this reading was made of):
    /// this one when nothing is cut.
    pub fn after(&self, text: &str, offset: usize) -> std::borrow::Cow<'_, Reading> {
        if offset == 0 {
            return std::borrow::Cow::Borrowed(self);
        }
        std::borrow::Cow::Owned(Reading {
            quoted: self.quoted_after(offset).into_boxed_slice(),
            marks: self.marks,
            ..Reading::of_spans(&self.spans_after(text, offset))
        })
    }
}

fn push_number(out: &mut Vec<u8>, mut n: usize) {
    while n >= 0x80 {
        out.push((n as u8) | 0x80);
        n >>= 7;
    }
    out.push(n as u8);
}

fn read_number(packed: &[u8], at: &mut usize) -> usize {
    let (mut n, mut shift) = (0usize, 0);
    loop {
        let byte = packed[*at];
        *at += 1;
        n |= usize::from(byte & 0x7f) << shift;
        if byte < 0x80 {
            return n;
        }
        shift += 7;
    }
}

/// The words of one entry of a word list ("rise fall"): lists are read here too, so a list
/// and the sentences it is matched against are split by one module.
pub fn entry_words(entry: &str) -> impl Iterator<Item = &str> {
    entry.split_whitespace()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spans(text: &str) -> Vec<&str> {
        word_spans(text).into_iter().map(|r| &text[r]).collect()
    }

    #[test]
    fn words_join_across_dots_apostrophes_and_digit_groups_only() {
        assert_eq!(
            spans("U.S.-Russia talks cost $1,000, or 2.5%, Witkoff's aides said."),
            [
                "U.S",
                "Russia",
                "talks",
                "cost",
                "1,000",
                "or",
                "2.5",
                "Witkoff's",
                "aides",
                "said"
            ]
        );
        // a comma between words, a dash, a closing mark: each splits
        assert_eq!(spans("one,two—three”four"), ["one", "two", "three", "four"]);
        // an apostrophe however written joins before a letter and is dropped after one
        assert_eq!(
            spans("don’t don‘t donʼt don't"),
            ["don’t", "don‘t", "donʼt", "don't"]
        );
        assert_eq!(spans("the officialsʼ plan"), ["the", "officials", "plan"]);
    }

    #[test]
    fn the_term_and_fact_views_split_words_alike() {
        // the fact view used to split "don‘t" in two and keep "officialsʼ" whole, where the
        // term view read both marks as apostrophes; one rule now serves both
        let text = "Officials don‘t agree on the officialsʼ plan, the U.S.-Russia panel said.";
        let facts: Vec<String> = marks::words(text, &[])
            .into_iter()
            .map(|w| w.norm)
            .collect();
        assert_eq!(
            facts,
            [
                "officials",
                "don't",
                "agree",
                "on",
                "the",
                "officials",
                "plan",
                "the",
                "us",
                "russia",
                "panel",
                "said"
            ]
        );
        let terms = terms::analyse(text);
        assert_eq!(
            terms.len(),
            facts.len() + 1,
            "the term view splits don't in two"
        );
    }
    #[test]
    fn a_reading_keeps_the_words_of_the_one_rule() {
        let long = "x".repeat(300);
        for text in [
            "",
            "  ",
            "U.S.-Russia talks cost $1,000, or 2.5%, Witkoff's aides said.",
            "“Ça va,” dit-il — 北京 officials’ plan.",
            long.as_str(),
        ] {
            assert_eq!(Reading::new(text).spans(), word_spans(text), "{text:?}");
        }
    }

    #[test]
    fn a_reading_past_a_dateline_is_the_reading_of_what_follows() {
        let text = "MILLBROOK, Ore. (AP) — The 1,200 workers said it would close.";
        let offset = text.find("The").unwrap();
        let reading = Reading::new(text);
        assert_eq!(
            reading.spans_after(text, offset),
            word_spans(&text[offset..])
        );
        assert_eq!(
            reading.after(text, offset).spans(),
            word_spans(&text[offset..])
        );
        // a cut inside a word (never a dateline's) starts at the next letter or digit
        let cut = text.find("ORE").unwrap_or(text.find("re.").unwrap());
        assert_eq!(reading.spans_after(text, cut), word_spans(&text[cut..]));
        let dot = text.find(". (").unwrap();
        assert_eq!(reading.spans_after(text, dot), word_spans(&text[dot..]));
    }

    proptest::proptest! {
        /// Whatever the text and wherever it is cut, a reading gives the words of the one
        /// rule, of the whole text and of what follows the cut.
        #[test]
        fn a_reading_is_word_spans_of_any_part(text in "[aZ9 .,'’ʼ\\-é—“]{0,40}", cut in 0usize..40) {
            let reading = Reading::new(&text);
            proptest::prop_assert_eq!(reading.spans(), word_spans(&text));
            let boundaries: Vec<usize> = text.char_indices().map(|(i, _)| i).collect();
            if let Some(&k) = boundaries.get(cut) {
                proptest::prop_assert_eq!(reading.spans_after(&text, k), word_spans(&text[k..]));
            }
        }
    }

    #[test]
    fn a_quotation_runs_on_within_its_paragraph_and_into_one_that_reopens_it() {
        use crate::pipeline::segment::Sentence;
        let sentence = |paragraph: usize, text: &str| Sentence {
            paragraph,
            line: paragraph,
            span: 0..text.len(),
            text: text.into(),
        };
        let readings = Reading::of_sentences(&[
            sentence(1, "She said: “The bridge is unsafe."),
            sentence(1, "It must close."),
            sentence(2, "“We have no choice."),
            sentence(3, "The council met."),
        ]);
        assert_eq!(readings[0].quoted(), vec![13..34]); // after the opening mark, to the end
        assert!(!readings[0].continues_quote());
        assert!(readings[1].continues_quote());
        assert_eq!(readings[1].quoted(), vec![0..14]);
        // the next paragraph reopens it; the one after does not, so nothing runs on
        assert!(readings[2].continues_quote() && readings[2].starts_with_quote());
        assert!(!readings[3].continues_quote());
        assert!(readings[3].quoted().is_empty());
        // a claim cut past a dateline keeps its quotation, shifted
        let text = "ALDMERE — “It is done,” she said.";
        let whole = Reading::new(text);
        let cut = whole.after(text, text.find('“').unwrap());
        assert_eq!(cut.quoted(), vec![3..14]);
    }

    /// Files that may split text into words themselves, and why.
    const ALLOWED: [&str; 8] = [
        "src/pipeline/reading/", // the reading itself
        "src/pipeline/segment/", // raw document text, before there are sentences
        "src/pipeline/html.rs",  // raw page text, before there are sentences
        "src/report/diff.rs",    // a word diff drawn for display
        "src/review/diff.rs",    // a word diff drawn for display
        "src/review/mod.rs",     // whitespace folded in a reviewer's note
        "src/review/check.rs",   // whitespace folded in a Markdown cell
        "src/cli/",              // whitespace folded in notes typed at the terminal
    ];

    /// No module outside the allowed ones splits text into words (`split_whitespace`,
    /// `unicode_words`, `split_word_bounds`): they read a sentence through this module.
    #[test]
    fn only_the_reading_splits_sentences_into_words() {
        let mut found = Vec::new();
        let mut dirs = vec![std::path::PathBuf::from("src")];
        while let Some(dir) = dirs.pop() {
            for entry in std::fs::read_dir(&dir).unwrap() {
                let path = entry.unwrap().path();
                if path.is_dir() {
                    dirs.push(path);
                    continue;
                }
                let name = path.to_string_lossy().replace('\\', "/");
                if !name.ends_with(".rs") || ALLOWED.iter().any(|a| name.starts_with(a)) {
                    continue;
                }
                let text = std::fs::read_to_string(&path).unwrap();
                for (n, line) in text.lines().enumerate() {
                    let calls = ["split_whitespace(", "unicode_words(", "split_word_bounds("];
                    if calls.iter().any(|c| line.contains(&format!(".{c}"))) {
                        found.push(format!("{name}:{}: {}", n + 1, line.trim()));
                    }
                }
            }
        }
        assert!(
            found.is_empty(),
            "split outside the reading:\n{}",
            found.join("\n")
        );
    }
}

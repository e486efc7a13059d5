//! The term view of a sentence: its words normalised for scoring (contractions split,
//! possessives dropped, numbers as digits, Snowball stems), each marked as a stop word,
//! content word or number, as a name or not, as inside an attribution clause or a stock
//! phrase, and whether a clause boundary precedes it.
//!
//! Takes one sentence's text; returns its [`Token`]s. Similarity reads sentences through it.
//! Finer than the word view where scoring needs it: hyphens split ("28-point" is "28" and
//! "point"), digit groups join ("1,000" is one number).

use std::borrow::Cow;
use std::ops::Range;

use super::{is_apostrophe, word_spans};
use std::sync::{Arc, OnceLock};

use crate::id::{FastMap, FastSet};
use crate::lexicon::credits::{CUE_WORDS, LONG_CREDITS, REFUSAL_LEADS};
use crate::lexicon::numbers::{COUNT_WORDS, SMALL_NUMBERS, TENS};
pub use crate::lexicon::OPENING_WORDS as SENTENCE_STARTERS;
use crate::lexicon::{STOCK_PHRASES, STOPWORDS, TIME_WORDS};

/// The word lists the term view reads.
struct TermLexicon {
    stop: FastSet<&'static str>,
    cues: FastSet<&'static str>,
    time: FastSet<&'static str>,
    starters: FastSet<&'static str>,
    /// Each stock phrase as the stems of its content words.
    phrases: Vec<Vec<String>>,
}

fn entries(list: &'static str) -> impl Iterator<Item = &'static str> {
    list.lines()
        .map(|l| l.split('#').next().unwrap_or("").trim())
        .filter(|l| !l.is_empty())
}

fn term_lexicon() -> &'static TermLexicon {
    static LEXICON: OnceLock<TermLexicon> = OnceLock::new();
    LEXICON.get_or_init(|| {
        let stop: FastSet<&str> = entries(STOPWORDS).collect();
        let phrases = entries(STOCK_PHRASES)
            .map(|p| {
                p.split_whitespace()
                    .map(str::to_lowercase)
                    .filter(|w| !stop.contains(w.as_str()))
                    .map(|w| super::stem(&w))
                    .collect()
            })
            .collect();
        TermLexicon {
            cues: CUE_WORDS.iter().copied().collect(),
            time: entries(TIME_WORDS).collect(),
            starters: entries(SENTENCE_STARTERS).collect(),
            stop,
            phrases,
        }
    })
}

/// The digits of a number word ("twelve" → "12", "dozen" → "12"), as features and claim ids
/// read them: the number words of `src/data/numbers.txt`, which integrity reads too.
pub fn number_word(w: &str) -> Option<&'static str> {
    static DIGITS: OnceLock<FastMap<&'static str, String>> = OnceLock::new();
    DIGITS
        .get_or_init(|| {
            let small = SMALL_NUMBERS.iter().enumerate().map(|(n, w)| (*w, n));
            let tens = TENS.iter().enumerate().map(|(n, w)| (*w, 20 + 10 * n));
            let counts = COUNT_WORDS.iter().filter_map(|entry| {
                let (word, value) = entry.split_once(' ')?;
                Some((word, value.trim().parse().ok()?))
            });
            small
                .chain(tens)
                .chain(counts)
                .map(|(w, n): (&'static str, usize)| (w, n.to_string()))
                .collect()
        })
        .get(w)
        .map(String::as_str)
}

/// What a token is, for the sets built from it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// A function word.
    Stop,
    /// A content word.
    Content,
    /// A number (digits or a number word).
    Number,
}

/// One word of a sentence after normalisation.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Token<'a> {
    /// The word as written (quotes normalised), borrowed from the sentence where it can be.
    pub text: Cow<'a, str>,
    /// Lowercased stem (numbers: digits without separators), shared with the stem cache.
    pub stem: Arc<str>,
    /// Stop word, content word or number.
    pub kind: Kind,
    /// Written with a capital and not at the start of a sentence or quotation (or an acronym).
    pub name: bool,
    /// An attribution cue, or inside a trailing or leading attribution clause.
    pub attribution: bool,
    /// Inside a stock phrase (names and numbers excepted).
    pub stock: bool,
    /// A name, or a capitalised first word that may be one (not a known sentence starter,
    /// not ending in -ly, -ing or -ed).
    pub possible_name: bool,
    /// Written in capitals, two letters or more, dots aside ("FBI", "U.S.", "NATO").
    pub capitals: bool,
    /// Part of the claim's credit, not of what it claims: inside the source or the cue the
    /// attribution stage found ("Police Chief Anita Sorensen", "said"), or, for a text read
    /// without it ([`Credit::Unread`]), marked `attribution`.
    pub credited: bool,
}

/// What the attribution stage found of a claim's credit, for [`analyse_credited`].
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub enum Credit {
    /// Read without the attribution stage (two sentences explained, MSRP pairs): the
    /// attribution clauses this view marks stand in for it.
    #[default]
    Unread,
    /// No attribution phrase in the claim's text (none, carried from before, or a stance,
    /// whose source is the claim's actor: "The mayor rejected the report").
    Absent,
    /// The byte ranges of the claim's source and cue in its text ("Police Chief Anita
    /// Sorensen", "said"). What the attribution phrase holds besides stays: an appositive
    /// ("Halvorsen, the No. 2 food distributor, said") or the cue's setting ("said in a
    /// 62-page opinion") states facts of its own.
    Phrase {
        /// The source's words.
        source: Option<Range<usize>>,
        /// The cue's words.
        cue: Option<Range<usize>>,
    },
}

/// Splits text into raw words ([`word_spans`]: U.S., 2.5, 1,000, Witkoff's), apostrophes
/// and curly quotation marks read straight. Returns the words and, for each, whether a clause
/// boundary (start, quotation mark, colon, comma, dash) precedes it.
fn raw_words<'t>(text: &'t str, spans: &[Range<usize>]) -> Vec<(Cow<'t, str>, Boundary)> {
    let straight = |c: char| match c {
        c if is_apostrophe(c) => '\'',
        '\u{201c}' | '\u{201d}' | '\u{201e}' | '\u{00ab}' | '\u{00bb}' => '"',
        c => c,
    };
    let mut out = Vec::with_capacity(spans.len());
    let mut boundary = Boundary::Start;
    let mut from = 0;
    for span in spans.iter().cloned() {
        let gap = &text[from..span.start];
        // A typed dash (" - ") is a dash, as the word view reads it.
        if boundary == Boundary::None && super::words::has_dash(gap) {
            boundary = Boundary::Clause;
        }
        for c in gap.chars().map(straight) {
            match c {
                '"' => boundary = Boundary::Quote,
                ':' | ';' | '(' | ')' | '\u{2014}' | '\u{2013}' if boundary == Boundary::None => {
                    boundary = Boundary::Clause
                }
                ',' if boundary == Boundary::None => boundary = Boundary::Comma,
                '.' | '?' | '!' => boundary = Boundary::Start,
                _ => {}
            }
        }
        let word = &text[span.clone()];
        let word = if word.chars().any(|c| straight(c) != c) {
            Cow::Owned(word.chars().map(straight).collect())
        } else {
            Cow::Borrowed(word)
        };
        out.push((word, boundary));
        boundary = Boundary::None;
        from = span.end;
    }
    out
}

/// What precedes a word.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Boundary {
    None,
    Start,
    Quote,
    Clause,
    Comma,
}

/// Normalises raw words into tokens: contractions split, possessives dropped, stems, kinds,
/// names. Returns the tokens and their boundaries.
fn tokens<'t>(
    text: &'t str,
    spans: &[Range<usize>],
    credit: &Credit,
) -> (Vec<Token<'t>>, Vec<Boundary>) {
    let lex = term_lexicon();
    let mut toks = Vec::with_capacity(spans.len());
    let mut bounds = Vec::with_capacity(spans.len());
    let within = |range: &Option<Range<usize>>, span: &Range<usize>| {
        range
            .as_ref()
            .is_some_and(|r| r.start <= span.start && span.end <= r.end)
    };
    let credited = |span: &Range<usize>| match credit {
        Credit::Phrase { source, cue } => within(source, span) || within(cue, span),
        _ => false,
    };
    for ((word, boundary), span) in raw_words(text, spans).into_iter().zip(spans) {
        let first_of_word = toks.len();
        // "don't" is "do" and "not"; "Witkoff's" is "Witkoff"; the second part is never a
        // clause's first word.
        let contracted = word.len() >= 3
            && word.is_char_boundary(word.len() - 3)
            && word[word.len() - 3..].eq_ignore_ascii_case("n't");
        let (first, not): (Cow<str>, bool) = if contracted {
            let lower = word.to_lowercase();
            let base = match &lower[..lower.len() - 3] {
                "wo" => "will",
                "ca" => "can",
                "sha" => "shall",
                b => b,
            };
            (Cow::Owned(base.to_string()), true)
        } else if let Some(pos) = word.find('\'') {
            (prefix_of(word, pos), false)
        } else {
            (word, false)
        };
        if !first.is_empty() {
            let starts_clause = matches!(boundary, Boundary::Start | Boundary::Quote);
            toks.push(token(lex, first, starts_clause));
            bounds.push(boundary);
        }
        if not {
            toks.push(token(lex, Cow::Borrowed("not"), false));
            bounds.push(Boundary::None);
        }
        if credited(span) {
            toks[first_of_word..]
                .iter_mut()
                .for_each(|t| t.credited = true);
        }
    }
    (toks, bounds)
}

/// The first `end` bytes of `word`, still borrowed from the sentence when `word` is.
fn prefix_of(word: Cow<'_, str>, end: usize) -> Cow<'_, str> {
    match word {
        Cow::Borrowed(w) => Cow::Borrowed(&w[..end]),
        Cow::Owned(mut w) => {
            w.truncate(end);
            Cow::Owned(w)
        }
    }
}

fn token<'t>(lex: &TermLexicon, text: Cow<'t, str>, starts_clause: bool) -> Token<'t> {
    let word: &str = &text;
    let first_digit = word.starts_with(|c: char| c.is_ascii_digit());
    let dotted = word.contains('.');
    let mut letters = word.chars().filter(|c| c.is_alphabetic());
    let first_letter_capital = letters.next().map(char::is_uppercase);
    let all_caps = first_letter_capital == Some(true)
        && letters.clone().next().is_some()
        && letters.all(char::is_uppercase);
    let lower = super::lowercase(word);
    if first_digit {
        let digits: String = lower.chars().filter(|&c| c != ',').collect();
        return Token {
            text,
            stem: digits.into(),
            kind: Kind::Number,
            name: false,
            attribution: false,
            stock: false,
            possible_name: false,
            capitals: false,
            credited: false,
        };
    }
    // Acronyms and abbreviations (U.S., US, NATO) keep their letters only, and are never stop
    // words even when they spell one ("US" is not "us").
    let acronym = all_caps || (dotted && first_letter_capital == Some(true));
    let bare: Cow<str> = if dotted {
        Cow::Owned(lower.chars().filter(|&c| c != '.').collect())
    } else {
        lower
    };
    if let Some(n) = number_word(&bare) {
        return Token {
            text,
            stem: n.into(),
            kind: Kind::Number,
            name: false,
            attribution: false,
            stock: false,
            possible_name: false,
            capitals: false,
            credited: false,
        };
    }
    let stop = !acronym && (lex.stop.contains(&*bare) || lex.time.contains(&*bare));
    let capital = word.chars().next().is_some_and(char::is_uppercase);
    let name = !stop && (acronym || (capital && !starts_clause));
    let possible_name = name
        || (!stop
            && capital
            && bare.chars().count() >= 3
            && !["ly", "ing", "ed"].iter().any(|s| bare.ends_with(s))
            && !lex.starters.contains(&*bare)
            && !lex.cues.contains(&*bare));
    let attribution = lex.cues.contains(&*bare);
    let stem = if acronym {
        bare.into()
    } else {
        super::shared_stem(&bare)
    };
    Token {
        possible_name,
        text,
        stem,
        kind: if stop { Kind::Stop } else { Kind::Content },
        name,
        attribution,
        stock: false,
        capitals: all_caps,
        credited: false,
    }
}

/// Whether the clause `range` only credits (", officials said", "According to the Journal,")
/// rather than reports a claim with its own cue. It reports one when a "that" opens a clause
/// after the cue (", and shop owners warned that the detour would cost them customers");
/// when the cue is refused ("which would not say how much was taken", "declined to say");
/// or, for a trailing clause after a comma (`after_comma`), when five or more words follow a
/// cue other than "according" or "told" (", said the attackers first targeted the guards").
/// After a closing quotation mark that length is a credit's trimmings ("," he said during a
/// briefing at the hospital.); "told reporters on Tuesday at the White House" and "according
/// to people familiar with the matter" run long as credits. Leading clauses are not judged
/// by length (docs/accuracy.md says why).
fn credits(toks: &[Token], cue_at: &[bool], range: Range<usize>, after_comma: bool) -> bool {
    let Some(cue) = range.clone().find(|&i| cue_at[i]) else {
        return false;
    };
    let listed =
        |i: usize, list: &[&str]| list.iter().any(|w| toks[i].text.eq_ignore_ascii_case(w));
    // A "that" with two words or more after it opens a clause; "…, he said that." does not.
    let that = (cue + 1..range.end.saturating_sub(2)).any(|i| listed(i, &["that"]));
    let refused = cue > range.start && listed(cue - 1, &REFUSAL_LEADS);
    let long = after_comma && range.end - cue > 5 && !listed(cue, &LONG_CREDITS);
    !that && !refused && !long
}

/// Marks attribution clauses and stock phrases.
fn discount(lex: &TermLexicon, toks: &mut [Token], bounds: &[Boundary]) {
    let n = toks.len();
    let cue_at: Vec<bool> = toks.iter().map(|t| t.attribution).collect();
    // A trailing clause after the last comma or quotation mark holding a cue: ", officials said."
    // / "..." US officials told the Journal. / , according to people familiar with the matter.
    if let Some(start) = (1..n)
        .rev()
        .find(|&i| matches!(bounds[i], Boundary::Comma | Boundary::Quote))
    {
        let after_comma = bounds[start] == Boundary::Comma;
        if start >= 3 && n - start <= 12 && credits(toks, &cue_at, start..n, after_comma) {
            toks[start..].iter_mut().for_each(|t| t.attribution = true);
        }
    }
    // A leading clause holding a cue, closed by a comma: "According to the Journal, ...".
    if let Some(end) = (1..n.min(12)).find(|&i| bounds[i] == Boundary::Comma) {
        if credits(toks, &cue_at, 0..end, false) && n - end >= 3 {
            toks[..end].iter_mut().for_each(|t| t.attribution = true);
        }
    }
    // Stock phrases: their content stems in order, at most two other words between.
    let content: Vec<usize> = (0..n).filter(|&i| toks[i].kind != Kind::Stop).collect();
    for phrase in &lex.phrases {
        if phrase.is_empty() {
            continue;
        }
        for s in 0..content.len() {
            if *toks[content[s]].stem != *phrase[0] {
                continue;
            }
            let mut hit = vec![content[s]];
            let mut j = s + 1;
            for want in &phrase[1..] {
                match (j..content.len())
                    .take(3)
                    .find(|&k| *toks[content[k]].stem == **want)
                {
                    Some(k) => {
                        hit.push(content[k]);
                        j = k + 1;
                    }
                    None => {
                        hit.clear();
                        break;
                    }
                }
            }
            if hit.len() == phrase.len() && phrase.len() > 1 {
                let (lo, hi) = (hit[0], *hit.last().unwrap_or(&hit[0]));
                // The stems and the function words between them; names stay (who did not
                // respond is the claim).
                for t in &mut toks[lo..=hi] {
                    if !t.name && t.kind != Kind::Number {
                        t.stock = true;
                    }
                }
            }
        }
    }
}

/// Without the attribution stage's credit, what this view marks as attribution is taken for it.
fn credit_by_clauses(toks: &mut [Token]) {
    toks.iter_mut().for_each(|t| t.credited = t.attribution);
}

/// Tokens of a sentence with attribution and stock phrases marked, for `explain`.
pub fn analyse(text: &str) -> Vec<Token<'_>> {
    let lex = term_lexicon();
    let (mut toks, bounds) = tokens(text, &word_spans(text), &Credit::Unread);
    discount(lex, &mut toks, &bounds);
    credit_by_clauses(&mut toks);
    toks
}

/// Tokens of a sentence as [`analyse`] marks them, each with whether a clause boundary (a
/// comma, colon, semicolon, dash, bracket or quotation mark) precedes it.
pub fn analyse_with_boundaries(text: &str) -> Vec<(Token<'_>, bool)> {
    let (toks, bounds) = analyse_marked(text);
    toks.into_iter().zip(bounds).collect()
}

/// The tokens of [`analyse_with_boundaries`] and, apart, whether a boundary precedes each.
pub fn analyse_marked(text: &str) -> (Vec<Token<'_>>, Vec<bool>) {
    analyse_marked_words(text, &word_spans(text))
}

/// [`analyse_marked`] of a sentence whose words were read already (its
/// [`Reading`](super::Reading)'s spans).
pub fn analyse_marked_words<'t>(
    text: &'t str,
    spans: &[Range<usize>],
) -> (Vec<Token<'t>>, Vec<bool>) {
    analyse_credited(text, spans, &Credit::Unread)
}

/// [`analyse_marked_words`] with each token marked [`credited`](Token::credited) as
/// `credit` says.
pub fn analyse_credited<'t>(
    text: &'t str,
    spans: &[Range<usize>],
    credit: &Credit,
) -> (Vec<Token<'t>>, Vec<bool>) {
    let lex = term_lexicon();
    let (mut toks, bounds) = tokens(text, spans, credit);
    discount(lex, &mut toks, &bounds);
    if *credit == Credit::Unread {
        credit_by_clauses(&mut toks);
    }
    let bounds = bounds.into_iter().map(|b| b != Boundary::None).collect();
    (toks, bounds)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The words of `text` outside attribution, as written.
    fn claim_words(text: &str) -> Vec<String> {
        analyse(text)
            .into_iter()
            .filter(|t| !t.attribution)
            .map(|t| t.text.into_owned())
            .collect()
    }

    #[test]
    fn a_typed_dash_is_a_clause_boundary_as_an_em_dash_is() {
        for text in [
            "The pier reopened - the port said so.",
            "The pier reopened — the port said so.",
        ] {
            let marked = analyse_with_boundaries(text);
            let the = marked.iter().position(|(t, _)| t.text == "the").unwrap();
            assert!(marked[the].1, "{text}");
        }
        let marked = analyse_with_boundaries("The well-known pier reopened.");
        assert!(
            marked.iter().all(|(t, b)| !b || t.text == "The"),
            "{marked:?}"
        );
    }

    #[test]
    fn a_credit_tail_is_attribution() {
        for text in [
            "The depot will close in March, officials said on Tuesday.",
            "“We will rebuild the depot,” the mayor said during a briefing at the city hall.",
            "The depot will close in March, according to people familiar with the matter.",
            "The depot will close in March, the union told reporters outside the plant.",
        ] {
            let words = claim_words(text);
            assert!(words.contains(&"depot".to_string()), "{text}");
            assert!(
                !words
                    .iter()
                    .any(|w| w == "said" || w == "according" || w == "told"),
                "{text}: {words:?}"
            );
        }
    }

    #[test]
    fn a_tail_with_its_own_claim_is_content() {
        for (text, kept) in [
            // A cue and "that": a second claim, not a credit of the first.
            (
                "Fares will rise in May, and drivers warned that service would be cut.",
                "service",
            ),
            // A refused statement is the claim.
            (
                "The truck belongs to a courier, which would not say how much was taken.",
                "taken",
            ),
            (
                "The depot closed, and the owner declined to say why.",
                "why",
            ),
            // After a comma, five or more words after the cue are what was said.
            (
                "Dana Ruiz, the county sheriff, said the driver had fled on foot.",
                "fled",
            ),
        ] {
            assert!(
                claim_words(text).iter().any(|w| w == kept),
                "{text}: {:?}",
                claim_words(text)
            );
        }
    }

    #[test]
    fn number_words_are_read_from_the_one_list() {
        assert_eq!(number_word("zero"), Some("0"));
        assert_eq!(number_word("nineteen"), Some("19"));
        assert_eq!(number_word("ninety"), Some("90"));
        assert_eq!(number_word("dozen"), Some("12"));
        assert_eq!(number_word("hundred"), Some("100"));
        assert_eq!(number_word("twelfth"), None);
    }
}

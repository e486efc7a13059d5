//! The word view of a sentence: words with byte spans, what separates them, and its
//! quotation marks (linear scans, no regex).
//!
//! Takes one sentence's text; returns its words ("Ukraine-Russia", "Sen.", "Kushner’s" one word
//! each), the gaps between them (space, clause boundary, quotation mark) and the quoted
//! ranges. Attribution reads sentences through it.

use std::ops::Range;

use super::{is_apostrophe, word_spans};
use crate::lexicon::attribution::ABBREVIATIONS;

/// One word of a sentence: letters and digits, with inner `.`, `-` and apostrophes ("U.S.",
/// "Kushner’s", "Ukraine-Russia"), a final period only for abbreviations ("Sen.", "U.S.").
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Token {
    /// Byte range in the sentence.
    pub span: Range<usize>,
    /// The word as written.
    pub text: String,
    /// The word in lower case.
    pub lower: String,
}

impl Token {
    /// Starts with an upper-case letter or a digit-free capital ("U.S.", "Axios").
    pub fn is_capitalized(&self) -> bool {
        self.text.chars().next().is_some_and(char::is_uppercase)
    }

    /// Ends in a possessive ("Kushner’s", "lawmakers’").
    pub fn is_possessive(&self) -> bool {
        let t = &self.text;
        t.ends_with("’s") || t.ends_with("'s") || t.ends_with("s’") || t.ends_with("s'")
    }
}

/// "No. 2", "Nos. 3 and 4": the abbreviation of "number", told from the word "no." by the
/// number after it (`after` is the text after its period).
fn number_sign(word: &str, after: &str) -> bool {
    let mut after = after.chars();
    matches!(word, "No" | "no" | "Nos" | "nos")
        && after.next() == Some(' ')
        && after.next().is_some_and(|c| c.is_ascii_digit())
}

/// A mark that joins the words on either side into one word of this view ("Ukraine-Russia",
/// "AT&T"); the finer rule of [`word_spans`] splits there.
fn is_joiner(c: char) -> bool {
    matches!(c, '-' | '‑' | '&')
}

/// Splits a sentence into words: the words of [`word_spans`], the one rule of every view,
/// joined across a hyphen or an ampersand between them, with an abbreviation's period and a
/// plural possessive's apostrophe kept ("Sen.", "U.S.", "officials’").
pub(crate) fn tokens(s: &str) -> Vec<Token> {
    tokens_of(s, &word_spans(s))
}

/// [`tokens`] of a sentence whose words were read already (its
/// [`Reading`](super::Reading)'s spans).
pub(crate) fn tokens_of(s: &str, spans: &[Range<usize>]) -> Vec<Token> {
    let mut out = Vec::with_capacity(spans.len());
    let mut k = 0;
    while k < spans.len() {
        let start = spans[k].start;
        let mut end = spans[k].end;
        while let Some(next) = spans.get(k + 1) {
            let mut gap = s[end..next.start].chars();
            match (gap.next(), gap.next()) {
                (Some(c), None) if is_joiner(c) => {
                    end = next.end;
                    k += 1;
                }
                _ => break,
            }
        }
        k += 1;
        let word = &s[start..end];
        if let Some(next) = s[end..].chars().next() {
            let abbreviation = next == '.'
                && (word.contains('.')
                    || ABBREVIATIONS.contains(&word.to_lowercase().as_str())
                    || number_sign(word, &s[end + 1..]));
            let possessive = is_apostrophe(next) && word.ends_with(['s', 'S']);
            if abbreviation || possessive {
                end += next.len_utf8();
            }
        }
        let text = s[start..end].to_string();
        out.push(Token {
            span: start..end,
            lower: text.to_lowercase(),
            text,
        });
    }
    out
}

/// Characters that end a clause when they stand between two words.
pub(crate) fn is_boundary_char(c: char) -> bool {
    matches!(
        c,
        ',' | ';' | ':' | '(' | ')' | '[' | ']' | '“' | '”' | '"' | '—' | '–' | '!' | '?' | '.'
    )
}

/// What separates a word from the one before it (or the sentence start).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Gap {
    /// Only spaces.
    Space,
    /// The sentence start (possibly after opening punctuation).
    Start,
    /// A comma, semicolon, colon, bracket or dash.
    Comma,
    /// A closing quotation mark (`,”`, `,"`, `?"`).
    QuoteClose,
    /// An opening quotation mark.
    QuoteOpen,
}

/// Classifies the text between two words (`gap` is what lies between them).
pub(crate) fn classify_gap(gap: &str, at_start: bool) -> Gap {
    if at_start {
        return Gap::Start;
    }
    let mut kind = Gap::Space;
    for (k, c) in gap.char_indices() {
        match c {
            '”' => return Gap::QuoteClose,
            '“' => kind = Gap::QuoteOpen,
            '"' => {
                // A straight quote after punctuation or a word closes; after a space (or an
                // opening bracket) and right before a word it opens: the gap ends where the
                // next word starts, so a mark that ends the gap touches that word.
                let (before, after) = around(gap, k, c);
                let before_space = before.is_some_and(|p| p.is_whitespace() || p == '(');
                let after_space = after.is_some_and(char::is_whitespace);
                if after_space || !before_space {
                    return Gap::QuoteClose;
                }
                kind = Gap::QuoteOpen;
            }
            c if is_boundary_char(c) && kind == Gap::Space => kind = Gap::Comma,
            // A hyphen with space on both sides is a typed dash: "WASHINGTON (Reuters) - A".
            '-' if kind == Gap::Space && is_spaced(gap, k) => kind = Gap::Comma,
            _ => {}
        }
    }
    kind
}

/// The characters right before and right after the character `c` at byte `k` of `gap`.
fn around(gap: &str, k: usize, c: char) -> (Option<char>, Option<char>) {
    (
        gap[..k].chars().next_back(),
        gap[k + c.len_utf8()..].chars().next(),
    )
}

/// Whether the hyphen at byte `k` of `gap` has whitespace on both sides (a hyphen joining two
/// words, "U.S.-Russia", has none).
fn is_spaced(gap: &str, k: usize) -> bool {
    let (before, after) = around(gap, k, '-');
    before.is_some_and(char::is_whitespace) && after.is_some_and(char::is_whitespace)
}

/// Whether a gap between two words holds a dash: an em or en dash, or a hyphen typed with
/// spaces around it ("Dec 29 (Reuters) - ...").
pub(crate) fn has_dash(gap: &str) -> bool {
    gap.contains(['—', '–']) || gap.match_indices('-').any(|(k, _)| is_spaced(gap, k))
}

/// Quotation marks of one sentence.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct Quotes {
    /// Byte ranges of quoted text (without the marks).
    pub quoted: Vec<Range<usize>>,
    /// A quotation is still open at the end of the sentence.
    pub open_at_end: bool,
    /// The sentence starts with an opening quotation mark.
    pub starts_with_quote: bool,
}

/// Finds quoted stretches; `open` says a quotation from an earlier sentence is still open.
///
/// Curly and straight marks pair with each other (`“...,"` closes). A straight mark opens when
/// a word follows it and closes otherwise.
pub(crate) fn quotes(s: &str, open: bool) -> Quotes {
    let mut out = Quotes {
        starts_with_quote: s.trim_start().starts_with(['“', '"']),
        ..Quotes::default()
    };
    let mut inside = open;
    let mut start = 0;
    let mut prev: Option<char> = None;
    let mut iter = s.char_indices().peekable();
    while let Some((i, c)) = iter.next() {
        let next = iter.peek().map(|&(_, n)| n);
        match c {
            '“' if !inside => {
                inside = true;
                start = i + c.len_utf8();
            }
            '”' if inside => {
                out.quoted.push(start..i);
                inside = false;
            }
            '"' => {
                let opens = next.is_some_and(|n| !n.is_whitespace())
                    && prev.is_none_or(|p| p.is_whitespace() || matches!(p, '(' | '—' | '–'));
                if inside && !opens {
                    out.quoted.push(start..i);
                    inside = false;
                } else if !inside && opens {
                    inside = true;
                    start = i + 1;
                }
            }
            _ => {}
        }
        prev = Some(c);
    }
    if inside {
        out.quoted.push(start..s.len());
        out.open_at_end = true;
    }
    out.quoted.retain(|r| r.start < r.end);
    out
}

/// Number of letters and digits in `s`.
pub(crate) fn letters(s: &str) -> usize {
    s.chars().filter(|c| c.is_alphanumeric()).count()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_hyphen_with_spaces_is_a_dash_and_one_inside_a_word_is_not() {
        assert_eq!(classify_gap(" - ", false), Gap::Comma);
        assert_eq!(classify_gap(") - ", false), Gap::Comma);
        assert_eq!(classify_gap("-", false), Gap::Space);
        assert!(has_dash(") - ") && has_dash(" — ") && has_dash(" – "));
        assert!(!has_dash(" ") && !has_dash("-"));
    }

    #[test]
    fn tokens_keep_abbreviations_and_possessives() {
        let t: Vec<String> = tokens("Sen. King told U.S. officials’ aides, “no.”")
            .into_iter()
            .map(|t| t.text)
            .collect();
        assert_eq!(
            t,
            ["Sen.", "King", "told", "U.S.", "officials’", "aides", "no"]
        );
    }

    #[test]
    fn the_word_view_groups_the_words_of_the_one_rule() {
        let t: Vec<String> = tokens("U.S. and AT&T paid $5,000 to don‘t-care officialsʼ aides")
            .into_iter()
            .map(|t| t.text)
            .collect();
        // a hyphen or ampersand joins; a digit group is one number, as for the other views;
        // an apostrophe however written joins before a letter and ends a plural possessive
        assert_eq!(
            t,
            [
                "U.S.",
                "and",
                "AT&T",
                "paid",
                "5,000",
                "to",
                "don‘t-care",
                "officialsʼ",
                "aides"
            ]
        );
    }

    #[test]
    fn number_sign_keeps_its_period() {
        let t: Vec<String> = tokens("the No. 2 grocer, and he said No. Then")
            .into_iter()
            .map(|t| t.text)
            .collect();
        assert_eq!(
            t,
            ["the", "No.", "2", "grocer", "and", "he", "said", "No", "Then"]
        );
    }

    #[test]
    fn a_straight_mark_opens_before_a_word_and_closes_after_one() {
        assert_eq!(classify_gap(" \"", false), Gap::QuoteOpen);
        assert_eq!(classify_gap("  \"", false), Gap::QuoteOpen);
        assert_eq!(classify_gap(" (\"", false), Gap::QuoteOpen);
        assert_eq!(classify_gap(",\" ", false), Gap::QuoteClose);
        assert_eq!(classify_gap("\" ", false), Gap::QuoteClose);
        assert_eq!(classify_gap("\"", false), Gap::QuoteClose);
    }

    #[test]
    fn mixed_quotes_pair() {
        let s = "“It is done,\" she said.";
        let q = quotes(s, false);
        assert_eq!(q.quoted, vec![3..14]);
        assert!(!q.open_at_end);
    }

    #[test]
    fn open_quote_runs_to_next_sentence() {
        let q = quotes("He added, “It is based on input.", false);
        assert!(q.open_at_end);
        let q2 = quotes("But it is also based on more.\"", true);
        assert_eq!(q2.quoted, vec![0..29]);
        assert!(!q2.open_at_end);
    }
}

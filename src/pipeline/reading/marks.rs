//! The fact view of a sentence: its words normalised for comparing facts (lowercased, dots
//! and digit separators dropped, apostrophes straightened), each marked as quoted or not, as
//! inside the attribution or not, and with the punctuation around it that a number or a
//! subject needs (a comma after, a dollar sign before).
//!
//! Takes one claim's text and the byte ranges of its attribution (cue and source); returns
//! the words, and [`singular`], the one normalisation facts are compared by. Integrity reads
//! claims through it. Hyphens split words here ("Ukraine-Russia" is "ukraine" and "russia"),
//! where the word view keeps one word: a fact is compared word by word.

/// One word of a sentence.
#[derive(Clone, Debug)]
pub(crate) struct Word {
    /// Lowercased, dots dropped, curly apostrophes straightened.
    pub norm: String,
    /// Starts with a capital letter.
    pub capital: bool,
    /// Inside quotation marks.
    pub quoted: bool,
    /// Inside the attribution's cue or source.
    pub attribution: bool,
    /// A comma or colon follows it.
    pub comma_after: bool,
    /// A dollar sign precedes it.
    pub dollar_before: bool,
}

use super::{is_apostrophe, word_spans};

/// A fact word without its plural or possessive ending, so "officials" meets "official" and
/// "board's" meets "board".
///
/// Deliberately lighter than the Snowball [`stem`](super::stem) of the term view: integrity
/// asks whether a source is *named* in the other claim, and derivations are other words
/// there: "mediator" is not "the National Mediation Board", "hospitalized" not "hospital
/// administrative assistant" (both would meet under Snowball, silencing a right
/// `attribution-changed`).
pub(crate) fn singular(norm: &str) -> String {
    let w = norm.trim_end_matches("'s").trim_end_matches('\'');
    if w.len() > 3 && w.ends_with('s') && !w.ends_with("ss") {
        w[..w.len() - 1].to_string()
    } else {
        w.to_string()
    }
}

fn is_quote_open(c: char) -> bool {
    matches!(c, '“' | '«' | '„')
}

fn is_quote_close(c: char) -> bool {
    matches!(c, '”' | '»')
}

/// Splits a sentence into words ([`word_spans`]), tracking quotation marks (curly, straight
/// or mixed) within the claim alone.
///
/// Not the reading's quoted ranges, which carry a quotation on from sentence to sentence:
/// integrity compares quotations only where the claim itself marks them. Tried: with the
/// carried ranges, a quotation left unclosed paragraphs earlier made a plain sentence
/// "quoted" (a false `quote-misattributed` against its identical copy), and a closing mark
/// whose opening the reading did not carry lost a right `quote-altered`.
pub(crate) fn words(text: &str, attribution: &[Option<std::ops::Range<usize>>]) -> Vec<Word> {
    words_of(text, &word_spans(text), attribution)
}

/// [`words`] of a sentence whose words were read already (its
/// [`Reading`](super::Reading)'s spans).
pub(crate) fn words_of(
    text: &str,
    spans: &[std::ops::Range<usize>],
    attribution: &[Option<std::ops::Range<usize>>],
) -> Vec<Word> {
    let mut out: Vec<Word> = Vec::new();
    let mut quoted = false;
    let mut from = 0;
    let rest = std::iter::once(text.len()..text.len());
    for (n, span) in spans.iter().cloned().chain(rest).enumerate() {
        for (at, c) in text[from..span.start].char_indices() {
            let at = from + at;
            let prev = text[..at].chars().next_back();
            let next = text[at + c.len_utf8()..].chars().next();
            // A straight mark after a word and before a space or the end closes: with nothing
            // open, it closes a quotation begun in an earlier sentence ("... never built.").
            let straight_closes = c == '"'
                && prev.is_some_and(|p| !p.is_whitespace())
                && next
                    .is_none_or(|n| n.is_whitespace() || matches!(n, ',' | '.' | ';' | ':' | ')'));
            if is_quote_open(c) || (c == '"' && !quoted && !straight_closes) {
                quoted = true;
            } else if is_quote_close(c) || c == '"' {
                if !quoted {
                    // A quote continued from the previous sentence closes here.
                    out.iter_mut().for_each(|w| w.quoted = true);
                }
                quoted = false;
            } else if matches!(c, ',' | ':' | ';') {
                if let Some(last) = out.last_mut() {
                    last.comma_after = true;
                }
            }
        }
        if n < spans.len() {
            push_words(&mut out, text, span.clone(), quoted, attribution);
        }
        from = span.end;
    }
    out
}

fn push_words(
    out: &mut Vec<Word>,
    text: &str,
    range: std::ops::Range<usize>,
    quoted: bool,
    attribution: &[Option<std::ops::Range<usize>>],
) {
    let raw = text[range.clone()].trim_end_matches('.');
    if raw.is_empty() {
        return;
    }
    let decimal = raw.chars().next().is_some_and(|c| c.is_ascii_digit());
    let norm: String = raw
        .chars()
        .filter(|&c| c != ',' && (c != '.' || decimal))
        .map(|c| if is_apostrophe(c) { '\'' } else { c })
        .flat_map(char::to_lowercase)
        .collect();
    // The word without the sentence's closing period ("said." of "…, he said.").
    let end = range.start + raw.len();
    let in_attribution = attribution
        .iter()
        .flatten()
        .any(|r| r.start <= range.start && end <= r.end);
    let dollar_before = text[..range.start].ends_with('$');
    out.push(Word {
        norm,
        capital: raw.chars().next().is_some_and(char::is_uppercase),
        quoted,
        attribution: in_attribution,
        comma_after: false,
        dollar_before,
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_fact_word_loses_its_plural_and_possessive_only() {
        assert_eq!(singular("officials"), "official");
        assert_eq!(singular("board's"), "board");
        assert_eq!(singular("lawmakers'"), "lawmaker");
        // "ss" is no plural; derivations stay apart (Snowball joins them)
        assert_eq!(singular("congress"), "congress");
        assert_eq!(singular("mediator"), "mediator");
        assert_ne!(singular("mediation"), singular("mediator"));
        assert_ne!(singular("hospitalized"), singular("hospital"));
    }
}

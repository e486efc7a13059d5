//! Classification: a sentence and its links in, a [`Claim`] with a [`Status`] out.
//!
//! The one idea: a claim's status is the best verdict among its links. A corroborating link
//! anywhere makes it corroborated; otherwise a paraphrasing link makes it paraphrased; no link
//! at all leaves it single-source.

use crate::pipeline::align::Link;
use crate::pipeline::attribution::Attribution;
use crate::pipeline::integrity::Flag;
use crate::pipeline::similarity::Verdict;

/// Whether other documents have the claim.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
#[derive(strum::IntoStaticStr, strum::EnumIter)]
#[strum(serialize_all = "kebab-case")]
pub enum Status {
    /// Another document states it in largely the same words.
    Corroborated,
    /// Another document states it in other words.
    Paraphrased,
    /// No other document has it.
    SingleSource,
}

impl Status {
    /// The name used in outputs.
    pub fn as_str(self) -> &'static str {
        self.into()
    }
}

/// One sentence of one document, with everything crosscheck found about it.
#[derive(Clone, Debug)]
pub struct Claim {
    /// Stable id (see [`claim_id`]).
    pub id: String,
    /// Document index (0-based, input order).
    pub doc: usize,
    /// Sentence index within the document (0-based).
    pub sentence: usize,
    /// Corroborated, paraphrased or single-source.
    pub status: Status,
    /// Links to matching sentences, best first.
    pub links: Vec<Link>,
    /// Number of other documents with a matching sentence.
    pub support: usize,
    /// Number of independent sources (derivation groups other than the claim's own) with a
    /// matching sentence.
    pub independent_support: usize,
    /// Who the claim is attributed to.
    pub attribution: Attribution,
    /// Integrity flags raised with the claims it matches, each naming the other claim.
    pub flags: Vec<Flag>,
    /// The document whose outlet the claim's attribution names ("the Journal reported"), if
    /// it is one of the documents compared.
    pub credits: Option<usize>,
}

impl Claim {
    /// `Some(true)` when another independent source has the claim; `Some(false)` when only
    /// copies (or the original of a copy) have it, or when the claim itself credits another
    /// document compared ("..., the Wall Street Journal reported"), matched or not; `None` for
    /// any other single-source claim.
    pub fn independent(&self) -> Option<bool> {
        if self.independent_support > 0 {
            Some(true)
        } else if self.support > 0 || self.credits.is_some() {
            Some(false)
        } else {
            None
        }
    }
}

/// The status implied by a claim's links.
pub fn status_of(links: &[Link]) -> Status {
    if links.iter().any(|l| l.verdict == Verdict::Corroborated) {
        Status::Corroborated
    } else if links.iter().any(|l| l.verdict == Verdict::Paraphrased) {
        Status::Paraphrased
    } else {
        Status::SingleSource
    }
}

/// Number of distinct documents among the links.
pub fn support_of(links: &[Link]) -> usize {
    let mut docs: Vec<usize> = links.iter().map(|l| l.doc).collect();
    docs.sort_unstable();
    docs.dedup();
    docs.len()
}

/// A stable id for a claim: the document label and the claim's [`claim_key`] (case, quote
/// style, dashes, whitespace and number words folded), hashed (FNV-1a, 64 bits) and written
/// as 12 hex digits. Re-wrapping an article, switching its quote style or writing a number in
/// words ("three" for "3") keeps every id; editing a claim's words gives it a new one.
pub fn claim_id(label: &str, text: &str) -> String {
    hash_id(label, &claim_key(text))
}

/// The id a claim had before number words were folded ([`claim_id`] without them). Reviews
/// files written then are keyed by it; [`crate::review::Reviews::migrate`] re-keys them.
pub fn legacy_claim_id(label: &str, text: &str) -> String {
    hash_id(label, &fold_text(text))
}

/// What a claim id is computed from: the text lowercased, typographic quotes, dashes and
/// spaces folded to plain ones, whitespace runs collapsed to one space, and number words
/// (zero to ninety-nine, "twenty-one" as one) written as digits. Two texts with the same key
/// differ only cosmetically.
pub fn claim_key(text: &str) -> String {
    let folded = fold_text(text);
    let mut out = String::with_capacity(folded.len());
    let mut rest = folded.as_str();
    while let Some(start) = rest.find(|c: char| c.is_alphabetic()) {
        out.push_str(&rest[..start]);
        rest = &rest[start..];
        let end = rest
            .find(|c: char| !c.is_alphabetic())
            .unwrap_or(rest.len());
        let (word, after) = rest.split_at(end);
        let Some(value) = small_number(word) else {
            out.push_str(word);
            rest = after;
            continue;
        };
        // "twenty-one", "twenty one": one number
        let unit = (value >= 20 && value % 10 == 0)
            .then(|| {
                let sep = after
                    .strip_prefix('-')
                    .or_else(|| after.strip_prefix(' '))?;
                let len = sep.find(|c: char| !c.is_alphabetic()).unwrap_or(sep.len());
                let u = small_number(&sep[..len]).filter(|u| (1..10).contains(u))?;
                Some((u, &sep[len..]))
            })
            .flatten();
        match unit {
            Some((u, tail)) => {
                out.push_str(&(value + u).to_string());
                rest = tail;
            }
            None => {
                out.push_str(&value.to_string());
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// The value of a number word below a hundred ("seven", "forty"), as the similarity features
/// read number words; scale words ("hundred", "dozen") are left as words.
fn small_number(word: &str) -> Option<u32> {
    if matches!(word, "hundred" | "dozen") {
        return None;
    }
    crate::pipeline::similarity::features::number_word(word)?
        .parse()
        .ok()
}

/// The text lowercased, quotes, dashes and spaces folded, whitespace runs collapsed (as ids
/// were always computed, so legacy ids stay what they were).
fn fold_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut pending_space = false;
    for c in text.chars() {
        let c = fold_char(c);
        if c.is_whitespace() {
            pending_space = true;
            continue;
        }
        if pending_space {
            out.push(' ');
            pending_space = false;
        }
        out.extend(c.to_lowercase());
    }
    out
}

fn hash_id(label: &str, key: &str) -> String {
    crate::id::hex_id(&[label, key])
}

fn fold_char(c: char) -> char {
    match c {
        '\u{201c}' | '\u{201d}' | '\u{201e}' | '\u{201f}' | '\u{00ab}' | '\u{00bb}' => '"',
        '\u{2018}' | '\u{2019}' | '\u{201a}' | '\u{201b}' => '\'',
        '\u{2013}' | '\u{2014}' | '\u{2212}' => '-',
        '\u{00a0}' | '\u{2009}' | '\u{202f}' => ' ',
        c => c,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn id_ignores_case_quotes_and_wrapping() {
        let a = claim_id("wsj", "\u{201c}It is,\u{201d} she said.");
        let b = claim_id("wsj", "\"it is,\"  she\n said.");
        assert_eq!(a, b);
        assert_ne!(a, claim_id("post", "\"it is,\" she said."));
        assert_ne!(a, claim_id("wsj", "\"It was,\" she said."));
        assert_eq!(a.len(), 12);
    }

    #[test]
    fn id_ignores_numbers_written_in_words() {
        let digits = claim_id(
            "wsj",
            "The council voted 6-1 after 21 speakers and 3 hours.",
        );
        let words = claim_id(
            "wsj",
            "The council voted six-one after twenty-one speakers and three hours.",
        );
        assert_eq!(digits, words);
        assert_eq!(claim_key("Twenty one people"), "21 people");
        // near misses: a different number, or a word that only contains a number word
        assert_ne!(
            digits,
            claim_id(
                "wsj",
                "The council voted 6-1 after 22 speakers and 3 hours."
            )
        );
        assert_eq!(claim_key("someone often"), "someone often");
        assert_eq!(claim_key("a hundred"), "a hundred");
    }

    #[test]
    fn legacy_ids_are_the_ids_of_texts_without_number_words() {
        // a file written before number words were folded must still match these claims
        let text = "\u{201c}It is,\u{201d} she said.";
        assert_eq!(claim_id("wsj", text), legacy_claim_id("wsj", text));
        assert_ne!(
            claim_id("wsj", "Three people."),
            legacy_claim_id("wsj", "Three people.")
        );
    }
}

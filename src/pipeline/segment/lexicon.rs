//! The word lists the segmenter consults: abbreviations, sentence starters and speech verbs.
//!
//! All three are plain text files under `src/data/`, compiled in by [`crate::lexicon`]; users add
//! abbreviations at run time in the same format (`--abbreviations FILE`). Lookups lower-case the
//! word into a small stack buffer and probe a hash set, so no lookup allocates.

use std::collections::{HashMap, HashSet};

use crate::lexicon::{ABBREVIATIONS, SENTENCE_STARTERS as STARTERS, SPEECH_VERBS};

/// Longest word (in bytes) any list can hold; longer words are never looked up.
const MAX_WORD: usize = 24;

/// What may follow an abbreviation without ending the sentence.
#[derive(Clone, Copy, Debug, PartialEq, Eq, strum::EnumString)]
#[strum(serialize_all = "lowercase", ascii_case_insensitive)]
pub(crate) enum Kind {
    /// Comes before a name: never ends a sentence before a capital or a number (`Sen.`).
    Title,
    /// Never ends a sentence before a number; otherwise like [`Kind::Other`] (`Nov.`).
    Month,
    /// Comes before a number; otherwise an ordinary word (`No.`, `p.`).
    Number,
    /// May end a sentence: it does before a sentence starter (`U.S.`, `Inc.`, `etc.`).
    Other,
}

impl Kind {
    fn parse(name: &str) -> Option<Kind> {
        name.parse().ok()
    }
}

/// The segmenter's word knowledge.
#[derive(Clone, Debug)]
pub(crate) struct Lexicon {
    /// Entries written with a capital: they match only words that start with a capital.
    capitalised: HashMap<Box<[u8]>, Kind>,
    /// Entries written in lower case: they match in any case.
    any_case: HashMap<Box<[u8]>, Kind>,
    starters: HashSet<Box<[u8]>>,
    speech_verbs: HashSet<Box<[u8]>>,
}

impl Default for Lexicon {
    fn default() -> Self {
        Lexicon::new(&[])
    }
}

impl Lexicon {
    /// The built-in lists plus the user's abbreviations (same format, one entry per string).
    pub(crate) fn new(extra_abbreviations: &[String]) -> Lexicon {
        let mut lex = Lexicon {
            capitalised: HashMap::new(),
            any_case: HashMap::new(),
            starters: word_set(STARTERS),
            speech_verbs: word_set(SPEECH_VERBS),
        };
        lex.add_abbreviations(ABBREVIATIONS.lines());
        lex.add_abbreviations(extra_abbreviations.iter().map(String::as_str));
        lex
    }

    /// Reads abbreviation lines: `# comment`, `[kind]` section headers, `Abbr.` or `Abbr. kind`.
    fn add_abbreviations<'a>(&mut self, lines: impl Iterator<Item = &'a str>) {
        let mut section = Kind::Other;
        for line in lines {
            let line = line.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            if let Some(name) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
                section = Kind::parse(name.trim()).unwrap_or(Kind::Other);
                continue;
            }
            let mut parts = line.split_whitespace();
            let abbr = parts.next().unwrap_or_default();
            let kind = parts.next().and_then(Kind::parse).unwrap_or(section);
            let abbr = abbr.strip_suffix('.').unwrap_or(abbr);
            if abbr.is_empty() || abbr.len() > MAX_WORD {
                continue;
            }
            let key: Box<[u8]> = abbr.to_ascii_lowercase().into_bytes().into_boxed_slice();
            if abbr.chars().any(char::is_uppercase) {
                self.capitalised.insert(key, kind);
            } else {
                self.any_case.insert(key, kind);
            }
        }
    }

    /// The kind of `word` (without its final period) if it is a known abbreviation.
    pub(crate) fn abbreviation(&self, word: &str) -> Option<Kind> {
        let mut buf = [0u8; MAX_WORD];
        let key = lower_key(word, &mut buf)?;
        if word.starts_with(|c: char| c.is_uppercase()) {
            if let Some(&kind) = self.capitalised.get(key) {
                return Some(kind);
            }
        }
        self.any_case.get(key).copied()
    }

    /// Whether `word` (letters only) usually starts a sentence.
    pub(crate) fn is_starter(&self, word: &str) -> bool {
        let mut buf = [0u8; MAX_WORD];
        lower_key(word, &mut buf).is_some_and(|k| self.starters.contains(k))
    }

    /// Whether `word` is a speech verb (`said`, `asked`).
    pub(crate) fn is_speech_verb(&self, word: &str) -> bool {
        let mut buf = [0u8; MAX_WORD];
        lower_key(word, &mut buf).is_some_and(|k| self.speech_verbs.contains(k))
    }
}

fn word_set(list: &str) -> HashSet<Box<[u8]>> {
    list.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(|l| l.to_ascii_lowercase().into_bytes().into_boxed_slice())
        .collect()
}

/// ASCII-lower-cases `word` into `buf`; `None` if it is too long to be in any list.
fn lower_key<'b>(word: &str, buf: &'b mut [u8; MAX_WORD]) -> Option<&'b [u8]> {
    let bytes = word.as_bytes();
    if bytes.is_empty() || bytes.len() > MAX_WORD {
        return None;
    }
    for (d, s) in buf.iter_mut().zip(bytes) {
        *d = s.to_ascii_lowercase();
    }
    Some(&buf[..bytes.len()])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn built_in_kinds() {
        let lex = Lexicon::default();
        assert_eq!(lex.abbreviation("Sen"), Some(Kind::Title));
        assert_eq!(lex.abbreviation("Nov"), Some(Kind::Month));
        assert_eq!(lex.abbreviation("No"), Some(Kind::Number));
        assert_eq!(lex.abbreviation("U.S"), Some(Kind::Other));
        assert_eq!(lex.abbreviation("Smith"), None);
    }

    #[test]
    fn capitalised_entries_need_a_capital() {
        let lex = Lexicon::default();
        assert_eq!(lex.abbreviation("Ill"), Some(Kind::Other));
        assert_eq!(
            lex.abbreviation("ill"),
            None,
            "He fell ill. is a sentence end"
        );
        assert_eq!(lex.abbreviation("Co"), Some(Kind::Other));
        assert_eq!(lex.abbreviation("co"), Some(Kind::Other));
        assert_eq!(lex.abbreviation("Ft"), Some(Kind::Title));
        assert_eq!(lex.abbreviation("ft"), Some(Kind::Other));
    }

    #[test]
    fn user_entries_with_or_without_period_and_kind() {
        let extra = ["Amb. title".to_string(), "Wyo".into(), "approx.".into()];
        let lex = Lexicon::new(&extra);
        assert_eq!(lex.abbreviation("Amb"), Some(Kind::Title));
        assert_eq!(lex.abbreviation("Wyo"), Some(Kind::Other));
        let lex = Lexicon::new(&["Blah.".to_string()]);
        assert_eq!(lex.abbreviation("Blah"), Some(Kind::Other));
    }

    #[test]
    fn starters_and_speech_verbs_ignore_case() {
        let lex = Lexicon::default();
        assert!(lex.is_starter("The") && lex.is_starter("OFFICIALS"));
        assert!(!lex.is_starter("Army"));
        assert!(lex.is_speech_verb("Said") && !lex.is_speech_verb("held"));
    }
}

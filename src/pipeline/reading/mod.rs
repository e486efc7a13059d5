//! Reading: how every stage after the quotes stage sees the words of a sentence.
//!
//! Takes one sentence's text (single quotation marks already read as double ones, see
//! [`quotes`](crate::pipeline::quotes)); returns its words in the view a stage needs, all
//! from this one module and one stemmer:
//!
//! - [`words`]: words with byte spans as written ("U.S.-Russia", "Sen.", "Kushner’s" one word
//!   each), the gaps between them (clause boundaries, quotation marks) and the quoted ranges —
//!   for attribution;
//! - [`terms`]: stems, kinds (stop word, content word, number), names, attribution clauses and
//!   stock phrases, clause boundaries — for similarity (and review, which scores pairs);
//!   hyphens split, digit groups join;
//! - [`marks`]: words normalised for comparing facts, marked as quoted and as inside the
//!   attribution's spans — for integrity.
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

use std::sync::OnceLock;

use rust_stemmers::{Algorithm, Stemmer};

/// The Snowball (English) stem of a lowercased word: the one stemmer of every stage and of
/// the word lists read as stems (stock phrases, antonyms, word vectors).
pub fn stem(lower: &str) -> String {
    static STEMMER: OnceLock<Stemmer> = OnceLock::new();
    STEMMER
        .get_or_init(|| Stemmer::create(Algorithm::English))
        .stem(lower)
        .into_owned()
}

/// The words of one entry of a word list ("rise fall"): lists are read here too, so a list
/// and the sentences it is matched against are split by one module.
pub fn entry_words(entry: &str) -> impl Iterator<Item = &str> {
    entry.split_whitespace()
}

#[cfg(test)]
mod tests {
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

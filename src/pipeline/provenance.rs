//! Provenance: which documents are write-ups of which, and so which support is independent.
//!
//! Takes the documents with their outlets and the attribution of every sentence; returns the
//! [`Derivation`]s (document B is derived from document A, with the sentences that show it) and
//! a derivation group per document.
//!
//! The one idea: a document that attributes its claims to another document's outlet ("the Wall
//! Street Journal reported", "told the Journal", "according to the outlet") is derived from it,
//! and copies of one source are one source. An article is named by its outlet, and also by
//! its title and its label ("told the Ledger" credits `ledger.txt`), so a credit counts even
//! without an `outlet:` header; a credit to an outlet that is none of the articles is kept as
//! an [`UnmatchedCredit`] to warn about. Documents linked by derivation, directly or through
//! other copies, form a group; a claim is independently corroborated only by a document outside
//! its own group.

use std::collections::HashMap;

use aho_corasick::AhoCorasick;

use crate::pipeline::attribution::Attribution;
use crate::pipeline::document::Document;
use crate::pipeline::reading::words;
use crate::pipeline::segment::Sentence;

use crate::lexicon::{GENERIC_REFERENCES, MASTHEAD_WORDS, OUTLETS as BUILTIN_OUTLETS};

/// A news outlet: its name and the other names it goes by.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Outlet {
    /// The outlet's name (`The Wall Street Journal`).
    pub name: String,
    /// Other names (`WSJ`, `the Journal`).
    pub aliases: Vec<String>,
}

impl Outlet {
    /// Every name, lowercased, as matched in text. An official name that starts with "The"
    /// also matches without it; an alias such as "the Journal" must keep its article, so that
    /// "a journal" is not taken for the Wall Street Journal.
    fn patterns(&self) -> Vec<String> {
        let mut out = vec![self.name.to_lowercase()];
        if let Some(rest) = out[0].strip_prefix("the ") {
            out.push(rest.to_string());
        }
        out.extend(self.aliases.iter().map(|a| a.to_lowercase()));
        out.retain(|p| !p.trim().is_empty());
        out
    }

    /// Whether `text` names this outlet.
    pub fn is_named_in(&self, text: &str) -> bool {
        let lower = text.to_lowercase();
        self.patterns().iter().any(|p| contains_phrase(&lower, p))
    }
}

/// The outlets crosscheck knows by name: the built-in list plus any the user adds.
#[derive(Clone, Debug)]
pub struct OutletBook {
    outlets: Vec<Outlet>,
}

impl Default for OutletBook {
    fn default() -> OutletBook {
        OutletBook::parse(BUILTIN_OUTLETS)
    }
}

impl OutletBook {
    /// Parses the outlets file format: `Name | alias | alias` per line, `#` comments.
    pub fn parse(text: &str) -> OutletBook {
        let outlets = text
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
            .filter_map(|l| outlet_from_names(l.split('|')))
            .collect();
        OutletBook { outlets }
    }

    /// Adds the outlets of another book (user entries come first, so they win).
    pub fn extend_front(&mut self, other: OutletBook) {
        let mut outlets = other.outlets;
        outlets.append(&mut self.outlets);
        self.outlets = outlets;
    }

    /// The known outlet one of whose names is `name` (case, "the" and punctuation ignored).
    pub fn find(&self, name: &str) -> Option<&Outlet> {
        let key = label_key(name);
        self.outlets.iter().find(|o| {
            std::iter::once(&o.name)
                .chain(&o.aliases)
                .any(|n| label_key(n) == key)
        })
    }

    /// Every known outlet.
    pub fn outlets(&self) -> &[Outlet] {
        &self.outlets
    }
}

/// Builds an outlet from a list of names (`NAME,alias,...`); the first is the name.
pub fn outlet_from_names<'a>(names: impl IntoIterator<Item = &'a str>) -> Option<Outlet> {
    let mut names = names
        .into_iter()
        .map(str::trim)
        .filter(|n| !n.is_empty())
        .map(str::to_string);
    let name = names.next()?;
    Some(Outlet {
        name,
        aliases: names.collect(),
    })
}

fn label_key(name: &str) -> String {
    let lower = name.trim().to_lowercase();
    let lower = lower.strip_prefix("the ").unwrap_or(&lower);
    lower.chars().filter(|c| c.is_alphanumeric()).collect()
}

/// The outlet of each document: from `--outlet` (`overrides`, by label), else its header, else
/// the known outlet its label names (`wsj` → The Wall Street Journal), else none. A header or
/// override naming a known outlet also gets that outlet's built-in aliases.
pub fn resolve_outlets(
    documents: &[Document],
    book: &OutletBook,
    overrides: &[(String, Outlet)],
) -> Vec<Option<Outlet>> {
    documents
        .iter()
        .map(|doc| {
            let given = overrides
                .iter()
                .find(|(label, _)| *label == doc.label)
                .map(|(_, o)| o.clone())
                .or_else(|| {
                    doc.meta.outlet.as_ref().map(|name| Outlet {
                        name: name.clone(),
                        aliases: doc.meta.aliases.clone(),
                    })
                });
            match given {
                Some(mut outlet) => {
                    if let Some(known) = book.find(&outlet.name) {
                        for alias in std::iter::once(&known.name).chain(&known.aliases) {
                            if !outlet.aliases.contains(alias) && *alias != outlet.name {
                                outlet.aliases.push(alias.clone());
                            }
                        }
                    }
                    Some(outlet)
                }
                None => book.find(&doc.label).cloned(),
            }
        })
        .collect()
}

/// The names an article goes by besides its outlet's: its label written as a name (`ledger`
/// → `Ledger`, `coastal-herald` → `Coastal Herald`) and its title. A label with digits
/// (`a1`) or shorter than three letters names nothing.
pub fn document_names(doc: &Document) -> Vec<String> {
    let mut out = Vec::new();
    let words: Vec<&str> = doc
        .label
        .split(['-', '_', ' ', '.'])
        .filter(|w| !w.is_empty())
        .collect();
    let alphabetic = words.iter().all(|w| w.chars().all(char::is_alphabetic));
    if alphabetic && words.concat().chars().count() >= 3 {
        let name: Vec<String> = words
            .iter()
            .map(|w| {
                let mut c = w.chars();
                c.next()
                    .map(|f| f.to_uppercase().chain(c).collect())
                    .unwrap_or_default()
            })
            .collect();
        out.push(name.join(" "));
    }
    if let Some(title) = doc.meta.title.as_deref().map(str::trim) {
        if !title.is_empty() {
            out.push(title.to_string());
        }
    }
    out
}

/// The outlets the index matches: each document's outlet, with its [`document_names`] added
/// as aliases (a document without an outlet is named by those alone).
pub fn naming_outlets(documents: &[Document], outlets: &[Option<Outlet>]) -> Vec<Option<Outlet>> {
    documents
        .iter()
        .zip(outlets)
        .map(|(doc, outlet)| {
            let names = document_names(doc);
            match outlet.clone() {
                Some(mut o) => {
                    for n in names {
                        if !o.aliases.contains(&n) && n != o.name {
                            o.aliases.push(n);
                        }
                    }
                    Some(o)
                }
                None => outlet_from_names(names.iter().map(String::as_str)),
            }
        })
        .collect()
}

/// The known outlets of an [`OutletBook`], indexed once so that every claim is matched
/// against all of them in one pass.
pub struct KnownOutlets {
    outlets: Vec<Outlet>,
    index: OutletIndex,
}

impl KnownOutlets {
    /// Indexes the book's outlets.
    pub fn new(book: &OutletBook) -> KnownOutlets {
        let outlets = book.outlets().to_vec();
        let as_docs: Vec<Option<Outlet>> = outlets.iter().cloned().map(Some).collect();
        KnownOutlets {
            index: OutletIndex::new(&as_docs),
            outlets,
        }
    }
}

/// A claim that credits an outlet none of the compared articles is: the support it claims
/// cannot be checked here, and if that outlet's article is a source of another one, their
/// agreement is not independent.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UnmatchedCredit {
    /// Document (0-based).
    pub doc: usize,
    /// Sentence (0-based).
    pub sentence: usize,
    /// The outlet as the attribution names it ("the Coastal Herald").
    pub outlet: String,
}

/// The outlet a claim's attribution credits when it is none of the compared articles: a
/// publication source, a known outlet (`book`), or a capitalised name ending in a masthead
/// word ("the Coastal Herald"). `None` when the claim credits a compared article, its own
/// outlet (`own`: "the Post has learned" in the Post) or no outlet.
pub fn unmatched_credit(
    attribution: &Attribution,
    credited: Option<usize>,
    own: Option<&Outlet>,
    book: &KnownOutlets,
) -> Option<String> {
    if credited.is_some() || (attribution.source.is_empty() && attribution.cue.is_empty()) {
        return None;
    }
    let said_by = format!("{} {}", attribution.source, attribution.cue);
    if own.is_some_and(|o| o.is_named_in(&said_by)) {
        return None;
    }
    if let Some(known) = book.index.named_in(&said_by, usize::MAX) {
        return Some(book.outlets[known].name.clone());
    }
    let source = attribution.source.trim();
    let publication =
        attribution.source_kind == Some(crate::pipeline::attribution::SourceKind::Publication);
    // the head of the source phrase is its last word, as the attribution's word view reads it
    let masthead = words::tokens(source).pop().is_some_and(|head| {
        let head_word = head.text.trim_end_matches("'s");
        head.is_capitalized()
            && MASTHEAD_WORDS
                .lines()
                .map(str::trim)
                .any(|w| !w.starts_with('#') && w == head_word)
    });
    let named = source.chars().any(char::is_uppercase);
    ((publication && named) || masthead).then(|| source.to_string())
}

/// Document `derived` attributes claims to the outlet of document `source`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Derivation {
    /// The write-up (0-based document index).
    pub derived: usize,
    /// The document it draws on.
    pub source: usize,
    /// Sentences of `derived` (0-based) whose attribution names `source`'s outlet.
    pub evidence: Vec<usize>,
}

/// For each sentence, the document whose outlet its attribution names, if any.
pub fn attributed_documents(
    doc: usize,
    sentences: &[Sentence],
    attributions: &[Attribution],
    outlets: &OutletIndex,
) -> Vec<Option<usize>> {
    let named_in_text: Vec<Option<usize>> = sentences
        .iter()
        .map(|s| outlets.named_in(&s.text, doc))
        .collect();
    attributions
        .iter()
        .enumerate()
        .map(|(i, a)| {
            if i == 0 {
                if let Some(d) = dateline_credit(&sentences[0].text, doc, outlets) {
                    return Some(d);
                }
            }
            let said_by = format!("{} {}", a.source, a.cue);
            if let Some(d) = outlets.named_in(&said_by, doc) {
                return Some(d);
            }
            let lower = said_by.to_lowercase();
            if GENERIC_REFERENCES
                .iter()
                .any(|g| contains_phrase(&lower, g))
            {
                return nearest(&named_in_text, i);
            }
            None
        })
        .collect()
}

/// A wire credit in the dateline: `MILLBROOK, Ore. (AP) — ...` names the agency whose story
/// this is. Only a parenthesis near the start of the first sentence counts.
fn dateline_credit(first: &str, own: usize, outlets: &OutletIndex) -> Option<usize> {
    let mut cut = first.len().min(DATELINE_BYTES);
    while !first.is_char_boundary(cut) {
        cut -= 1;
    }
    let head = &first[..cut];
    let open = head.find('(')?;
    let close = open + head[open..].find(')')?;
    let inside = label_key(&head[open + 1..close]);
    outlets
        .by_key
        .get(&inside)?
        .iter()
        .copied()
        .find(|&d| d != own)
}

/// How far into the first sentence a dateline may reach.
const DATELINE_BYTES: usize = 80;

/// Finds the documents whose outlet a text names, in one pass over the text whatever the
/// number of documents (a thousand-article cluster has hundreds of outlets).
pub struct OutletIndex {
    /// Every outlet name pattern, lowercased.
    automaton: Option<AhoCorasick>,
    /// `docs[pattern]`: the documents with that name, ascending.
    docs: Vec<Vec<usize>>,
    /// Documents by the key of each of their outlet's names (for dateline credits).
    by_key: HashMap<String, Vec<usize>>,
}

impl OutletIndex {
    /// Indexes the outlets of the documents (`outlets[doc]`).
    pub fn new(outlets: &[Option<Outlet>]) -> OutletIndex {
        let mut patterns: Vec<String> = Vec::new();
        let mut docs: Vec<Vec<usize>> = Vec::new();
        let mut by_key: HashMap<String, Vec<usize>> = HashMap::new();
        for (d, outlet) in outlets.iter().enumerate() {
            let Some(outlet) = outlet else { continue };
            for p in outlet.patterns() {
                match patterns.iter().position(|q| *q == p) {
                    Some(i) => docs[i].push(d),
                    None => {
                        patterns.push(p);
                        docs.push(vec![d]);
                    }
                }
            }
            for name in std::iter::once(&outlet.name).chain(&outlet.aliases) {
                by_key.entry(label_key(name)).or_default().push(d);
            }
        }
        for list in docs.iter_mut().chain(by_key.values_mut()) {
            list.dedup();
        }
        let automaton = (!patterns.is_empty())
            .then(|| AhoCorasick::new(&patterns).expect("outlet names are plain strings"));
        OutletIndex {
            automaton,
            docs,
            by_key,
        }
    }

    /// The first document in input order, other than `own`, whose outlet `text` names as
    /// whole words.
    pub fn named_in(&self, text: &str, own: usize) -> Option<usize> {
        let automaton = self.automaton.as_ref()?;
        let lower = text.to_lowercase();
        automaton
            .find_overlapping_iter(&lower)
            .filter(|m| is_whole_words(&lower, m.start(), m.end()))
            .filter_map(|m| {
                self.docs[m.pattern().as_usize()]
                    .iter()
                    .find(|&&d| d != own)
            })
            .min()
            .copied()
    }
}

fn is_whole_words(text: &str, start: usize, end: usize) -> bool {
    let before = text[..start].chars().next_back();
    let after = text[end..].chars().next();
    !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
}

/// The value nearest to position `i`: at or before it first, then after it.
fn nearest(named: &[Option<usize>], i: usize) -> Option<usize> {
    named[..=i]
        .iter()
        .rev()
        .find_map(|d| *d)
        .or_else(|| named[i + 1..].iter().find_map(|d| *d))
}

/// Collects the derivations from every document's attributed sentences.
pub fn derivations(attributed: &[Vec<Option<usize>>]) -> Vec<Derivation> {
    let mut out: Vec<Derivation> = Vec::new();
    for (derived, per_sentence) in attributed.iter().enumerate() {
        for (sentence, source) in per_sentence.iter().enumerate() {
            let Some(source) = *source else { continue };
            match out
                .iter_mut()
                .find(|d| d.derived == derived && d.source == source)
            {
                Some(d) => d.evidence.push(sentence),
                None => out.push(Derivation {
                    derived,
                    source,
                    evidence: vec![sentence],
                }),
            }
        }
    }
    out
}

/// Derivation group of every document: documents joined by any chain of derivations share a
/// group, numbered by their first document.
pub fn groups(documents: usize, derivations: &[Derivation]) -> Vec<u32> {
    let mut parent: Vec<usize> = (0..documents).collect();
    fn root(parent: &mut [usize], mut x: usize) -> usize {
        while parent[x] != x {
            parent[x] = parent[parent[x]];
            x = parent[x];
        }
        x
    }
    for d in derivations {
        let (a, b) = (root(&mut parent, d.derived), root(&mut parent, d.source));
        parent[a.max(b)] = a.min(b);
    }
    (0..documents)
        .map(|x| root(&mut parent, x) as u32)
        .collect()
}

/// Whether `needle` occurs in `haystack` as whole words (both already lowercased).
pub fn contains_phrase(haystack: &str, needle: &str) -> bool {
    if needle.is_empty() {
        return false;
    }
    haystack
        .match_indices(needle)
        .any(|(at, _)| is_whole_words(haystack, at, at + needle.len()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(label: &str, text: &str) -> Document {
        crate::pipeline::document::from_bytes(label.into(), format!("{label}.txt"), text.into())
            .unwrap()
    }

    #[test]
    fn labels_name_known_outlets() {
        let book = OutletBook::default();
        let docs = [doc("wsj", "A."), doc("post", "B."), doc("blog", "C.")];
        let outlets = resolve_outlets(&docs, &book, &[]);
        assert_eq!(outlets[0].as_ref().unwrap().name, "The Wall Street Journal");
        assert_eq!(outlets[1].as_ref().unwrap().name, "The New York Post");
        assert_eq!(outlets[2], None);
    }

    #[test]
    fn header_outlet_gets_known_aliases() {
        let book = OutletBook::default();
        let docs = [doc("a", "outlet: Wall Street Journal\nText.")];
        let outlet = resolve_outlets(&docs, &book, &[]).remove(0).unwrap();
        assert!(outlet.is_named_in("officials told the Journal."));
        assert!(!outlet.is_named_in("a journal article said"));
    }

    #[test]
    fn dateline_credits_the_wire_agency() {
        let outlets = vec![
            Some(Outlet {
                name: "The Associated Press".into(),
                aliases: vec!["AP".into()],
            }),
            None,
        ];
        let outlets = OutletIndex::new(&outlets);
        let first = "MILLBROOK, Ore. (AP) — The council voted on Tuesday.";
        assert_eq!(dateline_credit(first, 1, &outlets), Some(0));
        assert_eq!(
            dateline_credit(first, 0, &outlets),
            None,
            "its own dateline"
        );
        let multibyte = "Wild rock legend Ozzy Osbourne was in intensive care as he continued his “steady” recovery (AP).";
        assert_eq!(dateline_credit(multibyte, 1, &outlets), None);
        let late = "The council, which met for many hours on Tuesday night and again on Wednesday at city hall (AP), voted.";
        assert_eq!(dateline_credit(late, 1, &outlets), None);
    }

    #[test]
    fn generic_reference_resolves_to_the_nearest_named_outlet() {
        let named = [None, Some(3), None, Some(5), None];
        assert_eq!(nearest(&named, 0), Some(3));
        assert_eq!(nearest(&named, 2), Some(3));
        assert_eq!(nearest(&named, 4), Some(5));
    }

    #[test]
    fn copies_of_copies_share_a_group() {
        let d = |derived, source| Derivation {
            derived,
            source,
            evidence: vec![0],
        };
        assert_eq!(groups(4, &[d(2, 0), d(3, 2)]), vec![0, 1, 0, 0]);
    }

    #[test]
    fn labels_and_titles_name_articles() {
        assert_eq!(document_names(&doc("ledger", "A.")), ["Ledger"]);
        assert_eq!(
            document_names(&doc("coastal-herald", "title: Port fees rise\nA.")),
            ["Coastal Herald", "Port fees rise"]
        );
        // near misses: labels that are no name
        assert!(document_names(&doc("a1", "A.")).is_empty());
        assert!(document_names(&doc("ab", "A.")).is_empty());
    }

    #[test]
    fn a_credit_to_an_outlet_outside_the_set_is_kept_to_warn_about() {
        use crate::pipeline::attribution::SourceKind;
        let book = KnownOutlets::new(&OutletBook::default());
        let by = |source: &str, kind| Attribution {
            source: source.into(),
            cue: "according to".into(),
            source_kind: kind,
            ..Attribution::default()
        };
        let herald = by("the Coastal Herald", Some(SourceKind::Organization));
        assert_eq!(
            unmatched_credit(&herald, None, None, &book).as_deref(),
            Some("the Coastal Herald")
        );
        assert_eq!(
            unmatched_credit(&herald, Some(0), None, &book),
            None,
            "a compared article"
        );
        let own = Outlet {
            name: "Coastal Herald".into(),
            aliases: vec![],
        };
        assert_eq!(
            unmatched_credit(&herald, None, Some(&own), &book),
            None,
            "its own outlet"
        );
        // near misses: a body and a lower-case noun are no outlet
        let council = by("the city council", Some(SourceKind::Organization));
        assert_eq!(unmatched_credit(&council, None, None, &book), None);
        let post = by("a post", None);
        assert_eq!(unmatched_credit(&post, None, None, &book), None);
    }

    #[test]
    fn the_masthead_word_is_the_last_word_of_the_source_as_attribution_reads_it() {
        let book = KnownOutlets::new(&OutletBook::default());
        let by = |source: &str| Attribution {
            source: source.into(),
            cue: "reported".into(),
            ..Attribution::default()
        };
        for source in [
            "the Millbrook Gazette",
            "the Millbrook Gazette's",
            "The Gazette",
        ] {
            assert_eq!(
                unmatched_credit(&by(source), None, None, &book).as_deref(),
                Some(source),
                "{source}"
            );
        }
        // the head is a reporter, a lower-case word or no word at all: no outlet
        for source in ["a Gazette reporter", "the gazette", "", "—"] {
            assert_eq!(
                unmatched_credit(&by(source), None, None, &book),
                None,
                "{source}"
            );
        }
    }

    #[test]
    fn phrases_match_whole_words_only() {
        assert!(contains_phrase("told the journal.", "the journal"));
        assert!(!contains_phrase("the journalist said", "the journal"));
        assert!(contains_phrase("axios reported", "axios"));
    }
}

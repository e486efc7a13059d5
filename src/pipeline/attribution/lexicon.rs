//! The cue and source lexicons: plain text files in `src/data/` (loaded by [`crate::lexicon`]),
//! parsed once into automata and sets.

use std::collections::HashSet;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};

use crate::lexicon::sections;
pub use crate::lexicon::{CUES, SOURCES};

/// How a cue finds its source.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum CueClass {
    /// "X said", "said X", "X, he said,".
    Verb,
    /// Only right after a plausible subject ("officials say").
    SubjectVerb,
    /// "found", "showed": a cue only after a document or outlet ("the report found").
    Evidence,
    /// "continued", "exclaimed": a cue only in the speaker slot right after a quotation
    /// ("“…,” he continued."); elsewhere the word is not about words ("the war continued").
    AfterQuote,
    /// ", adding": the subject of the main clause.
    Participle,
    /// "according to X".
    Preposition,
    /// "reportedly": no source.
    Adverb,
    /// Not an attribution ("did not respond to").
    NotCue,
}

/// What a cue reports: the fact-checker's question "said, or believes?". `document` is decided
/// later, from the source (a report that "said" something is a document cue).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
#[derive(strum::IntoStaticStr, strum::EnumString, strum::EnumIter)]
#[strum(serialize_all = "kebab-case")]
pub enum CueKind {
    /// Said, told, wrote, announced, warned, criticized.
    Speech,
    /// Believes, thinks, wants, hopes, fears, plans: a state of mind, not words.
    Thought,
    /// Found, showed, estimated, concluded: a result of looking.
    Finding,
    /// The source is a document, a record or data ("according to an internal audit").
    Document,
    /// Endorsed, opposed, cited, denounced, refused: a position taken or an act of taking
    /// sides, not words reported. A stance cue credits the sentence only when no other cue
    /// does.
    Stance,
}

impl CueKind {
    /// The name used in the lexicon and the CSV.
    pub fn as_str(self) -> &'static str {
        self.into()
    }

    fn parse(name: &str) -> Option<CueKind> {
        name.parse().ok()
    }
}

/// One cue line: the cue and its kind, written `cue | kind`; without a kind, `[evidence]`
/// cues are findings and every other cue is speech.
fn cue_entry(section: &str, line: &str) -> (String, CueKind) {
    let default = if section == "evidence" {
        CueKind::Finding
    } else {
        CueKind::Speech
    };
    match line.split_once('|') {
        Some((cue, kind)) => (
            cue.trim().to_string(),
            CueKind::parse(kind.trim()).unwrap_or(default),
        ),
        None => (line.to_string(), default),
    }
}

/// Lower-case words that name a role or a kind of body rather than someone in particular:
/// titles, organisation and anonymous head nouns ("mayor", "council", "officials").
pub(crate) fn role_words() -> impl Iterator<Item = &'static str> {
    sections(SOURCES)
        .filter(|(section, _)| matches!(*section, "title" | "organization-noun" | "anonymous-noun"))
        .map(|(_, entry)| entry)
}

/// All lexicons, ready to use.
#[derive(Clone, Debug)]
pub(crate) struct Lexicon {
    /// Cue automaton (ASCII case-insensitive, leftmost-longest).
    pub cues: AhoCorasick,
    /// Class of each cue pattern, by pattern id.
    pub cue_classes: Vec<CueClass>,
    /// Kind of each cue pattern, by pattern id.
    pub cue_kinds: Vec<CueKind>,
    /// Outlet names, as written, without a leading "the".
    pub publications: HashSet<String>,
    /// Outlet nouns, lower case ("outlet").
    pub publication_nouns: HashSet<String>,
    /// Document head nouns, lower case.
    pub document_nouns: HashSet<String>,
    /// Organisation names, as written.
    pub organizations: HashSet<String>,
    /// Organisation head words, lower case.
    pub organization_nouns: HashSet<String>,
    /// Unnamed-people head nouns, lower case.
    pub anonymous_nouns: HashSet<String>,
    /// Title words, lower case.
    pub titles: HashSet<String>,
    /// Words that end a source's head, lower case.
    pub postmodifiers: HashSet<String>,
    /// Line labels that name no speaker ("update", "q"), lower case.
    pub labels: HashSet<String>,
}

impl Lexicon {
    /// Parses the given lexicon texts.
    ///
    /// # Panics
    /// If the cue automaton cannot be built (only with absurdly large lexicons).
    pub fn parse(cues: &str, sources: &str) -> Lexicon {
        let mut patterns = Vec::new();
        let mut cue_classes = Vec::new();
        let mut cue_kinds = Vec::new();
        for (section, entry) in sections(cues) {
            let class = match section {
                "verb" => CueClass::Verb,
                "subject-verb" => CueClass::SubjectVerb,
                "after-quote" => CueClass::AfterQuote,
                "participle" => CueClass::Participle,
                "evidence" => CueClass::Evidence,
                "preposition" => CueClass::Preposition,
                "adverb" => CueClass::Adverb,
                "not-cue" => CueClass::NotCue,
                _ => continue,
            };
            let (cue, kind) = cue_entry(section, entry);
            patterns.push(cue);
            cue_classes.push(class);
            cue_kinds.push(kind);
        }
        let automaton = AhoCorasickBuilder::new()
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::LeftmostLongest)
            .build(&patterns)
            .expect("the cue lexicon builds an automaton");
        let mut lex = Lexicon {
            cues: automaton,
            cue_classes,
            cue_kinds,
            publications: HashSet::new(),
            publication_nouns: HashSet::new(),
            document_nouns: HashSet::new(),
            organizations: HashSet::new(),
            organization_nouns: HashSet::new(),
            anonymous_nouns: HashSet::new(),
            titles: HashSet::new(),
            postmodifiers: HashSet::new(),
            labels: HashSet::new(),
        };
        for (section, entry) in sections(sources) {
            let set = match section {
                "publication" => {
                    lex.publications.insert(entry.to_string());
                    continue;
                }
                "organization" => {
                    lex.organizations.insert(entry.to_string());
                    continue;
                }
                "publication-noun" => &mut lex.publication_nouns,
                "document-noun" => &mut lex.document_nouns,
                "organization-noun" => &mut lex.organization_nouns,
                "anonymous-noun" => &mut lex.anonymous_nouns,
                "title" => &mut lex.titles,
                "postmodifier" => &mut lex.postmodifiers,
                "label" => &mut lex.labels,
                _ => continue,
            };
            set.insert(entry.to_lowercase());
        }
        lex
    }

    /// The built-in lexicons.
    pub fn builtin() -> Lexicon {
        Lexicon::parse(CUES, SOURCES)
    }

    /// A lower-case word that can head an unnamed source, a document, an outlet or a body.
    pub fn is_source_noun(&self, lower: &str) -> bool {
        self.anonymous_nouns.contains(lower)
            || self.document_nouns.contains(lower)
            || self.publication_nouns.contains(lower)
            || self.organization_nouns.contains(lower)
            || self.titles.contains(lower)
    }

    /// A name (as written) that is an outlet or a body, not a person.
    pub fn is_institution_name(&self, name: &str) -> bool {
        self.publications.contains(name) || self.organizations.contains(name)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_lexicons_parse() {
        let lex = Lexicon::builtin();
        assert!(lex.cue_classes.contains(&CueClass::Preposition));
        assert!(lex.publications.contains("Wall Street Journal"));
        assert!(lex.anonymous_nouns.contains("officials"));
        assert!(lex.document_nouns.contains("report"));
    }

    #[test]
    fn cue_lines_carry_a_kind() {
        assert_eq!(
            cue_entry("verb", "believes | thought"),
            ("believes".to_string(), CueKind::Thought)
        );
        assert_eq!(
            cue_entry("verb", "said"),
            ("said".to_string(), CueKind::Speech)
        );
        assert_eq!(cue_entry("evidence", "found").1, CueKind::Finding);
        let lex = Lexicon::builtin();
        let m = lex.cues.find("she believes it").expect("a cue");
        assert_eq!(lex.cue_kinds[m.pattern().as_usize()], CueKind::Thought);
    }

    #[test]
    fn longest_cue_wins() {
        let lex = Lexicon::builtin();
        let m = lex.cues.find("he said in a statement").expect("a cue");
        assert_eq!(m.range(), 3..22);
    }
}

//! Attribution: who a claim is attributed to, and by which cue.
//!
//! Takes the sentences of one document in order; returns one [`Attribution`] per sentence.
//!
//! STUB: finds nothing yet; to be replaced by the cue/source extractor (issue 2).

use crate::segment::Sentence;

/// How the attribution was found.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum AttributionKind {
    /// The sentence has its own cue and source.
    Explicit,
    /// Inherited from a neighbouring sentence (a continued quote or statement).
    Carried,
    /// No attribution.
    #[default]
    None,
}

/// What kind of source a claim is attributed to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum SourceKind {
    /// A named individual ("White House press secretary Karoline Leavitt").
    NamedPerson,
    /// Unnamed people ("U.S. officials", "a person familiar with the situation").
    Anonymous,
    /// A named organisation or body ("the White House", "the Kremlin").
    Organization,
    /// A news outlet ("the Wall Street Journal", "Axios").
    Publication,
    /// A document, report or statement ("a report", "the plan").
    Document,
    /// A pronoun that could not be resolved ("he").
    Pronoun,
}

/// Whether the claim is (partly) a direct quotation.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum QuoteKind {
    /// The claim's content is a quotation.
    Direct,
    /// Some words are quoted inside reported speech or narrative.
    Partial,
    /// No quotation marks.
    #[default]
    None,
}

/// The attribution of one sentence.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Attribution {
    /// The cue as written ("said", "told reporters", "according to"); empty if none.
    pub cue: String,
    /// The source as written ("U.S. officials"); empty if none.
    pub source: String,
    /// The kind of source, if there is one.
    pub source_kind: Option<SourceKind>,
    /// Explicit, carried or none.
    pub kind: AttributionKind,
    /// Direct, partial or no quotation.
    pub quote: QuoteKind,
}

/// A configured attribution extractor.
#[derive(Clone, Debug, Default)]
pub struct Attributor {}

impl Attributor {
    /// Builds an extractor with the built-in cue lexicon.
    pub fn new() -> Attributor {
        Attributor {}
    }

    /// Attributes every sentence of one document (sentences in document order).
    pub fn attribute(&self, sentences: &[Sentence]) -> Vec<Attribution> {
        sentences.iter().map(|_| Attribution::default()).collect()
    }
}

//! Attribution: who a claim is attributed to, and by which cue.
//!
//! Takes the sentences of one document in order; returns one [`Attribution`] per sentence.
//!
//! Per sentence: find cues with one Aho-Corasick pass over the lexicon in `src/data/cues.txt`,
//! find each cue's source by its class (subject before the cue, source after "according to" or an
//! inverted "said", the main clause's subject for ", adding"), pick the sentence's attribution by
//! position (a closing reporting clause first, then quote-then-speaker, "according to", a
//! clause-initial "X said"), classify the source with `src/data/sources.txt`, measure quotation.
//! Across sentences: resolve "he"/"she" to the nearest named person, carry a quotation's
//! attribution to every sentence of the quotation, and carry a statement to a following
//! sentence of the same paragraph that plainly continues it. docs/attribution.md has the rules.

mod lexicon;
mod rules;
mod source;
// The word view of a sentence comes from the reading stage; `text` is its old name here.
use crate::pipeline::reading::terms::Credit;
use crate::pipeline::reading::words as text;
use crate::pipeline::reading::Reading;

use std::collections::{HashMap, HashSet};
use std::ops::Range;

use crate::pipeline::segment::Sentence;

use lexicon::{CueClass, Lexicon};
use source::{
    classify, is_company_suffix, is_occupation, is_party_tag, is_pronoun, left_np, right_np,
    role_then_name, subject_np, subject_person, titled_name, Words,
};
use text::{letters, Gap};

use crate::lexicon::attribution::{
    ADVERBIAL_OPENERS, ASIDES, CLAUSE_WORDS, CLOSING_VERBISH, CONNECTIVES, COORDINATORS,
    FINITE_VERBS, NAMING_VERBS, NOT_IN_SUBJECT, NOT_SUBJECT, OPENERS, OPENING_DETERMINERS,
    PERFECT_ADVERBS, PERSON_OPENERS, QUANTITY_VERBS, TIME_WORDS, VERB_ONLY_CUES,
};
pub use crate::lexicon::calendar::MONTHS;
pub(crate) use lexicon::role_words;
pub use lexicon::{CueKind, CUES, SOURCES};

/// How the attribution was found.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
#[derive(strum::IntoStaticStr, strum::EnumIter)]
#[strum(serialize_all = "kebab-case")]
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
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
#[derive(strum::IntoStaticStr, strum::EnumIter)]
#[strum(serialize_all = "kebab-case")]
pub enum SourceKind {
    /// A named individual ("White House press secretary Karoline Leavitt").
    NamedPerson,
    /// Unnamed people ("U.S. officials", "a person familiar with the situation").
    Anonymous,
    /// A named organisation or body ("the White House", "the Kremlin").
    Organization,
    /// A news outlet ("the Wall Street Journal", "Axios", "the outlet").
    Publication,
    /// A document, report or statement ("a report", "the plan").
    Document,
    /// A pronoun that could not be resolved ("he").
    Pronoun,
}

/// Whether the claim is (partly) a direct quotation.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
#[derive(strum::IntoStaticStr, strum::EnumIter)]
#[strum(serialize_all = "kebab-case")]
pub enum QuoteKind {
    /// The claim's content is a quotation.
    Direct,
    /// Some words are quoted inside reported speech or narrative.
    Partial,
    /// No quotation marks.
    #[default]
    None,
}

impl AttributionKind {
    /// The name used in outputs (the CSV, JSON and the report).
    pub fn as_str(self) -> &'static str {
        self.into()
    }
}

impl SourceKind {
    /// The name used in outputs (the CSV, JSON and the report).
    pub fn as_str(self) -> &'static str {
        self.into()
    }
}

impl QuoteKind {
    /// The name used in outputs (the CSV, JSON and the report).
    pub fn as_str(self) -> &'static str {
        self.into()
    }
}

impl Attribution {
    /// The source, if the claim has one: its text, span and kind together, the way later
    /// stages read it.
    pub fn named_source(&self) -> Option<NamedSource<'_>> {
        if self.source.is_empty() {
            return None;
        }
        Some(NamedSource {
            text: &self.source,
            span: self.source_span.clone(),
            kind: self.source_kind?,
        })
    }
}

/// A claim's source as the attribution stage decided it, once: what it names, where, and its
/// kind. There is no source without a kind (a property test holds the stage to it).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NamedSource<'a> {
    /// As written ("U.S. officials"); a resolved pronoun gives the name it stands for.
    pub text: &'a str,
    /// Byte range in the sentence (for a resolved pronoun: the pronoun's; none when carried).
    pub span: Option<Range<usize>>,
    /// Named person, anonymous, organisation, publication, document or pronoun.
    pub kind: SourceKind,
}

/// The attribution of one sentence.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
pub struct Attribution {
    /// The cue as written ("said", "told reporters", "according to"); empty if none.
    pub cue: String,
    /// The source as written ("U.S. officials"); empty if none. A resolved pronoun gives the
    /// name it stands for, as written where it was found ("Dmitriev"); see `pronoun`.
    pub source: String,
    /// The kind of source, if there is one.
    pub source_kind: Option<SourceKind>,
    /// What the cue reports: speech, thought, finding, or a document's words.
    pub cue_kind: Option<CueKind>,
    /// Explicit, carried or none.
    pub kind: AttributionKind,
    /// Direct, partial or no quotation.
    pub quote: QuoteKind,
    /// Byte range of the cue in this sentence's text (explicit attributions only).
    pub cue_span: Option<Range<usize>>,
    /// Byte range of the source in this sentence's text (for a resolved pronoun: the pronoun).
    pub source_span: Option<Range<usize>>,
    /// Byte range of the whole attribution phrase to strip from the claim ("…, the officials
    /// said Monday", "according to a report", "X said that "); explicit attributions only.
    pub span: Option<Range<usize>>,
    /// The pronoun as written when `source` was resolved from one ("he").
    pub pronoun: Option<String>,
    /// For a carried attribution: the index of the sentence it comes from.
    pub carried_from: Option<usize>,
    /// An outlet the words passed through, named in the cue: "the Journal" in "US officials
    /// … told the Journal" (the source is then the officials). For provenance.
    pub via: Option<String>,
}

impl Attribution {
    /// True when the sentence has an attribution (explicit or carried).
    pub fn is_attributed(&self) -> bool {
        self.kind != AttributionKind::None
    }

    /// The cue is a stance ("X endorsed Y", "refused bail"): a position the source takes, the
    /// claim's own act rather than a credit for words or thoughts. Stages that weigh credits
    /// (carry-over here, integrity's attribution checks) read it from this one place.
    pub fn is_stance(&self) -> bool {
        self.cue_kind == Some(CueKind::Stance)
    }

    /// What of the sentence is its credit, as byte ranges of its claim text, which starts at
    /// `start` of the sentence (past a dateline): the source and the cue of an explicit
    /// attribution that credits words or thoughts. A stance's source is the actor of its
    /// claim ("The mayor rejected the report"), and a carried credit has no words here.
    pub fn credit(&self, start: usize) -> Credit {
        let in_claim = |r: &Option<Range<usize>>| {
            r.as_ref()
                .filter(|r| r.start >= start)
                .map(|r| r.start - start..r.end - start)
        };
        if self.is_stance() || self.span.is_none() {
            return Credit::Absent;
        }
        Credit::Phrase {
            source: in_claim(&self.source_span),
            cue: in_claim(&self.cue_span),
        }
    }

    /// Credits a speaker whose words the next sentences may go on with: a source, and a cue
    /// that reports words or thoughts (a stance hands no quotation on).
    fn speaks_on(&self) -> bool {
        !self.source.is_empty() && !self.is_stance()
    }

    /// The sentence's text without its attribution phrase: the claim itself.
    ///
    /// `text` must be the sentence text this attribution was computed on. Carried and absent
    /// attributions leave the text as it is.
    pub fn content_without_attribution(&self, text: &str) -> String {
        let Some(span) = self.span.clone() else {
            return text.to_string();
        };
        if span.end > text.len()
            || !text.is_char_boundary(span.start)
            || !text.is_char_boundary(span.end)
        {
            return text.to_string();
        }
        let mut before = text[..span.start].trim_end().to_string();
        let mut after = text[span.end..].trim_start();
        // "“…,” X said." -> "“…”."
        for q in ["”", "\""] {
            if before.ends_with(&format!(",{q}")) {
                before.truncate(before.len() - q.len() - 1);
                before.push_str(q);
            }
        }
        if before.is_empty() {
            after = after.trim_start_matches([':', ',', ';']).trim_start();
        }
        if before.ends_with(',') && (after.is_empty() || after.starts_with(['.', '!', '?', ';'])) {
            before.pop();
        }
        if after.starts_with(',') && (before.is_empty() || before.ends_with([',', '“', '"'])) {
            // ", he suggested,": drop both commas of a parenthetical reporting clause.
            if before.ends_with(',') {
                before.pop();
            }
            after = after[1..].trim_start();
        }
        let mut out = String::with_capacity(text.len());
        out.push_str(&before);
        if !before.is_empty()
            && !after.is_empty()
            && !after.starts_with(['.', ',', '!', '?', ';', '”', '"'])
        {
            out.push(' ');
        }
        out.push_str(after);
        out.trim().to_string()
    }
}

/// Priority of a cue's reading: lower wins.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Place {
    /// The reporting clause closes the sentence ("…, officials said Monday.").
    Closing,
    /// Right after a quotation ("“…,” X said, adding …").
    AfterQuote,
    /// "according to X" inside the sentence.
    According,
    /// The subject of a clause ("X said …", "Ukraine’s military, he suggested, should …").
    Clause,
    /// The main clause's subject for ", adding" or "… and told".
    Subject,
    /// A clause inside the sentence credits part of it: "…, which critics said was unfair",
    /// "…, who said …". Any reading of the main clause comes first.
    Embedded,
    /// A cue without a source ("reportedly").
    Bare,
}

/// A source as a reading found it: its words and its kind, decided once, where it was read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Source {
    /// Word range in the sentence.
    pub(crate) words: Range<usize>,
    pub(crate) kind: SourceKind,
}

/// One reading of one cue.
#[derive(Clone, Debug)]
pub(crate) struct Candidate {
    pub(crate) place: Place,
    pub(crate) cue: Range<usize>,
    pub(crate) source: Option<Source>,
    /// Byte range to strip.
    pub(crate) span: Range<usize>,
}

/// A configured attribution extractor.
#[derive(Clone, Debug)]
pub struct Attributor {
    lex: Lexicon,
}

impl Default for Attributor {
    fn default() -> Attributor {
        Attributor::new()
    }
}

impl Attributor {
    /// Builds an extractor with the built-in cue and source lexicons.
    pub fn new() -> Attributor {
        Attributor {
            lex: Lexicon::builtin(),
        }
    }

    /// Builds an extractor from lexicon texts in the format of `src/data/cues.txt` and
    /// `src/data/sources.txt` (e.g. the built-ins [`CUES`] and [`SOURCES`] plus user lines).
    pub fn with_lexicons(cues: &str, sources: &str) -> Attributor {
        Attributor {
            lex: Lexicon::parse(cues, sources),
        }
    }

    /// Adds outlet names (as written, a leading "the" dropped) to the publications, so the
    /// outlets of the articles being compared ("outlet:" headers, `--outlet`) classify as
    /// publications when another article cites them.
    pub fn with_outlets<'a>(mut self, names: impl IntoIterator<Item = &'a str>) -> Attributor {
        for name in names {
            let name = name.trim();
            let bare = name
                .strip_prefix("the ")
                .or_else(|| name.strip_prefix("The "))
                .unwrap_or(name);
            if !bare.is_empty() {
                self.lex.publications.insert(bare.to_string());
            }
        }
        self
    }

    /// Attributes every sentence of one document (sentences in document order), reading
    /// them first: for callers outside the pipeline, which has read them already.
    pub fn attribute(&self, sentences: &[Sentence]) -> Vec<Attribution> {
        self.attribute_read(sentences, &Reading::of_sentences(sentences))
    }

    /// Attributes every sentence of one document (sentences in document order) from their
    /// readings (`readings[i]` is the reading of `sentences[i]`).
    pub fn attribute_read(&self, sentences: &[Sentence], readings: &[Reading]) -> Vec<Attribution> {
        let n = sentences.len();
        // A sentence's words and gaps are dropped once it is attributed (they are most of the
        // memory of a large article); the few a pronoun looks back to are built again from
        // the reading.
        let mut companies = HashSet::new();
        let mut out: Vec<Attribution> = Vec::with_capacity(n);
        // Sentences of one quotation share a group number.
        let mut group = Vec::with_capacity(n);
        let mut starts_quote = Vec::with_capacity(n);
        for (i, s) in sentences.iter().enumerate() {
            let reading = &readings[i];
            let continued = reading.continues_quote();
            let quoted_ranges = reading.quoted();
            group.push(if continued { group[i - 1] } else { i });
            starts_quote.push(reading.starts_with_quote() || continued);
            let w = Words::read(&s.text, &readings[i]);
            let mut a = self.explicit(&w, quoted_ranges);
            let quoted: usize = quoted_ranges
                .iter()
                .map(|r| letters(&s.text[r.clone()]))
                .sum();
            let attribution_letters = a.span.as_ref().map_or(0, |r| {
                // Only the attribution phrase outside quotation marks counts as not-content.
                let inside: usize = quoted_ranges
                    .iter()
                    .map(|x| {
                        letters(
                            &s.text
                                [x.start.max(r.start)..x.end.min(r.end).max(x.start.max(r.start))],
                        )
                    })
                    .sum();
                letters(&s.text[r.clone()]).saturating_sub(inside)
            });
            let content = letters(&s.text).saturating_sub(attribution_letters);
            a.quote = if quoted == 0 {
                QuoteKind::None
            } else if quoted * 4 >= content * 3 {
                QuoteKind::Direct
            } else {
                QuoteKind::Partial
            };
            companies.extend(company_names(std::slice::from_ref(&w)));
            out.push(a);
        }
        for a in out.iter_mut() {
            let bare = a
                .source
                .trim_start_matches("the ")
                .trim_start_matches("The ");
            if a.source_kind == Some(SourceKind::NamedPerson) && companies.contains(bare) {
                a.source_kind = Some(SourceKind::Organization);
            }
        }
        let mut genders = HashMap::new();
        for i in 0..n {
            self.resolve_pronoun(i, sentences, readings, &companies, &mut genders, &mut out);
        }
        for i in 0..n {
            if out[i].kind != AttributionKind::None {
                continue;
            }
            // 1. Another sentence of the same quotation has the attribution.
            // A group is a run of sentences numbered by its first one.
            let from = (group[i]..n)
                .take_while(|&k| group[k] == group[i])
                .find(|&k| k != i && out[k].is_attributed() && !out[k].source.is_empty());
            // 2. A new quotation right after an attributed sentence of the same paragraph:
            // "“…,” Briggs said in an interview Sunday. “The reality is …”" or "…, dos Santos
            // says. “If the government …”". A quotation that no one else in the paragraph is
            // credited with is the last speaker's.
            let from = from.or_else(|| {
                (i > 0
                    && starts_quote[i]
                    && out[i].quote == QuoteKind::Direct
                    && sentences[i - 1].paragraph == sentences[i].paragraph
                    && out[i - 1].is_attributed()
                    && out[i - 1].speaks_on())
                .then(|| i - 1)
            });
            // 2b. A paragraph that is one unattributed quotation, right after a paragraph that
            // closes on a quoted statement with its speaker ("“…,” Trump said." then "“He
            // referred to my hands …”"): the speaker goes on.
            let from = from.or_else(|| {
                (i > 0
                    && starts_quote[i]
                    && out[i].quote == QuoteKind::Direct
                    && sentences[i - 1].paragraph + 1 == sentences[i].paragraph
                    && out[i - 1].is_attributed()
                    && out[i - 1].speaks_on()
                    && out[i - 1].quote != QuoteKind::None
                    && (starts_quote[i - 1]
                        || credits_closing_quote(&sentences[i - 1].text, &out[i - 1])))
                .then(|| i - 1)
            });
            // 3. "X said:" introduces the next sentence, in this paragraph or the next.
            let from = from.or_else(|| {
                let prev = out.get(i.wrapping_sub(1))?;
                let cue_end = prev.cue_span.as_ref()?.end;
                (prev.kind == AttributionKind::Explicit
                    && !prev.source.is_empty()
                    && sentences[i].paragraph <= sentences[i - 1].paragraph + 1
                    && rules::introduces_next(&sentences[i - 1].text, cue_end))
                .then(|| i - 1)
            });
            // 3b. A transcript turn: "TAPPER: …" speaks for the rest of its paragraph.
            let from = from.or_else(|| {
                let prev = out.get(i.wrapping_sub(1))?;
                let origin = prev.carried_from.unwrap_or(i - 1);
                let turn =
                    out[origin].cue == ":" && !out[origin].source.chars().any(char::is_lowercase);
                (sentences[i - 1].paragraph == sentences[i].paragraph
                    && prev.is_attributed()
                    && turn)
                    .then(|| i - 1)
            });
            // 4. A statement continued in the same paragraph ("…, the officials said. It would …").
            let from = from.or_else(|| {
                (i > 0
                    && sentences[i - 1].paragraph == sentences[i].paragraph
                    && out[i - 1].speaks_on()
                    && out[i].quote != QuoteKind::Direct
                    && continues_statement(
                        &Words::read(&sentences[i].text, &readings[i]),
                        &out[i - 1],
                    ))
                .then(|| i - 1)
            });
            if let Some(k) = from {
                let origin = out[k].carried_from.unwrap_or(k);
                let src = out[k].clone();
                let a = &mut out[i];
                a.cue = src.cue;
                a.source = src.source;
                a.source_kind = src.source_kind;
                a.cue_kind = src.cue_kind;
                a.pronoun = src.pronoun;
                a.via = src.via;
                a.kind = AttributionKind::Carried;
                a.carried_from = Some(origin);
            }
        }
        out
    }

    /// The sentence's own attribution (pronouns not yet resolved).
    ///
    /// `quoted` are the sentence's quoted stretches: a cue inside one is the quoted speaker's
    /// words ("“It tells every company …”"), not the sentence's attribution.
    fn explicit(&self, w: &Words, quoted: &[Range<usize>]) -> Attribution {
        let text = w.text.as_str();
        let mut candidates: Vec<Candidate> = Vec::new();
        // Per candidate, the kind of its cue. A stance reading ("endorsed", "opposes") is taken
        // only when no cue of speech, thought or finding reads: in "Smith, who endorsed Jones,
        // said …" the credit is the saying. In the same place, a thought cue ranks after a
        // spoken one ("Dale, who believes …, told the board" is Dale telling).
        let mut kinds: Vec<CueKind> = Vec::new();
        for m in self.lex.cues.find_iter(text) {
            if quoted.iter().any(|q| q.contains(&m.start())) {
                continue;
            }
            let class = self.lex.cue_classes[m.pattern().as_usize()];
            let bounded_left = text[..m.start()]
                .chars()
                .next_back()
                .is_none_or(|c| !c.is_alphanumeric());
            let bounded_right = text[m.end()..]
                .chars()
                .next()
                .is_none_or(|c| !c.is_alphanumeric());
            if class == CueClass::NotCue || !bounded_left || !bounded_right {
                continue;
            }
            let Some(first) = w.toks.iter().position(|t| t.span.start == m.start()) else {
                continue;
            };
            let headline_cue =
                matches!(class, CueClass::Verb | CueClass::SubjectVerb) && rules::is_headline(w);
            if first > 0 && text[m.start()..].starts_with(char::is_uppercase) && !headline_cue {
                // Capitalised inside the sentence, the word is part of a name: "Ohio State
                // beat", "Consumer Reports found", "Penn State says".
                continue;
            }
            let Some(mut last) = w.toks.iter().position(|t| t.span.end >= m.end()) else {
                continue;
            };
            if w.toks[last].span.end > m.end() {
                // The cue ends inside a word: "the state’s party" is no "state".
                continue;
            }
            if class == CueClass::Verb && matches!(w.toks[last].lower.as_str(), "told" | "tells") {
                last = self.extend_told(w, last);
            }
            // A verb of naming: "called" alone is a cue only before what was said; "called
            // for" is a demand whatever follows, and "called on" (or "calling on") only when
            // someone is asked to act ("called on the council to act", not "called on a
            // student").
            let head = w.toks[first].lower.as_str();
            if first == last
                && NAMING_VERBS.contains(&head)
                && !rules::names_something(w, first, last)
            {
                continue;
            }
            // "added 1.14 points", "added $3 million"
            let figure_next = w.toks.get(last + 1).is_some_and(|t| {
                matches!(text[w.toks[last].span.end..t.span.start].trim(), "" | "$")
                    && t.lower.starts_with(|c: char| c.is_ascii_digit())
            });
            // ...unless a clause follows it: "added 20 minutes later that", "Police added 3
            // people were arrested".
            let clause_after = (last + 2..w.toks.len().min(last + 7)).any(|i| {
                let lower = w.toks[i].lower.as_str();
                lower == "that" || FINITE_VERBS.contains(&lower)
            });
            if first == last && QUANTITY_VERBS.contains(&head) && figure_next && !clause_after {
                continue;
            }
            let naming_on =
                w.toks[last].lower == "on" && NAMING_VERBS.iter().any(|v| head.starts_with(v));
            if naming_on && !rules::infinitive_follows(w, last) {
                continue;
            }
            if let Some(c) = self.reading(w, class, first, last) {
                if headline_cue && !rules::headline_subject(w, &c) {
                    continue;
                }
                candidates.push(c);
                kinds.push(self.lex.cue_kinds[m.pattern().as_usize()]);
            }
        }
        let best = candidates
            .iter()
            .enumerate()
            .min_by_key(|(i, c)| {
                (
                    kinds[*i] == CueKind::Stance,
                    c.place,
                    kinds[*i] == CueKind::Thought,
                    if c.place == Place::Closing {
                        usize::MAX - i
                    } else {
                        *i
                    },
                )
            })
            .map(|(_, c)| c.clone());
        // A speaker label is the outer credit: "BRANDT: We have asked the state …" is Brandt's,
        // whatever cue the turn holds.
        let Some(best) = self.label_reading(w).or(best) else {
            return Attribution::default();
        };
        // The kind is the one the reading decided when it accepted the source.
        let (source, source_kind, source_span) = match &best.source {
            Some(src) => (
                w.phrase(&src.words).to_string(),
                Some(src.kind),
                Some(w.bytes(&src.words)),
            ),
            None => (String::new(), None, None),
        };
        // A relative "who" shows the person it stands for, like a resolved pronoun.
        let relative = best
            .source
            .as_ref()
            .filter(|src| src.words.len() == 1 && w.toks[src.words.start].text == "who")
            .and_then(|src| rules::relative_antecedent(&self.lex, w, src.words.start));
        let (source, pronoun) = match relative {
            Some((r, _)) => (w.phrase(&r).to_string(), Some(source)),
            None => (source, None),
        };
        let via = self.via(&text[best.cue.clone()]);
        let cue_kind = match self.cue_kind(&text[best.cue.clone()], source_kind) {
            // A finding verb in a quotation's speaker slot, said by no document, reports
            // speech ("“…,” Carson concluded."; "“…,” the audit found." stays a finding).
            Some(CueKind::Finding)
                if in_speaker_slot(w, &best)
                    && !matches!(
                        source_kind,
                        Some(SourceKind::Document | SourceKind::Publication)
                    ) =>
            {
                Some(CueKind::Speech)
            }
            kind => kind,
        };
        Attribution {
            cue: text[best.cue.clone()].to_string(),
            source,
            source_kind,
            cue_kind,
            kind: AttributionKind::Explicit,
            quote: QuoteKind::None,
            cue_span: Some(best.cue),
            source_span,
            span: Some(best.span),
            pronoun,
            carried_from: None,
            via,
        }
    }

    /// "TAPPER: …", "Mayor Ruiz: Bridge Will Reopen": a speaker label when no cue reads.
    fn label_reading(&self, w: &Words) -> Option<Candidate> {
        let (r, colon) = rules::speaker_label(w, &self.lex.labels)?;
        // A transcript turn ("TAPPER:") or a person's name of two or three words; a body, a
        // place list or a column heading ("The Latest:", "Iowa: Tim Albrecht, …") is not a
        // speaker often enough.
        let possessive = w.toks[r.clone()].iter().any(|t| t.is_possessive());
        let classified = classify(&self.lex, w, &r);
        // In a headline a one-word label is a speaker too ("Graham: Trump's Rhetoric Hurts
        // GOP"), and an outlet or a document credits what follows ("NY Post: …", "Poll: …").
        let headline = rules::is_headline(w);
        let outlet = headline
            && !possessive
            && (self.lex.publications.contains(w.phrase(&r))
                || r.len() == 1
                    && (self.lex.publication_nouns.contains(&w.toks[r.start].lower)
                        || self.lex.document_nouns.contains(&w.toks[r.start].lower)));
        // A one-word label is a surname only when it is no noun the lexicon lists (section
        // labels such as "Review:" or "Results:" are in the label list).
        let one_word_name =
            headline && r.len() == 1 && !self.lex.is_source_noun(&w.toks[r.start].lower);
        let person = !outlet
            && (rules::is_transcript_name(w, &r)
                || ((2..=3).contains(&r.len()) || one_word_name)
                    && !possessive
                    && classified == Some(SourceKind::NamedPerson));
        // What follows is a statement of a few words, not a figure ("Clinton: 1,769.").
        let rest = &w.toks[r.end..];
        let statement = rest.len() >= 3
            && !rest[0].text.starts_with(|c: char| c.is_ascii_digit())
            && !(r.end + 1..r.end + 5).any(|i| w.gaps.get(i) == Some(&Gap::Comma))
            && (outlet || !self.lex.is_source_noun(&w.toks[r.end - 1].lower));
        if !(person || outlet) || !statement {
            return None;
        }
        let kind = if person {
            SourceKind::NamedPerson
        } else {
            classified.unwrap_or(SourceKind::Publication)
        };
        Some(Candidate {
            place: Place::Clause,
            span: w.toks[r.start].span.start..colon.end,
            cue: colon,
            source: Some(Source { words: r, kind }),
        })
    }

    /// The kind of a cue as written: the lexicon's, except that a speech cue whose source is a
    /// document ("the audit said", "according to the filing") is a document cue.
    fn cue_kind(&self, cue: &str, source: Option<SourceKind>) -> Option<CueKind> {
        if cue == ":" {
            // A speaker label: the words are the speaker's.
            return Some(CueKind::Speech);
        }
        let m = self.lex.cues.find(cue)?;
        let kind = self.lex.cue_kinds[m.pattern().as_usize()];
        Some(match (kind, source) {
            (CueKind::Speech, Some(SourceKind::Document)) => CueKind::Document,
            (kind, _) => kind,
        })
    }

    /// The outlet named in a "told the Journal" cue.
    fn via(&self, cue: &str) -> Option<String> {
        let (verb, rest) = cue.split_once(' ')?;
        if !matches!(verb.to_lowercase().as_str(), "told" | "tells") {
            return None;
        }
        let name = rest
            .strip_prefix("the ")
            .or_else(|| rest.strip_prefix("The "))
            .unwrap_or(rest);
        let outlet = self.lex.publications.contains(name)
            || self.lex.publication_nouns.contains(&name.to_lowercase());
        outlet.then(|| rest.to_string())
    }

    /// "told" + an outlet ("told the Journal", "told The Associated Press"): the outlet is part
    /// of the cue. Returns the last word of the cue.
    fn extend_told(&self, w: &Words, last: usize) -> usize {
        let n = w.toks.len();
        let mut s = last + 1;
        if s < n && w.gaps[s] == Gap::Space && matches!(w.toks[s].lower.as_str(), "the") {
            s += 1;
        }
        let mut best = last;
        for e in s..n.min(s + 5) {
            if e > last + 1 && w.gaps[e] != Gap::Space {
                break;
            }
            if w.gaps[s.min(e)] != Gap::Space {
                break;
            }
            let name = w.phrase(&(s..e + 1));
            if self.lex.publications.contains(name)
                || self.lex.publication_nouns.contains(&name.to_lowercase())
            {
                best = e;
            }
        }
        best
    }

    /// Reads one cue (words `first..=last`): where its source is, if anywhere.
    fn reading(&self, w: &Words, class: CueClass, first: usize, last: usize) -> Option<Candidate> {
        let cue = w.toks[first].span.start..w.toks[last].span.end;
        let n = w.toks.len();
        match class {
            CueClass::NotCue => None,
            CueClass::Adverb => Some(Candidate {
                place: Place::Bare,
                span: cue.clone(),
                cue,
                source: None,
            }),
            CueClass::Preposition => {
                // "per" credits only a determined or named source ("per the company", "per
                // Reuters"), never a rate ("per share", "$50 per person").
                if w.toks[first].lower == "per"
                    && !w.toks.get(last + 1).is_some_and(|t| {
                        matches!(t.lower.as_str(), "the" | "a" | "an")
                            || t.text.starts_with(char::is_uppercase)
                    })
                {
                    return None;
                }
                let r = right_np(&self.lex, w, last + 1)?;
                let kind = classify(&self.lex, w, &r).or_else(|| rules::according_kind(w, &r))?;
                let closing = closes_sentence(w, r.end);
                let place = if closing {
                    Place::Closing
                } else {
                    Place::According
                };
                let start = cue.start;
                let end = if closing {
                    w.toks[n - 1].span.end
                } else {
                    w.bytes(&r).end
                };
                Some(Candidate {
                    place,
                    cue,
                    source: Some(Source { words: r, kind }),
                    span: start..end,
                })
            }
            CueClass::Participle => {
                // Not "is adding to his lead", "is telling in its own right".
                let particle = w
                    .toks
                    .get(last + 1)
                    .is_none_or(|t| matches!(t.lower.as_str(), "in" | "of" | "to" | "up"));
                if first > 1 && rules::is_be_aux(w, first - 1) && !particle {
                    // "Clinton is calling for …", "Trump was telling reporters …".
                    return self.verb_reading(w, CueClass::Verb, first, last, cue);
                }
                // "…, saying", or "by saying", "while saying", "after saying": the subject of
                // the main clause, before the participle or after its leading phrase ("After
                // saying he was nervous, the man …").
                let linked = first > 0
                    && w.gaps[first] == Gap::Space
                    && matches!(
                        w.toks[first - 1].lower.as_str(),
                        "by" | "while" | "after" | "before"
                    );
                // ", also calling on …": adverbs may stand between the comma and the participle.
                let mut f = first;
                while f > 1 && w.gaps[f] == Gap::Space && w.is_adverb(f - 1) {
                    f -= 1;
                }
                if first == 0 || !(w.gaps[f] == Gap::Comma || linked) {
                    return None;
                }
                let r = subject_np(&self.lex, w)?;
                let leading = linked && first == 1 && r.start > last;
                if r.end > first && !leading {
                    return None;
                }
                // "Trump closed by saying …": one plain clause between the subject and "by", no
                // comma, no clause word ("… the candidate who launched his campaign by
                // declaring"), and a subject that names someone ("That's why …" does not).
                if linked && !leading {
                    let plain = (r.end..first).all(|k| {
                        w.gaps[k] == Gap::Space && !CLAUSE_WORDS.contains(&w.toks[k].lower.as_str())
                    });
                    let t = &w.toks[r.start];
                    let names =
                        r.len() > 1 || is_pronoun(w, r.start) || !t.lower.contains(['’', '\'']);
                    if !plain
                        || !names
                        || matches!(t.lower.as_str(), "it" | "that" | "this" | "like")
                    {
                        return None;
                    }
                }
                let kind = classify(&self.lex, w, &r)?;
                Some(Candidate {
                    place: Place::Subject,
                    span: cue.clone(),
                    cue,
                    source: Some(Source { words: r, kind }),
                })
            }
            CueClass::Verb | CueClass::SubjectVerb => self.verb_reading(w, class, first, last, cue),
            // "the report concluded that …", and in a quotation's speaker slot a person too:
            // "“…,” Carson concluded."
            CueClass::Evidence => self
                .verb_reading(w, class, first, last, cue.clone())
                .or_else(|| self.after_quote_reading(w, first, last, cue)),
            CueClass::AfterQuote => self.after_quote_reading(w, first, last, cue),
        }
    }

    /// "“…,” he continued." or "“…,” continued Smith": the speaker slot of a quote; or "Cruz
    /// continued: “…”", the slot before a colon that opens what is said.
    fn after_quote_reading(
        &self,
        w: &Words,
        first: usize,
        last: usize,
        cue: Range<usize>,
    ) -> Option<Candidate> {
        let c = self.verb_reading(w, CueClass::Verb, first, last, cue)?;
        let r = c.source.as_ref()?.words.clone();
        (speaker_slot(w, first, r.start) || (r.end <= first && opens_with_colon(w, last)))
            .then_some(c)
    }

    fn verb_reading(
        &self,
        w: &Words,
        class: CueClass,
        first: usize,
        last: usize,
        cue: Range<usize>,
    ) -> Option<Candidate> {
        let n = w.toks.len();
        // Skip adverbs between source and cue ("officials, however, argued", “bluntly” told).
        let mut k = first;
        let mut enclosed_skip = false;
        // "Humphrey, for example, said": a two-word aside set off by commas.
        if k >= 3
            && w.gaps[k] == Gap::Comma
            && w.gaps[k - 1] == Gap::Space
            && w.gaps[k - 2] == Gap::Comma
            && ASIDES.contains(&format!("{} {}", w.toks[k - 2].lower, w.toks[k - 1].lower).as_str())
        {
            k -= 2;
            enclosed_skip = true;
        }
        // "Kasich is telling a crowd that …": a progressive cue reads past its "is".
        let progressive = w.toks[first].lower.ends_with("ing");
        let mut timed = false;
        loop {
            // "Clinton on Tuesday said", "Officials last week said": one time adjunct.
            if !timed && !enclosed_skip {
                if let Some(s) = rules::time_adjunct_before(w, k) {
                    k = s;
                    timed = true;
                    continue;
                }
            }
            if !(k > 1
                && (w.is_adverb(k - 1)
                    || is_perfect_aux(w, k - 1)
                    || is_adverb_after_perfect_aux(w, k - 1)
                    || (progressive && rules::is_be_aux(w, k - 1))))
            {
                break;
            }
            let enclosed = w.gaps[k - 1] != Gap::Space && w.gaps[k] != Gap::Space;
            if w.gaps[k] != Gap::Space && !enclosed {
                break;
            }
            enclosed_skip |= enclosed;
            k -= 1;
        }
        let attached = k > 0 && (w.gaps[k] == Gap::Space || enclosed_skip);
        if !attached && k > 0 && w.gaps[k] == Gap::Comma {
            let name = (class != CueClass::Evidence)
                .then(|| rules::opening_name(&self.lex, w, k, last))
                .flatten();
            if let Some(c) = self
                .appositive_reading(w, k, last, cue.clone())
                .or_else(|| self.opening_name_reading(w, name?, cue.clone()))
            {
                return Some(c);
            }
        }
        if !attached {
            // Nothing before the cue in its clause: "“…,” said Leavitt", ", said a spokesman".
            let gap = if k == 0 { Gap::Start } else { w.gaps[k] };
            // "Said Dorothy Poynter, who grew up with him, “We were all so proud.”": a
            // fronted cue names its speaker right after it.
            let fronted = k == 0
                && class == CueClass::Verb
                && matches!(w.toks[first].lower.as_str(), "said" | "says")
                && w.toks.get(last + 1).is_some_and(|t| {
                    t.is_capitalized() || OPENING_DETERMINERS.contains(&t.lower.as_str())
                });
            let gap = if fronted { Gap::Comma } else { gap };
            // "…, says Carl Anthony, a historian", "…, say some Democrats": "say" inverted.
            let inverted_say = class == CueClass::SubjectVerb
                && matches!(w.toks[first].lower.as_str(), "say" | "says")
                && w.toks.get(last + 1).is_some_and(|t| {
                    t.is_capitalized() || OPENING_DETERMINERS.contains(&t.lower.as_str())
                });
            if !(class == CueClass::Verb || inverted_say)
                || !matches!(gap, Gap::Comma | Gap::QuoteClose)
            {
                return None;
            }
            // The noun after "told" is the listener ("…, told the court that …"), never the
            // speaker: "told" is not inverted the way "said X" is.
            if matches!(w.toks[first].lower.as_str(), "told" | "tells" | "tell") {
                return None;
            }
            let r = right_np(&self.lex, w, last + 1)?;
            let t = &w.toks[r.start];
            let plausible = t.is_capitalized()
                || is_pronoun(w, r.start)
                || titled_name(&self.lex, w, &r)
                || matches!(t.lower.as_str(), "the" | "a" | "an")
                || OPENING_DETERMINERS.contains(&t.lower.as_str());
            // "…,” said master of ceremonies Ana Ruiz": a role of any words before a name.
            let set_off = r.end == n || w.gaps[r.end] == Gap::Comma;
            let role_first = gap == Gap::QuoteClose
                && set_off
                && r.len() <= 6
                && w.toks[r.end - 1].is_capitalized()
                && !t.is_capitalized()
                && !NOT_IN_SUBJECT.contains(&t.lower.as_str());
            if !plausible && !role_first {
                return None;
            }
            let closing = closes_sentence(w, r.end);
            // "…,” said one Trump confidant.": in a quotation's speaker slot a described
            // person needs no listed role noun. Not after a comma: in "The study, from the
            // institute, said the opposite." the words after "said" are what it said.
            let described = gap == Gap::QuoteClose
                && set_off
                && r.len() <= 8
                && PERSON_OPENERS.contains(&t.lower.as_str());
            let kind = classify(&self.lex, w, &r)
                .or_else(|| (described || role_first).then(|| rules::plain_subject_kind(w, &r)))?;
            let place = if gap == Gap::QuoteClose {
                Place::AfterQuote
            } else if closing {
                Place::Closing
            } else {
                Place::Clause
            };
            let end = if closing || (gap == Gap::QuoteClose && !quote_after(w, r.end)) {
                w.toks[n - 1].span.end
            } else {
                w.bytes(&r).end
            };
            return Some(Candidate {
                place,
                span: cue.start..end,
                cue,
                source: Some(Source { words: r, kind }),
            });
        }
        let j = k - 1;
        // "…, Mark Ruiz, who said the plan …", "23 percent who say …": the relative pronoun
        // is the source as written, the person it stands for its text.
        // Written in lower case: "WHO said" is the World Health Organization.
        let relative = (w.toks[j].text == "who"
            && self.cue_kind(&w.text[cue.clone()], None) == Some(CueKind::Speech))
        .then(|| rules::relative_antecedent(&self.lex, w, j))
        .flatten();
        if let Some((_, kind)) = relative {
            return Some(Candidate {
                place: Place::Embedded,
                span: w.toks[j].span.start..cue.end,
                cue,
                source: Some(Source {
                    words: j..j + 1,
                    kind,
                }),
            });
        }
        let coordinated = match w.toks[j].lower.as_str() {
            "and" | "or" => true,
            // "… did not mention him by name, but told reporters": a spoken cue only; "was
            // hailed …, but condemned in others" is a passive, not a credit.
            "but" | "then" => self.cue_kind(&w.text[cue.clone()], None) == Some(CueKind::Speech),
            _ => false,
        };
        if coordinated {
            // "Umerov was also invited … and “bluntly” told Witkoff": the main clause's subject.
            // A subject-verb cue that is never a noun counts too in its finite -s form ("… and
            // says the plan"); the bare form is an infinitive ("to praise … and defend").
            let lower = w.toks[first].lower.as_str();
            let verb_only = class == CueClass::SubjectVerb
                && lower.ends_with('s')
                && VERB_ONLY_CUES.contains(&lower);
            if class != CueClass::Verb && !verb_only {
                return None;
            }
            let r = subject_np(&self.lex, w)?;
            if r.end > j {
                return None;
            }
            let kind = classify(&self.lex, w, &r)?;
            return Some(Candidate {
                place: Place::Subject,
                span: cue.clone(),
                cue,
                source: Some(Source { words: r, kind }),
            });
        }
        if matches!(class, CueClass::SubjectVerb | CueClass::Evidence)
            && NOT_SUBJECT.contains(&w.toks[first - 1].lower.as_str())
        {
            return None;
        }
        let plain = |w: &Words| {
            // Only speech and thought verbs take a subject the lexicon does not know.
            let kind = self.cue_kind(&w.text[cue.clone()], None);
            matches!(
                kind,
                Some(CueKind::Speech | CueKind::Thought | CueKind::Stance)
            )
            .then(|| match class {
                CueClass::Verb => rules::plain_subject(w, j)
                    .or_else(|| rules::relative_subject(w, j))
                    .or_else(|| rules::subordinate_subject(&self.lex, w, j, kind)),
                // "report", "claim" (also nouns): only a name that opens the sentence;
                // "say", "argue" (never nouns): any plain subject.
                CueClass::SubjectVerb => rules::plain_subject(w, j)
                    .filter(|r| {
                        VERB_ONLY_CUES.contains(&w.toks[first].lower.as_str())
                            || (w.gaps[r.start] == Gap::Start && w.toks[r.end - 1].is_capitalized())
                    })
                    .or_else(|| {
                        VERB_ONLY_CUES
                            .contains(&w.toks[first].lower.as_str())
                            .then(|| rules::relative_subject(w, j))
                            .flatten()
                    })
                    .or_else(|| {
                        // "which critics say": a speech verb that is never a noun.
                        (kind == Some(CueKind::Speech)
                            && VERB_ONLY_CUES.contains(&w.toks[first].lower.as_str()))
                        .then(|| rules::subordinate_subject(&self.lex, w, j, kind))
                        .flatten()
                    }),
                _ => None,
            })
            .flatten()
        };
        let mut r = left_np(&self.lex, w, j).or_else(|| plain(w))?;
        if classify(&self.lex, w, &r).is_none() {
            // "Even the organizer of the march said": the plain subject after a leading word.
            if let Some(p) = plain(w).filter(|p| p.start > r.start && p.end == r.end) {
                r = p;
            }
        }
        let gap = w.gaps[r.start];
        let closing = closes_sentence(w, last + 1);
        let kind = classify(&self.lex, w, &r).or_else(|| {
            // "“…,” the engineer said", "…, the engineer said.": any short definite phrase in a
            // reporting clause is a speaker, even with a head noun the lexicon lacks.
            let speaker_slot = gap == Gap::QuoteClose || (closing && gap != Gap::Start);
            let determined = matches!(w.toks[r.start].lower.as_str(), "the" | "a" | "an");
            (speaker_slot && determined && r.len() <= 6).then_some(SourceKind::Anonymous)
        });
        let kind = kind.or_else(|| {
            // A plain subject right before a speech or thought verb ("Shop owners said").
            (plain(w) == Some(r.clone())).then(|| rules::plain_subject_kind(w, &r))
        })?;
        let cue_kind = self.cue_kind(&w.text[cue.clone()], None);
        if rules::writer_thought(w, &r, cue_kind) || rules::own_intention(w, last, cue_kind) {
            return None;
        }
        if class == CueClass::Evidence
            && !matches!(kind, SourceKind::Document | SourceKind::Publication)
        {
            return None;
        }
        if class == CueClass::SubjectVerb
            && kind == SourceKind::Document
            && !self.lex.document_nouns.contains(&w.toks[j].lower)
            && !source::participle_after_head(&self.lex, w, &r)
        {
            return None;
        }
        let place = if rules::after_subordinator(w, r.start) {
            Place::Embedded
        } else if closing && gap != Gap::Start {
            Place::Closing
        } else if gap == Gap::QuoteClose {
            Place::AfterQuote
        } else {
            Place::Clause
        };
        let start = w.toks[r.start].span.start;
        let to_end =
            (closing && gap != Gap::Start) || (gap == Gap::QuoteClose && !quote_after(w, last + 1));
        let mut end = if to_end {
            w.toks[n - 1].span.end
        } else {
            cue.end
        };
        if !to_end {
            // "said that", "told Parliament on Wednesday that", "said after the meeting
            // that": the clause up to "that". Not the "that" of a second complement ("said
            // three were missing and that deputies were searching").
            let that = (last + 1..n.min(last + 8))
                .take_while(|&i| w.gaps[i] == Gap::Space)
                .take_while(|&i| {
                    let lower = w.toks[i].lower.as_str();
                    !(COORDINATORS.contains(&lower) || FINITE_VERBS.contains(&lower))
                })
                .find(|&i| w.toks[i].lower == "that");
            if let Some(t) = that {
                end = w.toks[t].span.end;
            }
        }
        Some(Candidate {
            place,
            span: start..end,
            cue,
            source: Some(Source { words: r, kind }),
        })
    }

    /// "X, who …, said" / "X, the panel's chair, said": the source before the appositive.
    /// `k` is the first word after the appositive's closing comma (the cue or an adverb).
    fn appositive_reading(
        &self,
        w: &Words,
        k: usize,
        last: usize,
        cue: Range<usize>,
    ) -> Option<Candidate> {
        let c1 = w.chunk_start(k - 1);
        if c1 == 0 || w.gaps[c1] != Gap::Comma {
            return None;
        }
        if let Some(r) = role_then_name(&self.lex, w, c1..k) {
            // The kind comes from the name: "A spokeswoman for Brightmill, Jill Ames".
            let kind =
                classify(&self.lex, w, &r).unwrap_or_else(|| rules::plain_subject_kind(w, &r));
            return Some(Candidate {
                place: Place::Clause,
                span: w.toks[r.start].span.start..cue.end,
                cue,
                source: Some(Source { words: r, kind }),
            });
        }
        let t = &w.toks[c1];
        // "who …", "the panel’s chairman", "Ukraine’s …", "asked whether …", "citing …".
        let participle =
            !t.is_capitalized() && (t.lower.ends_with("ed") || t.lower.ends_with("ing"));
        let opens = matches!(
            t.lower.as_str(),
            "who" | "which" | "whose" | "a" | "an" | "the"
        ) || participle
            || t.text.starts_with(|c: char| c.is_ascii_digit())
            || (t.is_capitalized() && t.is_possessive())
            || self.lex.titles.contains(&t.lower)
            || is_party_tag(&t.text)
            || self.appositive_part(w, c1);
        if !opens {
            return None;
        }
        // The name that opens the sentence beats a middle part of a long appositive ("Dale
        // Ruiz, the county engineer, an early critic of the plan, said").
        let r = self
            .longer_appositive(w, c1)
            .filter(|r| classify(&self.lex, w, r).is_some())
            .or_else(|| left_np(&self.lex, w, c1 - 1))?;
        let kind = classify(&self.lex, w, &r)?;
        let n = w.toks.len();
        let closing = closes_sentence(w, last + 1) && w.gaps[r.start] != Gap::Start;
        let end = if closing {
            w.toks[n - 1].span.end
        } else {
            cue.end
        };
        Some(Candidate {
            place: if closing {
                Place::Closing
            } else {
                Place::Clause
            },
            span: w.toks[r.start].span.start..end,
            cue,
            source: Some(Source { words: r, kind }),
        })
    }

    /// The name that opens the sentence, for a cue after what is said about it (see
    /// [`rules::opening_name`]).
    fn opening_name_reading(
        &self,
        w: &Words,
        r: Range<usize>,
        cue: Range<usize>,
    ) -> Option<Candidate> {
        let kind = classify(&self.lex, w, &r)?;
        Some(Candidate {
            place: Place::Clause,
            span: w.toks[r.start].span.start..cue.end,
            cue,
            source: Some(Source { words: r, kind }),
        })
    }

    /// An appositive of several comma chunks ("Geoff Garin, a pollster who works with Priorities
    /// USA, a pro-Clinton group, said"): back over up to three more chunks that each open the
    /// way an appositive part does (a determiner, "who", a participle, a lower-case word), to a
    /// name or source phrase that opens the sentence. `c1` starts the innermost chunk.
    fn longer_appositive(&self, w: &Words, c1: usize) -> Option<Range<usize>> {
        // A noun phrase or relative clause opens each part; a verb does not ("Brian Florence,
        // 38, died in Alexandria, said his lawyer": the lawyer speaks).
        let part = |c: usize| {
            let t = &w.toks[c];
            w.gaps[c] == Gap::Comma
                && (matches!(t.lower.as_str(), "a" | "an" | "the" | "who" | "whose")
                    || t.text.starts_with(|c: char| c.is_ascii_digit())
                    || self.lex.titles.contains(&t.lower)
                    || self.lex.anonymous_nouns.contains(&t.lower)
                    || is_party_tag(&t.text)
                    || self.appositive_part(w, c))
        };
        if !part(c1) {
            return None;
        }
        let mut c = c1;
        for _ in 0..5 {
            let prev = w.chunk_start(c - 1);
            if w.gaps[prev] == Gap::Start {
                let separator = &w.text[w.toks[c - 1].span.end..w.toks[c].span.start];
                if separator.trim() != "," {
                    // "Focus on security: Trump, who …": a heading, not a name.
                    return None;
                }
                if leading_adverbial(w, prev) {
                    // "Moreover, Jeffrey D. Sachs, director …, noted", "In an email, Axelrod,
                    // a former newspaperman, defended": the name opens the next chunk.
                    let end = (c + 1..w.toks.len())
                        .find(|&i| w.gaps[i] != Gap::Space)
                        .unwrap_or(w.toks.len());
                    let r = left_np(&self.lex, w, end - 1)?;
                    return (r.start == c && w.toks[c].is_capitalized()).then_some(r);
                }
                let r = left_np(&self.lex, w, c - 1)?;
                return (r.start == 0 && w.toks[0].is_capitalized()).then_some(r);
            }
            if !part(prev) {
                return None;
            }
            c = prev;
        }
        None
    }

    /// More ways a comma chunk (from word `c`) opens an appositive part: a role noun with its
    /// complement ("dean of the law school", "historian at the library"), a home town ("of
    /// Flint", "Mich."), a participle phrase ("wearing a campaign shirt") or a prepositional
    /// aside ("on Wednesday to promote the rules"). A finite verb never opens one ("died in
    /// Alexandria").
    fn appositive_part(&self, w: &Words, c: usize) -> bool {
        let t = &w.toks[c];
        let next = w
            .toks
            .get(c + 1)
            .filter(|_| w.gaps.get(c + 1) == Some(&Gap::Space));
        let chunk_end = (c + 1..w.toks.len())
            .find(|&i| w.gaps[i] != Gap::Space)
            .unwrap_or(w.toks.len());
        let role = !t.is_capitalized()
            && next.is_some_and(|n| matches!(n.lower.as_str(), "of" | "at" | "for" | "with"))
            && !t.lower.ends_with("ed");
        let home =
            matches!(t.lower.as_str(), "of" | "from") && next.is_some_and(|n| n.is_capitalized());
        let place = chunk_end - c <= 3 && (c..chunk_end).all(|i| w.toks[i].is_capitalized());
        let participle = !t.is_capitalized() && t.lower.ends_with("ing") && t.lower.len() > 5;
        let aside = matches!(
            t.lower.as_str(),
            "in" | "on" | "at" | "during" | "like" | "unlike"
        );
        role || home || place || participle || aside || is_occupation(&self.lex, &t.lower)
    }

    /// Replaces a pronoun source by the person it stands for, when the text allows.
    ///
    /// `companies` are the document's company names (never a he or she); `genders` remembers
    /// which names "he" and "she" have already stood for, so that "she" does not take a man
    /// reached through "he" while another candidate is in reach.
    fn resolve_pronoun(
        &self,
        i: usize,
        sentences: &[Sentence],
        readings: &[Reading],
        companies: &HashSet<String>,
        genders: &mut HashMap<String, String>,
        out: &mut [Attribution],
    ) {
        if out[i].source_kind != Some(SourceKind::Pronoun) {
            return;
        }
        let pronoun = out[i].source.to_lowercase();
        let para = sentences[i].paragraph;
        // Earlier sentences of this paragraph, nearest first, then the previous paragraph.
        let candidates = (0..i)
            .rev()
            .take_while(|&k| sentences[k].paragraph + 1 >= para)
            .take(8);
        let person = |name: &str| !companies.contains(name);
        let mut fallback: Option<(String, SourceKind)> = None;
        let mut found: Option<(String, SourceKind)> = None;
        for k in candidates {
            let a = &out[k];
            let plural = a.source.contains(" and ");
            let same = |kind| Some((a.source.clone(), kind));
            let candidate = match (pronoun.as_str(), a.source_kind) {
                ("he" | "she", Some(SourceKind::NamedPerson)) if !plural => {
                    // "A spokeswoman for Brightmill, Jill Ames": the name after the role.
                    let name = a.source.rsplit(", ").next().unwrap_or(&a.source);
                    Some((name.to_string(), SourceKind::NamedPerson))
                }
                ("he" | "she", _) => {
                    subject_person(&self.lex, &Words::read(&sentences[k].text, &readings[k]))
                        .filter(|n| person(n))
                        .map(|n| (n, SourceKind::NamedPerson))
                }
                ("they", Some(kind @ (SourceKind::Anonymous | SourceKind::Organization))) => {
                    same(kind)
                }
                ("they", Some(SourceKind::NamedPerson)) if plural => same(SourceKind::NamedPerson),
                (
                    "it",
                    Some(
                        kind @ (SourceKind::Organization
                        | SourceKind::Publication
                        | SourceKind::Document),
                    ),
                ) => same(kind),
                _ => None,
            };
            let Some(c) = candidate else {
                continue;
            };
            let other_gender = genders.get(&c.0).is_some_and(|g| *g != pronoun);
            if other_gender {
                fallback = fallback.or(Some(c));
                continue;
            }
            found = Some(c);
            break;
        }
        if let Some((name, kind)) = found.or(fallback) {
            if matches!(pronoun.as_str(), "he" | "she") {
                genders
                    .entry(name.clone())
                    .or_insert_with(|| pronoun.clone());
            }
            let a = &mut out[i];
            a.pronoun = Some(std::mem::replace(&mut a.source, name));
            a.source_kind = Some(kind);
        }
    }
}

/// The document's company names: a capitalised name before "Inc.", "Corp.", "Co.", "LLC" or
/// "Ltd." and its first word, the short form used after the first mention ("Halvorsen Foods
/// Inc." gives "Halvorsen Foods" and "Halvorsen").
fn company_names(words: &[Words]) -> HashSet<String> {
    let mut names = HashSet::new();
    for w in words {
        for (i, t) in w.toks.iter().enumerate() {
            if i == 0 || !is_company_suffix(&t.lower) || w.gaps[i] != Gap::Space {
                continue;
            }
            let mut s = i;
            while s > 0
                && w.toks[s - 1].is_capitalized()
                && !matches!(w.toks[s - 1].lower.as_str(), "the" | "a" | "an")
                && (s == i || w.gaps[s] == Gap::Space)
            {
                s -= 1;
            }
            if s < i {
                names.insert(w.phrase(&(s..i)).to_string());
                names.insert(w.toks[s].text.clone());
            }
        }
    }
    names
}

/// The sentence's first chunk (from word `start`) is a leading adverbial, not a name: a
/// connective or opener ("Moreover", "Still", "In an email"), an adverb ("Similarly"), a day
/// ("Friday") or a participle clause ("Addressing the committee").
fn leading_adverbial(w: &Words, start: usize) -> bool {
    let l = w.toks[start].lower.as_str();
    CONNECTIVES.contains(&l)
        || OPENERS.contains(&l)
        || ADVERBIAL_OPENERS.contains(&l)
        || TIME_WORDS.contains(&l)
        || (l.len() > 4 && source::ends_like_adverb(l))
        || l.ends_with("ing")
}

/// The sentence ends on a quotation and the credit right after it: "America needs leaders
/// “who understand …,” Clinton said." (the quotation need not open the sentence).
fn credits_closing_quote(text: &str, a: &Attribution) -> bool {
    let Some(span) = a
        .span
        .as_ref()
        .filter(|_| a.kind == AttributionKind::Explicit)
    else {
        return false;
    };
    let before = text[..span.start].trim_end_matches([' ', ',']);
    span.end >= text.trim_end().len().saturating_sub(1) && before.ends_with(['\u{201d}', '"'])
}

/// "has", "have", "had" right before a cue ("has repeatedly said").
fn is_perfect_aux(w: &Words, i: usize) -> bool {
    w.gaps.get(i + 1) == Some(&Gap::Space)
        && matches!(w.toks[i].lower.as_str(), "has" | "have" | "had")
}

/// "long" in "has long said", "since" in "had since told": word `i` is a
/// `[perfect-adverb]` right after a perfect auxiliary, both spaced.
fn is_adverb_after_perfect_aux(w: &Words, i: usize) -> bool {
    i > 1
        && w.gaps.get(i + 1) == Some(&Gap::Space)
        && PERFECT_ADVERBS.contains(&w.toks[i].lower.as_str())
        && is_perfect_aux(w, i - 1)
}

/// A quotation mark appears after word `from` (the reporting clause is followed by more quote).
fn quote_after(w: &Words, from: usize) -> bool {
    let start = if from == 0 {
        0
    } else {
        w.toks[from.min(w.toks.len()) - 1].span.end
    };
    w.text[start..].contains(['“', '"'])
}

/// Nothing but a few adjunct words follows word `from` ("… told reporters Monday.").
fn closes_sentence(w: &Words, from: usize) -> bool {
    let n = w.toks.len();
    if from >= n {
        return true;
    }
    n - from <= 6
        && (from..n).all(|i| {
            w.gaps[i] == Gap::Space && !CLOSING_VERBISH.contains(&w.toks[i].lower.as_str())
        })
}

/// Does a sentence without its own cue plainly continue the statement attributed to `prev`?
///
/// Only when it opens with a pronoun or demonstrative subject (after at most a connective)
/// that points into the statement rather than at its source: "It would need to concede …"
/// after "…, the officials said"; "He recommended …" after "…, people familiar with the matter
/// said" (he is someone in the statement). "He then left" after "Smith said …" is the speaker
/// doing something, and "They declined to be named" after "officials said" is the sources:
/// neither inherits. A sentence that opens with a name or a scene is narrative.
fn continues_statement(w: &Words, prev: &Attribution) -> bool {
    let mut i = 0;
    if w.toks.first().is_some_and(|t| {
        matches!(
            t.lower.as_str(),
            "but" | "and" | "still" | "yet" | "instead"
        )
    }) {
        i = 1;
    }
    let Some(t) = w.toks.get(i) else {
        return false;
    };
    if w.toks.get(i + 1).is_none_or(|n| n.is_capitalized()) {
        return false;
    }
    let singular_person = prev.source_kind == Some(SourceKind::NamedPerson)
        && !prev.source.contains(" and ")
        || prev
            .pronoun
            .as_deref()
            .is_some_and(|p| p == "he" || p == "she")
        || matches!(prev.source.to_lowercase().as_str(), "he" | "she");
    let group = matches!(
        prev.source_kind,
        Some(SourceKind::Anonymous | SourceKind::Organization)
    );
    match t.lower.as_str() {
        "it" | "this" | "that" | "these" | "those" | "such" => true,
        "he" | "she" => !singular_person,
        "they" => !group,
        _ => false,
    }
}

/// Whether a cue starting at word `first` with a source starting at word `source` stands in a
/// quotation's speaker slot: either right after a closing quotation mark ("“…,” Smith said",
/// "“…,” said Smith").
fn speaker_slot(w: &Words, first: usize, source: usize) -> bool {
    w.gaps[source] == Gap::QuoteClose || w.gaps[first] == Gap::QuoteClose
}

/// Whether reading `c` (as [`speaker_slot`] asks) stands in a quotation's speaker slot.
fn in_speaker_slot(w: &Words, c: &Candidate) -> bool {
    let first = w.toks.iter().position(|t| t.span.start == c.cue.start);
    let source = c.source.as_ref().map(|s| s.words.start);
    first
        .zip(source)
        .is_some_and(|(f, s)| speaker_slot(w, f, s))
}

/// Whether a colon follows word `last` (the end of a cue), opening what was said: "Cruz
/// continued: “The questions…”" or "Cruz continued:" closing the sentence.
fn opens_with_colon(w: &Words, last: usize) -> bool {
    let end = w.toks[last].span.end;
    w.text[end..].trim_start().starts_with(':')
}

#[cfg(test)]
mod recall_tests;
#[cfg(test)]
mod tests;

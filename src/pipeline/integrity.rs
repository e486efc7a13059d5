//! Integrity: did a matched copy keep the facts?
//!
//! Takes a pair of matched claims (their text, attribution, and the outlet each one's
//! attribution names) and returns the [`FlagKind`]s the pair raises: a quote attributed to the
//! wrong party, an altered quote, a changed number or date, a different actor, a changed
//! attribution.
//!
//! The one idea: false positives are worse than misses. Each rule compares only what both
//! sides state (a number with the same unit, the head of the subject, a quotation present on
//! both sides) and stays silent when one side simply says less.

use crate::lexicon::calendar::{month_of, WEEKDAYS};
use crate::lexicon::integrity::{
    ACTOR_NOUNS, CLAUSE_OPENERS, PREDICATE_STARTS, STOP_WORDS, SUBJECT_FILLERS,
};
use crate::lexicon::numbers::{SMALL_NUMBERS, TENS};
use std::collections::BTreeSet;

use crate::pipeline::reading::marks::{singular, words, words_of, Word};
use crate::pipeline::reading::word_spans;
use std::ops::Range;

use crate::pipeline::attribution::{Attribution, AttributionKind, SourceKind};

/// What an integrity flag says about a pair of matched claims.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
#[derive(strum::IntoStaticStr, strum::EnumIter)]
#[strum(serialize_all = "kebab-case")]
pub enum FlagKind {
    /// Words quoted on one side are the other outlet's own narrative, credited to someone else.
    QuoteMisattributed,
    /// A quotation present on both sides with words changed, added or dropped.
    QuoteAltered,
    /// The claims disagree on a number, amount, count, date or day.
    NumberMismatch,
    /// The claims give the action to different people or bodies.
    ActorMismatch,
    /// The claim is attributed to different sources, or attributed on one side only.
    AttributionChanged,
}

impl FlagKind {
    /// Every kind, in output order.
    pub const ALL: [FlagKind; 5] = [
        FlagKind::QuoteMisattributed,
        FlagKind::QuoteAltered,
        FlagKind::NumberMismatch,
        FlagKind::ActorMismatch,
        FlagKind::AttributionChanged,
    ];

    /// Whether the two claims disagree on a fact (a figure, who acted, the words of a
    /// quotation): however alike their wording, they then do not corroborate each other.
    pub fn changes_facts(self) -> bool {
        matches!(
            self,
            FlagKind::QuoteAltered | FlagKind::NumberMismatch | FlagKind::ActorMismatch
        )
    }

    /// The name used in outputs.
    pub fn as_str(self) -> &'static str {
        self.into()
    }
}

/// A flag raised on a claim, naming the other claim of the pair.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Flag {
    /// What is wrong.
    pub kind: FlagKind,
    /// The other claim's document (0-based).
    pub doc: usize,
    /// The other claim's sentence (0-based).
    pub sentence: usize,
}

/// Quotations shorter than this many words are scare quotes ("secret meetings"), not quotes
/// whose attribution can be checked.
const MIN_QUOTE_WORDS: usize = 5;

/// What one claim states, extracted once and compared with every claim it matches.
#[derive(Clone, Debug, Default)]
pub struct Facts {
    /// Words outside quotation marks and outside the attribution phrase.
    narrative: Vec<String>,
    /// Each quotation's words.
    quotes: Vec<Vec<String>>,
    /// Every content word of the claim outside the attribution phrase, plus the words of a
    /// named speaker: a person the claim names as its source is mentioned by it.
    content: BTreeSet<String>,
    /// Numbers with their units.
    numbers: Vec<Quantity>,
    /// Head words of the subject, when the subject is a person or body.
    actors: Vec<String>,
    /// How the subject names its actors (meaningful only with `actors`).
    naming: Naming,
    /// Role nouns of the subject other than its heads ("Mayor Eric Adams": mayor).
    roles: Vec<String>,
    /// Content words of the source.
    source: BTreeSet<String>,
    /// The claim has an attribution cue of its own or carried.
    attributed: bool,
    /// The source is a bare or resolved pronoun; it cannot be compared by its words.
    vague_source: bool,
    /// The source is unnamed ("officials", "people familiar with the matter"): the same word
    /// in the other claim's content is no report of them speaking.
    anonymous_source: bool,
    /// The derivation group of the document whose outlet the attribution names, if any.
    credits: Option<u32>,
    /// The source is a publication or report, not a person or body speaking through it.
    source_is_publication: bool,
}

/// How a subject names the people or bodies it is about.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
enum Naming {
    /// Every head is a name, not a capitalised role noun nor a plural capitalised because it
    /// opens the sentence ("Witkoff and Kushner", "The National Guard"; not "Police",
    /// "Protesters").
    Names,
    /// A definite description: "the" and a role noun ("The special envoy", "the mayor"). It
    /// points back to someone its article named before, whom the other side may name.
    Described,
    /// Anything else: an indefinite or bare role noun ("A senior official", "State police"),
    /// or names and role nouns mixed.
    #[default]
    Other,
}

/// A number and what it counts (`three days` → 3, "day"; `Nov. 18` → 18, "date:nov").
#[derive(Clone, Debug, PartialEq)]
struct Quantity {
    value: f64,
    unit: String,
}

impl Facts {
    /// Extracts the facts of one claim. `credits` is the derivation group of the document whose
    /// outlet its attribution names (see [`crate::pipeline::provenance::attributed_documents`]).
    pub fn new(text: &str, attribution: &Attribution, credits: Option<u32>) -> Facts {
        Facts::at(text, &word_spans(text), 0, attribution, credits)
    }

    /// The facts of `text`, which starts at byte `offset` of the sentence the attribution's
    /// spans refer to (past the dateline of a first sentence, see
    /// [`crate::pipeline::claim_text`]); `spans` are the words of `text`, as
    /// [`crate::pipeline::reading::Reading::spans_after`] cuts them from the sentence's reading.
    pub fn at(
        text: &str,
        spans: &[Range<usize>],
        offset: usize,
        attribution: &Attribution,
        credits: Option<u32>,
    ) -> Facts {
        // A stance ("is seeking a grant", "refused bail") is the claim's own act, not a
        // credit: its subject and verb are what the claim states, and a copy that says so
        // without the verb has changed no attribution.
        let unattributed = Attribution::default();
        let attribution = if attribution.is_stance() {
            &unattributed
        } else {
            attribution
        };
        let ranges = attribution_ranges(text.len(), offset, attribution);
        let words = words_of(text, spans, &ranges);
        let narrative: Vec<String> = words
            .iter()
            .filter(|w| !w.quoted && !w.attribution)
            .map(|w| w.norm.clone())
            .collect();
        let mut content: BTreeSet<String> = words
            .iter()
            .filter(|w| !w.attribution && !is_stop_word(&w.norm))
            .map(|w| singular(&w.norm))
            .collect();
        let source = attribution.named_source();
        let kind = source.as_ref().map(|s| s.kind);
        let named = source_words(source.as_ref().map_or("", |s| s.text));
        if kind == Some(SourceKind::NamedPerson) {
            content.extend(named.iter().cloned());
        }
        let content_words: Vec<&Word> = words.iter().filter(|w| !w.attribution).collect();
        let subject = if source_is_subject(text, &ranges, attribution) {
            subject_heads(&words.iter().collect::<Vec<_>>())
        } else {
            subject_heads(&content_words)
        };
        Facts {
            narrative,
            quotes: quotes(&words),
            numbers: quantities(&content_words),
            actors: subject.heads,
            naming: subject.naming,
            roles: subject.roles,
            content,
            source: named,
            attributed: attribution.kind != AttributionKind::None,
            vague_source: kind == Some(SourceKind::Pronoun),
            anonymous_source: kind == Some(SourceKind::Anonymous),
            credits,
            source_is_publication: matches!(
                kind,
                Some(SourceKind::Publication | SourceKind::Document)
            ),
        }
    }
}

/// The source opens the sentence and is the subject of what it claims: it tells someone
/// something ("Umerov told them the plan ..."), where what follows the cue starts with the
/// listener, or it does something and then speaks ("The National Guard closed the road and
/// said it would stay closed"). After "X said" the reported clause has its own subject
/// ("Officials said Witkoff held calls": Witkoff).
fn source_is_subject(
    text: &str,
    ranges: &[Option<std::ops::Range<usize>>; 2],
    attribution: &Attribution,
) -> bool {
    let [Some(cue), Some(source)] = ranges else {
        return false;
    };
    // The source as written opens the sentence (a resolved pronoun does not count).
    let opened = text.len()
        - text
            .trim_start_matches(|c: char| !c.is_alphanumeric())
            .len();
    if source.start != opened
        || text[source.clone()] != attribution.source
        || cue.start < source.end
    {
        return false;
    }
    let telling = ["told", "tells", "tell"].iter().any(|t| {
        let rest = attribution.cue.strip_prefix(t);
        rest.is_some_and(|r| r.is_empty() || r.starts_with(char::is_whitespace))
    });
    let acted_first = text[source.end..cue.start].trim_end().ends_with(" and");
    telling || acted_first
}

/// Byte ranges of the cue and the source within `text`, from the attribution's spans (which
/// refer to the sentence; `text` starts at byte `offset` of it). A span that is not wholly
/// inside `text` (a cue carried from an earlier sentence has none) is left out: the words of
/// a quotation that happen to spell the cue are the speaker's, not the attribution.
fn attribution_ranges(
    len: usize,
    offset: usize,
    attribution: &Attribution,
) -> [Option<std::ops::Range<usize>>; 2] {
    [&attribution.cue_span, &attribution.source_span].map(|span| {
        let span = span.as_ref()?;
        let (start, end) = (
            span.start.checked_sub(offset)?,
            span.end.checked_sub(offset)?,
        );
        (end <= len && start < end).then_some(start..end)
    })
}

/// Runs of consecutive quoted words.
fn quotes(words: &[Word]) -> Vec<Vec<String>> {
    let mut out: Vec<Vec<String>> = Vec::new();
    let mut current: Vec<String> = Vec::new();
    for w in words {
        if w.quoted {
            current.push(w.norm.clone());
        } else if !current.is_empty() {
            out.push(std::mem::take(&mut current));
        }
    }
    if !current.is_empty() {
        out.push(current);
    }
    out
}

fn is_stop_word(word: &str) -> bool {
    STOP_WORDS.contains(&word)
}

fn source_words(source: &str) -> BTreeSet<String> {
    words(source, &[])
        .into_iter()
        .filter(|w| !is_stop_word(&w.norm))
        .map(|w| singular(&w.norm))
        .collect()
}

/// The value of a number written in digits or words.
fn number_value(word: &str) -> Option<f64> {
    if word.chars().next().is_some_and(|c| c.is_ascii_digit()) {
        let digits: String = word.chars().filter(|&c| c != ',').collect();
        let digits = digits.trim_end_matches(|c: char| c.is_alphabetic());
        return digits.parse().ok();
    }
    if let Some(i) = SMALL_NUMBERS.iter().position(|w| *w == word) {
        return Some(i as f64);
    }
    TENS.iter()
        .position(|w| *w == word)
        .map(|i| (20 + 10 * i) as f64)
}

fn scale(word: &str) -> Option<f64> {
    match word {
        "hundred" => Some(1e2),
        "thousand" => Some(1e3),
        "million" => Some(1e6),
        "billion" => Some(1e9),
        "trillion" => Some(1e12),
        _ => None,
    }
}

/// Numbers with their units: the next content word ("three days"), a currency or percent sign,
/// a month for dates, weekdays and bare months as days and months.
fn quantities(words: &[&Word]) -> Vec<Quantity> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < words.len() {
        let w = &words[i].norm;
        if let Some(day) = WEEKDAYS.iter().position(|d| d == w) {
            out.push(Quantity {
                value: day as f64,
                unit: "weekday".into(),
            });
        } else if let Some(m) = month_of(w) {
            match words.get(i + 1).and_then(|n| number_value(&n.norm)) {
                Some(day) if (1.0..=31.0).contains(&day) => {
                    out.push(Quantity {
                        value: day,
                        unit: format!("date:{m}"),
                    });
                    i += 1;
                }
                _ => out.push(Quantity {
                    value: m as f64,
                    unit: "month".into(),
                }),
            }
        } else if let Some(mut value) = number_value(w) {
            let dollar = words[i].dollar_before;
            while let Some(s) = words.get(i + 1).and_then(|n| scale(&n.norm)) {
                value *= s;
                i += 1;
            }
            let unit = unit_after(words, i, dollar, value);
            out.push(Quantity { value, unit });
        }
        i += 1;
    }
    out
}

fn unit_after(words: &[&Word], i: usize, dollar: bool, value: f64) -> String {
    if dollar {
        return "$".into();
    }
    match words.get(i + 1).map(|w| w.norm.as_str()) {
        Some("percent" | "%") => "percent".into(),
        Some(next) if !is_stop_word(next) && number_value(next).is_none() => singular(next),
        // a date, never compared with a count of years ("since 1994" / "in 31 years")
        _ if (1800.0..=2100.0).contains(&value) && value.fract() == 0.0 => "date:year".into(),
        _ => String::new(),
    }
}

/// The longest subject phrase looked at, in words.
const MAX_SUBJECT_WORDS: usize = 8;

/// A sentence's subject when it is a person or body: its head words and how it names them.
#[derive(Default)]
struct Subject {
    heads: Vec<String>,
    naming: Naming,
    roles: Vec<String>,
}

/// Head words of the sentence's subject when it is a person or body: the last word of each
/// conjunct of the leading noun phrase ("A senior Ukrainian official" → official; "The state
/// transportation department" → department; "Witkoff and Kushner" → witkoff, kushner). Empty
/// when the subject is a thing, a pronoun, or cannot be found within a few words.
fn subject_heads(words: &[&Word]) -> Subject {
    let narrative: Vec<&Word> = words.iter().copied().filter(|w| !w.quoted).collect();
    let Some(first) = narrative.first() else {
        return Subject::default();
    };
    let mut start = 0;
    if CLAUSE_OPENERS.contains(&first.norm.as_str()) || first.norm.ends_with("ing") {
        match narrative.iter().position(|w| w.comma_after) {
            Some(comma) => start = comma + 1,
            None => return Subject::default(),
        }
    }
    let mut conjuncts: Vec<Vec<&Word>> = vec![Vec::new()];
    let mut ended = false;
    for w in narrative[start..].iter().take(MAX_SUBJECT_WORDS) {
        let predicate = PREDICATE_STARTS.contains(&w.norm.as_str())
            || (!w.capital && w.norm.len() > 4 && w.norm.ends_with("ed"));
        if predicate {
            ended = true;
            break;
        }
        if w.norm == "and" {
            conjuncts.push(Vec::new());
            continue;
        }
        conjuncts.last_mut().expect("never empty").push(w);
        if w.comma_after {
            ended = true;
            break;
        }
    }
    if !ended {
        return Subject::default();
    }
    let heads: Vec<&Word> = conjuncts.iter().filter_map(|c| c.last().copied()).collect();
    // A capitalised stop word ("By", "In") opens a sentence; it names no one.
    let is_actor = |w: &&Word| {
        ACTOR_NOUNS.contains(&singular(&w.norm).as_str())
            || (w.capital && !SUBJECT_FILLERS.contains(&w.norm.as_str()) && !is_stop_word(&w.norm))
    };
    if heads.is_empty() || !heads.iter().all(is_actor) {
        return Subject::default();
    }
    let described = |c: &Vec<&Word>| {
        c.first().is_some_and(|w| w.norm == "the") && c.last().is_some_and(|w| !w.capital)
    };
    let role = |w: &Word| ACTOR_NOUNS.contains(&singular(&w.norm).as_str());
    // A plural opening the sentence is capitalised for its place, not as a name
    // ("Protesters blocked …"); a name that opens it stays one ("Witkoff concluded …").
    let opening_plural =
        |w: &Word| std::ptr::eq(w, narrative[start]) && singular(&w.norm) != w.norm;
    let named = |w: &&Word| w.capital && !role(w) && !opening_plural(w);
    let naming = if heads.iter().all(named) {
        Naming::Names
    } else if conjuncts.iter().all(described) {
        Naming::Described
    } else {
        Naming::Other
    };
    let roles = conjuncts
        .iter()
        .flat_map(|c| c.split_last().map_or(&[][..], |(_, rest)| rest))
        .filter(|w| role(w))
        .map(|w| singular(&w.norm))
        .collect();
    Subject {
        heads: heads.iter().map(|w| singular(&w.norm)).collect(),
        naming,
        roles,
    }
}

/// Whether each side of a pair credits the other: its attribution names the outlet of a
/// document in the other side's derivation group (the other side, its original, or a copy).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct Crediting {
    /// The first claim credits the second's group.
    pub x_credits_y: bool,
    /// The second claim credits the first's group.
    pub y_credits_x: bool,
}

impl Crediting {
    /// Crediting between `x` in group `x_group` and `y` in group `y_group`.
    pub fn between(x: &Facts, x_group: u32, y: &Facts, y_group: u32) -> Crediting {
        Crediting {
            x_credits_y: x.credits == Some(y_group),
            y_credits_x: y.credits == Some(x_group),
        }
    }
}

/// The flags a pair of matched claims raises. It depends only on the two claims' facts and on
/// who credits whom, so callers may cache it by those.
pub fn compare(x: &Facts, y: &Facts, crediting: Crediting) -> Vec<FlagKind> {
    let mut out = Vec::new();
    if quote_misattributed(x, y, crediting.x_credits_y)
        || quote_misattributed(y, x, crediting.y_credits_x)
    {
        out.push(FlagKind::QuoteMisattributed);
    }
    if quote_altered(x, y) {
        out.push(FlagKind::QuoteAltered);
    }
    if numbers_disagree(x, y) {
        out.push(FlagKind::NumberMismatch);
    }
    if actors_disagree(x, y) {
        out.push(FlagKind::ActorMismatch);
    }
    if attribution_changed(x, y, crediting) {
        out.push(FlagKind::AttributionChanged);
    }
    out
}

/// `quoting` puts in quotation marks words that `narrating` states as its own narrative, and
/// credits them to someone other than `narrating`'s outlet.
fn quote_misattributed(quoting: &Facts, narrating: &Facts, credits_narrating: bool) -> bool {
    if credits_narrating && !quoting.attributed_elsewhere() {
        return false;
    }
    quoting.quotes.iter().any(|q| {
        q.len() >= MIN_QUOTE_WORDS
            && contains_run(&narrating.narrative, q)
            && !narrating.quotes.iter().any(|nq| contains_run(nq, q))
    })
}

impl Facts {
    /// The attribution names a source besides the credited outlet ("officials told the
    /// Journal": the words are the officials', not the Journal's).
    fn attributed_elsewhere(&self) -> bool {
        !self.source.is_empty() && self.credits.is_some() && !self.source_is_outlet()
    }

    fn source_is_outlet(&self) -> bool {
        self.source_is_publication
    }
}

fn contains_run(haystack: &[String], needle: &[String]) -> bool {
    !needle.is_empty() && haystack.windows(needle.len()).any(|w| w == needle)
}

/// A quotation on each side shares most words with one on the other, yet neither is a
/// contiguous excerpt of the other. A quotation the other side reproduces word for word in
/// any of its quotations is faithful, whatever else that side quotes.
fn quote_altered(x: &Facts, y: &Facts) -> bool {
    let reproduced =
        |quote: &Vec<String>, other: &Facts| other.quotes.iter().any(|q| contains_run(q, quote));
    x.quotes.iter().filter(|qx| !reproduced(qx, y)).any(|qx| {
        y.quotes.iter().filter(|qy| !reproduced(qy, x)).any(|qy| {
            let (short, long) = if qx.len() <= qy.len() {
                (qx, qy)
            } else {
                (qy, qx)
            };
            short.len() >= 3 && !contains_run(long, short) && dice(short, long) >= 0.6
        })
    })
}

fn dice(a: &[String], b: &[String]) -> f64 {
    let sa: BTreeSet<&String> = a.iter().collect();
    let sb: BTreeSet<&String> = b.iter().collect();
    2.0 * sa.intersection(&sb).count() as f64 / (sa.len() + sb.len()).max(1) as f64
}

/// Some unit is counted on both sides, and each side has a value for it the other lacks.
fn numbers_disagree(x: &Facts, y: &Facts) -> bool {
    let units: BTreeSet<&str> = x.numbers.iter().map(|q| q.unit.as_str()).collect();
    units.into_iter().filter(|u| !u.is_empty()).any(|unit| {
        let xs: Vec<f64> = values(&x.numbers, unit);
        let ys: Vec<f64> = values(&y.numbers, unit);
        !ys.is_empty()
            && xs.iter().any(|v| !has_value(&ys, *v))
            && ys.iter().any(|v| !has_value(&xs, *v))
    })
}

fn values(quantities: &[Quantity], unit: &str) -> Vec<f64> {
    quantities
        .iter()
        .filter(|q| q.unit == unit)
        .map(|q| q.value)
        .collect()
}

fn has_value(values: &[f64], v: f64) -> bool {
    values
        .iter()
        .any(|w| (w - v).abs() <= 1e-9 * v.abs().max(1.0))
}

/// Both subjects are people or bodies, and neither side mentions the other's (a subject that
/// is also the other side's subject is mentioned, even where it is the speaker and so not
/// among the content words). A definite description against names stays silent: "The
/// special envoy" may be the "Witkoff" of the other side, named earlier in its own article;
/// unless the names carry a different role ("Mayor Eric Adams" against "The governor").
fn actors_disagree(x: &Facts, y: &Facts) -> bool {
    let mentions = |facts: &Facts, actor: &String| {
        facts.content.contains(actor) || facts.actors.contains(actor)
    };
    let may_corefer = |described: &Facts, named: &Facts| {
        described.naming == Naming::Described
            && named.naming == Naming::Names
            && (named.roles.is_empty() || described.actors.iter().all(|a| named.roles.contains(a)))
    };
    let may_corefer = may_corefer(x, y) || may_corefer(y, x);
    !x.actors.is_empty()
        && !y.actors.is_empty()
        && !may_corefer
        && !x.actors.iter().any(|a| mentions(y, a))
        && !y.actors.iter().any(|a| mentions(x, a))
}

/// Sources that share no word, or a source on one side and no attribution at all on the other.
/// Crediting the other side's own outlet is never a change, nor is naming as source someone
/// the other side's claim itself reports speaking ("Umerov told them ..." against "Umerov told
/// them ..., people familiar with the matter said"). An unnamed source counts as the other
/// claim's own only as its subject ("…, officials said" against "Officials arrested two
/// men …"), not where the claim merely has its word ("… through discussions with US and
/// foreign officials").
fn attribution_changed(x: &Facts, y: &Facts, crediting: Crediting) -> bool {
    if crediting.x_credits_y || crediting.y_credits_x {
        return false;
    }
    let reported = |speaker: &Facts, claim: &Facts| {
        if speaker.anonymous_source {
            claim.actors.iter().any(|a| speaker.source.contains(a))
        } else {
            !speaker.source.is_disjoint(&claim.content)
        }
    };
    if reported(x, y) || reported(y, x) {
        return false;
    }
    match (x.attributed, y.attributed) {
        (true, true) => {
            !x.vague_source
                && !y.vague_source
                && !x.source.is_empty()
                && !y.source.is_empty()
                && x.source.is_disjoint(&y.source)
        }
        (true, false) => !x.source.is_empty(),
        (false, true) => !y.source.is_empty(),
        (false, false) => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pipeline::attribution::CueKind;

    fn said(cue: &str, source: &str) -> Attribution {
        Attribution {
            cue: cue.into(),
            source: source.into(),
            source_kind: Some(SourceKind::Anonymous),
            kind: AttributionKind::Explicit,
            ..Attribution::default()
        }
    }

    /// The attribution with its cue and source spans at their first occurrence in `text`,
    /// as the attribution stage would give them for these test sentences.
    pub(super) fn located(text: &str, a: &Attribution) -> Attribution {
        let span = |s: &str| {
            (!s.is_empty())
                .then(|| text.find(s).map(|at| at..at + s.len()))
                .flatten()
        };
        Attribution {
            cue_span: a.cue_span.clone().or_else(|| span(&a.cue)),
            source_span: a.source_span.clone().or_else(|| span(&a.source)),
            ..a.clone()
        }
    }

    pub(super) fn facts_at(text: &str, a: &Attribution, credits: Option<u32>) -> Facts {
        Facts::new(text, &located(text, a), credits)
    }

    /// The cue is where the attribution found it, not the first "said" of the sentence: the
    /// quoted "said" is the speaker's word.
    #[test]
    fn the_cue_is_found_by_its_span_not_by_its_spelling() {
        let text = "\u{201c}The council said it would vote on May 4,\u{201d} the clerk said.";
        let cue = text.rfind("said").unwrap();
        let source = text.find("the clerk").unwrap();
        let attribution = Attribution {
            cue_span: Some(cue..cue + 4),
            source_span: Some(source..source + 9),
            ..said("said", "the clerk")
        };
        let ranges = attribution_ranges(text.len(), 0, &attribution);
        let marked: Vec<(String, bool)> = words(text, &ranges)
            .into_iter()
            .map(|w| (w.norm, w.attribution))
            .collect();
        assert_eq!(marked[2], ("said".to_string(), false), "{marked:?}");
        let attributed: Vec<&str> = marked
            .iter()
            .filter(|w| w.1)
            .map(|w| w.0.as_str())
            .collect();
        assert_eq!(attributed, ["the", "clerk", "said"]);
        let facts = Facts::new(text, &attribution, None);
        assert_eq!(facts.quotes[0][2], "said");
        assert!(facts.narrative.is_empty(), "{:?}", facts.narrative);
    }

    /// A dateline cut from the claim shifts the spans with it.
    #[test]
    fn spans_are_shifted_past_a_cut_dateline() {
        let a = Attribution {
            cue_span: Some(30..34),
            ..Attribution::default()
        };
        assert_eq!(attribution_ranges(20, 14, &a), [Some(16..20), None]);
        assert_eq!(attribution_ranges(20, 31, &a), [None, None]);
    }

    fn plain(text: &str) -> Facts {
        facts_at(text, &Attribution::default(), None)
    }

    fn flags(x: &Facts, y: &Facts) -> Vec<FlagKind> {
        compare(x, y, Crediting::between(x, 0, y, 1))
    }

    #[test]
    fn a_stance_is_the_claims_own_act_not_a_credit() {
        let text = "Marlow Falls is seeking an emergency state grant for the rest.";
        let stance = Attribution {
            cue_kind: Some(CueKind::Stance),
            ..said("is seeking", "Marlow Falls")
        };
        let seeking = facts_at(text, &stance, None);
        let asked = plain("The city has asked the state for an emergency grant for the rest.");
        assert!(flags(&seeking, &asked).is_empty());
        // a spoken credit dropped by the copy is still a change
        let spoken = Attribution {
            cue_kind: Some(CueKind::Speech),
            ..said("said", "the mayor")
        };
        let said = facts_at(
            "The grant will cover the rest, the mayor said.",
            &spoken,
            None,
        );
        let bare = plain("The grant will cover the rest.");
        assert_eq!(flags(&said, &bare), [FlagKind::AttributionChanged]);
    }

    #[test]
    fn a_year_is_a_date_not_a_count_of_years() {
        let since = plain("Dunmore won the cup for the first time since 1994.");
        let count = plain("Dunmore won the cup for the first time in 31 years.");
        assert!(flags(&since, &count).is_empty());
        let other = plain("Dunmore won the cup for the first time since 1996.");
        assert_eq!(flags(&since, &other), [FlagKind::NumberMismatch]);
        let longer = plain("Dunmore won the cup for the first time in 32 years.");
        assert_eq!(flags(&count, &longer), [FlagKind::NumberMismatch]);
    }

    #[test]
    fn changed_count_is_a_number_mismatch() {
        let x = plain("The talks lasted three days in Miami.");
        let y = plain("The talks lasted four days in Miami.");
        assert_eq!(flags(&x, &y), [FlagKind::NumberMismatch]);
        assert!(flags(&x, &plain("The talks lasted 3 days in Miami.")).is_empty());
    }

    #[test]
    fn changed_date_is_a_number_mismatch() {
        let x = plain("Driscoll arrived in Kyiv on Nov. 19 to discuss defense.");
        let y = plain("Driscoll arrived in Kyiv on November 18 to discuss defense.");
        assert_eq!(flags(&x, &y), [FlagKind::NumberMismatch]);
        let z = plain("Driscoll arrived in Kyiv last week to discuss defense.");
        assert!(flags(&x, &z).is_empty(), "saying less is not a mismatch");
    }

    #[test]
    fn scaled_amounts_compare_as_numbers() {
        let x = plain("The package costs $2.5 billion over ten years.");
        let y = plain("The package costs $2,500 million over ten years.");
        assert!(flags(&x, &y).is_empty());
        let z = plain("The package costs $3 billion over ten years.");
        assert_eq!(flags(&x, &z), [FlagKind::NumberMismatch]);
    }

    #[test]
    fn a_definite_description_may_be_the_other_sides_name() {
        // "The special envoy" points back to a person its article named: maybe Witkoff.
        let envoy = plain("The special envoy determined the plan should favor Moscow.");
        let witkoff = plain("Witkoff concluded the plan should favor Moscow.");
        assert!(!flags(&envoy, &witkoff).contains(&FlagKind::ActorMismatch));
        assert!(!flags(&witkoff, &envoy).contains(&FlagKind::ActorMismatch));
        // two descriptions of different roles, or a new person against a name, still differ
        let mayor = plain("The mayor closed the road on Monday.");
        let governor = plain("The governor closed the road on Monday.");
        assert_eq!(flags(&mayor, &governor), [FlagKind::ActorMismatch]);
        let official = plain("A senior official organized two calls with Zelensky.");
        let pair = plain("Witkoff and Kushner organized two calls with Zelensky.");
        assert_eq!(flags(&official, &pair), [FlagKind::ActorMismatch]);
        let adams = plain("Mayor Eric Adams closed the road on Monday.");
        assert_eq!(flags(&adams, &governor), [FlagKind::ActorMismatch]);
        let titled =
            plain("US special envoy Steve Witkoff concluded the plan should favor Moscow.");
        assert!(!flags(&envoy, &titled).contains(&FlagKind::ActorMismatch));
        let protesters = plain("Protesters blocked the bridge on Monday.");
        let police = plain("The police blocked the bridge on Monday.");
        assert_eq!(flags(&protesters, &police), [FlagKind::ActorMismatch]);
        let guard = plain("The National Guard closed Route 443 in both directions.");
        let police = plain("State police closed Route 443 in both directions.");
        assert_eq!(flags(&guard, &police), [FlagKind::ActorMismatch]);
    }

    #[test]
    fn different_subject_is_an_actor_mismatch() {
        let x = plain("A senior Ukrainian official organized two calls with Zelensky.");
        let y = plain("Witkoff and Kushner held two calls with Zelensky.");
        assert_eq!(flags(&x, &y), [FlagKind::ActorMismatch]);
        let z = plain("Senior Ukrainian officials organized two calls with Zelensky.");
        assert!(flags(&x, &z).is_empty());
    }

    #[test]
    fn passive_rewrite_is_not_an_actor_mismatch() {
        let x = plain("Witkoff drafted the plan in October.");
        let y = plain("The plan was drafted by Witkoff in October.");
        assert!(flags(&x, &y).is_empty());
    }

    #[test]
    fn narrative_quoted_as_someone_elses_words_is_misattributed() {
        let narrative = facts_at(
            "They brought him to Miami for three days of talks, according to officials.",
            &said("according to", "officials"),
            None,
        );
        let quoting = facts_at(
            "\u{201c}They brought him to Miami for three days of talks,\u{201d} officials told the Journal.",
            &said("told the Journal", "officials"),
            Some(0),
        );
        assert_eq!(flags(&narrative, &quoting), [FlagKind::QuoteMisattributed]);
    }

    #[test]
    fn quoting_the_outlets_own_words_as_its_own_is_fine() {
        let narrative = plain("They brought him to Miami for three days of talks.");
        let mut credit = said("reported", "the Journal");
        credit.source_kind = Some(SourceKind::Publication);
        let quoting = facts_at(
            "\u{201c}They brought him to Miami for three days of talks,\u{201d} the Journal reported.",
            &credit,
            Some(0),
        );
        assert!(flags(&narrative, &quoting).is_empty());
    }

    #[test]
    fn altered_quote_is_flagged_but_an_excerpt_is_not() {
        let x = plain("\"We are grateful to the United States for listening to us,\" Umerov said.");
        let y = plain("\"We are thankful to the United States for listening to us,\" Umerov said.");
        assert_eq!(flags(&x, &y), [FlagKind::QuoteAltered]);
        let excerpt = plain("Umerov said they were \"grateful to the United States\" for it.");
        assert!(!flags(&x, &excerpt).contains(&FlagKind::QuoteAltered));
    }

    #[test]
    fn different_sources_change_the_attribution() {
        let x = facts_at(
            "The plan has 28 points, officials said.",
            &said("said", "officials"),
            None,
        );
        let y = facts_at(
            "The plan has 28 points, a diplomat said.",
            &said("said", "a diplomat"),
            None,
        );
        assert_eq!(flags(&x, &y), [FlagKind::AttributionChanged]);
        let z = facts_at(
            "The plan has 28 points, U.S. officials said.",
            &said("said", "U.S. officials"),
            None,
        );
        assert!(flags(&x, &z).is_empty());
        assert_eq!(
            flags(&x, &plain("The plan has 28 points.")),
            [FlagKind::AttributionChanged]
        );
    }

    #[test]
    fn the_speaker_inside_the_other_claim_is_not_a_changed_attribution() {
        let x = facts_at(
            "Umerov told them the plan favored Russia, people familiar with the matter said.",
            &said("said", "people familiar with the matter"),
            None,
        );
        let y = facts_at(
            "Umerov told Witkoff the plan favored Russia.",
            &Attribution {
                source_kind: Some(SourceKind::NamedPerson),
                ..said("told", "Umerov")
            },
            None,
        );
        assert!(flags(&x, &y).is_empty());
    }

    #[test]
    fn an_unnamed_sources_word_in_the_other_claim_is_no_report_of_them() {
        // The Post drops "officials said"; its officials are the people Witkoff talked to.
        let x = facts_at(
            "Witkoff concluded that Ukraine was weaker after talks with officials, U.S. officials said.",
            &said("said", "U.S. officials"),
            None,
        );
        let y = plain("The envoy concluded that Ukraine was weaker after talks with officials.");
        assert_eq!(flags(&x, &y), [FlagKind::AttributionChanged]);
        // but officials who are the other claim's subject are its own source
        let x = facts_at(
            "Two men were arrested near the station on Monday, officials said.",
            &said("said", "officials"),
            None,
        );
        let y = plain("Officials arrested two men near the station on Monday.");
        assert!(!flags(&x, &y).contains(&FlagKind::AttributionChanged));
    }

    #[test]
    fn a_straight_mark_closing_a_quotation_from_an_earlier_sentence_closes_it() {
        // The quotation opened in the sentence before; both sides quote the words.
        let x = plain("Customers paid for upgrades that were never built.\"");
        let y = plain("\"Customers paid for upgrades that were never built.");
        assert!(x.narrative.is_empty(), "{:?}", x.narrative);
        assert!(flags(&x, &y).is_empty());
        // A straight mark before a word still opens.
        let z = plain("She called it \"a clear message\" to the industry.");
        assert_eq!(z.quotes, [["a", "clear", "message"]]);
    }

    #[test]
    fn a_source_that_acts_before_it_speaks_is_the_actor() {
        let organization = |source: &str| Attribution {
            source_kind: Some(SourceKind::Organization),
            ..said("said", source)
        };
        let x = facts_at(
            "State police closed Route 9 in both directions and said it would stay closed.",
            &organization("State police"),
            None,
        );
        let y = facts_at(
            "The National Guard closed Route 9 in both directions and said it would stay closed.",
            &organization("The National Guard"),
            None,
        );
        assert!(flags(&x, &y).contains(&FlagKind::ActorMismatch));
        // Reporting only: the reported clause has its own subject, the same on both sides.
        let x = facts_at(
            "State police said the road would stay closed.",
            &organization("State police"),
            None,
        );
        let y = facts_at(
            "The National Guard said the road would stay closed.",
            &organization("The National Guard"),
            None,
        );
        assert!(!flags(&x, &y).contains(&FlagKind::ActorMismatch));
    }

    #[test]
    fn a_named_speaker_is_a_mention_of_that_actor() {
        let x = facts_at(
            "Echoing Kremlin demands, Dmitriev insisted Ukraine could never join NATO.",
            &Attribution {
                source_kind: Some(SourceKind::NamedPerson),
                ..said("insisted", "Dmitriev")
            },
            None,
        );
        let y = plain("Dmitriev demanded that NATO membership be ruled out for Ukraine.");
        assert!(!flags(&x, &y).contains(&FlagKind::ActorMismatch));
    }
    #[test]
    fn a_capitalised_stop_word_is_no_actor_and_a_claim_agrees_with_itself() {
        // Found by the property test below: "By" opened the subject and was taken for a name.
        let facts = plain("0 By:\"“\"\"\"\"\"");
        let crediting = Crediting::between(&facts, 0, &facts, 1);
        assert!(facts.actors.is_empty());
        assert!(compare(&facts, &facts, crediting).is_empty());
    }

    #[test]
    fn a_quote_reproduced_word_for_word_is_not_altered_by_a_second_quote() {
        // Found by the property test below: two quotations of one sentence, close in words,
        // were compared across the pair although each side carries both verbatim.
        let facts = plain("\"2–A p\"\"\"a\"A–a(2\"");
        let crediting = Crediting::between(&facts, 0, &facts, 1);
        assert!(compare(&facts, &facts, crediting).is_empty());
        let x = plain("She said \"we will not retreat\" and \"we hold the line.\"");
        let y = plain("She said \"we will never retreat\" and \"we hold the line.\"");
        assert_eq!(flags(&x, &y), [FlagKind::QuoteAltered]);
    }
}

#[cfg(test)]
mod properties {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #![proptest_config(crate::proptest_config())]
        /// Whatever the text, extracting and comparing facts never panics, and a claim never
        /// raises a flag against itself.
        #[test]
        fn facts_never_panic_and_a_claim_agrees_with_itself(
            text in "[ A-Za-z0-9.,;:'\"“”‘’$%()—–-]{0,120}",
            cue in "[a-z ]{0,12}",
            source in "[A-Za-z. ]{0,20}",
        ) {
            let attribution = Attribution {
                cue,
                source,
                kind: AttributionKind::Explicit,
                ..Attribution::default()
            };
            let facts = super::tests::facts_at(&text, &attribution, Some(0));
            let mid = (text.len() / 2..=text.len()).find(|&i| text.is_char_boundary(i)).unwrap_or(0);
            let cut = Facts::at(&text[mid..], &word_spans(&text[mid..]), mid, &super::tests::located(&text, &attribution), None);
            prop_assert!(cut.narrative.len() <= text.len());
            let flags = compare(&facts, &facts, Crediting::between(&facts, 0, &facts, 1));
            prop_assert!(!flags.contains(&FlagKind::NumberMismatch));
            prop_assert!(!flags.contains(&FlagKind::QuoteAltered));
            prop_assert!(!flags.contains(&FlagKind::ActorMismatch));
            prop_assert!(!flags.contains(&FlagKind::AttributionChanged));
        }
    }
}

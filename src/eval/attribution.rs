//! Attribution evaluation: articles with annotated attributions in, agreement figures out.
//!
//! Takes a JSON-lines file in the PolNeAR layout (one article a line: `id`, `text`, and
//! `attributions` with `source`, `cue` and `content` spans in Unicode code points) and scores
//! what crosscheck attributes, sentence by sentence and span by span.
//!
//! The one idea: a claim is a sentence as crosscheck cuts it, so the answer key is read per
//! sentence: a gold attribution belongs to every sentence its cue or content touches, and a
//! predicted source or cue is right when its text overlaps the source or cue of one of them.
//! Span-level figures (exact and overlapping spans) are reported beside, as Citron does for
//! PARC 3.0. The articles are split once, by a stable hash of their id, into a part to tune
//! rules on and a held-out part to report. docs/attribution.md has the definitions.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::ops::Range;
use std::path::Path;

use crate::error::{Error, Result};
use crate::pipeline::attribution::{Attribution, AttributionKind, Attributor, SourceKind};
use crate::pipeline::quotes;
use crate::pipeline::segment::{SegmentConfig, Segmenter, Sentence};

/// Articles whose id hashes below this (of 100) are the tune part; the rest are held out.
pub const TUNE_SHARE: u64 = 70;

/// Which articles to score.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, clap::ValueEnum, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Part {
    /// The articles rules may be tuned on.
    Tune,
    /// The rest: the figures to report.
    #[default]
    HeldOut,
    /// Every article.
    All,
}

impl Part {
    /// Does the article with this id belong to the part?
    pub fn contains(self, id: &str) -> bool {
        let tune = bucket(id) < TUNE_SHARE;
        match self {
            Part::Tune => tune,
            Part::HeldOut => !tune,
            Part::All => true,
        }
    }
}

/// The article's bucket, 0–99: FNV-1a (64-bit) of the id's bytes, so the split is the same on
/// every machine and every run (Rust's own hasher is seeded at random).
pub fn bucket(id: &str) -> u64 {
    crate::id::fnv1a(id.as_bytes()) % 100
}

/// One span of an annotation, in code points of the article text.
#[derive(Clone, Debug, serde::Deserialize)]
struct GoldSpan {
    start: usize,
    end: usize,
}

/// One annotated attribution.
#[derive(Clone, Debug, serde::Deserialize)]
struct GoldRecord {
    #[serde(default)]
    source: Vec<GoldSpan>,
    #[serde(default)]
    cue: Vec<GoldSpan>,
    #[serde(default)]
    content: Vec<GoldSpan>,
}

/// One article line.
#[derive(Clone, Debug, serde::Deserialize)]
struct Article {
    id: String,
    text: String,
    #[serde(default)]
    attributions: Vec<GoldRecord>,
}

/// A gold attribution with byte spans.
#[derive(Clone, Debug)]
struct Gold {
    source: Vec<Range<usize>>,
    cue: Vec<Range<usize>>,
    content: Vec<Range<usize>>,
    lemma: String,
    construction: Construction,
    source_kind: GoldSourceKind,
}

/// How a gold attribution is built (one each, first that applies in this order).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Construction {
    /// "according to X".
    AccordingTo,
    /// The source is a bare pronoun ("he said").
    PronounSource,
    /// The cue lies in an earlier sentence than some of the content.
    CarriedOver,
    /// The content is (mostly) a quotation.
    DirectQuote,
    /// Everything else: reported speech, belief, finding.
    Indirect,
}

/// What the gold source looks like (a rough reading of its words, for the breakdown).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum GoldSourceKind {
    /// No source annotated.
    None,
    /// A bare pronoun.
    Pronoun,
    /// Starts with a capital letter (a name, a named body).
    Named,
    /// Anything else ("officials", "the report").
    Common,
}

/// Hits against a total, for precision or recall.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, serde::Serialize)]
pub struct Ratio {
    /// Right.
    pub hit: usize,
    /// Out of.
    pub of: usize,
}

impl Ratio {
    fn add(&mut self, hit: bool) {
        self.of += 1;
        self.hit += usize::from(hit);
    }

    /// hit / of (0 when empty).
    pub fn value(&self) -> f64 {
        if self.of == 0 {
            0.0
        } else {
            self.hit as f64 / self.of as f64
        }
    }
}

/// Precision and recall of one decision.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, serde::Serialize)]
pub struct Score {
    /// Right predictions over predictions.
    pub precision: Ratio,
    /// Gold items found over gold items.
    pub recall: Ratio,
}

impl Score {
    /// Harmonic mean of precision and recall.
    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision.value(), self.recall.value());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }
}

/// Sentence-level scores for one subset of cues.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, serde::Serialize)]
pub struct SentenceScores {
    /// Does the sentence have an attribution at all.
    pub attributed: Score,
    /// Is the source right.
    pub source: Score,
    /// Is the cue right.
    pub cue: Score,
}

/// Span-level scores over gold attributions (Citron's measures).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, serde::Serialize)]
pub struct SpanScores {
    /// Cue spans equal to a gold cue.
    pub cue_exact: Score,
    /// Cue spans overlapping a gold cue.
    pub cue_overlap: Score,
    /// Source spans equal to a gold source.
    pub source_exact: Score,
    /// Source spans overlapping a gold source.
    pub source_overlap: Score,
}

/// Recall of the source for one group of gold sentences.
#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Serialize)]
pub struct Breakdown {
    /// The group ("said", "pronoun-source", …).
    pub name: String,
    /// Sentences of the group whose source crosscheck got right.
    pub source_recall: Ratio,
}

/// One disagreement, for `--verbose`.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct Miss {
    /// Article id.
    pub article: String,
    /// Index of the sentence in the article (from 0).
    pub sentence: usize,
    /// The sentence.
    pub text: String,
    /// Gold sources and cues of the sentence ("source / cue"), empty for a false attribution.
    pub gold: Vec<String>,
    /// crosscheck's source and cue ("source / cue"), empty if none.
    pub predicted: String,
    /// Lemma of the first gold cue shown (empty for a false attribution).
    pub lemma: String,
    /// Construction of the first gold attribution shown.
    pub construction: Option<Construction>,
    /// Does the miss count against speech-cue source recall (a sourced speech cue, missed)?
    pub speech: bool,
}

/// A predicted span that overlaps a gold span without being equal to it, for `--verbose`.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct SpanMiss {
    /// Article id.
    pub article: String,
    /// "cue" or "source".
    pub what: &'static str,
    /// crosscheck's span as written.
    pub predicted: String,
    /// The overlapping gold span as written.
    pub gold: String,
}

/// Everything measured on one part.
#[derive(Clone, Debug, Default, serde::Serialize)]
pub struct Report {
    /// The part scored.
    pub part: Part,
    /// Articles scored.
    pub articles: usize,
    /// Sentences scored.
    pub sentences: usize,
    /// Gold attributions in those articles.
    pub gold_attributions: usize,
    /// Sentence level, every gold cue.
    pub all_cues: SentenceScores,
    /// Sentence level, reporting cues only: speech, thought and finding verbs (see
    /// [`SPEECH_LEMMAS`] and [`OTHER_REPORTING_LEMMAS`]).
    pub reporting_cues: SentenceScores,
    /// Sentence level, speech cues only (see [`SPEECH_LEMMAS`]).
    pub speech_cues: SentenceScores,
    /// Span level.
    pub spans: SpanScores,
    /// Source recall by the lemma of the gold cue (the 30 most frequent).
    pub by_lemma: Vec<Breakdown>,
    /// Source recall by the kind of gold source.
    pub by_source_kind: Vec<Breakdown>,
    /// Source recall by construction.
    pub by_construction: Vec<Breakdown>,
    /// Source precision by the kind crosscheck gave the source.
    pub precision_by_predicted_kind: Vec<Breakdown>,
    /// Gold sentences whose source was missed or wrong.
    pub misses: Vec<Miss>,
    /// Sentences attributed where no gold attribution touches them, or with a wrong source.
    pub false_sources: Vec<Miss>,
    /// Predicted spans that overlap a gold span but are not equal to it.
    pub span_misses: Vec<SpanMiss>,
}

/// Lemmas of speech verbs: the "speech cues" subset. Fixed here, apart from crosscheck's
/// lexicon, so that the subset does not move when the lexicon grows.
pub const SPEECH_LEMMAS: &[&str] = &[
    "say",
    "tell",
    "add",
    "ask",
    "write",
    "announce",
    "state",
    "explain",
    "claim",
    "insist",
    "argue",
    "note",
    "report",
    "reply",
    "respond",
    "declare",
    "confirm",
    "deny",
    "warn",
    "stress",
    "suggest",
    "acknowledge",
    "admit",
    "tweet",
    "post",
    "testify",
    "comment",
    "remark",
    "describe",
    "call",
    "accuse",
    "criticize",
    "praise",
    "urge",
    "according to",
    "predict",
    "promise",
    "vow",
    "assert",
    "contend",
    "maintain",
    "emphasize",
    "reveal",
    "disclose",
    "concede",
    "complain",
    "recall",
    "allege",
    "speak",
    "talk",
    "tout",
    "boast",
    "question",
    "charge",
    "point out",
];

/// Lemmas of thought and finding verbs, which with [`SPEECH_LEMMAS`] make the "reporting
/// cues": the cues by which news credits a claim to someone. PolNeAR also annotates stance
/// predicates ("mocked", "don't like", "continued", "supports") that credit no claim.
pub const OTHER_REPORTING_LEMMAS: &[&str] = &[
    "believe",
    "think",
    "want",
    "hope",
    "fear",
    "expect",
    "plan",
    "know",
    "worry",
    "doubt",
    "feel",
    "intend",
    "find",
    "show",
    "estimate",
    "conclude",
    "indicate",
    "determine",
    "project",
    "reject",
    "dismiss",
    "defend",
    "blame",
    "pledge",
    "propose",
    "agree",
    "cite",
];

/// Is the cue as written a reporting cue (speech, thought or finding)?
pub fn is_reporting(cue: &str) -> bool {
    let l = cue_lemma(cue);
    SPEECH_LEMMAS.contains(&l.as_str()) || OTHER_REPORTING_LEMMAS.contains(&l.as_str())
}

/// Words skipped before a cue's head verb when naming its lemma.
const CUE_LEAD: &[&str] = &[
    "has",
    "have",
    "had",
    "did",
    "does",
    "do",
    "not",
    "n't",
    "also",
    "will",
    "would",
    "is",
    "was",
    "were",
    "are",
    "be",
    "been",
    "has",
    "repeatedly",
    "later",
    "once",
    "then",
    "never",
    "often",
    "publicly",
    "previously",
    "already",
    "still",
    "first",
    "recently",
    "can",
    "could",
    "may",
    "might",
    "should",
    "must",
    "to",
    "being",
    "it",
    "he",
    "she",
    "they",
    "i",
    "we",
    "is",
    "'s",
];

/// The lemma of a cue as written: its first word past auxiliaries and adverbs, with common
/// inflections undone ("has repeatedly said" → "say", "according to" stays).
pub fn cue_lemma(cue: &str) -> String {
    let lower = cue.to_lowercase().replace('’', "'");
    if lower.starts_with("according to") {
        return "according to".into();
    }
    if lower.starts_with("point") && lower.contains(" out") {
        return "point out".into();
    }
    let word = lower
        .split(|c: char| !c.is_alphanumeric() && c != '\'')
        .filter(|w| !w.is_empty())
        .map(|w| w.trim_end_matches("n't"))
        .find(|w| !CUE_LEAD.contains(w) && !w.is_empty())
        .unwrap_or("");
    lemma(word)
}

/// Undo the inflection of one verb form (irregulars first, then -ies/-ied, -ed, -ing, -s).
fn lemma(word: &str) -> String {
    let irregular = [
        ("said", "say"),
        ("says", "say"),
        ("told", "tell"),
        ("wrote", "write"),
        ("written", "write"),
        ("thought", "think"),
        ("found", "find"),
        ("knew", "know"),
        ("known", "know"),
        ("felt", "feel"),
        ("saw", "see"),
        ("seen", "see"),
        ("spoke", "speak"),
        ("made", "make"),
        ("gave", "give"),
        ("took", "take"),
        ("went", "go"),
        ("held", "hold"),
        ("meant", "mean"),
        ("heard", "hear"),
        ("according", "according to"),
    ];
    if let Some((_, l)) = irregular.iter().find(|(w, _)| *w == word) {
        return (*l).to_string();
    }
    let keep_e = |stem: &str| -> String {
        // "announc" → "announce", "argu" → "argue"; "report" stays.
        let needs_e = ["c", "u", "v", "z", "at", "ir", "iz", "os", "ib", "ag", "ur"];
        if needs_e.iter().any(|e| stem.ends_with(e)) && !stem.ends_with("ss") {
            format!("{stem}e")
        } else {
            stem.to_string()
        }
    };
    if let Some(s) = word
        .strip_suffix("ied")
        .or_else(|| word.strip_suffix("ies"))
    {
        return format!("{s}y");
    }
    if let Some(s) = word.strip_suffix("ed") {
        let b = s.as_bytes();
        // "planned", "admitted", "referred"; not "added", "called", "passed".
        let doubled = b.len() >= 3
            && b[b.len() - 1] == b[b.len() - 2]
            && b"bgmnprt".contains(&b[b.len() - 1]);
        if doubled {
            return s[..s.len() - 1].to_string();
        }
        return keep_e(s);
    }
    if let Some(s) = word.strip_suffix("ing") {
        if s.len() >= 3 {
            return keep_e(s);
        }
    }
    if let Some(s) = word.strip_suffix("es") {
        if s.ends_with("ss") || s.ends_with("sh") || s.ends_with("ch") || s.ends_with('x') {
            return s.to_string();
        }
    }
    if let Some(s) = word.strip_suffix('s') {
        if !s.ends_with('s') && s.len() >= 2 {
            return s.to_string();
        }
    }
    word.to_string()
}

/// Is the cue as written a speech cue?
pub fn is_speech(cue: &str) -> bool {
    SPEECH_LEMMAS.contains(&cue_lemma(cue).as_str())
}

/// Reads the file and scores the articles of `part`.
pub fn evaluate(path: &Path, part: Part) -> Result<Report> {
    let text = crate::textfile::read(path)?;
    let shown = path.display().to_string();
    let mut articles = Vec::new();
    for (i, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let a: Article = serde_json::from_str(line)
            .map_err(|e| Error::input(shown.clone(), format!("line {}: {e}", i + 1)))?;
        if part.contains(&a.id) {
            articles.push(a);
        }
    }
    if articles.is_empty() {
        return Err(Error::input(shown, "no article in the selected part"));
    }
    let segmenter = Segmenter::new(SegmentConfig::default());
    let attributor = Attributor::new();
    let mut report = Report {
        part,
        ..Report::default()
    };
    let mut tally = Tally::default();
    for a in &articles {
        score_article(a, &segmenter, &attributor, &mut report, &mut tally)
            .map_err(|problem| Error::input(shown.clone(), format!("{}: {problem}", a.id)))?;
    }
    report.articles = articles.len();
    report.by_lemma = top(tally.lemma, 30);
    report.by_source_kind = top(tally.source_kind, usize::MAX);
    report.by_construction = top(tally.construction, usize::MAX);
    report.precision_by_predicted_kind = top(tally.predicted_kind, usize::MAX);
    Ok(report)
}

/// Breakdown counters, by name.
#[derive(Default)]
struct Tally {
    lemma: BTreeMap<String, Ratio>,
    source_kind: BTreeMap<String, Ratio>,
    construction: BTreeMap<String, Ratio>,
    predicted_kind: BTreeMap<String, Ratio>,
}

/// The `n` largest groups, largest first (ties by name).
fn top(map: BTreeMap<String, Ratio>, n: usize) -> Vec<Breakdown> {
    let mut v: Vec<Breakdown> = map
        .into_iter()
        .map(|(name, source_recall)| Breakdown {
            name,
            source_recall,
        })
        .collect();
    v.sort_by(|a, b| {
        b.source_recall
            .of
            .cmp(&a.source_recall.of)
            .then(a.name.cmp(&b.name))
    });
    v.truncate(n);
    v
}

/// Byte offset of every code point of `text`, and the length at the end.
fn char_offsets(text: &str) -> Vec<usize> {
    text.char_indices()
        .map(|(i, _)| i)
        .chain([text.len()])
        .collect()
}

/// Byte offsets in the file of every byte offset of the sentence text (which folds line
/// breaks and may rewrite quotation marks), by walking the two side by side.
fn sentence_to_file(file: &str, s: &Sentence) -> Vec<usize> {
    let raw = &file[s.span.clone()];
    let mut map = vec![s.span.end; s.text.len() + 1];
    let mut f = raw.char_indices().peekable();
    for (i, c) in s.text.char_indices() {
        let Some(&(j, fc)) = f.peek() else { break };
        for k in 0..c.len_utf8() {
            map[i + k] = s.span.start + j;
        }
        f.next();
        if c == ' ' && fc.is_whitespace() {
            while f.peek().is_some_and(|&(_, n)| n.is_whitespace()) {
                f.next();
            }
        }
    }
    map
}

fn overlaps(a: &Range<usize>, b: &Range<usize>) -> bool {
    a.start < b.end && b.start < a.end
}

/// Reads the gold attributions of an article with byte spans.
fn gold_of(a: &Article, sentences: &[Sentence]) -> std::result::Result<Vec<Gold>, String> {
    let offsets = char_offsets(&a.text);
    let to_bytes = |spans: &[GoldSpan]| -> std::result::Result<Vec<Range<usize>>, String> {
        spans
            .iter()
            .map(|s| {
                let start = *offsets.get(s.start).ok_or("a span starts past the text")?;
                let end = *offsets.get(s.end).ok_or("a span ends past the text")?;
                if start > end {
                    return Err("a span ends before it starts".to_string());
                }
                Ok(start..end)
            })
            .collect()
    };
    let sentence_of = |pos: usize| sentences.iter().position(|s| s.span.contains(&pos));
    let mut out = Vec::new();
    for g in &a.attributions {
        let source = to_bytes(&g.source)?;
        let cue = to_bytes(&g.cue)?;
        let content = to_bytes(&g.content)?;
        let cue_text: Vec<&str> = cue.iter().map(|r| &a.text[r.clone()]).collect();
        let lemma = cue_lemma(&cue_text.join(" "));
        let source_text: Vec<&str> = source.iter().map(|r| a.text[r.clone()].trim()).collect();
        let source_text = source_text.join(" ");
        let pronoun = matches!(
            source_text.to_lowercase().as_str(),
            "he" | "she" | "they" | "it" | "we" | "i" | "you"
        );
        let source_kind = if source.is_empty() {
            GoldSourceKind::None
        } else if pronoun {
            GoldSourceKind::Pronoun
        } else if source_text.starts_with(char::is_uppercase)
            && !["The ", "A ", "An "]
                .iter()
                .any(|d| source_text.starts_with(d))
        {
            GoldSourceKind::Named
        } else {
            GoldSourceKind::Common
        };
        let cue_sentence = cue.first().and_then(|r| sentence_of(r.start));
        let carried = content
            .iter()
            .filter_map(|r| sentence_of(r.start))
            .any(|k| cue_sentence.is_some_and(|c| k > c));
        let content_text: String = content.iter().map(|r| &a.text[r.clone()]).collect();
        let quoted = content_text.trim_start().starts_with(['“', '"', '‘']);
        let construction = if lemma == "according to" {
            Construction::AccordingTo
        } else if pronoun {
            Construction::PronounSource
        } else if carried {
            Construction::CarriedOver
        } else if quoted {
            Construction::DirectQuote
        } else {
            Construction::Indirect
        };
        out.push(Gold {
            source,
            cue,
            content,
            lemma,
            construction,
            source_kind,
        });
    }
    Ok(out)
}

/// The file byte range of a predicted span, given in the text of sentence `k`.
fn file_range(file: &str, sentences: &[Sentence], k: usize, r: &Range<usize>) -> Range<usize> {
    let map = sentence_to_file(file, &sentences[k]);
    let at = |i: usize| map[i.min(map.len() - 1)];
    at(r.start)..at(r.end)
}

/// The predicted source and cue of sentence `i` as file ranges (a carried attribution points
/// into the sentence it came from).
fn predicted_ranges(
    file: &str,
    sentences: &[Sentence],
    atts: &[Attribution],
    i: usize,
) -> (Option<Range<usize>>, Option<Range<usize>>) {
    let origin = match atts[i].kind {
        AttributionKind::Carried => atts[i].carried_from.unwrap_or(i),
        _ => i,
    };
    let a = &atts[origin];
    let source = a
        .source_span
        .as_ref()
        .map(|r| file_range(file, sentences, origin, r));
    let cue = a
        .cue_span
        .as_ref()
        .map(|r| file_range(file, sentences, origin, r));
    (source, cue)
}

fn score_article(
    a: &Article,
    segmenter: &Segmenter,
    attributor: &Attributor,
    report: &mut Report,
    tally: &mut Tally,
) -> std::result::Result<(), String> {
    let mut sentences = segmenter.segment(&a.text, 0);
    quotes::as_double_in_place(&mut sentences);
    let atts = attributor.attribute(&sentences);
    let gold = gold_of(a, &sentences)?;
    report.sentences += sentences.len();
    report.gold_attributions += gold.len();
    for (i, s) in sentences.iter().enumerate() {
        let touching: Vec<&Gold> = gold
            .iter()
            .filter(|g| g.cue.iter().chain(&g.content).any(|r| overlaps(r, &s.span)))
            .collect();
        let (src, cue) = predicted_ranges(&a.text, &sentences, &atts, i);
        let att = &atts[i];
        let origin = att.carried_from.unwrap_or(i);
        let pred_cue_text = atts[origin].cue.as_str();
        let pred_speech = is_speech(pred_cue_text);
        let pred_reporting = is_reporting(pred_cue_text);
        let source_right = |g: &&Gold| {
            src.as_ref()
                .is_some_and(|p| g.source.iter().any(|r| overlaps(r, p)))
        };
        let cue_right = |g: &&Gold| {
            cue.as_ref()
                .is_some_and(|p| g.cue.iter().any(|r| overlaps(r, p)))
        };
        let sourced: Vec<&Gold> = touching
            .iter()
            .copied()
            .filter(|g| !g.source.is_empty())
            .collect();
        let speech: Vec<&Gold> = touching
            .iter()
            .copied()
            .filter(|g| SPEECH_LEMMAS.contains(&g.lemma.as_str()))
            .collect();
        let reporting: Vec<&Gold> = touching
            .iter()
            .copied()
            .filter(|g| {
                SPEECH_LEMMAS.contains(&g.lemma.as_str())
                    || OTHER_REPORTING_LEMMAS.contains(&g.lemma.as_str())
            })
            .collect();
        let sourced_reporting: Vec<&Gold> = reporting
            .iter()
            .copied()
            .filter(|g| !g.source.is_empty())
            .collect();
        let sourced_speech: Vec<&Gold> = speech
            .iter()
            .copied()
            .filter(|g| !g.source.is_empty())
            .collect();
        let predicted = att.is_attributed();
        let predicted_source = predicted && src.is_some();
        let got_source = sourced.iter().any(source_right);
        let got_cue = touching.iter().any(cue_right);
        for (scores, gold_any, gold_sourced, in_subset) in [
            (&mut report.all_cues, &touching, &sourced, true),
            (
                &mut report.reporting_cues,
                &reporting,
                &sourced_reporting,
                pred_reporting,
            ),
            (
                &mut report.speech_cues,
                &speech,
                &sourced_speech,
                pred_speech,
            ),
        ] {
            // Precision counts the predictions of the subset; recall the gold of the subset.
            if predicted && in_subset {
                scores.attributed.precision.add(!touching.is_empty());
                scores.cue.precision.add(got_cue);
            }
            if predicted_source && in_subset {
                scores.source.precision.add(got_source);
            }
            if !gold_any.is_empty() {
                scores.attributed.recall.add(predicted);
                scores.cue.recall.add(gold_any.iter().any(cue_right));
            }
            if !gold_sourced.is_empty() {
                scores
                    .source
                    .recall
                    .add(gold_sourced.iter().any(source_right));
            }
        }
        if predicted_source {
            let kind = atts[origin]
                .source_kind
                .map_or("none", SourceKind::as_str)
                .to_string();
            let kind = if att.kind == AttributionKind::Carried {
                format!("{kind} (carried)")
            } else {
                kind
            };
            tally
                .predicted_kind
                .entry(kind)
                .or_default()
                .add(got_source);
        }
        if let Some(g) = sourced.first() {
            // The breakdowns read the sentence's first sourced gold attribution.
            let hit = got_source;
            tally.lemma.entry(g.lemma.clone()).or_default().add(hit);
            let kind = serde_json::to_value(g.source_kind).unwrap_or_default();
            let kind = kind.as_str().unwrap_or("").to_string();
            tally.source_kind.entry(kind).or_default().add(hit);
            let c = serde_json::to_value(g.construction).unwrap_or_default();
            let c = c.as_str().unwrap_or("").to_string();
            tally.construction.entry(c).or_default().add(hit);
        }
        let shown = |g: &&Gold| {
            let join = |rs: &[Range<usize>]| {
                rs.iter()
                    .map(|r| a.text[r.clone()].to_string())
                    .collect::<Vec<_>>()
                    .join(" … ")
            };
            format!("{} / {}", join(&g.source), join(&g.cue))
        };
        let pred_shown = if predicted {
            format!(
                "{} / {}{}",
                att.source,
                pred_cue_text,
                if att.kind == AttributionKind::Carried {
                    " (carried)"
                } else {
                    ""
                }
            )
        } else {
            String::new()
        };
        let miss = |golds: &[&Gold]| Miss {
            article: a.id.clone(),
            sentence: i,
            text: s.text.clone(),
            gold: golds.iter().map(shown).collect(),
            predicted: pred_shown.clone(),
            lemma: golds.first().map(|g| g.lemma.clone()).unwrap_or_default(),
            construction: golds.first().map(|g| g.construction),
            speech: !sourced_speech.is_empty() && !sourced_speech.iter().any(source_right),
        };
        if !sourced.is_empty() && !got_source {
            report.misses.push(miss(&sourced));
        }
        if predicted_source && !got_source {
            report.false_sources.push(miss(&touching));
        }
    }
    score_spans(
        a,
        &sentences,
        &atts,
        &gold,
        &mut report.spans,
        &mut report.span_misses,
    );
    Ok(())
}

/// Span level: each explicit attribution's cue and source against every gold attribution.
fn score_spans(
    a: &Article,
    sentences: &[Sentence],
    atts: &[Attribution],
    gold: &[Gold],
    out: &mut SpanScores,
    near: &mut Vec<SpanMiss>,
) {
    let hull = |rs: &[Range<usize>]| -> Option<Range<usize>> {
        let start = rs.iter().map(|r| r.start).min()?;
        let end = rs.iter().map(|r| r.end).max()?;
        Some(start..end)
    };
    let trimmed = |r: Range<usize>| -> Range<usize> {
        let t = &a.text[r.clone()];
        let lead = t.len() - t.trim_start().len();
        let trail = t.len() - t.trim_end().len();
        r.start + lead..r.end - trail
    };
    let gold_cues: Vec<Range<usize>> = gold
        .iter()
        .filter_map(|g| hull(&g.cue).map(trimmed))
        .collect();
    let gold_sources: Vec<Range<usize>> = gold
        .iter()
        .filter_map(|g| hull(&g.source).map(trimmed))
        .collect();
    let mut cues = Vec::new();
    let mut srcs = Vec::new();
    for (i, att) in atts.iter().enumerate() {
        if att.kind != AttributionKind::Explicit {
            continue;
        }
        if let Some(r) = &att.cue_span {
            cues.push(file_range(&a.text, sentences, i, r));
        }
        if let Some(r) = &att.source_span {
            srcs.push(file_range(&a.text, sentences, i, r));
        }
    }
    for (what, pred, gold, exact, overlap) in [
        (
            "cue",
            &cues,
            &gold_cues,
            &mut out.cue_exact,
            &mut out.cue_overlap,
        ),
        (
            "source",
            &srcs,
            &gold_sources,
            &mut out.source_exact,
            &mut out.source_overlap,
        ),
    ] {
        for p in pred.iter() {
            exact.precision.add(gold.contains(p));
            overlap.precision.add(gold.iter().any(|g| overlaps(g, p)));
            if !gold.contains(p) {
                if let Some(g) = gold.iter().find(|g| overlaps(g, p)) {
                    near.push(SpanMiss {
                        article: a.id.clone(),
                        what,
                        predicted: a.text[p.clone()].to_string(),
                        gold: a.text[g.clone()].to_string(),
                    });
                }
            }
        }
        for g in gold.iter() {
            exact.recall.add(pred.contains(g));
            overlap.recall.add(pred.iter().any(|p| overlaps(g, p)));
        }
    }
}

/// The report as a table; `verbose` adds every miss and false source.
pub fn to_text(r: &Report, verbose: bool) -> String {
    let mut out = String::new();
    let part = serde_json::to_value(r.part).unwrap_or_default();
    let _ = writeln!(
        out,
        "part {}: {} articles, {} sentences, {} gold attributions",
        part.as_str().unwrap_or(""),
        r.articles,
        r.sentences,
        r.gold_attributions
    );
    let line = |out: &mut String, name: &str, s: &Score| {
        let _ = writeln!(
            out,
            "  {name:<22} P {:.3} ({}/{})  R {:.3} ({}/{})  F1 {:.3}",
            s.precision.value(),
            s.precision.hit,
            s.precision.of,
            s.recall.value(),
            s.recall.hit,
            s.recall.of,
            s.f1()
        );
    };
    for (title, s) in [
        ("every annotated cue", &r.all_cues),
        ("reporting cues", &r.reporting_cues),
        ("speech cues", &r.speech_cues),
    ] {
        let _ = writeln!(out, "sentence level, {title}:");
        line(&mut out, "attributed", &s.attributed);
        line(&mut out, "source", &s.source);
        line(&mut out, "cue", &s.cue);
    }
    let _ = writeln!(out, "span level:");
    line(&mut out, "cue exact", &r.spans.cue_exact);
    line(&mut out, "cue overlap", &r.spans.cue_overlap);
    line(&mut out, "source exact", &r.spans.source_exact);
    line(&mut out, "source overlap", &r.spans.source_overlap);
    for (title, rows) in [
        ("source recall by construction", &r.by_construction),
        ("source recall by gold source kind", &r.by_source_kind),
        (
            "source precision by crosscheck's source kind",
            &r.precision_by_predicted_kind,
        ),
        ("source recall by cue lemma (top 30)", &r.by_lemma),
    ] {
        let _ = writeln!(out, "{title}:");
        for b in rows {
            let _ = writeln!(
                out,
                "  {:<24} {:.3} ({}/{})",
                b.name,
                b.source_recall.value(),
                b.source_recall.hit,
                b.source_recall.of
            );
        }
    }
    if verbose {
        for (title, list) in [
            ("missed or wrong source", &r.misses),
            ("false source", &r.false_sources),
        ] {
            let _ = writeln!(out, "\n{title} ({}):", list.len());
            for m in list {
                let _ = writeln!(out, "- [{}] {}", m.article, m.text);
                let _ = writeln!(out, "    gold: {}", m.gold.join(" | "));
                let _ = writeln!(out, "    crosscheck: {}", m.predicted);
            }
        }
        let _ = writeln!(
            out,
            "\nspans overlapping gold but not equal ({}):",
            r.span_misses.len()
        );
        for m in &r.span_misses {
            let _ = writeln!(
                out,
                "- [{}] {}: crosscheck «{}» gold «{}»",
                m.article, m.what, m.predicted, m.gold
            );
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lemmas_undo_inflection() {
        assert_eq!(cue_lemma("said"), "say");
        assert_eq!(cue_lemma("has repeatedly said"), "say");
        assert_eq!(cue_lemma("announced"), "announce");
        assert_eq!(cue_lemma("argues"), "argue");
        assert_eq!(cue_lemma("According to"), "according to");
        assert_eq!(cue_lemma("criticized"), "criticize");
        assert_eq!(cue_lemma("believes"), "believe");
        assert_eq!(cue_lemma("reported"), "report");
        assert_eq!(cue_lemma("didn’t say"), "say");
        assert_eq!(cue_lemma("planned"), "plan");
        assert_eq!(cue_lemma("wants"), "want");
    }

    #[test]
    fn the_split_is_stable_and_near_seventy_thirty() {
        assert_eq!(bucket(""), 0xcbf2_9ce4_8422_2325 % 100);
        let tune = (0..1000)
            .filter(|i| Part::Tune.contains(&format!("article-{i}")))
            .count();
        assert!((620..780).contains(&tune), "{tune}");
        assert!(Part::All.contains("x"));
        assert_ne!(Part::Tune.contains("x"), Part::HeldOut.contains("x"));
    }

    #[test]
    fn a_sentence_with_the_right_source_scores() {
        let text = "The bridge will reopen in May, officials said. Nothing else happened.";
        let line = serde_json::json!({
            "id": "a", "text": text,
            "attributions": [{
                "source": [{"start": 31, "end": 40}],
                "cue": [{"start": 41, "end": 45}],
                "content": [{"start": 0, "end": 29}]
            }]
        });
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("g.jsonl");
        std::fs::write(&path, format!("{line}\n")).unwrap();
        let r = evaluate(&path, Part::All).unwrap();
        assert_eq!(r.all_cues.source.precision, Ratio { hit: 1, of: 1 });
        assert_eq!(r.all_cues.source.recall, Ratio { hit: 1, of: 1 });
        assert_eq!(r.spans.cue_exact.recall, Ratio { hit: 1, of: 1 });
        assert_eq!(r.spans.source_exact.recall, Ratio { hit: 1, of: 1 });
        assert_eq!(r.by_construction[0].name, "indirect");
    }

    #[test]
    fn code_points_are_not_bytes() {
        // "“" is three bytes and one code point: the gold offsets count it once.
        let text = "“Fine,” she said. Then rain.";
        let line = serde_json::json!({
            "id": "b", "text": text,
            "attributions": [{
                "source": [{"start": 8, "end": 11}],
                "cue": [{"start": 12, "end": 16}],
                "content": [{"start": 0, "end": 7}]
            }]
        });
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("g.jsonl");
        std::fs::write(&path, format!("{line}\n")).unwrap();
        let r = evaluate(&path, Part::All).unwrap();
        assert_eq!(r.spans.source_exact.recall, Ratio { hit: 1, of: 1 });
        assert_eq!(r.by_construction[0].name, "pronoun-source");
    }

    #[test]
    fn a_bad_line_is_an_error_naming_the_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("bad.jsonl");
        std::fs::write(&path, "{not json\n").unwrap();
        let e = evaluate(&path, Part::All).unwrap_err().to_string();
        assert!(e.contains("bad.jsonl") && e.contains("line 1"), "{e}");
    }
}

//! The HTML report: an [`Analysis`] in, one self-contained page out (docs/report.md).
//!
//! The one idea: the page is complete without JavaScript. Every fact is in the markup: the
//! articles with their paragraphs, each claim coloured by status and named `doc:sentence`, the
//! attribution marked, every link and flag as `data-` attributes and tooltips, every flag with
//! its word diff. The script (`report.js`) only arranges and connects: it picks the pair of
//! articles shown, draws the lines between linked claims, filters, and shows a claim's details
//! on click. The markup is written with maud, which escapes every text it splices in; the
//! stylesheet and the script are plain files compiled in. No network, no date: the same
//! analysis gives the same bytes.

use maud::{html, Markup, PreEscaped, DOCTYPE};

use crate::pipeline::attribution::{Attribution, AttributionKind};
use crate::pipeline::classify::{Claim, Status};
use crate::pipeline::flagged::{self, FlaggedPair};
use crate::pipeline::Analysis;
use crate::report::diff::{self, Edit};

const CSS: &str = include_str!("report.css");
const JS: &str = include_str!("report.js");

/// The whole page.
pub fn to_html(analysis: &Analysis) -> Vec<u8> {
    let labels: Vec<&str> = analysis
        .documents
        .iter()
        .map(|d| d.label.as_str())
        .collect();
    let pairs = &analysis.flagged;
    let page = html! {
        (DOCTYPE)
        html lang="en" {
            head {
                meta charset="utf-8";
                meta name="viewport" content="width=device-width, initial-scale=1";
                title { "crosscheck: " (labels.join(", ")) }
                style { (PreEscaped(CSS)) }
            }
            body {
                header {
                    h1 { "crosscheck report" }
                    (counts(analysis))
                    (legend())
                    (controls(analysis))
                }
                (articles(analysis))
                (flags(analysis, pairs))
                aside id="detail" hidden { }
                script { (PreEscaped(JS)) }
            }
        }
    };
    let mut out = page.into_string().into_bytes();
    out.push(b'\n');
    out
}

/// The element id of a claim: document and sentence index, free of any label's characters.
fn claim_dom_id(doc: usize, sentence: usize) -> String {
    format!("c{doc}-{sentence}")
}

/// `file:line` of a claim.
fn location(analysis: &Analysis, doc: usize, sentence: usize) -> String {
    let line = analysis.sentences[doc][sentence].line;
    format!("{}:{line}", analysis.documents[doc].path)
}

fn status_class(status: Status) -> &'static str {
    match status {
        Status::Corroborated => "s-corroborated",
        Status::Paraphrased => "s-paraphrased",
        Status::SingleSource => "s-single",
    }
}

/// One row per article: its claims per status, flagged and not-independent claims.
fn counts(analysis: &Analysis) -> Markup {
    let summary = crate::report::summary(analysis);
    html! {
        table id="counts" {
            thead { tr {
                th { "article" } th { "file" } th { "claims" }
                th class="s-corroborated" { "corroborated" }
                th class="s-paraphrased" { "paraphrased" }
                th class="s-single" { "single-source" }
                th { "flagged" } th { "not independent" }
            } }
            tbody {
                @for (d, s) in summary.documents.iter().enumerate() {
                    tr data-doc=(d) {
                        td { b { (s.doc) } @if let Some(o) = &s.outlet { " (" (o) ")" } }
                        td { code { (analysis.documents[d].path) } }
                        td { (s.claims) }
                        td { (s.corroborated) }
                        td { (s.paraphrased) }
                        td { (s.single_source) }
                        td { (analysis.claims[d].iter().filter(|c| !c.flags.is_empty()).count()) }
                        td { (s.not_independent) }
                    }
                }
            }
        }
    }
}

fn legend() -> Markup {
    html! {
        p id="legend" {
            span class="claim s-corroborated" { "corroborated" } " "
            span class="claim s-paraphrased" { "paraphrased" } " "
            span class="claim s-single" { "single-source" } " "
            span class="claim flagged" { "flagged" } " · "
            mark class="cue" { "cue" } " "
            mark class="src" { "source" }
            " · hover a claim for its file:line, partners and flags"
        }
    }
}

/// Filters and, for three or more articles, the pair picker. Hidden until the script runs:
/// without it they would do nothing.
fn controls(analysis: &Analysis) -> Markup {
    let docs = &analysis.documents;
    html! {
        form id="controls" hidden {
            span { "show only: " }
            @for (key, name) in [("single", "single-source"), ("paraphrased", "paraphrased"), ("flagged", "flagged")] {
                label { input type="checkbox" data-filter=(key); " " (name) } " "
            }
            @if docs.len() > 2 {
                span class="pick" {
                    label { "left " select id="pick-left" {
                        @for (d, doc) in docs.iter().enumerate() {
                            option value=(d) selected[d == 0] { (doc.label) }
                        }
                    } }
                    " "
                    label { "right " select id="pick-right" {
                        option value="all" selected { "every other article" }
                        @for (d, doc) in docs.iter().enumerate() {
                            option value=(d) { (doc.label) }
                        }
                    } }
                }
            }
        }
    }
}

/// The first article on the left, every other one on the right (one against all); the script
/// moves articles between the columns when another pair is picked.
fn articles(analysis: &Analysis) -> Markup {
    html! {
        main id="compare" {
            div class="col" id="left-col" {
                @if !analysis.documents.is_empty() { (article(analysis, 0)) }
            }
            svg id="lines" xmlns="http://www.w3.org/2000/svg" aria-hidden="true" { }
            div class="col" id="right-col" {
                @for d in 1..analysis.documents.len() { (article(analysis, d)) }
            }
        }
        div id="stash" hidden { }
    }
}

fn article(analysis: &Analysis, d: usize) -> Markup {
    let doc = &analysis.documents[d];
    let sentences = &analysis.sentences[d];
    let mut paragraphs: Vec<Vec<usize>> = Vec::new();
    for (s, sentence) in sentences.iter().enumerate() {
        match paragraphs.last_mut() {
            Some(p) if sentences[p[0]].paragraph == sentence.paragraph => p.push(s),
            _ => paragraphs.push(vec![s]),
        }
    }
    html! {
        article class="doc" id={ "d" (d) } data-doc=(d) data-label=(doc.label) {
            h2 {
                (doc.label)
                @if let Some(o) = &analysis.outlets[d] { " " small { (o.name) } }
            }
            p class="meta" {
                code { (doc.path) }
                @if let Some(t) = &doc.meta.title { " · " (t) }
                @if let Some(date) = &doc.meta.date { " · " (date) }
            }
            @for p in &paragraphs {
                p { @for (k, &s) in p.iter().enumerate() {
                    @if k > 0 { " " }
                    (claim(analysis, &analysis.claims[d][s]))
                } }
            }
        }
    }
}

/// One claim: coloured by status, named, with its links and flags as data and as a tooltip.
fn claim(analysis: &Analysis, claim: &Claim) -> Markup {
    let (d, s) = (claim.doc, claim.sentence);
    let name = flagged::sentence_name(analysis, (d, s));
    let links: Vec<String> = claim
        .links
        .iter()
        .map(|l| {
            format!(
                "{} {:.3} {}",
                claim_dom_id(l.doc, l.sentence),
                l.score,
                l.verdict.as_str()
            )
        })
        .collect();
    let flags: Vec<String> = claim
        .flags
        .iter()
        .map(|f| format!("{} {}", f.kind.as_str(), claim_dom_id(f.doc, f.sentence)))
        .collect();
    let class = format!(
        "claim {}{}",
        status_class(claim.status),
        if claim.flags.is_empty() {
            ""
        } else {
            " flagged"
        }
    );
    let text = &analysis.sentences[d][s].text;
    html! {
        span class=(class) id=(claim_dom_id(d, s)) data-ref=(name)
            data-loc=(location(analysis, d, s)) data-status=(claim.status.as_str())
            data-links=(links.join(",")) data-flags=(flags.join(","))
            title=(tooltip(analysis, claim, &name)) {
            a class="ref" href={ "#" (claim_dom_id(d, s)) } { (name) }
            " "
            (attributed_text(text, &claim.attribution))
        }
    }
}

/// What a reader without the script needs on hover: where the claim is, what it matches, how
/// well, and its flags.
fn tooltip(analysis: &Analysis, claim: &Claim, name: &str) -> String {
    let mut parts = vec![
        format!("{name} · {}", location(analysis, claim.doc, claim.sentence)),
        claim.status.as_str().to_string(),
    ];
    for l in &claim.links {
        parts.push(format!(
            "↔ {} {:.3} {}",
            flagged::sentence_name(analysis, (l.doc, l.sentence)),
            l.score,
            l.verdict.as_str()
        ));
    }
    for f in &claim.flags {
        parts.push(format!(
            "⚑ {} with {}",
            f.kind.as_str(),
            flagged::sentence_name(analysis, (f.doc, f.sentence))
        ));
    }
    let a = &claim.attribution;
    if a.kind == AttributionKind::Carried {
        let from = a
            .carried_from
            .map(|f| format!(" from {}", flagged::sentence_name(analysis, (claim.doc, f))))
            .unwrap_or_default();
        parts.push(format!("attribution carried{from}: {} {}", a.source, a.cue));
    }
    parts.join("\n")
}

/// The sentence with its attribution's cue and source as `<mark>` spans. Spans that do not
/// fall on character boundaries or overlap an earlier one are left unmarked, never cut.
fn attributed_text(text: &str, a: &Attribution) -> Markup {
    let source_title = match (&a.pronoun, a.source_kind) {
        (Some(p), _) => format!("source: {p} = {}", a.source),
        (None, Some(kind)) => format!("source: {} ({})", a.source, kind.as_str()),
        (None, None) => format!("source: {}", a.source),
    };
    let via = a
        .via
        .as_deref()
        .map(|v| format!(", via {v}"))
        .unwrap_or_default();
    let mut spans = Vec::new();
    if let Some(r) = a.cue_span.clone() {
        spans.push((r, "cue", format!("cue: {}{via}", a.cue)));
    }
    if let Some(r) = a.source_span.clone() {
        spans.push((r, "src", source_title));
    }
    spans.sort_by_key(|(r, _, _)| r.start);
    // (plain text before the mark, the mark's class, title and text)
    let mut pieces: Vec<(&str, &str, String, &str)> = Vec::new();
    let mut at = 0;
    for (range, class, title) in spans {
        let (Some(before), Some(marked)) = (text.get(at..range.start), text.get(range.clone()))
        else {
            continue;
        };
        if range.start < at || marked.is_empty() {
            continue;
        }
        pieces.push((before, class, title, marked));
        at = range.end;
    }
    html! {
        @for (before, class, title, marked) in pieces {
            (before) mark class=(class) title=(title) { (marked) }
        }
        (text[at..])
    }
}

/// Every flag once per pair of claims, the original's text diffed against the flagged copy.
fn flags(analysis: &Analysis, pairs: &[FlaggedPair]) -> Markup {
    let entries: Vec<(&FlaggedPair, (usize, usize))> = pairs
        .iter()
        .flat_map(|p| {
            std::iter::once(p.other)
                .chain(p.also.iter().copied())
                .map(move |o| (p, o))
        })
        .collect();
    html! {
        section id="flags" {
            h2 { "Integrity flags (" (entries.len()) ")" }
            @if entries.is_empty() { p { "No integrity flags." } }
            @for (pair, other) in entries {
                (flag(analysis, pair, other))
            }
        }
    }
}

fn flag(analysis: &Analysis, pair: &FlaggedPair, other: (usize, usize)) -> Markup {
    let old = &analysis.sentences[other.0][other.1].text;
    let new = &analysis.sentences[pair.at.0][pair.at.1].text;
    let edits = diff::words(old, new);
    let changes = diff::changes(&edits);
    let at_id = claim_dom_id(pair.at.0, pair.at.1);
    let other_id = claim_dom_id(other.0, other.1);
    let name = |c: (usize, usize)| flagged::sentence_name(analysis, c);
    html! {
        div class="flag" id={ "f-" (pair.kind.as_str()) "-" (other_id) "-" (at_id) }
            data-kind=(pair.kind.as_str()) data-a=(other_id) data-b=(at_id) data-id=(pair.id) {
            h3 {
                span class="kind" { (pair.kind.as_str()) } " "
                a href={ "#" (other_id) } { (name(other)) }
                " → "
                a href={ "#" (at_id) } { (name(pair.at)) }
                " " small { (location(analysis, other.0, other.1)) " → " (location(analysis, pair.at.0, pair.at.1)) }
            }
            ul class="changes" {
                @for c in &changes {
                    li {
                        @if c.old.is_empty() { "∅" } @else { del { (c.old) } }
                        " → "
                        @if c.new.is_empty() { "∅" } @else { ins { (c.new) } }
                    }
                }
                @if changes.is_empty() { li { "same words (the flag is about the attribution or the source)" } }
            }
            p class="diff" {
                @for e in &edits {
                    @match e {
                        Edit::Same(t) => (t),
                        Edit::Removed(t) => del { (t) },
                        Edit::Added(t) => ins { (t) },
                    }
                }
            }
        }
    }
}

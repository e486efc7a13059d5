//! What every target that segments shares: one segmenter per line-break mode, built once,
//! and the invariants of a segmentation, checked on every input.

#![allow(dead_code)]

use std::sync::OnceLock;

use crosscheck::pipeline::document;
use crosscheck::pipeline::segment::{LineBreaks, SegmentConfig, Segmenter, Sentence};

/// The segmenter for the mode chosen by `selector` (the input's first byte: line-break mode,
/// and whether page furniture is dropped), built once so an execution costs the segmentation,
/// not the loading of the word lists.
pub fn segmenter(selector: u8) -> &'static Segmenter {
    static SEGMENTERS: OnceLock<Vec<Segmenter>> = OnceLock::new();
    let all = SEGMENTERS.get_or_init(|| {
        [false, true]
            .into_iter()
            .flat_map(|drop_furniture| {
                [LineBreaks::Auto, LineBreaks::Lines, LineBreaks::Wrap].map(|line_breaks| {
                    Segmenter::new(SegmentConfig {
                        line_breaks,
                        extra_abbreviations: vec!["Amb.".into(), "Supt. title".into()],
                        drop_furniture,
                    })
                })
            })
            .collect()
    });
    &all[usize::from(selector % 6)]
}

/// Whether the segmenter chosen by `selector` drops furniture lines.
fn drops_furniture(selector: u8) -> bool {
    selector % 6 >= 3
}

/// Splits a fuzz input into a mode selector and an article text (invalid UTF-8 replaced, so
/// mutations that break UTF-8 still reach the segmenter).
pub fn article(data: &[u8]) -> (u8, String) {
    match data.split_first() {
        Some((&selector, rest)) => (selector, String::from_utf8_lossy(rest).into_owned()),
        None => (0, String::new()),
    }
}

/// Segments `text` as the pipeline does (header skipped) and checks the segmentation.
pub fn segment_checked(selector: u8, text: &str) -> Vec<Sentence> {
    let (_, body_start) = document::parse_header(text);
    assert!(body_start <= text.len() && text.is_char_boundary(body_start));
    let sentences = segmenter(selector).segment(text, body_start);
    check_segmentation(text, body_start, &sentences, drops_furniture(selector));
    sentences
}

/// The promises of `segment`: sentences in order, inside the body, on character boundaries,
/// never empty, with only whitespace between them (nothing lost), line and paragraph numbers
/// that agree with the text, and texts that are the spans with line breaks folded. A segmenter
/// that drops furniture may also lose whole lines, never part of a line.
pub fn check_segmentation(
    text: &str,
    body_start: usize,
    sentences: &[Sentence],
    drop_furniture: bool,
) {
    let mut pos = body_start;
    let mut paragraph = 0;
    for s in sentences {
        let span = s.span.clone();
        assert!(
            span.start >= pos,
            "sentences overlap or go backwards: {span:?} after {pos}"
        );
        assert!(
            span.start < span.end && span.end <= text.len(),
            "bad span {span:?}"
        );
        assert!(text.is_char_boundary(span.start) && text.is_char_boundary(span.end));
        let gap = &text[pos..span.start];
        assert!(
            only_whitespace_lost(text, body_start, pos, span.start, drop_furniture),
            "text lost between sentences: {gap:?}"
        );
        let inside = &text[span.clone()];
        assert_eq!(inside.trim(), inside, "span not trimmed");
        assert!(!s.text.is_empty() && !s.text.contains(['\n', '\r']));
        assert!(s.text.len() <= inside.len());
        assert_eq!(
            s.line,
            1 + text[..span.start].matches('\n').count(),
            "wrong line"
        );
        assert!(s.paragraph >= paragraph.max(1), "paragraphs go backwards");
        paragraph = s.paragraph;
        pos = span.end;
    }
    assert!(
        only_whitespace_lost(text, body_start, pos, text.len(), drop_furniture),
        "text lost after the last sentence"
    );
}

/// Whether `text[from..to]`, the text between two sentences, holds nothing but whitespace,
/// or, where furniture is dropped, whole lines: each line with a visible character in the gap
/// has nothing visible outside it (the body's first line counts from `body_start`).
fn only_whitespace_lost(
    text: &str,
    body_start: usize,
    from: usize,
    to: usize,
    drop_furniture: bool,
) -> bool {
    let gap = &text[from..to];
    if gap.trim().is_empty() {
        return true;
    }
    if !drop_furniture {
        return false;
    }
    // the body may start inside the header's last line: it starts a line of the body there
    let line_start = text[..from]
        .rfind('\n')
        .map_or(0, |i| i + 1)
        .max(body_start);
    let line_end = text[to..].find('\n').map_or(text.len(), |i| to + i);
    let first_line_visible = !text[from..text[from..to].find('\n').map_or(to, |i| from + i)]
        .trim()
        .is_empty();
    let last_line_visible = !text[text[from..to].rfind('\n').map_or(from, |i| from + i)..to]
        .trim()
        .is_empty();
    (!first_line_visible || text[line_start..from].trim().is_empty())
        && (!last_line_visible || text[to..line_end].trim().is_empty())
}

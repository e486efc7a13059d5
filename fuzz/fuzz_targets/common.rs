//! What every target that segments shares: one segmenter per line-break mode, built once,
//! and the invariants of a segmentation, checked on every input.

#![allow(dead_code)]

use std::sync::OnceLock;

use crosscheck::pipeline::document;
use crosscheck::pipeline::segment::{LineBreaks, SegmentConfig, Segmenter, Sentence};

/// The segmenter for the mode chosen by `selector` (the input's first byte), built once so an
/// execution costs the segmentation, not the loading of the word lists.
pub fn segmenter(selector: u8) -> &'static Segmenter {
    static SEGMENTERS: OnceLock<[Segmenter; 3]> = OnceLock::new();
    let all = SEGMENTERS.get_or_init(|| {
        [LineBreaks::Auto, LineBreaks::Lines, LineBreaks::Wrap].map(|line_breaks| {
            Segmenter::new(SegmentConfig {
                line_breaks,
                extra_abbreviations: vec!["Amb.".into(), "Supt. title".into()],
            })
        })
    });
    &all[usize::from(selector % 3)]
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
    check_segmentation(text, body_start, &sentences);
    sentences
}

/// The promises of `segment`: sentences in order, inside the body, on character boundaries,
/// never empty, with only whitespace between them (nothing lost), line and paragraph numbers
/// that agree with the text, and texts that are the spans with line breaks folded.
pub fn check_segmentation(text: &str, body_start: usize, sentences: &[Sentence]) {
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
            gap.trim().is_empty(),
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
        text[pos..].trim().is_empty(),
        "text lost after the last sentence"
    );
}

//! Sentence segmentation for news text.
//!
//! Takes a document's text and the offset where its body starts; returns its [`Sentence`]s in
//! order, each with its paragraph, line and byte range in the original text.
//!
//! STUB: a naive splitter to be replaced by the news-aware segmenter (issue 3).

use std::ops::Range;

/// How line breaks are read.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, clap::ValueEnum)]
pub enum LineBreaks {
    /// Decide per document.
    #[default]
    Auto,
    /// Every line is a paragraph.
    Lines,
    /// Single line breaks are soft wraps; blank lines separate paragraphs.
    Wrap,
}

/// Segmenter settings.
#[derive(Clone, Debug, Default)]
pub struct SegmentConfig {
    /// How line breaks are read.
    pub line_breaks: LineBreaks,
    /// Abbreviations added by the user (without the final period, e.g. `Gen`, `U.S`).
    pub extra_abbreviations: Vec<String>,
}

/// One sentence of a document.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Sentence {
    /// 1-based paragraph number within the document.
    pub paragraph: usize,
    /// 1-based line number in the file where the sentence starts.
    pub line: usize,
    /// Byte range in the file.
    pub span: Range<usize>,
    /// The sentence text with internal line breaks folded to spaces.
    pub text: String,
}

/// A configured segmenter; build once, use for every document.
#[derive(Clone, Debug, Default)]
pub struct Segmenter {
    config: SegmentConfig,
}

impl Segmenter {
    /// Builds a segmenter.
    pub fn new(config: SegmentConfig) -> Segmenter {
        Segmenter { config }
    }

    /// Segments `text[body_start..]`; byte ranges and lines refer to all of `text`.
    pub fn segment(&self, text: &str, body_start: usize) -> Vec<Sentence> {
        let _ = &self.config;
        let mut out = Vec::new();
        let mut paragraph = 0;
        let mut line_start = body_start;
        for line in text[body_start..].split_inclusive('\n') {
            let start = line_start;
            line_start += line.len();
            if line.trim().is_empty() {
                continue;
            }
            paragraph += 1;
            let mut s = start;
            let bytes = line.as_bytes();
            for (i, _) in line.match_indices(". ") {
                let end = start + i + 1;
                push(text, &mut out, paragraph, s..end);
                s = end + 1;
                let _ = bytes;
            }
            push(text, &mut out, paragraph, s..start + line.trim_end().len());
        }
        out
    }

    /// Segments a plain string and returns the sentence texts (for tests and tools).
    pub fn split(&self, text: &str) -> Vec<String> {
        self.segment(text, 0).into_iter().map(|s| s.text).collect()
    }
}

fn push(text: &str, out: &mut Vec<Sentence>, paragraph: usize, span: Range<usize>) {
    let s = &text[span.clone()];
    if s.trim().is_empty() {
        return;
    }
    out.push(Sentence {
        paragraph,
        line: 1 + text[..span.start].matches('\n').count(),
        text: s.trim().to_string(),
        span,
    });
}

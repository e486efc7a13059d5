//! Sentence segmentation for news text.
//!
//! Takes a document's text and the offset where its body starts; returns its [`Sentence`]s in
//! order, each with its paragraph, line and byte range in the original text. Nothing is lost:
//! the byte ranges and the whitespace between them rebuild the body exactly.
//!
//! Two steps: the body is cut into paragraphs by how its line breaks are read ([`LineBreaks`]),
//! then each paragraph is cut into sentences by a hand-written scanner (`scan`) that knows news
//! English: abbreviations and initials, sentence starters, numbers, ellipses, lists, brackets,
//! and quotes with their attributions. The word lists are plain files in `src/data/`
//! (`lexicon`). The rules are described in `docs/segmentation.md`.

mod chrome;
mod lexicon;
mod scan;

use std::ops::Range;

use lexicon::Lexicon;

/// How line breaks are read.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, clap::ValueEnum)]
pub enum LineBreaks {
    /// Decide per document: `wrap` when many lines end mid-sentence, else `lines`.
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
    /// Abbreviations added by the user, with or without the final period (`Gen`, `U.S.`); a
    /// line may name its kind after the abbreviation (`Amb. title`), see `docs/segmentation.md`.
    pub extra_abbreviations: Vec<String>,
    /// Read lines that are page furniture (menus, buttons, bylines, date lines, cookie and
    /// newsletter boxes; `chrome`, docs/input.md) as blank lines. Off by default here, so the
    /// segmenter loses nothing unless asked; the command line turns it on unless
    /// `--keep-all-lines` is given.
    pub drop_furniture: bool,
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
    lexicon: Lexicon,
}

impl Segmenter {
    /// Builds a segmenter.
    pub fn new(config: SegmentConfig) -> Segmenter {
        let lexicon = Lexicon::new(&config.extra_abbreviations);
        Segmenter { config, lexicon }
    }

    /// Segments `text[body_start..]`; byte ranges and lines refer to all of `text`.
    ///
    /// A `body_start` past the end or inside a character is moved back to a character boundary.
    pub fn segment(&self, text: &str, body_start: usize) -> Vec<Sentence> {
        let mut body_start = body_start.min(text.len());
        while !text.is_char_boundary(body_start) {
            body_start -= 1;
        }
        let mode = match self.config.line_breaks {
            LineBreaks::Auto => detect_line_breaks(&text[body_start..]),
            mode => mode,
        };
        let mut out = Vec::new();
        let mut scratch = scan::Scratch::default();
        let mut cuts = Vec::new();
        let mut lines = LineCounter::new(text);
        let furniture = if self.config.drop_furniture {
            chrome::furniture(text, body_start, mode == LineBreaks::Wrap)
        } else {
            Vec::new()
        };
        for (number, para) in paragraphs(text, body_start, mode, &furniture).enumerate() {
            cuts.clear();
            scan::find_cuts(
                text,
                para.start,
                para.end,
                &self.lexicon,
                &mut scratch,
                &mut cuts,
            );
            let mut from = para.start;
            for to in cuts.iter().copied().chain([para.end]) {
                if let Some(span) = trim(text, from..to) {
                    out.push(Sentence {
                        paragraph: number + 1,
                        line: lines.line_of(span.start),
                        text: fold(&text[span.clone()]),
                        span,
                    });
                }
                from = to;
            }
        }
        out
    }

    /// Segments a plain string and returns the sentence texts (for tests and tools).
    pub fn split(&self, text: &str) -> Vec<String> {
        self.segment(text, 0).into_iter().map(|s| s.text).collect()
    }

    /// How `text[body_start..]` would be read under this configuration (`Auto` resolved).
    pub fn line_breaks_for(&self, text: &str, body_start: usize) -> LineBreaks {
        match self.config.line_breaks {
            LineBreaks::Auto => detect_line_breaks(text.get(body_start..).unwrap_or("")),
            mode => mode,
        }
    }
}

/// Turns byte offsets into 1-based line numbers, counting forward only.
struct LineCounter<'a> {
    bytes: &'a [u8],
    pos: usize,
    line: usize,
}

impl<'a> LineCounter<'a> {
    fn new(text: &'a str) -> Self {
        LineCounter {
            bytes: text.as_bytes(),
            pos: 0,
            line: 1,
        }
    }

    fn line_of(&mut self, at: usize) -> usize {
        let at = at.max(self.pos);
        self.line += self.bytes[self.pos..at]
            .iter()
            .filter(|&&b| b == b'\n')
            .count();
        self.pos = at;
        self.line
    }
}

/// The range without leading and trailing whitespace; `None` if nothing is left.
fn trim(text: &str, range: Range<usize>) -> Option<Range<usize>> {
    let s = &text[range.clone()];
    let lead = s.len() - s.trim_start().len();
    let inner = s.trim();
    (!inner.is_empty()).then(|| range.start + lead..range.start + lead + inner.len())
}

/// Folds every whitespace run that holds a line break to one space; keeps everything else.
fn fold(s: &str) -> String {
    if !s.contains(['\n', '\r']) {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(i) = rest.find(|c: char| c.is_whitespace()) {
        out.push_str(&rest[..i]);
        let run_len = rest[i..]
            .find(|c: char| !c.is_whitespace())
            .unwrap_or(rest.len() - i);
        let run = &rest[i..i + run_len];
        if run.contains(['\n', '\r']) {
            out.push(' ');
        } else {
            out.push_str(run);
        }
        rest = &rest[i + run_len..];
    }
    out.push_str(rest);
    out
}

fn is_blank(line: &str) -> bool {
    line.trim().is_empty()
}

/// The paragraphs of `text[body_start..]` as trimmed, non-empty byte ranges. The lines that
/// start at a `skip` range's start (sorted furniture lines) are read as blank lines.
fn paragraphs<'a>(
    text: &'a str,
    body_start: usize,
    mode: LineBreaks,
    skip: &'a [Range<usize>],
) -> impl Iterator<Item = Range<usize>> + 'a {
    let mut pos = body_start;
    let mut skip = skip.iter().peekable();
    let mut is_blank = move |line: &Range<usize>| {
        while skip.next_if(|r| r.start < line.start).is_some() {}
        skip.next_if(|r| r.start == line.start).is_some() || is_blank(&text[line.clone()])
    };
    let mut lines = text[body_start..].split_inclusive('\n').map(move |line| {
        let start = pos;
        pos += line.len();
        start..pos
    });
    let wrap = mode == LineBreaks::Wrap;
    std::iter::from_fn(move || loop {
        let first = lines.next()?;
        if is_blank(&first) {
            continue;
        }
        let mut para = first;
        if wrap {
            // Soft-wrapped: the paragraph runs to the next blank line.
            for line in lines.by_ref() {
                if is_blank(&line) {
                    break;
                }
                para.end = line.end;
            }
        }
        if let Some(range) = trim(text, para) {
            return Some(range);
        }
    })
}

/// Whether a line ends where a sentence may end (terminal punctuation, closing quote, colon).
fn ends_sentence_like(line: &str) -> bool {
    line.trim_end().chars().next_back().is_none_or(|c| {
        matches!(
            c,
            '.' | '!' | '?' | '…' | ':' | ';' | '"' | '”' | '’' | '\'' | ')' | ']'
        )
    })
}

/// `Auto`: reads the document as `Wrap` when at least a third of its single line breaks look
/// soft (the line ends mid-sentence and the next one starts in lower case, or the line ends
/// with a comma or hyphen) and it has sentence punctuation at all; otherwise as `Lines`. A list
/// of short lines without any sentence punctuation stays `Lines`.
fn detect_line_breaks(body: &str) -> LineBreaks {
    let mut joins = 0usize;
    let mut soft = 0usize;
    let mut prev: Option<&str> = None;
    for line in body.lines() {
        if is_blank(line) {
            prev = None;
            continue;
        }
        if let Some(p) = prev {
            joins += 1;
            let p = p.trim_end();
            let next_lower = line
                .trim_start()
                .chars()
                .next()
                .is_some_and(|c| c.is_lowercase() || c.is_numeric());
            if !ends_sentence_like(p) && (next_lower || p.ends_with([',', '-'])) {
                soft += 1;
            }
        }
        prev = Some(line);
    }
    let punctuated = body.contains(['.', '!', '?']);
    if punctuated && soft > 0 && soft * 3 >= joins {
        LineBreaks::Wrap
    } else {
        LineBreaks::Lines
    }
}

#[cfg(test)]
mod tests;

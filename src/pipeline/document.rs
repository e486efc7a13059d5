//! Loading articles: bytes in, a [`Document`] out.
//!
//! Takes a path (or `-` for standard input) and returns the article's full text, its label and
//! its metadata header. The one idea: nothing in the text is rewritten. The header is recognised
//! and skipped by offset ([`Document::body_start`]), so every byte range computed later points
//! into the file as it is on disk.
//!
//! Recognised header forms, at the very start of the file, one per line, keys case-insensitive:
//! `date 2025-11-25`, `date: 2025-11-25`, `outlet: The Wall Street Journal`, `title: ...`,
//! `author: ...`/`byline: ...`, `url: ...`. A `date` whose value is one date token may be
//! followed by the article's first sentence on the same line (the seed WSJ file does that).

use std::io::Read;
use std::path::{Path, PathBuf};

use crate::error::{Error, Result};

/// Metadata read from an article's header.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Metadata {
    /// Publication date as written (`2025-11-25`).
    pub date: Option<String>,
    /// Outlet name (`The Wall Street Journal`).
    pub outlet: Option<String>,
    /// Other names the outlet goes by (`the Journal`, `WSJ`).
    pub aliases: Vec<String>,
    /// Headline.
    pub title: Option<String>,
    /// Byline.
    pub author: Option<String>,
    /// Where the article was published.
    pub url: Option<String>,
}

/// One article: its label, where it came from, its text and metadata.
#[derive(Clone, Debug)]
pub struct Document {
    /// Short name used in every output (`wsj`).
    pub label: String,
    /// The path as the user gave it (`-` for standard input), for messages and annotations.
    pub path: String,
    /// The whole file, unchanged.
    pub text: String,
    /// Byte offset where the article body starts (after the metadata header).
    pub body_start: usize,
    /// Header metadata.
    pub meta: Metadata,
    /// For a page read from HTML: where each paragraph of `text` starts in the page (see
    /// [`html`](crate::pipeline::html)); empty for text files.
    pub page_lines: Vec<crate::pipeline::html::PageLine>,
}

/// Where to read an article from, and what to call it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Input {
    /// Label given by the user (`NAME=PATH` or `--label`), if any.
    pub label: Option<String>,
    /// Path, or `-` for standard input.
    pub path: PathBuf,
}

impl Input {
    /// Parses `PATH` or `NAME=PATH`. A bare path containing `=` that exists as a file wins.
    pub fn parse(arg: &str) -> Input {
        if let Some((name, path)) = arg.split_once('=') {
            let looks_like_label =
                !name.is_empty() && !name.contains(['/', '\\']) && !Path::new(arg).exists();
            if looks_like_label {
                return Input {
                    label: Some(name.to_string()),
                    path: PathBuf::from(path),
                };
            }
        }
        Input {
            label: None,
            path: PathBuf::from(arg),
        }
    }

    /// Whether this is standard input (`-`).
    pub fn is_stdin(&self) -> bool {
        self.path.as_os_str() == "-"
    }

    /// The path for messages.
    pub fn display(&self) -> String {
        self.path.display().to_string()
    }

    /// The label when none is given: the file's stem, `stdin` for `-`.
    pub fn default_label(&self) -> String {
        if self.is_stdin() {
            return "stdin".to_string();
        }
        self.path
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_else(|| self.display())
    }
}

/// Expands directories into the `.txt`, `.html` and `.htm` files inside them (sorted by path);
/// files pass through.
pub fn expand_inputs(inputs: Vec<Input>) -> Result<Vec<Input>> {
    let mut out = Vec::new();
    for input in inputs {
        if input.is_stdin() || !input.path.is_dir() {
            out.push(input);
            continue;
        }
        let mut files = Vec::new();
        collect_txt(&input.path, &mut files)?;
        if files.is_empty() {
            return Err(Error::input(
                input.display(),
                "directory holds no .txt article (nor .html page)",
            ));
        }
        files.sort();
        out.extend(files.into_iter().map(|path| Input { label: None, path }));
    }
    Ok(out)
}

fn collect_txt(dir: &Path, files: &mut Vec<PathBuf>) -> Result<()> {
    let entries = std::fs::read_dir(dir).map_err(|source| Error::Read {
        path: dir.to_path_buf(),
        source,
    })?;
    for entry in entries {
        let path = entry
            .map_err(|source| Error::Read {
                path: dir.to_path_buf(),
                source,
            })?
            .path();
        if path.is_dir() {
            collect_txt(&path, files)?;
        } else if path
            .extension()
            .is_some_and(|e| e == "txt" || e == "html" || e == "htm")
        {
            files.push(path);
        }
    }
    Ok(())
}

/// The largest article read unless `--max-article-bytes` says otherwise: 16 MiB, some
/// hundreds of times a long news article. The pipeline holds 40 to 70 bytes per byte of
/// article (docs/performance.md), so at the limit one run stays around 1 GB.
pub const DEFAULT_MAX_ARTICLE_BYTES: u64 = 16 << 20;

/// Reads every input, labels it, and rejects duplicate labels and unusable files; articles
/// larger than [`DEFAULT_MAX_ARTICLE_BYTES`] are refused.
pub fn load_all(inputs: &[Input]) -> Result<Vec<Document>> {
    load_all_limited(inputs, DEFAULT_MAX_ARTICLE_BYTES)
}

/// [`load_all`] with a size limit per article, in bytes.
pub fn load_all_limited(inputs: &[Input], max_bytes: u64) -> Result<Vec<Document>> {
    load_all_with(inputs, |input| load_limited(input, max_bytes))
}

/// [`load_all`] with another reader for each input (HTML pages, say).
pub fn load_all_with(
    inputs: &[Input],
    load: impl Fn(&Input) -> Result<Document>,
) -> Result<Vec<Document>> {
    if inputs.iter().filter(|i| i.is_stdin()).count() > 1 {
        return Err(Error::input("-", "standard input can be given only once"));
    }
    let mut docs: Vec<Document> = Vec::with_capacity(inputs.len());
    for input in inputs {
        let doc = load(input)?;
        if let Some(first) = docs.iter().find(|d| d.label == doc.label) {
            return Err(Error::input(
                doc.path.clone(),
                format!(
                    "duplicate label '{}' (also used by {}); name one with LABEL=PATH",
                    doc.label, first.path
                ),
            ));
        }
        docs.push(doc);
    }
    Ok(docs)
}

/// Reads one article (at most [`DEFAULT_MAX_ARTICLE_BYTES`]).
pub fn load(input: &Input) -> Result<Document> {
    load_limited(input, DEFAULT_MAX_ARTICLE_BYTES)
}

/// Reads one article of at most `max_bytes` bytes.
pub fn load_limited(input: &Input, max_bytes: u64) -> Result<Document> {
    let bytes = read_bytes(input, max_bytes)?;
    let label = input.label.clone().unwrap_or_else(|| input.default_label());
    from_bytes(label, input.display(), bytes)
}

/// The bytes of an input (a file, or standard input for `-`), at most `max_bytes` of them.
pub fn read_bytes(input: &Input, max_bytes: u64) -> Result<Vec<u8>> {
    if input.path.is_dir() && !input.is_stdin() {
        return Err(Error::input(
            input.display(),
            "is a directory, not an article",
        ));
    }
    let mut bytes = Vec::new();
    // one byte past the limit tells "too large" from "exactly the limit"
    let result = if input.is_stdin() {
        std::io::stdin()
            .take(max_bytes.saturating_add(1))
            .read_to_end(&mut bytes)
    } else {
        std::fs::File::open(&input.path).and_then(|f| {
            // The text lives as long as the run: a buffer grown by doubling would keep up to
            // twice the article's size. Sized from the file, it keeps one spare byte.
            let size = f.metadata().map_or(0, |m| m.len()).min(max_bytes);
            bytes.reserve_exact(usize::try_from(size.saturating_add(1)).unwrap_or(0));
            f.take(max_bytes.saturating_add(1)).read_to_end(&mut bytes)
        })
    };
    result.map_err(|source| Error::Read {
        path: input.path.clone(),
        source,
    })?;
    if bytes.len() as u64 > max_bytes {
        return Err(Error::input(
            input.display(),
            format!(
                "larger than the limit of {max_bytes} bytes per article (raise it with --max-article-bytes)"
            ),
        ));
    }
    Ok(bytes)
}

/// Whether bytes look like UTF-16: a byte-order mark, or NUL bytes at every other position of
/// the first bytes (ASCII text in UTF-16).
fn looks_like_utf16(bytes: &[u8]) -> bool {
    if bytes.starts_with(&[0xff, 0xfe]) || bytes.starts_with(&[0xfe, 0xff]) {
        return true;
    }
    let head = &bytes[..bytes.len().min(512) & !1];
    if head.len() < 4 {
        return false;
    }
    let pairs = head.len() / 2;
    let even = head.iter().step_by(2).filter(|&&b| b == 0).count();
    let odd = head.iter().skip(1).step_by(2).filter(|&&b| b == 0).count();
    even.max(odd) * 10 >= pairs * 9 && even.min(odd) * 10 <= pairs
}

/// Builds a document from raw bytes: checks UTF-8, strips nothing, parses the header.
///
/// A NUL byte is refused rather than stripped: no news text holds one, it would end up in the
/// CSV, and a file with NULs is most often not text at all (or UTF-16, reported as such).
pub fn from_bytes(label: String, path: String, bytes: Vec<u8>) -> Result<Document> {
    if looks_like_utf16(&bytes) {
        return Err(Error::input(
            path,
            "looks like UTF-16, not UTF-8: convert it (e.g. iconv -f UTF-16 -t UTF-8)",
        ));
    }
    if let Some(at) = bytes.iter().position(|&b| b == 0) {
        let line = 1 + bytes[..at].iter().filter(|&&b| b == b'\n').count();
        return Err(Error::input(
            path,
            format!("holds a NUL byte (line {line}, byte {at}): not a text article"),
        ));
    }
    let text = crate::textfile::from_utf8(&path, bytes)?;
    let (meta, body_start) = parse_header(&text);
    if text[body_start..].trim().is_empty() {
        return Err(Error::input(path, "empty article: no text to read"));
    }
    Ok(Document {
        label,
        path,
        text,
        body_start,
        meta,
        page_lines: Vec::new(),
    })
}

const BOM: &str = "\u{feff}";

/// Reads the metadata header; returns it and the byte offset where the body starts.
pub fn parse_header(text: &str) -> (Metadata, usize) {
    let mut meta = Metadata::default();
    let mut pos = if text.starts_with(BOM) { BOM.len() } else { 0 };
    loop {
        let rest = &text[pos..];
        let indent = rest.len() - rest.trim_start_matches([' ', '\t']).len();
        let line = &rest[indent..];
        let Some(consumed) = header_field(line, &mut meta) else {
            break;
        };
        pos += indent + consumed;
    }
    (meta, pos)
}

/// Parses one header field at the start of `line`, returning the bytes it used (including the
/// line break, or the spaces before same-line body text), or `None` if `line` is not a header.
fn header_field(line: &str, meta: &mut Metadata) -> Option<usize> {
    let key_len = line.find(|c: char| !c.is_ascii_alphabetic())?;
    let key = line[..key_len].to_ascii_lowercase();
    let after_key = &line[key_len..];
    let value_start = after_key.trim_start_matches(':');
    let colon = after_key.len() != value_start.len();
    let trimmed = value_start.trim_start_matches([' ', '\t']);
    if trimmed.len() == value_start.len() && !colon {
        return None; // "Dateline" or "date" glued to something: not a header key
    }
    let value_off = key_len + (after_key.len() - trimmed.len());
    let line_end = line.find('\n').map_or(line.len(), |i| i + 1);
    let value_line = line[value_off..line_end].trim_end();
    match key.as_str() {
        "date" | "published" => {
            let token_len = value_line
                .find(char::is_whitespace)
                .unwrap_or(value_line.len());
            let token = &value_line[..token_len];
            if !looks_like_date(token) {
                return None;
            }
            meta.date = Some(token.to_string());
            let after = &line[value_off + token_len..line_end];
            if after.trim().is_empty() {
                Some(line_end)
            } else {
                let spaces = after.len() - after.trim_start().len();
                Some(value_off + token_len + spaces)
            }
        }
        "outlet" | "title" | "author" | "byline" | "url" if colon && !value_line.is_empty() => {
            let value = value_line.to_string();
            match key.as_str() {
                "outlet" => set_outlet(meta, &value),
                "title" => meta.title = Some(value),
                "url" => meta.url = Some(value),
                _ => meta.author = Some(value),
            }
            Some(line_end)
        }
        "aliases" if colon => {
            meta.aliases.extend(split_names(value_line));
            Some(line_end)
        }
        _ => None,
    }
}

/// `outlet: The Wall Street Journal (the Journal, WSJ)` or a comma list: first is the name.
pub fn set_outlet(meta: &mut Metadata, value: &str) {
    let mut names = split_names(&value.replace(['(', ')'], ","));
    if names.is_empty() {
        return;
    }
    meta.outlet = Some(names.remove(0));
    meta.aliases.extend(names);
}

fn split_names(value: &str) -> Vec<String> {
    value
        .split([',', ';'])
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_string)
        .collect()
}

/// ISO dates (`2025-11-25`, `2025-11-25T10:00Z`) and `2025/11/25`.
fn looks_like_date(token: &str) -> bool {
    let b = token.as_bytes();
    b.len() >= 10
        && b[..4].iter().all(u8::is_ascii_digit)
        && matches!(b[4], b'-' | b'/')
        && b[5..7].iter().all(u8::is_ascii_digit)
        && b[7] == b[4]
        && b[8..10].iter().all(u8::is_ascii_digit)
}

/// Length in bytes of a dateline opening `text` ("WASHINGTON—", "MILLBROOK, Ore. (AP) — "), or
/// 0 when there is none. A dateline is a place in capitals, optionally a comma and a state or
/// country, optionally a wire credit in parentheses, then a dash. It says where the story was
/// filed, not what happened, so matching leaves it out.
pub fn dateline_len(text: &str) -> usize {
    let mut rest = text;
    let place = rest
        .find(|c: char| !(c.is_uppercase() || matches!(c, ' ' | '.' | '\'' | '-')))
        .unwrap_or(rest.len());
    let letters = rest[..place].chars().filter(|c| c.is_alphabetic()).count();
    if letters < 3 {
        return 0;
    }
    rest = &rest[place..];
    if let Some(region) = rest.strip_prefix(", ") {
        let end = region
            .find(|c: char| !(c.is_alphabetic() || matches!(c, ' ' | '.')))
            .unwrap_or(region.len());
        if end == 0 || end > 24 || !region.starts_with(char::is_uppercase) {
            return 0;
        }
        rest = &region[end..];
    }
    let trimmed = rest.trim_start();
    if let Some(credit) = trimmed.strip_prefix('(') {
        match credit.find(')') {
            Some(close) if close <= 30 => rest = &credit[close + 1..],
            _ => return 0,
        }
    }
    let trimmed = rest.trim_start();
    let after_dash = ["\u{2014}", "\u{2013}", "--", "-"]
        .iter()
        .find_map(|dash| trimmed.strip_prefix(dash));
    match after_dash {
        Some(body) if !body.trim_start().is_empty() => text.len() - body.trim_start().len(),
        _ => 0,
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn datelines() {
        let cut = |t: &str| t[dateline_len(t)..].to_string();
        assert_eq!(cut("WASHINGTON\u{2014}It started."), "It started.");
        assert_eq!(
            cut("MILLBROOK, Ore. (AP) \u{2014} The council voted."),
            "The council voted."
        );
        assert_eq!(cut("NEW YORK (Reuters) - Stocks fell."), "Stocks fell.");
        assert_eq!(cut("NATO said it would meet."), "NATO said it would meet.");
        assert_eq!(
            cut("US officials - not all - agreed."),
            "US officials - not all - agreed."
        );
        assert_eq!(cut("AP\u{2014}It is."), "AP\u{2014}It is.");
    }

    use super::*;

    #[test]
    fn utf16_is_told_from_utf8_with_a_few_nuls() {
        let utf16: Vec<u8> = "Plain words here."
            .encode_utf16()
            .flat_map(u16::to_le_bytes)
            .collect();
        assert!(looks_like_utf16(&utf16));
        assert!(looks_like_utf16(&[0xfe, 0xff, 0, b'A']));
        assert!(!looks_like_utf16(b"Plain words here."));
        assert!(!looks_like_utf16(b"Plain\0words\0here."));
        assert!(!looks_like_utf16(b""));
    }

    #[test]
    fn date_header_on_the_same_line_as_the_body() {
        let text = " date 2025-11-25 WASHINGTON—It started.";
        let (meta, start) = parse_header(text);
        assert_eq!(meta.date.as_deref(), Some("2025-11-25"));
        assert_eq!(&text[start..], "WASHINGTON—It started.");
    }

    #[test]
    fn header_lines_then_body() {
        let text = "date: 2025-11-25\noutlet: The Wall Street Journal (the Journal, WSJ)\nBody.";
        let (meta, start) = parse_header(text);
        assert_eq!(meta.outlet.as_deref(), Some("The Wall Street Journal"));
        assert_eq!(meta.aliases, vec!["the Journal", "WSJ"]);
        assert_eq!(&text[start..], "Body.");
    }

    #[test]
    fn prose_is_not_a_header() {
        for text in [
            "Date night went badly.",
            "Dated 2025-11-25 memo.",
            "Title IX rules.",
        ] {
            assert_eq!(parse_header(text).1, 0, "{text}");
        }
    }

    #[test]
    fn label_forms() {
        assert_eq!(Input::parse("wsj=a/b.txt").label.as_deref(), Some("wsj"));
        assert_eq!(Input::parse("corpus/x/wsj.txt").default_label(), "wsj");
        assert_eq!(Input::parse("-").default_label(), "stdin");
    }

    #[test]
    fn invalid_utf8_names_the_line() {
        let err = from_bytes("x".into(), "x.txt".into(), b"ok\n\xff".to_vec()).unwrap_err();
        assert_eq!(err.to_string(), "x.txt: not valid UTF-8 (line 2, byte 3)");
    }

    #[test]
    fn empty_article_is_an_error() {
        let err = from_bytes("x".into(), "x.txt".into(), b" \n\n".to_vec()).unwrap_err();
        assert!(err.to_string().contains("empty article"));
    }
}

#[cfg(test)]
mod properties {
    use proptest::prelude::*;

    proptest! {
        #![proptest_config(crate::proptest_config())]
        /// Header parsing and dateline detection stay on character boundaries whatever the text.
        #[test]
        fn header_and_dateline_never_panic(text in "\\PC{0,80}") {
            let (_, start) = super::parse_header(&text);
            prop_assert!(text.is_char_boundary(start));
            let cut = super::dateline_len(&text[start..]);
            prop_assert!(text[start..].is_char_boundary(cut));
        }
    }
}

//! Reading saved web pages: HTML bytes in, a [`Document`] of the article's paragraphs out.
//!
//! Takes a page as saved from a browser or a crawler and returns the article's main text, one
//! paragraph per line with blank lines between them, with the page's title, byline, site name
//! and published date as [`Metadata`]. The one idea: the page is not ours to judge block by
//! block; a readability port ([`dom_smoothie`], the maintained Rust port of Mozilla's
//! Readability) finds the article and drops navigation, ads, related links and comments, and
//! this module only turns the article it returns into paragraphs: every block element and
//! every `<br>` ends one. Each paragraph remembers the line of the page where its text starts
//! ([`PageLine`]), so a claim leads back into the file on disk.

use std::ops::Range;

use dom_query::NodeRef;
use dom_smoothie::{Config, Readability};

use crate::error::{Error, Result};
use crate::pipeline::document::{Document, Metadata};

/// Where one extracted paragraph came from in the page.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PageLine {
    /// Byte offset of the paragraph in the extracted text ([`Document::text`]).
    pub text_offset: usize,
    /// 1-based number of the paragraph among the blocks extracted from the page.
    pub block: usize,
    /// 1-based line of the page where the paragraph's text starts.
    pub line: usize,
}

/// Elements that end the paragraph before them and start a new one.
const BLOCKS: &[&str] = &[
    "p",
    "div",
    "blockquote",
    "li",
    "ul",
    "ol",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "pre",
    "figcaption",
    "figure",
    "table",
    "tr",
    "td",
    "th",
    "section",
    "article",
    "header",
    "footer",
    "aside",
    "dl",
    "dt",
    "dd",
    "hr",
    "br",
];

/// Elements whose text is never article prose (a caption describes a photo or a video; what
/// it says the article says again, or it is not a claim of the article).
const SKIPPED: &[&str] = &[
    "script",
    "style",
    "noscript",
    "template",
    "svg",
    "button",
    "form",
    "select",
    "iframe",
    "figcaption",
];

/// Reads a page: extracts the article, its paragraphs and its metadata.
pub fn document(label: String, path: String, bytes: Vec<u8>) -> Result<Document> {
    let html = crate::textfile::from_utf8(&path, bytes)?;
    let (text, meta, lines) = extract(&html).map_err(|problem| Error::input(&path, problem))?;
    Ok(Document {
        label,
        path,
        text,
        body_start: 0,
        meta,
        page_lines: lines,
    })
}

/// The article's text (paragraphs separated by blank lines), metadata and paragraph origins.
pub fn extract(html: &str) -> std::result::Result<(String, Metadata, Vec<PageLine>), String> {
    let config = Config {
        // Many news pages are short; keep the article even when it is under 500 characters.
        char_threshold: 200,
        ..Config::default()
    };
    let mut reader = Readability::new(html, None, Some(config))
        .map_err(|e| format!("cannot read the page as HTML: {e}"))?;
    let article = reader
        .parse()
        .map_err(|e| format!("no article found in the page: {e}"))?;
    let content = dom_query::Document::from(article.content.as_ref());
    let mut blocks = Vec::new();
    let mut current = String::new();
    collect_blocks(&content.root(), &mut current, &mut blocks);
    flush(&mut current, &mut blocks);
    let outlet = article.site_name.as_deref().and_then(clean);
    let title = clean(&article.title).map(|t| without_site(t, outlet.as_deref()));
    if blocks.first().is_some_and(|b| Some(b) == title.as_ref()) {
        blocks.remove(0); // the headline goes to the metadata, not the claims
    }
    if blocks.is_empty() {
        return Err("no article text found in the page".into());
    }
    let (text, lines) = join_blocks(html, &blocks);
    let mut meta = Metadata {
        date: article.published_time.as_deref().and_then(date_part),
        outlet,
        aliases: Vec::new(),
        title,
        author: article.byline.as_deref().and_then(clean).map(strip_by),
        url: article.url.clone(),
    };
    fill_from_json_ld(html, &mut meta);
    Ok((text, meta, lines))
}

/// Fills what the readability port left empty from the page's JSON-LD, looking inside
/// `@graph` lists and arrays too (many news sites wrap the article in a graph of objects).
fn fill_from_json_ld(html: &str, meta: &mut Metadata) {
    if meta.date.is_some() && meta.author.is_some() && meta.outlet.is_some() {
        return;
    }
    let page = dom_query::Document::from(html);
    for script in page.select(r#"script[type="application/ld+json"]"#).nodes() {
        let Ok(value) = serde_json::from_str::<serde_json::Value>(&script.text()) else {
            continue;
        };
        let Some(article) = find_article(&value) else {
            continue;
        };
        let text = |v: &serde_json::Value| v.as_str().and_then(clean);
        let name = |v: &serde_json::Value| match v {
            serde_json::Value::Array(items) => items.first().and_then(|i| text(&i["name"])),
            other => text(&other["name"]).or_else(|| text(other)),
        };
        if meta.date.is_none() {
            meta.date = text(&article["datePublished"]).and_then(|d| date_part(&d));
        }
        if meta.author.is_none() {
            meta.author = name(&article["author"]);
        }
        if meta.outlet.is_none() {
            meta.outlet = name(&article["publisher"]);
        }
        if meta.title.is_none() {
            meta.title = text(&article["headline"]);
        }
    }
}

/// The first object (depth first) with a `datePublished` or a `headline`.
fn find_article(value: &serde_json::Value) -> Option<&serde_json::Value> {
    match value {
        serde_json::Value::Object(map) => {
            if map.contains_key("datePublished") || map.contains_key("headline") {
                return Some(value);
            }
            map.values().find_map(find_article)
        }
        serde_json::Value::Array(items) => items.iter().find_map(find_article),
        _ => None,
    }
}

/// Walks the article's tree in order, cutting the text at block elements and `<br>`.
fn collect_blocks(node: &NodeRef, current: &mut String, blocks: &mut Vec<String>) {
    for child in node.children_it(false) {
        if child.is_text() {
            current.push_str(&child.text());
            continue;
        }
        if !child.is_element() {
            continue;
        }
        let name = child
            .node_name()
            .map(|n| n.to_ascii_lowercase())
            .unwrap_or_default();
        if SKIPPED.contains(&name.as_str()) {
            continue;
        }
        let block = BLOCKS.contains(&name.as_str());
        if block {
            flush(current, blocks);
        }
        collect_blocks(&child, current, blocks);
        if block {
            flush(current, blocks);
        }
    }
}

/// Ends the current paragraph: whitespace folded to single spaces, empty ones dropped.
fn flush(current: &mut String, blocks: &mut Vec<String>) {
    if let Some(text) = clean(current) {
        blocks.push(text);
    }
    current.clear();
}

/// The string with every whitespace run folded to one space; `None` when nothing is left.
fn clean(s: &str) -> Option<String> {
    let folded = s.split_whitespace().collect::<Vec<_>>().join(" ");
    (!folded.is_empty()).then_some(folded)
}

/// "Bridge vote passes | The Valley Herald" → "Bridge vote passes": a page title often ends
/// with the site's name.
fn without_site(title: String, site: Option<&str>) -> String {
    let Some(site) = site else { return title };
    for sep in [" | ", " - ", " – ", " — ", " :: "] {
        if let Some(head) = title.strip_suffix(site).and_then(|t| t.strip_suffix(sep)) {
            return head.trim().to_string();
        }
    }
    title
}

/// "By Ana Ruiz" → "Ana Ruiz": the metadata holds the name.
fn strip_by(byline: String) -> String {
    match byline
        .strip_prefix("By ")
        .or_else(|| byline.strip_prefix("by "))
    {
        Some(rest) if !rest.trim().is_empty() => rest.trim().to_string(),
        _ => byline,
    }
}

/// The calendar date of an ISO timestamp (`2026-03-04T09:30:00Z` → `2026-03-04`).
fn date_part(time: &str) -> Option<String> {
    let t = time.trim();
    let b = t.as_bytes();
    let iso = b.len() >= 10
        && b[..4].iter().all(u8::is_ascii_digit)
        && b[4] == b'-'
        && b[5..7].iter().all(u8::is_ascii_digit)
        && b[7] == b'-'
        && b[8..10].iter().all(u8::is_ascii_digit);
    if iso {
        Some(t[..10].to_string())
    } else {
        clean(t)
    }
}

/// The paragraphs joined by blank lines, each with the page line where it starts.
fn join_blocks(html: &str, blocks: &[String]) -> (String, Vec<PageLine>) {
    let mut text = String::new();
    let mut lines = Vec::with_capacity(blocks.len());
    let mut from = 0;
    let mut line_counter = (0usize, 1usize);
    for (i, block) in blocks.iter().enumerate() {
        if i > 0 {
            text.push_str("\n\n");
        }
        let at = locate(html, from, block).unwrap_or(from);
        from = at;
        lines.push(PageLine {
            text_offset: text.len(),
            block: i + 1,
            line: line_at(html, at, &mut line_counter),
        });
        text.push_str(block);
    }
    text.push('\n');
    (text, lines)
}

/// 1-based line of byte `at`, counting forward from the last position asked for.
fn line_at(html: &str, at: usize, counter: &mut (usize, usize)) -> usize {
    let (pos, line) = counter;
    if at > *pos {
        *line += html.as_bytes()[*pos..at]
            .iter()
            .filter(|&&b| b == b'\n')
            .count();
        *pos = at;
    }
    *line
}

/// Where the paragraph's text starts in the page, at or after `from`: its first words as
/// written (letters and digits, any whitespace between), since markup and entities may
/// follow them. `None` when the words do not occur.
fn locate(html: &str, from: usize, block: &str) -> Option<usize> {
    let words: Vec<&str> = block
        .split_whitespace()
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
        .take_while(|w| !w.is_empty() && w.chars().all(char::is_alphanumeric))
        .take(4)
        .collect();
    let first = *words.first()?;
    let mut search = from;
    while let Some(found) = html.get(search..)?.find(first) {
        let start = search + found;
        if starts_with_words(&html[start..], &words) && !inside_tag(html, start) {
            return Some(start);
        }
        search = start + first.len();
    }
    None
}

/// Whether `s` starts with `words`, with punctuation and whitespace (no markup) between them.
fn starts_with_words(mut s: &str, words: &[&str]) -> bool {
    for (i, w) in words.iter().enumerate() {
        if i > 0 {
            let gap = s
                .find(|c: char| c.is_alphanumeric() || c == '<')
                .unwrap_or(s.len());
            if gap == 0 {
                return false;
            }
            s = &s[gap..];
        }
        match s.strip_prefix(w) {
            Some(rest) => s = rest,
            None => return false,
        }
    }
    true
}

/// Whether byte `at` lies inside a tag (an attribute value, say) rather than in text.
fn inside_tag(html: &str, at: usize) -> bool {
    let before = &html[..at];
    matches!((before.rfind('<'), before.rfind('>')), (Some(open), close) if close.is_none_or(|c| c < open))
}

/// The page line and block number of the paragraph holding byte `offset` of the text.
pub fn origin(lines: &[PageLine], offset: usize) -> Option<&PageLine> {
    let i = lines.partition_point(|l| l.text_offset <= offset);
    i.checked_sub(1).map(|i| &lines[i])
}

/// Byte ranges, for tests: each paragraph's range in the extracted text.
pub fn paragraph_ranges(text: &str, lines: &[PageLine]) -> Vec<Range<usize>> {
    lines
        .iter()
        .map(|l| {
            let end = text[l.text_offset..]
                .find('\n')
                .map_or(text.len(), |e| l.text_offset + e);
            l.text_offset..end
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAGE: &str = r#"<!doctype html>
<html><head><title>Bridge vote passes | The Valley Herald</title>
<meta property="og:site_name" content="The Valley Herald">
<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle",
"headline":"Bridge vote passes","datePublished":"2026-03-04T09:30:00Z","author":{"@type":"Person","name":"Ana Ruiz"}}</script>
</head><body>
<nav><a href="/">Home</a> <a href="/news">News</a> <a href="/sport">Sport</a></nav>
<article><h1>Bridge vote passes</h1>
<p>The council voted 6-1 on Tuesday to rebuild the Mill Street bridge, officials said.</p>
<p>Work will start in May and last two years.<br>The state will pay
half of the cost, the mayor said.</p>
<blockquote>"We have waited long enough," said Councilwoman Dana Pike.</blockquote>
<p>The old bridge was closed to trucks in 2019 after an inspection found cracks in two of its
piers, and drivers have since taken a detour of four miles through the town centre.</p>
</article>
<footer>Copyright The Valley Herald</footer></body></html>"#;

    #[test]
    fn paragraphs_metadata_and_page_lines() {
        let (text, meta, lines) = extract(PAGE).unwrap();
        let paras: Vec<&str> = text.trim_end().split("\n\n").collect();
        assert_eq!(
            paras[..3],
            [
                "The council voted 6-1 on Tuesday to rebuild the Mill Street bridge, officials said.",
                "Work will start in May and last two years.",
                "The state will pay half of the cost, the mayor said.",
            ]
        );
        assert!(paras[3].starts_with("\"We have waited"));
        assert!(!text.contains("Home") && !text.contains("Copyright"));
        assert_eq!(meta.title.as_deref(), Some("Bridge vote passes"));
        assert_eq!(meta.outlet.as_deref(), Some("The Valley Herald"));
        assert_eq!(meta.date.as_deref(), Some("2026-03-04"));
        assert_eq!(meta.author.as_deref(), Some("Ana Ruiz"));
        let page: Vec<&str> = PAGE.lines().collect();
        for l in &lines {
            let para = &text[paragraph_ranges(&text, &lines)[l.block - 1].clone()];
            let first = para.split_whitespace().next().unwrap();
            let first = first.trim_matches(|c: char| !c.is_alphanumeric());
            assert!(
                page[l.line - 1].contains(first),
                "{para} -> line {}",
                l.line
            );
        }
        assert_eq!(lines[2].line, 10); // the text after the <br>, on the same line
    }

    #[test]
    fn locate_skips_attributes() {
        let html = r#"<a title="Work will start">x</a><p>Work will start soon</p>"#;
        let at = locate(html, 0, "Work will start soon").unwrap();
        assert_eq!(&html[at..at + 4], "Work");
        assert!(at > 20);
    }

    #[test]
    fn a_page_without_text_is_an_error() {
        assert!(extract("<html><body><div> </div></body></html>").is_err());
    }
}

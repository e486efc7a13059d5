//! Archives as JSON lines: one article per line in, one story of [`Document`]s at a time out.
//!
//! Takes a reader over an archive (`{"id": ..., "text" | "html": ..., "story": ..., "outlet",
//! "title", "date", "url"}` per line) and yields its stories in order, each the articles of
//! consecutive lines with the same `story`. The one idea: memory is bounded by the largest
//! story, not the archive, because a story is complete as soon as a line of another story
//! starts; so the archive must be grouped by story, and a story that comes back after another
//! one is an error rather than a silent second story. An article without `story` belongs to
//! the story named after the file (its stem; `stdin` for standard input).

use std::collections::HashMap;
use std::io::BufRead;

use serde::Deserialize;

use crate::error::{Error, Result};
use crate::pipeline::document::{self, Document};
use crate::pipeline::html;

/// One line of an archive.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Article {
    id: String,
    #[serde(default)]
    text: Option<String>,
    #[serde(default)]
    html: Option<String>,
    #[serde(default)]
    story: Option<String>,
    #[serde(default)]
    outlet: Option<String>,
    #[serde(default)]
    title: Option<String>,
    #[serde(default)]
    date: Option<String>,
    #[serde(default)]
    url: Option<String>,
}

/// The articles of one story, in archive order.
#[derive(Debug)]
pub struct Story {
    /// The story id (`story` of its lines).
    pub id: String,
    /// Its articles, labelled by their `id`.
    pub documents: Vec<Document>,
}

/// The stories of an archive, one at a time.
pub struct Stories<R> {
    reader: R,
    path: String,
    default_story: String,
    line: usize,
    buf: String,
    /// The first article of the next story, read while finishing the current one.
    pending: Option<(String, Document)>,
    /// Every story already yielded, with the line it started on.
    seen: HashMap<String, usize>,
    done: bool,
}

impl<R: BufRead> Stories<R> {
    /// Reads `reader`; `path` names it in messages, `default_story` is the story of lines
    /// without one.
    pub fn new(reader: R, path: String, default_story: String) -> Stories<R> {
        Stories {
            reader,
            path,
            default_story,
            line: 0,
            buf: String::new(),
            pending: None,
            seen: HashMap::new(),
            done: false,
        }
    }

    /// The next article: its story and document, or `None` at the end.
    fn next_article(&mut self) -> Result<Option<(String, Document)>> {
        loop {
            self.buf.clear();
            let read = self
                .reader
                .read_line(&mut self.buf)
                .map_err(|e| self.error(format!("cannot read: {e}")))?;
            if read == 0 {
                return Ok(None);
            }
            self.line += 1;
            if self.buf.trim().is_empty() {
                continue;
            }
            let article: Article = serde_json::from_str(&self.buf)
                .map_err(|e| self.error(format!("not a valid article: {e}")))?;
            return self.document(article).map(Some);
        }
    }

    fn document(&self, a: Article) -> Result<(String, Document)> {
        let story = a.story.unwrap_or_else(|| self.default_story.clone());
        let at = format!("{}:{}", self.path, self.line);
        let mut doc = match (a.text, a.html) {
            (Some(text), None) => document::from_bytes(a.id, at, text.into_bytes()),
            (None, Some(page)) => html::document(a.id, at, page.into_bytes()),
            _ => return Err(self.error("needs exactly one of \"text\" and \"html\"")),
        }
        .map_err(|e| self.error(problem(e)))?;
        let meta = &mut doc.meta;
        if let Some(outlet) = a.outlet {
            meta.aliases.clear();
            document::set_outlet(meta, &outlet);
        }
        meta.title = a.title.or(meta.title.take());
        meta.date = a.date.or(meta.date.take());
        meta.url = a.url.or(meta.url.take());
        Ok((story, doc))
    }

    fn error(&self, problem: impl Into<String>) -> Error {
        Error::input(
            self.path.clone(),
            format!("line {}: {}", self.line, problem.into()),
        )
    }

    fn next_story(&mut self) -> Result<Option<Story>> {
        let first = match self.pending.take() {
            Some(p) => p,
            None => match self.next_article()? {
                Some(a) => a,
                None => return Ok(None),
            },
        };
        let (id, doc) = first;
        let start = self.line;
        if let Some(line) = self.seen.get(&id) {
            return Err(self.error(format!(
                "story '{id}' already appeared from line {line}; the archive must be grouped \
                 by story (sort it by story first)"
            )));
        }
        self.seen.insert(id.clone(), start);
        let mut documents = vec![doc];
        while let Some((story, doc)) = self.next_article()? {
            if story != id {
                self.pending = Some((story, doc));
                break;
            }
            if let Some(first) = documents.iter().find(|d| d.label == doc.label) {
                return Err(self.error(format!(
                    "duplicate id '{}' in story '{id}' (also at {})",
                    doc.label, first.path
                )));
            }
            documents.push(doc);
        }
        Ok(Some(Story { id, documents }))
    }
}

/// The message of a document error without its path (the caller names file and line).
fn problem(e: Error) -> String {
    match e {
        Error::Input { problem, .. } => problem,
        other => other.to_string(),
    }
}

impl<R: BufRead> Iterator for Stories<R> {
    type Item = Result<Story>;

    fn next(&mut self) -> Option<Result<Story>> {
        if self.done {
            return None;
        }
        let next = self.next_story().transpose();
        if !matches!(next, Some(Ok(_))) {
            self.done = true;
        }
        next
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn stories(archive: &str) -> Result<Vec<(String, Vec<String>)>> {
        Stories::new(archive.as_bytes(), "a.jsonl".into(), "a".into())
            .map(|s| s.map(|s| (s.id, s.documents.into_iter().map(|d| d.label).collect())))
            .collect()
    }

    #[test]
    fn consecutive_lines_of_a_story_form_it() {
        let archive = r#"{"id":"x","story":"s1","text":"One."}
{"id":"y","story":"s1","text":"Two."}

{"id":"x","story":"s2","html":"<p>The council voted on Tuesday to rebuild the bridge.</p>"}
{"id":"z","text":"Three."}
"#;
        let got = stories(archive).unwrap();
        assert_eq!(
            got,
            [
                ("s1".to_string(), vec!["x".to_string(), "y".to_string()]),
                ("s2".to_string(), vec!["x".to_string()]),
                ("a".to_string(), vec!["z".to_string()]),
            ]
        );
    }

    #[test]
    fn metadata_fields_fill_the_document() {
        let archive = r#"{"id":"x","text":"One.","outlet":"The Valley Herald (the Herald)","date":"2026-03-04","title":"T","url":"u"}"#;
        let story = Stories::new(archive.as_bytes(), "a".into(), "a".into())
            .next()
            .unwrap()
            .unwrap();
        let meta = &story.documents[0].meta;
        assert_eq!(meta.outlet.as_deref(), Some("The Valley Herald"));
        assert_eq!(meta.aliases, ["the Herald"]);
        assert_eq!(meta.date.as_deref(), Some("2026-03-04"));
        assert_eq!(story.documents[0].path, "a:1");
    }

    #[test]
    fn bad_lines_name_the_line() {
        let cases = [
            ("{\"id\":\"x\",\"text\":\"A.\"}\n{oops\n", "a.jsonl: line 2: not a valid article"),
            ("{\"text\":\"A.\"}\n", "a.jsonl: line 1: not a valid article: missing field `id`"),
            ("{\"id\":\"x\"}\n", "a.jsonl: line 1: needs exactly one of"),
            ("{\"id\":\"x\",\"text\":\" \"}\n", "a.jsonl: line 1: empty article"),
            (
                "{\"id\":\"x\",\"story\":\"s\",\"text\":\"A.\"}\n{\"id\":\"x\",\"story\":\"s\",\"text\":\"B.\"}\n",
                "a.jsonl: line 2: duplicate id 'x' in story 's' (also at a.jsonl:1)",
            ),
            (
                "{\"id\":\"x\",\"story\":\"s\",\"text\":\"A.\"}\n{\"id\":\"y\",\"story\":\"t\",\"text\":\"B.\"}\n{\"id\":\"z\",\"story\":\"s\",\"text\":\"C.\"}\n",
                "a.jsonl: line 3: story 's' already appeared from line 1",
            ),
        ];
        for (archive, want) in cases {
            let err = stories(archive).unwrap_err().to_string();
            assert!(err.starts_with(want), "{err}");
            assert!(!err.contains('\n'));
        }
    }
}

//! Input formats: which reader turns which input into a [`Document`].
//!
//! Takes the inputs named on the command line and the `--input-format` choice; returns the
//! loaded documents. The one idea: the format is decided once per input, here, by the choice
//! or the file's extension, and every later stage sees only documents.

use crate::error::{Error, Result};
use crate::pipeline::document::{self, Document, Input};
use crate::pipeline::html;

/// How inputs are read. The variants' comments are `--input-format`'s help: plain words.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, clap::ValueEnum)]
pub enum InputFormat {
    /// By extension: .html and .htm are web pages, .jsonl archives, anything else text
    #[default]
    Auto,
    /// Plain text, with an optional metadata header
    Text,
    /// A saved web page; the article is read out of it
    Html,
    /// A JSON lines archive: one article per line, grouped by story (compare only)
    Jsonl,
}

impl InputFormat {
    /// The format of one input: the choice, or for `Auto` its extension.
    pub fn of(self, input: &Input) -> InputFormat {
        if self != InputFormat::Auto {
            return self;
        }
        let ext = input
            .path
            .extension()
            .map(|e| e.to_string_lossy().to_ascii_lowercase());
        match ext.as_deref() {
            Some("html" | "htm") => InputFormat::Html,
            Some("jsonl") => InputFormat::Jsonl,
            _ => InputFormat::Text,
        }
    }
}

/// Reads one input in its format, refusing one larger than `max_bytes`.
pub fn load(input: &Input, format: InputFormat, max_bytes: u64) -> Result<Document> {
    let label = input.label.clone().unwrap_or_else(|| input.default_label());
    match format.of(input) {
        InputFormat::Html => html::document(
            label,
            input.display(),
            document::read_bytes(input, max_bytes)?,
        ),
        InputFormat::Jsonl => Err(Error::input(
            input.display(),
            "JSON lines archives are read by `compare` only",
        )),
        _ => document::load_limited(input, max_bytes),
    }
}

/// Reads every input in its format (see [`document::load_all`]).
pub fn load_all(inputs: &[Input], format: InputFormat, max_bytes: u64) -> Result<Vec<Document>> {
    document::load_all_with(inputs, |input| load(input, format, max_bytes))
}

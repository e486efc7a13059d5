//! `crosscheck segment`: articles in, one sentence per line (or JSON lines) out.

use serde::Serialize;

use crate::cli::cmd::ArticleArgs;
use crate::cli::output;
use crate::error::{Exit, Result};
use crate::pipeline::segment::Segmenter;

/// Output format of `segment`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// One sentence per line.
    #[default]
    Text,
    /// One JSON object per sentence.
    Jsonl,
}

/// Examples shown by `segment --help` (run by the README-examples test).
const EXAMPLES: &str = "\
Examples (from the repository root):
  # One sentence per line
  $ crosscheck segment corpus/ukraine-plan/wsj.txt
  # JSON lines with paragraph, line and byte span; soft-wrapped text read as such
  $ crosscheck segment corpus/ukraine-plan/post.txt --format jsonl --line-breaks wrap";

/// Split articles into sentences, to see where claims are cut.
#[derive(Clone, Debug, clap::Args)]
#[command(after_help = EXAMPLES)]
pub struct Args {
    #[command(flatten)]
    articles: ArticleArgs,

    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    format: Format,
}

#[derive(Serialize)]
struct Row<'a> {
    doc: &'a str,
    sentence: usize,
    paragraph: usize,
    line: usize,
    start: usize,
    end: usize,
    text: &'a str,
}

/// Runs `segment`.
pub fn run(args: &Args) -> Result<Exit> {
    let segmenter = Segmenter::new(args.articles.segment_config()?);
    let mut out = Vec::new();
    for doc in args.articles.load()? {
        for (i, s) in crate::pipeline::sentences_of(&segmenter, &doc)
            .iter()
            .enumerate()
        {
            match args.format {
                Format::Text => {
                    out.extend_from_slice(s.text.as_bytes());
                    out.push(b'\n');
                }
                Format::Jsonl => {
                    let row = Row {
                        doc: &doc.label,
                        sentence: i + 1,
                        paragraph: s.paragraph,
                        line: s.line,
                        start: s.span.start,
                        end: s.span.end,
                        text: &s.text,
                    };
                    serde_json::to_writer(&mut out, &row).expect("rows always serialise");
                    out.push(b'\n');
                }
            }
        }
    }
    output::write_stdout(&out)?;
    Ok(Exit::Success)
}

//! `crosscheck compare`: articles in, the claims CSV (or JSON, or the HTML report) out.

use std::path::PathBuf;

use crate::cli::cmd::{ArticleArgs, ThresholdArgs};
use crate::cli::output;
use crate::error::{Error, Exit, Result};
use crate::report::{self, ReportOptions};

/// Output format of `compare`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// RFC 4180 CSV with a header row.
    #[default]
    Csv,
    /// A JSON array of the same records.
    Json,
    /// One self-contained HTML page: the articles side by side, claims coloured by status,
    /// links drawn between them, flags with their word diff (docs/report.md).
    Html,
}

/// Compare articles on one story and write one row per claim.
#[derive(Clone, Debug, clap::Args)]
pub struct Args {
    #[command(flatten)]
    articles: ArticleArgs,

    #[command(flatten)]
    thresholds: ThresholdArgs,

    /// Write to this file (replaced atomically) instead of stdout.
    #[arg(short, long, value_name = "OUT")]
    output: Option<PathBuf>,

    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Csv)]
    format: Format,

    /// Score every sentence pair instead of the indexed candidates (slow; for comparison).
    #[arg(long)]
    exhaustive: bool,

    /// Worker threads for scoring (default: one per core). The output does not depend on it.
    #[arg(long, value_name = "N", default_value_t = 0)]
    threads: usize,

    /// Print a per-document summary (claims per status, derived-from relations with their
    /// evidence, flags per kind) instead of the claims; `--format json` for JSON.
    #[arg(long)]
    summary: bool,

    /// At most this many references in the `matches` column.
    #[arg(long, value_name = "N", default_value_t = report::DEFAULT_MAX_MATCHES)]
    max_matches: usize,
}

/// Runs `compare`.
pub fn run(args: &Args) -> Result<Exit> {
    if args.summary && args.format == Format::Html {
        return Err(Error::Usage(
            "--summary has no HTML form: the report shows the counts at its top".into(),
        ));
    }
    let mut options = args.articles.options(&args.thresholds)?;
    options.align.exhaustive = args.exhaustive;
    options.align.progress = true;
    let analysis = args.articles.analyze(&options, args.threads)?;
    if args.summary {
        let summary = report::summary(&analysis);
        let bytes = match args.format {
            Format::Csv => report::summary_text(&summary),
            Format::Json | Format::Html => report::summary_json(&summary),
        };
        return output::write(args.output.as_deref(), &bytes).map(|()| Exit::Success);
    }
    let records = || {
        report::records(
            &analysis,
            &ReportOptions {
                max_matches: args.max_matches,
            },
        )
    };
    let bytes = match args.format {
        Format::Csv => report::to_csv(&records()),
        Format::Json => report::to_json(&records()),
        Format::Html => report::html::to_html(&analysis),
    };
    output::write(args.output.as_deref(), &bytes)?;
    Ok(Exit::Success)
}

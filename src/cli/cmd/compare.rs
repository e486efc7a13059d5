//! `crosscheck compare`: articles in, the claims CSV (or JSON, or the HTML report) out;
//! JSON lines archives in, one claim per line out, story by story.

use std::io::{BufRead, BufReader};
use std::path::PathBuf;

use rayon::prelude::*;

use crate::cli::cmd::{ArticleArgs, ThresholdArgs};
use crate::cli::output;
use crate::cli::stream::Sink;
use crate::error::{Error, Exit, Result};
use crate::pipeline::document::Input;
use crate::pipeline::jsonl::{Stories, Story};
use crate::pipeline::similarity::Scorer;
use crate::pipeline::{self, Options};
use crate::report::{self, ReportOptions};
use crate::review::{self, links, Reviews};

/// Output format of `compare`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// RFC 4180 CSV with a header row.
    #[default]
    Csv,
    /// A JSON array of the same records.
    Json,
    /// One JSON object per line: the same records with the story id (`story`) first.
    Jsonl,
    /// One self-contained HTML page: the articles side by side, claims coloured by status,
    /// links drawn between them, flags with their word diff (docs/report.md).
    Html,
}

/// Examples shown by `compare --help` (run by the README-examples test; paths from the
/// repository root).
const EXAMPLES: &str = "\
Examples (from the repository root):
  # The seed pair: one CSV row per claim, on stdout
  $ crosscheck compare corpus/ukraine-plan/wsj.txt corpus/ukraine-plan/post.txt
  # Every .txt in a directory, written atomically to a file
  $ crosscheck compare corpus/wire-rewrite/ -o claims.csv
  # Labels of your choice, JSON
  $ crosscheck compare wsj=corpus/ukraine-plan/wsj.txt post=corpus/ukraine-plan/post.txt --format json
  # Per article: statuses, which article draws on which, integrity flags
  $ crosscheck compare corpus/wire-rewrite/ --summary";

/// Compare articles on one story and write one row per claim.
#[derive(Clone, Debug, clap::Args)]
#[command(after_help = EXAMPLES, mut_arg("input_format", crate::cli::cmd::with_archives))]
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

    /// Worker threads for scoring (default: one per core; at most 256). The output does not
    /// depend on it.
    #[arg(long, value_name = "N", default_value_t = 0)]
    threads: usize,

    /// Print a per-document summary (claims per status, derived-from relations with their
    /// evidence, flags per kind) instead of the claims; `--format json` for JSON.
    #[arg(long)]
    summary: bool,

    /// The reviews file whose link decisions (`linked`, `unlinked`) correct the alignment
    /// (default: reviews.csv in the first article's directory, when it exists).
    #[arg(long, value_name = "FILE", conflicts_with = "no_reviews")]
    reviews: Option<PathBuf>,

    /// Show the alignment as found, ignoring the reviewers' link decisions.
    #[arg(long)]
    no_reviews: bool,

    /// At most this many references in the `matches` column (at least 1: `support` counts
    /// them all).
    #[arg(
        long,
        value_name = "N",
        default_value_t = report::DEFAULT_MAX_MATCHES,
        value_parser = at_least_one
    )]
    max_matches: usize,
}

/// Parses `--max-matches`: 0 would empty `matches` while `support` still counts the links, a
/// row that contradicts itself.
fn at_least_one(arg: &str) -> std::result::Result<usize, String> {
    match arg.parse::<usize>() {
        Ok(0) => Err("must be at least 1 (`support` counts every match; N limits the list)".into()),
        Ok(n) => Ok(n),
        Err(e) => Err(e.to_string()),
    }
}

/// The most worker threads `--threads` accepts: far more than any machine has cores, and
/// few enough that starting them costs nothing noticeable.
pub const MAX_THREADS: usize = 256;

/// Runs `compare`.
pub fn run(args: &Args) -> Result<Exit> {
    if args.threads > MAX_THREADS {
        return Err(crate::error::Error::Usage(format!(
            "--threads {}: at most {MAX_THREADS} (0 means one per core)",
            args.threads
        )));
    }
    args.articles.refuse_output("-o", args.output.as_deref())?;
    if args.summary && args.format == Format::Html {
        return Err(Error::Usage(
            "--summary has no HTML form: the report shows the counts at its top".into(),
        ));
    }
    let mut options = args.articles.options(&args.thresholds)?;
    options.align.exhaustive = args.exhaustive;
    if let Some(archives) = args.articles.archives()? {
        return run_archives(args, &archives, &options);
    }
    options.align.progress = true;
    let analysis = args.articles.analyze(&options, args.threads)?;
    warn_if_one_article(&analysis);
    let analysis = if args.no_reviews {
        analysis
    } else {
        let path = review::path_or_default(args.reviews.as_deref(), &analysis.documents);
        let mut reviews = Reviews::load(&path)?;
        reviews.migrate(&analysis);
        links::apply(analysis, &reviews, &Scorer::new(options.thresholds))
    };
    if args.summary {
        let summary = report::summary(&analysis);
        let bytes = match args.format {
            Format::Csv => report::summary_text(&summary),
            Format::Jsonl => report::summary_jsonl(&summary),
            Format::Json | Format::Html => report::summary_json(&summary),
        };
        return output::write(args.output.as_deref(), &bytes).map(|()| Exit::Success);
    }
    let report = ReportOptions {
        max_matches: args.max_matches,
    };
    let records = || report::records(&analysis, &report);
    let bytes = match args.format {
        Format::Csv => {
            // Row by row into the output: a large article's CSV is never held whole.
            let rows = report::record_iter(&analysis, &report);
            output::write_with(args.output.as_deref(), |out| report::write_csv(out, rows))?;
            return Ok(Exit::Success);
        }
        Format::Json => report::to_json(&records()),
        Format::Jsonl => {
            let mut out = Vec::new();
            report::jsonl::write(&mut out, None, &records());
            out
        }
        Format::Html => report::html::to_html(&analysis),
    };
    output::write(args.output.as_deref(), &bytes)?;
    Ok(Exit::Success)
}

/// Says on stderr that one article was compared with nothing. It is valid input (its claims,
/// attributions and report are still of use, and the output has the usual form), so it is a
/// warning, not an error; but every claim is single-source only because there was nothing to
/// find it in, which the output alone does not tell apart from a real finding.
fn warn_if_one_article(analysis: &pipeline::Analysis) {
    if let [only] = analysis.documents.as_slice() {
        eprintln!(
            "crosscheck: warning: only one article ({}): nothing to cross-check it against, so every claim is single-source; give two or more",
            only.label
        );
    }
}

/// JSON lines archives: each story compared on its own, its claims written as it finishes.
/// Up to one story per worker thread is held at a time, so memory is bounded by the largest
/// stories, not by the archive.
fn run_archives(args: &Args, archives: &[Input], options: &Options) -> Result<Exit> {
    if args.format != Format::Jsonl || args.summary {
        return Err(Error::Usage(
            "JSON lines input writes one claim per line: use --format jsonl (without --summary)"
                .into(),
        ));
    }
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(args.threads)
        .build()
        .map_err(|e| Error::Usage(format!("--threads {}: {e}", args.threads)))?;
    let batch = pool.current_num_threads().max(1);
    let report = ReportOptions {
        max_matches: args.max_matches,
    };
    let mut sink = Sink::open(args.output.as_deref())?;
    for archive in archives {
        let mut stories = archive_stories(archive)?.peekable();
        while stories.peek().is_some() {
            let group: Vec<Story> = stories.by_ref().take(batch).collect::<Result<_>>()?;
            let claims: Vec<Vec<u8>> = pool.install(|| {
                group
                    .into_par_iter()
                    .map(|story| {
                        let analysis = pipeline::analyze(story.documents, options);
                        let mut out = Vec::new();
                        let records = report::records(&analysis, &report);
                        report::jsonl::write(&mut out, Some(&story.id), &records);
                        out
                    })
                    .collect()
            });
            for bytes in claims {
                sink.write(&bytes)?;
            }
        }
    }
    sink.finish()?;
    Ok(Exit::Success)
}

/// The stories of one archive (a file, or `-` for standard input).
fn archive_stories(archive: &Input) -> Result<Stories<Box<dyn BufRead>>> {
    let reader: Box<dyn BufRead> = if archive.is_stdin() {
        Box::new(BufReader::new(std::io::stdin()))
    } else {
        let file = std::fs::File::open(&archive.path).map_err(|source| Error::Read {
            path: archive.path.clone(),
            source,
        })?;
        Box::new(BufReader::with_capacity(1 << 16, file))
    };
    Ok(Stories::new(
        reader,
        archive.display(),
        archive.default_label(),
    ))
}

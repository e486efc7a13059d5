//! `crosscheck eval`: measure crosscheck against answer keys that people labelled.
//!
//! `eval links DIR` runs the compare pipeline on every labelled article pair below DIR (see
//! [`crate::eval::links`] for the format; tests/devset/ is ours) and prints link precision,
//! recall and status accuracy, with `--verbose` every missed or false link.
//!
//! `eval attribution FILE` attributes every article of a JSON-lines file of annotated
//! attributions (see [`crate::eval::attribution`]) and prints sentence- and span-level figures
//! for one part of it (`--part tune|held-out|all`), with `--verbose` every miss.

use std::path::PathBuf;

use crate::cli::cmd::ThresholdArgs;
use crate::cli::output;
use crate::error::{Error, Exit, Result};
use crate::eval::attribution::{self, Part};
use crate::eval::links;
use crate::pipeline::Options;

/// Examples shown by `eval --help` (run by the README-examples test).
const EXAMPLES: &str = "\
Examples (from the repository root):
  # Link precision and recall on our labelled rewrites, with every disagreement
  $ crosscheck eval links tests/devset --verbose
  # Attribution against PolNeAR's training split, on the held-out part
  $ crosscheck eval attribution ../shared/eval/polnear/polnear_train.jsonl --part held-out";

/// Measure crosscheck against labelled data.
#[derive(Clone, Debug, clap::Args)]
#[command(after_help = EXAMPLES)]
pub struct Args {
    /// What to measure.
    #[command(subcommand)]
    what: What,
}

/// The evaluations.
#[derive(Clone, Debug, clap::Subcommand)]
enum What {
    /// Claim matching: link precision and recall on labelled article pairs.
    Links(LinksArgs),
    /// Attribution: cue and source agreement with annotated articles (JSON lines).
    Attribution(AttributionArgs),
}

/// `eval attribution`.
#[derive(Clone, Debug, clap::Args)]
struct AttributionArgs {
    /// A JSON-lines file, one article a line (`id`, `text`, `attributions`).
    #[arg(value_name = "FILE")]
    file: PathBuf,

    /// Which articles: the tune part, the held-out part (the figures to report), or all.
    #[arg(long, value_enum, default_value_t = Part::HeldOut)]
    part: Part,

    /// Also list every missed source and every false one, with the sentence.
    #[arg(short, long)]
    verbose: bool,

    /// Write JSON instead of the table.
    #[arg(long)]
    json: bool,

    /// Write to this file (replaced atomically) instead of stdout.
    #[arg(short, long, value_name = "OUT")]
    output: Option<PathBuf>,
}

/// `eval links`.
#[derive(Clone, Debug, clap::Args)]
struct LinksArgs {
    /// A folder of labelled sets (sub-folders with original.txt, rewrite.txt, links.tsv), or
    /// one set.
    #[arg(value_name = "DIR")]
    dir: PathBuf,

    #[command(flatten)]
    thresholds: ThresholdArgs,

    /// Also list every disagreement with the two sentences.
    #[arg(short, long)]
    verbose: bool,

    /// Write JSON (per set: counts and disagreements) instead of the table.
    #[arg(long)]
    json: bool,

    /// Write to this file (replaced atomically) instead of stdout.
    #[arg(short, long, value_name = "OUT")]
    output: Option<PathBuf>,

    /// Instead of the evaluation, write every sentence pair's measures and label as TSV (for
    /// fitting the matcher).
    #[arg(long)]
    dump_pairs: bool,

    /// Link as before the context stage (a link when stage 1 or the sentence scorer links)
    /// instead of by the context stage, `compare`'s default; to measure the difference.
    #[arg(long)]
    no_context: bool,
}

/// Runs `eval`.
pub fn run(args: &Args) -> Result<Exit> {
    match &args.what {
        What::Links(a) => run_links(a),
        What::Attribution(a) => run_attribution(a),
    }
}

fn run_attribution(args: &AttributionArgs) -> Result<Exit> {
    let mut report = attribution::evaluate(&args.file, args.part)?;
    let bytes = if args.json {
        if !args.verbose {
            report.misses.clear();
            report.false_sources.clear();
            report.span_misses.clear();
        }
        serde_json::to_vec_pretty(&report)
            .map_err(|e| Error::Usage(format!("cannot write JSON: {e}")))?
    } else {
        attribution::to_text(&report, args.verbose).into_bytes()
    };
    output::write(args.output.as_deref(), &bytes)?;
    Ok(Exit::Success)
}

fn run_links(args: &LinksArgs) -> Result<Exit> {
    let mut options = Options {
        thresholds: args.thresholds.thresholds()?,
        ..Options::default()
    };
    options.align.context = !args.no_context;
    if args.dump_pairs {
        let tsv = links::dump_pairs(&args.dir, &options)?;
        output::write(args.output.as_deref(), tsv.as_bytes())?;
        return Ok(Exit::Success);
    }
    let results = links::evaluate(&args.dir, &options)?;
    let bytes = if args.json {
        serde_json::to_vec_pretty(&results)
            .map_err(|e| Error::Usage(format!("cannot write JSON: {e}")))?
    } else {
        links::to_text(&results, args.verbose).into_bytes()
    };
    output::write(args.output.as_deref(), &bytes)?;
    Ok(Exit::Success)
}

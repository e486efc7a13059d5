//! `crosscheck eval`: measure crosscheck against answer keys that people labelled.
//!
//! `eval links DIR` runs the compare pipeline on every labelled article pair below DIR (see
//! [`crate::eval::links`] for the format; tests/devset/ is ours) and prints link precision,
//! recall and status accuracy, with `--verbose` every missed or false link.

use std::path::PathBuf;

use crate::cli::cmd::ThresholdArgs;
use crate::cli::output;
use crate::error::{Error, Exit, Result};
use crate::eval::links;
use crate::pipeline::Options;

/// Measure crosscheck against labelled data.
#[derive(Clone, Debug, clap::Args)]
#[command(after_help = "Example:\n  crosscheck eval links tests/devset --verbose")]
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
}

/// Runs `eval`.
pub fn run(args: &Args) -> Result<Exit> {
    match &args.what {
        What::Links(a) => run_links(a),
    }
}

fn run_links(args: &LinksArgs) -> Result<Exit> {
    let options = Options {
        thresholds: args.thresholds.thresholds()?,
        ..Options::default()
    };
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

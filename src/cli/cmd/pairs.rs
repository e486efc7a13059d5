//! `crosscheck pairs FILE`: score sentence pairs, one CSV row `score,verdict` per input pair.
//!
//! Input: lines of `sentence A<TAB>sentence B`, or the MSRP format (detected from its
//! `Quality<TAB>...` header). Blank lines are skipped. With `--eval` and a labelled (MSRP)
//! file, prints accuracy and paraphrase F1 to stderr, so users can tune thresholds on their own
//! labelled pairs.

use std::fmt::Write as _;
use std::path::PathBuf;

use rayon::prelude::*;

use crate::cli::cmd::ThresholdArgs;
use crate::cli::output;
use crate::error::{Error, Exit, Result};
use crate::pipeline::similarity::fit::{self, Metrics};
use crate::pipeline::similarity::{Features, Scorer, Verdict};

/// Examples shown by `pairs --help` (run by the README-examples test).
const EXAMPLES: &str = "\
Examples:
  # Unlabelled pairs on stdin: one `score,verdict` line each
  $ printf 'The vote was 6-1.\\tThe council voted 6-1.\\n' | crosscheck pairs -
  # A labelled file (MSRP format): accuracy and F1 on stderr
  $ crosscheck pairs ../shared/eval/msrp/msr_paraphrase_train.txt --eval -o scores.csv";

/// Score sentence pairs as CSV `score,verdict`.
#[derive(Clone, Debug, clap::Args)]
#[command(after_help = EXAMPLES)]
pub struct Args {
    /// Pair file: `A<TAB>B` lines or the MSRP format; `-` for stdin.
    #[arg(value_name = "FILE")]
    file: PathBuf,

    #[command(flatten)]
    thresholds: ThresholdArgs,

    /// With a labelled (MSRP) file: print accuracy and paraphrase F1 to stderr
    /// (paraphrase = any verdict but `different`).
    #[arg(long)]
    eval: bool,

    /// Score with the fitted model alone, without the conflict and merged-claim rules
    /// (see docs/accuracy.md).
    #[arg(long)]
    no_rules: bool,

    /// Write to this file (replaced atomically) instead of stdout.
    #[arg(short, long, value_name = "OUT")]
    output: Option<PathBuf>,
}

/// Runs `pairs`.
pub fn run(args: &Args) -> Result<Exit> {
    let mut scorer = Scorer::new(args.thresholds.thresholds()?);
    scorer.rules = !args.no_rules;
    if let Some(out) = &args.output {
        output::refuse_input("-o", out, &[&args.file])?;
    }
    let pairs = fit::read_pairs(&args.file)?;
    // validate before writing: an --eval that cannot run leaves no output behind
    if args.eval && pairs.iter().any(|p| p.label.is_none()) {
        return Err(Error::Usage(format!(
            "{}: --eval needs labelled pairs (the MSRP format)",
            args.file.display()
        )));
    }
    let scores: Vec<_> = pairs
        .par_iter()
        .map(|p| scorer.score(&Features::new(&p.a), &Features::new(&p.b)))
        .collect();
    let mut out = String::from("score,verdict\n");
    for s in &scores {
        let _ = writeln!(out, "{:.4},{}", s.value, s.verdict);
    }
    output::write(args.output.as_deref(), out.as_bytes())?;
    if args.eval {
        let mut m = Metrics::default();
        for (p, s) in pairs.iter().zip(&scores) {
            if let Some(label) = p.label {
                m.add(s.verdict != Verdict::Different, label);
            }
        }
        eprintln!(
            "pairs {}  accuracy {:.2}%  paraphrase F1 {:.2}",
            m.n,
            m.accuracy(),
            m.f1()
        );
    }
    Ok(Exit::Success)
}

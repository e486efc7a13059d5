//! `crosscheck explain "A" "B"`: the score, the verdict and every piece of evidence behind it.

use crate::cli::cmd::ThresholdArgs;
use crate::cli::output;
use crate::error::{Exit, Result};
use crate::pipeline::similarity::Scorer;

/// Explain the score and verdict of one sentence pair.
#[derive(Clone, Debug, clap::Args)]
pub struct Args {
    /// First sentence.
    #[arg(value_name = "A")]
    a: String,

    /// Second sentence.
    #[arg(value_name = "B")]
    b: String,

    #[command(flatten)]
    thresholds: ThresholdArgs,
}

/// Runs `explain`.
pub fn run(args: &Args) -> Result<Exit> {
    let scorer = Scorer::new(args.thresholds.thresholds()?);
    let text = scorer.explain(&args.a, &args.b).to_string();
    output::write_stdout(text.as_bytes())?;
    Ok(Exit::Success)
}

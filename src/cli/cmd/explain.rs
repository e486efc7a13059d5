//! `crosscheck explain "A" "B"`: the score, the verdict and every piece of evidence behind it.

use crate::cli::cmd::ThresholdArgs;
use crate::cli::output;
use crate::error::{Exit, Result};
use crate::pipeline::similarity::Scorer;

/// Examples shown by `explain --help` (run by the README-examples test).
const EXAMPLES: &str = "\
Examples:
  # The same claim with a changed figure: paraphrased, and why
  $ crosscheck explain 'The council voted 6-1 on Tuesday to spend $4.2 million on the new bridge, officials said.' 'Officials said the council approved $4.8 million for the bridge on Tuesday.'
  # Two unrelated sentences: different
  $ crosscheck explain 'The mayor said the bridge would open in May.' 'Fans cheered as the home team won the final in overtime.'";

/// Explain the score and verdict of one sentence pair.
#[derive(Clone, Debug, clap::Args)]
#[command(after_help = EXAMPLES)]
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

//! The command line: clap definitions and dispatch to the subcommands.

pub mod cmd;
pub mod memory;
pub mod output;
pub mod signals;
pub mod stream;
pub mod terminal;

use clap::{Parser, Subcommand};

use crate::error::{Exit, Result};

/// Examples shown by `crosscheck --help` (run by the README-examples test).
const EXAMPLES: &str = "\
Examples (from the repository root):
  # The seed pair: one CSV row per claim
  $ crosscheck compare corpus/ukraine-plan/wsj.txt corpus/ukraine-plan/post.txt
  # The CI gate on the seed pair
  $ crosscheck check corpus/ukraine-plan/
`crosscheck help COMMAND` shows each command's options and examples.";

/// Cross-check the claims and attributions of news articles covering the same story.
#[derive(Debug, Parser)]
#[command(name = "crosscheck", version, about, long_about = None, after_help = EXAMPLES)]
pub struct Cli {
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Compare articles on one story: one CSV row per claim, with status and attribution.
    Compare(cmd::compare::Args),
    /// Split articles into sentences (one per line, or JSON lines).
    Segment(cmd::segment::Args),
    /// Score sentence pairs (`A<TAB>B` lines or the MSRP format) as CSV `score,verdict`.
    Pairs(cmd::pairs::Args),
    /// Explain the score and verdict of two sentences, or of two claims of articles.
    ///
    /// Two sentences:   crosscheck explain "The council voted 6-1." "The council approved it 6-1."
    ///
    /// Two claims:      crosscheck explain corpus/wire-rewrite/ --claims rewrite:3 wire:3
    ///
    /// Claims are named LABEL:SENTENCE (1-based), as the claims CSV and `review --list` name
    /// them; the articles are analysed as `compare` analyses them and the evidence is the
    /// evidence `compare` used. Two bare LABEL:SENTENCE arguments are an error (exit 2).
    #[command(verbatim_doc_comment)]
    Explain(cmd::explain::Args),
    /// Fit the similarity model on MSRP pairs: cross-validate, print, regenerate constants.
    Fit(cmd::fit::Args),
    /// Review single-source claims, one at a time, and record decisions.
    Review(cmd::review::Args),
    /// Check articles against the review policy (for CI): exit 0 ok, 1 failed, 2 error.
    Check(cmd::check::Args),
    /// Measure crosscheck against labelled data (link precision and recall).
    Eval(cmd::eval::Args),
}

/// Runs a parsed command line.
pub fn run(cli: &Cli) -> Result<Exit> {
    signals::install();
    match &cli.command {
        Command::Compare(args) => cmd::compare::run(args),
        Command::Segment(args) => cmd::segment::run(args),
        Command::Pairs(args) => cmd::pairs::run(args),
        Command::Explain(args) => cmd::explain::run(args),
        Command::Fit(args) => cmd::fit::run(args),
        Command::Review(args) => cmd::review::run(args),
        Command::Check(args) => cmd::check::run(args),
        Command::Eval(args) => cmd::eval::run(args),
    }
}

/// `n` and the noun in the number it takes: "1 decision", "2 decisions", "0 decisions".
pub fn count(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

#[cfg(test)]
mod tests {
    #[test]
    fn cli_definition_is_valid() {
        use clap::CommandFactory;
        super::Cli::command().debug_assert();
    }

    #[test]
    fn a_count_of_one_takes_the_singular() {
        assert_eq!(super::count(1, "decision", "decisions"), "1 decision");
        assert_eq!(super::count(0, "decision", "decisions"), "0 decisions");
        assert_eq!(
            super::count(2, "stale review", "stale reviews"),
            "2 stale reviews"
        );
    }
}

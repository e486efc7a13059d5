//! `crosscheck check`: articles, their reviews and a policy in; a verdict and an exit code out.
//!
//! Exit codes (as ripgrep): 0 the policy holds, 1 it does not, 2 an error (bad article, bad
//! reviews file, bad config), reported on one line naming the file and the problem.

use std::path::PathBuf;

use crate::cli::cmd::{ArticleArgs, ThresholdArgs};
use crate::cli::output;
use crate::error::{Exit, Result};
use crate::review::check::{self, Policy};
use crate::review::{self, Reviews};

/// Output format of `check`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// One `path:line: level: message` line per problem, then a summary line.
    #[default]
    Text,
    /// GitHub Actions annotations (`::error file=PATH,line=N::...`), then the summary line.
    Github,
}

/// Examples shown by `check --help` (run by the README-examples test).
const EXAMPLES: &str = "\
Examples (from the repository root):
  # The gate: exit 0 ok, 1 the policy is broken, 2 an error
  $ crosscheck check corpus/ukraine-plan/
  # GitHub annotations on stdout and a JUnit report for the CI's test view
  $ crosscheck check corpus/ukraine-plan/ --format github --junit report.xml";

/// Check articles against the review policy (for CI).
#[derive(Clone, Debug, clap::Args)]
#[command(after_help = EXAMPLES)]
pub struct Args {
    #[command(flatten)]
    articles: ArticleArgs,

    #[command(flatten)]
    thresholds: ThresholdArgs,

    /// The reviews file (default: reviews.csv in the first article's directory). A missing file
    /// means nothing has been reviewed yet.
    #[arg(long, value_name = "FILE")]
    reviews: Option<PathBuf>,

    /// Policy settings (TOML; see docs/ci.md). Without it the default policy applies: every
    /// single-source claim has a decision and none is disputed.
    #[arg(long, value_name = "FILE")]
    config: Option<PathBuf>,

    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    format: Format,

    /// Also write a JUnit XML report to this file (replaced atomically).
    #[arg(long, value_name = "FILE")]
    junit: Option<PathBuf>,
}

/// Runs `check`.
pub fn run(args: &Args) -> Result<Exit> {
    let policy = match &args.config {
        Some(path) => Policy::load(path)?,
        None => Policy::default(),
    };
    let options = args.articles.options(&args.thresholds)?;
    let analysis = args.articles.analyze(&options, 0)?;
    let reviews_path = review::path_or_default(args.reviews.as_deref(), &analysis.documents);
    let reviews = Reviews::load(&reviews_path)?;
    let report = check::evaluate(&analysis, &reviews, &policy);
    if let Some(path) = &args.junit {
        output::write_atomic(path, check::junit(&analysis, &report).as_bytes())?;
    }
    let text = match args.format {
        Format::Text => check::summary(&analysis, &report, &reviews_path),
        Format::Github => check::github(&analysis, &report, &reviews_path),
    };
    output::write_stdout(text.as_bytes())?;
    Ok(if report.passed() {
        Exit::Success
    } else {
        Exit::Failure
    })
}

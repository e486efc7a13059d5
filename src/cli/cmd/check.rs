//! `crosscheck check`: articles, their reviews and a policy in; a verdict and an exit code out.
//!
//! Exit codes (as ripgrep): 0 the policy holds, 1 it does not, 2 an error (bad article, bad
//! reviews file, bad config), reported on one line naming the file and the problem.

use std::path::PathBuf;

use crate::cli::cmd::{ArticleArgs, ThresholdArgs};
use crate::cli::output;
use crate::error::{Exit, Result};
use crate::pipeline::similarity::Scorer;
use crate::review::check::{self, Policy};
use crate::review::{self, links, Reviews};

/// Output format of `check`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// One `path:line: level: message` line per problem, then a summary line.
    #[default]
    Text,
    /// GitHub Actions annotations (`::error file=PATH,line=N::...`), most severe first, ten of
    /// each level (see --max-annotations), then the summary line; with `$GITHUB_STEP_SUMMARY`
    /// set, a Markdown job summary is appended to that file.
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

    /// With `--format github`: at most this many error and this many warning annotations
    /// (GitHub shows ten of each per step), then a notice counting the rest; 0 for all.
    #[arg(long, value_name = "N", default_value_t = check::GITHUB_MAX_ANNOTATIONS)]
    max_annotations: usize,

    /// Also write a JUnit XML report to this file (replaced atomically).
    #[arg(long, value_name = "FILE")]
    junit: Option<PathBuf>,
}

/// How many findings the job summary lists.
const STEP_SUMMARY_FINDINGS: usize = 20;

/// Appends to the job summary file: GitHub concatenates what every step appends.
fn append(path: &std::path::Path, bytes: &[u8]) -> Result<()> {
    use std::io::Write;
    std::fs::OpenOptions::new()
        .create(true)
        .append(true)
        .open(path)
        .and_then(|mut f| f.write_all(bytes))
        .map_err(|source| crate::error::Error::Write {
            path: path.to_path_buf(),
            source,
        })
}

/// Runs `check`.
pub fn run(args: &Args) -> Result<Exit> {
    if let Some(junit) = &args.junit {
        let mut inputs = args.articles.input_paths()?;
        inputs.extend(args.reviews.iter().cloned());
        inputs.extend(args.config.iter().cloned());
        output::refuse_input("--junit", junit, &inputs)?;
    }
    let policy = match &args.config {
        Some(path) => Policy::load(path)?,
        None => Policy::default(),
    };
    let options = args.articles.options(&args.thresholds)?;
    let analysis = args.articles.analyze(&options, 0)?;
    let reviews_path = review::path_or_default(args.reviews.as_deref(), &analysis.documents);
    let mut reviews = Reviews::load(&reviews_path)?;
    if let Some(junit) = &args.junit {
        // the default reviews file is known only now
        output::refuse_input("--junit", junit, &[&reviews_path])?;
    }
    reviews.migrate(&analysis);
    let analysis = links::apply(analysis, &reviews, &Scorer::new(options.thresholds));
    let report = check::evaluate(&analysis, &reviews, &policy);
    if let Some(path) = &args.junit {
        output::write_atomic(path, check::junit(&analysis, &report).as_bytes())?;
    }
    let text = match args.format {
        Format::Text => check::summary(&analysis, &report, &reviews_path),
        Format::Github => {
            if let Some(path) = std::env::var_os("GITHUB_STEP_SUMMARY").filter(|p| !p.is_empty()) {
                let summary = check::step_summary(&analysis, &report, STEP_SUMMARY_FINDINGS);
                append(std::path::Path::new(&path), summary.as_bytes())?;
            }
            check::github_limited(&analysis, &report, &reviews_path, args.max_annotations)
        }
    };
    output::write_stdout(text.as_bytes())?;
    Ok(if report.passed() {
        Exit::Success
    } else {
        Exit::Failure
    })
}

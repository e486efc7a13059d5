//! `crosscheck fit MSRP_FILE`: cross-validate the similarity model, print the table, and
//! (with `--write`) regenerate the committed constants in `src/pipeline/similarity/model.rs`.
//!
//! Also prints, for every measure, the cross-validated accuracy and F1 without it and with it
//! alone, so which evidence helps is measured rather than guessed.

use std::fmt::Write as _;
use std::path::PathBuf;

use crate::cli::output;
use crate::error::{Error, Exit, Result};
use crate::pipeline::similarity::features::{N, NAMES};
use crate::pipeline::similarity::fit::{self, Metrics};

/// Examples shown by `fit --help` (run by the README-examples test when the data is there).
const EXAMPLES: &str = "\
Examples (the public MSRP training split, in ../shared/eval beside the repository):
  # Cross-validate the model, print it
  $ crosscheck fit ../shared/eval/msrp/msr_paraphrase_train.txt --folds 10
  # Refit and write the model as Rust source (it belongs in src/pipeline/similarity/model.rs)
  $ crosscheck fit ../shared/eval/msrp/msr_paraphrase_train.txt --folds 2 --write model.rs";

/// Fit the similarity model on a labelled pair file (MSRP format) with k-fold cross-validation.
#[derive(Clone, Debug, clap::Args)]
#[command(after_help = EXAMPLES)]
pub struct Args {
    /// Labelled pairs in the MSRP format (e.g. ../shared/eval/msrp/msr_paraphrase_train.txt).
    #[arg(value_name = "MSRP_FILE")]
    file: PathBuf,

    /// Number of cross-validation folds (pair i goes to fold i % k).
    #[arg(long, default_value_t = 10)]
    folds: usize,

    /// Write the model fitted on all pairs as Rust source to this file
    /// (src/pipeline/similarity/model.rs; rebuild afterwards).
    #[arg(long, value_name = "RS_FILE")]
    write: Option<PathBuf>,

    /// Write the stem document frequencies of the file's sentences (labels unused) to this
    /// file (src/data/stem_df.txt, the IDF table; rebuild afterwards, then refit).
    #[arg(long, value_name = "TXT_FILE")]
    write_df: Option<PathBuf>,

    /// Also cross-validate each measure left out and each measure alone.
    #[arg(long)]
    ablation: bool,

    /// Measures to leave out of the model (comma-separated names).
    #[arg(long, value_name = "NAMES", value_delimiter = ',')]
    without: Vec<String>,
}

/// Runs `fit`.
#[allow(clippy::needless_range_loop)] // One row per measure index.
pub fn run(args: &Args) -> Result<Exit> {
    if args.folds < 2 {
        return Err(Error::Usage("--folds must be at least 2".into()));
    }
    let mut mask = [true; N];
    for name in &args.without {
        let j = NAMES.iter().position(|n| n == name).ok_or_else(|| {
            Error::Usage(format!(
                "unknown measure {name:?}; measures: {}",
                NAMES.join(", ")
            ))
        })?;
        mask[j] = false;
    }
    for (flag, out) in [("--write", &args.write), ("--write-df", &args.write_df)] {
        if let Some(out) = out {
            output::refuse_input(flag, out, &[&args.file])?;
        }
    }
    let pairs = fit::read_pairs(&args.file)?;
    if pairs.is_empty() {
        // an all-zero model written over the committed one would pass every build
        return Err(Error::input(
            args.file.display().to_string(),
            "no pairs: fit needs MSRP lines (Quality, #1 ID, #2 ID, #1 String, #2 String)",
        ));
    }
    let y: Vec<bool> = pairs
        .iter()
        .enumerate()
        .map(|(i, p)| {
            p.label.ok_or_else(|| {
                Error::input(
                    args.file.display().to_string(),
                    format!("pair {} has no label: fit needs the MSRP format", i + 1),
                )
            })
        })
        .collect::<Result<_>>()?;
    if let Some(path) = &args.write_df {
        let src = fit::render_stem_df(
            &pairs,
            "cargo run --release -- fit MSRP_FILE --write-df src/data/stem_df.txt",
        );
        output::write(Some(path), src.as_bytes())?;
    }
    let (x, rule) = fit::measure_all(&pairs);
    let none = vec![None; rule.len()];
    let cv = fit::cross_validate(&x, &none, &y, args.folds, &mask);
    let cv_rule = fit::cross_validate(&x, &rule, &y, args.folds, &mask);
    let model = fit::fit(&x, &y, &mask);
    let pred: Vec<bool> = x
        .iter()
        .map(|r| model.weights.probability(r) >= model.threshold)
        .collect();
    let train = Metrics::of(&pred, &y);
    let pred_rule: Vec<bool> = pred
        .iter()
        .zip(&rule)
        .map(|(&p, &r)| r.unwrap_or(p))
        .collect();
    let train_rule = Metrics::of(&pred_rule, &y);

    let mut out = String::new();
    let _ = writeln!(out, "fold  pairs  accuracy  F1");
    for (f, m) in cv.folds.iter().enumerate() {
        let _ = writeln!(
            out,
            "{:>4}  {:>5}  {:>8.2}  {:.2}",
            f,
            m.n,
            m.accuracy(),
            m.f1()
        );
    }
    let _ = writeln!(
        out,
        "  cv  {:>5}  {:>8.2}  {:.2}   ({}-fold, pooled)",
        cv.total.n,
        cv.total.accuracy(),
        cv.total.f1(),
        args.folds
    );
    let _ = writeln!(
        out,
        "  cv  {:>5}  {:>8.2}  {:.2}   (with the rules: conflict, merged claim)",
        cv_rule.total.n,
        cv_rule.total.accuracy(),
        cv_rule.total.f1()
    );
    for (name, forced) in [("merged-claim", true), ("conflict", false)] {
        let _ = writeln!(
            out,
            "{name} rule holds for {} pairs ({} of them paraphrases)",
            rule.iter().filter(|&&r| r == Some(forced)).count(),
            rule.iter()
                .zip(&y)
                .filter(|(&r, &l)| r == Some(forced) && l)
                .count()
        );
    }
    let always = Metrics::of(&vec![true; y.len()], &y);
    let _ = writeln!(
        out,
        "always-paraphrase  {:>6.2}  {:.2}",
        always.accuracy(),
        always.f1()
    );
    let _ = writeln!(
        out,
        "refit on all pairs {:>6.2}  {:.2}   (threshold {:.4})",
        train.accuracy(),
        train.f1(),
        model.threshold
    );
    let _ = writeln!(
        out,
        "refit, with the rules {:>5.2}  {:.2}   (crosscheck pairs; --no-rules: line above)",
        train_rule.accuracy(),
        train_rule.f1()
    );
    let _ = writeln!(
        out,
        "\nheld-out probabilities at fixed thresholds, model alone (for tuning):"
    );
    let _ = writeln!(out, "threshold  accuracy  F1");
    for t in [0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.65, 0.7] {
        let pred: Vec<bool> = cv.probabilities.iter().map(|&p| p >= t).collect();
        let m = Metrics::of(&pred, &y);
        let _ = writeln!(out, "{t:>9.2}  {:>8.2}  {:.2}", m.accuracy(), m.f1());
    }
    let _ = writeln!(out, "\nmeasure                 weight");
    for j in 0..N {
        let _ = writeln!(out, "{:<22} {:>+8.3}", NAMES[j], model.weights.weights[j]);
    }
    let _ = writeln!(out, "{:<22} {:>+8.3}", "intercept", model.weights.bias);
    if args.ablation {
        let _ = writeln!(
            out,
            "\nmeasure                 without: acc    F1   alone: acc    F1"
        );
        for j in 0..N {
            let mut without = mask;
            without[j] = false;
            let mut alone = [false; N];
            alone[j] = true;
            let a = fit::cross_validate(&x, &none, &y, args.folds, &without).total;
            let b = fit::cross_validate(&x, &none, &y, args.folds, &alone).total;
            let _ = writeln!(
                out,
                "{:<22}          {:>6.2} {:>6.2}        {:>6.2} {:>6.2}",
                NAMES[j],
                a.accuracy(),
                a.f1(),
                b.accuracy(),
                b.f1()
            );
        }
    }
    output::write_stdout(out.as_bytes())?;
    if let Some(path) = &args.write {
        let mut command = format!(
            "cargo run --release -- fit MSRP_FILE --folds {}",
            args.folds
        );
        if !args.without.is_empty() {
            let _ = write!(command, " --without {}", args.without.join(","));
        }
        let _ = write!(command, " --write src/pipeline/similarity/model.rs");
        let src = fit::render_model(&model, &cv, &train, &command);
        output::write(Some(path), src.as_bytes())?;
    }
    Ok(Exit::Success)
}

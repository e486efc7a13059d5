//! Fitting the scorer: MSRP-style pair files, logistic regression, k-fold cross-validation,
//! and the generated `model.rs`.
//!
//! Everything here is deterministic: folds are `i % k` over the file order, the regression is
//! fitted by Newton's method (iteratively reweighted least squares) from zero with a small L2
//! penalty on standardised measures, so the same file always yields the same constants.

use std::fmt::Write as _;
use std::path::Path;

use super::features::{self, N};
use super::{Features, Weights};
use crate::error::{Error, Result};

/// One line of a pair file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Pair {
    /// First sentence.
    pub a: String,
    /// Second sentence.
    pub b: String,
    /// The label (MSRP `Quality`), when the file has one.
    pub label: Option<bool>,
}

/// Reads a pair file: `A<TAB>B` lines, or the MSRP format (a header line starting with
/// `Quality`, then `label<TAB>id1<TAB>id2<TAB>A<TAB>B`). A leading BOM, CRLF endings and blank
/// lines are accepted. Errors name the file and line.
pub fn read_pairs(path: &Path) -> Result<Vec<Pair>> {
    let shown = path.display().to_string();
    let bytes = if path.as_os_str() == "-" {
        let mut buf = Vec::new();
        std::io::Read::read_to_end(&mut std::io::stdin().lock(), &mut buf).map_err(|source| {
            Error::Read {
                path: path.to_path_buf(),
                source,
            }
        })?;
        buf
    } else {
        std::fs::read(path).map_err(|source| Error::Read {
            path: path.to_path_buf(),
            source,
        })?
    };
    parse_pairs(&shown, &bytes)
}

/// Parses the bytes of a pair file named `name` (see [`read_pairs`]).
pub fn parse_pairs(name: &str, bytes: &[u8]) -> Result<Vec<Pair>> {
    let bytes = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(bytes);
    let mut msrp = false;
    let mut out = Vec::new();
    for (i, raw) in bytes.split(|&b| b == b'\n').enumerate() {
        let lineno = i + 1;
        let at = |problem: &str| Error::input(format!("{name}:{lineno}"), problem);
        let line = std::str::from_utf8(raw).map_err(|_| at("invalid UTF-8"))?;
        let line = line.strip_suffix('\r').unwrap_or(line);
        if i == 0 && line.starts_with("Quality\t") {
            msrp = true;
            continue;
        }
        if line.trim().is_empty() {
            continue;
        }
        let fields: Vec<&str> = line.split('\t').collect();
        if msrp {
            if fields.len() != 5 {
                return Err(at(&format!(
                    "expected 5 tab-separated fields (MSRP format), found {}",
                    fields.len()
                )));
            }
            let label = match fields[0] {
                "1" => true,
                "0" => false,
                other => return Err(at(&format!("quality must be 0 or 1, not {other:?}"))),
            };
            out.push(Pair {
                a: fields[3].to_string(),
                b: fields[4].to_string(),
                label: Some(label),
            });
        } else {
            if fields.len() != 2 {
                return Err(at(&format!(
                    "expected `sentence A<TAB>sentence B`, found {} tab-separated fields",
                    fields.len()
                )));
            }
            out.push(Pair {
                a: fields[0].to_string(),
                b: fields[1].to_string(),
                label: None,
            });
        }
    }
    Ok(out)
}

/// The measures of every pair, and the decision a rule forces on it, if any (a numbers
/// conflict forces nothing: it only keeps a linked pair from being `corroborated`).
pub fn measure_all(pairs: &[Pair]) -> (Vec<[f64; N]>, Vec<Option<bool>>) {
    let scorer = super::Scorer::default();
    pairs
        .iter()
        .map(|p| {
            let (a, b) = (Features::new(&p.a), Features::new(&p.b));
            let forced = match scorer.rule(&a, &b) {
                Some(super::Rule::Conflict(features::Conflict::Numbers)) | None => None,
                Some(rule) => Some(rule.forces()),
            };
            (a.measures(&b), forced)
        })
        .unzip()
}

/// Renders `src/data/stem_df.txt`: for every stem (content words and numbers, as
/// [`features::analyse`] reads them) the number of distinct sentences of `pairs` holding it,
/// listed when at least [`features::DF_MIN`], sorted by stem. Only the sentences are read,
/// never the labels, so the IDF it yields is unsupervised.
pub fn render_stem_df(pairs: &[Pair], command: &str) -> String {
    use std::collections::{BTreeMap, BTreeSet};
    let sentences: BTreeSet<&str> = pairs
        .iter()
        .flat_map(|p| [p.a.as_str(), p.b.as_str()])
        .collect();
    let mut df: BTreeMap<String, usize> = BTreeMap::new();
    for text in &sentences {
        let stems: BTreeSet<String> = features::analyse(text)
            .into_iter()
            .filter(|t| t.kind != features::Kind::Stop)
            .map(|t| t.stem.to_string())
            .collect();
        for stem in stems {
            *df.entry(stem).or_default() += 1;
        }
    }
    let mut s = String::new();
    let _ = writeln!(
        s,
        "# Document frequencies of stems. GENERATED: do not edit. Regenerate with:"
    );
    let _ = writeln!(s, "#   {command}");
    let _ = writeln!(
        s,
        "# Distinct sentences of the pair file (labels unused); stems in fewer than {} are left out.",
        features::DF_MIN
    );
    let _ = writeln!(s, "# sentences {}", sentences.len());
    for (stem, n) in df {
        if n >= features::DF_MIN {
            let _ = writeln!(s, "{stem}\t{n}");
        }
    }
    s
}

/// A fitted model: weights and the decision threshold on the probability.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Model {
    /// The regression.
    pub weights: Weights,
    /// Probability at or above which a pair is called a paraphrase.
    pub threshold: f64,
}

/// L2 penalty on the standardised weights (not on the intercept). With 38 overlapping
/// measures, 10-fold CV is flat from 7 to 20 (76.8-76.9% / 83.8-84.0 F1) and lower at 1
/// (76.8 / 83.6) and 50 (76.5 / 83.6); 10 sits in the middle of the plateau.
pub const L2: f64 = 10.0;

/// Fits a logistic regression on the rows of `x` whose `use_feature` is set (others get weight
/// 0), then picks the probability threshold with the best accuracy + F1 on the same rows
/// ([`best_threshold`]).
pub fn fit(x: &[[f64; N]], y: &[bool], use_feature: &[bool; N]) -> Model {
    let weights = regress(x, y, use_feature);
    let probs: Vec<f64> = x.iter().map(|r| weights.probability(r)).collect();
    Model {
        weights,
        threshold: best_threshold(&probs, y),
    }
}

/// Fits the logistic regression alone.
#[allow(clippy::needless_range_loop)] // Matrix code reads best with indices.
fn regress(x: &[[f64; N]], y: &[bool], use_feature: &[bool; N]) -> Weights {
    let cols: Vec<usize> = (0..N).filter(|&j| use_feature[j]).collect();
    let k = cols.len() + 1;
    let n = x.len().max(1) as f64;
    // Standardise the chosen columns.
    let mut mean = vec![0.0; cols.len()];
    let mut sd = vec![0.0; cols.len()];
    for (c, &j) in cols.iter().enumerate() {
        mean[c] = x.iter().map(|r| r[j]).sum::<f64>() / n;
        let var = x.iter().map(|r| (r[j] - mean[c]).powi(2)).sum::<f64>() / n;
        sd[c] = if var > 1e-12 { var.sqrt() } else { 1.0 };
    }
    let row = |r: &[f64; N]| -> Vec<f64> {
        let mut v = Vec::with_capacity(k);
        v.push(1.0);
        v.extend(
            cols.iter()
                .enumerate()
                .map(|(c, &j)| (r[j] - mean[c]) / sd[c]),
        );
        v
    };
    let rows: Vec<Vec<f64>> = x.iter().map(row).collect();
    let mut beta = vec![0.0; k];
    for _ in 0..50 {
        let mut grad = vec![0.0; k];
        let mut hess = vec![vec![0.0; k]; k];
        for (r, &label) in rows.iter().zip(y) {
            let z: f64 = r.iter().zip(&beta).map(|(a, b)| a * b).sum();
            let p = super::sigmoid(z);
            let t = if label { 1.0 } else { 0.0 };
            let w = (p * (1.0 - p)).max(1e-9);
            for a in 0..k {
                grad[a] += (p - t) * r[a];
                for b in 0..=a {
                    hess[a][b] += w * r[a] * r[b];
                }
            }
        }
        for a in 1..k {
            grad[a] += L2 * beta[a];
            hess[a][a] += L2;
        }
        for a in 0..k {
            for b in a + 1..k {
                hess[a][b] = hess[b][a];
            }
        }
        let step = solve(hess, grad);
        let mut size = 0.0f64;
        for a in 0..k {
            beta[a] -= step[a];
            size = size.max(step[a].abs());
        }
        if size < 1e-10 {
            break;
        }
    }
    // Back to raw measures.
    let mut weights = [0.0; N];
    let mut bias = beta[0];
    for (c, &j) in cols.iter().enumerate() {
        weights[j] = beta[c + 1] / sd[c];
        bias -= beta[c + 1] * mean[c] / sd[c];
    }
    Weights { weights, bias }
}

/// Solves `a · s = b` by Gaussian elimination with partial pivoting (a is small and positive
/// definite).
#[allow(clippy::needless_range_loop)]
fn solve(mut a: Vec<Vec<f64>>, mut b: Vec<f64>) -> Vec<f64> {
    let k = b.len();
    for col in 0..k {
        let pivot = (col..k)
            .max_by(|&i, &j| a[i][col].abs().total_cmp(&a[j][col].abs()))
            .unwrap_or(col);
        a.swap(col, pivot);
        b.swap(col, pivot);
        let d = a[col][col];
        if d.abs() < 1e-300 {
            continue;
        }
        for r in col + 1..k {
            let f = a[r][col] / d;
            if f != 0.0 {
                for c in col..k {
                    a[r][c] -= f * a[col][c];
                }
                b[r] -= f * b[col];
            }
        }
    }
    let mut s = vec![0.0; k];
    for r in (0..k).rev() {
        let tail: f64 = (r + 1..k).map(|c| a[r][c] * s[c]).sum();
        s[r] = if a[r][r].abs() < 1e-300 {
            0.0
        } else {
            (b[r] - tail) / a[r][r]
        };
    }
    s
}

/// The threshold, among midpoints between consecutive distinct probabilities in [0.2, 0.8],
/// with the best accuracy + paraphrase F1 (both count: accuracy alone picks thresholds that
/// trade recall away); ties go to the one nearest 0.5.
pub fn best_threshold(probs: &[f64], y: &[bool]) -> f64 {
    let mut order: Vec<usize> = (0..probs.len()).collect();
    order.sort_by(|&i, &j| probs[i].total_cmp(&probs[j]));
    // Threshold below everything: all called positive.
    let positives = y.iter().filter(|&&l| l).count();
    let (mut tp, mut fp) = (positives, y.len() - positives);
    let mut best: Option<(f64, f64)> = None;
    for w in 0..order.len() {
        // Moving the threshold above probs[order[w]] turns that pair negative.
        if y[order[w]] {
            tp -= 1;
        } else {
            fp -= 1;
        }
        let here = probs[order[w]];
        let next = order.get(w + 1).map_or(1.0, |&i| probs[i]);
        if next <= here {
            continue;
        }
        let t = (here + next) / 2.0;
        if !(0.2..=0.8).contains(&t) {
            continue;
        }
        let tn = y.len() - positives - fp;
        let accuracy = (tp + tn) as f64 / y.len() as f64;
        let f1 = 2.0 * tp as f64 / (tp + positives + fp).max(1) as f64;
        let value = accuracy + f1;
        let better = match best {
            None => true,
            Some((v, bt)) => {
                value > v + 1e-12
                    || ((value - v).abs() <= 1e-12 && (t - 0.5).abs() < (bt - 0.5).abs())
            }
        };
        if better {
            best = Some((value, t));
        }
    }
    best.map_or(0.5, |b| b.1)
}

/// Accuracy and paraphrase-class F1 of predictions.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Metrics {
    /// Pairs counted.
    pub n: usize,
    /// True positives.
    pub tp: usize,
    /// False positives.
    pub fp: usize,
    /// False negatives.
    pub fn_: usize,
    /// True negatives.
    pub tn: usize,
}

impl Metrics {
    /// Counts predictions against labels.
    pub fn of(pred: &[bool], y: &[bool]) -> Metrics {
        let mut m = Metrics::default();
        for (&p, &t) in pred.iter().zip(y) {
            m.add(p, t);
        }
        m
    }

    /// Adds one prediction.
    pub fn add(&mut self, pred: bool, truth: bool) {
        self.n += 1;
        match (pred, truth) {
            (true, true) => self.tp += 1,
            (true, false) => self.fp += 1,
            (false, true) => self.fn_ += 1,
            (false, false) => self.tn += 1,
        }
    }

    /// Accuracy in percent.
    pub fn accuracy(&self) -> f64 {
        100.0 * (self.tp + self.tn) as f64 / self.n.max(1) as f64
    }

    /// Paraphrase-class F1 in percent.
    pub fn f1(&self) -> f64 {
        100.0 * 2.0 * self.tp as f64 / (2 * self.tp + self.fp + self.fn_).max(1) as f64
    }
}

/// Cross-validation result: one [`Metrics`] per fold and the pooled total.
#[derive(Clone, Debug, PartialEq)]
pub struct CrossValidation {
    /// Per fold.
    pub folds: Vec<Metrics>,
    /// All held-out predictions pooled.
    pub total: Metrics,
    /// Held-out probability of every pair, in input order.
    pub probabilities: Vec<f64>,
}

/// k-fold cross-validation with fold `i % k` for row `i`: fit on the other folds (weights and
/// threshold), predict the held-out fold.
/// `rule[i]`, when set, forces the prediction (the scorer's rules).
pub fn cross_validate(
    x: &[[f64; N]],
    rule: &[Option<bool>],
    y: &[bool],
    k: usize,
    use_feature: &[bool; N],
) -> CrossValidation {
    let k = k.max(2);
    let mut folds = Vec::with_capacity(k);
    let mut total = Metrics::default();
    let mut probabilities = vec![0.0; x.len()];
    for f in 0..k {
        let (mut tx, mut ty) = (Vec::new(), Vec::new());
        for i in (0..x.len()).filter(|i| i % k != f) {
            tx.push(x[i]);
            ty.push(y[i]);
        }
        let model = fit(&tx, &ty, use_feature);
        let mut m = Metrics::default();
        for i in (0..x.len()).filter(|i| i % k == f) {
            probabilities[i] = model.weights.probability(&x[i]);
            let pred = rule[i].unwrap_or(probabilities[i] >= model.threshold);
            m.add(pred, y[i]);
            total.add(pred, y[i]);
        }
        folds.push(m);
    }
    CrossValidation {
        folds,
        total,
        probabilities,
    }
}

/// Renders the generated `model.rs`.
pub fn render_model(model: &Model, cv: &CrossValidation, train: &Metrics, command: &str) -> String {
    let mut s = String::new();
    let _ = writeln!(
        s,
        "//! Fitted constants of the similarity model. GENERATED: do not edit."
    );
    let _ = writeln!(s, "//!");
    let _ = writeln!(s, "//! Regenerate with:");
    let _ = writeln!(s, "//!");
    let _ = writeln!(s, "//! ```text");
    let _ = writeln!(s, "//! {command}");
    let _ = writeln!(s, "//! ```");
    let _ = writeln!(s, "//!");
    let _ = writeln!(
        s,
        "//! The IDF measures read src/data/stem_df.txt: regenerate that first when the tokenizer"
    );
    let _ = writeln!(
        s,
        "//! changes (`fit MSRP_FILE --write-df src/data/stem_df.txt`), rebuild, then refit."
    );
    let _ = writeln!(s, "//!");
    let _ = writeln!(
        s,
        "//! Logistic regression (Newton/IRLS, L2 {L2} on standardised measures) over the MSRP"
    );
    let _ = writeln!(
        s,
        "//! training split ({} pairs). {}-fold cross-validation (fold = pair index % {}): accuracy {:.1}%,",
        train.n,
        cv.folds.len(),
        cv.folds.len(),
        cv.total.accuracy()
    );
    let _ = writeln!(
        s,
        "//! paraphrase F1 {:.1}. Refitted on all pairs: accuracy {:.1}%, F1 {:.1}.",
        cv.total.f1(),
        train.accuracy(),
        train.f1()
    );
    let _ = writeln!(s);
    let _ = writeln!(
        s,
        "/// Measure names the weights were fitted for (must match `features::NAMES`)."
    );
    let _ = writeln!(s, "pub const MEASURES: [&str; {N}] = [");
    for name in features::NAMES {
        let _ = writeln!(s, "    {name:?},");
    }
    let _ = writeln!(s, "];");
    let _ = writeln!(s);
    let _ = writeln!(s, "/// One weight per measure.");
    let _ = writeln!(s, "pub const WEIGHTS: [f64; {N}] = [");
    for w in model.weights.weights {
        let _ = writeln!(s, "    {w:?},");
    }
    let _ = writeln!(s, "];");
    let _ = writeln!(s);
    let _ = writeln!(s, "/// The intercept.");
    let _ = writeln!(s, "pub const BIAS: f64 = {:?};", model.weights.bias);
    let _ = writeln!(s);
    let _ = writeln!(
        s,
        "/// Probability threshold with the best accuracy + F1 on the training split."
    );
    let _ = writeln!(
        s,
        "pub const PARAPHRASE_THRESHOLD: f64 = {:?};",
        model.threshold
    );
    let _ = writeln!(s);
    let _ = writeln!(
        s,
        "/// Default corroborate threshold: the paraphrase threshold moved {CORROBORATE_MARGIN} of the way to 1."
    );
    let corroborate = model.threshold + CORROBORATE_MARGIN * (1.0 - model.threshold);
    let _ = writeln!(s, "pub const CORROBORATE_THRESHOLD: f64 = {corroborate:?};");
    s
}

/// Where the default corroborate threshold sits between the paraphrase threshold and 1.
pub const CORROBORATE_MARGIN: f64 = 0.5;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn msrp_header_is_detected_and_bom_skipped() {
        let text = "\u{feff}Quality\t#1 ID\t#2 ID\t#1 String\t#2 String\n1\t1\t2\tA \"x\"\tB\n0\t3\t4\tC\tD";
        let pairs = parse_pairs("f", text.as_bytes()).unwrap();
        assert_eq!(pairs.len(), 2);
        assert_eq!(pairs[0].a, "A \"x\"");
        assert_eq!(pairs[1].label, Some(false));
    }

    #[test]
    fn plain_pairs_need_one_tab() {
        let err = parse_pairs("f.tsv", b"a\tb\nno tab here\n").unwrap_err();
        assert_eq!(
            err.to_string(),
            "f.tsv:2: expected `sentence A<TAB>sentence B`, found 1 tab-separated fields"
        );
    }

    #[test]
    fn invalid_utf8_names_the_line() {
        let err = parse_pairs("f", b"a\tb\n\xff\tb\n").unwrap_err();
        assert_eq!(err.to_string(), "f:2: invalid UTF-8");
    }

    #[test]
    fn logistic_regression_separates_a_separable_feature() {
        let mut x = Vec::new();
        let mut y = Vec::new();
        for i in 0..100 {
            let mut r = [0.0; N];
            r[0] = i as f64 / 100.0;
            x.push(r);
            y.push(i >= 60);
        }
        let mut mask = [false; N];
        mask[0] = true;
        let m = fit(&x, &y, &mask);
        assert!(m.weights.weights[0] > 0.0);
        assert_eq!(m.weights.weights[1], 0.0);
        let pred: Vec<bool> = x
            .iter()
            .map(|r| m.weights.probability(r) >= m.threshold)
            .collect();
        assert!(Metrics::of(&pred, &y).accuracy() >= 99.0);
    }

    #[test]
    fn stem_df_counts_distinct_sentences_and_drops_rare_stems() {
        let pair = |a: &str, b: &str, label| Pair {
            a: a.into(),
            b: b.into(),
            label: Some(label),
        };
        let pairs = [
            pair("The bridges closed.", "A bridge opened.", true),
            pair("The bridges closed.", "Bridge tolls rose.", false),
            pair("Tolls fell.", "The bridge is old.", false),
        ];
        let text = render_stem_df(&pairs, "cmd");
        // Five distinct sentences; "bridg" in four (the repeated one counted once), "toll" in
        // two (below DF_MIN, left out); labels play no part.
        assert!(text.contains("# sentences 5\n"));
        let rows: Vec<&str> = text.lines().filter(|l| !l.starts_with('#')).collect();
        assert_eq!(rows, ["bridg\t4"]);
    }

    #[test]
    fn metrics_compute_accuracy_and_f1() {
        let m = Metrics::of(&[true, true, false, false], &[true, false, true, false]);
        assert_eq!(m.accuracy(), 50.0);
        assert_eq!(m.f1(), 50.0);
    }

    #[test]
    fn best_threshold_prefers_accuracy_then_half() {
        let t = best_threshold(&[0.1, 0.3, 0.7, 0.9], &[false, false, true, true]);
        assert!((0.3..0.7).contains(&t));
        assert!((t - 0.5).abs() < 1e-9);
    }
}

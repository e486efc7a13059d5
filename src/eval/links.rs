//! Link evaluation: a labelled article pair in, link precision, recall and status accuracy out.
//!
//! A set is a folder with `original.txt`, `rewrite.txt` and `links.tsv`. Each row of
//! `links.tsv` names one sentence of each article by a snippet of its text (`original`,
//! `rewrite`) and says how the two state their shared claim (`kind`: `corroborated`,
//! `paraphrased`, or `changed` for the same claim with a fact changed). A set with no rows is
//! a negative: two stories that share no claim.
//!
//! The one idea: the answer key names sentences by their words, never by numbers, so it was
//! written without the segmenter and stays valid when segmentation changes. A snippet is
//! found in the article with white space folded, and names the sentence it starts in.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use crate::error::{Error, Result};
use crate::pipeline::classify::Status;
use crate::pipeline::document::{self, Document};
use crate::pipeline::segment::Sentence;
use crate::pipeline::similarity::Verdict;
use crate::pipeline::{self, Analysis, Options};

/// The answer key's name for how two sentences share a claim.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, serde::Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Kind {
    /// Largely the same words.
    Corroborated,
    /// The same claim in other words, or part of it.
    Paraphrased,
    /// The same claim with a fact changed; crosscheck should link and flag it, and never call
    /// it corroborated.
    Changed,
}

impl Kind {
    /// The status a sentence with only this kind of link should get.
    fn status(self) -> Status {
        match self {
            Kind::Corroborated => Status::Corroborated,
            Kind::Paraphrased | Kind::Changed => Status::Paraphrased,
        }
    }
}

/// One labelled set: two articles and the links between their sentences.
#[derive(Clone, Debug)]
pub struct LabelledSet {
    /// The folder name.
    pub name: String,
    /// `original` then `rewrite`.
    pub documents: Vec<Document>,
    /// (original sentence, rewrite sentence) → kind, with sentences as 0-based indices in the
    /// segmentation of `documents`.
    pub gold: BTreeMap<(usize, usize), Kind>,
}

/// The two articles of a set, in this order.
const ARTICLES: [&str; 2] = ["original", "rewrite"];

/// Every set below `dir` (its sub-folders holding a `links.tsv`, sorted by name).
pub fn set_dirs(dir: &Path) -> Result<Vec<PathBuf>> {
    let read_error = |source| Error::Read {
        path: dir.to_path_buf(),
        source,
    };
    let mut dirs: Vec<PathBuf> = std::fs::read_dir(dir)
        .map_err(read_error)?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.join("links.tsv").is_file())
        .collect();
    if dir.join("links.tsv").is_file() {
        dirs.push(dir.to_path_buf());
    }
    dirs.sort();
    if dirs.is_empty() {
        return Err(Error::input(
            dir.display().to_string(),
            "no labelled set (a folder with links.tsv, original.txt and rewrite.txt)",
        ));
    }
    Ok(dirs)
}

/// Reads the articles of a set; the links are resolved by [`resolve`] once they are segmented.
pub fn load_documents(dir: &Path) -> Result<Vec<Document>> {
    ARTICLES
        .iter()
        .map(|label| {
            let path = dir.join(format!("{label}.txt"));
            let bytes = std::fs::read(&path).map_err(|source| Error::Read {
                path: path.clone(),
                source,
            })?;
            document::from_bytes(label.to_string(), path.display().to_string(), bytes)
        })
        .collect()
}

/// One row of `links.tsv`.
#[derive(Debug, serde::Deserialize)]
struct Row {
    original: String,
    rewrite: String,
    kind: Kind,
}

/// Resolves the answer key of the set in `dir` against the sentences crosscheck cut.
pub fn resolve(dir: &Path, analysis: &Analysis) -> Result<LabelledSet> {
    let path = dir.join("links.tsv");
    let shown = path.display().to_string();
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(b'\t')
        .quoting(false)
        .from_path(&path)
        .map_err(|e| Error::input(shown.clone(), e.to_string()))?;
    let mut gold = BTreeMap::new();
    for (i, row) in reader.deserialize::<Row>().enumerate() {
        let line = i + 2;
        let row = row.map_err(|e| Error::input(shown.clone(), format!("line {line}: {e}")))?;
        let find = |doc: usize, snippet: &str| {
            sentence_of(&analysis.documents[doc], &analysis.sentences[doc], snippet).map_err(
                |problem| {
                    Error::input(
                        shown.clone(),
                        format!("line {line}: {problem} in {}.txt", ARTICLES[doc]),
                    )
                },
            )
        };
        let key = (find(0, &row.original)?, find(1, &row.rewrite)?);
        // Two rows may name the same two sentences; the stronger kind stands.
        let kind = gold.entry(key).or_insert(row.kind);
        *kind = (*kind).min(row.kind);
    }
    Ok(LabelledSet {
        name: dir
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default(),
        documents: analysis.documents.clone(),
        gold,
    })
}

/// The index of the sentence in which `snippet` starts, or why there is none.
fn sentence_of(
    document: &Document,
    sentences: &[Sentence],
    snippet: &str,
) -> std::result::Result<usize, String> {
    let (folded, offsets) = fold_white_space(&document.text);
    let (needle, _) = fold_white_space(snippet.trim());
    let mut found = folded.match_indices(needle.as_str()).map(|(at, _)| at);
    let Some(at) = found.next() else {
        return Err(format!("snippet \"{snippet}\" not found"));
    };
    if found.next().is_some() {
        return Err(format!("snippet \"{snippet}\" occurs more than once"));
    }
    let byte = offsets[at];
    sentences
        .iter()
        .rposition(|s| s.span.start <= byte)
        .filter(|&i| byte < sentences[i].span.end)
        .ok_or_else(|| format!("snippet \"{snippet}\" lies outside every sentence"))
}

/// `text` with every run of white space as one space, and for every byte of the result the
/// offset of the byte it came from.
fn fold_white_space(text: &str) -> (String, Vec<usize>) {
    let mut folded = String::with_capacity(text.len());
    let mut offsets = Vec::with_capacity(text.len());
    let mut in_space = false;
    for (at, c) in text.char_indices() {
        if c.is_whitespace() {
            if !in_space {
                folded.push(' ');
                offsets.push(at);
            }
            in_space = true;
            continue;
        }
        in_space = false;
        folded.push(c);
        offsets.extend(std::iter::repeat_n(at, c.len_utf8()));
    }
    (folded, offsets)
}

/// Agreement counts; they add up across sets.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, serde::Serialize)]
pub struct Counts {
    /// Labelled links crosscheck found.
    pub true_links: usize,
    /// Links crosscheck made that the key does not have.
    pub false_links: usize,
    /// Labelled links crosscheck missed.
    pub missed_links: usize,
    /// Found labelled links whose verdict fits the kind (corroborated for `corroborated`,
    /// paraphrased for the others).
    pub verdicts_right: usize,
    /// Sentences whose status is the one the key implies.
    pub statuses_right: usize,
    /// Sentences of both articles.
    pub sentences: usize,
}

impl Counts {
    /// Share of crosscheck's links that are labelled.
    pub fn precision(&self) -> f64 {
        ratio(self.true_links, self.true_links + self.false_links)
    }
    /// Share of labelled links crosscheck found.
    pub fn recall(&self) -> f64 {
        ratio(self.true_links, self.true_links + self.missed_links)
    }
    /// Harmonic mean of precision and recall.
    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }
    /// Share of sentences with the right status.
    pub fn status_accuracy(&self) -> f64 {
        ratio(self.statuses_right, self.sentences)
    }
    fn add(&mut self, other: &Counts) {
        self.true_links += other.true_links;
        self.false_links += other.false_links;
        self.missed_links += other.missed_links;
        self.verdicts_right += other.verdicts_right;
        self.statuses_right += other.statuses_right;
        self.sentences += other.sentences;
    }
}

/// `part / whole`, 1 when there is nothing to count (no link made: none wrong).
fn ratio(part: usize, whole: usize) -> f64 {
    if whole == 0 {
        1.0
    } else {
        part as f64 / whole as f64
    }
}

/// A link on which crosscheck and the key disagree.
#[derive(Clone, Debug, PartialEq, serde::Serialize)]
pub struct Disagreement {
    /// `missed` (labelled, not found), `false` (found, not labelled) or `verdict` (found, the
    /// wrong verdict).
    pub what: &'static str,
    /// 1-based sentence numbers, as `doc:sentence` names them.
    pub original: usize,
    /// See `original`.
    pub rewrite: usize,
    /// crosscheck's score, if it linked them.
    pub score: Option<f64>,
    /// The two sentences.
    pub texts: [String; 2],
}

/// The evaluation of one set.
#[derive(Clone, Debug, serde::Serialize)]
pub struct SetResult {
    /// The folder name.
    pub name: String,
    /// Labelled links (0 for a negative set).
    pub labelled: usize,
    /// The agreement counts.
    pub counts: Counts,
    /// Every disagreement, in sentence order.
    pub disagreements: Vec<Disagreement>,
}

/// Compares crosscheck's links and statuses in `analysis` with the key of `set`.
pub fn score(set: &LabelledSet, analysis: &Analysis) -> SetResult {
    let found = found_links(analysis);
    let text = |doc: usize, s: usize| analysis.sentences[doc][s].text.clone();
    let mut counts = Counts::default();
    let mut disagreements = Vec::new();
    let keys: BTreeSet<(usize, usize)> = set.gold.keys().chain(found.keys()).copied().collect();
    for key in keys {
        let (o, r) = key;
        let entry = |what, score| Disagreement {
            what,
            original: o + 1,
            rewrite: r + 1,
            score,
            texts: [text(0, o), text(1, r)],
        };
        match (set.gold.get(&key), found.get(&key)) {
            (Some(kind), Some(&(verdict, score))) => {
                counts.true_links += 1;
                if verdict_fits(*kind, verdict) {
                    counts.verdicts_right += 1;
                } else {
                    disagreements.push(entry("verdict", Some(score)));
                }
            }
            (Some(_), None) => {
                counts.missed_links += 1;
                disagreements.push(entry("missed", None));
            }
            (None, Some(&(_, score))) => {
                counts.false_links += 1;
                disagreements.push(entry("false", Some(score)));
            }
            (None, None) => {}
        }
    }
    for (doc, claims) in analysis.claims.iter().enumerate() {
        for claim in claims {
            counts.sentences += 1;
            if claim.status == expected_status(set, doc, claim.sentence) {
                counts.statuses_right += 1;
            }
        }
    }
    SetResult {
        name: set.name.clone(),
        labelled: set.gold.len(),
        counts,
        disagreements,
    }
}

/// crosscheck's links from rewrite sentences to original ones, with verdict and score.
fn found_links(analysis: &Analysis) -> BTreeMap<(usize, usize), (Verdict, f64)> {
    analysis.claims[1]
        .iter()
        .flat_map(|claim| {
            claim
                .links
                .iter()
                .filter(|l| l.doc == 0)
                .map(move |l| ((l.sentence, claim.sentence), (l.verdict, l.score)))
        })
        .collect()
}

fn verdict_fits(kind: Kind, verdict: Verdict) -> bool {
    match kind {
        Kind::Corroborated => verdict == Verdict::Corroborated,
        Kind::Paraphrased | Kind::Changed => verdict == Verdict::Paraphrased,
    }
}

/// The status the key implies for sentence `s` of document `doc`: the best of its links'.
fn expected_status(set: &LabelledSet, doc: usize, s: usize) -> Status {
    set.gold
        .iter()
        .filter(|(&(o, r), _)| if doc == 0 { o == s } else { r == s })
        .map(|(_, kind)| kind.status())
        .min()
        .unwrap_or(Status::SingleSource)
}

/// Evaluates every set below `dir` with `options`.
pub fn evaluate(dir: &Path, options: &Options) -> Result<Vec<SetResult>> {
    set_dirs(dir)?
        .iter()
        .map(|set_dir| {
            let analysis = pipeline::analyze(load_documents(set_dir)?, options);
            let set = resolve(set_dir, &analysis)?;
            Ok(score(&set, &analysis))
        })
        .collect()
}

/// The counts of all sets together, and of the negative sets (no labelled link) alone.
pub fn totals(results: &[SetResult]) -> (Counts, Counts) {
    let mut all = Counts::default();
    let mut negatives = Counts::default();
    for r in results {
        all.add(&r.counts);
        if r.labelled == 0 {
            negatives.add(&r.counts);
        }
    }
    (all, negatives)
}

/// A plain-text table: one row per set, the totals, and with `verbose` every disagreement.
pub fn to_text(results: &[SetResult], verbose: bool) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{:<34} {:>5} {:>5} {:>5} {:>6} {:>6} {:>8}",
        "set", "gold", "found", "false", "prec", "recall", "statuses"
    );
    for r in results {
        let c = &r.counts;
        let _ = writeln!(
            out,
            "{:<34} {:>5} {:>5} {:>5} {:>6.3} {:>6.3} {:>8.3}",
            r.name,
            r.labelled,
            c.true_links,
            c.false_links,
            c.precision(),
            c.recall(),
            c.status_accuracy()
        );
    }
    let (all, negatives) = totals(results);
    let _ = writeln!(
        out,
        "total: links {} labelled, {} found, {} false, {} missed; precision {:.3} recall {:.3} \
         F1 {:.3}; verdicts right {}/{}; statuses right {}/{} ({:.3}); links between unrelated \
         stories {}",
        all.true_links + all.missed_links,
        all.true_links,
        all.false_links,
        all.missed_links,
        all.precision(),
        all.recall(),
        all.f1(),
        all.verdicts_right,
        all.true_links,
        all.statuses_right,
        all.sentences,
        all.status_accuracy(),
        negatives.false_links
    );
    if verbose {
        for r in results {
            for d in &r.disagreements {
                let score = d.score.map(|s| format!(" {s:.3}")).unwrap_or_default();
                let _ = writeln!(
                    out,
                    "\n{} {}{score} original:{} rewrite:{}\n  O: {}\n  R: {}",
                    r.name, d.what, d.original, d.rewrite, d.texts[0], d.texts[1]
                );
            }
        }
    }
    out
}

/// Every sentence pair of every set below `dir` as a TSV row of pair measures and the label,
/// for fitting a matcher on the development set (`eval links --dump-pairs`).
pub fn dump_pairs(dir: &Path, options: &Options) -> Result<String> {
    use crate::pipeline::similarity::coverage::{
        coverage, numbers, opposed, semantic_coverage, ClaimWords, StoryWeights,
    };
    use crate::pipeline::similarity::features::{analyse, candidate_terms};
    use crate::pipeline::similarity::{Features, Scorer};
    let scorer = Scorer::new(options.thresholds);
    let mut out = String::from(
        "set\to\tr\tgold\tkind\tmsrp\tcov_or\tcov_ro\tunit_or\tunit_ro\tunitw_or\tunitw_ro\t\
         lcov_or\tlcov_ro\tlunit_or\tlunit_ro\tlunitw_or\tlunitw_ro\tw_o\tw_r\tpos_o\tpos_r\tnum_shared\tnum_o\tnum_r\t\
         scov_or\tscov_ro\tsunit_or\tsunit_ro\topposed\tverdict\tscored\tshared\tterms_o\tterms_r\torderable\n",
    );
    for set_dir in set_dirs(dir)? {
        let analysis = pipeline::analyze(load_documents(&set_dir)?, options);
        let set = resolve(&set_dir, &analysis)?;
        let texts: Vec<Vec<&str>> = analysis
            .sentences
            .iter()
            .map(|ss| {
                ss.iter()
                    .enumerate()
                    .map(|(i, s)| pipeline::claim_text(i, s))
                    .collect()
            })
            .collect();
        let reader = crate::review::links::ClaimReader::new(&analysis);
        let claims: Vec<Vec<ClaimWords>> = (0..texts.len())
            .map(|d| (0..texts[d].len()).map(|s| reader.words((d, s))).collect())
            .collect();
        let features: Vec<Vec<Features>> = texts
            .iter()
            .map(|d| d.iter().map(|t| Features::new(t)).collect())
            .collect();
        // The terms the candidate index reads (align's `Texts` folds demonyms the same way).
        let terms: Vec<Vec<Vec<u64>>> = texts
            .iter()
            .map(|d| d.iter().map(|t| candidate_terms(&analyse(t))).collect())
            .collect();
        let story = StoryWeights::new(claims.iter().flatten());
        let (no, nr) = (claims[0].len(), claims[1].len());
        // A text that both articles have is a copy, never a seed or a proposal of the order
        // rule (align: each text of an order pair occurs in one document only).
        let lone = |doc: usize, i: usize| !texts[1 - doc].contains(&texts[doc][i]);
        for o in 0..no {
            for r in 0..nr {
                let (a, b) = (&claims[0][o], &claims[1][r]);
                let score = scorer.score(&features[0][o], &features[1][r]);
                let msrp = score.value;
                let (ta, tb) = (&terms[0][o][..], &terms[1][r][..]);
                let scored = crate::pipeline::align::scored(
                    &scorer,
                    &features[0][o],
                    &features[1][r],
                    (ta, tb),
                );
                let g = |w: &crate::pipeline::similarity::coverage::Word| w.idf;
                let l = |w: &crate::pipeline::similarity::coverage::Word| story.weight(w);
                let (c1, c2) = (coverage(a, b, g), coverage(b, a, g));
                let (l1, l2) = (coverage(a, b, l), coverage(b, a, l));
                let kind = set.gold.get(&(o, r));
                let (na, nb) = (numbers(a), numbers(b));
                let both = na.iter().filter(|x| nb.contains(x)).count();
                let numbers = (both, na.len() - both, nb.len() - both);
                let (s1, s2) = (semantic_coverage(a, b, l), semantic_coverage(b, a, l));
                let _ = write!(
                    out,
                    "{}\t{o}\t{r}\t{}\t{}\t{msrp:.4}\t{:.4}\t{:.4}\t{:.4}\t{:.4}\t{:.3}\t{:.3}\t\
                     {:.4}\t{:.4}\t{:.4}\t{:.4}\t{:.3}\t{:.3}\t{:.3}\t{:.3}\t{:.4}\t{:.4}\t{}\t{}\t{}",
                    set.name,
                    u8::from(kind.is_some()),
                    kind.map_or("-".to_string(), |k| format!("{k:?}").to_lowercase()),
                    c1.whole,
                    c2.whole,
                    c1.best_unit,
                    c2.best_unit,
                    c1.best_unit_weight,
                    c2.best_unit_weight,
                    l1.whole,
                    l2.whole,
                    l1.best_unit,
                    l2.best_unit,
                    l1.best_unit_weight,
                    l2.best_unit_weight,
                    c1.weight,
                    c2.weight,
                    o as f64 / no as f64,
                    r as f64 / nr as f64,
                    numbers.0,
                    numbers.1,
                    numbers.2,
                );
                let shared = crate::pipeline::similarity::features::shared(ta, tb);
                let _ = writeln!(
                    out,
                    "\t{:.4}\t{:.4}\t{:.4}\t{:.4}\t{}\t{}\t{}\t{shared}\t{}\t{}\t{}",
                    s1.whole,
                    s2.whole,
                    s1.best_unit,
                    s2.best_unit,
                    u8::from(opposed(a, b)),
                    score.verdict.as_str(),
                    u8::from(scored),
                    ta.len(),
                    tb.len(),
                    u8::from(
                        lone(0, o)
                            && lone(1, r)
                            && crate::pipeline::align::orderable(
                                &scorer,
                                &features[0][o],
                                &features[1][r]
                            )
                    ),
                );
            }
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn analysis(original: &str, rewrite: &str) -> Analysis {
        let docs = vec![
            document::from_bytes("original".into(), "o.txt".into(), original.into()).unwrap(),
            document::from_bytes("rewrite".into(), "r.txt".into(), rewrite.into()).unwrap(),
        ];
        pipeline::analyze(docs, &Options::default())
    }

    #[test]
    fn a_snippet_names_the_sentence_it_starts_in_across_line_wraps() {
        let a = analysis(
            "The council met on Monday.\nIt voted to close the\nbridge for repairs.\n",
            "Other text here.",
        );
        let s = &a.sentences[0];
        assert_eq!(
            sentence_of(&a.documents[0], s, "voted to close the bridge"),
            Ok(1)
        );
        assert!(sentence_of(&a.documents[0], s, "no such words").is_err());
        assert!(sentence_of(&a.documents[0], s, "e").is_err());
    }

    #[test]
    fn missed_false_and_right_links_are_counted() {
        let original = "The Marlow council voted 5-2 on Tuesday to close the Elm Street bridge \
                        for repairs.\n\nThe weather was mild.\n";
        let rewrite = "The Marlow council voted 5-2 on Tuesday to close the Elm Street bridge \
                       for repairs.\n\nA new library opens in June in Marlow.\n";
        let a = analysis(original, rewrite);
        let mut gold = BTreeMap::new();
        gold.insert((0, 0), Kind::Corroborated);
        gold.insert((1, 1), Kind::Paraphrased);
        let set = LabelledSet {
            name: "t".into(),
            documents: a.documents.clone(),
            gold,
        };
        let r = score(&set, &a);
        assert_eq!(r.counts.true_links, 1);
        assert_eq!(r.counts.missed_links, 1);
        assert_eq!(r.counts.false_links, 0);
        assert_eq!(r.counts.verdicts_right, 1);
        assert_eq!(r.counts.sentences, 4);
        // The weather and library sentences are labelled paraphrased but single-source.
        assert_eq!(r.counts.statuses_right, 2);
        assert_eq!(r.disagreements[0].what, "missed");
    }
}

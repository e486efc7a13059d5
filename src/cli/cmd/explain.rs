//! `crosscheck explain`: the score, the verdict and every piece of evidence behind it, for
//! two sentences given as text or for two claims of articles named by reference.
//!
//! By reference (`explain a.txt b.txt --claims a:11 b:11`), the articles are analysed as
//! `compare` analyses them and the two claims are scored as `compare` scored them (quotation
//! marks normalised, datelines cut), with what `compare` decided about the pair: linked or
//! not, and the integrity flags between them. Two bare references without articles are an
//! error, not two sentences to score.

use crate::cli::cmd::{ArticleArgs, ThresholdArgs};
use crate::cli::output;
use crate::error::{Error, Exit, Result};
use crate::pipeline::segment::LineBreaks;
use crate::pipeline::similarity::Scorer;
use crate::pipeline::Analysis;
use crate::review::links;

/// Examples shown by `explain --help` (run by the README-examples test).
const EXAMPLES: &str = "\
Examples:
  # The same claim with a changed figure: paraphrased, and why
  $ crosscheck explain 'The council voted 6-1 on Tuesday to spend $4.2 million on the new bridge, officials said.' 'Officials said the council approved $4.8 million for the bridge on Tuesday.'
  # Two unrelated sentences: different
  $ crosscheck explain 'The mayor said the bridge would open in May.' 'Fans cheered as the home team won the final in overtime.'";

/// Explain the score and verdict of two sentences, or of two claims of articles (the help
/// text is on the subcommand, in `cli`).
#[derive(Clone, Debug, clap::Args)]
#[command(after_help = EXAMPLES)]
pub struct Args {
    /// Two sentences; with --claims, the articles (files, directories, NAME=PATH).
    #[arg(value_name = "TEXT|ARTICLE", required = true)]
    inputs: Vec<String>,

    /// The two claims to explain, LABEL:SENTENCE each (`--claims wsj:4 post:12`).
    #[arg(long, num_args = 2, value_names = ["A", "B"])]
    claims: Vec<String>,

    /// With --claims: how line breaks are read (see `compare --help`).
    #[arg(long, value_enum, default_value_t = LineBreaks::Auto, requires = "claims")]
    line_breaks: LineBreaks,

    #[command(flatten)]
    thresholds: ThresholdArgs,
}

/// Whether an argument looks like a claim reference (`label:11`) rather than a sentence.
fn looks_like_reference(s: &str) -> bool {
    s.rsplit_once(':').is_some_and(|(label, n)| {
        !label.is_empty()
            && !label.contains(char::is_whitespace)
            && !n.is_empty()
            && n.chars().all(|c| c.is_ascii_digit())
    })
}

/// Runs `explain`.
pub fn run(args: &Args) -> Result<Exit> {
    let scorer = Scorer::new(args.thresholds.thresholds()?);
    if args.claims.is_empty() {
        let [a, b] = args.inputs.as_slice() else {
            return Err(Error::Usage(format!(
                "explain takes two sentences, or articles with --claims A B ({} arguments given)",
                args.inputs.len()
            )));
        };
        if looks_like_reference(a) && looks_like_reference(b) {
            return Err(Error::Usage(format!(
                "'{a}' and '{b}' name claims, not sentences: give their articles, e.g. crosscheck explain ARTICLES... --claims {a} {b}"
            )));
        }
        let text = scorer.explain(a, b).to_string();
        output::write_stdout(text.as_bytes())?;
        return Ok(Exit::Success);
    }
    let articles = ArticleArgs {
        files: args.inputs.clone(),
        labels: Vec::new(),
        line_breaks: args.line_breaks,
        abbreviations: None,
        outlets: Vec::new(),
        outlets_file: None,
        any_story: false,
        keep_all_lines: false,
        max_article_bytes: crate::pipeline::document::DEFAULT_MAX_ARTICLE_BYTES,
        input_format: crate::pipeline::input::InputFormat::Auto,
    };
    let options = articles.options(&args.thresholds)?;
    let analysis = articles.analyze(&options, 0)?;
    let at =
        |r: &str| links::resolve(&analysis, r).map_err(|e| Error::Usage(format!("--claims {e}")));
    let (a, b) = (at(&args.claims[0])?, at(&args.claims[1])?);
    let text = explain_claims(&analysis, &scorer, a, b);
    output::write_stdout(text.as_bytes())?;
    Ok(Exit::Success)
}

/// The two claims with where they are, what `compare` decided about the pair, then the
/// scorer's explanation of their texts as `compare` matched them.
fn explain_claims(analysis: &Analysis, scorer: &Scorer, a: links::At, b: links::At) -> String {
    let mut out = String::new();
    for (name, at) in [("A", a), ("B", b)] {
        out.push_str(&format!(
            "{name}        {}  {}\n",
            links::claim_name(analysis, at),
            analysis.sentences[at.0][at.1].text
        ));
    }
    let claim = &analysis.claims[a.0][a.1];
    let link = claim.links.iter().find(|l| (l.doc, l.sentence) == b);
    let decided = match link {
        _ if a.0 == b.0 => "not compared (both claims are in one article)".to_string(),
        Some(l) => format!("linked, {} (score {:.3})", l.verdict, l.score),
        None => "not linked".to_string(),
    };
    out.push_str(&format!("compare  {decided}\n"));
    let flags: Vec<&str> = claim
        .flags
        .iter()
        .filter(|f| (f.doc, f.sentence) == b)
        .map(|f| f.kind.as_str())
        .collect();
    if !flags.is_empty() {
        out.push_str(&format!("flags    {}\n", flags.join(", ")));
    }
    let explanation = scorer.explain(
        &links::matched_text(analysis, a),
        &links::matched_text(analysis, b),
    );
    out.push_str(&explanation.to_string());
    out
}

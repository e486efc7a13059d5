//! `crosscheck explain`: the score, the verdict and every piece of evidence behind it, for
//! two sentences given as text or for two claims of articles named by reference.
//!
//! By reference (`explain a.txt b.txt --claims a:11 b:11`), the articles are analysed as
//! `compare` analyses them and the two claims are scored as `compare` scored them (quotation
//! marks normalised, datelines cut), with what `compare` decided about the pair: linked or
//! not, why (as the alignment decided it: never a candidate and for what reason, or the
//! context stage's probability against its threshold, its measures at the end), and the
//! integrity flags between them. Two bare references without articles are an error, not two
//! sentences to score.
//!
//! For two sentences, the verdict is followed by the integrity flags `compare` would raise on
//! the pair were it linked (each sentence read as a one-sentence article), so a changed day
//! or actor shows here as it does in `compare`.
//!
//! After the sentence scorer's evidence comes the claim matcher's: its probability and
//! measures, then the word alignment behind its coverage, each way: every claim word, by claim
//! unit, with its counterpart in the other sentence and what matched it (the same stem, an
//! acronym and its spelled-out name, the same prefix, a semantic neighbour and its cosine, or
//! nothing) and its weight (rarity in news
//! and in the story; for two bare sentences the story is the two of them).

use crate::cli::cmd::{ArticleArgs, ThresholdArgs};
use crate::cli::output;
use crate::error::{Error, Exit, Result};
use crate::pipeline::align::{ContextDecision, Dropped, NotCandidate, PairDecision};
use crate::pipeline::attribution::Attributor;
use crate::pipeline::document;
use crate::pipeline::matcher_model::{CONTEXT_BIAS, CONTEXT_WEIGHTS};
use crate::pipeline::reading::word_spans;
use crate::pipeline::segment::LineBreaks;
use crate::pipeline::segment::Sentence;
use crate::pipeline::similarity::coverage::{
    align_words, claim_word_texts, ClaimWords, Evidence, StoryWeights,
};
use crate::pipeline::similarity::{Features, Scorer};
use crate::pipeline::Analysis;
use crate::pipeline::{context, matcher};
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
        // an empty side has no words to score: the "score" would be the intercept's alone
        if let Some(side) = [("first sentence (A)", a), ("second sentence (B)", b)]
            .iter()
            .find_map(|(side, s)| s.trim().is_empty().then_some(side))
        {
            return Err(Error::Usage(format!(
                "explain: empty sentence: the {side} has no words to score"
            )));
        }
        if looks_like_reference(a) && looks_like_reference(b) {
            return Err(Error::Usage(format!(
                "'{a}' and '{b}' name claims, not sentences: give their articles, e.g. crosscheck explain ARTICLES... --claims {a} {b}"
            )));
        }
        let claims = [Claimed::of_text(a), Claimed::of_text(b)];
        let story = StoryWeights::new(claims.iter().map(|c| &c.words));
        let mut text = scorer.explain(a, b).to_string();
        // the flags go under the verdict, before the evidence table
        let head = text.find("\n\n").map_or(text.len(), |i| i + 1);
        text.insert_str(head, &integrity_line(a, b, &args.thresholds)?);
        text.push_str(&explain_match(&scorer, &claims, &story));
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
    let mut options = articles.options(&args.thresholds)?;
    let analysis = articles.analyze(&options, 0)?;
    let at =
        |r: &str| links::resolve(&analysis, r).map_err(|e| Error::Usage(format!("--claims {e}")));
    let (a, b) = (at(&args.claims[0])?, at(&args.claims[1])?);
    if a == b {
        // a claim always matches itself: there is no pair for compare to have decided on
        return Err(Error::Usage(format!(
            "--claims {} {}: both name the same claim; give two different claims",
            args.claims[0], args.claims[1]
        )));
    }
    // The references are resolved against the analysis; a second run, which links alike,
    // records why the alignment linked the pair or did not.
    let analysis = if a.0 == b.0 {
        analysis
    } else {
        options.align.explain = Some((a, b));
        articles.analyze(&options, 0)?
    };
    let text = explain_claims(&analysis, &scorer, a, b);
    output::write_stdout(text.as_bytes())?;
    Ok(Exit::Success)
}

/// The integrity flags `compare` would raise on the two sentences were they linked, as a
/// `flags` line ("none" when it would raise none): each sentence is read as a one-sentence
/// article and its facts taken as for any matched pair ([`links::pair_flags`]).
fn integrity_line(a: &str, b: &str, thresholds: &ThresholdArgs) -> Result<String> {
    let docs = [("A", a), ("B", b)]
        .iter()
        .map(|(label, text)| {
            let name = format!("sentence {label}");
            document::from_bytes((*label).into(), name, text.as_bytes().to_vec())
        })
        .collect::<Result<Vec<_>>>()?;
    let options = crate::pipeline::Options {
        thresholds: thresholds.thresholds()?,
        ..Default::default()
    };
    let analysis = crate::pipeline::analyze(docs, &options);
    if analysis.claims.iter().any(|c| c.len() != 1) {
        return Ok("flags    not read: a side is more than one sentence\n".to_string());
    }
    let kinds = links::pair_flags(&analysis, (0, 0), (1, 0));
    let names: Vec<&str> = kinds.iter().map(|k| k.as_str()).collect();
    let names = if names.is_empty() {
        "none".to_string()
    } else {
        names.join(", ")
    };
    // the verdict line above is the scorer's; compare settles it with these flags
    let settled = if kinds.iter().any(|k| k.changes_facts()) {
        "; a changed fact: compare settles a corroborated link as paraphrased"
    } else {
        ""
    };
    Ok(format!(
        "flags    {names} (integrity, if compare linked the pair{settled})\n"
    ))
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
    if let Some(decision) = &analysis.explained {
        out.push_str(&format!("why      {}\n", why(decision)));
    }
    let flags: Vec<&str> = claim
        .flags
        .iter()
        .filter(|f| (f.doc, f.sentence) == b)
        .map(|f| f.kind.as_str())
        .collect();
    if !flags.is_empty() {
        out.push_str(&format!("flags    {}\n", flags.join(", ")));
    }
    let (text_a, text_b) = (
        links::matched_text(analysis, a),
        links::matched_text(analysis, b),
    );
    out.push_str(&scorer.explain(&text_a, &text_b).to_string());
    let reader = links::ClaimReader::new(analysis);
    let claims = [a, b].map(|at| Claimed {
        words: reader.words(at),
        texts: reader.word_texts(at),
        text: links::matched_text(analysis, at),
    });
    out.push_str(&explain_match(scorer, &claims, &reader.story()));
    if let Some(PairDecision::Context(c)) = &analysis.explained {
        out.push('\n');
        out.push_str(&context_table(c));
    }
    out
}

/// What decided the link, in one line.
fn why(decision: &PairDecision) -> String {
    match decision {
        PairDecision::SameText => "one text in both articles: a copy links to its copy".into(),
        PairDecision::NotCandidate(why) => format!("not a candidate: {}", not_candidate(why)),
        PairDecision::Context(c) => {
            let verdict = if c.probability >= context::THRESHOLD {
                ">="
            } else {
                "<"
            };
            let mut line = format!(
                "context stage {:.3} {verdict} threshold {:.3} (stage 1 {:.3}, one of {} candidate pairs of the two articles)",
                c.probability,
                context::THRESHOLD,
                c.stage1,
                c.candidates
            );
            if c.by_order {
                line.push_str(
                    ", proposed by order: it lies next to a sure pair of the two articles, not sharing enough terms",
                );
            }
            match c.dropped {
                Some(Dropped::OtherStory) => line.push_str(
                    ", but an unanchored paraphrase between articles that show no sign of one story (no anchored claim, no distinctive name in common)",
                ),
                Some(Dropped::CopyElsewhere) => line.push_str(
                    ", but B's article has A's very text in another sentence, which is the link",
                ),
                None => {}
            }
            line
        }
    }
}

fn not_candidate(why: &NotCandidate) -> String {
    match *why {
        NotCandidate::FewSharedTerms { shared, smaller } => format!(
            "{shared} index term(s) in common of the smaller side's {smaller} (a candidate shares at least 2, 1 when a side has at most 3, and a quarter of the smaller side's)"
        ),
        NotCandidate::CommonTermsOnly => {
            "every index term in common is too common in these articles to propose a pair".into()
        }
        NotCandidate::ScorerBelowFloor(p) => {
            format!("the sentence scorer gives {p:.3}, below its floor of 0.010")
        }
        NotCandidate::NamesConflict => {
            "different parties around one stock phrase (the sentence scorer's names conflict)"
                .into()
        }
        NotCandidate::Stage1BelowFloor(p) => format!(
            "stage 1 gives {p:.3}, below the context stage's floor of {:.3}",
            context::FLOOR
        ),
    }
}

/// The context stage's measures of the pair with their weights, as the matcher's are shown.
fn context_table(c: &ContextDecision) -> String {
    let regression = context::regression(&c.measures);
    let mut out = format!(
        "context  probability {:.3}: {} (threshold {:.3})\n",
        c.probability,
        if c.probability >= context::THRESHOLD {
            "link"
        } else {
            "no link"
        },
        context::THRESHOLD
    );
    if c.probability > regression {
        out.push_str(&format!(
            "         a sure pair among no look-alikes keeps its stage-1 probability (the regression gives {regression:.3})\n"
        ));
    }
    out.push_str(&format!(
        "\n{:<28} {:>7} {:>8} {:>8}\n",
        "measure", "value", "weight", "contrib"
    ));
    for ((name, value), weight) in context::MEASURES
        .iter()
        .zip(&c.measures)
        .zip(CONTEXT_WEIGHTS)
    {
        out.push_str(&format!(
            "{name:<28} {value:>7.3} {weight:>8.3} {:>+8.3}\n",
            value * weight
        ));
    }
    out.push_str(&format!(
        "{:<28} {:>7} {:>8} {CONTEXT_BIAS:>+8.3}\n",
        "intercept", "", ""
    ));
    out
}

/// A claim's text and its claim words, as `compare` matched them.
struct Claimed {
    text: String,
    words: ClaimWords,
    /// Each claim word as written.
    texts: Vec<String>,
}

impl Claimed {
    /// A sentence read on its own, its credit found as `compare` finds it: the attribution
    /// stage reads it as an article of one sentence.
    fn of_text(text: &str) -> Claimed {
        let sentence = Sentence {
            paragraph: 1,
            line: 1,
            span: 0..text.len(),
            text: text.to_string(),
        };
        let attribution = Attributor::new().attribute(&[sentence]).remove(0);
        let credit = attribution.credit(0);
        let spans = word_spans(text);
        Claimed {
            words: ClaimWords::credited(text, &spans, &credit),
            texts: claim_word_texts(text, &spans, &credit),
            text: text.to_string(),
        }
    }
}

/// The claim matcher's decision on two claims and the word alignment behind it, each way.
fn explain_match(scorer: &Scorer, claims: &[Claimed; 2], story: &StoryWeights) -> String {
    let [a, b] = claims;
    let msrp = scorer
        .score(&Features::new(&a.text), &Features::new(&b.text))
        .value;
    let mut out = format!(
        "\n{}",
        matcher::explain_pair(msrp, &a.words, &b.words, story)
    );
    for (name, other, x, y) in [("A", "B", a, b), ("B", "A", b, a)] {
        out.push('\n');
        out.push_str(&word_alignment(name, other, x, y, story));
    }
    out
}

/// One side's claim words, by unit, each with its counterpart in the other text.
fn word_alignment(
    name: &str,
    other: &str,
    x: &Claimed,
    y: &Claimed,
    story: &StoryWeights,
) -> String {
    let (words_x, words_y) = (&x.texts, &y.texts);
    let aligned = align_words(&x.words, &y.words, |w| story.weight(w));
    let mut out = format!(
        "{name}'s claim words in {other}\n{:<5} {:<18} {:<18} {:<16} {:>5} {:>6}\n",
        "unit", "word", "counterpart", "evidence", "match", "weight"
    );
    for m in &aligned {
        let counterpart = m.counterpart.map_or("-", |j| words_y[j].as_str());
        let evidence = match m.evidence {
            Evidence::Stem => "same stem".to_string(),
            Evidence::Prefix => "same prefix".to_string(),
            Evidence::Acronym => "acronym".to_string(),
            Evidence::Neighbour(cos) => format!("neighbour {cos:.2}"),
            Evidence::Unmatched => "none".to_string(),
        };
        out.push_str(&format!(
            "{:<5} {:<18} {:<18} {:<16} {:>5.2} {:>6.2}\n",
            m.unit + 1,
            words_x[m.word],
            counterpart,
            evidence,
            m.matched,
            m.weight
        ));
    }
    for (u, range) in x.words.units.iter().enumerate() {
        let part = &aligned[range.clone()];
        let total: f64 = part.iter().map(|m| m.weight).sum();
        let got: f64 = part.iter().map(|m| m.weight * m.matched).sum();
        let share = if total > 0.0 { got / total } else { 0.0 };
        out.push_str(&format!(
            "unit {}: {share:.2} of its weight in {other}\n",
            u + 1
        ));
    }
    out
}

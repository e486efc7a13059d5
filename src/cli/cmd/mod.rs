//! Subcommands: one file each, holding its arguments and its `run`.
//!
//! Arguments shared by every command that reads articles live here in [`ArticleArgs`]; it turns
//! raw flags into loaded documents and pipeline [`Options`] in one place.

pub mod check;
pub mod compare;
pub mod eval;
pub mod explain;
pub mod fit;
pub mod pairs;
pub mod review;
pub mod segment;

use std::path::PathBuf;

use crate::error::{Error, Result};
use crate::pipeline::document::{self, Document, Input};
use crate::pipeline::input::{self as reader, InputFormat};
use crate::pipeline::provenance::{outlet_from_names, Outlet, OutletBook};
use crate::pipeline::segment::{LineBreaks, SegmentConfig};
use crate::pipeline::similarity::Thresholds;
use crate::pipeline::{self, Analysis, Options};

/// Articles to read and how to read them.
#[derive(Clone, Debug, clap::Args)]
pub struct ArticleArgs {
    /// Articles: files, directories (every .txt inside, sorted by path), `-` for stdin, or
    /// NAME=PATH to set a label.
    #[arg(required = true, value_name = "FILE")]
    pub files: Vec<String>,

    /// Labels for the articles, in order (default: each file's stem).
    #[arg(long = "label", value_name = "NAME")]
    pub labels: Vec<String>,

    /// How line breaks are read: `lines` (each line a paragraph), `wrap` (single breaks are
    /// soft wraps, blank lines separate paragraphs) or `auto` (decide per document).
    #[arg(long, value_enum, default_value_t = LineBreaks::Auto)]
    pub line_breaks: LineBreaks,

    /// Keep every line of a text article: by default lines that are page furniture (menus,
    /// "Share", "Read more", bylines, date lines, cookie and newsletter boxes, a comments
    /// section) are left out of the claims (docs/input.md).
    #[arg(long)]
    pub keep_all_lines: bool,

    /// How to read the inputs: `auto` (by extension), `text` or `html`. Standard input is text
    /// unless this says otherwise. (`compare` also reads JSON lines archives.)
    #[arg(long, value_parser = input_formats(false), default_value = "auto")]
    pub input_format: InputFormat,

    /// A file of extra abbreviations, one per line (`Gen.`, `Calif.`), added to the built-in list.
    #[arg(long, value_name = "FILE")]
    pub abbreviations: Option<PathBuf>,

    /// The outlet of an article and its aliases: `LABEL="Name,alias,..."` (repeatable), e.g.
    /// `--outlet wsj="The Wall Street Journal,the Journal,WSJ"`.
    #[arg(long = "outlet", value_name = "LABEL=NAMES")]
    pub outlets: Vec<String>,

    /// A file of extra known outlets, one per line: `Name | alias | alias`.
    #[arg(long = "outlets", value_name = "FILE")]
    pub outlets_file: Option<PathBuf>,

    /// Match paraphrases even between articles that share no distinctive names (by default
    /// such articles are different stories; see docs/decisions.md). For collections of
    /// unrelated sentences rather than stories.
    #[arg(long)]
    pub any_story: bool,

    /// Refuse any article larger than this many bytes (default 16 MiB; see
    /// docs/reliability.md). Memory grows with the largest article.
    #[arg(long, value_name = "BYTES", default_value_t = document::DEFAULT_MAX_ARTICLE_BYTES)]
    pub max_article_bytes: u64,
}

/// The `--input-format` help of `compare`, the one command that also reads JSON lines
/// archives (given to [`with_archives`]).
const INPUT_FORMAT_WITH_ARCHIVES: &str = "How to read the inputs: `auto` (by extension), \
`text`, `html` or `jsonl` (archives, one article per line; docs/input.md). Standard input is \
text unless this says otherwise";

/// The values of `--input-format`, derived from [`InputFormat`] (its variants' comments are
/// their help). `archives` keeps `jsonl`, which only `compare` reads; for the other commands
/// it is not a possible value, so `--help` lists what the command accepts.
fn input_formats(archives: bool) -> impl clap::builder::TypedValueParser<Value = InputFormat> {
    use clap::builder::{PossibleValuesParser, TypedValueParser};
    use clap::ValueEnum;
    let values = InputFormat::value_variants()
        .iter()
        .filter(|&&f| archives || f != InputFormat::Jsonl)
        .filter_map(ValueEnum::to_possible_value);
    PossibleValuesParser::new(values).try_map(|name| InputFormat::from_str(&name, false))
}

/// Makes `--input-format` of a command that flattens [`ArticleArgs`] accept JSON lines
/// archives too (`#[command(mut_arg("input_format", with_archives))]`).
pub fn with_archives(arg: clap::Arg) -> clap::Arg {
    arg.value_parser(input_formats(true))
        .help(INPUT_FORMAT_WITH_ARCHIVES)
        .long_help(INPUT_FORMAT_WITH_ARCHIVES)
}

/// Matching thresholds.
#[derive(Clone, Debug, clap::Args)]
pub struct ThresholdArgs {
    /// Minimum similarity for two sentences to state the same claim (paraphrased).
    #[arg(long, value_name = "SCORE", default_value_t = Thresholds::default().paraphrase)]
    pub paraphrase_threshold: f64,

    /// Minimum similarity for "largely the same words" (corroborated).
    #[arg(long, value_name = "SCORE", default_value_t = Thresholds::default().corroborate)]
    pub corroborate_threshold: f64,
}

impl ThresholdArgs {
    /// Validated thresholds.
    pub fn thresholds(&self) -> Result<Thresholds> {
        let (p, c) = (self.paraphrase_threshold, self.corroborate_threshold);
        if !(0.0..=1.0).contains(&p) || !(0.0..=1.0).contains(&c) {
            return Err(Error::Usage("thresholds must lie in [0,1]".into()));
        }
        if c < p {
            return Err(Error::Usage(
                "--corroborate-threshold must not be below --paraphrase-threshold".into(),
            ));
        }
        Ok(Thresholds {
            paraphrase: p,
            corroborate: c,
        })
    }
}

impl ArticleArgs {
    /// Reads every article named on the command line.
    pub fn load(&self) -> Result<Vec<Document>> {
        let inputs: Vec<Input> = self.files.iter().map(|f| Input::parse(f)).collect();
        let mut inputs = document::expand_inputs(inputs)?;
        if self.labels.len() > inputs.len() {
            return Err(Error::Usage(format!(
                "{} labels given for {} articles",
                self.labels.len(),
                inputs.len()
            )));
        }
        for (input, label) in inputs.iter_mut().zip(&self.labels) {
            if label.trim().is_empty() {
                return Err(Error::Usage(format!(
                    "--label '{label}': a label must not be empty (it names the article in every output)"
                )));
            }
            input.label = Some(label.clone());
        }
        reader::load_all(&inputs, self.input_format, self.max_article_bytes)
    }

    /// The JSON lines archives to read story by story, when the inputs are archives
    /// (`--input-format jsonl`, or every input ends in `.jsonl`); `None` for articles.
    pub fn archives(&self) -> Result<Option<Vec<Input>>> {
        let inputs: Vec<Input> = self.files.iter().map(|f| Input::parse(f)).collect();
        let jsonl = inputs
            .iter()
            .filter(|i| self.input_format.of(i) == InputFormat::Jsonl)
            .count();
        if jsonl == 0 {
            return Ok(None);
        }
        if jsonl < inputs.len() {
            return Err(Error::Usage(
                "JSON lines archives cannot be mixed with other articles".into(),
            ));
        }
        if !self.labels.is_empty() || inputs.iter().any(|i| i.label.is_some()) {
            return Err(Error::Usage(
                "articles in JSON lines are labelled by their \"id\", not --label or NAME=".into(),
            ));
        }
        if inputs.iter().filter(|i| i.is_stdin()).count() > 1 {
            return Err(Error::input("-", "standard input can be given only once"));
        }
        Ok(Some(inputs))
    }

    /// Every file these arguments read: the articles (directories expanded as [`load`] does),
    /// the abbreviation list and the outlets file.
    ///
    /// [`load`]: ArticleArgs::load
    pub fn input_paths(&self) -> Result<Vec<PathBuf>> {
        let inputs: Vec<Input> = self.files.iter().map(|f| Input::parse(f)).collect();
        let mut paths: Vec<PathBuf> = document::expand_inputs(inputs)?
            .into_iter()
            .map(|i| i.path)
            .collect();
        paths.extend(self.abbreviations.iter().cloned());
        paths.extend(self.outlets_file.iter().cloned());
        Ok(paths)
    }

    /// Refuses an output file (given with `flag`) that is one of the inputs, before anything
    /// is read or written.
    pub fn refuse_output(&self, flag: &str, output: Option<&std::path::Path>) -> Result<()> {
        match output {
            Some(out) => crate::cli::output::refuse_input(flag, out, &self.input_paths()?),
            None => Ok(()),
        }
    }

    /// Segmenter settings, reading the extra abbreviation list if one was given.
    pub fn segment_config(&self) -> Result<SegmentConfig> {
        let extra_abbreviations = match &self.abbreviations {
            None => Vec::new(),
            Some(path) => read_word_list(path)?,
        };
        Ok(SegmentConfig {
            line_breaks: self.line_breaks,
            extra_abbreviations,
            drop_furniture: !self.keep_all_lines,
        })
    }

    /// Pipeline options from these arguments and the thresholds.
    pub fn options(&self, thresholds: &ThresholdArgs) -> Result<Options> {
        let mut outlets = OutletBook::default();
        if let Some(path) = &self.outlets_file {
            let text = crate::textfile::read(path)?;
            outlets.extend_front(OutletBook::parse(&text));
        }
        let mut options = Options {
            segment: self.segment_config()?,
            thresholds: thresholds.thresholds()?,
            outlets,
            outlet_overrides: self.outlet_overrides()?,
            ..Options::default()
        };
        options.align.same_story = !self.any_story;
        Ok(options)
    }

    /// Reads the articles and runs the pipeline with these options, on `threads` threads
    /// (0: one per core).
    pub fn analyze(&self, options: &Options, threads: usize) -> Result<Analysis> {
        let documents = self.load()?;
        refuse_unknown_outlet_labels(&options.outlet_overrides, &documents)?;
        Ok(pipeline::analyze_with_threads(documents, options, threads))
    }

    fn outlet_overrides(&self) -> Result<Vec<(String, Outlet)>> {
        self.outlets
            .iter()
            .map(|arg| {
                let parsed = arg.split_once('=').and_then(|(label, names)| {
                    let names = names.trim_matches('"');
                    Some((label.to_string(), outlet_from_names(names.split(','))?))
                });
                parsed.ok_or_else(|| {
                    Error::Usage(format!("--outlet {arg}: expected LABEL=\"Name,alias,...\""))
                })
            })
            .collect()
    }
}

/// Refuses an `--outlet LABEL=...` whose label no article has: the override would apply to
/// nothing, and a misspelt label would leave the article's outlet unset without a word.
fn refuse_unknown_outlet_labels(
    overrides: &[(String, Outlet)],
    documents: &[Document],
) -> Result<()> {
    let Some((label, _)) = overrides
        .iter()
        .find(|(label, _)| !documents.iter().any(|d| d.label == *label))
    else {
        return Ok(());
    };
    let labels: Vec<&str> = documents.iter().map(|d| d.label.as_str()).collect();
    Err(Error::Usage(format!(
        "--outlet {label}=...: no article is labelled '{label}' (the labels are: {})",
        labels.join(", ")
    )))
}

/// Reads a word list: one entry per line, `#` comments and blank lines ignored.
pub fn read_word_list(path: &std::path::Path) -> Result<Vec<String>> {
    let text = crate::textfile::read(path)?;
    Ok(text
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(str::to_string)
        .collect())
}

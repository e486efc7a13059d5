//! `crosscheck review`: walk the claims and integrity flags nobody has decided yet, one at a
//! time, and record each decision in the reviews file the moment it is made.
//!
//! Pending are single-source claims, claims only copies of their own source have, and
//! integrity flags (once per change, [`crate::pipeline::flagged`]). Flags are walked first (a
//! copy changed the facts: what matters most) and are never accepted in bulk: `--accept-all`
//! is for baselining claims, and a flag is a specific change a person should have looked at.
//! `--doc LABEL` and `--only single-source|flags|derived` narrow the queue. Besides deciding a
//! claim, the reviewer can correct the alignment: `l` links it with another claim, `x` unlinks
//! a wrong link (see [`crate::review::links`]). Claims are named `label:sentence` everywhere,
//! with `file:line` beside it.
//!
//! On a terminal one key press is enough (raw mode, see [`crate::cli::terminal`]); otherwise, or with
//! `--line-mode`, keys are read one line at a time from standard input, so the same loop serves
//! a person at a terminal and a script or test piping keys in. Every decision is written at once
//! with an atomic rename, synced before the next prompt: quitting, Ctrl-C or a crash loses
//! nothing, and the next run resumes with the claims still pending. Each write merges into the
//! file as it is then ([`crate::review::store`]): decisions made meanwhile by another session,
//! `--set`, a hand edit or a `git pull` are kept, and a claim someone else decided since this
//! session read the file is shown as a conflict instead of being overwritten.
//!
//! Non-interactive forms: `--list` (pending claims and flags as a table or CSV, a count on
//! stderr), `--accept-all` (mark every pending claim verified) and `--set CLAIM=DECISION
//! [--note TEXT]` (a claim or a flag; `CLAIM+CLAIM=linked|unlinked` for a pair).

use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};

use crate::cli::cmd::{ArticleArgs, ThresholdArgs};
use crate::cli::count;
use crate::cli::terminal::{CrLf, Keys, LineKeys, RawKeys};
use crate::error::{Error, Exit, Result};
use crate::pipeline::classify::Claim;
use crate::pipeline::flagged::{self, FlaggedPair};
use crate::pipeline::integrity::FlagKind;
use crate::pipeline::similarity::Scorer;
use crate::pipeline::Analysis;
use crate::review::store::Store;
use crate::review::{self, diff, links, Decision, Reviews};

/// Output format of `review --list`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// Aligned columns for people.
    #[default]
    Table,
    /// CSV with a header row: id,doc,sentence,line,pending,attribution,flags,text.
    Csv,
}

/// Examples shown by `review --help` (run by the README-examples test).
const EXAMPLES: &str = "\
Examples (from the repository root):
  # One pending claim or flag at a time; a key per decision (keys above)
  $ crosscheck review corpus/ukraine-plan/
  # What is pending, as a table
  $ crosscheck review corpus/wire-rewrite/ --list
  # Record decisions without asking (ids from --list)
  $ crosscheck review corpus/ukraine-plan/ --set 038ae5df169c=verified --note 'checked against the filing'";

/// The text after the options in `review --help`: the keys of the interactive review (the
/// same table `?` shows during a session, so the two never disagree) and examples.
fn after_help() -> String {
    format!("Keys of the interactive review:\n{HELP}\n{EXAMPLES}")
}

/// Which pending items to review or list (`--only`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Only {
    /// Single-source claims.
    SingleSource,
    /// Integrity flags.
    Flags,
    /// Claims only copies of their own source have (derived support, not independent).
    Derived,
}

/// Review single-source claims and integrity flags and record decisions in the reviews file.
#[derive(Clone, Debug, clap::Args)]
#[command(after_help = after_help())]
pub struct Args {
    #[command(flatten)]
    articles: ArticleArgs,

    #[command(flatten)]
    thresholds: ThresholdArgs,

    /// The reviews file (default: reviews.csv in the first article's directory). Created if
    /// missing.
    #[arg(long, value_name = "FILE")]
    reviews: Option<PathBuf>,

    /// List the pending claims and integrity flags instead of reviewing them.
    #[arg(long, conflicts_with_all = ["accept_all", "set"])]
    list: bool,

    /// Format of `--list`.
    #[arg(long, value_enum, default_value_t = Format::Table, requires = "list")]
    format: Format,

    /// Mark every pending claim verified (as `cargo insta accept` does). Integrity flags are
    /// left pending: each needs a person's decision.
    #[arg(long, conflicts_with = "set")]
    accept_all: bool,

    /// Record a decision without asking (repeatable). CLAIM=verified, CLAIM=needs-source or
    /// CLAIM=disputed, where CLAIM is LABEL:SENTENCE (`rewrite:12`, as --list shows it), a
    /// claim id or an integrity flag's id; CLAIM+CLAIM=linked (the two are the same claim,
    /// whatever the scorer found) or CLAIM+CLAIM=unlinked (they are not; a found link is
    /// dropped), e.g. `--set rewrite:12+wire:11=linked`. compare, check and the report apply
    /// link decisions.
    #[arg(long, value_name = "CLAIM=DECISION")]
    set: Vec<String>,

    /// Review or list only the claims of this article (its label), and the flags on them.
    #[arg(long, value_name = "LABEL")]
    doc: Option<String>,

    /// Review or list only one kind of pending item.
    #[arg(long, value_enum, value_name = "KIND")]
    only: Option<Only>,

    /// Read keys as lines (key, then Enter) even on a terminal, instead of single key presses.
    #[arg(long)]
    line_mode: bool,

    /// A note stored with the decisions of `--set` or `--accept-all` (one line).
    #[arg(long, value_name = "TEXT")]
    note: Option<String>,
}

/// Runs `review`.
pub fn run(args: &Args) -> Result<Exit> {
    let interactive = !args.list && !args.accept_all && args.set.is_empty();
    if args.note.is_some() && (args.list || interactive) {
        return Err(Error::Usage(
            "--note goes with --set or --accept-all".into(),
        ));
    }
    if interactive && args.articles.files.iter().any(|f| f == "-") {
        return Err(Error::Usage(
            "review reads its keys from standard input: give the articles as files".into(),
        ));
    }
    let mut options = args.articles.options(&args.thresholds)?;
    // the session shows each claim's nearest sentences: scored with the analysis's features
    options.keep_features = interactive;
    let analysis = args.articles.analyze(&options, 0)?;
    let path = review::path_or_default(args.reviews.as_deref(), &analysis.documents);
    if !args.list {
        // the reviews file is written: it must not be an article
        args.articles.refuse_output("--reviews", Some(&path))?;
    }
    let store = Store::new(&path);
    let mut reviews = store.load()?;
    let migrated = reviews.migrate(&analysis);
    let analysis = links::apply(analysis, &reviews, &Scorer::new(options.thresholds));
    report_stale(&analysis, &reviews, &path);
    let filter = Filter::new(&analysis, args.doc.as_deref(), args.only)?;
    if args.list {
        let queue = queue(&analysis, &reviews, &filter);
        let bytes = list(&analysis, &queue, args.format);
        crate::cli::output::write_stdout(&bytes)?;
        eprintln!("{} pending: {}", queue.len(), pending_summary(&queue));
    } else if args.accept_all {
        let note = args.note.as_deref().unwrap_or("");
        // pending as the file is now, under the lock: a decision made meanwhile is kept
        let (n, reviews) = store.update(|now| {
            now.migrate(&analysis);
            let entries: Vec<review::Entry> = review::pending(&analysis, now)
                .into_iter()
                .filter(|c| filter.keeps_claim(c))
                .map(|claim| Reviews::entry_for(&analysis, claim, Decision::Verified, note))
                .collect();
            let n = entries.len();
            for e in entries {
                now.set(e);
            }
            n
        })?;
        eprintln!(
            "accepted {} as verified in {}",
            count(n, "pending claim", "pending claims"),
            path.display()
        );
        let flags = review::pending_flags(&analysis, &reviews).len();
        if flags > 0 {
            eprintln!(
                "{} still pending: a copy changed the facts; review them one by one (review, or --set ID=DECISION)",
                count(flags, "integrity flag", "integrity flags")
            );
        }
    } else if !args.set.is_empty() {
        let entries = set_entries(&analysis, &args.set, args.note.as_deref())?;
        store.update(|now| {
            now.migrate(&analysis);
            for e in entries {
                now.set(e);
            }
        })?;
        eprintln!(
            "recorded {} in {}",
            count(args.set.len(), "decision", "decisions"),
            path.display()
        );
    } else {
        if migrated > 0 {
            // re-keyed entries are written under their new ids with the first decision
            eprintln!(
                "{}: {} re-keyed to this version's ids",
                path.display(),
                count(migrated, "decision", "decisions")
            );
        }
        let scorer = Scorer::new(options.thresholds);
        let neighbourhood =
            review::Neighbourhood::new(&analysis).expect("kept for an interactive session");
        let mut session = Session {
            analysis: &analysis,
            filter: &filter,
            scorer: &scorer,
            neighbourhood: &neighbourhood,
            reviews,
            store: &store,
            path: &path,
            style: Style::detect(),
        };
        let raw =
            !args.line_mode && std::io::stdin().is_terminal() && std::io::stdout().is_terminal();
        let result = if raw {
            // single key presses; the guard restores the terminal on every way out
            let mut keys = RawKeys::new().map_err(|source| Error::Read {
                path: "-".into(),
                source,
            })?;
            session.run(&mut keys, &mut CrLf::new(std::io::stdout().lock()))
        } else {
            let mut keys = LineKeys::new(std::io::stdin().lock());
            session.run(&mut keys, &mut std::io::stdout().lock())
        };
        match result {
            Ok(saved) => saved?,
            // the reader closed the pipe (`| head`): every decision is saved already
            Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => {}
            Err(source) => {
                return Err(Error::Write {
                    path: "-".into(),
                    source,
                })
            }
        }
    }
    Ok(Exit::Success)
}

fn report_stale(analysis: &Analysis, reviews: &Reviews, path: &Path) {
    let stale = reviews.stale(analysis);
    if stale.is_empty() {
        return;
    }
    eprintln!(
        "{}: {} (their claims or flags are no longer in the articles; kept until you delete the lines):",
        path.display(),
        count(stale.len(), "stale review", "stale reviews")
    );
    for e in stale {
        eprintln!("  {} {} {}", e.id, e.doc, e.text);
    }
}

fn attribution_label(claim: &Claim) -> String {
    let a = &claim.attribution;
    if review::is_unattributed(claim) {
        return "unattributed".to_string();
    }
    let kind = match a.kind {
        crate::pipeline::attribution::AttributionKind::Carried => "carried",
        _ => "explicit",
    };
    if a.source.is_empty() {
        kind.to_string()
    } else {
        format!("{kind}: {}", a.source)
    }
}

/// Why a claim is pending, as `--list` shows it.
fn pending_reason(claim: &Claim) -> &'static str {
    if review::is_echo_only(claim) {
        "copies-only"
    } else {
        "single-source"
    }
}

/// One `--list` row: id, doc, sentence, line, pending, attribution, flags, text.
type Row = [String; 8];

fn claim_row(analysis: &Analysis, c: &Claim) -> Row {
    let s = &analysis.sentences[c.doc][c.sentence];
    [
        c.id.clone(),
        analysis.documents[c.doc].label.clone(),
        (c.sentence + 1).to_string(),
        s.line.to_string(),
        pending_reason(c).to_string(),
        attribution_label(c),
        flagged::flags_column(analysis, c),
        s.text.clone(),
    ]
}

fn flag_row(analysis: &Analysis, f: &FlaggedPair) -> Row {
    let c = f.claim(analysis);
    let s = &analysis.sentences[c.doc][c.sentence];
    let others: Vec<String> = std::iter::once(f.other)
        .chain(f.also.iter().copied())
        .map(|at| {
            format!(
                "{}:{}",
                f.kind.as_str(),
                flagged::sentence_name(analysis, at)
            )
        })
        .collect();
    [
        f.id.clone(),
        analysis.documents[c.doc].label.clone(),
        (c.sentence + 1).to_string(),
        s.line.to_string(),
        "flag".to_string(),
        attribution_label(c),
        others.join(";"),
        s.text.clone(),
    ]
}

fn list(analysis: &Analysis, queue: &[Pending], format: Format) -> Vec<u8> {
    let rows: Vec<Row> = queue
        .iter()
        .map(|p| match p {
            Pending::Claim(c) => claim_row(analysis, c),
            Pending::Flag(f) => flag_row(analysis, f),
        })
        .collect();
    let header = [
        "id",
        "doc",
        "sentence",
        "line",
        "pending",
        "attribution",
        "flags",
        "text",
    ];
    match format {
        Format::Csv => {
            let mut w = csv::WriterBuilder::new()
                .terminator(csv::Terminator::Any(b'\n'))
                .from_writer(Vec::new());
            w.write_record(header).expect("writes to memory");
            for r in &rows {
                w.write_record(r).expect("writes to memory");
            }
            w.into_inner().expect("writes to memory")
        }
        Format::Table => {
            // every column but the last (the text) padded to its widest value; an empty flags
            // column shows `-` so the table splits on whitespace
            let last = header.len() - 1;
            let rows: Vec<Row> = rows
                .into_iter()
                .map(|mut r| {
                    if r[6].is_empty() {
                        r[6] = "-".into();
                    }
                    r
                })
                .collect();
            let mut widths = header.map(|h| h.chars().count());
            for r in &rows {
                for (i, f) in r.iter().enumerate().take(last) {
                    widths[i] = widths[i].max(f.chars().count());
                }
            }
            let mut out = String::new();
            let mut line = |fields: [&str; 8]| {
                for (i, f) in fields.iter().enumerate().take(last) {
                    out.push_str(f);
                    let pad = widths[i] - f.chars().count() + 2;
                    out.push_str(&" ".repeat(pad));
                }
                out.push_str(fields[last]);
                out.push('\n');
            };
            line(header);
            for r in &rows {
                line(r.each_ref().map(String::as_str));
            }
            out.into_bytes()
        }
    }
}

/// The items to review, in review order: integrity flags first (a copy changed the facts:
/// the findings that matter most), then claims, unattributed first; only those the filter keeps.
fn queue<'a>(analysis: &'a Analysis, reviews: &Reviews, filter: &Filter) -> Vec<Pending<'a>> {
    let flags = review::pending_flags(analysis, reviews)
        .into_iter()
        .filter(|f| filter.keeps_flag(f))
        .map(Pending::Flag);
    let claims = review::pending(analysis, reviews)
        .into_iter()
        .filter(|c| filter.keeps_claim(c))
        .map(Pending::Claim);
    flags.chain(claims).collect()
}

/// What `--doc` and `--only` keep.
struct Filter {
    doc: Option<usize>,
    only: Option<Only>,
}

impl Filter {
    fn new(analysis: &Analysis, doc: Option<&str>, only: Option<Only>) -> Result<Filter> {
        let doc = match doc {
            None => None,
            Some(label) => Some(
                analysis
                    .documents
                    .iter()
                    .position(|d| d.label == label)
                    .ok_or_else(|| {
                        let labels: Vec<&str> = analysis
                            .documents
                            .iter()
                            .map(|d| d.label.as_str())
                            .collect();
                        Error::Usage(format!(
                            "--doc {label}: no article with this label (labels: {})",
                            labels.join(", ")
                        ))
                    })?,
            ),
        };
        Ok(Filter { doc, only })
    }

    fn keeps_claim(&self, claim: &Claim) -> bool {
        let kind = match self.only {
            None => true,
            Some(Only::Flags) => false,
            Some(Only::Derived) => review::is_echo_only(claim),
            Some(Only::SingleSource) => !review::is_echo_only(claim),
        };
        kind && self.doc.is_none_or(|d| d == claim.doc)
    }

    fn keeps_flag(&self, flag: &FlaggedPair) -> bool {
        matches!(self.only, None | Some(Only::Flags)) && self.doc.is_none_or(|d| d == flag.at.0)
    }
}

/// The entries `--set ID=DECISION` arguments stand for, each checked against the analysis.
fn set_entries(
    analysis: &Analysis,
    sets: &[String],
    note: Option<&str>,
) -> Result<Vec<review::Entry>> {
    let mut entries = Vec::new();
    for arg in sets {
        let usage = |problem: String| Error::Usage(format!("--set {arg}: {problem}"));
        let (target, decision) = arg
            .split_once('=')
            .ok_or_else(|| usage("expected ID=DECISION (ID: LABEL:SENTENCE, a claim id or a flag id) or CLAIM+CLAIM=linked".into()))?;
        let decision = Decision::parse(decision).ok_or_else(|| {
            usage(format!(
                "unknown decision '{decision}' (expected verified, needs-source, disputed, linked or unlinked)"
            ))
        })?;
        let note = note.unwrap_or("");
        let entry = match target.split_once('+') {
            Some((x, y)) => {
                if !decision.is_link() {
                    return Err(usage(format!(
                        "a pair of claims is linked or unlinked, not {decision}"
                    )));
                }
                let x = links::resolve(analysis, x).map_err(usage)?;
                let y = links::resolve(analysis, y).map_err(usage)?;
                if x.0 == y.0 {
                    return Err(usage(
                        "both claims are in one article; links join claims of different articles"
                            .into(),
                    ));
                }
                links::entry_for_link(analysis, x, y, decision, note)
            }
            None if decision.is_link() => {
                return Err(usage(format!(
                    "{decision} decides a pair: write CLAIM+CLAIM={decision}"
                )))
            }
            None => {
                let id = target.trim();
                let flag = analysis.flagged.iter().find(|f| f.id == id);
                match (flag, links::resolve(analysis, id)) {
                    (Some(flag), _) => Reviews::entry_for_flag(analysis, flag, decision, note),
                    (None, Ok(at)) => {
                        let claim = &analysis.claims[at.0][at.1];
                        Reviews::entry_for(analysis, claim, decision, note)
                    }
                    (None, Err(_)) if !id.contains(':') => {
                        return Err(usage(format!(
                            "no claim or integrity flag with id {id} in these articles (see review --list)"
                        )))
                    }
                    (None, Err(e)) => return Err(usage(e)),
                }
            }
        };
        entries.push(entry);
    }
    Ok(entries)
}

/// How the claim is highlighted: ANSI reverse video on a terminal, `»…«` markers elsewhere.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Style {
    Ansi,
    Plain,
}

impl Style {
    fn detect() -> Style {
        let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
        if std::io::stdout().is_terminal() && !no_color {
            Style::Ansi
        } else {
            Style::Plain
        }
    }

    fn highlight(self, s: &str) -> String {
        match self {
            Style::Ansi => format!("\x1b[1;7m{s}\x1b[0m"),
            Style::Plain => format!("»{s}«"),
        }
    }

    fn bold(self, s: &str) -> String {
        match self {
            Style::Ansi => format!("\x1b[1m{s}\x1b[0m"),
            Style::Plain => s.to_string(),
        }
    }
}

/// The keys of an interactive session, one per line: shown by `?` and in `review --help`.
/// A new key goes here and in the match of [`Session::run`].
const HELP: &str = "  v  verified      the claim stands as reported
                   (a flag: the difference is checked and acceptable, e.g. a correction)
  n  needs-source  plausible, but the article should name its source
                   (a flag: ask the copy where its version comes from)
  d  disputed      believed wrong or misleading (fails `crosscheck check`)
                   (a flag: the copy got the facts wrong)
  l  link          this claim is the same claim as another: type LABEL:SENTENCE
                   (Enter: the closest one shown); compare and check count the link
  x  unlink        this claim is not the same claim as one it is linked to
                   (a flag: the two claims are different claims; the flag goes away)
  s  skip          decide later (stays pending)
  a  add a note    type one line; it is saved with the next decision
  u  undo          take back the last decision or skip of this session
  q  quit          stop here; every decision so far is already saved
  ?  help          this text
";

/// Something waiting for a decision: a claim, or an integrity flag.
enum Pending<'a> {
    Claim(&'a Claim),
    Flag(FlaggedPair),
}

impl Pending<'_> {
    /// The claim the item is about: `(doc, sentence)`.
    fn at(&self) -> (usize, usize) {
        match self {
            Pending::Claim(c) => (c.doc, c.sentence),
            Pending::Flag(f) => f.at,
        }
    }

    fn entry(&self, analysis: &Analysis, decision: Decision, note: &str) -> review::Entry {
        match self {
            Pending::Claim(c) => Reviews::entry_for(analysis, c, decision, note),
            Pending::Flag(f) => Reviews::entry_for_flag(analysis, f, decision, note),
        }
    }
}

/// What is pending, for the header of a session: "N claims (N single-source, N supported only
/// by copies of their own source) and N integrity flags". The two kinds of claims are counted
/// apart because only the first are single-source.
fn pending_summary(pending: &[Pending]) -> String {
    let claims: Vec<&Claim> = pending
        .iter()
        .filter_map(|p| match p {
            Pending::Claim(c) => Some(*c),
            Pending::Flag(_) => None,
        })
        .collect();
    let echoes = claims.iter().filter(|c| review::is_echo_only(c)).count();
    let flags = pending.len() - claims.len();
    format!(
        "{} ({} single-source, {echoes} supported only by copies of their own source) and {}",
        count(claims.len(), "claim", "claims"),
        claims.len() - echoes,
        count(flags, "integrity flag", "integrity flags")
    )
}

/// What the reviewer did, so `u` can take it back.
enum Step {
    Decided {
        index: usize,
        id: String,
        previous: Option<review::Entry>,
        written: Box<review::Entry>,
    },
    Skipped {
        index: usize,
    },
}

struct Session<'a> {
    analysis: &'a Analysis,
    filter: &'a Filter,
    scorer: &'a Scorer,
    neighbourhood: &'a review::Neighbourhood<'a>,
    /// The reviews file as this session last read or wrote it: a claim whose entry in the
    /// file differs from this was changed by someone else meanwhile.
    reviews: Reviews,
    store: &'a Store,
    path: &'a Path,
    style: Style,
}

/// What became of a decision (or an undo) the reviewer asked for.
enum Written {
    /// In the file, synced.
    Saved,
    /// Not written: the file's entry for the claim changed since this session read it; the
    /// entry the file holds now.
    Conflict(Option<review::Entry>),
}

impl Session<'_> {
    /// The review loop. The outer error is an I/O error on the terminal, the inner one a failed
    /// save of the reviews file.
    fn run(&mut self, keys: &mut dyn Keys, out: &mut dyn Write) -> std::io::Result<Result<()>> {
        let pending = queue(self.analysis, &self.reviews, self.filter);
        if pending.is_empty() {
            writeln!(
                out,
                "No pending claims or integrity flags: nothing to review ({}).",
                self.path.display()
            )?;
            return Ok(Ok(()));
        }
        writeln!(
            out,
            "To review: {}; decisions go to {}. Keys: v n d l x s a u q, ? for help.",
            pending_summary(&pending),
            self.path.display()
        )?;
        let mut history: Vec<Step> = Vec::new();
        let mut notes: Vec<String> = vec![String::new(); pending.len()];
        let (mut decided, mut skipped) = (0usize, 0usize);
        let mut i = 0;
        let mut show = true;
        while i < pending.len() {
            let item = &pending[i];
            if show {
                match item {
                    Pending::Claim(claim) => self.show(out, claim, i, pending.len(), &notes[i])?,
                    Pending::Flag(flag) => {
                        self.show_flag(out, flag, i, pending.len(), &notes[i])?
                    }
                }
            }
            show = false;
            write!(out, "[v,n,d,l,x,s,a,u,q,?] > ")?;
            out.flush()?;
            let Some(line) = keys.key()? else {
                writeln!(out)?;
                break; // end of input: same as quit
            };
            let key = line.trim().chars().next().map(|c| c.to_ascii_lowercase());
            let decision = match key {
                Some('v') => Some(Decision::Verified),
                Some('n') => Some(Decision::NeedsSource),
                Some('d') => Some(Decision::Disputed),
                _ => None,
            };
            if let Some(decision) = decision {
                let entry = item.entry(self.analysis, decision, &notes[i]);
                let step = match self.record(out, i, entry, decision)? {
                    Err(e) => return Ok(Err(e)),
                    Ok(None) => continue, // a conflict, shown; the item stays
                    Ok(Some(step)) => step,
                };
                writeln!(out, "→ {decision}")?;
                history.push(step);
                decided += 1;
                i += 1;
                show = true;
                continue;
            }
            if let Some(linked) = match key {
                Some('l') => Some(true),
                Some('x') => Some(false),
                _ => None,
            } {
                let Some(other) = self.ask_partner(keys, out, item, linked)? else {
                    continue;
                };
                let at = item.at();
                let decision = if linked {
                    Decision::Linked
                } else {
                    Decision::Unlinked
                };
                let entry = links::entry_for_link(self.analysis, at, other, decision, &notes[i]);
                let step = match self.record(out, i, entry, decision)? {
                    Err(e) => return Ok(Err(e)),
                    Ok(None) => continue, // a conflict, shown; the item stays
                    Ok(Some(step)) => step,
                };
                writeln!(
                    out,
                    "→ {decision}: {} {} {} (compare and check apply it)",
                    links::claim_ref(self.analysis, at),
                    if linked { "is" } else { "is not" },
                    links::claim_ref(self.analysis, other)
                )?;
                history.push(step);
                decided += 1;
                i += 1;
                show = true;
                continue;
            }
            match key {
                Some('s') => {
                    writeln!(out, "→ skipped")?;
                    history.push(Step::Skipped { index: i });
                    skipped += 1;
                    i += 1;
                    show = true;
                }
                Some('a') => {
                    write!(out, "note> ")?;
                    out.flush()?;
                    let note = keys.line()?.unwrap_or_default();
                    notes[i] = note.split_whitespace().collect::<Vec<_>>().join(" ");
                    writeln!(
                        out,
                        "note kept; it is saved with your decision on this item"
                    )?;
                }
                Some('u') => match history.pop() {
                    None => writeln!(out, "nothing to undo in this session")?,
                    Some(Step::Skipped { index }) => {
                        skipped -= 1;
                        i = index;
                        show = true;
                        writeln!(out, "← undid skip")?;
                    }
                    Some(Step::Decided {
                        index,
                        id,
                        previous,
                        written,
                    }) => match self.write(&id, Some(&*written), previous) {
                        Err(e) => return Ok(Err(e)),
                        Ok(Written::Conflict(now)) => {
                            let now = now.and_then(|e| e.decision).map_or("none", |d| d.as_str());
                            writeln!(
                                    out,
                                    "not undone: {id} was changed in the file meanwhile (now: {now}); the file keeps it"
                                )?;
                        }
                        Ok(Written::Saved) => {
                            decided -= 1;
                            i = index;
                            show = true;
                            writeln!(out, "← undid decision")?;
                        }
                    },
                },
                Some('q') => break,
                Some('?') | Some('h') => write!(out, "{HELP}")?,
                _ => writeln!(out, "unknown key {:?}; ? for help", line.trim())?,
            }
        }
        // pending as the file is now, with what others decided meanwhile
        if let Ok(now) = self.store.load() {
            self.reviews = now;
        }
        let left = review::pending(self.analysis, &self.reviews).len()
            + review::pending_flags(self.analysis, &self.reviews).len();
        writeln!(
            out,
            "{decided} decided, {skipped} skipped this session; {left} pending. Saved in {}.",
            self.path.display()
        )?;
        Ok(Ok(()))
    }

    /// Asks which claim to link the item with (`linked`) or unlink it from; Enter takes the
    /// suggestion (the closest claim, the linked claim, or the flag's other claim). `None`
    /// when there is nothing to do; the reason is printed and the item stays.
    fn ask_partner(
        &self,
        keys: &mut dyn Keys,
        out: &mut dyn Write,
        item: &Pending,
        linked: bool,
    ) -> std::io::Result<Option<(usize, usize)>> {
        let a = self.analysis;
        let at = item.at();
        let claim = &a.claims[at.0][at.1];
        let suggestion = match (item, linked) {
            (Pending::Flag(_), true) => {
                writeln!(
                    out,
                    "the claims of a flag are linked already; x says they are not the same claim"
                )?;
                return Ok(None);
            }
            (Pending::Flag(f), false) => Some(f.other),
            (Pending::Claim(_), true) => self
                .neighbourhood
                .nearest(self.scorer, claim, 1)
                .first()
                .map(|n| (n.doc, n.sentence)),
            (Pending::Claim(c), false) => c.links.first().map(|l| (l.doc, l.sentence)),
        };
        let verb = if linked {
            "same claim as"
        } else {
            "not the same claim as"
        };
        match suggestion {
            Some(s) => write!(
                out,
                "{verb} (LABEL:SENTENCE, Enter for {})> ",
                links::claim_ref(a, s)
            )?,
            None => write!(out, "{verb} (LABEL:SENTENCE)> ")?,
        }
        out.flush()?;
        let typed = keys.line()?.unwrap_or_default();
        let typed = typed.trim();
        let other = if typed.is_empty() {
            match suggestion {
                Some(s) => s,
                None => {
                    writeln!(out, "no claim named; nothing recorded")?;
                    return Ok(None);
                }
            }
        } else {
            match links::resolve(a, typed) {
                Ok(other) => other,
                Err(e) => {
                    writeln!(out, "{e}; nothing recorded")?;
                    return Ok(None);
                }
            }
        };
        if other.0 == at.0 {
            writeln!(
                out,
                "{} is in the same article; links join claims of different articles",
                links::claim_ref(a, other)
            )?;
            return Ok(None);
        }
        Ok(Some(other))
    }

    /// Replaces the file's entry for `id` with `entry` (`None`: removes it), merged into the
    /// file as it is now, under the lock, synced before this returns. Refused when the file's
    /// entry is no longer `expected`, what this session last saw: someone else changed it.
    /// Either way the session's view becomes the file as it is now, so a second try after a
    /// conflict knowingly replaces the other decision.
    fn write(
        &mut self,
        id: &str,
        expected: Option<&review::Entry>,
        entry: Option<review::Entry>,
    ) -> Result<Written> {
        let (written, now) = self.store.update(|now| {
            if now.get(id) != expected {
                return Written::Conflict(now.get(id).cloned());
            }
            match entry {
                Some(e) => {
                    now.set(e);
                }
                None => now.restore(id, None),
            }
            Written::Saved
        })?;
        self.reviews = now;
        Ok(written)
    }

    /// Records `entry` (the decision on the item at `index`) and returns the step that undoes
    /// it; `None` when the file's entry changed meanwhile: the conflict is shown and nothing
    /// is written. The same for claim, flag and link decisions.
    fn record(
        &mut self,
        out: &mut dyn Write,
        index: usize,
        entry: review::Entry,
        decision: Decision,
    ) -> std::io::Result<Result<Option<Step>>> {
        let id = entry.id.clone();
        let previous = self.reviews.get(&id).cloned();
        match self.write(&id, previous.as_ref(), Some(entry.clone())) {
            Err(e) => return Ok(Err(e)),
            Ok(Written::Conflict(now)) => {
                self.show_conflict(out, &id, now.as_ref(), decision)?;
                return Ok(Ok(None));
            }
            Ok(Written::Saved) => {}
        }
        // as the file holds it (notes and texts folded to one line)
        let written = Box::new(self.reviews.get(&id).cloned().unwrap_or(entry));
        Ok(Ok(Some(Step::Decided {
            index,
            id,
            previous,
            written,
        })))
    }

    /// Tells the reviewer that `id` was decided meanwhile by someone else, and how to go on.
    fn show_conflict(
        &self,
        out: &mut dyn Write,
        id: &str,
        now: Option<&review::Entry>,
        mine: Decision,
    ) -> std::io::Result<()> {
        let theirs = match now {
            Some(e) => {
                let decision = e.decision.map_or("no decision", Decision::as_str);
                if e.note.is_empty() {
                    decision.to_string()
                } else {
                    format!("{decision} (note: {})", e.note)
                }
            }
            None => "its decision removed".to_string(),
        };
        writeln!(
            out,
            "conflict: {id} was changed in {} since this session read it: now {theirs}. \
             Your {mine} is not saved; press the key again to replace it, or s to keep theirs.",
            self.path.display()
        )
    }

    fn show(
        &self,
        out: &mut dyn Write,
        claim: &Claim,
        index: usize,
        total: usize,
        note: &str,
    ) -> std::io::Result<()> {
        let a = self.analysis;
        let doc = &a.documents[claim.doc];
        let sentence = &a.sentences[claim.doc][claim.sentence];
        let st = self.style;
        writeln!(out)?;
        writeln!(
            out,
            "{} {}/{}  {}  {}:{}  [{}]",
            st.bold("claim"),
            index + 1,
            total,
            links::claim_ref(a, (claim.doc, claim.sentence)),
            doc.path,
            sentence.line,
            claim.id
        )?;
        self.show_paragraph(out, claim)?;
        let at = &claim.attribution;
        if review::is_unattributed(claim) {
            writeln!(out, "{} none (unattributed)", st.bold("attribution:"))?;
        } else {
            let kind = match at.kind {
                crate::pipeline::attribution::AttributionKind::Carried => "carried",
                _ => "explicit",
            };
            let source_kind = at.source_kind.map_or(String::new(), |k| {
                let name = serde_json::to_string(&k).unwrap_or_default();
                format!(" ({})", name.trim_matches('"'))
            });
            writeln!(
                out,
                "{} {kind}; cue \"{}\"; source \"{}\"{source_kind}",
                st.bold("attribution:"),
                at.cue,
                at.source
            )?;
        }
        if review::is_echo_only(claim) {
            writeln!(
                out,
                "{} only copies of its own source have it (not independent corroboration)",
                st.bold("support:")
            )?;
        }
        self.show_claim_flags(out, claim)?;
        let nearest = self.neighbourhood.nearest(self.scorer, claim, 3);
        if nearest.is_empty() {
            writeln!(out, "{} none", st.bold("closest in other articles:"))?;
        } else {
            writeln!(out, "{}", st.bold("closest in other articles:"))?;
            for n in nearest {
                let other = &a.sentences[n.doc][n.sentence];
                writeln!(
                    out,
                    "  {:.3}  {}  {}:{}  {}",
                    n.score,
                    links::claim_ref(a, (n.doc, n.sentence)),
                    a.documents[n.doc].path,
                    other.line,
                    other.text
                )?;
                let flags = flagged::flags_column(a, &a.claims[n.doc][n.sentence]);
                if !flags.is_empty() {
                    writeln!(out, "         flags: {}", flags.replace(';', ", "))?;
                }
            }
        }
        if !note.is_empty() {
            writeln!(out, "{} {note}", st.bold("note:"))?;
        }
        Ok(())
    }

    /// The claim's paragraph, the claim highlighted.
    fn show_paragraph(&self, out: &mut dyn Write, claim: &Claim) -> std::io::Result<()> {
        let (paragraph, range) = review::paragraph_of(self.analysis, claim);
        writeln!(
            out,
            "  {}{}{}",
            &paragraph[..range.start],
            self.style.highlight(&paragraph[range.clone()]),
            &paragraph[range.end..]
        )
    }

    /// The integrity flags a claim carries, one line each with the other claim.
    fn show_claim_flags(&self, out: &mut dyn Write, claim: &Claim) -> std::io::Result<()> {
        let a = self.analysis;
        if claim.flags.is_empty() {
            return Ok(());
        }
        writeln!(out, "{}", self.style.bold("flags:"))?;
        for f in &claim.flags {
            let other = &a.sentences[f.doc][f.sentence];
            writeln!(
                out,
                "  {} against {} (line {}): {}",
                f.kind.as_str(),
                flagged::sentence_name(a, (f.doc, f.sentence)),
                other.line,
                other.text
            )?;
            writeln!(
                out,
                "    diff: {}",
                flag_diff(a, (f.doc, f.sentence), (claim.doc, claim.sentence))
            )?;
        }
        Ok(())
    }

    /// An integrity flag: the flagged claim in its paragraph, then the claim(s) it disagrees
    /// with, each with its file and line.
    fn show_flag(
        &self,
        out: &mut dyn Write,
        flag: &FlaggedPair,
        index: usize,
        total: usize,
        note: &str,
    ) -> std::io::Result<()> {
        let a = self.analysis;
        let st = self.style;
        let claim = flag.claim(a);
        let sentence = &a.sentences[claim.doc][claim.sentence];
        writeln!(out)?;
        writeln!(
            out,
            "{} {}/{}  {}  {}  {}:{}  [{}]",
            st.bold("flag"),
            index + 1,
            total,
            flag.kind.as_str(),
            links::claim_ref(a, flag.at),
            a.documents[claim.doc].path,
            sentence.line,
            flag.id
        )?;
        self.show_paragraph(out, claim)?;
        writeln!(out, "{} {}", st.bold("means:"), flag_meaning(flag.kind))?;
        writeln!(out, "{}", st.bold("differs from:"))?;
        for at in std::iter::once(flag.other).chain(flag.also.iter().copied()) {
            let other = &a.sentences[at.0][at.1];
            writeln!(
                out,
                "  {}  {}:{}  {}",
                flagged::sentence_name(a, at),
                a.documents[at.0].path,
                other.line,
                other.text
            )?;
        }
        writeln!(
            out,
            "{} {}",
            st.bold("diff:"),
            flag_diff(a, flag.other, flag.at)
        )?;
        writeln!(
            out,
            "v: the difference is checked and acceptable; n: ask the copy for its source; d: the copy got it wrong; x: not the same claim"
        )?;
        if !note.is_empty() {
            writeln!(out, "{} {note}", st.bold("note:"))?;
        }
        Ok(())
    }
}

/// The word diff from claim `from` to claim `to` ("$4.2 → $4.8"), datelines left out as
/// matching leaves them out.
fn flag_diff(a: &Analysis, from: (usize, usize), to: (usize, usize)) -> String {
    let text = |(d, s): (usize, usize)| crate::pipeline::claim_text(s, &a.sentences[d][s]);
    diff::describe(&diff::word_diff(text(from), text(to)))
}

/// One line on what a flag kind says (docs/provenance.md has the rules).
fn flag_meaning(kind: FlagKind) -> &'static str {
    match kind {
        FlagKind::QuoteMisattributed => {
            "words quoted here are the other article's own narrative, credited to someone else"
        }
        FlagKind::QuoteAltered => "a quotation both articles print has words changed",
        FlagKind::NumberMismatch => "the articles disagree on a number, amount, date or day",
        FlagKind::ActorMismatch => "the articles give the action to different people or bodies",
        FlagKind::AttributionChanged => {
            "the articles credit different sources, or only one credits a source"
        }
    }
}

//! `crosscheck review`: walk the claims and integrity flags nobody has decided yet, one at a
//! time, and record each decision in the reviews file the moment it is made.
//!
//! Pending are single-source claims, claims only copies of their own source have, and
//! integrity flags (once per change, [`crate::review::flagged`]). Flags are walked after the claims and
//! are never accepted in bulk: `--accept-all` is for baselining claims, and a flag is a
//! specific change a person should have looked at.
//!
//! On a terminal one key press is enough (raw mode, see [`crate::cli::terminal`]); otherwise, or with
//! `--line-mode`, keys are read one line at a time from standard input, so the same loop serves
//! a person at a terminal and a script or test piping keys in. Every decision is written at once
//! with an atomic rename: quitting, Ctrl-C or a crash loses nothing, and the next run resumes
//! with the claims still pending.
//!
//! Non-interactive forms: `--list` (pending claims and flags as a table or CSV), `--accept-all`
//! (mark every pending claim verified) and `--set ID=DECISION [--note TEXT]` (a claim or a flag).

use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};

use crate::cli::cmd::{ArticleArgs, ThresholdArgs};
use crate::cli::terminal::{CrLf, Keys, LineKeys, RawKeys};
use crate::error::{Error, Exit, Result};
use crate::pipeline::classify::Claim;
use crate::pipeline::integrity::FlagKind;
use crate::pipeline::similarity::Scorer;
use crate::pipeline::Analysis;
use crate::review::flagged::{self, FlaggedPair};
use crate::review::{self, Decision, Reviews};

/// Output format of `review --list`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// Aligned columns for people.
    #[default]
    Table,
    /// CSV with a header row: id,doc,line,pending,attribution,flags,text.
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

    /// Record a decision without asking: ID=verified, ID=needs-source or ID=disputed, where ID
    /// is a claim's or an integrity flag's (see --list). Repeatable.
    #[arg(long, value_name = "ID=DECISION")]
    set: Vec<String>,

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
    let options = args.articles.options(&args.thresholds)?;
    let analysis = args.articles.analyze(&options, 0)?;
    let path = review::path_or_default(args.reviews.as_deref(), &analysis.documents);
    let mut reviews = Reviews::load(&path)?;
    report_stale(&analysis, &reviews, &path);
    if args.list {
        let bytes = list(&analysis, &reviews, args.format);
        crate::cli::output::write_stdout(&bytes)?;
    } else if args.accept_all {
        let pending: Vec<&Claim> = review::pending(&analysis, &reviews);
        let n = pending.len();
        for claim in pending {
            let note = args.note.as_deref().unwrap_or("");
            reviews.set(Reviews::entry_for(
                &analysis,
                claim,
                Decision::Verified,
                note,
            ));
        }
        reviews.save(&path)?;
        eprintln!(
            "accepted {n} pending claims as verified in {}",
            path.display()
        );
        let flags = review::pending_flags(&analysis, &reviews).len();
        if flags > 0 {
            eprintln!(
                "{flags} integrity flags still pending: a copy changed the facts; review them one by one (review, or --set ID=DECISION)"
            );
        }
    } else if !args.set.is_empty() {
        set(&analysis, &mut reviews, &args.set, args.note.as_deref())?;
        reviews.save(&path)?;
        eprintln!(
            "recorded {} decisions in {}",
            args.set.len(),
            path.display()
        );
    } else {
        let scorer = Scorer::new(options.thresholds);
        let neighbourhood = review::Neighbourhood::new(&analysis);
        let mut session = Session {
            analysis: &analysis,
            scorer: &scorer,
            neighbourhood: &neighbourhood,
            reviews: &mut reviews,
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
        "{}: {} stale reviews (their claims or flags are no longer in the articles; kept until you delete the lines):",
        path.display(),
        stale.len()
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

/// One `--list` row: id, doc, line, pending, attribution, flags, text.
type Row = [String; 7];

fn claim_row(analysis: &Analysis, c: &Claim) -> Row {
    let s = &analysis.sentences[c.doc][c.sentence];
    [
        c.id.clone(),
        analysis.documents[c.doc].label.clone(),
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
        s.line.to_string(),
        "flag".to_string(),
        attribution_label(c),
        others.join(";"),
        s.text.clone(),
    ]
}

fn list(analysis: &Analysis, reviews: &Reviews, format: Format) -> Vec<u8> {
    let mut rows: Vec<Row> = review::pending(analysis, reviews)
        .iter()
        .map(|c| claim_row(analysis, c))
        .collect();
    rows.extend(
        review::pending_flags(analysis, reviews)
            .iter()
            .map(|f| flag_row(analysis, f)),
    );
    let header = [
        "id",
        "doc",
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
                    if r[5].is_empty() {
                        r[5] = "-".into();
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
            let mut line = |fields: [&str; 7]| {
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

fn set(
    analysis: &Analysis,
    reviews: &mut Reviews,
    sets: &[String],
    note: Option<&str>,
) -> Result<()> {
    for arg in sets {
        let (id, decision) = arg
            .split_once('=')
            .ok_or_else(|| Error::Usage(format!("--set {arg}: expected ID=DECISION")))?;
        let decision = Decision::parse(decision).ok_or_else(|| {
            Error::Usage(format!(
                "--set {arg}: unknown decision '{decision}' (expected verified, needs-source or disputed)"
            ))
        })?;
        let id = id.trim();
        let note = note.unwrap_or("");
        let entry = match analysis.claims.iter().flatten().find(|c| c.id == id) {
            Some(claim) => Reviews::entry_for(analysis, claim, decision, note),
            None => {
                let flag = flagged::flagged_pairs(analysis)
                    .into_iter()
                    .find(|f| f.id == id)
                    .ok_or_else(|| {
                        Error::Usage(format!(
                            "--set {arg}: no claim or integrity flag with id {id} in these articles (see review --list)"
                        ))
                    })?;
                Reviews::entry_for_flag(analysis, &flag, decision, note)
            }
        };
        reviews.set(entry);
    }
    Ok(())
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
    fn id(&self) -> &str {
        match self {
            Pending::Claim(c) => &c.id,
            Pending::Flag(f) => &f.id,
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
        "{} claims ({} single-source, {echoes} supported only by copies of their own source) and {flags} integrity flags",
        claims.len(),
        claims.len() - echoes
    )
}

/// What the reviewer did, so `u` can take it back.
enum Step {
    Decided {
        index: usize,
        previous: Option<review::Entry>,
    },
    Skipped {
        index: usize,
    },
}

struct Session<'a> {
    analysis: &'a Analysis,
    scorer: &'a Scorer,
    neighbourhood: &'a review::Neighbourhood,
    reviews: &'a mut Reviews,
    path: &'a Path,
    style: Style,
}

impl Session<'_> {
    /// The review loop. The outer error is an I/O error on the terminal, the inner one a failed
    /// save of the reviews file.
    fn run(&mut self, keys: &mut dyn Keys, out: &mut dyn Write) -> std::io::Result<Result<()>> {
        let mut pending: Vec<Pending> = review::pending(self.analysis, self.reviews)
            .into_iter()
            .map(Pending::Claim)
            .collect();
        pending.extend(
            review::pending_flags(self.analysis, self.reviews)
                .into_iter()
                .map(Pending::Flag),
        );
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
            "To review: {}; decisions go to {}. Keys: v n d s a u q, ? for help.",
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
            write!(out, "[v,n,d,s,a,u,q,?] > ")?;
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
                let previous = self.reviews.set(entry);
                if let Err(e) = self.reviews.save(self.path) {
                    return Ok(Err(e));
                }
                writeln!(out, "→ {decision}")?;
                history.push(Step::Decided { index: i, previous });
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
                    Some(Step::Decided { index, previous }) => {
                        self.reviews.restore(pending[index].id(), previous);
                        if let Err(e) = self.reviews.save(self.path) {
                            return Ok(Err(e));
                        }
                        decided -= 1;
                        i = index;
                        show = true;
                        writeln!(out, "← undid decision")?;
                    }
                },
                Some('q') => break,
                Some('?') | Some('h') => write!(out, "{HELP}")?,
                _ => writeln!(out, "unknown key {:?}; ? for help", line.trim())?,
            }
        }
        let left = review::pending(self.analysis, self.reviews).len()
            + review::pending_flags(self.analysis, self.reviews).len();
        writeln!(
            out,
            "{decided} decided, {skipped} skipped this session; {left} pending. Saved in {}.",
            self.path.display()
        )?;
        Ok(Ok(()))
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
            "{} {}/{}  {}:{}  [{}]",
            st.bold("claim"),
            index + 1,
            total,
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
                    "  {:.3}  {}:{}  {}",
                    n.score, a.documents[n.doc].label, other.line, other.text
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
            "{} {}/{}  {}  {}:{}  [{}]",
            st.bold("flag"),
            index + 1,
            total,
            flag.kind.as_str(),
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
            "v: the difference is checked and acceptable; n: ask the copy for its source; d: the copy got it wrong"
        )?;
        if !note.is_empty() {
            writeln!(out, "{} {note}", st.bold("note:"))?;
        }
        Ok(())
    }
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

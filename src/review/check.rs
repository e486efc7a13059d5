//! The CI gate: an [`Analysis`], its [`Reviews`] and a [`Policy`] in, a [`Report`] out, and the
//! report rendered as a human summary, GitHub Actions annotations or JUnit XML.
//!
//! The one idea: evaluation and rendering are separate. [`evaluate`] turns the claims into a flat
//! list of [`Item`]s (one per single-source claim, disputed claim, integrity flag (once per
//! pair of claims, see [`crate::pipeline::flagged`]) or per-document rule), each
//! with a [`Level`]; every output format is a pure function of that list, so they cannot
//! disagree about what failed.
//!
//! Default policy (an empty `crosscheck.toml`): every single-source claim has a decision and
//! none is disputed; integrity flags are warnings until reviewed, errors when disputed. docs/ci.md is the reference for every setting.

use std::collections::BTreeSet;
use std::path::Path;

use crate::error::{Error, Result};
use crate::pipeline::classify::{Claim, Status};
use crate::pipeline::flagged::{self, FlaggedPair};
use crate::pipeline::integrity::FlagKind;
use crate::pipeline::Analysis;
use crate::review::{self, Decision, Entry, Reviews};

/// What `check` enforces; read from `crosscheck.toml`.
#[derive(Clone, Debug, PartialEq, serde::Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Policy {
    /// Attributed single-source claims may stay unreviewed (they are reported as warnings).
    pub allow_unreviewed_attributed: bool,
    /// How many unattributed single-source claims may stay unreviewed, over all articles. When
    /// there are more, every one of them is an error.
    pub max_unattributed: usize,
    /// A single-source claim whose only source is anonymous fails unless it is `verified`.
    pub fail_on_anonymous_only: bool,
    /// Minimum share (0..1) of each article's claims that another article also has
    /// (status corroborated or paraphrased).
    pub min_corroborated_share: f64,
    /// A claim that only copies of its own source have (a write-up and its original) fails
    /// unless reviewed; without this it is a warning.
    pub require_independent: bool,
    /// Integrity flags of these kinds fail unless reviewed; the others are warnings.
    pub fail_on_flags: FlagGate,
}

/// The flag kinds that fail the check when nobody has reviewed them: `fail_on_flags = true`
/// (every kind), `false` (none, the default) or a list of kind names.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct FlagGate(BTreeSet<FlagKind>);

impl FlagGate {
    /// Every kind fails.
    pub fn all() -> FlagGate {
        FlagGate(FlagKind::ALL.into_iter().collect())
    }

    /// Exactly these kinds fail.
    pub fn kinds(kinds: &[FlagKind]) -> FlagGate {
        FlagGate(kinds.iter().copied().collect())
    }

    /// Whether an unreviewed flag of this kind fails the check.
    pub fn fails(&self, kind: FlagKind) -> bool {
        self.0.contains(&kind)
    }
}

/// The flag kind with this name, as the claims CSV writes it.
fn flag_kind(name: &str) -> Option<FlagKind> {
    FlagKind::ALL.into_iter().find(|k| k.as_str() == name)
}

impl<'de> serde::Deserialize<'de> for FlagGate {
    fn deserialize<D: serde::Deserializer<'de>>(
        deserializer: D,
    ) -> std::result::Result<Self, D::Error> {
        struct Visitor;
        impl<'de> serde::de::Visitor<'de> for Visitor {
            type Value = FlagGate;

            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("true, false or a list of flag kinds")
            }

            fn visit_bool<E: serde::de::Error>(
                self,
                all: bool,
            ) -> std::result::Result<FlagGate, E> {
                Ok(if all {
                    FlagGate::all()
                } else {
                    FlagGate::default()
                })
            }

            fn visit_seq<A: serde::de::SeqAccess<'de>>(
                self,
                mut seq: A,
            ) -> std::result::Result<FlagGate, A::Error> {
                let mut kinds = BTreeSet::new();
                while let Some(name) = seq.next_element::<String>()? {
                    let kind = flag_kind(name.trim()).ok_or_else(|| {
                        let known: Vec<&str> = FlagKind::ALL.iter().map(|k| k.as_str()).collect();
                        serde::de::Error::custom(format!(
                            "unknown flag kind '{name}' in fail_on_flags (expected {})",
                            known.join(", ")
                        ))
                    })?;
                    kinds.insert(kind);
                }
                Ok(FlagGate(kinds))
            }
        }
        deserializer.deserialize_any(Visitor)
    }
}

impl Default for Policy {
    fn default() -> Policy {
        Policy {
            allow_unreviewed_attributed: false,
            max_unattributed: 0,
            fail_on_anonymous_only: false,
            min_corroborated_share: 0.0,
            require_independent: false,
            fail_on_flags: FlagGate::default(),
        }
    }
}

impl Policy {
    /// Parses a config file's text; `name` is used in error messages.
    pub fn parse(name: &str, text: &str) -> Result<Policy> {
        let policy: Policy = toml::from_str(text).map_err(|e| {
            let problem = e.message().trim().replace('\n', " ");
            let at = e
                .span()
                .map(|s| format!("line {}: ", 1 + text[..s.start].matches('\n').count()))
                .unwrap_or_default();
            Error::input(name, format!("{at}{problem}"))
        })?;
        let share = policy.min_corroborated_share;
        if !(0.0..=1.0).contains(&share) {
            return Err(Error::input(
                name,
                format!("min_corroborated_share must lie in [0,1], not {share}"),
            ));
        }
        Ok(policy)
    }

    /// Reads a config file.
    pub fn load(path: &Path) -> Result<Policy> {
        let text = crate::textfile::read(path)?;
        Policy::parse(&path.display().to_string(), &text)
    }
}

/// How bad an item is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Level {
    /// Nothing to report.
    Ok,
    /// Worth a look; does not fail the check.
    Warning,
    /// Fails the check.
    Error,
}

/// One thing the check looked at: a claim, an integrity flag, or a rule applied to a whole
/// document.
#[derive(Clone, Debug, PartialEq)]
pub struct Item {
    /// Document index.
    pub doc: usize,
    /// The claim (for a flag: the claim it is reported on, with the flag's id), or `None` for a
    /// per-document rule.
    pub claim: Option<ClaimRef>,
    /// For an integrity flag: its kind and the other claim of the pair.
    pub flag: Option<FlagRef>,
    /// Ok, warning or error.
    pub level: Level,
    /// Why (one line, no claim text).
    pub message: String,
}

/// The claim an [`Item`] is about.
#[derive(Clone, Debug, PartialEq)]
pub struct ClaimRef {
    /// Claim id (for a flag item, the flag's id: what the reviews file records).
    pub id: String,
    /// Sentence index.
    pub sentence: usize,
    /// 1-based line in the article file.
    pub line: usize,
    /// Sentence text.
    pub text: String,
}

/// The integrity flag an [`Item`] is about.
#[derive(Clone, Debug, PartialEq)]
pub struct FlagRef {
    /// What the two claims disagree on.
    pub kind: FlagKind,
    /// The (first) other claim, `label:sentence` as in the claims CSV's `flags` column.
    pub other_name: String,
    /// The other claim's document path.
    pub other_path: String,
    /// The other claim.
    pub other: ClaimRef,
}

/// Counts for the summary.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Counts {
    /// All claims.
    pub claims: usize,
    /// Single-source claims.
    pub single_source: usize,
    /// Single-source claims with a decision.
    pub reviewed: usize,
    /// Single-source claims without a decision.
    pub pending: usize,
    /// Of those, unattributed.
    pub pending_unattributed: usize,
    /// Claims decided `disputed`.
    pub disputed: usize,
    /// Integrity flags (once per pair of claims) per kind, in [`FlagKind::ALL`] order.
    pub flags: [usize; FlagKind::ALL.len()],
    /// Of those, reviewed (any decision).
    pub flags_reviewed: usize,
}

/// The outcome of a check.
#[derive(Clone, Debug)]
pub struct Report {
    /// Every item, documents in input order, then sentence order, per-document rules first.
    pub items: Vec<Item>,
    /// Reviews whose claim no longer exists (reported, never a failure).
    pub stale: Vec<Entry>,
    /// Counts.
    pub counts: Counts,
}

impl Report {
    /// Whether the policy holds.
    pub fn passed(&self) -> bool {
        self.items.iter().all(|i| i.level != Level::Error)
    }

    /// Items at `level`.
    pub fn at(&self, level: Level) -> impl Iterator<Item = &Item> {
        self.items.iter().filter(move |i| i.level == level)
    }
}

fn claim_ref(analysis: &Analysis, claim: &Claim) -> ClaimRef {
    let s = &analysis.sentences[claim.doc][claim.sentence];
    ClaimRef {
        id: claim.id.clone(),
        sentence: claim.sentence,
        line: s.line,
        text: s.text.clone(),
    }
}

fn is_anonymous_only(claim: &Claim) -> bool {
    claim.attribution.source_kind == Some(crate::pipeline::attribution::SourceKind::Anonymous)
}

/// Applies the policy.
pub fn evaluate(analysis: &Analysis, reviews: &Reviews, policy: &Policy) -> Report {
    let mut counts = Counts::default();
    let all: Vec<&Claim> = analysis.claims.iter().flatten().collect();
    counts.claims = all.len();
    let unattributed_pending = all
        .iter()
        .filter(|c| {
            c.status == Status::SingleSource
                && reviews.decision(&c.id).is_none()
                && review::is_unattributed(c)
        })
        .count();
    let too_many_unattributed = unattributed_pending > policy.max_unattributed;

    let mut items = Vec::new();
    for (d, claims) in analysis.claims.iter().enumerate() {
        if policy.min_corroborated_share > 0.0 {
            let found = claims
                .iter()
                .filter(|c| c.status != Status::SingleSource)
                .count();
            let share = found as f64 / claims.len().max(1) as f64;
            let ok = share >= policy.min_corroborated_share;
            items.push(Item {
                doc: d,
                claim: None,
                flag: None,
                level: if ok { Level::Ok } else { Level::Error },
                message: format!(
                    "{found} of {} claims found in another article ({:.0}%), minimum {:.0}%",
                    claims.len(),
                    share * 100.0,
                    policy.min_corroborated_share * 100.0
                ),
            });
        }
        for claim in claims {
            let decision = reviews.decision(&claim.id);
            if decision == Some(Decision::Disputed) {
                counts.disputed += 1;
            }
            let single = claim.status == Status::SingleSource;
            if review::is_echo_only(claim) {
                let (level, message) = judge_echo(decision, policy);
                items.push(claim_item(analysis, claim, level, message));
                continue;
            }
            if !single && decision != Some(Decision::Disputed) {
                continue;
            }
            if single {
                counts.single_source += 1;
                if decision.is_some() {
                    counts.reviewed += 1;
                } else {
                    counts.pending += 1;
                    if review::is_unattributed(claim) {
                        counts.pending_unattributed += 1;
                    }
                }
            }
            let (level, message) = judge(claim, decision, policy, too_many_unattributed);
            items.push(claim_item(analysis, claim, level, message));
        }
    }
    for pair in &analysis.flagged {
        let decision = reviews.decision(&pair.id);
        if let Some(i) = FlagKind::ALL.iter().position(|k| *k == pair.kind) {
            counts.flags[i] += 1;
        }
        counts.flags_reviewed += usize::from(decision.is_some());
        items.push(flag_item(analysis, pair, decision, policy));
    }
    for u in &analysis.unmatched_credits {
        let claim = &analysis.claims[u.doc][u.sentence];
        items.push(claim_item(
            analysis,
            claim,
            Level::Warning,
            format!(
                "credits {}, which is none of the articles compared: its support and independence cannot be checked",
                u.outlet
            ),
        ));
    }
    // flags after the claims of their sentence; per-document rules (no claim) first
    items.sort_by_key(|i| (i.doc, i.claim.as_ref().map(|c| c.sentence)));
    let stale = reviews.stale(analysis).into_iter().cloned().collect();
    Report {
        items,
        stale,
        counts,
    }
}

fn claim_item(analysis: &Analysis, claim: &Claim, level: Level, message: String) -> Item {
    Item {
        doc: claim.doc,
        claim: Some(claim_ref(analysis, claim)),
        flag: None,
        level,
        message,
    }
}

fn flag_item(
    analysis: &Analysis,
    pair: &FlaggedPair,
    decision: Option<Decision>,
    policy: &Policy,
) -> Item {
    let other = claim_ref(analysis, pair.other_claim(analysis));
    let other_path = analysis.documents[pair.other.0].path.clone();
    let first = flagged::sentence_name(analysis, pair.other);
    let mut what = format!(
        "{} against {first} ({other_path}:{})",
        pair.kind.as_str(),
        other.line
    );
    if !pair.also.is_empty() {
        let also: Vec<String> = pair
            .also
            .iter()
            .map(|at| flagged::sentence_name(analysis, *at))
            .collect();
        what.push_str(&format!(" and {}", also.join(", ")));
    }
    let (level, message) = judge_flag(pair.kind, decision, policy, &what);
    let mut claim = claim_ref(analysis, pair.claim(analysis));
    claim.id = pair.id.clone();
    Item {
        doc: pair.at.0,
        claim: Some(claim),
        flag: Some(FlagRef {
            kind: pair.kind,
            other_name: first,
            other_path,
            other,
        }),
        level,
        message,
    }
}

/// The level and message for an integrity flag. A flag is a question about two articles, not
/// about one claim, so only a decision on the flag itself (its own id) settles it: verifying
/// the claim it sits on does not, or `review --accept-all` would silence every flag.
fn judge_flag(
    kind: FlagKind,
    decision: Option<Decision>,
    policy: &Policy,
    what: &str,
) -> (Level, String) {
    let what = format!("integrity flag {what}");
    match decision {
        Some(Decision::Disputed) => (Level::Error, format!("{what} is disputed")),
        Some(Decision::NeedsSource) => (Level::Warning, format!("{what} needs a source")),
        Some(Decision::Verified) => (Level::Ok, format!("{what}, reviewed")),
        None if policy.fail_on_flags.fails(kind) => {
            (Level::Error, format!("{what} not reviewed (fail_on_flags)"))
        }
        Some(Decision::Linked | Decision::Unlinked) | None => {
            (Level::Warning, format!("{what} not reviewed"))
        }
    }
}

/// The level and message for a claim that only copies of its own source have.
fn judge_echo(decision: Option<Decision>, policy: &Policy) -> (Level, String) {
    let what = "claim supported only by copies of its own source";
    match decision {
        Some(Decision::Disputed) => (Level::Error, format!("{what} is disputed")),
        Some(Decision::NeedsSource) => (Level::Warning, format!("{what} needs a source")),
        Some(Decision::Verified) => (Level::Ok, format!("{what}, verified")),
        None if policy.require_independent => (
            Level::Error,
            format!("{what} not reviewed (require_independent)"),
        ),
        Some(Decision::Linked | Decision::Unlinked) | None => {
            (Level::Warning, format!("{what} not reviewed"))
        }
    }
}

/// The level and message for one claim (single-source, or decided disputed).
fn judge(
    claim: &Claim,
    decision: Option<Decision>,
    policy: &Policy,
    too_many_unattributed: bool,
) -> (Level, String) {
    let unattributed = review::is_unattributed(claim);
    let what = if unattributed {
        "unattributed single-source claim"
    } else {
        "single-source claim"
    };
    match decision {
        Some(Decision::Disputed) => (Level::Error, format!("{what} is disputed")),
        Some(d)
            if policy.fail_on_anonymous_only
                && is_anonymous_only(claim)
                && d != Decision::Verified =>
        {
            (
                Level::Error,
                format!("{what} rests on anonymous sources only and is {d}, not verified"),
            )
        }
        Some(Decision::NeedsSource) => (Level::Warning, format!("{what} needs a source")),
        Some(Decision::Verified) => (Level::Ok, format!("{what}, verified")),
        None if policy.fail_on_anonymous_only && is_anonymous_only(claim) => (
            Level::Error,
            format!("{what} rests on anonymous sources only and is not reviewed"),
        ),
        None if unattributed && !too_many_unattributed => (
            Level::Warning,
            format!(
                "{what} not reviewed (allowed: max_unattributed = {})",
                policy.max_unattributed
            ),
        ),
        None if unattributed => (Level::Error, format!("{what} not reviewed")),
        None if policy.allow_unreviewed_attributed => (
            Level::Warning,
            format!("{what} not reviewed (allowed: allow_unreviewed_attributed)"),
        ),
        Some(Decision::Linked | Decision::Unlinked) | None => {
            (Level::Error, format!("{what} not reviewed"))
        }
    }
}

fn location(analysis: &Analysis, item: &Item) -> (String, usize) {
    let path = analysis.documents[item.doc].path.clone();
    (path, item.claim.as_ref().map_or(1, |c| c.line))
}

/// Cuts `text` to at most `max` user-perceived characters (grapheme clusters, so an accent or
/// an emoji sequence is never split) and marks the cut with an ellipsis.
fn shorten(text: &str, max: usize) -> String {
    use unicode_segmentation::UnicodeSegmentation;
    if text.graphemes(true).count() <= max {
        return text.to_string();
    }
    let cut: String = text.graphemes(true).take(max - 1).collect();
    format!("{}…", cut.trim_end())
}

/// The human summary: one `path:line: level: message [id]: text` line per problem (as compilers
/// and grep print them), stale reviews, then a one-line verdict.
pub fn summary(analysis: &Analysis, report: &Report, reviews_path: &Path) -> String {
    let mut out = String::new();
    for item in report.items.iter().filter(|i| i.level != Level::Ok) {
        let (path, line) = location(analysis, item);
        let level = if item.level == Level::Error {
            "error"
        } else {
            "warning"
        };
        out.push_str(&format!("{path}:{line}: {level}: {}", item.message));
        if let Some(c) = &item.claim {
            out.push_str(&format!(" [{}]: {}", c.id, shorten(&c.text, 100)));
        }
        if let Some(f) = &item.flag {
            out.push_str(&format!(
                " | {}: {}",
                f.other_name,
                shorten(&f.other.text, 100)
            ));
        }
        out.push('\n');
    }
    for e in &report.stale {
        let edited = closest_claim(analysis, e).map_or(String::new(), |(at, alike)| {
            format!(
                " (edited? {} is {:.0}% alike)",
                super::links::claim_ref(analysis, at),
                alike * 100.0
            )
        });
        out.push_str(&format!(
            "{}: stale review [{}] ({}, {}): its claim or flag is no longer in the articles{edited}: {}\n",
            reviews_path.display(),
            e.id,
            e.doc,
            e.decision.map_or("undecided", Decision::as_str),
            shorten(&e.text, 80)
        ));
    }
    out.push_str(&verdict(report));
    if !report.passed() {
        out.push_str(&format!(
            "review them with: crosscheck review ARTICLES... --reviews {}\n",
            reviews_path.display()
        ));
    }
    out
}

/// The one-line verdict that ends every output: passed or FAILED, with the counts.
pub fn verdict(report: &Report) -> String {
    let c = report.counts;
    format!(
        "check {}: {} claims, {} single-source ({} reviewed, {} pending of which {} unattributed), \
         {} disputed, {}; {} errors, {} warnings, {} stale reviews\n",
        if report.passed() { "passed" } else { "FAILED" },
        c.claims,
        c.single_source,
        c.reviewed,
        c.pending,
        c.pending_unattributed,
        c.disputed,
        flag_counts(&c),
        report.at(Level::Error).count(),
        report.at(Level::Warning).count(),
        report.stale.len()
    )
}

/// `N integrity flags (kind n, ...; n reviewed)`, kinds in [`FlagKind::ALL`] order.
fn flag_counts(c: &Counts) -> String {
    let total: usize = c.flags.iter().sum();
    if total == 0 {
        return "0 integrity flags".to_string();
    }
    let per_kind: Vec<String> = FlagKind::ALL
        .iter()
        .zip(c.flags)
        .filter(|(_, n)| *n > 0)
        .map(|(k, n)| format!("{} {n}", k.as_str()))
        .collect();
    format!(
        "{total} integrity flags ({}; {} reviewed)",
        per_kind.join(", "),
        c.flags_reviewed
    )
}

/// Escapes the message of a GitHub workflow command: `%`, CR and LF.
pub fn escape_data(s: &str) -> String {
    s.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// Escapes a property value of a GitHub workflow command: as [`escape_data`], plus `:` and `,`.
pub fn escape_property(s: &str) -> String {
    escape_data(s).replace(':', "%3A").replace(',', "%2C")
}

/// One GitHub Actions annotation (`::error file=F,line=N,title=T::message`).
pub fn annotation(level: Level, file: &str, line: usize, title: &str, message: &str) -> String {
    let command = if level == Level::Error {
        "error"
    } else {
        "warning"
    };
    format!(
        "::{command} file={},line={line},title={}::{}\n",
        escape_property(file),
        escape_property(title),
        escape_data(message)
    )
}

/// How many annotations of each level GitHub Actions shows per step; `check --format github`
/// writes no more than this many errors and this many warnings by default.
pub const GITHUB_MAX_ANNOTATIONS: usize = 10;

/// GitHub Actions annotations, most severe first, at most [`GITHUB_MAX_ANNOTATIONS`] per level;
/// see [`github_limited`].
pub fn github(analysis: &Analysis, report: &Report, reviews_path: &Path) -> String {
    github_limited(analysis, report, reviews_path, GITHUB_MAX_ANNOTATIONS)
}

/// One annotation to write: its level, what kind of finding it is (for the order), and the
/// text of the workflow command.
struct Annotation {
    level: Level,
    rank: u8,
    command: String,
}

/// The order of findings within a level: integrity flags (a copy changed the facts), then
/// rules about whole articles and credits, then claims, then stale reviews.
fn rank(item: &Item) -> u8 {
    match (&item.flag, &item.claim) {
        (Some(_), _) => 0,
        (None, None) => 1,
        (None, Some(_)) if item.message.starts_with("credits ") => 1,
        (None, Some(_)) => 2,
    }
}

/// Every error and warning as an annotation (stale reviews as warnings on the reviews file),
/// errors before warnings and flags first within each, input order otherwise. GitHub shows
/// ten annotations of each level per step and drops the rest silently, so at most `max` of
/// each level are written (0: all), then one `::notice` saying how many were left out and
/// where to see them; then the summary's verdict line.
pub fn github_limited(
    analysis: &Analysis,
    report: &Report,
    reviews_path: &Path,
    max: usize,
) -> String {
    let mut all: Vec<Annotation> = Vec::new();
    for item in report.items.iter().filter(|i| i.level != Level::Ok) {
        let (path, line) = location(analysis, item);
        let mut message = match &item.claim {
            Some(c) => format!("{} [{}]: {}", item.message, c.id, c.text),
            None => item.message.clone(),
        };
        if let Some(f) = &item.flag {
            message.push_str(&format!(" | {}: {}", f.other_name, f.other.text));
        }
        all.push(Annotation {
            level: item.level,
            rank: rank(item),
            command: annotation(item.level, &path, line, "crosscheck", &message),
        });
    }
    let reviews_name = reviews_path.display().to_string();
    let reviews_text = std::fs::read_to_string(reviews_path).unwrap_or_default();
    for e in &report.stale {
        let line = reviews_text
            .lines()
            .position(|l| l.starts_with(&format!("{},", e.id)))
            .map_or(1, |i| i + 1);
        all.push(Annotation {
            level: Level::Warning,
            rank: 3,
            command: annotation(
                Level::Warning,
                &reviews_name,
                line,
                "crosscheck: stale review",
                &format!(
                    "review of claim {} ({}) matches no claim in the article any more; delete the line if it is obsolete",
                    e.id, e.doc
                ),
            ),
        });
    }
    all.sort_by_key(|a| (std::cmp::Reverse(a.level), a.rank));
    let mut out = String::new();
    let (mut shown, mut left) = ([0usize; 2], [0usize; 2]);
    for a in &all {
        let i = usize::from(a.level == Level::Warning);
        if max == 0 || shown[i] < max {
            shown[i] += 1;
            out.push_str(&a.command);
        } else {
            left[i] += 1;
        }
    }
    if left.iter().any(|&n| n > 0) {
        out.push_str(&format!(
            "::notice title=crosscheck::{}\n",
            escape_data(&format!(
                "{} more errors and {} more warnings not shown (GitHub shows {max} of each): see the job summary, or run crosscheck check with the same arguments without --format github for every finding",
                left[0], left[1]
            ))
        ));
    }
    out.push_str(&verdict(report));
    out
}

/// The job summary for `$GITHUB_STEP_SUMMARY` (GitHub-flavoured Markdown): the verdict and
/// counts, the most severe findings, and a table per article with its claims by status and
/// its errors and warnings.
pub fn step_summary(analysis: &Analysis, report: &Report, top: usize) -> String {
    let mut out = String::new();
    let passed = if report.passed() { "passed" } else { "FAILED" };
    out.push_str(&format!("## crosscheck: check {passed}\n\n"));
    let c = report.counts;
    out.push_str(&format!(
        "{} claims; {} single-source ({} reviewed, {} pending); {} disputed; {}; **{} errors**, {} warnings, {} stale reviews.\n\n",
        c.claims,
        c.single_source,
        c.reviewed,
        c.pending,
        c.disputed,
        flag_counts(&c),
        report.at(Level::Error).count(),
        report.at(Level::Warning).count(),
        report.stale.len()
    ));
    let mut findings: Vec<&Item> = report
        .items
        .iter()
        .filter(|i| i.level != Level::Ok)
        .collect();
    findings.sort_by_key(|i| (std::cmp::Reverse(i.level), rank(i)));
    if !findings.is_empty() {
        out.push_str(&format!(
            "### Top findings ({} of {})\n\n",
            findings.len().min(top),
            findings.len()
        ));
        out.push_str("| level | where | finding | claim |\n|---|---|---|---|\n");
        for item in findings.iter().take(top) {
            let (path, line) = location(analysis, item);
            let level = if item.level == Level::Error {
                "error"
            } else {
                "warning"
            };
            let text = item
                .claim
                .as_ref()
                .map_or(String::new(), |c| shorten(&c.text, 120));
            out.push_str(&format!(
                "| {level} | `{}:{line}` | {} | {} |\n",
                markdown_cell(&path),
                markdown_cell(&item.message),
                markdown_cell(&text)
            ));
        }
        out.push('\n');
    }
    out.push_str("### Articles\n\n");
    out.push_str(
        "| article | file | claims | corroborated | paraphrased | single-source | errors | warnings |\n\
         |---|---|---:|---:|---:|---:|---:|---:|\n",
    );
    for (d, doc) in analysis.documents.iter().enumerate() {
        let claims = &analysis.claims[d];
        let status = |s: Status| claims.iter().filter(|c| c.status == s).count();
        let level = |l: Level| {
            report
                .items
                .iter()
                .filter(|i| i.doc == d && i.level == l)
                .count()
        };
        out.push_str(&format!(
            "| {} | `{}` | {} | {} | {} | {} | {} | {} |\n",
            markdown_cell(&doc.label),
            markdown_cell(&doc.path),
            claims.len(),
            status(Status::Corroborated),
            status(Status::Paraphrased),
            status(Status::SingleSource),
            level(Level::Error),
            level(Level::Warning)
        ));
    }
    out
}

/// Least character similarity (normalised Levenshtein) for a claim of the same article to be
/// named as the edited form of a stale review's claim: a typo fixed or a figure changed, not
/// another sentence.
const EDITED_MIN_SIMILARITY: f64 = 0.8;

/// The claim of the stale review's article whose text is closest to the reviewed text, when
/// it is close enough to be the same claim edited ([`EDITED_MIN_SIMILARITY`]), and how alike
/// the two are. Flag and link reviews (whose text is no single claim) rarely find one.
pub fn closest_claim(analysis: &Analysis, entry: &Entry) -> Option<((usize, usize), f64)> {
    let d = analysis
        .documents
        .iter()
        .position(|d| d.label == entry.doc)?;
    analysis.sentences[d]
        .iter()
        .enumerate()
        .map(|(s, sentence)| {
            let alike = strsim::normalized_levenshtein(&sentence.text, &entry.text);
            ((d, s), alike)
        })
        .filter(|&(_, alike)| alike >= EDITED_MIN_SIMILARITY)
        .max_by(|a, b| a.1.total_cmp(&b.1).then(b.0.cmp(&a.0)))
}

/// Text safe inside a Markdown table cell: one line, pipes and backquotes escaped.
fn markdown_cell(s: &str) -> String {
    s.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .replace('|', "\\|")
        .replace('`', "\\`")
}

/// Escapes text for XML attributes and character data; drops characters XML 1.0 forbids.
pub fn escape_xml(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\t' | '\n' | '\r' => out.push(c),
            c if (c as u32) < 0x20 || c == '\u{fffe}' || c == '\u{ffff}' => {}
            c => out.push(c),
        }
    }
    out
}

/// JUnit XML: one `<testsuite>` per article, one `<testcase>` per item (ok ones pass, errors
/// are `<failure>`, warnings pass with `<system-out>`).
pub fn junit(analysis: &Analysis, report: &Report) -> String {
    let mut out = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    let total = report.items.len();
    let failures = report.at(Level::Error).count();
    out.push_str(&format!(
        "<testsuites name=\"crosscheck\" tests=\"{total}\" failures=\"{failures}\" errors=\"0\">\n"
    ));
    for (d, doc) in analysis.documents.iter().enumerate() {
        let items: Vec<&Item> = report.items.iter().filter(|i| i.doc == d).collect();
        let failures = items.iter().filter(|i| i.level == Level::Error).count();
        out.push_str(&format!(
            "  <testsuite name=\"{}\" file=\"{}\" tests=\"{}\" failures=\"{failures}\" errors=\"0\">\n",
            escape_xml(&doc.label),
            escape_xml(&doc.path),
            items.len()
        ));
        for item in items {
            let (mut name, line) = match &item.claim {
                Some(c) => (format!("{} {}", c.id, shorten(&c.text, 80)), c.line),
                None => ("corroborated share".to_string(), 1),
            };
            if let Some(f) = &item.flag {
                name = format!("{} {name}", f.kind.as_str());
            }
            out.push_str(&format!(
                "    <testcase name=\"{}\" classname=\"{}\" file=\"{}\" line=\"{line}\"",
                escape_xml(&name),
                escape_xml(&doc.label),
                escape_xml(&doc.path)
            ));
            let mut detail = match &item.claim {
                Some(c) => format!("{}:{line}: {}\n{}", doc.path, item.message, c.text),
                None => format!("{}: {}", doc.path, item.message),
            };
            if let Some(f) = &item.flag {
                detail.push_str(&format!(
                    "\n{}:{}: {}",
                    f.other_path, f.other.line, f.other.text
                ));
            }
            match item.level {
                Level::Ok => out.push_str("/>\n"),
                Level::Warning => out.push_str(&format!(
                    ">\n      <system-out>warning: {}</system-out>\n    </testcase>\n",
                    escape_xml(&detail)
                )),
                Level::Error => out.push_str(&format!(
                    ">\n      <failure message=\"{}\" type=\"crosscheck\">{}</failure>\n    </testcase>\n",
                    escape_xml(&item.message),
                    escape_xml(&detail)
                )),
            }
        }
        out.push_str("  </testsuite>\n");
    }
    out.push_str("</testsuites>\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pipeline::attribution::{Attribution, AttributionKind, SourceKind};

    fn claim(kind: AttributionKind, source_kind: Option<SourceKind>) -> Claim {
        Claim {
            id: "abc".into(),
            doc: 0,
            sentence: 0,
            status: Status::SingleSource,
            links: vec![],
            support: 0,
            independent_support: 0,
            flags: vec![],
            credits: None,
            attribution: Attribution {
                kind,
                source_kind,
                ..Attribution::default()
            },
        }
    }

    #[test]
    fn github_escapes_follow_the_workflow_command_syntax() {
        assert_eq!(escape_data("50% a\r\nb: c,d"), "50%25 a%0D%0Ab: c,d");
        assert_eq!(escape_property("a:b,c%\n"), "a%3Ab%2Cc%25%0A");
        assert_eq!(
            annotation(Level::Error, "dir,x/a:b.txt", 7, "t", "m: 1,2"),
            "::error file=dir%2Cx/a%3Ab.txt,line=7,title=t::m: 1,2\n"
        );
    }

    #[test]
    fn xml_escapes_markup_and_drops_control_characters() {
        assert_eq!(
            escape_xml("a<b & \"c\" 'd'>\u{1}"),
            "a&lt;b &amp; &quot;c&quot; &apos;d&apos;&gt;"
        );
    }

    #[test]
    fn default_policy_requires_a_decision_and_no_dispute() {
        let p = Policy::default();
        let c = claim(AttributionKind::Explicit, Some(SourceKind::NamedPerson));
        assert_eq!(judge(&c, None, &p, false).0, Level::Error);
        assert_eq!(judge(&c, Some(Decision::Verified), &p, false).0, Level::Ok);
        assert_eq!(
            judge(&c, Some(Decision::NeedsSource), &p, false).0,
            Level::Warning
        );
        assert_eq!(
            judge(&c, Some(Decision::Disputed), &p, false).0,
            Level::Error
        );
    }

    #[test]
    fn unattributed_allowance_applies_only_below_the_maximum() {
        let p = Policy {
            max_unattributed: 2,
            ..Policy::default()
        };
        let c = claim(AttributionKind::None, None);
        assert_eq!(judge(&c, None, &p, false).0, Level::Warning);
        assert_eq!(judge(&c, None, &p, true).0, Level::Error);
    }

    #[test]
    fn attributed_claims_may_be_allowed_unreviewed() {
        let p = Policy {
            allow_unreviewed_attributed: true,
            ..Policy::default()
        };
        let c = claim(AttributionKind::Carried, Some(SourceKind::Organization));
        assert_eq!(judge(&c, None, &p, false).0, Level::Warning);
        // but not when the only source is anonymous and that is forbidden
        let p = Policy {
            fail_on_anonymous_only: true,
            ..p
        };
        let anon = claim(AttributionKind::Explicit, Some(SourceKind::Anonymous));
        assert_eq!(judge(&anon, None, &p, false).0, Level::Error);
        assert_eq!(
            judge(&anon, Some(Decision::NeedsSource), &p, false).0,
            Level::Error
        );
        assert_eq!(
            judge(&anon, Some(Decision::Verified), &p, false).0,
            Level::Ok
        );
    }

    #[test]
    fn flags_warn_until_reviewed_and_fail_only_for_the_kinds_named() {
        let p = Policy::parse("c.toml", "fail_on_flags = [\"number-mismatch\"]").unwrap();
        let judge = |kind, decision| judge_flag(kind, decision, &p, "x").0;
        assert_eq!(judge(FlagKind::NumberMismatch, None), Level::Error);
        // near miss: a kind the list does not name stays a warning
        assert_eq!(judge(FlagKind::QuoteAltered, None), Level::Warning);
        assert_eq!(
            judge(FlagKind::NumberMismatch, Some(Decision::Verified)),
            Level::Ok
        );
        assert_eq!(
            judge(FlagKind::QuoteAltered, Some(Decision::Disputed)),
            Level::Error
        );
        let all = Policy::parse("c.toml", "fail_on_flags = true").unwrap();
        assert_eq!(all.fail_on_flags, FlagGate::all());
        let none = Policy::parse("c.toml", "fail_on_flags = false").unwrap();
        assert_eq!(none, Policy::default());
    }

    #[test]
    fn bad_fail_on_flags_values_name_the_file_and_line() {
        for toml in ["fail_on_flags = \"all\"", "fail_on_flags = [\"numbers\"]"] {
            let err = Policy::parse("c.toml", toml).unwrap_err().to_string();
            assert!(err.starts_with("c.toml: line 1: "), "{err}");
        }
    }

    #[test]
    fn config_errors_name_the_file_and_line() {
        let err = Policy::parse(
            "crosscheck.toml",
            "max_unattributed = 2\nfail_on_anonymous = true\n",
        )
        .unwrap_err()
        .to_string();
        assert!(err.starts_with("crosscheck.toml: line 2: "), "{err}");
        assert!(!err.contains('\n'));
        let err = Policy::parse("c.toml", "min_corroborated_share = 1.5").unwrap_err();
        assert!(err.to_string().contains("[0,1]"));
        let ok = Policy::parse("c.toml", "allow_unreviewed_attributed = true").unwrap();
        assert!(ok.allow_unreviewed_attributed);
        assert_eq!(Policy::parse("c.toml", "").unwrap(), Policy::default());
    }
}

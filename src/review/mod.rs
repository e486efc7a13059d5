//! Reviews: the decisions a person made about single-source claims, claims only copies of their
//! own source have, and integrity flags; and the file that keeps them.
//!
//! Takes an [`Analysis`] and a reviews file; says which claims and flags are still pending,
//! which decisions are stale, and writes decisions back. A flag is decided under its own id
//! ([`crate::pipeline::flagged`]), in the same file and columns as claims, so older files stay valid.
//!
//! The one idea: the reviews file is a plain CSV that lives in git beside the articles. One line
//! per claim, sorted by (doc, id), no timestamps, so two people reviewing different articles
//! merge without conflicts and a diff shows exactly which decisions changed. Entries are keyed by
//! the stable claim id ([`crate::pipeline::classify::claim_id`]); an entry whose claim no longer exists is
//! *stale*: it is reported, and kept until someone deletes the line. A pair of claims is
//! decided under the id `ID+ID` with `linked` or `unlinked` ([`links`], which also applies
//! those decisions to an analysis); ids written before number words were folded into claim
//! ids are re-keyed on reading ([`Reviews::migrate`]).

pub mod check;
pub mod diff;
pub mod links;
pub mod store;

use std::collections::{BTreeMap, HashSet};
use std::path::{Path, PathBuf};

use crate::error::{Error, Result};
use crate::pipeline::attribution::AttributionKind;
use crate::pipeline::classify::{Claim, Status};
use crate::pipeline::document::Document;
use crate::pipeline::flagged::FlaggedPair;
use crate::pipeline::similarity::Scorer;
use crate::pipeline::{self, Analysis};

/// The file name used when `--reviews` is not given, in the first article's directory.
pub const DEFAULT_FILE_NAME: &str = "reviews.csv";

/// The column names, in order.
pub const HEADER: [&str; 5] = ["id", "doc", "decision", "note", "text"];

/// What a reviewer decided about a claim.
#[derive(
    Clone,
    Copy,
    Debug,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Hash,
    strum::IntoStaticStr,
    strum::EnumString,
)]
#[strum(serialize_all = "kebab-case")]
pub enum Decision {
    /// Checked: the claim stands as reported.
    Verified,
    /// Plausible, but the article should name (or better name) its source.
    NeedsSource,
    /// Believed wrong or misleading.
    Disputed,
    /// A link decision: the two claims of the entry are the same claim, whether or not the
    /// scorer found the link (see [`links`]).
    Linked,
    /// A link decision: the two claims of the entry are not the same claim; a found link
    /// between them is dropped.
    Unlinked,
}

impl Decision {
    /// Every decision, in the order shown to users.
    pub const ALL: [Decision; 3] = [
        Decision::Verified,
        Decision::NeedsSource,
        Decision::Disputed,
    ];

    /// The decisions about a pair of claims, written on entries whose id names two claims
    /// ([`links::link_id`]).
    pub const LINKS: [Decision; 2] = [Decision::Linked, Decision::Unlinked];

    /// The name written in the reviews file.
    pub fn as_str(self) -> &'static str {
        self.into()
    }

    /// Whether this decides a pair of claims (linked, unlinked) rather than a claim or a flag.
    pub fn is_link(self) -> bool {
        Decision::LINKS.contains(&self)
    }

    /// Parses a name as written in the reviews file (case and `_`/`-` folded; `link` and
    /// `unlink` are read as `linked` and `unlinked`).
    pub fn parse(s: &str) -> Option<Decision> {
        let s = s.trim().to_ascii_lowercase().replace('_', "-");
        let s = match s.as_str() {
            "link" => "linked",
            "unlink" => "unlinked",
            other => other,
        };
        s.parse().ok()
    }
}

impl std::fmt::Display for Decision {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One line of the reviews file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Entry {
    /// Claim id.
    pub id: String,
    /// Document label.
    pub doc: String,
    /// The decision; `None` when a person blanked the column to have the claim reviewed again.
    pub decision: Option<Decision>,
    /// Free text (one line).
    pub note: String,
    /// The claim text when it was decided, for people reading the file.
    pub text: String,
}

/// The decisions of a reviews file, by claim id.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Reviews {
    entries: BTreeMap<String, Entry>,
}

impl Reviews {
    /// Reads a reviews file; a missing or empty file (`touch reviews.csv`) is an empty set of
    /// reviews.
    pub fn load(path: &Path) -> Result<Reviews> {
        match std::fs::read(path) {
            Ok(bytes) => Reviews::parse(&path.display().to_string(), &bytes),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(Reviews::default()),
            Err(source) => Err(Error::Read {
                path: path.to_path_buf(),
                source,
            }),
        }
    }

    /// Parses reviews CSV. `name` is used in error messages. Columns are found by header name,
    /// so a person may reorder them; `id`, `doc` and `decision` are required.
    pub fn parse(name: &str, bytes: &[u8]) -> Result<Reviews> {
        if bytes.iter().all(u8::is_ascii_whitespace) {
            return Ok(Reviews::default());
        }
        let mut reader = csv::ReaderBuilder::new().flexible(false).from_reader(bytes);
        let bad =
            |line: u64, problem: String| Error::input(name, format!("line {line}: {problem}"));
        let headers = reader
            .headers()
            .map_err(|e| Error::input(name, format!("not a reviews CSV: {e}")))?
            .clone();
        let col = |n: &str| headers.iter().position(|h| h.trim() == n);
        let (Some(id_col), Some(doc_col), Some(dec_col)) = (col("id"), col("doc"), col("decision"))
        else {
            return Err(Error::input(
                name,
                format!("header must name the columns {}", HEADER.join(",")),
            ));
        };
        let (note_col, text_col) = (col("note"), col("text"));
        let mut reviews = Reviews::default();
        let mut seen_at: BTreeMap<String, u64> = BTreeMap::new();
        for record in reader.records() {
            let record = record.map_err(|e| {
                let line = e.position().map_or(0, |p| p.line());
                bad(line, format!("not valid CSV: {e}"))
            })?;
            let line = record.position().map_or(0, |p| p.line());
            let field = |c: Option<usize>| c.and_then(|c| record.get(c)).unwrap_or("").trim();
            let id = field(Some(id_col));
            if id.is_empty() {
                return Err(bad(line, "empty id".into()));
            }
            let raw = field(Some(dec_col));
            let decision = if raw.is_empty() {
                None
            } else {
                Some(Decision::parse(raw).ok_or_else(|| {
                    bad(
                        line,
                        format!(
                            "unknown decision '{raw}' (expected verified, needs-source, disputed, linked or unlinked)"
                        ),
                    )
                })?)
            };
            let pair = links::parse_link_id(id).is_some();
            match decision {
                Some(d) if d.is_link() && !pair => {
                    return Err(bad(
                        line,
                        format!("'{d}' decides a pair of claims: the id must be CLAIM+CLAIM, not {id}"),
                    ))
                }
                Some(d) if !d.is_link() && pair => {
                    return Err(bad(
                        line,
                        format!("{id} names a pair of claims: its decision is linked or unlinked, not '{d}'"),
                    ))
                }
                _ => {}
            }
            let entry = Entry {
                id: id.to_string(),
                doc: field(Some(doc_col)).to_string(),
                decision,
                note: field(note_col).to_string(),
                text: field(text_col).to_string(),
            };
            if let Some(first) = seen_at.get(id) {
                if reviews.entries[id] != entry {
                    return Err(bad(
                        line,
                        format!("{id} is also decided differently on line {first}; keep one"),
                    ));
                }
                continue;
            }
            seen_at.insert(id.to_string(), line);
            reviews.entries.insert(id.to_string(), entry);
        }
        Ok(reviews)
    }

    /// The CSV bytes: header, then one line per entry sorted by (doc, id), `\n` line ends.
    pub fn to_csv(&self) -> Vec<u8> {
        let mut writer = csv::WriterBuilder::new()
            .terminator(csv::Terminator::Any(b'\n'))
            .from_writer(Vec::new());
        writer.write_record(HEADER).expect("writes to memory");
        let mut sorted: Vec<&Entry> = self.entries.values().collect();
        sorted.sort_by(|a, b| (&a.doc, &a.id).cmp(&(&b.doc, &b.id)));
        for e in sorted {
            let decision = e.decision.map_or("", Decision::as_str);
            writer
                .write_record([&e.id, &e.doc, decision, &e.note, &e.text])
                .expect("writes to memory");
        }
        writer.into_inner().expect("writes to memory")
    }

    /// Writes the file atomically (a crash or Ctrl-C leaves the old file or the new one).
    pub fn save(&self, path: &Path) -> Result<()> {
        crate::cli::output::write_atomic(path, &self.to_csv())
    }

    /// The entry for a claim id.
    pub fn get(&self, id: &str) -> Option<&Entry> {
        self.entries.get(id)
    }

    /// The decision for a claim or flag id, if one was made (never a link decision: those
    /// are read by [`links::decided`]).
    pub fn decision(&self, id: &str) -> Option<Decision> {
        self.get(id)
            .and_then(|e| e.decision)
            .filter(|d| !d.is_link())
    }

    /// Re-keys entries written under an older id scheme to the ids of the claims and flags of
    /// `analysis`: ids from before number words were folded into claim ids
    /// ([`crate::pipeline::classify::legacy_claim_id`]). An entry already present under the
    /// new id wins. Returns how many entries were re-keyed; [`Reviews::save`] then writes the
    /// new ids.
    pub fn migrate(&mut self, analysis: &Analysis) -> usize {
        if self.entries.is_empty() {
            return 0; // no reviews file: skip computing every old id (large clusters)
        }
        let mut moved = 0;
        for (legacy, current) in links::legacy_ids(analysis) {
            if legacy == current || self.entries.contains_key(&current) {
                continue;
            }
            if let Some(mut entry) = self.entries.remove(&legacy) {
                entry.id = current.clone();
                self.entries.insert(current, entry);
                moved += 1;
            }
        }
        moved
    }

    /// Records a decision (notes are folded to one line so the file keeps one line per claim);
    /// returns the entry it replaced.
    pub fn set(&mut self, mut entry: Entry) -> Option<Entry> {
        entry.note = one_line(&entry.note);
        entry.text = one_line(&entry.text);
        self.entries.insert(entry.id.clone(), entry)
    }

    /// Puts back what [`Reviews::set`] replaced: `previous`, or nothing at all.
    pub fn restore(&mut self, id: &str, previous: Option<Entry>) {
        match previous {
            Some(e) => {
                self.entries.insert(id.to_string(), e);
            }
            None => {
                self.entries.remove(id);
            }
        }
    }

    /// Every entry, sorted by (doc, id).
    pub fn entries(&self) -> Vec<&Entry> {
        let mut v: Vec<&Entry> = self.entries.values().collect();
        v.sort_by(|a, b| (&a.doc, &a.id).cmp(&(&b.doc, &b.id)));
        v
    }

    /// Number of entries.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// Whether there are no entries.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// Entries whose claim no longer exists in the analysed documents. Entries for documents that
    /// were not analysed are not stale: a reviews file may cover more articles than one run.
    pub fn stale(&self, analysis: &Analysis) -> Vec<&Entry> {
        let labels: HashSet<&str> = analysis
            .documents
            .iter()
            .map(|d| d.label.as_str())
            .collect();
        let flags = analysis.flagged.iter().map(|f| f.id.as_str());
        let ids: HashSet<&str> = analysis
            .claims
            .iter()
            .flatten()
            .map(|c| c.id.as_str())
            .chain(flags)
            .collect();
        let known = |id: &str| match links::parse_link_id(id) {
            Some((a, b)) => ids.contains(a) && ids.contains(b),
            None => ids.contains(id),
        };
        self.entries()
            .into_iter()
            .filter(|e| labels.contains(e.doc.as_str()) && !known(&e.id))
            .collect()
    }

    /// A new entry deciding `claim`.
    pub fn entry_for(analysis: &Analysis, claim: &Claim, decision: Decision, note: &str) -> Entry {
        Entry {
            id: claim.id.clone(),
            doc: analysis.documents[claim.doc].label.clone(),
            decision: Some(decision),
            note: note.to_string(),
            text: analysis.sentences[claim.doc][claim.sentence].text.clone(),
        }
    }

    /// A new entry deciding an integrity flag. Its `text` says what was decided, for people
    /// reading the file: the kind, the other claims, the flagged claim.
    pub fn entry_for_flag(
        analysis: &Analysis,
        flag: &FlaggedPair,
        decision: Decision,
        note: &str,
    ) -> Entry {
        let (doc, sentence) = flag.at;
        Entry {
            id: flag.id.clone(),
            doc: analysis.documents[doc].label.clone(),
            decision: Some(decision),
            note: note.to_string(),
            text: format!(
                "{} against {}: {}",
                flag.kind.as_str(),
                flag.other_name(analysis),
                analysis.sentences[doc][sentence].text
            ),
        }
    }
}

fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The reviews file: the one given, else `reviews.csv` in the first article's directory.
pub fn path_or_default(given: Option<&Path>, documents: &[Document]) -> PathBuf {
    given.map_or_else(|| default_path(documents), Path::to_path_buf)
}

/// The reviews file used when none is given: `reviews.csv` in the first article's directory
/// (the current directory for standard input).
pub fn default_path(documents: &[Document]) -> PathBuf {
    let dir = documents
        .first()
        .filter(|d| d.path != "-")
        .and_then(|d| Path::new(&d.path).parent().map(Path::to_path_buf))
        .unwrap_or_default();
    dir.join(DEFAULT_FILE_NAME)
}

/// Whether a claim has no attribution of its own or carried from a neighbour.
pub fn is_unattributed(claim: &Claim) -> bool {
    claim.attribution.kind == AttributionKind::None
}

/// Whether a claim another document has is supported only by copies of its own source (a
/// write-up of its document, or the document it was written up from): one source counted
/// twice. Single-source claims are reviewed as such.
pub fn is_echo_only(claim: &Claim) -> bool {
    claim.status != Status::SingleSource && claim.independent() == Some(false)
}

/// Claims that need a reviewer: single-source claims and claims supported only by copies of
/// their own source, without a decision, in review order: unattributed first, then by
/// document and sentence.
pub fn pending<'a>(analysis: &'a Analysis, reviews: &Reviews) -> Vec<&'a Claim> {
    let mut out: Vec<&Claim> = analysis
        .claims
        .iter()
        .flatten()
        .filter(|c| {
            (c.status == Status::SingleSource || is_echo_only(c))
                && reviews.decision(&c.id).is_none()
        })
        .collect();
    out.sort_by_key(|c| (!is_unattributed(c), c.doc, c.sentence));
    out
}

/// Integrity flags without a decision, in the order `check` lists them. A decision on the
/// claim a flag sits on does not settle the flag: the claim may stand while a copy changed it.
pub fn pending_flags(analysis: &Analysis, reviews: &Reviews) -> Vec<FlaggedPair> {
    analysis
        .flagged
        .iter()
        .filter(|f| reviews.decision(&f.id).is_none())
        .cloned()
        .collect()
}

/// A sentence of another document close to a claim.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Nearest {
    /// Document index.
    pub doc: usize,
    /// Sentence index.
    pub sentence: usize,
    /// Similarity, between 0 and 1.
    pub score: f64,
}

/// Every sentence's similarity features, kept from the analysis (see
/// [`pipeline::Options::keep_features`]) so that showing the closest sentences of each claim
/// costs scoring only, with the very features `compare` scored.
pub struct Neighbourhood<'a> {
    features: &'a pipeline::SentenceFeatures,
}

impl<'a> Neighbourhood<'a> {
    /// The features of an analysis made with [`pipeline::Options::keep_features`]; `None`
    /// when it was made without them.
    pub fn new(analysis: &'a Analysis) -> Option<Neighbourhood<'a>> {
        Some(Neighbourhood {
            features: analysis.features.as_ref()?,
        })
    }

    /// The `k` sentences of other documents most similar to `claim`, best first, whatever
    /// their verdict: single-source claims have no links, yet the reviewer wants to see the
    /// near misses.
    pub fn nearest(&self, scorer: &Scorer, claim: &Claim, k: usize) -> Vec<Nearest> {
        let own = self.features.get(claim.doc, claim.sentence);
        let mut out: Vec<Nearest> = Vec::new();
        for (d, sentences) in self.features.documents().enumerate() {
            if d == claim.doc {
                continue;
            }
            for (s, other) in sentences.enumerate() {
                let score = scorer.score(own, other).value;
                if score > 0.0 {
                    out.push(Nearest {
                        doc: d,
                        sentence: s,
                        score,
                    });
                }
            }
        }
        out.sort_by(|a, b| {
            b.score
                .total_cmp(&a.score)
                .then((a.doc, a.sentence).cmp(&(b.doc, b.sentence)))
        });
        out.truncate(k);
        out
    }
}

/// The paragraph holding a claim, with whitespace folded, and the claim's byte range in it.
pub fn paragraph_of(analysis: &Analysis, claim: &Claim) -> (String, std::ops::Range<usize>) {
    let sentences = &analysis.sentences[claim.doc];
    let text = &analysis.documents[claim.doc].text;
    let own = &sentences[claim.sentence];
    let same: Vec<_> = sentences
        .iter()
        .filter(|s| s.paragraph == own.paragraph)
        .collect();
    let start = same
        .iter()
        .map(|s| s.span.start)
        .min()
        .unwrap_or(own.span.start);
    let end = same
        .iter()
        .map(|s| s.span.end)
        .max()
        .unwrap_or(own.span.end);
    let before = one_line(&text[start..own.span.start]);
    let claim_text = one_line(&text[own.span.clone()]);
    let after = one_line(&text[own.span.end..end]);
    let mut out = String::new();
    if !before.is_empty() {
        out.push_str(&before);
        out.push(' ');
    }
    let range = out.len()..out.len() + claim_text.len();
    out.push_str(&claim_text);
    if !after.is_empty() {
        if !after.starts_with(['.', ',', ';', ':', '!', '?']) {
            out.push(' ');
        }
        out.push_str(&after);
    }
    (out, range)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(id: &str, doc: &str, decision: Option<Decision>) -> Entry {
        Entry {
            id: id.into(),
            doc: doc.into(),
            decision,
            note: String::new(),
            text: "Some text.".into(),
        }
    }

    #[test]
    fn file_is_sorted_by_doc_then_id_whatever_the_insertion_order() {
        let mut r = Reviews::default();
        r.set(entry("b2", "wsj", Some(Decision::Verified)));
        r.set(entry("a1", "wsj", Some(Decision::Disputed)));
        r.set(entry("ff", "post", Some(Decision::NeedsSource)));
        let csv = String::from_utf8(r.to_csv()).unwrap();
        assert_eq!(
            csv,
            "id,doc,decision,note,text\n\
             ff,post,needs-source,,Some text.\n\
             a1,wsj,disputed,,Some text.\n\
             b2,wsj,verified,,Some text.\n"
        );
        assert_eq!(Reviews::parse("r.csv", csv.as_bytes()).unwrap(), r);
    }

    #[test]
    fn notes_with_line_breaks_stay_on_one_line() {
        let mut r = Reviews::default();
        let mut e = entry("a1", "wsj", Some(Decision::Verified));
        e.note = "checked with\nthe\r\n  desk".into();
        r.set(e);
        let csv = String::from_utf8(r.to_csv()).unwrap();
        assert_eq!(csv.lines().count(), 2);
        assert!(csv.contains("checked with the desk"));
    }

    #[test]
    fn columns_found_by_name_and_blank_decision_means_undecided() {
        let csv = "decision,id,doc\n,a1,wsj\nVerified,b2,wsj\n";
        let r = Reviews::parse("r.csv", csv.as_bytes()).unwrap();
        assert_eq!(r.decision("a1"), None);
        assert_eq!(r.decision("b2"), Some(Decision::Verified));
        assert_eq!(r.len(), 2);
    }

    #[test]
    fn bad_decision_names_file_and_line() {
        let csv = "id,doc,decision,note,text\na1,wsj,verified,,x\nb2,wsj,maybe,,y\n";
        let err = Reviews::parse("r.csv", csv.as_bytes()).unwrap_err();
        assert_eq!(
            err.to_string(),
            "r.csv: line 3: unknown decision 'maybe' (expected verified, needs-source, disputed, linked or unlinked)"
        );
    }

    #[test]
    fn link_decisions_go_with_pair_ids_only() {
        let ok = "id,doc,decision\naaa+bbb,wsj,linked\nccc+ddd,wsj,Unlink\na1,wsj,verified\n";
        let r = Reviews::parse("r.csv", ok.as_bytes()).unwrap();
        assert_eq!(r.len(), 3);
        assert_eq!(r.decision("aaa+bbb"), None, "not a claim decision");
        assert_eq!(r.get("ccc+ddd").unwrap().decision, Some(Decision::Unlinked));
        for bad in [
            "id,doc,decision\na1,wsj,linked\n",
            "id,doc,decision\naaa+bbb,wsj,verified\n",
        ] {
            let err = Reviews::parse("r.csv", bad.as_bytes()).unwrap_err();
            assert!(err.to_string().starts_with("r.csv: line 2: "), "{err}");
        }
    }

    #[test]
    fn conflicting_duplicate_is_an_error_identical_one_is_not() {
        let same = "id,doc,decision\na1,wsj,verified\na1,wsj,verified\n";
        assert_eq!(Reviews::parse("r.csv", same.as_bytes()).unwrap().len(), 1);
        let clash = "id,doc,decision\na1,wsj,verified\na1,wsj,disputed\n";
        let err = Reviews::parse("r.csv", clash.as_bytes()).unwrap_err();
        assert!(err.to_string().contains("line 3"), "{err}");
        assert!(err.to_string().contains("line 2"), "{err}");
    }

    #[test]
    fn an_empty_file_holds_no_reviews() {
        assert_eq!(
            Reviews::parse("r.csv", b"").unwrap().to_csv(),
            Reviews::default().to_csv()
        );
        assert!(Reviews::parse("r.csv", b"\n \r\n").is_ok());
        // Text that is not a reviews CSV still is an error.
        assert!(Reviews::parse("r.csv", b"decision\n").is_err());
    }

    #[test]
    fn missing_header_column_is_an_error() {
        let err = Reviews::parse("r.csv", b"id,decision\na1,verified\n").unwrap_err();
        assert!(err.to_string().starts_with("r.csv: header"), "{err}");
    }

    #[test]
    fn undo_restores_the_previous_state() {
        let mut r = Reviews::default();
        let prev = r.set(entry("a1", "wsj", Some(Decision::Verified)));
        assert_eq!(prev, None);
        let prev2 = r.set(entry("a1", "wsj", Some(Decision::Disputed)));
        r.restore("a1", prev2);
        assert_eq!(r.decision("a1"), Some(Decision::Verified));
        r.restore("a1", prev);
        assert!(r.is_empty());
    }

    #[test]
    fn entries_under_old_ids_are_re_keyed_and_new_ones_win() {
        use crate::pipeline::{classify, document};
        let text = "Three people were hurt, police said.";
        let docs = vec![document::from_bytes("wsj".into(), "wsj.txt".into(), text.into()).unwrap()];
        let analysis = pipeline::analyze(docs, &pipeline::Options::default());
        let (old, new) = (
            classify::legacy_claim_id("wsj", text),
            analysis.claims[0][0].id.clone(),
        );
        assert_ne!(old, new);
        let mut r = Reviews::default();
        r.set(entry(&old, "wsj", Some(Decision::Disputed)));
        assert_eq!(
            r.stale(&analysis).len(),
            1,
            "unmigrated, the old id matches nothing"
        );
        assert_eq!(r.migrate(&analysis), 1);
        assert_eq!(r.decision(&new), Some(Decision::Disputed));
        assert!(r.stale(&analysis).is_empty());
        // an entry already under the new id is kept; the old one stays for a person to delete
        r.set(entry(&old, "wsj", Some(Decision::Verified)));
        assert_eq!(r.migrate(&analysis), 0);
        assert_eq!(r.decision(&new), Some(Decision::Disputed));
    }

    #[test]
    fn the_nearest_sentences_are_scored_with_the_features_compare_kept() {
        use crate::pipeline::document;
        let doc = |label: &str, text: &str| {
            document::from_bytes(label.into(), format!("{label}.txt"), text.into()).unwrap()
        };
        let docs = vec![
            doc(
                "a",
                "The ‘old’ bridge will close in May, the mayor said. Rain fell.",
            ),
            doc(
                "b",
                "The mayor said the ‘old’ bridge closes in May. Tolls rose.",
            ),
        ];
        let plain = pipeline::analyze(docs.clone(), &pipeline::Options::default());
        assert!(plain.features.is_none() && Neighbourhood::new(&plain).is_none());
        let options = pipeline::Options {
            keep_features: true,
            ..Default::default()
        };
        let analysis = pipeline::analyze(docs, &options);
        let near = Neighbourhood::new(&analysis).expect("kept");
        let scorer = Scorer::new(options.thresholds);
        let found = near.nearest(&scorer, &analysis.claims[0][0], 5);
        assert_eq!((found[0].doc, found[0].sentence), (1, 0));
        // the same score as the sentences' own features, read as compare reads them (single
        // quotation marks as double ones)
        let text = |d: usize, s: usize| links::matched_text(&analysis, (d, s));
        let own = scorer
            .score(
                &crate::pipeline::similarity::Features::new(&text(0, 0)),
                &crate::pipeline::similarity::Features::new(&text(1, 0)),
            )
            .value;
        assert_eq!(found[0].score, own);
    }

    #[test]
    fn decision_names_parse_loosely() {
        assert_eq!(
            Decision::parse(" Needs_Source "),
            Some(Decision::NeedsSource)
        );
        assert_eq!(Decision::parse("ok"), None);
    }
}

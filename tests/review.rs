//! `crosscheck review` on temp copies of the seed pair: the interactive loop driven through its
//! input stream (every key, quit, resume, a killed session), and the non-interactive forms.

use std::path::{Path, PathBuf};

use crate::util::{corpus, crosscheck};

/// A temp directory holding copies of the seed pair (wsj.txt, post.txt).
pub struct Seed {
    pub dir: tempfile::TempDir,
}

impl Seed {
    pub fn new() -> Seed {
        let dir = tempfile::tempdir().unwrap();
        for name in ["wsj.txt", "post.txt"] {
            std::fs::copy(
                corpus(&format!("ukraine-plan/{name}")),
                dir.path().join(name),
            )
            .unwrap();
        }
        Seed { dir }
    }

    pub fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    /// The article paths, as arguments.
    pub fn articles(&self) -> Vec<String> {
        ["wsj.txt", "post.txt"]
            .iter()
            .map(|n| self.path(n).display().to_string())
            .collect()
    }

    /// The default reviews file (next to the first article).
    pub fn reviews(&self) -> PathBuf {
        self.path("reviews.csv")
    }

    pub fn reviews_text(&self) -> String {
        std::fs::read_to_string(self.reviews()).unwrap_or_default()
    }
}

/// Runs `crosscheck <args> <articles>` and returns the command for assertions.
pub fn run(args: &[&str], articles: &[String]) -> assert_cmd::Command {
    let mut cmd = crosscheck();
    cmd.args(args).args(articles);
    cmd
}

/// A pending claim as `review --list --format csv` prints it.
#[derive(Clone, Debug, PartialEq)]
pub struct Pending {
    pub id: String,
    pub doc: String,
    pub line: usize,
    /// 1-based sentence number.
    pub sentence: usize,
    /// single-source, copies-only or flag.
    pub pending: String,
    pub flags: String,
    pub text: String,
}

/// The columns of `review --list`.
const LIST_HEADER: [&str; 8] = [
    "id",
    "doc",
    "sentence",
    "line",
    "pending",
    "attribution",
    "flags",
    "text",
];

/// Pending claims only (no integrity flags), as `review --accept-all` accepts them.
pub fn pending_claims(articles: &[String]) -> Vec<Pending> {
    pending(articles)
        .into_iter()
        .filter(|p| p.pending != "flag")
        .collect()
}

/// Pending claims and integrity flags, in `review --list` order.
pub fn pending(articles: &[String]) -> Vec<Pending> {
    let out = run(&["review", "--list", "--format", "csv"], articles)
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let mut reader = csv::Reader::from_reader(out.as_slice());
    assert_eq!(
        reader.headers().unwrap().iter().collect::<Vec<_>>(),
        LIST_HEADER
    );
    reader
        .records()
        .map(|r| {
            let r = r.unwrap();
            Pending {
                id: r[0].to_string(),
                doc: r[1].to_string(),
                sentence: r[2].parse().unwrap(),
                line: r[3].parse().unwrap(),
                pending: r[4].to_string(),
                flags: r[6].to_string(),
                text: r[7].to_string(),
            }
        })
        .collect()
}

/// Decisions in a reviews file: (id, decision, note), in file order.
pub fn decisions(path: &Path) -> Vec<(String, String, String)> {
    let mut reader = csv::Reader::from_path(path).unwrap();
    assert_eq!(
        reader.headers().unwrap().iter().collect::<Vec<_>>(),
        ["id", "doc", "decision", "note", "text"]
    );
    reader
        .records()
        .map(|r| {
            let r = r.unwrap();
            (r[0].to_string(), r[2].to_string(), r[3].to_string())
        })
        .collect()
}

fn decision_of(path: &Path, id: &str) -> Option<(String, String)> {
    decisions(path)
        .into_iter()
        .find(|(i, _, _)| i == id)
        .map(|(_, d, n)| (d, n))
}

fn session(seed: &Seed, keys: &str) -> String {
    session_on(&seed.articles(), keys)
}

/// The output of an interactive review of `articles` driven by `keys`.
fn session_on(articles: &[String], keys: &str) -> String {
    let out = run(&["review"], articles)
        .write_stdin(keys)
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    String::from_utf8(out).unwrap()
}

#[test]
fn every_key_then_quit_then_resume() {
    let seed = Seed::new();
    let all = pending(&seed.articles());
    assert!(all.len() >= 5, "the seed pair has single-source claims");
    let (p1, p2, p3, p4) = (&all[0], &all[1], &all[2], &all[3]);

    // ? help, v, a + note + n, s, d, u (undo d), u (undo s), unknown key, d, q
    let keys = "?\nv\na\nasked the desk\nn\ns\nd\nu\nu\nzz\nd\nq\nv\n";
    let out = session(&seed, keys);
    assert!(
        out.contains("needs-source  plausible"),
        "help shown:\n{out}"
    );
    assert!(out.contains("unknown key \"zz\""), "{out}");
    assert!(out.contains("← undid decision") && out.contains("← undid skip"));
    // numbered from the first pending item (integrity flags come first)
    let kind = |p: &Pending| if p.pending == "flag" { "flag" } else { "claim" };
    assert!(
        out.contains(&format!("{} 1/{}", kind(p1), all.len())),
        "numbered from the first pending item"
    );
    // the claim is highlighted with plain markers when stdout is not a terminal
    assert!(out.contains(&format!("»{}", &p1.text[..20])), "{out}");
    assert!(!out.contains('\x1b'), "no ANSI codes off a terminal");
    // a claim's screen shows its closest sentences elsewhere and its attribution (the first
    // items here may all be integrity flags, which come first)
    let claims = run(&["review", "--only", "single-source"], &seed.articles())
        .write_stdin("q\n")
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let claims = String::from_utf8(claims).unwrap();
    assert!(claims.contains("closest in other articles:"), "{claims}");
    assert!(claims.contains("attribution:"), "{claims}");

    let r = seed.reviews();
    assert_eq!(
        decision_of(&r, &p1.id),
        Some(("verified".into(), "".into()))
    );
    assert_eq!(
        decision_of(&r, &p2.id),
        Some(("needs-source".into(), "asked the desk".into()))
    );
    assert_eq!(
        decision_of(&r, &p3.id),
        Some(("disputed".into(), "".into()))
    );
    assert_eq!(decision_of(&r, &p4.id), None, "undone decision removed");
    assert_eq!(
        decisions(&r).len(),
        3,
        "q stopped the session: the last v was not read"
    );

    // resume: the three decided claims are not shown again
    let out = session(&seed, "v\nq\n");
    assert!(
        out.contains(&format!("{} 1/{}", kind(p4), all.len() - 3)),
        "{out}"
    );
    assert!(out.contains(&format!("[{}]", p4.id)));
    assert!(!out.contains(&format!("[{}]", p1.id)));
    assert_eq!(
        decision_of(&r, &p4.id),
        Some(("verified".into(), "".into()))
    );
    assert_eq!(pending(&seed.articles()).len(), all.len() - 4);
}

#[test]
fn end_of_input_is_a_quit_and_keeps_decisions() {
    let seed = Seed::new();
    let all = pending(&seed.articles());
    let out = session(&seed, "n\n");
    assert!(out.contains("1 decided, 0 skipped"), "{out}");
    assert_eq!(
        decision_of(&seed.reviews(), &all[0].id),
        Some(("needs-source".into(), "".into()))
    );
}

#[test]
fn undo_takes_back_only_this_sessions_steps() {
    let seed = Seed::new();
    let all = pending(&seed.articles());
    let id = &all[0].id;
    run(
        &["review", "--set", &format!("{id}=disputed")],
        &seed.articles(),
    )
    .assert()
    .success();
    // the claim is decided, so a session starts at the next one; undo of nothing is harmless
    let out = session(&seed, "u\nv\nu\nq\n");
    assert!(out.contains("nothing to undo"), "{out}");
    assert_eq!(
        decision_of(&seed.reviews(), id),
        Some(("disputed".into(), "".into()))
    );
    assert_eq!(decisions(&seed.reviews()).len(), 1, "the v was undone");
}

#[test]
fn a_killed_session_loses_no_decision() {
    use std::io::Write;
    let seed = Seed::new();
    let first = pending(&seed.articles()).remove(0);
    let mut child = std::process::Command::new(assert_cmd::cargo::cargo_bin!("crosscheck"))
        .arg("review")
        .args(seed.articles())
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::null())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    stdin.write_all(b"v\n").unwrap();
    stdin.flush().unwrap();
    // stdin stays open: the session waits for the next key, as at a terminal
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(30);
    while decision_of_opt(&seed.reviews(), &first.id).is_none() {
        assert!(std::time::Instant::now() < deadline, "decision never saved");
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
    child.kill().unwrap();
    child.wait().unwrap();
    assert_eq!(
        decision_of(&seed.reviews(), &first.id),
        Some(("verified".into(), "".into()))
    );
}

fn decision_of_opt(path: &Path, id: &str) -> Option<(String, String)> {
    if !path.exists() {
        return None;
    }
    decision_of(path, id)
}

#[test]
fn unattributed_claims_come_first() {
    let dir = tempfile::tempdir().unwrap();
    let a = dir.path().join("a.txt");
    let b = dir.path().join("b.txt");
    std::fs::write(
        &a,
        "The mayor said the bridge will reopen in March.\n\nThe council approved the budget.\n",
    )
    .unwrap();
    std::fs::write(&b, "Heavy rain flooded the southern districts overnight.\n").unwrap();
    let articles = vec![a.display().to_string(), b.display().to_string()];
    let list = pending(&articles);
    assert_eq!(list.len(), 3);
    // unattributed claims first (whatever the attribution stage finds), then document order
    let csv = run(&["review", "--list", "--format", "csv"], &articles)
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let mut reader = csv::Reader::from_reader(csv.as_slice());
    let keys: Vec<(bool, String, usize)> = reader
        .records()
        .map(|r| {
            let r = r.unwrap();
            (
                &r[5] != "unattributed",
                r[1].to_string(),
                r[3].parse().unwrap(),
            )
        })
        .collect();
    let mut sorted = keys.clone();
    sorted.sort_by_key(|(attributed, doc, line)| (*attributed, doc != "a", *line));
    assert_eq!(keys, sorted);
}

#[test]
fn list_as_table() {
    let seed = Seed::new();
    let n = pending(&seed.articles()).len();
    let out = run(&["review", "--list"], &seed.articles())
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let out = String::from_utf8(out).unwrap();
    let mut lines = out.lines();
    let header: Vec<&str> = lines.next().unwrap().split_whitespace().collect();
    assert_eq!(header, LIST_HEADER);
    assert_eq!(lines.count(), n);
    assert!(!seed.reviews().exists(), "--list writes nothing");
}

#[test]
fn accept_all_writes_a_sorted_file_with_one_line_per_claim() {
    let seed = Seed::new();
    let all = pending_claims(&seed.articles());
    let flags = pending(&seed.articles()).len() - all.len();
    assert_eq!(flags, 9, "the seed pair's integrity flags");
    run(&["review", "--accept-all"], &seed.articles())
        .assert()
        .success()
        .stderr(predicates::str::contains(format!(
            "accepted {} pending claims",
            all.len()
        )))
        .stderr(predicates::str::contains("9 integrity flags still pending"));
    let text = seed.reviews_text();
    assert_eq!(text.lines().count(), all.len() + 1, "one line per claim");
    let rows = decisions(&seed.reviews());
    assert!(rows.iter().all(|(_, d, _)| d == "verified"));
    let mut reader = csv::Reader::from_path(seed.reviews()).unwrap();
    let keys: Vec<(String, String)> = reader
        .records()
        .map(|r| {
            let r = r.unwrap();
            (r[1].to_string(), r[0].to_string())
        })
        .collect();
    let mut sorted = keys.clone();
    sorted.sort();
    assert_eq!(keys, sorted, "sorted by (doc, id)");
    assert!(pending_claims(&seed.articles()).is_empty());
    let left = pending(&seed.articles());
    assert_eq!(left.len(), flags, "flags are never accepted in bulk");
    assert!(left
        .iter()
        .all(|p| p.pending == "flag" && !p.flags.is_empty()));
    // running again changes nothing: no timestamps, stable order
    run(&["review", "--accept-all"], &seed.articles())
        .assert()
        .success();
    assert_eq!(seed.reviews_text(), text);
}

#[test]
fn set_with_note_and_explicit_reviews_file() {
    let seed = Seed::new();
    let all = pending(&seed.articles());
    let file = seed.path("elsewhere.csv");
    let file_arg = file.display().to_string();
    let set = format!("{}=needs-source", all[1].id);
    run(
        &[
            "review",
            "--reviews",
            &file_arg,
            "--set",
            &set,
            "--note",
            "ask\nthe desk",
        ],
        &seed.articles(),
    )
    .assert()
    .success();
    assert_eq!(
        decisions(&file),
        vec![(
            all[1].id.clone(),
            "needs-source".into(),
            "ask the desk".into()
        )]
    );
    assert!(!seed.reviews().exists());
}

#[test]
fn set_counts_its_decisions_in_the_right_number() {
    let seed = Seed::new();
    let all = pending(&seed.articles());
    let one = format!("{}=verified", all[0].id);
    let two = format!("{}=verified", all[1].id);
    run(&["review", "--set", &one], &seed.articles())
        .assert()
        .success()
        .stderr(predicates::str::contains("recorded 1 decision in "));
    run(&["review", "--set", &one, "--set", &two], &seed.articles())
        .assert()
        .success()
        .stderr(predicates::str::contains("recorded 2 decisions in "));
}

#[test]
fn a_reviews_file_in_a_missing_directory_is_named_not_its_lock() {
    let seed = Seed::new();
    let id = pending(&seed.articles()).remove(0).id;
    let file = seed.path("no-such-dir").join("r.csv");
    let out = run(
        &[
            "review",
            "--reviews",
            &file.display().to_string(),
            "--set",
            &format!("{id}=verified"),
        ],
        &seed.articles(),
    )
    .assert()
    .code(2)
    .get_output()
    .clone();
    let err = String::from_utf8(out.stderr).unwrap();
    assert_eq!(err.lines().count(), 1, "{err}");
    let named = format!("crosscheck: {}: cannot write: ", file.display());
    let why = err.strip_prefix(&named).unwrap_or_else(|| panic!("{err}"));
    assert!(!why.contains(".lock"), "{err}");
}

#[test]
fn set_rejects_unknown_ids_and_decisions_with_exit_2() {
    let seed = Seed::new();
    let id = pending(&seed.articles()).remove(0).id;
    for (set, problem) in [
        (format!("{id}=maybe"), "unknown decision 'maybe'"),
        (
            "000000000000=verified".to_string(),
            "no claim or integrity flag with id",
        ),
        (id.clone(), "expected ID=DECISION"),
    ] {
        run(&["review", "--set", &set], &seed.articles())
            .assert()
            .code(2)
            .stderr(predicates::str::contains(problem));
    }
    assert!(!seed.reviews().exists());
}

#[test]
fn note_needs_set_or_accept_all_and_stdin_cannot_be_both_article_and_keys() {
    let seed = Seed::new();
    run(&["review", "--note", "x"], &seed.articles())
        .assert()
        .code(2)
        .stderr(predicates::str::contains(
            "--note goes with --set or --accept-all",
        ));
    run(&["review", "-"], &[])
        .write_stdin("Some article text.\n")
        .assert()
        .code(2)
        .stderr(predicates::str::contains("give the articles as files"));
    run(
        &["review", "--accept-all", "--note", "baseline"],
        &seed.articles(),
    )
    .assert()
    .success();
    let rows = decisions(&seed.reviews());
    assert!(!rows.is_empty());
    assert!(rows
        .iter()
        .all(|(_, d, n)| d == "verified" && n == "baseline"));
}

#[test]
fn bad_reviews_file_is_exit_2_naming_file_and_line() {
    let seed = Seed::new();
    std::fs::write(
        seed.reviews(),
        "id,doc,decision,note,text\nabc,wsj,perhaps,,x\n",
    )
    .unwrap();
    run(&["review", "--list"], &seed.articles())
        .assert()
        .code(2)
        .stderr(predicates::str::contains(
            "reviews.csv: line 2: unknown decision 'perhaps'",
        ));
}

fn wire_rewrite() -> (tempfile::TempDir, Vec<String>) {
    let dir = tempfile::tempdir().unwrap();
    for name in ["copy.txt", "rewrite.txt", "wire.txt"] {
        std::fs::copy(
            corpus(&format!("wire-rewrite/{name}")),
            dir.path().join(name),
        )
        .unwrap();
    }
    let articles = vec![dir.path().display().to_string()];
    (dir, articles)
}

#[test]
fn list_shows_each_claims_flags_and_the_flags_to_review() {
    let (_dir, articles) = wire_rewrite();
    let all = pending(&articles);
    let flagged: Vec<&Pending> = all
        .iter()
        .filter(|p| p.pending != "flag" && !p.flags.is_empty())
        .collect();
    assert!(
        flagged.iter().any(|p| p.doc == "rewrite"
            && p.line == 3
            && p.flags.contains("number-mismatch:wire:1")),
        "{all:?}"
    );
    let flags: Vec<&Pending> = all.iter().filter(|p| p.pending == "flag").collect();
    let kinds: Vec<(&str, usize, &str)> = flags
        .iter()
        .map(|p| (p.doc.as_str(), p.line, p.flags.split(':').next().unwrap()))
        .collect();
    assert_eq!(
        kinds,
        [
            ("rewrite", 3, "number-mismatch"),
            ("rewrite", 5, "number-mismatch"),
            ("rewrite", 6, "quote-altered"),
            ("rewrite", 8, "actor-mismatch"),
        ]
    );
    // flags come before every claim: they are the findings that matter most
    let first_claim = all.iter().position(|p| p.pending != "flag").unwrap();
    assert_eq!(first_claim, 4);
    assert!(all[first_claim..].iter().all(|p| p.pending != "flag"));
}

#[test]
fn a_session_walks_the_flags_after_the_claims_and_records_them() {
    let (dir, articles) = wire_rewrite();
    run(&["review", "--accept-all"], &articles)
        .assert()
        .success();
    let flags = pending(&articles);
    assert_eq!(flags.len(), 4);
    let out = session_on(&articles, "d\nq\n");
    assert!(
        out.contains("To review: 0 claims (0 single-source, 0 supported only by copies of their own source) and 4 integrity flags"),
        "{out}"
    );
    assert!(out.contains("flag 1/4  number-mismatch"), "{out}");
    assert!(
        out.contains("differs from:") && out.contains("  wire:1  "),
        "{out}"
    );
    let reviews = dir.path().join("reviews.csv");
    let (_, decision, _) = decisions(&reviews)
        .into_iter()
        .find(|(id, _, _)| *id == flags[0].id)
        .expect("the flag decision is saved");
    assert_eq!(decision, "disputed");
    let text = std::fs::read_to_string(&reviews).unwrap();
    assert!(
        text.contains(",rewrite,disputed,,\"number-mismatch against copy:1, wire:1: "),
        "{text}"
    );
    assert_eq!(pending(&articles).len(), 3);
}

#[test]
fn a_claim_shows_its_flags_and_the_header_counts_what_is_pending() {
    let (_dir, articles) = wire_rewrite();
    let all = pending(&articles);
    let single = all.iter().filter(|p| p.pending == "single-source").count();
    let copies = all.iter().filter(|p| p.pending == "copies-only").count();
    // skip the four flags, which come first, to the first claim
    let out = session_on(&articles, "s\ns\ns\ns\nq\n");
    assert!(
        out.contains(&format!(
            "To review: {} claims ({single} single-source, {copies} supported only by copies of their own source) and 4 integrity flags",
            single + copies
        )),
        "{out}"
    );
    // the first pending claim is the copy's dateline sentence, flagged against the rewrite
    assert!(
        out.contains("flags:\n  number-mismatch against rewrite:1 (line 3): "),
        "{out}"
    );
    // and its closest match in the other articles shows its flags too
    assert!(
        out.contains("         flags: number-mismatch:copy:1, number-mismatch:wire:1"),
        "{out}"
    );
}

//! Correcting the alignment: `review --set A+B=linked|unlinked` and the `l`/`x` keys, applied
//! by `compare`, `check` and `review`; filters; decisions that survive cosmetic edits.

use std::collections::BTreeMap;
use std::path::Path;

use crate::review::run;
use crate::util::{corpus, csv_maps, success_stdout};

const FIRST: &str = "The bridge will close for repairs in March, the mayor said.\n\n\
                     Tolls are expected to double next year.\n";
const SECOND: &str = "Crews start fixing the span in spring, according to City Hall.\n\n\
                      The harbor festival returns in June.\n";

/// Two articles whose first claims are the same claim in words the scorer does not link.
fn pair() -> (tempfile::TempDir, Vec<String>) {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("first.txt"), FIRST).unwrap();
    std::fs::write(dir.path().join("second.txt"), SECOND).unwrap();
    let articles = ["first.txt", "second.txt"]
        .iter()
        .map(|n| dir.path().join(n).display().to_string())
        .collect();
    (dir, articles)
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

fn rows(args: &[&str], articles: &[String]) -> Vec<BTreeMap<String, String>> {
    let mut full = vec!["compare"];
    full.extend(args);
    csv_maps(&success_stdout(&mut run(&full, articles)))
}

fn row<'a>(
    rows: &'a [BTreeMap<String, String>],
    doc: &str,
    n: usize,
) -> &'a BTreeMap<String, String> {
    rows.iter()
        .find(|r| r["doc"] == doc && r["sentence"] == n.to_string())
        .unwrap_or_else(|| panic!("no row {doc}:{n}"))
}

fn check_text(articles: &[String]) -> (i32, String) {
    let out = run(&["check"], articles).output().unwrap();
    (
        out.status.code().unwrap(),
        String::from_utf8(out.stdout).unwrap(),
    )
}

#[test]
fn a_set_link_is_applied_by_compare_and_check() {
    let (dir, articles) = pair();
    let before = rows(&[], &articles);
    assert_eq!(row(&before, "first", 1)["status"], "single-source");
    let (_, text) = check_text(&articles);
    assert!(
        text.contains("first.txt:1: error: single-source claim"),
        "{text}"
    );

    run(&["review", "--set", "first:1+second:1=linked"], &articles)
        .assert()
        .success();
    let file = std::fs::read_to_string(dir.path().join("reviews.csv")).unwrap();
    assert!(file.contains(",linked,,"), "{file}");
    assert_eq!(file.lines().count(), 2, "one line for the pair: {file}");

    let after = rows(&[], &articles);
    for (doc, other) in [("first", "second:1"), ("second", "first:1")] {
        let r = row(&after, doc, 1);
        assert_ne!(r["status"], "single-source", "{r:?}");
        assert_eq!(r["matches"], other);
        assert_eq!(r["reviewer"], other, "the link says a reviewer made it");
        assert_eq!(
            (r["support"].as_str(), r["independent"].as_str()),
            ("1", "yes")
        );
    }
    // the other claims are untouched, and --no-reviews shows the alignment as found
    assert_eq!(row(&after, "first", 2)["reviewer"], "");
    let raw = rows(&["--no-reviews"], &articles);
    assert_eq!(row(&raw, "first", 1)["status"], "single-source");

    // no longer single-source; the pair is checked like a found one (the sources differ)
    let (_, text) = check_text(&articles);
    for at in ["first.txt:1:", "second.txt:1:"] {
        assert!(
            !text
                .lines()
                .any(|l| l.contains(at) && l.contains("single-source")),
            "{text}"
        );
    }
    assert!(
        text.contains("integrity flag attribution-changed against first:1"),
        "{text}"
    );
}

#[test]
fn a_set_unlink_drops_a_found_link_and_its_flag() {
    let (_dir, articles) = wire_rewrite();
    let before = rows(&[], &articles);
    // the rewrite's "April 13" claim is linked to the copy's "April 6" one and flagged
    let r = row(&before, "rewrite", 3);
    assert_eq!(r["matches"], "copy:3;wire:3");
    assert_eq!(r["flags"], "number-mismatch:copy:3;number-mismatch:wire:3");

    run(&["review", "--set", "rewrite:3+copy:3=unlinked"], &articles)
        .assert()
        .success();
    let after = rows(&[], &articles);
    let r = row(&after, "rewrite", 3);
    assert_eq!(r["matches"], "wire:3");
    assert_eq!(r["support"], "1");
    // the flag against the wire, which has the copy's text, stays
    assert_eq!(r["flags"], "number-mismatch:wire:3");
    let c = row(&after, "copy", 3);
    assert!(!c["matches"].split(';').any(|m| m == "rewrite:3"), "{c:?}");
    assert!(!c["flags"].contains("rewrite:3"), "{c:?}");

    let flagged = |rows: &[BTreeMap<String, String>]| {
        rows.iter()
            .filter(|r| r["flags"].contains("rewrite:3"))
            .count()
    };
    assert!(flagged(&after) < flagged(&before));
}

#[test]
fn set_rejects_bad_pairs_with_exit_2() {
    let (_dir, articles) = pair();
    for (arg, problem) in [
        ("first:1+first:2=linked", "in one article"),
        (
            "first:1+second:9=linked",
            "not a sentence number of second (1 to 2)",
        ),
        ("first:1+second:1=verified", "linked or unlinked"),
        ("first:1=linked", "CLAIM+CLAIM=linked"),
        ("third:1=verified", "no article labelled 'third'"),
    ] {
        run(&["review", "--set", arg], &articles)
            .assert()
            .code(2)
            .stderr(predicates::str::contains(problem));
    }
}

/// Starts an interactive review reading `keys`, waits until the reviews file holds
/// `expected`, then kills it: every decision is on disk before the next prompt.
fn killed_after(articles: &[String], args: &[&str], keys: &str, reviews: &Path, expected: &str) {
    use std::io::Write;
    let mut child = std::process::Command::new(assert_cmd::cargo::cargo_bin!("crosscheck"))
        .arg("review")
        .args(args)
        .args(articles)
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::null())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    stdin.write_all(keys.as_bytes()).unwrap();
    stdin.flush().unwrap();
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(60);
    while !std::fs::read_to_string(reviews).is_ok_and(|t| t.contains(expected)) {
        assert!(std::time::Instant::now() < deadline, "decision never saved");
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
    child.kill().unwrap();
    child.wait().unwrap();
}

#[test]
fn the_link_key_records_a_link_before_the_next_prompt() {
    let (dir, articles) = pair();
    let reviews = dir.path().join("reviews.csv");
    // the first claim of `first` pending: link it with second:1 by name
    let first = crate::review::pending(&articles)
        .into_iter()
        .find(|p| p.doc == "first" && p.sentence == 1)
        .unwrap();
    let list = crate::review::pending(&articles);
    let skips = list
        .iter()
        .take_while(|p| p.id != first.id)
        .map(|_| "s\n")
        .collect::<String>();
    killed_after(
        &articles,
        &[],
        &format!("{skips}l\nsecond:1\n"),
        &reviews,
        ",linked,",
    );
    let text = std::fs::read_to_string(&reviews).unwrap();
    assert!(text.contains(&first.id), "{text}");
    let after = rows(&[], &articles);
    assert_eq!(row(&after, "first", 1)["reviewer"], "second:1");
}

#[test]
fn the_unlink_key_on_a_flag_takes_the_flags_other_claim() {
    let (dir, articles) = wire_rewrite();
    let reviews = dir.path().join("reviews.csv");
    let out = run(&["review", "--only", "flags"], &articles)
        .write_stdin("x\n\nq\n")
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let out = String::from_utf8(out).unwrap();
    assert!(
        out.contains("flag 1/4  number-mismatch  rewrite:1  "),
        "{out}"
    );
    assert!(
        out.contains("diff: $4.2 → $4.8"),
        "the flag shows its diff: {out}"
    );
    assert!(out.contains("→ unlinked: rewrite:1 is not "), "{out}");
    let text = std::fs::read_to_string(&reviews).unwrap();
    assert_eq!(text.matches(",unlinked,").count(), 1, "{text}");
    // applied: the first flag's pair is no longer linked
    let after = rows(&[], &articles);
    let before = rows(&["--no-reviews"], &articles);
    let links =
        |rows: &[BTreeMap<String, String>]| row(rows, "rewrite", 1)["matches"].split(';').count();
    assert_eq!(links(&after) + 1, links(&before));
}

#[test]
fn filters_narrow_the_queue_and_list_counts_it() {
    let (_dir, articles) = wire_rewrite();
    let list = |args: &[&str]| {
        let mut full = vec!["review", "--list", "--format", "csv"];
        full.extend(args);
        let out = run(&full, &articles)
            .assert()
            .success()
            .get_output()
            .clone();
        (
            csv_maps(&out.stdout),
            String::from_utf8(out.stderr).unwrap(),
        )
    };
    let (all, stderr) = list(&[]);
    assert!(
        stderr.contains(&format!("{} pending: ", all.len())),
        "{stderr}"
    );
    let (flags, _) = list(&["--only", "flags"]);
    assert_eq!(flags.len(), 4);
    assert!(flags.iter().all(|r| r["pending"] == "flag"));
    let (derived, _) = list(&["--only", "derived"]);
    assert!(!derived.is_empty() && derived.iter().all(|r| r["pending"] == "copies-only"));
    let (single, _) = list(&["--only", "single-source"]);
    assert!(single.iter().all(|r| r["pending"] == "single-source"));
    assert_eq!(flags.len() + derived.len() + single.len(), all.len());
    let (wire, _) = list(&["--doc", "wire"]);
    assert!(!wire.is_empty() && wire.iter().all(|r| r["doc"] == "wire"));
    // both names of a claim: its sentence and its line
    assert!(all
        .iter()
        .all(|r| !r["sentence"].is_empty() && !r["line"].is_empty()));
    run(&["review", "--list", "--doc", "nope"], &articles)
        .assert()
        .code(2)
        .stderr(predicates::str::contains("--doc nope: no article"));
}

#[test]
fn a_decision_survives_numbers_in_words_and_restyled_quotes() {
    let (dir, articles) = wire_rewrite();
    run(&["review", "--accept-all"], &articles)
        .assert()
        .success();
    let flag = crate::review::pending(&articles)
        .into_iter()
        .find(|p| p.pending == "flag" && p.line == 5)
        .expect("the April 13 flag");
    run(
        &["review", "--set", &format!("{}=disputed", flag.id)],
        &articles,
    )
    .assert()
    .success();
    let (code, _) = check_text(&articles);
    assert_eq!(code, 1);
    // cosmetic edits: a number in words, straight quotes
    let path = dir.path().join("rewrite.txt");
    let text = std::fs::read_to_string(&path).unwrap();
    let edited = text
        .replace("about five months", "about 5 months")
        .replace(['\u{201c}', '\u{201d}'], "\"");
    assert_ne!(edited, text);
    std::fs::write(&path, edited).unwrap();
    let (code, out) = check_text(&articles);
    assert_eq!(code, 1, "the disputed flag still fails the check: {out}");
    assert!(out.contains("is disputed"), "{out}");
    assert!(out.contains(", 0 stale reviews"), "{out}");
}

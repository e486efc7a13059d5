//! `crosscheck eval links` on our labelled development set (tests/devset/) and on the held-out
//! sets (tests/heldout/), through the real binary: the keys resolve, the figures are printed,
//! and matching never falls below the floor it has reached. The floors rise as matching
//! improves; docs/accuracy.md has the figures.

use crate::util::{crosscheck, root, success_stdout};

/// Totals (found, false, missed, false between unrelated stories) from the JSON output of
/// `eval links DIR` with `extra` arguments, which must read at least `at_least` sets.
fn totals_of(dir: &str, at_least: usize, extra: &[&str]) -> (usize, usize, usize, usize) {
    let out = success_stdout(
        crosscheck()
            .args(["eval", "links", dir, "--json"])
            .args(extra),
    );
    let sets: serde_json::Value = serde_json::from_slice(&out).expect("JSON");
    let sets = sets.as_array().expect("an array of sets");
    assert!(sets.len() >= at_least, "every labelled set is read");
    let sum = |key: &str| -> usize {
        sets.iter()
            .map(|s| s["counts"][key].as_u64().unwrap() as usize)
            .sum()
    };
    let negative_false: usize = sets
        .iter()
        .filter(|s| s["labelled"] == 0)
        .map(|s| s["counts"]["false_links"].as_u64().unwrap() as usize)
        .sum();
    (
        sum("true_links"),
        sum("false_links"),
        sum("missed_links"),
        negative_false,
    )
}

fn totals_with(extra: &[&str]) -> (usize, usize, usize, usize) {
    totals_of("tests/devset", 19, extra)
}

fn totals() -> (usize, usize, usize, usize) {
    totals_with(&[])
}

#[test]
fn held_out_sets_meet_the_issue_gate() {
    // Never fitted or tuned on (tests/heldout/README.md): P 0.980 R 0.923 when the first
    // four were first run; h04 and h05 37 of 39 found, none false, when first run.
    let (found, false_links, missed, negative_false) = totals_of("tests/heldout", 6, &[]);
    assert_eq!(found + missed, 91, "every labelled link resolves");
    let precision = found as f64 / (found + false_links) as f64;
    let recall = found as f64 / (found + missed) as f64;
    assert!(precision >= 0.95, "precision {precision:.3}");
    assert!(recall >= 0.90, "recall {recall:.3}");
    assert_eq!(negative_false, 0, "links between unrelated stories");
}

#[test]
fn the_context_stage_keeps_its_floor_and_links_no_unrelated_stories() {
    let (found, false_links, missed, negative_false) = totals();
    let precision = found as f64 / (found + false_links) as f64;
    let recall = found as f64 / (found + missed) as f64;
    assert!(precision >= 0.95, "precision {precision:.3}");
    assert!(recall >= 0.85, "recall {recall:.3}");
    assert_eq!(
        negative_false, 0,
        "{negative_false} links between unrelated stories"
    );
}

#[test]
fn devset_key_resolves_and_the_older_rule_keeps_its_floor() {
    // `--no-context`: a link when stage 1 or the sentence scorer links, as before the
    // context stage.
    let (found, false_links, missed, negative_false) = totals_with(&["--no-context"]);
    assert_eq!(
        found + missed,
        242,
        "every labelled link resolves to a sentence pair"
    );
    let precision = found as f64 / (found + false_links) as f64;
    let recall = found as f64 / (found + missed) as f64;
    // 0.902 / 0.811 before claim tails with their own cue counted as content, 0.899 / 0.824
    // since (F1 0.854 -> 0.860): one more false link among three more found. The two
    // templated negatives of stop 26 (market wraps, jobs reports) add ten links between
    // unrelated stories to the older rule: 0.872 / 0.843, 23 of them.
    assert!(precision >= 0.86, "precision {precision:.3}");
    assert!(recall >= 0.80, "recall {recall:.3}");
    assert!(
        negative_false <= 24,
        "{negative_false} links between unrelated stories"
    );
}

#[test]
fn eval_table_names_every_set_and_the_totals() {
    let out = success_stdout(crosscheck().args(["eval", "links", "tests/devset"]));
    let text = String::from_utf8(out).unwrap();
    assert!(text.contains("01-council-bridge"));
    assert!(text.contains("total: links 242 labelled"));
}

#[test]
fn a_snippet_missing_from_its_article_is_a_one_line_error() {
    let dir = tempfile::tempdir().unwrap();
    let set = dir.path().join("bad");
    std::fs::create_dir(&set).unwrap();
    std::fs::write(
        set.join("original.txt"),
        "The mayor opened the bridge on Monday.\n",
    )
    .unwrap();
    std::fs::write(
        set.join("rewrite.txt"),
        "On Monday the mayor opened the bridge.\n",
    )
    .unwrap();
    std::fs::write(
        set.join("links.tsv"),
        "original\trewrite\tkind\nThe mayor closed the bridge\tOn Monday the mayor\tparaphrased\n",
    )
    .unwrap();
    let out = crosscheck()
        .args(["eval", "links"])
        .arg(dir.path())
        .assert()
        .code(2)
        .get_output()
        .stderr
        .clone();
    let err = String::from_utf8(out).unwrap();
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.contains("links.tsv: line 2: snippet"), "{err}");
    assert!(root().join("tests/devset/README.md").is_file());
}

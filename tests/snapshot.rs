//! Whole outputs pinned as snapshots (insta): any change in a row shows up in review.
//!
//! After an intended change, run `cargo insta review` (or `INSTA_UPDATE=always cargo test
//! snapshot`) and commit the updated files in tests/snapshots/.

use crate::util::crosscheck;

fn stdout(args: &[&str]) -> String {
    let out = crosscheck().args(args).output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn seed_pair_claims_csv() {
    insta::assert_snapshot!(stdout(&[
        "compare",
        "corpus/ukraine-plan/wsj.txt",
        "corpus/ukraine-plan/post.txt"
    ]));
}

#[test]
fn seed_pair_claims_json() {
    insta::assert_snapshot!(stdout(&[
        "compare",
        "--format",
        "json",
        "corpus/ukraine-plan/wsj.txt",
        "corpus/ukraine-plan/post.txt"
    ]));
}

#[test]
fn seed_pair_summary() {
    insta::assert_snapshot!(stdout(&[
        "compare",
        "--summary",
        "corpus/ukraine-plan/wsj.txt",
        "corpus/ukraine-plan/post.txt"
    ]));
}

#[test]
fn wire_copy_and_rewrite_claims_csv() {
    insta::assert_snapshot!(stdout(&["compare", "corpus/wire-rewrite"]));
}

#[test]
fn seed_sentences_jsonl() {
    insta::assert_snapshot!(stdout(&[
        "segment",
        "--format",
        "jsonl",
        "corpus/ukraine-plan/wsj.txt",
        "corpus/ukraine-plan/post.txt"
    ]));
}

//! `crosscheck compare` on real files.

use crate::util::crosscheck;

#[test]
fn seed_pair_prints_a_csv_header() {
    crosscheck()
        .args([
            "compare",
            "corpus/ukraine-plan/wsj.txt",
            "corpus/ukraine-plan/post.txt",
        ])
        .assert()
        .success()
        .stdout(predicates::str::starts_with("id,doc,sentence,"));
}

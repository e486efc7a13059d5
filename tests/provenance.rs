//! Provenance and integrity on article sets written for the project and on the seed pair.

use std::collections::BTreeMap;

use crate::util::{corpus, crosscheck, csv_maps, success_stdout};

/// The claims CSV of `args`, as maps from column name to value.
fn rows(args: &[&str]) -> Vec<BTreeMap<String, String>> {
    csv_maps(&success_stdout(crosscheck().arg("compare").args(args)))
}

/// The row whose text contains `needle` in document `doc`.
fn row<'a>(
    rows: &'a [BTreeMap<String, String>],
    doc: &str,
    needle: &str,
) -> &'a BTreeMap<String, String> {
    let found: Vec<_> = rows
        .iter()
        .filter(|r| r["doc"] == doc && r["text"].contains(needle))
        .collect();
    assert_eq!(found.len(), 1, "one {doc} row containing {needle:?}");
    found[0]
}

/// `doc:sentence` of a row, as flags name it.
fn reference(r: &BTreeMap<String, String>) -> String {
    format!("{}:{}", r["doc"], r["sentence"])
}

fn flags(r: &BTreeMap<String, String>) -> Vec<String> {
    r["flags"]
        .split(';')
        .filter(|f| !f.is_empty())
        .map(String::from)
        .collect()
}

/// A rewrite's planted change: the rewrite's words, the original's words, the flag expected.
type Planted = (&'static str, &'static str, &'static str);

/// Each planted change is flagged on both claims of the pair, naming each other, and the pair
/// is no longer corroboration.
fn assert_planted_changes_flagged(
    rows: &[BTreeMap<String, String>],
    rewrite_doc: &str,
    original_doc: &str,
    planted: &[Planted],
) {
    for (changed, original, kind) in planted {
        let rewrite = row(rows, rewrite_doc, changed);
        let wire = row(rows, original_doc, original);
        let expected = format!("{kind}:{}", reference(wire));
        assert!(
            flags(rewrite).contains(&expected),
            "{changed}: {:?}",
            flags(rewrite)
        );
        let back = format!("{kind}:{}", reference(rewrite));
        assert!(flags(wire).contains(&back), "{original}: {:?}", flags(wire));
        // A changed fact is not corroboration, however alike the wording.
        assert_eq!(rewrite["status"], "paraphrased", "{changed}");
        assert_eq!(wire["status"], "paraphrased", "{original}");
    }
}

/// Apart from attribution changes, no claim of the rewrite but the planted ones is flagged.
fn assert_no_other_flag(rows: &[BTreeMap<String, String>], rewrite_doc: &str, planted: &[Planted]) {
    let planted_rows: Vec<String> = planted
        .iter()
        .map(|(changed, _, _)| reference(row(rows, rewrite_doc, changed)))
        .collect();
    for r in rows.iter().filter(|r| r["doc"] == rewrite_doc) {
        let unexpected: Vec<String> = flags(r)
            .into_iter()
            .filter(|f| !f.starts_with("attribution-changed"))
            .collect();
        if !planted_rows.contains(&reference(r)) {
            assert!(unexpected.is_empty(), "{}: {unexpected:?}", r["text"]);
        }
    }
}

mod wire_and_rewrite {
    use super::*;

    const WIRE: &str = "corpus/wire-rewrite/wire.txt";
    const REWRITE: &str = "corpus/wire-rewrite/rewrite.txt";
    const COPY: &str = "corpus/wire-rewrite/copy.txt";

    /// Each planted change: the rewrite's sentence, the wire's sentence, the flag.
    const PLANTED: &[Planted] = &[
        ("$4.8 million", "$4.2 million", "number-mismatch"),
        ("begin on April 13", "begin on April 6", "number-mismatch"),
        (
            "The federal government will cover",
            "The state transportation department",
            "actor-mismatch",
        ),
        ("one more winter", "another winter", "quote-altered"),
    ];

    #[test]
    fn every_planted_change_is_flagged_on_the_right_claim() {
        assert_planted_changes_flagged(&rows(&[WIRE, REWRITE]), "rewrite", "wire", PLANTED);
    }

    #[test]
    fn no_flag_beyond_the_planted_changes() {
        assert_no_other_flag(&rows(&[WIRE, REWRITE]), "rewrite", PLANTED);
    }

    #[test]
    fn an_identical_copy_raises_no_flag_at_all() {
        let rows = rows(&[WIRE, COPY]);
        assert!(rows.iter().all(|r| r["flags"].is_empty()));
        assert!(rows.iter().all(|r| r["status"] == "corroborated"));
    }

    #[test]
    fn the_rewrite_and_the_copy_are_derived_from_the_wire() {
        let rows = rows(&[WIRE, REWRITE, COPY]);
        for r in rows.iter().filter(|r| r["status"] != "single-source") {
            assert_eq!(r["independent"], "no", "{}: {}", r["doc"], r["text"]);
        }
        let out = crosscheck()
            .args(["compare", "--summary", WIRE, REWRITE, COPY])
            .output()
            .unwrap();
        let summary = String::from_utf8(out.stdout).unwrap();
        assert!(summary.contains("rewrite (Riverside Ledger)"), "{summary}");
        assert_eq!(summary.matches("derived from wire").count(), 2, "{summary}");
    }
}

/// A second wire story and a rewrite that credits it (corpus/derailment-wire/EXPECTED.md).
mod derailment_wire {
    use super::*;

    const SET: &str = "corpus/derailment-wire";

    const PLANTED: &[Planted] = &[
        (
            "about 2,100 residents",
            "about 1,200 residents",
            "number-mismatch",
        ),
        ("Friday, May 15", "Thursday, May 14", "number-mismatch"),
        (
            "The National Guard closed",
            "State police closed",
            "actor-mismatch",
        ),
        ("reach the river", "reach the creek", "quote-altered"),
    ];

    #[test]
    fn every_planted_change_is_flagged_on_the_right_claim() {
        assert_planted_changes_flagged(&rows(&[SET]), "times", "wire", PLANTED);
    }

    #[test]
    fn no_flag_beyond_the_planted_changes() {
        assert_no_other_flag(&rows(&[SET]), "times", PLANTED);
    }

    #[test]
    fn the_rewrite_credits_the_wire_so_nothing_it_shares_is_independent() {
        let rows = rows(&[SET]);
        let shared: Vec<_> = rows
            .iter()
            .filter(|r| r["status"] != "single-source")
            .collect();
        assert!(shared.len() >= 20, "{}", shared.len());
        for r in shared {
            assert_eq!(r["independent"], "no", "{}: {}", r["doc"], r["text"]);
        }
    }
}

#[test]
fn independent_outlets_corroborate_independently() {
    let rows = rows(&["corpus/two-outlets"]);
    let matched: Vec<_> = rows
        .iter()
        .filter(|r| r["status"] != "single-source")
        .collect();
    assert!(matched.len() >= 6, "the two outlets share most claims");
    assert!(matched.iter().all(|r| r["independent"] == "yes"));
    let evacuation = row(&rows, "tribune", "some 3,000 people to evacuate");
    assert_eq!(evacuation["independent_support"], "1");
}

#[test]
fn unrelated_stories_share_no_claim() {
    for set in ["corpus/unrelated", "corpus/council-votes"] {
        for r in &rows(&[set]) {
            assert_eq!(r["status"], "single-source", "{set}: {}", r["text"]);
        }
    }
}

/// Two towns' council votes told in the same mould ("Most of the 40 residents who spoke
/// opposed the increase" / "Most of the 25 residents who spoke supported the library"): the
/// same-story rule keeps them apart, and without it the context stage still does (the two
/// articles share look-alikes and no sure claim, so the look-alikes fall).
#[test]
fn council_votes_are_told_alike_and_kept_apart_by_the_story_rule() {
    let any_story = rows(&["--any-story", "corpus/council-votes"]);
    let residents = row(&any_story, "fairhaven", "Most of the 40 residents");
    assert_eq!(residents["matches"], "");
    assert!(any_story.iter().all(|r| r["status"] == "single-source"));
}

mod seed_pair {
    use super::*;

    fn seed() -> Vec<BTreeMap<String, String>> {
        rows(&[
            "corpus/ukraine-plan/wsj.txt",
            "corpus/ukraine-plan/post.txt",
        ])
    }

    #[test]
    fn post_is_derived_from_wsj() {
        let out = crosscheck()
            .args(["compare", "--summary", "--format", "json"])
            .args([
                "corpus/ukraine-plan/wsj.txt",
                "corpus/ukraine-plan/post.txt",
            ])
            .output()
            .unwrap();
        let summary: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        let post = &summary["documents"][1];
        assert_eq!(post["doc"], "post");
        assert_eq!(post["derived_from"][0]["doc"], "wsj");
        let evidence = post["derived_from"][0]["evidence"].as_array().unwrap();
        assert!(evidence.iter().any(|e| e
            .as_str()
            .unwrap()
            .contains("the Wall Street Journal reported")));
        assert!(evidence
            .iter()
            .any(|e| e.as_str().unwrap().contains("told the Journal")));
        assert!(evidence
            .iter()
            .any(|e| e.as_str().unwrap().contains("according to the outlet")));
        assert!(summary["documents"][0]["derived_from"]
            .as_array()
            .unwrap()
            .is_empty());
    }

    #[test]
    fn post_claims_credited_to_the_journal_are_not_independent() {
        let rows = seed();
        let credited = [
            "according to a report",
            "the Wall Street Journal reported on Monday",
            "according to the outlet",
            "told the Journal",
            "The Wall Street Journal noted",
            "according to the Wall Street Journal",
        ];
        for needle in credited {
            assert_eq!(row(&rows, "post", needle)["independent"], "no", "{needle}");
        }
        for r in rows.iter().filter(|r| r["status"] != "single-source") {
            assert_eq!(
                r["independent"], "no",
                "one source counted twice: {}",
                r["text"]
            );
        }
    }

    #[test]
    fn miami_quote_is_misattributed() {
        let rows = seed();
        let post = row(&rows, "post", "They brought him to Miami");
        let wsj = row(&rows, "wsj", "They brought him to Miami");
        assert!(flags(post).contains(&format!("quote-misattributed:{}", reference(wsj))));
    }

    #[test]
    fn two_calls_are_an_actor_mismatch() {
        let rows = seed();
        let post = row(&rows, "post", "held at least two phone calls");
        let wsj = row(&rows, "wsj", "organized at least two calls");
        assert!(
            flags(post).contains(&format!("actor-mismatch:{}", reference(wsj))),
            "{:?}",
            flags(post)
        );
    }

    #[test]
    fn near_verbatim_rubio_pair_has_no_flag() {
        let rows = seed();
        let post = row(&rows, "post", "Rubio was reportedly handed a copy");
        let wsj = row(&rows, "wsj", "was handed a copy of the plan");
        assert!(post["matches"].split(';').any(|m| m == reference(wsj)));
        let wsj_ref = reference(wsj);
        assert!(
            !flags(post)
                .iter()
                .any(|f| f.ends_with(&format!(":{wsj_ref}"))),
            "{:?}",
            flags(post)
        );
    }
}

/// British copy quotes with single marks: a wire and a rewrite that changed one word of a
/// quotation, and a quotation that runs over two sentences.
#[test]
fn single_quoted_quotations_are_read_as_quotations() {
    let dir = tempfile::tempdir().unwrap();
    let wire = dir.path().join("wire.txt");
    let copy = dir.path().join("copy.txt");
    std::fs::write(
        &wire,
        "'This is a company that put dividends ahead of rivers,' Ofwat chief executive Helen Marsh said.\n\
         'We will appeal. We expect to win,' a spokesperson for Severnmoor said.\n",
    )
    .unwrap();
    std::fs::write(
        &copy,
        "'This is a company that put profits ahead of rivers,' Helen Marsh of Ofwat said.\n\
         'We will appeal. We expect to win,' a spokesperson for Severnmoor said.\n",
    )
    .unwrap();
    let rows = rows(&[wire.to_str().unwrap(), copy.to_str().unwrap()]);
    let altered = row(&rows, "copy", "put profits ahead");
    assert_eq!(altered["quote"], "direct");
    assert!(
        flags(altered).contains(&"quote-altered:wire:1".to_string()),
        "{altered:?}"
    );
    assert_eq!(altered["status"], "paraphrased");
    // The apostrophe-free text is unchanged in the output, and the quotation's second
    // sentence carries the speaker of the first.
    let carried = row(&rows, "copy", "We expect to win");
    assert!(carried["text"].ends_with("' a spokesperson for Severnmoor said."));
    assert_eq!(carried["source"], "a spokesperson for Severnmoor");
    assert!(flags(carried).is_empty(), "{carried:?}");
}

#[test]
fn a_credit_by_outlet_name_makes_a_copy_without_any_header() {
    // neither article has a header: "the Ledger" names ledger.txt by its label
    let rows = rows(&[
        "corpus/harbor-fees/ledger.txt",
        "corpus/harbor-fees/digest.txt",
    ]);
    for n in 1..=3 {
        let r = nth(&rows, "digest", n);
        assert_ne!(r["status"], "single-source", "{r:?}");
        assert_eq!(
            r["independent"], "no",
            "digest:{n} only echoes the Ledger: {r:?}"
        );
        assert_eq!(r["independent_support"], "0");
    }
    let summary = String::from_utf8(success_stdout(crosscheck().args([
        "compare",
        "--summary",
        "corpus/harbor-fees/ledger.txt",
        "corpus/harbor-fees/digest.txt",
    ])))
    .unwrap();
    assert!(summary.contains("derived from ledger"), "{summary}");
    // the Coastal Herald is none of the articles: warned about, in the summary and in check
    assert!(
        summary.contains(
            "warning: digest:4 credits the Coastal Herald, which is none of the articles compared"
        ),
        "{summary}"
    );
    let out = crosscheck()
        .args([
            "check",
            "corpus/harbor-fees/",
            "--reviews",
            "/nonexistent/reviews.csv",
        ])
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.contains("digest.txt:7: warning: credits the Coastal Herald, which is none of the articles compared"),
        "{text}"
    );
    // a credit to a compared article is no warning
    assert_eq!(
        text.matches("which is none of the articles").count(),
        1,
        "{text}"
    );
}

/// Row `doc:n` (1-based sentence).
fn nth<'a>(
    rows: &'a [BTreeMap<String, String>],
    doc: &str,
    n: usize,
) -> &'a BTreeMap<String, String> {
    rows.iter()
        .find(|r| r["doc"] == doc && r["sentence"] == n.to_string())
        .unwrap_or_else(|| panic!("no row {doc}:{n}"))
}

#[test]
fn the_label_names_an_article_only_with_the_whole_name() {
    // near miss: "the Ledgerwood family" is not the Ledger
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(
        corpus("harbor-fees/ledger.txt"),
        dir.path().join("ledger.txt"),
    )
    .unwrap();
    let text = std::fs::read_to_string(corpus("harbor-fees/digest.txt"))
        .unwrap()
        .replace("told the Ledger", "told the Ledgerwood family")
        .replace(
            "according to the Ledger",
            "according to the Ledgerwood family",
        );
    std::fs::write(dir.path().join("digest.txt"), text).unwrap();
    let rows = rows(&[&dir.path().display().to_string()]);
    assert!(
        (1..=3).all(|n| nth(&rows, "digest", n)["independent"] != "no"),
        "{rows:?}"
    );
    assert_eq!(nth(&rows, "digest", 1)["independent"], "yes");
}

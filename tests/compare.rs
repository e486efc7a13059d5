//! `crosscheck compare` on real files: formats, labels, inputs, bad input, determinism.

use std::fs;

use predicates::prelude::*;

use crate::util::{corpus, crosscheck, success_stdout};

const WSJ: &str = "corpus/ukraine-plan/wsj.txt";
const POST: &str = "corpus/ukraine-plan/post.txt";

fn csv_rows(stdout: &[u8]) -> Vec<csv::StringRecord> {
    csv::Reader::from_reader(stdout)
        .records()
        .collect::<Result<_, _>>()
        .expect("compare writes valid CSV")
}

#[test]
fn header_names_every_documented_column() {
    crosscheck()
        .args(["compare", WSJ, POST])
        .assert()
        .success()
        .stdout(predicate::str::starts_with(
            "id,doc,sentence,paragraph,line,text,status,score,matches,support,cue,source,\
             source_kind,cue_kind,attribution,quote",
        ));
}

#[test]
fn one_row_per_sentence_documents_in_the_order_given() {
    let out = crosscheck().args(["compare", POST, WSJ]).output().unwrap();
    assert!(out.status.success());
    let rows = csv_rows(&out.stdout);
    let first_wsj = rows.iter().position(|r| &r[1] == "wsj").unwrap();
    assert!(rows[..first_wsj].iter().all(|r| &r[1] == "post"));
    assert!(rows[first_wsj..].iter().all(|r| &r[1] == "wsj"));
    assert_eq!(&rows[0][2], "1");
    assert_eq!(&rows[first_wsj][2], "1");
}

#[test]
fn output_is_byte_identical_across_runs_and_thread_counts() {
    let run = |threads: &str| {
        crosscheck()
            .args(["compare", "--threads", threads, WSJ, POST])
            .output()
            .unwrap()
            .stdout
    };
    let one = run("1");
    assert_eq!(one, run("2"));
    assert_eq!(one, run("1"));
}

#[test]
fn a_single_article_is_all_single_source() {
    let out = crosscheck().args(["compare", WSJ]).output().unwrap();
    assert!(out.status.success());
    let rows = csv_rows(&out.stdout);
    assert!(!rows.is_empty());
    assert!(rows
        .iter()
        .all(|r| &r[6] == "single-source" && r[8].is_empty()));
}

#[test]
fn a_single_article_warns_on_stderr_that_nothing_was_cross_checked() {
    let dir = tempfile::tempdir().unwrap();
    fs::copy(corpus("wire-rewrite/wire.txt"), dir.path().join("wire.txt")).unwrap();
    let out = crosscheck()
        .arg("compare")
        .arg(dir.path())
        .output()
        .unwrap();
    assert!(out.status.success(), "one article is valid input");
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(
        stderr.contains("warning: only one article (wire)"),
        "{stderr}"
    );
    // two articles: no warning
    let out = crosscheck().args(["compare", WSJ, POST]).output().unwrap();
    assert!(
        out.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn summary_as_json_lines_is_one_compact_object_per_document() {
    let jsonl = success_stdout(crosscheck().args([
        "compare",
        "corpus/wire-rewrite/",
        "--summary",
        "--format",
        "jsonl",
    ]));
    let json = success_stdout(crosscheck().args([
        "compare",
        "corpus/wire-rewrite/",
        "--summary",
        "--format",
        "json",
    ]));
    let json: serde_json::Value = serde_json::from_slice(&json).unwrap();
    let text = String::from_utf8(jsonl).unwrap();
    let lines: Vec<serde_json::Value> = text
        .lines()
        .map(|l| serde_json::from_str(l).expect("each line is a JSON object"))
        .collect();
    assert_eq!(lines.len(), 3, "{text}");
    assert_eq!(json["documents"].as_array().unwrap(), &lines);
}

#[test]
fn summary_counts_flagged_claims_once_however_many_copies_they_differ_from() {
    // The rewrite's changed claims differ from the wire and from its verbatim copy: each is
    // one changed claim, as it is one on the wire's side, not two.
    let json = success_stdout(crosscheck().args([
        "compare",
        "corpus/wire-rewrite/",
        "--summary",
        "--format",
        "json",
    ]));
    let json: serde_json::Value = serde_json::from_slice(&json).unwrap();
    let flags = |doc: &str| {
        json["documents"]
            .as_array()
            .unwrap()
            .iter()
            .find(|d| d["doc"] == doc)
            .map(|d| d["flags"].clone())
            .unwrap()
    };
    assert_eq!(flags("rewrite"), flags("wire"), "{json}");
    assert_eq!(flags("rewrite")["number-mismatch"], 2, "{json}");
}

#[test]
fn a_reviews_file_given_but_missing_means_no_decisions_yet() {
    // documented (docs/ci.md, `check --help`): a missing reviews file is nothing reviewed yet
    let missing = success_stdout(crosscheck().args([
        "compare",
        "corpus/wire-rewrite/",
        "--reviews",
        "no-such-reviews.csv",
    ]));
    let none =
        success_stdout(crosscheck().args(["compare", "corpus/wire-rewrite/", "--no-reviews"]));
    assert_eq!(missing, none);
}

#[test]
fn an_output_that_cannot_be_written_is_named_as_given() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("no-such-dir").join("x.csv");
    let stderr = crosscheck()
        .args(["compare", WSJ, POST, "-o"])
        .arg(&out)
        .assert()
        .code(2)
        .get_output()
        .stderr
        .clone();
    let stderr = String::from_utf8(stderr).unwrap();
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    let named = format!("crosscheck: {}: cannot write: ", out.display());
    // the message is the same on every run: no random temporary name after the path
    let why = stderr
        .strip_prefix(&named)
        .unwrap_or_else(|| panic!("{stderr}"));
    assert!(
        !why.contains(".tmp") && !why.contains("at path"),
        "{stderr}"
    );
}

#[test]
fn max_matches_below_one_is_refused_when_parsing() {
    crosscheck()
        .args(["compare", WSJ, POST, "--max-matches", "0"])
        .assert()
        .code(2)
        .stdout("")
        .stderr(predicate::str::contains("--max-matches"))
        .stderr(predicate::str::contains("must be at least 1"));
    let rows = csv_rows(&success_stdout(crosscheck().args([
        "compare",
        WSJ,
        POST,
        "--max-matches",
        "1",
    ])));
    assert!(rows.iter().any(|r| !r[8].is_empty()));
    assert!(rows.iter().all(|r| !r[8].contains(';')));
}

#[test]
fn input_format_help_is_plain_words_and_lists_what_each_command_reads() {
    for command in ["compare", "segment", "review", "check"] {
        let help = success_stdout(crosscheck().args([command, "--help"]));
        let help = String::from_utf8(help).unwrap();
        assert!(!help.contains("]("), "{command}: rustdoc link in --help");
        assert!(
            !help.contains("crate::"),
            "{command}: rustdoc path in --help"
        );
        let values = help
            .split("--input-format")
            .nth(1)
            .and_then(|h| h.split("[default: auto]").next())
            .expect("--input-format is documented");
        let lists_jsonl = values.contains("- jsonl:");
        assert_eq!(lists_jsonl, command == "compare", "{command}: {values}");
    }
    crosscheck()
        .args(["segment", "--input-format", "jsonl", WSJ])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "[possible values: auto, text, html]",
        ));
}

#[test]
fn labels_from_name_equals_path_and_from_flags() {
    let out = crosscheck()
        .args(["compare", &format!("journal={WSJ}"), POST])
        .output()
        .unwrap();
    let rows = csv_rows(&out.stdout);
    assert_eq!(&rows[0][1], "journal");
    let out = crosscheck()
        .args(["compare", "--label", "a", "--label", "b", WSJ, POST])
        .output()
        .unwrap();
    let docs: std::collections::BTreeSet<String> = csv_rows(&out.stdout)
        .iter()
        .map(|r| r[1].to_string())
        .collect();
    assert_eq!(docs.into_iter().collect::<Vec<_>>(), ["a", "b"]);
}

#[test]
fn stdin_is_read_with_a_dash() {
    let text = fs::read_to_string(corpus("ukraine-plan/post.txt")).unwrap();
    crosscheck()
        .args(["compare", "-", WSJ])
        .write_stdin(text)
        .assert()
        .success()
        .stdout(predicate::str::contains("\nstdin-").not())
        .stdout(predicate::str::contains(",stdin,1,"));
}

#[test]
fn a_directory_reads_every_txt_inside_sorted() {
    let out = crosscheck()
        .args(["compare", "corpus/ukraine-plan"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let rows = csv_rows(&out.stdout);
    assert_eq!(&rows[0][1], "post");
    assert!(rows.iter().any(|r| &r[1] == "wsj"));
}

#[test]
fn json_has_the_same_records() {
    let csv_out = crosscheck().args(["compare", WSJ, POST]).output().unwrap();
    let json_out = crosscheck()
        .args(["compare", "--format", "json", WSJ, POST])
        .output()
        .unwrap();
    let records: Vec<serde_json::Value> = serde_json::from_slice(&json_out.stdout).unwrap();
    let rows = csv_rows(&csv_out.stdout);
    assert_eq!(records.len(), rows.len());
    for (json, row) in records.iter().zip(&rows) {
        assert_eq!(json["id"], row[0]);
        assert_eq!(json["text"], row[5]);
        assert_eq!(json["status"], row[6]);
    }
}

/// The JSON records have real types: numbers as numbers, a missing value as null, lists as
/// arrays (docs/json.md), and they say what the CSV says.
#[test]
fn json_has_real_types() {
    let csv_out = crosscheck().args(["compare", WSJ, POST]).output().unwrap();
    let json_out = crosscheck()
        .args(["compare", "--format", "json", WSJ, POST])
        .output()
        .unwrap();
    let records: Vec<serde_json::Value> = serde_json::from_slice(&json_out.stdout).unwrap();
    let rows = crate::util::csv_maps(&csv_out.stdout);
    let (mut nulls, mut lists, mut flags) = (0, 0, 0);
    for (json, row) in records.iter().zip(&rows) {
        let object = json.as_object().expect("each record is an object");
        assert_eq!(object.len(), row.len(), "the same fields as the CSV");
        for key in [
            "sentence",
            "paragraph",
            "line",
            "support",
            "independent_support",
        ] {
            assert_eq!(json[key].as_u64().unwrap().to_string(), row[key], "{key}");
        }
        match json["score"].as_f64() {
            Some(score) => assert_eq!(format!("{score:.3}"), row["score"]),
            None => assert!(json["score"].is_null() && row["score"].is_empty()),
        }
        for key in ["cue", "source", "source_kind"] {
            match json[key].as_str() {
                Some(value) => assert!(!value.is_empty() && value == row[key]),
                None => {
                    assert!(json[key].is_null() && row[key].is_empty(), "{key}");
                    nulls += 1;
                }
            }
        }
        let expected_independent = match row["independent"].as_str() {
            "yes" => serde_json::json!(true),
            "no" => serde_json::json!(false),
            _ => serde_json::Value::Null,
        };
        assert_eq!(json["independent"], expected_independent);
        let matches: Vec<&str> = json["matches"]
            .as_array()
            .unwrap()
            .iter()
            .map(|m| m.as_str().unwrap())
            .collect();
        lists += usize::from(matches.len() > 1);
        assert_eq!(matches.join(";"), row["matches"]);
        let row_flags: Vec<String> = json["flags"]
            .as_array()
            .unwrap()
            .iter()
            .map(|f| {
                format!(
                    "{}:{}",
                    f["kind"].as_str().unwrap(),
                    f["other"].as_str().unwrap()
                )
            })
            .collect();
        flags += row_flags.len();
        assert_eq!(row_flags.join(";"), row["flags"]);
    }
    assert!(
        nulls > 0 && lists > 0 && flags > 0,
        "the seed pair exercises every type"
    );
}

#[test]
fn output_file_is_written_whole() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("claims.csv");
    crosscheck()
        .args(["compare", WSJ, POST, "-o"])
        .arg(&out)
        .assert()
        .success()
        .stdout("");
    let expected = crosscheck().args(["compare", WSJ, POST]).output().unwrap();
    assert_eq!(fs::read(&out).unwrap(), expected.stdout);
    let leftovers = fs::read_dir(dir.path()).unwrap().count();
    assert_eq!(leftovers, 1, "no temporary file is left behind");
}

mod bad_input {
    use super::*;

    /// Runs compare expecting exit 2, one stderr line containing `message`, and `-o` untouched.
    fn rejects(args: &[&str], files: &[(&str, &[u8])], message: &str) {
        let dir = tempfile::tempdir().unwrap();
        for (name, bytes) in files {
            let path = dir.path().join(name);
            if bytes == b"<dir>" {
                fs::create_dir(&path).unwrap();
            } else {
                fs::write(&path, bytes).unwrap();
            }
        }
        let out = dir.path().join("out.csv");
        fs::write(&out, "previous output\n").unwrap();
        let assert = crosscheck()
            .current_dir(dir.path())
            .arg("compare")
            .args(args)
            .arg("-o")
            .arg(&out)
            .assert()
            .code(2)
            .stdout("");
        let stderr = String::from_utf8(assert.get_output().stderr.clone()).unwrap();
        assert_eq!(stderr.lines().count(), 1, "one line: {stderr}");
        assert!(
            stderr.contains(message),
            "{stderr:?} should contain {message:?}"
        );
        assert_eq!(fs::read_to_string(&out).unwrap(), "previous output\n");
    }

    #[test]
    fn missing_file() {
        rejects(
            &["a.txt", "nope.txt"],
            &[("a.txt", b"One.")],
            "nope.txt: cannot read",
        );
    }

    #[test]
    fn directory_without_articles() {
        rejects(
            &["empty"],
            &[("empty", b"<dir>")],
            "empty: directory holds no .txt article",
        );
    }

    #[test]
    fn invalid_utf8() {
        rejects(
            &["bad.txt"],
            &[("bad.txt", b"Fine.\nNot \xff fine.")],
            "bad.txt: not valid UTF-8 (line 2",
        );
    }

    #[test]
    fn empty_article() {
        rejects(
            &["a.txt", "e.txt"],
            &[("a.txt", b"One."), ("e.txt", b"\n  \n")],
            "e.txt: empty article",
        );
    }

    #[test]
    fn header_only_article() {
        rejects(
            &["h.txt"],
            &[("h.txt", b"date 2025-11-25\n")],
            "h.txt: empty article",
        );
    }

    #[test]
    fn duplicate_labels() {
        rejects(
            &["x/wsj.txt", "y/wsj.txt"],
            &[
                ("x", b"<dir>"),
                ("y", b"<dir>"),
                ("x/wsj.txt", b"One."),
                ("y/wsj.txt", b"Two."),
            ],
            "duplicate label 'wsj'",
        );
    }

    #[test]
    fn an_outlet_for_a_label_no_article_has() {
        rejects(
            &["a.txt", "b.txt", "--outlet", "nope=Foo"],
            &[("a.txt", b"One."), ("b.txt", b"Two.")],
            "--outlet nope=...: no article is labelled 'nope' (the labels are: a, b)",
        );
    }

    #[test]
    fn an_outlets_file_that_is_not_utf8() {
        rejects(
            &["a.txt", "--outlets", "outlets.txt"],
            &[
                ("a.txt", b"One."),
                ("outlets.txt", b"The Herald | the Herald\nLe Monde \xe9\n"),
            ],
            "outlets.txt: not valid UTF-8 (line 2, byte 33)",
        );
    }

    #[test]
    fn an_abbreviations_file_that_is_not_utf8() {
        rejects(
            &["a.txt", "--abbreviations", "abbr.txt"],
            &[("a.txt", b"One."), ("abbr.txt", b"Gen.\n\xff\n")],
            "abbr.txt: not valid UTF-8 (line 2, byte 5)",
        );
    }

    #[test]
    fn stdin_twice() {
        rejects(&["-", "-"], &[], "standard input can be given only once");
    }

    #[test]
    fn bad_thresholds() {
        rejects(
            &[
                "--paraphrase-threshold",
                "0.9",
                "--corroborate-threshold",
                "0.5",
                "a.txt",
            ],
            &[("a.txt", b"One.")],
            "must not be below",
        );
    }
}

mod properties {
    use crosscheck::pipeline::{self, document};
    use crosscheck::report;
    use proptest::prelude::*;

    proptest! {
        #![proptest_config(crate::util::proptest_config(64))]
        /// Any pair of articles goes through the whole pipeline without a panic, and the
        /// output does not depend on the run.
        #[test]
        fn any_articles_compare_without_panic(
            a in "[ A-Za-z0-9.,;:'\"“”$%()—\n-]{1,300}",
            b in "[ A-Za-z0-9.,;:'\"“”$%()—\n-]{1,300}",
        ) {
            let docs: Vec<_> = [("a", &a), ("b", &b)]
                .iter()
                .filter_map(|(l, t)| {
                    document::from_bytes(l.to_string(), format!("{l}.txt"), t.as_bytes().to_vec()).ok()
                })
                .collect();
            let run = || {
                let analysis = pipeline::analyze(docs.clone(), &pipeline::Options::default());
                report::to_csv(&report::records(&analysis, &Default::default()))
            };
            prop_assert_eq!(run(), run());
        }
    }
}

/// Compares the files named, written into a temporary directory, and returns the rows.
fn compare_texts(files: &[(&str, &str)]) -> Vec<std::collections::BTreeMap<String, String>> {
    let dir = tempfile::tempdir().unwrap();
    let paths: Vec<String> = files
        .iter()
        .map(|(name, text)| {
            let p = dir.path().join(name);
            fs::write(&p, text).unwrap();
            p.display().to_string()
        })
        .collect();
    let out = crosscheck().arg("compare").args(&paths).output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    crate::util::csv_maps(&out.stdout)
}

#[test]
fn an_identical_copy_links_every_sentence_to_its_own_copy_with_no_flag() {
    let wsj = fs::read_to_string(crate::util::root().join(WSJ)).unwrap();
    let rows = compare_texts(&[("wsj.txt", &wsj), ("copy.txt", &wsj)]);
    for r in &rows {
        assert_eq!(r["status"], "corroborated", "{}", r["text"]);
        assert_eq!(r["flags"], "", "{}", r["text"]);
        let other = if r["doc"] == "wsj" { "copy" } else { "wsj" };
        assert_eq!(
            r["matches"],
            format!("{other}:{}", r["sentence"]),
            "{}",
            r["text"]
        );
    }
}

#[test]
fn a_reordered_copy_gives_the_same_links() {
    let text = "The Harlow County board voted 4-1 on Tuesday to close the Mill Road landfill.\n\n\
                Residents had complained for years about the smell and the trucks.\n\n\
                Commissioner Dana Pryce cast the only vote against the closure.\n\n\
                The landfill will stop taking waste in March, the county said.\n";
    let reordered = "Commissioner Dana Pryce cast the only vote against the closure.\n\n\
                     The landfill will stop taking waste in March, the county said.\n\n\
                     The Harlow County board voted 4-1 on Tuesday to close the Mill Road landfill.\n\n\
                     Residents had complained for years about the smell and the trucks.\n";
    let rows = compare_texts(&[("a.txt", text), ("b.txt", reordered)]);
    let links = |doc: &str| -> Vec<(String, String)> {
        let mut v: Vec<(String, String)> = rows
            .iter()
            .filter(|r| r["doc"] == doc)
            .map(|r| (r["text"].clone(), r["matches"].clone()))
            .collect();
        v.sort();
        v
    };
    let a = links("a");
    assert_eq!(a.len(), 4);
    assert!(
        a.iter()
            .all(|(_, m)| m.starts_with("b:") && !m.contains(';')),
        "{a:?}"
    );
    let b = links("b");
    assert!(
        b.iter()
            .all(|(_, m)| m.starts_with("a:") && !m.contains(';')),
        "{b:?}"
    );
    assert!(rows
        .iter()
        .all(|r| r["status"] == "corroborated" && r["flags"].is_empty()));
}

#[test]
fn an_excerpt_cut_mid_sentence_links_its_last_sentence_to_the_full_one() {
    let full = "The Harlow County board voted 4-1 on Tuesday to close the Mill Road landfill.\n\n\
                Engineers found that methane from the site had reached two wells near Orchard \
                Lane, and the state ordered the county to test every well within a mile.\n";
    let excerpt =
        "The Harlow County board voted 4-1 on Tuesday to close the Mill Road landfill.\n\n\
                   Engineers found that methane from the site had reached two wells near Orchard \
                   Lane.\n";
    let rows = compare_texts(&[("full.txt", full), ("excerpt.txt", excerpt)]);
    let cut = rows
        .iter()
        .find(|r| r["doc"] == "excerpt" && r["sentence"] == "2")
        .unwrap();
    assert_eq!(cut["matches"], "full:2", "{cut:?}");
    assert!(cut["coverage"].parse::<f64>().unwrap() > 0.9, "{cut:?}");
    let whole = rows
        .iter()
        .find(|r| r["doc"] == "full" && r["sentence"] == "2")
        .unwrap();
    assert!(whole["coverage"].parse::<f64>().unwrap() < 0.8, "{whole:?}");
}

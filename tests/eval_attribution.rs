//! `crosscheck eval attribution` on the held-out part of PolNeAR train (../shared/eval), through
//! the real binary: the figures docs/attribution.md reports never fall below their floors.
//! Skipped, with a notice, when the shared evaluation data is absent (never in CI).

use crate::util::{crosscheck, shared_eval, success_stdout};

/// A figure from the JSON report: `scores.<decision>.<precision|recall>` as a ratio.
fn ratio(v: &serde_json::Value, path: &[&str]) -> f64 {
    let r = path.iter().fold(v, |v, k| &v[*k]);
    let (hit, of) = (r["hit"].as_f64().unwrap(), r["of"].as_f64().unwrap());
    assert!(of > 0.0, "{path:?} is empty");
    hit / of
}

fn f1(p: f64, r: f64) -> f64 {
    2.0 * p * r / (p + r)
}

#[test]
fn held_out_attribution_keeps_its_floors() {
    let Some(dir) = shared_eval() else {
        return;
    };
    let file = dir.join("polnear").join("polnear_train.jsonl");
    let out = success_stdout(
        crosscheck()
            .arg("eval")
            .arg("attribution")
            .arg(&file)
            .args(["--part", "held-out", "--json"]),
    );
    let v: serde_json::Value = serde_json::from_slice(&out).expect("JSON");
    assert_eq!(v["part"], "held-out");
    assert!(v["articles"].as_u64().unwrap() >= 200);
    for (subset, p_floor, f_floor) in [
        ("all_cues", 0.92, 0.725),
        ("reporting_cues", 0.92, 0.875),
        ("speech_cues", 0.93, 0.895),
    ] {
        let p = ratio(&v, &[subset, "source", "precision"]);
        let r = ratio(&v, &[subset, "source", "recall"]);
        assert!(p >= p_floor, "{subset}: source precision {p:.3}");
        assert!(f1(p, r) >= f_floor, "{subset}: source F1 {:.3}", f1(p, r));
    }
    let p = ratio(&v, &["spans", "cue_overlap", "precision"]);
    assert!(p >= 0.92, "cue overlap precision {p:.3}");
    for (span, f_floor) in [("cue_exact", 0.50), ("source_exact", 0.57)] {
        let p = ratio(&v, &["spans", span, "precision"]);
        let r = ratio(&v, &["spans", span, "recall"]);
        assert!(f1(p, r) >= f_floor, "{span}: F1 {:.3}", f1(p, r));
    }
}

#[test]
fn a_missing_file_is_a_one_line_error() {
    let out = crosscheck()
        .args(["eval", "attribution", "no-such-file.jsonl"])
        .assert()
        .code(2)
        .get_output()
        .clone();
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains("no-such-file.jsonl"), "{err}");
    assert_eq!(err.trim().lines().count(), 1, "{err}");
}

#[test]
fn a_file_that_is_not_utf8_is_named_with_its_line() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("bad.jsonl");
    std::fs::write(&path, b"\n{\"id\": \"caf\xe9\"}\n").unwrap();
    let out = crosscheck()
        .args(["eval", "attribution"])
        .arg(&path)
        .assert()
        .code(2)
        .get_output()
        .clone();
    let err = String::from_utf8(out.stderr).unwrap();
    assert_eq!(err.trim().lines().count(), 1, "{err}");
    assert!(
        err.contains(&format!(
            "{}: not valid UTF-8 (line 2, byte 12)",
            path.display()
        )),
        "{err}"
    );
}

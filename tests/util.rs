//! Shared helpers for the integration tests.

// Each topic module uses a different subset of these helpers.
#![allow(dead_code)]

use std::path::{Path, PathBuf};

/// The repository root.
pub fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// A path under corpus/.
pub fn corpus(rel: &str) -> PathBuf {
    root().join("corpus").join(rel)
}

/// The public evaluation data in ../shared/eval, if present.
///
/// Absent on a fresh clone: the caller skips, and [`skip_notice`] says so in the test output. In CI (`CI=true`) the data
/// must be there, so its absence is a failure rather than a silent skip.
pub fn shared_eval() -> Option<PathBuf> {
    let dir = root().join("..").join("shared").join("eval");
    if dir.is_dir() {
        return Some(dir);
    }
    assert!(
        std::env::var("CI").map_or(true, |v| v != "true"),
        "../shared/eval not found, but CI=true: the evaluation must run in CI"
    );
    skip_notice("../shared/eval not found");
    None
}

/// Tells the person running `cargo test` that the current test skipped its work, and why.
///
/// `eprintln!` inside a test is captured by the harness and only shown if the test fails, so
/// a skipped evaluation would pass silently. A direct write to the process's standard error
/// is not captured: the line shows in `cargo test` output, above the test's `ok`, named after
/// the test (the harness names each test's thread after it).
pub fn skip_notice(why: &str) {
    use std::io::Write;
    let thread = std::thread::current();
    let test = thread.name().unwrap_or("a test");
    // A notice that cannot be written is not worth failing the test for.
    let _ = writeln!(std::io::stderr(), "skipped: {test}: {why}");
}

/// Property tests start from a fixed seed, so `cargo test` passes or fails the same way on
/// every run and every machine; a failure is reproduced by running again. To explore beyond
/// it, set `PROPTEST_RNG_SEED` (and `PROPTEST_CASES`); a case found that way becomes a named
/// unit test beside the rule it broke. Nothing is written into the source tree.
pub fn proptest_config(cases: u32) -> proptest::test_runner::Config {
    use proptest::test_runner::{Config, RngSeed};
    let config = Config::with_cases(cases);
    Config {
        rng_seed: match config.rng_seed {
            RngSeed::Random => RngSeed::Fixed(20_251_125),
            chosen => chosen,
        },
        failure_persistence: None,
        ..config
    }
}

/// A `crosscheck` command run from the repository root.
pub fn crosscheck() -> assert_cmd::Command {
    let mut cmd = assert_cmd::Command::new(assert_cmd::cargo::cargo_bin!("crosscheck"));
    cmd.current_dir(root());
    cmd
}

/// The stdout of a command that must succeed (its stderr is shown if it does not).
pub fn success_stdout(cmd: &mut assert_cmd::Command) -> Vec<u8> {
    cmd.assert().success().get_output().stdout.clone()
}

/// A CSV with a header row, as maps from column name to value.
pub fn csv_maps(bytes: &[u8]) -> Vec<std::collections::BTreeMap<String, String>> {
    let mut reader = csv::Reader::from_reader(bytes);
    let headers = reader.headers().expect("a header row").clone();
    reader
        .records()
        .map(|r| {
            let r = r.expect("valid CSV");
            headers
                .iter()
                .map(String::from)
                .zip(r.iter().map(String::from))
                .collect()
        })
        .collect()
}

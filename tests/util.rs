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
/// Absent on a fresh clone: the caller skips with a printed notice. In CI (`CI=true`) the data
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
    eprintln!("skipped: ../shared/eval not found");
    None
}

/// A `crosscheck` command run from the repository root.
pub fn crosscheck() -> assert_cmd::Command {
    let mut cmd = assert_cmd::Command::new(assert_cmd::cargo::cargo_bin!("crosscheck"));
    cmd.current_dir(root());
    cmd
}

//! Every example a newcomer is shown runs as written: each `crosscheck …` (or `cargo run …`)
//! line of README.md's code blocks and each `$ crosscheck …` line of every `--help` page, run
//! by a shell against the real binary in a temporary copy of corpus/ (so outputs such as
//! `-o claims.csv` land there), with `../shared` beside it when the evaluation data exists.

use std::path::{Path, PathBuf};
use std::process::Command;

use crate::util::{crosscheck, root, shared_eval, skip_notice, success_stdout};

/// The command lines of README.md's code blocks; `cargo run [--release] [--quiet] --` is the
/// binary under test, so it is run as `crosscheck`.
fn readme_commands() -> Vec<String> {
    let readme = std::fs::read_to_string(root().join("README.md")).unwrap();
    let mut in_block = false;
    let mut out = Vec::new();
    for line in readme.lines() {
        if line.starts_with("```") {
            in_block = !in_block;
            continue;
        }
        let line = line.trim();
        if !in_block {
            continue;
        }
        if let Some(rest) = line.strip_prefix("cargo run") {
            let args = rest.split_once("-- ").map_or("", |(_, args)| args);
            out.push(format!("crosscheck {args}"));
        } else if line.starts_with("crosscheck ") {
            out.push(line.to_string());
        }
    }
    out
}

/// The `$ ` example lines of one help page.
fn help_examples(help: &str) -> Vec<String> {
    help.lines()
        .filter_map(|l| l.trim().strip_prefix("$ "))
        .map(String::from)
        .collect()
}

/// The subcommands' names, from the command-line definition itself.
fn subcommands() -> Vec<String> {
    use clap::CommandFactory;
    crosscheck::cli::Cli::command()
        .get_subcommands()
        .map(|c| c.get_name().to_string())
        .collect()
}

/// A temporary repository-like directory: a copy of corpus/, and `../shared` linked to the
/// real one when it exists. Returns (the temporary root, the directory to run in).
fn workspace() -> (tempfile::TempDir, PathBuf) {
    let tmp = tempfile::tempdir().unwrap();
    let repo = tmp.path().join("repo");
    copy_dir(&root().join("corpus"), &repo.join("corpus"));
    for dir in [
        "tests/devset",
        "tests/heldout",
        "tests/pages",
        "tests/archives",
    ] {
        copy_dir(&root().join(dir), &repo.join(dir));
    }
    let shared = root().join("..").join("shared");
    if shared.is_dir() {
        std::os::unix::fs::symlink(shared.canonicalize().unwrap(), tmp.path().join("shared"))
            .unwrap();
    }
    (tmp, repo)
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).unwrap();
        }
    }
}

/// Runs each command line with `sh -c` in `dir`, the binary under test first on PATH and
/// standard input empty; every one must exit 0. Lines that need ../shared/eval are skipped,
/// visibly, when it is absent (and fail under CI=true, see [`shared_eval`]).
fn run_all(source: &str, commands: &[String], dir: &Path) {
    let bin = PathBuf::from(assert_cmd::cargo::cargo_bin!("crosscheck"));
    let path = std::env::join_paths(std::iter::once(bin.parent().unwrap().to_path_buf()).chain(
        std::env::split_paths(&std::env::var_os("PATH").unwrap_or_default()),
    ))
    .unwrap();
    let have_eval = commands
        .iter()
        .any(|c| c.contains("../shared/eval"))
        .then(shared_eval)
        .flatten()
        .is_some();
    for command in commands {
        if command.contains("../shared/eval") && !have_eval {
            skip_notice(&format!("{source}: `{command}` needs ../shared/eval"));
            continue;
        }
        let out = Command::new("sh")
            .arg("-c")
            .arg(command)
            .current_dir(dir)
            .env("PATH", &path)
            .stdin(std::process::Stdio::null())
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{source}: `{command}` exited {:?}\nstderr: {}",
            out.status.code(),
            String::from_utf8_lossy(&out.stderr)
        );
    }
}

/// Every help page: (how it is opened, its text).
fn help_pages() -> Vec<(String, String)> {
    let top = String::from_utf8(success_stdout(crosscheck().arg("--help"))).unwrap();
    let mut pages = vec![("crosscheck --help".to_string(), top)];
    for name in subcommands() {
        let help = success_stdout(crosscheck().args([name.as_str(), "--help"]));
        pages.push((
            format!("crosscheck {name} --help"),
            String::from_utf8(help).unwrap(),
        ));
    }
    pages
}

#[test]
fn every_help_page_shows_an_example() {
    for (page, help) in help_pages() {
        assert!(
            !help_examples(&help).is_empty(),
            "{page} shows no example:\n{help}"
        );
    }
}

/// The README's commands and the help pages' examples, each distinct command run once.
#[test]
fn readme_and_help_examples_run_as_written() {
    let readme = readme_commands();
    // The README's main command and its list of what else it does.
    assert!(readme.len() >= 8, "{readme:?}");
    let (_tmp, dir) = workspace();
    run_all("README.md", &readme, &dir);
    // The outputs went to the temporary copy.
    assert!(dir.join("claims.csv").is_file());
    for (page, help) in help_pages() {
        let fresh: Vec<String> = help_examples(&help)
            .into_iter()
            .filter(|c| !readme.contains(c))
            .collect();
        run_all(&page, &fresh, &dir);
    }
}

/// `review --help` lists every key of the interactive session, as `?` shows them.
#[test]
fn review_help_lists_the_session_keys() {
    let help = String::from_utf8(success_stdout(crosscheck().args(["review", "--help"]))).unwrap();
    let tmp = tempfile::tempdir().unwrap();
    let session = crosscheck()
        .args(["review", "corpus/ukraine-plan/", "--line-mode"])
        .arg("--reviews")
        .arg(tmp.path().join("reviews.csv"))
        .write_stdin("?\nq\n")
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let session = String::from_utf8(session).unwrap();
    // The table's lines: a key, two spaces, its name (the first follows the prompt).
    let keys: Vec<&str> = session
        .lines()
        .map(|l| l.split_once("] > ").map_or(l, |(_, after)| after))
        .filter(|l| l.starts_with("  ") && l.trim().chars().nth(1) == Some(' '))
        .map(str::trim)
        .collect();
    assert!(
        keys.len() >= 8,
        "the session's key table: {keys:?}\n{session}"
    );
    for key in keys {
        assert!(
            help.contains(key),
            "review --help lacks the key line {key:?}"
        );
    }
}

//! Archives as JSON lines: story by story, the claims of each story alone; and the Spark
//! recipe of docs/scale.md run for real in local mode, with the same claims.

use std::fs;
use std::path::{Path, PathBuf};

use crate::util::{corpus, crosscheck, root, success_stdout};

/// A small archive built from the repository's own articles: every corpus/ folder is a story
/// (its .txt files as `text`), and the test pages are two more stories (as `html`). Returns the
/// archive's lines, grouped by story.
fn archive_lines() -> Vec<String> {
    let mut lines = Vec::new();
    let mut dirs: Vec<PathBuf> = fs::read_dir(corpus(""))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_dir())
        .collect();
    dirs.sort();
    for dir in dirs {
        let story = dir.file_name().unwrap().to_string_lossy().into_owned();
        let mut files: Vec<PathBuf> = fs::read_dir(&dir)
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.extension().is_some_and(|e| e == "txt"))
            .collect();
        files.sort();
        for file in files {
            let id = file.file_stem().unwrap().to_string_lossy().into_owned();
            let text = fs::read_to_string(&file).unwrap();
            let line = serde_json::json!({"id": id, "story": story, "text": text});
            lines.push(line.to_string());
        }
    }
    for (story, pages) in [
        ("bridge", ["herald", "blog-copy"]),
        ("flood", ["wire", "tv"]),
    ] {
        for page in pages {
            let html = fs::read_to_string(root().join(format!("tests/pages/{page}.html"))).unwrap();
            let line = serde_json::json!({"id": page, "story": story, "html": html});
            lines.push(line.to_string());
        }
    }
    // An article without a story belongs to the story named after the archive.
    let line = serde_json::json!({"id": "note", "text": "The mayor will speak on Friday."});
    lines.push(line.to_string());
    lines
}

fn write_archive(dir: &Path, name: &str, lines: &[String]) -> PathBuf {
    let path = dir.join(name);
    fs::write(&path, lines.join("\n") + "\n").unwrap();
    path
}

fn compare_jsonl(archive: &Path, extra: &[&str]) -> String {
    let out = success_stdout(
        crosscheck()
            .arg("compare")
            .arg(archive)
            .args(["--format", "jsonl"])
            .args(extra),
    );
    String::from_utf8(out).unwrap()
}

fn story_of(line: &str) -> String {
    let v: serde_json::Value = serde_json::from_str(line).unwrap();
    v["story"].as_str().unwrap_or("archive").to_string()
}

#[test]
fn an_archive_gives_the_claims_of_each_story_run_on_its_own() {
    let dir = tempfile::tempdir().unwrap();
    let lines = archive_lines();
    let archive = write_archive(dir.path(), "archive.jsonl", &lines);
    let whole = compare_jsonl(&archive, &[]);
    let mut alone = String::new();
    let mut stories: Vec<String> = lines.iter().map(|l| story_of(l)).collect();
    stories.dedup();
    // every corpus set and every page story once, in archive order
    let mut distinct = stories.clone();
    distinct.sort();
    distinct.dedup();
    assert_eq!(distinct.len(), stories.len());
    assert!(stories.len() >= 10, "{stories:?}");
    for story in &stories {
        let own: Vec<String> = lines
            .iter()
            .filter(|l| &story_of(l) == story)
            .cloned()
            .collect();
        // Named like the archive, so an article without a story gets the same one.
        let sub = tempfile::tempdir().unwrap();
        alone += &compare_jsonl(&write_archive(sub.path(), "archive.jsonl", &own), &[]);
    }
    assert_eq!(whole, alone);
    for line in whole.lines() {
        let v: serde_json::Value = serde_json::from_str(line).unwrap();
        assert!(v["story"].is_string() && v["id"].is_string() && v["text"].is_string());
    }
    assert!(whole.contains("\"story\":\"archive\",\"id\""));
    // The wire copy of corpus/wire-rewrite is corroborated within its story.
    assert!(whole.contains("\"story\":\"wire-rewrite\""));
    assert!(whole.contains("\"status\":\"corroborated\""));
    // Threads divide the stories among them; the output does not change.
    assert_eq!(compare_jsonl(&archive, &["--threads", "1"]), whole);
    assert_eq!(compare_jsonl(&archive, &["--threads", "3"]), whole);
}

#[test]
fn an_archive_story_matches_the_same_articles_as_files() {
    // A story read from the archive gives the claims of its files compared directly.
    let dir = tempfile::tempdir().unwrap();
    let lines: Vec<String> = archive_lines()
        .into_iter()
        .filter(|l| story_of(l) == "wire-rewrite")
        .collect();
    let archive = write_archive(dir.path(), "a.jsonl", &lines);
    let from_archive: Vec<serde_json::Value> = compare_jsonl(&archive, &[])
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let files =
        success_stdout(crosscheck().args(["compare", "corpus/wire-rewrite", "--format", "json"]));
    let from_files: Vec<serde_json::Value> = serde_json::from_slice(&files).unwrap();
    assert_eq!(from_archive.len(), from_files.len());
    for (a, f) in from_archive.iter().zip(&from_files) {
        let mut a = a.clone();
        a.as_object_mut().unwrap().remove("story");
        assert_eq!(&a, f);
    }
}

#[test]
fn stdin_archive_with_output_file() {
    let dir = tempfile::tempdir().unwrap();
    let lines = archive_lines();
    let out = dir.path().join("claims.jsonl");
    crosscheck()
        .args([
            "compare",
            "-",
            "--input-format",
            "jsonl",
            "--format",
            "jsonl",
            "-o",
        ])
        .arg(&out)
        .write_stdin(lines.join("\n"))
        .assert()
        .success()
        .stdout("");
    let written = fs::read_to_string(&out).unwrap();
    assert!(
        written.contains("\"story\":\"stdin\",\"id\""),
        "no story: named stdin"
    );
    assert_eq!(
        fs::read_dir(dir.path()).unwrap().count(),
        1,
        "no temporary left"
    );
}

mod bad_archives {
    use super::*;

    /// Exit 2, one stderr line containing `message`, `-o` untouched.
    fn rejects(archive: &str, args: &[&str], message: &str) {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("in.jsonl");
        fs::write(&path, archive).unwrap();
        let out = dir.path().join("out.jsonl");
        fs::write(&out, "previous output\n").unwrap();
        let assert = crosscheck()
            .arg("compare")
            .arg(&path)
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
        assert_eq!(
            fs::read_dir(dir.path()).unwrap().count(),
            2,
            "no temporary left"
        );
    }

    const GOOD: &str = "{\"id\":\"a\",\"story\":\"s\",\"text\":\"The council voted.\"}\n";

    #[test]
    fn broken_json_names_the_line() {
        rejects(
            &format!("{GOOD}\n{{\"id\": \"b\", \"text\": \n"),
            &["--format", "jsonl"],
            "in.jsonl: line 3: not a valid article",
        );
    }

    #[test]
    fn a_story_split_in_two_is_an_error() {
        let other = "{\"id\":\"b\",\"story\":\"t\",\"text\":\"The mayor spoke.\"}\n";
        let again = "{\"id\":\"c\",\"story\":\"s\",\"text\":\"The clerk left.\"}\n";
        rejects(
            &format!("{GOOD}{other}{again}"),
            &["--format", "jsonl"],
            "in.jsonl: line 3: story 's' already appeared from line 1",
        );
    }

    #[test]
    fn unknown_fields_and_missing_text() {
        rejects(
            "{\"id\":\"a\",\"body\":\"x\"}\n",
            &["--format", "jsonl"],
            "line 1: not a valid article: unknown field `body`",
        );
        rejects(
            "{\"id\":\"a\"}\n",
            &["--format", "jsonl"],
            "line 1: needs exactly one of \"text\" and \"html\"",
        );
    }

    #[test]
    fn archives_write_json_lines_only() {
        rejects(GOOD, &[], "use --format jsonl");
    }
}

/// Python with pyspark and a Java runtime, or why not.
fn spark_available() -> Result<(), String> {
    let python = std::process::Command::new("python3")
        .args(["-c", "import pyspark"])
        .output()
        .map_err(|e| format!("python3 not found: {e}"))?;
    if !python.status.success() {
        return Err("pyspark is not installed (pip install pyspark)".into());
    }
    let java = std::process::Command::new("java")
        .arg("-version")
        .output()
        .map_err(|e| format!("java not found: {e} (apt-get install openjdk-17-jre-headless)"))?;
    if !java.status.success() {
        return Err("java -version failed".into());
    }
    Ok(())
}

#[test]
fn the_spark_recipe_gives_the_single_machine_claims() {
    if let Err(why) = spark_available() {
        assert!(
            std::env::var("CI").map_or(true, |v| v != "true"),
            "the Spark test must run in CI (.ci/run installs Java and pyspark): {why}"
        );
        eprintln!("skipped: Spark recipe not run: {why}");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let archive = write_archive(dir.path(), "archive.jsonl", &archive_lines());
    let out = dir.path().join("claims");
    let run = std::process::Command::new("python3")
        .arg(root().join("benches/spark_compare.py"))
        .arg(&archive)
        .arg(&out)
        .arg("--crosscheck")
        .arg(assert_cmd::cargo::cargo_bin!("crosscheck"))
        .args(["--partitions", "3", "--master", "local[2]"])
        .output()
        .unwrap();
    assert!(
        run.status.success(),
        "spark_compare.py failed: {}",
        String::from_utf8_lossy(&run.stderr)
    );
    let mut spark: Vec<String> = Vec::new();
    for part in fs::read_dir(&out).unwrap() {
        let part = part.unwrap().path();
        if part
            .file_name()
            .unwrap()
            .to_string_lossy()
            .starts_with("part-")
        {
            spark.extend(fs::read_to_string(&part).unwrap().lines().map(String::from));
        }
    }
    let mut single: Vec<String> = compare_jsonl(&archive, &[])
        .lines()
        .map(String::from)
        .collect();
    assert!(single.len() > 100);
    spark.sort();
    single.sort();
    assert_eq!(spark, single);
}

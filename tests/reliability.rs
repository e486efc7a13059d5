//! The promises of docs/reliability.md, each tried the way a user breaks it: an output that
//! names an input, an interrupted write, several writers of one reviews file, a signal while
//! the review holds the terminal in raw mode.

use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use crate::review::{decisions, pending, Seed};
use crate::util::crosscheck;

fn bin() -> PathBuf {
    PathBuf::from(assert_cmd::cargo::cargo_bin!("crosscheck"))
}

/// Runs crosscheck in `dir` and asserts exit 2 with one line on stderr naming `file`.
fn refused(dir: &Path, args: &[&str], file: &str) {
    let out = crosscheck().current_dir(dir).args(args).output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{args:?}: {stderr}");
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(stderr.contains(file), "{stderr}");
    assert!(stderr.contains("names an input"), "{stderr}");
}

/// The seed pair in a temp directory, with the bytes of each article to compare later.
fn seed_with_originals() -> (Seed, Vec<(PathBuf, Vec<u8>)>) {
    let seed = Seed::new();
    let originals = ["wsj.txt", "post.txt"]
        .iter()
        .map(|n| (seed.path(n), std::fs::read(seed.path(n)).unwrap()))
        .collect();
    (seed, originals)
}

fn assert_untouched(originals: &[(PathBuf, Vec<u8>)]) {
    for (path, bytes) in originals {
        assert_eq!(
            &std::fs::read(path).unwrap(),
            bytes,
            "{} changed",
            path.display()
        );
    }
}

#[test]
fn compare_refuses_to_write_over_an_article_by_name_or_absolute_path() {
    let (seed, originals) = seed_with_originals();
    let dir = seed.dir.path();
    refused(
        dir,
        &["compare", "wsj.txt", "post.txt", "-o", "wsj.txt"],
        "wsj.txt",
    );
    let absolute = seed.path("post.txt").display().to_string();
    refused(
        dir,
        &["compare", "wsj.txt", "post.txt", "-o", &absolute],
        &absolute,
    );
    refused(
        dir,
        &[
            "compare",
            "wsj.txt",
            "post.txt",
            "--summary",
            "-o",
            "./wsj.txt",
        ],
        "./wsj.txt",
    );
    assert_untouched(&originals);
}

#[cfg(unix)]
#[test]
fn compare_refuses_an_output_that_links_to_an_article() {
    let (seed, originals) = seed_with_originals();
    let dir = seed.dir.path();
    std::os::unix::fs::symlink("wsj.txt", seed.path("soft.csv")).unwrap();
    std::fs::hard_link(seed.path("post.txt"), seed.path("hard.csv")).unwrap();
    refused(
        dir,
        &["compare", "wsj.txt", "post.txt", "-o", "soft.csv"],
        "soft.csv",
    );
    refused(
        dir,
        &["compare", "wsj.txt", "post.txt", "-o", "hard.csv"],
        "hard.csv",
    );
    // and the other way round: the article given through the link
    refused(
        dir,
        &["compare", "soft.csv", "post.txt", "-o", "wsj.txt"],
        "wsj.txt",
    );
    assert_untouched(&originals);
}

#[test]
fn an_article_found_inside_a_directory_is_an_input_too() {
    let (seed, originals) = seed_with_originals();
    let dir = seed.dir.path();
    refused(dir, &["compare", ".", "-o", "post.txt"], "post.txt");
    assert_untouched(&originals);
}

#[test]
fn check_refuses_a_junit_report_over_an_input() {
    let (seed, originals) = seed_with_originals();
    let dir = seed.dir.path();
    refused(
        dir,
        &["check", "wsj.txt", "post.txt", "--junit", "post.txt"],
        "post.txt",
    );
    std::fs::write(seed.path("policy.toml"), "").unwrap();
    refused(
        dir,
        &[
            "check",
            "wsj.txt",
            "post.txt",
            "--config",
            "policy.toml",
            "--junit",
            "policy.toml",
        ],
        "policy.toml",
    );
    assert_eq!(std::fs::read(seed.path("policy.toml")).unwrap(), b"");
    assert_untouched(&originals);
}

#[test]
fn pairs_and_review_refuse_to_write_over_their_inputs() {
    let (seed, originals) = seed_with_originals();
    let dir = seed.dir.path();
    let pairs = "The mayor opened the bridge.\tThe bridge was opened by the mayor.\n";
    std::fs::write(seed.path("pairs.tsv"), pairs).unwrap();
    refused(dir, &["pairs", "pairs.tsv", "-o", "pairs.tsv"], "pairs.tsv");
    assert_eq!(
        std::fs::read_to_string(seed.path("pairs.tsv")).unwrap(),
        pairs
    );
    let id = pending(&seed.articles()).remove(0).id;
    refused(
        dir,
        &[
            "review",
            "wsj.txt",
            "post.txt",
            "--reviews",
            "wsj.txt",
            "--set",
            &format!("{id}=verified"),
        ],
        "wsj.txt",
    );
    assert_untouched(&originals);
}

#[test]
fn pairs_eval_on_unlabelled_pairs_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("p.tsv"),
        "A dog barked.\tA dog was barking.\n",
    )
    .unwrap();
    let out = crosscheck()
        .current_dir(dir.path())
        .args(["pairs", "p.tsv", "--eval", "-o", "out.csv"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("labelled"));
    assert!(!dir.path().join("out.csv").exists());
}

/// Two articles of `n` sentences each on one invented story, big enough that `compare -o`
/// writes a large file.
fn long_story(dir: &Path, n: usize) {
    let towns = [
        "Aldmere",
        "Brockhaven",
        "Corvale",
        "Dunmoor",
        "Eastwick",
        "Fenbury",
    ];
    let things = [
        "buses", "schools", "bridges", "clinics", "parks", "wells", "depots",
    ];
    let verbs = ["repaired", "closed", "rebuilt", "inspected", "funded"];
    for (name, shift) in [("a.txt", 0), ("b.txt", 2)] {
        let mut text = String::new();
        for i in 0..n {
            text.push_str(&format!(
                "The council of {} said that {} {} would be {} by the end of {}.\n",
                towns[(i * 5 + shift) % towns.len()],
                i % 97 + 2,
                things[(i * 3) % things.len()],
                verbs[(i + shift) % verbs.len()],
                1990 + i % 45
            ));
        }
        std::fs::write(dir.join(name), text).unwrap();
    }
}

fn signal(child: &Child, name: &str) {
    let status = Command::new("kill")
        .args(["-s", name, &child.id().to_string()])
        .status()
        .unwrap();
    assert!(status.success(), "kill -s {name}");
}

fn temporaries(dir: &Path) -> Vec<String> {
    std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".tmp"))
        .collect()
}

#[cfg(unix)]
#[test]
fn an_interrupted_compare_leaves_the_old_output_or_the_new_and_no_temporary() {
    let dir = tempfile::tempdir().unwrap();
    long_story(dir.path(), 1200);
    let out = dir.path().join("claims.csv");
    let compare = || {
        let mut cmd = Command::new(bin());
        cmd.current_dir(dir.path())
            .args(["compare", "a.txt", "b.txt", "-o", "claims.csv"])
            .stderr(Stdio::null());
        cmd
    };
    // one full run: the complete new output, and how long a run takes
    let start = Instant::now();
    assert!(compare().status().unwrap().success());
    let took = start.elapsed();
    let new = std::fs::read(&out).unwrap();
    assert!(new.len() > 200_000, "a large output: {} bytes", new.len());
    let old = b"old output\n".to_vec();
    // kill moments spread over the whole run, its end (the write) included; a fixed
    // pseudo-random sequence so every run of the test tries the same moments
    let mut state: u64 = 0x2545_f491;
    for round in 0..12 {
        std::fs::write(&out, &old).unwrap();
        state = state
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1);
        let fraction = 0.2 + (state >> 33) as f64 / (1u64 << 31) as f64;
        let mut child = compare().spawn().unwrap();
        std::thread::sleep(took.mul_f64(fraction));
        signal(&child, ["INT", "TERM", "HUP"][round % 3]);
        let status = child.wait().unwrap();
        let now = std::fs::read(&out).unwrap();
        assert!(
            now == old || now == new,
            "round {round} ({status}): the output is neither the old one nor the new one"
        );
        assert_eq!(
            temporaries(dir.path()),
            Vec::<String>::new(),
            "round {round}"
        );
    }
}

/// An interactive review in line mode, its keys on a pipe kept open, its output collected.
struct Session {
    child: Child,
    keys: std::process::ChildStdin,
    output: std::sync::mpsc::Receiver<Vec<u8>>,
    seen: Vec<u8>,
}

impl Session {
    fn open(seed: &Seed) -> Session {
        let mut child = Command::new(bin())
            .arg("review")
            .args(seed.articles())
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let keys = child.stdin.take().unwrap();
        let output = read_in_background(child.stdout.take().unwrap());
        Session {
            child,
            keys,
            output,
            seen: Vec::new(),
        }
    }

    fn press(&mut self, keys: &str) {
        self.keys.write_all(keys.as_bytes()).unwrap();
        self.keys.flush().unwrap();
    }

    /// Waits until the output holds `text` `times` times.
    fn wait_output(&mut self, text: &str, times: usize) {
        let deadline = Instant::now() + Duration::from_secs(60);
        while String::from_utf8_lossy(&self.seen).matches(text).count() < times {
            assert!(Instant::now() < deadline, "never saw {text:?}");
            if let Ok(chunk) = self.output.recv_timeout(Duration::from_millis(50)) {
                self.seen.extend(chunk);
            }
        }
    }

    /// Ends the input and returns the whole output.
    fn finish(mut self) -> String {
        drop(self.keys);
        assert!(self.child.wait().unwrap().success());
        while let Ok(chunk) = self.output.recv() {
            self.seen.extend(chunk);
        }
        String::from_utf8_lossy(&self.seen).into_owned()
    }
}

fn read_in_background(mut from: impl Read + Send + 'static) -> std::sync::mpsc::Receiver<Vec<u8>> {
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let mut buf = [0u8; 4096];
        while let Ok(n) = from.read(&mut buf) {
            if n == 0 || tx.send(buf[..n].to_vec()).is_err() {
                break;
            }
        }
    });
    rx
}

const PROMPT: &str = "[v,n,d,l,x,s,a,u,q,?] >";

fn decision(seed: &Seed, id: &str) -> Option<String> {
    if !seed.reviews().exists() {
        return None;
    }
    decisions(&seed.reviews())
        .into_iter()
        .find(|(i, _, _)| i == id)
        .map(|(_, d, _)| d)
}

fn wait_for(seed: &Seed, id: &str, want: &str) {
    let deadline = Instant::now() + Duration::from_secs(60);
    while decision(seed, id).as_deref() != Some(want) {
        assert!(Instant::now() < deadline, "{id} never became {want}");
        std::thread::sleep(Duration::from_millis(20));
    }
}

#[test]
fn an_open_session_keeps_decisions_made_meanwhile_by_set_and_by_hand() {
    let seed = Seed::new();
    let all = pending(&seed.articles());
    let (first, second, third) = (&all[0], &all[1], &all[2]);
    let mut session = Session::open(&seed);
    session.press("v\n");
    wait_for(&seed, &first.id, "verified");
    // another writer decides the third claim, then a person adds a line by hand
    crosscheck()
        .args(["review", "--set", &format!("{}=disputed", third.id)])
        .args(seed.articles())
        .assert()
        .success();
    let mut text = std::fs::read_to_string(seed.reviews()).unwrap();
    text.push_str("hand-1,wsj,needs-source,typed in an editor,\n");
    std::fs::write(seed.reviews(), text).unwrap();
    session.press("v\n");
    wait_for(&seed, &second.id, "verified");
    let out = session.finish();
    assert_eq!(decision(&seed, &first.id).as_deref(), Some("verified"));
    assert_eq!(
        decision(&seed, &third.id).as_deref(),
        Some("disputed"),
        "{out}"
    );
    assert_eq!(decision(&seed, "hand-1").as_deref(), Some("needs-source"));
}

#[test]
fn a_claim_decided_elsewhere_meanwhile_is_a_conflict_shown_not_overwritten() {
    let seed = Seed::new();
    let first = pending(&seed.articles()).remove(0);
    let mut session = Session::open(&seed);
    session.wait_output(PROMPT, 1); // the session has read the file
    crosscheck()
        .args(["review", "--set", &format!("{}=disputed", first.id)])
        .args(seed.articles())
        .assert()
        .success();
    session.press("v\n");
    session.wait_output(PROMPT, 2);
    assert_eq!(decision(&seed, &first.id).as_deref(), Some("disputed"));
    session.press("q\n");
    let out = session.finish();
    assert!(
        out.contains(&format!("conflict: {} was changed", first.id)),
        "{out}"
    );
    assert!(out.contains("now disputed"), "{out}");
    assert_eq!(decision(&seed, &first.id).as_deref(), Some("disputed"));

    // pressing the key again after the conflict replaces the other decision knowingly
    let again = pending(&seed.articles()).remove(0);
    let mut session = Session::open(&seed);
    session.wait_output(PROMPT, 1);
    crosscheck()
        .args(["review", "--set", &format!("{}=needs-source", again.id)])
        .args(seed.articles())
        .assert()
        .success();
    session.press("d\nd\nq\n");
    let out = session.finish();
    assert!(out.contains("conflict"), "{out}");
    assert_eq!(decision(&seed, &again.id).as_deref(), Some("disputed"));
}

#[test]
fn a_session_and_concurrent_set_writers_lose_no_decision() {
    for round in 0..4 {
        let seed = Seed::new();
        let queue = pending(&seed.articles());
        // the session shows integrity flags first; it skips them, then walks the claims
        let flags = queue.iter().filter(|p| p.pending == "flag").count();
        let all: Vec<String> = queue
            .into_iter()
            .filter(|p| p.pending != "flag")
            .map(|p| p.id)
            .collect();
        let n = all.len().min(24);
        assert!(n >= 12, "the seed pair has enough pending claims");
        // the session decides the even ones, three --set writers the odd ones; the writers
        // start once the session has read the file (so it walks all the claims)
        let mut session = Session::open(&seed);
        session.wait_output(PROMPT, 1);
        let odd: Vec<&String> = all[..n].iter().skip(1).step_by(2).collect();
        let writers: Vec<Child> = (0..3)
            .map(|w| {
                let mut cmd = Command::new(bin());
                cmd.arg("review").args(seed.articles());
                for id in odd.iter().skip(w).step_by(3) {
                    cmd.args(["--set", &format!("{id}=disputed")]);
                }
                cmd.stderr(Stdio::null()).spawn().unwrap()
            })
            .collect();
        for _ in 0..flags {
            session.press("s\n");
        }
        for i in 0..n {
            session.press(if i % 2 == 0 { "v\n" } else { "s\n" });
            std::thread::sleep(Duration::from_millis(15));
        }
        session.press("q\n");
        for mut w in writers {
            assert!(w.wait().unwrap().success());
        }
        let out = session.finish();
        let file = decisions(&seed.reviews());
        for (i, id) in all[..n].iter().enumerate() {
            let want = if i % 2 == 0 { "verified" } else { "disputed" };
            let got = file
                .iter()
                .find(|(f, _, _)| f == id)
                .map(|(_, d, _)| d.as_str());
            assert_eq!(got, Some(want), "round {round}: {id} lost\n{out}");
        }
    }
}

/// `script` from util-linux runs a command under a pseudo-terminal; absent elsewhere.
fn have_script() -> bool {
    Command::new("script")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success())
}

/// Runs an interactive review on a pseudo-terminal (raw mode, single keys), sends it
/// `signal` once it waits for a key, and returns `stty -a` as the terminal is afterwards.
fn signalled_review(seed: &Seed, signal_name: &str) -> (String, String) {
    let dir = seed.dir.path();
    // the inner shell writes its own pid ($$ in single quotes) and becomes the review
    let inner = format!(
        "echo $$ > review.pid; exec \"{}\" review wsj.txt post.txt",
        bin().display()
    );
    let outer = format!("sh -c '{inner}'; stty -a > stty-after.txt");
    let mut script = Command::new("script")
        .current_dir(dir)
        .args(["-q", "-e", "-c", &outer, "/dev/null"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let keep_open = script.stdin.take().unwrap();
    let rx = read_in_background(script.stdout.take().unwrap());
    let mut seen = Vec::new();
    let deadline = Instant::now() + Duration::from_secs(60);
    while !String::from_utf8_lossy(&seen).contains(PROMPT) {
        assert!(
            Instant::now() < deadline,
            "no prompt: {}",
            String::from_utf8_lossy(&seen)
        );
        if let Ok(chunk) = rx.recv_timeout(Duration::from_millis(100)) {
            seen.extend(chunk);
        }
    }
    let pid = std::fs::read_to_string(dir.join("review.pid")).unwrap();
    let status = Command::new("kill")
        .args(["-s", signal_name, pid.trim()])
        .status()
        .unwrap();
    assert!(status.success());
    let after = dir.join("stty-after.txt");
    while !after.exists() || std::fs::read_to_string(&after).unwrap().is_empty() {
        assert!(Instant::now() < deadline, "stty never ran after the signal");
        std::thread::sleep(Duration::from_millis(50));
    }
    // the shell ends after stty, and script with it: wait, so its output is complete
    drop(keep_open);
    let _ = script.wait();
    while let Ok(chunk) = rx.recv() {
        seen.extend(chunk);
    }
    (
        String::from_utf8_lossy(&seen).into_owned(),
        std::fs::read_to_string(after).unwrap(),
    )
}

#[test]
fn the_terminal_is_back_in_cooked_mode_after_sigterm_sigint_and_sighup() {
    if !have_script() {
        eprintln!("skipped: `script` (util-linux) not found");
        return;
    }
    for signal_name in ["TERM", "INT", "HUP"] {
        let seed = Seed::new();
        let (shown, stty) = signalled_review(&seed, signal_name);
        // raw mode was on: the session drew on a terminal (ANSI styles)
        assert!(shown.contains("\x1b[1m"), "{signal_name}: {shown}");
        let flags: Vec<&str> = stty.split([' ', ';', '\n']).collect();
        for flag in ["icanon", "echo", "isig", "opost"] {
            assert!(
                flags.contains(&flag),
                "{signal_name}: {flag} not restored:\n{stty}"
            );
        }
        assert!(
            shown.contains("\x1b[?25h"),
            "{signal_name}: cursor not shown"
        );
    }
}

/// Runs `compare` with `args` in `dir`, asserting exit 2 and one line on stderr; returns it.
fn compare_fails(dir: &Path, args: &[&str]) -> String {
    let out = crosscheck()
        .current_dir(dir)
        .arg("compare")
        .args(args)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    assert_eq!(out.status.code(), Some(2), "{args:?}: {stderr}");
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(out.stdout.is_empty());
    stderr
}

#[test]
fn a_nul_byte_is_refused_naming_the_file_and_line() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("a.txt"),
        "The mayor spoke.\nThe\0 road closed.\n",
    )
    .unwrap();
    std::fs::write(dir.path().join("b.txt"), "The mayor spoke on Friday.\n").unwrap();
    let err = compare_fails(dir.path(), &["a.txt", "b.txt"]);
    assert!(err.contains("a.txt: holds a NUL byte (line 2"), "{err}");
}

#[test]
fn a_utf16_file_is_reported_as_utf16() {
    let dir = tempfile::tempdir().unwrap();
    let text = "The mayor said the bridge would reopen on Friday.\n";
    let le: Vec<u8> = text.encode_utf16().flat_map(u16::to_le_bytes).collect();
    let mut with_bom = vec![0xff, 0xfe];
    with_bom.extend(&le);
    let be: Vec<u8> = text.encode_utf16().flat_map(u16::to_be_bytes).collect();
    std::fs::write(dir.path().join("b.txt"), text).unwrap();
    for (name, bytes) in [("bom.txt", with_bom), ("le.txt", le), ("be.txt", be)] {
        std::fs::write(dir.path().join(name), bytes).unwrap();
        let err = compare_fails(dir.path(), &[name, "b.txt"]);
        assert!(err.contains(&format!("{name}: looks like UTF-16")), "{err}");
    }
}

#[test]
fn an_empty_label_is_an_error() {
    let (seed, _) = seed_with_originals();
    let err = compare_fails(
        seed.dir.path(),
        &["wsj.txt", "post.txt", "--label", "", "--label", "post"],
    );
    assert!(err.contains("--label ''"), "{err}");
    let err = compare_fails(seed.dir.path(), &["wsj.txt", "post.txt", "--label", "  "]);
    assert!(err.contains("must not be empty"), "{err}");
}

#[test]
fn threads_past_the_cap_are_an_error() {
    let (seed, _) = seed_with_originals();
    let err = compare_fails(
        seed.dir.path(),
        &["wsj.txt", "post.txt", "--threads", "10000"],
    );
    assert!(err.contains("--threads 10000: at most 256"), "{err}");
    crosscheck()
        .current_dir(seed.dir.path())
        .args(["compare", "wsj.txt", "post.txt", "--threads", "256"])
        .assert()
        .success();
}

#[test]
fn an_article_past_the_size_limit_stops_with_one_line() {
    let (seed, _) = seed_with_originals();
    let size = std::fs::metadata(seed.path("wsj.txt")).unwrap().len();
    let limit = (size - 1).to_string();
    let err = compare_fails(
        seed.dir.path(),
        &["wsj.txt", "post.txt", "--max-article-bytes", &limit],
    );
    assert!(err.contains("wsj.txt: larger than the limit"), "{err}");
    assert!(err.contains("--max-article-bytes"), "{err}");
    // exactly the limit is fine; standard input is limited too
    let exact = size.to_string();
    crosscheck()
        .current_dir(seed.dir.path())
        .args([
            "compare",
            "wsj.txt",
            "post.txt",
            "--max-article-bytes",
            &exact,
        ])
        .assert()
        .success();
    let out = crosscheck()
        .current_dir(seed.dir.path())
        .args(["compare", "-", "post.txt", "--max-article-bytes", "100"])
        .write_stdin(std::fs::read(seed.path("wsj.txt")).unwrap())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("-: larger than the limit"));
}
